"""Small fictitious portfolios and URIs for the unit tests (no database, no files)."""

from __future__ import annotations

from datetime import date

from koers.portfolio import (
    ActorType,
    Evidence,
    EvidenceType,
    HistoryEntry,
    HistoryKind,
    MappingSkills,
    Person,
    Portfolio,
    Preferences,
    SkillClaim,
    Source,
    VerificationLevel,
)


def skill(n: int) -> str:
    return f"http://data.europa.eu/esco/skill/{n:08x}-0000-0000-0000-000000000000"


def occupation(n: int) -> str:
    return f"http://data.europa.eu/esco/occupation/{n:08x}-0000-0000-0000-000000000000"


NURSE = occupation(1)
CARE = occupation(2)
ESSENTIALS = MappingSkills({NURSE: [skill(1), skill(2), skill(3)], CARE: [skill(2), skill(4)]})
TODAY = date(2026, 6, 1)


def demo() -> Portfolio:
    return Portfolio(
        person=Person("Demo Burger", 1975),
        claims=(
            SkillClaim(
                "c1",
                skill(1),
                Source(ActorType.EMPLOYER, "Ziekenhuis Voorbeeld"),
                Evidence(EvidenceType.JOB, "verpleegkundige"),
                VerificationLevel.ATTESTED,
                date(2010, 1, 1),
                date(2026, 1, 1),
            ),
            SkillClaim(
                "c2",
                skill(9),
                Source(ActorType.SELF),
                Evidence(EvidenceType.NONE),
                VerificationLevel.SELF_DECLARED,
                date(2005, 1, 1),
                date(2012, 1, 1),
                note="Excel",
            ),
            SkillClaim(
                "c3",
                skill(5),
                Source(ActorType.TRAINING_PROVIDER, "Opleider"),
                Evidence(EvidenceType.CERTIFICATE, "EHBO"),
                VerificationLevel.VERIFIED,
                date(2025, 3, 1),
            ),
        ),
        history=(
            HistoryEntry(
                "h1",
                HistoryKind.JOB,
                "verpleegkundige",
                date(2010, 1, 1),
                None,
                NURSE,
                "Ziekenhuis",
            ),
            HistoryEntry(
                "h2",
                HistoryKind.LEARNING,
                "cursus wondzorg",
                date(2024, 1, 1),
                date(2024, 3, 1),
                skills=(skill(6),),
            ),
        ),
        preferences=Preferences(("zorg",), 32.0, "Gent", "mensen helpen"),
        current_occupation=NURSE,
        targets=(CARE,),
        sample=True,
    )
