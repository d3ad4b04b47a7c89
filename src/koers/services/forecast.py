"""Use cases of competence forecasts: run, store, read outlooks, map shortages, adjust skills.

The one place that joins the forecast core to files and the store. The CLI, the HTTP API and
the analyst pages all call this service; recommenders and checks call
:meth:`ForecastService.latest_outlook`.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from koers.data import bundled_path
from koers.errors import DataFileError, InvalidInput
from koers.forecast import (
    ForecastInputs,
    NoOutlook,
    Outlook,
    RunInfo,
    ShortageMapping,
    SkillAdjustment,
    TensionRanking,
    TitleMatch,
    UnknownRun,
    adjusted_degree,
    degree_of,
    flag_shortages_esco,
    growth_pct,
    map_titles,
    normalise_title,
    rank_tension,
    run_forecast,
    shortage_index,
    sum_points,
    validate_tension_counts,
)
from koers.forecast import inputs as panels
from koers.services.background import BackgroundWork
from koers.services.forecast_files import load_config, write_outputs
from koers.services.tables import read_table
from koers.services.taxonomy import TaxonomyService
from koers.store.db import Database
from koers.store.migrate import upgrade
from koers.store.repositories.forecast import ForecastRepository
from koers.store.repositories.taxonomy import TaxonomyRepository
from koers.taxonomy import ConceptKind, normalise

log = logging.getLogger(__name__)

SHORTAGE_LIST = ("flanders", "vdab_knelpuntberoepen_2026.csv.gz")
TITLE_CROSSWALK = ("crosswalks", "vdab_title_esco.csv")
REPORT_TENSION = Path(__file__).resolve().parents[1] / "forecast" / "fixtures"
REPORT_TENSION_FILE = REPORT_TENSION / "report_2_2_tension_tables.csv"
SAMPLE_DIR = Path(__file__).resolve().parents[1] / "forecast" / "sample" / "data"
DEMO_CONFIG = SAMPLE_DIR.parent / "demo.toml"

_VALIDATORS: dict[str, Callable[..., pd.DataFrame]] = {
    "employment": panels.validate_employment,
    "occupation_key": panels.validate_occupation_key,
    "school_leavers": panels.validate_school_leavers,
    "separation_rates": panels.validate_separation_rates,
    "inflows": panels.validate_inflows,
    "field_key": panels.validate_field_key,
}
_WITH_ISCO = {"occupation_key", "separation_rates", "inflows", "field_key"}


def bundled_isco_codes() -> set[str]:
    """ISCO-08 codes from the bundled ESCO ``ISCOGroups`` file (when the store is empty)."""
    frame = pd.read_csv(bundled_path("esco", "ISCOGroups_en.csv.gz"), dtype=str)
    return set(frame["code"].dropna())


def validate_inputs(files: Mapping[str, Path], known_isco: set[str] | None) -> ForecastInputs:
    """Read and validate every input file; raises on the first bad file, before any work."""
    frames: dict[str, pd.DataFrame] = {}
    sample: list[str] = []
    for name, path in files.items():
        raw, first_row = read_table(path)
        if panels.is_sample(raw):
            sample.append(name)
        if name == "labour_flows":
            frames[name] = validate_tension_counts(raw, source=str(path), first_row=first_row)
            continue
        kwargs: dict[str, Any] = {"source": str(path), "first_row": first_row}
        if name in _WITH_ISCO:
            kwargs["known_isco"] = known_isco
        frames[name] = _VALIDATORS[name](raw, **kwargs)
    return ForecastInputs(
        **frames,
        sample=tuple(sample),
        sources={name: path.name for name, path in files.items()},
    )


class ForecastService:
    """Forecast use cases over one database (and its taxonomy)."""

    def __init__(self, database: Database, taxonomy: TaxonomyService) -> None:
        self.database = database
        self.taxonomy = taxonomy
        self._prepared = False
        self._lock = threading.Lock()
        self._mapping: tuple[int | None, ShortageMapping] | None = None
        # repeatable: a new taxonomy load makes the mapping stale, and the next caller rebuilds it
        self._warming = BackgroundWork(
            "forecast-shortage-mapping", self.shortage_mapping, repeatable=True
        )

    def prepare(self) -> None:
        if not self._prepared:
            upgrade(self.database)
            self._prepared = True

    # -- runs -----------------------------------------------------------------------------------

    def run(self, config_path: Path, out_dir: Path | None = None) -> list[RunInfo]:
        """Validate every input, run every scenario, store the runs, write the files.

        Nothing is stored if any input is invalid or the run fails.
        """
        started = time.perf_counter()
        self.prepare()
        config, files = load_config(config_path)
        loaded = self.taxonomy.is_loaded()
        with self.database.session() as session:
            repo = ForecastRepository(session)
            known = repo.isco_codes() if loaded else bundled_isco_codes()
            relations = repo.skill_relations() if loaded else None
        inputs = validate_inputs(files, known)
        result = run_forecast(inputs, config, relations)
        group_key = uuid.uuid4().hex[:12]
        summary = {
            "backtest": result.backtest,
            "notes": result.notes,
            "inputs": inputs.sources,
            "sample_inputs": list(inputs.sample),
            "tension": result.tension[:200],
            "supply_groups": result.supply_groups.to_dict("records"),
        }
        with self.database.session() as session:
            runs = ForecastRepository(session).save_result(result, group_key, summary)
        if out_dir is not None:
            write_outputs(result, runs, out_dir)
        log.info(
            "forecast.run",
            extra={
                "fields": {
                    "group_key": group_key,
                    "scenarios": len(runs),
                    "inputs_hash": result.inputs_hash[:12],
                    "is_sample": result.is_sample,
                    "seconds": round(time.perf_counter() - started, 2),
                }
            },
        )
        return runs

    def runs(self, limit: int = 50) -> list[RunInfo]:
        self.prepare()
        with self.database.session() as session:
            return ForecastRepository(session).runs(limit)

    def scenarios(self, run_key: str | None = None) -> list[RunInfo]:
        """The scenarios of a run's group (default: the latest run), default first."""
        self.prepare()
        with self.database.session() as session:
            repo = ForecastRepository(session)
            if run_key is None:
                group = repo.latest_group()
                if not group:
                    raise UnknownRun("latest")
                return group
            return repo.group(repo.run(run_key).group_key)

    def pick(self, run_key: str | None = None, scenario: str | None = None) -> RunInfo:
        """A run by key, or the latest run's scenario (default scenario when None)."""
        group = self.scenarios(run_key)
        if run_key is not None and scenario is None:
            return next(r for r in group if r.run_key == run_key)
        for r in group:
            if (scenario is None and r.is_default) or r.scenario == scenario:
                return r
        raise UnknownRun(f"{run_key or 'latest'} / scenario {scenario}")

    # -- outlooks -------------------------------------------------------------------------------

    def outlook(self, run: RunInfo, level: str, code: str) -> Outlook:
        """The outlook of one sector (NACE) or occupation (ISCO) in ``run``.

        An ISCO code longer than the run's level is cut to it (a unit group reads its minor
        group); a shorter one sums its sub-groups.
        """
        with self.database.session() as session:
            repo = ForecastRepository(session)
            codes = repo.codes(run.id, level)
            if code in codes:
                points = repo.points(run.id, level, code)
                found = repo.prospects(run.id, level, code).get(code)
            elif level == "occupation" and codes and code.isdigit():
                digits = len(codes[0])
                if len(code) > digits:
                    return self.outlook(run, level, code[:digits])
                members = [c for c in codes if c.startswith(code)]
                if not members:
                    raise NoOutlook(f"no outlook for ISCO '{code}' in run {run.run_key}")
                points = sum_points([repo.points(run.id, level, c) for c in members])
                found = None
            else:
                raise NoOutlook(f"no {level} outlook for '{code}' in run {run.run_key}")
        growth = growth_pct(points)
        return Outlook(
            run=run,
            level=level,
            code=code,
            points=tuple(points),
            growth_pct=growth,
            degree=degree_of(growth) if growth is not None else None,
            prospects=found,
        )

    def latest_outlook(self, occupation: str, scenario: str | None = None) -> Outlook:
        """The latest run's outlook for an occupation (ESCO URI, ESCO code or ISCO code).

        This is what recommenders and checks read ("is this occupation growing?").

        Raises:
            UnknownRun: No run stored yet.
            NoOutlook: The occupation is unknown or outside the forecast.
        """
        run = self.pick(None, scenario)
        code = occupation.strip()
        if not code.isdigit():
            with self.database.session() as session:
                isco = ForecastRepository(session).occupation_isco(code)
            if isco is None:
                raise NoOutlook(f"'{occupation}' is not a known ESCO occupation or ISCO code")
            code = isco
        return self.outlook(run, "occupation", code)

    def overview(self, run: RunInfo, level: str) -> list[dict[str, Any]]:
        """Every unit of a level: base and end employment, growth, demand sums, prospects."""
        with self.database.session() as session:
            repo = ForecastRepository(session)
            base = dict(repo.year_table(run.id, level, run.base_year))
            end = dict(repo.year_table(run.id, level, run.base_year + run.horizon))
            sums = repo.forecast_sums(run.id, level)
            prospects = repo.prospects(run.id, level)
        rows = []
        for code, point in base.items():
            last = end.get(code)
            growth = (
                float(((last.employment / point.employment) ** (1 / run.horizon) - 1) * 100)
                if last is not None and point.employment > 0 and last.employment > 0
                else None
            )
            rows.append(
                {
                    "code": code,
                    "employment_base": point.employment,
                    "employment_end": last.employment if last else None,
                    "lo80_end": last.lo80 if last else None,
                    "hi80_end": last.hi80 if last else None,
                    "growth_pct": growth,
                    "degree": degree_of(growth) if growth is not None else None,
                    **sums.get(code, {}),
                    "prospects": prospects.get(code),
                }
            )
        return rows

    def isco_labels(self, codes: Sequence[str], lang: str) -> dict[str, str]:
        """ISCO code → preferred label in ``lang`` (English fallback); {} when not loaded."""
        if not codes or not self.taxonomy.is_loaded():
            return {}
        with self.database.session() as session:
            uris = ForecastRepository(session).isco_uris(codes)
            refs = TaxonomyRepository(session).refs(uris.values(), lang)
        return {code: refs[uri].label for code, uri in uris.items() if uri in refs}

    def concept_labels(self, uris: Sequence[str], lang: str) -> dict[str, str]:
        """URI → preferred label in ``lang`` (English fallback)."""
        if not uris or not self.taxonomy.is_loaded():
            return {}
        with self.database.session() as session:
            refs = TaxonomyRepository(session).refs(uris, lang)
        return {uri: ref.label for uri, ref in refs.items()}

    # -- competences ----------------------------------------------------------------------------

    def skill_indicator(self, run: RunInfo, skill_uri: str) -> dict[str, Any]:
        """A skill's growth indicator with its explanation and adjustments."""
        with self.database.session() as session:
            repo = ForecastRepository(session)
            row = repo.skill_rows(run.id, [skill_uri]).get(skill_uri)
            adjustments = repo.adjustments(skill_uri)
        if row is None:
            raise NoOutlook(f"no competence indicator for '{skill_uri}' in run {run.run_key}")
        return {
            **row,
            "skill_uri": skill_uri,
            "adjustments": adjustments,
            "adjusted_degree": adjusted_degree(int(row["degree"]), adjustments),
        }

    def skill_indicators(self, run: RunInfo, uris: Sequence[str]) -> dict[str, dict[str, Any]]:
        with self.database.session() as session:
            return ForecastRepository(session).skill_rows(run.id, uris)

    def skill_extremes(self, run: RunInfo, limit: int = 10) -> dict[str, Any]:
        with self.database.session() as session:
            repo = ForecastRepository(session)
            return {**repo.skill_extremes(run.id, limit), "degrees": repo.degree_counts(run.id)}

    def add_adjustment(
        self,
        skill_uri: str,
        source: str,
        kind: str,
        degree_delta: int,
        author: str,
        made_on: date,
        reason: str,
    ) -> SkillAdjustment:
        """Store an employer-survey or expert-panel adjustment (author, date and reason).

        Who may call this is decided by the adapters: the API and web need the ``analyst``
        role; the CLI is the operator's own tool on the server.
        """
        try:
            adjustment = SkillAdjustment(
                skill_uri, source, kind, degree_delta, author.strip(), made_on, reason.strip()
            )
        except ValueError as exc:
            raise InvalidInput(f"adjustment: {exc}") from exc
        self.prepare()
        self.taxonomy.detail(skill_uri, "en")  # raises when the skill is unknown
        with self.database.session() as session:
            stored = ForecastRepository(session).add_adjustment(adjustment)
        log.info("forecast.adjustment_added", extra={"fields": {"id": stored.id}})
        return stored

    def adjustments(self, skill_uri: str) -> list[SkillAdjustment]:
        self.prepare()
        with self.database.session() as session:
            return ForecastRepository(session).adjustments(skill_uri)

    # -- tension and shortages --------------------------------------------------------------------

    def shortage_mapping(self, threshold: float = 0.9) -> ShortageMapping:
        """The VDAB 2026 list mapped to ESCO via Dutch labels (cached per taxonomy load)."""
        listing, _ = read_table(bundled_path(*SHORTAGE_LIST))
        sectors = shortage_index(listing)
        titles = [str(t).strip() for t in listing["beroep"]]
        if not self.taxonomy.is_loaded():
            matches = tuple(TitleMatch(t, (), "none") for t in titles)
            return ShortageMapping(matches, {t: sectors[normalise_title(t)] for t in titles})
        with self.database.session() as session:
            key = TaxonomyRepository(session).current_version_id()
        with self._lock:
            if self._mapping is not None and self._mapping[0] == key:
                return self._mapping[1]
        matches = tuple(map_titles(titles, {}, self._search, threshold, reviewed_title_crosswalk()))
        mapping = ShortageMapping(matches, {t: sectors[normalise_title(t)] for t in titles})
        with self._lock:
            self._mapping = (key, mapping)
        return mapping

    def _ready_mapping(self, wait: bool) -> ShortageMapping | None:
        """The cached mapping; built now (``wait``) or in the background (None until done)."""
        if not self.taxonomy.is_loaded():
            return None
        with self.database.session() as session:
            key = TaxonomyRepository(session).current_version_id()
        with self._lock:
            if self._mapping is not None and self._mapping[0] == key:
                return self._mapping[1]
        if wait:
            return self.shortage_mapping()
        self.warm_up()
        return None

    def warm_up(self) -> None:
        """Build the search index and the shortage mapping in a background thread (once at a
        time)."""
        self._warming.start()

    def _search(self, title: str) -> list[tuple[str, str, float]]:
        hits = self.taxonomy.search(title[:200], lang="nl", kind=ConceptKind.OCCUPATION, limit=5)
        return [(h.uri, h.matched, h.score) for h in hits]

    def map_report_titles(self, titles: Sequence[str]) -> list[TitleMatch]:
        """Dutch VDAB titles → ESCO occupations, by the mapping that the shortage list uses
        (a reviewed crosswalk row, else exact label, exact part, or a clear search hit); used by
        the checks to give occupations the tension ratio of the report's tables."""
        return map_titles(titles, {}, self._search, reviewed=reviewed_title_crosswalk())

    def tension(
        self,
        counts: pd.DataFrame | None,
        period: str | None,
        filter_period: str | None = None,
        min_vacancies: int = 50,
        top: int | None = 20,
        source: str = "upload",
        wait: bool = True,
    ) -> tuple[TensionRanking, dict[str, Any]]:
        """Rank occupations by spanningsratio with ESCO-based shortage flags.

        Args:
            counts: A raw tension table (as read); None uses the report's Tables 1–2.
            period: Period to rank; None = the latest.
            filter_period: Period deciding eligibility (report Table 2: 2021-04).
            min_vacancies: Minimum vacancies.
            top: Rows kept.
            source: Name of the upload for messages.
            wait: Build the ESCO mapping now if needed (the CLI); False (web, API) flags by
                title only until a background build is done, and says so in the facts.

        Returns:
            The flagged ranking and facts for the page (periods, source, mapping counts).
        """
        mapping = self._ready_mapping(wait)
        is_report = counts is None
        if counts is None:
            counts, _ = read_table(REPORT_TENSION_FILE)
            source = REPORT_TENSION_FILE.name
        valid = validate_tension_counts(counts, source=source)
        periods = sorted(set(valid["period"]))
        chosen = period or periods[-1]
        ranking = rank_tension(valid, chosen, filter_period or None, min_vacancies, top)
        listing, _ = read_table(bundled_path(*SHORTAGE_LIST))
        titles = [r.occupation for r in ranking.rows]
        if mapping is not None:
            ranked = map_titles(titles, {}, self._search, reviewed=reviewed_title_crosswalk())
        else:
            ranked = [TitleMatch(t, (), "none") for t in titles]
        flagged = flag_shortages_esco(
            ranking,
            shortage_index(listing),
            {m.title: m.uris for m in ranked},
            mapping.by_uri() if mapping is not None else {},
        )
        facts = {
            "periods": periods,
            "period": chosen,
            "is_report": is_report,
            "source": source,
            "mapped": mapping.mapped if mapping is not None else None,
            "listed": len(listing),
            "esco_pending": mapping is None and self.taxonomy.is_loaded(),
        }
        return flagged, facts


def reviewed_title_crosswalk() -> dict[str, tuple[str, ...]]:
    """Normalised VDAB title → ESCO occupation URIs of the reviewed crosswalk (hand-made,
    ``koers/data/crosswalks/vdab_title_esco.csv``); these rows win over the automatic mapping.
    A ``no_match`` row (empty ``esco_uri``) gives the title no URIs: unmapped on purpose.

    Raises:
        DataFileError: When the file is missing or lacks its columns, a row has no URI without
            basis ``no_match``, or a ``no_match`` title also has occupation rows.
    """
    frame, _ = read_table(bundled_path(*TITLE_CROSSWALK))
    missing = {"vdab_title", "esco_uri", "basis"} - set(frame.columns)
    if missing:
        raise DataFileError(TITLE_CROSSWALK[1], f"missing columns {sorted(missing)}")
    out: dict[str, tuple[str, ...]] = {}
    no_match: set[str] = set()
    columns = frame[["vdab_title", "esco_uri", "basis"]]
    for title, uri, basis in columns.itertuples(index=False, name=None):
        key, uri, basis = normalise(str(title)), str(uri).strip(), str(basis).strip()
        if not key:
            continue
        # a blank URI by mistake must not silently unmap a title: only no_match may be empty
        if (basis == "no_match") != (not uri):
            raise DataFileError(
                TITLE_CROSSWALK[1], f"{title}: an empty esco_uri needs basis no_match and back"
            )
        if basis == "no_match":
            no_match.add(key)
        out[key] = (*out.get(key, ()), uri) if uri else out.get(key, ())
    mixed = sorted(k for k in no_match if out[k])
    if mixed:
        raise DataFileError(TITLE_CROSSWALK[1], f"no_match titles with occupations: {mixed}")
    return out


__all__ = [
    "DEMO_CONFIG",
    "SAMPLE_DIR",
    "ForecastService",
    "ShortageMapping",
    "bundled_isco_codes",
    "load_config",
    "validate_inputs",
    "write_outputs",
]
