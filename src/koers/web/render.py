"""Template rendering with the language chosen by ``?lang=``, then a cookie, then the default.

Every template has ``csrf_field(request)`` (the hidden CSRF input of a POST form) and
``signed_in(request)`` (the signed-in account or ``None``) as globals.

Templates translate with the Jinja2 i18n extension (``_()``, ``gettext()``, ``{% trans %}``;
``t()`` is the same function under its older name); ``tm(message)`` puts a domain
:class:`~koers.messages.Message` (or a paragraph of them) in words. The templates object is
shared by every request, so no language is installed on it: the installed callables read the
language of the template being rendered (its ``lang`` variable) and look it up in
``koers.i18n``.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from koers.http.deps import get_settings
from koers.http.security import CSRF_FIELD, csrf_token, current_account
from koers.i18n import FALLBACK, catalogues, languages, translate, translate_all
from koers.messages import Message

LANG_COOKIE = "koers_lang"

templates = Jinja2Templates(directory=str(resources.files("koers.web") / "templates"))
templates.env.add_extension("jinja2.ext.i18n")


def _escaped(context: Context, text: str) -> str:
    # Catalogue texts are plain text; newstyle gettext marks what it gets as safe, so escape
    # it here: a text never becomes markup and values filled in are escaped too.
    return escape(text) if context.eval_ctx.autoescape else text


@pass_context
def _gettext(context: Context, msgid: str) -> str:
    return _escaped(context, catalogues().gettext(context.get("lang") or FALLBACK, msgid))


@pass_context
def _ngettext(context: Context, singular: str, plural: str, n: int) -> str:
    lang = context.get("lang") or FALLBACK
    return _escaped(context, catalogues().ngettext(lang, singular, plural, n))


templates.env.install_gettext_callables(  # type: ignore[attr-defined]
    gettext=_gettext, ngettext=_ngettext, newstyle=True
)
templates.env.globals["t"] = templates.env.globals["gettext"]


@pass_context
def _message(context: Context, text: Message | Sequence[Message], separator: str = " ") -> str:
    """A domain message in the page's language; several (the sentences of an answer) are one
    paragraph."""
    lang = context.get("lang") or FALLBACK
    messages = (text,) if isinstance(text, Message) else text
    return _escaped(context, translate_all(messages, lang, separator))


templates.env.globals["tm"] = _message


def csrf_field(request: Request) -> Markup:
    """``<input type="hidden" name="csrf_token" …>`` for templates."""
    return Markup('<input type="hidden" name="{}" value="{}">').format(
        CSRF_FIELD, escape(csrf_token(request))
    )


templates.env.globals["csrf_field"] = csrf_field
templates.env.globals["signed_in"] = current_account


def language(request: Request) -> str:
    asked = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    if asked in languages():
        return str(asked)
    default = get_settings(request).default_language
    return default if default in languages() else FALLBACK


def render(
    request: Request, template: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    lang = language(request)
    params = dict(request.query_params)
    switches = []
    for other in languages():
        if other != lang:
            params["lang"] = other
            url = f"{request.url.path}?{urlencode(params)}"
            # the link names its language in that language ("In English")
            switches.append({"lang": other, "url": url, "label": translate("nav.language", other)})
    response = templates.TemplateResponse(
        request,
        template,
        {"lang": lang, "language_switches": switches, **context},
        status_code=status_code,
    )
    if request.query_params.get("lang") in languages():
        response.set_cookie(
            LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax", httponly=True
        )
    return response
