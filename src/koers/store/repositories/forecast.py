"""Reads and writes of forecast runs; returns forecast domain dataclasses.

Also reads (never writes) the taxonomy tables the forecasts need: ISCO codes, and the ESCO
occupation–skill relations as arrays for the competence indicators.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from koers.forecast import (
    ForecastResult,
    OutlookPoint,
    Prospects,
    RunInfo,
    SkillAdjustment,
    SkillRelations,
    UnknownRun,
)
from koers.store.orm.forecast import (
    FORECAST_RUN_TABLES,
    ForecastAdjustmentRow,
    ForecastMismatchRow,
    ForecastRunRow,
    ForecastSeriesRow,
    ForecastSkillRow,
)
from koers.store.orm.taxonomy import IscoGroupRow, OccupationRow, OccupationSkillRow

_CHUNK = 5000
_POINT_FIELDS = [
    "lo80",
    "hi80",
    "lo95",
    "hi95",
    "naive",
    "drift",
    "expansion",
    "replacement",
    "replacement_cohort",
    "replacement_separation",
    "openings",
    "demand_newcomers",
    "supply",
]


def _opt(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    clean = frame.astype(object).where(frame.notna(), None)
    return clean.to_dict("records")  # type: ignore[return-value]


class ForecastRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- writes ---------------------------------------------------------------------------------

    def save_result(
        self, result: ForecastResult, group_key: str, summary: dict[str, Any]
    ) -> list[RunInfo]:
        """Store every scenario of ``result`` as one run, inside the caller's transaction."""
        created = datetime.now(UTC)
        runs: list[RunInfo] = []
        config = json.dumps(result.config.to_dict(), ensure_ascii=False, default=str)
        for position, scenario in enumerate(result.config.scenarios):
            meta = result.meta(scenario)
            row = ForecastRunRow(
                run_key=f"{group_key}-{scenario.name}"[:40],
                group_key=group_key,
                label=meta["label"],
                scenario=scenario.name,
                scenario_label_nl=scenario.label_nl,
                scenario_label_en=scenario.label_en,
                is_default=position == 0,
                method=meta["method"],
                inputs_hash=result.inputs_hash,
                base_year=result.base_year,
                horizon=result.config.horizon,
                is_sample=result.is_sample,
                created_at=created,
                config_json=config,
                summary_json=json.dumps(
                    {**summary, "model_description": meta["model_description"]},
                    ensure_ascii=False,
                    default=str,
                ),
            )
            self.session.add(row)
            self.session.flush()
            self._insert_rows(row.id, result, scenario.name)
            runs.append(_info(row))
        return runs

    def _insert_rows(self, run_id: int, result: ForecastResult, scenario: str) -> None:
        sectors = result.sectors[result.sectors["scenario"] == scenario]
        occupations = result.occupations[result.occupations["scenario"] == scenario]
        supply = result.supply[result.supply["scenario"] == scenario]
        occupations = occupations.merge(
            supply[["isco08", "year", "supply"]], on=["isco08", "year"], how="left"
        )
        parts = [
            sectors.rename(columns={"nace": "code"}).assign(level="sector"),
            occupations.rename(columns={"isco08": "code"}).assign(level="occupation"),
        ]
        series = pd.concat(parts, ignore_index=True)
        series = series.assign(is_forecast=series["kind"] == "forecast", run_id=run_id)
        for column in _POINT_FIELDS:
            if column not in series.columns:
                series[column] = np.nan
        columns = ["run_id", "level", "code", "year", "is_forecast", "employment", *_POINT_FIELDS]
        self._insert(ForecastSeriesRow, _records(series[columns]))
        mismatch = result.mismatch[result.mismatch["scenario"] == scenario]
        if len(mismatch):
            self._insert(
                ForecastMismatchRow,
                _records(
                    mismatch.assign(run_id=run_id)[
                        ["run_id", "level", "code", "demand", "supply", "ratio", "band"]
                    ]
                ),
            )
        skills = result.skills[result.skills["scenario"] == scenario]
        if len(skills):
            frame = skills.assign(run_id=run_id)[
                [
                    "run_id",
                    "skill_uri",
                    "growth_pct",
                    "degree",
                    "weight",
                    "n_occupations",
                    "top_isco",
                    "ratio",
                    "band",
                ]
            ]
            self._insert(ForecastSkillRow, _records(frame))

    def _insert(self, table: type, rows: Sequence[dict[str, Any]]) -> None:
        """Core executemany (no ORM bookkeeping): tens of thousands of rows per run."""
        core = table.__table__  # type: ignore[attr-defined]
        connection = self.session.connection()
        for start in range(0, len(rows), _CHUNK):
            connection.execute(insert(core), list(rows[start : start + _CHUNK]))

    def delete_group(self, group_key: str) -> int:
        """Delete every run of a group (and their rows); returns the number of runs."""
        ids = list(
            self.session.scalars(
                select(ForecastRunRow.id).where(ForecastRunRow.group_key == group_key)
            )
        )
        for table in FORECAST_RUN_TABLES:
            self.session.execute(delete(table).where(table.run_id.in_(ids)))  # type: ignore[attr-defined]
        self.session.execute(delete(ForecastRunRow).where(ForecastRunRow.id.in_(ids)))
        return len(ids)

    def add_adjustment(self, adjustment: SkillAdjustment) -> SkillAdjustment:
        row = ForecastAdjustmentRow(
            skill_uri=adjustment.skill_uri,
            source=adjustment.source,
            kind=adjustment.kind,
            degree_delta=adjustment.degree_delta,
            author=adjustment.author,
            made_on=adjustment.made_on,
            reason=adjustment.reason,
            created_at=datetime.now(UTC),
        )
        self.session.add(row)
        self.session.flush()
        return _adjustment(row)

    # -- reads ----------------------------------------------------------------------------------

    def runs(self, limit: int = 50) -> list[RunInfo]:
        rows = self.session.scalars(
            select(ForecastRunRow).order_by(ForecastRunRow.id.desc()).limit(limit)
        )
        return [_info(r) for r in rows]

    def run(self, run_key: str) -> RunInfo:
        row = self.session.scalar(select(ForecastRunRow).where(ForecastRunRow.run_key == run_key))
        if row is None:
            raise UnknownRun(run_key)
        return _info(row)

    def group(self, group_key: str) -> list[RunInfo]:
        rows = self.session.scalars(
            select(ForecastRunRow)
            .where(ForecastRunRow.group_key == group_key)
            .order_by(ForecastRunRow.id)
        )
        return [_info(r) for r in rows]

    def latest_group(self) -> list[RunInfo]:
        """The scenarios of the most recent run (default scenario first); [] if none."""
        latest = self.session.scalar(
            select(ForecastRunRow.group_key).order_by(ForecastRunRow.id.desc()).limit(1)
        )
        return self.group(latest) if latest else []

    def codes(self, run_id: int, level: str) -> list[str]:
        return list(
            self.session.scalars(
                select(ForecastSeriesRow.code)
                .where(ForecastSeriesRow.run_id == run_id, ForecastSeriesRow.level == level)
                .distinct()
                .order_by(ForecastSeriesRow.code)
            )
        )

    def points(self, run_id: int, level: str, code: str) -> list[OutlookPoint]:
        rows = self.session.scalars(
            select(ForecastSeriesRow)
            .where(
                ForecastSeriesRow.run_id == run_id,
                ForecastSeriesRow.level == level,
                ForecastSeriesRow.code == code,
            )
            .order_by(ForecastSeriesRow.year)
        )
        return [_point(r) for r in rows]

    def year_table(self, run_id: int, level: str, year: int) -> list[tuple[str, OutlookPoint]]:
        """Every unit's point of one year: ``[(code, point)]`` sorted by code."""
        rows = self.session.scalars(
            select(ForecastSeriesRow)
            .where(
                ForecastSeriesRow.run_id == run_id,
                ForecastSeriesRow.level == level,
                ForecastSeriesRow.year == year,
            )
            .order_by(ForecastSeriesRow.code)
        )
        return [(r.code, _point(r)) for r in rows]

    def forecast_sums(self, run_id: int, level: str) -> dict[str, dict[str, float]]:
        """Per unit: the sum over forecast years of expansion, replacement, openings."""
        rows = self.session.execute(
            select(
                ForecastSeriesRow.code,
                func.sum(ForecastSeriesRow.expansion),
                func.sum(ForecastSeriesRow.replacement),
                func.sum(ForecastSeriesRow.openings),
            )
            .where(
                ForecastSeriesRow.run_id == run_id,
                ForecastSeriesRow.level == level,
                ForecastSeriesRow.is_forecast.is_(True),
            )
            .group_by(ForecastSeriesRow.code)
        ).all()
        return {
            str(code): {
                "expansion": float(e or 0.0),
                "replacement": float(r or 0.0),
                "openings": float(o or 0.0),
            }
            for code, e, r, o in rows
        }

    def prospects(self, run_id: int, level: str, code: str | None = None) -> dict[str, Prospects]:
        query = select(ForecastMismatchRow).where(
            ForecastMismatchRow.run_id == run_id, ForecastMismatchRow.level == level
        )
        if code is not None:
            query = query.where(ForecastMismatchRow.code == code)
        return {
            r.code: Prospects(r.demand, r.supply, _opt(r.ratio), r.band)
            for r in self.session.scalars(query)
        }

    def skill_rows(self, run_id: int, uris: Iterable[str]) -> dict[str, dict[str, Any]]:
        wanted = list(dict.fromkeys(uris))
        out: dict[str, dict[str, Any]] = {}
        for start in range(0, len(wanted), 900):
            part = wanted[start : start + 900]
            for r in self.session.scalars(
                select(ForecastSkillRow).where(
                    ForecastSkillRow.run_id == run_id, ForecastSkillRow.skill_uri.in_(part)
                )
            ):
                out[r.skill_uri] = {
                    "growth_pct": r.growth_pct,
                    "degree": r.degree,
                    "weight": r.weight,
                    "n_occupations": r.n_occupations,
                    "top_isco": [c for c in r.top_isco.split(",") if c],
                    "ratio": _opt(r.ratio),
                    "band": r.band,
                }
        return out

    def skill_extremes(self, run_id: int, limit: int = 10) -> dict[str, list[tuple[str, float]]]:
        """Skills with the highest and lowest growth among those with real weight."""
        base = select(ForecastSkillRow.skill_uri, ForecastSkillRow.growth_pct).where(
            ForecastSkillRow.run_id == run_id, ForecastSkillRow.n_occupations >= 5
        )
        top = self.session.execute(base.order_by(ForecastSkillRow.growth_pct.desc()).limit(limit))
        bottom = self.session.execute(base.order_by(ForecastSkillRow.growth_pct).limit(limit))
        return {
            "growing": [(str(u), float(g)) for u, g in top],
            "declining": [(str(u), float(g)) for u, g in bottom],
        }

    def degree_counts(self, run_id: int) -> dict[int, int]:
        rows = self.session.execute(
            select(ForecastSkillRow.degree, func.count())
            .where(ForecastSkillRow.run_id == run_id)
            .group_by(ForecastSkillRow.degree)
        ).all()
        return {int(d): int(n) for d, n in rows}

    def adjustments(self, skill_uri: str) -> list[SkillAdjustment]:
        rows = self.session.scalars(
            select(ForecastAdjustmentRow)
            .where(ForecastAdjustmentRow.skill_uri == skill_uri)
            .order_by(ForecastAdjustmentRow.made_on, ForecastAdjustmentRow.id)
        )
        return [_adjustment(r) for r in rows]

    # -- taxonomy reads (read-only) ---------------------------------------------------------------

    def isco_codes(self) -> set[str]:
        return {str(c) for c in self.session.scalars(select(IscoGroupRow.code))}

    def isco_uris(self, codes: Sequence[str]) -> dict[str, str]:
        """ISCO code → ISCO group URI."""
        wanted = list(dict.fromkeys(codes))
        rows = self.session.execute(
            select(IscoGroupRow.code, IscoGroupRow.uri).where(IscoGroupRow.code.in_(wanted))
        ).all()
        return {str(c): str(u) for c, u in rows}

    def occupation_isco(self, uri_or_code: str) -> str | None:
        """The 4-digit ISCO group of an ESCO occupation (by URI or ESCO code)."""
        row = self.session.execute(
            select(OccupationRow.isco_group).where(
                (OccupationRow.uri == uri_or_code) | (OccupationRow.code == uri_or_code)
            )
        ).first()
        return str(row[0]) if row else None

    def skill_relations(self) -> SkillRelations:
        """Every ESCO occupation–skill relation as arrays (for the competence indicators)."""
        occupations = self.session.execute(
            select(OccupationRow.uri, OccupationRow.isco_group).order_by(OccupationRow.uri)
        ).all()
        occ_index = {str(u): i for i, (u, _) in enumerate(occupations)}
        relations = self.session.execute(
            select(
                OccupationSkillRow.occupation_uri,
                OccupationSkillRow.skill_uri,
                OccupationSkillRow.relation_type,
            )
        ).all()
        skills = sorted({str(s) for _, s, _ in relations})
        skill_index = {s: i for i, s in enumerate(skills)}
        kept = [(o, s, t) for o, s, t in relations if o in occ_index]
        return SkillRelations(
            occupation_uris=tuple(str(u) for u, _ in occupations),
            occupation_isco=tuple(str(g) for _, g in occupations),
            skill_uris=tuple(skills),
            rel_occupation=np.asarray([occ_index[o] for o, _, _ in kept], dtype=np.int64),
            rel_skill=np.asarray([skill_index[s] for _, s, _ in kept], dtype=np.int64),
            rel_essential=np.asarray([t == "essential" for _, _, t in kept], dtype=np.bool_),
        )


def _info(row: ForecastRunRow) -> RunInfo:
    return RunInfo(
        id=row.id,
        run_key=row.run_key,
        group_key=row.group_key,
        label=row.label,
        scenario=row.scenario,
        scenario_label_nl=row.scenario_label_nl,
        scenario_label_en=row.scenario_label_en,
        is_default=row.is_default,
        method=row.method,
        inputs_hash=row.inputs_hash,
        base_year=row.base_year,
        horizon=row.horizon,
        is_sample=row.is_sample,
        created_at=row.created_at.isoformat(),
        summary=json.loads(row.summary_json or "{}"),
    )


def _point(row: ForecastSeriesRow) -> OutlookPoint:
    return OutlookPoint(
        year=row.year,
        is_forecast=row.is_forecast,
        employment=row.employment,
        **{name: _opt(getattr(row, name)) for name in _POINT_FIELDS},
    )


def _adjustment(row: ForecastAdjustmentRow) -> SkillAdjustment:
    return SkillAdjustment(
        skill_uri=row.skill_uri,
        source=row.source,
        kind=row.kind,
        degree_delta=row.degree_delta,
        author=row.author,
        made_on=row.made_on,
        reason=row.reason,
        id=row.id,
    )
