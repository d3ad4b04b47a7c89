from __future__ import annotations

import pytest

from koers.access import WeakPassword
from koers.access.credentials import check_display_name, check_password, normalise_email
from koers.errors import InvalidInput


def test_email_is_normalised() -> None:
    assert normalise_email("  An.Peeters@Example.BE ") == "an.peeters@example.be"


@pytest.mark.parametrize("bad", ["", "no-at", "a@b", "x' OR 1=1--@a.be", "a@b.c" + "c" * 300])
def test_bad_emails_are_refused(bad: str) -> None:
    with pytest.raises(InvalidInput):
        normalise_email(bad)


@pytest.mark.parametrize(
    "bad", ["short", "wachtwoord123", "aaaaaaaaaaaa", "x" * 129, "an.peeters-2026!"]
)
def test_weak_passwords_are_refused(bad: str) -> None:
    with pytest.raises(WeakPassword) as info:
        check_password(bad, "an.peeters@example.be")
    assert bad not in info.value.message


def test_good_password_passes() -> None:
    check_password("lange zin met spaties 7", "an@example.be")


def test_display_name_rules() -> None:
    assert check_display_name("  Anna  ") == "Anna"
    for bad in ["", " ", "x" * 101, "a\x00b"]:
        with pytest.raises(InvalidInput):
            check_display_name(bad)
