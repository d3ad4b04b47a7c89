"""Use cases of the competence portfolio: read and validate files, import from a CV or a list
of occupations, derive confidences, export (JSON, JSON-LD, HTML, PDF), and keep portfolios as
versioned event logs in the store.

Stored portfolios are read and changed only through :class:`PortfolioRepository`, which asks
the accounts domain's personal-data gate (role × consent, audit entry) for everyone but the
owner. Its :class:`PortfolioSection` is the portfolio's part of the owner's GDPR export (the
full event log) and erasure.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from koers.access import Actor, Purpose, Role
from koers.check import Catalogue, validate_uris
from koers.i18n import translator
from koers.portfolio import (
    ActorType,
    ClaimLocked,
    EventLogConflict,
    ExtractionStarting,
    ExtractionUnavailable,
    FoundSkill,
    PersonalDataGate,
    Portfolio,
    PortfolioEvent,
    PortfolioInvalid,
    SkillConfidence,
    SkillFinder,
    SummaryData,
    add_found_skills,
    add_occupations,
    creation_events,
    diff,
    merge_import,
    owner_edit_problems,
    parse_portfolio,
    read_occupation_rows,
    replay,
    skill_confidences,
    summary_data,
    to_html,
    to_jsonld,
)
from koers.services.background import BackgroundWork
from koers.services.check import CheckService
from koers.services.documents import MAX_DOCUMENT_BYTES, read_document
from koers.services.extraction import ExtractionService
from koers.store.db import Database
from koers.store.repositories.accounts import utcnow
from koers.store.repositories.gate import PersonalDataGate as StoreGate
from koers.store.repositories.portfolio import PortfolioRepository

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 5_000_000
"""Largest portfolio or occupations file accepted (a portfolio is a few hundred kB at most)."""
FINDER_WAIT_SECONDS = 8.0
"""How long a CV import waits for a skill extractor that is still being built in the
background before it answers "starting, try again" (the API's request timeout is 10 s)."""
MAX_CV_CHARS = 60_000
"""Largest CV text accepted (about 20 pages; a CV has 3,000 to 15,000 characters). Below the
extraction package's 200,000 for any text: a CV import runs on every anonymous form, and a
text of 199,000 characters held the server for a minute (issue 13)."""

ROLE_ACTOR = {Role.COACH: ActorType.COACH, Role.EMPLOYER: ActorType.EMPLOYER}


def decode_text(data: bytes, source: str) -> str:
    """Bytes of an uploaded text file → text, refusing empty, huge and binary files."""
    if len(data) > MAX_FILE_BYTES:
        raise PortfolioInvalid(source, [f"larger than {MAX_FILE_BYTES // 1_000_000} MB"])
    if b"\x00" in data[:8192]:
        raise PortfolioInvalid(source, ["a binary file, not text"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PortfolioInvalid(source, [f"not UTF-8 text (byte {exc.start})"]) from exc
    if not text.strip():
        raise PortfolioInvalid(source, ["the file is empty"])
    return text


class ExtractionFinder:
    """A :class:`~koers.portfolio.ports.SkillFinder` over the extraction service: lexical
    matching over all ESCO labels plus the Dutch lexicon (built once, seconds), and hybrid with
    sentence embeddings once ``koers serve`` has loaded the label vectors in the background."""

    def __init__(self, extraction: ExtractionService) -> None:
        self._service = extraction
        self._service.lexical()

    def find(self, text: str, top: int) -> Sequence[FoundSkill]:
        """The ``top`` skills of ``text`` scored at least the import threshold of the method
        that ranked them (``koers.extraction.threshold.IMPORT_MIN_SCORE``), best first."""
        from koers.extraction import ExtractionError, keep_for_import

        try:
            extraction = self._service.extract(text, top)
        except ExtractionError as exc:
            raise PortfolioInvalid("CV", [exc.message]) from exc
        return [
            FoundSkill(s.uri, s.label, s.score, s.span.text) for s in keep_for_import(extraction)
        ]


@dataclass(frozen=True, slots=True)
class StoredPortfolio:
    id: str
    version: int
    portfolio: Portfolio


class PortfolioService:
    """Portfolio use cases.

    Args:
        database: the store.
        checks: the check service (its catalogue validates URIs and gives labels).
        gate: the personal-data gate; default the accounts domain's gate on ``database``.
        extraction: the extraction service behind CV import; without it (and without
            ``finder``) a CV import says that extraction is unavailable.
        finder: the skill finder of CV import; default built on the extraction service on first
            use (or in the background, :meth:`warm_up`).
        clock: "now" for event timestamps.
    """

    def __init__(
        self,
        database: Database,
        checks: CheckService,
        gate: PersonalDataGate | None = None,
        extraction: ExtractionService | None = None,
        finder: SkillFinder | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.database = database
        self.checks = checks
        self.gate: PersonalDataGate = gate or StoreGate(database)
        self._extraction = extraction
        self._finder = finder
        self.clock = clock
        self._warming = BackgroundWork("portfolio-skill-finder", self._build_finder)
        self._lock = threading.Lock()

    # -- stateless --------------------------------------------------------------------------

    def catalogue(self, lang: str = "nl") -> Catalogue:
        return self.checks.catalogue(lang)

    def read(self, data: bytes, source: str, lang: str = "nl") -> Portfolio:
        """Read and validate a portfolio file, including every URI against the taxonomy."""
        portfolio = parse_portfolio(decode_text(data, source), source)
        validate_uris(portfolio, self.catalogue(lang))
        return portfolio

    def warm_up(self) -> None:
        """Build the skill extractor in a background thread (once), so that the first CV
        import does not wait for it."""
        if self._finder is None and self._extraction is not None:
            self._warming.start()

    def _build_finder(self) -> None:
        assert self._extraction is not None
        finder = ExtractionFinder(self._extraction)
        with self._lock:
            self._finder = finder

    def finder(self) -> SkillFinder:
        """The skill finder; waits for a background build at most ``FINDER_WAIT_SECONDS``.

        Raises:
            ExtractionStarting: still being built (try again shortly).
            ExtractionUnavailable: the extraction package is missing.
        """
        if self._finder is None and self._warming.running:
            self._warming.wait(FINDER_WAIT_SECONDS)
            if self._warming.running:
                raise ExtractionStarting(
                    "skill extraction is starting (first use after a restart); try again in a "
                    "minute"
                )
        if self._finder is None:
            if self._extraction is None:
                raise ExtractionUnavailable(
                    "skill extraction is not installed: import from a CV is not available"
                )
            self._build_finder()
        assert self._finder is not None
        return self._finder

    def import_cv(
        self,
        text: str,
        base: Portfolio | None = None,
        document: str = "CV",
        top: int = 30,
        lang: str = "nl",
    ) -> Portfolio:
        """Add the skills found in a CV text as inferred claims (nothing is stored).

        Raises:
            PortfolioInvalid: empty, too long or binary text.
            ExtractionUnavailable: the extraction package is missing.
        """
        if not text.strip():
            raise PortfolioInvalid(document, ["the CV text is empty"])
        if len(text) > MAX_CV_CHARS:
            raise PortfolioInvalid(
                document, [f"the CV text is longer than {MAX_CV_CHARS} characters"]
            )
        catalogue = self.catalogue(lang)  # once per import, not once per found skill
        found = [s for s in self.finder().find(text, top) if catalogue.knows(s.uri)]
        return add_found_skills(base or Portfolio(), found, document)

    def import_occupations(
        self, data: bytes, source: str, base: Portfolio | None = None, lang: str = "nl"
    ) -> Portfolio:
        """Add jobs from a CSV/JSON list of ESCO occupations (URI or code) with dates."""
        catalogue = self.catalogue(lang)
        rows = read_occupation_rows(decode_text(data, source), source, catalogue.resolve)
        return add_occupations(base or Portfolio(), rows)

    def import_cv_file(
        self,
        data: bytes,
        filename: str,
        base: Portfolio | None = None,
        top: int = 30,
        lang: str = "nl",
        limit: int = MAX_DOCUMENT_BYTES,
    ) -> Portfolio:
        """:meth:`import_cv` on the text of a CV file (PDF, Word .docx or plain text).

        Raises:
            DocumentUnreadable: empty, too large, scanned, encrypted, damaged or another type.
        """
        document = read_document(data, filename, limit)
        return self.import_cv(document.text, base, filename, top, lang)

    def confidences(
        self, portfolio: Portfolio, as_of: date | None = None, lang: str = "nl"
    ) -> dict[str, SkillConfidence]:
        return skill_confidences(portfolio, self.catalogue(lang), as_of or date.today())

    def labels(self, portfolio: Portfolio, lang: str = "nl") -> dict[str, str]:
        catalogue = self.catalogue(lang)
        uris = {c.skill_uri for c in portfolio.claims} | set(portfolio.targets)
        uris |= {h.occupation_uri for h in portfolio.history if h.occupation_uri}
        uris |= {s for h in portfolio.history for s in h.skills}
        if portfolio.current_occupation:
            uris.add(portfolio.current_occupation)
        for skills in (catalogue.essential_skills(h.occupation_uri) for h in portfolio.jobs):
            uris |= skills
        return {u: catalogue.label(u) for u in uris}

    def export_jsonld(self, portfolio: Portfolio, lang: str = "nl") -> dict[str, Any]:
        return to_jsonld(portfolio, self.labels(portfolio, "en"), lang)

    def summary(
        self, portfolio: Portfolio, lang: str = "nl", as_of: date | None = None
    ) -> SummaryData:
        as_of = as_of or date.today()
        return summary_data(
            portfolio,
            self.confidences(portfolio, as_of, lang),
            self.labels(portfolio, lang),
            as_of,
            translator(lang),
            lang,
        )

    def export_html(self, portfolio: Portfolio, lang: str = "nl", as_of: date | None = None) -> str:
        return to_html(self.summary(portfolio, lang, as_of), translator(lang))

    def export_pdf(
        self, portfolio: Portfolio, lang: str = "nl", as_of: date | None = None
    ) -> bytes:
        """The one-page summary as PDF (fpdf2, embedded DejaVu Sans: any script it covers)."""
        return summary_pdf(self.summary(portfolio, lang, as_of))

    # -- stored (versioned) ------------------------------------------------------------------

    def _repo(self, session: Session) -> PortfolioRepository:
        return PortfolioRepository(session, self.gate)

    def create(self, owner_id: str, portfolio: Portfolio, lang: str = "nl") -> StoredPortfolio:
        """Store a new portfolio for its owner (validated first; all or nothing)."""
        validate_uris(portfolio, self.catalogue(lang))
        return self._create(owner_id, portfolio)

    def _create(self, owner_id: str, portfolio: Portfolio) -> StoredPortfolio:
        drafts = creation_events(portfolio, owner_id, ActorType.SELF)
        with self.database.session() as session:
            portfolio_id, events = self._repo(session).create(owner_id, drafts, self.clock())
        log.info(
            "portfolio.created",
            extra={"fields": {"portfolio": portfolio_id, "events": len(events)}},
        )
        return StoredPortfolio(portfolio_id, len(events), portfolio)

    def load(
        self,
        portfolio_id: str,
        actor: Actor | None,
        purpose: Purpose,
        route: str,
        upto: int | None = None,
    ) -> StoredPortfolio:
        """The current state (or the state at version ``upto``), through the gate."""
        with self.database.session() as session:
            events = self._repo(session).events(portfolio_id, actor, purpose, route)
        state = replay(events, upto)
        version = min(upto, len(events)) if upto is not None else len(events)
        return StoredPortfolio(portfolio_id, version, state)

    def history(
        self, portfolio_id: str, actor: Actor | None, purpose: Purpose, route: str
    ) -> list[PortfolioEvent]:
        """The event log (who changed what, when), through the gate."""
        with self.database.session() as session:
            return self._repo(session).events(portfolio_id, actor, purpose, route)

    def save(
        self,
        portfolio_id: str,
        expected_version: int,
        new: Portfolio,
        actor: Actor | None,
        purpose: Purpose,
        route: str,
        lang: str = "nl",
    ) -> StoredPortfolio:
        """Record the edits that turn version ``expected_version`` into ``new``.

        Raises:
            EventLogConflict: someone saved in between (reload and redo the edit).
            PortfolioInvalid: ``new`` names unknown skills or occupations.
            ClaimLocked: ``new`` forges a claim's provenance
                (:func:`koers.portfolio.owner_edit_problems`).
        """
        validate_uris(new, self.catalogue(lang))
        return self._append(portfolio_id, expected_version, new, actor, purpose, route)

    def _append(
        self,
        portfolio_id: str,
        expected_version: int,
        new: Portfolio,
        actor: Actor | None,
        purpose: Purpose,
        route: str,
    ) -> StoredPortfolio:
        current = self.load(portfolio_id, actor, purpose, route)
        if current.version != expected_version:
            raise EventLogConflict(expected_version, current.version)
        problems = owner_edit_problems(current.portfolio, new)  # the one rule, API and web
        if problems:
            raise ClaimLocked(problems)
        with self.database.session() as session:
            repo = self._repo(session)
            owner = repo.owner_of(portfolio_id)
            actor_id = actor.user_id if actor else "platform"
            actor_type = (
                ActorType.SELF
                if actor is None or actor.user_id == owner
                else ROLE_ACTOR.get(actor.role, ActorType.SELF)
            )
            drafts = diff(current.portfolio, new, actor_id, actor_type)
            events = repo.append(
                portfolio_id, expected_version, drafts, actor, purpose, route, self.clock()
            )
        log.info(
            "portfolio.saved", extra={"fields": {"portfolio": portfolio_id, "events": len(events)}}
        )
        return StoredPortfolio(portfolio_id, expected_version + len(events), new)

    def add_import(
        self,
        actor: Actor,
        stored: StoredPortfolio | None,
        found: Portfolio,
        keep: Collection[str],
        route: str,
    ) -> StoredPortfolio | None:
        """Add the claims and jobs of a reviewed import that the citizen kept (ids in ``keep``)
        to their own stored portfolio as new entries, or make their first portfolio of them.

        The merged state is not validated again: ``found`` comes from :meth:`read` (which
        validated every URI, once per request) and ``stored`` was validated when it was stored.

        Returns:
            The new stored state; ``None`` when nothing new would be added.

        Raises:
            EventLogConflict: ``stored`` is no longer the latest version.
        """
        base = stored.portfolio if stored else Portfolio()
        merged = merge_import(base, found, keep)
        if merged == base:
            return None
        if stored is None:
            return self._create(actor.user_id, merged)
        return self._append(stored.id, stored.version, merged, actor, Purpose.SELF, route)

    def portfolios_of(
        self, owner_id: str, actor: Actor | None, purpose: Purpose, route: str
    ) -> list[str]:
        with self.database.session() as session:
            return self._repo(session).of_owner(owner_id, actor, purpose, route)


class PortfolioSection:
    """The portfolio's part of a person's data for GDPR export and erasure, handed to the
    personal-data service by the composition root (``koers.bootstrap``)."""

    name = "portfolio"

    def export(self, session: Session, user_id: str) -> Any:
        return _owner_repo(session).export_owner(user_id)

    def erase(self, session: Session, user_id: str) -> None:
        _owner_repo(session).erase_owner(user_id)


class _OwnerOnly:
    """Gate for the owner's own export/erasure, called by the accounts service after it
    checked that the signed-in account is the owner; it refuses any other read."""

    def read(self, *_args: object) -> Any:
        raise AssertionError("owner-only repository used for a gated read")

    change = read


def _owner_repo(session: Session) -> PortfolioRepository:
    return PortfolioRepository(session, _OwnerOnly())


def summary_pdf(data: SummaryData) -> bytes:
    """Draw the one-page summary with fpdf2 in DejaVu Sans, bundled in ``koers/data/fonts``
    and embedded as a subset, so names and labels print as written (ë, ğ, ł, €, —) instead of
    the core fonts' Latin-1 '?'."""
    from fpdf import FPDF

    from koers.data import bundled_path

    t = translator(data.lang)

    # fpdf2's multi_cell leaves x at the right edge; the next line must start at the margin
    next_line: dict[str, Any] = {"new_x": "LMARGIN", "new_y": "NEXT"}
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(bundled_path("fonts", "DejaVuSans.ttf")))
    pdf.add_font("DejaVu", "B", str(bundled_path("fonts", "DejaVuSans-Bold.ttf")))
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(14, 14, 14)
    pdf.add_page()
    width = pdf.w - 28
    if data.sample:
        pdf.set_text_color(170, 0, 0)
        pdf.set_font("DejaVu", "B", 10)
        pdf.multi_cell(width, 5, t("summary.sample"), border=1, **next_line)
        pdf.ln(2)
        pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "B", 16)
    title = data.title + (f": {data.name}" if data.name else "")
    pdf.multi_cell(width, 8, title, **next_line)
    pdf.set_font("DejaVu", "", 8)
    pdf.cell(width, 5, data.made, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    if data.current:
        pdf.multi_cell(width, 5, f"{t('summary.current')}: {data.current}", **next_line)
    if data.targets:
        pdf.multi_cell(width, 5, f"{t('summary.targets')}: {', '.join(data.targets)}", **next_line)
    pdf.ln(1)
    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(width, 6, t("summary.skills"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 8)
    bottom = pdf.h - 50
    shown = 0
    for row in data.skills:
        if pdf.get_y() > bottom:
            break
        pct = round(row.confidence * 100)
        pdf.set_fill_color(31, 95, 153)
        y = pdf.get_y()
        pdf.rect(14, y + 1.2, max(0.5, pct * 0.15), 2.2, style="F")
        pdf.set_x(31)
        pdf.cell(10, 4.6, f"{pct}%")
        pdf.cell(95, 4.6, row.label[:70])
        pdf.cell(45, 4.6, row.source[:32])
        pdf.cell(0, 4.6, row.last_used, new_x="LMARGIN", new_y="NEXT")
        shown += 1
    more = data.more + len(data.skills) - shown
    if more:
        pdf.cell(width, 4.6, t("summary.more", n=more), new_x="LMARGIN", new_y="NEXT")
    for key, items in (("jobs", data.jobs), ("learning", data.learning)):
        if items and pdf.get_y() < pdf.h - 30:
            pdf.ln(1)
            pdf.set_font("DejaVu", "B", 11)
            pdf.cell(width, 6, t(f"summary.{key}"), new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("DejaVu", "", 8)
            for item in items[:6]:
                pdf.cell(width, 4.4, item[:110], new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(pdf.h - 22)
    pdf.set_font("DejaVu", "", 7)
    pdf.multi_cell(width, 3.6, t("summary.legend"), **next_line)
    return bytes(pdf.output())
