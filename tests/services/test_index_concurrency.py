"""The index under concurrent processes, as the web server's workers use it: a reader racing
a writer in another process never fails nor rebuilds; a deleted index is repaired exactly
once, in a process of its own, while the last good reader answers; a writer or a rebuild
killed half-way leaves no lock, helper or half-written index behind; writes made while a
bulk writer holds the index are queued and applied by it."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import socket
import time
from datetime import date

import pytest

from indexer import CaseIndex, IndexDoc, SearchQuery, analyze_doc
from library.cases import indexing, search, similar
from library.config import Settings
from library.context import Library
from library.errors import IndexUnavailable
from tests.samples import DIANLI, KAIBAN, NASHUI, SHENPI, TONGGUAN, text_of

TEXTS = [KAIBAN, SHENPI, NASHUI, TONGGUAN, DIANLI]


def doc(i: int) -> IndexDoc:
    return IndexDoc(
        case_no=f"YS2024-{i:05d}",
        name=f"并发测试案例{i}",
        text=text_of(TEXTS[i % len(TEXTS)]) + f"第{i}号案例的独有内容。",
        theme="开办企业",
        published=date(2024, 1, 1 + i % 28),
    )


def _write_many(path: str, start: int, count: int, ready) -> None:
    """A writer in another process: one case per commit (small segments, merged every few
    commits, so the files of merged-away segments are deleted under the reader)."""
    ix = CaseIndex(path)
    ready.set()
    for i in range(start, start + count):
        with ix.writing() as w:
            w.add(analyze_doc(doc(i)))
    ix.close()


def test_reader_racing_a_committing_writer_in_another_process_never_fails(tmp_path):
    """While another process commits 40 times (merging segments and deleting their files),
    a reader searching, reading stored fields and finding similar cases meets no error and
    the index is never rebuilt."""
    path = tmp_path / "index"
    ix = CaseIndex(path)
    ix.rebuild(analyze_doc(doc(i)) for i in range(10))
    ctx = multiprocessing.get_context("fork")
    ready = ctx.Event()
    writer = ctx.Process(target=_write_many, args=(str(path), 10, 40, ready))
    writer.start()
    ready.wait(30)
    errors, reads = [], 0
    deadline = time.monotonic() + 120
    while (writer.is_alive() or reads < 5) and time.monotonic() < deadline:
        try:
            r = ix.search(SearchQuery(q="企业开办", per_page=20))
            for h in r.hits:
                assert ix.stored(h.case_no) is not None
            ix.similar(text_of(KAIBAN)[:400], limit=5)
            reads += 1
        except Exception as e:  # noqa: BLE001 - collected for the assertion
            errors.append(repr(e))
    writer.join(30)

    assert writer.exitcode == 0
    assert errors == []
    assert reads > 5
    assert ix.rebuilds() == [{**ix.rebuilds()[0]}]  # the one that built it
    assert ix.doc_count() == 50
    ix.close()


@pytest.fixture
def served(lib, make_case):
    """A library with three cases, serving (as web workers do after search.warm_up)."""
    for paragraphs in (KAIBAN, SHENPI, NASHUI):
        make_case(paragraphs=paragraphs)
    expected = search.search(lib, {"q": "企业开办"}).as_dict()
    return lib, expected


def _serving_reader(home: str, barrier, deleted, out) -> None:
    """A web worker: reads once (its reader stays open), then reads again after the
    index directory was deleted."""
    lib = Library(Settings({"home": home, "ingest_workers": 1}, env={}))
    search.warm_up(lib)
    first = search.search(lib, {"q": "企业开办"}).as_dict()
    barrier.wait(60)
    deleted.wait(60)
    try:
        again = search.search(lib, {"q": "企业开办"}).as_dict()
    except IndexUnavailable as e:
        again = e.as_dict()
    out.put((first, again))
    lib.close()


def _wait_for_repair(lib: Library, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if lib.index.check() == "ok" and not lib.index.repair_in_progress():
            return
        time.sleep(0.1)
    raise AssertionError("the index was not repaired")


def test_index_deleted_while_processes_read_is_repaired_exactly_once(served):
    """Four serving processes read, the index directory is deleted, all four read again:
    each answers from its open reader (same results), exactly one repair runs (in a
    process of its own), and the repaired index gives the same results."""
    lib, expected = served
    before = len(lib.index.rebuilds())
    ctx = multiprocessing.get_context("fork")
    n = 4
    barrier, deleted, out = ctx.Barrier(n + 1), ctx.Event(), ctx.Queue()
    procs = [
        ctx.Process(
            target=_serving_reader, args=(str(lib.settings.home_path), barrier, deleted, out)
        )
        for _ in range(n)
    ]
    for p in procs:
        p.start()
    barrier.wait(60)
    lib.close()
    shutil.rmtree(lib.settings.index_path)
    deleted.set()
    answers = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(30)

    assert [p.exitcode for p in procs] == [0] * n
    assert all(first == expected and again == expected for first, again in answers)
    _wait_for_repair(lib)
    rebuilds = lib.index.rebuilds()[before:]
    assert len(rebuilds) == 1, rebuilds
    assert rebuilds[0]["pid"] not in {p.pid for p in procs} | {os.getpid()}
    assert search.search(lib, {"q": "企业开办"}).as_dict() == expected


def test_serving_library_without_a_reader_answers_503_while_one_process_repairs(served):
    """A serving process that has no open reader when the index is gone is told to come
    back (IndexUnavailable, 503, with retry_after) at once, never rebuilds inside the
    request, and the repair process holds none of its open files (a listening socket)."""
    lib, expected = served
    before = len(lib.index.rebuilds())
    lib.close()
    shutil.rmtree(lib.settings.index_path)
    lib.serving = True
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    listening.listen()
    try:
        with pytest.raises(IndexUnavailable) as info:
            search.search(lib, {"q": "企业开办"})
        repair = indexing._repairs[str(lib.settings.index_path)]
        try:
            held = {
                os.readlink(f"/proc/{repair.pid}/fd/{fd}")
                for fd in os.listdir(f"/proc/{repair.pid}/fd")
            }
        except FileNotFoundError:  # already finished: it held nothing when it ended
            held = set()
        with pytest.raises(IndexUnavailable):  # no second repair while one runs
            similar.similar_to_text(lib, text_of(KAIBAN))
    finally:
        listening.close()

    assert info.value.status == 503
    assert info.value.as_dict()["retry_after"] > 0
    assert not any(h.startswith("socket:") for h in held), held
    _wait_for_repair(lib)
    repair.wait(30)
    assert len(lib.index.rebuilds()) == before + 1
    assert search.search(lib, {"q": "企业开办"}).as_dict() == expected


def _hold_and_wait(path: str, what: str, ready) -> None:
    ix = CaseIndex(path)
    if what == "write":
        with ix.writing(bulk=True) as w:
            w.add(analyze_doc(doc(900)), update=False)
            ready.set()
            time.sleep(300)
    else:

        def docs():
            yield analyze_doc(doc(901))
            ready.set()
            time.sleep(300)
            yield analyze_doc(doc(902))

        ix.rebuild(docs())


@pytest.mark.parametrize("what", ["write", "rebuild"])
def test_process_killed_mid_write_leaves_nothing_held(tmp_path, what):
    """A process killed in the middle of a bulk write or a rebuild leaves no lock (the next
    writer gets the index at once), no repair lock, and an index that is whole: the next
    rebuild removes its half-written directory."""
    path = tmp_path / "index"
    ix = CaseIndex(path)
    ix.rebuild(analyze_doc(doc(i)) for i in range(3))
    ctx = multiprocessing.get_context("fork")
    ready = ctx.Event()
    p = ctx.Process(target=_hold_and_wait, args=(str(path), what, ready))
    p.start()
    assert ready.wait(60)
    os.kill(p.pid, signal.SIGKILL)
    p.join(10)

    assert not ix.repair_in_progress()
    with ix.writing(timeout=0.0) as w:
        w.add(analyze_doc(doc(3)))
    assert ix.check(deep=True) == "ok"
    assert ix.case_nos() == {doc(i).case_no for i in range(4)}
    ix.rebuild(analyze_doc(doc(i)) for i in range(4))
    assert sorted(q.name for q in tmp_path.iterdir() if q.name.startswith("index.new")) == []
    ix.close()


def test_writes_while_a_bulk_writer_holds_the_index_are_queued_and_applied_by_it(lib, make_case):
    """A case written while a bulk writer (an ingest) holds the index does not wait: its
    change is queued, and the bulk writer applies it after its next segment; when the
    bulk write ends nothing is queued or pending."""
    case = make_case(paragraphs=KAIBAN)
    other = Library(lib.settings)
    try:
        with other.index.writing(bulk=True) as w:
            w.add(analyze_doc(doc(501)), update=False)
            indexing.index_cases(lib, [case.case_no])  # re-indexed while the ingest runs
            assert lib.index.queued() == 1
            w.commit_segment()
            assert lib.index.queued() == 1  # applied in the new segment, removed on commit
        assert lib.index.queued() == 0
        assert lib.index.case_nos() == {case.case_no, doc(501).case_no}
        assert indexing.pending_case_nos(lib) == []
        assert [h.case_no for h in search.search(lib, {"q": "企业开办一件事"}).hits] == [
            case.case_no
        ]
    finally:
        other.close()
