"""ORM tables of the common skills language (ESCO concepts, labels, relations, crosswalks)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from koers.store.db import Base
from koers.store.personal_data import not_personal

TAXONOMY = "the ESCO and ISCO classifications (public reference data)"

URI = String(200)


class TaxonomyVersionRow(Base):
    """One row per load: which ESCO version and languages are in the store."""

    __tablename__ = "taxonomy_version"
    __table_args__ = not_personal(TAXONOMY)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    esco_version: Mapped[str] = mapped_column(String(40))
    languages: Mapped[str] = mapped_column(String(200))
    """Comma-separated language codes with labels, e.g. ``en,nl``."""
    source: Mapped[str] = mapped_column(String(500))
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    report: Mapped[str] = mapped_column(Text, default="")
    """JSON: counts per table and rows dropped with their reason."""


class OccupationRow(Base):
    __tablename__ = "occupation"
    __table_args__ = not_personal(TAXONOMY)

    uri: Mapped[str] = mapped_column(URI, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), index=True)
    isco_group: Mapped[str] = mapped_column(String(8), index=True)


class SkillRow(Base):
    __tablename__ = "skill"
    __table_args__ = not_personal(TAXONOMY)

    uri: Mapped[str] = mapped_column(URI, primary_key=True)
    skill_type: Mapped[str] = mapped_column(String(40))
    reuse_level: Mapped[str] = mapped_column(String(40))


class IscoGroupRow(Base):
    __tablename__ = "isco_group"
    __table_args__ = not_personal(TAXONOMY)

    uri: Mapped[str] = mapped_column(URI, primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)


class SkillGroupRow(Base):
    __tablename__ = "skill_group"
    __table_args__ = not_personal(TAXONOMY)

    uri: Mapped[str] = mapped_column(URI, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), index=True)


class ConceptLabelRow(Base):
    __tablename__ = "concept_label"
    __table_args__ = (Index("ix_concept_label_uri_lang", "uri", "lang"), not_personal(TAXONOMY))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uri: Mapped[str] = mapped_column(URI)
    kind: Mapped[str] = mapped_column(String(20))
    lang: Mapped[str] = mapped_column(String(8))
    label_type: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)


class ConceptDescriptionRow(Base):
    __tablename__ = "concept_description"
    __table_args__ = not_personal(TAXONOMY)

    uri: Mapped[str] = mapped_column(URI, primary_key=True)
    lang: Mapped[str] = mapped_column(String(8), primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class OccupationSkillRow(Base):
    __tablename__ = "occupation_skill"
    __table_args__ = not_personal(TAXONOMY)

    occupation_uri: Mapped[str] = mapped_column(
        URI, ForeignKey("occupation.uri", ondelete="CASCADE"), primary_key=True
    )
    skill_uri: Mapped[str] = mapped_column(
        URI, ForeignKey("skill.uri", ondelete="CASCADE"), primary_key=True, index=True
    )
    relation_type: Mapped[str] = mapped_column(String(20))
    skill_type: Mapped[str] = mapped_column(String(40))


class BroaderRow(Base):
    __tablename__ = "concept_broader"
    __table_args__ = (Index("ix_concept_broader_parent", "parent_uri"), not_personal(TAXONOMY))

    child_uri: Mapped[str] = mapped_column(URI, primary_key=True)
    parent_uri: Mapped[str] = mapped_column(URI, primary_key=True)
    pillar: Mapped[str] = mapped_column(String(20))


class CollectionMemberRow(Base):
    __tablename__ = "concept_collection"
    __table_args__ = not_personal(TAXONOMY)

    collection: Mapped[str] = mapped_column(String(40), primary_key=True)
    uri: Mapped[str] = mapped_column(URI, primary_key=True, index=True)


class CrosswalkRow(Base):
    __tablename__ = "crosswalk"
    __table_args__ = not_personal(TAXONOMY)

    scheme: Mapped[str] = mapped_column(String(40), primary_key=True)
    source: Mapped[str] = mapped_column(URI, primary_key=True)
    target: Mapped[str] = mapped_column(String(40), primary_key=True)


TAXONOMY_TABLES = [
    CrosswalkRow,
    CollectionMemberRow,
    BroaderRow,
    OccupationSkillRow,
    ConceptDescriptionRow,
    ConceptLabelRow,
    SkillGroupRow,
    IscoGroupRow,
    SkillRow,
    OccupationRow,
]
"""In safe delete order (children first)."""
