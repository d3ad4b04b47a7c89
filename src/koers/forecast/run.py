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
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from koers.errors import InvalidInput
from koers.forecast.backtest import direction_hit_rate, mape, result_to_dict, rolling_origin
from koers.forecast.codes import TOTAL
from koers.forecast.errors import BacktestError
from koers.forecast.expansion import (
    MODELS,
    SCENARIO_KINDS,
    Scenario,
    apply_scenario,
    forecast_series,
    sector_series,
)
from koers.forecast.mismatch import prospects, skill_prospects, supply_to_sectors
from koers.forecast.occupations import SHARE_METHODS, check_key_covers, distribute, project_shares
from koers.forecast.reconcile import RECONCILIATION_METHODS
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
REPLACEMENT_METHODS = ("auto", "cohort", "separation")
BACKTEST_METHOD = {"ets": "koers", "theta": "theta", "naive": "naive", "drift": "drift"}
MODEL_DESCRIPTIONS = {
    "ets": "AutoETS (statsforecast; error, trend and damping chosen by AICc per sector)",
    "theta": "AutoTheta (statsforecast)",
    "naive": "no change (last observed value)",
    "drift": "random walk with drift",
}
INPUT_NAMES = (
    "employment",
    "occupation_key",
    "school_leavers",
    "separation_rates",
    "inflows",
    "field_key",
    "labour_flows",
)
_CONFIG_KEYS = {
    "label",
    "horizon",
    "model",
    "reconciliation",
    "shares",
    "share_window",
    "share_damping",
    "replacement",
    "cohort_window",
    "supply_base_years",
    "min_vacancies",
    "backtest",
    "scenarios",
    "inputs",
    "region",
}


@dataclass(frozen=True, slots=True)
class RunConfig:
    """What a run does (the configuration; learned state is never stored here).

    Attributes:
        label: Title shown with the run.
        horizon: Forecast years (H).
        model: Outlook model (:data:`koers.forecast.expansion.MODELS`).
        reconciliation: :data:`koers.forecast.reconcile.RECONCILIATION_METHODS`.
        shares: ``constant`` or ``trend`` (sector → occupation).
        share_window: Key years used for trended shares.
        share_damping: Yearly damping of share trends.
        replacement: ``auto`` (separation if rates by age group are given, else cohort),
            ``cohort`` or ``separation``.
        cohort_window: Years averaged for cohort outflow rates.
        supply_base_years: Recent years averaged for the supply baseline.
        min_vacancies: Minimum vacancies for the tension ranking (report: 50).
        backtest_horizon: Horizon of the run's back-test (years).
        backtest_windows: Forecast origins of the run's back-test.
        scenarios: The scenarios; the first is the default one.
        region: Keep only this region of a regional employment panel (empty = sum all).
    """

    label: str = "Koers forecast"
    horizon: int = 10
    model: str = "ets"
    reconciliation: str = "mint_shrink"
    shares: str = "constant"
    share_window: int = 5
    share_damping: float = 0.9
    replacement: str = "auto"
    cohort_window: int = 5
    supply_base_years: int = 3
    min_vacancies: int = 50
    backtest_horizon: int = 3
    backtest_windows: int = 2
    scenarios: tuple[Scenario, ...] = (Scenario("trend", label_nl="Trend", label_en="Trend"),)
    region: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (stored with every run)."""
        data = asdict(self)
        data["scenarios"] = [asdict(s) for s in self.scenarios]
        return data


def _choice(value: object, allowed: tuple[str, ...], name: str) -> str:
    text = str(value)
    if text not in allowed:
        raise InvalidInput(f"config: {name} must be one of {', '.join(allowed)}, not '{text}'")
    return text


def _int(value: object, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(f"config: {name} must be a whole number {low}–{high}, not {value!r}")
    return value


def _number(value: object, name: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise InvalidInput(f"config: {name} must be a number {low}–{high}, not {value!r}")
    return float(value)


def _supply_scenario(raw: object, where: str) -> dict[str, object] | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise InvalidInput(f"config: {where}.supply must be a table")
    allowed = {"kind", "fields", "trend_years", "shift_years", "start_year", "over_years"}
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise InvalidInput(f"config: unknown key(s) {unknown} in {where}.supply")
    data = dict(raw)
    if "fields" in data:
        data["fields"] = tuple(str(f) for f in data["fields"])
    try:
        SupplyScenario(**data)
    except (TypeError, ValueError) as exc:
        raise InvalidInput(f"config: {where}.supply: {exc}") from exc
    return data


def parse_config(raw: Mapping[str, Any]) -> RunConfig:
    """Check a configuration mapping (from TOML or JSON) and build a :class:`RunConfig`.

    Args:
        raw: The parsed file. ``inputs`` (file paths) is read by the adapter and ignored
            here; every other key must be known.

    Returns:
        The configuration.

    Raises:
        InvalidInput: On an unknown key or a value out of range, naming the key.
    """
    unknown = sorted(set(raw) - _CONFIG_KEYS)
    if unknown:
        raise InvalidInput(f"config: unknown key(s) {unknown}; known: {sorted(_CONFIG_KEYS)}")
    defaults = RunConfig()
    backtest = raw.get("backtest", {})
    if not isinstance(backtest, Mapping) or set(backtest) - {"horizon", "windows"}:
        raise InvalidInput("config: [backtest] takes only horizon and windows")
    scenarios: list[Scenario] = []
    for pos, item in enumerate(raw.get("scenarios", [])):
        where = f"scenarios[{pos}]"
        if not isinstance(item, Mapping):
            raise InvalidInput(f"config: {where} must be a table")
        extra = sorted(
            set(item) - {"name", "kind", "annual_pct", "sectors", "label_nl", "label_en", "supply"}
        )
        if extra:
            raise InvalidInput(f"config: unknown key(s) {extra} in {where}")
        name = str(item.get("name", "")).strip()
        if not name or not name.replace("-", "").replace("_", "").isalnum() or len(name) > 40:
            raise InvalidInput(f"config: {where}.name must be a short id (letters, digits, -_)")
        scenarios.append(
            Scenario(
                name=name,
                kind=_choice(item.get("kind", "trend"), SCENARIO_KINDS, f"{where}.kind"),
                annual_pct=_number(item.get("annual_pct", 0.0), f"{where}.annual_pct", 0, 20),
                sectors=tuple(str(s).upper() for s in item.get("sectors", [])),
                label_nl=str(item.get("label_nl", name)),
                label_en=str(item.get("label_en", item.get("label_nl", name))),
                supply=_supply_scenario(item.get("supply"), where),
            )
        )
    names = [s.name for s in scenarios]
    if len(set(names)) != len(names):
        raise InvalidInput("config: scenario names must be unique")
    return RunConfig(
        label=str(raw.get("label", defaults.label))[:200],
        horizon=_int(raw.get("horizon", defaults.horizon), "horizon", 1, 30),
        model=_choice(raw.get("model", defaults.model), MODELS, "model"),
        reconciliation=_choice(
            raw.get("reconciliation", defaults.reconciliation),
            RECONCILIATION_METHODS,
            "reconciliation",
        ),
        shares=_choice(raw.get("shares", defaults.shares), SHARE_METHODS, "shares"),
        share_window=_int(raw.get("share_window", defaults.share_window), "share_window", 2, 50),
        share_damping=_number(
            raw.get("share_damping", defaults.share_damping), "share_damping", 0, 1
        ),
        replacement=_choice(
            raw.get("replacement", defaults.replacement), REPLACEMENT_METHODS, "replacement"
        ),
        cohort_window=_int(
            raw.get("cohort_window", defaults.cohort_window), "cohort_window", 1, 30
        ),
        supply_base_years=_int(
            raw.get("supply_base_years", defaults.supply_base_years), "supply_base_years", 1, 30
        ),
        min_vacancies=_int(
            raw.get("min_vacancies", defaults.min_vacancies), "min_vacancies", 0, 10**6
        ),
        backtest_horizon=_int(
            backtest.get("horizon", defaults.backtest_horizon), "backtest.horizon", 1, 10
        ),
        backtest_windows=_int(
            backtest.get("windows", defaults.backtest_windows), "backtest.windows", 1, 10
        ),
        scenarios=tuple(scenarios) or defaults.scenarios,
        region=str(raw.get("region", "")).strip(),
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
            "model_description": MODEL_DESCRIPTIONS[self.config.model],
            "inputs_hash": self.inputs_hash,
            "base_year": self.base_year,
            "horizon": self.config.horizon,
            "is_sample": self.is_sample,
            "notes": self.notes,
        }


def _interval_columns() -> list[str]:
    return [f"{side}{level}" for level in LEVELS for side in ("lo", "hi")]


def _shares_backtest(
    key: pd.DataFrame, sector_employment: pd.DataFrame, horizon: int, window: int, damping: float
) -> dict[str, Any]:
    """Trended vs constant shares: occupation employment at key year Y from shares known at
    Y − h, with actual sector employment of Y (so only the key's error is measured)."""
    key_years = sorted(int(y) for y in key["year"].unique())
    if len(key_years) < horizon + 2:
        return {"note": "too few key years for a shares back-test"}
    actual_by_year: dict[int, pd.DataFrame] = {}
    results: dict[str, list[tuple[np.ndarray, np.ndarray, np.ndarray]]] = {
        "constant_shares": [],
        "trend_shares": [],
    }
    origins = key_years[-horizon - 2 : -horizon] if len(key_years) >= horizon + 2 else []
    for origin in origins:
        target = origin + horizon
        if target not in key_years:
            continue
        known = key[key["year"] <= origin]
        sectors = sector_employment[sector_employment["year"].isin([origin, target])]
        if target not in actual_by_year:
            actual_by_year[target] = distribute(
                sectors[sectors["year"] == target], key[key["year"] == target], ["employment"]
            )
        actual = actual_by_year[target].set_index("isco08")["employment"]
        at_origin = distribute(
            sectors[sectors["year"] == origin], known[known["year"] == origin], ["employment"]
        ).set_index("isco08")["employment"]
        for method, name in (("constant", "constant_shares"), ("trend", "trend_shares")):
            shares = project_shares(known, [target], method, window, damping)
            fc = distribute(sectors[sectors["year"] == target], shares, ["employment"])
            fc_s = fc.set_index("isco08")["employment"].reindex(actual.index).fillna(0.0)
            origin_s = at_origin.reindex(actual.index).fillna(0.0)
            results[name].append((actual.to_numpy(), fc_s.to_numpy(), origin_s.to_numpy()))
    out: dict[str, Any] = {"horizon": horizon, "origins": origins}
    for name, parts in results.items():
        if not parts:
            continue
        a = np.concatenate([p[0] for p in parts])
        f = np.concatenate([p[1] for p in parts])
        o = np.concatenate([p[2] for p in parts])
        out[name] = {
            "mape": mape(a, f),
            "direction_hit_rate": direction_hit_rate(o, a, f),
            "n_points": int(a.size),
        }
    return out


def run_forecast(
    inputs: ForecastInputs, config: RunConfig, relations: SkillRelations | None = None
) -> ForecastResult:
    """Run every scenario of ``config`` on ``inputs``.

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
    notes: list[str] = []
    employment = inputs.employment
    if "region" in employment.columns:
        if config.region:
            employment = employment[employment["region"] == config.region]
            if employment.empty:
                raise InvalidInput(f"config: region '{config.region}' is not in the panel")
        else:
            notes.append("regions in the employment panel were summed")
        employment = employment.groupby(
            ["nace", "age_group", "age_from", "year"], as_index=False, dropna=False
        )[["employment"]].sum()
        bands = inputs.employment[["age_group", "age_to"]].drop_duplicates("age_group")
        employment = employment.merge(bands, on="age_group")
    sectors = sorted(employment["nace"].unique())
    check_key_covers(sectors, inputs.occupation_key)
    base_year = int(employment["year"].max())
    first_year = int(employment["year"].min())
    years = list(range(base_year + 1, base_year + config.horizon + 1))
    history_years = list(range(first_year, base_year + 1))
    series = sector_series(employment)

    # 1. expansion: model + baselines, reconciled
    forecast = forecast_series(series, config.horizon, config.model, LEVELS, config.reconciliation)
    bounds = {f"model-{side}-{lv}": f"{side}{lv}" for lv in LEVELS for side in ("lo", "hi")}
    forecast = forecast.rename(columns=bounds)

    # back-test of the sector model
    methods = tuple(dict.fromkeys([BACKTEST_METHOD[config.model], "naive", "drift"]))
    try:
        bt = rolling_origin(
            series,
            horizon=config.backtest_horizon,
            windows=config.backtest_windows,
            freq=1,
            methods=methods,
        )
        backtest: dict[str, Any] = {"sectors": result_to_dict(bt)}
    except BacktestError as exc:
        backtest = {"sectors": {"error": exc.message}}
        notes.append(f"no sector back-test: {exc.message}")
    except (NotImplementedError, ValueError) as exc:  # statsforecast: a window too short
        message = f"history too short for {config.model} in the back-test windows ({exc})"
        backtest = {"sectors": {"error": message}}
        notes.append(f"no sector back-test: {message}")
    sector_employment = series.rename(
        columns={"unique_id": "nace", "ds": "year", "y": "employment"}
    )
    sector_employment = sector_employment[sector_employment["nace"] != TOTAL]
    backtest["shares"] = _shares_backtest(
        inputs.occupation_key,
        sector_employment,
        config.backtest_horizon,
        config.share_window,
        config.share_damping,
    )

    # 2. replacement inputs
    rates = cohort_outflow_rates(employment, config.cohort_window)
    shares_age = last_age_shares(employment)
    sep = inputs.separation_rates
    sep_age = sep if sep is not None and "age_group" in sep.columns else None
    sep_isco = sep if sep is not None and "isco08" in sep.columns else None
    method = config.replacement
    if method == "auto":
        method = "separation" if sep_age is not None else "cohort"
    if method == "separation" and sep_age is None:
        raise InvalidInput("config: replacement 'separation' needs separation rates by age_group")
    if sep_age is not None:
        missing = missing_rate_bands(sep_age, employment)
        if missing:
            notes.append(f"no separation rate for age band(s) {', '.join(missing)}: counted as 0")

    # 3. shares for every year
    shares = project_shares(
        inputs.occupation_key,
        history_years + years,
        config.shares,
        config.share_window,
        config.share_damping,
    )

    # 4. supply inputs
    have_supply = inputs.school_leavers is not None and inputs.field_key is not None
    if inputs.school_leavers is not None and inputs.field_key is None:
        notes.append("school leavers given without a field key: supply not mapped to occupations")
    inflows = (
        project_inflows(inputs.inflows, years, config.supply_base_years)
        if inputs.inflows is not None
        else None
    )

    history = sector_employment.assign(kind="history")
    hist_occ = distribute(history[["nace", "year", "employment"]], shares, ["employment"])
    last_sector = history[history["year"] == base_year][["nace", "year", "employment"]]
    base_key = shares[shares["year"] == base_year].merge(last_sector, on=["nace", "year"])
    base_key = base_key.assign(employment=base_key["employment"] * base_key["share"])

    frames: dict[str, list[pd.DataFrame]] = {
        k: [] for k in ("sectors", "occupations", "supply", "groups", "mismatch", "skills")
    }
    value_columns = ["model", *_interval_columns()]
    for scenario in config.scenarios:
        fc = apply_scenario(forecast, scenario, base_year, value_columns)
        fc = fc.rename(columns={"unique_id": "nace", "ds": "year", "model": "employment"})
        path = pd.concat(
            [last_sector, fc[fc["nace"] != TOTAL][["nace", "year", "employment"]]],
            ignore_index=True,
        )
        cohort = project_cohort_replacement(rates, shares_age, path)
        fc = fc.merge(cohort, on=["nace", "year"], how="left")
        if sep_age is not None:
            separation = project_separation_replacement(sep_age, shares_age, path)
            exits = project_separation_replacement(
                sep_age.assign(occupational_transfer_rate=0.0), shares_age, path
            ).rename(columns={"replacement_separation": "replacement_exits"})
            fc = fc.merge(separation, on=["nace", "year"], how="left")
            fc = fc.merge(exits, on=["nace", "year"], how="left")
        else:
            fc["replacement_separation"] = np.nan
            fc["replacement_exits"] = np.nan
        separation_used = method == "separation"
        fc["replacement"] = (
            fc["replacement_separation"] if separation_used else fc["replacement_cohort"]
        )
        # newcomers' demand (for mismatch): expansion + people leaving the labour market,
        # without job-to-job transfers, which other workers fill
        fc["replacement_newcomers"] = (
            fc["replacement_exits"] if separation_used else fc["replacement_cohort"]
        )
        all_years = pd.concat(
            [history[["nace", "year", "employment"]], fc[["nace", "year", "employment"]]]
        )
        total_hist = (
            history.groupby("year", as_index=False)[["employment"]].sum().assign(nace=TOTAL)
        )
        all_years = pd.concat([all_years, total_hist]).sort_values(["nace", "year"])
        all_years["expansion"] = all_years.groupby("nace")["employment"].diff()
        fc = fc.merge(all_years[["nace", "year", "expansion"]], on=["nace", "year"], how="left")
        fc["openings"] = fc["expansion"] + fc["replacement"]
        fc["demand_newcomers"] = fc["expansion"] + fc["replacement_newcomers"]
        fc["kind"] = "forecast"
        hist_rows = pd.concat([history, total_hist.assign(kind="history")]).merge(
            all_years[["nace", "year", "expansion"]], on=["nace", "year"], how="left"
        )
        sector_frame = pd.concat([hist_rows, fc], ignore_index=True).assign(scenario=scenario.name)
        frames["sectors"].append(sector_frame)

        # occupations
        body = fc[fc["nace"] != TOTAL]
        occ = distribute(
            body[["nace", "year", "employment", *_interval_columns()]],
            shares,
            ["employment", *_interval_columns()],
        )
        occ_all = pd.concat([hist_occ.assign(kind="history"), occ.assign(kind="forecast")])
        occ_all = occ_all.sort_values(["isco08", "year"], ignore_index=True)
        occ_all["expansion"] = occ_all.groupby("isco08")["employment"].diff()
        repl_columns = ["replacement", "replacement_newcomers"]
        repl = distribute(body[["nace", "year", *repl_columns]], shares, repl_columns)
        occ_all = occ_all.merge(repl, on=["isco08", "year"], how="left")
        if sep_isco is not None:
            rates_isco = sep_isco.set_index("isco08")
            prev = occ_all.groupby("isco08")["employment"].shift(1)
            exit_rate = occ_all["isco08"].map(rates_isco["labour_force_exit_rate"])
            transfer_rate = occ_all["isco08"].map(rates_isco["occupational_transfer_rate"])
            use = occ_all["kind"].eq("forecast") & exit_rate.notna()
            occ_all.loc[use, "replacement"] = (prev * (exit_rate + transfer_rate) / 100.0)[use]
            occ_all.loc[use, "replacement_newcomers"] = (prev * exit_rate / 100.0)[use]
        occ_all.loc[occ_all["kind"] == "history", repl_columns] = np.nan
        occ_all["openings"] = occ_all["expansion"] + occ_all["replacement"]
        occ_all["demand_newcomers"] = occ_all["expansion"] + occ_all["replacement_newcomers"]
        frames["occupations"].append(occ_all.assign(scenario=scenario.name))

        # supply and mismatch
        occ_fc = occ_all[occ_all["kind"] == "forecast"]
        demand_occ = occ_fc.groupby("isco08", as_index=False)[["demand_newcomers"]].mean()
        demand_occ = demand_occ.rename(columns={"demand_newcomers": "demand"})
        demand_sec = (
            fc[fc["nace"] != TOTAL]
            .groupby("nace", as_index=False)[["demand_newcomers"]]
            .mean()
            .rename(columns={"demand_newcomers": "demand"})
        )
        if have_supply:
            assert inputs.school_leavers is not None and inputs.field_key is not None
            supply_scenario = SupplyScenario(**scenario.supply) if scenario.supply else None  # type: ignore[arg-type]
            leavers = project_leavers(
                inputs.school_leavers, years, supply_scenario, config.supply_base_years
            )
            groups = pd.concat(
                [
                    level_groups(leavers).rename(columns={"group": "group"}),
                    bundles(leavers).rename(columns={"bundle": "group"}),
                ],
                ignore_index=True,
            )
            frames["groups"].append(groups.assign(scenario=scenario.name))
            by_occ, unmapped = leavers_to_occupations(leavers, inputs.field_key)
            if not unmapped.empty and scenario is config.scenarios[0]:
                notes.append(
                    f"{unmapped['leavers'].sum() / len(years):,.0f} school leavers a year have "
                    "no field key and are not mapped to occupations"
                )
            supply = by_occ.rename(columns={"leavers": "school_leavers"})
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
            frames["supply"].append(supply.assign(scenario=scenario.name))
            supply_occ = supply.groupby("isco08", as_index=False)[["supply"]].mean()
            occ_mismatch = prospects(demand_occ, supply_occ, "isco08")
            sector_supply = supply_to_sectors(
                supply_occ, base_key[["nace", "isco08", "employment"]]
            )
            sec_mismatch = prospects(demand_sec, sector_supply, "nace")
            frames["mismatch"].append(
                pd.concat(
                    [
                        occ_mismatch.rename(columns={"isco08": "code"}).assign(level="occupation"),
                        sec_mismatch.rename(columns={"nace": "code"}).assign(level="sector"),
                    ],
                    ignore_index=True,
                ).assign(scenario=scenario.name)
            )
        else:
            occ_mismatch = None

        # competences
        if relations is not None:
            growth = occupation_growth(
                occ_all[["isco08", "year", "employment"]], base_year, years[-1]
            )
            indicators = skill_indicators(relations, growth)
            if occ_mismatch is not None:
                indicators = indicators.merge(
                    skill_prospects(relations, occ_mismatch), on="skill_uri", how="left"
                )
            else:
                indicators = indicators.assign(ratio=np.nan, band=None)
            frames["skills"].append(indicators.assign(scenario=scenario.name))

    if not have_supply:
        notes.append("no school leavers and field key: supply and mismatch not computed")
    if relations is None:
        notes.append("no ESCO relations: competence indicators not computed")

    tension: list[dict[str, object]] = []
    if inputs.labour_flows is not None and len(inputs.labour_flows):
        period = str(max(inputs.labour_flows["period"]))
        ranking = rank_tension(inputs.labour_flows, period, None, config.min_vacancies, None)
        tension = [
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

    def cat(name: str, columns: list[str]) -> pd.DataFrame:
        parts = frames[name]
        if not parts:
            return pd.DataFrame(columns=columns)
        return pd.concat(parts, ignore_index=True)[columns]

    interval = _interval_columns()
    sector_columns = [
        "scenario",
        "nace",
        "year",
        "kind",
        "employment",
        *interval,
        "naive",
        "drift",
        "expansion",
        "replacement",
        "replacement_cohort",
        "replacement_separation",
        "replacement_exits",
        "openings",
        "demand_newcomers",
    ]
    sectors_out = cat("sectors", [c for c in sector_columns if c not in ("naive", "drift")] + [])
    naive_drift = forecast[["unique_id", "ds", *[c for c in ("naive", "drift") if c in forecast]]]
    naive_drift = naive_drift.rename(columns={"unique_id": "nace", "ds": "year"})
    sectors_out = sectors_out.merge(naive_drift, on=["nace", "year"], how="left")
    for column in ("naive", "drift"):
        if column not in sectors_out:
            sectors_out[column] = np.nan
    return ForecastResult(
        config=config,
        inputs_hash=inputs_hash(inputs),
        base_year=base_year,
        is_sample=bool(inputs.sample),
        sectors=sectors_out[sector_columns].sort_values(
            ["scenario", "nace", "year"], ignore_index=True
        ),
        occupations=cat(
            "occupations",
            [
                "scenario",
                "isco08",
                "year",
                "kind",
                "employment",
                *interval,
                "expansion",
                "replacement",
                "openings",
                "demand_newcomers",
            ],
        ),
        supply=cat(
            "supply",
            ["scenario", "isco08", "year", "school_leavers", "jobseekers", "migrants", "supply"],
        ),
        supply_groups=cat("groups", ["scenario", "year", "group", "leavers"]),
        mismatch=cat(
            "mismatch", ["scenario", "level", "code", "demand", "supply", "ratio", "band"]
        ),
        skills=cat(
            "skills",
            [
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
        ),
        backtest=_clean(backtest),
        tension=tension,
        notes=notes,
    )


def _clean(value: Any) -> Any:
    """JSON-safe copy: numpy scalars to Python, non-finite numbers to None."""
    if isinstance(value, Mapping):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return float(value) if np.isfinite(value) else None
    return value


__all__ = [
    "BACKTEST_METHOD",
    "INPUT_NAMES",
    "LEVELS",
    "MODEL_DESCRIPTIONS",
    "REPLACEMENT_METHODS",
    "ForecastInputs",
    "ForecastResult",
    "RunConfig",
    "inputs_hash",
    "parse_config",
    "run_forecast",
]
