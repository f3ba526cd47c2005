"""监测预警 and 整改举措: indicator groups (一级指标) and indicators (二级指标) with their warning
rules, values per region and period with every import and every replaced value, warnings
(a region's value beyond an indicator's warning line) with their figures and history, the
整改方式 vocabulary, rectifications and their evidence files."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..storage.base import Base, utcnow

BETTER = ("lower", "higher")
WARNING_STATES = ("open", "rectifying", "resolved")
STATE_TITLES = {"open": "待整改", "rectifying": "整改中", "resolved": "已整改"}


class IndicatorGroup(Base):
    """一级指标 (开办企业, 办理破产...), in the evaluation's order."""

    __tablename__ = "indicator_groups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    category: Mapped[str | None] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="group", order_by="Indicator.position"
    )


class Indicator(Base):
    """二级指标: a measured quantity with its unit, direction, global best and warning rules.

    Rules (any that is set may raise a warning): ``warning_line`` a fixed line value;
    ``warning_above_average`` worse than the provincial average of the region's level by
    more than this many per cent; ``warning_bottom`` among the last N of that level."""

    __tablename__ = "indicators"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("indicator_groups.id"), index=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    aliases: Mapped[list | None] = mapped_column(JSON)
    unit: Mapped[str] = mapped_column(String(20), default="")
    better: Mapped[str] = mapped_column(String(10), default="lower")
    decimals: Mapped[int] = mapped_column(Integer, default=2)
    global_best_economy: Mapped[str | None] = mapped_column(String(60))
    global_best_value: Mapped[float | None] = mapped_column(Float)
    global_best_source: Mapped[str | None] = mapped_column(String(300))
    warning_line: Mapped[float | None] = mapped_column(Float)
    warning_above_average: Mapped[float | None] = mapped_column(Float)
    warning_bottom: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(String(300))
    definition: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    group: Mapped[IndicatorGroup] = relationship(back_populates="indicators")
    __table_args__ = (CheckConstraint(f"better IN {BETTER!r}", name="ck_indicator_better"),)


class ValueImport(Base):
    """One import of values (a file, an API call, the demo): who, when, what it changed."""

    __tablename__ = "value_imports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(10))  # file | api | demo
    file_name: Mapped[str | None] = mapped_column(String(255))
    sha256: Mapped[str | None] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer, default=0)
    skipped_rows: Mapped[int] = mapped_column(Integer, default=0)
    added: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    removed: Mapped[int] = mapped_column(Integer, default=0)
    periods: Mapped[list | None] = mapped_column(JSON)
    warnings_raised: Mapped[int] = mapped_column(Integer, default=0)
    warnings_withdrawn: Mapped[int] = mapped_column(Integer, default=0)


class IndicatorValue(Base):
    """The value of an indicator for a region (city or county) in a period: ``2024`` or
    ``2024Q1``. ``demo`` marks the demo's invented figures (shown as 示例数据)."""

    __tablename__ = "indicator_values"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"))
    region_code: Mapped[str] = mapped_column(String(6), ForeignKey("regions.code"))
    period: Mapped[str] = mapped_column(String(7))
    value: Mapped[float] = mapped_column(Float)
    import_id: Mapped[int | None] = mapped_column(ForeignKey("value_imports.id"), index=True)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (
        UniqueConstraint("indicator_id", "region_code", "period", name="uq_indicator_value"),
        Index("ix_indicator_values_period", "period"),
    )


class ValueChange(Base):
    """A stored value an import replaced or removed (``new_value`` NULL): re-importing a
    period keeps the record of what it was."""

    __tablename__ = "value_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("value_imports.id"), index=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"))
    region_code: Mapped[str] = mapped_column(String(6))
    period: Mapped[str] = mapped_column(String(7))
    old_value: Mapped[float] = mapped_column(Float)
    new_value: Mapped[float | None] = mapped_column(Float)
    old_import_id: Mapped[int | None] = mapped_column(ForeignKey("value_imports.id"))


class MonitoringWarning(Base):
    """监测预警: an indicator's value for a region in a period beyond its warning line, with
    the figures that explain it (provincial average of the level, best region, ranks),
    computed when values or rules change. State: 待整改 ``open`` → 整改中 ``rectifying``
    (first rectification) → 已整改 ``resolved`` (closed by a coordinator, or the next
    period's value back inside the line)."""

    __tablename__ = "warnings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"))
    region_code: Mapped[str] = mapped_column(String(6), ForeignKey("regions.code"), index=True)
    period: Mapped[str] = mapped_column(String(7))
    level: Mapped[int] = mapped_column(Integer)  # 2 city, 3 county
    value: Mapped[float] = mapped_column(Float)
    average: Mapped[float] = mapped_column(Float)
    best_value: Mapped[float] = mapped_column(Float)
    best_regions: Mapped[list] = mapped_column(JSON)  # codes of the best regions (ties)
    rank: Mapped[int] = mapped_column(Integer)
    rank_from_bottom: Mapped[int] = mapped_column(Integer)
    of: Mapped[int] = mapped_column(Integer)
    rules: Mapped[list] = mapped_column(JSON)  # the rules the value broke
    previous_period: Mapped[str | None] = mapped_column(String(7))
    previous_value: Mapped[float | None] = mapped_column(Float)
    state: Mapped[str] = mapped_column(String(12), default="open")
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolution: Mapped[str | None] = mapped_column(String(12))  # closed | next_period | recomputed
    resolution_note: Mapped[str | None] = mapped_column(Text)
    indicator: Mapped[Indicator] = relationship()
    __table_args__ = (
        UniqueConstraint("indicator_id", "region_code", "period", name="uq_warning"),
        CheckConstraint(f"state IN {WARNING_STATES!r}", name="ck_warning_state"),
        Index("ix_warnings_period", "period"),
    )


class WarningEvent(Base):
    """A warning's history: raised, rectification recorded, closed, resolved by the next
    period, reopened, figures recomputed. Append-only."""

    __tablename__ = "warning_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    warning_id: Mapped[int] = mapped_column(
        ForeignKey("warnings.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(20))
    from_state: Mapped[str | None] = mapped_column(String(12))
    to_state: Mapped[str] = mapped_column(String(12))
    note: Mapped[str | None] = mapped_column(Text)


class RectificationMethod(Base):
    """整改方式: the vocabulary the admin keeps (制度完善, 流程再造...)."""

    __tablename__ = "rectification_methods"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(20), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Rectification(Base):
    """整改举措: what a unit of the warned region did, with its evidence files."""

    __tablename__ = "rectifications"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    warning_id: Mapped[int] = mapped_column(ForeignKey("warnings.id"), index=True)
    method_id: Mapped[int] = mapped_column(ForeignKey("rectification_methods.id"))
    description: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor: Mapped[str] = mapped_column(String(64))
    unit_name: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    method: Mapped[RectificationMethod] = relationship()
    files: Mapped[list[EvidenceFile]] = relationship(
        back_populates="rectification", order_by="EvidenceFile.id"
    )


class EvidenceFile(Base):
    """佐证材料: one file of a rectification, byte for byte in the content-addressed store,
    with its extracted text (empty for images and scans)."""

    __tablename__ = "evidence_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rectification_id: Mapped[int] = mapped_column(ForeignKey("rectifications.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(120))
    format: Mapped[str] = mapped_column(String(10))  # docx | pdf | xlsx | jpeg | png
    text: Mapped[str] = mapped_column(Text, default="")
    pages: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(String(200))  # e.g. a scan without text
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    rectification: Mapped[Rectification] = relationship(back_populates="files")
