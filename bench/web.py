"""Web benchmark: the search page (HTML) under concurrent load, served by `caselib serve`
(gunicorn, several worker processes) over the 2,650 Markdown documents of
../shared/corpus/01_policy_texts.

    python bench/web.py [--workers N] [--concurrency C] [--seconds S] [--rebuild]

The library is built once into bench/out/web-library (ingest, 1-2 minutes) and reused
while it is complete. A logged-in session then requests the search page with a mix of
realistic Chinese queries, filters, facet clicks, sorts and pages, in two runs of S seconds
(after a warm-up):

* open loop (--rate R, default 50): requests start on a fixed schedule of R per second,
  whatever the server does, and latency counts from the scheduled start (no coordinated
  omission): the latency users see at that load;
* closed loop (--concurrency C): C clients each send the next request as soon as the last
  one is answered: the most the server can do.

Target (issue 4): p95 <= 100 ms while serving >= 50 requests/s, on 2 cores.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import (  # noqa: E402
    POLICY_TEXTS,
    ROOT,
    free_port,
    log_in,
    markdown_files,
    percentile,
    require_corpus,
    start_server,
    stop_server,
    tree_pss_mb,
)

OUT = ROOT / "bench" / "out" / "web-library"
MARKER = ".complete.json"
USER, PASSWORD = "bench", "bench-password"

QUERIES = [
    "营商环境",
    "一网通办",
    "最多跑一次",
    "证照分离",
    "告知承诺制",
    "容缺受理",
    "市场主体",
    "政务服务",
    "优化营商环境 政务服务",
    "行政许可",
    "不动产登记",
    "企业开办",
    "营商",
    "信用修复",
    "双随机",
    "知识产权保护",
    "招标投标",
    "政府采购",
    "安全生产 监督管理",
    "食品安全",
    "环境保护",
    "中小企业 融资",
    "数据共享",
    "电子证照",
    "税务 纳税人",
    '"优化营商环境"',
    "公共资源交易",
    "行政审批制度改革",
]
# Extra parameters of a request: plain, sorted, filtered as a facet click would, paged.
VARIANTS = [
    {},
    {},
    {},
    {"sort": "date"},
    {"sort": "rating"},
    {"page": "2"},
    {"region": "330000"},
    {"from": "2015-01-01", "to": "2025-12-31"},
    {"case_type": "unknown"},
    {"year": "2021"},
]


def build(home: Path, rebuild: bool) -> dict:
    """The corpus library in ``home``: reused when complete, else built with ingest."""
    from library.accounts import users
    from library.cases.ingest import ingest
    from library.config import Settings
    from library.context import Library

    marker = home / MARKER
    if marker.exists() and not rebuild:
        # Bring the index up to date here (a changed index schema means a rebuild), so the
        # server starts at once.
        lib = Library(Settings({"home": str(home)}, env={}))
        t0 = time.perf_counter()
        state = lib.ensure_index()
        if state != "ok":
            print(f"index was {state}: rebuilt in {time.perf_counter() - t0:.0f} s")
        lib.close()
        return json.loads(marker.read_text(encoding="utf-8"))

    if home.exists():
        shutil.rmtree(home)
    lib = Library(Settings({"home": str(home)}, env={}))
    lib.init()
    t0 = time.perf_counter()
    report = ingest(lib, [POLICY_TEXTS])
    wall = time.perf_counter() - t0
    users.create_user(lib, USER, PASSWORD, "reviewer", unit="基准测试", region="330000")
    lib.close()
    info = {
        "files": len(markdown_files()),
        "cases": len(report.added) + len(report.skipped),
        "added": len(report.added),
        "failed": len(report.failed),
        "ingest_seconds": round(wall, 1),
    }
    marker.write_text(json.dumps(info), encoding="utf-8")
    return info


def urls(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        params = {"q": rng.choice(QUERIES), **rng.choice(VARIANTS)}
        out.append("/?" + urlencode(params))
    return out


def load(
    port: int,
    cookie: str,
    paths: list[str],
    concurrency: int,
    seconds: float,
    rate: float | None = None,
) -> dict:
    """C threads, each on its own connection, requesting until time is up: back to back
    (closed loop), or each request at its scheduled time ``i / rate`` (open loop, latency
    measured from the schedule)."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = time.perf_counter()
    stop_at = start + seconds
    counter = iter(range(10**9))

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        while True:
            i = next(counter)
            if rate:
                t0 = start + i / rate
                if t0 >= stop_at:
                    break
                delay = t0 - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
            else:
                t0 = time.perf_counter()
                if t0 >= stop_at:
                    break
            path = paths[i % len(paths)]
            try:
                conn.request("GET", path, headers={"Cookie": cookie})
                resp = conn.getresponse()
                body = resp.read()
                ok = resp.status == 200 and b'data-testid="total"' in body
            except (OSError, http.client.HTTPException) as e:
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                with lock:
                    errors.append(repr(e))
            mine.append(time.perf_counter() - t0)
            if not ok:
                with lock:
                    errors.append(path)
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    ms = [x * 1000 for x in latencies]
    return {
        "requests": len(ms),
        "errors": len(errors),
        "seconds": wall,
        "rps": len(ms) / wall,
        "p50": percentile(ms, 50),
        "p95": percentile(ms, 95),
        "p99": percentile(ms, 99),
        "max": max(ms) if ms else float("nan"),
    }


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--workers", type=int, default=4, help="gunicorn worker processes (default 4)")
    ap.add_argument(
        "--concurrency", type=int, default=4, help="closed-loop client threads (default 4)"
    )
    ap.add_argument(
        "--rate", type=float, default=50, help="open-loop requests per second (default 50)"
    )
    ap.add_argument("--seconds", type=float, default=30, help="measured duration (default 30)")
    ap.add_argument("--warmup", type=float, default=5, help="unmeasured warm-up (default 5)")
    ap.add_argument(
        "--rebuild", action="store_true", help="rebuild the library even if it is complete"
    )
    args = ap.parse_args()
    require_corpus()

    info = build(OUT, args.rebuild)
    print(
        f"library: {info['cases']} cases from {info['files']} Markdown files"
        + (f" (ingested in {info['ingest_seconds']} s)" if info.get("ingest_seconds") else "")
    )
    port = free_port()
    proc = start_server(OUT, port, args.workers)
    try:
        cookie = log_in(port, USER, PASSWORD)
        rng = random.Random(20261125)
        paths = urls(rng, 2000)
        load(port, cookie, paths, args.concurrency, args.warmup)
        opened = load(port, cookie, paths[::-1], 16, args.seconds, rate=args.rate)
        closed = load(port, cookie, paths, args.concurrency, args.seconds)
        mem = tree_pss_mb(proc.pid)
    finally:
        stop_server(proc)
    print(
        f"server: caselib serve (gunicorn, {args.workers} workers, preload) on {os.cpu_count()} CPU cores; "
        f"memory {mem:.0f} MB (PSS, all processes)"
    )
    print(
        f"requests: the search page (HTML) for {len(QUERIES)} queries x {len(VARIANTS)} variants "
        "(filters, sorts, pages), logged in"
    )
    for title, r in (
        (f"open loop, {args.rate:g} requests/s offered", opened),
        (f"closed loop, {args.concurrency} clients back to back", closed),
    ):
        print(
            f"{title}: {r['requests']} pages in {r['seconds']:.0f} s = {r['rps']:.1f} requests/s, "
            f"{r['errors']} errors; p50 {r['p50']:.1f} ms, p95 {r['p95']:.1f} ms, p99 {r['p99']:.1f} ms, "
            f"max {r['max']:.1f} ms"
        )
    ok = (
        opened["p95"] <= 100
        and opened["rps"] >= 50 * 0.98
        and args.rate >= 50
        and opened["errors"] == 0
        and closed["errors"] == 0
    )
    print("target p95 <= 100 ms at >= 50 requests/s: " + ("met" if ok else "NOT met"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
