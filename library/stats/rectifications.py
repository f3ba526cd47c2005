"""The rectification figure: the 整改举措 recorded against monitoring warnings.

The monitoring module provides them (``library.monitoring.stats_events(session, start,
end)``: the rectifications recorded in the period, Beijing dates, inclusive); each event
counts for its region (rolled up like cases), its unit and its year, and is listed behind
the figure. A build without the monitoring module answers ``None`` ("not available", not
zero), so the statistics never depend on it being installed.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class RectificationEvent:
    id: int
    region_code: str | None
    unit_id: int | None
    day: date  # when it was recorded (Beijing date)
    title: str  # what is listed behind the figure (the warning's indicator, the method)


def rectification_events(
    session: Session, start: date | None, end: date | None
) -> list[RectificationEvent] | None:
    """The rectifications recorded in the period, or None when the monitoring module (or
    its ``stats_events``) is absent."""
    try:
        module = importlib.import_module("library.monitoring")
    except ImportError:
        return None
    provider = getattr(module, "stats_events", None)
    if provider is None:
        return None
    return list(provider(session, start, end))
