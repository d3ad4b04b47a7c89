"""Export and import in JSON-LD after the European Learning Model (ELM v3, Europass).

Mapping (documented in ``docs/data-formats.md``):

* the portfolio is an ELM ``Person`` (``fullName``);
* each skill claim is a ``LearningAchievement`` (``title``; ``learningOutcome`` with
  ``relatedESCOSkill`` = the ESCO skill URI; ``awardedBy`` an ``AwardingProcess`` with the
  source actor as ``awardingBody`` and ``awardingDate`` = date acquired);
* what ELM has no term for (actor type, verification level, last use, job history,
  preferences, goals) goes in the ``koers:`` namespace so that export → import gives back the
  same portfolio.

Import also reads achievements of other ELM documents: every ``relatedESCOSkill`` of a
``LearningAchievement`` becomes a claim attested by its awarding body (actor type
``training_provider`` unless ``koers:actorType`` says otherwise). The output was not validated
against the official ELM JSON Schema or SHACL shapes (not available offline here).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from koers.portfolio.errors import PortfolioInvalid
from koers.portfolio.formats import (
    SAMPLE_NOTE,
    claim_from_json,
    date_to_json,
    entry_from_json,
    entry_to_json,
    is_skill_uri,
    preferences_from_json,
    preferences_to_json,
)
from koers.portfolio.model import Person, Portfolio, SkillClaim

ELM_CONTEXT = "http://data.europa.eu/snb/model/context/edc-ap"
KOERS_NS = "https://koers.example/ns/portfolio#"
CONTEXT: list[Any] = [ELM_CONTEXT, {"koers": KOERS_NS}]


def _lang_string(text: str, lang: str) -> dict[str, str]:
    return {lang: text}


def _first_text(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        for key in ("nl", "en", *value.keys()):
            item = value.get(key)
            if isinstance(item, str):
                return item
            if isinstance(item, list) and item and isinstance(item[0], str):
                return item[0]
    return ""


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def to_jsonld(
    portfolio: Portfolio, labels: Mapping[str, str] | None = None, lang: str = "nl"
) -> dict[str, Any]:
    """The portfolio as an ELM ``Person`` with one ``LearningAchievement`` per claim.

    Args:
        portfolio: the portfolio.
        labels: skill URI → preferred label (for ``prefLabel`` and titles); optional.
        lang: language tag of free texts (names, titles).
    """
    labels = labels or {}
    achievements = []
    for claim in portfolio.claims:
        label = labels.get(claim.skill_uri, claim.skill_uri)
        node: dict[str, Any] = {
            "id": f"urn:koers:claim:{claim.id}",
            "type": "LearningAchievement",
            "title": _lang_string(claim.evidence.title or label, lang),
            "learningOutcome": [
                {
                    "id": f"urn:koers:outcome:{claim.id}",
                    "type": "LearningOutcome",
                    "title": _lang_string(label, "en"),
                    "relatedESCOSkill": [
                        {"id": claim.skill_uri, "type": "Concept", "prefLabel": {"en": label}}
                    ],
                }
            ],
            "awardedBy": {
                "id": f"urn:koers:awarding:{claim.id}",
                "type": "AwardingProcess",
                "awardingBody": [
                    {
                        "id": f"urn:koers:actor:{claim.id}",
                        "type": "Organisation",
                        "legalName": _lang_string(
                            claim.source.name or claim.source.actor_type.value, lang
                        ),
                    }
                ],
            },
            "koers:claimId": claim.id,
            "koers:actorType": claim.source.actor_type.value,
            "koers:actorName": claim.source.name,
            "koers:evidenceType": claim.evidence.type.value,
            "koers:evidenceTitle": claim.evidence.title,
            "koers:evidenceExcerpt": claim.evidence.excerpt,
            "koers:verification": claim.verification.value,
            "koers:lastUsed": date_to_json(claim.last_used),
            "koers:note": claim.note,
        }
        if claim.acquired:
            node["awardedBy"]["awardingDate"] = f"{claim.acquired.isoformat()}T00:00:00Z"
        achievements.append(node)
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "id": "urn:koers:person:export",
        "type": "Person",
        "fullName": _lang_string(portfolio.person.display_name, lang),
        "hasClaim": achievements,
        "koers:sample": portfolio.sample,
        "koers:birthYear": portfolio.person.birth_year,
        "koers:currentOccupation": portfolio.current_occupation or None,
        "koers:targets": list(portfolio.targets),
        "koers:preferences": preferences_to_json(portfolio.preferences),
        "koers:history": [entry_to_json(h) for h in portfolio.history],
    }
    if portfolio.sample:
        doc["koers:note"] = SAMPLE_NOTE
    return doc


def from_jsonld(raw: object, source: str = "json-ld") -> Portfolio:
    """Read a JSON-LD document written by :func:`to_jsonld` or another ELM ``Person``.

    Raises:
        PortfolioInvalid: every problem found.
    """
    problems: list[str] = []
    if not isinstance(raw, Mapping):
        raise PortfolioInvalid(source, ["the document must be a JSON object"])
    if raw.get("type") != "Person" and "Person" not in _as_list(raw.get("type")):
        problems.append("type: must be 'Person' (an ELM Person with hasClaim)")
    claims: list[SkillClaim] = []
    used_ids: set[str] = set()
    counter = 0
    for i, node in enumerate(_as_list(raw.get("hasClaim"))):
        where = f"hasClaim[{i}]"
        if not isinstance(node, Mapping):
            problems.append(f"{where}: must be an object")
            continue
        skills: list[str] = []
        for outcome in _as_list(node.get("learningOutcome")):
            if isinstance(outcome, Mapping):
                for concept in _as_list(outcome.get("relatedESCOSkill")):
                    uri = concept.get("id") if isinstance(concept, Mapping) else concept
                    if isinstance(uri, str) and is_skill_uri(uri):
                        skills.append(uri)
                    else:
                        problems.append(f"{where}.learningOutcome: '{uri}' is not an ESCO skill")
        awarded = node.get("awardedBy")
        awarded = awarded if isinstance(awarded, Mapping) else {}
        bodies = _as_list(awarded.get("awardingBody"))
        body_name = (
            _first_text(bodies[0].get("legalName"))
            if bodies and isinstance(bodies[0], Mapping)
            else ""
        )
        awarded_on = str(awarded.get("awardingDate") or "")[:10]
        for j, skill in enumerate(skills):
            claim_id = str(node.get("koers:claimId") or "")
            if not claim_id or j > 0 or claim_id in used_ids:
                counter += 1
                claim_id = f"x{counter}"
                while claim_id in used_ids:
                    counter += 1
                    claim_id = f"x{counter}"
            used_ids.add(claim_id)
            has_koers = "koers:actorType" in node
            payload = {
                "id": claim_id,
                "skill": skill,
                "source": {
                    "actor_type": node.get("koers:actorType") or "training_provider",
                    "name": node.get("koers:actorName", body_name) if has_koers else body_name,
                },
                "evidence": {
                    "type": node.get("koers:evidenceType") or "certificate",
                    "title": node.get("koers:evidenceTitle", _first_text(node.get("title")))
                    if has_koers
                    else _first_text(node.get("title")),
                    "excerpt": node.get("koers:evidenceExcerpt") or "",
                },
                "verification": node.get("koers:verification") or "attested",
                "acquired": awarded_on or None,
                "last_used": node.get("koers:lastUsed"),
                "note": node.get("koers:note") or "",
            }
            claim = claim_from_json(payload, where, problems)
            if claim is not None:
                claims.append(claim)
    history = []
    for i, item in enumerate(_as_list(raw.get("koers:history"))):
        entry = entry_from_json(item, f"koers:history[{i}]", problems)
        if entry is not None:
            history.append(entry)
    prefs = preferences_from_json(raw.get("koers:preferences") or {}, "koers:preferences", problems)
    birth = raw.get("koers:birthYear")
    targets = [str(t) for t in _as_list(raw.get("koers:targets"))]
    if problems:
        raise PortfolioInvalid(source, problems)
    return Portfolio(
        person=Person(_first_text(raw.get("fullName")), birth if isinstance(birth, int) else None),
        claims=tuple(claims),
        history=tuple(history),
        preferences=prefs,
        current_occupation=str(raw.get("koers:currentOccupation") or ""),
        targets=tuple(targets),
        sample=bool(raw.get("koers:sample", False)),
    )
