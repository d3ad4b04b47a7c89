"""Login throttling: after too many failures in a window, refuse until the window has passed."""

from __future__ import annotations

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
