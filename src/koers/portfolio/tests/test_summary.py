from __future__ import annotations

from dataclasses import replace

from koers.portfolio import Person, skill_confidences, summary_data, to_html
from koers.portfolio.tests.fixtures import ESSENTIALS, NURSE, TODAY, demo, skill


def ids(message_id: str, **params: object) -> str:
    """A stand-in for the edge's translator: shows which text was asked for."""
    return f"[{message_id}]"


def test_summary_html_is_escaped_labelled_and_ordered() -> None:
    portfolio = replace(demo(), person=Person("<script>x</script>", None))
    conf = skill_confidences(portfolio, ESSENTIALS, TODAY)
    labels = {skill(1): "zorg & verpleging", NURSE: "verpleegkundige"}
    data = summary_data(portfolio, conf, labels, TODAY, ids, "nl")
    assert data.skills[0].confidence >= data.skills[-1].confidence
    html = to_html(data, ids)
    assert "<script>x" not in html and "&lt;script&gt;" in html
    assert "zorg &amp; verpleging" in html
    assert "[summary.sample]" in html and "[summary.skills]" in html
    assert '<html lang="nl">' in html
    assert "http" not in html.split("<style>")[1].split("</style>")[0]  # nothing loaded
