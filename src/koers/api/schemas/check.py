"""What the check API takes and returns.

The results are the check domain's frozen dataclasses, serialised by pydantic (enums as their
values, dates as ISO text), so the OpenAPI schema documents every field with its docstring
type; clients never see ORM classes.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints

from koers.check import CitizenCheck, OrganisationCheck

CitizenCheckOut = CitizenCheck
"""The citizen check result (``koers.check.model.CitizenCheck``)."""
OrganisationCheckOut = OrganisationCheck
"""The organisation check result (``koers.check.model.OrganisationCheck``)."""


class CitizenCheckIn(BaseModel):
    """A stateless citizen check: the portfolio travels with the request and is not stored."""

    portfolio: dict[str, Any] = Field(
        description="A portfolio in the platform's format (koers.portfolio v1) or ELM JSON-LD."
    )
    current: str | None = Field(
        None, max_length=200, description="Current or last occupation (ESCO URI)."
    )
    targets: list[Annotated[str, StringConstraints(max_length=200)]] | None = Field(
        None, max_length=20, description="Target occupations (ESCO URIs)."
    )
    as_of: date | None = Field(None, description="Reference date; default today.")
    lang: Literal["nl", "en"] = "nl"
