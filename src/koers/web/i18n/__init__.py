"""Interface texts in Dutch (first) and English, at a level a citizen with little schooling can
follow: short sentences, everyday words, no jargon without an explanation.

Each space keeps its texts in its own module here (``common``, ``citizen``, ``analyst``, …) as a
``MESSAGES`` dict of ``key -> {"nl": ..., "en": ...}``; they are merged at import. A key defined
twice is an error, so two spaces cannot silently overwrite each other's texts.
"""

from __future__ import annotations

import importlib
import pkgutil

LANGUAGES = ("nl", "en")


def _collect() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for key, texts in getattr(module, "MESSAGES", {}).items():
            if key in merged:
                raise ValueError(f"i18n key '{key}' is defined twice ({module_info.name})")
            if "nl" not in texts:
                raise ValueError(f"i18n key '{key}' has no Dutch text ({module_info.name})")
            merged[key] = texts
    return merged


MESSAGES = _collect()


def translate(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` (Dutch if missing); a missing key shows the key."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["nl"]
    return text.format(**values) if values else text
