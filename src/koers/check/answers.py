"""Plain-language answers to the questions of the report (PRODUCT.md §4, report 6.2 advice 3).

The questions: what is happening on the labour market; what will my job look like; is what I
do and like still needed; how do I stay employable; what do I want; which learning paths.
Every answer is built from the check's own findings, at B1 level (short sentences, everyday
words); where data are missing the answer says so instead of guessing. Each answer is a list
of sentences as catalogue messages; the edge puts them in words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from koers.check.model import (
    ActionStep,
    Answer,
    FitRole,
    ForecastStatus,
    OccupationFit,
    Outlook,
    WarningLight,
)
from koers.check.rules import CheckRules
from koers.messages import Message, message
from koers.portfolio import Preferences, SkillConfidence

QUESTIONS = (
    "labour_market",
    "my_job",
    "still_needed",
    "employable",
    "what_i_want",
    "learning_paths",
)
"""The report's questions in its order; the question itself is ``check.question.<key>``."""


def _outlook(outlook: Outlook) -> Message:
    return message(f"check.answer.outlook.{outlook.value}")


def _decimal(value: float) -> Message:
    """A number with two decimals; the catalogue sets the decimal sign (0,22 in Dutch)."""
    units, _, decimals = f"{value:.2f}".partition(".")
    return message("check.decimal", units=units, decimals=decimals)


def _inline(title: Message) -> Message:
    """A step title inside a sentence (in lower case, with its occupation): a catalogue text of
    its own (``<title id>_inline``), so each language decides how a title reads mid-sentence."""
    params = tuple((k, v.lower() if isinstance(v, str) else v) for k, v in title.params)
    return Message(f"{title.code}_inline", params)


Sentences = list[Message]


def _market(fits: Sequence[OccupationFit], status: ForecastStatus) -> Sentences:
    if not status.loaded:
        return [message("check.answer.no_forecast")]
    out: Sentences = []
    for fit in fits:
        f = fit.forecast
        name = fit.occupation.label
        if f.outlook is not None:
            out.append(message("check.answer.demand", occupation=name, outlook=_outlook(f.outlook)))
        if f.shortage:
            out.append(message("check.answer.shortage", occupation=name))
        if f.tension_ratio is not None:
            ratio = _decimal(f.tension_ratio)
            out.append(
                message(
                    "check.answer.tension_source",
                    ratio=ratio,
                    occupation=name,
                    source=f.tension.source,
                )
                if f.tension
                else message("check.answer.tension", ratio=ratio, occupation=name)
            )
    return out or [message("check.answer.no_outlook")]


def _my_job(fits: Sequence[OccupationFit], warnings: Sequence[WarningLight]) -> Sentences:
    current = next((f for f in fits if f.role is FitRole.CURRENT), None)
    if current is None:
        return [message("check.answer.no_current")]
    out = [
        message(
            "check.answer.coverage",
            occupation=current.occupation.label,
            pct=round((current.coverage or 0.0) * 100),
        )
    ]
    if current.forecast.outlook is not None:
        out.append(
            message("check.answer.demand_current", outlook=_outlook(current.forecast.outlook))
        )
    if "declining_skills" in {w.code for w in warnings}:
        out.append(message("check.answer.declining_skills"))
    if current.stale:
        out.append(message("check.answer.stale_current", n=len(current.stale)))
    return out


def _still_needed(
    fits: Sequence[OccupationFit],
    prefs: Preferences,
    confidences: Mapping[str, SkillConfidence],
    rules: CheckRules,
) -> Sentences:
    held = sum(1 for c in confidences.values() if c.confidence >= rules.covered_min)
    stale = sum(1 for c in confidences.values() if c.stale)
    out = [message("check.answer.held", n=held)]
    if stale:
        out.append(message("check.answer.stale", n=stale, years=int(rules.stale_years)))
    if prefs.likes:
        out.append(message("check.answer.likes"))
    declining = [f for f in fits if f.forecast.outlook is Outlook.DECLINING]
    if declining:
        names = ", ".join(f"'{f.occupation.label}'" for f in declining)
        out.append(message("check.answer.declining", occupations=names))
    return out


def _employable(warnings: Sequence[WarningLight], plan: Sequence[ActionStep]) -> Sentences:
    out = [
        message("check.lights_on", n=len(warnings))
        if warnings
        else message("check.answer.no_lights")
    ]
    if plan:
        out.append(message("check.answer.first_step", step=_inline(plan[0].title)))
    return out


def _want(prefs: Preferences, fits: Sequence[OccupationFit]) -> Sentences:
    targets = [f.occupation.label for f in fits if f.role is FitRole.TARGET]
    out: Sentences = []
    if targets:
        out.append(message("check.answer.targets", occupations=", ".join(targets)))
    if prefs.interests:
        out.append(message("check.answer.interests", interests=", ".join(prefs.interests)))
    if prefs.hours_per_week is not None:
        out.append(message("check.answer.hours", hours=f"{prefs.hours_per_week:g}"))
    if prefs.region:
        out.append(message("check.answer.region", region=prefs.region))
    return out or [message("check.answer.no_wishes")]


def _learning(fits: Sequence[OccupationFit], plan: Sequence[ActionStep]) -> Sentences:
    gaps = {r.uri: r for f in fits for r in (*f.missing, *f.stale)}
    trainings = [s for s in plan if s.hook == "trainings"]
    if not gaps:
        return [message("check.answer.no_gaps")]
    names = ", ".join(r.label for r in list(gaps.values())[:5])
    out = [message("check.answer.learn_about", skills=names)]
    if trainings and not any(s.hook_available for s in trainings):
        out.append(message("check.answer.no_catalogue"))
    return out


def answers(
    fits: Sequence[OccupationFit],
    warnings: Sequence[WarningLight],
    prefs: Preferences,
    confidences: Mapping[str, SkillConfidence],
    status: ForecastStatus,
    plan: Sequence[ActionStep],
    rules: CheckRules,
) -> list[Answer]:
    """The six answers, in the report's order."""
    texts = {
        "labour_market": _market(fits, status),
        "my_job": _my_job(fits, warnings),
        "still_needed": _still_needed(fits, prefs, confidences, rules),
        "employable": _employable(warnings, plan),
        "what_i_want": _want(prefs, fits),
        "learning_paths": _learning(fits, plan),
    }
    return [Answer(key, message(f"check.question.{key}"), tuple(texts[key])) for key in QUESTIONS]
