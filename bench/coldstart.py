"""Cold start: a first query from a fresh process (issue 11, item 3).

    python bench/coldstart.py [--runs 5] [--home bench/out/corpus-library]

Runs ``caselib search --json QUERY`` as a new process, each time with another query, on the
library built by ``python bench/core.py --keep`` (2,651 documents), and prints the wall
time of each run and the median, beside the time of ``python -c pass`` (the interpreter
alone) and of a process that only imports jieba and loads its dictionary. Target: <= 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from core import OUT  # noqa: E402

QUERIES = ["营商环境", "一网通办", "不动产登记", "告知承诺制", "政府采购", "食品安全", "容缺受理"]


def timed(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--home", type=Path, default=OUT)
    args = ap.parse_args()
    if not (args.home / "caselib.sqlite3").exists():
        raise SystemExit("build the corpus library first: python bench/core.py --keep")
    env = {**os.environ, "CASELIB_HOME": str(args.home)}
    exe = Path(sys.executable).with_name("caselib")
    # One run unmeasured: the files into the page cache, as on a server that has run.
    timed([str(exe), "search", "--json", "营商"], env)
    runs = [
        timed([str(exe), "search", "--json", QUERIES[i % len(QUERIES)]], env)
        for i in range(args.runs)
    ]
    bare = timed([sys.executable, "-c", "pass"], env)
    jieba = timed(
        [sys.executable, "-c", "import jieba; jieba.setLogLevel(60); jieba.initialize()"], env
    )
    print(
        f"cold start (caselib search --json, fresh process, {args.home.name}): "
        + ", ".join(f"{t:.2f}" for t in runs)
        + f" s; median {statistics.median(runs):.2f} s (target <= 1 s)"
    )
    print(
        f"  for comparison: python -c pass {bare:.2f} s; loading jieba's dictionary {jieba:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
