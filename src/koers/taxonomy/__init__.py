"""The common skills language (uniforme competentietaal, report 6.2): ESCO as the pivot.

Pure core: plain dataclasses (``model``), the ESCO CSV reader (``esco_export``) and the
typo-tolerant label search (``search``). Storage lives in ``koers.store``.
"""

from koers.taxonomy.errors import ConceptNotFound, EscoFileError
from koers.taxonomy.esco_export import read_export, read_isco_soc_crosswalk, read_onet_crosswalk
from koers.taxonomy.model import (
    ConceptDetail,
    ConceptKind,
    ConceptRef,
    EscoBundle,
    Label,
    LabelType,
    RelationType,
    SearchHit,
    TaxonomyStats,
)
from koers.taxonomy.search import SearchIndex, normalise

__all__ = [
    "ConceptDetail",
    "ConceptKind",
    "ConceptNotFound",
    "ConceptRef",
    "EscoBundle",
    "EscoFileError",
    "Label",
    "LabelType",
    "RelationType",
    "SearchHit",
    "SearchIndex",
    "TaxonomyStats",
    "normalise",
    "read_export",
    "read_isco_soc_crosswalk",
    "read_onet_crosswalk",
]
