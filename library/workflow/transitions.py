"""Moving a case through the workflow: submit, withdraw, approve, return (with a reason),
publish. Each is one transaction: the state change (compare-and-set, so two people acting
at once end with one change and one clear conflict), its history row, its audit row and
the notifications it causes; a published case is indexed right after the commit.

Checks, in order: the case exists for the actor (else 404), the action is known (422),
the actor's role and scope allow it (403), the case's state allows it (409
``invalid_transition``), a return has its reason (422).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts import audit
from ..accounts.audit import Actor
from ..accounts.models import User
from ..accounts.units import region_members, unit_members
from ..cases.indexing import index_cases
from ..cases.lifecycle import change_status
from ..cases.models import STATUS_TITLES, Case
from ..cases.read import get_case, visible_case
from ..cases.renditions import OCR_PENDING
from ..errors import CaselibError, FieldError, InvalidTransition, ValidationFailed
from ..permissions import require
from ..storage.base import utcnow
from .models import Call
from .notifications import deliver_soon, notify
from .states import ACTION_TITLES, REASON_REQUIRED, TRANSITIONS

if TYPE_CHECKING:
    from ..context import Library

REASON_MAX = 500


def beijing_today(now: datetime | None = None) -> date:
    from datetime import timedelta

    return ((now or utcnow()) + timedelta(hours=8)).date()


def check(
    actor: Actor, case: Case, action: str, reason: str | None, *, confirm_names: bool = False
) -> str:
    """The state ``action`` takes the case to; raises when it may not be taken."""
    if action not in TRANSITIONS:
        raise ValidationFailed(
            [
                FieldError(
                    "action",
                    "invalid_choice",
                    "操作应为 " + "、".join(TRANSITIONS) + " 之一",
                )
            ]
        )
    require(actor, f"case.{action}", case)
    to = TRANSITIONS[action].get(case.status)
    if to is None:
        raise InvalidTransition(
            f"案例当前为“{STATUS_TITLES.get(case.status, case.status)}”，"
            f"不能{ACTION_TITLES[action]}",
            details={"status": case.status},
        )
    if action in REASON_REQUIRED and not (reason or "").strip():
        raise ValidationFailed([FieldError("reason", "required", "退回时必须填写退回理由")])
    if reason and len(reason) > REASON_MAX:
        raise ValidationFailed([FieldError("reason", "too_long", f"理由不能超过 {REASON_MAX} 字")])
    if action == "submit" and case.document is None:
        raise ValidationFailed([FieldError("file", "required", "请先上传案例文档再提交")])
    if action == "approve" and case.document is not None and case.document.converter == OCR_PENDING:
        raise ValidationFailed(
            [FieldError("file", "ocr_pending", "案例文档（扫描件）正在识别文字，识别完成后再审核")]
        )
    if action == "approve" and case.document is not None and case.document.unresolved_findings:
        if not confirm_names:
            names = "、".join(f["text"] for f in case.document.unresolved_findings[:8])
            raise ValidationFailed(
                [
                    FieldError(
                        "confirm_names",
                        "names_unconfirmed",
                        f"案例文档中仍有地名、人名（{names}）：请核对后确认可以入库，"
                        "或退回请填报单位上传处理后的文件",
                    )
                ]
            )
    return to


def apply(
    session: Session,
    case: Case,
    action: str,
    actor: Actor,
    reason: str | None = None,
    *,
    confirm_names: bool = False,
) -> str:
    """Take ``action`` on ``case`` inside the caller's transaction (checks included);
    returns the new state. An approval of a case whose document still holds names (a PDF)
    needs ``confirm_names``: the approver's audited confirmation."""
    # The limit is on the reason as sent (the OpenAPI document's maxLength), stripped after.
    to = check(actor, case, action, reason, confirm_names=confirm_names)
    reason = (reason or "").strip() or None
    before = case.status
    if action == "approve" and case.document is not None and case.document.unresolved_findings:
        doc = case.document
        doc.names_confirmed_by = actor.name
        doc.names_confirmed_at = utcnow()
        audit.record(
            session,
            actor,
            "case.names_confirmed",
            "case",
            case.case_no,
            names=[f["text"] for f in doc.findings or []],
        )
        session.flush()
    values: dict[str, Any] = {}
    if action == "submit":
        now = utcnow()
        values["submitted_at"] = now
        if case.call_id is not None:
            call = session.get(Call, case.call_id)
            values["late"] = call is not None and now > call.deadline
    if action == "publish" and case.published_at is None:
        values["published_at"] = beijing_today()
    change_status(
        session,
        case,
        action=action,
        to=to,
        expected=(before,),
        actor=actor,
        reason=reason,
        values=values,
    )
    session.refresh(case)
    audit.record(
        session,
        actor,
        f"case.{action}",
        "case",
        case.case_no,
        **{"from": before, "to": to, "reason": reason},
    )
    _notify(session, case, action, actor, reason)
    return to


def _notify(session: Session, case: Case, action: str, actor: Actor, reason: str | None) -> None:
    link = f"/cases/{case.case_no}"
    name = f"{case.case_no}《{case.name}》"
    me = actor.user_id
    unit_ids = [case.unit_id] if case.unit_id else []
    creator = [session.get(User, case.created_by_id)] if case.created_by_id else []
    creator = [u for u in creator if u is not None and u.active]
    if action == "submit":
        approvers = unit_members(session, unit_ids, ("approver",)) or unit_members(
            session, unit_ids, ("coordinator",)
        )
        late = "（逾期提交）" if case.late else ""
        notify(
            session,
            approvers,
            "approval",
            f"待审核：{name}",
            f"{case.unit_name or '本单位'}提交了案例{late}，请审核。",
            link,
            exclude=me,
        )
    elif action == "approve":
        coordinators = region_members(session, case.region_code, ("coordinator",))
        if case.call_id is not None:
            call = session.get(Call, case.call_id)
            if call is not None and call.created_by_id:
                owner = session.get(User, call.created_by_id)
                if owner is not None and owner.active:
                    coordinators.append(owner)
        notify(
            session,
            coordinators,
            "to_publish",
            f"待发布：{name}",
            f"{case.unit_name or ''}的案例已通过单位审核，请汇总发布。",
            link,
            exclude=me,
        )
    elif action == "return":
        notify(
            session,
            creator + unit_members(session, unit_ids, ("submitter",)),
            "returned",
            f"案例被退回：{name}",
            f"退回理由：{reason}",
            link,
            exclude=me,
        )
    elif action == "publish":
        notify(
            session,
            creator + unit_members(session, unit_ids, ("submitter", "approver")),
            "published",
            f"案例已发布入库：{name}",
            "案例已进入营商环境改革创新案例库，可被查询和借鉴。",
            link,
            exclude=me,
        )


def transition(
    lib: Library,
    case_no: str,
    action: str,
    actor: Actor,
    *,
    reason: str | None = None,
    confirm_names: bool = False,
) -> Case:
    """Take one workflow action on a case (one transaction), then index it if it was
    published and post the notifications."""
    with lib.db.transaction() as session:
        case = visible_case(session, case_no, actor)
        to = apply(session, case, action, actor, reason, confirm_names=confirm_names)
    if to == "published":
        index_cases(lib, [case_no])
    deliver_soon(lib)
    with lib.db.session() as session:
        return get_case(session, case_no)


@dataclass
class BulkResult:
    done: list[str]
    failed: list[tuple[str, str, str]]  # (case_no, code, message)

    def as_dict(self) -> dict[str, Any]:
        return {
            "done": self.done,
            "failed": [{"case_no": c, "code": k, "message": m} for c, k, m in self.failed],
        }


def transition_many(
    lib: Library, case_nos: list[str], action: str, actor: Actor, *, reason: str | None = None
) -> BulkResult:
    """The same action on several cases (a coordinator publishing a call's approved cases
    at once): each case in its own transaction, so one refused case does not hold up the
    others; the published ones are indexed in one write at the end."""
    result = BulkResult([], [])
    for case_no in dict.fromkeys(case_nos):
        try:
            with lib.db.transaction() as session:
                apply(session, visible_case(session, case_no, actor), action, actor, reason)
        except CaselibError as e:
            message = e.message
            if isinstance(e, ValidationFailed) and e.errors:
                message = "；".join(x.message for x in e.errors)
            result.failed.append((case_no, e.code, message))
        else:
            result.done.append(case_no)
    if action == "publish" and result.done:
        index_cases(lib, result.done)
    deliver_soon(lib)
    return result


def approved_in_scope(session: Session, actor: Actor, call_id: int | None = None) -> list[Case]:
    """Approved cases the actor may publish (a coordinator's region, an admin's all)."""
    from ..permissions import can

    stmt = select(Case).where(Case.status == "approved").order_by(Case.submitted_at)
    if call_id is not None:
        stmt = stmt.where(Case.call_id == call_id)
    return [c for c in session.scalars(stmt) if can(actor, "case.publish", c)]
