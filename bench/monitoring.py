"""Monitoring benchmark: importing a province's values and listing its warnings.

    python bench/monitoring.py [--repeat N]

In a fresh library (a temporary $CASELIB_HOME, SQLite) with a coordinator account in each
of the 11 cities of 浙江省 (they receive the warnings' notifications) and warning rules on
the first 20 indicators of the default vocabulary (a mix of fixed lines, worse than the
average by more than 20 %, and the bottom 3):

* import 11 cities × 20 indicators × 8 quarters = 1,760 rows from a .csv file, end to end
  (read, check every row, store, compute the warnings with their figures and history,
  notify), then the same values as an .xlsx file (every value unchanged, warnings
  recomputed), then the .csv again with every value changed;
* list the province's warnings (every one, with its explanation) N times through the
  service, read and built each time (its per-process cache cleared before each call) and
  repeated (served from the cache for the data version), and through
  ``GET /api/v1/warnings`` (Flask's test client, token auth, JSON encoded): p50/p95.

Needs no corpus. Targets (issue 9): import < 2 s; the province's warning list p95 < 100 ms.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import percentile  # noqa: E402

CITIES = [f"33{n:02d}00" for n in range(1, 12)]
QUARTERS = [f"{y}Q{q}" for y in (2023, 2024) for q in (1, 2, 3, 4)]
RULES = (
    {"warning_above_average": 20},
    {"warning_above_average": None, "warning_bottom": 3},
    {"warning_above_average": None, "warning_line": None},  # set per indicator below
)


def rows_for(indicators, seed: int) -> list[tuple[str, str, str, float]]:
    rng = random.Random(seed)
    out = []
    for ind in indicators:
        base = {"年": 2.0, "天": 10.0, "%": 5.0, "个": 5.0, "小时": 100.0, "美元": 200.0}.get(
            ind["unit"], 50.0
        )
        for code in CITIES:
            city = rng.uniform(0.7, 1.3)
            for i, quarter in enumerate(QUARTERS):
                value = base * city * (1 - 0.02 * i) * rng.uniform(0.9, 1.1)
                out.append((quarter, code, ind["name"], round(value, 2)))
    return out


def csv_bytes(rows) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["period", "region_code", "indicator", "value"])
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def xlsx_bytes(rows) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("数据")
    ws.append(["period", "region_code", "indicator", "value"])
    for r in rows:
        ws.append(list(r))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--repeat", type=int, default=300, help="list calls per measurement")
    args = p.parse_args()

    from library.accounts import users
    from library.accounts.audit import Actor
    from library.config import Settings
    from library.context import Library
    from library.monitoring import indicators, values, warnings

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        lib = Library(Settings({"home": str(home), "ingest_workers": 1}, env={}))
        lib.init(ensure_index=False)
        for i, code in enumerate(CITIES):
            users.create_user(
                lib, f"coord{i}", "bench-password", "coordinator", unit=f"营商办{i}", region=code
            )
        chosen = [i for g in indicators.indicator_tree(lib, Actor.cli()) for i in g.indicators][:20]
        first = rows_for(chosen, seed=9)
        for n, ind in enumerate(chosen):
            rule = dict(RULES[n % 3])
            if "warning_line" in rule:
                mine = [v for _, _, name, v in first if name == ind["name"]]
                rule["warning_line"] = round(sorted(mine)[int(len(mine) * 0.8)], 2)
            indicators.set_indicator(lib, ind["name"], rule)

        data_csv, data_xlsx = csv_bytes(first), xlsx_bytes(first)
        changed = csv_bytes(rows_for(chosen, seed=10))
        print(
            f"rows: {len(first)} ({len(CITIES)} cities × {len(chosen)} indicators × "
            f"{len(QUARTERS)} quarters); .csv {len(data_csv):,} bytes, .xlsx {len(data_xlsx):,} bytes"
        )
        timings = []
        for label, name, data in (
            ("import .csv (new values)", "values.csv", data_csv),
            ("import .xlsx (same values)", "values.xlsx", data_xlsx),
            ("import .csv (every value changed)", "values.csv", changed),
        ):
            t = time.perf_counter()
            report = values.import_file(lib, name, data)
            elapsed = time.perf_counter() - t
            timings.append(elapsed)
            print(
                f"{label}: {elapsed:.2f} s  (added {report.added}, changed {report.changed}, "
                f"unchanged {report.unchanged}; warnings raised {report.warnings_raised}, "
                f"resolved {report.warnings_resolved}, withdrawn {report.warnings_withdrawn}; "
                f"notifications {report.notified})"
            )

        actor = Actor.cli()
        province = {"region": "330000"}
        n = len(warnings.list_warnings(lib, actor, province)["warnings"])
        uncached, cached = [], []
        for _ in range(args.repeat):
            warnings._LISTS.clear()  # read and build every item, as after a change
            t = time.perf_counter()
            warnings.list_warnings(lib, actor, province)
            uncached.append((time.perf_counter() - t) * 1000)
        for _ in range(args.repeat):
            t = time.perf_counter()
            warnings.list_warnings(lib, actor, province)
            cached.append((time.perf_counter() - t) * 1000)
        lib.close()

        from web import create_app

        app = create_app({"CASELIB": {"home": str(home), "ingest_workers": 1}, "CASELIB_ENV": {}})
        client = app.test_client()
        users.create_user(
            app.extensions["caselib"], "bench", "bench-password", "reviewer", region="330000"
        )
        token = client.post(
            "/api/v1/token", json={"username": "bench", "password": "bench-password"}
        ).get_json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        for _ in range(5):
            client.get("/api/v1/warnings?region=330000", headers=headers)
        http = []
        size = 0
        for _ in range(args.repeat):
            t = time.perf_counter()
            resp = client.get("/api/v1/warnings?region=330000", headers=headers)
            http.append((time.perf_counter() - t) * 1000)
            size = len(resp.data)
            assert resp.status_code == 200
        app.extensions["caselib"].close()

    print(f"warning list of the province: {n} warnings, {args.repeat} calls each")
    for label, ms in (
        ("service, read and built (cache cleared before each call)", uncached),
        ("service, repeated (the list kept for its data version)", cached),
    ):
        print(
            f"  {label}: p50 {percentile(ms, 50):.1f} ms, p95 {percentile(ms, 95):.1f} ms, "
            f"max {max(ms):.1f} ms"
        )
    print(
        f"  GET /api/v1/warnings ({size:,} bytes of JSON): p50 {percentile(http, 50):.1f} ms, "
        f"p95 {percentile(http, 95):.1f} ms, max {max(http):.1f} ms"
    )
    ok = max(timings) < 2.0 and percentile(http, 95) < 100 and percentile(uncached, 95) < 100
    print("targets (import < 2 s, list p95 < 100 ms):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
