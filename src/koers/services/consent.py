"""Use cases of consent: a citizen gives and withdraws consent to a coach or an employer
organisation; coaches and employers see what they received.

Every change is audited as the owner's own action. What a consent allows is decided by the
pure rules of :mod:`koers.access`; the personal-data gate applies them on each read.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from koers.access import (
    Account,
    Action,
    Consent,
    ConsentStatus,
    GranteeKind,
    InvalidConsent,
    OrganisationKind,
    Purpose,
    Resource,
    Role,
    check_request,
    consent_status,
    normalise_email,
)
from koers.errors import InvalidInput, NotFound
from koers.services.accounts import AccountService
from koers.store.repositories.accounts import AccountRepository, ConsentRepository

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ConsentView:
    """A consent with the grantee's name, for the citizen's overview."""

    consent: Consent
    grantee_name: str
    status: ConsentStatus


class ConsentService:
    """Consents given by and to the accounts of one :class:`AccountService`."""

    def __init__(self, accounts: AccountService) -> None:
        self.accounts = accounts

    def grant_consent(
        self,
        owner: Account,
        grantee_kind: GranteeKind,
        grantee: str,
        resources: Iterable[Resource],
        until: date,
        route: str,
        purpose: Purpose | None = None,
    ) -> Consent:
        """Give consent to a coach (by e-mail address) or an employer organisation (by id).

        Args:
            owner: the citizen.
            grantee_kind: user (a coach) or organisation (an employer).
            grantee: the coach's e-mail address, or the organisation id.
            resources: parts to share.
            until: last day (inclusive).
            route: where the request came from, for the audit log.
            purpose: defaults to the purpose that fits the grantee.
        """
        self.accounts.prepare()
        with self.accounts.database.session() as session:
            repo = AccountRepository(session)
            if grantee_kind is GranteeKind.USER:
                try:
                    found = repo.by_email(normalise_email(grantee))
                except InvalidInput:
                    found = None
                if found is None or found.role is not Role.COACH:
                    raise InvalidConsent("there is no coach with this e-mail address")
                grantee_id, grantee_role = found.id, found.role
                default_purpose = Purpose.COACHING
            else:
                org = repo.organisation(grantee)
                if org is None or org.kind is not OrganisationKind.EMPLOYER:
                    raise InvalidConsent("there is no employer organisation with this id")
                grantee_id, grantee_role = org.id, None
                default_purpose = Purpose.EMPLOYABILITY
            request = check_request(
                owner.role,
                grantee_kind,
                grantee_id,
                grantee_role,
                resources,
                purpose or default_purpose,
                until,
                self.accounts.clock(),
            )
            consent = ConsentRepository(session).add(owner.id, request, self.accounts.clock())
            self.accounts.audit_own(
                session, owner, Resource.CONSENTS, Action.CHANGE, route, consent.id
            )
        log.info(
            "accounts.consent_granted",
            extra={"fields": {"user_id": owner.id, "consent_id": consent.id}},
        )
        return consent

    def withdraw_consent(self, owner: Account, consent_id: str, route: str) -> Consent:
        """Withdraw one's own consent; someone else's consent is reported as not found."""
        self.accounts.prepare()
        with self.accounts.database.session() as session:
            repo = ConsentRepository(session)
            consent = repo.get(consent_id)
            if consent is None or consent.owner_id != owner.id:
                raise NotFound("no such consent")
            repo.withdraw(consent_id, self.accounts.clock())
            self.accounts.audit_own(
                session, owner, Resource.CONSENTS, Action.CHANGE, route, consent_id
            )
            updated = repo.get(consent_id)
        log.info(
            "accounts.consent_withdrawn",
            extra={"fields": {"user_id": owner.id, "consent_id": consent_id}},
        )
        assert updated is not None
        return updated

    def consents_given(self, owner: Account) -> list[ConsentView]:
        self.accounts.prepare()
        now = self.accounts.clock()
        with self.accounts.database.session() as session:
            repo = AccountRepository(session)
            views = []
            for consent in ConsentRepository(session).consents_of(owner.id):
                views.append(
                    ConsentView(consent, grantee_name(repo, consent), consent_status(consent, now))
                )
        return views

    def consents_received(self, account: Account) -> list[ConsentView]:
        """Consents that name this coach or this employer's organisation (ids, no names)."""
        self.accounts.prepare()
        now = self.accounts.clock()
        with self.accounts.database.session() as session:
            repo = AccountRepository(session)
            consents = ConsentRepository(session).granted_to(account.id, account.organisation_ids)
            return [ConsentView(c, grantee_name(repo, c), consent_status(c, now)) for c in consents]


def grantee_name(repo: AccountRepository, consent: Consent) -> str:
    """Who received ``consent``: the coach's or the organisation's name, or a placeholder once
    the grantee is gone."""
    if consent.grantee_kind is GranteeKind.USER:
        user = repo.get(consent.grantee_id)
        return user.display_name if user else "(account removed)"
    org = repo.organisation(consent.grantee_id)
    return org.name if org else "(organisation removed)"
