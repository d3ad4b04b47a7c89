"""Template rendering with the language chosen by ``?lang=``, then a cookie, then the default.

Every template has ``csrf_field(request)`` (the hidden CSRF input of a POST form) and
``signed_in(request)`` (the signed-in account or ``None``) as globals.
"""

from __future__ import annotations

from importlib import resources
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from koers.http.deps import get_settings
from koers.http.security import CSRF_FIELD, csrf_token, current_account
from koers.web.i18n import LANGUAGES, translate

LANG_COOKIE = "koers_lang"

templates = Jinja2Templates(directory=str(resources.files("koers.web") / "templates"))


def csrf_field(request: Request) -> Markup:
    """``<input type="hidden" name="csrf_token" …>`` for templates."""
    return Markup('<input type="hidden" name="{}" value="{}">').format(
        CSRF_FIELD, escape(csrf_token(request))
    )


templates.env.globals["csrf_field"] = csrf_field
templates.env.globals["signed_in"] = current_account


def language(request: Request) -> str:
    asked = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    if asked in LANGUAGES:
        return str(asked)
    return get_settings(request).default_language


def render(
    request: Request, template: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    lang = language(request)
    other = "en" if lang == "nl" else "nl"
    params = dict(request.query_params)
    params["lang"] = other

    def t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    response = templates.TemplateResponse(
        request,
        template,
        {
            "lang": lang,
            "t": t,
            "switch_url": f"{request.url.path}?{urlencode(params)}",
            "other_lang": other,
            **context,
        },
        status_code=status_code,
    )
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie(
            LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax", httponly=True
        )
    return response
