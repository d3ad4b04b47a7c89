"""Texts of the coach space: my clients, a client's portfolio and check (B1 Dutch first)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "coach.nav": {"nl": "Voor coaches", "en": "For coaches"},
    "coach.title": {"nl": "Mijn cliënten", "en": "My clients"},
    "coach.intro": {
        "nl": "Hier zie je wie jou toestemming gaf. Je ziet alleen wat iemand met jou deelt, "
        "en alleen tot de einddatum. Elke keer dat je kijkt, wordt bewaard.",
        "en": "Here you see who gave you consent. You only see what someone shares with you, "
        "and only until the end date. Every time you look is recorded.",
    },
    "coach.clients": {"nl": "Cliënten met toestemming", "en": "Clients with consent"},
    "coach.none": {
        "nl": "Nog niemand gaf jou toestemming.",
        "en": "Nobody has given you consent yet.",
    },
    "coach.reference": {"nl": "Cliënt {ref}", "en": "Client {ref}"},
    "coach.col.client": {"nl": "Cliënt", "en": "Client"},
    "coach.col.parts": {"nl": "Gedeeld", "en": "Shared"},
    "coach.col.until": {"nl": "Tot en met", "en": "Until"},
    "coach.col.skill": {"nl": "Vaardigheid", "en": "Skill"},
    "coach.col.confidence": {"nl": "Zekerheid", "en": "Confidence"},
    "coach.col.sources": {"nl": "Waarom (bronnen)", "en": "Why (sources)"},
    "coach.stale": {"nl": "lang niet gebruikt", "en": "not used for a long time"},
    "coach.client.title": {"nl": "Cliënt", "en": "Client"},
    "coach.client.heading": {"nl": "Gegevens van {name}", "en": "Data of {name}"},
    "coach.client.shared": {
        "nl": "Je mag dit zien tot en met {until}.",
        "en": "You may see this until {until}.",
    },
    "coach.client.skills": {"nl": "Vaardigheden", "en": "Skills"},
    "coach.client.no_skills": {
        "nl": "Deze cliënt heeft nog geen vaardigheden bewaard.",
        "en": "This client has not stored any skills yet.",
    },
    "coach.client.check": {"nl": "Competentiecheck", "en": "Competence check"},
    "coach.client.sample": {
        "nl": "Let op: deze check gebruikt voorbeeldgegevens.",
        "en": "Note: this check uses sample data.",
    },
    "coach.client.fits": {"nl": "Past bij deze beroepen", "en": "Fits these occupations"},
    "coach.client.no_fits": {"nl": "Geen beroepen gevonden.", "en": "No occupations found."},
    "coach.client.warnings": {"nl": "Aandachtspunten", "en": "Points of attention"},
    "coach.client.no_warnings": {"nl": "Geen aandachtspunten.", "en": "No points of attention."},
    "coach.client.no_check": {
        "nl": "De cliënt deelt de check niet met jou.",
        "en": "The client does not share the check with you.",
    },
}
