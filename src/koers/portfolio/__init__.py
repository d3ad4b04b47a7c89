"""The competence portfolio (competentieportfolio, report 6.2 advice 2; PRODUCT.md §3).

Pure core: skill claims with their source, evidence, verification and dates; a job and
learning history; a derived confidence per skill with its reasons (``confidence``); an
append-only event log from which the current state is derived (``events``); the platform's
JSON format, the occupations-list import (``formats``), CV import, reading a portfolio file and
merging a reviewed import (``imports``), ELM/Europass JSON-LD (``europass``) and the one-page
summary (``summary``). Storage lives in ``koers.store``; every read by someone other than the
owner goes through a :class:`~koers.portfolio.ports.PersonalDataGate`.
"""

from __future__ import annotations

from koers.portfolio.confidence import (
    HALF_LIFE_YEARS,
    STALE_AFTER_YEARS,
    MappingSkills,
    decay,
    skill_confidences,
    source_weight,
)
from koers.portfolio.errors import (
    ClaimLocked,
    EventLogConflict,
    ExtractionStarting,
    ExtractionUnavailable,
    PortfolioInvalid,
    PortfolioNotFound,
)
from koers.portfolio.europass import from_jsonld, to_jsonld
from koers.portfolio.events import (
    EventDraft,
    EventKind,
    PortfolioEvent,
    apply_event,
    creation_events,
    diff,
    number,
    replay,
)
from koers.portfolio.formats import (
    FORMAT,
    MAX_TEXT,
    VERSION,
    OccupationRow,
    dumps,
    from_json,
    is_occupation_uri,
    is_skill_uri,
    loads,
    next_id,
    read_occupation_rows,
    to_json,
)
from koers.portfolio.imports import (
    add_found_skills,
    add_occupations,
    already_imported,
    merge_import,
    parse_portfolio,
)
from koers.portfolio.model import (
    LEARNING_EVIDENCE,
    ActorType,
    Contribution,
    Evidence,
    EvidenceType,
    HistoryEntry,
    HistoryKind,
    Person,
    Portfolio,
    Preferences,
    SkillClaim,
    SkillConfidence,
    Source,
    VerificationLevel,
)
from koers.portfolio.ports import FoundSkill, OccupationSkills, PersonalDataGate, SkillFinder
from koers.portfolio.provenance import OWNER_LEVELS, is_own_claim, owner_edit_problems
from koers.portfolio.summary import SummaryData, summary_data, to_html

__all__ = [
    "FORMAT",
    "HALF_LIFE_YEARS",
    "LEARNING_EVIDENCE",
    "MAX_TEXT",
    "OWNER_LEVELS",
    "STALE_AFTER_YEARS",
    "VERSION",
    "ActorType",
    "ClaimLocked",
    "Contribution",
    "EventDraft",
    "EventKind",
    "EventLogConflict",
    "Evidence",
    "EvidenceType",
    "ExtractionStarting",
    "ExtractionUnavailable",
    "FoundSkill",
    "HistoryEntry",
    "HistoryKind",
    "MappingSkills",
    "OccupationRow",
    "OccupationSkills",
    "Person",
    "PersonalDataGate",
    "Portfolio",
    "PortfolioEvent",
    "PortfolioInvalid",
    "PortfolioNotFound",
    "Preferences",
    "SkillClaim",
    "SkillConfidence",
    "SkillFinder",
    "Source",
    "SummaryData",
    "VerificationLevel",
    "add_found_skills",
    "add_occupations",
    "already_imported",
    "apply_event",
    "creation_events",
    "decay",
    "diff",
    "dumps",
    "from_json",
    "from_jsonld",
    "is_occupation_uri",
    "is_own_claim",
    "is_skill_uri",
    "loads",
    "merge_import",
    "next_id",
    "number",
    "owner_edit_problems",
    "parse_portfolio",
    "read_occupation_rows",
    "replay",
    "skill_confidences",
    "source_weight",
    "summary_data",
    "to_html",
    "to_json",
    "to_jsonld",
]
