"""THE data-layer gate: every read or change of personal data by someone other than its owner.

:class:`PersonalDataGate` asks the access policy (role × resource × consent × action), writes
an audit entry whatever the answer, and raises when the answer is no. Domains call it from
their repositories before they query::

    gate.read(actor, owner_id, Resource.PORTFOLIO, Purpose.COACHING, route="/api/v1/...")

The gate can be given a :class:`RefusalGuard` (the account service keeps one per process): an
actor refused too often is then stopped for a cool-down (``TooManyRefusals``), with one audit
entry per stop instead of one per request.

Nothing a caller chose is written to the append-only log: a subject id that is not shaped like
an account id is refused before anything is counted or audited, and an anonymous refusal is
recorded only about an account that exists.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from koers.access import (
    AccessDenied,
    Action,
    Actor,
    AuditEntry,
    ConsentRequired,
    Decision,
    InvalidAccountId,
    Purpose,
    Reason,
    Resource,
    TooManyRefusals,
    Unauthenticated,
    Verdict,
    decide,
    is_account_id,
    minutes_left,
    seconds_left,
)
from koers.store.db import Database
from koers.store.orm.accounts import UserRow
from koers.store.repositories.accounts import AuditLog, Clock, ConsentRepository, utcnow


class RefusalGuard(Protocol):
    """Per-actor memory of refused reads (kept by the service; see ``koers.access.refusals``)."""

    def before_read(self, actor_id: str, now: datetime) -> Verdict:
        """Whether the actor is stopped; marks the episode as audited when it says to audit."""
        ...

    def refused(self, actor_id: str, now: datetime) -> None:
        """Count a refused read of the actor."""
        ...


class PersonalDataGate:
    """The one door to someone else's personal data: policy check plus audit entry.

    The audit entry is written in its own short transaction, so a refusal stays on record even
    though the caller's transaction is rolled back by the error. Call the gate before writing in
    the caller's transaction (on SQLite a pending write would make the audit write wait).
    """

    def __init__(
        self, database: Database, clock: Clock = utcnow, refusals: RefusalGuard | None = None
    ) -> None:
        self.database = database
        self.clock = clock
        self.refusals = refusals
        """``None``: no refused-reads throttle (only for gates outside the running app)."""

    def check(
        self,
        actor: Actor | None,
        owner_id: str,
        resource: Resource,
        purpose: Purpose,
        route: str,
        action: Action = Action.READ,
    ) -> Decision:
        """Decide, audit, and raise if refused.

        Args:
            actor: the signed-in person, ``None`` for anonymous.
            owner_id: whose data.
            resource: which part.
            purpose: why.
            route: the route template or CLI command that asks (no filled-in ids or queries).
            action: read or change.

        Raises:
            InvalidAccountId: ``owner_id`` is not shaped like an account id (not audited).
            Unauthenticated: nobody is signed in.
            ConsentRequired: the part needs the owner's consent and there is no valid one.
            AccessDenied: the role may never read it, or not for this purpose.
            TooManyRefusals: the actor was refused too often and waits out a cool-down.
        """
        now = self.clock()
        if actor is not None and actor.user_id == owner_id:
            return Decision(True, Reason.OWNER)  # own data: no gate entry (own actions are
            # audited by the service where they change something); never throttled
        if not is_account_id(owner_id):  # before anything is counted or audited
            raise InvalidAccountId("not an account id")
        if actor is None and not self._exists(owner_id):
            # nobody's data was asked for: no entry, so strangers cannot fill the log with
            # well-shaped ids of their choosing
            raise Unauthenticated("sign in first")
        if actor is not None and self.refusals is not None:
            stop = self.refusals.before_read(actor.user_id, now)
            if stop.blocked_until is not None:
                if stop.audit_episode:  # one entry per stop, so probing cannot grow the log
                    self._audit(
                        actor,
                        owner_id,
                        resource,
                        purpose,
                        route,
                        action,
                        now,
                        Decision(False, Reason.THROTTLED),
                    )
                raise TooManyRefusals(
                    minutes_left(stop.blocked_until, now), seconds_left(stop.blocked_until, now)
                )
        with self.database.session() as session:
            consents = ConsentRepository(session).consents_of(owner_id)
        decision = decide(actor, owner_id, resource, purpose, consents, now, action)
        self._audit(actor, owner_id, resource, purpose, route, action, now, decision)
        if decision.allowed:
            return decision
        if actor is not None and self.refusals is not None:
            self.refusals.refused(actor.user_id, now)
        if decision.reason is Reason.ANONYMOUS:
            raise Unauthenticated("sign in first")
        if decision.reason in (Reason.ROLE_NOT_ALLOWED, Reason.WRONG_PURPOSE):
            raise AccessDenied(f"access refused ({decision.reason.value})")
        raise ConsentRequired(f"no valid consent ({decision.reason.value})")

    def _exists(self, owner_id: str) -> bool:
        with self.database.session() as session:
            return session.get(UserRow, owner_id) is not None

    def _audit(
        self,
        actor: Actor | None,
        owner_id: str,
        resource: Resource,
        purpose: Purpose,
        route: str,
        action: Action,
        now: datetime,
        decision: Decision,
    ) -> None:
        with self.database.session() as session:
            AuditLog(session).append(
                AuditEntry(
                    at=now,
                    actor_id=actor.user_id if actor else None,
                    actor_role=actor.role.value if actor else "anonymous",
                    subject_id=owner_id[:64],
                    resource=resource,
                    purpose=purpose,
                    action=action,
                    route=route,
                    allowed=decision.allowed,
                    reason=decision.reason,
                    consent_id=decision.consent_id,
                )
            )

    def read(
        self,
        actor: Actor | None,
        owner_id: str,
        resource: Resource,
        purpose: Purpose,
        route: str,
    ) -> Decision:
        return self.check(actor, owner_id, resource, purpose, route, Action.READ)

    def change(
        self,
        actor: Actor | None,
        owner_id: str,
        resource: Resource,
        purpose: Purpose,
        route: str,
    ) -> Decision:
        return self.check(actor, owner_id, resource, purpose, route, Action.CHANGE)
