"""Typo-tolerant search over ESCO labels (preferred, alternative, hidden; Dutch and English).

How it ranks, and why:
1. Query and labels are normalised (lower case, accents folded, punctuation to spaces) so
   ``Verpleegkundige`` and ``verpleegkundige`` meet, and ``C++``/``C#`` keep their signs.
2. Each query word is matched against the vocabulary of label words: exactly, as a prefix
   (while the user is still typing), or fuzzily (Levenshtein ratio, so ``verpleegkundge``
   still finds ``verpleegkundige``). Fuzzy matching runs on the vocabulary (tens of thousands
   of words), not on the labels (hundreds of thousands), which keeps latency low.
3. A label scores by how much of the query it covers and how much of the label the query
   covers, weighted by label type (preferred > alternative > hidden) and language (labels in
   another language than asked count a little less; ESCO skills may have only English labels).
4. A concept takes the score of its best label; results show the preferred label in the
   asked language, falling back to English.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz, process

from koers.taxonomy.model import ConceptKind, Label, LabelType, SearchHit

LABEL_TYPE_WEIGHT = {
    LabelType.PREFERRED: 1.0,
    LabelType.ALTERNATIVE: 0.94,
    LabelType.HIDDEN: 0.88,
}
OTHER_LANGUAGE_WEIGHT = 0.9
FUZZY_CUTOFF = 78.0
PREFIX_MIN_LENGTH = 3
SUFFIX_MIN_LENGTH = 5
MAX_QUERY_WORDS = 12
MAX_FUZZY_PER_WORD = 8

_SPLIT = re.compile(r"[^0-9a-z+#]+")


def normalise(text: str) -> str:
    """Lower-case, fold accents, keep letters, digits, ``+`` and ``#``; single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(part for part in _SPLIT.split(folded) if part)


class SearchIndex:
    """An in-memory label index; build once per loaded taxonomy, query many times.

    Scoring is vectorised with numpy over the label entries so that a common query word
    (``manage`` occurs in thousands of labels) stays within a few milliseconds.
    """

    def __init__(self, labels: Iterable[Label]) -> None:
        self._uris: list[str] = []
        uri_index: dict[str, int] = {}
        self._preferred: dict[tuple[int, str], str] = {}
        self._langs: list[str] = []
        lang_index: dict[str, int] = {}
        self._kinds = list(ConceptKind)
        kind_index = {kind: i for i, kind in enumerate(self._kinds)}
        vocab_index: dict[str, int] = {}
        self._vocab: list[str] = []
        postings: dict[int, list[int]] = defaultdict(list)
        concept_of: list[int] = []
        kind_of: list[int] = []
        lang_of: list[int] = []
        weight_of: list[float] = []
        length_of: list[int] = []
        self._texts: list[str] = []
        self._norms: list[str] = []
        for label in labels:
            concept = uri_index.get(label.uri)
            if concept is None:
                concept = uri_index[label.uri] = len(self._uris)
                self._uris.append(label.uri)
            if label.label_type is LabelType.PREFERRED:
                self._preferred[(concept, label.lang)] = label.text
            norm = normalise(label.text)
            if not norm:
                continue
            entry_id = len(self._texts)
            tokens = list(dict.fromkeys(norm.split(" ")))
            for token in tokens:
                token_id = vocab_index.get(token)
                if token_id is None:
                    token_id = vocab_index[token] = len(self._vocab)
                    self._vocab.append(token)
                postings[token_id].append(entry_id)
            if label.lang not in lang_index:
                lang_index[label.lang] = len(self._langs)
                self._langs.append(label.lang)
            concept_of.append(concept)
            kind_of.append(kind_index[label.kind])
            lang_of.append(lang_index[label.lang])
            weight_of.append(LABEL_TYPE_WEIGHT[label.label_type])
            length_of.append(len(tokens))
            self._texts.append(label.text)
            self._norms.append(norm)
        self._lang_index = lang_index
        self._kind_index = kind_index
        self._concept = np.asarray(concept_of, dtype=np.int32)
        self._kind = np.asarray(kind_of, dtype=np.int8)
        self._lang = np.asarray(lang_of, dtype=np.int16)
        self._weight = np.asarray(weight_of, dtype=np.float32)
        self._length = np.asarray(length_of, dtype=np.float32)
        self._postings = {t: np.asarray(e, dtype=np.int32) for t, e in postings.items()}
        self._vocab_index = vocab_index
        self._by_length: dict[int, list[int]] = defaultdict(list)
        for token_id, token in enumerate(self._vocab):
            self._by_length[len(token)].append(token_id)
        self._by_length_text = {
            n: [self._vocab[t] for t in ids] for n, ids in self._by_length.items()
        }
        self._sorted_vocab = sorted(self._vocab)
        self._sorted_reversed = sorted(token[::-1] for token in self._vocab)

    @property
    def size(self) -> int:
        return len(self._texts)

    def _word_matches(self, word: str, is_last: bool) -> dict[int, float]:
        """Vocabulary words that match a query word, with a similarity in [0, 1].

        Exact 1.0; prefix of a longer word 0.9 (last query word only: the user may still be
        typing); end of a longer word 0.8 (Dutch compounds: ``lasser`` in ``booglasser``);
        fuzzy 0.55-0.95 by Levenshtein ratio.
        """
        matches: dict[int, float] = {}
        exact = self._vocab_index.get(word)
        if exact is not None:
            matches[exact] = 1.0
        if is_last and len(word) >= PREFIX_MIN_LENGTH:
            for token in _starting_with(self._sorted_vocab, word):
                matches.setdefault(self._vocab_index[token], 0.9)
        if len(word) >= SUFFIX_MIN_LENGTH:
            for reversed_token in _starting_with(self._sorted_reversed, word[::-1]):
                matches.setdefault(self._vocab_index[reversed_token[::-1]], 0.8)
        if len(word) >= 4:
            slack = 1 if len(word) <= 5 else 2 if len(word) <= 9 else 3
            for length in range(len(word) - slack, len(word) + slack + 1):
                choices = self._by_length_text.get(length)
                if not choices:
                    continue
                for _text, score, position in process.extract(
                    word,
                    choices,
                    scorer=fuzz.ratio,
                    score_cutoff=FUZZY_CUTOFF,
                    limit=MAX_FUZZY_PER_WORD,
                ):
                    token_id = self._by_length[length][position]
                    similarity = 0.55 + 0.4 * (score - FUZZY_CUTOFF) / (100.0 - FUZZY_CUTOFF)
                    if similarity > matches.get(token_id, 0.0):
                        matches[token_id] = similarity
        return matches

    def search(
        self,
        query: str,
        lang: str = "nl",
        kind: ConceptKind | None = None,
        limit: int = 10,
    ) -> list[SearchHit]:
        """Return the best concepts for ``query``, best first, scores in (0, 1]."""
        norm_query = normalise(query)
        if not norm_query or limit <= 0 or self.size == 0:
            return []
        words = list(dict.fromkeys(norm_query.split(" ")))[:MAX_QUERY_WORDS]
        n = self.size
        covered = np.zeros(n, dtype=np.float32)
        matched_words = np.zeros(n, dtype=np.float32)
        for position, word in enumerate(words):
            per_word = np.zeros(n, dtype=np.float32)
            for token_id, similarity in self._word_matches(
                word, position == len(words) - 1
            ).items():
                entries = self._postings[token_id]
                np.maximum.at(per_word, entries, similarity)
            covered += per_word
            matched_words += per_word > 0
        candidates = np.flatnonzero(covered)
        if kind is not None:
            candidates = candidates[self._kind[candidates] == self._kind_index[kind]]
        if candidates.size == 0:
            return []
        coverage = covered[candidates] / len(words)
        precision = np.minimum(1.0, matched_words[candidates] / self._length[candidates])
        score = 0.72 * coverage + 0.28 * precision
        exact = (coverage >= 0.999) & (self._length[candidates] == len(words))
        score = np.where(exact, 1.0, score) * self._weight[candidates]
        lang_id = self._lang_index.get(lang, -1)
        score = np.where(self._lang[candidates] == lang_id, score, score * OTHER_LANGUAGE_WEIGHT)
        # Best label per concept: sort by score, keep each concept's first occurrence.
        order = np.lexsort((self._length[candidates], -score))
        concepts = self._concept[candidates[order]]
        _, first = np.unique(concepts, return_index=True)
        keep = order[np.sort(first)][:limit]
        hits: list[SearchHit] = []
        for index in keep:
            entry_id = int(candidates[index])
            concept = int(self._concept[entry_id])
            label = (
                self._preferred.get((concept, lang))
                or self._preferred.get((concept, "en"))
                or self._texts[entry_id]
            )
            hits.append(
                SearchHit(
                    self._uris[concept],
                    label,
                    self._kinds[int(self._kind[entry_id])],
                    round(float(score[index]), 4),
                    self._texts[entry_id],
                )
            )
        return hits


def _starting_with(sorted_words: list[str], prefix: str, limit: int = 50) -> list[str]:
    start = bisect.bisect_left(sorted_words, prefix)
    found: list[str] = []
    for word in sorted_words[start : start + limit + 1]:
        if not word.startswith(prefix):
            break
        if word != prefix:
            found.append(word)
    return found[:limit]
