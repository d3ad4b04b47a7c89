"""The search index on a handful of labels: normalisation, typos, kinds, languages."""

from __future__ import annotations

from koers.taxonomy.model import ConceptKind, Label, LabelType
from koers.taxonomy.search import SearchIndex, normalise

OCC, SKILL = ConceptKind.OCCUPATION, ConceptKind.SKILL
P, A, H = LabelType.PREFERRED, LabelType.ALTERNATIVE, LabelType.HIDDEN

LABELS = [
    Label("o:nurse", OCC, "en", "general nurse", P),
    Label("o:nurse", OCC, "nl", "algemeen verpleegkundige", P),
    Label("o:nurse", OCC, "nl", "verpleger", A),
    Label("o:welder", OCC, "en", "welder", P),
    Label("o:welder", OCC, "nl", "booglasser", P),
    Label("o:welder", OCC, "nl", "lasser", H),
    Label("s:js", SKILL, "en", "JavaScript", P),
    Label("s:cpp", SKILL, "en", "C++", P),
    Label("s:care", SKILL, "en", "provide nursing care", P),
]


def index() -> SearchIndex:
    return SearchIndex(LABELS)


def test_normalise_folds_case_accents_punctuation() -> None:
    assert normalise("  Élève-Verpleegkundige! ") == "eleve verpleegkundige"
    assert normalise("C++ / C#") == "c++ c#"


def test_exact_preferred_label_scores_one() -> None:
    hits = index().search("JavaScript", lang="en")
    assert hits[0].uri == "s:js" and hits[0].score == 1.0


def test_typo_is_tolerated() -> None:
    hits = index().search("verpleegkundge", lang="nl")
    assert hits[0].uri == "o:nurse"
    assert hits[0].score < 1.0


def test_label_shown_in_asked_language_with_matched_label() -> None:
    hit = index().search("verpleger", lang="nl")[0]
    assert (hit.label, hit.matched) == ("algemeen verpleegkundige", "verpleger")
    hit_en = index().search("verpleger", lang="en")[0]
    assert hit_en.label == "general nurse"


def test_kind_filter() -> None:
    hits = index().search("nurs", lang="en", kind=SKILL)
    assert [h.uri for h in hits] == ["s:care"]


def test_hidden_label_and_compound_suffix() -> None:
    hits = index().search("lasser", lang="nl")
    assert hits[0].uri == "o:welder"
    assert hits[0].matched == "lasser"


def test_other_language_counts_a_little_less() -> None:
    nl = index().search("welder", lang="nl")[0]
    en = index().search("welder", lang="en")[0]
    assert nl.uri == en.uri == "o:welder"
    assert nl.score < en.score


def test_symbols_survive() -> None:
    assert index().search("c++", lang="en")[0].uri == "s:cpp"


def test_empty_or_nonsense_query_returns_nothing() -> None:
    assert index().search("   ", lang="nl") == []
    assert index().search("zzzzqqqq", lang="nl") == []
    assert index().search("nurse", lang="en", limit=0) == []


def test_one_hit_per_concept() -> None:
    hits = index().search("verpleegkundige verpleger", lang="nl", limit=10)
    assert len({h.uri for h in hits}) == len(hits)
