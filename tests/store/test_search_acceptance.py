"""Search on the real ESCO data (issue acceptance): Dutch, typos, English skills."""

from __future__ import annotations

from koers.services.taxonomy import TaxonomyService
from koers.taxonomy.model import ConceptKind

NURSING_ISCO = {"2221", "3221"}


def _isco(taxonomy: TaxonomyService, uri: str) -> str:
    detail = taxonomy.detail(uri, "nl")
    assert detail.isco_group is not None
    return detail.isco_group.code


def test_dutch_nursing_first(taxonomy: TaxonomyService) -> None:
    hits = taxonomy.search("verpleegkundige", lang="nl", kind=ConceptKind.OCCUPATION, limit=5)
    assert "verpleegkundige" in hits[0].label
    assert _isco(taxonomy, hits[0].uri) in NURSING_ISCO


def test_dutch_typo_still_finds_nursing(taxonomy: TaxonomyService) -> None:
    hits = taxonomy.search("verpleegkundge", lang="nl", kind=ConceptKind.OCCUPATION, limit=5)
    assert hits and "verpleegkundige" in hits[0].label
    assert _isco(taxonomy, hits[0].uri) in NURSING_ISCO


def test_english_skill_javascript(taxonomy: TaxonomyService) -> None:
    hits = taxonomy.search("JavaScript", lang="en", kind=ConceptKind.SKILL, limit=5)
    assert hits[0].label == "JavaScript"
    assert hits[0].score == 1.0


def test_alternative_label_match_shows_preferred_label(taxonomy: TaxonomyService) -> None:
    hits = taxonomy.search("lasser", lang="nl", kind=ConceptKind.OCCUPATION, limit=3)
    assert hits[0].matched.lower() == "lasser"


def test_english_occupation_label_in_english(taxonomy: TaxonomyService) -> None:
    hits = taxonomy.search(
        "nurse responsible for general care", lang="en", kind=ConceptKind.OCCUPATION, limit=3
    )
    assert hits[0].label == "nurse responsible for general care"
