"""Server-rendered pages: Dutch first, English switchable, nothing from the internet."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from koers import i18n

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.IGNORECASE)

PAGES = [
    "/",
    "/taxonomie",
    "/taxonomie?q=verpleegkundige&kind=occupation",
    "/taxonomie/concept?key=2221.1",
    "/taxonomie/concept?key=2221",
    "/taxonomie/boom?hierarchy=isco",
    "/taxonomie/boom?hierarchy=skills",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_in_dutch_without_external_assets(
    sqlite_client: TestClient, path: str
) -> None:
    response = sqlite_client.get(path)
    assert response.status_code == 200
    html = response.text
    assert '<html lang="nl">' in html
    assert 'href="#inhoud"' in html, "skip link for keyboard users"
    assert not EXTERNAL.search(html), EXTERNAL.search(html)
    assert "@import" not in html


def test_search_page_lists_nursing(sqlite_client: TestClient) -> None:
    html = sqlite_client.get("/taxonomie", params={"q": "verpleegkundge"}).text
    assert "verpleegkundige" in html
    assert 'role="status"' in html


def test_english_switch_sets_cookie(sqlite_client: TestClient) -> None:
    response = sqlite_client.get("/", params={"lang": "en"})
    assert '<html lang="en">' in response.text
    assert "Welcome to Koers" in response.text
    assert response.cookies.get("koers_lang") == "en"
    again = sqlite_client.get("/")
    assert '<html lang="en">' in again.text


def test_concept_page_shows_skills_and_hierarchy(sqlite_client: TestClient) -> None:
    html = sqlite_client.get("/taxonomie/concept", params={"key": "2221.1"}).text
    assert "Wat je zeker moet kunnen" in html
    assert "Verpleegkundigen met hogere opleiding" in html  # Dutch ISCO label, breadcrumb
    assert 'lang="en"' in html  # English-only skill labels are marked for screen readers


def test_unknown_concept_gives_dutch_error_page(sqlite_client: TestClient) -> None:
    response = sqlite_client.get("/taxonomie/concept", params={"key": "bestaat-niet"})
    assert response.status_code == 404
    assert "Er ging iets mis" in response.text


def test_html_is_escaped(sqlite_client: TestClient) -> None:
    html = sqlite_client.get("/taxonomie", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_static_css_served(sqlite_client: TestClient) -> None:
    response = sqlite_client.get("/static/koers.css")
    assert response.status_code == 200 and "font-family" in response.text


def test_a_third_language_is_served_from_its_catalogue_alone(
    sqlite_client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(i18n.LOCALE_DIR, tmp_path, dirs_exist_ok=True)
    french = i18n.catalogue_path(tmp_path, "fr")
    french.parent.mkdir(parents=True)
    french.write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "home.title"\nmsgstr "Bienvenue chez Koers"\n\n'
        'msgid "nav.language"\nmsgstr "En français"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.catalogues.cache_clear()
    try:
        french_page = sqlite_client.get("/", params={"lang": "fr"}).text
        dutch_page = sqlite_client.get("/", params={"lang": "nl"}).text
    finally:
        i18n.catalogues.cache_clear()  # the next test reads the real catalogues again
    assert '<html lang="fr">' in french_page
    assert "Bienvenue chez Koers" in french_page
    assert 'hreflang="nl"' in french_page and 'hreflang="en"' in french_page
    assert 'hreflang="fr"' in dutch_page and "En français" in dutch_page
