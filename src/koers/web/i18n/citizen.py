"""Texts of the citizen space: "Mijn competenties" and "Competentiecheck" (B1 Dutch first)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "citizen.nav.skills": {"nl": "Mijn competenties", "en": "My skills"},
    "citizen.nav.check": {"nl": "Competentiecheck", "en": "Skills check"},
    "citizen.skills.title": {"nl": "Mijn competenties", "en": "My skills"},
    "citizen.skills.intro": {
        "nl": "Hier zie je wat je kan, wie dat zegt en hoe zeker dat is. Hoe recenter je iets "
        "gebruikte en hoe sterker het bewijs, hoe hoger de zekerheid.",
        "en": "Here you see what you can do, who says so and how sure that is. The more recent "
        "you used it and the stronger the proof, the higher the confidence.",
    },
    "citizen.sample": {
        "nl": "Dit is een VOORBEELD: een fictieve demoburger, geen echte persoon.",
        "en": "This is a SAMPLE: a fictitious demo citizen, not a real person.",
    },
    "citizen.load.title": {"nl": "Laad een portfolio", "en": "Load a portfolio"},
    "citizen.load.file": {
        "nl": "Portfoliobestand (JSON van Koers of Europass JSON-LD)",
        "en": "Portfolio file (Koers JSON or Europass JSON-LD)",
    },
    "citizen.load.cv": {"nl": "Of plak je cv (tekst)", "en": "Or paste your CV (text)"},
    "citizen.load.cv_hint": {
        "nl": "We zoeken competenties in je tekst. Je cv wordt niet bewaard.",
        "en": "We look for skills in your text. Your CV is not stored.",
    },
    "citizen.load.button": {"nl": "Toon", "en": "Show"},
    "citizen.load.demo": {"nl": "Probeer met het voorbeeld", "en": "Try the sample"},
    "citizen.load.nothing": {
        "nl": "Kies een bestand, plak een cv of probeer het voorbeeld.",
        "en": "Choose a file, paste a CV or try the sample.",
    },
    "citizen.stored.none": {
        "nl": "Je hebt nog geen bewaard portfolio.",
        "en": "You have no saved portfolio yet.",
    },
    "citizen.stored.version": {
        "nl": "Bewaard portfolio, versie {version}. Elke wijziging blijft zichtbaar in de "
        "geschiedenis.",
        "en": "Saved portfolio, version {version}. Every change stays visible in the history.",
    },
    "citizen.save.button": {"nl": "Bewaar in mijn portfolio", "en": "Save to my portfolio"},
    "citizen.save.hint": {
        "nl": "Log in om dit portfolio te bewaren. Niemand anders ziet het zonder je toestemming.",
        "en": "Sign in to save this portfolio. Nobody else sees it without your consent.",
    },
    "citizen.col.skill": {"nl": "Competentie", "en": "Skill"},
    "citizen.col.confidence": {"nl": "Zekerheid", "en": "Confidence"},
    "citizen.col.why": {"nl": "Waarom", "en": "Why"},
    "citizen.col.last_used": {"nl": "Laatst gebruikt", "en": "Last used"},
    "citizen.stale": {"nl": "verouderd", "en": "stale"},
    "citizen.unknown": {"nl": "onbekend", "en": "unknown"},
    "citizen.none": {"nl": "Nog geen competenties.", "en": "No skills yet."},
    "citizen.jobs": {"nl": "Werk en opleiding", "en": "Work and learning"},
    "citizen.now": {"nl": "nu", "en": "now"},
    "citizen.export": {"nl": "Afdrukken of delen", "en": "Print or share"},
    "citizen.check.title": {"nl": "Competentiecheck", "en": "Skills check"},
    "citizen.check.intro": {
        "nl": "De check vergelijkt je competenties met je beroep, je doelen en de arbeidsmarkt. "
        "Je krijgt waarschuwingslampjes en een plan met stappen.",
        "en": "The check compares your skills with your occupation, your goals and the labour "
        "market. You get warning lights and a plan with steps.",
    },
    "citizen.check.fits": {"nl": "Hoe goed pas je bij je beroepen?", "en": "How well do you fit?"},
    "citizen.check.current": {"nl": "Huidig of laatste beroep", "en": "Current or last job"},
    "citizen.check.target": {"nl": "Doelberoep", "en": "Target occupation"},
    "citizen.check.coverage": {
        "nl": "Je hebt {covered} van de {total} basiscompetenties.",
        "en": "You have {covered} of the {total} essential skills.",
    },
    "citizen.check.missing": {"nl": "Wat je nog mist", "en": "What you still miss"},
    "citizen.check.stale": {"nl": "Lang niet gebruikt", "en": "Not used for long"},
    "citizen.check.unconfirmed": {
        "nl": "Alleen afgeleid uit je jobs of cv (laat ze bevestigen)",
        "en": "Only inferred from your jobs or CV (have them confirmed)",
    },
    "citizen.check.outlook": {"nl": "Vooruitzicht", "en": "Outlook"},
    "citizen.check.no_forecast": {
        "nl": "Er zijn nog geen prognoses geladen. We tonen daarom geen vooruitzichten. We "
        "verzinnen geen cijfers.",
        "en": "No forecasts are loaded yet, so we show no outlooks. We do not make up numbers.",
    },
    "citizen.check.lights": {"nl": "Waarschuwingslampjes", "en": "Warning lights"},
    "citizen.check.no_lights": {"nl": "Er brandt geen lampje.", "en": "No light is on."},
    "citizen.check.red": {"nl": "Rood", "en": "Red"},
    "citizen.check.orange": {"nl": "Oranje", "en": "Orange"},
    "citizen.check.answers": {"nl": "Antwoorden op jouw vragen", "en": "Answers to your questions"},
    "citizen.check.plan": {"nl": "Jouw actieplan", "en": "Your action plan"},
    "citizen.check.hook_missing": {
        "nl": "Concrete voorstellen volgen zodra dit deel van Koers klaar is.",
        "en": "Concrete suggestions follow once this part of Koers is ready.",
    },
    "citizen.check.skills_of_step": {"nl": "Over deze competenties", "en": "About these skills"},
    "citizen.check.run": {"nl": "Doe de check", "en": "Run the check"},
}
