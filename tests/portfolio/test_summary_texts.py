"""The one-page summary and the confidence reasons in words, through the catalogues."""

from __future__ import annotations

from koers.i18n import translate_all, translator
from koers.portfolio import skill_confidences, summary_data, to_html
from koers.portfolio.tests.fixtures import ESSENTIALS, NURSE, TODAY, demo, skill


def test_summary_speaks_the_readers_language() -> None:
    portfolio = demo()
    conf = skill_confidences(portfolio, ESSENTIALS, TODAY)
    labels = {skill(1): "zorg & verpleging", NURSE: "verpleegkundige"}
    dutch = to_html(
        summary_data(portfolio, conf, labels, TODAY, translator("nl")), translator("nl")
    )
    assert "VOORBEELD" in dutch and "Competenties" in dutch
    english = summary_data(portfolio, conf, labels, TODAY, translator("en"), "en")
    html = to_html(english, translator("en"))
    assert "SAMPLE" in html and "Skills" in html
    assert english.made == f"Made with Koers on {TODAY.isoformat()}"


def test_why_names_the_source_in_dutch_and_english() -> None:
    one = skill_confidences(demo(), ESSENTIALS, TODAY)[skill(1)]
    assert "Ziekenhuis Voorbeeld" in translate_all(one.why(), "nl")
    assert "bevestigd" in translate_all(one.why(), "nl")
    assert "attested" in translate_all(one.why(), "en")
    assert "afgeleid uit je job" in translate_all(one.why(), "nl")
