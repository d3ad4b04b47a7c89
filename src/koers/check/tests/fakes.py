"""A tiny fictitious catalogue and forecast for the check unit tests."""

from __future__ import annotations

from collections.abc import Sequence

from koers.check import (
    Catalogue,
    ForecastStatus,
    OccupationOutlook,
    OccupationProfile,
    Outlook,
    SkillOutlook,
    StepContext,
    Suggestion,
)
from koers.portfolio.tests.fixtures import CARE, NURSE, occupation, skill

CLERK = occupation(3)
WAREHOUSE = occupation(4)


def catalogue() -> Catalogue:
    profiles = [
        OccupationProfile(
            NURSE,
            "verpleegkundige",
            "2221.1",
            "2221",
            frozenset({skill(1), skill(2), skill(3)}),
            frozenset({skill(8)}),
        ),
        OccupationProfile(CARE, "zorgkundige", "5321.1", "5321", frozenset({skill(2), skill(4)})),
        OccupationProfile(
            CLERK,
            "bediende",
            "4110.1",
            "4110",
            frozenset({skill(9), skill(10), skill(11), skill(12)}),
        ),
        OccupationProfile(
            WAREHOUSE, "magazijnier", "4321.1", "4321", frozenset({skill(10), skill(13)})
        ),
    ]
    labels = {p.uri: p.label for p in profiles}
    labels.update({skill(n): f"competentie {n}" for n in range(1, 50)})
    return Catalogue(profiles, labels, "nl")


class FakeForecast:
    def __init__(self, declining: set[str], growing_skills: frozenset[str] = frozenset()) -> None:
        self.declining = declining
        self.growing = growing_skills

    def status(self) -> ForecastStatus:
        return ForecastStatus(loaded=True, vintage="test", scenario="base", method="fake")

    def occupation(self, occupation_uri: str) -> OccupationOutlook:
        outlook = Outlook.DECLINING if occupation_uri in self.declining else Outlook.GROWING
        return OccupationOutlook(occupation_uri, outlook, 0.8, occupation_uri == CARE, "fake")

    def skill(self, skill_uri: str) -> SkillOutlook:
        if skill_uri in self.growing:
            return SkillOutlook(skill_uri, Outlook.GROWING)
        return SkillOutlook(skill_uri, Outlook.DECLINING if skill_uri == skill(1) else None)


class FakeSuggester:
    """A suggester that records what it was asked and offers one item per skill (or one)."""

    def __init__(self, source: str = "test") -> None:
        self.source = source
        self.seen: list[StepContext] = []

    def suggest(self, context: StepContext, limit: int) -> Sequence[Suggestion]:
        self.seen.append(context)
        keys = list(context.skills) or [context.kind.value]
        return [Suggestion(f"offer {key}", uri=key, source=self.source) for key in keys][:limit]
