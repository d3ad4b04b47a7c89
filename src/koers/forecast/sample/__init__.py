"""SAMPLE panels for the demo and the benchmark — not real data.

Flemish employment by sector × age, the occupation key and school leavers by field are not
open as panels. :func:`build_sample` makes clearly labelled sample panels, seeded, calibrated
to the published aggregates in ``shared/data/flanders/labour_market_aggregates.md``. Which
figures are reproduced and which are invented is listed in :data:`PUBLISHED` and
``docs/data-formats.md``; tests check every reproduced figure.
"""

from __future__ import annotations

from koers.forecast.sample.build import (
    PUBLISHED,
    SAMPLE_FILES,
    SAMPLE_SOURCE,
    build_sample,
)

__all__ = ["PUBLISHED", "SAMPLE_FILES", "SAMPLE_SOURCE", "build_sample"]
