"""Bulk ingest: folders of real files made in the test, bad files reported with their codes
and nothing half-stored, idempotent reruns, the CSV manifest and the metadata options, and
the worker-process pipeline."""

from __future__ import annotations

import collections
import hashlib
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from library.cases import indexing, search
from library.cases.ingest import ingest
from library.config import Settings
from library.context import Library
from library.errors import CaselibError, ValidationFailed
from library.models import AuditEvent, Case, Document
from tests.samples import (
    DIANLI,
    NASHUI,
    SHENPI,
    TONGGUAN,
    library_state,
    markdown,
    scanned_pdf_bytes,
    truncated,
    write,
    xls_bytes,
)

GOOD = ("审批.docx", "办税.pdf", "通关.md", "电力.txt")
BAD = {
    "损坏.docx": "corrupt",
    "其实是Word.pdf": "content_mismatch",
    "空白.txt": "empty_file",
    "扫描件.pdf": "no_text_layer",
}
SEARCH_WORDS = {
    "审批.docx": "联合验收",
    "办税.pdf": "非接触式办税",
    "通关.md": "两步申报",
    "电力.txt": "零上门",
}


@pytest.fixture
def lib(fresh_lib):
    """The shared ``lib`` fixture's state, copied rather than seeded (see conftest)."""
    return fresh_lib


def make_folder(root: Path, make_docx, make_pdf) -> tuple[Path, Path]:
    """A folder of four good files and four bad ones, and an .xls outside it."""
    folder = root / "cases"
    write(folder / "审批.docx", make_docx(SHENPI[1:], title=SHENPI[0]))
    write(folder / "办税.pdf", make_pdf(NASHUI[1:], title=NASHUI[0]))
    write(folder / "通关.md", markdown(TONGGUAN[0], TONGGUAN[1:]))
    write(folder / "电力.txt", "\n".join(DIANLI) + "\n")
    write(folder / "损坏.docx", truncated(make_docx(SHENPI)))
    write(folder / "其实是Word.pdf", make_docx(NASHUI))
    write(folder / "空白.txt", b"")
    write(folder / "扫描件.pdf", scanned_pdf_bytes())
    xls = write(root / "统计表.xls", xls_bytes())
    return folder, xls


def new_library(path: Path, workers: int = 2) -> Library:
    lib = Library(Settings({"home": str(path), "ingest_workers": workers}, env={}))
    lib.init()
    return lib


# -- one folder with good and bad files (shared by the tests of this section) ----------------


@pytest.fixture(scope="module")
def ingested(module_lib, tmp_path_factory):
    """The folder ingested once (and the .xls given explicitly): (library, folder, report,
    state before)."""
    from tests.conftest import docx_bytes, pdf_bytes

    folder, xls = make_folder(tmp_path_factory.mktemp("ingest"), docx_bytes, pdf_bytes)
    before = library_state(module_lib)
    report = ingest(module_lib, [folder, xls])
    return module_lib, folder, xls, report, before


def test_good_files_are_stored_and_each_bad_one_reported_with_its_code(ingested):
    """The four readable files become cases; every bad file is a failure with its own code,
    and the run does not stop at the first one."""
    lib, folder, xls, report, _ = ingested

    assert sorted(Path(p).name for _, p in report.added) == sorted(GOOD)
    assert {Path(f.path).name: f.code for f in report.failed} == {
        **BAD,
        "统计表.xls": "unsupported_format",
    }
    assert all(f.message for f in report.failed)
    with lib.db.session() as s:
        names = dict(s.execute(select(Document.original_name, Case.case_no).join(Case)).all())
    assert names == {Path(p).name: no for no, p in report.added}


def test_stored_documents_keep_the_original_bytes(ingested):
    """Each stored document's sha256, size and file in the store are those of the file."""
    lib, folder, *_ = ingested
    with lib.db.session() as s:
        docs = {d.original_name: d for d in s.scalars(select(Document))}
    for name in GOOD:
        data = (folder / name).read_bytes()
        assert (docs[name].sha256, docs[name].size) == (hashlib.sha256(data).hexdigest(), len(data))
        assert lib.files.get(docs[name].sha256) == data
    assert {d.media_type for d in docs.values()} == {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/pdf",
        "text/markdown",
        "text/plain",
    }


def test_bad_files_leave_nothing_half_stored(ingested):
    """Only the good files are in the store, the tables and the index: no row, file or index
    entry for a failed one."""
    lib, folder, xls, report, before = ingested
    after = library_state(lib)
    good_shas = {hashlib.sha256((folder / n).read_bytes()).hexdigest() for n in GOOD}

    assert after["files"] - before["files"] == good_shas
    assert after["cases"] - before["cases"] == after["documents"] - before["documents"] == len(GOOD)
    assert set(after["index"]) - set(before["index"]) == {no for no, _ in report.added}
    with lib.db.session() as s:
        files = set(
            s.scalars(
                select(AuditEvent.detail["file"].as_string()).where(
                    AuditEvent.action == "case.ingest"
                )
            )
        )
    assert {Path(f).name for f in files} == set(GOOD)


def test_ingested_files_are_searchable(ingested):
    """A word of each file finds it, with its original file name."""
    lib, _, _, report, _ = ingested
    by_name = {Path(p).name: no for no, p in report.added}
    for name, word in SEARCH_WORDS.items():
        hits = search.search(lib, {"q": word}).hits
        assert [(h.case_no, h.file_name) for h in hits] == [(by_name[name], name)], word


def test_ingested_cases_are_not_left_pending_for_the_next_sync(ingested):
    """Ingest marks what it indexed: nothing is pending, so the next command (which syncs)
    does not index the whole ingest again."""
    lib, *_ = ingested

    assert indexing.pending_case_nos(lib) == []


def test_second_run_adds_nothing_and_reports_the_files_skipped(ingested):
    """Running the same ingest again stores nothing; the stored files are reported as
    skipped with their case numbers, the bad ones fail again with the same codes."""
    lib, folder, xls, first, _ = ingested
    before = library_state(lib)

    again = ingest(lib, [folder, xls])

    assert again.added == []
    assert sorted(again.skipped) == sorted((p, no) for no, p in first.added)
    assert {Path(f.path).name: f.code for f in again.failed} == {
        Path(f.path).name: f.code for f in first.failed
    }
    assert library_state(lib) == before


def test_same_bytes_under_two_names_in_one_run_are_stored_once(lib, tmp_path, make_docx):
    """Two copies of a file in one run: one case, the copy reported as skipped."""
    data = make_docx(SHENPI[1:], title=SHENPI[0])
    write(tmp_path / "a" / "审批.docx", data)
    write(tmp_path / "a" / "审批（副本）.docx", data)

    report = ingest(lib, [tmp_path / "a"])

    assert len(report.added) == 1
    assert report.skipped == [(str(tmp_path / "a" / "审批（副本）.docx"), report.added[0][0])]
    assert report.as_dict()["skipped"][0]["case_no"].startswith("YS")
    assert library_state(lib)["documents"] == 1


def test_copy_of_a_bad_file_in_the_same_run_fails_like_it(lib, tmp_path, make_docx):
    """Two copies of a damaged file: both are failures with the same code; neither is
    reported as skipped (nothing holds its content)."""
    data = truncated(make_docx(SHENPI))
    write(tmp_path / "a" / "损坏.docx", data)
    write(tmp_path / "a" / "损坏（副本）.docx", data)

    report = ingest(lib, [tmp_path / "a"])

    assert report.skipped == [] and report.added == []
    assert sorted((Path(f.path).name, f.code) for f in report.failed) == [
        ("损坏.docx", "corrupt"),
        ("损坏（副本）.docx", "corrupt"),
    ]
    assert library_state(lib)["files"] == set()


# -- metadata ---------------------------------------------------------------------------------


def test_manifest_sets_name_theme_region_type_tags_and_published_date(
    lib, tmp_path, make_docx, make_pdf
):
    """Each manifest column lands in the record and in the index facets."""
    write(tmp_path / "docs" / "a.docx", make_docx(SHENPI[1:], title=SHENPI[0]))
    write(tmp_path / "docs" / "b.pdf", make_pdf(NASHUI[1:], title=NASHUI[0]))
    manifest = write(
        tmp_path / "manifest.csv",
        (
            "file,name,theme,region_code,case_type,tags,published_at,unit\n"
            "docs/a.docx,低风险项目告知承诺制审批,办理建筑许可,330106,original,告知承诺制;联合验收,2023-09-15,区住建局\n"
            "docs/b.pdf,非接触式办税服务,纳税,320102,innovation_borrowed,减税降费，免申即享,2024-02-01,区税务局\n"
        ).encode("utf-8-sig"),
    )

    report = ingest(lib, [tmp_path / "docs"], manifest=manifest)

    assert report.failed == [] and len(report.added) == 2
    with lib.db.session() as s:
        rows = {c.name: c for c in s.scalars(select(Case))}
        got = {
            name: (
                c.theme.name,
                c.region_code,
                c.case_type,
                sorted(t.name for t in c.tags),
                c.published_at.isoformat(),
                c.unit_name,
                c.case_no[:6],
            )
            for name, c in rows.items()
        }
    assert got == {
        "低风险项目告知承诺制审批": (
            "办理建筑许可",
            "330106",
            "original",
            ["告知承诺制", "联合验收"],
            "2023-09-15",
            "区住建局",
            "YS2023",
        ),
        "非接触式办税服务": (
            "纳税",
            "320102",
            "innovation_borrowed",
            ["免申即享", "减税降费"],
            "2024-02-01",
            "区税务局",
            "YS2024",
        ),
    }
    facets = search.search(lib, {}).facets
    assert facets["theme"] == {"办理建筑许可": 1, "纳税": 1}
    assert facets["region"] == {"330000": 1, "320000": 1}
    assert facets["year"] == {"2024": 1, "2023": 1}
    assert facets["case_type"] == {"original": 1, "innovation_borrowed": 1}
    assert facets["tags"] == {"告知承诺制": 1, "联合验收": 1, "减税降费": 1, "免申即享": 1}
    assert [h.name for h in search.search(lib, {"theme": "纳税", "tags": ["免申即享"]}).hits] == [
        "非接触式办税服务"
    ]


def test_manifest_with_an_unknown_column_is_refused_before_anything_is_stored(
    lib, tmp_path, make_docx
):
    """A manifest column that is not a form field stops the run before it starts."""
    write(tmp_path / "docs" / "a.docx", make_docx(SHENPI))
    manifest = write(tmp_path / "m.csv", "file,名称\ndocs/a.docx,审批改革\n")
    before = library_state(lib)

    with pytest.raises(CaselibError) as info:
        ingest(lib, [tmp_path / "docs"], manifest=manifest)

    assert info.value.code == "bad_manifest" and "名称" in info.value.message
    assert library_state(lib) == before


def test_manifest_value_over_a_field_limit_fails_that_file_only(lib, tmp_path):
    """A manifest value that breaks a field rule of the schema (联系人 ≤ 15) is reported for
    its file; the other files are stored."""
    write(tmp_path / "docs" / "a.md", markdown(TONGGUAN[0], TONGGUAN[1:]))
    write(tmp_path / "docs" / "b.md", markdown(NASHUI[0], NASHUI[1:]))
    manifest = write(tmp_path / "m.csv", "file,contact_name\ndocs/a.md," + "联" * 16 + "\n")

    report = ingest(lib, [tmp_path / "docs"], manifest=manifest)

    assert [(Path(f.path).name, f.code) for f in report.failed] == [("a.md", "too_long")]
    assert [Path(p).name for _, p in report.added] == ["b.md"]


def test_unknown_theme_option_is_an_error_before_anything_is_stored(lib, tmp_path, make_docx):
    """``--theme`` must name a theme of the catalogue; otherwise nothing is read or stored."""
    write(tmp_path / "docs" / "a.docx", make_docx(SHENPI))
    before = library_state(lib)

    with pytest.raises(ValidationFailed) as info:
        ingest(lib, [tmp_path / "docs"], defaults={"theme": "不存在的主题"})

    assert [(e.field, e.code) for e in info.value.errors] == [("theme", "invalid_choice")]
    assert "不存在的主题" in info.value.errors[0].message
    assert library_state(lib) == before


def test_unknown_region_option_is_an_error_before_anything_is_stored(lib, tmp_path, make_docx):
    """``--region`` must be a known division code."""
    write(tmp_path / "docs" / "a.docx", make_docx(SHENPI))
    before = library_state(lib)

    with pytest.raises(ValidationFailed) as info:
        ingest(lib, [tmp_path / "docs"], defaults={"region_code": "339999"})

    assert [(e.field, e.code) for e in info.value.errors] == [("region_code", "invalid_choice")]
    assert library_state(lib) == before


def test_region_theme_and_type_options_apply_to_every_file(lib, tmp_path, make_docx, make_pdf):
    """The options set the region (filterable at province, city and county level), theme
    and type of every file of the run."""
    write(tmp_path / "docs" / "a.docx", make_docx(SHENPI[1:], title=SHENPI[0]))
    write(tmp_path / "docs" / "b.pdf", make_pdf(NASHUI[1:], title=NASHUI[0]))

    report = ingest(
        lib,
        [tmp_path / "docs"],
        defaults={"region_code": "330106", "theme": "政务服务", "case_type": "original"},
    )

    assert len(report.added) == 2
    with lib.db.session() as s:
        assert set(s.execute(select(Case.region_code, Case.case_type)).all()) == {
            ("330106", "original")
        }
    result = search.search(lib, {})
    assert result.facets["region"] == {"330000": 2}
    assert result.facets["theme"] == {"政务服务": 2}
    for code in ("33", "3301", "330106"):
        assert search.search(lib, {"region": code}).total == 2
    assert search.search(lib, {"region": "3302"}).total == 0
    assert search.search(lib, {"region": "33"}).facets["region"] == {"330100": 2}


def test_markdown_name_is_its_first_heading_and_text_name_its_first_line(lib, tmp_path):
    """Without a manifest name, a .md case is named after its first heading and a .txt case
    after its first line."""
    write(
        tmp_path / "docs" / "notes.md",
        "前言文字。\n\n# 跨境贸易通关便利化\n\n" + TONGGUAN[1] + "\n",
    )
    write(tmp_path / "docs" / "power.txt", "\n".join(DIANLI) + "\n")

    ingest(lib, [tmp_path / "docs"])

    with lib.db.session() as s:
        assert dict(s.execute(select(Document.original_name, Case.name).join(Case)).all()) == {
            "notes.md": "跨境贸易通关便利化",
            "power.txt": "获得电力一次都不跑",
        }


def test_missing_metadata_leaves_facets_unknown_and_text_searchable(lib, tmp_path, make_docx):
    """A bare file: theme, region, year and type are "unknown", and its text is found."""
    write(tmp_path / "docs" / "审批.docx", make_docx(SHENPI[1:], title=SHENPI[0]))

    report = ingest(lib, [tmp_path / "docs"])

    with lib.db.session() as s:
        case = s.scalar(select(Case))
        assert (case.theme_id, case.region_code, case.case_type, case.published_at) == (
            None,
            None,
            None,
            None,
        )
    result = search.search(lib, {"q": "多测合一"})
    assert [h.case_no for h in result.hits] == [report.added[0][0]]
    assert result.facets == {
        "theme": {"unknown": 1},
        "region": {"unknown": 1},
        "year": {"unknown": 1},
        "case_type": {"unknown": 1},
        "tags": {},
    }


# -- worker processes -------------------------------------------------------------------------


def _stored(lib: Library) -> dict[str, tuple]:
    """Every stored case by its file name: its record, document, tags and index entry."""
    with lib.db.session() as s:
        cases = s.scalars(select(Case)).all()
        return {
            c.document.original_name: (
                c.name,
                c.summary,
                c.published_at,
                c.theme_id,
                c.region_code,
                tuple(t.name for t in c.tags),
                c.document.sha256,
                c.document.size,
                c.document.media_type,
                c.document.text,
                c.document.pages,
                lib.index.stored(c.case_no)["text"],
            )
            for c in cases
        }


def _numbers_by_year(lib: Library) -> dict[str, list[str]]:
    with lib.db.session() as s:
        nos = sorted(s.scalars(select(Case.case_no)))
    return {y: [n for n in nos if n[2:6] == y] for y in sorted({n[2:6] for n in nos})}


def test_worker_processes_store_the_same_result_as_one_process(tmp_path, make_docx, make_pdf):
    """``ingest_workers=2`` and ``ingest_workers=1`` store the same cases, documents, index
    entries and failures, numbered 1..n in each year without gaps, and answer searches
    alike. (With one worker the numbers follow the input order; with several they follow
    the order the workers finish in.)"""
    folder, xls = make_folder(tmp_path / "in", make_docx, make_pdf)
    for i in range(6):  # enough files for both workers to take several
        write(
            folder / "more" / f"2024-0{i + 1}-15 案例{i}.md",
            markdown(f"补充案例{i}", [SHENPI[1], f"第{i}号补充。"]),
        )
    results = []
    for workers in (1, 2):
        lib = new_library(tmp_path / f"home{workers}", workers=workers)
        try:
            report = ingest(lib, [folder, xls], workers=workers)
            names = {h.case_no: h.file_name for h in search.search(lib, {"per_page": 50}).hits}
            hits = {
                (names[h.case_no], round(h.score, 4))
                for h in search.search(lib, {"q": "告知承诺制", "per_page": 20}).hits
            }
            results.append(
                (
                    _stored(lib),
                    sorted(Path(p).name for _, p in report.added),
                    sorted((Path(f.path).name, f.code) for f in report.failed),
                    _numbers_by_year(lib),
                    hits,
                    search.search(lib, {}).facets,
                )
            )
            if workers == 1:
                with lib.db.session() as s:
                    in_order = [
                        s.scalar(
                            select(Case.case_no).join(Document).where(Document.original_name == n)
                        )
                        for n in [f"2024-0{i + 1}-15 案例{i}.md" for i in range(6)]
                    ]
                assert in_order == [f"YS2024-{i:05d}" for i in range(1, 7)]
        finally:
            lib.close()

    one, two = results
    assert len(one[0]) == len(GOOD) + 6
    counts = collections.Counter({"2024": 6})
    counts[str(date.today().year)] += len(GOOD)  # undated files: the year they are stored
    assert one[3] == {
        y: [f"YS{y}-{i:05d}" for i in range(1, n + 1)] for y, n in sorted(counts.items())
    }
    assert one == two
