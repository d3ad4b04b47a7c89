"""Texts for an actor stopped after too many refused reads of personal data (B1 Dutch first)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "error.too_many_refusals": {
        "nl": "Je vroeg te vaak gegevens op waar je geen toegang toe hebt. "
        "Daarom kun je nu even geen gegevens van andere mensen bekijken. "
        "Je eigen gegevens kun je wel bekijken.",
        "en": "You asked too often for data you have no access to. "
        "So for now you cannot view other people's data. "
        "You can still view your own data.",
    },
    "error.too_many_refusals.wait": {
        "nl": "Probeer het over {minutes} minuten opnieuw.",
        "en": "Try again in {minutes} minutes.",
    },
}
