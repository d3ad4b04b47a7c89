"""Error types shared by every domain and adapter.

Each error has a stable ``code``; the API maps them to problem+json in one table, the web shows
a Dutch error page, the CLI sets an exit code. Messages name the problem and never carry
personal data.
"""

from __future__ import annotations


class KoersError(Exception):
    """Base class; ``code`` is stable and machine-readable."""

    code = "koers_error"
    status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(KoersError):
    code = "not_found"
    status = 404


class InvalidInput(KoersError):
    code = "invalid_input"
    status = 422


class Forbidden(KoersError):
    code = "forbidden"
    status = 403


class ConsentMissing(Forbidden):
    code = "consent_missing"


class Conflict(KoersError):
    code = "conflict"
    status = 409


class DataFileError(InvalidInput):
    """A data file could not be loaded; names the file, row and column at fault."""

    code = "data_file_error"

    def __init__(
        self, file: str, problem: str, row: int | None = None, column: str | None = None
    ) -> None:
        where = file
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {problem}")
        self.file = file
        self.row = row
        self.column = column
