"""Core benchmark: ingest, search, similar-case lookup and memory on the real corpus.

Ingests every Markdown document under ../shared/corpus/01_policy_texts (2,651 files,
15.3 M characters) into a fresh library, then measures keyword search with facet counts and
highlighted snippets, and similar-case lookup, printing the figures.

    python bench/core.py [--keep] [--queries N]

--keep leaves the built library in bench/out/corpus-library (bench/web.py reuses it).
Targets (issue 2): ingest >= 200,000 chars/s; search with facets + highlights p95 <= 50 ms;
similar p95 <= 50 ms; peak memory <= 500 MB while ingesting and while serving.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import (  # noqa: E402
    POLICY_TEXTS,
    ROOT,
    MemorySampler,
    markdown_files,
    percentile,
    require_corpus,
    tree_pss_mb,
)

from library.cases import (
    search,  # noqa: E402
    similar,  # noqa: E402
)
from library.cases.ingest import ingest  # noqa: E402
from library.config import Settings  # noqa: E402
from library.context import Library  # noqa: E402

OUT = ROOT / "bench" / "out" / "corpus-library"

# Realistic queries: single domain terms, two-word combinations, words inside longer words,
# phrases, long sentences, with and without filters.
QUERIES = [
    "营商环境",
    "一网通办",
    "最多跑一次",
    "证照分离",
    "告知承诺制",
    "容缺受理",
    "市场主体",
    "政务服务",
    "营商环境改革",
    "优化营商环境 政务服务",
    "行政许可 告知承诺",
    "不动产登记",
    "企业开办",
    "营商",
    "承诺制",
    "通办",
    "信用修复",
    "双随机",
    "知识产权保护",
    "招标投标",
    "政府采购",
    '"优化营商环境"',
    '"行政审批"',
    "安全生产 监督管理",
    "食品安全",
    "环境保护",
    "水资源",
    "县级以上地方人民政府应当加强对优化营商环境工作的组织领导",
    "市场监督管理部门 登记",
    "税务 纳税人",
    "中小企业 融资",
    "数据共享 政务",
    "电子证照",
]
FILTERS = [{}, {}, {}, {"sort": "date"}, {"region": "330000"}, {"year": 2021}, {"page": 2}]


def build(lib: Library) -> dict:
    files = markdown_files()
    chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
    with MemorySampler(interval=0.5) as mem:
        r0 = resource.getrusage(resource.RUSAGE_SELF)
        t0 = time.perf_counter()
        report = ingest(lib, [POLICY_TEXTS])
        wall = time.perf_counter() - t0
        r1 = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "files": len(files),
        "corpus_chars": chars,
        "added": len(report.added),
        "skipped": len(report.skipped),
        "failed": len(report.failed),
        "chars": report.characters,
        "wall": wall,
        "main_cpu": (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime),
        "workers_cpu": children.ru_utime + children.ru_stime,
        "peak_mb": mem.peak,
    }


def query_mix(n: int, rng: random.Random) -> list[str]:
    """The fixed queries above, then queries drawn from the corpus so most of them are seen
    for the first time (cold caches): a word of a random document, two words, a sentence
    copied from a document."""
    from indexer import analyze

    files = markdown_files()
    out = list(QUERIES)
    while len(out) < n:
        text = files[rng.randrange(len(files))].read_text(encoding="utf-8")
        kind = rng.random()
        if kind < 0.15:
            sentences = [x for x in text.replace("\n", "。").split("。") if 12 <= len(x) <= 40]
            if sentences:
                out.append(rng.choice(sentences).strip())
            continue
        words = [w for w in analyze(text[:3000]) if len(w) >= 2 and not w.isdigit()]
        if not words:
            continue
        if kind < 0.6:
            out.append(rng.choice(words))
        else:
            out.append(f"{rng.choice(words)} {rng.choice(words)}")
    rng.shuffle(out)
    return out[:n]


def bench_search(lib: Library, n: int, rng: random.Random) -> dict:
    # Warm up: open the searcher, load columns and the lexicon once, as a server would.
    search.search(lib, {"q": "营商环境"})
    queries = query_mix(n, rng)
    times = []
    totals = []
    for i in range(n):
        params = {"q": queries[i], **FILTERS[rng.randrange(len(FILTERS))]}
        t = time.perf_counter()
        r = search.search(lib, params)
        times.append((time.perf_counter() - t) * 1000)
        totals.append(r.total)
        assert r.facets and (not r.hits or r.hits[0].highlights is not None)
    return {
        "n": n,
        "p50": percentile(times, 50),
        "p95": percentile(times, 95),
        "p99": percentile(times, 99),
        "max": max(times),
        "mean_total": statistics.mean(totals),
    }


def bench_similar(lib: Library, n: int, rng: random.Random) -> dict:
    """Drafts: a 1,500-character excerpt of a random document with a few edits, as a
    submitter's 申报表 draft would be (the excerpt's source must come first)."""
    files = markdown_files()
    similar.similar_to_text(lib, "营商环境改革创新案例")  # warm-up (document frequencies)
    times, found, lengths = [], 0, []
    for _ in range(n):
        path = files[rng.randrange(len(files))]
        text = path.read_text(encoding="utf-8")
        if len(text) < 400:
            continue
        start = rng.randrange(max(1, len(text) - 1500))
        draft = (
            text[start : start + 1500].replace("应当", "须").replace("。", "。本单位补充说明。", 1)
        )
        lengths.append(len(draft))
        t = time.perf_counter()
        hits = similar.similar_to_text(lib, draft, limit=10)
        times.append((time.perf_counter() - t) * 1000)
        # The source's file, or (bench/scale.py) one of its copies, "NN-" + its name.
        found += any(
            n == path.name or (n and n[2:3] == "-" and n[:2].isdigit() and n[3:] == path.name)
            for n in (h.file_name for h in hits[:3])
        )
    return {
        "n": len(times),
        "p50": percentile(times, 50),
        "p95": percentile(times, 95),
        "p99": percentile(times, 99),
        "source_in_top3": found / max(1, len(times)),
        "draft_chars": statistics.mean(lengths),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--keep", action="store_true", help="keep the built library in bench/out")
    ap.add_argument("--queries", type=int, default=500)
    ap.add_argument("--home", help=argparse.SUPPRESS)
    ap.add_argument(
        "--search-only", action="store_true", help="reuse bench/out/corpus-library, skip the ingest"
    )
    args = ap.parse_args()
    require_corpus()
    home = (
        Path(args.home)
        if args.home
        else OUT
        if args.keep or args.search_only
        else ROOT / "bench" / "out" / "core-tmp"
    )
    lib = Library(Settings({"home": str(home)}, env={}))
    if args.search_only:
        b = None
    else:
        if home.exists():
            shutil.rmtree(home)
        lib.init()
        b = build(lib)
    if b:
        print(f"corpus: {b['files']} Markdown files, {b['corpus_chars']:,} characters")
        print(
            f"ingest: {b['added']} cases added, {b['skipped']} identical files skipped, {b['failed']} failed; "
            f"{b['chars']:,} characters in {b['wall']:.1f} s = {b['chars'] / b['wall']:,.0f} chars/s "
            f"(CPU: main {b['main_cpu']:.1f} s, workers {b['workers_cpu']:.1f} s); peak memory {b['peak_mb']:.0f} MB (PSS, all processes)"
        )

    lib.close()
    if not args.search_only:
        # Serving is measured in a process of its own, as a server would run it (the
        # ingest's memory is not the server's).
        cmd = [
            sys.executable,
            __file__,
            "--search-only",
            "--queries",
            str(args.queries),
            "--home",
            str(home),
        ]
        rc = subprocess.call(cmd)
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)
        return rc
    rng = random.Random(20261125)
    lib = Library(Settings({"home": str(home)}, env={}))
    with MemorySampler(interval=0.2) as mem:
        s = bench_search(lib, args.queries, rng)
        m = bench_similar(lib, max(100, args.queries // 5), rng)
    print(
        f"search (facets + highlights, {s['n']} queries, {s['mean_total']:.0f} matches on average): "
        f"p50 {s['p50']:.1f} ms, p95 {s['p95']:.1f} ms, p99 {s['p99']:.1f} ms, max {s['max']:.1f} ms"
    )
    print(
        f"similar ({m['n']} drafts of {m['draft_chars']:.0f} chars): p50 {m['p50']:.1f} ms, "
        f"p95 {m['p95']:.1f} ms, p99 {m['p99']:.1f} ms; source document in the top 3: {m['source_in_top3']:.0%}"
    )
    print(
        f"serving memory: peak {mem.peak:.0f} MB (PSS of the searching process), now {tree_pss_mb():.0f} MB"
    )
    lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
