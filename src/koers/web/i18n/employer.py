"""Texts of the employer space: the organisation competence check (B1 Dutch first)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "employer.nav.check": {"nl": "Check voor werkgevers", "en": "Check for employers"},
    "employer.title": {"nl": "Competentiecheck voor je organisatie", "en": "Organisation check"},
    "employer.intro": {
        "nl": "Laad een lijst van je medewerkers of groepen op. Je ziet wie past bij zijn of "
        "haar beroep, wat je kan opbouwen, wie intern kan doorschuiven en een plan voor "
        "werkbaar werk. Het bestand wordt niet bewaard.",
        "en": "Upload a list of your employees or groups. You see who fits their occupation, "
        "what to build, who could move internally and a plan for sustainable work. The file is "
        "not stored.",
    },
    "employer.privacy": {
        "nl": "Zet geen namen in het bestand: gebruik een nummer (W001) of een groep.",
        "en": "Put no names in the file: use a number (W001) or a group.",
    },
    "employer.template": {"nl": "Download het lege sjabloon", "en": "Download the empty template"},
    "employer.example": {
        "nl": "Download een ingevuld voorbeeld (fictief)",
        "en": "Download a filled-in sample (fictitious)",
    },
    "employer.file": {
        "nl": "Personeelsbestand (CSV of Parquet)",
        "en": "Workforce file (CSV or Parquet)",
    },
    "employer.file_hint": {
        "nl": "Kolommen: employee of group, headcount, occupation (beroep), skills, age_band, "
        "tenure_years, contract_hours. Alleen occupation is verplicht.",
        "en": "Columns: employee or group, headcount, occupation, skills, age_band, "
        "tenure_years, contract_hours. Only occupation is required.",
    },
    "employer.button": {"nl": "Doe de check", "en": "Run the check"},
    "employer.demo": {"nl": "Probeer met het voorbeeld", "en": "Try the sample"},
    "employer.errors": {
        "nl": "We vonden {n} problemen. Er is niets verwerkt. Pas het bestand aan en probeer "
        "opnieuw.",
        "en": "We found {n} problems. Nothing was processed. Fix the file and try again.",
    },
    "employer.col.row": {"nl": "Rij", "en": "Row"},
    "employer.col.column": {"nl": "Kolom", "en": "Column"},
    "employer.col.problem": {"nl": "Probleem", "en": "Problem"},
    "employer.score": {"nl": "Toekomstscore", "en": "Future-proof score"},
    "employer.score_partial": {
        "nl": "Deels berekend: niet alle gegevens zijn er (zie hieronder).",
        "en": "Partly computed: not all data are available (see below).",
    },
    "employer.headcount": {"nl": "Aantal mensen: {n}", "en": "Number of people: {n}"},
    "employer.rows": {"nl": "Per medewerker of groep", "en": "Per employee or group"},
    "employer.col.who": {"nl": "Wie", "en": "Who"},
    "employer.col.occupation": {"nl": "Beroep (gevonden)", "en": "Occupation (matched)"},
    "employer.col.fit": {"nl": "Past", "en": "Fit"},
    "employer.col.outlook": {"nl": "Vraag", "en": "Demand"},
    "employer.col.moves": {"nl": "Kan intern naar", "en": "Could move to"},
    "employer.check_match": {"nl": "controleer", "en": "please check"},
    "employer.not_measured": {"nl": "niet gemeten", "en": "not measured"},
    "employer.unknown": {"nl": "onbekend", "en": "unknown"},
    "employer.declining": {"nl": "dalend", "en": "declining"},
    "employer.plan": {
        "nl": "Plan voor werkbaar en wendbaar werk",
        "en": "Sustainable employability plan",
    },
    "employer.menu": {
        "nl": "Gesprek over de tweede loopbaanhelft (45+)",
        "en": "Conversation about the second half of the career (45+)",
    },
    "employer.notes": {"nl": "Goed om te weten", "en": "Good to know"},
    "employer.sample": {
        "nl": "Dit is een VOORBEELD met fictieve medewerkers.",
        "en": "This is a SAMPLE with fictitious employees.",
    },
}
