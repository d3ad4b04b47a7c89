"""The configuration of a forecast run: what :func:`koers.forecast.run.run_forecast` does.

:func:`parse_config` checks a mapping read from TOML or JSON by the adapter and builds the frozen
:class:`RunConfig`; every error names the key at fault.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from koers.errors import InvalidInput
from koers.forecast.expansion import SCENARIO_KINDS, Scenario
from koers.forecast.methods import OUTLOOK_MODELS
from koers.forecast.occupations import SHARE_METHODS
from koers.forecast.reconcile import RECONCILIATION_METHODS
from koers.forecast.supply import SupplyScenario

REPLACEMENT_METHODS = ("auto", "cohort", "separation")
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
        model: Outlook model (:data:`koers.forecast.methods.OUTLOOK_MODELS`).
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
        model=_choice(raw.get("model", defaults.model), OUTLOOK_MODELS, "model"),
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


__all__ = ["REPLACEMENT_METHODS", "RunConfig", "parse_config"]
