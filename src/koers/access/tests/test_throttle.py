"""The pure login backoff (issue 13 fault 6) and the account-id shape (fault 4)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from koers.access import backoff_until, is_account_id, wait_seconds

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
FIRST, CAP = timedelta(seconds=30), timedelta(minutes=15)


def _failures(n: int) -> list[datetime]:
    return [T0 + timedelta(seconds=i) for i in range(n)]


def test_no_wait_below_the_limit() -> None:
    assert backoff_until(_failures(4), T0 + timedelta(seconds=5), 5, FIRST, CAP) is None


def test_the_wait_doubles_after_the_limit_and_is_capped() -> None:
    for extra, expected in [(0, 30), (1, 60), (2, 120), (5, 900), (10_000, 900)]:
        failures = _failures(5 + extra)
        last = failures[-1]
        until = backoff_until(failures, last, 5, FIRST, CAP)
        assert until == last + timedelta(seconds=expected)
        assert wait_seconds(until, last) == expected


def test_after_the_wait_the_key_may_try_again_and_future_failures_do_not_count() -> None:
    failures = _failures(5)
    assert backoff_until(failures, failures[-1] + FIRST, 5, FIRST, CAP) is None
    assert backoff_until(failures, T0 - timedelta(seconds=1), 5, FIRST, CAP) is None


def test_wait_seconds_is_at_least_one() -> None:
    assert wait_seconds(T0 + timedelta(milliseconds=10), T0) == 1


def test_account_id_shape() -> None:
    assert is_account_id("0123456789abcdef" * 2)
    for text in [
        "",
        "0123456789ABCDEF" * 2,
        "a" * 31,
        "a" * 33,
        "jan@example.org",
        "a" * 31 + "\n",
    ]:
        assert not is_account_id(text)
