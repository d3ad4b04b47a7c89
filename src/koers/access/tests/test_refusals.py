"""The pure decision of the refused-reads throttle: counts, window, cool-down, one episode."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from koers.access.refusals import (
    RefusalLimits,
    RefusalState,
    after_refusal,
    after_verdict,
    is_stale,
    minutes_left,
    seconds_left,
    verdict,
)

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
LIMITS = RefusalLimits(max_refusals=3, window=timedelta(minutes=10), cooldown=timedelta(minutes=15))


def refuse(state: RefusalState, *minutes: float) -> RefusalState:
    for m in minutes:
        state = after_refusal(state, T0 + timedelta(minutes=m), LIMITS)
    return state


def test_below_the_limit_the_actor_is_not_stopped() -> None:
    state = refuse(RefusalState(), 0, 1)
    assert state.refusals == (T0, T0 + timedelta(minutes=1))
    assert not verdict(state, T0 + timedelta(minutes=2)).blocked


def test_the_limit_within_the_window_stops_for_the_cooldown() -> None:
    state = refuse(RefusalState(), 0, 1, 2)
    tripped = T0 + timedelta(minutes=2)
    assert state.blocked_until == tripped + LIMITS.cooldown
    assert state.refusals == ()  # the count restarts after the stop
    answer = verdict(state, tripped + timedelta(seconds=1))
    assert answer.blocked_until == tripped + LIMITS.cooldown
    assert answer.audit_episode


def test_refusals_older_than_the_window_do_not_count() -> None:
    state = refuse(RefusalState(), 0, 1, 10.5)  # the first two left the window at 10 and 11
    assert state.blocked_until is None
    assert state.refusals == (T0 + timedelta(minutes=1), T0 + timedelta(minutes=10.5))
    state = refuse(state, 11.5)  # 10.5 and 11.5 count, 1 has left: two refusals
    assert state.blocked_until is None


def test_one_episode_entry_then_silence_until_the_cooldown_ends() -> None:
    state = refuse(RefusalState(), 0, 0, 0)
    first = verdict(state, T0 + timedelta(minutes=1))
    state = after_verdict(state, T0 + timedelta(minutes=1))
    second = verdict(state, T0 + timedelta(minutes=2))
    state = after_verdict(state, T0 + timedelta(minutes=2))
    assert first.audit_episode and first.blocked
    assert second.blocked and not second.audit_episode
    end = T0 + LIMITS.cooldown
    assert verdict(state, end - timedelta(microseconds=1)).blocked
    assert not verdict(state, end).blocked
    assert after_verdict(state, end) == RefusalState()  # a clean slate after the cool-down


def test_a_new_stop_after_the_cooldown_is_a_new_episode() -> None:
    state = refuse(RefusalState(), 0, 0, 0)
    state = after_verdict(state, T0 + timedelta(minutes=1))
    later = 15 + 1
    state = after_verdict(state, T0 + timedelta(minutes=later))
    state = refuse(state, later, later, later)
    assert verdict(state, T0 + timedelta(minutes=later + 1)).audit_episode


def test_stale_states_can_be_forgotten() -> None:
    assert is_stale(RefusalState(), T0, LIMITS)
    state = refuse(RefusalState(), 0)
    assert not is_stale(state, T0 + timedelta(minutes=5), LIMITS)
    assert is_stale(state, T0 + timedelta(minutes=10), LIMITS)
    stopped = refuse(RefusalState(), 0, 0, 0)
    assert not is_stale(stopped, T0 + timedelta(minutes=14), LIMITS)
    assert is_stale(stopped, T0 + timedelta(minutes=15), LIMITS)


def test_waiting_times_round_up() -> None:
    until = T0 + timedelta(minutes=14, seconds=1)
    assert minutes_left(until, T0) == 15
    assert seconds_left(until, T0) == 14 * 60 + 1
    assert minutes_left(T0 + timedelta(seconds=1), T0) == 1
    assert seconds_left(T0 + timedelta(milliseconds=10), T0) == 1


@pytest.mark.parametrize(
    ("limit", "window", "cooldown"),
    [(0, 10, 15), (3, 0, 15), (3, 10, 0)],
)
def test_limits_must_make_sense(limit: int, window: int, cooldown: int) -> None:
    with pytest.raises(ValueError):
        RefusalLimits(limit, timedelta(minutes=window), timedelta(minutes=cooldown))
