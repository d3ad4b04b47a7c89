"""Texts of the competence checks added for forecast position and the employer space details
(B1 Dutch first). Kept apart from ``citizen.py`` and ``employer.py`` so spaces edit their own."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "check.outlook": {"nl": "Vooruitzicht", "en": "Outlook"},
    "check.outlook.growing": {"nl": "de vraag groeit", "en": "demand grows"},
    "check.outlook.stable": {
        "nl": "de vraag blijft ongeveer gelijk",
        "en": "demand stays about the same",
    },
    "check.outlook.declining": {"nl": "de vraag daalt", "en": "demand declines"},
    "check.unknown": {"nl": "onbekend", "en": "unknown"},
    "check.tension": {
        "nl": "Spanning (werkzoekenden per vacature)",
        "en": "Tension (jobseekers per vacancy)",
    },
    "check.tension_value": {
        "nl": "{ratio} werkzoekenden per vacature",
        "en": "{ratio} jobseekers per vacancy",
    },
    "check.tension_low": {
        "nl": "Minder dan 1: er zijn meer vacatures dan werkzoekenden.",
        "en": "Below 1: there are more vacancies than jobseekers.",
    },
    "check.tension_source": {"nl": "Bron: {source}.", "en": "Source: {source}."},
    "check.tension_titles": {"nl": "VDAB-beroep: {titles}.", "en": "VDAB occupation: {titles}."},
    "check.shortage": {"nl": "Knelpuntberoep", "en": "Shortage occupation"},
    "check.yes": {"nl": "ja", "en": "yes"},
    "check.groups": {"nl": "Per beroep", "en": "Per occupation"},
    "check.col.people": {"nl": "Mensen", "en": "People"},
    "check.col.mean_fit": {"nl": "Past gemiddeld", "en": "Mean fit"},
    "check.col.to_build": {"nl": "Op te bouwen", "en": "To build"},
    "check.hook_missing": {
        "nl": "Concrete voorstellen volgen zodra die module van Koers klaar is.",
        "en": "Concrete offers follow once that Koers module is ready.",
    },
    "check.sample_forecast": {
        "nl": "Let op: de vooruitzichten hieronder komen uit voorbeeldcijfers, niet uit een echte "
        "prognose. Ze tonen hoe de check werkt. Beslis er niets mee.",
        "en": "Note: the outlooks below come from sample numbers, not from a real forecast. "
        "They show how the check works. Do not base decisions on them.",
    },
}
