from __future__ import annotations

import json

import pytest

from koers.portfolio import (
    ActorType,
    Evidence,
    EvidenceType,
    HistoryEntry,
    HistoryKind,
    Portfolio,
    PortfolioInvalid,
    SkillClaim,
    Source,
    VerificationLevel,
    already_imported,
    merge_import,
    parse_portfolio,
    to_json,
    to_jsonld,
)
from koers.portfolio.tests.fixtures import demo, occupation, skill

FORKLIFT = skill(21)
TEAM = skill(22)
WAREHOUSE = occupation(4)


def test_parse_portfolio_reads_platform_json_and_elm_jsonld() -> None:
    portfolio = demo()
    assert parse_portfolio(json.dumps(to_json(portfolio))) == portfolio
    labels = {c.skill_uri: c.skill_uri for c in portfolio.claims}
    assert parse_portfolio(json.dumps(to_jsonld(portfolio, labels))) == portfolio
    with pytest.raises(PortfolioInvalid, match="not valid JSON \\(line 1"):
        parse_portfolio("{oops", "upload.json")


def test_merge_adds_only_kept_items_and_never_twice() -> None:
    mine = SkillClaim("c1", FORKLIFT, Source(ActorType.SELF), Evidence(EvidenceType.NONE))
    job = HistoryEntry("h1", HistoryKind.JOB, "Magazijnier", occupation_uri=WAREHOUSE)
    base = Portfolio(claims=(mine,), history=(job,))
    extraction = Source(ActorType.EXTRACTION, "Koers")
    found = Portfolio(
        claims=(
            SkillClaim(
                "c1",
                FORKLIFT,
                extraction,
                Evidence(EvidenceType.DOCUMENT_EXCERPT, "cv", "heftruck"),
            ),
            SkillClaim(
                "c2",
                TEAM,
                Source(ActorType.VDAB),
                Evidence(EvidenceType.DOCUMENT_EXCERPT, "cv", "ploeg"),
                VerificationLevel.VERIFIED,
            ),
        ),
        history=(
            HistoryEntry("h1", HistoryKind.JOB, "Magazijnier", occupation_uri=WAREHOUSE),
            HistoryEntry(
                "h2", HistoryKind.JOB, "Heftrucker", occupation_uri=WAREHOUSE, organisation="X"
            ),
        ),
    )
    assert already_imported(base, found) == {"c1", "h1"}
    merged = merge_import(base, found, {"c1", "c2", "h1", "h2"})
    assert merged.claims[0] == mine and len(merged.claims) == 2
    added = merged.claims[1]
    assert added.skill_uri == TEAM and added.id == "c2"
    assert added.source.actor_type is ActorType.EXTRACTION  # never the source the import claimed
    assert added.verification is VerificationLevel.INFERRED
    assert added.evidence.excerpt == "ploeg"
    assert [h.title for h in merged.history] == ["Magazijnier", "Heftrucker"]
    assert merged.history[1].id == "h2"
    assert merge_import(base, found, set()) == base
