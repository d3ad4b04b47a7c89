"""Login throttling.

Two keys: one network address (after too many failures in a window, refuse until the window
has passed) and one account *from* one address (after a few failures, wait, and wait twice as
long after every further failure). An account has no lock of its own, so a stranger who types
wrong passwords for someone else's address never locks the owner out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta


def locked_until(
    failures: Sequence[datetime], now: datetime, limit: int, window: timedelta
) -> datetime | None:
    """When a key (an account or a network address) may try again, or ``None`` if it may now.

    Args:
        failures: moments of failed logins for this key (any order, any age).
        now: the current moment.
        limit: failures allowed within ``window`` before the key is locked.
        window: the sliding window.

    Returns:
        The moment the oldest counted failure leaves the window, while ``limit`` or more
        failures fall inside it; else ``None``.
    """
    recent = sorted(t for t in failures if now - window < t <= now)
    if len(recent) < limit:
        return None
    # The key unlocks once fewer than `limit` failures remain in the window.
    return recent[len(recent) - limit] + window


MAX_DOUBLINGS = 20
"""Beyond this many doublings the wait is capped anyway; bounds the arithmetic."""


def backoff_until(
    failures: Sequence[datetime],
    now: datetime,
    limit: int,
    first_wait: timedelta,
    longest_wait: timedelta,
) -> datetime | None:
    """When a key with repeated failures may try again (exponential backoff), or ``None``.

    Args:
        failures: moments of failed logins for this key (any order); only those up to ``now``
            count, so the caller decides how far back to remember.
        now: the current moment.
        limit: failures allowed before the first wait.
        first_wait: the wait after the ``limit``-th failure; it doubles with every further one.
        longest_wait: the cap of the wait.

    Returns:
        The latest failure plus the wait, while that is still ahead; else ``None``.
    """
    past = sorted(t for t in failures if t <= now)
    if len(past) < limit:
        return None
    doublings = min(len(past) - limit, MAX_DOUBLINGS)
    until = past[-1] + min(first_wait * 2**doublings, longest_wait)
    return until if until > now else None


def wait_seconds(until: datetime, now: datetime) -> int:
    """Whole seconds until ``until``, at least 1 (the ``Retry-After`` value)."""
    return max(1, math.ceil((until - now).total_seconds()))
