"""Competence checks for citizens and organisations (report 6.2 advice 3; PRODUCT.md §4).

Pure core: the citizen check (``citizen``) with warning lights, answers to the report's
questions (``answers``) and an action plan; the organisation check (``organisation``) with a
future-proof score and a sustainable employability plan, fed by a validated workforce table
(``workforce``). Taxonomy and forecasts come in through the Protocols of ``ports``; the plans'
trainings, career steps and incentives through the suggesters registered per
:class:`SuggestionKind` in an :class:`ActionPlanRegistry`.
"""

from __future__ import annotations

from koers.check.catalogue import Catalogue
from koers.check.citizen import citizen_check, current_job, occupation_fit, validate_uris
from koers.check.errors import UnknownOccupation, WorkforceInvalid
from koers.check.model import (
    ActionStep,
    Answer,
    CareerOption,
    CitizenCheck,
    FitRole,
    ForecastStatus,
    FutureProofScore,
    GroupSummary,
    InternalMove,
    Light,
    OccupationFit,
    OccupationMatch,
    OccupationOutlook,
    OccupationProfile,
    OrganisationCheck,
    Outlook,
    PlanItem,
    RowResult,
    SkillOutlook,
    SkillRef,
    StepKind,
    Suggestion,
    SuggestionKind,
    TensionFigure,
    WarningLight,
    WorkforceRow,
)
from koers.check.organisation import SCORE_FORMULA, future_proof_score, organisation_check
from koers.check.ports import (
    ActionPlanRegistry,
    ForecastSource,
    NoForecast,
    OccupationCatalogue,
    StepContext,
    Suggester,
)
from koers.check.rules import DEFAULT_RULES, CheckRules
from koers.check.serialize import to_jsonable
from koers.check.tension import TensionCount, latest_period, period_message, tension_by_occupation
from koers.check.workforce import COLUMNS, MAX_ROWS, parse_age_band, read_workforce

__all__ = [
    "COLUMNS",
    "DEFAULT_RULES",
    "MAX_ROWS",
    "SCORE_FORMULA",
    "ActionPlanRegistry",
    "ActionStep",
    "Answer",
    "CareerOption",
    "Catalogue",
    "CheckRules",
    "CitizenCheck",
    "FitRole",
    "ForecastSource",
    "ForecastStatus",
    "FutureProofScore",
    "GroupSummary",
    "InternalMove",
    "Light",
    "NoForecast",
    "OccupationCatalogue",
    "OccupationFit",
    "OccupationMatch",
    "OccupationOutlook",
    "OccupationProfile",
    "OrganisationCheck",
    "Outlook",
    "PlanItem",
    "RowResult",
    "SkillOutlook",
    "SkillRef",
    "StepContext",
    "StepKind",
    "Suggester",
    "Suggestion",
    "SuggestionKind",
    "TensionCount",
    "TensionFigure",
    "UnknownOccupation",
    "WarningLight",
    "WorkforceInvalid",
    "WorkforceRow",
    "citizen_check",
    "current_job",
    "future_proof_score",
    "latest_period",
    "occupation_fit",
    "organisation_check",
    "parse_age_band",
    "period_message",
    "read_workforce",
    "tension_by_occupation",
    "to_jsonable",
    "validate_uris",
]
