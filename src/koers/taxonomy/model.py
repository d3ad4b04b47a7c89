"""Plain data for the common skills language (de uniforme competentietaal, report 6.2).

ESCO is the pivot: occupations (beroepen), skills and knowledge (competenties), the ISCO-08
tree and the skill hierarchy. These dataclasses carry no behaviour and no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ConceptKind(StrEnum):
    OCCUPATION = "occupation"
    SKILL = "skill"
    ISCO_GROUP = "isco_group"
    SKILL_GROUP = "skill_group"


class LabelType(StrEnum):
    PREFERRED = "preferred"
    ALTERNATIVE = "alternative"
    HIDDEN = "hidden"


class RelationType(StrEnum):
    ESSENTIAL = "essential"
    OPTIONAL = "optional"


@dataclass(frozen=True, slots=True)
class Label:
    uri: str
    kind: ConceptKind
    lang: str
    text: str
    label_type: LabelType


@dataclass(frozen=True, slots=True)
class Description:
    uri: str
    lang: str
    text: str


@dataclass(frozen=True, slots=True)
class Occupation:
    uri: str
    code: str
    isco_group: str
    """4-digit ISCO-08 unit group code."""


@dataclass(frozen=True, slots=True)
class Skill:
    uri: str
    skill_type: str
    """``skill/competence`` or ``knowledge``."""
    reuse_level: str
    """``transversal``, ``cross-sector``, ``sector-specific`` or ``occupation-specific``."""


@dataclass(frozen=True, slots=True)
class IscoGroup:
    uri: str
    code: str


@dataclass(frozen=True, slots=True)
class SkillGroup:
    uri: str
    code: str


@dataclass(frozen=True, slots=True)
class OccupationSkillRelation:
    occupation_uri: str
    skill_uri: str
    relation_type: RelationType
    skill_type: str


@dataclass(frozen=True, slots=True)
class BroaderRelation:
    """``child_uri`` sits directly under ``parent_uri`` in the ISCO/occupation or skill pillar."""

    child_uri: str
    parent_uri: str
    pillar: str
    """``occupation`` or ``skill``."""


@dataclass(frozen=True, slots=True)
class CollectionMember:
    collection: str
    """``transversal``, ``digital``, ``green``, ``language``, ``research``, ``digcomp``."""
    uri: str


@dataclass(frozen=True, slots=True)
class CrosswalkEntry:
    """An ESCO occupation (or ISCO code) linked to a code in another classification."""

    source: str
    scheme: str
    """``onet_soc_2019`` (from an ESCO occupation URI) or ``soc_2010`` (from an ISCO-08 code)."""
    target: str


@dataclass(frozen=True, slots=True)
class DroppedRows:
    file: str
    count: int
    reason: str


@dataclass
class EscoBundle:
    """Everything one ESCO export (plus crosswalks) holds, validated and ready to store."""

    version: str
    occupations: list[Occupation] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
    isco_groups: list[IscoGroup] = field(default_factory=list)
    skill_groups: list[SkillGroup] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    descriptions: list[Description] = field(default_factory=list)
    relations: list[OccupationSkillRelation] = field(default_factory=list)
    broader: list[BroaderRelation] = field(default_factory=list)
    collections: list[CollectionMember] = field(default_factory=list)
    crosswalks: list[CrosswalkEntry] = field(default_factory=list)
    dropped: list[DroppedRows] = field(default_factory=list)

    @property
    def languages(self) -> list[str]:
        return sorted({label.lang for label in self.labels})


@dataclass(frozen=True, slots=True)
class SearchHit:
    uri: str
    label: str
    kind: ConceptKind
    score: float
    matched: str
    """The label text that matched (may be an alternative or hidden label)."""


@dataclass(frozen=True, slots=True)
class ConceptRef:
    """A concept as shown in lists: URI, kind, label in the asked language, code if any."""

    uri: str
    kind: ConceptKind
    label: str
    code: str = ""
    lang: str = "en"
    """Language the label is in (falls back to English when the asked language is missing)."""


@dataclass(frozen=True)
class ConceptDetail:
    """One concept with its labels, description, place in the hierarchy and relations."""

    ref: ConceptRef
    description: str
    alternative_labels: list[str]
    broader: list[ConceptRef]
    narrower: list[ConceptRef]
    essential_skills: list[ConceptRef] = field(default_factory=list)
    optional_skills: list[ConceptRef] = field(default_factory=list)
    occupations: list[ConceptRef] = field(default_factory=list)
    """For a skill: occupations for which it is essential."""
    isco_group: ConceptRef | None = None
    skill_type: str = ""
    reuse_level: str = ""
    collections: list[str] = field(default_factory=list)
    crosswalks: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class TaxonomyStats:
    esco_version: str
    occupations: int
    skills: int
    occupation_skill_relations: int
    isco_groups: int
    skill_groups: int
    languages: list[str]
    labels_by_language: dict[str, int]
    loaded_at: str
    source: str
    dropped: list[dict[str, object]]
