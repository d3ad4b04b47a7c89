"""What the portfolio domain needs from outside (Protocols), implemented by adapters.

* :class:`OccupationSkills`: the essential skills of an ESCO occupation (from the taxonomy).
* :class:`PersonalDataGate`: every read or change of a portfolio by someone other than its
  owner goes through it (role + consent check + audit); the store's repository requires one.
  The real gate is ``koers.store.repositories.gate.PersonalDataGate``.
* :class:`SkillFinder`: ranked ESCO skills in free text (``koers.extraction`` implements it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from koers.access import Actor, Decision, Purpose, Resource


class OccupationSkills(Protocol):
    """Read access to the occupation → essential skills relation of ESCO."""

    def essential_skills(self, occupation_uri: str) -> frozenset[str]:
        """Essential skill URIs of an occupation; empty if the occupation is unknown."""
        ...


class PersonalDataGate(Protocol):
    """The data-layer gate of the accounts domain (``koers.store.repositories.gate``).

    It checks role and consent for a read or change of someone else's data, writes an audit
    entry whatever the answer, and raises ``Unauthenticated``, ``AccessDenied`` or
    ``ConsentRequired`` when the answer is no, and ``TooManyRefusals`` (HTTP 429) while an
    actor who was refused too often is stopped. For the owner it allows without an entry.
    """

    def read(
        self, actor: Actor | None, owner_id: str, resource: Resource, purpose: Purpose, route: str
    ) -> Decision: ...

    def change(
        self, actor: Actor | None, owner_id: str, resource: Resource, purpose: Purpose, route: str
    ) -> Decision: ...


@dataclass(frozen=True, slots=True)
class FoundSkill:
    """A skill found in a text, with the span that triggered it."""

    uri: str
    label: str
    score: float
    excerpt: str


class SkillFinder(Protocol):
    def find(self, text: str, top: int) -> Sequence[FoundSkill]:
        """The ``top`` most likely ESCO skills in ``text``, best first."""
        ...
