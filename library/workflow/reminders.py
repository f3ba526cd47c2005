"""Deadline reminders for ``caselib remind`` (run it from cron, e.g. every hour): for each
open call, units that have not submitted yet are reminded N days before the deadline, for
each N of ``CASELIB_REMIND_DAYS`` (3,1 by default). Each reminder sent is recorded (call,
unit, N), so running the command again sends nothing new."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from ..accounts import audit
from ..accounts.audit import Actor
from ..accounts.units import unit_members
from ..cases.models import Case
from ..errors import CaselibError
from ..storage.base import utcnow
from .calls import SUBMITTED_STATES, beijing_text
from .models import Call, Reminder
from .notifications import deliver_pending, notify

if TYPE_CHECKING:
    from ..context import Library


@dataclass
class RemindReport:
    reminders: list[tuple[int, int, int]] = field(default_factory=list)  # (call, unit, days)
    notifications: int = 0
    posted: int = 0
    post_failures: int = 0


def remind_days(text: str) -> list[int]:
    try:
        days = sorted({int(x) for x in text.replace("，", ",").split(",") if x.strip()})
    except ValueError:
        raise CaselibError(
            f"CASELIB_REMIND_DAYS 应为逗号分隔的天数，如 3,1（当前：{text}）", code="bad_setting"
        ) from None
    if any(d < 0 for d in days):
        raise CaselibError("CASELIB_REMIND_DAYS 不能为负数", code="bad_setting")
    return days


def send_reminders(lib: Library, *, now: datetime | None = None) -> RemindReport:
    now = now or utcnow()
    days = remind_days(lib.settings.remind_days)
    report = RemindReport()
    actor = Actor(name="caselib remind")
    with lib.db.session() as session:
        calls = list(
            session.scalars(
                select(Call)
                .where(Call.closed_at.is_(None), Call.deadline > now)
                .options(selectinload(Call.targets))
            )
        )
        due: list[tuple[Call, int, list[int]]] = []
        for call in calls:
            left = call.deadline - now
            submitted = {
                uid
                for uid in session.scalars(
                    select(Case.unit_id).where(
                        Case.call_id == call.id, Case.status.in_(SUBMITTED_STATES)
                    )
                )
            }
            waiting = [t.unit_id for t in call.targets if t.unit_id not in submitted]
            # The nearest threshold passed: a first run a few hours before the deadline
            # sends one reminder, not one per threshold.
            passed = [d for d in days if left <= timedelta(days=d)]
            if waiting and passed:
                due.append((call, min(passed), waiting))
    for call, d, waiting in due:
        for unit_id in waiting:
            try:
                with lib.db.transaction() as session:
                    session.add(Reminder(call_id=call.id, unit_id=unit_id, days_before=d))
                    session.flush()
                    hours = max(0, int((call.deadline - now).total_seconds() // 3600))
                    rows = notify(
                        session,
                        unit_members(session, [unit_id], ("submitter", "approver")),
                        "reminder",
                        f"截止提醒：{call.title}",
                        f"距报送截止（{beijing_text(call.deadline)}，北京时间）"
                        f"还有约 {hours // 24} 天 {hours % 24} 小时，本单位尚未报送案例。",
                        f"/calls/{call.id}",
                        key=f"remind:{call.id}:{unit_id}:{d}",
                    )
                    audit.record(
                        session,
                        actor,
                        "call.remind",
                        "call",
                        str(call.id),
                        unit_id=unit_id,
                        days_before=d,
                        notified=len(rows),
                    )
            except IntegrityError:
                continue  # sent before (by an earlier run, or a run at the same time)
            report.reminders.append((call.id, unit_id, d))
            report.notifications += len(rows)
    report.posted, report.post_failures = deliver_pending(lib)
    return report
