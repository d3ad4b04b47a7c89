"""Texts shared by every page: layout, start page, taxonomy browser, errors."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "site.name": {"nl": "Koers", "en": "Koers"},
    "site.tagline": {
        "nl": "Zie wat je kan. Zie wat werk vraagt. Kies je volgende stap.",
        "en": "See what you can do. See what work needs. Choose your next step.",
    },
    "nav.skip": {"nl": "Ga naar de inhoud", "en": "Skip to content"},
    "nav.home": {"nl": "Start", "en": "Home"},
    "nav.taxonomy": {"nl": "Beroepen en competenties", "en": "Occupations and skills"},
    "nav.main": {"nl": "Hoofdmenu", "en": "Main menu"},
    "nav.language": {"nl": "In English", "en": "In het Nederlands"},
    "nav.breadcrumb": {"nl": "Waar ben je", "en": "You are here"},
    "home.title": {"nl": "Welkom bij Koers", "en": "Welcome to Koers"},
    "home.intro": {
        "nl": "Koers helpt je om te zien wat je kan, wat werkgevers nu en later nodig hebben, "
        "en welke opleiding of job een goede volgende stap is.",
        "en": "Koers helps you see what you can do, what employers need now and later, "
        "and which training or job is a good next step.",
    },
    "home.spaces": {"nl": "Voor wie is Koers?", "en": "Who is Koers for?"},
    "space.citizen": {"nl": "Voor jou als burger", "en": "For you as a citizen"},
    "space.citizen.text": {
        "nl": "Je competenties bijhouden, een check doen en tips krijgen voor opleiding en werk.",
        "en": "Keep track of your skills, take a check and get tips for training and work.",
    },
    "space.coach": {"nl": "Voor loopbaanbegeleiders", "en": "For career coaches"},
    "space.coach.text": {
        "nl": "Samen met je cliënt werken aan zijn of haar portfolio, met toestemming.",
        "en": "Work on your client's portfolio together, with their consent.",
    },
    "space.employer": {"nl": "Voor werkgevers", "en": "For employers"},
    "space.employer.text": {
        "nl": "Je team vergelijken met wat de arbeidsmarkt later vraagt, en een plan maken.",
        "en": "Compare your team with what the labour market will ask, and make a plan.",
    },
    "space.provider": {"nl": "Voor opleidingsverstrekkers", "en": "For training providers"},
    "space.provider.text": {
        "nl": "Je opleidingen beschrijven in dezelfde competentietaal en zien wat gevraagd wordt.",
        "en": "Describe your courses in the same skills language and see what is in demand.",
    },
    "space.analyst": {"nl": "Voor analisten en beleid", "en": "For analysts and policy"},
    "space.analyst.text": {
        "nl": "Prognoses per sector, beroep en competentie, en knelpunten op de arbeidsmarkt.",
        "en": "Forecasts per sector, occupation and skill, and labour-market shortages.",
    },
    "space.soon": {"nl": "Komt binnenkort", "en": "Coming soon"},
    "space.open": {"nl": "Open", "en": "Open"},
    "taxonomy.title": {"nl": "Beroepen en competenties", "en": "Occupations and skills"},
    "taxonomy.intro": {
        "nl": "Zoek een beroep of een competentie. Koers gebruikt ESCO: de Europese lijst van "
        "beroepen en competenties. Zo spreken iedereen en elke opleiding dezelfde taal.",
        "en": "Search for an occupation or a skill. Koers uses ESCO: the European list of "
        "occupations and skills, so that everyone and every course speaks the same language.",
    },
    "taxonomy.search.label": {"nl": "Wat zoek je?", "en": "What are you looking for?"},
    "taxonomy.search.hint": {
        "nl": "Bijvoorbeeld: verpleegkundige, lassen, JavaScript. Een tikfout is niet erg.",
        "en": "For example: nurse, welding, JavaScript. A typo is fine.",
    },
    "taxonomy.search.kind": {"nl": "Zoek in", "en": "Search in"},
    "taxonomy.search.all": {"nl": "Alles", "en": "Everything"},
    "taxonomy.search.button": {"nl": "Zoeken", "en": "Search"},
    "taxonomy.results": {"nl": "Resultaten", "en": "Results"},
    "taxonomy.results.none": {
        "nl": "We vonden niets. Probeer een ander woord.",
        "en": "Nothing found. Try another word.",
    },
    "taxonomy.results.count": {"nl": "{n} resultaten voor “{q}”", "en": "{n} results for “{q}”"},
    "taxonomy.matched": {"nl": "gevonden via", "en": "found via"},
    "taxonomy.browse": {"nl": "Bladeren", "en": "Browse"},
    "taxonomy.browse.isco": {
        "nl": "Alle beroepen, per beroepsgroep (ISCO-08)",
        "en": "All occupations, by occupation group (ISCO-08)",
    },
    "taxonomy.browse.skills": {
        "nl": "Alle competenties, per groep",
        "en": "All skills, by group",
    },
    "kind.occupation": {"nl": "Beroep", "en": "Occupation"},
    "kind.skill": {"nl": "Competentie", "en": "Skill"},
    "kind.isco_group": {"nl": "Beroepsgroep", "en": "Occupation group"},
    "kind.skill_group": {"nl": "Groep competenties", "en": "Skill group"},
    "concept.code": {"nl": "Code", "en": "Code"},
    "concept.isco": {"nl": "Beroepsgroep (ISCO-08)", "en": "Occupation group (ISCO-08)"},
    "concept.also": {"nl": "Ook bekend als", "en": "Also known as"},
    "concept.broader": {"nl": "Valt onder", "en": "Part of"},
    "concept.narrower": {"nl": "Onderdelen", "en": "Contains"},
    "concept.essential": {"nl": "Wat je zeker moet kunnen", "en": "Essential skills"},
    "concept.optional": {"nl": "Wat ook handig is", "en": "Optional skills"},
    "concept.occupations": {
        "nl": "Beroepen waarvoor dit nodig is",
        "en": "Occupations that need this",
    },
    "concept.type": {"nl": "Soort", "en": "Type"},
    "concept.collections": {"nl": "Hoort bij", "en": "Belongs to"},
    "concept.crosswalks": {"nl": "Codes in andere lijsten", "en": "Codes in other lists"},
    "concept.english_only": {
        "nl": "Nog geen Nederlandse naam: we tonen de Engelse.",
        "en": "No Dutch name yet: shown in English.",
    },
    "concept.show_all": {"nl": "Toon alle {n}", "en": "Show all {n}"},
    "collection.transversal": {"nl": "transversale competenties", "en": "transversal skills"},
    "collection.digital": {"nl": "digitale competenties", "en": "digital skills"},
    "collection.green": {"nl": "groene competenties", "en": "green skills"},
    "collection.language": {"nl": "talen", "en": "languages"},
    "collection.research": {"nl": "onderzoek", "en": "research"},
    "collection.digcomp": {"nl": "DigComp", "en": "DigComp"},
    "error.title": {"nl": "Er ging iets mis", "en": "Something went wrong"},
    "error.not_found": {
        "nl": "Deze pagina of dit begrip bestaat niet.",
        "en": "This page or concept does not exist.",
    },
    "error.invalid": {
        "nl": "Er klopt iets niet in wat je ingaf.",
        "en": "Something is wrong in what you entered.",
    },
    "error.back": {"nl": "Terug naar de start", "en": "Back to the start"},
    "error.too_large": {
        "nl": "Dit is te groot. Stuur een kleiner bestand of een kortere tekst. "
        "Er is niets bewaard.",
        "en": "This is too large. Send a smaller file or a shorter text. Nothing was saved.",
    },
    "footer.data": {
        "nl": "Gegevens: ESCO v1.1.1 © Europese Unie; O*NET 29.3 (USDOL/ETA, CC BY 4.0); BLS.",
        "en": "Data: ESCO v1.1.1 © European Union; O*NET 29.3 (USDOL/ETA, CC BY 4.0); BLS.",
    },
    "footer.api": {"nl": "Open API", "en": "Open API"},
    "not_loaded": {
        "nl": "De gegevens zijn nog niet geladen. Een beheerder voert 'koers data load' uit.",
        "en": "The data are not loaded yet. An administrator runs 'koers data load'.",
    },
}
