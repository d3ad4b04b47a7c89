"""``koers users``: accounts and organisations for operators (and for test set-up).

Example (what browser tests use to make a test user)::

    koers users create --role citizen --email an@example.be --password "lange zin 2026" \\
        --name "An"
"""

from __future__ import annotations

from typing import Annotated

import typer

from koers.access import OrganisationKind, Role
from koers.cli._common import OutputFormat, emit_json, handles_errors
from koers.cli._context import services
from koers.errors import NotFound
from koers.services.accounts import AccountService

app = typer.Typer(no_args_is_help=True)


def accounts() -> AccountService:
    return services().accounts


@app.command("create")
@handles_errors
def create(
    email: Annotated[str, typer.Option("--email", help="Sign-in e-mail address.")],
    role: Annotated[Role, typer.Option("--role")] = Role.CITIZEN,
    password: Annotated[
        str,
        typer.Option(
            "--password",
            prompt=True,
            hide_input=True,
            confirmation_prompt=True,
            help="At least 10 characters; asked for when not given.",
        ),
    ] = "",
    name: Annotated[str, typer.Option("--name", help="Display name.")] = "",
    organisation: Annotated[
        str | None,
        typer.Option(
            "--organisation",
            help="Name of the organisation (employer or provider) to join; created if missing.",
        ),
    ] = None,
    output: Annotated[OutputFormat, typer.Option("--format")] = OutputFormat.TEXT,
) -> None:
    """Create an account with a role (and organisation membership for employers/providers)."""
    service = accounts()
    account = service.register(email, password, name or email.split("@")[0], role)
    if organisation:
        org = service.organisation_by_name(organisation)
        if org is None:
            kind = OrganisationKind.PROVIDER if role is Role.PROVIDER else OrganisationKind.EMPLOYER
            org = service.create_organisation(organisation, kind)
        service.add_member(account.id, org.id)
        account = service.get(account.id)
    if output is OutputFormat.JSON:
        emit_json(
            {
                "id": account.id,
                "role": account.role.value,
                "organisations": sorted(account.organisation_ids),
            }
        )
        return
    typer.echo(f"Created {account.role.value} account {account.id}.")


@app.command("list")
@handles_errors
def list_users(
    role: Annotated[Role | None, typer.Option("--role")] = None,
    output: Annotated[OutputFormat, typer.Option("--format")] = OutputFormat.TEXT,
) -> None:
    """Accounts with id, role and e-mail address (shown to the operator, never logged)."""
    rows = accounts().users(role)
    if output is OutputFormat.JSON:
        emit_json(
            [
                {
                    "id": a.id,
                    "email": a.email,
                    "role": a.role.value,
                    "organisations": sorted(a.organisation_ids),
                    "is_demo": a.is_demo,
                }
                for a in rows
            ]
        )
        return
    for a in rows:
        demo = " (demo)" if a.is_demo else ""
        typer.echo(f"{a.id}  {a.role.value:<9} {a.email}{demo}")


@app.command("set-role")
@handles_errors
def set_role(
    email: Annotated[str, typer.Option("--email")],
    role: Annotated[Role, typer.Option("--role")],
) -> None:
    """Give an account another role (e.g. make an OIDC-registered citizen a coach)."""
    service = accounts()
    account = service.find_by_email(email)
    if account is None:
        raise NotFound("no account with this e-mail address")
    service.set_role(account.id, role)
    typer.echo(f"Account {account.id} is now {role.value}.")


@app.command("create-organisation")
@handles_errors
def create_organisation(
    name: Annotated[str, typer.Option("--name")],
    kind: Annotated[OrganisationKind, typer.Option("--kind")] = OrganisationKind.EMPLOYER,
) -> None:
    """Create an employer or training-provider organisation."""
    org = accounts().create_organisation(name, kind)
    typer.echo(f"Created {org.kind.value} organisation {org.id}.")
