"""Reads and writes of competence portfolios (append-only event logs), behind the data gate.

Every read or change by someone other than the owner goes through the accounts domain's
:class:`~koers.portfolio.ports.PersonalDataGate` (role × consent check plus audit entry)
before any portfolio data is queried; the gate is a required constructor argument, so no
code path can skip it. There is no update or delete of events: an edit appends events, and
only :meth:`PortfolioRepository.erase_owner` (the GDPR erasure of the accounts service)
removes a citizen's portfolios as a whole.

Also here: :class:`OccupationProfileReader`, the read side that builds the checks' in-memory
occupation catalogue from the taxonomy tables.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from koers.access import Actor, Purpose, Resource
from koers.check import OccupationProfile
from koers.portfolio import (
    ActorType,
    EventDraft,
    EventKind,
    EventLogConflict,
    PersonalDataGate,
    PortfolioEvent,
    PortfolioNotFound,
    number,
)
from koers.store.orm.portfolio import PortfolioEventRow, PortfolioRow
from koers.store.orm.taxonomy import ConceptLabelRow, OccupationRow, OccupationSkillRow


def _event(row: PortfolioEventRow) -> PortfolioEvent:
    return PortfolioEvent(
        seq=row.seq,
        kind=EventKind(row.kind),
        payload=json.loads(row.payload),
        actor_id=row.actor_id,
        actor_type=ActorType(row.actor_type),
        recorded_at=row.recorded_at,
    )


class PortfolioRepository:
    """Portfolios of citizens as event logs; all personal-data access passes ``gate``."""

    def __init__(self, session: Session, gate: PersonalDataGate) -> None:
        self.session = session
        self.gate = gate

    # -- internal ---------------------------------------------------------------------------

    def _row(self, portfolio_id: str) -> PortfolioRow:
        row = self.session.get(PortfolioRow, portfolio_id)
        if row is None:
            raise PortfolioNotFound(portfolio_id)
        return row

    # -- writes -----------------------------------------------------------------------------

    def create(
        self, owner_id: str, drafts: Sequence[EventDraft], now: datetime
    ) -> tuple[str, list[PortfolioEvent]]:
        """A new portfolio for ``owner_id`` with its first events (``portfolio_created`` …).

        Only the owner (or the platform on their behalf) creates a portfolio, so no gate.
        """
        portfolio_id = str(uuid.uuid4())
        self.session.add(
            PortfolioRow(id=portfolio_id, owner_id=owner_id, created_at=now, version=0)
        )
        self.session.flush()
        events = self._insert(portfolio_id, 0, drafts, now)
        return portfolio_id, events

    def append(
        self,
        portfolio_id: str,
        expected_version: int,
        drafts: Sequence[EventDraft],
        actor: Actor | None,
        purpose: Purpose,
        route: str,
        now: datetime,
    ) -> list[PortfolioEvent]:
        """Append edits made on top of version ``expected_version``.

        Raises:
            PortfolioNotFound: no such portfolio.
            EventLogConflict: the portfolio has moved on since ``expected_version``.
            Unauthenticated / AccessDenied / ConsentRequired: refused by the gate.
        """
        owner = self.owner_of(portfolio_id)
        self.gate.change(actor, owner, Resource.PORTFOLIO, purpose, route)
        if not drafts:
            return []
        return self._insert(portfolio_id, expected_version, drafts, now)

    def _insert(
        self, portfolio_id: str, expected: int, drafts: Sequence[EventDraft], now: datetime
    ) -> list[PortfolioEvent]:
        events = number(drafts, expected, now)
        new_version = expected + len(events)
        moved = self.session.execute(
            update(PortfolioRow)
            .where(PortfolioRow.id == portfolio_id, PortfolioRow.version == expected)
            .values(version=new_version)
        )
        if moved.rowcount != 1:  # type: ignore[attr-defined]
            actual = self.session.scalar(
                select(PortfolioRow.version).where(PortfolioRow.id == portfolio_id)
            )
            if actual is None:
                raise PortfolioNotFound(portfolio_id)
            raise EventLogConflict(expected, int(actual))
        try:
            self.session.add_all(
                PortfolioEventRow(
                    portfolio_id=portfolio_id,
                    seq=e.seq,
                    kind=e.kind.value,
                    payload=json.dumps(dict(e.payload), ensure_ascii=False),
                    actor_id=e.actor_id[:64],
                    actor_type=e.actor_type.value,
                    recorded_at=e.recorded_at,
                )
                for e in events
            )
            self.session.flush()
        except IntegrityError as exc:
            raise EventLogConflict(expected, expected + 1) from exc
        return events

    def erase_owner(self, owner_id: str) -> int:
        """Delete every portfolio (and its log) of ``owner_id``: the GDPR erasure; returns
        how many portfolios were removed."""
        ids = list(
            self.session.scalars(select(PortfolioRow.id).where(PortfolioRow.owner_id == owner_id))
        )
        if ids:
            self.session.execute(
                delete(PortfolioEventRow).where(PortfolioEventRow.portfolio_id.in_(ids))
            )
            self.session.execute(delete(PortfolioRow).where(PortfolioRow.id.in_(ids)))
        return len(ids)

    # -- reads ------------------------------------------------------------------------------

    def owner_of(self, portfolio_id: str) -> str:
        """Opaque owner id (needed to ask the gate; not itself portfolio content)."""
        return self._row(portfolio_id).owner_id

    def version(self, portfolio_id: str) -> int:
        return self._row(portfolio_id).version

    def events(
        self,
        portfolio_id: str,
        actor: Actor | None,
        purpose: Purpose,
        route: str,
    ) -> list[PortfolioEvent]:
        """The whole event log, oldest first, after the gate allowed ``actor`` to read it."""
        owner = self.owner_of(portfolio_id)
        self.gate.read(actor, owner, Resource.PORTFOLIO, purpose, route)
        rows = self.session.scalars(
            select(PortfolioEventRow)
            .where(PortfolioEventRow.portfolio_id == portfolio_id)
            .order_by(PortfolioEventRow.seq)
        )
        return [_event(r) for r in rows]

    def of_owner(
        self, owner_id: str, actor: Actor | None, purpose: Purpose, route: str
    ) -> list[str]:
        """Ids of the portfolios of ``owner_id`` (newest first), through the gate."""
        self.gate.read(actor, owner_id, Resource.PORTFOLIO, purpose, route)
        return list(
            self.session.scalars(
                select(PortfolioRow.id)
                .where(PortfolioRow.owner_id == owner_id)
                .order_by(PortfolioRow.created_at.desc(), PortfolioRow.id)
            )
        )

    def export_owner(self, owner_id: str) -> list[dict[str, Any]]:
        """Every portfolio of ``owner_id`` with its full log, for the owner's own GDPR export
        (called by the accounts service for the signed-in owner only)."""
        out = []
        for row in self.session.scalars(
            select(PortfolioRow).where(PortfolioRow.owner_id == owner_id)
        ):
            events = self.session.scalars(
                select(PortfolioEventRow)
                .where(PortfolioEventRow.portfolio_id == row.id)
                .order_by(PortfolioEventRow.seq)
            )
            out.append(
                {
                    "id": row.id,
                    "created_at": row.created_at.isoformat(),
                    "version": row.version,
                    "events": [
                        {
                            "seq": e.seq,
                            "kind": e.kind,
                            "payload": json.loads(e.payload),
                            "actor_type": e.actor_type,
                            "recorded_at": e.recorded_at.isoformat(),
                        }
                        for e in events
                    ],
                }
            )
        return out


class OccupationProfileReader:
    """Read side for the checks: every occupation with its skills, and preferred labels."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def profiles(self) -> list[OccupationProfile]:
        essential: dict[str, set[str]] = defaultdict(set)
        optional: dict[str, set[str]] = defaultdict(set)
        for occ, skill, relation in self.session.execute(
            select(
                OccupationSkillRow.occupation_uri,
                OccupationSkillRow.skill_uri,
                OccupationSkillRow.relation_type,
            )
        ):
            (essential if relation == "essential" else optional)[occ].add(skill)
        return [
            OccupationProfile(
                uri=uri,
                label=uri,
                code=code,
                isco_group=isco,
                essential=frozenset(essential.get(uri, ())),
                optional=frozenset(optional.get(uri, ())),
            )
            for uri, code, isco in self.session.execute(
                select(OccupationRow.uri, OccupationRow.code, OccupationRow.isco_group)
            )
        ]

    def preferred_labels(self, lang: str) -> dict[str, str]:
        """Preferred labels of occupations and skills in ``lang``, English where missing."""
        labels: dict[str, str] = {}
        rows = self.session.execute(
            select(ConceptLabelRow.uri, ConceptLabelRow.lang, ConceptLabelRow.text)
            .where(ConceptLabelRow.label_type == "preferred")
            .where(ConceptLabelRow.kind.in_(("occupation", "skill")))
            .where(ConceptLabelRow.lang.in_({lang, "en"}))
        )
        for uri, label_lang, text in rows:
            if label_lang == lang or uri not in labels:
                labels[uri] = text
        return labels
