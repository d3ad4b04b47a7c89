"""Loading ESCO into the store: counts, idempotence, languages; bad input leaves it as it was."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from koers.data import bundled_path
from koers.services.taxonomy import TaxonomyService
from koers.store.db import Database
from koers.taxonomy.errors import EscoFileError
from koers.taxonomy.model import ConceptKind
from tests.conftest import make_database

ORPHAN = "http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e"


def test_bundled_load_counts(taxonomy: TaxonomyService) -> None:
    stats = taxonomy.stats()
    assert stats.esco_version == "v1.1.1"
    assert stats.occupations == 3007
    assert stats.skills == 13896
    # 123,855 relations minus the 67 rows of the one unreleased (orphan) occupation.
    assert stats.occupation_skill_relations == 123855 - 67
    assert stats.isco_groups == 619
    assert stats.languages == ["en", "nl"]
    dropped = {(d["file"], d["count"]) for d in stats.dropped}
    assert ("occupationSkillRelations.csv.gz", 67) in dropped
    assert all(ORPHAN in str(d["reason"]) for d in stats.dropped)


def test_reload_is_idempotent(taxonomy: TaxonomyService) -> None:
    before = taxonomy.stats()
    after = taxonomy.load()
    assert (
        after.occupations,
        after.skills,
        after.occupation_skill_relations,
        after.isco_groups,
        after.labels_by_language,
    ) == (
        before.occupations,
        before.skills,
        before.occupation_skill_relations,
        before.isco_groups,
        before.labels_by_language,
    )


def test_occupation_detail_has_isco_group_and_skills(taxonomy: TaxonomyService) -> None:
    detail = taxonomy.detail("2221.1", "nl")
    assert detail.ref.kind is ConceptKind.OCCUPATION
    assert detail.ref.lang == "nl" and "verpleegkundige" in detail.ref.label
    assert detail.isco_group is not None and detail.isco_group.code == "2221"
    assert len(detail.essential_skills) > 10
    assert all(s.kind is ConceptKind.SKILL for s in detail.essential_skills)
    # Dutch skill labels are not bundled: they fall back to English per concept.
    assert {s.lang for s in detail.essential_skills} == {"en"}
    assert "onet_soc_2019" in detail.crosswalks


def test_isco_hierarchy_walk(taxonomy: TaxonomyService) -> None:
    unit = taxonomy.detail("2221", "en")
    assert unit.ref.kind is ConceptKind.ISCO_GROUP
    assert [b.code for b in unit.broader] == ["222"]
    assert any(n.code.startswith("2221.") for n in unit.narrower)
    roots = taxonomy.roots(ConceptKind.ISCO_GROUP, "nl")
    assert sorted(r.code for r in roots) == [str(i) for i in range(10)]


def test_skill_detail_hierarchy(taxonomy: TaxonomyService) -> None:
    hit = taxonomy.search("JavaScript", lang="en", kind=ConceptKind.SKILL, limit=1)[0]
    skill = taxonomy.detail(hit.uri, "en")
    assert skill.skill_type == "knowledge"
    assert skill.broader, "a skill sits under a skill group"
    assert "digital" in skill.collections


# -- bad input ------------------------------------------------------------------------------


def _write_export(folder: Path, **overrides: str) -> Path:
    """A tiny but complete ESCO-shaped export; ``overrides`` replace whole files' text."""
    occ = "http://data.europa.eu/esco/occupation/o1"
    s1, s2 = "http://data.europa.eu/esco/skill/s1", "http://data.europa.eu/esco/skill/s2"
    files = {
        "occupations_en.csv": (
            "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,code\n"
            f'Occupation,{occ},2221,nurse,"care nurse\nward nurse",,2221.9\n'
        ),
        "skills_en.csv": (
            "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels\n"
            f"KnowledgeSkillCompetence,{s1},skill/competence,sector-specific,give injections,,\n"
            f"KnowledgeSkillCompetence,{s2},knowledge,cross-sector,anatomy,,\n"
        ),
        "ISCOGroups_en.csv": (
            "conceptType,conceptUri,code,preferredLabel,altLabels\n"
            "ISCOGroup,http://data.europa.eu/esco/isco/C2221,2221,Nursing professionals,\n"
        ),
        "occupationSkillRelations.csv": (
            "occupationUri,relationType,skillType,skillUri\n"
            f"{occ},essential,skill/competence,{s1}\n"
            f"{occ},optional,knowledge,{s2}\n"
        ),
    }
    files.update(overrides)
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    return folder


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def small_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> TaxonomyService:
    tmp = tmp_path_factory.mktemp(f"small-{request.param}")
    service = TaxonomyService(make_database(request.param, tmp, request))
    service.load(_write_export(tmp / "good"), "v-test")
    return service


def test_small_export_loads(small_store: TaxonomyService) -> None:
    stats = small_store.stats()
    assert (stats.occupations, stats.skills, stats.occupation_skill_relations) == (1, 2, 2)
    assert stats.esco_version == "v-test"


BAD_EXPORTS = {
    "truncated": (
        {
            "skills_en.csv": (
                "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels\n"
                "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/s1,skill/competence,"
                'sector-specific,"give inj'
            )
        },
        ("skills_en.csv", "row 2"),
    ),
    "wrong header": (
        {"occupationSkillRelations.csv": "occupation,relation,skill\nx,essential,y\n"},
        ("occupationSkillRelations.csv", "row 1", "column 'occupationUri'"),
    ),
    "unknown uri in relations": (
        {
            "occupationSkillRelations.csv": (
                "occupationUri,relationType,skillType,skillUri\n"
                "http://data.europa.eu/esco/occupation/o1,essential,skill/competence,"
                "http://data.europa.eu/esco/skill/s1\n"
                "http://data.europa.eu/esco/occupation/o1,essential,skill/competence,"
                "http://data.europa.eu/esco/skill/nope\n"
            )
        },
        ("occupationSkillRelations.csv", "row 3", "column 'skillUri'", "skill/nope"),
    ),
    "bad relation type": (
        {
            "occupationSkillRelations.csv": (
                "occupationUri,relationType,skillType,skillUri\n"
                "http://data.europa.eu/esco/occupation/o1,vital,skill/competence,"
                "http://data.europa.eu/esco/skill/s1\n"
            )
        },
        ("row 2", "column 'relationType'"),
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_EXPORTS))
def test_bad_export_is_refused_and_store_unchanged(
    case: str, small_store: TaxonomyService, tmp_path: Path
) -> None:
    overrides, expected = BAD_EXPORTS[case]
    before = small_store.stats()
    folder = _write_export(tmp_path / "bad", **overrides)
    with pytest.raises(EscoFileError) as caught:
        small_store.load(folder, "v-bad")
    for fragment in expected:
        assert fragment in str(caught.value)
    assert small_store.stats() == before


def test_non_utf8_bytes_are_refused(small_store: TaxonomyService, tmp_path: Path) -> None:
    before = small_store.stats()
    folder = _write_export(tmp_path / "latin1")
    path = folder / "occupations_en.csv"
    path.write_bytes(path.read_bytes().replace(b"nurse,", "verpleegster é,".encode("latin-1")))
    with pytest.raises(EscoFileError) as caught:
        small_store.load(folder, "v-bad")
    assert "occupations_en.csv" in str(caught.value)
    assert "UTF-8" in str(caught.value)
    assert small_store.stats() == before


def test_gzip_truncated_file_is_refused(small_store: TaxonomyService, tmp_path: Path) -> None:
    folder = _write_export(tmp_path / "gz")
    raw = gzip.compress((folder / "skills_en.csv").read_bytes())
    (folder / "skills_en.csv").unlink()
    (folder / "skills_en.csv.gz").write_bytes(raw[: len(raw) // 2])
    with pytest.raises(EscoFileError, match=r"skills_en\.csv\.gz"):
        small_store.load(folder, "v-bad")


def test_label_only_folder_adds_a_language(tmp_path: Path) -> None:
    """An operator adds Dutch skill labels (skills_nl.csv) on top of the bundled export."""
    database = Database(f"sqlite:///{tmp_path / 'k.sqlite3'}")
    service = TaxonomyService(database)
    english = bundled_path("esco", "skills_en.csv.gz")
    with gzip.open(english, "rt", encoding="utf-8") as handle:
        header = handle.readline()
        first = handle.readline()
    uri = first.split(",")[1]
    extra = tmp_path / "nl"
    extra.mkdir()
    columns = header.strip().split(",")
    row = {c: "" for c in columns}
    row.update(
        conceptType="KnowledgeSkillCompetence",
        conceptUri=uri,
        preferredLabel="testvaardigheid kwispelen",
        skillType="skill/competence",
    )
    (extra / "skills_nl.csv").write_text(
        header + ",".join(row[c] for c in columns) + "\n", encoding="utf-8"
    )
    stats = service.load(extra)
    assert stats.skills == 13896 and stats.languages == ["en", "nl"]
    hit = service.search("kwispelen", lang="nl", kind=ConceptKind.SKILL, limit=1)[0]
    assert hit.uri == uri and hit.label == "testvaardigheid kwispelen"
    assert service.detail(uri, "nl").ref.lang == "nl"
    shutil.rmtree(extra)
