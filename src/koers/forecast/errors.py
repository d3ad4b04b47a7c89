"""Errors of the forecast domain.

Every error names the problem (and, for input files, the row and column at fault) and never
carries personal data. The CLI maps each of them to exit code 2.
"""

from __future__ import annotations

from koers.errors import DataFileError, InvalidInput, NotFound


class ForecastInputError(DataFileError):
    """An input table (tension counts, panel, distribution key) has a bad row or column."""

    code = "forecast_input_error"


class UnknownPeriod(InvalidInput):
    """A period asked for does not occur in the input."""

    code = "unknown_period"

    def __init__(self, period: str, available: list[str]) -> None:
        shown = ", ".join(available[:12]) + (" ..." if len(available) > 12 else "")
        super().__init__(f"period '{period}' does not occur in the input (periods: {shown})")
        self.period = period


class UndeterminedFilter(InvalidInput):
    """The minimum-vacancies filter cannot be decided because the vacancy count is unknown."""

    code = "undetermined_filter"


class BacktestError(InvalidInput):
    """A back-test cannot be run as asked (series too short, unknown method, bad horizon)."""

    code = "backtest_error"


class DistributionKeyError(InvalidInput):
    """An occupation-by-sector distribution key (EAK verdeelsleutel) is not a valid key."""

    code = "distribution_key_error"


class UnknownRun(NotFound):
    """No stored forecast run has this key (or no run was made yet)."""

    code = "unknown_forecast_run"

    def __init__(self, key: str) -> None:
        super().__init__(f"forecast run '{key}' not found (run 'koers forecast run' first)")
        self.key = key


class NoOutlook(NotFound):
    """The run has no outlook for this sector, occupation or skill."""

    code = "no_outlook"


__all__ = [
    "BacktestError",
    "DistributionKeyError",
    "ForecastInputError",
    "NoOutlook",
    "UndeterminedFilter",
    "UnknownPeriod",
    "UnknownRun",
]
