"""What each table holds, for the GDPR: one person's data (and which part of the export and
erasure covers it), or nothing personal.

Every ORM table declares it in its ``__table_args__``, next to its columns, so that nobody adds
a table without deciding::

    class PortfolioRow(Base):
        __tablename__ = "portfolio"
        __table_args__ = personal("portfolio")

``personal(section)`` names the part of the person's data that exports and erases the rows:
``account`` (:data:`ACCOUNT`) for the tables the personal-data service covers itself, or the
name of a domain's section, which the composition root (``koers.bootstrap``) hands to that
service. ``tests/access/test_personal_data_coverage.py`` fails for a table that declares
nothing, for a personal-data table whose section is not handed over, and when the export misses
or the erasure leaves a row of a personal-data table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table

INFO_KEY = "personal_data"
"""The key in ``Table.info`` under which a table declares what it holds."""

ACCOUNT = "account"
"""The section of the accounts core: the personal-data service exports and erases these
tables itself (account, memberships, sessions, consents, login failures, audit log)."""


@dataclass(frozen=True)
class PersonalData:
    """The rows belong to one person; the section ``section`` exports and erases them.

    Attributes:
        section: the section's name (:data:`ACCOUNT` for the accounts core).
        not_exported: why the export leaves the rows out, if it does.
        kept_on_erasure: why erasure keeps the rows, if it does (a legal duty, stated).
    """

    section: str
    not_exported: str = ""
    kept_on_erasure: str = ""


@dataclass(frozen=True)
class NotPersonal:
    """The rows are about no account holder; ``why`` says what they are instead."""

    why: str


def personal(section: str, *, not_exported: str = "", kept_on_erasure: str = "") -> dict[str, Any]:
    """``__table_args__`` (or its last element) of a table that holds personal data."""
    return {"info": {INFO_KEY: PersonalData(section, not_exported, kept_on_erasure)}}


def not_personal(why: str) -> dict[str, Any]:
    """``__table_args__`` (or its last element) of a table that holds no personal data."""
    return {"info": {INFO_KEY: NotPersonal(why)}}


def classification(table: Table) -> PersonalData | NotPersonal | None:
    """What ``table`` declared, or ``None`` if it declared nothing."""
    value = table.info.get(INFO_KEY)
    return value if isinstance(value, PersonalData | NotPersonal) else None
