"""Use cases of the competence checks: build the occupation catalogue once, run the citizen
and organisation checks, read workforce files (CSV or Parquet).

The catalogue (all ESCO occupations with their essential and optional skills and labels in
one language) is read from the store once per taxonomy load and kept in memory, so a check
runs without queries (the benchmark target is p95 < 50 ms per citizen check).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from koers.check import (
    DEFAULT_RULES,
    MAX_ROWS,
    ActionPlanRegistry,
    Catalogue,
    CheckRules,
    CitizenCheck,
    ForecastSource,
    ForecastStatus,
    NoForecast,
    OccupationMatch,
    OccupationOutlook,
    OrganisationCheck,
    Outlook,
    SkillOutlook,
    TensionCount,
    TensionFigure,
    WorkforceInvalid,
    WorkforceRow,
    citizen_check,
    latest_period,
    organisation_check,
    period_message,
    read_workforce,
    tension_by_occupation,
)
from koers.errors import KoersError
from koers.messages import Message, message
from koers.portfolio import Portfolio, Preferences
from koers.services.background import BackgroundWork
from koers.services.forecast import ForecastService
from koers.services.tables import TableError, read_table
from koers.services.taxonomy import TaxonomyService
from koers.store.repositories.portfolio import OccupationProfileReader
from koers.store.repositories.taxonomy import TaxonomyRepository
from koers.taxonomy import ConceptKind, ConceptNotFound

log = logging.getLogger(__name__)

MAX_WORKFORCE_BYTES = 20_000_000
FORECAST_REFRESH_SECONDS = 60.0
SHORTAGE_WAIT_SECONDS = 0.05
REPORT_TABLE_NAME = re.compile(r"^report_table_(\d+)_(\d{4}-\d{2})\.csv$")


def outlook_of_degree(degree: int | None) -> Outlook | None:
    """Forecast degree −2..+2 (strong decline … strong growth) → growing / stable / declining."""
    if degree is None:
        return None
    if degree > 0:
        return Outlook.GROWING
    return Outlook.DECLINING if degree < 0 else Outlook.STABLE


class ForecastOutlooks:
    """A :class:`~koers.check.ports.ForecastSource` over the forecast service's latest run.

    * occupation outlook: ``ForecastService.latest_outlook`` (the occupation's ISCO group in the
      default scenario), its ``degree`` mapped by :func:`outlook_of_degree`;
    * skill outlook: the run's competence indicator (``skill_indicators``), same mapping;
    * shortage flag: ``True`` when the occupation is mapped to a title of the VDAB
      knelpuntberoepen list, else ``None`` (an unmapped title is unknown, not "no shortage");
    * tension ratio: the spanningsratio of the report's Tables 1–2 (latest period) for
      occupations a VDAB title maps to (:func:`report_tension`), with its source and period
      in ``tension``; ``None`` (unknown) for every other occupation, never 0.

    Both title mappings are built in background threads: until they are ready the flags and
    ratios are unknown, so a check never waits. Results are cached per URI once both are
    ready; the service builds a new object when the latest run changes.
    """

    def __init__(self, service: Any, run: Any) -> None:
        self.service = service
        self.run = run
        self._occupations: dict[str, OccupationOutlook] = {}
        self._skills: dict[str, SkillOutlook] = {}
        self._shortage: dict[str, tuple[str, bool]] | None = None
        self._tension: dict[str, TensionFigure] | None = None
        self._shortage_work = BackgroundWork("check-shortage-mapping", self._load_shortages)
        self._tension_work = BackgroundWork("check-tension-mapping", self._load_tension)

    def status(self) -> ForecastStatus:
        is_sample = bool(getattr(self.run, "is_sample", False))
        sample = " (SAMPLE inputs)" if is_sample else ""
        return ForecastStatus(
            loaded=True,
            vintage=str(self.run.run_key),
            scenario=str(self.run.scenario),
            method=str(self.run.method),
            note=f"forecast run {self.run.run_key}{sample}",
            sample=is_sample,
        )

    def _shortages(self) -> dict[str, tuple[str, bool]]:
        """The shortage list mapped to ESCO; built in the background (title matching takes
        seconds), empty (= unknown) until ready, so a check never waits for it."""
        if self._shortage is None:
            self._shortage_work.start()
            self._shortage_work.wait(SHORTAGE_WAIT_SECONDS)
        return self._shortage or {}

    def _load_shortages(self) -> None:
        try:
            self._shortage = dict(self.service.shortage_mapping().by_uri())
        except Exception:  # a failed mapping leaves the flags unknown, it never breaks a check
            log.exception("check.shortage_mapping_failed")
            self._shortage = {}

    def _tensions(self) -> dict[str, TensionFigure]:
        """The report's tension tables per ESCO occupation; built in the background like the
        shortage mapping, empty (= unknown) until ready."""
        if self._tension is None:
            self._tension_work.start()
            self._tension_work.wait(SHORTAGE_WAIT_SECONDS)
        return self._tension or {}

    def _load_tension(self) -> None:
        try:
            self._tension = report_tension(self.service)
        except Exception:  # as for the shortage mapping: unknown, never a broken check
            log.exception("check.tension_mapping_failed")
            self._tension = {}

    def wait_until_ready(self, timeout: float = 120.0) -> bool:
        """Start both title mappings and wait for them (the CLI, tests, the benchmark)."""
        self._shortages()
        self._tensions()
        for work in (self._shortage_work, self._tension_work):
            work.wait(timeout)
        return self._shortage is not None and self._tension is not None

    def occupation(self, occupation_uri: str) -> OccupationOutlook:
        cached = self._occupations.get(occupation_uri)
        if cached is not None:
            return cached
        source = f"forecast run {self.run.run_key}, scenario {self.run.scenario}"
        try:
            found = self.service.latest_outlook(occupation_uri)
            outlook = outlook_of_degree(found.degree)
        except KoersError:
            outlook = None
        shortage = True if occupation_uri in self._shortages() else None
        tension = self._tensions().get(occupation_uri)
        result = OccupationOutlook(
            occupation_uri,
            outlook,
            round(tension.ratio, 4) if tension is not None else None,
            shortage,
            source,
            tension,
        )
        if self._shortage is not None and self._tension is not None:
            # cache only final answers: a result from before the mappings were ready
            # would keep "unknown" for the life of the run
            self._occupations[occupation_uri] = result
        return result

    def skill(self, skill_uri: str) -> SkillOutlook:
        cached = self._skills.get(skill_uri)
        if cached is not None:
            return cached
        rows = self.service.skill_indicators(self.run, [skill_uri])
        degree = rows.get(skill_uri, {}).get("degree")
        result = SkillOutlook(
            skill_uri,
            outlook_of_degree(int(degree) if degree is not None else None),
            f"forecast run {self.run.run_key}",
        )
        self._skills[skill_uri] = result
        return result


def report_table_numbers(directory: Path) -> dict[str, str]:
    """Period → table number of the report's published tables (from their file names,
    ``report_table_<n>_<YYYY-MM>.csv``), to name the table in the source."""
    out: dict[str, str] = {}
    for path in directory.glob("report_table_*.csv"):
        found = REPORT_TABLE_NAME.match(path.name)
        if found:
            out[found.group(2)] = found.group(1)
    return out


def report_source(table: str | None, period: str) -> Message:
    """The source of a figure from the report's tables: "VDAB via rapport, tabel 1, april 2021"
    (without a known table number: "VDAB via rapport, april 2021")."""
    if table:
        return message("check.source.report_table", table=table, period=period_message(period))
    return message("check.source.report", period=period_message(period))


def report_tension(service: Any) -> dict[str, TensionFigure]:
    """The report's tension tables (VDAB counts, Tables 1–2) → figure per ESCO occupation.

    Reads the bundled table, takes its latest period, maps that period's VDAB titles to ESCO
    with ``service.map_report_titles`` (the conservative shortage-list mapping) and joins them
    (:func:`koers.check.tension.tension_by_occupation`). Slow (title search): call it in the
    background.
    """
    from koers.forecast import validate_tension_counts
    from koers.services.forecast import REPORT_TENSION, REPORT_TENSION_FILE

    frame, first_row = read_table(REPORT_TENSION_FILE)
    valid = validate_tension_counts(frame, REPORT_TENSION_FILE.name, first_row)
    counts = [
        TensionCount(
            str(title),
            str(period),
            None if pd.isna(jobseekers) else int(jobseekers),
            None if pd.isna(vacancies) else int(vacancies),
        )
        for title, period, jobseekers, vacancies in valid[
            ["occupation", "period", "jobseekers", "vacancies"]
        ].itertuples(index=False, name=None)
    ]
    period = latest_period(counts)
    if period is None:
        return {}
    source = report_source(report_table_numbers(REPORT_TENSION).get(period), period)
    titles = list(dict.fromkeys(c.title for c in counts if c.period == period and c.vacancies))
    matches = {m.title: m.uris for m in service.map_report_titles(titles)}
    figures = tension_by_occupation(counts, matches, source, period)
    log.info(
        "check.tension_mapped",
        extra={"fields": {"titles": len(titles), "occupations": len(figures)}},
    )
    return figures


def forecast_source(forecasts: ForecastService) -> ForecastSource:
    """The latest stored forecast run, or the documented "no forecast loaded" state."""
    try:
        run = forecasts.pick()
    except KoersError:
        return NoForecast()
    return ForecastOutlooks(forecasts, run)


class CheckService:
    """Citizen and organisation checks over one database.

    Args:
        taxonomy: the taxonomy service (its database holds the ESCO tables).
        forecasts: the forecast service whose latest run gives the outlooks
            (:func:`forecast_source`); without it (and without ``forecast``) no forecast is
            loaded.
        forecast: fixed outlooks instead of the latest run (tests, benchmarks).
        suggesters: fillers of the action plans (recommenders, rights, programmes),
            registered per step kind; default none.
        rules: thresholds of the checks.
    """

    def __init__(
        self,
        taxonomy: TaxonomyService,
        forecast: ForecastSource | None = None,
        suggesters: ActionPlanRegistry | None = None,
        rules: CheckRules = DEFAULT_RULES,
        forecasts: ForecastService | None = None,
    ) -> None:
        self.taxonomy = taxonomy
        self.forecasts = forecasts
        if forecast is None and forecasts is None:
            forecast = NoForecast()  # nothing to look the latest run up in
        self._fixed_forecast = forecast
        self._forecast: ForecastSource | None = None
        self._forecast_checked = 0.0
        self.suggesters = suggesters or ActionPlanRegistry()
        self.rules = rules
        self._catalogues: dict[tuple[str, int], Catalogue] = {}
        self._lock = threading.Lock()

    @property
    def forecast(self) -> ForecastSource:
        """The given forecast, else the latest stored run (looked up at most once a minute)."""
        if self._fixed_forecast is not None:
            return self._fixed_forecast
        now = time.monotonic()
        if self._forecast is None or now - self._forecast_checked > FORECAST_REFRESH_SECONDS:
            assert self.forecasts is not None
            fresh = forecast_source(self.forecasts)
            if not _same_run(self._forecast, fresh):
                # keep the old source for the same run: its title mappings are built already
                self._forecast = fresh
            self._forecast_checked = now
        assert self._forecast is not None
        return self._forecast

    def wait_for_forecast(self, timeout: float = 120.0) -> None:
        """Wait until the forecast's title mappings (shortage flags, tension ratios) are
        built; for one-shot callers such as the CLI (the web and API never wait)."""
        source = self.forecast
        if isinstance(source, ForecastOutlooks):
            source.wait_until_ready(timeout)

    def warm_up(self, timeout: float = 600.0) -> threading.Thread:
        """Build the occupation catalogue and the forecast's title mappings in a background
        thread (``koers serve`` at start), so the first visitor's check already shows shortage
        flags and tension ratios instead of "unknown"."""

        def warm() -> None:
            self.catalogue("nl")
            self.wait_for_forecast(timeout)

        return BackgroundWork("check-warm-up", warm).start()

    def catalogue(self, lang: str = "nl") -> Catalogue:
        """All occupations with their skills and labels in ``lang`` (cached per load)."""
        self.taxonomy.prepare()
        with self.taxonomy.database.session() as session:
            key = TaxonomyRepository(session).current_version_id()
        if key is None:
            raise ConceptNotFound("taxonomy", "(nothing loaded: run 'koers data load')")
        with self._lock:
            cached = self._catalogues.get((lang, key))
            if cached is None:
                with self.taxonomy.database.session() as session:
                    reader = OccupationProfileReader(session)
                    labels = reader.preferred_labels(lang)
                    profiles = [
                        replace(p, label=labels.get(p.uri, p.uri)) for p in reader.profiles()
                    ]
                cached = Catalogue(profiles, labels, lang)
                self._catalogues = {k: v for k, v in self._catalogues.items() if k[1] == key}
                self._catalogues[(lang, key)] = cached
                log.info(
                    "check.catalogue_built",
                    extra={"fields": {"occupations": len(cached), "lang": lang}},
                )
            return cached

    # -- citizen ------------------------------------------------------------------------------

    def citizen(
        self,
        portfolio: Portfolio,
        lang: str = "nl",
        as_of: date | None = None,
        current: str | None = None,
        targets: list[str] | None = None,
        preferences: Preferences | None = None,
    ) -> CitizenCheck:
        """Run the citizen check (stateless: the portfolio is passed in, nothing is stored)."""
        return citizen_check(
            portfolio,
            self.catalogue(lang),
            self.forecast,
            as_of or date.today(),
            current=current,
            targets=targets,
            preferences=preferences,
            rules=self.rules,
            suggesters=self.suggesters,
        )

    # -- organisation -------------------------------------------------------------------------

    def resolve_occupation(self, text: str, lang: str = "nl") -> OccupationMatch | None:
        """ESCO URI, ESCO code or a Dutch/English title → the best occupation, with the match."""
        catalogue = self.catalogue(lang)
        uri = catalogue.resolve(text)
        if uri is not None:
            method = "uri" if text.strip().startswith("http") else "code"
            label = catalogue.label(uri)
            return OccupationMatch(text, uri, label, method, 1.0, label)
        hits = self.taxonomy.search(text[:200], lang=lang, kind=ConceptKind.OCCUPATION, limit=1)
        if not hits:
            return None
        hit = hits[0]
        return OccupationMatch(
            text, hit.uri, catalogue.label(hit.uri), "title", round(hit.score, 3), hit.matched
        )

    def read_workforce(self, data: bytes, filename: str, lang: str = "nl") -> list[WorkforceRow]:
        """Read a CSV (comma or semicolon, UTF-8 or Windows-1252) or Parquet workforce file and
        validate every row; nothing is processed unless every row is valid."""
        try:
            # the row cap stops the reading itself: a tiny Parquet file of millions of rows
            frame, _ = read_table(data, filename, max_bytes=MAX_WORKFORCE_BYTES, max_rows=MAX_ROWS)
        except TableError as exc:
            raise WorkforceInvalid(filename, [(r, None, m) for r, m in exc.problems]) from exc
        # Parquet keeps its types: missing cells become "" as in a CSV
        frame = frame.astype(object).where(frame.notna(), "")
        catalogue = self.catalogue(lang)
        return read_workforce(
            frame,
            filename,
            lambda text: self.resolve_occupation(text, lang),
            catalogue.knows,
            self.rules.title_match_min,
        )

    def organisation(
        self, data: bytes, filename: str, lang: str = "nl", as_of: date | None = None
    ) -> OrganisationCheck:
        rows = self.read_workforce(data, filename, lang)
        return organisation_check(
            rows,
            self.catalogue(lang),
            self.forecast,
            as_of or date.today(),
            self.rules,
            self.suggesters,
        )


def _same_run(old: ForecastSource | None, new: ForecastSource) -> bool:
    if not isinstance(old, ForecastOutlooks) or not isinstance(new, ForecastOutlooks):
        return False
    return bool(old.run.run_key == new.run.run_key)
