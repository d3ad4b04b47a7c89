"""Access control (toegang): roles, consent and the access policy. Pure: no I/O.

The data layer (``koers.store.repositories.accounts.PersonalDataGate``) asks :func:`decide`
on every read of personal data by someone other than its owner and writes the audit entry.
"""

from koers.access.consent import (
    MAX_CONSENT_DAYS,
    ConsentRequest,
    ConsentStatus,
    check_request,
    consent_status,
    end_of_day,
    grants_to,
)
from koers.access.errors import (
    AccessDenied,
    ConsentRequired,
    InvalidConsent,
    InvalidCredentials,
    TooManyAttempts,
    TooManyRefusals,
    Unauthenticated,
    WeakPassword,
)
from koers.access.model import (
    CONSENTABLE,
    Account,
    Action,
    Actor,
    AuditEntry,
    Consent,
    Decision,
    GranteeKind,
    Organisation,
    OrganisationKind,
    Purpose,
    Reason,
    Resource,
    Role,
)
from koers.access.policy import ACCESS_MATRIX, CONSENT_PURPOSE, Rule, RuleKind, decide
from koers.access.refusals import RefusalLimits, RefusalState, Verdict
from koers.access.throttle import locked_until

__all__ = [
    "ACCESS_MATRIX",
    "CONSENTABLE",
    "CONSENT_PURPOSE",
    "MAX_CONSENT_DAYS",
    "AccessDenied",
    "Account",
    "Action",
    "Actor",
    "AuditEntry",
    "Consent",
    "ConsentRequest",
    "ConsentRequired",
    "ConsentStatus",
    "Decision",
    "GranteeKind",
    "InvalidConsent",
    "InvalidCredentials",
    "Organisation",
    "OrganisationKind",
    "Purpose",
    "Reason",
    "RefusalLimits",
    "RefusalState",
    "Resource",
    "Role",
    "Rule",
    "RuleKind",
    "TooManyAttempts",
    "TooManyRefusals",
    "Unauthenticated",
    "Verdict",
    "WeakPassword",
    "check_request",
    "consent_status",
    "decide",
    "end_of_day",
    "grants_to",
    "locked_until",
]
