"""The demo's workflow: an open collection call of 台州市营商办 to the seed's counties and
city departments (deadline twelve days ahead, 15:00 Beijing time, the 申报表 attached), a
closed call of 2021 answered by the demo's published cases of 台州, and cases of the open
call in every state — published, approved, submitted, returned with a reason, a draft and
a withdrawn one — moved there by their own units' accounts. Idempotent."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from importlib import resources
from typing import Any

from sqlalchemy import select, update

from ..accounts.audit import Actor
from ..accounts.models import Unit
from ..cases.models import Case
from ..cases.submit import Upload, check_submission, existing_document, store
from ..cases.template import render_template
from ..context import Library
from ..storage.base import utcnow
from ..vocab.regions import within
from ..workflow import calls
from ..workflow.models import Call
from ..workflow.transitions import transition
from .accounts import APPROVED_BY, CITY_UNITS, COUNTY_UNITS
from .render import form_values, render_case

OPEN_CALL = "关于报送营商环境改革创新案例的通知"
CLOSED_CALL = "关于报送2021年度营商环境改革创新案例的通知"
NOTICE = (
    "各县（市、区）人民政府、台州湾新区管委会、市级各有关单位：\n"
    "根据省营商办要求，为在全省范围内形成营商环境改革创新案例库，并开展定期宣传推广，现向各地"
    "各部门征集营商环境方面的改革创新案例和整改优秀案例。案例分两种：一是本地“首创”的改革案例；"
    "二是借鉴案例库案例方式改革。请于截止时间前经分管领导审阅后在系统中报送，由市营商办统一汇总"
    "整理后发布入库。各地各部门创新案例入库情况将是年度考核的重要指标和得分项。"
)
# The steps each state takes from a draft, and whose account takes each.
STEPS = {
    "draft": [],
    "submitted": [("submit", "unit")],
    "approved": [("submit", "unit"), ("approve", "approver")],
    "published": [("submit", "unit"), ("approve", "approver"), ("publish", "coordinator")],
    "returned": [("submit", "unit"), ("return", "approver")],
    "withdrawn": [("submit", "unit"), ("withdraw", "unit")],
}


def load_workflow_cases() -> list[dict[str, Any]]:
    text = resources.files("library.demo").joinpath("workflow.json").read_text(encoding="utf-8")
    return json.loads(text)


def _actor(lib: Library, username: str) -> Actor:
    from ..accounts.users import find_user

    with lib.db.session() as session:
        user = find_user(session, username)
        if user is None:
            raise LookupError(f"demo account {username} is missing (load the accounts first)")
        return Actor.of(user)


def _logins() -> dict[str, tuple[str, str | None]]:
    """unit name -> (its submitter's login, its approver's login or None)."""
    out = {}
    for unit, _, login in COUNTY_UNITS + CITY_UNITS:
        approver = (
            "shenhe" if login == "tianbao" else f"{login}_ld" if login in APPROVED_BY else None
        )
        out[unit] = (login, approver)
    return out


def _deadline(days: int) -> str:
    day = (utcnow() + timedelta(hours=8) + timedelta(days=days)).date()
    return f"{day.isoformat()}T15:00"


def load_workflow(lib: Library) -> dict[str, int]:
    """Returns what was added: {"calls": N, "cases": N}."""
    coordinator = _actor(lib, "yingshangban")
    with lib.db.session() as session:
        titles = set(session.scalars(select(Call.title)))
        unit_ids = [
            u.id
            for u in session.scalars(select(Unit))
            if u.name in {n for n, _, _ in COUNTY_UNITS + CITY_UNITS}
        ]
    added = {"calls": 0, "cases": 0}
    if CLOSED_CALL not in titles:
        closed = calls.create_call(
            lib,
            {
                "title": CLOSED_CALL,
                "notice": NOTICE,
                "deadline": _deadline(1),
                "target_unit_ids": unit_ids,
            },
            coordinator,
        )
        _close_in_2021(lib, closed["id"])
        added["calls"] += 1
    if OPEN_CALL not in titles:
        call = calls.create_call(
            lib,
            {
                "title": OPEN_CALL,
                "notice": NOTICE,
                "deadline": _deadline(12),
                "target_unit_ids": unit_ids,
            },
            coordinator,
            [Upload("附件1 营商环境改革创新案例申报表.docx", render_template())],
        )
        open_id = call["id"]
        added["calls"] += 1
    else:
        with lib.db.session() as session:
            open_id = session.scalar(select(Call.id).where(Call.title == OPEN_CALL))
    logins = _logins()
    for case in load_workflow_cases():
        data = render_case(case)
        if existing_document(lib, Upload(case["file_name"], data).sha256) is not None:
            continue
        submitter, approver = logins[case["unit"]]
        unit_actor = _actor(lib, submitter)
        form = form_values(
            {k: v for k, v in case.items() if k not in ("unit_name", "state", "reason")}
        )
        form["unit"] = case["unit"]
        if case.get("borrowed_from_key"):
            form["borrowed_from"] = _case_no_of_demo_key(lib, case["borrowed_from_key"])
        with lib.db.session() as session:
            draft = check_submission(
                lib, session, form, Upload(case["file_name"], data), unit_actor
            )

        def answer(session, stored, call_id=open_id):
            stored.call_id = call_id

        case_no = store(lib, draft, unit_actor, hook=answer)
        for action, who in STEPS[case["state"]]:
            actor = {
                "unit": unit_actor,
                "approver": _actor(lib, approver) if approver else coordinator,
                "coordinator": coordinator,
            }[who]
            # The approver has read the document: names the PDF renderer left in its
            # header block (the unit's name) are confirmed, as an approver would.
            transition(lib, case_no, action, actor, reason=case.get("reason"), confirm_names=True)
        added["cases"] += 1
    return added


def _case_no_of_demo_key(lib: Library, key: str) -> str:
    from .render import load_demo_cases

    name = next(c["name"] for c in load_demo_cases() if c["key"] == key)
    with lib.db.session() as session:
        return session.scalar(select(Case.case_no).where(Case.name == name).order_by(Case.id))


def _close_in_2021(lib: Library, call_id: int) -> None:
    """The 2021 call, as it happened: deadline 12月13日 15:00, closed; the demo's published
    cases of 台州 answered it, on time, from their counties' units."""
    deadline = datetime(2021, 12, 13, 7, 0)  # 15:00 Beijing time
    with lib.db.transaction() as session:
        session.execute(
            update(Call)
            .where(Call.id == call_id)
            .values(
                deadline=deadline,
                created_at=datetime(2021, 12, 7, 1, 0),
                closed_at=datetime(2021, 12, 20, 1, 0),
            )
        )
        units = list(session.scalars(select(Unit)))
        for case in session.scalars(select(Case).where(Case.status == "published")):
            if not case.region_code or not within(case.region_code, "331000"):
                continue
            unit = next(
                (
                    u
                    for u in units
                    if u.region_code == case.region_code and u.name.endswith("人民政府")
                ),
                None,
            )
            case.call_id = call_id
            case.unit_id = unit.id if unit else case.unit_id
            case.submitted_at = datetime(2021, 12, 10, 2, 0)
            case.late = False
