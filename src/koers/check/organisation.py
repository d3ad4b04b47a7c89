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


def _options(
    row: WorkforceRow, missing: int, moves: tuple[InternalMove, ...]
) -> tuple[CareerOption, ...]:
    hours = f" (nu {row.contract_hours:g} uur per week)" if row.contract_hours else ""
    hours_en = f" (now {row.contract_hours:g} hours a week)" if row.contract_hours else ""
    return (
        CareerOption(
            "same_work",
            "Hetzelfde werk blijven doen",
            "Keep doing the same work",
            f"Met opleiding voor de {missing} competenties die nog ontbreken."
            if missing
            else "Bespreek wat nodig is om het werk vol te houden (werkbaar werk).",
            f"With training for the {missing} missing skills."
            if missing
            else "Discuss what is needed to keep the work doable.",
        ),
        CareerOption(
            "fewer_hours",
            "Minder uren werken",
            "Work fewer hours",
            f"Bespreek deeltijds werken of een landingsbaan{hours}. Welke regeling geldt, "
            "hangt af van leeftijd en loopbaan.",
            f"Discuss part-time work or an end-of-career scheme{hours_en}. Which scheme applies "
            "depends on age and career.",
        ),
        CareerOption(
            "lighter_work",
            "Lichter werk",
            "Lighter work",
            "Andere functies in je organisatie die al veel van dezelfde competenties vragen; "
            "of ze lichter zijn, bespreek je samen."
            if moves
            else "Er is geen andere functie in het bestand met genoeg dezelfde competenties; "
            "bespreek aanpassingen van de taken.",
            "Other roles in the organisation that ask many of the same skills; whether they "
            "are lighter is for the conversation."
            if moves
            else "No other role in the file shares enough skills; discuss adapting the tasks.",
            moves,
        ),
        CareerOption(
            "work_elsewhere",
            "Ander werk buiten de organisatie",
            "Work elsewhere",
            "Een overstap naar een ander beroep of een andere werkgever (werk-naar-werk), met "
            "loopbaanbegeleiding.",
            "A move to another occupation or employer (work-to-work), with career guidance.",
        ),
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
            PlanItem(
                StepKind.TRAINING,
                "Opleiding voor de competenties die ontbreken",
                "Training for the missing skills",
                f"{len(need)} competenties om op te bouwen, voor "
                f"{len({row for rs in need.values() for row in rs})} rijen.",
                f"{len(need)} skills to build, for "
                f"{len({row for rs in need.values() for row in rs})} rows.",
                tuple(sorted({row for s in top for row in need[s]})),
                tuple(SkillRef(s, labels[s]) for s in top),
                SuggestionKind.TRAININGS,
            )
        )
    movers = [r for r in results if r.moves]
    if movers:
        movers.sort(key=lambda r: (not r.declining, -r.moves[0].overlap))
        items.append(
            PlanItem(
                StepKind.CAREER_STEP,
                "Interne mobiliteit: functies die al goed passen",
                "Internal mobility: roles that already fit well",
                "Medewerkers die met weinig opleiding een andere functie in je organisatie "
                "kunnen doen. Wie in een beroep met dalende vraag zit, staat eerst.",
                "Employees who could take another role in your organisation with little "
                "training; those in occupations with declining demand first.",
                tuple(r.row for r in movers),
            )
        )
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
            PlanItem(
                StepKind.DISCUSS,
                "Kandidaten voor jobrotatie",
                "Job rotation candidates",
                "Zij kunnen doorgroeien naar een andere functie; een werkzoekende kan hun "
                "plaats (deels) innemen tijdens de opleiding (jobrotatie, report 7.2 advies 3). "
                "Of er een premie is, vult de rechtenmodule aan.",
                "They could grow into another role while a jobseeker takes over part of their "
                "work during training (job rotation, report 7.2 advice 3). Whether a subsidy "
                "applies is filled in by the rights module.",
                tuple(r.row for r in rotation),
                hook=SuggestionKind.INCENTIVES,
            )
        )
    second = [r for r in results if r.second_half]
    if second:
        items.append(
            PlanItem(
                StepKind.DISCUSS,
                "Loopbaangesprek met medewerkers in hun tweede loopbaanhelft",
                "Career conversation with employees in the second half of their career",
                "Bespreek het menu: hetzelfde werk, minder uren, lichter werk of ander werk "
                "(report 7.2 advies 4).",
                "Discuss the menu: same work, fewer hours, lighter work or other work "
                "(report 7.2 advice 4).",
                tuple(r.row for r in second),
            )
        )
    items.append(
        PlanItem(
            StepKind.INCENTIVE,
            "Steun voor opleiding en advies",
            "Support for training and advice",
            "Voor opleiding en advies bestaan steunmaatregelen, zoals de KMO-portefeuille. Of "
            "je organisatie er recht op heeft en hoeveel, vult de rechtenmodule aan.",
            "Support exists for training and advice, such as the KMO-portefeuille. Whether "
            "your organisation is entitled, and to how much, is filled in by the rights module.",
            hook=SuggestionKind.INCENTIVES,
        )
    )
    return items


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
