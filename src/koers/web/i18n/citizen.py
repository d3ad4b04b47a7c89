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
    # -- editing a claim, work and learning, goals, preferences; history in words
    "citizen.form.save": {"nl": "Bewaar", "en": "Save"},
    "citizen.form.cancel": {"nl": "Terug zonder bewaren", "en": "Back without saving"},
    "citizen.form.to_field": {"nl": "Ga naar het veld", "en": "Go to the field"},
    "citizen.form.date_hint": {
        "nl": "Bijvoorbeeld 2021-06-30. Leeg laten mag.",
        "en": "For example 2021-06-30. You may leave it empty.",
    },
    "citizen.more.title": {"nl": "Meer over jou", "en": "More about you"},
    "citizen.edit.change": {"nl": "Pas aan", "en": "Change"},
    "citizen.claim.title": {"nl": "Competentie aanpassen", "en": "Change a skill"},
    "citizen.claim.rule": {
        "nl": "Zei je het zelf (bron: ikzelf)? Dan kan je alles aanpassen. Zegt iemand anders "
        "het, zoals een werkgever, school, VDAB of een EVC-beoordelaar? Dan pas je alleen "
        "'laatst gebruikt' en je notitie aan. Wat een ander zegt, verander je niet. Je kan de "
        "competentie wel verwijderen.",
        "en": "Did you say it yourself (source: myself)? Then you can change everything. Does "
        "someone else say it, such as an employer, school, VDAB or an RPL assessor? Then you "
        "only change 'last used' and your note. You do not change what someone else says. You "
        "can still remove the skill.",
    },
    "citizen.claim.only_some": {
        "nl": "alleen laatst gebruikt en notitie",
        "en": "only last used and note",
    },
    "citizen.claim.locked": {
        "nl": "Iemand anders zegt dat je dit kan. Daarom blijven de bron, het bewijs en de datum "
        "waarop je het leerde zoals ze zijn.",
        "en": "Someone else says you can do this. So the source, the evidence and the date you "
        "learned it stay as they are.",
    },
    "citizen.claim.who": {"nl": "Wie zegt dat je dit kan?", "en": "Who says you can do this?"},
    "citizen.claim.evidence_type": {"nl": "Soort bewijs", "en": "Kind of evidence"},
    "citizen.claim.when": {"nl": "Wanneer?", "en": "When?"},
    "citizen.claim.note": {
        "nl": "Notitie voor jezelf (niet verplicht)",
        "en": "Note for yourself (optional)",
    },
    "citizen.edit.locked": {
        "nl": "Deze competentie komt van iemand anders. Je kan alleen 'laatst gebruikt' en je "
        "notitie aanpassen. Er is niets bewaard.",
        "en": "This skill comes from someone else. You can only change 'last used' and your "
        "note. Nothing was saved.",
    },
    "citizen.verification.verified": {"nl": "nagekeken", "en": "verified"},
    "citizen.verification.attested": {"nl": "bevestigd door een ander", "en": "attested"},
    "citizen.verification.self_declared": {"nl": "zelf gezegd", "en": "self-declared"},
    "citizen.verification.inferred": {"nl": "afgeleid", "en": "inferred"},
    "citizen.career.title": {"nl": "Mijn werk en opleidingen", "en": "My work and learning"},
    "citizen.career.intro": {
        "nl": "Je jobs en je opleidingen. Bij een job kies je het beroep. Zo weten we welke "
        "competenties erbij horen.",
        "en": "Your jobs and your learning. For a job you choose the occupation. Then we know "
        "which skills go with it.",
    },
    "citizen.career.caption": {
        "nl": "Je werk en opleidingen, de nieuwste eerst",
        "en": "Your work and learning, newest first",
    },
    "citizen.career.none": {
        "nl": "Nog geen werk of opleiding.",
        "en": "No work or learning yet.",
    },
    "citizen.entry.what": {"nl": "Wat", "en": "What"},
    "citizen.entry.kind": {"nl": "Soort", "en": "Kind"},
    "citizen.entry.kind.job": {"nl": "werk", "en": "work"},
    "citizen.entry.kind.learning": {"nl": "opleiding", "en": "learning"},
    "citizen.entry.title.new.job": {"nl": "Werk toevoegen", "en": "Add work"},
    "citizen.entry.title.new.learning": {"nl": "Opleiding toevoegen", "en": "Add learning"},
    "citizen.entry.title.edit.job": {"nl": "Werk aanpassen", "en": "Change work"},
    "citizen.entry.title.edit.learning": {"nl": "Opleiding aanpassen", "en": "Change learning"},
    "citizen.entry.intro": {
        "nl": "Doe eerst stap 1 en dan stap 2. Wat je in stap 2 typt, bewaren we pas als je op "
        "'Bewaar' drukt.",
        "en": "First do step 1, then step 2. What you type in step 2 is saved only when you "
        "press 'Save'.",
    },
    "citizen.entry.step1.job": {"nl": "Stap 1: zoek het beroep", "en": "Step 1: find the job"},
    "citizen.entry.step1.learning": {
        "nl": "Stap 1: zoek wat je leerde (niet verplicht)",
        "en": "Step 1: find what you learned (optional)",
    },
    "citizen.entry.step2": {"nl": "Stap 2: vul de rest in", "en": "Step 2: fill in the rest"},
    "citizen.entry.search.job": {
        "nl": "Typ de naam van een beroep",
        "en": "Type the name of an occupation",
    },
    "citizen.entry.search.learning": {
        "nl": "Typ de naam van een competentie",
        "en": "Type the name of a skill",
    },
    "citizen.entry.no_hits": {
        "nl": "Niets gevonden. Probeer een ander woord.",
        "en": "Nothing found. Try another word.",
    },
    "citizen.entry.occupation": {"nl": "Beroep", "en": "Occupation"},
    "citizen.entry.search_first": {
        "nl": "Nog geen beroep gekozen. Zoek het eerst in stap 1.",
        "en": "No occupation chosen yet. Find it first in step 1.",
    },
    "citizen.entry.skills": {
        "nl": "Wat leerde je? (niet verplicht)",
        "en": "What did you learn? (optional)",
    },
    "citizen.entry.skills_hint": {
        "nl": "Nog geen competenties gekozen. Je kan ze zoeken in stap 1.",
        "en": "No skills chosen yet. You can find them in step 1.",
    },
    "citizen.entry.about.job": {"nl": "Over dit werk", "en": "About this work"},
    "citizen.entry.about.learning": {"nl": "Over deze opleiding", "en": "About this learning"},
    "citizen.entry.name.job": {
        "nl": "Naam van je job, zoals jij hem noemt (niet verplicht)",
        "en": "Name of your job, as you call it (optional)",
    },
    "citizen.entry.name.learning": {
        "nl": "Naam van de opleiding of cursus",
        "en": "Name of the course or training",
    },
    "citizen.entry.org.job": {"nl": "Werkgever (niet verplicht)", "en": "Employer (optional)"},
    "citizen.entry.org.learning": {
        "nl": "School of organisatie (niet verplicht)",
        "en": "School or organisation (optional)",
    },
    "citizen.entry.title_field": {"nl": "Naam", "en": "Name"},
    "citizen.entry.organisation": {"nl": "Waar", "en": "Where"},
    "citizen.entry.start": {"nl": "Begonnen op", "en": "Started on"},
    "citizen.entry.end": {"nl": "Gestopt op", "en": "Ended on"},
    "citizen.entry.end_hint": {
        "nl": "Bijvoorbeeld 2023-12-31. Laat leeg als het nog loopt.",
        "en": "For example 2023-12-31. Leave empty if it is still going on.",
    },
    "citizen.entry.none": {
        "nl": "Dit werk of deze opleiding staat niet (meer) in je portfolio. Er is niets "
        "gewijzigd.",
        "en": "This work or learning is not (or no longer) in your portfolio. Nothing was changed.",
    },
    "citizen.entry.order": {
        "nl": "Je stopte voor je begon: de datum 'gestopt op' ligt voor 'begonnen op'. Er is "
        "niets bewaard.",
        "en": "You ended before you started: 'ended on' is before 'started on'. Nothing was saved.",
    },
    "citizen.entry.no_occupation": {
        "nl": "Kies een beroep uit de lijst. Zoek het eerst. Er is niets bewaard.",
        "en": "Choose an occupation from the list. Search for it first. Nothing was saved.",
    },
    "citizen.entry.unknown_occupation": {
        "nl": "Dit beroep kennen we niet. Zoek het en kies het uit de lijst. Er is niets bewaard.",
        "en": "We do not know this occupation. Search for it and choose it from the list. "
        "Nothing was saved.",
    },
    "citizen.entry.unknown_skill": {
        "nl": "Een competentie kennen we niet. Zoek ze en kies ze uit de lijst. Er is niets "
        "bewaard.",
        "en": "We do not know a skill. Search for it and choose it from the list. Nothing was "
        "saved.",
    },
    "citizen.entry.too_many_skills": {
        "nl": "Kies ten hoogste 50 competenties. Er is niets bewaard.",
        "en": "Choose at most 50 skills. Nothing was saved.",
    },
    "citizen.entry.no_title": {
        "nl": "Geef de opleiding een naam. Er is niets bewaard.",
        "en": "Give the learning a name. Nothing was saved.",
    },
    "citizen.goals.title": {"nl": "Mijn beroep en doelen", "en": "My job and goals"},
    "citizen.goals.intro": {
        "nl": "De Competentiecheck vergelijkt je competenties met je beroep en met de beroepen "
        "die je wil doen.",
        "en": "The skills check compares your skills with your job and with the jobs you want "
        "to do.",
    },
    "citizen.goals.current": {
        "nl": "Mijn beroep nu (of mijn laatste beroep)",
        "en": "My job now (or my last job)",
    },
    "citizen.goals.no_current": {"nl": "Nog niet gekozen.", "en": "Not chosen yet."},
    "citizen.goals.clear": {"nl": "Wis dit beroep", "en": "Clear this job"},
    "citizen.goals.targets": {
        "nl": "Beroepen die ik wil doen (doelen)",
        "en": "Jobs I want to do (goals)",
    },
    "citizen.goals.no_targets": {"nl": "Nog geen doelen.", "en": "No goals yet."},
    "citizen.goals.remove": {"nl": "Verwijder doel", "en": "Remove goal"},
    "citizen.goals.pick": {"nl": "Een beroep kiezen", "en": "Choose a job"},
    "citizen.goals.search_first": {
        "nl": "Zoek eerst een beroep. Daarna kies je wat het voor jou is.",
        "en": "First search for a job. Then choose what it is for you.",
    },
    "citizen.goals.role": {"nl": "Wat is dit beroep voor jou?", "en": "What is this job for you?"},
    "citizen.goals.role.current": {
        "nl": "Mijn beroep nu, of mijn laatste beroep",
        "en": "My job now, or my last job",
    },
    "citizen.goals.role.target": {
        "nl": "Een beroep dat ik wil doen (doel)",
        "en": "A job I want to do (goal)",
    },
    "citizen.goals.no_role": {
        "nl": "Kies wat dit beroep voor jou is: je beroep nu of een doel. Er is niets bewaard.",
        "en": "Choose what this job is for you: your job now or a goal. Nothing was saved.",
    },
    "citizen.goals.already": {
        "nl": "Dit beroep staat al bij je doelen. Er is niets bewaard.",
        "en": "This job is already one of your goals. Nothing was saved.",
    },
    "citizen.goals.too_many": {
        "nl": "Je hebt al 10 doelen. Verwijder er eerst een. Er is niets bewaard.",
        "en": "You already have 10 goals. Remove one first. Nothing was saved.",
    },
    "citizen.goals.not_there": {
        "nl": "Dit beroep staat niet (meer) bij je doelen. Er is niets gewijzigd.",
        "en": "This job is not (or no longer) one of your goals. Nothing was changed.",
    },
    "citizen.prefs.title": {"nl": "Wat ik wil", "en": "What I want"},
    "citizen.prefs.intro": {
        "nl": "Wat je graag doet en hoe je wil werken. De Competentiecheck houdt er rekening mee. "
        "Alles is niet verplicht.",
        "en": "What you like doing and how you want to work. The skills check takes it into "
        "account. Nothing is required.",
    },
    "citizen.prefs.work": {"nl": "Hoe wil je werken?", "en": "How do you want to work?"},
    "citizen.prefs.feel": {"nl": "Wat doe je graag?", "en": "What do you like doing?"},
    "citizen.prefs.interests": {"nl": "Interesses", "en": "Interests"},
    "citizen.prefs.interests_hint": {
        "nl": "Bijvoorbeeld: zorg, techniek, buiten werken. Zet een komma tussen.",
        "en": "For example: care, technology, working outside. Put a comma between.",
    },
    "citizen.prefs.hours": {"nl": "Uren per week", "en": "Hours per week"},
    "citizen.prefs.hours_hint": {
        "nl": "Een getal van 0 tot 80, bijvoorbeeld 30.",
        "en": "A number from 0 to 80, for example 30.",
    },
    "citizen.prefs.region": {
        "nl": "Waar wil je werken? (gemeente of provincie)",
        "en": "Where do you want to work? (municipality or province)",
    },
    "citizen.prefs.likes": {"nl": "Wat doe je graag?", "en": "What do you like doing?"},
    "citizen.prefs.dislikes": {
        "nl": "Wat doe je liever niet?",
        "en": "What would you rather not do?",
    },
    "citizen.prefs.bad_hours": {
        "nl": "Uren per week moet een getal van 0 tot 80 zijn. Er is niets bewaard.",
        "en": "Hours per week must be a number from 0 to 80. Nothing was saved.",
    },
    "citizen.prefs.bad_interests": {
        "nl": "Te veel of te lange interesses: ten hoogste 50, elk ten hoogste 100 tekens. Er is "
        "niets bewaard.",
        "en": "Too many or too long interests: at most 50, each at most 100 characters. Nothing "
        "was saved.",
    },
    "citizen.history.view": {"nl": "Bekijk", "en": "View"},
    "citizen.history.view_version": {
        "nl": "Versie {version} bekijken",
        "en": "View version {version}",
    },
    "citizen.change.field": {
        "nl": "{field} gewijzigd: {old} → {new}",
        "en": "{field} changed: {old} → {new}",
    },
    "citizen.change.set": {"nl": "{field}: {new}", "en": "{field}: {new}"},
    "citizen.change.empty": {"nl": "leeg", "en": "empty"},
    "citizen.change.f.source": {"nl": "Bron", "en": "Source"},
    "citizen.change.f.evidence": {"nl": "Bewijs", "en": "Evidence"},
    "citizen.change.f.verification": {"nl": "Nagekeken", "en": "Checked"},
    "citizen.change.f.note": {"nl": "Notitie", "en": "Note"},
    "citizen.change.skill_added": {"nl": "Competentie erbij: {name}", "en": "Skill added: {name}"},
    "citizen.change.skill_removed": {
        "nl": "Competentie eraf: {name}",
        "en": "Skill taken off: {name}",
    },
    "citizen.change.target_added": {"nl": "Doel erbij: {name}", "en": "Goal added: {name}"},
    "citizen.change.target_removed": {"nl": "Doel eraf: {name}", "en": "Goal removed: {name}"},
    "citizen.version.title": {
        "nl": "Mijn portfolio bij versie {version}",
        "en": "My portfolio at version {version}",
    },
    "citizen.version.intro": {
        "nl": "Zo zag je portfolio eruit op {when}. Dit is een oude versie: je kan ze alleen "
        "bekijken. Je portfolio heeft nu {total} versies.",
        "en": "This is how your portfolio looked on {when}. This is an old version: you can only "
        "look at it. Your portfolio now has {total} versions.",
    },
    "citizen.version.nav": {"nl": "Andere versies", "en": "Other versions"},
    "citizen.version.previous": {"nl": "Versie {version}", "en": "Version {version}"},
    "citizen.version.next": {"nl": "Versie {version}", "en": "Version {version}"},
    "citizen.version.none": {
        "nl": "Deze versie bestaat niet. Je portfolio heeft versie 1 tot en met {total}.",
        "en": "This version does not exist. Your portfolio has versions 1 to {total}.",
    },
    "citizen.download.title": {"nl": "Downloaden", "en": "Download"},
    "citizen.download.hint": {
        "nl": "Neem je competenties mee. De PDF is één pagina: je kunt hem bij je cv voegen.",
        "en": "Take your skills with you. The PDF is one page: you can add it to your CV.",
    },
    "citizen.download.pdf": {"nl": "PDF voor bij je cv", "en": "PDF to add to your CV"},
    "citizen.download.html": {"nl": "Pagina om af te drukken", "en": "Page to print"},
    "citizen.download.jsonld": {
        "nl": "Europass-bestand (JSON-LD)",
        "en": "Europass file (JSON-LD)",
    },
    "citizen.download.json": {
        "nl": "Koers-bestand (om later weer in te laden)",
        "en": "Koers file (to load again later)",
    },
    "citizen.prefs.you": {"nl": "Over jou", "en": "About you"},
    "citizen.prefs.you_hint": {
        "nl": "Niet verplicht. Je naam staat op je PDF. Je geboortejaar helpt de check om "
        "je loopbaan in te schatten. Alleen jij ziet dit, tenzij je het deelt.",
        "en": "Not required. Your name is on your PDF. Your birth year helps the check to "
        "understand your career. Only you see this, unless you share it.",
    },
    "citizen.prefs.name": {"nl": "Je naam", "en": "Your name"},
    "citizen.prefs.birth_year": {
        "nl": "Je geboortejaar (bijvoorbeeld 1978)",
        "en": "Your birth year (for example 1978)",
    },
    "citizen.prefs.bad_birth_year": {
        "nl": "Dit geboortejaar klopt niet. Schrijf vier cijfers, bijvoorbeeld 1978.",
        "en": "This birth year is not right. Write four digits, for example 1978.",
    },
    # -- importing a CV file or a list of occupations, with a review step ------------------
    "citizen.import.cv_title": {"nl": "Importeer je cv", "en": "Import your CV"},
    "citizen.import.cv_file": {
        "nl": "Je cv als bestand (PDF, Word .docx of tekst)",
        "en": "Your CV as a file (PDF, Word .docx or text)",
    },
    "citizen.import.cv_file_hint": {
        "nl": "Maximaal {mb} MB. Een gescand cv (een foto) kunnen we niet lezen: plak dan de "
        "tekst. Je cv zelf bewaren we niet.",
        "en": "At most {mb} MB. We cannot read a scanned CV (a photo): paste the text instead. "
        "We do not store the CV itself.",
    },
    "citizen.import.cv_button": {"nl": "Zoek competenties", "en": "Find skills"},
    "citizen.import.portfolio_title": {
        "nl": "Laad een portfoliobestand",
        "en": "Load a portfolio file",
    },
    "citizen.import.jobs_title": {
        "nl": "Importeer je vroegere jobs",
        "en": "Import your past jobs",
    },
    "citizen.import.jobs_file": {
        "nl": "Lijst van beroepen (CSV of JSON)",
        "en": "List of occupations (CSV or JSON)",
    },
    "citizen.import.jobs_hint": {
        "nl": "Eén rij per job: occupation,start,end,title,organisation. Bij occupation zet je "
        "de ESCO-code (bv. 8344.1) of de ESCO-link. Datums zoals 2019-03-01. Maximaal {mb} MB.",
        "en": "One row per job: occupation,start,end,title,organisation. In occupation put the "
        "ESCO code (e.g. 8344.1) or the ESCO link. Dates like 2019-03-01. At most {mb} MB.",
    },
    "citizen.import.jobs_button": {"nl": "Toon de jobs", "en": "Show the jobs"},
    "citizen.import.error.title": {
        "nl": "We konden dit bestand niet lezen. Er is niets bewaard.",
        "en": "We could not read this file. Nothing was saved.",
    },
    "citizen.import.error.empty": {
        "nl": "Het bestand is leeg. Kies een ander bestand of plak de tekst.",
        "en": "The file is empty. Choose another file or paste the text.",
    },
    "citizen.import.error.too_large": {
        "nl": "Het bestand is groter dan {limit_mb} MB. Dat is de grens. Kies een kleiner "
        "bestand of plak de tekst.",
        "en": "The file is larger than {limit_mb} MB. That is the limit. Choose a smaller file "
        "or paste the text.",
    },
    "citizen.import.error.unpacked_too_large": {
        "nl": "Het bestand is uitgepakt groter dan {limit_mb} MB. Dat is te veel voor een cv. "
        "Plak de tekst.",
        "en": "Unpacked, the file is larger than {limit_mb} MB. That is too much for a CV. "
        "Paste the text.",
    },
    "citizen.import.error.no_text_layer": {
        "nl": "Deze PDF heeft geen tekst. Het is waarschijnlijk een scan of een foto. Plak de "
        "tekst van je cv in het tekstvak.",
        "en": "This PDF has no text layer. It is probably a scan or a photo. Paste the text of "
        "your CV in the text box.",
    },
    "citizen.import.error.encrypted": {
        "nl": "Dit bestand heeft een wachtwoord. Bewaar het zonder wachtwoord of plak de tekst.",
        "en": "This file has a password. Save it without a password or paste the text.",
    },
    "citizen.import.error.old_word": {
        "nl": "Dit is een oud Word-bestand (.doc). Dat kunnen we niet lezen. Bewaar het in Word "
        "als .docx of PDF, of plak de tekst.",
        "en": "This is an old Word file (.doc). We cannot read it. Save it in Word as .docx or "
        "PDF, or paste the text.",
    },
    "citizen.import.error.unsupported": {
        "nl": "Dit soort bestand ({kind}) kunnen we niet lezen. Gebruik PDF, Word (.docx) of "
        "tekst, of plak de tekst.",
        "en": "We cannot read this kind of file ({kind}). Use PDF, Word (.docx) or text, or "
        "paste the text.",
    },
    "citizen.import.error.damaged": {
        "nl": "Dit is geen goed {kind}-bestand. Het is beschadigd of heeft een verkeerde naam. "
        "Bewaar het opnieuw of plak de tekst.",
        "en": "This is not a proper {kind} file. It is damaged or has the wrong name. Save it "
        "again or paste the text.",
    },
    "citizen.import.error.not_text": {
        "nl": "Dit is geen tekst, PDF of Word-bestand. Bewaar je cv als PDF of plak de tekst.",
        "en": "This is not text, PDF or a Word file. Save your CV as PDF or paste the text.",
    },
    "citizen.import.error.too_many_pages": {
        "nl": "Deze PDF heeft {pages} pagina's. Een cv heeft er hoogstens {most}. Kies je cv "
        "of plak de tekst.",
        "en": "This PDF has {pages} pages. A CV has at most {most}. Choose your CV or paste the "
        "text.",
    },
    "citizen.import.error.too_little_text": {
        "nl": "In dit bestand staan minder dan {most} woorden. Is het het juiste bestand? Of "
        "plak de tekst.",
        "en": "This file has fewer than {most} words. Is it the right file? Or paste the text.",
    },
    "citizen.import.error.invalid": {
        "nl": "Er klopt iets niet in het bestand. Er is niets bewaard. Dit moet je aanpassen:",
        "en": "Something is wrong in the file. Nothing was saved. Please fix this:",
    },
    "citizen.review.title": {"nl": "Controleer wat we vonden", "en": "Check what we found"},
    "citizen.review.intro_cv": {
        "nl": "We vonden {n} competenties in {document}. Klopt iets niet? Haal dan het vinkje "
        "weg. We bewaren alleen wat aangevinkt is.",
        "en": "We found {n} skills in {document}. Is something wrong? Then untick it. We only "
        "save what is ticked.",
    },
    "citizen.review.intro_jobs": {
        "nl": "We vonden {n} jobs in {document}. Klopt iets niet? Haal dan het vinkje weg. We "
        "bewaren alleen wat aangevinkt is.",
        "en": "We found {n} jobs in {document}. Is something wrong? Then untick it. We only save "
        "what is ticked.",
    },
    "citizen.review.none": {
        "nl": "We vonden niets dat we kennen. Probeer een andere tekst of voeg je competenties "
        "zelf toe.",
        "en": "We found nothing we know. Try another text or add your skills yourself.",
    },
    "citizen.review.skills_legend": {
        "nl": "Competenties die we vonden",
        "en": "Skills we found",
    },
    "citizen.review.jobs_legend": {"nl": "Jobs die we vonden", "en": "Jobs we found"},
    "citizen.review.found_in": {"nl": "gevonden in: “… {span} …”", "en": "found in: “… {span} …”"},
    "citizen.review.already": {"nl": "al in je portfolio", "en": "already in your portfolio"},
    "citizen.review.already_hint": {
        "nl": "Dit staat al in je portfolio. We voegen het niet nog eens toe.",
        "en": "This is already in your portfolio. We do not add it again.",
    },
    "citizen.review.adds": {
        "nl": "Je hebt al een bewaard portfolio (versie {version}). Wat je aanvinkt, komt erbij. "
        "Wat er al in staat, blijft.",
        "en": "You already have a saved portfolio (version {version}). What you tick is added. "
        "What is in it stays.",
    },
    "citizen.review.new": {
        "nl": "Wat je aanvinkt, wordt je eerste bewaarde portfolio.",
        "en": "What you tick becomes your first saved portfolio.",
    },
    "citizen.review.save": {"nl": "Bewaar wat aangevinkt is", "en": "Save what is ticked"},
    "citizen.review.cancel": {
        "nl": "Stop en bewaar niets",
        "en": "Stop and save nothing",
    },
    "citizen.review.login": {
        "nl": "Log in om dit te bewaren. Niemand anders ziet het zonder je toestemming.",
        "en": "Sign in to save this. Nobody else sees it without your consent.",
    },
    "citizen.review.nothing": {
        "nl": "Er is niets aangevinkt dat nieuw is. We hebben niets bewaard.",
        "en": "Nothing new is ticked. We saved nothing.",
    },
    "citizen.review.saved_as": {
        "nl": "We bewaren een competentie als 'afgeleid uit je cv'. Laat ze later bevestigen "
        "door een werkgever, school of coach: dan stijgt de zekerheid.",
        "en": "We save a skill as 'inferred from your CV'. Have it confirmed later by an "
        "employer, school or coach: then the confidence goes up.",
    },
    "citizen.review.period": {"nl": "{start} tot {end}", "en": "{start} to {end}"},
}
