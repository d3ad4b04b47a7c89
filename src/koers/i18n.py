"""Interface texts in every language Koers speaks: gettext catalogues read with Babel.

One catalogue per language, ``koers/locale/<lang>/LC_MESSAGES/koers.po``; the message ids are
symbolic keys (``citizen.skills.title``), placeholders are ``%(name)s`` and a literal percent
sign is ``%%``. The ``.po`` files are compiled in memory at first use, so a fresh checkout needs
no build step. The languages are the folders found there: a translator adds one by adding a
catalogue, no code. Dutch (``nl``) is the fallback for an id a catalogue lacks; an id missing
everywhere shows as itself (a test keeps pages free of those).

Every adapter translates through here: templates via the Jinja2 i18n extension
(``koers.web.render``), page modules, the API and the CLI via :func:`translate` and
:func:`translate_message`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from importlib import resources
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from koers.messages import Message

DOMAIN = "koers"
FALLBACK = "nl"
LOCALE_DIR = Path(str(resources.files("koers") / "locale"))


def catalogue_path(directory: Path, lang: str) -> Path:
    return directory / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _compile(path: Path, lang: str) -> Translations:
    """Read a ``.po`` file and compile it to gettext's in-memory form (fuzzy entries skipped,
    as ``msgfmt`` does)."""
    with path.open("rb") as po:
        catalogue = read_po(po, locale=lang, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


class Catalogues:
    """The catalogues found in one locale folder, each falling back to Dutch."""

    def __init__(self, directory: Path) -> None:
        found = sorted(
            p.name for p in directory.iterdir() if catalogue_path(directory, p.name).is_file()
        )
        if FALLBACK not in found:
            raise FileNotFoundError(f"no {FALLBACK} catalogue in {directory}")
        self.directory = directory
        self.languages: tuple[str, ...] = (FALLBACK, *(x for x in found if x != FALLBACK))
        fallback = _compile(catalogue_path(directory, FALLBACK), FALLBACK)
        self._translations: dict[str, NullTranslations] = {FALLBACK: fallback}
        for lang in self.languages[1:]:
            translations = _compile(catalogue_path(directory, lang), lang)
            translations.add_fallback(fallback)
            self._translations[lang] = translations

    def translations(self, lang: str) -> NullTranslations:
        """The gettext object for ``lang``; an unknown language gets Dutch."""
        return self._translations.get(lang) or self._translations[FALLBACK]

    def gettext(self, lang: str, msgid: str) -> str:
        return self.translations(lang).gettext(msgid)

    def ngettext(self, lang: str, singular: str, plural: str, n: int) -> str:
        return self.translations(lang).ngettext(singular, plural, n)

    def translate(self, msgid: str, lang: str, **params: object) -> str:
        """The text for ``msgid`` in ``lang`` with its placeholders filled. Always formatted
        (like Jinja's newstyle gettext), so ``%%`` means the same everywhere."""
        values = {
            k: self.translate_message(v, lang) if isinstance(v, Message) else v
            for k, v in params.items()
        }
        return self.gettext(lang, msgid) % values

    def translate_message(self, msg: Message, lang: str) -> str:
        return self.translate(msg.code, lang, **dict(msg.params))


@functools.cache
def catalogues() -> Catalogues:
    """Koers's own catalogues, read once per process (read-only afterwards, so shared by every
    request and thread)."""
    return Catalogues(LOCALE_DIR)


def languages() -> tuple[str, ...]:
    """The languages with a catalogue, Dutch first."""
    return catalogues().languages


def translate(msgid: str, lang: str, **params: object) -> str:
    return catalogues().translate(msgid, lang, **params)


def translate_message(msg: Message, lang: str) -> str:
    return catalogues().translate_message(msg, lang)


def translate_all(messages: Iterable[Message], lang: str, separator: str = "; ") -> str:
    """Several messages as one line (e.g. the reasons behind a skill's confidence)."""
    return separator.join(translate_message(m, lang) for m in messages)


def translator(lang: str) -> Callable[..., str]:
    """``translate`` bound to one language, for code that renders a whole document."""
    return functools.partial(catalogues().translate, lang=lang)
