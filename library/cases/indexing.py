"""Keeping the derived index in step with the database.

* :func:`index_cases` after each write (short lock wait; if the index is busy the case
  stays pending and the next sync takes it),
* :func:`sync` indexes every pending case and removes what the database no longer
  publishes,
* :func:`rebuild` writes the whole index again from the database (and the stored files
  where a document's text is missing), segmenting in worker processes.
"""

from __future__ import annotations

import logging
import os
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
    analyze_doc,
    extract,
    worker_pool,
)

from ..storage.base import utcnow
from . import changes
from .models import Case
from .text import index_doc

if TYPE_CHECKING:
    from ..context import Library

log = logging.getLogger(__name__)

WRITE_WAIT_SECONDS = 5.0
SYNC_SECONDS = 30.0
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
    """Run an index read; if the index turns out to be damaged, rebuild it from the
    database and read again."""
    try:
        return read()
    except IndexCorrupt:
        log.warning("index damaged: rebuilding it from the database", exc_info=True)
        rebuild(lib)
        return read()


_last_sync: dict[str, float] = {}


def sync_now_and_then(lib: Library, every: float = SYNC_SECONDS) -> None:
    """In a long-running process (a web worker), index what others left pending (a case
    stored while an ingest held the index) at most every ``every`` seconds, and what other
    app nodes changed (:mod:`.changes`) at most every ``changes.FOLLOW_SECONDS``."""
    changes.follow_now_and_then(lib, index_cases)
    key = str(lib.settings.index_path)
    now = time.monotonic()
    if now - _last_sync.get(key, 0.0) < every:
        return
    _last_sync[key] = now
    pending = pending_case_nos(lib)
    if pending:
        index_cases(lib, pending, wait=0.5)


def index_cases(lib: Library, case_nos: list[str], *, wait: float = WRITE_WAIT_SECONDS) -> bool:
    """Index (or re-index) these cases now. False when the index was busy: they stay
    pending for the next :func:`sync`. A damaged index is rebuilt (which takes them)."""
    started = utcnow()
    took = changes.versions(lib, case_nos)  # before the cases are read
    docs = list(_docs(lib, _query().where(Case.case_no.in_(case_nos))))
    present = {d.case_no for d in docs}
    gone = [c for c in case_nos if c not in present]
    analyzed = [analyze_doc(d) for d in docs]
    try:
        with lib.index.writing(timeout=wait) as w:
            for a in analyzed:
                w.add(a)
            for c in gone:
                w.delete(c)
    except IndexBusy:
        log.warning("index busy; %d case(s) left for the next sync", len(docs))
        return False
    except IndexCorrupt:
        log.warning("index damaged: rebuilding it from the database", exc_info=True)
        rebuild(lib)
        return True
    _mark_indexed(lib, sorted(present), started)
    changes.taken(lib, took)
    return True


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
    except Exception:  # noqa: BLE001 - unreadable index: rebuild
        rebuild(lib)
        return len(published)
    todo = sorted(pending | (published - in_index) | (in_index - published))
    if not todo:
        return 0
    index_cases(lib, todo, wait=lib.index.lock_timeout)
    return len(todo)


def rebuild(lib: Library, *, progress: Callable[[int], None] | None = None) -> int:
    """Rebuild the whole index from the database. Returns the number of cases indexed."""
    started = utcnow()
    took = changes.versions(lib)  # before the cases are read
    with lib.db.session() as session:
        case_nos = list(session.scalars(select(Case.case_no).where(Case.status == "published")))
    n_workers = workers(lib) if len(case_nos) >= PARALLEL_MIN_DOCS else 1

    def counted(items: Iterable[Analyzed]) -> Iterator[Analyzed]:
        for i, a in enumerate(items, 1):
            if progress:
                progress(i)
            yield a

    n = lib.index.rebuild(
        counted(analyze_parallel(_docs(lib, _query()), n_workers)),
        timeout=max(lib.index.lock_timeout, 600),
    )
    changes.rebuilt(lib, started, took)
    _mark_indexed(lib, case_nos, started)
    return n
