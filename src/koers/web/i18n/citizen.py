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
    # -- editing single claims and the history page
    "citizen.edit.title": {"nl": "Mijn competenties aanpassen", "en": "Edit my skills"},
    "citizen.edit.intro": {
        "nl": "Elke wijziging komt in de geschiedenis. Niets wordt echt gewist.",
        "en": "Every change goes into the history. Nothing is really erased.",
    },
    "citizen.edit.source": {"nl": "Bron (wie zegt het)", "en": "Source (who says so)"},
    "citizen.edit.source_name": {
        "nl": "Naam van de bron (niet verplicht)",
        "en": "Name of the source (optional)",
    },
    "citizen.edit.evidence": {"nl": "Bewijs", "en": "Evidence"},
    "citizen.edit.evidence_title": {
        "nl": "Naam van het bewijs, bv. een diploma (niet verplicht)",
        "en": "Name of the evidence, e.g. a diploma (optional)",
    },
    "citizen.edit.acquired": {"nl": "Geleerd op", "en": "Acquired on"},
    "citizen.edit.actions": {"nl": "Acties", "en": "Actions"},
    "citizen.edit.used": {"nl": "Onlangs gebruikt", "en": "Recently used"},
    "citizen.edit.remove": {"nl": "Verwijder", "en": "Remove"},
    "citizen.edit.add": {"nl": "Competentie toevoegen", "en": "Add a skill"},
    "citizen.edit.search": {
        "nl": "Typ de naam van een competentie",
        "en": "Type the name of a skill",
    },
    "citizen.edit.search_button": {"nl": "Zoek", "en": "Search"},
    "citizen.edit.pick": {"nl": "Kies de competentie", "en": "Choose the skill"},
    "citizen.edit.add_button": {"nl": "Voeg toe", "en": "Add"},
    "citizen.edit.no_hits": {
        "nl": "Geen competentie gevonden. Probeer een ander woord.",
        "en": "No skill found. Try another word.",
    },
    "citizen.edit.conflict": {
        "nl": "Je portfolio is intussen gewijzigd, bv. in een ander venster. We hebben niets "
        "bewaard. Bekijk de nieuwe versie hieronder en doe je wijziging opnieuw.",
        "en": "Your portfolio changed meanwhile, e.g. in another window. Nothing was saved. "
        "Look at the new version below and make your change again.",
    },
    "citizen.edit.no_portfolio": {
        "nl": "Je hebt nog geen bewaard portfolio. Er is niets gewijzigd.",
        "en": "You have no saved portfolio yet. Nothing was changed.",
    },
    "citizen.edit.no_claim": {
        "nl": "Deze competentie staat niet (meer) in je portfolio. Er is niets gewijzigd.",
        "en": "This skill is not (or no longer) in your portfolio. Nothing was changed.",
    },
    "citizen.edit.no_skill": {
        "nl": "Kies eerst een competentie uit de lijst. Er is niets bewaard.",
        "en": "First choose a skill from the list. Nothing was saved.",
    },
    "citizen.edit.bad_choice": {
        "nl": "Kies een bron en een bewijs uit de lijst. Er is niets bewaard.",
        "en": "Choose a source and evidence from the list. Nothing was saved.",
    },
    "citizen.edit.bad_date": {
        "nl": "Een datum is niet juist. Schrijf hem als jjjj-mm-dd. Er is niets bewaard.",
        "en": "A date is not right. Write it as yyyy-mm-dd. Nothing was saved.",
    },
    "citizen.edit.future_date": {
        "nl": "Een datum ligt in de toekomst. Er is niets bewaard.",
        "en": "A date is in the future. Nothing was saved.",
    },
    "citizen.edit.order": {
        "nl": "Je kan iets niet gebruiken voor je het leerde. Er is niets bewaard.",
        "en": "You cannot use something before you learned it. Nothing was saved.",
    },
    "citizen.actor.self": {"nl": "ikzelf", "en": "myself"},
    "citizen.actor.school": {"nl": "school", "en": "school"},
    "citizen.actor.training_provider": {"nl": "opleidingscentrum", "en": "training provider"},
    "citizen.actor.employer": {"nl": "werkgever", "en": "employer"},
    "citizen.actor.vdab": {"nl": "VDAB", "en": "VDAB"},
    "citizen.actor.coach": {"nl": "coach", "en": "coach"},
    "citizen.actor.volunteering": {"nl": "vrijwilligerswerk", "en": "volunteering"},
    "citizen.actor.evc_assessor": {
        "nl": "EVC-beoordelaar (erkenning van wat je al kan)",
        "en": "RPL assessor (recognition of prior learning)",
    },
    "citizen.actor.peer_feedback": {"nl": "feedback van anderen", "en": "feedback from others"},
    "citizen.actor.extraction": {"nl": "gevonden in een document", "en": "found in a document"},
    "citizen.evidence.diploma": {"nl": "diploma", "en": "diploma"},
    "citizen.evidence.certificate": {"nl": "certificaat", "en": "certificate"},
    "citizen.evidence.course": {"nl": "cursus", "en": "course"},
    "citizen.evidence.job": {"nl": "job", "en": "job"},
    "citizen.evidence.assessment": {"nl": "test of beoordeling", "en": "test or assessment"},
    "citizen.evidence.document_excerpt": {"nl": "stuk uit een document", "en": "document excerpt"},
    "citizen.evidence.none": {"nl": "geen bewijs", "en": "no evidence"},
    "citizen.history.link": {"nl": "Bekijk de geschiedenis", "en": "See the history"},
    "citizen.history.title": {
        "nl": "Geschiedenis van mijn portfolio",
        "en": "History of my portfolio",
    },
    "citizen.history.intro": {
        "nl": "Elke versie van je portfolio, de nieuwste eerst: wanneer, wat er veranderde en "
        "door wie.",
        "en": "Every version of your portfolio, newest first: when, what changed and by whom.",
    },
    "citizen.history.version": {"nl": "Versie", "en": "Version"},
    "citizen.history.date": {"nl": "Datum", "en": "Date"},
    "citizen.history.what": {"nl": "Wat veranderde", "en": "What changed"},
    "citizen.history.who": {"nl": "Door wie", "en": "By whom"},
    "citizen.history.by_self": {"nl": "jezelf", "en": "yourself"},
    "citizen.history.by_coach": {"nl": "je coach", "en": "your coach"},
    "citizen.history.by_other": {"nl": "iemand anders", "en": "someone else"},
    "citizen.history.kind.portfolio_created": {"nl": "Portfolio gemaakt", "en": "Portfolio made"},
    "citizen.history.kind.person_set": {
        "nl": "Persoonlijke gegevens aangepast",
        "en": "Personal details changed",
    },
    "citizen.history.kind.claim_added": {"nl": "Competentie toegevoegd", "en": "Skill added"},
    "citizen.history.kind.claim_changed": {"nl": "Competentie aangepast", "en": "Skill changed"},
    "citizen.history.kind.claim_withdrawn": {"nl": "Competentie verwijderd", "en": "Skill removed"},
    "citizen.history.kind.history_added": {
        "nl": "Werk of opleiding toegevoegd",
        "en": "Work or learning added",
    },
    "citizen.history.kind.history_changed": {
        "nl": "Werk of opleiding aangepast",
        "en": "Work or learning changed",
    },
    "citizen.history.kind.history_removed": {
        "nl": "Werk of opleiding verwijderd",
        "en": "Work or learning removed",
    },
    "citizen.history.kind.preferences_set": {
        "nl": "Voorkeuren aangepast",
        "en": "Preferences changed",
    },
    "citizen.history.kind.goals_set": {
        "nl": "Beroep of doelen aangepast",
        "en": "Job or goals changed",
    },
}
