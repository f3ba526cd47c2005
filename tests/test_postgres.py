"""The same library on PostgreSQL: init, submit, ingest, search, similar, concurrent case
numbering and reindex run unchanged, which proves the code holds no SQLite-only SQL.

The server is a throwaway one started in a temporary directory (initdb + pg_ctl, as the
``postgres`` OS user when the tests run as root), or the database named by
$CASELIB_TEST_POSTGRES_URL (an empty database the tests may fill and empty again). The
tests skip when neither is available.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select

from library.accounts.audit import Actor
from library.cases import indexing, search
from library.cases.ingest import ingest
from library.cases.numbering import reserve_case_nos
from library.cases.similar import similar_to_file
from library.cases.submit import Upload
from library.config import Settings
from library.context import Library
from library.errors import DuplicateDocument, ValidationFailed
from library.models import Base, Case, CaseTag, Counter, Document, Region, Tag, Theme
from library.storage.db import schema_version
from library.storage.migrate import head
from tests.conftest import docx_bytes, pdf_bytes, submit, valid_form
from tests.samples import (
    DIANLI,
    KAIBAN,
    KAIBAN_OTHER,
    NASHUI,
    SHENPI,
    TONGGUAN,
    cli_env,
    library_state,
    markdown,
    truncated,
    write,
)

pytestmark = pytest.mark.postgres

CASELIB = str(Path(__import__("sys").executable).with_name("caselib"))


@pytest.fixture(scope="module")
def postgres_url(postgres_database) -> str:
    return postgres_database("caselib_test")


@pytest.fixture(scope="module")
def pg_lib(postgres_url, tmp_path_factory) -> Iterator[Library]:
    """A library whose database is PostgreSQL (files and index in a temporary home)."""
    home = tmp_path_factory.mktemp("pg") / "home"
    lib = Library(
        Settings({"home": str(home), "database_url": postgres_url, "ingest_workers": 2}, env={})
    )
    assert lib.db.engine.dialect.name == "postgresql"
    lib.init()
    yield lib
    lib.close()
    if os.environ.get("CASELIB_TEST_POSTGRES_URL"):  # leave the given database empty again
        Base.metadata.drop_all(lib.db.engine)
        with lib.db.engine.begin() as c:
            c.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    lib.db.dispose()


def _answers(lib: Library, queries: list[dict]) -> tuple[list[dict], list[float]]:
    """Search results with hits of equal score in case-number order (the index breaks such
    ties by its internal document order, which a rebuild may change), and their scores
    apart (documents an update replaced still weigh in the statistics until a merge)."""
    results, scores = [], []
    for q in queries:
        result = search.search(lib, q).as_dict()
        result["hits"].sort(key=lambda h: (-h["score"], h["case_no"]))
        scores += [h.pop("score") for h in result["hits"]]
        results.append(result)
    return results, scores


def _counts(lib: Library) -> dict[str, int]:
    with lib.db.session() as s:
        return {
            m.__tablename__: s.scalar(select(func.count()).select_from(m))
            for m in (Region, Theme, Tag)
        }


def test_init_creates_every_table_and_is_idempotent(pg_lib):
    """``init`` creates the tables and the vocabularies on PostgreSQL; running it again
    changes nothing."""
    before = _counts(pg_lib)

    pg_lib.init()

    assert _counts(pg_lib) == before
    assert before["regions"] > 3000 and before["tags"] == 30
    assert set(Base.metadata.tables) <= set(inspect(pg_lib.db.engine).get_table_names())
    assert schema_version(pg_lib.db.engine) == head()


def test_submit_stores_and_indexes_a_case(pg_lib):
    """A submission with tags and a borrowed-from case: rows, file, audit and index, as on
    SQLite; a refused one stores nothing."""
    original = submit(
        pg_lib,
        valid_form(name="企业开办一件事", published_at="2024-03-01"),
        Upload("开办.docx", docx_bytes(KAIBAN)),
        Actor.cli(),
    )
    data = docx_bytes(KAIBAN_OTHER)
    case = submit(
        pg_lib,
        valid_form(
            name="企业开办智能审批",
            case_type="innovation_borrowed",
            borrowed_from=original.case_no,
            tags=["电子证照", "一网通办"],
            published_at="2024-03-02",
        ),
        Upload("智能审批.docx", data),
        Actor.cli(),
    )

    assert (original.case_no, case.case_no) == ("YS2024-00001", "YS2024-00002")
    with pg_lib.db.session() as s:
        row = s.scalar(select(Case).where(Case.case_no == case.case_no))
        assert row.borrowed_from.case_no == original.case_no
        assert (
            s.scalar(select(func.count()).select_from(CaseTag).where(CaseTag.case_id == row.id))
            == 2
        )
        assert row.document.size == len(data) and pg_lib.files.get(row.document.sha256) == data
    assert [h.case_no for h in search.search(pg_lib, {"q": "智能审批"}).hits] == [case.case_no]

    before = library_state(pg_lib)
    with pytest.raises(ValidationFailed):
        submit(
            pg_lib,
            valid_form(name="名" * 51, region_code="339999"),
            Upload("x.docx", docx_bytes(NASHUI)),
            Actor.cli(),
        )
    with pytest.raises(DuplicateDocument):
        submit(pg_lib, valid_form(), Upload("again.docx", data), Actor.cli())
    assert library_state(pg_lib) == before


def test_ingest_stores_files_and_skips_them_on_a_second_run(pg_lib, tmp_path):
    """Bulk ingest (batch inserts with RETURNING, worker processes) with a manifest: good
    files stored and searchable, a bad one reported, nothing added the second time."""
    write(tmp_path / "docs" / "审批.docx", docx_bytes(SHENPI[1:], title=SHENPI[0]))
    write(tmp_path / "docs" / "办税.pdf", pdf_bytes(NASHUI[1:], title=NASHUI[0]))
    write(tmp_path / "docs" / "通关.md", markdown(TONGGUAN[0], TONGGUAN[1:]))
    write(tmp_path / "docs" / "电力.txt", "\n".join(DIANLI))
    write(tmp_path / "docs" / "损坏.docx", truncated(docx_bytes(SHENPI)))
    manifest = write(
        tmp_path / "m.csv",
        "file,theme,region_code,case_type,tags,published_at\n"
        "docs/审批.docx,办理建筑许可,330106,original,告知承诺制,2023-05-05\n"
        "docs/办税.pdf,纳税,320102,original,减税降费,2023-06-06\n",
    )

    report = ingest(pg_lib, [tmp_path / "docs"], manifest=manifest)
    again = ingest(pg_lib, [tmp_path / "docs"], manifest=manifest)

    assert len(report.added) == 4
    assert [(Path(f.path).name, f.code) for f in report.failed] == [("损坏.docx", "corrupt")]
    assert again.added == [] and len(again.skipped) == 4
    with pg_lib.db.session() as s:
        rows = dict(s.execute(select(Document.original_name, Case.case_no).join(Case)).all())
    assert {rows["审批.docx"], rows["办税.pdf"]} == {"YS2023-00001", "YS2023-00002"}
    assert [h.file_name for h in search.search(pg_lib, {"q": "联合验收"}).hits] == ["审批.docx"]
    assert search.search(pg_lib, {"theme": "纳税", "region": "32"}).total == 1
    assert indexing.pending_case_nos(pg_lib) == []


def test_similar_finds_the_same_file_as_a_near_duplicate(pg_lib):
    """similar_to_file (which looks the file's hash up in the database) flags the file."""
    with pg_lib.db.session() as s:
        sha = s.scalar(select(Document.sha256).where(Document.original_name == "开办.docx"))

    hits = similar_to_file(pg_lib, pg_lib.files.get(sha), "草稿.docx")

    assert (hits[0].name, hits[0].near_duplicate, hits[0].similarity) == (
        "企业开办一件事",
        True,
        1.0,
    )


def test_concurrent_reservations_of_a_new_year_get_unique_numbers(pg_lib):
    """Eight transactions reserve the first numbers of a year nobody has used: the race to
    create the year's counter row ends with numbers 1..8, each once."""
    n = 8
    barrier = threading.Barrier(n)
    got: list[object] = []

    def reserve() -> None:
        barrier.wait()
        try:
            with pg_lib.db.transaction() as s:
                no = reserve_case_nos(s, 2041)[0]
                time.sleep(0.05)  # hold the counter while the others queue
            got.append(no)
        except Exception as e:  # noqa: BLE001 - reported by the assertion
            got.append(e)

    threads = [threading.Thread(target=reserve) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    assert sorted(got) == [f"YS2041-{i:05d}" for i in range(1, n + 1)], got
    with pg_lib.db.session() as s:
        assert s.scalar(select(Counter.value).where(Counter.name == "case_no:2041")) == n


def test_concurrent_submissions_get_unique_sequential_numbers(pg_lib):
    """Four submissions at once: consecutive numbers, all in the index."""
    n = 4
    barrier = threading.Barrier(n)
    got: list[object] = [None] * n

    def run(i: int) -> None:
        barrier.wait()
        try:
            got[i] = submit(
                pg_lib,
                valid_form(name=f"并发案例{i}", published_at="2042-01-01"),
                Upload(
                    f"c{i}.docx", docx_bytes([f"第{i}个并发案例，核对词语并发{i}号。", SHENPI[1]])
                ),
                Actor.cli(),
                confirm_near_duplicate=True,
            ).case_no
        except Exception as e:  # noqa: BLE001 - reported by the assertion
            got[i] = e

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)

    assert sorted(got) == [f"YS2042-{i:05d}" for i in range(1, n + 1)], got
    pg_lib.index.close()  # a fresh reader after the threads' writes (see test_index_lifecycle)
    assert set(got) <= pg_lib.index.case_nos()
    assert search.search(pg_lib, {"q": "并发"}).total == n


def test_reindex_command_rebuilds_from_postgres(pg_lib, postgres_url):
    """``caselib reindex`` with $CASELIB_DATABASE_URL pointing at PostgreSQL rebuilds the
    index; searches answer as before."""
    queries = [{"q": "告知承诺制"}, {"q": "企业开办"}, {"theme": "纳税"}, {"per_page": 50}]
    pg_lib.index.close()  # a fresh reader after the threads' writes (see test_index_lifecycle)
    before = _answers(pg_lib, queries)

    proc = subprocess.run(
        [CASELIB, "reindex", "--no-progress"],
        env=cli_env(pg_lib.settings.home_path, CASELIB_DATABASE_URL=postgres_url),
        capture_output=True,
        text=True,
        timeout=180,
    )

    assert proc.returncode == 0, proc.stderr
    with pg_lib.db.session() as s:
        published = s.scalar(
            select(func.count()).select_from(Case).where(Case.status == "published")
        )
    assert f"{published} 个案例" in proc.stdout
    after = _answers(pg_lib, queries)
    assert after[0] == before[0]
    assert after[1] == pytest.approx(before[1], rel=0.05)
    assert indexing.rebuild(pg_lib) == published


def test_manifest_value_over_a_column_limit_fails_only_its_file(pg_lib, tmp_path):
    """A manifest contact name over 15 characters is that file's failure; the others of
    the run are stored."""
    write(
        tmp_path / "docs" / "a.md",
        markdown("联系人过长的案例", ["推行容缺受理，材料不全也可先行受理。"]),
    )
    write(tmp_path / "docs" / "b.md", markdown("正常的案例", ["推行帮办代办，专人全程陪同办理。"]))
    manifest = write(tmp_path / "m.csv", "file,contact_name\ndocs/a.md," + "联" * 16 + "\n")

    report = ingest(pg_lib, [tmp_path / "docs"], manifest=manifest)

    assert [(Path(f.path).name, f.code) for f in report.failed] == [("a.md", "too_long")]
    assert [Path(p).name for _, p in report.added] == ["b.md"]


def test_backup_and_restore_on_postgresql(pg_lib, postgres_database, tmp_path):
    """`caselib backup` of a PostgreSQL library: pg_dump of one snapshot and the files it
    refers to; restored into an empty database and home with the same rows, files and
    index; a second restore into the now full database is refused."""
    from library.storage.backup import RestoreRefused, backup, restore

    archive = tmp_path / "pg.tar.gz"
    report = backup(pg_lib, archive)
    assert report.dialect == "postgresql" and report.counts["cases"] > 0
    url = postgres_database("caselib_restored")
    settings = Settings(
        {"home": str(tmp_path / "home"), "database_url": url, "ingest_workers": 1}, env={}
    )
    restore(settings, archive)
    restored = Library(settings)
    try:
        assert library_state(restored) == library_state(pg_lib)
        assert (
            _answers(restored, [{"q": "一网通办"}])[0] == _answers(pg_lib, [{"q": "一网通办"}])[0]
        )
        submit(  # the sequences go on after the restored rows
            restored,
            valid_form(name="恢复后新增的案例"),
            Upload("恢复后.docx", docx_bytes(["恢复后新增的案例，推行告知承诺制。"])),
            Actor.cli(),
        )
    finally:
        restored.close()
    again = Settings(
        {"home": str(tmp_path / "home2"), "database_url": url, "ingest_workers": 1}, env={}
    )
    with pytest.raises(RestoreRefused):
        restore(again, archive)
    assert not (tmp_path / "home2").exists()
