"""A library with known cases in known states, for checking every figure and score by hand.

Built once per session (the workflow's own services move the workflow cases; the dates of
what happened are then set to 2024, as the demo does for its 2021 call) and copied for
each test. What it holds (Beijing dates; ``→`` borrowed from):

===  ==========  ======================  ==========  ====================================
 id  region      type                    published   notes
===  ==========  ======================  ==========  ====================================
 A   331002 椒江  original                2024-03-10  unit 椒江区人民政府; reviews 5, 4
 B   331002 椒江  original                2024-06-01  unit 椒江区人民政府; review 3
 C   331003 黄岩  innovation_borrowed → A 2024-07-15  unit name 区市场监督管理局; review 5
 D   330212 鄞州  rectification → A       2024-09-01
 E   331002 椒江  innovation_borrowed → B 2024-10-01  unit 椒江区人民政府 (same region as B)
 F   330102 杭州  original                2023-05-05  review 2
 G   330212 鄞州  innovation_borrowed → F 2024-02-02
 H   331000 台州  original                2024-12-31  unit name 市发展改革委 (本级)
 I   331002 椒江  original                2025-01-01
===  ==========  ======================  ==========  ====================================

The call (台州市营商办, deadline 2024-11-04 15:00) targets 椒江区人民政府, 黄岩区人民政府 and
市市场监管局 (331000):

* W1 椒江: submitted 2024-11-01 (on time), approved 11-02, published 11-03 (original)
* W2 黄岩: submitted 11-05 (late), returned 11-06, resubmitted 11-07, approved 11-08
* W3 椒江: a draft; W4 椒江: submitted 2024-01-01 01:00 Beijing (2023-12-31 17:00 UTC),
  withdrawn 2024-01-02 (neither answers the call)
* 市市场监管局 sends nothing.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from tests.conftest import SAMPLE_TEXT, TEST_PASSWORD_HASH, docx_bytes, valid_form
from tests.workflow.conftest import PASSWORD, PEOPLE

UTC8 = timedelta(hours=8)


def _bj(y, m, d, hh=10, mm=0) -> datetime:
    """A Beijing time as the naive UTC the database stores."""
    return datetime(y, m, d, hh, mm) - UTC8


def build_known(home: Path, database_url: str = "") -> dict[str, str]:
    from library.accounts import units, users
    from library.accounts.audit import Actor
    from library.accounts.users import find_user
    from library.cases.reviews import save_review
    from library.cases.submit import Upload, create_case
    from library.config import Settings
    from library.context import Library
    from library.models import Call, Case, CaseHistory, Unit
    from library.storage.base import utcnow
    from library.workflow import calls, contribute
    from library.workflow.transitions import transition

    lib = Library(
        Settings(
            {
                "home": str(home),
                "ingest_workers": 1,
                "database_url": database_url,
                "password_hash": TEST_PASSWORD_HASH,
            },
            env={},
        )
    )
    lib.init()
    for name, (role, unit, region) in PEOPLE.items():
        users.create_user(lib, name, PASSWORD, role, unit=unit, region=region)
    units.add_unit(lib, "市市场监管局", "331000")

    def actor(username: str) -> Actor:
        with lib.db.session() as s:
            return Actor.of(find_user(s, username))

    def unit_id(name: str) -> int:
        with lib.db.session() as s:
            return s.scalar(select(Unit.id).where(Unit.name == name))

    counter = {"n": 0}

    def upload() -> Upload:
        counter["n"] += 1
        n = counter["n"]
        return Upload(
            f"统计{n}.docx", docx_bytes(SAMPLE_TEXT + [f"统计测试第{n}号，{n * 104729}。"])
        )

    no: dict[str, str] = {}

    def direct(key, region, ctype, published, borrowed=None, unit="区市场监督管理局"):
        form = valid_form(
            name=f"统计案例{key}",
            region_code=region,
            case_type=ctype,
            published_at=published,
            unit=unit,
            borrowed_from=no[borrowed] if borrowed else None,
        )
        case = create_case(
            lib, form, upload(), Actor.cli(), confirm_near_duplicate=True, status="published"
        )
        no[key] = case.case_no

    direct("A", "331002", "original", "2024-03-10", unit="椒江区人民政府")
    direct("B", "331002", "original", "2024-06-01", unit="椒江区人民政府")
    direct("C", "331003", "innovation_borrowed", "2024-07-15", "A")
    direct("D", "330212", "rectification_borrowed", "2024-09-01", "A")
    direct("E", "331002", "innovation_borrowed", "2024-10-01", "B", unit="椒江区人民政府")
    direct("F", "330102", "original", "2023-05-05")
    direct("G", "330212", "innovation_borrowed", "2024-02-02", "F")
    direct("H", "331000", "original", "2024-12-31", unit="市发展改革委")
    direct("I", "331002", "original", "2025-01-01", unit="椒江区人民政府")
    jj = unit_id("椒江区人民政府")
    with lib.db.transaction() as s:
        s.execute(update(Case).where(Case.case_no.in_([no[k] for k in "ABEI"])).values(unit_id=jj))
    for key, who, rating in (
        ("A", "reviewer", 5),
        ("A", "admin", 4),
        ("B", "reviewer", 3),
        ("C", "reviewer", 5),
        ("F", "reviewer", 2),
    ):
        save_review(lib, no[key], {"recommend": True, "rating": rating}, actor(who))

    deadline = (utcnow() + timedelta(days=10) + UTC8).isoformat(timespec="minutes")
    call = calls.create_call(
        lib,
        {
            "title": "关于报送2024年度营商环境改革创新案例的通知",
            "notice": "请经分管领导审阅后报送。",
            "deadline": deadline,
            "target_unit_ids": [
                unit_id(n) for n in ("椒江区人民政府", "黄岩区人民政府", "市市场监管局")
            ],
        },
        actor("coord_tz"),
    )

    def workflow_case(key, username, region, *, call_id=None, action="save"):
        case = contribute.create(
            lib,
            valid_form(name=f"统计案例{key}", region_code=region, published_at=None),
            upload(),
            actor(username),
            action=action,
            call_id=call_id,
            confirm_near_duplicate=True,
        )
        no[key] = case.case_no

    workflow_case("W1", "sub_jj", "331002", call_id=call["id"], action="submit")
    transition(lib, no["W1"], "approve", actor("appr_jj"))
    transition(lib, no["W1"], "publish", actor("coord_tz"))
    # The deadline passes: 黄岩's answer is late (marked by the workflow itself).
    with lib.db.transaction() as s:
        s.execute(
            update(Call).where(Call.id == call["id"]).values(deadline=utcnow() - timedelta(hours=1))
        )
    workflow_case("W2", "sub_hy", "331003", call_id=call["id"], action="submit")
    transition(lib, no["W2"], "return", actor("appr_hy"), reason="请补充成效数据")
    transition(lib, no["W2"], "submit", actor("sub_hy"))
    transition(lib, no["W2"], "approve", actor("appr_hy"))
    workflow_case("W3", "sub_jj", "331002")
    workflow_case("W4", "sub_jj", "331002", action="submit")
    transition(lib, no["W4"], "withdraw", actor("sub_jj"))

    # When it all happened.
    times = {
        "W1": [_bj(2024, 10, 30), _bj(2024, 11, 1), _bj(2024, 11, 2), _bj(2024, 11, 3)],
        "W2": [
            _bj(2024, 10, 30),
            _bj(2024, 11, 5),
            _bj(2024, 11, 6),
            _bj(2024, 11, 7),
            _bj(2024, 11, 8),
        ],
        "W3": [_bj(2024, 10, 30)],
        "W4": [_bj(2023, 12, 30), _bj(2024, 1, 1, 1, 0), _bj(2024, 1, 2)],
    }
    with lib.db.transaction() as s:
        for key, ats in times.items():
            case = s.scalar(select(Case).where(Case.case_no == no[key]))
            rows = list(
                s.scalars(
                    select(CaseHistory)
                    .where(CaseHistory.case_id == case.id)
                    .order_by(CaseHistory.id)
                )
            )
            assert len(rows) == len(ats), (key, [r.to_status for r in rows])
            for row, at in zip(rows, ats, strict=True):
                row.at = at
            case.created_at = ats[0]
            if key == "W1":
                case.published_at = date(2024, 11, 3)
        s.execute(
            update(Call)
            .where(Call.id == call["id"])
            .values(deadline=_bj(2024, 11, 4, 15, 0), created_at=_bj(2024, 10, 20))
        )
    no["call"] = str(call["id"])
    lib.close()
    return no


@pytest.fixture(scope="session")
def known_home(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    home = tmp_path_factory.mktemp("known") / "home"
    return home, build_known(home)


@pytest.fixture
def known(known_home, tmp_path):
    """(library, case numbers by key) on a fresh copy of the known library."""
    from library.config import Settings
    from library.context import Library

    src, numbers = known_home
    dest = tmp_path / "home"
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("*.lock"))
    lib = Library(
        Settings(
            {"home": str(dest), "ingest_workers": 1, "password_hash": TEST_PASSWORD_HASH}, env={}
        )
    )
    lib.init()
    yield lib, numbers
    lib.close()


@pytest.fixture
def as_user(known):
    from library.accounts.audit import Actor
    from library.accounts.users import find_user

    lib, _ = known

    def make(username: str) -> Actor:
        with lib.db.session() as s:
            return Actor.of(find_user(s, username))

    return make
