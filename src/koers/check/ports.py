"""What the check domain needs from outside, as Protocols (implemented by adapters).

* :class:`OccupationCatalogue`: occupations with their essential skills and labels (taxonomy).
* :class:`ForecastSource`: outlooks of occupations and skills (forecast domain). Until a
  forecast is loaded, :class:`NoForecast` answers "not loaded" and nothing is guessed.
* :class:`Suggester`: fills the steps of the action plans of one
  :class:`~koers.check.model.SuggestionKind`; the recommenders, rights and programmes modules
  register theirs in an :class:`ActionPlanRegistry`. Steps whose kind has no suggester say so
  (``hook_available=False``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from koers.check.model import (
    ActionStep,
    ForecastStatus,
    OccupationOutlook,
    OccupationProfile,
    PlanItem,
    SkillOutlook,
    StepKind,
    Suggestion,
    SuggestionKind,
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
    """What a suggester gets to fill a step: the skills at stake, the wishes, the region."""

    kind: StepKind
    skills: Sequence[str]
    occupation_uri: str
    preferences: Preferences
    confidences: Mapping[str, float]


class Suggester(Protocol):
    """Fills plan steps of one :class:`~koers.check.model.SuggestionKind` (a recommender, the
    rights module, a programme). Returns at most ``limit`` suggestions, best first; codes and
    URIs, the edge translates them."""

    def suggest(self, context: StepContext, limit: int) -> Sequence[Suggestion]: ...


class ActionPlanRegistry:
    """The suggesters of the action plans, per :class:`~koers.check.model.SuggestionKind`.

    Each module registers its own (``registry.register(SuggestionKind.TRAININGS, courses)``)
    at start-up, so adding one needs no edit of the checks. Several suggesters may share a
    kind: their suggestions follow in registration order, cut at ``limit``. A step whose kind
    has no suggester stays an empty extension point (``hook_available=False``).

    Args:
        limit: most suggestions per step.
    """

    def __init__(self, limit: int = 5) -> None:
        self.limit = limit
        self._suggesters: dict[SuggestionKind, list[Suggester]] = {}

    def register(self, kind: SuggestionKind | str, suggester: Suggester) -> None:
        """Add ``suggester`` for steps of ``kind``.

        Raises:
            ValueError: ``kind`` is not a :class:`~koers.check.model.SuggestionKind` code.
        """
        self._suggesters.setdefault(SuggestionKind(kind), []).append(suggester)

    def suggest(self, kind: str, context: StepContext) -> tuple[Suggestion, ...] | None:
        """The suggestions for a step whose hook is ``kind``; ``None`` when nothing is
        registered for it (or the step has no hook)."""
        suggesters = self._suggesters.get(SuggestionKind(kind)) if kind else None
        if not suggesters:
            return None
        found: list[Suggestion] = []
        for suggester in suggesters:
            found.extend(suggester.suggest(context, self.limit - len(found)))
            if len(found) >= self.limit:
                break
        return tuple(found[: self.limit])


Step = TypeVar("Step", ActionStep, PlanItem)


def fill_step(step: Step, registry: ActionPlanRegistry, context: StepContext) -> Step:
    """``step`` with the suggestions of its hook, or unchanged when none is registered (the
    one dispatch of both checks)."""
    found = registry.suggest(step.hook, context)
    if found is None:
        return step
    return replace(step, suggestions=found, hook_available=True)
