"""The statistics' own record: the scoring weights of each assessment year, versioned.

Each change of a year's weights adds a version (the earlier ones stay, with who set them
and when); a year's score uses its newest version, or the defaults while it has none. A
year's weights can be changed only until that year is over (Beijing time): after that they
are frozen, so a past year's score never changes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..storage.base import Base, utcnow


class ScoreWeights(Base):
    __tablename__ = "stats_weights"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    version: Mapped[int] = mapped_column(Integer)
    # {key: number as a decimal string}: exact (no binary floating point in scores).
    weights: Mapped[dict] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(String(200))
    set_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    set_by: Mapped[str] = mapped_column(String(64))
    __table_args__ = (UniqueConstraint("year", "version", name="uq_stats_weights_year_version"),)
