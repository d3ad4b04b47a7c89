"""What the check domain needs from outside, as Protocols (implemented by adapters).

* :class:`OccupationCatalogue`: occupations with their essential skills and labels (taxonomy).
* :class:`ForecastSource`: outlooks of occupations and skills (forecast domain). Until a
  forecast is loaded, :class:`NoForecast` answers "not loaded" and nothing is guessed.
* Action-plan hooks (:class:`TrainingSuggester`, :class:`CareerStepSuggester`,
  :class:`IncentiveFinder`) bundled in :class:`ActionHooks`: the recommenders and rights
  modules implement them; steps whose hook is missing say so (``hook_available=False``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from koers.check.model import (
    ForecastStatus,
    OccupationOutlook,
    OccupationProfile,
    SkillOutlook,
    StepKind,
    Suggestion,
)
from koers.portfolio import Preferences


class OccupationCatalogue(Protocol):
    def profile(self, occupation_uri: str) -> OccupationProfile | None:
        """The occupation with its essential skills; ``None`` if unknown."""
        ...

    def essential_skills(self, occupation_uri: str) -> frozenset[str]: ...

    def knows(self, uri: str) -> bool:
        """True for a skill or occupation URI of the loaded taxonomy."""
        ...

    def label(self, uri: str) -> str:
        """Preferred label of a skill or occupation in the catalogue's language (else URI)."""
        ...

    def occupations(self) -> Sequence[str]:
        """Every occupation URI the catalogue knows."""
        ...


class ForecastSource(Protocol):
    def status(self) -> ForecastStatus: ...

    def occupation(self, occupation_uri: str) -> OccupationOutlook: ...

    def skill(self, skill_uri: str) -> SkillOutlook: ...


class NoForecast:
    """The documented "no forecast loaded" state: every outlook unknown, never made up."""

    NOTE = (
        "No forecast is loaded: outlooks, tension ratios and shortage flags are unknown. "
        "Load a forecast (koers forecast …) to fill them."
    )

    def status(self) -> ForecastStatus:
        return ForecastStatus(loaded=False, note=self.NOTE)

    def occupation(self, occupation_uri: str) -> OccupationOutlook:
        return OccupationOutlook(uri=occupation_uri, source="no forecast loaded")

    def skill(self, skill_uri: str) -> SkillOutlook:
        return SkillOutlook(uri=skill_uri, source="no forecast loaded")


@dataclass(frozen=True, slots=True)
class StepContext:
    """What a hook gets to fill a step: the skills at stake, the person's wishes, the region."""

    kind: StepKind
    skills: Sequence[str]
    occupation_uri: str
    preferences: Preferences
    confidences: Mapping[str, float]


class TrainingSuggester(Protocol):
    """Filled by the training recommender (catalogue in ESCO skills)."""

    def trainings(self, context: StepContext, limit: int) -> Sequence[Suggestion]: ...


class CareerStepSuggester(Protocol):
    """Filled by the career-step recommender (similar occupations, outlook, tension)."""

    def career_steps(self, context: StepContext, limit: int) -> Sequence[Suggestion]: ...


class IncentiveFinder(Protocol):
    """Filled by the rights module (opleidingscheques, loopbaancheques, KMO-portefeuille …)."""

    def incentives(self, context: StepContext, limit: int) -> Sequence[Suggestion]: ...


@dataclass(frozen=True, slots=True)
class ActionHooks:
    """Extension points of the action plans; ``None`` = module not available yet."""

    trainings: TrainingSuggester | None = None
    career_steps: CareerStepSuggester | None = None
    incentives: IncentiveFinder | None = None
    limit: int = 5
