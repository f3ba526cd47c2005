"""Queueing, claiming and running jobs."""

from __future__ import annotations

import contextlib
import fcntl
import importlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..errors import CaselibError
from ..storage.base import utcnow
from .models import Job

if TYPE_CHECKING:
    from ..context import Library

log = logging.getLogger(__name__)

# The modules that register handlers (imported when a runner starts).
HANDLER_MODULES = (
    "library.cases.indexing",
    "library.cases.renditions",
    "library.monitoring.evidence",
    "library.compilations.pdf",
)
# The kinds someone waits for (a scan's text, the PDF of a compilation just made, the
# index's merges, which keep searches fast), run before the others (the previews of Word
# files).
FIRST_KINDS = ("ocr", "evidence_ocr", "compilation_pdf", "index_merge")
STALE = timedelta(minutes=10)  # a running job without a heartbeat for this long is retried
MAX_ATTEMPTS = 3
POLL_SECONDS = 2.0


@dataclass
class Context:
    """What a handler gets: the library, the job's payload, and ``progress(done, total)``."""

    lib: Library
    job_id: int
    payload: dict[str, Any]
    progress: Callable[[int, int], None]


Handler = Callable[[Context], dict[str, Any] | None]
_HANDLERS: dict[str, Handler] = {}


def handler(kind: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _HANDLERS[kind] = fn
        return fn

    return register


def _load_handlers() -> None:
    for name in HANDLER_MODULES:
        importlib.import_module(name)


def enqueue(
    session: Session,
    kind: str,
    key: str,
    payload: dict[str, Any] | None = None,
    *,
    again: bool = False,
) -> None:
    """Queue a job in the caller's transaction; a job of this kind and key that exists
    already (queued, running, done) is left as it is; a failed one is queued again, and
    with ``again`` a done one too (a recurring job: the index's merges)."""
    job = session.scalar(select(Job).where(Job.kind == kind, Job.key == key))
    if job is None:
        try:
            with session.begin_nested():
                session.add(Job(kind=kind, key=key, payload=payload or {}))
        except IntegrityError:
            pass  # queued meanwhile by someone else
    elif job.state == "failed" or (again and job.state == "done"):
        job.state, job.attempts, job.error_code, job.error_message = "queued", 0, None, None
        job.payload = payload or job.payload


def _state_of(job: Job) -> dict[str, Any]:
    return {
        "state": job.state,
        "done": job.done,
        "total": job.total,
        "error_code": job.error_code,
        "error": job.error_message,
        "result": job.result or {},
    }


def job_state(session: Session, kind: str, key: str) -> dict[str, Any] | None:
    job = session.scalar(select(Job).where(Job.kind == kind, Job.key == key))
    return None if job is None else _state_of(job)


def job_states(session: Session, kind: str, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
    """:func:`job_state` of many keys at once: key -> state (keys without a job left out)."""
    keys = set(keys)
    if not keys:
        return {}
    jobs = session.scalars(select(Job).where(Job.kind == kind, Job.key.in_(keys)))
    return {job.key: _state_of(job) for job in jobs}


def _claim(lib: Library) -> Job | None:
    """Take the oldest queued job (or a stale running one), compare-and-set."""
    now = utcnow()
    with lib.db.transaction() as session:
        session.execute(
            update(Job)
            .where(Job.state == "running", Job.heartbeat_at < now - STALE)
            .values(state="queued")
        )
        # A scan's text first (someone waits for it), previews after.
        first = case((Job.kind.in_(FIRST_KINDS), 0), else_=1)
        candidates = session.scalars(
            select(Job).where(Job.state == "queued").order_by(first, Job.id).limit(5)
        )
        taken = _take(session, candidates, now, 1)
    return taken[0] if taken else None


def claim_more(lib: Library, kind: str, limit: int) -> list[Job]:
    """Up to ``limit`` more queued jobs of ``kind``, oldest first, taken (compare-and-set)
    by a handler that does them together with its own (one LibreOffice run for several
    previews). The handler must :func:`finish` each."""
    if limit <= 0:
        return []
    now = utcnow()
    with lib.db.transaction() as session:
        candidates = session.scalars(
            select(Job)
            .where(Job.state == "queued", Job.kind == kind)
            .order_by(Job.id)
            .limit(limit * 2)
        )
        return _take(session, candidates, now, limit)


def _take(session: Session, candidates: Iterable[Job], now: Any, limit: int) -> list[Job]:
    taken = []
    for job in list(candidates):
        changed = session.execute(
            update(Job)
            .where(Job.id == job.id, Job.state == "queued")
            .values(
                state="running",
                started_at=now,
                heartbeat_at=now,
                attempts=Job.attempts + 1,
                done=0,
            )
        )
        if changed.rowcount == 1:
            session.refresh(job)
            session.expunge(job)
            taken.append(job)
            if len(taken) == limit:
                break
    return taken


def finish(
    lib: Library,
    job: Job,
    *,
    result: dict[str, Any] | None = None,
    error: BaseException | None = None,
) -> None:
    """Record a job's end: done with its result, failed with a :class:`CaselibError`'s
    code, or (another exception) queued again until its last attempt."""
    state, code, message = "done", None, None
    if isinstance(error, CaselibError):
        state, code, message = "failed", error.code, error.message
    elif error is not None:
        state = "queued" if job.attempts < MAX_ATTEMPTS else "failed"
        code, message = "job_failed", f"{type(error).__name__}: {error}"[:500]
    with lib.db.transaction() as session:
        session.execute(
            update(Job)
            .where(Job.id == job.id)
            .values(
                state=state,
                error_code=code,
                error_message=message,
                result=result if error is None else None,
                finished_at=utcnow() if state in ("done", "failed") else None,
            )
        )


def run_one(lib: Library) -> bool:
    """Claim and run one job. False when none was queued."""
    _load_handlers()
    job = _claim(lib)
    if job is None:
        return False
    fn = _HANDLERS.get(job.kind)

    def progress(done: int, total: int) -> None:
        with lib.db.transaction() as session:
            session.execute(
                update(Job)
                .where(Job.id == job.id)
                .values(done=done, total=total, heartbeat_at=utcnow())
            )

    try:
        if fn is None:
            raise CaselibError(f"未知的任务类型：{job.kind}", code="unknown_job")
        result = fn(Context(lib, job.id, dict(job.payload or {}), progress))
    except CaselibError as e:
        finish(lib, job, error=e)
    except Exception as e:  # noqa: BLE001 - a job's failure is recorded, the runner goes on
        log.exception("job %s %s failed", job.kind, job.key)
        finish(lib, job, error=e)
    else:
        finish(lib, job, result=result)
    return True


def run_pending(lib: Library, *, limit: int | None = None) -> int:
    """Run queued jobs until none is left (or ``limit``). Returns how many ran."""
    n = 0
    while (limit is None or n < limit) and run_one(lib):
        n += 1
    return n


# -- the runner thread of a web worker --------------------------------------------------------

_THREADS: dict[str, tuple[int, threading.Thread]] = {}
_START_LOCK = threading.Lock()


def ensure_thread(lib: Library) -> None:
    """Start this process's runner thread if it is not running (after a fork, again)."""
    key = str(lib.settings.home_path)
    pid = os.getpid()
    current = _THREADS.get(key)
    if current is not None and current[0] == pid and current[1].is_alive():
        return
    with _START_LOCK:
        current = _THREADS.get(key)
        if current is not None and current[0] == pid and current[1].is_alive():
            return
        t = threading.Thread(target=_loop, args=(lib,), name="caselib-jobs", daemon=True)
        _THREADS[key] = (pid, t)
        t.start()


# Niceness of the runner thread: its jobs (LibreOffice's previews, OCR, index merges) are
# background work and leave the processor to the requests people wait for. On Linux a
# thread has a niceness of its own, and the processes it starts inherit it.
RUNNER_NICE = 10


def _lower_priority() -> None:
    """This thread at niceness RUNNER_NICE (or lower still, as it may be already)."""
    with contextlib.suppress(OSError, AttributeError):
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, max(RUNNER_NICE, os.getpriority(os.PRIO_PROCESS, tid)))


def _loop(lib: Library) -> None:
    _lower_priority()
    lock_path = Path(lib.settings.home_path) / "jobs.lock"
    while True:
        try:
            with open(lock_path, "a+") as lock:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    time.sleep(POLL_SECONDS * 2)  # another worker runs the jobs
                    continue
                try:
                    while run_one(lib):
                        pass
                finally:
                    fcntl.flock(lock, fcntl.LOCK_UN)
        except Exception:  # noqa: BLE001 - the thread must outlive a bad moment
            log.exception("job runner")
        time.sleep(POLL_SECONDS)
