"""A case's state and its history: the one place that changes ``cases.status``. The change
is a compare-and-set (``UPDATE … WHERE status IN (expected)``), so of two people acting on
one case at once exactly one succeeds and the other gets :class:`InvalidTransition`; each
change writes its history row in the caller's transaction. Which changes are allowed, and
for whom, is the workflow's table (``library.workflow.states``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..accounts.audit import Actor
from ..errors import InvalidTransition
from ..storage.base import utcnow
from .models import STATUS_TITLES, Case, CaseHistory

# States in which the unit may still change the case (fields and document).
EDITABLE = ("draft", "returned", "withdrawn")


def record_history(
    session: Session,
    case_id: int,
    actor: Actor,
    action: str,
    from_status: str | None,
    to_status: str,
    *,
    reason: str | None = None,
    at: datetime | None = None,
) -> CaseHistory:
    row = CaseHistory(
        case_id=case_id,
        at=at or utcnow(),
        user_id=actor.user_id,
        actor=actor.name,
        action=action,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
    )
    session.add(row)
    return row


def change_status(
    session: Session,
    case: Case,
    *,
    action: str,
    to: str,
    expected: tuple[str, ...],
    actor: Actor,
    reason: str | None = None,
    values: dict[str, Any] | None = None,
) -> None:
    """Move ``case`` from one of the ``expected`` states to ``to`` (setting ``values``
    too), with its history row. Raises :class:`InvalidTransition` when the case is no
    longer in an expected state."""
    now = utcnow()
    before = case.status
    changes = {"status": to, "status_changed_at": now, "updated_at": now, **(values or {})}
    result = session.execute(
        update(Case)
        .where(Case.id == case.id, Case.status.in_(expected))
        .values(**changes)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        current = session.scalar(select(Case.status).where(Case.id == case.id))
        raise InvalidTransition(
            f"案例 {case.case_no} 当前为“{STATUS_TITLES.get(current, current)}”，"
            f"已不能执行该操作（可能已被他人处理），请刷新页面后查看",
            details={"status": current},
        )
    record_history(session, case.id, actor, action, before, to, reason=reason, at=now)
    session.expire(case)
