"""Keeping the derived index in step with the database.

* :func:`index_cases` after each write: the one case, analysed in this process; when
  another writer holds the index (a bulk ingest) the change is queued on disk and applied
  by that writer between two segments, so a web write never waits for it,
* :func:`sync` indexes every pending case and removes what the database no longer
  publishes,
* :func:`rebuild` writes the whole index again from the database (and the stored files
  where a document's text is missing), segmenting in worker processes,
* :func:`reading` runs an index read; a missing or damaged index is repaired by
  :func:`request_repair`: once, by one process (the index's repair lock). A library that
  serves web requests (``lib.serving``, set by :func:`library.cases.search.warm_up`)
  never rebuilds inside a request: the repair runs in a process of its own, started
  without the server's open files (no listening socket held by it), while requests are
  answered from the last good index or with IndexUnavailable (503, ``retry_after``).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import or_, select, update
from sqlalchemy.orm import selectinload

from indexer import (
    Analyzed,
    ExtractionError,
    IndexBusy,
    IndexCorrupt,
    IndexDoc,
    IndexMissing,
    analyze_doc,
    extract,
    worker_pool,
)

from ..errors import IndexUnavailable
from ..jobs.runner import Context, handler
from ..storage.base import utcnow
from . import changes
from .models import Case
from .text import index_doc

if TYPE_CHECKING:
    from ..context import Library

log = logging.getLogger(__name__)

# A write waits this long for the index before queueing its change for the writer at work:
# not at all. A web write never waits for another writer's commit (a bulk ingest holds the
# index for minutes, and under a few writes a second every commit is someone's wait); the
# writer holding the index applies the queue when it lets go (CaseIndex._drain_if_free).
WRITE_WAIT_SECONDS = 0.0
SYNC_SECONDS = 30.0
# What a client is told to wait (Retry-After) while the index is repaired.
RETRY_AFTER_SECONDS = 10
# How long a process that is not serving (the command line, a script) waits for a repair
# another process is running.
REPAIR_WAIT_SECONDS = 900.0
T = TypeVar("T")
PARALLEL_MIN_DOCS = 12


def _query():
    return (
        select(Case)
        .where(Case.status == "published")
        .options(selectinload(Case.tags), selectinload(Case.documents), selectinload(Case.theme))
    )


def _docs(lib: Library, stmt) -> Iterator[IndexDoc]:
    with lib.db.session() as session:
        for case in session.scalars(stmt.execution_options(yield_per=200)):
            doc = case.document
            if doc is not None and not doc.text and lib.files.exists(doc.sha256):
                try:  # a document stored without text: extract it again from the file
                    doc.text = extract(
                        lib.files.get(doc.sha256), doc.original_name, **lib.extract_options
                    ).text
                except ExtractionError as e:
                    log.warning("cannot re-extract %s: %s", case.case_no, e)
            yield index_doc(case)


def workers(lib: Library) -> int:
    return lib.settings.ingest_workers or os.cpu_count() or 1


def analyze_parallel(
    docs: Iterable[IndexDoc], n_workers: int, *, chunksize: int = 2
) -> Iterator[Analyzed]:
    """:func:`indexer.analyze_doc` over ``docs`` in worker processes, in order."""
    if n_workers <= 1:
        yield from map(analyze_doc, docs)
        return
    with worker_pool(n_workers) as pool:
        yield from pool.imap(analyze_doc, docs, chunksize=chunksize)


def _mark_indexed(lib: Library, case_nos: list[str], at: datetime) -> None:
    if not case_nos:
        return
    with lib.db.transaction() as session:
        for i in range(0, len(case_nos), 500):
            chunk = case_nos[i : i + 500]
            session.execute(
                update(Case)
                .where(Case.case_no.in_(chunk), Case.updated_at <= at)
                # updated_at as it is: its onupdate default would make every case pending again
                .values(indexed_at=at, updated_at=Case.updated_at)
                .execution_options(synchronize_session=False)
            )


def reading(lib: Library, read: Callable[[], T]) -> T:
    """Run an index read. A missing or damaged index is repaired (:func:`request_repair`);
    a serving library answers IndexUnavailable meanwhile, others wait for the repair and
    read again."""
    try:
        result = read()
    except IndexBusy as e:
        raise IndexUnavailable(
            "检索索引暂时无法读取，请稍后重试", details={"retry_after": 1}
        ) from e
    except IndexCorrupt as e:
        reason = "missing" if isinstance(e, IndexMissing) else "corrupt"
        log.warning("index %s while reading", reason, exc_info=not isinstance(e, IndexMissing))
        if request_repair(lib, reason):
            return read()
        raise IndexUnavailable(
            "检索索引正在重建，请稍后重试", details={"retry_after": RETRY_AFTER_SECONDS}
        ) from e
    if lib.index.degraded:  # answered by the last reader of an index that is gone
        request_repair(lib, lib.index.degraded)
    return result


_last_sync: dict[str, float] = {}


def sync_now_and_then(lib: Library, every: float = SYNC_SECONDS) -> None:
    """In a long-running process (a web worker), at most every ``every`` seconds: apply
    the changes other processes queued, index what they left pending, and have a missing
    or damaged index repaired; and index what other app nodes changed (:mod:`.changes`) at
    most every ``changes.FOLLOW_SECONDS``."""
    changes.follow_now_and_then(lib, index_cases)
    key = str(lib.settings.index_path)
    now = time.monotonic()
    if now - _last_sync.get(key, 0.0) < every:
        return
    _last_sync[key] = now
    state = lib.index.check()
    if state in ("missing", "corrupt"):
        request_repair(lib, state)
        return
    lib.index.drain()
    pending = pending_case_nos(lib)
    if pending:
        index_cases(lib, pending, wait=0.0)


def index_cases(lib: Library, case_nos: list[str], *, wait: float = WRITE_WAIT_SECONDS) -> bool:
    """Index (or re-index) these cases now, analysed in this process. When another writer
    holds the index beyond ``wait`` seconds the changes are queued for it (True: it applies
    them). False when the index is missing or damaged: the cases stay pending and the
    repair (requested here, never run inside a serving request) takes them."""
    started = utcnow()
    took = changes.versions(lib, case_nos)  # before the cases are read
    docs = list(_docs(lib, _query().where(Case.case_no.in_(case_nos))))
    present = {d.case_no for d in docs}
    gone = [c for c in case_nos if c not in present]
    analyzed = [analyze_doc(d) for d in docs]
    # Recorded before the write, so that another worker process of this node following
    # the database's changes meanwhile does not index them a second time (it would see
    # them changed and not yet taken for as long as this write takes). Should the write
    # fail, the repair rebuilds the index and restarts the record (changes.rebuilt).
    changes.taken(lib, took)
    try:
        with lib.index.writing(timeout=wait, queue_if_busy=True) as w:
            for a in analyzed:
                w.add(a)
            for c in gone:
                w.delete(c)
    except IndexCorrupt as e:
        log.warning("index %s: %d case(s) left for its repair", e.code, len(docs))
        request_repair(lib, "missing" if isinstance(e, IndexMissing) else "corrupt")
        return False
    _mark_indexed(lib, sorted(present), started)
    if lib.serving:
        queue_merge(lib)
    return True


MERGE_JOB = "index_merge"


def queue_merge(lib: Library) -> bool:
    """Have the index's segments merged by the job runner (at low priority) when enough
    have gathered: ordinary commits do not merge them. True when the job was queued; one
    job per index, queued again each time a merge is due and it is not waiting already."""
    if lib.index.merge_due() is None:
        return False
    from ..jobs.runner import enqueue, job_state

    key = str(lib.settings.index_path)
    with lib.db.session() as session:
        state = job_state(session, MERGE_JOB, key)
    if state is not None and state["state"] in ("queued", "running"):
        return False
    with lib.db.transaction() as session:
        enqueue(session, MERGE_JOB, key, again=True)
    return True


@handler(MERGE_JOB)
def _merge_job(ctx: Context) -> dict:
    # An index held by another writer (an ingest) is left: the next write queues the
    # merge again.
    return {"segments": ctx.lib.index.merge(timeout=1.0)}


def pending_case_nos(lib: Library) -> list[str]:
    with lib.db.session() as session:
        return list(
            session.scalars(
                select(Case.case_no).where(
                    Case.status == "published",
                    or_(Case.indexed_at.is_(None), Case.updated_at > Case.indexed_at),
                )
            )
        )


def sync(lib: Library) -> int:
    """Index every pending case; drop from the index what is not published any more."""
    pending = set(pending_case_nos(lib))
    with lib.db.session() as session:
        published = set(session.scalars(select(Case.case_no).where(Case.status == "published")))
    try:
        in_index = lib.index.case_nos()
    except IndexCorrupt:  # unreadable index: repair it (which indexes everything)
        if not request_repair(lib, "corrupt"):
            raise IndexUnavailable(
                "检索索引正在重建，请稍后重试", details={"retry_after": RETRY_AFTER_SECONDS}
            ) from None
        return len(published)
    todo = sorted(pending | (published - in_index) | (in_index - published))
    # In step now: the next sync_now_and_then of this process need not look again (a
    # command like `caselib search` opens the library and searches at once).
    _last_sync[str(lib.settings.index_path)] = time.monotonic()
    if not todo:
        return 0
    index_cases(lib, todo, wait=lib.index.lock_timeout)
    return len(todo)


def rebuild(
    lib: Library, *, progress: Callable[[int], None] | None = None, reason: str = "reindex"
) -> int:
    """Rebuild the whole index from the database (one rebuild at a time, whatever the
    process: the index's repair lock). Returns the number of cases indexed. Never call it
    from a web request: it may take minutes and segments in worker processes."""
    started = utcnow()
    took = changes.versions(lib)  # before the cases are read
    with lib.db.session() as session:
        case_nos = list(session.scalars(select(Case.case_no).where(Case.status == "published")))
    parallel = len(case_nos) >= PARALLEL_MIN_DOCS and not lib.serving
    n_workers = workers(lib) if parallel else 1

    def counted(items: Iterable[Analyzed]) -> Iterator[Analyzed]:
        for i, a in enumerate(items, 1):
            if progress:
                progress(i)
            yield a

    n = lib.index.rebuild(
        counted(analyze_parallel(_docs(lib, _query()), n_workers)),
        timeout=max(lib.index.lock_timeout, 600),
        reason=reason,
    )
    changes.rebuilt(lib, started, took)
    _mark_indexed(lib, case_nos, started)
    return n


def repair(
    lib: Library, reason: str, *, wait: float = REPAIR_WAIT_SECONDS, claimed: int | None = None
) -> bool:
    """Rebuild a missing or damaged index, unless another process is repairing it (then
    wait up to ``wait`` seconds for it) or it was repaired meanwhile. True when the index
    is readable afterwards."""
    try:
        with lib.index.repairing(timeout=wait, claimed=claimed):
            state = lib.index.check(deep=True)
            if state != "ok":
                log.info("index is %s (%s): rebuilding it from the database", state, reason)
                rebuild(lib, reason=f"{reason}: {state}")
    except IndexBusy:
        return False
    return lib.index.check() == "ok"


_repairs: dict[str, subprocess.Popen] = {}
_repairs_lock = threading.Lock()


def request_repair(lib: Library, reason: str) -> bool:
    """Have a missing or damaged index rebuilt, once. A library that is not serving (the
    command line) repairs it here, or waits for the process that does, and returns True
    when it is readable again. A serving library claims the repair lock and hands it to a
    repair process of its own (when no process holds it already), and returns False at
    once: exactly one repair, whatever the number of workers asking."""
    if not lib.serving:
        return repair(lib, reason)
    key = str(lib.settings.index_path)
    with _repairs_lock:
        running = _repairs.get(key)
        if running is not None and running.poll() is None:
            return False
        fd = lib.index.claim_repair()
        if fd is None:  # another process is repairing
            return False
        try:
            env = dict(os.environ)
            for name, value in lib.settings.as_dict().items():
                env["CASELIB_" + name] = str(value)
            env["CASELIB_HOME"] = str(lib.settings.home_path)
            code = (
                "import sys; from library.cases.indexing import repair_main; "
                "sys.exit(repair_main(sys.argv[1], int(sys.argv[2])))"
            )
            # Only the repair lock is passed on: the repair holds none of the server's
            # files (its listening socket above all), and a session of its own lets it
            # outlive a worker that is killed.
            proc = subprocess.Popen(
                [sys.executable, "-c", code, reason, str(fd)],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                close_fds=True,
                pass_fds=(fd,),
                start_new_session=True,
            )
        finally:
            os.close(fd)  # the repair process holds the lock now
        _repairs[key] = proc
        threading.Thread(target=proc.wait, daemon=True, name="index-repair-reaper").start()
    log.warning("index %s: repair started in process %d", reason, proc.pid)
    return False


def repair_main(reason: str = "repair", claimed: int | None = None) -> int:
    """The repair process started by :func:`request_repair` (settings from CASELIB_*;
    ``claimed``: the inherited descriptor holding the repair lock)."""
    from ..config import Settings
    from ..context import Library

    settings = Settings()
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    lib = Library(settings)
    try:
        ok = repair(lib, reason, wait=0.0, claimed=claimed)
    finally:
        lib.close()
    return 0 if ok else 1
