"""The access policy: role × resource × consent × action → allow or refuse, with a reason.

Reading and changing are separate permissions: a consent answers "who may see my data", so it
never lets anyone change it. The two matrices below are the single source; ``docs/security.md``
mirrors them and a test checks that the document and these tables agree, cell by cell, and
that the data-layer gate follows both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from koers.access.consent import ConsentStatus, consent_status, grants_to
from koers.access.model import (
    Action,
    Actor,
    Consent,
    Decision,
    Purpose,
    Reason,
    Resource,
    Role,
)


class RuleKind(StrEnum):
    NEVER = "no"
    """The role never reads this part of someone else's data."""
    CONSENT = "consent"
    """Only with a valid consent of the owner for this part and this purpose."""
    DUTY = "duty"
    """Allowed for one fixed purpose that comes with the role (always audited)."""


@dataclass(frozen=True)
class Rule:
    kind: RuleKind
    purpose: Purpose | None = None

    def __str__(self) -> str:
        return self.kind.value if self.purpose is None else f"{self.kind.value}: {self.purpose}"


NO = Rule(RuleKind.NEVER)
COACHING = Rule(RuleKind.CONSENT, Purpose.COACHING)
EMPLOYABILITY = Rule(RuleKind.CONSENT, Purpose.EMPLOYABILITY)
ACCOUNT_SUPPORT = Rule(RuleKind.DUTY, Purpose.ACCOUNT_SUPPORT)
SUPERVISION = Rule(RuleKind.DUTY, Purpose.SUPERVISION)

_SHARED = (Resource.PORTFOLIO, Resource.CHECKS, Resource.RECOMMENDATIONS, Resource.CONTACT)


def _row(shared: Rule, **others: Rule) -> dict[Resource, Rule]:
    row = {resource: shared for resource in _SHARED}
    for resource in (Resource.PROFILE, Resource.CONSENTS, Resource.AUDIT):
        row[resource] = others.get(resource.value, NO)
    return row


ACCESS_MATRIX: Mapping[Role, Mapping[Resource, Rule]] = {
    Role.CITIZEN: _row(NO),
    Role.COACH: _row(COACHING),
    Role.EMPLOYER: _row(EMPLOYABILITY),
    Role.PROVIDER: _row(NO),
    Role.ANALYST: _row(NO),
    Role.ADMIN: _row(NO, profile=ACCOUNT_SUPPORT, consents=SUPERVISION, audit=SUPERVISION),
}
"""What a role may read of *someone else's* data. The owner reads all of their own data;
an anonymous visitor reads nothing."""

CHANGE_MATRIX: Mapping[Role, Mapping[Resource, Rule]] = {
    role: {resource: NO for resource in Resource} for role in Role
}
"""What a role may change of *someone else's* data: nothing today. Only the owner changes
their own data; a new permission to change must be an explicit rule here (and in
``docs/security.md``), never a side effect of a consent to read."""

CONSENT_PURPOSE: Mapping[Role, Purpose] = {
    Role.COACH: Purpose.COACHING,
    Role.EMPLOYER: Purpose.EMPLOYABILITY,
}
"""The purpose a consent names, by the role of the grantee it is given to."""

_STATUS_REASON = {
    ConsentStatus.WITHDRAWN: Reason.CONSENT_WITHDRAWN,
    ConsentStatus.EXPIRED: Reason.CONSENT_EXPIRED,
    ConsentStatus.NOT_YET_VALID: Reason.CONSENT_NOT_YET_VALID,
}
_PRIORITY = {
    Reason.CONSENT_WITHDRAWN: 0,
    Reason.CONSENT_EXPIRED: 1,
    Reason.CONSENT_NOT_YET_VALID: 2,
    Reason.NO_CONSENT: 3,
}
"""When several consents fail, the refusal names the most telling reason."""


def decide(
    actor: Actor | None,
    owner_id: str,
    resource: Resource,
    purpose: Purpose,
    consents: Iterable[Consent],
    at: datetime,
    action: Action = Action.READ,
) -> Decision:
    """May ``actor`` read (or change) ``resource`` of ``owner_id`` for ``purpose`` at ``at``?

    Args:
        actor: the signed-in person, or ``None`` for an anonymous visitor.
        owner_id: whose data (the data subject).
        resource: which part (gegevensdeel).
        purpose: why (doel); must match the rule or the consent.
        consents: the owner's consents (any state; others' consents are ignored).
        at: the moment of the read (timezone-aware).
        action: ``change`` is decided by :data:`CHANGE_MATRIX`, anything else by
            :data:`ACCESS_MATRIX`.

    Returns:
        A :class:`Decision` with the reason and, when a consent allowed it, its id.
    """
    if actor is None:
        return Decision(False, Reason.ANONYMOUS)
    if actor.user_id == owner_id:
        return Decision(True, Reason.OWNER)
    matrix = CHANGE_MATRIX if action is Action.CHANGE else ACCESS_MATRIX
    rule = matrix[actor.role][resource]
    if rule.kind is RuleKind.NEVER:
        return Decision(False, Reason.ROLE_NOT_ALLOWED)
    if purpose != rule.purpose:
        return Decision(False, Reason.WRONG_PURPOSE)
    if rule.kind is RuleKind.DUTY:
        return Decision(True, Reason.DUTY)
    best: Reason = Reason.NO_CONSENT
    for consent in consents:
        if (
            consent.owner_id != owner_id
            or not grants_to(consent, actor)
            or resource not in consent.resources
            or consent.purpose != purpose
        ):
            continue
        status = consent_status(consent, at)
        if status is ConsentStatus.ACTIVE:
            return Decision(True, Reason.CONSENT, consent.id)
        reason = _STATUS_REASON[status]
        if _PRIORITY[reason] < _PRIORITY[best]:
            best = reason
    return Decision(False, best)
