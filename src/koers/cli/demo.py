"""``koers demo seed``: clearly labelled demo accounts, one per role, with fictitious names.

Passwords are printed to the terminal only (new random ones at every run unless
``--password`` is given). Refuses to run when ``KOERS_ENVIRONMENT=production``.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from importlib import resources
from typing import Annotated

import typer

from koers.access import GranteeKind, OrganisationKind, Purpose, Resource, Role
from koers.cli._common import handles_errors
from koers.cli._context import services
from koers.errors import Forbidden
from koers.services.accounts import AccountService
from koers.services.consent import ConsentService
from koers.services.portfolio import PortfolioService

app = typer.Typer(no_args_is_help=True)

DEMO_DOMAIN = "demo.koers.example"
"""``.example`` is reserved (RFC 2606): these addresses can never reach a real person."""

DEMO_EMPLOYER = "Voorbeeldbedrijf NV (demo)"
DEMO_PROVIDER = "Voorbeeld Opleidingen vzw (demo)"

DEMO_USERS = [
    # (local part, display name, role, organisation)
    ("burger", "Demo Burger (demo)", Role.CITIZEN, None),
    ("burger2", "Demo Tweede Burger (demo)", Role.CITIZEN, None),
    ("begeleider", "Demo Begeleider (demo)", Role.COACH, None),
    ("werkgever", "Demo Werkgever (demo)", Role.EMPLOYER, DEMO_EMPLOYER),
    ("opleider", "Demo Opleider (demo)", Role.PROVIDER, DEMO_PROVIDER),
    ("analist", "Demo Analist (demo)", Role.ANALYST, None),
    ("beheerder", "Demo Beheerder (demo)", Role.ADMIN, None),
]


def seed(
    service: AccountService,
    consents: ConsentService,
    environment: str,
    password: str | None = None,
) -> list[tuple[str, str, str]]:
    """Create (or reset the passwords of) the demo accounts; returns (email, role, password).

    Also gives one demo consent: the demo citizen lets the demo coach see portfolio, checks and
    contact details for coaching, for 6 months.
    """
    if environment == "production":
        raise Forbidden("demo accounts are never created in production")
    orgs = {}
    for name, kind in [
        (DEMO_EMPLOYER, OrganisationKind.EMPLOYER),
        (DEMO_PROVIDER, OrganisationKind.PROVIDER),
    ]:
        orgs[name] = service.organisation_by_name(name) or service.create_organisation(
            name, kind, is_demo=True
        )
    result = []
    for local, name, role, org in DEMO_USERS:
        email = f"{local}@{DEMO_DOMAIN}"
        secret = password or f"demo-{secrets.token_urlsafe(9)}"
        account = service.find_by_email(email)
        if account is None:
            account = service.register(email, secret, name, role, is_demo=True)
        else:
            service.set_password(account.id, secret)
        if org:
            service.add_member(account.id, orgs[org].id)
        result.append((email, role.value, secret))
    citizen = service.find_by_email(f"burger@{DEMO_DOMAIN}")
    assert citizen is not None
    if not any(v.status.value == "active" for v in consents.consents_given(citizen)):
        consents.grant_consent(
            citizen,
            GranteeKind.USER,
            f"begeleider@{DEMO_DOMAIN}",
            [Resource.PORTFOLIO, Resource.CHECKS, Resource.CONTACT],
            (service.clock() + timedelta(days=182)).date(),
            "koers demo seed",
        )
    return result


def seed_portfolio(accounts: AccountService, portfolios: PortfolioService) -> bool:
    """Give the demo citizen the fictitious demo portfolio (marked sample) if it has none yet,
    so the citizen, coach and check pages show something; needs the taxonomy (its URIs are
    validated). Returns whether a portfolio was stored."""
    citizen = accounts.find_by_email(f"burger@{DEMO_DOMAIN}")
    if citizen is None or not portfolios.checks.taxonomy.is_loaded():
        return False
    route = "koers demo seed"
    if portfolios.portfolios_of(citizen.id, citizen.actor(), Purpose.SELF, route):
        return False
    demo = resources.files("koers.examples").joinpath("demo_citizen_portfolio.json")
    portfolio = portfolios.read(demo.read_bytes(), demo.name)
    portfolios.create(citizen.id, portfolio)
    return True


@app.command("seed")
@handles_errors
def seed_command(
    password: Annotated[
        str | None,
        typer.Option("--password", help="One password for all demo accounts (else random)."),
    ] = None,
) -> None:
    """Create the demo accounts (one per role, fictitious, labelled demo) and print passwords."""
    built = services()
    service = built.accounts
    accounts = seed(service, built.consents, built.settings.environment, password)
    typer.echo("Demo accounts (fictitious people; for trying Koers only, never in production):")
    for email, role, secret in accounts:
        typer.echo(f"  {role:<9} {email:<34} password: {secret}")
    if seed_portfolio(service, built.portfolios):
        typer.echo(f"  burger@{DEMO_DOMAIN} got the fictitious demo portfolio (SAMPLE).")
