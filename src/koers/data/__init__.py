"""The bundled data files (ESCO, O*NET, BLS, VDAB).

Sources and licences: ``koers/NOTICE``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def bundled_path(*parts: str) -> Path:
    """Return the path of a bundled data file, e.g. ``bundled_path("esco", "skills_en.csv.gz")``."""
    return Path(str(resources.files("koers.data").joinpath(*parts)))
