"""Consent rules (toestemming): validity in time, who it covers, and what may be asked."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from koers.access.errors import InvalidConsent
from koers.access.model import (
    CONSENTABLE,
    Actor,
    Consent,
    GranteeKind,
    Purpose,
    Resource,
    Role,
)

LOCAL_TZ = ZoneInfo("Europe/Brussels")
"""Dates a citizen picks ("until 30 June") are read as Belgian calendar days."""

MAX_CONSENT_DAYS = 730
"""A consent lasts at most two years; the citizen can renew it."""


class ConsentStatus(StrEnum):
    ACTIVE = "active"
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


def consent_status(consent: Consent, at: datetime) -> ConsentStatus:
    """The state of ``consent`` at ``at``: withdrawn wins over expired over not yet valid."""
    if consent.withdrawn_at is not None and consent.withdrawn_at <= at:
        return ConsentStatus.WITHDRAWN
    if at >= consent.valid_until:
        return ConsentStatus.EXPIRED
    if at < consent.valid_from:
        return ConsentStatus.NOT_YET_VALID
    return ConsentStatus.ACTIVE


def grants_to(consent: Consent, actor: Actor) -> bool:
    """Does ``consent`` name ``actor`` (the user) or an organisation ``actor`` belongs to?"""
    if consent.grantee_kind is GranteeKind.USER:
        return consent.grantee_id == actor.user_id
    return consent.grantee_id in actor.organisation_ids


def end_of_day(day: date) -> datetime:
    """The first instant after ``day`` in Belgium, in UTC (a consent "until" date is inclusive)."""
    local = datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=LOCAL_TZ)
    return local.astimezone(UTC)


@dataclass(frozen=True)
class ConsentRequest:
    """A checked consent request, ready to be stored."""

    grantee_kind: GranteeKind
    grantee_id: str
    resources: frozenset[Resource]
    purpose: Purpose
    valid_from: datetime
    valid_until: datetime


def check_request(
    owner_role: Role,
    grantee_kind: GranteeKind,
    grantee_id: str,
    grantee_role: Role | None,
    resources: Iterable[Resource],
    purpose: Purpose,
    until: date,
    now: datetime,
) -> ConsentRequest:
    """Check a consent request against the rules; raise :class:`InvalidConsent` if it breaks one.

    Rules: only citizens give consent; to a coach (a user) for coaching, or to an employer
    organisation for employability; only shareable parts (portfolio, checks, recommendations,
    contact), at least one; the end date is today or later and at most two years ahead.

    Args:
        owner_role: the role of the person who gives the consent.
        grantee_kind: user (coach) or organisation (employer).
        grantee_id: id of the user or organisation.
        grantee_role: role of the grantee user; ``None`` for an organisation.
        resources: the parts to share.
        purpose: the purpose named.
        until: last day of validity (inclusive, Belgian calendar).
        now: the moment of the request (UTC).
    """
    if owner_role is not Role.CITIZEN:
        raise InvalidConsent("only citizens give consent for their data")
    if grantee_kind is GranteeKind.USER:
        if grantee_role is not Role.COACH:
            raise InvalidConsent("consent to a person is possible only for a coach")
        expected = Purpose.COACHING
    else:
        expected = Purpose.EMPLOYABILITY
    if purpose is not expected:
        raise InvalidConsent(f"purpose must be '{expected}' for this grantee")
    parts = frozenset(resources)
    if not parts:
        raise InvalidConsent("choose at least one part of your data")
    if not parts <= CONSENTABLE:
        bad = ", ".join(sorted(r.value for r in parts - CONSENTABLE))
        raise InvalidConsent(f"these parts cannot be shared: {bad}")
    today = now.astimezone(LOCAL_TZ).date()
    if until < today:
        raise InvalidConsent("the end date is in the past")
    if (until - today).days > MAX_CONSENT_DAYS:
        raise InvalidConsent(f"a consent lasts at most {MAX_CONSENT_DAYS} days")
    return ConsentRequest(
        grantee_kind=grantee_kind,
        grantee_id=grantee_id,
        resources=parts,
        purpose=purpose,
        valid_from=now,
        valid_until=end_of_day(until),
    )
