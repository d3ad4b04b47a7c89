"""Texts of the analyst space (``/analist``): forecasts, tension, competences, back-tests."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "nav.analyst": {"nl": "Prognoses", "en": "Forecasts"},
    "analyst.title": {"nl": "Prognoses van de arbeidsmarkt", "en": "Labour-market forecasts"},
    "analyst.intro": {
        "nl": "Hoeveel mensen werken er later in elke sector en elk beroep? Hoeveel mensen "
        "moeten we vinden? Hier zie je de prognose, hoe zeker ze is en hoe goed het model "
        "vroeger voorspelde.",
        "en": "How many people will work in each sector and occupation? How many people must "
        "be found? Here you see the forecast, how certain it is, and how well the model "
        "predicted in the past.",
    },
    "analyst.nav": {"nl": "Prognoses: onderdelen", "en": "Forecasts: sections"},
    "analyst.nav.overview": {"nl": "Overzicht", "en": "Overview"},
    "analyst.nav.occupations": {"nl": "Beroepen", "en": "Occupations"},
    "analyst.nav.skills": {"nl": "Competenties", "en": "Skills"},
    "analyst.nav.tension": {"nl": "Spanning en knelpunten", "en": "Tension and shortages"},
    "analyst.nav.backtest": {"nl": "Hoe goed voorspelt het?", "en": "How good is it?"},
    "analyst.sample.title": {"nl": "Voorbeelddata.", "en": "Sample data."},
    "analyst.sample.text": {
        "nl": "Deze prognose draait op een VOORBEELD, geen echte cijfers. De voorbeelddata "
        "volgen enkele gepubliceerde totalen voor Vlaanderen, de rest is verzonnen. Laad de "
        "echte bestanden om echte prognoses te maken.",
        "en": "This forecast runs on a SAMPLE, not real data. The sample follows some "
        "published totals for Flanders; the rest is invented. Load the real files to make "
        "real forecasts.",
    },
    "analyst.no_run": {
        "nl": "Er is nog geen prognose. Een beheerder maakt er een met dit commando:",
        "en": "There is no forecast yet. An operator makes one with this command:",
    },
    "analyst.scenario": {"nl": "Scenario", "en": "Scenario"},
    "analyst.scenario.hint": {
        "nl": "Kies wat er kan gebeuren: de trend zet door, meer groei of krimp.",
        "en": "Choose what may happen: the trend continues, more growth, or shrinking.",
    },
    "analyst.scenario.button": {"nl": "Toon", "en": "Show"},
    "analyst.run.facts": {
        "nl": "Run: {label}. Methode {method}. Gemaakt op {created}. Invoer-code {hash}. "
        "Laatste echte jaar {base}, {horizon} jaar vooruit.",
        "en": "Run: {label}. Method {method}. Made on {created}. Input code {hash}. "
        "Last observed year {base}, {horizon} years ahead.",
    },
    "analyst.total": {"nl": "Alle sectoren samen", "en": "All sectors together"},
    "analyst.chart.total": {
        "nl": "Werkgelegenheid, alle sectoren samen",
        "en": "Employment, all sectors together",
    },
    "analyst.chart.total.desc": {
        "nl": "Lijn van {start} werkenden in het eerste jaar naar {base} in het laatste echte "
        "jaar. De prognose gaat naar {end} (80 % zeker tussen {lo} en {hi}).",
        "en": "Line from {start} people in work in the first year to {base} in the last "
        "observed year. The forecast goes to {end} (80 % sure between {lo} and {hi}).",
    },
    "analyst.chart.unit": {"nl": "Werkgelegenheid: {name}", "en": "Employment: {name}"},
    "analyst.chart.unit.desc": {
        "nl": "{name}: {base} werkenden in het laatste echte jaar. De prognose gaat naar {end} "
        "(80 % zeker tussen {lo} en {hi}).",
        "en": "{name}: {base} people in work in the last observed year. The forecast goes to "
        "{end} (80 % sure between {lo} and {hi}).",
    },
    "analyst.chart.demand": {
        "nl": "Hoeveel mensen zijn nodig, per jaar",
        "en": "How many people are needed, per year",
    },
    "analyst.chart.demand.unit": {
        "nl": "Hoeveel mensen zijn nodig per jaar: {name}",
        "en": "How many people are needed per year: {name}",
    },
    "analyst.chart.demand.desc": {
        "nl": "Staafjes per jaar: vervangingsvraag (mensen die vertrekken) en uitbreidingsvraag "
        "(extra banen). De tabel erboven geeft dezelfde cijfers.",
        "en": "Bars per year: replacement demand (people who leave) and expansion demand "
        "(extra jobs). The table above gives the same numbers.",
    },
    "analyst.chart.supply": {
        "nl": "Vraag en aanbod van nieuwkomers: {name}",
        "en": "Demand for and supply of newcomers: {name}",
    },
    "analyst.chart.supply.desc": {
        "nl": "Gemiddeld per jaar: {demand} plaatsen voor nieuwkomers, {supply} nieuwkomers.",
        "en": "Average per year: {demand} places for newcomers, {supply} newcomers.",
    },
    "analyst.demand.explain": {
        "nl": "Uitbreidingsvraag: er komen banen bij (of er gaan banen weg). Vervangingsvraag: "
        "mensen stoppen met werken of kiezen een ander beroep, en iemand moet hun plaats "
        "innemen. Samen is dat de totale vraag.",
        "en": "Expansion demand: jobs are added (or lost). Replacement demand: people stop "
        "working or change occupation, and someone must take their place. Together this is "
        "total demand.",
    },
    "analyst.legend.history": {"nl": "Echte cijfers", "en": "Observed"},
    "analyst.legend.forecast": {"nl": "Prognose", "en": "Forecast"},
    "analyst.legend.bands": {
        "nl": "Onzekerheid (80 % en 95 % zeker)",
        "en": "Uncertainty (80 % and 95 % sure)",
    },
    "analyst.table.show": {"nl": "Toon de cijfers als tabel", "en": "Show the numbers as a table"},
    "analyst.table.forecast_mark": {
        "nl": "* = prognose. Vraag per jaar, in personen.",
        "en": "* = forecast. Demand per year, in persons.",
    },
    "analyst.year": {"nl": "Jaar", "en": "Year"},
    "analyst.employment": {"nl": "Werkenden", "en": "Employed"},
    "analyst.interval80": {"nl": "80 % zeker", "en": "80 % sure"},
    "analyst.interval95": {"nl": "95 % zeker", "en": "95 % sure"},
    "analyst.expansion": {"nl": "Uitbreidingsvraag", "en": "Expansion demand"},
    "analyst.replacement": {"nl": "Vervangingsvraag", "en": "Replacement demand"},
    "analyst.openings": {"nl": "Totale vraag", "en": "Openings"},
    "analyst.demand_newcomers": {"nl": "Plaatsen voor nieuwkomers", "en": "Places for newcomers"},
    "analyst.supply": {"nl": "Nieuwkomers (aanbod)", "en": "Newcomers (supply)"},
    "analyst.growth": {"nl": "Groei per jaar", "en": "Growth per year"},
    "analyst.per_year": {"nl": "per jaar", "en": "a year"},
    "analyst.sector": {"nl": "Sector", "en": "Sector"},
    "analyst.sectors": {"nl": "Sectoren", "en": "Sectors"},
    "analyst.sectors.explain": {
        "nl": "Werkenden in {base} en de prognose voor {end}. Klik op een sector voor de grafiek.",
        "en": "People in work in {base} and the forecast for {end}. Click a sector for its chart.",
    },
    "analyst.sums.explain": {
        "nl": "Uitbreidings- en vervangingsvraag en totale vraag: samen over de {n} jaar van "
        "de prognose.",
        "en": "Expansion, replacement and total demand: added up over the {n} forecast years.",
    },
    "analyst.occupation": {"nl": "Beroep", "en": "Occupation"},
    "analyst.occupations": {"nl": "Beroepen", "en": "Occupations"},
    "analyst.occupations.explain": {
        "nl": "Beroepsgroepen (ISCO-08) van {base} tot {end}. Het aanbod zijn schoolverlaters, "
        "werkzoekenden en nieuwe inwoners die in het beroep kunnen starten.",
        "en": "Occupation groups (ISCO-08) from {base} to {end}. Supply is school leavers, "
        "jobseekers and newcomers to the country who can start in the occupation.",
    },
    "analyst.sort": {"nl": "Sorteer op", "en": "Sort by"},
    "analyst.sort.button": {"nl": "Sorteer", "en": "Sort"},
    "analyst.sort.openings": {"nl": "Totale vraag", "en": "Openings"},
    "analyst.sort.growth": {"nl": "Groei", "en": "Growth"},
    "analyst.sort.prospects": {"nl": "Krapte (eerst)", "en": "Scarcity (first)"},
    "analyst.sort.code": {"nl": "Code", "en": "Code"},
    "analyst.level.sector": {"nl": "Sector", "en": "Sector"},
    "analyst.level.occupation": {"nl": "Beroepsgroep", "en": "Occupation group"},
    "analyst.outlook": {"nl": "Prognose", "en": "Outlook"},
    "analyst.replacement_vs_expansion": {
        "nl": "Vervangingsvraag en uitbreidingsvraag",
        "en": "Replacement and expansion demand",
    },
    "analyst.supply_vs_demand": {"nl": "Vraag en aanbod", "en": "Demand and supply"},
    "analyst.prospects": {"nl": "Toekomstkansen", "en": "Prospects"},
    "analyst.prospects.ratio": {
        "nl": "{ratio} nieuwkomers per plaats",
        "en": "{ratio} newcomers per place",
    },
    "analyst.prospects.explain": {
        "nl": "We vergelijken de plaatsen voor nieuwkomers (extra banen plus mensen die de "
        "arbeidsmarkt verlaten) met het aantal nieuwkomers. Minder nieuwkomers dan plaatsen: "
        "goede kansen voor wie start, maar werkgevers vinden moeilijk mensen. In de stijl van "
        "de ITA-indicator van ROA; de grenzen zijn van Koers.",
        "en": "We compare the places for newcomers (extra jobs plus people leaving the labour "
        "market) with the number of newcomers. Fewer newcomers than places: good prospects "
        "for starters, but employers struggle to find people. In the style of ROA's ITA "
        "indicator; the limits are Koers's own.",
    },
    "analyst.band.very_good": {"nl": "Zeer goed", "en": "Very good"},
    "analyst.band.good": {"nl": "Goed", "en": "Good"},
    "analyst.band.fair": {"nl": "Redelijk", "en": "Fair"},
    "analyst.band.moderate": {"nl": "Matig", "en": "Moderate"},
    "analyst.band.poor": {"nl": "Slecht", "en": "Poor"},
    "analyst.band.unknown": {"nl": "Onbekend", "en": "Unknown"},
    "analyst.degree.strong_growth": {"nl": "Sterke groei", "en": "Strong growth"},
    "analyst.degree.growth": {"nl": "Groei", "en": "Growth"},
    "analyst.degree.stable": {"nl": "Stabiel", "en": "Stable"},
    "analyst.degree.decline": {"nl": "Daling", "en": "Decline"},
    "analyst.degree.strong_decline": {"nl": "Sterke daling", "en": "Strong decline"},
    "analyst.degree.unknown": {"nl": "Onbekend", "en": "Unknown"},
    "analyst.see_taxonomy": {
        "nl": "Bekijk deze beroepsgroep in de lijst van beroepen",
        "en": "See this occupation group in the list of occupations",
    },
    "analyst.supply.groups": {"nl": "Schoolverlaters per groep", "en": "School leavers by group"},
    "analyst.supply.groups.explain": {
        "nl": "Verwacht aantal schoolverlaters per jaar, in dit scenario.",
        "en": "Expected school leavers per year, in this scenario.",
    },
    "analyst.supply.group": {"nl": "Groep", "en": "Group"},
    "analyst.supply.per_year": {"nl": "In {year}", "en": "In {year}"},
    "analyst.supply.low": {"nl": "Laaggeschoold", "en": "Low-qualified"},
    "analyst.supply.middle": {"nl": "Middengeschoold", "en": "Medium-qualified"},
    "analyst.supply.high": {"nl": "Hooggeschoold", "en": "High-qualified"},
    "analyst.supply.stem": {"nl": "STEM-richtingen", "en": "STEM fields"},
    "analyst.supply.care": {"nl": "Zorg en welzijn", "en": "Health and welfare"},
    "analyst.supply.total": {"nl": "Alle schoolverlaters", "en": "All school leavers"},
    "analyst.notes": {"nl": "Wat je moet weten", "en": "What you should know"},
    "analyst.bt.title": {"nl": "Hoe goed voorspelt het model?", "en": "How good is the model?"},
    "analyst.bt.intro": {
        "nl": "We deden alsof het vroeger was, maakten een prognose van {h} jaar vanaf {cutoffs} "
        "({w} keer) en vergeleken met wat echt gebeurde. Ook voor twee eenvoudige "
        "methodes: niets verandert (naïef) en de trend van vroeger (drift).",
        "en": "We pretended it was earlier, forecast {h} years from {cutoffs} ({w} times) and "
        "compared with what really happened. Also for two simple methods: nothing changes "
        "(naive) and the past trend (drift).",
    },
    "analyst.bt.method": {"nl": "Methode", "en": "Method"},
    "analyst.bt.direction": {"nl": "Richting juist", "en": "Direction right"},
    "analyst.bt.points": {"nl": "Punten", "en": "Points"},
    "analyst.bt.explain": {
        "nl": "MASE en MAPE: hoe kleiner, hoe beter. Richting juist: hoe vaak het model goed "
        "zei of het stijgt of daalt.",
        "en": "MASE and MAPE: smaller is better. Direction right: how often the model said "
        "correctly whether it goes up or down.",
    },
    "analyst.bt.none": {"nl": "Geen back-test beschikbaar.", "en": "No back-test available."},
    "analyst.bt.all": {"nl": "Alle resultaten per sector", "en": "All results per sector"},
    "analyst.bt.caption.overall": {
        "nl": "Back-test over alle sectoren",
        "en": "Back-test over all sectors",
    },
    "analyst.bt.caption.series": {"nl": "Back-test: {name}", "en": "Back-test: {name}"},
    "analyst.bt.occupation": {
        "nl": "Beroepen volgen uit de sectoren. Hieronder de back-test van de sectoren.",
        "en": "Occupations follow from the sectors. Below is the sectors' back-test.",
    },
    "analyst.bt.shares": {
        "nl": "Verdeling over beroepen: vaste of bewegende aandelen",
        "en": "Split over occupations: fixed or trending shares",
    },
    "analyst.bt.shares.explain": {
        "nl": "Met de echte werkgelegenheid per sector: hoe goed voorspelt de verdeelsleutel "
        "de beroepen, met vaste aandelen of met de trend in de aandelen?",
        "en": "With the real employment per sector: how well does the distribution key "
        "predict occupations, with fixed shares or with the trend in the shares?",
    },
    "analyst.bt.per_series": {"nl": "Per sector (MASE)", "en": "Per sector (MASE)"},
    "analyst.method.koers": {"nl": "Koers-model (AutoETS)", "en": "Koers model (AutoETS)"},
    "analyst.method.theta": {"nl": "Koers-model (Theta)", "en": "Koers model (Theta)"},
    "analyst.method.naive": {"nl": "Naïef (niets verandert)", "en": "Naive (no change)"},
    "analyst.method.drift": {"nl": "Drift (trend van vroeger)", "en": "Drift (past trend)"},
    "analyst.method.constant_shares": {"nl": "Vaste aandelen", "en": "Constant shares"},
    "analyst.method.trend_shares": {"nl": "Bewegende aandelen", "en": "Trended shares"},
    "analyst.tension.title": {
        "nl": "Spanning op de arbeidsmarkt",
        "en": "Tension on the labour market",
    },
    "analyst.tension.intro": {
        "nl": "De spanningsratio is het aantal werkzoekenden per open vacature. Hoe lager, hoe "
        "moeilijker werkgevers mensen vinden.",
        "en": "The tension ratio is the number of jobseekers per open vacancy. The lower it "
        "is, the harder it is for employers to find people.",
    },
    "analyst.tension.report_source": {
        "nl": "Bron: tabellen 1 en 2 van het rapport 'Naar een leer- en loopbaanoffensief' "
        "(2021), cijfers van VDAB. Dit zijn echte cijfers. De lijst van knelpuntberoepen is "
        "de echte VDAB-lijst voor 2026.",
        "en": "Source: Tables 1 and 2 of the report 'Naar een leer- en loopbaanoffensief' "
        "(2021), VDAB figures. These are real figures. The shortage list is the real VDAB "
        "list for 2026.",
    },
    "analyst.tension.upload_source": {
        "nl": "Bron: je eigen bestand {name}.",
        "en": "Source: your own file {name}.",
    },
    "analyst.tension.choose": {"nl": "Kies wat je wil zien", "en": "Choose what to see"},
    "analyst.tension.period": {"nl": "Periode", "en": "Period"},
    "analyst.tension.period_optional": {
        "nl": "Periode (leeg = de laatste)",
        "en": "Period (empty = the latest)",
    },
    "analyst.tension.filter_period": {
        "nl": "Vacatures tellen in periode",
        "en": "Count vacancies in period",
    },
    "analyst.tension.same_period": {"nl": "Dezelfde periode", "en": "The same period"},
    "analyst.tension.filter_hint": {
        "nl": "Tabel 2 van het rapport toont februari 2020 voor de beroepen met minstens 50 "
        "vacatures in april 2021. Kies dan periode 2020-02 en hier 2021-04.",
        "en": "The report's Table 2 shows February 2020 for the occupations with at least 50 "
        "vacancies in April 2021. Then choose period 2020-02 and 2021-04 here.",
    },
    "analyst.tension.min_vacancies": {
        "nl": "Minstens zoveel vacatures",
        "en": "At least vacancies",
    },
    "analyst.tension.top": {"nl": "Aantal rijen", "en": "Number of rows"},
    "analyst.tension.show": {"nl": "Toon", "en": "Show"},
    "analyst.tension.ranking": {
        "nl": "Meeste spanning in {period} (beroepen met minstens {n} vacatures in {q})",
        "en": "Most tension in {period} (occupations with at least {n} vacancies in {q})",
    },
    "analyst.tension.rank": {"nl": "Plaats", "en": "Rank"},
    "analyst.tension.jobseekers": {"nl": "Werkzoekenden", "en": "Jobseekers"},
    "analyst.tension.vacancies": {"nl": "Vacatures", "en": "Vacancies"},
    "analyst.tension.ratio": {"nl": "Spanningsratio", "en": "Tension ratio"},
    "analyst.tension.shortage": {"nl": "Knelpuntberoep 2026", "en": "Shortage occupation 2026"},
    "analyst.tension.on_list": {"nl": "Op de lijst", "en": "On the list"},
    "analyst.tension.decree": {"nl": "Ook in het besluit", "en": "Also in the decree"},
    "analyst.tension.not_on_list": {"nl": "Niet gevonden", "en": "Not found"},
    "analyst.tension.match.title": {"nl": "zelfde naam", "en": "same title"},
    "analyst.tension.match.esco": {"nl": "via ESCO-beroep", "en": "via ESCO occupation"},
    "analyst.tension.match.None": {"nl": "–", "en": "–"},
    "analyst.tension.unranked": {
        "nl": "{n} beroepen hebben genoeg vacatures maar geen cijfers in deze periode:",
        "en": "{n} occupations have enough vacancies but no figures in this period:",
    },
    "analyst.tension.mapping": {
        "nl": "Van de {listed} knelpuntberoepen van VDAB vonden we er {mapped} terug in ESCO "
        "via de Nederlandse namen. 'Niet gevonden' betekent dus niet altijd 'geen "
        "knelpuntberoep'.",
        "en": "Of VDAB's {listed} shortage occupations, {mapped} were found in ESCO via the "
        "Dutch names. So 'not found' does not always mean 'not a shortage occupation'.",
    },
    "analyst.tension.esco_pending": {
        "nl": "De koppeling met ESCO wordt nog voorbereid. Nu vergelijken we enkel de namen. "
        "Laad de pagina over een halve minuut opnieuw.",
        "en": "The link with ESCO is still being prepared. For now we compare names only. "
        "Reload the page in half a minute.",
    },
    "analyst.tension.upload": {"nl": "Je eigen cijfers gebruiken", "en": "Use your own figures"},
    "analyst.tension.upload_hint": {
        "nl": "Een CSV-bestand met de kolommen occupation, period, jobseekers, vacancies.",
        "en": "A CSV file with the columns occupation, period, jobseekers, vacancies.",
    },
    "analyst.tension.file": {"nl": "Bestand", "en": "File"},
    "analyst.tension.upload_button": {"nl": "Bereken", "en": "Calculate"},
    "analyst.tension.error": {
        "nl": "Je bestand kon niet gebruikt worden:",
        "en": "Your file could not be used:",
    },
    "analyst.skills.title": {"nl": "Competenties van de toekomst", "en": "Skills of the future"},
    "analyst.skills.intro": {
        "nl": "Welke competenties zijn later meer of minder nodig? We kijken naar de beroepen "
        "die een competentie gebruiken en hoe die beroepen groeien.",
        "en": "Which skills will be needed more or less? We look at the occupations that use "
        "a skill and at how those occupations grow.",
    },
    "analyst.skills.search": {
        "nl": "Zoek een competentie of een beroep",
        "en": "Search for a skill or an occupation",
    },
    "analyst.skills.search_hint": {
        "nl": "Bijvoorbeeld: verpleegkunde, lassen, boekhouding.",
        "en": "For example: nursing, welding, bookkeeping.",
    },
    "analyst.skills.model": {"nl": "Model zegt", "en": "Model says"},
    "analyst.skills.adjusted": {"nl": "Na aanpassingen", "en": "After adjustments"},
    "analyst.skills.adjusted_note": {
        "nl": "aangepast door een bevraging of panel (zie hieronder)",
        "en": "adjusted by a survey or panel (see below)",
    },
    "analyst.skills.explain": {
        "nl": "Deze competentie hoort bij {n} beroepen in de prognose. De beroepsgroepen die "
        "het meest meewegen:",
        "en": "This skill belongs to {n} occupations in the forecast. The occupation groups "
        "that weigh most:",
    },
    "analyst.skills.method": {
        "nl": "Berekening: gemiddelde groei van de beroepen met deze competentie, gewogen "
        "naar werkgelegenheid; essentieel telt 1, optioneel 0,5. Sterke groei vanaf +1 % per "
        "jaar, groei vanaf +0,25 %, daling vanaf −0,25 %, sterke daling vanaf −1 %.",
        "en": "Calculation: average growth of the occupations with this skill, weighted by "
        "employment; essential counts 1, optional 0.5. Strong growth from +1 % a year, "
        "growth from +0.25 %, decline from −0.25 %, strong decline from −1 %.",
    },
    "analyst.skills.no_indicator": {
        "nl": "Voor deze competentie is er geen indicator: geen enkel beroep in de prognose "
        "gebruikt ze.",
        "en": "There is no indicator for this skill: no occupation in the forecast uses it.",
    },
    "analyst.skills.occupation_outlook": {
        "nl": "Prognose van de beroepsgroep",
        "en": "Outlook of the occupation group",
    },
    "analyst.skills.essential": {
        "nl": "Essentiële competenties van dit beroep",
        "en": "Essential skills of this occupation",
    },
    "analyst.skills.growing": {"nl": "Sterkst groeiend", "en": "Growing most"},
    "analyst.skills.declining": {"nl": "Sterkst dalend", "en": "Declining most"},
    "analyst.skills.degrees": {
        "nl": "Alle competenties per graad",
        "en": "All skills by degree",
    },
    "analyst.skills.count": {"nl": "Aantal", "en": "Number"},
    "analyst.adjust.only_analyst": {
        "nl": "Alleen een analist kan een aanpassing bewaren. Meld je aan als analist.",
        "en": "Only an analyst can save an adjustment. Sign in as an analyst.",
    },
    "analyst.adjust.title": {
        "nl": "Aanpassingen door werkgevers en experten",
        "en": "Adjustments by employers and experts",
    },
    "analyst.adjust.none": {"nl": "Nog geen aanpassingen.", "en": "No adjustments yet."},
    "analyst.adjust.date": {"nl": "Datum", "en": "Date"},
    "analyst.adjust.source": {"nl": "Bron", "en": "Source"},
    "analyst.adjust.source.employer_survey": {
        "nl": "Bevraging van werkgevers",
        "en": "Employer survey",
    },
    "analyst.adjust.source.expert_panel": {"nl": "Expertenpanel", "en": "Expert panel"},
    "analyst.adjust.kind": {"nl": "Soort", "en": "Kind"},
    "analyst.adjust.kind.ex_ante": {
        "nl": "Aanpassing vooraf (verandert de graad)",
        "en": "Adjustment in advance (changes the degree)",
    },
    "analyst.adjust.kind.ex_post": {
        "nl": "Controle achteraf (enkel een opmerking)",
        "en": "Check afterwards (a note only)",
    },
    "analyst.adjust.delta": {"nl": "Graden erbij of eraf", "en": "Degrees up or down"},
    "analyst.adjust.delta_hint": {
        "nl": "Bijvoorbeeld 1 = één graad hoger, −1 = één graad lager. Bij een controle "
        "achteraf blijft dit 0.",
        "en": "For example 1 = one degree up, −1 = one degree down. For a check afterwards "
        "this stays 0.",
    },
    "analyst.adjust.author": {"nl": "Wie", "en": "Who"},
    "analyst.adjust.reason": {"nl": "Waarom", "en": "Why"},
    "analyst.adjust.save": {"nl": "Bewaar", "en": "Save"},
}
