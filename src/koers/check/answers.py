"""Plain-Dutch answers to the questions of the report (PRODUCT.md §4, report 6.2 advice 3).

The questions: what is happening on the labour market; what will my job look like; is what I
do and like still needed; how do I stay employable; what do I want; which learning paths.
Every answer is built from the check's own findings, at B1 level (short sentences, everyday
words); where data are missing the answer says so instead of guessing.
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
from koers.portfolio import Preferences, SkillConfidence

QUESTIONS = {
    "labour_market": (
        "Wat gebeurt er op de arbeidsmarkt?",
        "What is happening on the labour market?",
    ),
    "my_job": ("Hoe ziet mijn job er later uit?", "What will my job look like?"),
    "still_needed": (
        "Is wat ik doe en graag doe nog nodig?",
        "Is what I do and like doing still needed?",
    ),
    "employable": ("Hoe blijf ik inzetbaar?", "How do I stay employable?"),
    "what_i_want": ("Wat wil ik?", "What do I want?"),
    "learning_paths": ("Welke leerwegen zijn er voor mij?", "Which learning paths fit me?"),
}

_OUTLOOK_NL = {
    Outlook.GROWING: "groeit",
    Outlook.STABLE: "blijft ongeveer gelijk",
    Outlook.DECLINING: "daalt",
}
_OUTLOOK_EN = {
    Outlook.GROWING: "grows",
    Outlook.STABLE: "stays about the same",
    Outlook.DECLINING: "declines",
}


def _pct(value: float | None) -> str:
    return f"{round((value or 0.0) * 100)}%"


def _market(fits: Sequence[OccupationFit], status: ForecastStatus) -> tuple[str, str]:
    if not status.loaded:
        return (
            "We hebben nog geen prognoses geladen. Daarom zeggen we hier nog niets over de "
            "vraag naar jouw beroepen. We verzinnen geen cijfers.",
            "No forecasts are loaded yet, so we say nothing about demand for your occupations "
            "here. We do not make up numbers.",
        )
    nl: list[str] = []
    en: list[str] = []
    for fit in fits:
        f = fit.forecast
        name = fit.occupation.label
        if f.outlook is not None:
            nl.append(f"De vraag naar '{name}' {_OUTLOOK_NL[f.outlook]}.")
            en.append(f"Demand for '{name}' {_OUTLOOK_EN[f.outlook]}.")
        if f.shortage:
            nl.append(f"'{name}' is een knelpuntberoep: werkgevers vinden moeilijk mensen.")
            en.append(f"'{name}' is a shortage occupation: employers struggle to hire.")
        if f.tension_ratio is not None:
            where_nl = f" (bron: {f.tension.source_nl})" if f.tension else ""
            where_en = f" (source: {f.tension.source_en})" if f.tension else ""
            ratio_nl = f"{f.tension_ratio:.2f}".replace(".", ",")
            nl.append(f"Er zijn {ratio_nl} werkzoekenden per vacature voor '{name}'{where_nl}.")
            en.append(
                f"There are {f.tension_ratio:.2f} jobseekers per vacancy for '{name}'{where_en}."
            )
    if not nl:
        nl.append("Voor jouw beroepen is er nog geen prognose.")
        en.append("There is no forecast for your occupations yet.")
    return " ".join(nl), " ".join(en)


def _my_job(fits: Sequence[OccupationFit], warnings: Sequence[WarningLight]) -> tuple[str, str]:
    current = next((f for f in fits if f.role is FitRole.CURRENT), None)
    if current is None:
        return (
            "Je gaf geen huidig of laatste beroep op. Voeg je werkervaring toe, dan kunnen we "
            "hier meer zeggen.",
            "You gave no current or last occupation. Add your work experience and we can say "
            "more here.",
        )
    name = current.occupation.label
    nl = [f"Voor '{name}' heb je {_pct(current.coverage)} van de basiscompetenties."]
    en = [f"For '{name}' you have {_pct(current.coverage)} of the essential skills."]
    if current.forecast.outlook is not None:
        nl.append(f"De vraag naar dit beroep {_OUTLOOK_NL[current.forecast.outlook]}.")
        en.append(f"Demand for this occupation {_OUTLOOK_EN[current.forecast.outlook]}.")
    codes = {w.code for w in warnings}
    if "declining_skills" in codes:
        nl.append("Sommige van je competenties worden minder gevraagd.")
        en.append("Some of your skills are in declining demand.")
    if current.stale:
        nl.append(f"{len(current.stale)} competenties van je beroep gebruikte je lang niet meer.")
        en.append(f"You have not used {len(current.stale)} skills of your occupation for long.")
    return " ".join(nl), " ".join(en)


def _still_needed(
    fits: Sequence[OccupationFit],
    prefs: Preferences,
    confidences: Mapping[str, SkillConfidence],
    rules: CheckRules,
) -> tuple[str, str]:
    held = sum(1 for c in confidences.values() if c.confidence >= rules.covered_min)
    stale = sum(1 for c in confidences.values() if c.stale)
    nl = [f"Je portfolio toont {held} competenties die je nu goed kan gebruiken."]
    en = [f"Your portfolio shows {held} skills you can use well today."]
    if stale:
        nl.append(
            f"{stale} competenties zijn verouderd: je gebruikte ze meer dan "
            f"{int(rules.stale_years)} jaar niet."
        )
        en.append(f"{stale} skills are stale: unused for more than {int(rules.stale_years)} years.")
    if prefs.likes:
        nl.append(
            "Wat je graag doet, staat in je wensen. Kijk bij je doelberoepen of dat erin zit."
        )
        en.append("What you like doing is in your wishes. Check whether your targets include it.")
    declining = [f for f in fits if f.forecast.outlook is Outlook.DECLINING]
    if declining:
        nl.append(
            "Let op: de vraag naar "
            + ", ".join(f"'{f.occupation.label}'" for f in declining)
            + " daalt."
        )
        en.append(
            "Note: demand for "
            + ", ".join(f"'{f.occupation.label}'" for f in declining)
            + " declines."
        )
    return " ".join(nl), " ".join(en)


def _employable(warnings: Sequence[WarningLight], plan: Sequence[ActionStep]) -> tuple[str, str]:
    if not warnings:
        nl = ["Er brandt geen waarschuwingslampje. Blijf leren en houd je portfolio bij."]
        en = ["No warning light is on. Keep learning and keep your portfolio up to date."]
    else:
        nl = [f"Er branden {len(warnings)} waarschuwingslampjes."]
        en = [f"{len(warnings)} warning lights are on."]
    if plan:
        nl.append(f"Begin met deze stap: {plan[0].title_nl.lower()}.")
        en.append(f"Start with this step: {plan[0].title_en.lower()}.")
    return " ".join(nl), " ".join(en)


def _want(prefs: Preferences, fits: Sequence[OccupationFit]) -> tuple[str, str]:
    targets = [f.occupation.label for f in fits if f.role is FitRole.TARGET]
    nl: list[str] = []
    en: list[str] = []
    if targets:
        nl.append("Je doelberoepen: " + ", ".join(targets) + ".")
        en.append("Your target occupations: " + ", ".join(targets) + ".")
    if prefs.interests:
        nl.append("Je interesses: " + ", ".join(prefs.interests) + ".")
        en.append("Your interests: " + ", ".join(prefs.interests) + ".")
    if prefs.hours_per_week is not None:
        nl.append(f"Je wil ongeveer {prefs.hours_per_week:g} uur per week werken.")
        en.append(f"You want to work about {prefs.hours_per_week:g} hours a week.")
    if prefs.region:
        nl.append(f"Je zoekt werk in de buurt van {prefs.region}.")
        en.append(f"You look for work near {prefs.region}.")
    if not nl:
        nl.append(
            "Je gaf nog geen wensen op. Vul in wat je graag doet, hoeveel uur je wil "
            "werken en waar. Een interessetest kan helpen."
        )
        en.append(
            "You gave no wishes yet. Say what you like doing, how many hours you want "
            "to work and where. An interest quiz can help."
        )
    return " ".join(nl), " ".join(en)


def _learning(fits: Sequence[OccupationFit], plan: Sequence[ActionStep]) -> tuple[str, str]:
    gaps = {r.uri: r for f in fits for r in (*f.missing, *f.stale)}
    trainings = [s for s in plan if s.hook == "trainings"]
    if not gaps:
        return (
            "Voor je huidige en doelberoepen mis je geen basiscompetenties. Leren blijft wel "
            "nuttig om bij te blijven.",
            "You miss no essential skills for your current and target occupations. Learning "
            "still helps you keep up.",
        )
    names = ", ".join(r.label for r in list(gaps.values())[:5])
    nl = [f"Je kan vooral leren over: {names}."]
    en = [f"You can learn most about: {names}."]
    if trainings and not any(s.hook_available for s in trainings):
        nl.append("Concrete opleidingen tonen we zodra de opleidingscatalogus gekoppeld is.")
        en.append("Concrete courses appear once the training catalogue is connected.")
    return " ".join(nl), " ".join(en)


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
    return [
        Answer(key, QUESTIONS[key][0], QUESTIONS[key][1], nl, en) for key, (nl, en) in texts.items()
    ]
