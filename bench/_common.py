"""Helpers shared by the benchmarks: corpus location, a memory sampler, percentiles, and
`caselib serve` started and stopped on a free port."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

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


def tree_pss_mb(pid: int | None = None, field: str = "Pss") -> float:
    """Proportional set size of a process and all its descendants, in MB: shared pages
    are divided among the processes sharing them, so the sum is the tree's real footprint.
    ``field="Pss_Anon"`` counts only the anonymous pages (heaps, arrays): the memory the
    processes own, without the pages of memory-mapped files, which are the kernel's page
    cache (shared by every process mapping the file, dropped under memory pressure)."""
    pid = pid or os.getpid()
    total = 0
    stack = [pid]
    key = field + ":"
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith(key):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
        stack.extend(_children(p))
    return total / 1024


class MemorySampler:
    """Samples the process tree's PSS in a background thread; ``peak`` in MB, and
    ``peak_anon``, the peak of its anonymous part (without memory-mapped file pages)."""

    def __init__(self, interval: float = 0.1, pid: int | None = None):
        self.interval = interval
        self.pid = pid
        self.peak = 0.0
        self.peak_anon = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def _sample(self):
        self.peak = max(self.peak, tree_pss_mb(self.pid))
        self.peak_anon = max(self.peak_anon, tree_pss_mb(self.pid, "Pss_Anon"))

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self._sample()


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(home: Path, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "CASELIB_HOME": str(home), "CASELIB_WORKERS": str(workers)}
    exe = Path(sys.executable).with_name("caselib")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "web.cli"]
    proc = subprocess.Popen(
        [*cmd, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(
                "server exited: " + proc.stderr.read().decode(errors="replace")[-2000:]
            )
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/login")
            if conn.getresponse().status == 200:
                conn.close()
                return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("server did not start within 120 s")


def stop_server(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(20)
    if proc.stderr is not None:
        proc.stderr.close()


def log_in(port: int, user: str, password: str) -> str:
    """A session cookie of an account (through the real login form and CSRF)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/login")
    resp = conn.getresponse()
    html = resp.read().decode()
    cookie = resp.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    body = urlencode({"username": user, "password": password, "csrf_token": token})
    conn.request(
        "POST",
        "/login",
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
    )
    resp = conn.getresponse()
    resp.read()
    if resp.status != 302:
        raise SystemExit(f"login failed: HTTP {resp.status}")
    conn.close()
    # Every cookie the login set (the session's and the known browser's), as one header.
    return "; ".join(v.split(";")[0] for k, v in resp.getheaders() if k.lower() == "set-cookie")


class MemoryCgroup:
    """A memory cgroup (v2 ``memory.max`` or v1 ``memory.limit_in_bytes``) that a child
    process runs in: the kernel holds everything the process uses, heap and the page
    cache of the files it reads or maps, to ``limit_mb``, reclaiming cache pages as it
    must and killing the process if what it owns cannot fit. A run that finishes inside
    it shows the work fits in that memory, whatever PSS counts of mapped pages.

    ``available()`` is false where cgroups cannot be made (not root, no memory
    controller); ``preexec`` moves the child in before it starts; after the run
    ``peak_mb`` and ``oom_kills`` say what happened."""

    V2 = Path("/sys/fs/cgroup")
    V1 = Path("/sys/fs/cgroup/memory")

    def __init__(self, limit_mb: int):
        self.limit_mb = limit_mb
        self.path: Path | None = None
        self.v1 = False

    @classmethod
    def available(cls) -> bool:
        if os.geteuid() != 0:
            return False
        if (cls.V2 / "cgroup.controllers").exists():
            return "memory" in (cls.V2 / "cgroup.controllers").read_text()
        return (cls.V1 / "memory.limit_in_bytes").exists()

    def __enter__(self):
        self.v1 = not (self.V2 / "cgroup.controllers").exists()
        base = self.V1 if self.v1 else self.V2
        self.path = base / f"caselib-bench-{os.getpid()}"
        self.path.mkdir()
        limit = str(self.limit_mb * 2**20)
        if self.v1:
            (self.path / "memory.limit_in_bytes").write_text(limit)
            # No swap either, where the kernel accounts it.
            sw = self.path / "memory.memsw.limit_in_bytes"
            if sw.exists():
                sw.write_text(limit)
        else:
            (self.path / "memory.max").write_text(limit)
            sw = self.path / "memory.swap.max"
            if sw.exists():
                sw.write_text("0")
        return self

    def preexec(self) -> None:
        (self.path / "cgroup.procs").write_text(str(os.getpid()))

    @property
    def peak_mb(self) -> float:
        name = "memory.max_usage_in_bytes" if self.v1 else "memory.peak"
        try:
            return int((self.path / name).read_text()) / 2**20
        except (OSError, ValueError):
            return float("nan")

    @property
    def oom_kills(self) -> int:
        name = "memory.oom_control" if self.v1 else "memory.events"
        try:
            for line in (self.path / name).read_text().splitlines():
                key, _, value = line.partition(" ")
                if key == "oom_kill":
                    return int(value)
        except (OSError, ValueError):
            pass
        return 0

    def __exit__(self, *exc):
        if self.path is not None:
            for _ in range(50):
                try:
                    self.path.rmdir()
                    break
                except OSError:
                    time.sleep(0.1)
