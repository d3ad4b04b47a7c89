"""A text as domains hand it to the edge: a catalogue id with parameters, not words.

Domains (``check``, ``portfolio``, …) say *what* to tell someone; the edge (web, API, CLI)
turns it into words in the reader's language through the gettext catalogues
(:func:`koers.i18n.translate_message`). This module is pure so every domain may import it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Message:
    """A catalogue id (e.g. ``check.warning.long_tenure``) and its ``%(name)s`` values.

    A value may itself be a :class:`Message` (e.g. an outlook word inside a sentence); it is
    translated first. Parameters are a tuple of pairs so the message stays hashable.
    """

    code: str
    params: tuple[tuple[str, str | int | float | Message], ...] = ()

    @property
    def values(self) -> Mapping[str, str | int | float | Message]:
        return dict(self.params)


def message(code: str, /, **params: str | int | float | Message) -> Message:
    """Shorthand: ``message("check.answer.demand", name="Verpleger")``."""
    return Message(code, tuple(params.items()))
