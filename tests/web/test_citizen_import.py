"""Import into "Mijn competenties": a CV file (PDF, .docx, text) or a list of past occupations,
a review list where the citizen unticks what is wrong, and a save that ADDS only the ticked
items to the stored portfolio (versioned; a stale version is a 409 and nothing is stored).

The skill finder is a small fake (keyword → ESCO skill), so these tests are about the import
flow, not about extraction quality; one test runs the real extractor end to end."""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Sequence
from dataclasses import replace
from importlib import resources

import pytest
from fastapi.testclient import TestClient

from koers.access import Account, Purpose
from koers.app import create_app
from koers.config import Settings
from koers.portfolio import (
    ActorType,
    Evidence,
    EvidenceType,
    FoundSkill,
    Portfolio,
    SkillClaim,
    Source,
    VerificationLevel,
    dumps,
)
from koers.services.accounts import AccountService
from koers.services.check import CheckService
from koers.services.portfolio import PortfolioService, StoredPortfolio
from koers.services.taxonomy import TaxonomyService
from koers.store.db import Database
from tests.portfolio.docs_factory import docx, docx_bomb, pdf, scanned_pdf
from tests.portfolio.websupport import Web, make_web

PASSWORD = "een lang wachtwoord 123"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
FORKLIFT = "http://data.europa.eu/esco/skill/5d2e82cc-5943-4218-a459-a1956fad2b63"
TEAM = "http://data.europa.eu/esco/skill/fe29e658-7cad-4b70-a169-10a240ec0bef"
FIRST_AID = "http://data.europa.eu/esco/skill/1d21f6ad-340f-45da-a0a3-4e83867f47a6"
KEYWORDS = {"heftruck": FORKLIFT, "ploeg": TEAM, "EHBO": FIRST_AID}
CV_LINES = ("Ik reed acht jaar met de heftruck.", "Ik werk graag in een ploeg.", "Brevet EHBO.")


class KeywordFinder:
    """Finds a skill when its keyword is in the text (span = the keyword), in text order."""

    def find(self, text: str, top: int) -> Sequence[FoundSkill]:
        hits = sorted((text.find(k), k) for k in KEYWORDS if k in text)
        return [FoundSkill(KEYWORDS[k], k, 0.9, k) for _, k in hits][:top]


@pytest.fixture()
def web(sqlite_loaded: Database, settings: Settings) -> Web:
    return make_web(sqlite_loaded, settings, finder=KeywordFinder())


def sign_in(web: Web, portfolio: Portfolio | None = None) -> Account:
    """A new citizen, signed in; with a stored portfolio when one is given."""
    email = f"import-{uuid.uuid4().hex[:8]}@example.org"
    account = web.accounts.register(email, PASSWORD, "Importburger")
    if portfolio is not None:
        web.portfolios.create(account.id, portfolio)
    login = web.client.post("/api/v1/accounts/login", json={"email": email, "password": PASSWORD})
    assert login.status_code == 200
    return account


def token(page: str) -> str:
    match = CSRF.search(page)
    assert match, "no CSRF field"
    return match.group(1)


def stored(web: Web, account: Account) -> StoredPortfolio | None:
    ids = web.portfolios.portfolios_of(account.id, account.actor(), Purpose.SELF, "/tests")
    if not ids:
        return None
    return web.portfolios.load(ids[0], account.actor(), Purpose.SELF, "/tests")


def upload(web: Web, field: str, name: str, data: bytes, kind: str = "application/pdf") -> str:
    page = web.client.get("/mijn-competenties")
    response = web.client.post(
        "/mijn-competenties",
        data={"csrf_token": token(page.text)},
        files={field: (name, data, kind)},
    )
    return f"{response.status_code}\n{response.text}"


def review_form(page: str) -> dict[str, object]:
    """The review form as the browser would send it (all ticked boxes)."""
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page))
    fields = {k: html.unescape(v) for k, v in fields.items()}
    keep = re.findall(
        r'<input type="checkbox" id="keep-[^"]+" name="keep" value="([^"]+)" checked', page
    )
    return {**fields, "csrf_token": token(page), "keep": keep}


def labels(web: Web) -> dict[str, str]:
    claims = tuple(
        SkillClaim(f"c{i}", uri, Source(ActorType.SELF), Evidence(EvidenceType.NONE))
        for i, uri in enumerate(KEYWORDS.values())
    )
    return web.portfolios.labels(Portfolio(claims=claims))


def test_the_page_offers_cv_files_and_occupation_lists_with_the_limit(web: Web) -> None:
    page = web.client.get("/mijn-competenties").text
    assert '<label for="cv_file">' in page and 'name="cv_file" type="file"' in page
    assert '<label for="occupations">' in page and '<label for="cv">' in page
    assert "Maximaal 1 MB" in page  # KOERS_MAX_BODY_BYTES is 1 MiB by default
    english = web.client.get("/mijn-competenties?lang=en").text
    assert "At most 1 MB" in english and "Import your CV" in english


def test_pdf_upload_shows_a_review_list_all_ticked_with_spans(web: Web) -> None:
    status, page = upload(web, "cv_file", "cv.pdf", pdf(*CV_LINES)).split("\n", 1)
    assert status == "200", page[:500]
    names = labels(web)
    assert "Controleer wat we vonden" in page and "We vonden 3 competenties in cv.pdf" in page
    assert "<fieldset" in page and "<legend>Competenties die we vonden</legend>" in page
    for uri, keyword in ((FORKLIFT, "heftruck"), (TEAM, "ploeg"), (FIRST_AID, "EHBO")):
        assert html.escape(names[uri]) in page
        assert f"gevonden in: “… {keyword} …”" in page
    assert len(review_form(page)["keep"]) == 3  # type: ignore[arg-type]
    assert 'aria-describedby="detail-' in page
    # not signed in: the list is shown, saving needs an account
    assert "Log in om dit te bewaren" in page and "Bewaar wat aangevinkt is" not in page


def test_untick_then_save_makes_the_first_portfolio_of_the_ticked_skills(web: Web) -> None:
    account = sign_in(web)
    status, page = upload(web, "cv_file", "cv.docx", docx(list(CV_LINES))).split("\n", 1)
    assert status == "200", page[:500]
    assert "Wat je aanvinkt, wordt je eerste bewaarde portfolio" in page
    form = review_form(page)
    assert form["version"] == "0" and form["mode"] == "import"
    ids = re.findall(r'id="keep-([^"]+)" name="keep"[^>]*>\s*<label for="[^"]+">([^<]+)<', page)
    assert len(ids) == 3
    by_label = {html.unescape(label): claim_id for claim_id, label in ids}
    form["keep"] = [i for label, i in by_label.items() if label != labels(web)[TEAM]]
    saved = web.client.post("/mijn-competenties/bewaar", data=form, follow_redirects=False)
    assert saved.status_code == 303, saved.text[:500]
    result = stored(web, account)
    assert result is not None
    claims = {c.skill_uri: c for c in result.portfolio.claims}
    assert set(claims) == {FORKLIFT, FIRST_AID}  # the unticked one is not stored
    forklift = claims[FORKLIFT]
    assert forklift.source.actor_type is ActorType.EXTRACTION
    assert forklift.verification is VerificationLevel.INFERRED
    assert forklift.evidence == Evidence(EvidenceType.DOCUMENT_EXCERPT, "cv.docx", "heftruck")


def test_import_adds_to_the_stored_portfolio_and_marks_what_is_there(web: Web) -> None:
    mine = SkillClaim(
        "c1",
        FORKLIFT,
        Source(ActorType.EMPLOYER, "Voorbeeld Logistiek (fictief)"),
        Evidence(EvidenceType.JOB, "magazijnier"),
        VerificationLevel.SELF_DECLARED,
        note="mijn eigen notitie",
    )
    account = sign_in(web, Portfolio(claims=(mine,)))
    before = stored(web, account)
    assert before is not None
    status, page = upload(
        web, "cv_file", "cv.txt", "\n".join(CV_LINES).encode(), "text/plain"
    ).split("\n", 1)
    assert status == "200", page[:500]
    assert f"Je hebt al een bewaard portfolio (versie {before.version})" in page
    assert page.count(">al in je portfolio<") == 1
    form = review_form(page)
    assert form["version"] == str(before.version)
    assert len(form["keep"]) == 2  # type: ignore[arg-type]  # the known skill has no checkbox
    saved = web.client.post("/mijn-competenties/bewaar", data=form, follow_redirects=False)
    assert saved.status_code == 303, saved.text[:500]
    after = stored(web, account)
    assert after is not None and after.version > before.version
    assert after.portfolio.claim("c1") == mine  # kept exactly, not replaced by the import
    uris = [c.skill_uri for c in after.portfolio.claims]
    assert sorted(uris) == sorted([FORKLIFT, TEAM, FIRST_AID])  # nothing twice
    history = web.portfolios.history(after.id, account.actor(), Purpose.SELF, "/tests")
    assert all(e.kind.value == "claim_added" for e in history[before.version :])


def test_stale_version_is_409_and_nothing_is_stored(web: Web) -> None:
    account = sign_in(web, Portfolio())
    status, page = upload(web, "cv_file", "cv.pdf", pdf(*CV_LINES)).split("\n", 1)
    assert status == "200"
    form = review_form(page)
    form["keep"] = form["keep"][:1]  # type: ignore[index]
    # meanwhile, in another window: a claim of the citizen's own
    now = stored(web, account)
    assert now is not None
    own = SkillClaim("c1", TEAM, Source(ActorType.SELF), Evidence(EvidenceType.NONE))
    web.portfolios.save(
        now.id,
        now.version,
        replace(now.portfolio, claims=(own,)),
        account.actor(),
        Purpose.SELF,
        "/t",
    )
    meanwhile = stored(web, account)
    assert meanwhile is not None
    again = web.client.post("/mijn-competenties/bewaar", data=form, follow_redirects=False)
    assert again.status_code == 409
    assert "intussen gewijzigd" in again.text and 'role="alert"' in again.text
    assert stored(web, account) == meanwhile  # nothing stored
    # the list is shown again with the citizen's ticks and the new version
    fresh = review_form(again.text)
    assert fresh["version"] == str(meanwhile.version) and fresh["keep"] == form["keep"]
    assert ">al in je portfolio<" in again.text  # TEAM is now in the portfolio
    done = web.client.post("/mijn-competenties/bewaar", data=fresh, follow_redirects=False)
    assert done.status_code == 303


def test_a_portfolio_made_elsewhere_meanwhile_is_a_conflict_too(web: Web) -> None:
    account = sign_in(web)
    _, page = upload(web, "cv_file", "cv.pdf", pdf(*CV_LINES)).split("\n", 1)
    web.portfolios.create(account.id, Portfolio())
    response = web.client.post("/mijn-competenties/bewaar", data=review_form(page))
    assert response.status_code == 409
    result = stored(web, account)
    assert result is not None and result.portfolio.claims == ()


def test_nothing_ticked_stores_nothing(web: Web) -> None:
    account = sign_in(web)
    _, page = upload(web, "cv_file", "cv.pdf", pdf(*CV_LINES)).split("\n", 1)
    form = review_form(page)
    form["keep"] = []
    response = web.client.post("/mijn-competenties/bewaar", data=form)
    assert response.status_code == 422 and "niets bewaard" in response.text
    assert stored(web, account) is None


def test_a_forged_import_cannot_store_another_source(web: Web) -> None:
    account = sign_in(web)
    forged = Portfolio(
        claims=(
            SkillClaim(
                "c1",
                FORKLIFT,
                Source(ActorType.VDAB, "VDAB"),
                Evidence(EvidenceType.CERTIFICATE, "attest", "heftruck"),
                VerificationLevel.VERIFIED,
            ),
        )
    )
    page = web.client.get("/mijn-competenties").text
    response = web.client.post(
        "/mijn-competenties/bewaar",
        data={
            "csrf_token": token(page),
            "mode": "import",
            "version": "0",
            "portfolio_json": dumps(forged),
            "keep": ["c1"],
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    result = stored(web, account)
    assert result is not None
    (claim,) = result.portfolio.claims
    assert claim.source.actor_type is ActorType.EXTRACTION
    assert claim.verification is VerificationLevel.INFERRED


def test_pasted_cv_goes_through_the_review_too(web: Web) -> None:
    page = web.client.get("/mijn-competenties").text
    response = web.client.post(
        "/mijn-competenties", data={"csrf_token": token(page), "cv": " ".join(CV_LINES)}
    )
    assert response.status_code == 200 and "We vonden 3 competenties in CV" in response.text


BAD_FILES = [
    ("leeg.pdf", b"", "Het bestand is leeg"),
    ("scan.pdf", scanned_pdf(), "Deze PDF heeft geen tekst"),
    ("geheim.pdf", pdf("heftruck", password="open sesame"), "Dit bestand heeft een wachtwoord"),
    ("cv.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "oud Word-bestand (.doc)"),
    ("cv.pdf", bytes(range(256)) * 20, "Dit is geen goed PDF-bestand"),
    ("foto.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 300, "Dit soort bestand (.jpg)"),
    ("cv.docx", docx_bomb(21_000_000), "uitgepakt groter dan 20 MB"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_unreadable_cv_files_are_explained_and_nothing_is_stored(
    web: Web, name: str, data: bytes, message: str
) -> None:
    account = sign_in(web, Portfolio())
    before = stored(web, account)
    status, page = upload(web, "cv_file", name, data).split("\n", 1)
    assert status == "422", page[:300]
    assert "We konden dit bestand niet lezen. Er is niets bewaard." in page
    assert message in page and 'role="alert"' in page
    assert 'aria-describedby="cv-file-hint import-error"' in page
    assert stored(web, account) == before


def test_a_cv_over_the_body_limit_is_refused_before_any_page_code(web: Web) -> None:
    status, page = upload(web, "cv_file", "cv.pdf", b"%PDF-1.4\n" + b"0" * 1_100_000).split("\n", 1)
    assert status == "413" and "Dit is te groot" in page and "1048576" in page


def test_occupations_list_review_and_merge(web: Web) -> None:
    account = sign_in(web, Portfolio())
    example = resources.files("koers.examples").joinpath("occupations_example.csv").read_bytes()
    status, page = upload(web, "occupations", "jobs.csv", example, "text/csv").split("\n", 1)
    assert status == "200", page[:500]
    assert "We vonden 2 jobs in jobs.csv" in page and "<legend>Jobs die we vonden</legend>" in page
    assert "Heftruckchauffeur" in page and "2001-03-01 tot 2008-12-31" in page
    form = review_form(page)
    assert form["keep"] == ["h1", "h2"]
    form["keep"] = ["h2"]
    saved = web.client.post("/mijn-competenties/bewaar", data=form, follow_redirects=False)
    assert saved.status_code == 303
    result = stored(web, account)
    assert result is not None
    assert [h.title for h in result.portfolio.history] == ["Magazijnmedewerker"]
    # the same list again: the stored job is marked and not added twice
    _, page = upload(web, "occupations", "jobs.csv", example, "text/csv").split("\n", 1)
    assert page.count(">al in je portfolio<") == 1
    web.client.post("/mijn-competenties/bewaar", data=review_form(page))
    result = stored(web, account)
    assert result is not None
    assert sorted(h.title for h in result.portfolio.history) == [
        "Heftruckchauffeur",
        "Magazijnmedewerker",
    ]


def test_broken_occupations_list_lists_the_rows_and_stores_nothing(web: Web) -> None:
    account = sign_in(web, Portfolio())
    before = stored(web, account)
    broken = b"occupation,start,end\n9999.9,2001-01-01,\n8344.1,gisteren,\n"
    status, page = upload(web, "occupations", "jobs.csv", broken, "text/csv").split("\n", 1)
    assert status == "422"
    assert "Er klopt iets niet in het bestand" in page and "row 2" in page and "row 3" in page
    assert stored(web, account) == before


def test_csrf_is_required_on_upload_and_save(web: Web) -> None:
    sign_in(web)
    web.client.get("/mijn-competenties")
    upload_response = web.client.post(
        "/mijn-competenties", files={"cv_file": ("cv.pdf", pdf(*CV_LINES), "application/pdf")}
    )
    assert upload_response.status_code == 403
    save = web.client.post(
        "/mijn-competenties/bewaar",
        data={"mode": "import", "version": "0", "portfolio_json": "{}", "keep": ["c1"]},
    )
    assert save.status_code == 403


def test_the_check_page_reads_a_cv_file_too(web: Web) -> None:
    page = web.client.get("/competentiecheck").text
    assert '<label for="cv_file">' in page and '<label for="occupations">' not in page
    response = web.client.post(
        "/competentiecheck",
        data={"csrf_token": token(page)},
        files={"cv_file": ("cv.pdf", pdf(*CV_LINES), "application/pdf")},
    )
    assert response.status_code == 200 and "Waarschuwingslampjes" in response.text


def test_real_extractor_finds_skills_in_a_pdf(sqlite_loaded: Database, settings: Settings) -> None:
    """End to end with the product's extractor (lexical; seconds to build)."""
    app = create_app(settings, sqlite_loaded)
    client = TestClient(app)
    page = client.get("/mijn-competenties").text
    cv = pdf("Magazijnmedewerker. Ik bestuur een heftruck en laad vrachtwagens.")
    response = client.post(
        "/mijn-competenties", data={"csrf_token": token(page)}, files={"cv_file": ("cv.pdf", cv)}
    )
    assert response.status_code == 200, response.text[:500]
    assert "gevonden in:" in response.text and len(review_form(response.text)["keep"]) >= 1  # type: ignore[arg-type]


# -- in the browser: the review step with the keyboard, and axe on the review page -------------


def test_review_with_the_keyboard_and_no_wcag_violations(
    new_page: object, axe_source: str, live_server: object
) -> None:
    from playwright.sync_api import expect

    from tests.web.axe import axe_violations, describe
    from tests.web.conftest import LiveServer
    from tests.web.test_account import PASSWORD as WEB_PASSWORD
    from tests.web.test_account import Person, log_in
    from tests.web.test_citizen_edit import focus

    assert isinstance(live_server, LiveServer)
    portfolios = PortfolioService(
        live_server.database, CheckService(TaxonomyService(live_server.database))
    )
    accounts = AccountService(live_server.database, live_server.settings)
    email = f"review-{uuid.uuid4().hex[:8]}@example.org"
    account = accounts.register(email, WEB_PASSWORD, "Reviewburger")
    portfolios.create(account.id, Portfolio())
    page = new_page(allow_console_errors=("status of 422",))  # type: ignore[operator]
    log_in(page, Person(account.id, email, "Reviewburger"))
    page.goto("/mijn-competenties")
    # a refused file: the reason is an alert, and the page has no violations in that state
    page.set_input_files(
        "#cv_file",
        files=[{"name": "scan.pdf", "mimeType": "application/pdf", "buffer": scanned_pdf()}],
    )
    focus(page, "cv_file")
    page.keyboard.press("Tab")  # the paste box
    page.keyboard.press("Tab")  # "Zoek competenties"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Deze PDF heeft geen tekst")
    found = {}
    if violations := axe_violations(page, axe_source):
        found["refused file"] = describe(violations)
    cv = pdf("Magazijnmedewerker. Ik bestuur een heftruck en laad vrachtwagens.", "Ik kan koken.")
    page.set_input_files(
        "#cv_file", files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": cv}]
    )
    focus(page, "cv_file")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Controleer wat we vonden")
    expect(page.get_by_role("button", name="Bewaar wat aangevinkt is")).to_be_visible()
    if violations := axe_violations(page, axe_source):
        found["review"] = describe(violations)
    assert not found, found
    boxes = page.get_by_role("checkbox")
    count = boxes.count()
    assert count >= 2, page.content()[:2000]
    group = page.get_by_role("group", name="Competenties die we vonden")
    expect(group).to_be_visible()
    first = boxes.nth(0)
    first_id = first.get_attribute("id")
    assert first_id
    # the checkbox is described by its text span for screen readers
    expect(first).to_have_attribute("aria-describedby", re.compile(r"detail-"))
    focus(page, first_id)
    page.keyboard.press("Space")  # untick the first skill
    expect(first).not_to_be_checked()
    for _ in range(count + 5):  # Tab on to the save button
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.tagName") == "BUTTON":
            break
    expect(page.locator(":focus")).to_have_text("Bewaar wat aangevinkt is")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/mijn-competenties")
    ids = portfolios.portfolios_of(account.id, account.actor(), Purpose.SELF, "/tests")
    saved = portfolios.load(ids[0], account.actor(), Purpose.SELF, "/tests").portfolio
    assert len(saved.claims) == count - 1  # all but the unticked one
    assert all(c.source.actor_type is ActorType.EXTRACTION for c in saved.claims)
