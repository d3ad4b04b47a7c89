"""Text handling shared by every scorer: validation, segmentation, tokens with offsets.

Normalisation folds case and accents and applies a light suffix stripper that works for
English and, roughly, Dutch (``skills``→``skill``, ``managing``→``manag``, ``vaardigheden``→
``vaardighed``). It is deliberately crude: both the text and the labels go through it, so
only consistency matters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from koers.extraction.errors import NotText, TextTooLong

MAX_TEXT_CHARS = 200_000
"""About 60 pages of plain text; a CV or vacancy is far below it. Larger input is refused."""

_TOKEN_RE = re.compile(r"[^\W_]+(?:[+#]+|(?:[.'’][^\W_]+)+)?|[+#]+", re.UNICODE)
_SEGMENT_RE = re.compile(r"[^\n\r.!?;•·▪●*]+(?:[.!?;](?=\S)[^\n\r.!?;•·▪●*]*)*", re.UNICODE)

_STOPWORD_TEXT = """
a an and are as at be by for from has have in into is it its of on or our such that the their
this to we will with you your use using etc e.g i.e able ability
de het een en van voor met op in aan te om of bij als door tot zijn is wordt worden je jij u uw
ons onze we wij die dat deze dit er naar over ook
ik ben heb hebt had mijn mij me niet geen maar nog al was waren kan kon wil zal zou hij zij ze
hun uit dan want omdat sinds tijdens zo veel vaak graag
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
"""English and Dutch function words, skipped by phrase matching and TF-IDF. The second Dutch
line holds words of first-person CV sentences ("ik ben", "ik heb", "mijn"): as content words
they matched stray label words (a CV's "ben" matched an ESCO label's typo "ben tampered")."""

_SUFFIXES = (
    "ational",
    "ization",
    "fulness",
    "ousness",
    "iveness",
    "ingen",
    "ement",
    "ments",
    "ities",
    "ness",
    "ings",
    "ment",
    "ing",
    "ity",
    "ies",
    "ers",
    "ed",
    "es",
    "er",
    "en",
    "s",
    "e",
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the input with its offsets and its normalised form (``norm``)."""

    start: int
    end: int
    norm: str


def check_text(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """Validate one input text and return it with NUL and other control characters blanked.

    Args:
        text: the input as decoded text.
        limit: largest accepted length in characters.

    Returns:
        The text with control characters (except newline and tab) replaced by spaces, so that
        offsets into the returned text equal offsets into the input.

    Raises:
        TextTooLong: more than ``limit`` characters.
        NotText: the text is mostly control characters or undecodable bytes (binary data).
    """
    if len(text) > limit:
        raise TextTooLong(len(text), limit)
    if not text:
        return text
    bad = sum(
        1
        for ch in text
        if ch == "\ufffd" or (unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\n\r\t")
    )
    if bad > max(8, len(text) // 20):
        raise NotText(f"{bad} of {len(text)} characters are control or undecodable characters")
    if bad:
        text = "".join(
            " "
            if ch == "\ufffd"
            or (unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\n\r\t")
            else ch
            for ch in text
        )
    return text


def fold(word: str) -> str:
    """Lower-case and strip accents (``Café`` → ``cafe``)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str) -> str:
    """Strip one common English or Dutch suffix; words of four letters or fewer are kept."""
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[Token]:
    """Split text into word tokens with character offsets and normalised (folded, stemmed) form."""
    return [
        Token(m.start(), m.end(), stem(fold(m.group())).replace("’", "'"))
        for m in _TOKEN_RE.finditer(text)
    ]


def normalise(text: str) -> tuple[str, ...]:
    """The normalised content words of a label or query (stop words removed)."""
    return tuple(t.norm for t in tokens(text) if t.norm not in STOPWORDS)


def segments(text: str) -> list[tuple[int, int]]:
    """Split a text into sentence-like segments: lines, bullets and sentence ends.

    Returns:
        ``(start, end)`` offsets of each segment that holds at least one word character.
    """
    out: list[tuple[int, int]] = []
    for m in _SEGMENT_RE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end and any(ch.isalnum() for ch in text[start:end]):
            out.append((start, end))
    return out
