"""Competence forecasts (report 5.2, Box 3, Annex B.1; PRODUCT.md §2).

Pure core: tension ratios (spanningsratio, report 2.2), back-tests, the BLS vintage
evaluation and demand building blocks (replacement and openings, sector → occupation).
No I/O: adapters (``koers.cli.forecast``) read files and pass frames in.
"""

from __future__ import annotations

from koers.forecast.backtest import (
    DEFAULT_METHODS,
    METHODS,
    direction_hit_rate,
    mape,
    mase,
    result_to_dict,
    rolling_origin,
    validate_panel,
    wide_to_long,
)
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
    UndeterminedFilter,
    UnknownPeriod,
)
from koers.forecast.model import (
    BacktestResult,
    ForecastMetrics,
    TensionRanking,
    TensionRow,
    TopComparison,
    VintageMetrics,
)
from koers.forecast.tension import (
    below_one,
    compare_top,
    flag_shortages,
    rank_tension,
    ranking_records,
    shortage_index,
    tension_ratio,
    validate_tension_counts,
)
from koers.forecast.vintages import VintageEvaluation, evaluate_vintages

__all__ = [
    "DEFAULT_METHODS",
    "METHODS",
    "BacktestError",
    "BacktestResult",
    "DistributionKeyError",
    "ForecastInputError",
    "ForecastMetrics",
    "TensionRanking",
    "TensionRow",
    "TopComparison",
    "UndeterminedFilter",
    "UnknownPeriod",
    "VintageEvaluation",
    "VintageMetrics",
    "below_one",
    "cohort_outflow",
    "compare_top",
    "direction_hit_rate",
    "distribute_to_occupations",
    "evaluate_vintages",
    "flag_shortages",
    "mape",
    "mase",
    "openings",
    "rank_tension",
    "ranking_records",
    "result_to_dict",
    "rolling_origin",
    "separation_replacement",
    "shortage_index",
    "tension_ratio",
    "validate_panel",
    "validate_tension_counts",
    "wide_to_long",
]
