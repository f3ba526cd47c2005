"""Run every benchmark in turn (make bench). Each prints its own figures.

Needs ../shared/corpus (and OCRmyPDF with Tesseract's chi_sim data for ocr.py). The core benchmark builds the corpus library (about 2–3 minutes)
and keeps it in bench/out/corpus-library for the relevance and web benchmarks.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEPS = [
    ["core.py", "--keep"],
    ["relevance.py"],
    ["anonymity.py"],
    ["web.py"],
    ["monitoring.py"],
    ["ocr.py"],
    ["soak.py"],
    ["stats.py"],
]


def main() -> int:
    failed = []
    for step in STEPS:
        print(f"\n=== bench/{step[0]} ===", flush=True)
        rc = subprocess.call([sys.executable, str(HERE / step[0]), *step[1:]])
        if rc:
            failed.append(step[0])
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
