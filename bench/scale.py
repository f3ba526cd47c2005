"""Ten times the size (issue 11, item 4): the corpus library at 1x and at Nx, side by side.

    python bench/scale.py [--factor 10] [--queries 500]

Builds a library of ``factor`` copies of every Markdown document of
../shared/corpus/01_policy_texts, each copy varied so that none is a duplicate (its
paragraphs in another order, a line naming the copy), ingests it with ``ingest`` (bulk,
worker processes), then serves it in a process of its own, as core.py does: the full
search page (facet counts and highlighted snippets) over core.py's mixed query set, and
similar-case lookups of 1,500-character drafts. Prints for 1x and Nx: ingest chars/s, peak
memory while ingesting and while serving (PSS), search p95, similar p95, index size on
disk. PSS counts the resident pages of the memory-mapped index, which are the kernel's
page cache, so the anonymous part is printed beside it, and the Nx library is served a
second time inside a memory cgroup of ``--memory-limit`` MB (root only) to show whether
the work fits in that memory with the cache held to it. Targets at 10x: >= 300,000
chars/s, search p95 <= 30 ms, similar p95 <= 50 ms, memory <= 500 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, MemoryCgroup, MemorySampler, markdown_files, require_corpus  # noqa: E402
from core import bench_search, bench_similar  # noqa: E402

WORK = ROOT / "bench" / "out" / "scale"


def write_copies(folder: Path, factor: int) -> int:
    """The corpus ``factor`` times, each copy's paragraphs shuffled with its own seed."""
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for path in markdown_files():
        text = path.read_text(encoding="utf-8")
        paras = [p for p in text.split("\n\n") if p.strip()]
        for k in range(factor):
            if k:
                rng = random.Random(f"{path.name}/{k}")
                body = paras[:1] + rng.sample(paras[1:], len(paras) - 1)
                out = f"第{k}版\n\n" + "\n\n".join(body)
            else:
                out = text
            (folder / f"{k:02d}-{path.name}").write_text(out, encoding="utf-8")
            chars += len(out)
    return chars


def build(home: Path, factor: int) -> dict:
    from library.cases.ingest import ingest
    from library.config import Settings
    from library.context import Library

    src = home.parent / f"docs-{factor}x"
    shutil.rmtree(src, ignore_errors=True)
    shutil.rmtree(home, ignore_errors=True)
    write_copies(src, factor)
    lib = Library(Settings({"home": str(home)}, env={}))
    lib.init()
    with MemorySampler(interval=0.5) as mem:
        t0 = time.perf_counter()
        report = ingest(lib, [src], progress=None)
        wall = time.perf_counter() - t0
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    lib.close()
    shutil.rmtree(src, ignore_errors=True)
    size = sum(f.stat().st_size for f in (home / "index").iterdir() if f.is_file())
    return {
        "cases": len(report.added),
        "chars": report.characters,
        "wall": wall,
        "peak_mb": mem.peak,
        "peak_anon_mb": mem.peak_anon,
        "workers_cpu": children.ru_utime + children.ru_stime,
        "index_mb": size / 2**20,
    }


def serve(home: Path, queries: int) -> dict:
    from library.config import Settings
    from library.context import Library

    lib = Library(Settings({"home": str(home)}, env={}))
    rng = random.Random(20261125)
    with MemorySampler(interval=0.2) as mem:
        s = bench_search(lib, queries, rng)
        m = bench_similar(lib, max(100, queries // 5), rng)
    lib.close()
    return {"search": s, "similar": m, "peak_mb": mem.peak, "peak_anon_mb": mem.peak_anon}


def serve_limited(home: Path, queries: int, limit_mb: int) -> dict:
    """``serve`` again in a process held to ``limit_mb`` by a memory cgroup. The index's
    pages are dropped from the page cache first: a page already cached by the first run
    stays charged to the cgroup that read it, so the limited run must read them itself."""
    for f in (home / "index").iterdir():
        if f.is_file():
            fd = os.open(f, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
    with MemoryCgroup(limit_mb) as cg:
        run = subprocess.run(
            [sys.executable, __file__, "--serve", str(home), "--queries", str(queries)],
            capture_output=True,
            text=True,
            preexec_fn=cg.preexec,
        )
        got = {"rc": run.returncode, "oom_kills": cg.oom_kills, "cgroup_peak_mb": cg.peak_mb}
    if run.returncode:
        return {**got, "killed": True}
    return {**got, **json.loads(run.stdout.strip().splitlines()[-1])}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--factor", type=int, default=10)
    ap.add_argument("--queries", type=int, default=500)
    ap.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    ap.add_argument(
        "--keep", action="store_true", help="keep the Nx library in the work folder (to profile)"
    )
    ap.add_argument(
        "--work", type=Path, default=WORK, help="where the libraries are built (bench/out/scale)"
    )
    ap.add_argument(
        "--memory-limit",
        type=int,
        default=500,
        metavar="MB",
        help="serve the Nx library again inside a memory cgroup of this size (0: don't)",
    )
    ap.add_argument(
        "--no-baseline", action="store_true", help="build only the Nx library, not the 1x one"
    )
    args = ap.parse_args()
    if args.serve:
        print(json.dumps(serve(args.serve, args.queries)))
        return 0
    if args.build:
        print(json.dumps(build(args.build, args.factor)))
        return 0
    require_corpus()
    rows, limited = {}, {}
    for factor in [args.factor] if args.no_baseline else sorted({1, args.factor}):
        home = args.work / f"{factor}x" / "home"
        # Each build in a fresh process, as `caselib ingest` is: in this one the 10x
        # ingest's peak also counted what the 1x ingest had left in its heap (~50 MB).
        b = json.loads(
            subprocess.run(
                [sys.executable, __file__, "--build", str(home), "--factor", str(factor)],
                stdout=subprocess.PIPE,
                text=True,
                check=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        out = subprocess.run(
            [sys.executable, __file__, "--serve", str(home), "--queries", str(args.queries)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rows[factor] = (b, json.loads(out.strip().splitlines()[-1]))
        if factor == args.factor and args.memory_limit and MemoryCgroup.available():
            limited[factor] = serve_limited(home, args.queries, args.memory_limit)
        if not (args.keep and factor == args.factor):
            shutil.rmtree(home.parent, ignore_errors=True)
    print("scale: the corpus library at 1x and Nx (each copy varied: no duplicates)")
    for factor, (b, s) in rows.items():
        print(
            f"  {factor:>2}x: {b['cases']:,} cases, {b['chars']:,} chars; ingest {b['chars'] / b['wall']:,.0f} chars/s "
            f"({b['wall']:.0f} s), peak {b['peak_mb']:.0f} MB (anonymous {b['peak_anon_mb']:.0f}); index {b['index_mb']:.0f} MB on disk; "
            f"search p95 {s['search']['p95']:.1f} ms (p50 {s['search']['p50']:.1f}); "
            f"similar p95 {s['similar']['p95']:.1f} ms (source in top 3: {s['similar']['source_in_top3']:.0%}); "
            f"serving peak {s['peak_mb']:.0f} MB (anonymous {s['peak_anon_mb']:.0f})"
        )
    for factor, got in limited.items():
        if got.get("killed"):
            print(
                f"  {factor:>2}x served inside a {args.memory_limit} MB memory cgroup: "
                f"FAILED (rc {got['rc']}, OOM kills {got['oom_kills']})"
            )
            continue
        print(
            f"  {factor:>2}x served inside a {args.memory_limit} MB memory cgroup (heap and "
            f"page cache held to the limit, no swap): search p95 {got['search']['p95']:.1f} ms, "
            f"similar p95 {got['similar']['p95']:.1f} ms, cgroup peak {got['cgroup_peak_mb']:.0f} MB, "
            f"OOM kills {got['oom_kills']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
