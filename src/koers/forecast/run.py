"""One forecast run: validated inputs + a configuration → outlooks per scenario (issue 4).

The single orchestrator of the forecast domain. It never reads files: the adapter reads and
validates the panels (:mod:`koers.forecast.inputs`) into :class:`ForecastInputs`, parses the
configuration with :func:`parse_config`, and stores what :func:`run_forecast` returns.

Steps (report Annex B.1):

1. Expansion demand per sector: statsforecast model + naive baselines, reconciled so sectors
   add up to the total (:mod:`koers.forecast.expansion`).
2. Replacement demand per sector: cohort outflow and, when rates are given, separation rates
   (:mod:`koers.forecast.replacement`). Openings = expansion + replacement.
3. Sector → occupation with constant or trended shares (:mod:`koers.forecast.occupations`).
4. Supply: school leavers (baseline + scenario), jobseeker and migrant inflows, mapped to
   occupations (:mod:`koers.forecast.supply`).
5. Mismatch per occupation and sector (:mod:`koers.forecast.mismatch`).
6. Occupation → competence growth indicators when ESCO relations are given
   (:mod:`koers.forecast.skills`).
7. A rolling-origin back-test of the sector model against no-change and drift, and of
   trended against constant shares, published with every run.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from koers.forecast import steps
from koers.forecast.config import REPLACEMENT_METHODS, RunConfig, parse_config
from koers.forecast.expansion import Scenario, sector_series
from koers.forecast.methods import BASELINES, outlook_method
from koers.forecast.occupations import check_key_covers, project_shares
from koers.forecast.skills import SkillRelations
from koers.forecast.steps import INTERVALS, LEVELS

INPUT_NAMES = (
    "employment",
    "occupation_key",
    "school_leavers",
    "separation_rates",
    "inflows",
    "field_key",
    "labour_flows",
)


@dataclass
class ForecastInputs:
    """Validated panels of one run (frames from :mod:`koers.forecast.inputs`).

    Attributes:
        employment: Employment by sector × age group × year (required).
        occupation_key: Occupation-by-sector key (required).
        school_leavers: School leavers by field × level × year.
        separation_rates: Separation rates by ``age_group`` or ``isco08``.
        inflows: Jobseeker and migrant inflows by occupation × year.
        field_key: Field-of-study → occupation key.
        labour_flows: Jobseekers and vacancies by occupation × period (tension counts).
        sample: Names of the panels that are marked as sample data.
        sources: Panel name → file name (for the record).
    """

    employment: pd.DataFrame
    occupation_key: pd.DataFrame
    school_leavers: pd.DataFrame | None = None
    separation_rates: pd.DataFrame | None = None
    inflows: pd.DataFrame | None = None
    field_key: pd.DataFrame | None = None
    labour_flows: pd.DataFrame | None = None
    sample: tuple[str, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)

    def frames(self) -> dict[str, pd.DataFrame]:
        """The panels that are present, by name."""
        out: dict[str, pd.DataFrame] = {}
        for name in INPUT_NAMES:
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out


def inputs_hash(inputs: ForecastInputs) -> str:
    """SHA-256 over the validated panels (names, columns and values; file format blind)."""
    digest = hashlib.sha256()
    for name, frame in inputs.frames().items():
        digest.update(name.encode())
        digest.update(",".join(map(str, frame.columns)).encode())
        digest.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    return digest.hexdigest()


@dataclass
class ForecastResult:
    """Everything a run produces; frames are long, one row per scenario × unit × year.

    Attributes:
        config: The configuration.
        inputs_hash: :func:`inputs_hash` of the inputs.
        base_year: Last observed year.
        is_sample: True if any input panel is marked as sample data.
        sectors: ``scenario, nace, year, kind, employment, lo80, hi80, lo95, hi95, naive,
            drift, expansion, replacement, replacement_cohort, replacement_separation,
            openings`` (``kind`` = history or forecast; ``nace`` TOTAL for the total).
        occupations: ``scenario, isco08, year, kind, employment, lo80 … hi95, expansion,
            replacement, openings``.
        supply: ``scenario, isco08, year, school_leavers, jobseekers, migrants, supply``.
        supply_groups: ``scenario, year, group, leavers`` (low/middle/high, stem/care/total).
        mismatch: ``scenario, level, code, demand, supply, ratio, band``.
        skills: ``scenario, skill_uri, growth_pct, degree, weight, n_occupations,
            top_isco, ratio, band`` (empty without relations).
        backtest: JSON-ready back-test of the sector model and of the shares.
        tension: Tension ranking of the last period of the labour-flow panel (records).
        notes: Plain statements about what was assumed or left out.
    """

    config: RunConfig
    inputs_hash: str
    base_year: int
    is_sample: bool
    sectors: pd.DataFrame
    occupations: pd.DataFrame
    supply: pd.DataFrame
    supply_groups: pd.DataFrame
    mismatch: pd.DataFrame
    skills: pd.DataFrame
    backtest: dict[str, Any]
    tension: list[dict[str, object]]
    notes: list[str]

    def meta(self, scenario: Scenario) -> dict[str, Any]:
        """The run record of one scenario (what the store keeps beside the rows)."""
        return {
            "label": self.config.label,
            "scenario": scenario.name,
            "scenario_label_nl": scenario.label_nl,
            "scenario_label_en": scenario.label_en,
            "method": f"{self.config.model}+{self.config.reconciliation}",
            "model_description": outlook_method(self.config.model).outlook_description,
            "inputs_hash": self.inputs_hash,
            "base_year": self.base_year,
            "horizon": self.config.horizon,
            "is_sample": self.is_sample,
            "notes": self.notes,
        }


SECTOR_COLUMNS = [
    "scenario",
    "nace",
    "year",
    "kind",
    "employment",
    *INTERVALS,
    *BASELINES,
    "expansion",
    "replacement",
    "replacement_cohort",
    "replacement_separation",
    "replacement_exits",
    "openings",
    "demand_newcomers",
]
TABLE_COLUMNS = {
    "sectors": [c for c in SECTOR_COLUMNS if c not in BASELINES],
    "occupations": [
        "scenario",
        "isco08",
        "year",
        "kind",
        "employment",
        *INTERVALS,
        "expansion",
        "replacement",
        "openings",
        "demand_newcomers",
    ],
    "supply": ["scenario", "isco08", "year", "school_leavers", "jobseekers", "migrants", "supply"],
    "supply_groups": ["scenario", "year", "group", "leavers"],
    "mismatch": ["scenario", "level", "code", "demand", "supply", "ratio", "band"],
    "skills": [
        "scenario",
        "skill_uri",
        "growth_pct",
        "degree",
        "weight",
        "n_occupations",
        "top_isco",
        "ratio",
        "band",
    ],
}
"""Columns of each result table, in order (sectors before the baselines are added)."""


@dataclass(frozen=True)
class _Basis:
    """What every scenario of a run starts from (computed once)."""

    years: list[int]
    forecast: pd.DataFrame
    backtest: dict[str, Any]
    replacement: steps.ReplacementBasis
    shares: pd.DataFrame
    supply: steps.SupplyBasis | None
    observed: steps.Observed


def run_forecast(
    inputs: ForecastInputs, config: RunConfig, relations: SkillRelations | None = None
) -> ForecastResult:
    """Run every scenario of ``config`` on ``inputs``: the steps of :mod:`koers.forecast.steps`.

    Args:
        inputs: Validated panels.
        config: From :func:`parse_config`.
        relations: ESCO occupation–skill relations for the competence indicators; None
            skips them.

    Returns:
        The result (frames for every scenario, back-test, notes).

    Raises:
        DistributionKeyError: A sector without a key.
        BacktestError: Too little history for the model or the back-test.
        InvalidInput: A region asked for that is not in the panel.
    """
    basis, notes = _prepare(inputs, config)
    tables: dict[str, list[pd.DataFrame]] = {name: [] for name in TABLE_COLUMNS}
    for position, scenario in enumerate(config.scenarios):
        frames, unmapped = _run_scenario(basis, scenario, config, relations)
        for name, frame in frames.items():
            tables[name].append(frame.assign(scenario=scenario.name))
        if unmapped is not None and position == 0:
            notes.append(
                f"{unmapped:,.0f} school leavers a year have "
                "no field key and are not mapped to occupations"
            )
    if basis.supply is None:
        notes.append("no school leavers and field key: supply and mismatch not computed")
    if relations is None:
        notes.append("no ESCO relations: competence indicators not computed")
    out = {name: _concat(parts, TABLE_COLUMNS[name]) for name, parts in tables.items()}
    return ForecastResult(
        config=config,
        inputs_hash=inputs_hash(inputs),
        base_year=basis.observed.base_year,
        is_sample=bool(inputs.sample),
        sectors=_with_baselines(out["sectors"], basis.forecast),
        occupations=out["occupations"],
        supply=out["supply"],
        supply_groups=out["supply_groups"],
        mismatch=out["mismatch"],
        skills=out["skills"],
        backtest=basis.backtest,
        tension=steps.tension_records(inputs.labour_flows, config.min_vacancies),
        notes=notes,
    )


def _prepare(inputs: ForecastInputs, config: RunConfig) -> tuple[_Basis, list[str]]:
    """The steps run once: region, outlook, back-test, replacement, shares, supply inputs."""
    employment, notes = steps.select_region(inputs.employment, config.region)
    check_key_covers(sorted(employment["nace"].unique()), inputs.occupation_key)
    base_year = int(employment["year"].max())
    years = list(range(base_year + 1, base_year + config.horizon + 1))
    series = sector_series(employment)
    forecast = steps.expansion(series, config)
    backtest, more = steps.backtest(series, inputs.occupation_key, config)
    replacement, more_replacement = steps.replacement_basis(
        employment, inputs.separation_rates, config
    )
    history_years = list(range(int(employment["year"].min()), base_year + 1))
    shares = project_shares(
        inputs.occupation_key,
        history_years + years,
        config.shares,
        config.share_window,
        config.share_damping,
    )
    supply, more_supply = steps.supply_basis(
        inputs.school_leavers, inputs.field_key, inputs.inflows, years, config.supply_base_years
    )
    basis = _Basis(
        years=years,
        forecast=forecast,
        backtest=backtest,
        replacement=replacement,
        shares=shares,
        supply=supply,
        observed=steps.observed(series, shares, base_year),
    )
    return basis, [*notes, *more, *more_replacement, *more_supply]


def _run_scenario(
    basis: _Basis, scenario: Scenario, config: RunConfig, relations: SkillRelations | None
) -> tuple[dict[str, pd.DataFrame], float | None]:
    """The steps run per scenario; returns its tables (by result name) and the school
    leavers a year without a field key (None when every one is mapped or there is no supply)."""
    fc, sectors = steps.sector_demand(basis.forecast, scenario, basis.observed, basis.replacement)
    occupations = steps.occupation_demand(
        fc, basis.shares, basis.observed, basis.replacement.rates_by_isco
    )
    frames = {"sectors": sectors, "occupations": occupations}
    prospects, unmapped = None, None
    if basis.supply is not None:
        supply = steps.scenario_supply(
            basis.supply, scenario, basis.years, config.supply_base_years
        )
        frames["supply"], frames["supply_groups"] = supply.supply, supply.groups
        frames["mismatch"], prospects = steps.mismatch(
            occupations, fc, supply.supply, basis.observed.base_key
        )
        unmapped = supply.unmapped_per_year
    if relations is not None:
        base_year, end_year = basis.observed.base_year, basis.years[-1]
        frames["skills"] = steps.indicators(relations, occupations, base_year, end_year, prospects)
    return frames, unmapped


def _concat(parts: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)[columns]


def _with_baselines(sectors: pd.DataFrame, forecast: pd.DataFrame) -> pd.DataFrame:
    """The sector table with the baselines' paths (the same in every scenario) beside it."""
    present = [c for c in BASELINES if c in forecast]
    baselines = forecast[["unique_id", "ds", *present]]
    baselines = baselines.rename(columns={"unique_id": "nace", "ds": "year"})
    out = sectors.merge(baselines, on=["nace", "year"], how="left")
    for column in BASELINES:
        if column not in out:
            out[column] = np.nan
    return out[SECTOR_COLUMNS].sort_values(["scenario", "nace", "year"], ignore_index=True)


__all__ = [
    "INPUT_NAMES",
    "LEVELS",
    "REPLACEMENT_METHODS",
    "ForecastInputs",
    "ForecastResult",
    "RunConfig",
    "inputs_hash",
    "parse_config",
    "run_forecast",
]
