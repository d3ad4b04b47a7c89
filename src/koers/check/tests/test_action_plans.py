from __future__ import annotations

import pytest

from koers.check import ActionPlanRegistry, StepContext, StepKind, SuggestionKind
from koers.check.tests.fakes import FakeSuggester
from koers.portfolio import Preferences


def context(*skills: str) -> StepContext:
    return StepContext(StepKind.TRAINING, list(skills), "", Preferences(), {})


def test_suggesters_of_one_kind_follow_in_registration_order_up_to_the_limit() -> None:
    registry = ActionPlanRegistry(limit=3)
    registry.register(SuggestionKind.TRAININGS, FakeSuggester("recommender"))
    registry.register("trainings", FakeSuggester("programmes"))
    found = registry.suggest("trainings", context("a", "b"))
    assert found is not None
    assert [(s.uri, s.source) for s in found] == [
        ("a", "recommender"),
        ("b", "recommender"),
        ("a", "programmes"),
    ]


def test_a_kind_without_suggester_or_a_step_without_hook_gets_none() -> None:
    registry = ActionPlanRegistry()
    registry.register(SuggestionKind.TRAININGS, FakeSuggester())
    assert registry.suggest(SuggestionKind.INCENTIVES, context("a")) is None
    assert registry.suggest("", context("a")) is None


def test_an_unknown_kind_is_refused_at_registration() -> None:
    with pytest.raises(ValueError, match="programme"):
        ActionPlanRegistry().register("programme", FakeSuggester())
