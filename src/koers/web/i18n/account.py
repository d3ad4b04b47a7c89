"""Texts of sign-in, registration and "my data" (consent, who looked, download, erase)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # navigation
    "account.nav.login": {"nl": "Inloggen", "en": "Log in"},
    "account.nav.register": {"nl": "Account maken", "en": "Create account"},
    "account.nav.mine": {"nl": "Mijn gegevens", "en": "My data"},
    "account.nav.logout": {"nl": "Uitloggen", "en": "Log out"},
    # login
    "account.login.title": {"nl": "Inloggen", "en": "Log in"},
    "account.login.intro": {
        "nl": "Log in met je e-mailadres en je wachtwoord.",
        "en": "Log in with your e-mail address and your password.",
    },
    "account.field.email": {"nl": "E-mailadres", "en": "E-mail address"},
    "account.field.password": {"nl": "Wachtwoord", "en": "Password"},
    "account.field.password2": {"nl": "Herhaal je wachtwoord", "en": "Repeat your password"},
    "account.field.name": {"nl": "Je naam", "en": "Your name"},
    "account.field.name.hint": {
        "nl": "Zo noemen we je op Koers. Een voornaam is genoeg.",
        "en": "This is how Koers calls you. A first name is enough.",
    },
    "account.field.password.hint": {
        "nl": "Minstens 10 tekens. Een korte zin is makkelijk te onthouden.",
        "en": "At least 10 characters. A short sentence is easy to remember.",
    },
    "account.login.button": {"nl": "Inloggen", "en": "Log in"},
    "account.login.oidc": {
        "nl": "Inloggen via je organisatie",
        "en": "Log in through your organisation",
    },
    "account.login.or": {"nl": "Of", "en": "Or"},
    "account.login.no_account": {
        "nl": "Nog geen account? Maak er een.",
        "en": "No account yet? Create one.",
    },
    "account.login.already": {
        "nl": "Je bent ingelogd als {name}.",
        "en": "You are logged in as {name}.",
    },
    # register
    "account.register.title": {"nl": "Account maken", "en": "Create an account"},
    "account.register.intro": {
        "nl": "Met een account bewaar je je gegevens op Koers. Jij beslist wie ze mag zien.",
        "en": "With an account you keep your data on Koers. You decide who may see it.",
    },
    "account.register.privacy": {
        "nl": "We bewaren je naam, je e-mailadres en wat je zelf invult. Niemand anders ziet je "
        "gegevens zonder jouw toestemming. Je kan alles downloaden of verwijderen.",
        "en": "We keep your name, your e-mail address and what you fill in yourself. Nobody else "
        "sees your data without your consent. You can download or erase everything.",
    },
    "account.register.button": {"nl": "Account maken", "en": "Create account"},
    "account.register.mismatch": {
        "nl": "De twee wachtwoorden zijn niet gelijk.",
        "en": "The two passwords are not the same.",
    },
    # logout
    "account.logout.title": {"nl": "Uitloggen", "en": "Log out"},
    "account.logout.question": {
        "nl": "Wil je uitloggen?",
        "en": "Do you want to log out?",
    },
    "account.logout.button": {"nl": "Ja, uitloggen", "en": "Yes, log out"},
    # my data
    "account.mine.title": {"nl": "Mijn gegevens", "en": "My data"},
    "account.mine.intro": {
        "nl": "Hier beslis je wie je gegevens mag zien. Je ziet ook wie ernaar keek.",
        "en": "Here you decide who may see your data. You also see who looked at it.",
    },
    "account.mine.access": {"nl": "Wie mag mijn gegevens zien?", "en": "Who may see my data?"},
    "account.mine.audit": {"nl": "Wie keek naar mijn gegevens?", "en": "Who looked at my data?"},
    "account.mine.download": {"nl": "Mijn gegevens downloaden", "en": "Download my data"},
    "account.mine.erase": {"nl": "Mijn account verwijderen", "en": "Erase my account"},
    "account.mine.you": {
        "nl": "Je bent ingelogd als {name} ({role}).",
        "en": "You are logged in as {name} ({role}).",
    },
    "account.demo": {
        "nl": "Dit is een demo-account met verzonnen gegevens.",
        "en": "This is a demo account with made-up data.",
    },
    # consents
    "account.access.title": {"nl": "Wie mag mijn gegevens zien?", "en": "Who may see my data?"},
    "account.access.intro": {
        "nl": "Geef je loopbaanbegeleider of je werkgever toegang tot delen van je gegevens. "
        "Jij kiest welke delen en tot wanneer. Je kan het altijd weer intrekken.",
        "en": "Give your career coach or your employer access to parts of your data. You choose "
        "which parts and until when. You can always withdraw it.",
    },
    "account.access.current": {"nl": "Je toestemmingen", "en": "Your consents"},
    "account.access.none": {
        "nl": "Je gaf nog aan niemand toestemming.",
        "en": "You have not given consent to anyone yet.",
    },
    "account.access.new": {"nl": "Nieuwe toestemming geven", "en": "Give a new consent"},
    "account.access.to_whom": {"nl": "Aan wie?", "en": "To whom?"},
    "account.access.to_coach": {"nl": "Mijn loopbaanbegeleider", "en": "My career coach"},
    "account.access.to_employer": {"nl": "Mijn werkgever", "en": "My employer"},
    "account.access.coach_email": {
        "nl": "E-mailadres van je loopbaanbegeleider",
        "en": "E-mail address of your career coach",
    },
    "account.access.employer": {"nl": "Je werkgever", "en": "Your employer"},
    "account.access.no_employers": {
        "nl": "Er zijn nog geen werkgevers op Koers.",
        "en": "There are no employers on Koers yet.",
    },
    "account.access.parts": {"nl": "Welke delen?", "en": "Which parts?"},
    "account.access.until": {"nl": "Tot en met welke dag?", "en": "Until which day?"},
    "account.access.until.hint": {
        "nl": "Hoogstens twee jaar. Daarna stopt de toestemming vanzelf.",
        "en": "At most two years. After that the consent stops by itself.",
    },
    "account.access.purpose.hint": {
        "nl": "Doel: een loopbaanbegeleider gebruikt je gegevens voor je loopbaanbegeleiding. "
        "Een werkgever gebruikt ze voor je loopbaan en opleiding in het bedrijf.",
        "en": "Purpose: a coach uses your data for your career guidance. An employer uses it for "
        "your career and training in the company.",
    },
    "account.access.give": {"nl": "Toestemming geven", "en": "Give consent"},
    "account.access.withdraw": {"nl": "Intrekken", "en": "Withdraw"},
    "account.access.withdraw.label": {
        "nl": "Toestemming voor {name} intrekken",
        "en": "Withdraw consent for {name}",
    },
    "account.access.granted": {"nl": "Je toestemming is bewaard.", "en": "Your consent is saved."},
    "account.access.withdrawn": {
        "nl": "Je toestemming is ingetrokken.",
        "en": "Your consent is withdrawn.",
    },
    "account.access.only_citizens": {
        "nl": "Alleen burgers geven toestemming voor hun gegevens.",
        "en": "Only citizens give consent for their data.",
    },
    "account.access.received": {
        "nl": "Toestemmingen die jij kreeg",
        "en": "Consents you received",
    },
    "account.access.received.none": {
        "nl": "Je kreeg nog geen toestemming.",
        "en": "You have not received any consent yet.",
    },
    "account.col.who": {"nl": "Wie", "en": "Who"},
    "account.col.parts": {"nl": "Delen", "en": "Parts"},
    "account.col.purpose": {"nl": "Doel", "en": "Purpose"},
    "account.col.until": {"nl": "Tot", "en": "Until"},
    "account.col.status": {"nl": "Status", "en": "Status"},
    "account.col.action": {"nl": "Actie", "en": "Action"},
    "account.col.when": {"nl": "Wanneer", "en": "When"},
    "account.col.what": {"nl": "Welk deel", "en": "Which part"},
    "account.col.result": {"nl": "Resultaat", "en": "Result"},
    "account.col.owner": {"nl": "Van wie (code)", "en": "Whose (code)"},
    # who looked
    "account.audit.title": {"nl": "Wie keek naar mijn gegevens?", "en": "Who looked at my data?"},
    "account.audit.intro": {
        "nl": "Elke keer dat iemand anders je gegevens bekijkt of probeert te bekijken, "
        "schrijven we dat op. Hier zie je die lijst.",
        "en": "Every time someone else views or tries to view your data, we write it down. "
        "Here is that list.",
    },
    "account.audit.none": {
        "nl": "Niemand anders keek naar je gegevens.",
        "en": "Nobody else looked at your data.",
    },
    "account.audit.allowed": {"nl": "Bekeken", "en": "Viewed"},
    "account.audit.refused": {"nl": "Geweigerd", "en": "Refused"},
    "account.audit.anonymous": {
        "nl": "Iemand die niet was ingelogd",
        "en": "Someone who was not logged in",
    },
    "account.audit.erased": {"nl": "Een verwijderd account", "en": "An erased account"},
    # download
    "account.download.title": {"nl": "Mijn gegevens downloaden", "en": "Download my data"},
    "account.download.intro": {
        "nl": "Download alles wat Koers over jou bewaart. Je kan het bestand bewaren of aan "
        "een andere dienst geven.",
        "en": "Download everything Koers keeps about you. You can keep the file or give it to "
        "another service.",
    },
    "account.download.json": {
        "nl": "Alles, als JSON-bestand",
        "en": "Everything, as a JSON file",
    },
    "account.download.europass": {
        "nl": "In Europass-stijl (JSON-LD), voor andere leer- en loopbaandiensten",
        "en": "Europass style (JSON-LD), for other learning and career services",
    },
    # erase
    "account.erase.title": {"nl": "Mijn account verwijderen", "en": "Erase my account"},
    "account.erase.intro": {
        "nl": "Als je je account verwijdert, wissen we je naam, je e-mailadres, je "
        "toestemmingen en al je andere gegevens. Dat kan je niet ongedaan maken.",
        "en": "If you erase your account, we delete your name, your e-mail address, your "
        "consents and all your other data. You cannot undo this.",
    },
    "account.erase.kept": {
        "nl": "Wat we wel houden: de lijst van wie naar gegevens keek (het auditlog). De wet "
        "vraagt dat. In die lijst staat dan alleen nog een code, niet je naam.",
        "en": "What we keep: the list of who looked at data (the audit log). The law asks for "
        "it. That list then only holds a code, not your name.",
    },
    "account.erase.confirm": {
        "nl": "Typ VERWIJDER om te bevestigen",
        "en": "Type VERWIJDER to confirm",
    },
    "account.erase.button": {"nl": "Mijn account verwijderen", "en": "Erase my account"},
    "account.erase.done.title": {"nl": "Je account is verwijderd", "en": "Your account is erased"},
    "account.erase.done": {
        "nl": "We hebben je gegevens gewist. Bedankt dat je Koers gebruikte.",
        "en": "We have deleted your data. Thank you for using Koers.",
    },
    # errors shown in forms
    "account.error.invalid_credentials": {
        "nl": "Dat e-mailadres of wachtwoord klopt niet.",
        "en": "That e-mail address or password is not right.",
    },
    "account.error.too_many_attempts": {
        "nl": "Te veel pogingen. Wacht een kwartier en probeer opnieuw.",
        "en": "Too many attempts. Wait a quarter of an hour and try again.",
    },
    "account.error.weak_password": {
        "nl": "Kies een ander wachtwoord: minstens 10 tekens, niet te makkelijk, "
        "zonder je e-mailadres.",
        "en": "Choose another password: at least 10 characters, not too easy, "
        "without your e-mail address.",
    },
    "account.error.conflict": {
        "nl": "Met dit e-mailadres kan je geen nieuw account maken. Misschien heb je er al een?",
        "en": "You cannot create a new account with this e-mail address. Maybe you have one?",
    },
    "account.error.invalid_input": {
        "nl": "Iets klopt niet in wat je invulde. Kijk het na.",
        "en": "Something in what you filled in is not right. Please check.",
    },
    "account.error.invalid_consent": {
        "nl": "Deze toestemming kan niet. Kijk na: een begeleider of werkgever, minstens één "
        "deel, en een einddatum binnen twee jaar.",
        "en": "This consent is not possible. Check: a coach or employer, at least one part, "
        "and an end date within two years.",
    },
    "account.error.not_found": {"nl": "Dat vonden we niet.", "en": "We did not find that."},
    "account.error.oidc_failed": {
        "nl": "Inloggen via je organisatie lukte niet. Probeer opnieuw.",
        "en": "Logging in through your organisation failed. Please try again.",
    },
    "account.error.problem": {"nl": "Er ging iets mis", "en": "Something went wrong"},
    # labels of enums
    "account.role.citizen": {"nl": "burger", "en": "citizen"},
    "account.role.coach": {"nl": "loopbaanbegeleider", "en": "career coach"},
    "account.role.employer": {"nl": "werkgever", "en": "employer"},
    "account.role.provider": {"nl": "opleidingsverstrekker", "en": "training provider"},
    "account.role.analyst": {"nl": "analist", "en": "analyst"},
    "account.role.admin": {"nl": "beheerder", "en": "administrator"},
    "account.role.anonymous": {"nl": "niet ingelogd", "en": "not logged in"},
    "account.resource.portfolio": {"nl": "Portfolio", "en": "Portfolio"},
    "account.resource.checks": {"nl": "Checks", "en": "Checks"},
    "account.resource.recommendations": {"nl": "Suggesties", "en": "Suggestions"},
    "account.resource.contact": {"nl": "Contactgegevens", "en": "Contact details"},
    "account.resource.profile": {"nl": "Account", "en": "Account"},
    "account.resource.consents": {"nl": "Toestemmingen", "en": "Consents"},
    "account.resource.audit": {"nl": "Wie keek", "en": "Who looked"},
    "account.purpose.self": {"nl": "eigen gegevens", "en": "own data"},
    "account.purpose.coaching": {"nl": "loopbaanbegeleiding", "en": "career guidance"},
    "account.purpose.employability": {
        "nl": "loopbaan en opleiding bij je werkgever",
        "en": "career and training at your employer",
    },
    "account.purpose.account_support": {"nl": "hulp bij je account", "en": "account support"},
    "account.purpose.supervision": {"nl": "toezicht", "en": "supervision"},
    "account.status.active": {"nl": "Geldig", "en": "Valid"},
    "account.status.not_yet_valid": {"nl": "Nog niet geldig", "en": "Not yet valid"},
    "account.status.expired": {"nl": "Afgelopen", "en": "Expired"},
    "account.status.withdrawn": {"nl": "Ingetrokken", "en": "Withdrawn"},
}
