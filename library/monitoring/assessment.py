"""What the assessment statistics (``library.stats``) count of this module: the 整改举措
recorded in a period, each for the warned region, the recording account's unit and its
Beijing day."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..auditlog.log import beijing_day_start
from ..stats.rectifications import RectificationEvent
from .models import Indicator, MonitoringWarning, Rectification, RectificationMethod

_BEIJING = timedelta(hours=8)


def stats_events(
    session: Session, start: date | None, end: date | None
) -> list[RectificationEvent]:
    """The rectifications recorded from ``start`` to ``end`` (Beijing dates, inclusive;
    None: open), oldest first."""
    stmt = (
        select(
            Rectification.id,
            MonitoringWarning.region_code,
            User.unit_id,
            Rectification.created_at,
            Indicator.name,
            RectificationMethod.name,
            MonitoringWarning.period,
        )
        .join(MonitoringWarning, MonitoringWarning.id == Rectification.warning_id)
        .join(Indicator, Indicator.id == MonitoringWarning.indicator_id)
        .join(RectificationMethod, RectificationMethod.id == Rectification.method_id)
        .outerjoin(User, User.id == Rectification.created_by_id)
        .order_by(Rectification.created_at, Rectification.id)
    )
    if start is not None:
        stmt = stmt.where(Rectification.created_at >= beijing_day_start(start))
    if end is not None:
        stmt = stmt.where(Rectification.created_at < beijing_day_start(end + timedelta(days=1)))
    return [
        RectificationEvent(
            id=rid,
            region_code=region,
            unit_id=unit_id,
            day=(at + _BEIJING).date(),
            title=f"{indicator}（{period}）· {method}",
        )
        for rid, region, unit_id, at, indicator, method, period in session.execute(stmt)
    ]
