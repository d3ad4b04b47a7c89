"""An in-memory :class:`~koers.check.ports.OccupationCatalogue` built from plain data.

The service builds it once from the store (all 3,007 occupations and their essential
skills, labels in one language); checks then run without touching the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from koers.check.model import OccupationProfile


class Catalogue:
    """Occupation profiles plus preferred labels of skills and occupations."""

    def __init__(
        self, profiles: Iterable[OccupationProfile], labels: Mapping[str, str], lang: str = "en"
    ) -> None:
        self._profiles = {p.uri: p for p in profiles}
        self._labels = dict(labels)
        self._codes = {p.code: p.uri for p in self._profiles.values() if p.code}
        self.lang = lang

    def profile(self, occupation_uri: str) -> OccupationProfile | None:
        return self._profiles.get(occupation_uri)

    def essential_skills(self, occupation_uri: str) -> frozenset[str]:
        profile = self._profiles.get(occupation_uri)
        return profile.essential if profile else frozenset()

    def knows(self, uri: str) -> bool:
        return uri in self._labels or uri in self._profiles

    def label(self, uri: str) -> str:
        return self._labels.get(uri, uri)

    def occupations(self) -> Sequence[str]:
        return list(self._profiles)

    def by_code(self, code: str) -> str | None:
        """ESCO occupation code (``2221.1``) → URI."""
        return self._codes.get(code)

    def resolve(self, key: str) -> str | None:
        """URI or ESCO code → URI of a known occupation."""
        key = key.strip()
        if key in self._profiles:
            return key
        return self._codes.get(key)

    def __len__(self) -> int:
        return len(self._profiles)
