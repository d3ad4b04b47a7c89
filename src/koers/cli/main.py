"""The ``koers`` command line: one Typer sub-app per domain."""

from __future__ import annotations

import typer

from koers.cli import audit as audit_cli
from koers.cli import check as check_cli
from koers.cli import data, demo, forecast, serve, skills, taxonomy, users
from koers.cli import eval as eval_cli
from koers.cli import portfolio as portfolio_cli

app = typer.Typer(
    name="koers",
    help="Koers: learning and career platform driven by skills forecasts.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(data.app, name="data", help="Load the bundled data or an ESCO export into the store.")
app.add_typer(taxonomy.app, name="taxonomy", help="Look up and search the ESCO skills language.")
app.add_typer(
    forecast.app, name="forecast", help="Competence forecasts, tension ratios, back-tests."
)
app.add_typer(skills.app, name="skills", help="Extract ESCO skills from free text.")
app.add_typer(eval_cli.app, name="eval", help="Evaluate the product against gold files.")
app.add_typer(users.app, name="users", help="Accounts, roles and organisations.")
app.add_typer(demo.app, name="demo", help="Demo accounts, fictitious people (not in production).")
app.add_typer(portfolio_cli.app, name="portfolio", help="Competence portfolios: import, export.")
app.add_typer(check_cli.app, name="check", help="Competence checks for citizens and employers.")
app.add_typer(audit_cli.app, name="audit", help="Audit log upkeep: remove entries past retention.")
app.command("serve")(serve.serve)

if __name__ == "__main__":
    app()
