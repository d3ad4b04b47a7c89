"""The gettext catalogues: complete in Dutch and English, placeholders that agree, and a new
language that needs nothing but its catalogue folder."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from koers import i18n
from koers.i18n import LOCALE_DIR, Catalogues, catalogue_path, languages
from koers.messages import message

PLACEHOLDER = re.compile(r"%\((\w+)\)[sdifr]")


def entries(lang: str, directory: Path = LOCALE_DIR) -> dict[str, str]:
    with catalogue_path(directory, lang).open("rb") as po:
        return {m.id: m.string for m in read_po(po, locale=lang) if m.id}


def test_dutch_and_english_are_the_languages_and_dutch_comes_first() -> None:
    assert languages()[0] == "nl"
    assert {"nl", "en"} <= set(languages())


def test_every_message_has_a_dutch_and_an_english_text() -> None:
    dutch, english = entries("nl"), entries("en")
    assert len(dutch) > 500
    assert dutch.keys() == english.keys(), dutch.keys() ^ english.keys()
    for lang, texts in (("nl", dutch), ("en", english)):
        empty = [key for key, text in texts.items() if not text.strip()]
        assert not empty, f"{lang}: empty texts for {empty}"


@pytest.mark.parametrize("lang", languages())
def test_placeholders_match_the_dutch_text_and_format(lang: str) -> None:
    dutch = entries("nl")
    for key, text in entries(lang).items():
        assert key in dutch, f"{lang}: '{key}' is not a Dutch message id"
        names = set(PLACEHOLDER.findall(text))
        assert names == set(PLACEHOLDER.findall(dutch[key])), f"{lang}: {key}"
        # a bare % (instead of %%) or a broken placeholder fails here, not on a page
        text % dict.fromkeys(names, 1)


def test_texts_are_plain_text_for_every_adapter() -> None:
    # the web escapes catalogue texts; markup in a text would show as tags in the page
    for lang in languages():
        for key, text in entries(lang).items():
            assert "<" not in text, f"{lang}: {key} holds markup"


def test_translate_fills_placeholders_and_nested_messages() -> None:
    assert i18n.translate("summary.more", "en", n=3) == "and 3 more skills"
    assert i18n.translate("analyst.interval80", "nl") == "80 % zeker"
    nested = message("check.tension_source", source=message("check.unknown"))
    assert i18n.translate_message(nested, "nl") == "Bron: onbekend."


def test_unknown_language_and_missing_id_fall_back() -> None:
    assert i18n.translate("check.yes", "xx") == "ja"
    assert i18n.translate("no.such.id", "en") == "no.such.id"


def test_a_third_language_needs_only_its_catalogue_folder(tmp_path: Path) -> None:
    shutil.copytree(LOCALE_DIR, tmp_path, dirs_exist_ok=True)
    french = catalogue_path(tmp_path, "fr")
    french.parent.mkdir(parents=True)
    french.write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "check.yes"\nmsgstr "oui"\n\n'
        'msgid "summary.more"\nmsgstr "et %(n)s autres compétences"\n',
        encoding="utf-8",
    )
    found = Catalogues(tmp_path)
    assert found.languages == ("nl", "en", "fr")
    assert found.translate("check.yes", "fr") == "oui"
    assert found.translate("summary.more", "fr", n=2) == "et 2 autres compétences"
    assert found.translate("check.unknown", "fr") == "onbekend"  # not translated yet: Dutch


def test_a_folder_without_a_catalogue_is_no_language(tmp_path: Path) -> None:
    shutil.copytree(LOCALE_DIR, tmp_path, dirs_exist_ok=True)
    (tmp_path / "de" / "LC_MESSAGES").mkdir(parents=True)
    assert Catalogues(tmp_path).languages == ("nl", "en")
