"""Plain data of access control: roles, resources, purposes, consents, audit entries.

Dutch terms: rol, gegevensdeel (resource), doel (purpose), toestemming (consent),
auditlog ("wie keek"). No I/O here; the store maps onto these dataclasses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

ACCOUNT_ID_PATTERN = r"^[0-9a-f]{32}$"
"""The shape of an account id: 128 random bits as lowercase hex (``store`` ``new_id``)."""
_ACCOUNT_ID = re.compile(ACCOUNT_ID_PATTERN)


def is_account_id(text: str) -> bool:
    """Whether ``text`` has the shape of an account id. Checked before an id that a caller
    typed is used, so that no caller-chosen text (an e-mail address, a national number) ever
    reaches the append-only audit log."""
    return _ACCOUNT_ID.fullmatch(text) is not None


class Role(StrEnum):
    """Who someone is on the platform (rol)."""

    CITIZEN = "citizen"
    """burger: owns a portfolio, checks and recommendations."""
    COACH = "coach"
    """loopbaanbegeleider: works with a client's data, only with consent."""
    EMPLOYER = "employer"
    """werkgever / HR: member of an organisation; reads with consent to that organisation."""
    PROVIDER = "provider"
    """opleidingsverstrekker: member of an organisation; never reads personal data."""
    ANALYST = "analyst"
    """analist / beleid: aggregates only; never reads personal data."""
    ADMIN = "admin"
    """beheerder: account support and supervision of the audit log; no portfolio access."""


class Resource(StrEnum):
    """A named part of a person's data (gegevensdeel)."""

    PORTFOLIO = "portfolio"
    """competentieportfolio (report 6.2 advice 2)."""
    CHECKS = "checks"
    """competentiechecks (report 6.2 advice 3)."""
    RECOMMENDATIONS = "recommendations"
    """suggesties voor opleiding en loopbaanstappen (report 6.3)."""
    CONTACT = "contact"
    """contactgegevens: name and e-mail address."""
    PROFILE = "profile"
    """account: role, organisations, sign-in method, dates."""
    CONSENTS = "consents"
    """the consents a person gave (toestemmingen)."""
    AUDIT = "audit"
    """the audit entries about a person (wie keek naar mijn gegevens)."""


CONSENTABLE = frozenset(
    {Resource.PORTFOLIO, Resource.CHECKS, Resource.RECOMMENDATIONS, Resource.CONTACT}
)
"""The parts a citizen can share by consent (issue 3 item 2)."""


class Purpose(StrEnum):
    """Why data is read (doel); every read names one and the audit log keeps it."""

    SELF = "self"
    """eigen gegevens: the owner reads their own data."""
    COACHING = "coaching"
    """loopbaanbegeleiding by a named coach."""
    EMPLOYABILITY = "employability"
    """loopbaan- en inzetbaarheidsbeleid by the owner's employer organisation."""
    ACCOUNT_SUPPORT = "account_support"
    """accountbeheer by an administrator (e.g. a role change or a help request)."""
    SUPERVISION = "supervision"
    """toezicht: an administrator or data protection officer reviews the audit log."""


class Action(StrEnum):
    """What happened to the data (audit)."""

    READ = "read"
    CHANGE = "change"
    EXPORT = "export"
    ERASE = "erase"


class GranteeKind(StrEnum):
    """To whom a consent is given: one named user (a coach) or an organisation (an employer)."""

    USER = "user"
    ORGANISATION = "organisation"


class OrganisationKind(StrEnum):
    EMPLOYER = "employer"
    PROVIDER = "provider"


@dataclass(frozen=True)
class Actor:
    """The signed-in person who asks for data. Anonymous visitors are ``None``, not an Actor.

    Attributes:
        user_id: opaque internal id (never an e-mail address).
        role: the actor's role.
        organisation_ids: organisations the actor is a member of (employers, providers).
    """

    user_id: str
    role: Role
    organisation_ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Consent:
    """A citizen's consent (toestemming) for a named grantee, named parts, a purpose and a period.

    Attributes:
        id: opaque id.
        owner_id: the citizen who gives the consent.
        grantee_kind: a named user (coach) or an organisation (employer).
        grantee_id: the user id or organisation id.
        resources: the parts that may be read.
        purpose: why the grantee may read them.
        valid_from: start (UTC).
        valid_until: end (UTC, exclusive).
        withdrawn_at: when the citizen withdrew it, if so (UTC).
    """

    id: str
    owner_id: str
    grantee_kind: GranteeKind
    grantee_id: str
    resources: frozenset[Resource]
    purpose: Purpose
    valid_from: datetime
    valid_until: datetime
    withdrawn_at: datetime | None = None


class Reason(StrEnum):
    """Why the policy allowed or refused a read; stored in the audit log."""

    OWNER = "owner"
    CONSENT = "consent"
    DUTY = "duty"
    ANONYMOUS = "anonymous"
    ROLE_NOT_ALLOWED = "role_not_allowed"
    WRONG_PURPOSE = "wrong_purpose"
    NO_CONSENT = "no_consent"
    CONSENT_NOT_YET_VALID = "consent_not_yet_valid"
    CONSENT_EXPIRED = "consent_expired"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    THROTTLED = "throttled"
    """Stopped for a cool-down after too many refusals (one entry per episode)."""


@dataclass(frozen=True)
class Decision:
    """The outcome of :func:`koers.access.policy.decide`."""

    allowed: bool
    reason: Reason
    consent_id: str | None = None


@dataclass(frozen=True)
class AuditEntry:
    """One append-only audit record: who read or changed whose data, why, via which route.

    ``actor_id`` and ``subject_id`` are opaque ids; after erasure of an account they no longer
    resolve to a person (pseudonymised), while the entry itself is kept.
    """

    at: datetime
    actor_id: str | None
    actor_role: str
    subject_id: str
    resource: Resource
    purpose: Purpose
    action: Action
    route: str
    allowed: bool
    reason: Reason
    consent_id: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class Account:
    """A user account without its secrets (the password hash stays in the store)."""

    id: str
    email: str
    display_name: str
    role: Role
    created_at: datetime
    organisation_ids: frozenset[str] = field(default_factory=frozenset)
    is_demo: bool = False
    oidc_issuer: str | None = None

    def actor(self) -> Actor:
        return Actor(self.id, self.role, self.organisation_ids)


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    kind: OrganisationKind
    is_demo: bool = False
