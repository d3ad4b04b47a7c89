"""What the accounts, consents, audit and "me" APIs take and return."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from koers.access import (
    Account,
    Action,
    GranteeKind,
    Purpose,
    Reason,
    Resource,
    Role,
)
from koers.services.consent import ConsentView
from koers.services.personal_data import AuditView, ContactCard


class RegisterIn(BaseModel):
    email: str = Field(min_length=3, max_length=254, examples=["an.peeters@example.be"])
    password: str = Field(min_length=10, max_length=128, description="10 to 128 characters.")
    display_name: str = Field(min_length=1, max_length=100)


class LoginIn(BaseModel):
    email: str = Field(min_length=1, max_length=254)
    password: str = Field(min_length=1, max_length=128)


class AccountOut(BaseModel):
    id: str = Field(description="Opaque account id.")
    email: str
    display_name: str
    role: Role
    organisation_ids: list[str]
    created_at: datetime
    is_demo: bool

    @classmethod
    def of(cls, a: Account) -> AccountOut:
        return cls(
            id=a.id,
            email=a.email,
            display_name=a.display_name,
            role=a.role,
            organisation_ids=sorted(a.organisation_ids),
            created_at=a.created_at,
            is_demo=a.is_demo,
        )


class SessionOut(BaseModel):
    account: AccountOut
    csrf_token: str = Field(
        description="Send as header X-CSRF-Token on POST, PUT, PATCH and DELETE requests."
    )


class ContactOut(BaseModel):
    user_id: str
    display_name: str
    email: str

    @classmethod
    def of(cls, c: ContactCard) -> ContactOut:
        return cls(user_id=c.user_id, display_name=c.display_name, email=c.email)


class ConsentIn(BaseModel):
    grantee_kind: GranteeKind = Field(
        description="'user' for a coach (give coach_email), 'organisation' for an employer."
    )
    coach_email: str | None = Field(default=None, max_length=254)
    organisation_id: str | None = Field(default=None, max_length=32)
    resources: list[Resource] = Field(min_length=1, max_length=4)
    until: date = Field(description="Last day of validity (inclusive, Belgian calendar).")


class ConsentOut(BaseModel):
    id: str
    owner_id: str
    grantee_kind: GranteeKind
    grantee_id: str
    grantee_name: str
    resources: list[Resource]
    purpose: Purpose
    valid_from: datetime
    valid_until: datetime
    withdrawn_at: datetime | None
    status: str

    @classmethod
    def of(cls, v: ConsentView) -> ConsentOut:
        c = v.consent
        return cls(
            id=c.id,
            owner_id=c.owner_id,
            grantee_kind=c.grantee_kind,
            grantee_id=c.grantee_id,
            grantee_name=v.grantee_name,
            resources=sorted(c.resources),
            purpose=c.purpose,
            valid_from=c.valid_from,
            valid_until=c.valid_until,
            withdrawn_at=c.withdrawn_at,
            status=v.status.value,
        )


class AuditEntryOut(BaseModel):
    at: datetime
    actor_id: str | None
    actor_role: str
    actor_name: str | None = Field(description="None when the actor's account was erased.")
    actor_organisations: list[str]
    resource: Resource
    purpose: Purpose
    action: Action
    route: str
    allowed: bool
    reason: Reason

    @classmethod
    def of(cls, v: AuditView) -> AuditEntryOut:
        e = v.entry
        return cls(
            at=e.at,
            actor_id=e.actor_id,
            actor_role=e.actor_role,
            actor_name=v.actor_name,
            actor_organisations=v.actor_organisations,
            resource=e.resource,
            purpose=e.purpose,
            action=e.action,
            route=e.route,
            allowed=e.allowed,
            reason=e.reason,
        )
