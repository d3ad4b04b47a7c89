"""The access policy, case by case (the full matrix is tested in tests/access/)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from koers.access import (
    ACCESS_MATRIX,
    Actor,
    Consent,
    GranteeKind,
    Purpose,
    Reason,
    Resource,
    Role,
    RuleKind,
    decide,
)

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
OWNER = "citizen-1"
COACH = Actor("coach-1", Role.COACH)
EMPLOYER = Actor("hr-1", Role.EMPLOYER, frozenset({"org-a"}))


def consent(**changes: object) -> Consent:
    values: dict[str, object] = {
        "id": "c1",
        "owner_id": OWNER,
        "grantee_kind": GranteeKind.USER,
        "grantee_id": COACH.user_id,
        "resources": frozenset({Resource.PORTFOLIO}),
        "purpose": Purpose.COACHING,
        "valid_from": NOW - timedelta(days=1),
        "valid_until": NOW + timedelta(days=30),
        "withdrawn_at": None,
    }
    values.update(changes)
    return Consent(**values)  # type: ignore[arg-type]


def test_anonymous_is_refused() -> None:
    decision = decide(None, OWNER, Resource.CONTACT, Purpose.COACHING, [consent()], NOW)
    assert not decision.allowed
    assert decision.reason is Reason.ANONYMOUS


@pytest.mark.parametrize("resource", list(Resource))
def test_owner_reads_everything_of_their_own(resource: Resource) -> None:
    me = Actor(OWNER, Role.CITIZEN)
    assert decide(me, OWNER, resource, Purpose.SELF, [], NOW).reason is Reason.OWNER


def test_coach_with_valid_consent_is_allowed_and_the_consent_is_named() -> None:
    decision = decide(COACH, OWNER, Resource.PORTFOLIO, Purpose.COACHING, [consent()], NOW)
    assert decision.allowed
    assert decision.consent_id == "c1"


def test_coach_without_consent_is_refused() -> None:
    decision = decide(COACH, OWNER, Resource.PORTFOLIO, Purpose.COACHING, [], NOW)
    assert (decision.allowed, decision.reason) == (False, Reason.NO_CONSENT)


def test_consent_for_another_part_does_not_count() -> None:
    decision = decide(COACH, OWNER, Resource.CHECKS, Purpose.COACHING, [consent()], NOW)
    assert decision.reason is Reason.NO_CONSENT


def test_consent_of_another_owner_does_not_count() -> None:
    decision = decide(
        COACH, OWNER, Resource.PORTFOLIO, Purpose.COACHING, [consent(owner_id="x")], NOW
    )
    assert decision.reason is Reason.NO_CONSENT


def test_consent_to_another_coach_does_not_count() -> None:
    other = Actor("coach-2", Role.COACH)
    assert not decide(other, OWNER, Resource.PORTFOLIO, Purpose.COACHING, [consent()], NOW).allowed


def test_expired_withdrawn_and_future_consents_are_refused_with_their_reason() -> None:
    expired = consent(valid_until=NOW)
    withdrawn = consent(withdrawn_at=NOW - timedelta(seconds=1))
    future = consent(valid_from=NOW + timedelta(days=1))
    for given, reason in [
        (expired, Reason.CONSENT_EXPIRED),
        (withdrawn, Reason.CONSENT_WITHDRAWN),
        (future, Reason.CONSENT_NOT_YET_VALID),
    ]:
        decision = decide(COACH, OWNER, Resource.PORTFOLIO, Purpose.COACHING, [given], NOW)
        assert (decision.allowed, decision.reason) == (False, reason)


def test_one_active_consent_among_stale_ones_allows() -> None:
    consents = [consent(id="old", valid_until=NOW - timedelta(days=1)), consent(id="new")]
    decision = decide(COACH, OWNER, Resource.PORTFOLIO, Purpose.COACHING, consents, NOW)
    assert decision.consent_id == "new"


def test_wrong_purpose_is_refused_even_with_consent() -> None:
    decision = decide(COACH, OWNER, Resource.PORTFOLIO, Purpose.EMPLOYABILITY, [consent()], NOW)
    assert decision.reason is Reason.WRONG_PURPOSE


def test_employer_reads_through_their_organisation_only() -> None:
    to_org = consent(
        grantee_kind=GranteeKind.ORGANISATION, grantee_id="org-a", purpose=Purpose.EMPLOYABILITY
    )
    assert decide(EMPLOYER, OWNER, Resource.PORTFOLIO, Purpose.EMPLOYABILITY, [to_org], NOW).allowed
    other_org = Actor("hr-2", Role.EMPLOYER, frozenset({"org-b"}))
    refused = decide(other_org, OWNER, Resource.PORTFOLIO, Purpose.EMPLOYABILITY, [to_org], NOW)
    assert refused.reason is Reason.NO_CONSENT


def test_a_consent_does_not_help_a_role_that_may_never_read() -> None:
    analyst = Actor("coach-1", Role.ANALYST)  # same id as the consent's grantee
    decision = decide(analyst, OWNER, Resource.PORTFOLIO, Purpose.COACHING, [consent()], NOW)
    assert decision.reason is Reason.ROLE_NOT_ALLOWED


def test_admin_duty_needs_the_duty_purpose() -> None:
    admin = Actor("admin-1", Role.ADMIN)
    assert decide(admin, OWNER, Resource.AUDIT, Purpose.SUPERVISION, [], NOW).reason is Reason.DUTY
    assert not decide(admin, OWNER, Resource.AUDIT, Purpose.COACHING, [], NOW).allowed
    assert not decide(admin, OWNER, Resource.PORTFOLIO, Purpose.SUPERVISION, [], NOW).allowed


def test_matrix_is_complete() -> None:
    for role in Role:
        assert set(ACCESS_MATRIX[role]) == set(Resource)
    assert all(rule.kind is RuleKind.NEVER for rule in ACCESS_MATRIX[Role.CITIZEN].values())
