"""The account pages render in Dutch without external assets; the CLI makes users and demo
accounts, and refuses demo accounts in production."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from koers.access import Role
from koers.cli import _context
from koers.cli.main import app as cli
from koers.config import Settings
from koers.errors import Forbidden
from koers.services.accounts import AccountService
from koers.services.consent import ConsentService
from tests.access.world import FAST_HASHER, World
from tests.security.conftest import new_client, web_login

EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["'](?:https?:)?//""", re.IGNORECASE)

PAGES = [
    "/mijn-gegevens",
    "/mijn-gegevens/toegang",
    "/mijn-gegevens/wie-keek",
    "/mijn-gegevens/downloaden",
    "/mijn-gegevens/verwijderen",
    "/uitloggen",
]


@pytest.mark.parametrize("who", ["citizen", "coach"])
def test_signed_in_pages_render_in_dutch(app, world: World, who: str) -> None:  # type: ignore[no-untyped-def]
    client = new_client(app)
    web_login(client, getattr(world, who).email)
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.text
        assert '<html lang="nl">' in html
        assert not EXTERNAL.search(html), (path, EXTERNAL.search(html))
        assert 'href="/uitloggen"' in html, "nav shows the logged-in entries"
        assert response.headers["cache-control"] == "no-store"
        for form in re.findall(r"<form[^>]*method=\"post\".*?</form>", html, re.S):
            assert 'name="csrf_token"' in form, (path, form[:80])
        for input_id in re.findall(r'<input id="([^"]+)"', html):
            assert f'for="{input_id}"' in html, (path, input_id)


@pytest.mark.parametrize("path", ["/inloggen", "/registreren"])
def test_anonymous_pages_render_with_csrf_and_labels(client: TestClient, path: str) -> None:
    response = client.get(path)
    html = response.text
    assert response.status_code == 200
    assert 'name="csrf_token"' in html
    assert "koers_csrf" in response.headers["set-cookie"]
    assert 'href="/inloggen"' in html
    for input_id in re.findall(r'<input id="([^"]+)"', html):
        assert f'for="{input_id}"' in html


def test_english_is_switchable(client: TestClient) -> None:
    assert "Log in with your e-mail address" in client.get("/inloggen?lang=en").text


def test_downloads_are_attachments(app, world: World) -> None:  # type: ignore[no-untyped-def]
    client = new_client(app)
    web_login(client, world.citizen.email)
    response = client.get("/mijn-gegevens/downloaden/koers.json")
    assert response.headers["content-disposition"].startswith("attachment")
    assert response.json()["account"]["email"] == world.citizen.email
    ld = client.get("/mijn-gegevens/downloaden/europass.jsonld")
    assert ld.headers["content-type"].startswith("application/ld+json")


def test_web_erasure_signs_out(app, world: World) -> None:  # type: ignore[no-untyped-def]
    from tests.security.conftest import form_token

    client = new_client(app)
    web_login(client, world.citizen.email)
    token = form_token(client, "/mijn-gegevens/verwijderen")
    response = client.post(
        "/mijn-gegevens/verwijderen", data={"confirm": "VERWIJDER", "csrf_token": token}
    )
    assert response.status_code == 200
    assert "Je account is verwijderd" in response.text
    assert client.get("/api/v1/accounts/me").status_code == 401
    assert world.accounts.find_by_email(world.citizen.email) is None


@pytest.fixture()
def cli_env(tmp_path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KOERS_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("KOERS_ENVIRONMENT", "test")
    _context.reset()
    yield tmp_path
    _context.reset()


def test_cli_creates_users_with_organisations(cli_env) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "users",
            "create",
            "--role",
            "employer",
            "--email",
            "hr@test.koers.example",
            "--password",
            "Lange zin voor de test",
            "--organisation",
            "Testbedrijf",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    listed = runner.invoke(cli, ["users", "list", "--format", "json"])
    assert '"employer"' in listed.output and "hr@test.koers.example" in listed.output
    weak = runner.invoke(
        cli, ["users", "create", "--email", "x@test.koers.example", "--password", "kort"]
    )
    assert weak.exit_code == 2


def test_cli_demo_seed_prints_passwords_and_labels_accounts(cli_env) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(cli, ["demo", "seed", "--password", "Demo wachtwoord 2026"])
    assert result.exit_code == 0, result.output
    assert "fictitious" in result.output
    assert result.output.count("Demo wachtwoord 2026") == len(Role) + 1
    service = AccountService(_context.services().database, _context.settings(), hasher=FAST_HASHER)
    users = service.users()
    assert {u.role for u in users} == set(Role)
    assert all(u.is_demo and u.email.endswith("@demo.koers.example") for u in users)
    assert all("(demo)" in u.display_name for u in users)


def test_demo_seed_refuses_production(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from koers.cli.demo import seed
    from koers.store.db import Database

    database = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    service = AccountService(database, Settings(data_dir=tmp_path), hasher=FAST_HASHER)
    with pytest.raises(Forbidden):
        seed(service, ConsentService(service), "production")
    assert service.users() == []
