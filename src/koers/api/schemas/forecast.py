"""What the forecast API returns (kept apart from ORM classes and domain dataclasses)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from koers.forecast import (
    Outlook,
    OutlookPoint,
    Prospects,
    RunInfo,
    SkillAdjustment,
    TensionRow,
    degree_key,
    ranking_records,
)


class RunOut(BaseModel):
    run_key: str
    group_key: str
    label: str
    scenario: str
    scenario_label_nl: str
    scenario_label_en: str
    is_default: bool
    method: str = Field(description="Model and reconciliation, e.g. ets+mint_shrink.")
    inputs_hash: str = Field(description="SHA-256 of the validated inputs.")
    base_year: int
    horizon: int
    is_sample: bool = Field(description="True: built on SAMPLE data, not real data.")
    created_at: str

    @classmethod
    def of(cls, run: RunInfo) -> RunOut:
        data = asdict(run)
        data.pop("summary")
        data.pop("id")
        return cls(**data)


class PointOut(BaseModel):
    year: int
    is_forecast: bool
    employment: float
    lo80: float | None = None
    hi80: float | None = None
    lo95: float | None = None
    hi95: float | None = None
    naive: float | None = None
    drift: float | None = None
    expansion: float | None = None
    replacement: float | None = None
    replacement_cohort: float | None = None
    replacement_separation: float | None = None
    openings: float | None = None
    demand_newcomers: float | None = None
    supply: float | None = None

    @classmethod
    def of(cls, point: OutlookPoint) -> PointOut:
        return cls(**asdict(point))


class ProspectsOut(BaseModel):
    demand: float = Field(description="Average yearly openings for newcomers.")
    supply: float = Field(description="Average yearly new supply.")
    ratio: float | None = Field(description="supply / demand.")
    band: str = Field(description="very_good, good, fair, moderate, poor or unknown.")

    @classmethod
    def of(cls, p: Prospects | None) -> ProspectsOut | None:
        return None if p is None else cls(**asdict(p))


class OutlookOut(BaseModel):
    run: RunOut
    level: str
    code: str
    growth_pct: float | None = Field(description="Average yearly growth over the horizon, %.")
    degree: int | None = Field(description="-2 strong decline … +2 strong growth.")
    degree_key: str | None
    prospects: ProspectsOut | None
    points: list[PointOut]

    @classmethod
    def of(cls, outlook: Outlook) -> OutlookOut:
        return cls(
            run=RunOut.of(outlook.run),
            level=outlook.level,
            code=outlook.code,
            growth_pct=outlook.growth_pct,
            degree=outlook.degree,
            degree_key=degree_key(outlook.degree) if outlook.degree is not None else None,
            prospects=ProspectsOut.of(outlook.prospects),
            points=[PointOut.of(p) for p in outlook.points],
        )


class UnitOut(BaseModel):
    code: str
    employment_base: float
    employment_end: float | None
    lo80_end: float | None
    hi80_end: float | None
    growth_pct: float | None
    degree: int | None
    expansion: float | None = Field(None, description="Sum over the forecast years.")
    replacement: float | None = Field(None, description="Sum over the forecast years.")
    openings: float | None = Field(None, description="Sum over the forecast years.")
    prospects: ProspectsOut | None = None

    @classmethod
    def of(cls, row: dict[str, Any]) -> UnitOut:
        return cls(**{**row, "prospects": ProspectsOut.of(row.get("prospects"))})


class AdjustmentIn(BaseModel):
    skill_uri: str = Field(max_length=200)
    source: str = Field(pattern="^(employer_survey|expert_panel)$", max_length=20)
    kind: str = Field("ex_ante", pattern="^(ex_ante|ex_post)$", max_length=10)
    degree_delta: int = Field(0, ge=-4, le=4)
    author: str = Field(min_length=1, max_length=200)
    made_on: date
    reason: str = Field(min_length=1, max_length=4000)


class AdjustmentOut(AdjustmentIn):
    id: int | None

    @classmethod
    def of(cls, a: SkillAdjustment) -> AdjustmentOut:
        return cls(**asdict(a))


class SkillIndicatorOut(BaseModel):
    run: RunOut
    skill_uri: str
    growth_pct: float
    degree: int
    degree_key: str
    adjusted_degree: int
    adjusted_degree_key: str
    weight: float
    n_occupations: int
    top_isco: list[str]
    ratio: float | None
    band: str | None
    adjustments: list[AdjustmentOut]


class BacktestOut(BaseModel):
    run: RunOut
    sectors: dict[str, Any] = Field(
        description="Rolling-origin back-test of the sector model vs naive and drift: "
        "overall and per series (MASE, MAPE, direction_hit_rate, n_points)."
    )
    shares: dict[str, Any] = Field(description="Trended vs constant shares (MAPE, direction).")


class TensionRowOut(BaseModel):
    occupation: str
    jobseekers: int
    vacancies: int
    tension_ratio: float
    shortage_list: bool | None = None
    shortage_decree: bool | None = None
    vdab_sector: str | None = None
    shortage_match: str | None = None

    @classmethod
    def rows(cls, rows: tuple[TensionRow, ...]) -> list[TensionRowOut]:
        from koers.forecast import TensionRanking

        ranking = TensionRanking("", "", 0, rows, len(rows))
        return [cls(**r) for r in ranking_records(ranking)]  # type: ignore[arg-type]


class TensionOut(BaseModel):
    period: str
    filter_period: str
    min_vacancies: int
    source: str
    is_report: bool = Field(description="True: the report's Tables 1-2 (real published data).")
    shortage_list_mapped: int | None = Field(
        description="VDAB 2026 titles mapped to ESCO; null while the mapping is being built."
    )
    shortage_list_size: int
    esco_pending: bool = Field(
        False, description="True: flags are by title only; the ESCO mapping is being built."
    )
    rows: list[TensionRowOut]


class ShortageMatchOut(BaseModel):
    beroep: str
    vdab_sector: str
    on_decree_list: bool
    how: str
    esco_uris: list[str]
    matched_label: str
    score: float


class ShortageMappingOut(BaseModel):
    listed: int
    mapped: int
    by_method: dict[str, int]
    matches: list[ShortageMatchOut]
