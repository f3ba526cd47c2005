"""Helpers shared by the benchmarks: corpus location, a memory sampler, percentiles."""

from __future__ import annotations

import os
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("CASELIB_CORPUS", ROOT.parent / "shared" / "corpus"))
POLICY_TEXTS = CORPUS / "01_policy_texts"


def require_corpus() -> None:
    if not POLICY_TEXTS.is_dir():
        raise SystemExit(f"corpus not found at {CORPUS} (set CASELIB_CORPUS)")


def markdown_files() -> list[Path]:
    return sorted(POLICY_TEXTS.rglob("*.md"))


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out.extend(int(x) for x in f.read().split())
    except OSError:
        pass
    return out


def tree_pss_mb(pid: int | None = None) -> float:
    """Proportional set size of a process and all its descendants, in MB: shared pages
    are divided among the processes sharing them, so the sum is the tree's real footprint."""
    pid = pid or os.getpid()
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
        stack.extend(_children(p))
    return total / 1024


class MemorySampler:
    """Samples the process tree's PSS in a background thread; ``peak`` in MB."""

    def __init__(self, interval: float = 0.1, pid: int | None = None):
        self.interval = interval
        self.pid = pid
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_pss_mb(self.pid))
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, tree_pss_mb(self.pid))


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)
