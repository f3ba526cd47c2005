"""Cases changed by other app nodes, for this node's own index.

Several app nodes may serve one database and one file store, each with its own index (a
derived cache, ``CASELIB_INDEX_DIR``). The shared ``cases.indexed_at`` cannot tell node B
that a case node A changed, and indexed into A's index, is not in B's. So each node keeps
a small state file beside its index folder (``<index>.changes.json``, kept across
rebuilds, shared by the node's worker processes): a watermark, the newest ``updated_at``
it has seen in the database, and for the cases changed in the last :data:`LAG` before it
the ``updated_at`` at which this node's index took them.

Whoever writes this node's index records what it took: :func:`versions` is read *before*
the cases themselves, so a recorded ``updated_at`` is never newer than what the index
holds (:func:`taken`, :func:`rebuilt`). :func:`follow` asks the database for the cases
changed since watermark − ``LAG`` and has the index take those whose ``updated_at``
differs from the recorded one (published ones are added or replaced, ones no longer
published removed), then moves the watermark on. ``updated_at`` is written by the node
that changes a case, in the same transaction; ``LAG`` covers a transaction that commits
after one with a later ``updated_at`` and the nodes' clocks being apart, so it must be
longer than the longest write transaction plus the clocks' difference (NTP keeps that to
milliseconds).
"""

from __future__ import annotations

import contextlib
import contextvars
import fcntl
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from ..storage.base import utcnow
from .models import Case

if TYPE_CHECKING:
    from ..context import Library

log = logging.getLogger(__name__)

LAG = timedelta(seconds=120)
FOLLOW_SECONDS = 2.0  # per process: how often a search looks for others' changes
IndexCases = Callable[..., bool]
_following: contextvars.ContextVar[bool] = contextvars.ContextVar("following", default=False)


def state_path(lib: Library) -> Path:
    index = lib.settings.index_path
    return index.with_name(index.name + ".changes.json")


def _iso(at: datetime) -> str:
    return at.isoformat(timespec="microseconds")


def _load(path: Path) -> dict | None:
    """The state, read again only when the file has changed since this process last
    read it (after a bulk ingest it names every case, a megabyte of JSON parsed at
    every look otherwise); a copy, for the caller to change."""
    try:
        st = os.stat(path)
        mark = (st.st_ino, st.st_mtime_ns, st.st_size)
        kept = _loaded.get(str(path))
        if kept is not None and kept[0] == mark:
            state = kept[1]
        else:
            state = json.loads(path.read_text(encoding="utf-8"))
            datetime.fromisoformat(state["watermark"])
            if not isinstance(state.get("seen"), dict):
                return None
            _loaded[str(path)] = (mark, state)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return {**state, "seen": dict(state["seen"])}


# By state file: the state this process last read, and the file's (inode, mtime, size).
_loaded: dict[str, tuple[tuple[int, int, int], dict]] = {}


def _save(path: Path, state: dict) -> None:
    floor = datetime.fromisoformat(state["watermark"]) - LAG
    state = {
        "watermark": state["watermark"],
        "seen": {n: at for n, at in state["seen"].items() if datetime.fromisoformat(at) > floor},
    }
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(state, f, ensure_ascii=False)
    os.replace(tmp, path)


@contextlib.contextmanager
def _turn(path: Path, *, wait: bool) -> Iterator[bool]:
    """The node's state, for one worker process at a time. Yields False when another one
    has it and ``wait`` is False."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "a+") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def versions(lib: Library, case_nos: Iterable[str] | None = None) -> dict[str, datetime]:
    """The ``updated_at`` of these cases now (of those changed in the last LAG before the
    newest change, when None): read before the cases are read for the index."""
    with lib.db.session() as session:
        stmt = select(Case.case_no, Case.updated_at)
        if case_nos is None:
            newest = session.scalar(select(func.max(Case.updated_at)))
            if newest is None:
                return {}
            stmt = stmt.where(Case.updated_at > newest - LAG)
        else:
            wanted = list(case_nos)
            if not wanted:
                return {}
            stmt = stmt.where(Case.case_no.in_(wanted))
        return {no: at for no, at in session.execute(stmt) if at is not None}


def taken(lib: Library, took: dict[str, datetime]) -> None:
    """This node's index has taken these cases at (at least) these versions."""
    if not took or _following.get():
        return  # follow records what it takes itself
    path = state_path(lib)
    with _turn(path, wait=True):
        state = _load(path)
        if state is None:
            return  # the first follow starts the state
        for no, at in took.items():
            state["seen"][no] = _iso(at)
        _save(path, state)


def rebuilt(lib: Library, started: datetime, took: dict[str, datetime]) -> None:
    """The whole index was written again from the database (``took``: :func:`versions`
    read before it)."""
    if _following.get():
        return  # rebuilt while following (a damaged index): follow records what it took
    path = state_path(lib)
    with _turn(path, wait=True):
        watermark = max(took.values(), default=started)
        _save(path, {"watermark": _iso(watermark), "seen": {n: _iso(a) for n, a in took.items()}})


def follow(lib: Library, index_cases: IndexCases, *, wait: float = 0.5) -> list[str]:
    """Have this node's index take the cases changed in the database since it last
    looked (by any node). Returns the case numbers it took (none when another worker
    process of the node is at it, or the index was busy: then the next call takes them)."""
    path = state_path(lib)
    with _turn(path, wait=False) as mine:
        if not mine:
            return []
        state = _load(path)
        looking = utcnow()
        with lib.db.session() as session:
            first = state is None
            if first:
                # No state yet (a library of an earlier release, or the file was lost):
                # the index was kept in step by the indexed_at marks, as with one node.
                newest = session.scalar(select(func.max(Case.updated_at)))
                state = {"watermark": _iso(newest or datetime(2000, 1, 1)), "seen": {}}
            # Back LAG from the watermark, or from this process's last complete look: a
            # change stamped more than LAG before that look had committed by then and was
            # seen (after a bulk ingest, the watermark's LAG held thousands of cases, read
            # again at every look).
            since = (
                max(
                    datetime.fromisoformat(state["watermark"]), _looked.get(str(path), datetime.min)
                )
                - LAG
            )
            found = session.execute(
                select(Case.case_no, Case.updated_at, Case.status, Case.indexed_at).where(
                    Case.updated_at > since
                )
            ).all()
        seen: dict[str, str] = state["seen"]
        if first:
            seen.update(
                {
                    r.case_no: _iso(r.updated_at)
                    for r in found
                    if r.indexed_at and r.indexed_at >= r.updated_at
                }
            )
        changed = [r for r in found if seen.get(r.case_no) != _iso(r.updated_at)]
        if not changed and not first:
            _looked[str(path)] = looking
            return []  # nothing new: the state file stays as it is (no write per look)
        todo = [r.case_no for r in changed if r.status == "published"]
        unpublished = [r.case_no for r in changed if r.status != "published"]
        if unpublished:  # to remove only if this index has them (a draft is in none)
            held = lib.index.case_nos()
            todo += [no for no in unpublished if no in held]
        todo.sort()
        if todo:
            token = _following.set(True)
            try:
                if not index_cases(lib, todo, wait=wait):
                    return []  # the index was busy: the same cases next time
            finally:
                _following.reset(token)
        for r in found:
            seen[r.case_no] = _iso(r.updated_at)
        watermark = max(
            [datetime.fromisoformat(state["watermark"])] + [r.updated_at for r in found]
        )
        _save(path, {"watermark": _iso(watermark), "seen": seen})
        _looked[str(path)] = looking
    if todo:
        log.info("took %d case(s) changed elsewhere: %s", len(todo), ", ".join(todo[:5]))
    return todo


_last: dict[str, float] = {}
# By state file: when this process last looked and took everything it found.
_looked: dict[str, datetime] = {}


def follow_now_and_then(lib: Library, index_cases: IndexCases) -> list[str]:
    """:func:`follow` at most every :data:`FOLLOW_SECONDS` in this process."""
    key = str(lib.settings.index_path)
    now = time.monotonic()
    if now - _last.get(key, 0.0) < FOLLOW_SECONDS:
        return []
    _last[key] = now
    try:
        # Inside a search request: never wait for the index (a busy one queues the cases).
        return follow(lib, index_cases, wait=0.0)
    except OSError:
        log.warning("cannot follow the changes of other nodes", exc_info=True)
        return []
