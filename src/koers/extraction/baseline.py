"""The TF-IDF label baseline the product is compared with (Decorte et al., 2022).

Each skill is represented by its preferred label as a TF-IDF vector (plain lower-cased words
of two or more characters, IDF over the labels, no stemming and no stop-word list, as
scikit-learn's ``TfidfVectorizer`` defaults); a sentence is ranked against all skills by
cosine similarity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from koers.extraction.lexical import LabelSet, TfidfIndex
from koers.extraction.model import SkillLabel

_WORD_RE = re.compile(r"(?u)\b\w\w+\b")


def plain_words(text: str) -> tuple[str, ...]:
    """scikit-learn's default analyser: lower-cased words of at least two characters."""
    return tuple(_WORD_RE.findall(text.lower()))


class TfidfLabelBaseline:
    """Rank skills by TF-IDF cosine between the sentence and each skill's preferred label.

    Args:
        labels: skill labels; only preferred labels in ``lang`` are used.
        lang: label language.
    """

    def __init__(self, labels: Sequence[SkillLabel], lang: str = "en") -> None:
        preferred = [x for x in labels if x.preferred and x.lang == lang]
        self.label_set = LabelSet.build(preferred, display_lang=lang)
        self._index = TfidfIndex(self.label_set.labels, analyse=plain_words)

    def rank(self, text: str, top: int = 10) -> list[str]:
        """Preferred labels of the ``top`` best skills for ``text``, best first."""
        scores = self.label_set.skill_max(self._index.scores(text))
        order = np.argsort(-scores, kind="stable")[:top]
        return [self.label_set.display[i] for i in order if scores[i] > 0]
