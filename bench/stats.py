"""Assessment statistics on a library of 10,000 cases: how long the statistics (the API's
answer, every figure with scores and ranks) and the .xlsx export take, the first request
after a change ("cold": the cases are read again) and the next ones.

    python bench/stats.py [--cases 10000] [--repeat 20] [--keep]

The library is made by inserting rows in bulk (no documents: the figures never read
them), spread like a real one: every county and city of 浙江 with its units, all six
states, three types, 2019–2026, borrowing (across regions and within), reviews, calls
with on-time, late and missing answers, returns with their history. Targets: statistics
< 200 ms, export < 3 s.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics as st
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._common import percentile  # noqa: E402

STATUS_SPREAD = [
    ("published", 70),
    ("approved", 8),
    ("submitted", 7),
    ("returned", 6),
    ("draft", 5),
    ("withdrawn", 4),
]
TYPE_SPREAD = [("original", 50), ("innovation_borrowed", 35), ("rectification_borrowed", 15)]


def _pick(rng: random.Random, spread):
    return rng.choices([k for k, _ in spread], weights=[w for _, w in spread])[0]


def build(home: Path, n_cases: int, seed: int = 2021) -> dict[str, int]:
    from sqlalchemy import insert

    from library.config import Settings
    from library.context import Library
    from library.models import Call, CallTarget, Case, CaseHistory, Review, Unit, User
    from library.vocab.regions import region_children

    rng = random.Random(seed)
    lib = Library(Settings({"home": str(home), "ingest_workers": 1}, env={}))
    lib.init(ensure_index=False)
    cities = [c for c in region_children("330000")]
    counties = [k for c in cities for k in region_children(c.code) if k.code != c.code]
    with lib.db.transaction() as s:
        unit_rows = []
        for k in counties:
            unit_rows.append({"name": f"{k.name}人民政府", "region_code": k.code, "active": True})
        for c in cities:
            for dept in ("市场监管局", "发展改革委", "大数据局", "行政服务中心", "税务局"):
                unit_rows.append({"name": f"{c.name}{dept}", "region_code": c.code, "active": True})
        s.execute(insert(Unit), unit_rows)
        units = [(u.id, u.region_code) for u in s.query(Unit.id, Unit.region_code)]
        s.execute(
            insert(User),
            [
                {
                    "username": f"bench_reviewer{i}",
                    "display_name": f"点评人{i}",
                    "password_hash": "x",
                    "role": "reviewer",
                    "region_code": "330000",
                    "active": True,
                    "failed_logins": 0,
                    "created_at": datetime(2019, 1, 1),
                }
                for i in range(40)
            ],
        )
        reviewer_ids = [u.id for u in s.query(User.id).filter(User.role == "reviewer")]
        # Two calls a year, each to 60 units, deadline 13 December / 30 June.
        calls = []
        for year in range(2019, 2027):
            for month, day in ((6, 30), (12, 13)):
                calls.append(
                    {
                        "title": f"关于报送{year}年度营商环境改革创新案例的通知（{month}月）",
                        "notice": "",
                        "deadline": datetime(year, month, day, 7, 0),
                        "region_code": "330000",
                        "created_at": datetime(year, month, 1),
                    }
                )
        s.execute(insert(Call), calls)
        call_rows = list(s.query(Call.id, Call.deadline))
        targets = []
        targets_of: dict[int, list[int]] = {}
        for cid, _ in call_rows:
            chosen = rng.sample([u for u, _ in units], 60)
            targets_of[cid] = chosen
            targets += [{"call_id": cid, "unit_id": u} for u in chosen]
        s.execute(insert(CallTarget), targets)

        cases, history, reviews = [], [], []
        published_ids: list[tuple[int, str]] = []
        hid = 0
        start = date(2019, 1, 1)
        span = (date(2026, 11, 30) - start).days
        for i in range(1, n_cases + 1):
            unit_id, region = rng.choice(units)
            status = _pick(rng, STATUS_SPREAD)
            ctype = _pick(rng, TYPE_SPREAD)
            day = start + timedelta(days=int(span * (i / n_cases) ** 0.8))
            created = datetime.combine(day, datetime.min.time()) + timedelta(hours=1)
            call_id = None
            workflow = status != "published" or rng.random() < 0.6
            if workflow and rng.random() < 0.7:
                near = [c for c in call_rows if c[1].date() >= day]
                if near:
                    call_id = near[0][0]
                    if unit_id not in targets_of[call_id] and rng.random() < 0.8:
                        unit_id = rng.choice(targets_of[call_id])
                        region = next(r for u, r in units if u == unit_id)
            borrowed = None
            if ctype != "original" and published_ids:
                borrowed = rng.choice(published_ids[-2000:])[0]
            late = bool(call_id and rng.random() < 0.12)
            case = {
                "id": i,
                "case_no": f"YS{day.year}-B{i:05d}",
                "name": f"基准案例{i}",
                "summary": "",
                "case_type": ctype,
                "borrowed_from_id": borrowed,
                "region_code": region,
                "unit_id": unit_id,
                "unit_name": None,
                "published_at": day if status == "published" else None,
                "status": status,
                "source": "form" if workflow else "ingest",
                "created_at": created,
                "updated_at": created,
                "rating_count": 0,
                "call_id": call_id,
                "late": late,
                "submitted_at": created + timedelta(days=1) if status != "draft" else None,
            }
            steps: list[tuple[str, str | None, str]] = []
            if not workflow:
                steps = [("create", None, "published")]
            else:
                steps = [("create", None, "draft")]
                if status != "draft":
                    steps.append(("submit", "draft", "submitted"))
                if status == "withdrawn":
                    steps.append(("withdraw", "submitted", "withdrawn"))
                if status == "returned" or (
                    status in ("approved", "published") and rng.random() < 0.15
                ):
                    steps += [("return", "submitted", "returned")]
                    if status != "returned":
                        steps.append(("submit", "returned", "submitted"))
                if status in ("approved", "published"):
                    steps.append(("approve", "submitted", "approved"))
                if status == "published":
                    steps.append(("publish", "approved", "published"))
            at = created - timedelta(days=len(steps))
            for action, frm, to in steps:
                hid += 1
                at += timedelta(hours=rng.randint(2, 30))
                history.append(
                    {
                        "id": hid,
                        "case_id": i,
                        "at": at,
                        "actor": "bench",
                        "action": action,
                        "from_status": frm,
                        "to_status": to,
                        "reason": "请补充成效数据" if action == "return" else None,
                    }
                )
            if status == "published":
                published_ids.append((i, region))
                if rng.random() < 0.35:
                    for uid in rng.sample(reviewer_ids, rng.randint(1, 4)):
                        reviews.append(
                            {
                                "case_id": i,
                                "user_id": uid,
                                "recommend": True,
                                "rating": rng.randint(2, 5),
                                "created_at": created,
                                "updated_at": created,
                            }
                        )
            cases.append(case)
        for chunk in range(0, len(cases), 2000):
            s.execute(insert(Case), cases[chunk : chunk + 2000])
        for chunk in range(0, len(history), 5000):
            s.execute(insert(CaseHistory), history[chunk : chunk + 5000])
        for chunk in range(0, len(reviews), 5000):
            s.execute(insert(Review), reviews[chunk : chunk + 5000])
    lib.close()
    return {
        "cases": len(cases),
        "history": len(history),
        "reviews": len(reviews),
        "units": len(units),
        "calls": len(call_rows),
        "published": len(published_ids),
        "borrowing": sum(1 for c in cases if c["borrowed_from_id"]),
    }


CPU: list[float] = []  # CPU ms of the last _time() run (this process: SQLite runs in it)


def _time(fn, repeat: int) -> tuple[list[float], object]:
    """Wall-clock ms of each call (and, in CPU, the CPU ms: the machine may be shared)."""
    out = []
    CPU.clear()
    result = None
    for _ in range(repeat):
        c, t = time.process_time(), time.perf_counter()
        result = fn()
        out.append((time.perf_counter() - t) * 1000)
        CPU.append((time.process_time() - c) * 1000)
    return out, result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cases", type=int, default=10_000)
    p.add_argument("--repeat", type=int, default=20)
    p.add_argument(
        "--keep", action="store_true", help="keep the library in bench/out/stats-library"
    )
    args = p.parse_args(argv)

    from library.accounts.audit import Actor
    from library.config import Settings
    from library.context import Library
    from library.stats import export
    from library.stats.figures import clear_cache, figure_items, statistics
    from web import create_app

    base = ROOT / "bench" / "out" if args.keep else Path(tempfile.mkdtemp(prefix="caselib-stats-"))
    home = base / "stats-library"
    if home.exists():
        shutil.rmtree(home)
    home.parent.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    sizes = build(home, args.cases)
    print(
        f"library: {sizes['cases']:,} cases ({sizes['published']:,} published, "
        f"{sizes['borrowing']:,} borrowing), {sizes['history']:,} history rows, "
        f"{sizes['reviews']:,} reviews, {sizes['units']} units, {sizes['calls']} calls "
        f"(built in {time.perf_counter() - t:.1f} s)"
    )
    lib = Library(Settings({"home": str(home), "ingest_workers": 1}, env={}))
    admin = Actor.cli()
    ok = True
    print(f"\nload average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"\nstatistics, each {args.repeat} times (ms, wall clock):")
    for label, params, cold in (
        ("by region, 2024, cold", {"year": 2024}, True),
        ("by region, all time, cold", {}, True),
        ("by region, 2024", {"year": 2024}, False),
        ("by region, all time", {}, False),
        ("by unit, 2024", {"year": 2024, "by": "unit"}, False),
        ("by year, 2019-2026", {"by": "year", "from": "2019-01-01", "to": "2026-12-31"}, False),
        ("by call, 台州市 2024", {"by": "call", "year": 2024, "region": "331000"}, False),
        (
            "list behind 入库 of a city, 2024",
            {"year": 2024, "figure": "published", "key": "331000"},
            False,
        ),
    ):
        call = figure_items if "figure" in params else statistics

        def fn(p=params, call=call, cold=cold):
            if cold:
                clear_cache()
            return call(lib, p, admin)

        times, _ = _time(fn, args.repeat)
        p50, p95 = st.median(times), percentile(times, 95)
        ok &= p95 < 200
        print(
            f"  {label:<34} p50 {p50:6.1f}   p95 {p95:6.1f}   max {max(times):6.1f}"
            f"   CPU p50 {st.median(CPU):6.1f}"
        )
    print("  (cold: the first request after any change, which reads the cases again)")

    app = create_app({"CASELIB": {"home": str(home), "ingest_workers": 1}, "CASELIB_ENV": {}})
    client = app.test_client()
    token = client.post(
        "/api/v1/token", json={"username": "bench_admin", "password": "bench-password"}
    )
    if token.status_code != 200:
        from library.accounts import users

        users.create_user(app.extensions["caselib"], "bench_admin", "bench-password", "admin")
        token = client.post(
            "/api/v1/token", json={"username": "bench_admin", "password": "bench-password"}
        )
    headers = {"Authorization": "Bearer " + token.get_json()["token"]}
    times, resp = _time(lambda: client.get("/api/v1/stats?year=2024", headers=headers), args.repeat)
    assert resp.status_code == 200, resp.get_json()
    p50, p95 = st.median(times), percentile(times, 95)
    ok &= p95 < 200
    print(
        f"  {'GET /api/v1/stats?year=2024':<34} p50 {p50:6.1f}   p95 {p95:6.1f}   max {max(times):6.1f}"
        f"   CPU p50 {st.median(CPU):6.1f}   ({len(resp.data):,} bytes)"
    )

    print("\nexport (s):")
    for label, params in (("2024, .xlsx", {"year": 2024}), ("all time, .xlsx", {})):
        times, data = _time(lambda p=params: export.workbook(lib, p, admin), 3)
        worst = max(times) / 1000
        ok &= worst < 3
        print(
            f"  {label:<34} best {min(times) / 1000:5.2f}   worst {worst:5.2f}"
            f"   CPU best {min(CPU) / 1000:5.2f}   ({len(data):,} bytes)"
        )
    times, resp = _time(lambda: client.get("/api/v1/stats.xlsx", headers=headers), 3)
    assert resp.status_code == 200
    worst = max(times) / 1000
    ok &= worst < 3
    print(
        f"  {'GET /api/v1/stats.xlsx (all time)':<34} best {min(times) / 1000:5.2f}   worst {worst:5.2f}"
        f"   CPU best {min(CPU) / 1000:5.2f}   ({len(resp.data):,} bytes)"
    )
    times, data = _time(lambda: export.csv_bytes(lib, {"by": "unit"}, admin), 3)
    print(f"  {'by unit, .csv':<34} best {min(times) / 1000:5.2f}   ({len(data):,} bytes)")
    app.extensions["caselib"].close()
    lib.close()
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    print(
        "\ntargets (statistics p95 < 200 ms, export < 3 s, wall clock):",
        "met" if ok else f"NOT met (load average {os.getloadavg()[0]:.2f}: see the CPU times)",
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
