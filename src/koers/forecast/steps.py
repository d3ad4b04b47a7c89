"""The named steps of a forecast run (report Annex B.1), in the order the run calls them.

Once per run: :func:`select_region`, :func:`expansion` (step 1), :func:`backtest`,
:func:`replacement_basis`, :func:`supply_basis` and :func:`observed`. Once per scenario:
:func:`sector_demand` (expansion + replacement, step 2), :func:`occupation_demand` (step 3),
:func:`scenario_supply` (step 4), :func:`mismatch` (step 5) and :func:`indicators` (step 6).
Finally :func:`tension_records`.

Every step takes and returns plain data (frames and small frozen dataclasses), never changes
its inputs, and returns its notes (plain statements of what was assumed or left out) instead
of writing them somewhere. Frames per scenario come back without a ``scenario`` column; the
run adds it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from koers.errors import InvalidInput
from koers.forecast.backtest import result_to_dict, rolling_origin, shares_backtest
from koers.forecast.codes import TOTAL
from koers.forecast.config import RunConfig
from koers.forecast.errors import BacktestError
from koers.forecast.expansion import Scenario, apply_scenario, forecast_series
from koers.forecast.methods import BASELINES, outlook_method
from koers.forecast.mismatch import prospects, skill_prospects, supply_to_sectors
from koers.forecast.occupations import distribute
from koers.forecast.replacement import (
    cohort_outflow_rates,
    last_age_shares,
    missing_rate_bands,
    project_cohort_replacement,
    project_separation_replacement,
)
from koers.forecast.skills import SkillRelations, occupation_growth, skill_indicators
from koers.forecast.supply import (
    SupplyScenario,
    bundles,
    leavers_to_occupations,
    level_groups,
    project_inflows,
    project_leavers,
)
from koers.forecast.tension import rank_tension

LEVELS = (80, 95)
"""Prediction interval levels of every run (columns ``lo80, hi80, lo95, hi95``)."""
INTERVALS = tuple(f"{side}{level}" for level in LEVELS for side in ("lo", "hi"))
"""The interval bound columns, in output order."""


@dataclass(frozen=True)
class ReplacementBasis:
    """What replacement demand is computed from (the same in every scenario).

    Attributes:
        cohort_rates: Cohort outflow rates by sector × age band.
        age_shares: Age band shares of each sector in the base year.
        rates_by_age: Separation rates by ``age_group``, if given.
        rates_by_isco: Separation rates by ``isco08``, if given.
        method: ``cohort`` or ``separation``: which one is the replacement demand.
    """

    cohort_rates: pd.DataFrame
    age_shares: pd.DataFrame
    rates_by_age: pd.DataFrame | None
    rates_by_isco: pd.DataFrame | None
    method: str


@dataclass(frozen=True)
class SupplyBasis:
    """The supply panels of a run; supply and mismatch are computed only when they exist.

    Attributes:
        school_leavers: School leavers by field × level × year.
        field_key: Field-of-study → occupation key.
        inflows: Jobseeker and migrant inflows projected over the forecast years, if given.
    """

    school_leavers: pd.DataFrame
    field_key: pd.DataFrame
    inflows: pd.DataFrame | None


@dataclass(frozen=True)
class Observed:
    """The observed sector employment, shared by every scenario.

    Attributes:
        base_year: Last observed year.
        sectors: ``nace, year, employment, kind`` (``history``), without the total.
        last: ``nace, year, employment`` of the base year.
        occupations: ``isco08, year, employment``: the history spread over occupations.
        base_key: ``nace, isco08, year, share, employment``: base-year jobs by sector ×
            occupation (weights for spreading occupation supply over sectors).
    """

    base_year: int
    sectors: pd.DataFrame
    last: pd.DataFrame
    occupations: pd.DataFrame
    base_key: pd.DataFrame


@dataclass(frozen=True)
class ScenarioSupply:
    """Supply of one scenario.

    Attributes:
        supply: ``isco08, year, school_leavers, jobseekers, migrants, supply``.
        groups: ``year, group, leavers`` (levels low/middle/high and bundles stem/care/total).
        unmapped_per_year: School leavers a year without a field key; None if all are mapped.
    """

    supply: pd.DataFrame
    groups: pd.DataFrame
    unmapped_per_year: float | None


# -- once per run ------------------------------------------------------------------------------


def select_region(employment: pd.DataFrame, region: str) -> tuple[pd.DataFrame, list[str]]:
    """Keep one region of a regional employment panel, or sum the regions.

    Args:
        employment: Validated employment panel (with or without a ``region`` column).
        region: Region to keep; empty sums every region.

    Returns:
        The panel without regions, and the notes.

    Raises:
        InvalidInput: ``region`` is not in the panel.
    """
    if "region" not in employment.columns:
        return employment, []
    notes: list[str] = []
    selected = employment
    if region:
        selected = employment[employment["region"] == region]
        if selected.empty:
            raise InvalidInput(f"config: region '{region}' is not in the panel")
    else:
        notes.append("regions in the employment panel were summed")
    summed = selected.groupby(
        ["nace", "age_group", "age_from", "year"], as_index=False, dropna=False
    )[["employment"]].sum()
    bands = employment[["age_group", "age_to"]].drop_duplicates("age_group")
    return summed.merge(bands, on="age_group"), notes


def expansion(series: pd.DataFrame, config: RunConfig) -> pd.DataFrame:
    """Step 1: the sector outlook, reconciled, with baselines (expansion demand follows).

    Args:
        series: Sector series from :func:`koers.forecast.expansion.sector_series`.
        config: The run's model, horizon and reconciliation.

    Returns:
        ``unique_id, ds, model, lo80, hi80, lo95, hi95, naive, drift`` for the forecast years.
    """
    forecast = forecast_series(series, config.horizon, config.model, LEVELS, config.reconciliation)
    bounds = {f"model-{side}-{lv}": f"{side}{lv}" for lv in LEVELS for side in ("lo", "hi")}
    return forecast.rename(columns=bounds)


def backtest(
    series: pd.DataFrame, occupation_key: pd.DataFrame, config: RunConfig
) -> tuple[dict[str, Any], list[str]]:
    """Step 7: rolling-origin back-test of the sector model against the baselines, and of
    trended against constant shares (published with every run).

    Args:
        series: Sector series (``unique_id``, ``ds``, ``y``).
        occupation_key: Validated occupation-by-sector key.
        config: Model, back-test horizon and windows, share window and damping.

    Returns:
        The JSON-ready back-test (``sectors``, ``shares``) and the notes. A back-test that
        cannot run is reported as an ``error`` and a note, never raised.
    """
    notes: list[str] = []
    names = tuple(dict.fromkeys([outlook_method(config.model).name, *BASELINES]))
    try:
        result = rolling_origin(
            series,
            horizon=config.backtest_horizon,
            windows=config.backtest_windows,
            freq=1,
            methods=names,
        )
        out: dict[str, Any] = {"sectors": result_to_dict(result)}
    except BacktestError as exc:
        out = {"sectors": {"error": exc.message}}
        notes.append(f"no sector back-test: {exc.message}")
    except (NotImplementedError, ValueError) as exc:  # statsforecast: a window too short
        message = f"history too short for {config.model} in the back-test windows ({exc})"
        out = {"sectors": {"error": message}}
        notes.append(f"no sector back-test: {message}")
    out["shares"] = shares_backtest(
        occupation_key,
        sector_employment(series),
        config.backtest_horizon,
        config.share_window,
        config.share_damping,
    )
    return _json_safe(out), notes


def replacement_basis(
    employment: pd.DataFrame, separation_rates: pd.DataFrame | None, config: RunConfig
) -> tuple[ReplacementBasis, list[str]]:
    """Step 2 (inputs): cohort outflow rates, age shares and the replacement method.

    Args:
        employment: Employment by sector × age band × year (regions already handled).
        separation_rates: Rates by ``age_group`` or ``isco08``, or None.
        config: ``replacement`` (auto, cohort, separation) and ``cohort_window``.

    Returns:
        The basis and the notes.

    Raises:
        InvalidInput: ``separation`` asked for without rates by age group.
    """
    notes: list[str] = []
    sep = separation_rates
    by_age = sep if sep is not None and "age_group" in sep.columns else None
    method = config.replacement
    if method == "auto":
        method = "separation" if by_age is not None else "cohort"
    basis = ReplacementBasis(
        cohort_rates=cohort_outflow_rates(employment, config.cohort_window),
        age_shares=last_age_shares(employment),
        rates_by_age=by_age,
        rates_by_isco=sep if sep is not None and "isco08" in sep.columns else None,
        method=method,
    )
    if method == "separation" and by_age is None:
        raise InvalidInput("config: replacement 'separation' needs separation rates by age_group")
    if by_age is not None:
        missing = missing_rate_bands(by_age, employment)
        if missing:
            notes.append(f"no separation rate for age band(s) {', '.join(missing)}: counted as 0")
    return basis, notes


def supply_basis(
    school_leavers: pd.DataFrame | None,
    field_key: pd.DataFrame | None,
    inflows: pd.DataFrame | None,
    years: Sequence[int],
    base_years: int,
) -> tuple[SupplyBasis | None, list[str]]:
    """Step 4 (inputs): supply needs school leavers and a field key; inflows are optional.

    Returns:
        The basis (None without school leavers or field key) and the notes.
    """
    if school_leavers is not None and field_key is None:
        return None, ["school leavers given without a field key: supply not mapped to occupations"]
    if school_leavers is None or field_key is None:
        return None, []
    projected = project_inflows(inflows, years, base_years) if inflows is not None else None
    return SupplyBasis(school_leavers, field_key, projected), []


def sector_employment(series: pd.DataFrame) -> pd.DataFrame:
    """Sector series back in the panel's names (``nace, year, employment``), without the total."""
    frame = series.rename(columns={"unique_id": "nace", "ds": "year", "y": "employment"})
    return frame[frame["nace"] != TOTAL]


def observed(series: pd.DataFrame, shares: pd.DataFrame, base_year: int) -> Observed:
    """The history every scenario starts from, by sector and by occupation.

    Args:
        series: Sector series (``unique_id``, ``ds``, ``y``).
        shares: Occupation shares per sector for every history and forecast year.
        base_year: Last observed year.
    """
    history = sector_employment(series).assign(kind="history")
    last = history[history["year"] == base_year][["nace", "year", "employment"]]
    base_key = shares[shares["year"] == base_year].merge(last, on=["nace", "year"])
    return Observed(
        base_year=base_year,
        sectors=history,
        last=last,
        occupations=distribute(history[["nace", "year", "employment"]], shares, ["employment"]),
        base_key=base_key.assign(employment=base_key["employment"] * base_key["share"]),
    )


# -- once per scenario -------------------------------------------------------------------------


def sector_demand(
    forecast: pd.DataFrame, scenario: Scenario, observed: Observed, basis: ReplacementBasis
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Step 2: the scenario's sector paths with expansion and replacement demand.

    Args:
        forecast: From :func:`expansion`.
        scenario: The scenario (shifts the sector paths).
        observed: From :func:`observed`.
        basis: From :func:`replacement_basis`.

    Returns:
        The forecast rows (``nace`` incl. TOTAL, ``year``, ``employment``, bounds, the
        replacement columns, ``expansion``, ``openings``, ``demand_newcomers``, ``kind``) and
        the sector table (history and forecast rows).
    """
    fc = apply_scenario(forecast, scenario, observed.base_year, ["model", *INTERVALS])
    fc = fc.rename(columns={"unique_id": "nace", "ds": "year", "model": "employment"})
    fc = _sector_replacement(fc, observed.last, basis)
    return _sector_expansion(fc, observed.sectors)


def _sector_replacement(
    fc: pd.DataFrame, last: pd.DataFrame, basis: ReplacementBasis
) -> pd.DataFrame:
    path = pd.concat(
        [last, fc[fc["nace"] != TOTAL][["nace", "year", "employment"]]], ignore_index=True
    )
    cohort = project_cohort_replacement(basis.cohort_rates, basis.age_shares, path)
    fc = fc.merge(cohort, on=["nace", "year"], how="left")
    if basis.rates_by_age is not None:
        separation = project_separation_replacement(basis.rates_by_age, basis.age_shares, path)
        exits = project_separation_replacement(
            basis.rates_by_age.assign(occupational_transfer_rate=0.0), basis.age_shares, path
        ).rename(columns={"replacement_separation": "replacement_exits"})
        fc = fc.merge(separation, on=["nace", "year"], how="left")
        fc = fc.merge(exits, on=["nace", "year"], how="left")
    else:
        fc = fc.assign(replacement_separation=np.nan, replacement_exits=np.nan)
    separation_used = basis.method == "separation"
    fc["replacement"] = (
        fc["replacement_separation"] if separation_used else fc["replacement_cohort"]
    )
    # newcomers' demand (for mismatch): expansion + people leaving the labour market,
    # without job-to-job transfers, which other workers fill
    fc["replacement_newcomers"] = (
        fc["replacement_exits"] if separation_used else fc["replacement_cohort"]
    )
    return fc


def _sector_expansion(fc: pd.DataFrame, history: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    all_years = pd.concat(
        [history[["nace", "year", "employment"]], fc[["nace", "year", "employment"]]]
    )
    total_hist = history.groupby("year", as_index=False)[["employment"]].sum().assign(nace=TOTAL)
    all_years = pd.concat([all_years, total_hist]).sort_values(["nace", "year"])
    all_years["expansion"] = all_years.groupby("nace")["employment"].diff()
    growth = all_years[["nace", "year", "expansion"]]
    fc = fc.merge(growth, on=["nace", "year"], how="left")
    fc["openings"] = fc["expansion"] + fc["replacement"]
    fc["demand_newcomers"] = fc["expansion"] + fc["replacement_newcomers"]
    fc["kind"] = "forecast"
    hist_rows = pd.concat([history, total_hist.assign(kind="history")]).merge(
        growth, on=["nace", "year"], how="left"
    )
    return fc, pd.concat([hist_rows, fc], ignore_index=True)


def occupation_demand(
    fc: pd.DataFrame,
    shares: pd.DataFrame,
    observed: Observed,
    rates_by_isco: pd.DataFrame | None,
) -> pd.DataFrame:
    """Step 3: sector demand spread over occupations with the (constant or trended) shares.

    Replacement is spread from the sectors, unless separation rates by occupation are given:
    then the occupation's own rates apply wherever it has one.

    Args:
        fc: Forecast rows from :func:`sector_demand`.
        shares: Occupation shares per sector and year.
        observed: From :func:`observed`.
        rates_by_isco: Separation rates by ``isco08``, or None.

    Returns:
        ``isco08, year, kind, employment, lo80 … hi95, expansion, replacement,
        replacement_newcomers, openings, demand_newcomers`` for history and forecast years.
    """
    body = fc[fc["nace"] != TOTAL]
    occ = distribute(
        body[["nace", "year", "employment", *INTERVALS]], shares, ["employment", *INTERVALS]
    )
    occ_all = pd.concat([observed.occupations.assign(kind="history"), occ.assign(kind="forecast")])
    occ_all = occ_all.sort_values(["isco08", "year"], ignore_index=True)
    occ_all["expansion"] = occ_all.groupby("isco08")["employment"].diff()
    repl_columns = ["replacement", "replacement_newcomers"]
    repl = distribute(body[["nace", "year", *repl_columns]], shares, repl_columns)
    occ_all = occ_all.merge(repl, on=["isco08", "year"], how="left")
    if rates_by_isco is not None:
        rates = rates_by_isco.set_index("isco08")
        prev = occ_all.groupby("isco08")["employment"].shift(1)
        exit_rate = occ_all["isco08"].map(rates["labour_force_exit_rate"])
        transfer_rate = occ_all["isco08"].map(rates["occupational_transfer_rate"])
        use = occ_all["kind"].eq("forecast") & exit_rate.notna()
        occ_all.loc[use, "replacement"] = (prev * (exit_rate + transfer_rate) / 100.0)[use]
        occ_all.loc[use, "replacement_newcomers"] = (prev * exit_rate / 100.0)[use]
    occ_all.loc[occ_all["kind"] == "history", repl_columns] = np.nan
    occ_all["openings"] = occ_all["expansion"] + occ_all["replacement"]
    occ_all["demand_newcomers"] = occ_all["expansion"] + occ_all["replacement_newcomers"]
    return occ_all


def scenario_supply(
    basis: SupplyBasis, scenario: Scenario, years: Sequence[int], base_years: int
) -> ScenarioSupply:
    """Step 4: school leavers (baseline or the scenario's supply scenario) plus inflows, by
    occupation.

    Args:
        basis: From :func:`supply_basis`.
        scenario: Its ``supply`` (if any) changes the school-leaver projection.
        years: Forecast years.
        base_years: Recent years averaged for the baseline.
    """
    supply_scenario = SupplyScenario(**scenario.supply) if scenario.supply else None  # type: ignore[arg-type]
    leavers = project_leavers(basis.school_leavers, years, supply_scenario, base_years)
    groups = pd.concat(
        [level_groups(leavers), bundles(leavers).rename(columns={"bundle": "group"})],
        ignore_index=True,
    )
    by_occ, unmapped = leavers_to_occupations(leavers, basis.field_key)
    supply = by_occ.rename(columns={"leavers": "school_leavers"})
    inflows = basis.inflows
    for kind in ("jobseekers", "migrants"):
        part = (
            inflows[inflows["kind"] == kind][["isco08", "year", "count"]].rename(
                columns={"count": kind}
            )
            if inflows is not None
            else pd.DataFrame(columns=["isco08", "year", kind])
        )
        supply = supply.merge(part, on=["isco08", "year"], how="outer")
    supply = supply.fillna(0.0)
    supply["supply"] = supply["school_leavers"] + supply["jobseekers"] + supply["migrants"]
    return ScenarioSupply(
        supply=supply,
        groups=groups,
        unmapped_per_year=None if unmapped.empty else unmapped["leavers"].sum() / len(years),
    )


def mismatch(
    occupations: pd.DataFrame, fc: pd.DataFrame, supply: pd.DataFrame, base_key: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Step 5: newcomers' demand against supply (yearly means) per occupation and sector.

    Args:
        occupations: From :func:`occupation_demand`.
        fc: Forecast rows from :func:`sector_demand`.
        supply: ``supply`` of :func:`scenario_supply`.
        base_key: :attr:`Observed.base_key` (spreads occupation supply over sectors).

    Returns:
        ``level, code, demand, supply, ratio, band`` for occupations and sectors, and the
        occupation prospects ``isco08, demand, supply, ratio, band`` (for the indicators).
    """
    occ_fc = occupations[occupations["kind"] == "forecast"]
    demand_occ = occ_fc.groupby("isco08", as_index=False)[["demand_newcomers"]].mean()
    demand_occ = demand_occ.rename(columns={"demand_newcomers": "demand"})
    demand_sec = (
        fc[fc["nace"] != TOTAL]
        .groupby("nace", as_index=False)[["demand_newcomers"]]
        .mean()
        .rename(columns={"demand_newcomers": "demand"})
    )
    supply_occ = supply.groupby("isco08", as_index=False)[["supply"]].mean()
    occ_mismatch = prospects(demand_occ, supply_occ, "isco08")
    sector_supply = supply_to_sectors(supply_occ, base_key[["nace", "isco08", "employment"]])
    sec_mismatch = prospects(demand_sec, sector_supply, "nace")
    table = pd.concat(
        [
            occ_mismatch.rename(columns={"isco08": "code"}).assign(level="occupation"),
            sec_mismatch.rename(columns={"nace": "code"}).assign(level="sector"),
        ],
        ignore_index=True,
    )
    return table, occ_mismatch


def indicators(
    relations: SkillRelations,
    occupations: pd.DataFrame,
    base_year: int,
    end_year: int,
    occupation_prospects: pd.DataFrame | None,
) -> pd.DataFrame:
    """Step 6: occupation → competence growth indicators (with prospects when supply is known).

    Args:
        relations: ESCO occupation–skill relations.
        occupations: From :func:`occupation_demand`.
        base_year: Last observed year.
        end_year: Last forecast year.
        occupation_prospects: From :func:`mismatch`, or None (ratio and band stay empty).

    Returns:
        ``skill_uri, growth_pct, degree, weight, n_occupations, top_isco, ratio, band``.
    """
    growth = occupation_growth(occupations[["isco08", "year", "employment"]], base_year, end_year)
    table = skill_indicators(relations, growth)
    if occupation_prospects is None:
        return table.assign(ratio=np.nan, band=None)
    return table.merge(skill_prospects(relations, occupation_prospects), on="skill_uri", how="left")


# -- once per run, after the scenarios ---------------------------------------------------------


def tension_records(
    labour_flows: pd.DataFrame | None, min_vacancies: int
) -> list[dict[str, object]]:
    """Tension ranking (spanningsratio, report 2.2) of the last period of the labour flows."""
    if labour_flows is None or not len(labour_flows):
        return []
    period = str(max(labour_flows["period"]))
    ranking = rank_tension(labour_flows, period, None, min_vacancies, None)
    return [
        {
            "occupation": r.occupation,
            "period": period,
            "jobseekers": r.jobseekers,
            "vacancies": r.vacancies,
            "tension_ratio": r.tension_ratio,
            "rank": r.rank,
        }
        for r in ranking.rows
    ]


def _json_safe(value: Any) -> Any:
    """JSON-safe copy: numpy scalars to Python, non-finite numbers to None."""
    if isinstance(value, Mapping):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return float(value) if np.isfinite(value) else None
    return value


__all__ = [
    "INTERVALS",
    "LEVELS",
    "Observed",
    "ReplacementBasis",
    "ScenarioSupply",
    "SupplyBasis",
    "backtest",
    "expansion",
    "indicators",
    "mismatch",
    "observed",
    "occupation_demand",
    "replacement_basis",
    "scenario_supply",
    "sector_demand",
    "sector_employment",
    "select_region",
    "supply_basis",
    "tension_records",
]
