"""The organisation competence check and its sustainable employability plan
(organisatiecheck en plan voor werkbaar en wendbaar werk; report 6.2 advice 3, 7.2).

Per row (an employee or an anonymous group): fit with the occupation (when skills are
given), exposure to declining demand (from the forecast, else unknown), skills to build,
internal moves with their skill overlap, and for the second half of a career a menu of options
(report 7.2 advice 4). For the organisation: a future-proof score with a documented formula
(:data:`SCORE_FORMULA`) and a plan (trainings, internal mobility, job rotation, incentives).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from koers.check.model import (
    CareerOption,
    FutureProofScore,
    GroupSummary,
    InternalMove,
    OrganisationCheck,
    Outlook,
    PlanItem,
    RowResult,
    ScoreComponent,
    SkillRef,
    StepKind,
    SuggestionKind,
    WorkforceRow,
)
from koers.check.ports import (
    ActionPlanRegistry,
    ForecastSource,
    OccupationCatalogue,
    StepContext,
    fill_step,
)
from koers.check.rules import DEFAULT_RULES, CheckRules
from koers.messages import Message, message
from koers.portfolio import Preferences

SCORE_WEIGHTS = {"skill_fit": 0.4, "demand": 0.4, "mobility": 0.2}
SCORE_FORMULA = (
    "score = 100 × Σ wᵢ·cᵢ / Σ wᵢ over the components that can be computed; "
    "skill_fit (w=0.4) = headcount-weighted share of essential skills held, over rows with "
    "skills; demand (w=0.4) = headcount share not in an occupation with declining demand, over "
    "rows with a known outlook; mobility (w=0.2) = headcount share with at least one internal "
    "move of ≥ move_min_overlap of the target's essential skills."
)
MAX_MOVES = 3
JOB_ROTATION_MIN_OVERLAP = 0.5
JOB_ROTATION_MIN_TENURE = 3.0


def _moves(
    held: frozenset[str],
    own: str,
    firm: Sequence[str],
    catalogue: OccupationCatalogue,
    forecast: ForecastSource,
    rules: CheckRules,
) -> tuple[InternalMove, ...]:
    moves = []
    for other in firm:
        if other == own:
            continue
        essentials = catalogue.essential_skills(other)
        if not essentials:
            continue
        overlap = len(held & essentials) / len(essentials)
        if overlap < rules.move_min_overlap:
            continue
        missing = sorted(essentials - held)
        moves.append(
            InternalMove(
                to=SkillRef(other, catalogue.label(other)),
                overlap=round(overlap, 4),
                missing=tuple(
                    SkillRef(s, catalogue.label(s)) for s in missing[: rules.max_listed_skills]
                ),
                outlook=forecast.occupation(other).outlook,
            )
        )
    moves.sort(key=lambda m: (m.outlook is Outlook.DECLINING, -m.overlap, m.to.label))
    return tuple(moves[:MAX_MOVES])


def _option(key: str, detail: Message, moves: tuple[InternalMove, ...] = ()) -> CareerOption:
    return CareerOption(key, message(f"check.option.{key}.title"), detail, moves)


def _options(
    row: WorkforceRow, missing: int, moves: tuple[InternalMove, ...]
) -> tuple[CareerOption, ...]:
    """The menu for the second half of a career; texts ``check.option.<key>.*``."""
    hours = row.contract_hours
    return (
        _option(
            "same_work",
            message("check.option.same_work.missing", n=missing)
            if missing
            else message("check.option.same_work.doable"),
        ),
        _option(
            "fewer_hours",
            message("check.option.fewer_hours.hours", hours=f"{hours:g}")
            if hours
            else message("check.option.fewer_hours.detail"),
        ),
        _option(
            "lighter_work",
            message(
                "check.option.lighter_work.moves" if moves else "check.option.lighter_work.no_moves"
            ),
            moves,
        ),
        _option("work_elsewhere", message("check.option.work_elsewhere.detail")),
    )


def _row_result(
    row: WorkforceRow,
    firm: Sequence[str],
    catalogue: OccupationCatalogue,
    forecast: ForecastSource,
    rules: CheckRules,
) -> RowResult:
    uri = row.occupation.uri
    essentials = catalogue.essential_skills(uri)
    measured = bool(row.skills)
    held = frozenset(row.skills) if measured else essentials
    missing = sorted(essentials - held) if measured else []
    coverage = (
        round(len(essentials & held) / len(essentials), 4) if measured and essentials else None
    )
    exposure = forecast.occupation(uri)
    declining = None if exposure.outlook is None else exposure.outlook is Outlook.DECLINING
    build = list(missing)
    if forecast.status().loaded:
        profile = catalogue.profile(uri)
        optional = sorted(profile.optional - held) if profile else []
        build += [s for s in optional if forecast.skill(s).outlook is Outlook.GROWING]
    moves = _moves(held, uri, firm, catalogue, forecast, rules)
    second_half = row.age_min is not None and row.age_min >= rules.second_half_age
    return RowResult(
        row=row.row,
        key=row.key,
        headcount=row.headcount,
        occupation=row.occupation,
        fit_measured=measured,
        coverage=coverage,
        missing=tuple(SkillRef(s, catalogue.label(s)) for s in missing),
        exposure=exposure,
        declining=declining,
        skills_to_build=tuple(
            SkillRef(s, catalogue.label(s)) for s in build[: rules.max_listed_skills]
        ),
        moves=moves,
        second_half=second_half,
        career_options=_options(row, len(missing), moves) if second_half else (),
    )


def future_proof_score(results: Sequence[RowResult]) -> FutureProofScore:
    """The organisation score (0..100) after :data:`SCORE_FORMULA`."""
    measured = [r for r in results if r.fit_measured and r.coverage is not None]
    weight = sum(r.headcount for r in measured)
    fit = sum((r.coverage or 0.0) * r.headcount for r in measured) / weight if weight else None
    known = [r for r in results if r.declining is not None]
    known_count = sum(r.headcount for r in known)
    demand = (
        sum(r.headcount for r in known if not r.declining) / known_count if known_count else None
    )
    total = sum(r.headcount for r in results)
    mobility = sum(r.headcount for r in results if r.moves) / total if total else None
    components = (
        ScoreComponent(
            "skill_fit",
            SCORE_WEIGHTS["skill_fit"],
            None if fit is None else round(fit, 4),
            "share of essential skills held (rows with skills)"
            if fit is not None
            else "no row lists skills: not computed",
        ),
        ScoreComponent(
            "demand",
            SCORE_WEIGHTS["demand"],
            None if demand is None else round(demand, 4),
            "headcount share not in declining occupations"
            if demand is not None
            else "no forecast loaded: not computed",
        ),
        ScoreComponent(
            "mobility",
            SCORE_WEIGHTS["mobility"],
            None if mobility is None else round(mobility, 4),
            "headcount share with an internal move that fits",
        ),
    )
    usable = [c for c in components if c.value is not None]
    weights = sum(c.weight for c in usable)
    value = (
        round(100 * sum(c.weight * (c.value or 0.0) for c in usable) / weights, 1)
        if weights
        else None
    )
    return FutureProofScore(value, len(usable) < len(components), components, SCORE_FORMULA)


def _plan(
    results: Sequence[RowResult], rows: Sequence[WorkforceRow], rules: CheckRules
) -> list[PlanItem]:
    items: list[PlanItem] = []
    need: dict[str, list[int]] = defaultdict(list)
    labels: dict[str, str] = {}
    heads: dict[str, int] = defaultdict(int)
    for r in results:
        for s in r.skills_to_build:
            need[s.uri].append(r.row)
            labels[s.uri] = s.label
            heads[s.uri] += r.headcount
    if need:
        top = sorted(need, key=lambda s: (-heads[s], labels[s]))[: rules.max_listed_skills]
        items.append(
            _item(
                StepKind.TRAINING,
                "training",
                tuple(sorted({row for s in top for row in need[s]})),
                tuple(SkillRef(s, labels[s]) for s in top),
                SuggestionKind.TRAININGS,
                n=len(need),
                row_count=len({row for rs in need.values() for row in rs}),
            )
        )
    movers = [r for r in results if r.moves]
    if movers:
        movers.sort(key=lambda r: (not r.declining, -r.moves[0].overlap))
        items.append(_item(StepKind.CAREER_STEP, "mobility", tuple(r.row for r in movers)))
    tenure = {row.row: row.tenure_years for row in rows}
    rotation = [
        r
        for r in results
        if r.moves
        and r.moves[0].overlap >= JOB_ROTATION_MIN_OVERLAP
        and (tenure.get(r.row) or 0.0) >= JOB_ROTATION_MIN_TENURE
    ]
    if rotation:
        items.append(
            _item(
                StepKind.DISCUSS,
                "rotation",
                tuple(r.row for r in rotation),
                hook=SuggestionKind.INCENTIVES,
            )
        )
    second = [r for r in results if r.second_half]
    if second:
        items.append(_item(StepKind.DISCUSS, "second_half", tuple(r.row for r in second)))
    items.append(_item(StepKind.INCENTIVE, "support", hook=SuggestionKind.INCENTIVES))
    return items


def _item(
    kind: StepKind,
    key: str,
    rows: tuple[int, ...] = (),
    skills: tuple[SkillRef, ...] = (),
    hook: str = "",
    **params: int,
) -> PlanItem:
    """Plan item with the texts ``check.org_plan.<key>.title`` and ``….detail``."""
    return PlanItem(
        kind,
        message(f"check.org_plan.{key}.title"),
        message(f"check.org_plan.{key}.detail", **params),
        rows,
        skills,
        hook,
    )


def organisation_check(
    rows: Sequence[WorkforceRow],
    catalogue: OccupationCatalogue,
    forecast: ForecastSource,
    as_of: date,
    rules: CheckRules = DEFAULT_RULES,
    suggesters: ActionPlanRegistry | None = None,
) -> OrganisationCheck:
    """Run the organisation check on validated workforce rows; ``suggesters`` fill the plan
    (default none: empty extension points)."""
    suggesters = suggesters or ActionPlanRegistry()
    firm = list(dict.fromkeys(r.occupation.uri for r in rows))
    results = [_row_result(r, firm, catalogue, forecast, rules) for r in rows]
    groups: dict[str, list[RowResult]] = defaultdict(list)
    for result in results:
        groups[result.occupation.uri].append(result)
    summaries = []
    for uri, members in groups.items():
        measured = [m for m in members if m.coverage is not None]
        heads = sum(m.headcount for m in measured)
        summaries.append(
            GroupSummary(
                occupation=SkillRef(uri, catalogue.label(uri)),
                headcount=sum(m.headcount for m in members),
                rows=tuple(m.row for m in members),
                mean_coverage=round(
                    sum((m.coverage or 0.0) * m.headcount for m in measured) / heads, 4
                )
                if heads
                else None,
                declining=members[0].declining,
            )
        )
    summaries.sort(key=lambda g: (-g.headcount, g.occupation.label))
    plan = [
        fill_step(
            item,
            suggesters,
            StepContext(item.kind, [s.uri for s in item.skills], "", Preferences(), {}),
        )
        for item in _plan(results, rows, rules)
    ]
    status = forecast.status()
    notes = [] if status.loaded else [status.note]
    if not any(r.fit_measured for r in results):
        notes.append(
            "No row lists skills: fit and skills to build are not measured (add a 'skills' "
            "column with ESCO skill URIs)."
        )
    uncertain = [r.row for r in rows if r.occupation.uncertain]
    if uncertain:
        notes.append(
            "Occupation titles matched with low certainty on rows "
            + ", ".join(str(n) for n in uncertain)
            + ": please check them."
        )
    return OrganisationCheck(
        as_of=as_of,
        forecast=status,
        headcount=sum(r.headcount for r in rows),
        rows=tuple(results),
        groups=tuple(summaries),
        score=future_proof_score(results),
        plan=tuple(plan),
        notes=tuple(notes),
    )
