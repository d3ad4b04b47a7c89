"""Named dependencies for API routes and web pages: declare a parameter, get the service.

Every service comes from the composition root (``koers.bootstrap``), which ``create_app`` puts
on ``app.state.services``; nothing here builds one. Tests replace a service with
``app.dependency_overrides[get_checks] = ...`` or by handing parts to ``build_services``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from koers.bootstrap import Services
from koers.config import Settings
from koers.services.accounts import AccountService
from koers.services.check import CheckService
from koers.services.consent import ConsentService
from koers.services.extraction import ExtractionService
from koers.services.forecast import ForecastService
from koers.services.oidc import OidcClient
from koers.services.personal_data import PersonalDataService
from koers.services.portfolio import PortfolioService
from koers.services.sessions import SessionService
from koers.services.taxonomy import TaxonomyService


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def get_settings(request: Request) -> Settings:
    return get_services(request).settings


def get_taxonomy(request: Request) -> TaxonomyService:
    return get_services(request).taxonomy


def get_extraction(request: Request) -> ExtractionService:
    return get_services(request).extraction


def get_forecast(request: Request) -> ForecastService:
    return get_services(request).forecasts


def get_checks(request: Request) -> CheckService:
    return get_services(request).checks


def get_portfolios(request: Request) -> PortfolioService:
    return get_services(request).portfolios


def get_accounts(request: Request) -> AccountService:
    return get_services(request).accounts


def get_sessions(request: Request) -> SessionService:
    return get_services(request).sessions


def get_consents(request: Request) -> ConsentService:
    return get_services(request).consents


def get_personal_data(request: Request) -> PersonalDataService:
    return get_services(request).personal_data


def get_oidc(request: Request) -> OidcClient:
    return get_services(request).oidc


SettingsDep = Annotated[Settings, Depends(get_settings)]
TaxonomyDep = Annotated[TaxonomyService, Depends(get_taxonomy)]
ExtractionDep = Annotated[ExtractionService, Depends(get_extraction)]
ForecastDep = Annotated[ForecastService, Depends(get_forecast)]
CheckDep = Annotated[CheckService, Depends(get_checks)]
PortfolioDep = Annotated[PortfolioService, Depends(get_portfolios)]
AccountsDep = Annotated[AccountService, Depends(get_accounts)]
SessionsDep = Annotated[SessionService, Depends(get_sessions)]
ConsentsDep = Annotated[ConsentService, Depends(get_consents)]
PersonalDataDep = Annotated[PersonalDataService, Depends(get_personal_data)]
OidcDep = Annotated[OidcClient, Depends(get_oidc)]
