"""Plain data of the forecast domain: frozen dataclasses, no I/O.

Dutch report terms are given beside the English names (report 2.2 and Annex B.1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class TensionRow:
    """One occupation's spanningsratio (tension ratio, report 2.2) in one period.

    Attributes:
        occupation: Occupation title as given in the input (e.g. a VDAB beroep).
        jobseekers: Registered jobseekers interested in the occupation (aantal werkzoekenden).
        vacancies: Open vacancies for the occupation (aantal vacatures), > 0.
        ratio: Exact ratio jobseekers / vacancies, kept as a fraction so that ranking and
            rounding never suffer from binary floating point.
        rank: 1 for the most tense occupation (lowest ratio) of the ranking.
        shortage_list: True if the title is on the VDAB knelpuntberoepen list, None if not
            checked.
        shortage_decree: True if the title is also on the ministerial-decree list, None if not
            checked.
        vdab_sector: Sector of the matching knelpuntberoep, None if none.
        shortage_match: How the flag was found: ``title`` (same title) or ``esco`` (the
            titles share an ESCO occupation); None if not flagged or not checked.
    """

    occupation: str
    jobseekers: int
    vacancies: int
    ratio: Fraction
    rank: int
    shortage_list: bool | None = None
    shortage_decree: bool | None = None
    vdab_sector: str | None = None
    shortage_match: str | None = None

    @property
    def tension_ratio(self) -> float:
        """The spanningsratio rounded half-up to 2 decimals, as the report prints it."""
        return round_half_up(self.ratio, 2)


@dataclass(frozen=True, slots=True)
class TensionRanking:
    """A ranking of occupations by tension, most tense first (report Tables 1 and 2).

    Attributes:
        period: The period ranked (P).
        filter_period: The period whose vacancy counts decide who is ranked (Q).
        min_vacancies: Minimum number of vacancies in ``filter_period`` (report: 50).
        rows: The ranked rows, most tense first, cut to ``top`` if asked.
        eligible: Number of occupations that passed the filter and could be ranked.
        unranked: Occupations that passed the filter but have no known counts in ``period``;
            they are left out of the ranking and listed here so that nothing is silent.
    """

    period: str
    filter_period: str
    min_vacancies: int
    rows: tuple[TensionRow, ...]
    eligible: int
    unranked: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TopComparison:
    """Which occupations stay in the top N from one period to the next (report 2.2).

    Attributes:
        period: The later period.
        baseline_period: The earlier period it is compared with.
        top: N.
        stayed: ``(occupation, rank, baseline_rank)`` for occupations in both top-N lists,
            in order of ``rank``.
        entered: ``(occupation, rank)`` in the top N of ``period`` only.
        left: ``(occupation, baseline_rank)`` in the top N of ``baseline_period`` only.
    """

    period: str
    baseline_period: str
    top: int
    stayed: tuple[tuple[str, int, int], ...]
    entered: tuple[tuple[str, int], ...]
    left: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class ForecastMetrics:
    """Accuracy of one method (on one series or overall).

    Attributes:
        mase: Mean absolute scaled error (Hyndman & Koehler 2006), scaled by the in-sample
            mean absolute one-step change; None if undefined (constant history).
        mape: Mean absolute percentage error in percent; None if every actual is 0.
        direction_hit_rate: Share (0..1) of forecast points whose direction of change from the
            forecast origin equals the actual direction (up, down or unchanged).
        n_points: Number of forecast points evaluated.
    """

    mase: float | None
    mape: float | None
    direction_hit_rate: float | None
    n_points: int


@dataclass(frozen=True, slots=True)
class BacktestResult:
    """Result of a rolling-origin back-test (issue 4, part 6).

    Attributes:
        methods: The methods evaluated, ``koers`` (the product's model) first.
        horizon: Forecast horizon in steps.
        windows: Number of forecast origins.
        step_size: Steps between origins.
        cutoffs: The forecast origins (last observed time of each window), ISO strings.
        overall: Metrics per method over all series and windows.
        series: Metrics per series id and method.
    """

    methods: tuple[str, ...]
    horizon: int
    windows: int
    step_size: int
    cutoffs: tuple[str, ...]
    overall: dict[str, ForecastMetrics]
    series: dict[str, dict[str, ForecastMetrics]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class VintageMetrics:
    """Accuracy of one method in the BLS vintage evaluation.

    Attributes:
        median_ape: Median absolute percentage error at the target year, in percent.
        mean_ape: Mean absolute percentage error, in percent.
        direction_hit_rate: Share (0..1) of occupations whose direction of change since the
            origin year was forecast right (up, down or unchanged).
        n: Number of occupations evaluated.
    """

    median_ape: float
    mean_ape: float
    direction_hit_rate: float
    n: int


@dataclass(frozen=True, slots=True)
class RunInfo:
    """A stored forecast run of one scenario (versioned: inputs hash, method, created at).

    Attributes:
        id: Store id.
        run_key: Stable public id.
        group_key: Id shared by the scenarios of one invocation.
        label: Title of the run.
        scenario: Scenario id; ``scenario_label_nl``/``_en`` for screens.
        is_default: True for the first scenario of the group (shown by default).
        method: Model and reconciliation, e.g. ``ets+mint_shrink``.
        inputs_hash: SHA-256 of the validated inputs.
        base_year: Last observed year.
        horizon: Forecast years.
        is_sample: True when any input is SAMPLE data (say so on every screen).
        created_at: ISO timestamp.
        summary: Back-test, notes, input names, tension ranking.
    """

    id: int
    run_key: str
    group_key: str
    label: str
    scenario: str
    scenario_label_nl: str
    scenario_label_en: str
    is_default: bool
    method: str
    inputs_hash: str
    base_year: int
    horizon: int
    is_sample: bool
    created_at: str
    summary: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class OutlookPoint:
    """One year of an outlook (history or forecast); amounts in persons, demand per year.

    Attributes:
        year: The year.
        is_forecast: False for observed years.
        employment: Employment (werkgelegenheid); the reconciled model value when forecast.
        lo80: Lower bound of the 80 % prediction interval (None for history).
        hi80: Upper bound, 80 %.
        lo95: Lower bound, 95 %.
        hi95: Upper bound, 95 %.
        naive: No-change baseline (sectors only).
        drift: Drift baseline (sectors only).
        expansion: Uitbreidingsvraag: change from the year before.
        replacement: Vervangingsvraag used for openings.
        replacement_cohort: Replacement by net cohort outflow (sectors).
        replacement_separation: Replacement by separation rates (sectors, when given).
        openings: Totale vraag = expansion + replacement.
        demand_newcomers: Expansion + labour-market exits: openings for newcomers.
        supply: Expected new supply (occupations, when supply inputs are given).
    """

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


@dataclass(frozen=True, slots=True)
class Prospects:
    """Future prospects (toekomstperspectief, ROA-ITA style) of a sector or occupation.

    Attributes:
        demand: Average yearly openings for newcomers over the horizon.
        supply: Average yearly new supply.
        ratio: supply / demand (None when there are no openings).
        band: ``very_good`` … ``poor`` or ``unknown``.
    """

    demand: float
    supply: float
    ratio: float | None
    band: str


@dataclass(frozen=True, slots=True)
class Outlook:
    """The outlook of one sector or occupation in one run (what recommenders and checks read).

    Attributes:
        run: The run.
        level: ``sector`` or ``occupation``.
        code: NACE code or ISCO-08 code.
        points: History and forecast years, oldest first.
        growth_pct: Average yearly employment growth over the horizon, in %.
        degree: −2..+2 (strong decline … strong growth), same thresholds as skills.
        prospects: Mismatch indicator, when supply was forecast.
    """

    run: RunInfo
    level: str
    code: str
    points: tuple[OutlookPoint, ...]
    growth_pct: float | None
    degree: int | None
    prospects: Prospects | None = None


def round_half_up(value: Fraction, digits: int) -> float:
    """Round an exact fraction half away from zero, as printed tables do.

    Args:
        value: A non-negative exact value.
        digits: Number of decimals.

    Returns:
        The rounded value as a float (e.g. ``Fraction(1, 8)`` → 0.13 for 2 digits).
    """
    scale: int = 10**digits
    scaled = value * scale
    rounded: int = (scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator)
    return float(rounded) / scale


__all__ = [
    "BacktestResult",
    "ForecastMetrics",
    "Outlook",
    "OutlookPoint",
    "Prospects",
    "RunInfo",
    "TensionRanking",
    "TensionRow",
    "TopComparison",
    "VintageMetrics",
    "round_half_up",
]
