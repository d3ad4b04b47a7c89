"""What access control reads and writes, as Protocols (the store implements them)."""

from __future__ import annotations

from typing import Protocol

from koers.access.model import AuditEntry, Consent


class ConsentSource(Protocol):
    def consents_of(self, owner_id: str) -> list[Consent]:
        """All consents ``owner_id`` ever gave (active, expired and withdrawn)."""
        ...


class AuditSink(Protocol):
    def append(self, entry: AuditEntry) -> None:
        """Add one entry; there is no way to change or remove it."""
        ...
