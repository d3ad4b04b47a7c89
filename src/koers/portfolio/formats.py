"""The platform's own portfolio JSON format and the list-of-occupations import.

Format ``koers.portfolio`` version 1 (documented in ``docs/data-formats.md``)::

    {"format": "koers.portfolio", "version": 1, "sample": false,
     "person": {"display_name": "...", "birth_year": 1970},
     "current_occupation": "<ESCO occupation URI>", "targets": ["<URI>", ...],
     "preferences": {"interests": [...], "hours_per_week": 32, "region": "...",
                     "likes": "...", "dislikes": "..."},
     "claims": [{"id": "c1", "skill": "<ESCO skill URI>",
                 "source": {"actor_type": "employer", "name": "..."},
                 "evidence": {"type": "job", "title": "...", "excerpt": ""},
                 "verification": "attested", "acquired": "2015-09-01",
                 "last_used": "2024-06-30", "note": ""}],
     "history": [{"id": "h1", "kind": "job", "occupation": "<URI>", "title": "...",
                  "organisation": "...", "start": "2010-01-01", "end": null,
                  "skills": []}]}

Readers collect every problem (with its JSON path) before failing, so one run shows them all.
Dates are ISO ``YYYY-MM-DD``; ``YYYY-MM`` and ``YYYY`` are accepted and read as the first day.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from koers.portfolio.errors import PortfolioInvalid
from koers.portfolio.model import (
    ESCO_OCCUPATION_PREFIX,
    ESCO_SKILL_PREFIX,
    ActorType,
    Evidence,
    EvidenceType,
    HistoryEntry,
    HistoryKind,
    Person,
    Portfolio,
    Preferences,
    SkillClaim,
    Source,
    VerificationLevel,
)

FORMAT = "koers.portfolio"
SAMPLE_NOTE = (
    "SAMPLE DATA: a fictitious demo citizen, not a real person. "
    "VOORBEELD: een fictieve demoburger, geen echte persoon."
)
VERSION = 1
MAX_CLAIMS = 5000
MAX_HISTORY = 500
MAX_TEXT = 2000
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ESCO_SKILL_URI = re.compile(r"^http://data\.europa\.eu/esco/skill/[0-9a-fA-F-]{8,}$")
_ESCO_OCC_URI = re.compile(r"^http://data\.europa\.eu/esco/occupation/[0-9a-fA-F-]{8,}$")


def is_skill_uri(value: str) -> bool:
    return bool(_ESCO_SKILL_URI.match(value))


def is_occupation_uri(value: str) -> bool:
    return bool(_ESCO_OCC_URI.match(value))


def parse_date(value: object, where: str, problems: list[str]) -> date | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``) → date; ``None``/empty → ``None``."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    match = _DATE.match(text)
    if not match:
        problems.append(f"{where}: '{text[:40]}' is not a date (use YYYY-MM-DD)")
        return None
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        result = date(year, month, day)
    except ValueError:
        problems.append(f"{where}: '{text}' is not a valid date")
        return None
    if not 1900 <= result.year <= 2100:
        problems.append(f"{where}: year {result.year} is out of range (1900–2100)")
        return None
    return result


def _text(value: object, where: str, problems: list[str], limit: int = MAX_TEXT) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.append(f"{where}: must be text")
        return ""
    if len(value) > limit:
        problems.append(f"{where}: longer than {limit} characters")
        return value[:limit]
    return value


def _enum(kind: type[Any], value: object, where: str, problems: list[str], default: Any) -> Any:
    if value is None or value == "":
        return default
    try:
        return kind(str(value))
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        problems.append(f"{where}: '{str(value)[:40]}' is not one of {allowed}")
        return default


def _object(value: object, where: str, problems: list[str]) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        problems.append(f"{where}: must be an object")
        return {}
    return value


def date_to_json(value: date | None) -> str | None:
    return value.isoformat() if value else None


# -- pieces --------------------------------------------------------------------------------


def person_to_json(person: Person) -> dict[str, Any]:
    return {"display_name": person.display_name, "birth_year": person.birth_year}


def person_from_json(raw: Mapping[str, Any], where: str, problems: list[str]) -> Person:
    raw = _object(raw, where, problems)
    birth = raw.get("birth_year")
    if birth is not None and (not isinstance(birth, int) or not 1900 <= birth <= 2100):
        problems.append(f"{where}.birth_year: must be a year like 1975")
        birth = None
    return Person(_text(raw.get("display_name"), f"{where}.display_name", problems, 200), birth)


def preferences_to_json(prefs: Preferences) -> dict[str, Any]:
    return {
        "interests": list(prefs.interests),
        "hours_per_week": prefs.hours_per_week,
        "region": prefs.region,
        "likes": prefs.likes,
        "dislikes": prefs.dislikes,
    }


def preferences_from_json(raw: Mapping[str, Any], where: str, problems: list[str]) -> Preferences:
    raw = _object(raw, where, problems)
    interests = raw.get("interests") or []
    if not isinstance(interests, list) or not all(isinstance(i, str) for i in interests):
        problems.append(f"{where}.interests: must be a list of words")
        interests = []
    hours = raw.get("hours_per_week")
    if hours is not None and (
        isinstance(hours, bool) or not isinstance(hours, int | float) or not 0 <= hours <= 80
    ):
        problems.append(f"{where}.hours_per_week: must be a number of hours from 0 to 80")
        hours = None
    return Preferences(
        interests=tuple(i[:100] for i in interests[:50]),
        hours_per_week=float(hours) if hours is not None else None,
        region=_text(raw.get("region"), f"{where}.region", problems, 200),
        likes=_text(raw.get("likes"), f"{where}.likes", problems),
        dislikes=_text(raw.get("dislikes"), f"{where}.dislikes", problems),
    )


def claim_to_json(claim: SkillClaim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "skill": claim.skill_uri,
        "source": {"actor_type": claim.source.actor_type.value, "name": claim.source.name},
        "evidence": {
            "type": claim.evidence.type.value,
            "title": claim.evidence.title,
            "excerpt": claim.evidence.excerpt,
        },
        "verification": claim.verification.value,
        "acquired": date_to_json(claim.acquired),
        "last_used": date_to_json(claim.last_used),
        "note": claim.note,
    }


def claim_from_json(raw: Mapping[str, Any], where: str, problems: list[str]) -> SkillClaim | None:
    before = len(problems)
    raw = _object(raw, where, problems)
    claim_id = _text(raw.get("id"), f"{where}.id", problems, 80)
    if not claim_id:
        problems.append(f"{where}.id: missing")
    skill = _text(raw.get("skill"), f"{where}.skill", problems, 200)
    if not is_skill_uri(skill):
        problems.append(f"{where}.skill: '{skill[:80]}' is not an ESCO skill URI")
    source = _object(raw.get("source"), f"{where}.source", problems)
    actor = _enum(
        ActorType, source.get("actor_type"), f"{where}.source.actor_type", problems, ActorType.SELF
    )
    evidence = _object(raw.get("evidence"), f"{where}.evidence", problems)
    acquired = parse_date(raw.get("acquired"), f"{where}.acquired", problems)
    last_used = parse_date(raw.get("last_used"), f"{where}.last_used", problems)
    if acquired and last_used and last_used < acquired:
        problems.append(f"{where}.last_used: before the date acquired")
    claim = SkillClaim(
        id=claim_id,
        skill_uri=skill,
        source=Source(actor, _text(source.get("name"), f"{where}.source.name", problems, 200)),
        evidence=Evidence(
            _enum(
                EvidenceType,
                evidence.get("type"),
                f"{where}.evidence.type",
                problems,
                EvidenceType.NONE,
            ),
            _text(evidence.get("title"), f"{where}.evidence.title", problems, 300),
            _text(evidence.get("excerpt"), f"{where}.evidence.excerpt", problems),
        ),
        verification=_enum(
            VerificationLevel,
            raw.get("verification"),
            f"{where}.verification",
            problems,
            VerificationLevel.SELF_DECLARED,
        ),
        acquired=acquired,
        last_used=last_used,
        note=_text(raw.get("note"), f"{where}.note", problems),
    )
    return claim if len(problems) == before else None


def entry_to_json(entry: HistoryEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "kind": entry.kind.value,
        "occupation": entry.occupation_uri,
        "title": entry.title,
        "organisation": entry.organisation,
        "start": date_to_json(entry.start),
        "end": date_to_json(entry.end),
        "skills": list(entry.skills),
    }


def entry_from_json(raw: Mapping[str, Any], where: str, problems: list[str]) -> HistoryEntry | None:
    before = len(problems)
    raw = _object(raw, where, problems)
    entry_id = _text(raw.get("id"), f"{where}.id", problems, 80)
    if not entry_id:
        problems.append(f"{where}.id: missing")
    kind = _enum(HistoryKind, raw.get("kind"), f"{where}.kind", problems, HistoryKind.JOB)
    occupation = _text(raw.get("occupation"), f"{where}.occupation", problems, 200)
    if occupation and not is_occupation_uri(occupation):
        problems.append(f"{where}.occupation: '{occupation[:80]}' is not an ESCO occupation URI")
    skills = raw.get("skills") or []
    if not isinstance(skills, list):
        problems.append(f"{where}.skills: must be a list of ESCO skill URIs")
        skills = []
    for i, skill in enumerate(skills):
        if not isinstance(skill, str) or not is_skill_uri(skill):
            problems.append(f"{where}.skills[{i}]: not an ESCO skill URI")
    start = parse_date(raw.get("start"), f"{where}.start", problems)
    end = parse_date(raw.get("end"), f"{where}.end", problems)
    if start and end and end < start:
        problems.append(f"{where}.end: before the start")
    entry = HistoryEntry(
        id=entry_id,
        kind=kind,
        title=_text(raw.get("title"), f"{where}.title", problems, 300),
        start=start,
        end=end,
        occupation_uri=occupation,
        organisation=_text(raw.get("organisation"), f"{where}.organisation", problems, 300),
        skills=tuple(s for s in skills if isinstance(s, str)),
    )
    return entry if len(problems) == before else None


# -- whole portfolio -----------------------------------------------------------------------


def to_json(portfolio: Portfolio) -> dict[str, Any]:
    """The platform's JSON export (format ``koers.portfolio`` version 1)."""
    out: dict[str, Any] = {"format": FORMAT, "version": VERSION, "sample": portfolio.sample}
    if portfolio.sample:
        out["note"] = SAMPLE_NOTE
    out.update(
        {
            "person": person_to_json(portfolio.person),
            "current_occupation": portfolio.current_occupation or None,
            "targets": list(portfolio.targets),
            "preferences": preferences_to_json(portfolio.preferences),
            "claims": [claim_to_json(c) for c in portfolio.claims],
            "history": [entry_to_json(h) for h in portfolio.history],
        }
    )
    return out


def from_json(raw: object, source: str = "portfolio") -> Portfolio:
    """Read and validate a ``koers.portfolio`` document.

    Raises:
        PortfolioInvalid: with every problem found (JSON path + what is wrong).
    """
    problems: list[str] = []
    if not isinstance(raw, Mapping):
        raise PortfolioInvalid(source, ["the document must be a JSON object"])
    if raw.get("format") != FORMAT:
        problems.append(f"format: must be '{FORMAT}'")
    if raw.get("version") != VERSION:
        problems.append(f"version: must be {VERSION}")
    claims_raw = raw.get("claims") or []
    history_raw = raw.get("history") or []
    if not isinstance(claims_raw, list):
        problems.append("claims: must be a list")
        claims_raw = []
    if not isinstance(history_raw, list):
        problems.append("history: must be a list")
        history_raw = []
    if len(claims_raw) > MAX_CLAIMS:
        problems.append(f"claims: more than {MAX_CLAIMS}")
        claims_raw = claims_raw[:MAX_CLAIMS]
    if len(history_raw) > MAX_HISTORY:
        problems.append(f"history: more than {MAX_HISTORY}")
        history_raw = history_raw[:MAX_HISTORY]
    claims = [claim_from_json(c, f"claims[{i}]", problems) for i, c in enumerate(claims_raw)]
    history = [entry_from_json(h, f"history[{i}]", problems) for i, h in enumerate(history_raw)]
    for label, items in (("claims", claims), ("history", history)):
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if item is None:
                continue
            if item.id in seen:
                other = f"{label}[{seen[item.id]}]"
                problems.append(f"{label}[{i}].id: '{item.id}' also used by {other}")
            seen.setdefault(item.id, i)
    current = raw.get("current_occupation") or ""
    if current and (not isinstance(current, str) or not is_occupation_uri(current)):
        problems.append("current_occupation: not an ESCO occupation URI")
        current = ""
    targets = raw.get("targets") or []
    if not isinstance(targets, list):
        problems.append("targets: must be a list of ESCO occupation URIs")
        targets = []
    for i, target in enumerate(targets):
        if not isinstance(target, str) or not is_occupation_uri(target):
            problems.append(f"targets[{i}]: not an ESCO occupation URI")
    person = person_from_json(raw.get("person") or {}, "person", problems)
    prefs = preferences_from_json(raw.get("preferences") or {}, "preferences", problems)
    sample = raw.get("sample", False)
    if not isinstance(sample, bool):
        problems.append("sample: must be true or false")
    if problems:
        raise PortfolioInvalid(source, problems)
    return Portfolio(
        person=person,
        claims=tuple(c for c in claims if c is not None),
        history=tuple(h for h in history if h is not None),
        preferences=prefs,
        current_occupation=str(current),
        targets=tuple(str(t) for t in targets),
        sample=bool(sample),
    )


def loads(text: str, source: str = "portfolio") -> Portfolio:
    """Parse JSON text then :func:`from_json`."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PortfolioInvalid(source, [f"not valid JSON (line {exc.lineno}: {exc.msg})"]) from exc
    return from_json(raw, source)


def dumps(portfolio: Portfolio) -> str:
    return json.dumps(to_json(portfolio), ensure_ascii=False, indent=2)


# -- list of past occupations --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OccupationRow:
    """One row of an occupations list after validation (the URI resolved)."""

    row: int
    occupation_uri: str
    title: str
    organisation: str
    start: date | None
    end: date | None


OCCUPATION_COLUMNS = ("occupation", "start", "end", "title", "organisation")


def read_occupation_rows(
    text: str, source: str, resolve: Callable[[str], str | None]
) -> list[OccupationRow]:
    """Read a CSV or JSON list of past occupations (ESCO URIs or ESCO codes with dates).

    CSV: header ``occupation,start,end[,title,organisation]``; JSON: a list of objects with
    the same keys. Row numbers count the CSV header as row 1 (as a spreadsheet shows them);
    JSON items count from 1.

    Args:
        text: the file's text.
        source: file name for messages.
        resolve: ESCO occupation URI or code → URI, ``None`` when unknown.

    Raises:
        PortfolioInvalid: every problem of every row; nothing is imported half-way.
    """
    stripped = text.lstrip()
    problems: list[str] = []
    records: list[tuple[int, Mapping[str, Any]]] = []
    if stripped.startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise PortfolioInvalid(source, [f"not valid JSON (line {exc.lineno})"]) from exc
        for i, item in enumerate(items, start=1):
            if not isinstance(item, Mapping):
                problems.append(f"item {i}: must be an object")
                continue
            records.append((i, item))
        label = "item"
    else:
        reader = csv.DictReader(io.StringIO(text))
        missing = [c for c in ("occupation",) if c not in (reader.fieldnames or [])]
        if missing:
            raise PortfolioInvalid(source, ["row 1: missing column 'occupation'"])
        unknown = [c for c in reader.fieldnames or [] if c not in OCCUPATION_COLUMNS]
        if unknown:
            problems.append(f"row 1: unknown column(s) {', '.join(unknown)}")
        records = [(i, row) for i, row in enumerate(reader, start=2)]
        label = "row"
    if not records and not problems:
        problems.append("no rows")
    rows: list[OccupationRow] = []
    for number, record in records:
        where = f"{label} {number}"
        key = str(record.get("occupation") or "").strip()
        uri = resolve(key) if key else None
        if not key:
            problems.append(f"{where}, column 'occupation': empty")
        elif uri is None:
            problems.append(
                f"{where}, column 'occupation': '{key[:80]}' is not a known ESCO "
                "occupation URI or code"
            )
        start = parse_date(record.get("start"), f"{where}, column 'start'", problems)
        end = parse_date(record.get("end"), f"{where}, column 'end'", problems)
        if start and end and end < start:
            problems.append(f"{where}, column 'end': before the start")
        if uri:
            rows.append(
                OccupationRow(
                    number,
                    uri,
                    str(record.get("title") or "")[:300],
                    str(record.get("organisation") or "")[:300],
                    start,
                    end,
                )
            )
    if problems:
        raise PortfolioInvalid(source, problems)
    return rows


def next_id(taken: Sequence[str], prefix: str) -> Callable[[], str]:
    """A generator of ids ``<prefix><n>`` not in ``taken``."""
    used = set(taken)
    counter = [0]

    def make() -> str:
        while True:
            counter[0] += 1
            candidate = f"{prefix}{counter[0]}"
            if candidate not in used:
                used.add(candidate)
                return candidate

    return make


__all__ = [
    "ESCO_OCCUPATION_PREFIX",
    "ESCO_SKILL_PREFIX",
    "FORMAT",
    "VERSION",
    "OccupationRow",
    "dumps",
    "from_json",
    "loads",
    "read_occupation_rows",
    "to_json",
]
