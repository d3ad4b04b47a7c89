"""The citizen competence check (competentiecheck voor burgers, report 6.2 advice 3).

Open to everyone (working, job-seeking, inactive, self-employed, student): a portfolio goes
in, optionally with the current or last occupation, target occupations and preferences
("willen"); out comes the fit with those occupations, their forecast position, warning lights
with their reasons, plain-Dutch answers to the report's questions and an ordered action plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from koers.check.answers import answers
from koers.check.model import (
    ActionStep,
    CitizenCheck,
    FitRole,
    Light,
    OccupationFit,
    Outlook,
    SkillRef,
    StepKind,
    SuggestionKind,
    WarningLight,
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
from koers.portfolio import (
    LEARNING_EVIDENCE,
    ActorType,
    HistoryEntry,
    HistoryKind,
    Portfolio,
    PortfolioInvalid,
    Preferences,
    SkillConfidence,
    skill_confidences,
)
from koers.portfolio.confidence import years_between

LEARNING_ACTORS = frozenset({ActorType.SCHOOL, ActorType.TRAINING_PROVIDER})


def validate_uris(
    portfolio: Portfolio, catalogue: OccupationCatalogue, extra_occupations: Sequence[str] = ()
) -> None:
    """Every URI of the portfolio must be in the loaded taxonomy.

    Raises:
        PortfolioInvalid: listing each unknown skill or occupation URI with its place.
    """
    problems: list[str] = []
    for i, claim in enumerate(portfolio.claims):
        if not catalogue.knows(claim.skill_uri):
            problems.append(f"claims[{i}].skill: unknown ESCO skill '{claim.skill_uri}'")
    for i, entry in enumerate(portfolio.history):
        if entry.occupation_uri and catalogue.profile(entry.occupation_uri) is None:
            problems.append(f"history[{i}].occupation: unknown ESCO occupation")
        for j, skill in enumerate(entry.skills):
            if not catalogue.knows(skill):
                problems.append(f"history[{i}].skills[{j}]: unknown ESCO skill '{skill}'")
    occupations = [("current_occupation", portfolio.current_occupation)] + [
        (f"targets[{i}]", t) for i, t in enumerate(portfolio.targets)
    ]
    occupations += [(f"occupation option {i + 1}", o) for i, o in enumerate(extra_occupations)]
    for where, uri in occupations:
        if uri and catalogue.profile(uri) is None:
            problems.append(f"{where}: unknown ESCO occupation '{uri}'")
    if problems:
        raise PortfolioInvalid("portfolio", problems)


def current_job(portfolio: Portfolio) -> HistoryEntry | None:
    """The ongoing job (latest start), else the job that ended last."""
    jobs = [j for j in portfolio.jobs if j.occupation_uri]
    if not jobs:
        return None
    ongoing = [j for j in jobs if j.end is None]
    if ongoing:
        return max(ongoing, key=lambda j: j.start or date.min)
    return max(jobs, key=lambda j: (j.end or date.min, j.start or date.min))


def _ref(uri: str, catalogue: OccupationCatalogue, conf: SkillConfidence | None = None) -> SkillRef:
    return SkillRef(
        uri=uri,
        label=catalogue.label(uri),
        confidence=conf.confidence if conf else 0.0,
        years_unused=conf.years_unused if conf else None,
    )


def occupation_fit(
    role: FitRole,
    occupation_uri: str,
    confidences: Mapping[str, SkillConfidence],
    catalogue: OccupationCatalogue,
    forecast: ForecastSource,
    rules: CheckRules = DEFAULT_RULES,
) -> OccupationFit:
    """Covered, missing and stale essential skills of one occupation."""
    essentials = sorted(catalogue.essential_skills(occupation_uri))
    covered: list[SkillRef] = []
    missing: list[SkillRef] = []
    stale: list[SkillRef] = []
    inferred: list[SkillRef] = []
    for skill in essentials:
        conf = confidences.get(skill)
        if conf is None:
            missing.append(_ref(skill, catalogue))
        elif conf.confidence >= rules.covered_min and not conf.stale:
            ref = _ref(skill, catalogue, conf)
            covered.append(ref)
            if conf.inferred_only:
                inferred.append(ref)
        else:
            stale.append(_ref(skill, catalogue, conf))
    covered.sort(key=lambda r: (-r.confidence, r.label))
    missing.sort(key=lambda r: r.label.lower())
    stale.sort(key=lambda r: (-(r.years_unused or 0.0), r.label))
    return OccupationFit(
        role=role,
        occupation=SkillRef(occupation_uri, catalogue.label(occupation_uri)),
        essential_total=len(essentials),
        coverage=round(len(covered) / len(essentials), 4) if essentials else None,
        covered=tuple(covered),
        missing=tuple(missing),
        stale=tuple(stale),
        inferred_only=tuple(inferred),
        forecast=forecast.occupation(occupation_uri),
    )


def last_learning(portfolio: Portfolio, as_of: date) -> date | None:
    """Latest learning moment: a learning entry, or a diploma/certificate/course claim, or a
    claim from a school or training provider (by its date acquired)."""
    dates: list[date] = []
    for entry in portfolio.history:
        if entry.kind is HistoryKind.LEARNING:
            moment = entry.end or entry.start
            if entry.end is None and entry.start is not None:
                moment = as_of
            if moment is not None:
                dates.append(min(moment, as_of))
    for claim in portfolio.claims:
        if claim.evidence.type in LEARNING_EVIDENCE or claim.source.actor_type in LEARNING_ACTORS:
            moment = claim.acquired or claim.last_used
            if moment is not None:
                dates.append(min(moment, as_of))
    return max(dates) if dates else None


def tenure_years(portfolio: Portfolio, occupation_uri: str, as_of: date) -> float:
    """Years worked in one occupation, over all its job entries (overlaps counted once)."""
    spans = sorted(
        (j.start, min(j.end or as_of, as_of))
        for j in portfolio.jobs
        if j.occupation_uri == occupation_uri and j.start is not None and j.start <= as_of
    )
    total = 0.0
    cursor: date | None = None
    for start, end in spans:
        if cursor is not None and start < cursor:
            start = cursor
        if end > start:
            total += years_between(start, end)
            cursor = end if cursor is None else max(cursor, end)
    return total


def _warnings(
    portfolio: Portfolio,
    confidences: Mapping[str, SkillConfidence],
    fits: Sequence[OccupationFit],
    catalogue: OccupationCatalogue,
    forecast: ForecastSource,
    current: str,
    as_of: date,
    rules: CheckRules,
) -> list[WarningLight]:
    lights: list[WarningLight] = []
    for fit in fits:
        if fit.forecast.outlook is Outlook.DECLINING:
            name = fit.occupation.label
            if fit.role is FitRole.CURRENT:
                lights.append(
                    WarningLight(
                        "declining_occupation",
                        Light.RED,
                        message("check.warning.declining_occupation", occupation=name),
                        (fit.occupation.uri,),
                    )
                )
            else:
                lights.append(
                    WarningLight(
                        "declining_target",
                        Light.ORANGE,
                        message("check.warning.declining_target", occupation=name),
                        (fit.occupation.uri,),
                    )
                )
    held = [c for c in confidences.values() if c.confidence >= rules.covered_min]
    if forecast.status().loaded:
        declining = [
            c.skill_uri for c in held if forecast.skill(c.skill_uri).outlook is Outlook.DECLINING
        ]
        if declining:
            lights.append(
                WarningLight(
                    "declining_skills",
                    Light.ORANGE,
                    message("check.warning.declining_skills", n=len(declining)),
                    tuple(declining[: rules.max_listed_skills]),
                )
            )
    stale = [c for c in confidences.values() if c.stale]
    stale.sort(key=lambda c: -(c.years_unused or 0.0))
    stale_current = next((len(f.stale) for f in fits if f.role is FitRole.CURRENT and f.stale), 0)
    if stale_current or len(stale) >= 5:
        years = int(rules.stale_years)
        lights.append(
            WarningLight(
                "stale_skills",
                Light.ORANGE,
                message(
                    "check.warning.stale_skills_current",
                    n=len(stale),
                    years=years,
                    current=stale_current,
                )
                if stale_current
                else message("check.warning.stale_skills", n=len(stale), years=years),
                tuple(c.skill_uri for c in stale[: rules.max_listed_skills]),
            )
        )
    if current:
        tenure = tenure_years(portfolio, current, as_of)
        if tenure >= rules.long_tenure_years:
            lights.append(
                WarningLight(
                    "long_tenure",
                    Light.ORANGE,
                    message("check.warning.long_tenure", years=int(tenure)),
                    (f"{tenure:.1f} years",),
                )
            )
    learned = last_learning(portfolio, as_of)
    if learned is None or years_between(learned, as_of) > rules.no_learning_years:
        lights.append(
            WarningLight(
                "no_recent_learning",
                Light.ORANGE,
                message("check.warning.no_learning")
                if learned is None
                else message(
                    "check.warning.old_learning",
                    year=learned.year,
                    years=int(rules.no_learning_years),
                ),
                (learned.isoformat(),) if learned else (),
            )
        )
    jobs = [j for j in portfolio.jobs if j.occupation_uri and j.start is not None]
    if len(jobs) >= 2:
        groups = set()
        for job in jobs:
            profile = catalogue.profile(job.occupation_uri)
            if profile is not None and profile.isco_group:
                groups.add(profile.isco_group[0])
        first = min(j.start for j in jobs if j.start is not None)
        span = years_between(first, as_of)
        if len(groups) == 1 and span >= rules.single_field_years:
            lights.append(
                WarningLight(
                    "single_field_career",
                    Light.ORANGE,
                    message("check.warning.single_field_career", years=int(span)),
                    (f"ISCO {next(iter(groups))}",),
                )
            )
    return lights


def _fill(
    step: ActionStep,
    suggesters: ActionPlanRegistry,
    preferences: Preferences,
    confidences: Mapping[str, SkillConfidence],
    occupation_uri: str,
) -> ActionStep:
    context = StepContext(
        kind=step.kind,
        skills=[s.uri for s in step.skills],
        occupation_uri=occupation_uri,
        preferences=preferences,
        confidences={k: v.confidence for k, v in confidences.items()},
    )
    return fill_step(step, suggesters, context)


def _plan(
    fits: Sequence[OccupationFit],
    warnings: Sequence[WarningLight],
    preferences: Preferences,
    has_targets: bool,
    rules: CheckRules,
) -> list[ActionStep]:
    steps: list[ActionStep] = []
    codes = {w.code for w in warnings}
    limit = rules.max_listed_skills

    def add(
        kind: StepKind,
        step: str,
        reason: Message,
        skills: Sequence[SkillRef] = (),
        hook: str = "",
        **title: str,
    ) -> None:
        """A step whose title is ``check.step.<step>.title`` (with ``title`` parameters)."""
        steps.append(
            ActionStep(
                len(steps) + 1,
                kind,
                message(f"check.step.{step}.title", **title),
                reason,
                tuple(skills[:limit]),
                hook,
            )
        )

    current = next((f for f in fits if f.role is FitRole.CURRENT), None)
    if current is not None and current.stale:
        add(
            StepKind.TRAINING,
            "refresh",
            message("check.step.refresh.reason", n=len(current.stale)),
            current.stale,
            SuggestionKind.TRAININGS,
            occupation=current.occupation.label,
        )
    if codes & {"declining_occupation", "long_tenure", "single_field_career"}:
        add(
            StepKind.CAREER_STEP,
            "other_occupations",
            message("check.step.other_occupations.reason"),
            hook=SuggestionKind.CAREER_STEPS,
        )
    for fit in fits:
        if fit.role is FitRole.TARGET and (fit.missing or fit.stale):
            gaps = list(fit.missing) + list(fit.stale)
            add(
                StepKind.TRAINING,
                "learn_missing",
                message("check.step.learn_missing.reason", n=len(gaps), total=fit.essential_total),
                gaps,
                SuggestionKind.TRAININGS,
                occupation=fit.occupation.label,
            )
    unconfirmed: dict[str, SkillRef] = {}
    for fit in fits:
        for ref in fit.inferred_only:
            unconfirmed.setdefault(ref.uri, ref)
    if unconfirmed:
        add(
            StepKind.PORTFOLIO,
            "confirm",
            message("check.step.confirm.reason", n=len(unconfirmed)),
            list(unconfirmed.values()),
        )
    if not has_targets and preferences.is_empty():
        add(
            StepKind.GUIDANCE,
            "think",
            message("check.step.think.reason"),
            hook=SuggestionKind.CAREER_STEPS,
        )
    red = any(w.level is Light.RED for w in warnings)
    if red or len(warnings) >= 2:
        add(
            StepKind.GUIDANCE,
            "coach",
            message("check.lights_on", n=len(warnings)),
            hook=SuggestionKind.INCENTIVES,
        )
    if any(s.kind is StepKind.TRAINING for s in steps):
        add(
            StepKind.INCENTIVE,
            "support",
            message("check.step.support.reason"),
            hook=SuggestionKind.INCENTIVES,
        )
    if not steps:
        add(StepKind.DISCUSS, "keep_up", message("check.step.keep_up.reason"))
    return steps


def citizen_check(
    portfolio: Portfolio,
    catalogue: OccupationCatalogue,
    forecast: ForecastSource,
    as_of: date,
    current: str | None = None,
    targets: Sequence[str] | None = None,
    preferences: Preferences | None = None,
    rules: CheckRules = DEFAULT_RULES,
    suggesters: ActionPlanRegistry | None = None,
) -> CitizenCheck:
    """Run the citizen competence check.

    Args:
        portfolio: the citizen's portfolio.
        catalogue: occupations and skills of the loaded taxonomy.
        forecast: outlooks; :class:`~koers.check.ports.NoForecast` when none is loaded.
        as_of: the reference date.
        current: current or last occupation; default: the portfolio's, else its latest job.
        targets: target occupations; default: the portfolio's.
        preferences: the "willen" component; default: the portfolio's.
        rules: thresholds.
        suggesters: fillers of the action plan; default none (empty extension points).

    Raises:
        PortfolioInvalid: the portfolio names skills or occupations the taxonomy lacks.
    """
    suggesters = suggesters or ActionPlanRegistry()
    validate_uris(portfolio, catalogue, [current or "", *(targets or ())])
    confidences = skill_confidences(portfolio, catalogue, as_of)
    job = current_job(portfolio)
    current_uri = current or portfolio.current_occupation or (job.occupation_uri if job else "")
    target_uris = [t for t in dict.fromkeys(targets or portfolio.targets) if t != current_uri]
    prefs = preferences or portfolio.preferences
    fits: list[OccupationFit] = []
    if current_uri:
        fits.append(
            occupation_fit(FitRole.CURRENT, current_uri, confidences, catalogue, forecast, rules)
        )
    fits.extend(
        occupation_fit(FitRole.TARGET, t, confidences, catalogue, forecast, rules)
        for t in target_uris
    )
    warnings = _warnings(
        portfolio, confidences, fits, catalogue, forecast, current_uri, as_of, rules
    )
    plan = [
        _fill(step, suggesters, prefs, confidences, current_uri)
        for step in _plan(fits, warnings, prefs, bool(target_uris), rules)
    ]
    status = forecast.status()
    notes = [] if status.loaded else [status.note]
    if not current_uri:
        notes.append("No current or last occupation given: the fit with it is not computed.")
    return CitizenCheck(
        as_of=as_of,
        sample=portfolio.sample,
        forecast=status,
        fits=tuple(fits),
        warnings=tuple(warnings),
        answers=tuple(answers(fits, warnings, prefs, confidences, status, plan, rules)),
        plan=tuple(plan),
        skills_total=sum(1 for c in confidences.values() if c.confidence >= rules.covered_min),
        skills_stale=sum(1 for c in confidences.values() if c.stale),
        notes=tuple(notes),
    )
