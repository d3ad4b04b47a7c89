"""``/api/v1/forecast``: runs, outlooks, tension ranking, skill indicators (aggregate data).

Reads are open because forecasts are aggregate, non-personal data; writes (adjustments) need a
signed-in ``analyst`` (and the ``X-CSRF-Token`` header, as every cookie-authenticated write).
"""

from __future__ import annotations

from typing import Annotated, Any

import pandas as pd
from fastapi import APIRouter, File, Path, Query, Request, UploadFile

from koers.api.schemas.forecast import (
    AdjustmentIn,
    AdjustmentOut,
    BacktestOut,
    OutlookOut,
    RunOut,
    ShortageMappingOut,
    ShortageMatchOut,
    SkillIndicatorOut,
    TensionOut,
    TensionRowOut,
    UnitOut,
)
from koers.forecast import degree_key
from koers.http.deps import ForecastDep
from koers.http.errors import problem_responses
from koers.http.limits import HeavyKind, run_heavy
from koers.http.security import AnalystAccount, CsrfHeader
from koers.http.uploads import MAX_CSV_ROWS, MAX_CSV_UPLOAD, read_upload
from koers.services.forecast import ForecastService
from koers.services.tables import read_table

router = APIRouter(
    prefix="/api/v1/forecast", tags=["forecast"], responses=problem_responses(404, 422)
)


ScenarioQuery = Annotated[str | None, Query(max_length=40, description="Scenario id.")]
RunQuery = Annotated[str | None, Query(max_length=60, description="Run key; default latest.")]
RunKey = Annotated[str, Path(max_length=60, description="Run key (group and scenario).")]
Level = Annotated[str, Path(pattern="^(sectors|occupations)$", max_length=11)]
Code = Annotated[str, Path(max_length=12, description="NACE code, TOTAL or ISCO-08 code.")]
MinVacancies = Annotated[int, Query(ge=0, le=1_000_000)]


@router.get("/runs", response_model=list[RunOut])
def runs(forecast: ForecastDep, limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[RunOut]:
    """Stored runs, newest first (one per scenario)."""
    return [RunOut.of(r) for r in forecast.runs(limit)]


@router.get("/runs/latest", response_model=list[RunOut])
def latest(forecast: ForecastDep) -> list[RunOut]:
    """The scenarios of the latest run, default scenario first."""
    return [RunOut.of(r) for r in forecast.scenarios(None)]


@router.get("/runs/{run_key}/backtest", response_model=BacktestOut)
def backtest(forecast: ForecastDep, run_key: RunKey) -> BacktestOut:
    """The back-test published with the run: MASE, MAPE, direction vs naive and drift."""
    run = forecast.pick(run_key)
    published: dict[str, Any] = dict(run.summary.get("backtest") or {})  # type: ignore[call-overload]
    return BacktestOut(
        run=RunOut.of(run),
        sectors=published.get("sectors", {}),
        shares=published.get("shares", {}),
    )


@router.get("/runs/{run_key}/{level}", response_model=list[UnitOut])
def units(forecast: ForecastDep, run_key: RunKey, level: Level) -> list[UnitOut]:
    """Every sector or occupation of a run: employment, growth, demand, prospects."""
    kind = _level(level)
    return [UnitOut.of(row) for row in forecast.overview(forecast.pick(run_key), kind)]


@router.get("/runs/{run_key}/{level}/{code}", response_model=OutlookOut)
def unit(forecast: ForecastDep, run_key: RunKey, level: Level, code: Code) -> OutlookOut:
    """One sector (NACE) or occupation (ISCO) of a run, year by year with intervals."""
    return OutlookOut.of(forecast.outlook(forecast.pick(run_key), _level(level), code))


@router.get("/outlook", response_model=OutlookOut)
def outlook(
    forecast: ForecastDep,
    occupation: Annotated[str, Query(min_length=1, max_length=200)],
    scenario: ScenarioQuery = None,
) -> OutlookOut:
    """The latest outlook of an occupation: ESCO URI or code, or an ISCO-08 code."""
    return OutlookOut.of(forecast.latest_outlook(occupation, scenario))


@router.get("/skills/indicator", response_model=SkillIndicatorOut)
def skill_indicator(
    forecast: ForecastDep,
    uri: Annotated[str, Query(min_length=1, max_length=200)],
    run: RunQuery = None,
    scenario: ScenarioQuery = None,
) -> SkillIndicatorOut:
    """A skill's growth indicator (degrees), its explanation and adjustments."""
    chosen = forecast.pick(run, scenario)
    found = forecast.skill_indicator(chosen, uri)
    return SkillIndicatorOut(
        run=RunOut.of(chosen),
        skill_uri=uri,
        growth_pct=found["growth_pct"],
        degree=found["degree"],
        degree_key=degree_key(found["degree"]),
        adjusted_degree=found["adjusted_degree"],
        adjusted_degree_key=degree_key(found["adjusted_degree"]),
        weight=found["weight"],
        n_occupations=found["n_occupations"],
        top_isco=found["top_isco"],
        ratio=found["ratio"],
        band=found["band"],
        adjustments=[AdjustmentOut.of(a) for a in found["adjustments"]],
    )


@router.post(
    "/skills/adjustments",
    response_model=AdjustmentOut,
    status_code=201,
    responses=problem_responses(401, 403),
)
def add_adjustment(
    forecast: ForecastDep, body: AdjustmentIn, _analyst: AnalystAccount, _csrf: CsrfHeader
) -> AdjustmentOut:
    """Store an employer-survey or expert-panel adjustment (author, date, reason)."""
    return AdjustmentOut.of(forecast.add_adjustment(**body.model_dump()))


def _tension(
    forecast: ForecastService,
    counts: pd.DataFrame | None,
    period: str | None,
    filter_period: str | None,
    min_vacancies: int,
    top: int,
    source: str,
) -> TensionOut:
    ranking, facts = forecast.tension(
        counts, period, filter_period, min_vacancies, top or None, source, wait=False
    )
    return TensionOut(
        period=ranking.period,
        filter_period=ranking.filter_period,
        min_vacancies=ranking.min_vacancies,
        source=str(facts["source"]),
        is_report=bool(facts["is_report"]),
        shortage_list_mapped=facts["mapped"],
        shortage_list_size=int(facts["listed"]),
        esco_pending=bool(facts["esco_pending"]),
        rows=TensionRowOut.rows(ranking.rows),
    )


@router.get("/tension", response_model=TensionOut)
def tension_report(
    forecast: ForecastDep,
    period: Annotated[str | None, Query(max_length=40)] = None,
    filter_period: Annotated[str | None, Query(max_length=40)] = None,
    min_vacancies: MinVacancies = 50,
    top: Annotated[int, Query(ge=0, le=1000)] = 20,
) -> TensionOut:
    """Tension ranking of the report's Tables 1–2 (real data), with shortage flags."""
    return _tension(forecast, None, period, filter_period, min_vacancies, top, "report")


@router.post("/tension", response_model=TensionOut)
async def tension_upload(
    request: Request,
    forecast: ForecastDep,
    file: Annotated[UploadFile, File(description="CSV: occupation,period,jobseekers,vacancies")],
    period: Annotated[str | None, Query(max_length=40)] = None,
    filter_period: Annotated[str | None, Query(max_length=40)] = None,
    min_vacancies: MinVacancies = 50,
    top: Annotated[int, Query(ge=0, le=1000)] = 20,
) -> TensionOut:
    """Tension ranking of an uploaded jobseekers × vacancies CSV, with shortage flags."""
    name = file.filename or "upload.csv"
    data = await read_upload(file, MAX_CSV_UPLOAD)

    def rank() -> TensionOut:
        counts = read_table(data, name, max_bytes=MAX_CSV_UPLOAD, max_rows=MAX_CSV_ROWS).frame
        return _tension(forecast, counts, period, filter_period, min_vacancies, top, name)

    return await run_heavy(request, HeavyKind.TABLE, rank)


@router.get("/shortages", response_model=ShortageMappingOut)
def shortages(forecast: ForecastDep) -> ShortageMappingOut:
    """The VDAB knelpuntberoepen 2026 titles mapped to ESCO occupations (Dutch labels)."""
    mapping = forecast.shortage_mapping()
    return ShortageMappingOut(
        listed=len(mapping.matches),
        mapped=mapping.mapped,
        by_method=mapping.counts(),
        matches=[
            ShortageMatchOut(
                beroep=m.title,
                vdab_sector=mapping.sectors[m.title][0],
                on_decree_list=mapping.sectors[m.title][1],
                how=m.how,
                esco_uris=list(m.uris),
                matched_label=m.matched,
                score=m.score,
            )
            for m in mapping.matches
        ],
    )


def _level(level: str) -> str:
    from koers.errors import NotFound

    mapping = {"sectors": "sector", "occupations": "occupation"}
    if level not in mapping:
        raise NotFound(f"unknown level '{level}': use sectors or occupations")
    return mapping[level]
