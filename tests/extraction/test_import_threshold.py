"""The import threshold on the real bundled labels (lexical: a few seconds to build)."""

from __future__ import annotations

from koers.extraction import Method, SkillExtractor, bundled_skill_labels
from koers.extraction.model import ExtractedSkill, Extraction, Span
from koers.extraction.threshold import IMPORT_MIN_SCORE, is_exact_hit, keep_for_import


def test_short_cv_keeps_the_true_hit_and_drops_low_score_noise() -> None:
    extraction = SkillExtractor(bundled_skill_labels()).extract("Ik gebruik Excel", 30)
    assert extraction.method is Method.LEXICAL
    ranked = [s.label for s in extraction.skills]
    noise = "work to develop physical ability to perform at the highest level in sport"
    assert "use spreadsheets software" in ranked and noise in ranked  # unfiltered list
    kept = [s.label for s in keep_for_import(extraction)]
    assert kept[0] == "use spreadsheets software"
    assert noise not in kept and "demand excellence from performers" not in kept
    assert len(kept) < len(ranked)
    assert all(
        s.score >= IMPORT_MIN_SCORE["lexical"] or is_exact_hit(s)
        for s in keep_for_import(extraction)
    )


def test_exact_hits_are_kept_whatever_their_score() -> None:
    span = Span(0, 17, "heftruckchauffeur")
    exact = ExtractedSkill(
        "u1", "operate forklift", 0.61, span, "heftruckchauffeur", Method.EMBEDDING
    )
    loose = ExtractedSkill(
        "u2", "tolerate stress", 0.61, span, "stress toleration", Method.EMBEDDING
    )
    extraction = Extraction("heftruckchauffeur", (exact, loose), Method.HYBRID)
    assert is_exact_hit(exact) and not is_exact_hit(loose)
    assert [s.uri for s in keep_for_import(extraction)] == ["u1"]
