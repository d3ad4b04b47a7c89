"""Code lists the forecast inputs are checked against (NACE Rev. 2, ISCED-F 2013, ISCED 2011).

Pure constants. ISCO-08 codes are not listed here: they come from the loaded ESCO taxonomy
(``ISCOGroups``) and are passed in by the adapter, so that one source of truth is used.

* **NACE Rev. 2** sectors may be given as A*38 aggregation codes (``CA``, ``JC``, ``QB``, the
  38 "sectors" of the regional accounts), as sections (``A`` … ``U``) or as 2-digit
  divisions (``01`` … ``99``). One panel uses one kind; mixing kinds is an input error,
  because the sectors must partition the total (report Annex B.1, expansion demand).
* **ISCED-F 2013** fields of study: broad (2 digits), narrow (3 digits) or detailed
  (4 digits, checked on its narrow prefix).
* **ISCED 2011** levels 0–8, aggregated to low (0–2), middle (3–4) and high (5–8)
  (laag-, midden- en hooggeschoold).
"""

from __future__ import annotations

import re

NACE_A38: dict[str, tuple[str, str]] = {
    "A": ("Landbouw, bosbouw en visserij", "Agriculture, forestry and fishing"),
    "B": ("Winning van delfstoffen", "Mining and quarrying"),
    "CA": ("Voeding, dranken en tabak", "Food, beverages and tobacco"),
    "CB": ("Textiel, kleding en leer", "Textiles, apparel and leather"),
    "CC": ("Hout, papier en drukkerijen", "Wood, paper and printing"),
    "CD": ("Cokes en geraffineerde aardolie", "Coke and refined petroleum"),
    "CE": ("Chemie", "Chemicals"),
    "CF": ("Farmacie", "Pharmaceuticals"),
    "CG": ("Rubber, kunststof en minerale producten", "Rubber, plastics and mineral products"),
    "CH": ("Metalen en metaalproducten", "Basic metals and metal products"),
    "CI": ("Informatica, elektronica en optica", "Computer, electronic and optical products"),
    "CJ": ("Elektrische apparatuur", "Electrical equipment"),
    "CK": ("Machinebouw", "Machinery and equipment"),
    "CL": ("Transportmiddelen", "Transport equipment"),
    "CM": ("Andere industrie, reparatie en installatie", "Other manufacturing and repair"),
    "D": ("Energie", "Electricity, gas and steam"),
    "E": ("Water en afval", "Water supply, sewerage and waste"),
    "F": ("Bouw", "Construction"),
    "G": ("Groot- en kleinhandel", "Wholesale and retail trade"),
    "H": ("Vervoer en opslag", "Transport and storage"),
    "I": ("Horeca", "Accommodation and food services"),
    "JA": ("Uitgeverijen en audiovisuele media", "Publishing and broadcasting"),
    "JB": ("Telecommunicatie", "Telecommunications"),
    "JC": ("IT- en informatiediensten", "IT and information services"),
    "K": ("Financiële diensten", "Finance and insurance"),
    "L": ("Vastgoed", "Real estate"),
    "MA": (
        "Juridisch, boekhouding, hoofdkantoren, consultancy, ingenieurs",
        "Legal, accounting, head offices, consultancy, engineering",
    ),
    "MB": ("Wetenschappelijk onderzoek", "Scientific research"),
    "MC": ("Andere gespecialiseerde diensten", "Other professional and technical services"),
    "N": ("Administratieve en ondersteunende diensten", "Administrative and support services"),
    "O": ("Openbaar bestuur en defensie", "Public administration and defence"),
    "P": ("Onderwijs", "Education"),
    "QA": ("Gezondheidszorg", "Human health"),
    "QB": ("Maatschappelijke dienstverlening", "Residential care and social work"),
    "R": ("Kunst, amusement en recreatie", "Arts, entertainment and recreation"),
    "S": ("Overige diensten", "Other services"),
    "T": ("Huishoudens als werkgever", "Households as employers"),
    "U": ("Extraterritoriale organisaties", "Extraterritorial organisations"),
}
"""The 38 NACE Rev. 2 A*38 aggregates: code → (Dutch name, English name)."""

NACE_SECTIONS = frozenset("ABCDEFGHIJKLMNOPQRSTU")
_DIVISION_RANGES = (
    (1, 3),
    (5, 33),
    (35, 39),
    (41, 43),
    (45, 47),
    (49, 53),
    (55, 56),
    (58, 66),
    (68, 75),
    (77, 82),
    (84, 88),
    (90, 99),
)
NACE_DIVISIONS = frozenset(f"{d:02d}" for lo, hi in _DIVISION_RANGES for d in range(lo, hi + 1))
"""The 88 two-digit NACE Rev. 2 divisions (04, 34, 40, 44, 48, 54, 57, 67, 76, 83 and 89
do not exist)."""

TOTAL = "TOTAL"
"""Code of the all-sector total in forecast outputs (the top of the hierarchy)."""

ISCED_F_BROAD: dict[str, tuple[str, str]] = {
    "00": ("Algemene vorming", "Generic programmes and qualifications"),
    "01": ("Onderwijs", "Education"),
    "02": ("Kunst en geesteswetenschappen", "Arts and humanities"),
    "03": ("Sociale wetenschappen, journalistiek", "Social sciences, journalism, information"),
    "04": ("Handel, administratie en recht", "Business, administration and law"),
    "05": ("Exacte wetenschappen, wiskunde", "Natural sciences, mathematics, statistics"),
    "06": ("ICT", "Information and communication technologies"),
    "07": ("Techniek, industrie en bouw", "Engineering, manufacturing and construction"),
    "08": ("Land- en tuinbouw, diergeneeskunde", "Agriculture, forestry, fisheries, veterinary"),
    "09": ("Gezondheidszorg en welzijn", "Health and welfare"),
    "10": ("Diensten", "Services"),
}
ISCED_F_NARROW = frozenset(
    {
        "001",
        "002",
        "003",
        "011",
        "021",
        "022",
        "023",
        "031",
        "032",
        "041",
        "042",
        "051",
        "052",
        "053",
        "054",
        "061",
        "071",
        "072",
        "073",
        "081",
        "082",
        "083",
        "084",
        "091",
        "092",
        "101",
        "102",
        "103",
        "104",
    }
    | {f"{b}{x}" for b in ISCED_F_BROAD if b != "00" for x in ("8", "9")}
)
"""Narrow fields, plus the inter-disciplinary (``xx8``) and not-elsewhere-classified
(``xx9``) codes of every broad field."""

STEM_FIELDS = frozenset({"05", "06", "07"})
"""STEM bundle: natural sciences/mathematics/statistics, ICT, engineering/manufacturing/
construction (the Flemish STEM-agenda definition by ISCED-F broad field)."""
CARE_FIELDS = frozenset({"09"})
"""Care bundle (zorg): health and welfare."""

ISCED_LEVELS = frozenset(str(n) for n in range(9))
LEVEL_GROUPS = {
    "0": "low",
    "1": "low",
    "2": "low",
    "3": "middle",
    "4": "middle",
    "5": "high",
    "6": "high",
    "7": "high",
    "8": "high",
}
"""ISCED 2011 level → laag (low), midden (middle), hoog (high) geschoold."""

_AGE_BAND = re.compile(r"^(\d{1,2})\s*-\s*(\d{1,2})$|^(\d{1,2})\s*\+$")


def nace_kind(code: str) -> str | None:
    """Return ``a38``, ``section`` or ``division`` for a valid NACE code, else None."""
    if code in NACE_A38:
        # single letters are both A*38 codes and sections; they count as A*38 when mixed
        # with two-letter A*38 codes, which the panel validator decides.
        return "a38"
    if code in NACE_SECTIONS:
        return "section"
    if code in NACE_DIVISIONS:
        return "division"
    return None


def isced_field_ok(code: str) -> bool:
    """True for a known ISCED-F 2013 broad, narrow or detailed (checked on prefix) code."""
    if len(code) == 2:
        return code in ISCED_F_BROAD
    if len(code) in (3, 4) and code.isdigit():
        return code[:3] in ISCED_F_NARROW
    return False


def broad_field(code: str) -> str:
    """The ISCED-F broad field (2 digits) of any field code."""
    return code[:2]


def parse_age_band(label: str) -> tuple[int, int | None] | None:
    """Parse an age band label: ``"30-39"`` → (30, 39), ``"60+"`` → (60, None); else None."""
    match = _AGE_BAND.match(label.strip())
    if not match:
        return None
    if match.group(3) is not None:
        return int(match.group(3)), None
    lo, hi = int(match.group(1)), int(match.group(2))
    return (lo, hi) if hi >= lo else None


__all__ = [
    "CARE_FIELDS",
    "ISCED_F_BROAD",
    "ISCED_F_NARROW",
    "ISCED_LEVELS",
    "LEVEL_GROUPS",
    "NACE_A38",
    "NACE_DIVISIONS",
    "NACE_SECTIONS",
    "STEM_FIELDS",
    "TOTAL",
    "broad_field",
    "isced_field_ok",
    "nace_kind",
    "parse_age_band",
]
