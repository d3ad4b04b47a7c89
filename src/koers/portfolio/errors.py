"""Errors of the portfolio domain; messages name the problem and never carry personal data."""

from __future__ import annotations

from collections.abc import Sequence

from koers.errors import Conflict, Forbidden, InvalidInput, KoersError, NotFound

MAX_LISTED_PROBLEMS = 50


class PortfolioInvalid(InvalidInput):
    """A portfolio file or edit failed validation; every problem is listed (up to 50).

    Attributes:
        problems: ``"<where>: <what>"`` strings, e.g. ``"claims[2].skill: not an ESCO skill
            URI"``; ``where`` is a JSON path or ``row N, column 'x'``.
    """

    code = "portfolio_invalid"

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        shown = list(problems[:MAX_LISTED_PROBLEMS])
        more = len(problems) - len(shown)
        text = "; ".join(shown) + (f"; … and {more} more" if more > 0 else "")
        super().__init__(f"{source}: {len(problems)} problem(s): {text}")
        self.source = source
        self.problems = list(problems)


class ClaimLocked(Forbidden):
    """An edit would change the provenance of a claim in a way its owner may not (see
    :mod:`koers.portfolio.provenance`); nothing was stored."""

    code = "claim_locked"

    def __init__(self, problems: Sequence[str]) -> None:
        shown = list(problems[:MAX_LISTED_PROBLEMS])
        super().__init__("; ".join(shown) + ("; …" if len(problems) > len(shown) else ""))
        self.problems = list(problems)


class PortfolioNotFound(NotFound):
    code = "portfolio_not_found"

    def __init__(self, portfolio_id: str) -> None:
        super().__init__(f"portfolio '{portfolio_id}' not found")


class EventLogConflict(Conflict):
    """An edit was based on an older version of the portfolio (optimistic concurrency)."""

    code = "portfolio_version_conflict"

    def __init__(self, expected: int, actual: int) -> None:
        super().__init__(
            f"portfolio changed meanwhile: edit based on version {expected}, store has {actual}"
        )
        self.expected = expected
        self.actual = actual


class ExtractionUnavailable(InvalidInput):
    """Import from CV text needs the skill extraction package, which could not be used."""

    code = "extraction_unavailable"


class ExtractionStarting(KoersError):
    """The skill extractor is still being built (first use after start, tens of seconds)."""

    code = "extraction_starting"
    status = 503
