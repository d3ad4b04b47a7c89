"""What the check API takes and returns.

The check domain hands its texts over as catalogue messages (``koers.messages.Message``); the
API returns each in Dutch and English (``reason`` → ``reason_nl``, ``reason_en``), as
``koers.check.to_jsonable`` writes it for the API and the CLI alike. The models below document
that JSON; their names and docstrings are those of the domain classes they mirror, so the
OpenAPI schema keeps its component names. Parts without text are the domain's own frozen
dataclasses. Clients never see ORM classes.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints

from koers.check import (
    FitRole,
    ForecastStatus,
    FutureProofScore,
    GroupSummary,
    InternalMove,
    Light,
    OccupationMatch,
    Outlook,
    SkillRef,
    StepKind,
    Suggestion,
)


class TensionFigure(BaseModel):
    """The spanningsratio of an occupation with where it comes from and how old it is.

    Attributes:
        ratio: jobseekers per vacancy (below 1: more vacancies than interested jobseekers).
        jobseekers: registered jobseekers interested in the occupation (summed over ``titles``).
        vacancies: open vacancies (summed over ``titles``).
        period: period of the counts, ``YYYY-MM``.
        titles: the VDAB occupation titles behind the figure (several titles can map to one
            ESCO occupation; their counts are added before dividing).
        source_nl / source_en: source and period in words, e.g. "VDAB via rapport, tabel 1,
            april 2021".
    """

    ratio: float
    jobseekers: int
    vacancies: int
    period: str
    titles: tuple[str, ...]
    source_nl: str
    source_en: str


class OccupationOutlook(BaseModel):
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


class OccupationFit(BaseModel):
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


class WarningLight(BaseModel):
    """A warning light (waarschuwingslampje) with its reason in plain words.

    Attributes:
        code: stable key (``declining_occupation``, ``declining_skills``, ``stale_skills``,
            ``long_tenure``, ``no_recent_learning``, ``single_field_career``).
        level: red (act now) or orange (pay attention).
        reason_nl: why, in plain Dutch.
        reason_en: why, in English.
        evidence: URIs or numbers behind the reason.
    """

    code: str
    level: Light
    reason_nl: str
    reason_en: str
    evidence: tuple[str, ...] = ()


class Answer(BaseModel):
    """An answer to one of the report's questions (PRODUCT.md §4), in plain Dutch first."""

    key: str
    question_nl: str
    question_en: str
    answer_nl: str
    answer_en: str


class ActionStep(BaseModel):
    """One step of the action plan (actieplan), in the order to take them.

    Attributes:
        order: 1 = first.
        kind: training, career step, guidance, incentive, portfolio work, discussion.
        title_nl / title_en: what to do.
        reason_nl / reason_en: why (points to a warning light or a gap).
        skills: skills the step is about.
        hook: the :class:`SuggestionKind` that fills ``suggestions``; empty for steps that
            need none.
        suggestions: filled by the suggesters registered for ``hook``; else empty.
        hook_available: False while no suggester is registered for ``hook``.
    """

    order: int
    kind: StepKind
    title_nl: str
    title_en: str
    reason_nl: str
    reason_en: str
    skills: tuple[SkillRef, ...] = ()
    hook: str = ""
    suggestions: tuple[Suggestion, ...] = ()
    hook_available: bool = False


class CitizenCheck(BaseModel):
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
    notes: tuple[str, ...] = ()


class CareerOption(BaseModel):
    """One option of the career menu for the second half of a career (report 7.2 advice 4)."""

    key: str
    title_nl: str
    title_en: str
    detail_nl: str
    detail_en: str
    moves: tuple[InternalMove, ...] = ()


class RowResult(BaseModel):
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


class PlanItem(BaseModel):
    kind: StepKind
    title_nl: str
    title_en: str
    detail_nl: str
    detail_en: str
    rows: tuple[int, ...] = ()
    skills: tuple[SkillRef, ...] = ()
    hook: str = ""
    suggestions: tuple[Suggestion, ...] = ()
    hook_available: bool = False


class OrganisationCheck(BaseModel):
    """The result of an organisation competence check (sustainable employability plan)."""

    as_of: date
    forecast: ForecastStatus
    headcount: int
    rows: tuple[RowResult, ...]
    groups: tuple[GroupSummary, ...]
    score: FutureProofScore
    plan: tuple[PlanItem, ...]
    notes: tuple[str, ...] = ()


CitizenCheckOut = CitizenCheck
"""The citizen check result, texts in Dutch and English."""
OrganisationCheckOut = OrganisationCheck
"""The organisation check result, texts in Dutch and English."""


class CitizenCheckIn(BaseModel):
    """A stateless citizen check: the portfolio travels with the request and is not stored."""

    portfolio: dict[str, Any] = Field(
        description="A portfolio in the platform's format (koers.portfolio v1) or ELM JSON-LD."
    )
    current: str | None = Field(
        None, max_length=200, description="Current or last occupation (ESCO URI)."
    )
    targets: list[Annotated[str, StringConstraints(max_length=200)]] | None = Field(
        None, max_length=20, description="Target occupations (ESCO URIs)."
    )
    as_of: date | None = Field(None, description="Reference date; default today.")
    lang: Literal["nl", "en"] = "nl"
