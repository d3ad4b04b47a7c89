"""Tension figures per ESCO occupation from VDAB title counts (pure join)."""

from __future__ import annotations

import pytest

from koers.check.tension import TensionCount, latest_period, period_message, tension_by_occupation
from koers.i18n import translate_message
from koers.messages import Message, message

A = "http://data.europa.eu/esco/occupation/a"
B = "http://data.europa.eu/esco/occupation/b"
COUNTS = [
    TensionCount("Slager", "2021-04", 209, 206),
    TensionCount("Beenhouwer", "2021-04", 11, 14),
    TensionCount("Douanedecarant", "2021-04", None, None),
    TensionCount("Slager", "2020-02", 100, 50),
    TensionCount("Douanedecarant", "2020-02", 79, 115),
]
SOURCE = message("check.source.report", period="test")


def test_latest_period_pools_titles_and_skips_unknown_counts() -> None:
    matches = {"Slager": [A], "Beenhouwer": [A, B], "Douanedecarant": [B]}
    figures = tension_by_occupation(COUNTS, matches, SOURCE)
    assert latest_period(COUNTS) == "2021-04"
    a, b = figures[A], figures[B]
    assert (a.jobseekers, a.vacancies, a.titles) == (220, 220, ("Slager", "Beenhouwer"))
    assert a.ratio == pytest.approx(1.0)
    # the customs title has no counts in April 2021: not borrowed from February 2020
    assert (b.jobseekers, b.vacancies, b.titles) == (11, 14, ("Beenhouwer",))
    assert a.period == "2021-04" and a.source == SOURCE


def test_unmapped_and_empty_stay_unknown() -> None:
    assert tension_by_occupation(COUNTS, {}, SOURCE) == {}
    assert tension_by_occupation([], {"Slager": [A]}, SOURCE) == {}
    older = tension_by_occupation(COUNTS, {"Douanedecarant": [B]}, SOURCE, period="2020-02")
    assert older[B].ratio == pytest.approx(79 / 115)


def test_period_message() -> None:
    april = period_message("2021-04")
    assert isinstance(april, Message)
    assert translate_message(april, "nl") == "april 2021"
    february = period_message("2020-02")
    assert isinstance(february, Message)
    assert translate_message(february, "en") == "February 2020"
    assert period_message("Q1 2021") == "Q1 2021"
