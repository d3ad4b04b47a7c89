"""Check results as JSON-ready dicts (the CLI's and API's output; stable keys)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from koers.messages import Message

Translate = Callable[[Message, str], str]
"""``koers.i18n.translate_message``: the edge hands it in, the domain never translates."""

LANGUAGES = ("nl", "en")
"""The languages of the documented JSON: a text field ``x`` is written as ``x_nl`` and
``x_en``."""


def to_jsonable(
    value: Any, translate: Translate | None = None, languages: Sequence[str] = LANGUAGES
) -> Any:
    """Dataclasses → dicts, enums → values, dates → ISO text, sets → sorted lists.

    With ``translate``, a dataclass field holding a :class:`~koers.messages.Message` becomes one
    key per language (``reason`` → ``reason_nl``, ``reason_en``), in the field's place; a field
    holding a non-empty tuple of messages is one paragraph (its sentences joined by a space).
    Without it, a message stays a plain dict (code and parameters).
    """
    if is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in fields(value):
            item = getattr(value, f.name)
            text = _sentences(item)
            if translate is None or text is None:
                out[f.name] = to_jsonable(item, translate, languages)
                continue
            for lang in languages:
                out[f"{f.name}_{lang}"] = " ".join([translate(m, lang) for m in text])
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, frozenset | set):
        return sorted(to_jsonable(v, translate, languages) for v in value)
    if isinstance(value, list | tuple):
        return [to_jsonable(v, translate, languages) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v, translate, languages) for k, v in value.items()}
    return value


def _sentences(value: Any) -> tuple[Message, ...] | None:
    """The messages of a text field (one message, or the sentences of a paragraph); None for
    any other value."""
    if isinstance(value, Message):
        return (value,)
    if isinstance(value, tuple) and value and all(isinstance(v, Message) for v in value):
        return value
    return None
