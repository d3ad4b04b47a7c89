"""Plain data of the competence checks (competentiecheck, report 6.2 advice 3; PRODUCT.md §4).

The citizen check confronts a portfolio with one's current and target occupations and the
forecasts; the organisation check does the same for a workforce. Both end in an action plan
whose trainings, career steps and incentives are filled by suggesters registered per
:class:`SuggestionKind` (``ports.ActionPlanRegistry``) by the recommenders, rights and
programmes modules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from koers.messages import Message


class Outlook(StrEnum):
    """Direction of expected demand (vooruitzicht), as the forecast domain publishes it."""

    GROWING = "growing"
    STABLE = "stable"
    DECLINING = "declining"


@dataclass(frozen=True, slots=True)
class OccupationProfile:
    """An ESCO occupation with what the checks need from the taxonomy."""

    uri: str
    label: str
    code: str
    isco_group: str
    essential: frozenset[str]
    optional: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ForecastStatus:
    """Which forecast the checks use. ``loaded=False`` means no forecast is available: every
    outlook is then ``None`` and reported as unknown, never guessed."""

    loaded: bool
    vintage: str = ""
    scenario: str = ""
    method: str = ""
    note: str = ""
    sample: bool = False
    """The run was made on sample (fictitious) inputs: its outlooks illustrate, they do not
    predict; pages and answers must say so."""


@dataclass(frozen=True, slots=True)
class TensionFigure:
    """The spanningsratio of an occupation with where it comes from and how old it is.

    Attributes:
        ratio: jobseekers per vacancy (below 1: more vacancies than interested jobseekers).
        jobseekers: registered jobseekers interested in the occupation (summed over ``titles``).
        vacancies: open vacancies (summed over ``titles``).
        period: period of the counts, ``YYYY-MM``.
        titles: the VDAB occupation titles behind the figure (several titles can map to one
            ESCO occupation; their counts are added before dividing).
        source: source and period, e.g. "VDAB via rapport, tabel 1, april 2021" (a catalogue
            message: the edge puts it in words).
    """

    ratio: float
    jobseekers: int
    vacancies: int
    period: str
    titles: tuple[str, ...]
    source: Message


@dataclass(frozen=True, slots=True)
class OccupationOutlook:
    """Forecast position of an occupation (toekomstperspectief).

    Attributes:
        uri: ESCO occupation URI.
        outlook: growing / stable / declining demand, ``None`` if unknown.
        tension_ratio: spanningsratio (jobseekers per vacancy, report 2.2), ``None`` if unknown.
        shortage: on the shortage-occupation list (knelpuntberoep), ``None`` if unknown.
        source: where the numbers come from (forecast run, list and date).
        tension: the figure behind ``tension_ratio`` with its source and period; ``None``
            when the ratio is unknown.
    """

    uri: str
    outlook: Outlook | None = None
    tension_ratio: float | None = None
    shortage: bool | None = None
    source: str = ""
    tension: TensionFigure | None = None


@dataclass(frozen=True, slots=True)
class SkillOutlook:
    uri: str
    outlook: Outlook | None = None
    source: str = ""


class FitRole(StrEnum):
    CURRENT = "current"
    TARGET = "target"


@dataclass(frozen=True, slots=True)
class SkillRef:
    uri: str
    label: str
    confidence: float = 0.0
    years_unused: float | None = None


@dataclass(frozen=True, slots=True)
class OccupationFit:
    """How the portfolio covers an occupation's essential skills.

    Attributes:
        coverage: share of essential skills covered (0..1); ``None`` if the occupation has no
            essential skills in ESCO.
        covered: essential skills with enough recent evidence.
        missing: essential skills without any evidence.
        stale: essential skills with evidence, but not used for years (verouderd).
        inferred_only: covered skills known only from job titles or documents: worth
            confirming (by an employer, an EVC assessment, a certificate).
    """

    role: FitRole
    occupation: SkillRef
    essential_total: int
    coverage: float | None
    covered: tuple[SkillRef, ...]
    missing: tuple[SkillRef, ...]
    stale: tuple[SkillRef, ...]
    inferred_only: tuple[SkillRef, ...]
    forecast: OccupationOutlook


class Light(StrEnum):
    RED = "red"
    ORANGE = "orange"


@dataclass(frozen=True, slots=True)
class WarningLight:
    """A warning light (waarschuwingslampje) with its reason in plain words.

    Attributes:
        code: stable key (``declining_occupation``, ``declining_skills``, ``stale_skills``,
            ``long_tenure``, ``no_recent_learning``, ``single_field_career``).
        level: red (act now) or orange (pay attention).
        reason: why, in plain words (a catalogue message, Dutch at B1 level).
        evidence: URIs or numbers behind the reason.
    """

    code: str
    level: Light
    reason: Message
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer to one of the report's questions (PRODUCT.md §4), in plain words.

    Attributes:
        key: the question (``labour_market``, ``my_job``, ``still_needed``, ``employable``,
            ``what_i_want``, ``learning_paths``).
        question: the question as a catalogue message.
        answer: the answer's sentences in order, one paragraph (the edge joins them with a
            space).
    """

    key: str
    question: Message
    answer: tuple[Message, ...]


class StepKind(StrEnum):
    TRAINING = "training"
    CAREER_STEP = "career_step"
    GUIDANCE = "guidance"
    INCENTIVE = "incentive"
    PORTFOLIO = "portfolio"
    DISCUSS = "discuss"


class SuggestionKind(StrEnum):
    """The extension point that fills a plan step's suggestions (the step's ``hook`` code).

    Steps of different kinds share a hook (a guidance step may ask for career steps or for
    incentives), so suggesters are registered per hook, not per :class:`StepKind`.

    * ``trainings``: courses for the step's skills (training recommender, programmes).
    * ``career_steps``: other occupations that fit (career-step recommender).
    * ``incentives``: grants, leave and vouchers that apply (rights module).
    """

    TRAININGS = "trainings"
    CAREER_STEPS = "career_steps"
    INCENTIVES = "incentives"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A concrete offer filled in by a suggester (a course, an occupation, an incentive)."""

    title: str
    uri: str = ""
    reason: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class ActionStep:
    """One step of the action plan (actieplan), in the order to take them.

    Attributes:
        order: 1 = first.
        kind: training, career step, guidance, incentive, portfolio work, discussion.
        title: what to do.
        reason: why (points to a warning light or a gap).
        skills: skills the step is about.
        hook: the :class:`SuggestionKind` that fills ``suggestions``; empty for steps that
            need none.
        suggestions: filled by the suggesters registered for ``hook``; else empty.
        hook_available: False while no suggester is registered for ``hook``.
    """

    order: int
    kind: StepKind
    title: Message
    reason: Message
    skills: tuple[SkillRef, ...] = ()
    hook: str = ""
    suggestions: tuple[Suggestion, ...] = ()
    hook_available: bool = False


@dataclass(frozen=True, slots=True)
class CitizenCheck:
    """The result of a citizen competence check."""

    as_of: date
    sample: bool
    forecast: ForecastStatus
    fits: tuple[OccupationFit, ...]
    warnings: tuple[WarningLight, ...]
    answers: tuple[Answer, ...]
    plan: tuple[ActionStep, ...]
    skills_total: int
    skills_stale: int
    notes: tuple[str, ...] = field(default=())


# -- organisation check --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OccupationMatch:
    """How a workforce row's occupation was resolved (reported, so HR can check it).

    Attributes:
        method: ``uri``, ``code`` or ``title`` (taxonomy search).
        score: search score for a title match (1.0 for URI/code).
        matched: the label that matched.
        uncertain: a title match with a score below the rules' threshold: please check.
    """

    input: str
    uri: str
    label: str
    method: str
    score: float
    matched: str
    uncertain: bool = False


@dataclass(frozen=True, slots=True)
class WorkforceRow:
    """One validated row of a workforce file: an employee or an anonymous group."""

    row: int
    key: str
    headcount: int
    occupation: OccupationMatch
    skills: tuple[str, ...]
    age_band: str
    age_min: int | None
    tenure_years: float | None
    contract_hours: float | None


@dataclass(frozen=True, slots=True)
class InternalMove:
    """A move to another occupation in the same organisation, with the skill overlap."""

    to: SkillRef
    overlap: float
    """Share of the target occupation's essential skills already held (0..1)."""
    missing: tuple[SkillRef, ...]
    outlook: Outlook | None


@dataclass(frozen=True, slots=True)
class CareerOption:
    """One option of the career menu for the second half of a career (report 7.2 advice 4)."""

    key: str
    """``same_work``, ``fewer_hours``, ``lighter_work`` or ``work_elsewhere``."""
    title: Message
    detail: Message
    moves: tuple[InternalMove, ...] = ()


@dataclass(frozen=True, slots=True)
class RowResult:
    """Check result for one workforce row."""

    row: int
    key: str
    headcount: int
    occupation: OccupationMatch
    fit_measured: bool
    coverage: float | None
    missing: tuple[SkillRef, ...]
    exposure: OccupationOutlook
    declining: bool | None
    skills_to_build: tuple[SkillRef, ...]
    moves: tuple[InternalMove, ...]
    second_half: bool
    career_options: tuple[CareerOption, ...]


@dataclass(frozen=True, slots=True)
class ScoreComponent:
    key: str
    weight: float
    value: float | None
    """0..1, ``None`` if it cannot be computed (then left out and the weights renormalised)."""
    explanation: str


@dataclass(frozen=True, slots=True)
class FutureProofScore:
    """Organisation score (toekomstbestendigheid) 0..100 = 100 × Σ wᵢcᵢ / Σ wᵢ over the
    components that could be computed; ``partial`` when some could not."""

    value: float | None
    partial: bool
    components: tuple[ScoreComponent, ...]
    formula: str


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One item of the organisation's employability plan (what to do, and for whom)."""

    kind: StepKind
    title: Message
    detail: Message
    rows: tuple[int, ...] = ()
    skills: tuple[SkillRef, ...] = ()
    hook: str = ""
    suggestions: tuple[Suggestion, ...] = ()
    hook_available: bool = False


@dataclass(frozen=True, slots=True)
class GroupSummary:
    occupation: SkillRef
    headcount: int
    rows: tuple[int, ...]
    mean_coverage: float | None
    declining: bool | None


@dataclass(frozen=True, slots=True)
class OrganisationCheck:
    """The result of an organisation competence check (sustainable employability plan)."""

    as_of: date
    forecast: ForecastStatus
    headcount: int
    rows: tuple[RowResult, ...]
    groups: tuple[GroupSummary, ...]
    score: FutureProofScore
    plan: tuple[PlanItem, ...]
    notes: tuple[str, ...] = ()
