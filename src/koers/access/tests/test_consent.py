from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from koers.access import (
    MAX_CONSENT_DAYS,
    ConsentRequest,
    GranteeKind,
    InvalidConsent,
    Purpose,
    Resource,
    Role,
    check_request,
    end_of_day,
    locked_until,
)

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def request(**changes: object) -> ConsentRequest:
    values: dict[str, object] = {
        "owner_role": Role.CITIZEN,
        "grantee_kind": GranteeKind.USER,
        "grantee_id": "coach-1",
        "grantee_role": Role.COACH,
        "resources": [Resource.PORTFOLIO, Resource.CONTACT],
        "purpose": Purpose.COACHING,
        "until": date(2026, 6, 30),
        "now": NOW,
    }
    values.update(changes)
    return check_request(**values)  # type: ignore[arg-type]


def test_valid_request_ends_after_the_last_day_in_belgium() -> None:
    result = request()
    assert result.valid_until == datetime(2026, 6, 30, 22, 0, tzinfo=UTC)  # CEST = UTC+2
    assert result.valid_from == NOW
    assert end_of_day(date(2026, 1, 15)) == datetime(2026, 1, 15, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "changes",
    [
        {"owner_role": Role.COACH},
        {"grantee_role": Role.ANALYST},
        {"grantee_role": Role.CITIZEN},
        {"purpose": Purpose.EMPLOYABILITY},
        {"resources": []},
        {"resources": [Resource.AUDIT]},
        {"resources": [Resource.PROFILE, Resource.PORTFOLIO]},
        {"until": date(2026, 2, 28)},
        {"until": date(2026, 3, 1) + timedelta(days=MAX_CONSENT_DAYS + 1)},
        {"grantee_kind": GranteeKind.ORGANISATION, "grantee_role": None},
    ],
)
def test_broken_rules_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(InvalidConsent):
        request(**changes)


def test_organisation_consent_is_for_employability() -> None:
    result = request(
        grantee_kind=GranteeKind.ORGANISATION, grantee_role=None, purpose=Purpose.EMPLOYABILITY
    )
    assert result.purpose is Purpose.EMPLOYABILITY


def test_throttle_locks_after_the_limit_and_unlocks_after_the_window() -> None:
    window = timedelta(minutes=15)
    failures = [NOW - timedelta(minutes=m) for m in (14, 10, 5, 2, 1)]
    assert locked_until(failures[:4], NOW, 5, window) is None
    until = locked_until(failures, NOW, 5, window)
    assert until == NOW - timedelta(minutes=14) + window
    assert locked_until(failures, NOW + timedelta(minutes=2), 5, window) is None
    old = [NOW - timedelta(hours=1)] * 10
    assert locked_until(old, NOW, 5, window) is None
