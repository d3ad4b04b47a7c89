"""Outlook arithmetic: yearly growth and the sum of member outlooks (None stays None)."""

from __future__ import annotations

import pytest

from koers.forecast.model import OutlookPoint
from koers.forecast.outlook import growth_pct, sum_points


def test_growth_is_the_yearly_rate_from_the_base_to_the_last_year() -> None:
    points = [
        OutlookPoint(2020, False, 100.0),
        OutlookPoint(2021, True, 110.0),
        OutlookPoint(2022, True, 121.0),
    ]
    assert growth_pct(points) == pytest.approx(10.0)
    assert growth_pct(points[:1]) is None
    assert growth_pct([OutlookPoint(2020, False, 0.0), points[1]]) is None


def test_sum_adds_each_year_and_keeps_missing_amounts_missing() -> None:
    a = [OutlookPoint(2020, False, 10.0), OutlookPoint(2021, True, 12.0, lo80=11.0, supply=1.0)]
    b = [OutlookPoint(2020, False, 5.0), OutlookPoint(2021, True, 6.0, lo80=5.0)]
    total = sum_points([a, b])
    assert [p.year for p in total] == [2020, 2021]
    assert [p.employment for p in total] == [15.0, 18.0]
    assert total[1].lo80 == 16.0 and total[1].is_forecast
    assert total[1].supply is None  # one member has no supply
    assert total[0].lo80 is None
