"""Throttling of refused personal-data reads per actor: the pure decision.

Someone who is refused again and again (a coach or employer probing citizen ids, or a script
with their session) is stopped for a cool-down period. The state of one actor is plain data
(:class:`RefusalState`); the service keeps one per actor in memory and the data-layer gate asks
these functions before and after each read. See ``docs/security.md``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from koers.access.throttle import locked_until


@dataclass(frozen=True, slots=True)
class RefusalLimits:
    """``max_refusals`` refusals within ``window`` stop the actor for ``cooldown``."""

    max_refusals: int
    window: timedelta
    cooldown: timedelta

    def __post_init__(self) -> None:
        if self.max_refusals < 1:
            raise ValueError("max_refusals must be at least 1")
        if self.window <= timedelta(0) or self.cooldown <= timedelta(0):
            raise ValueError("window and cooldown must be positive")


@dataclass(frozen=True, slots=True)
class RefusalState:
    """What is known of one actor.

    Attributes:
        refusals: moments of refused reads still inside the window (oldest first).
        blocked_until: end of the current cool-down, if the actor was stopped.
        episode_audited: whether the stop (the episode) already has its one audit entry.
    """

    refusals: tuple[datetime, ...] = ()
    blocked_until: datetime | None = None
    episode_audited: bool = False


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether a read may go on to the policy.

    Attributes:
        blocked_until: end of the cool-down while the actor is stopped, else ``None``.
        audit_episode: this is the first stopped read of the episode; write its one entry.
    """

    blocked_until: datetime | None
    audit_episode: bool = False

    @property
    def blocked(self) -> bool:
        return self.blocked_until is not None


def verdict(state: RefusalState, now: datetime) -> Verdict:
    """Is the actor stopped at ``now``?"""
    if state.blocked_until is None or now >= state.blocked_until:
        return Verdict(None)
    return Verdict(state.blocked_until, audit_episode=not state.episode_audited)


def after_verdict(state: RefusalState, now: datetime) -> RefusalState:
    """The state once a stopped read was answered: the episode has its entry; a cool-down that
    has passed is forgotten (the actor starts with a clean slate)."""
    if state.blocked_until is None:
        return state
    if now >= state.blocked_until:
        return RefusalState()
    return RefusalState(state.refusals, state.blocked_until, episode_audited=True)


def after_refusal(state: RefusalState, now: datetime, limits: RefusalLimits) -> RefusalState:
    """The state once the policy refused a read at ``now``.

    Refusals older than the window are dropped. When ``limits.max_refusals`` fall inside the
    window, the actor is stopped from ``now`` for ``limits.cooldown`` and the count restarts.
    """
    recent = (*(t for t in state.refusals if now - limits.window < t <= now), now)
    if locked_until(recent, now, limits.max_refusals, limits.window) is not None:
        return RefusalState((), now + limits.cooldown, episode_audited=False)
    return RefusalState(recent)


def is_stale(state: RefusalState, now: datetime, limits: RefusalLimits) -> bool:
    """Nothing left to remember: not stopped and no refusal inside the window."""
    stopped = state.blocked_until is not None and now < state.blocked_until
    return not stopped and all(t <= now - limits.window for t in state.refusals)


def minutes_left(until: datetime, now: datetime) -> int:
    """Whole minutes to wait (rounded up, at least 1), for the message to the actor."""
    return max(1, math.ceil((until - now).total_seconds() / 60))


def seconds_left(until: datetime, now: datetime) -> int:
    """Whole seconds to wait (rounded up, at least 1), for the HTTP ``Retry-After`` header."""
    return max(1, math.ceil((until - now).total_seconds()))
