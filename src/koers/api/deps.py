"""Named dependencies for routes: declare a parameter, get the service."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from koers.config import Settings
from koers.services.taxonomy import TaxonomyService


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_taxonomy(request: Request) -> TaxonomyService:
    service: TaxonomyService = request.app.state.taxonomy
    return service


SettingsDep = Annotated[Settings, Depends(get_settings)]
TaxonomyDep = Annotated[TaxonomyService, Depends(get_taxonomy)]
