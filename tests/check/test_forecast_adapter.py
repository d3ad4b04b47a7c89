"""The adapter from the forecast service to the checks' ForecastSource port (with a stub)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from koers.check import Outlook
from koers.forecast.errors import NoOutlook
from koers.services.check import ForecastOutlooks, outlook_of_degree

NURSE = "http://data.europa.eu/esco/occupation/nurse"
CLERK = "http://data.europa.eu/esco/occupation/clerk"
UNKNOWN = "http://data.europa.eu/esco/occupation/unknown"


@dataclass(frozen=True)
class Run:
    run_key: str = "r1"
    scenario: str = "base"
    method: str = "ets"
    is_sample: bool = True


@dataclass(frozen=True)
class Found:
    degree: int | None


class Mapping:
    def by_uri(self) -> dict[str, tuple[str, bool]]:
        return {NURSE: ("zorg", True)}


class StubForecast:
    def __init__(self) -> None:
        self.calls = 0

    def latest_outlook(self, occupation: str) -> Found:
        self.calls += 1
        if occupation == UNKNOWN:
            raise NoOutlook("outside the forecast")
        return Found(2 if occupation == NURSE else -1)

    def skill_indicators(self, run: Any, uris: list[str]) -> dict[str, dict[str, Any]]:
        return {u: {"degree": 0} for u in uris if u.endswith("known")}

    def shortage_mapping(self) -> Mapping:
        return Mapping()

    def map_report_titles(self, titles: list[str]) -> list[Any]:
        return []  # no title maps: every tension stays unknown


def test_degrees_map_to_outlooks() -> None:
    assert outlook_of_degree(2) is Outlook.GROWING
    assert outlook_of_degree(0) is Outlook.STABLE
    assert outlook_of_degree(-1) is Outlook.DECLINING
    assert outlook_of_degree(None) is None


def test_adapter_reads_outlooks_shortages_and_caches() -> None:
    stub = StubForecast()
    source = ForecastOutlooks(stub, Run())
    assert source.wait_until_ready(5)
    status = source.status()
    assert status.loaded and status.vintage == "r1" and "SAMPLE" in status.note
    nurse = source.occupation(NURSE)
    assert nurse.outlook is Outlook.GROWING and nurse.shortage is True
    clerk = source.occupation(CLERK)
    assert clerk.outlook is Outlook.DECLINING and clerk.shortage is None  # unmapped = unknown
    assert source.occupation(UNKNOWN).outlook is None
    source.occupation(NURSE)
    assert stub.calls == 3  # cached
    assert source.skill("s-known").outlook is Outlook.STABLE
    assert source.skill("s-other").outlook is None
    assert nurse.tension_ratio is None
