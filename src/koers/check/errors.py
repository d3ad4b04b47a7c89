"""Errors of the check domain; messages name the problem, never personal data."""

from __future__ import annotations

from collections.abc import Sequence

from koers.errors import InvalidInput, NotFound

MAX_LISTED = 100


class WorkforceInvalid(InvalidInput):
    """A workforce file has problems; every row is checked and every problem listed.

    Attributes:
        problems: ``(row, column, message)``; row 1 is the header (as a spreadsheet shows).
    """

    code = "workforce_invalid"

    def __init__(self, source: str, problems: Sequence[tuple[int | None, str | None, str]]):
        self.source = source
        self.problems = list(problems)
        shown = [_where(r, c) + m for r, c, m in self.problems[:MAX_LISTED]]
        more = len(self.problems) - len(shown)
        tail = f"; … and {more} more" if more > 0 else ""
        super().__init__(
            f"{source}: {len(self.problems)} problem(s), nothing was processed: "
            + "; ".join(shown)
            + tail
        )


def _where(row: int | None, column: str | None) -> str:
    parts = []
    if row is not None:
        parts.append(f"row {row}")
    if column is not None:
        parts.append(f"column '{column}'")
    return (", ".join(parts) + ": ") if parts else ""


class UnknownOccupation(NotFound):
    code = "unknown_occupation"

    def __init__(self, key: str) -> None:
        super().__init__(f"'{key[:100]}' is not a known ESCO occupation")
