"""The index is derived: rebuilt from the database and the stored files, rebuilt when it is
missing, garbled or of another schema version; a failed write changes nothing; writers in
several processes are serialized and lose nothing; a case the index missed is synced."""

from __future__ import annotations

import gc
import json
import multiprocessing
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from indexer import SCHEMA_VERSION, CaseIndex, IndexDoc, analyze_doc
from library.accounts.audit import Actor
from library.cases import indexing, search
from library.cases.submit import Upload, check_submission, store
from library.config import Settings
from library.context import Library
from library.models import Case
from tests.conftest import docx_bytes, submit, valid_form
from tests.samples import DIANLI, KAIBAN_OTHER, NASHUI, SHENPI, TONGGUAN, cli_env

CASELIB = str(Path(sys.executable).with_name("caselib"))
QUERIES = [
    {"q": "告知承诺制"},
    {"q": "企业开办"},
    {"q": "通关 申报"},
    {"theme": "纳税"},
    {"region": "33"},
    {"sort": "date", "per_page": 3, "page": 2},
    {},
]
CASES = [
    ("工程建设项目审批改革", "办理建筑许可", "330106", "2023-04-01", SHENPI),
    ("企业开办智能审批", "开办企业", "330106", "2023-08-08", KAIBAN_OTHER),
    ("非接触式办税", "纳税", "320102", "2024-01-15", NASHUI),
    ("跨境贸易通关便利化", "跨境贸易", "310115", "2024-05-20", TONGGUAN),
    ("获得电力一次都不跑", "获得电力", "440305", "2024-09-09", DIANLI),
]


@pytest.fixture
def lib(fresh_lib):
    """The shared ``lib`` fixture's state, copied rather than seeded (see conftest)."""
    return fresh_lib


def results(lib: Library) -> list[dict]:
    return [search.search(lib, q).as_dict() for q in QUERIES]


def meta_file(lib: Library) -> Path:
    return lib.settings.index_path / "caselib-index.json"


@pytest.fixture(scope="module")
def library(module_lib):
    """Five cases submitted through the form, and the search results they give."""
    for name, theme, region, published, paragraphs in CASES:
        submit(
            module_lib,
            valid_form(name=name, theme=theme, region_code=region, published_at=published),
            Upload(f"{name}.docx", docx_bytes(paragraphs, title=name)),
            Actor.cli(),
        )
    return module_lib, results(module_lib)


def accepts_whoosh_file_leak(test):
    """Whoosh leaves an index file open when it cannot parse it (it opens the segment or
    the table of contents, then fails on its contents), so CaseIndex.check() of a damaged
    index drops an open file. The tests that damage an index accept that ResourceWarning,
    for those two kinds of files only."""
    test = pytest.mark.filterwarnings(
        r"ignore:unclosed file <_io.BufferedReader name='[^']*\.(seg|toc)'>:ResourceWarning"
    )(test)
    return pytest.mark.filterwarnings(
        r"ignore:Exception ignored in. <_io.FileIO name='[^']*\.(seg|toc)'"
        r":pytest.PytestUnraisableExceptionWarning"
    )(test)


@pytest.fixture
def damaged(library):
    """The shared library for a test that damages its index; rebuilt afterwards whatever
    the test did to it."""
    lib, expected = library
    yield lib, expected
    gc.collect()  # files whoosh left open are reported now, within the test that caused it
    indexing.rebuild(lib)


# -- rebuilding ---------------------------------------------------------------------------------


def test_rebuild_gives_the_same_search_results(library):
    """indexing.rebuild writes a new index from the database: same hits, scores, facets
    and highlights, and nothing pending."""
    lib, expected = library
    build = json.loads(meta_file(lib).read_text())["build_id"]

    assert indexing.rebuild(lib) == len(CASES)

    assert json.loads(meta_file(lib).read_text())["build_id"] != build
    assert results(lib) == expected
    assert indexing.pending_case_nos(lib) == []


def test_reindex_command_gives_the_same_search_results(library):
    """``caselib reindex`` rebuilds the index of $CASELIB_HOME; a reader in another process
    sees the new index with the same results."""
    lib, expected = library
    build = json.loads(meta_file(lib).read_text())["build_id"]

    proc = subprocess.run(
        [CASELIB, "reindex", "--no-progress"],
        env=cli_env(lib.settings.home_path),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert proc.returncode == 0, proc.stderr
    assert f"{len(CASES)} 个案例" in proc.stdout
    assert json.loads(meta_file(lib).read_text())["build_id"] != build
    assert results(lib) == expected


def test_deleted_index_directory_is_rebuilt_by_ensure_index(damaged):
    """No index directory at all: ensure_index reports "missing" and rebuilds it."""
    lib, expected = damaged
    lib.close()

    shutil.rmtree(lib.settings.index_path)

    assert lib.ensure_index() == "missing"
    assert lib.index.check() == "ok"
    assert results(lib) == expected


def _segment(lib: Library) -> Path:
    """The largest file of the index's segments (a compound .seg file, or the postings)."""
    files = [
        p for p in lib.settings.index_path.iterdir() if p.suffix in (".seg", ".pst", ".trm", ".col")
    ]
    return max(files, key=lambda p: p.stat().st_size)


@accepts_whoosh_file_leak
@pytest.mark.parametrize("keep", [0.0, 0.5, 0.95])
def test_truncated_segment_file_is_rebuilt_by_ensure_index(damaged, keep):
    """A segment file cut short (an interrupted copy, a full disk) is "corrupt" and rebuilt."""
    lib, expected = damaged
    lib.close()
    seg = _segment(lib)
    with open(seg, "r+b") as f:
        f.truncate(int(seg.stat().st_size * keep))

    assert lib.ensure_index() == "corrupt"
    assert results(lib) == expected


@accepts_whoosh_file_leak
def test_overwritten_toc_is_rebuilt_by_ensure_index(damaged):
    """A table of contents overwritten with junk is "corrupt" and rebuilt."""
    lib, expected = damaged
    lib.close()
    for toc in lib.settings.index_path.glob("_MAIN_*.toc"):
        toc.write_bytes(b"not a table of contents\n" * 10)

    assert lib.ensure_index() == "corrupt"
    assert results(lib) == expected


@accepts_whoosh_file_leak
def test_garbled_index_is_rebuilt_by_the_next_cli_command(damaged):
    """After the TOC and a segment are garbled, the next ``caselib search`` rebuilds the
    index and answers as before."""
    lib, expected = damaged
    lib.close()
    for toc in lib.settings.index_path.glob("_MAIN_*.toc"):
        toc.write_bytes(b"\x00" * 64)
    seg = _segment(lib)
    with open(seg, "r+b") as f:
        f.truncate(seg.stat().st_size // 3)

    proc = subprocess.run(
        [CASELIB, "search", "--json", "告知承诺制"],
        env=cli_env(lib.settings.home_path),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == expected[0]
    assert "Traceback" not in proc.stderr
    assert lib.index.check() == "ok"


def test_other_schema_version_is_rebuilt_by_ensure_index(damaged):
    """An index written with another schema version is "stale" and rebuilt with the
    current one."""
    lib, expected = damaged
    meta = json.loads(meta_file(lib).read_text())
    meta["schema_version"] = SCHEMA_VERSION - 1
    meta_file(lib).write_text(json.dumps(meta))

    assert lib.index.check() == "stale"
    assert lib.ensure_index() == "stale"

    assert json.loads(meta_file(lib).read_text())["schema_version"] == SCHEMA_VERSION
    assert lib.index.check() == "ok"
    assert results(lib) == expected


@accepts_whoosh_file_leak
def test_garbled_postings_inside_a_segment_are_rebuilt(damaged):
    """Junk written over the postings of a segment (its directory intact) is noticed and
    the index rebuilt: search answers as before."""
    from whoosh.filedb.compound import CompoundStorage
    from whoosh.filedb.structfile import StructFile

    lib, expected = damaged
    lib.close()
    seg = _segment(lib)
    if seg.suffix == ".pst":  # segments kept as separate files: the postings file itself
        postings = {"offset": 0, "length": seg.stat().st_size}
    else:  # a compound segment: the postings part of it
        with open(seg, "rb") as f:
            parts = CompoundStorage(StructFile(f), use_mmap=False)._dir
        postings = next(v for k, v in parts.items() if k.endswith(".pst"))
    with open(seg, "r+b") as f:
        f.seek(postings["offset"])
        f.write(b"\xff" * postings["length"])

    lib.ensure_index()

    assert results(lib) == expected


@accepts_whoosh_file_leak
@pytest.mark.parametrize("confirm", [False, True], ids=["similar_check_first", "confirmed"])
def test_submission_on_a_garbled_index_rebuilds_it_and_indexes_the_case(lib, make_case, confirm):
    """A submission finding the index garbled rebuilds it (as search does) and returns the
    stored case; both cases are searchable."""
    first = make_case(name="先前的案例")
    lib.close()
    for toc in lib.settings.index_path.glob("_MAIN_*.toc"):
        toc.write_bytes(b"not a table of contents\n" * 10)

    try:
        case = submit(
            lib,
            valid_form(name="索引损坏时提交的案例"),
            Upload("garbled.docx", docx_bytes(DIANLI)),
            Actor.cli(),
            confirm_near_duplicate=confirm,
        )
    except Exception as e:  # noqa: BLE001 - reported without whoosh's frames (they hold open files)
        error = f"{type(e).__name__}: {e}"
    else:
        error = None
    gc.collect()
    assert error is None

    assert lib.index.check() == "ok"
    assert lib.index.case_nos() == {first.case_no, case.case_no}


# -- writing ------------------------------------------------------------------------------------


def _generation(lib: Library) -> list[str]:
    """The index's table of contents and segments (a cancelled writer may leave loose
    files of its unfinished segment; the next commit removes them)."""
    return sorted(p.name for p in lib.settings.index_path.iterdir() if p.suffix in (".toc", ".seg"))


@pytest.mark.parametrize("bulk", [False, True])
def test_writer_that_raises_leaves_the_index_unchanged(library, bulk):
    """An exception inside ``CaseIndex.writing()`` cancels the write: the added document is
    absent, the deleted one still there, no new table of contents or segment is written."""
    lib, expected = library
    before = _generation(lib)
    victim = expected[0]["hits"][0]["case_no"]

    with pytest.raises(RuntimeError, match="stop"), lib.index.writing(bulk=bulk) as w:
        w.add(
            analyze_doc(
                IndexDoc(case_no="YS2099-00001", name="不应写入的案例", text="不应写入的独特内容")
            )
        )
        w.delete(victim)
        raise RuntimeError("stop")

    assert _generation(lib) == before
    assert "YS2099-00001" not in lib.index.case_nos()
    assert search.search(lib, {"q": "不应写入"}).total == 0
    assert results(lib) == expected


def _submit_from_process(home: str, worker: int, count: int, barrier, queue) -> None:
    """A separate process: its own Library, submitting ``count`` cases once all are ready."""
    lib = Library(Settings({"home": home, "ingest_workers": 1}, env={}))
    out: list[str] = []
    barrier.wait(timeout=60)
    for i in range(count):
        paragraphs = [
            f"第{worker}号进程提交的第{i}个案例，核对词语进程{worker}案例{i}。",
            SHENPI[1 + (worker + i) % 2],
        ]
        try:
            case = submit(
                lib,
                valid_form(name=f"进程{worker}案例{i}", published_at="2025-06-01"),
                Upload(f"p{worker}-{i}.docx", docx_bytes(paragraphs)),
                Actor.cli(),
                confirm_near_duplicate=True,
            )
            out.append(case.case_no)
        except Exception as e:  # noqa: BLE001 - sent back to the test
            out.append(f"{type(e).__name__}: {e}")
    lib.close()
    queue.put((worker, out))


def test_processes_submitting_at_once_lose_no_case(lib):
    """Four processes submit two cases each at the same moment: eight cases in the
    database and in the index, unique consecutive numbers, nothing pending."""
    ctx = multiprocessing.get_context("fork")
    n, per = 4, 2
    barrier, queue = ctx.Barrier(n), ctx.Queue()
    procs = [
        ctx.Process(
            target=_submit_from_process, args=(str(lib.settings.home_path), w, per, barrier, queue)
        )
        for w in range(n)
    ]
    for p in procs:
        p.start()
    got = dict(queue.get(timeout=180) for _ in procs)
    for p in procs:
        p.join(timeout=60)

    numbers = sorted(no for nos in got.values() for no in nos)
    assert numbers == [f"YS2025-{i:05d}" for i in range(1, n * per + 1)], got
    lib.index.close()  # a fresh reader: see test_reader_of_another_library_sees_each_case_once
    with lib.db.session() as s:
        assert sorted(s.scalars(select(Case.case_no))) == numbers
    assert sorted(lib.index.case_nos()) == numbers
    assert indexing.pending_case_nos(lib) == []
    assert sorted(h.case_no for h in search.search(lib, {"per_page": 100}).hits) == numbers
    for w in range(n):
        for i in range(per):
            hits = search.search(lib, {"q": f"进程{w}案例{i}"}).hits
            assert f"进程{w}案例{i}" in [h.name for h in hits]


def test_reader_of_another_library_sees_each_case_once(lib, make_case):
    """A reader kept open (another process's Library, like a web worker) sees every case
    written since, exactly once, across the segment merges of the writer."""
    reader = Library(lib.settings)
    try:
        written: list[str] = []
        seen: list[list[str]] = []
        for i in range(8):
            written.append(make_case(name=f"分段合并案例{i}").case_no)
            seen.append(sorted(h.case_no for h in search.search(reader, {"per_page": 100}).hits))
        assert seen == [sorted(written[: i + 1]) for i in range(8)]
    finally:
        reader.close()


def test_case_written_while_another_writer_holds_the_index_is_queued_for_that_writer(
    lib, make_docx
):
    """A case stored while another writer holds the index does not wait for it: its change
    is queued on disk (the write returns at once) and the writer holding the index applies
    it when it commits; nothing is left pending or queued."""
    other_writer = CaseIndex(lib.settings.index_path)
    with other_writer.writing():
        with lib.db.session() as s:
            draft = check_submission(
                lib,
                s,
                valid_form(name="锁住索引时提交的案例"),
                Upload("locked.docx", make_docx(NASHUI)),
                Actor.cli(),
            )
        case_no = store(lib, draft, Actor.cli(), status="published")
        assert indexing.index_cases(lib, [case_no], wait=0.2) is True
        assert lib.index.queued() == 1
        assert case_no not in lib.index.case_nos()

    assert lib.index.queued() == 0
    assert lib.index.case_nos() == {case_no}
    assert indexing.pending_case_nos(lib) == []
    assert [h.case_no for h in search.search(lib, {"q": "非接触式办税"}).hits] == [case_no]
    assert indexing.sync(lib) == 0


def test_case_missed_by_the_index_is_repaired_by_sync(lib, make_case):
    """A published case the index lacks (its write lost) is indexed by indexing.sync."""
    case = make_case(name="索引遗漏的案例")
    with lib.index.writing() as w:
        w.delete(case.case_no)
    assert case.case_no not in lib.index.case_nos()

    assert indexing.sync(lib) == 1

    assert lib.index.case_nos() == {case.case_no}
    assert indexing.sync(lib) == 0


def test_case_missing_from_a_current_index_is_repaired_by_ensure_index(lib, make_case):
    """A case the index lost although the database says it was indexed (an index restored
    from a backup) is found missing by the next ensure_index and indexed again."""
    kept, lost = make_case(name="保留的案例"), make_case(name="丢失的案例")
    with lib.index.writing() as w:
        w.delete(lost.case_no)
    assert indexing.pending_case_nos(lib) == []

    assert lib.ensure_index() == "ok"

    assert lib.index.case_nos() == {kept.case_no, lost.case_no}
