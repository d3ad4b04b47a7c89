"""Thresholds of the checks, in one documented place (``docs/portfolio-and-checks.md``).

They are parameters, not truths: an operator or a later evaluation may tune them; every check
result records the rules it used via this dataclass's defaults.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CheckRules:
    """Thresholds of the citizen and organisation checks.

    Attributes:
        covered_min: a skill counts as covered from this confidence on (0..1). An inferred
            skill from a current job scores 0.4, so it is covered; a self-declared skill
            unused for 10 years scores 0.15, so it is not.
        stale_years: a skill last used longer ago than this is stale (verouderd).
        long_tenure_years: this many years in the same occupation lights "long tenure"
            (career inertia, report 3.1).
        no_learning_years: no learning activity in this many years lights "no recent learning"
            (report 3.1: the Matthew effect; adult learning is measured over 12 months, we
            allow more because a portfolio records fewer courses than a survey).
        single_field_years: a career of at least this many years within one ISCO major group
            lights "single field career".
        second_half_age: from this age on, the career-options menu of report 7.2 advice 4 is
            offered (45+, "tweede loopbaanhelft").
        move_min_overlap: an internal move is listed from this overlap of essential skills on.
        title_match_min: title matches scoring below this are flagged "please check".
        max_listed_skills: cap on skills listed per fit or per plan item.
    """

    covered_min: float = 0.25
    stale_years: float = 5.0
    long_tenure_years: float = 10.0
    no_learning_years: float = 3.0
    single_field_years: float = 15.0
    second_half_age: int = 45
    move_min_overlap: float = 0.25
    title_match_min: float = 0.6
    max_listed_skills: int = 25


DEFAULT_RULES = CheckRules()
