"""我的案例 and 待办: each role's own cases (every state, with their history) and what waits
for it — calls to answer, returned cases to fix, cases to approve, approved cases to
publish."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from ..accounts.audit import Actor
from ..cases.models import STATUS_TITLES, Case, CaseHistory
from ..errors import Unauthorized
from ..permissions import can, can_view_case
from ..storage.base import utcnow
from .calls import SUBMITTED_STATES, _scope, beijing_text, can_view
from .models import Call
from .states import ACTION_TITLES, available

if TYPE_CHECKING:
    from ..context import Library


def _case_item(case: Case, actor: Actor, history: list[CaseHistory]) -> dict[str, Any]:
    last_return = next((h for h in reversed(history) if h.action == "return"), None)
    return {
        "case_no": case.case_no,
        "name": case.name,
        "status": case.status,
        "status_title": STATUS_TITLES.get(case.status, case.status),
        "unit": case.unit_name,
        "call_id": case.call_id,
        "late": bool(case.late),
        "updated_at": case.updated_at.isoformat(timespec="seconds") + "Z",
        "return_reason": last_return.reason if last_return and case.status == "returned" else None,
        "actions": available(actor, case),
        "history": [
            {
                "at": h.at.isoformat(timespec="seconds") + "Z",
                "by": h.actor,
                "action": h.action,
                "action_title": ACTION_TITLES.get(h.action, h.action),
                "from": h.from_status,
                "to": h.to_status,
                "reason": h.reason,
            }
            for h in history
        ],
    }


def _histories(session, cases: list[Case]) -> dict[int, list[CaseHistory]]:
    out: dict[int, list[CaseHistory]] = {c.id: [] for c in cases}
    if cases:
        for h in session.scalars(
            select(CaseHistory).where(CaseHistory.case_id.in_(list(out))).order_by(CaseHistory.id)
        ):
            out[h.case_id].append(h)
    return out


def my_cases(lib: Library, actor: Actor, *, status: str | None = None) -> list[dict[str, Any]]:
    """The cases of the actor's unit and the cases the actor made, in every state the
    actor may see, newest change first."""
    if actor is None or actor.user_id is None:
        raise Unauthorized()
    with lib.db.session() as session:
        mine = or_(Case.created_by_id == actor.user_id)
        if actor.unit_id is not None:
            mine = or_(mine, Case.unit_id == actor.unit_id)
        stmt = select(Case).where(mine).options(selectinload(Case.documents))
        if status:
            stmt = stmt.where(Case.status == status)
        cases = [
            c
            for c in session.scalars(stmt.order_by(Case.updated_at.desc()).limit(500))
            if can_view_case(actor, c)
        ]
        hist = _histories(session, cases)
        return [_case_item(c, actor, hist[c.id]) for c in cases]


@dataclass
class Todo:
    kind: str  # answer_call | fix_returned | finish_draft | approve | publish | follow_call
    title: str
    link: str
    detail: str = ""
    due: str | None = None
    overdue: bool = False
    case_no: str | None = None
    call_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


TODO_TITLES = {
    "answer_call": "待报送",
    "fix_returned": "待修改",
    "finish_draft": "待提交",
    "approve": "待审核",
    "publish": "待发布",
    "follow_call": "征集进度",
}


def todo(lib: Library, actor: Actor) -> list[Todo]:
    """What waits for the actor, most urgent first."""
    if actor is None or actor.user_id is None:
        raise Unauthorized()
    now = utcnow()
    items: list[Todo] = []
    with lib.db.session() as session:
        calls = list(
            session.scalars(
                select(Call)
                .where(Call.closed_at.is_(None))
                .options(selectinload(Call.targets))
                .order_by(Call.deadline)
            )
        )
        for call in calls:
            if not can_view(actor, call):
                continue
            targets = {t.unit_id for t in call.targets}
            if actor.unit_id in targets and actor.role in ("submitter", "coordinator"):
                sent = session.scalar(
                    select(Case.id)
                    .where(
                        Case.call_id == call.id,
                        Case.unit_id == actor.unit_id,
                        Case.status.in_(SUBMITTED_STATES),
                    )
                    .limit(1)
                )
                if sent is None:
                    items.append(
                        Todo(
                            "answer_call",
                            call.title,
                            f"/calls/{call.id}",
                            "本单位尚未报送",
                            beijing_text(call.deadline),
                            now > call.deadline,
                            call_id=call.id,
                        )
                    )
            if can(actor, "call.manage", _scope(call)) and call.deadline > now:
                items.append(
                    Todo(
                        "follow_call",
                        call.title,
                        f"/calls/{call.id}",
                        f"{len(targets)} 个目标单位",
                        beijing_text(call.deadline),
                        call_id=call.id,
                    )
                )
        stmt = select(Case).options(selectinload(Case.documents))
        if actor.role in ("submitter", "coordinator") and actor.unit_id is not None:
            own = session.scalars(
                stmt.where(
                    or_(Case.unit_id == actor.unit_id, Case.created_by_id == actor.user_id),
                    Case.status.in_(("returned", "draft")),
                ).order_by(Case.updated_at.desc())
            )
            for c in own:
                if not can_view_case(actor, c):
                    continue
                reason = None
                if c.status == "returned":
                    last = session.scalar(
                        select(CaseHistory.reason)
                        .where(CaseHistory.case_id == c.id, CaseHistory.action == "return")
                        .order_by(CaseHistory.id.desc())
                        .limit(1)
                    )
                    reason = f"退回理由：{last}" if last else ""
                items.append(
                    Todo(
                        "fix_returned" if c.status == "returned" else "finish_draft",
                        f"{c.case_no}《{c.name}》",
                        f"/cases/{c.case_no}",
                        reason or "草稿尚未提交审核",
                        case_no=c.case_no,
                        call_id=c.call_id,
                    )
                )
        for status, kind, action in (
            ("submitted", "approve", "approve"),
            ("approved", "publish", "publish"),
        ):
            for c in session.scalars(stmt.where(Case.status == status).order_by(Case.submitted_at)):
                if can_view_case(actor, c) and can(actor, f"case.{action}", c):
                    items.append(
                        Todo(
                            kind,
                            f"{c.case_no}《{c.name}》",
                            f"/cases/{c.case_no}",
                            (c.unit_name or "") + ("（逾期提交）" if c.late else ""),
                            case_no=c.case_no,
                            call_id=c.call_id,
                        )
                    )
    order = {"fix_returned": 0, "approve": 1, "publish": 2, "answer_call": 3, "finish_draft": 4}
    items.sort(key=lambda t: (order.get(t.kind, 9), t.due or "9999"))
    return items
