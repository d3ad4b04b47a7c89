from __future__ import annotations

from pathlib import Path

import pytest

from koers.extraction import SkillLabel, read_esco_skill_labels

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def sample_labels() -> list[SkillLabel]:
    return read_esco_skill_labels(FIXTURES / "skills_sample.csv")
