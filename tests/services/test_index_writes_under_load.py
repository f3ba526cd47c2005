"""Writes under load (issue 8): a web write never waits for another writer's hold on the
index, and what it queued is searchable once that writer lets go; writes close together
are committed together; segments are merged by a background job, not by the commits of
requests; background work (segmenting workers, the job runner) runs at low priority."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time

import pytest

from indexer import CaseIndex, IndexDoc, SearchQuery, analyze_doc, worker_pool
from library.accounts import users
from library.cases import indexing, reviews, search
from library.jobs import runner
from tests.samples import DIANLI, KAIBAN, NASHUI, SHENPI, TONGGUAN, text_of

TEXTS = [KAIBAN, SHENPI, NASHUI, TONGGUAN, DIANLI]


def doc(i: int, **fields) -> IndexDoc:
    return IndexDoc(
        case_no=f"YS2024-{i:05d}",
        name=f"负载测试案例{i}",
        text=text_of(TEXTS[i % len(TEXTS)]) + f"第{i}号案例的独有内容。",
        **fields,
    )


def _hold_index(path: str, ready, release) -> None:
    """Another process (an ingest) holding the index's write lock until told to let go."""
    ix = CaseIndex(path)
    with ix.writing(timeout=5):
        ready.set()
        release.wait(60)
    ix.close()


def _wait_for(predicate, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def test_a_review_returns_while_another_process_holds_the_index(lib, make_case):
    """A review saved while another process holds the index's write lock does not wait for
    it: the review is stored, its re-indexing queued; when the holder lets go it applies
    the queue, and the new rating is what searches see."""
    case = make_case()
    users.create_user(lib, "pingjia", "correct-horse", "reviewer", region="330000")
    with lib.db.session() as s:
        reviewer = users.find_user(s, "pingjia")
    ctx = multiprocessing.get_context("fork")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_index, args=(str(lib.index.path), ready, release))
    holder.start()
    try:
        assert ready.wait(60)
        view, created = reviews.save_review(
            lib, case.case_no, {"recommend": "1", "rating": "5"}, reviewer
        )
        assert created and view.rating == 5
        assert lib.index.queued() == 1  # the change waits for the holder
        assert lib.index.stored(case.case_no)["rating_count"] == 0
    finally:
        release.set()
        holder.join(60)
    assert holder.exitcode == 0
    assert lib.index.queued() == 0
    hit = search.search(lib, {"sort": "rating"}).hits[0]
    assert (hit.case_no, hit.rating, hit.rating_count) == (case.case_no, 5.0, 1)
    assert indexing.pending_case_nos(lib) == []


def test_a_change_queued_as_the_holder_lets_go_is_applied_by_its_writer(tmp_path):
    """A writer that finds the index held queues its change and looks again: if the
    holder has let go meanwhile it applies the queue itself (nothing waits for a later
    write)."""
    ix = CaseIndex(tmp_path / "index")
    ix.rebuild([analyze_doc(doc(1))])
    other = CaseIndex(tmp_path / "index")
    with other.writing(timeout=0.0):
        with ix.writing(timeout=0.0, queue_if_busy=True) as w:
            assert w.queued
            w.add(analyze_doc(doc(2)))
        assert ix.queued() == 1
        # The holder's commit takes what was queued while it held the index.
    assert ix.queued() == 0
    assert ix.case_nos() == {doc(1).case_no, doc(2).case_no}
    ix.close()
    other.close()


def test_writes_within_the_commit_interval_are_committed_together(tmp_path):
    """With a commit interval, a write right after a commit is queued rather than
    committed, and this process's drain thread commits everything queued once the
    interval has passed: one commit (one reader reopening) for several writes."""
    ix = CaseIndex(tmp_path / "index")
    ix.rebuild([analyze_doc(doc(1))])
    ix.commit_interval = 0.5
    generation = _generation(ix)
    for i in (2, 3, 4):
        with ix.writing(timeout=0.0, queue_if_busy=True) as w:
            w.add(analyze_doc(doc(i)))
    assert ix.queued() == 3
    assert _wait_for(lambda: ix.queued() == 0)
    assert ix.case_nos() == {doc(i).case_no for i in (1, 2, 3, 4)}
    assert _generation(ix) == generation + 1
    ix.close()


def test_writes_that_may_not_queue_commit_at_once_whatever_the_interval(tmp_path):
    """The interval only concerns writes that may queue: others (a command-line write, a
    drain) commit at once."""
    ix = CaseIndex(tmp_path / "index")
    ix.rebuild([analyze_doc(doc(1))])
    ix.commit_interval = 3600.0
    with ix.writing(timeout=1.0) as w:
        w.add(analyze_doc(doc(2)))
    assert ix.queued() == 0 and doc(2).case_no in ix.case_nos()
    ix.close()


def _generation(ix: CaseIndex) -> int:
    from whoosh.index import TOC

    from indexer.index import _open

    i = _open(ix.path)
    return TOC.read(i.storage, i.indexname).generation


def _segments(ix: CaseIndex) -> list[int]:
    from whoosh.index import TOC

    from indexer.index import _open

    i = _open(ix.path)
    return sorted(s.doc_count() for s in TOC.read(i.storage, i.indexname).segments)


def test_ordinary_commits_leave_merging_to_the_background_merge(tmp_path):
    """One-case commits add a segment each without merging (a merge of six of them costs
    a request 100-200 ms); the index then says a merge is due, and :meth:`merge` (the
    background job) merges them into one, every case still found, the deleted versions
    gone."""
    from indexer.index import MERGE_FACTOR

    ix = CaseIndex(tmp_path / "index")
    ix.rebuild(analyze_doc(doc(i)) for i in range(100))
    assert ix.merge_due() is None
    for i in range(MERGE_FACTOR + 1):
        with ix.writing(timeout=1.0) as w:
            w.add(analyze_doc(doc(i % 3)))  # the same cases written again
    # Live documents: each case's earlier versions are deleted ones.
    assert _segments(ix) == [0] * (MERGE_FACTOR + 1 - 3) + [1, 1, 1, 97]
    assert ix.merge_due() is not None
    assert ix.merge(timeout=1.0) == MERGE_FACTOR + 1
    assert ix.merge_due() is None
    assert _segments(ix) == [3, 97]  # the seven versions of three cases: three
    assert len(ix.case_nos()) == 100
    assert ix.check(deep=True) == "ok"
    assert ix.stored(doc(2).case_no)["name"] == doc(2).name
    assert [h.case_no for h in ix.search(SearchQuery(case_no=doc(2).case_no)).hits] == [
        doc(2).case_no
    ]
    ix.close()


def test_document_frequencies_kept_by_segment_sum_to_the_index_s(tmp_path):
    """The document frequencies a reader keeps segment by segment across reopenings (for
    similar cases) are Whoosh's own, after further commits and deletions too."""
    ix = CaseIndex(tmp_path / "index")
    ix.rebuild(analyze_doc(doc(i)) for i in range(20))

    def check() -> None:
        r = ix._reader()
        reader = r.searcher.reader()
        terms = [t.decode("utf-8") for t, _ in reader.iter_field("content")]
        assert terms
        assert all((r.df.get(t) or 0) == reader.doc_frequency("content", t) for t in terms)

    check()
    for i in (3, 25, 26):
        with ix.writing(timeout=1.0) as w:
            w.add(analyze_doc(doc(i)))
    with ix.writing(timeout=1.0) as w:
        w.delete(doc(4).case_no)
    check()
    ix.close()


def _niceness(_: int) -> int:
    return os.getpriority(os.PRIO_PROCESS, 0)


def test_segmenting_workers_run_at_low_priority():
    """The worker processes of an ingest or a rebuild run niced below the process that
    started them (a web server's workers keep the processor)."""
    from indexer.analysis import WORKER_NICE

    mine = os.getpriority(os.PRIO_PROCESS, 0)
    with worker_pool(2) as pool:
        assert pool.map(_niceness, range(2)) == [min(19, mine + WORKER_NICE)] * 2
    assert os.getpriority(os.PRIO_PROCESS, 0) == mine


@pytest.mark.skipif(not hasattr(threading, "get_native_id"), reason="no native thread ids")
def test_the_job_runner_thread_runs_at_low_priority():
    """The runner thread lowers its own priority (LibreOffice and OCR, which it starts,
    inherit it); the thread that serves requests keeps its own."""
    seen: dict[str, int] = {}

    def run() -> None:
        runner._lower_priority()
        seen["runner"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    t = threading.Thread(target=run)
    t.start()
    t.join(10)
    assert seen["runner"] == max(mine, runner.RUNNER_NICE)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == mine


def test_a_serving_library_has_its_segments_merged_by_a_job(lib, make_case):
    """In a server, the write that leaves a merge due queues the index's merge job (run
    before the previews); the job runner merges the segments."""
    from sqlalchemy import select

    from indexer.index import MERGE_FACTOR
    from library.jobs.models import Job

    lib.serving = True
    for i in range(MERGE_FACTOR):
        make_case(name=f"合并测试案例{i}")
    with lib.db.session() as s:
        merges = list(s.scalars(select(Job).where(Job.kind == indexing.MERGE_JOB)))
    assert [j.state for j in merges] == ["queued"]
    assert len(_segments(lib.index)) >= MERGE_FACTOR
    assert runner.run_one(lib)  # the merge, before the Word files' previews
    with lib.db.session() as s:
        job = s.scalar(select(Job).where(Job.kind == indexing.MERGE_JOB))
        assert (job.state, job.result["segments"]) == ("done", MERGE_FACTOR)
    assert len(_segments(lib.index)) < MERGE_FACTOR
    assert len(lib.index.case_nos()) == MERGE_FACTOR
    # The next merge due queues the same job again (one row, whatever the number of merges).
    for i in range(MERGE_FACTOR):
        make_case(name=f"再次合并的案例{i}")
    with lib.db.session() as s:
        merges = list(s.scalars(select(Job).where(Job.kind == indexing.MERGE_JOB)))
    assert [j.state for j in merges] == ["queued"]


def test_a_reader_reopened_after_a_commit_sees_the_new_values(tmp_path):
    """Columns and document frequencies are kept segment by segment across reopenings;
    after a commit that writes a case again (its old version deleted in an old segment)
    the facets, sorts and stored fields are those of the new version."""
    ix = CaseIndex(tmp_path / "index")
    ix.rebuild(analyze_doc(doc(i, theme="开办企业")) for i in range(10))
    assert ix.search(SearchQuery()).facets["theme"] == {"开办企业": 10}
    with ix.writing(timeout=1.0) as w:
        w.add(analyze_doc(doc(3, theme="纳税服务", rating=4.5, rating_count=2)))
    result = ix.search(SearchQuery(sort="rating"))
    assert result.facets["theme"] == {"开办企业": 9, "纳税服务": 1}
    assert (result.hits[0].case_no, result.hits[0].rating) == (doc(3).case_no, 4.5)
    assert ix.stored(doc(3).case_no)["theme"] == "纳税服务"
    ix.close()
