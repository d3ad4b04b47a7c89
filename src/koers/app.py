"""The web application: HTTP API under ``/api/v1``, server-rendered pages, static assets.

``create_app`` is the only way to build it; nothing connects at import. It takes its services
from the composition root (``koers.bootstrap``) and assembles the two HTTP adapters side by
side: ``koers.api`` (JSON, problem+json errors) and ``koers.web`` (Dutch pages, error pages).
"""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from koers import __version__
from koers.api.routers import accounts, audit, consents, health, me, taxonomy
from koers.api.routers import check as check_api
from koers.api.routers import forecast as forecast_api
from koers.api.routers import portfolio as portfolio_api
from koers.api.routers import skills as skills_api
from koers.bootstrap import Services, build_services
from koers.config import Settings
from koers.errors import KoersError
from koers.http.errors import install_error_handlers
from koers.http.limits import HeavyLimits
from koers.http.middleware import csp_for_inline_scripts, install_middleware
from koers.logging import configure_logging
from koers.store.db import Database
from koers.web.errors import error_page, refusal_page, wants_html
from koers.web.pages import account as account_pages
from koers.web.pages import analyst as analyst_pages
from koers.web.pages import citizen as citizen_pages
from koers.web.pages import coach as coach_pages
from koers.web.pages import employer as employer_pages
from koers.web.pages import public
from koers.web.pages import taxonomy as taxonomy_pages

API_ROUTERS = [
    health.router,
    taxonomy.router,
    accounts.router,
    consents.router,
    audit.router,
    me.router,
    forecast_api.router,
    portfolio_api.router,
    check_api.router,
    skills_api.router,
]
WEB_ROUTERS = [public.router, taxonomy_pages.router, account_pages.router, analyst_pages.router]
WEB_ROUTERS += [citizen_pages.router, employer_pages.router]
WEB_ROUTERS += [coach_pages.router]


def create_app(
    settings: Settings | None = None,
    database: Database | None = None,
    services: Services | None = None,
) -> FastAPI:
    """The app over ``services`` (default: built from ``settings`` and ``database``)."""
    if services is None:
        services = build_services(settings or Settings(), database)
    settings = services.settings
    settings.check_production_ready()
    configure_logging()
    app = FastAPI(
        title="Koers API",
        version=__version__,
        description=(
            "Open HTTP API of Koers, the learning and career platform driven by skills "
            "forecasts. Errors are RFC 9457 problem+json."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.services = services
    app.state.heavy_limits = HeavyLimits(settings.max_heavy_requests)
    services.taxonomy.prepare()

    install_error_handlers(app)
    install_middleware(app, settings, page_error=refusal_page)
    _install_web_errors(app)
    for router in API_ROUTERS + WEB_ROUTERS:
        app.include_router(router)

    app.mount(
        "/static",
        StaticFiles(directory=str(resources.files("koers.web") / "static")),
        name="static",
    )
    # Swagger UI 5 (reads OpenAPI 3.1) as shipped inside the fastapi-offline wheel: no CDN.
    swagger_ui_path = str(resources.files("fastapi_offline") / "static")
    app.mount("/api/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/api/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        page = get_swagger_ui_html(
            openapi_url=app.openapi_url or "",
            title="Koers API",
            swagger_js_url="/api/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/api/docs-assets/swagger-ui.css",
            swagger_favicon_url="/api/docs-assets/favicon.png",
            swagger_ui_parameters={"validatorUrl": None},  # no calls to an online validator
        )
        page = HTMLResponse(bytes(page.body).replace(b"<html>", b'<html lang="en">', 1))
        page.headers["Content-Security-Policy"] = csp_for_inline_scripts(page.body)
        return page

    return app


def _install_web_errors(app: FastAPI) -> None:
    """Pages get a Dutch error page; API routes keep problem+json (``api/errors.py``)."""
    api_handler = app.exception_handlers[KoersError]

    async def koers_error(request: Request, exc: Exception) -> Response:
        if isinstance(exc, KoersError) and wants_html(request):
            return error_page(request, exc)
        return await api_handler(request, exc)  # type: ignore[no-any-return]

    app.add_exception_handler(KoersError, koers_error)
