"""Plain data of the competence portfolio (competentieportfolio, report 6.2 advice 2).

A portfolio holds skill claims (competentieclaims) fed by many actors and a job/learning
history (loopbaan en leerweg). Everything here is frozen data; the derived confidence lives in
``confidence``, the event log in ``events``, file formats in ``formats``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from koers.messages import Message

ESCO_SKILL_PREFIX = "http://data.europa.eu/esco/skill/"
ESCO_OCCUPATION_PREFIX = "http://data.europa.eu/esco/occupation/"


class ActorType(StrEnum):
    """Who vouches for a claim (bron-actor, report 6.2: "gevoed door diverse actoren")."""

    SELF = "self"
    SCHOOL = "school"
    TRAINING_PROVIDER = "training_provider"
    EMPLOYER = "employer"
    VDAB = "vdab"
    COACH = "coach"
    VOLUNTEERING = "volunteering"
    EVC_ASSESSOR = "evc_assessor"
    """Erkenning van verworven competenties (recognition of prior learning)."""
    PEER_FEEDBACK = "peer_feedback"
    """360°-feedback, e.g. from a temp agency (uitzendkantoor)."""
    EXTRACTION = "extraction"
    """Found by skill extraction in a document (CV, job description)."""


class EvidenceType(StrEnum):
    """What backs a claim (bewijsstuk)."""

    DIPLOMA = "diploma"
    CERTIFICATE = "certificate"
    COURSE = "course"
    JOB = "job"
    ASSESSMENT = "assessment"
    DOCUMENT_EXCERPT = "document_excerpt"
    NONE = "none"


LEARNING_EVIDENCE = frozenset({EvidenceType.DIPLOMA, EvidenceType.CERTIFICATE, EvidenceType.COURSE})
"""Evidence types that show a learning moment (used by the "no recent learning" light). An
assessment recognises what someone already knows, so it is not counted as learning."""


class VerificationLevel(StrEnum):
    """How strongly a claim is checked (verificatieniveau), strongest first.

    * ``verified``: a third party checked the evidence (diploma in a register, EVC assessment).
    * ``attested``: an actor other than the citizen states it (employer, school, coach).
    * ``self_declared``: the citizen states it.
    * ``inferred``: derived by the platform (from a job title or a document), never checked.
    """

    VERIFIED = "verified"
    ATTESTED = "attested"
    SELF_DECLARED = "self_declared"
    INFERRED = "inferred"


class HistoryKind(StrEnum):
    JOB = "job"
    LEARNING = "learning"


@dataclass(frozen=True, slots=True)
class Source:
    """The actor behind a claim: a name as shown (an organisation, "zelf") and its type."""

    actor_type: ActorType
    name: str = ""


@dataclass(frozen=True, slots=True)
class Evidence:
    """What backs a claim: its type, a title (diploma name, course) and an optional excerpt."""

    type: EvidenceType = EvidenceType.NONE
    title: str = ""
    excerpt: str = ""
    """The text span that triggered an extracted skill (``document_excerpt``)."""


@dataclass(frozen=True, slots=True)
class SkillClaim:
    """One statement that the citizen has an ESCO skill.

    Attributes:
        id: stable id within the portfolio (edits refer to it).
        skill_uri: ESCO skill or knowledge concept URI.
        source: who vouches for it.
        evidence: what backs it.
        verification: how strongly it is checked.
        acquired: date the skill was acquired (verworven), if known.
        last_used: date last used or strengthened (laatst gebruikt of versterkt), if known.
        note: free text from the citizen (shown, never logged).
    """

    id: str
    skill_uri: str
    source: Source
    evidence: Evidence = field(default_factory=Evidence)
    verification: VerificationLevel = VerificationLevel.SELF_DECLARED
    acquired: date | None = None
    last_used: date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """A job (ESCO occupation with dates) or a learning activity in the citizen's history.

    Attributes:
        id: stable id within the portfolio.
        kind: ``job`` or ``learning``.
        title: as the citizen names it ("verpleegkundige in AZ X", "cursus Excel").
        start: start date, if known.
        end: end date; ``None`` means still ongoing (a current job).
        occupation_uri: for a job, the ESCO occupation; its essential skills are implied at a
            lower confidence (see ``confidence``).
        organisation: employer or provider name.
        skills: for learning, the ESCO skills it taught (become inferred claims).
    """

    id: str
    kind: HistoryKind
    title: str = ""
    start: date | None = None
    end: date | None = None
    occupation_uri: str = ""
    organisation: str = ""
    skills: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Preferences:
    """The "willen" component (report 6.2 advice 3): what the citizen wants.

    Attributes:
        interests: free words or ESCO/RIASEC terms ("zorg", "technisch", "Social").
        hours_per_week: hours the citizen wants to work, if said.
        region: where (municipality or province), if said.
        likes: what the citizen likes doing, in their own words.
        dislikes: what the citizen would rather not do.
    """

    interests: tuple[str, ...] = ()
    hours_per_week: float | None = None
    region: str = ""
    likes: str = ""
    dislikes: str = ""

    def is_empty(self) -> bool:
        return not (
            self.interests or self.hours_per_week or self.region or self.likes or self.dislikes
        )


@dataclass(frozen=True, slots=True)
class Person:
    """Who the portfolio is about. Personal data: shown to the owner, never logged."""

    display_name: str = ""
    birth_year: int | None = None


@dataclass(frozen=True, slots=True)
class Portfolio:
    """A citizen's competence portfolio: current state, derived from its event log.

    Attributes:
        person: name and birth year as the citizen gave them.
        claims: skill claims, in the order they were added.
        history: jobs and learning, in the order they were added.
        preferences: the "willen" component.
        current_occupation: ESCO occupation the citizen works in now (or last), if said.
        targets: ESCO occupations the citizen aims for.
        sample: True for clearly labelled fictitious demo data.
    """

    person: Person = field(default_factory=Person)
    claims: tuple[SkillClaim, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    preferences: Preferences = field(default_factory=Preferences)
    current_occupation: str = ""
    targets: tuple[str, ...] = ()
    sample: bool = False

    def claim(self, claim_id: str) -> SkillClaim | None:
        return next((c for c in self.claims if c.id == claim_id), None)

    def entry(self, entry_id: str) -> HistoryEntry | None:
        return next((h for h in self.history if h.id == entry_id), None)

    @property
    def jobs(self) -> tuple[HistoryEntry, ...]:
        return tuple(h for h in self.history if h.kind is HistoryKind.JOB)


@dataclass(frozen=True, slots=True)
class Contribution:
    """How one claim (or one implied job skill) adds to a skill's confidence.

    Attributes:
        claim_id: the claim, or ``job:<entry id>`` / ``learning:<entry id>`` when implied.
        source_weight: weight of the source (see ``confidence.source_weight``), in [0, 1].
        decay: time factor in (0, 1]: 0.5 ** (years since last use / half-life).
        value: ``source_weight * decay``.
        last_used: the date used for the decay, if known.
        reason: why, as a message the edge translates (``portfolio.reason.*``).
    """

    claim_id: str
    source_weight: float
    decay: float
    value: float
    last_used: date | None
    reason: Message


@dataclass(frozen=True, slots=True)
class SkillConfidence:
    """Derived confidence that the citizen masters a skill today.

    Attributes:
        skill_uri: the ESCO skill.
        confidence: in [0, 1]; 1 − Π(1 − value) over the contributions (independent sources
            corroborate each other).
        last_used: the latest known use of the skill over all contributions.
        years_unused: years between ``last_used`` and the reference date, if known.
        stale: not used for more than ``STALE_AFTER_YEARS`` (verouderd).
        inferred_only: every contribution is inferred (from job titles or documents).
        contributions: the parts, strongest first.
    """

    skill_uri: str
    confidence: float
    last_used: date | None
    years_unused: float | None
    stale: bool
    inferred_only: bool
    contributions: tuple[Contribution, ...]

    def why(self) -> tuple[Message, ...]:
        """One reason per contribution, strongest first (the edge joins them translated)."""
        return tuple(c.reason for c in self.contributions)
