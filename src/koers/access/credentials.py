"""Rules for e-mail addresses, display names and passwords (no hashing here: that is I/O-free
but needs argon2, which lives in the service)."""

from __future__ import annotations

import re
import unicodedata

from koers.access.errors import WeakPassword
from koers.errors import InvalidInput

MIN_PASSWORD = 10
MAX_PASSWORD = 128
MAX_EMAIL = 254
MAX_NAME = 100

_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)

COMMON_PASSWORDS = frozenset(
    {
        "wachtwoord",
        "wachtwoord1",
        "wachtwoord123",
        "password",
        "password1",
        "password123",
        "1234567890",
        "12345678910",
        "qwertyuiop",
        "azertyuiop",
        "iloveyou12",
        "welkom1234",
        "welkom123!",
        "koers12345",
        "0123456789",
        "abcdefghij",
        "aaaaaaaaaa",
        "letmein123",
    }
)


def normalise_email(email: str) -> str:
    """Trim and lower-case an e-mail address; raise :class:`InvalidInput` if it is not one."""
    value = email.strip().lower()
    if not value or len(value) > MAX_EMAIL or not _EMAIL.match(value):
        raise InvalidInput("email: not a valid e-mail address")
    return value


def check_display_name(name: str) -> str:
    """A display name: 1 to 100 characters, no control characters; returns it trimmed."""
    value = unicodedata.normalize("NFC", name.strip())
    if not value or len(value) > MAX_NAME:
        raise InvalidInput(f"name: give 1 to {MAX_NAME} characters")
    if any(unicodedata.category(ch).startswith("C") for ch in value):
        raise InvalidInput("name: control characters are not allowed")
    return value


def check_password(password: str, email: str = "") -> None:
    """Length 10–128, not a well-known password, not the e-mail address, not one repeated sign.

    Raises:
        WeakPassword: with a message that names the rule, never the password.
    """
    if len(password) < MIN_PASSWORD:
        raise WeakPassword(f"password: at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise WeakPassword(f"password: at most {MAX_PASSWORD} characters")
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS or len(set(lowered)) <= 2:
        raise WeakPassword("password: too easy to guess")
    local = email.split("@", 1)[0].lower()
    if len(local) >= 4 and local in lowered:
        raise WeakPassword("password: must not contain your e-mail address")
