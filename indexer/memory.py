"""How the index's memory-mapped files are read: with the kernel's readahead, or page by
page when the index cannot stay in the memory the process may use.

A page fault on a mapped file reads the pages around it too (readaround, 128 KB by
default). Where the index fits in memory that is a gain: a first pass over a cold page
cache loads the neighbours the next queries want. Where it does not (a container or a
memory cgroup smaller than the index), every fault evicts 32 pages to read 32 more of
which a query wants one: at 26,250 cases (a 2.3 GB index) served inside 500 MB the
search page's p95 was 457 ms with readahead and 86 ms without it. The files read by
document or by term at random (stored fields, the flat-text column, postings, the freq
and bigram files) are then advised ``MADV_RANDOM``.

The mode is the index's (``CaseIndex(readahead=...)``, the library's
``CASELIB_INDEX_READAHEAD``): ``auto`` (off when the index's files are more than half the
memory limit), ``on`` or ``off``.
"""

from __future__ import annotations

import functools
import mmap
import os
from pathlib import Path

# Files of a segment read at random, by document or by term (suffixes of their names).
RANDOM_FILES = ("._stored.col", ".flat.col", ".pst", ".frq", ".bgr")


def memory_limit(proc: Path = Path("/proc"), cgroups: Path = Path("/sys/fs/cgroup")) -> int | None:
    """The memory the process may use, in bytes: the smallest limit of its memory cgroup
    and the cgroups above it (v2 ``memory.max``, v1 ``memory.limit_in_bytes``), and the
    machine's memory; None if neither can be read."""
    limits = []
    try:
        for line in (proc / "meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                limits.append(int(line.split()[1]) * 1024)
                break
    except (OSError, ValueError, IndexError):
        pass
    try:
        lines = (proc / "self" / "cgroup").read_text().splitlines()
    except OSError:
        lines = []
    for line in lines:
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        _id, controllers, rel = parts
        if controllers == "":  # v2
            base, name = cgroups, "memory.max"
        elif "memory" in controllers.split(","):  # v1
            base, name = cgroups / "memory", "memory.limit_in_bytes"
        else:
            continue
        d = base / rel.lstrip("/")
        while True:
            try:
                raw = (d / name).read_text().strip()
                if raw.isdigit():
                    limits.append(int(raw))
            except OSError:
                pass
            if d == base or base not in d.parents:
                break
            d = d.parent
    return min(limits) if limits else None


@functools.cache
def _auto(folder: str) -> bool:
    """Readahead unless the index's files are more than half the memory limit."""
    limit = memory_limit()
    if limit is None:
        return True
    try:
        size = sum(e.stat().st_size for e in os.scandir(folder) if e.is_file())
    except OSError:
        return True
    return size <= limit // 2


MODES = ("auto", "on", "off")
# The mode of each index folder a CaseIndex was opened on in this process.
_MODES: dict[str, str] = {}


def _key(folder: str | os.PathLike) -> str:
    return str(Path(folder).resolve())


def configure(folder: str | os.PathLike, mode: str) -> None:
    """Set the readahead mode of the index in ``folder`` (one of :data:`MODES`)."""
    if mode not in MODES:
        raise ValueError(f"readahead must be one of {', '.join(MODES)}, got {mode!r}")
    _MODES[_key(folder)] = mode


def readahead(folder: str | os.PathLike) -> bool:
    """Whether the index in ``folder`` is read with the kernel's readahead (``auto``
    decided once per folder and process)."""
    key = _key(folder)
    mode = _MODES.get(key, "auto")
    if mode != "auto":
        return mode == "on"
    return _auto(key)


def advise(mapped: mmap.mmap, path: str | os.PathLike) -> None:
    """``MADV_RANDOM`` for a file read at random of an index read without readahead."""
    name = os.fspath(path)
    if not name.endswith(RANDOM_FILES) or not hasattr(mmap, "MADV_RANDOM"):
        return
    if not readahead(os.path.dirname(name)):
        mapped.madvise(mmap.MADV_RANDOM)
