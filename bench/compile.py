"""A 200-case compilation (典型案例汇编): how long writing the Word booklet takes, and the
PDF LibreOffice lays out from it (issue 14). Target: the .docx of 200 cases in < 20 s.

    python bench/compile.py [--cases 200] [--repeat 3] [--pdf]

The library is the demo's (its cases loaded through the real submission path), its
published cases copied row by row under new numbers until there are ``--cases`` of them
(the booklet reads only the cases' rows, never their files). The compilation is made by
``library.compilations.build.create`` with the cases given one by one in theme order, as
the builder page does, and checked: one Heading 3 per case, the TOC field present.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics as st
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build(home: Path, n_cases: int) -> list[str]:
    from sqlalchemy import select

    from library.config import Settings
    from library.context import Library
    from library.demo.accounts import load_accounts
    from library.demo.loader import load_demo
    from library.models import Case

    lib = Library(Settings({"home": str(home), "ingest_workers": 1}, env={}))
    lib.init()
    load_demo(lib)
    load_accounts(lib)
    with lib.db.transaction() as session:
        published = list(session.scalars(select(Case).where(Case.status == "published")))
        columns = [c.name for c in Case.__table__.columns if c.name not in ("id", "case_no")]
        i = 0
        while len(published) + i < n_cases:
            src = published[i % len(published)]
            copy = Case(**{c: getattr(src, c) for c in columns})
            copy.case_no = f"BENCH-{i + 1:05d}"
            copy.name = f"{src.name}（副本 {i + 1}）"
            session.add(copy)
            i += 1
    with lib.db.session() as session:
        nos = list(
            session.scalars(
                select(Case.case_no)
                .where(Case.status == "published")
                .order_by(Case.theme_id, Case.id)
                .limit(n_cases)
            )
        )
    lib.close()
    return nos


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pdf", action="store_true", help="also time LibreOffice's PDF")
    args = ap.parse_args(argv)

    import docx

    from library.accounts.audit import Actor
    from library.compilations import build as compile_build
    from library.compilations import pdf
    from library.config import Settings
    from library.context import Library

    tmp = Path(tempfile.mkdtemp(prefix="caselib-compile-"))
    try:
        t0 = time.perf_counter()
        nos = build(tmp / "home", args.cases)
        print(
            f"library: {len(nos)} published cases (demo cases and copies) in {time.perf_counter() - t0:.1f} s"
        )
        lib = Library(Settings({"home": str(tmp / "home"), "ingest_workers": 1}, env={}))
        times, made = [], None
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            made = compile_build.create(
                lib, {"case_nos": nos, "order": "theme", "title": "基准测试汇编"}, Actor.cli()
            )
            times.append(time.perf_counter() - t0)
        d = docx.Document(io.BytesIO(made.data))
        headings = [p for p in d.paragraphs if p.style.name == "Heading 3"]
        toc = "TOC" in d.element.xml
        print(
            f"compilation of {made.case_count} cases, {made.chapters} chapters, "
            f"{len(made.data) / 1024:.0f} KB; Heading 3 per case: {len(headings)}; TOC field: {toc}"
        )
        print(
            f"write .docx (select, lay out, save): median {st.median(times):.2f} s, "
            f"max {max(times):.2f} s over {len(times)} runs (target < 20 s)"
        )
        if args.pdf and pdf.available(lib):
            t0 = time.perf_counter()
            out = pdf.write_pdf(lib, made.data)
            print(f"PDF by LibreOffice: {time.perf_counter() - t0:.1f} s, {len(out) / 1024:.0f} KB")
        lib.close()
        ok = max(times) < 20 and len(headings) == made.case_count and toc
        print("target met" if ok else "target NOT met")
        return 0 if ok else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
