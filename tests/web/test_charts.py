"""The analyst charts (koers.web.charts): numbers in, accessible SVG out; no browser needed."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from koers.forecast import OutlookPoint
from koers.web.charts import HEIGHT, bar_chart, fmt_number, line_chart, pair_chart

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ElementTree.Element:
    return ElementTree.fromstring(markup)  # well-formed XML, or this raises


def point(year: int, employment: float, forecast: bool = False) -> OutlookPoint:
    spread = 100.0 if forecast else None
    return OutlookPoint(
        year=year,
        employment=employment,
        is_forecast=forecast,
        lo80=employment - spread if spread else None,
        hi80=employment + spread if spread else None,
        lo95=employment - 2 * spread if spread else None,
        hi95=employment + 2 * spread if spread else None,
    )


def test_numbers_are_written_as_each_language_writes_them() -> None:
    assert fmt_number(2_719_600, "nl") == "2.719.600"
    assert fmt_number(2_719_600, "en") == "2,719,600"
    assert fmt_number(1.25, "nl", 1) in ("1,2", "1,3")
    assert fmt_number(None, "nl") == fmt_number(float("nan"), "en") == "–"


def test_line_chart_has_title_desc_history_forecast_and_bands() -> None:
    points = [point(2020, 1000), point(2021, 1100), point(2022, 1200, True)]
    svg = parse(line_chart(points, "c1", "Werk <&>", "Beschrijving", "nl"))
    assert svg.get("aria-labelledby") == "c1-t c1-d"
    assert svg.find(f"{SVG}title").text == "Werk <&>"  # escaped in the markup
    assert svg.find(f"{SVG}desc").text == "Beschrijving"
    classes = [e.get("class") for e in svg.iter() if e.get("class")]
    for css in ("history", "forecast", "band80", "band95", "grid"):
        assert css in classes
    # every point lies inside the drawing area
    for line in svg.iter(f"{SVG}polyline"):
        ys = [float(pair.split(",")[1]) for pair in line.get("points", "").split()]
        assert all(0 <= y <= HEIGHT for y in ys)
    assert line_chart([], "c1", "t", "d", "nl") == ""


def test_bar_chart_stacks_positive_up_and_negative_down() -> None:
    svg = parse(
        bar_chart(
            [2024, 2025],
            [("a", "up", [10.0, 5.0]), ("b", "down", [-4.0, 0.0])],
            "b",
            "t",
            "d",
            "en",
        )
    )
    rects = [
        (r.get("class"), float(r.get("x", "0")), float(r.get("height", "0")))
        for r in svg.iter(f"{SVG}rect")
    ]
    assert len(rects) == 4
    heights = [h for css, _, h in sorted(rects, key=lambda r: r[1]) if css == "up"]
    assert heights[0] == pytest.approx(2 * heights[1], abs=0.2)  # 10 is twice as tall as 5
    assert [e.text for e in svg.iter(f"{SVG}text") if e.text in ("2024", "2025")] == [
        "2024",
        "2025",
    ]


def test_pair_chart_grows_with_its_items_and_labels_the_values() -> None:
    svg = pair_chart([("vraag", 300.0, "demand"), ("aanbod", 150.0, "supply")], "p", "t", "d", "nl")
    height = int(re.search(r'viewBox="0 0 \d+ (\d+)"', svg).group(1))  # type: ignore[union-attr]
    assert height == 40 + 44 * 2
    widths = [float(r.get("width", "0")) for r in parse(svg).iter(f"{SVG}rect")]
    assert widths[0] == 2 * widths[1]
