from __future__ import annotations

import pytest

from koers.errors import InvalidInput
from koers.extraction import MAX_TEXT_CHARS, NotText, TextTooLong, check_text
from koers.extraction.text import normalise, segments, tokens


def test_five_megabyte_text_is_rejected_with_a_clear_error() -> None:
    text = "python " * (5_000_000 // 7)
    with pytest.raises(TextTooLong, match="limit is") as info:
        check_text(text)
    assert isinstance(info.value, InvalidInput)
    assert info.value.size > MAX_TEXT_CHARS


def test_binary_garbage_is_rejected() -> None:
    garbage = bytes(range(256)).decode("latin-1") * 10
    with pytest.raises(NotText, match="not readable text"):
        check_text(garbage)
    pdf_like = b"%PDF-1.7\x00\x01\x02\x03\xff\xfe".decode("utf-8", errors="replace") * 50
    with pytest.raises(NotText):
        check_text(pdf_like)


def test_a_few_control_characters_are_blanked_keeping_offsets() -> None:
    text = "Python\x00 and\x07 SQL"
    cleaned = check_text(text)
    assert len(cleaned) == len(text)
    assert cleaned == "Python  and  SQL"


def test_empty_text_is_accepted() -> None:
    assert check_text("") == ""
    assert segments("") == []
    assert segments("  \n ... \n") == []


def test_tokens_carry_offsets_and_normalised_forms() -> None:
    text = "Managing C++ and C# teams, Café"
    toks = tokens(text)
    assert [text[t.start : t.end] for t in toks] == [
        "Managing",
        "C++",
        "and",
        "C#",
        "teams",
        "Café",
    ]
    assert [t.norm for t in toks] == ["manag", "c++", "and", "c#", "team", "cafe"]


def test_normalise_drops_stop_words() -> None:
    assert normalise("Manage the projects of a team") == ("manag", "project", "team")


def test_first_person_dutch_cv_words_are_stop_words() -> None:
    # "ben" once matched the typo "have ben tampered with" in an ESCO alternative label
    words = normalise("Ik ben klantgericht en ik heb mijn rijbewijs")
    assert words == ("klantgericht", "rijbewij")  # "rijbewij": light suffix stripping


def test_segments_split_lines_bullets_and_sentences() -> None:
    text = "Skills: Python. Teamwork!\n• forklift; customer care\nversion 3.11 is fine"
    assert [text[a:b] for a, b in segments(text)] == [
        "Skills: Python",
        "Teamwork",
        "forklift",
        "customer care",
        "version 3.11 is fine",
    ]
