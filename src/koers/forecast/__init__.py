"""Competence forecasts (report 5.2, Box 3, Annex B.1; PRODUCT.md §2).

Pure core: the input model (``inputs``), expansion demand with reconciliation and scenarios
(``expansion``, ``reconcile``), replacement demand (``replacement``, ``demand``), sector →
occupation (``occupations``), occupation → competence (``skills``), supply (``supply``),
mismatch (``mismatch``), tension ratios (spanningsratio, report 2.2), shortage mapping
(``shortage``), back-tests and the BLS vintage evaluation, the one registry of forecasting
methods (``methods``), and the one orchestrator :func:`run_forecast` with its named steps
(``steps``). No I/O: adapters (``koers.services.forecast``, ``koers.cli.forecast``)
read files and pass frames in.
"""

from __future__ import annotations

from koers.forecast.backtest import (
    direction_hit_rate,
    mape,
    mase,
    result_to_dict,
    rolling_origin,
    score_cross_validation,
    validate_panel,
    wide_to_long,
)
from koers.forecast.codes import NACE_A38, TOTAL
from koers.forecast.demand import (
    cohort_outflow,
    distribute_to_occupations,
    openings,
    separation_replacement,
)
from koers.forecast.errors import (
    BacktestError,
    DistributionKeyError,
    ForecastInputError,
    NoOutlook,
    UndeterminedFilter,
    UnknownPeriod,
    UnknownRun,
)
from koers.forecast.expansion import Scenario
from koers.forecast.methods import DEFAULT_METHODS, METHODS, ForecastMethod
from koers.forecast.model import (
    BacktestResult,
    ForecastMetrics,
    Outlook,
    OutlookPoint,
    Prospects,
    RunInfo,
    TensionRanking,
    TensionRow,
    TopComparison,
    VintageMetrics,
)
from koers.forecast.outlook import growth_pct, sum_points
from koers.forecast.reconcile import reconcile
from koers.forecast.run import (
    INPUT_NAMES,
    ForecastInputs,
    ForecastResult,
    RunConfig,
    inputs_hash,
    parse_config,
    run_forecast,
)
from koers.forecast.sample import SAMPLE_FILES, build_sample
from koers.forecast.shortage import ShortageMapping, TitleMatch, flag_shortages_esco, map_titles
from koers.forecast.skills import (
    SkillAdjustment,
    SkillRelations,
    adjusted_degree,
    degree_key,
    degree_of,
    skill_indicators,
)
from koers.forecast.supply import SupplyScenario
from koers.forecast.tension import (
    below_one,
    compare_top,
    flag_shortages,
    normalise_title,
    rank_tension,
    ranking_records,
    shortage_index,
    tension_ratio,
    validate_tension_counts,
)
from koers.forecast.vintages import METHOD_DESCRIPTIONS, VintageEvaluation, evaluate_vintages

__all__ = [
    "DEFAULT_METHODS",
    "INPUT_NAMES",
    "METHODS",
    "METHOD_DESCRIPTIONS",
    "NACE_A38",
    "SAMPLE_FILES",
    "TOTAL",
    "BacktestError",
    "BacktestResult",
    "DistributionKeyError",
    "ForecastInputError",
    "ForecastInputs",
    "ForecastMethod",
    "ForecastMetrics",
    "ForecastResult",
    "NoOutlook",
    "Outlook",
    "OutlookPoint",
    "Prospects",
    "RunConfig",
    "RunInfo",
    "Scenario",
    "ShortageMapping",
    "SkillAdjustment",
    "SkillRelations",
    "SupplyScenario",
    "TensionRanking",
    "TensionRow",
    "TitleMatch",
    "TopComparison",
    "UndeterminedFilter",
    "UnknownPeriod",
    "UnknownRun",
    "VintageEvaluation",
    "VintageMetrics",
    "adjusted_degree",
    "below_one",
    "build_sample",
    "cohort_outflow",
    "compare_top",
    "degree_key",
    "degree_of",
    "direction_hit_rate",
    "distribute_to_occupations",
    "evaluate_vintages",
    "flag_shortages",
    "flag_shortages_esco",
    "growth_pct",
    "inputs_hash",
    "map_titles",
    "mape",
    "mase",
    "normalise_title",
    "openings",
    "parse_config",
    "rank_tension",
    "ranking_records",
    "reconcile",
    "result_to_dict",
    "rolling_origin",
    "run_forecast",
    "score_cross_validation",
    "separation_replacement",
    "shortage_index",
    "skill_indicators",
    "sum_points",
    "tension_ratio",
    "validate_panel",
    "validate_tension_counts",
    "wide_to_long",
]
