"""What the taxonomy API returns (kept apart from ORM classes and domain dataclasses)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from koers.taxonomy import ConceptDetail, ConceptKind, ConceptRef


class ConceptRefOut(BaseModel):
    uri: str
    label: str
    kind: ConceptKind
    code: str = ""
    lang: str = Field(description="Language of the label (falls back to English).")

    @classmethod
    def of(cls, ref: ConceptRef) -> ConceptRefOut:
        return cls(uri=ref.uri, label=ref.label, kind=ref.kind, code=ref.code, lang=ref.lang)


class SearchHitOut(BaseModel):
    uri: str
    label: str
    kind: ConceptKind
    score: float = Field(ge=0, le=1)
    matched: str = Field(description="The label (possibly alternative or hidden) that matched.")


class ConceptOut(BaseModel):
    concept: ConceptRefOut
    description: str
    alternative_labels: list[str]
    isco_group: ConceptRefOut | None
    broader: list[ConceptRefOut]
    narrower: list[ConceptRefOut]
    essential_skills: list[ConceptRefOut]
    optional_skills: list[ConceptRefOut]
    occupations: list[ConceptRefOut] = Field(
        description="For a skill: the occupations for which it is essential."
    )
    skill_type: str
    reuse_level: str
    collections: list[str]
    crosswalks: dict[str, list[str]]

    @classmethod
    def of(cls, d: ConceptDetail) -> ConceptOut:
        def refs(items: list[ConceptRef]) -> list[ConceptRefOut]:
            return [ConceptRefOut.of(r) for r in items]

        return cls(
            concept=ConceptRefOut.of(d.ref),
            description=d.description,
            alternative_labels=d.alternative_labels,
            isco_group=ConceptRefOut.of(d.isco_group) if d.isco_group else None,
            broader=refs(d.broader),
            narrower=refs(d.narrower),
            essential_skills=refs(d.essential_skills),
            optional_skills=refs(d.optional_skills),
            occupations=refs(d.occupations),
            skill_type=d.skill_type,
            reuse_level=d.reuse_level,
            collections=d.collections,
            crosswalks=d.crosswalks,
        )


class DroppedOut(BaseModel):
    file: str
    count: int
    reason: str


class TaxonomyStatsOut(BaseModel):
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
    dropped: list[DroppedOut]
