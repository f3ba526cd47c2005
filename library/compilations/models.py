"""A compilation (汇编): its options, the cases it holds in their order, and its file."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..storage.base import Base, utcnow

ORDERS = ("theme", "region", "rating", "hand")
ORDER_TITLES = {"theme": "按主题", "region": "按地区", "rating": "按评分", "hand": "手动排序"}


class Compilation(Base):
    """A saved compilation. ``region_code`` is its maker's region (who else may see it);
    ``selection`` records how the cases were chosen (filters, source), the cases themselves
    are :class:`CompilationCase` rows; ``file_sha256`` is the .docx of the last generation."""

    __tablename__ = "compilations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    issuer: Mapped[str] = mapped_column(String(100), default="")
    issued_on: Mapped[date] = mapped_column(Date)
    case_order: Mapped[str] = mapped_column(String(10), default="theme")
    show_region: Mapped[bool] = mapped_column(Boolean, default=False)
    selection: Mapped[dict | None] = mapped_column(JSON)
    region_code: Mapped[str | None] = mapped_column(
        String(6), ForeignKey("regions.code"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    generated_by: Mapped[str] = mapped_column(String(64))
    generated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    case_count: Mapped[int] = mapped_column(Integer, default=0)
    file_sha256: Mapped[str] = mapped_column(String(64))
    file_size: Mapped[int] = mapped_column(Integer)
    entries: Mapped[list[CompilationCase]] = relationship(
        back_populates="compilation",
        cascade="all, delete-orphan",
        order_by="CompilationCase.position",
    )


class CompilationCase(Base):
    """A case in a compilation, at its place in the document (1, 2, ...)."""

    __tablename__ = "compilation_cases"
    compilation_id: Mapped[int] = mapped_column(
        ForeignKey("compilations.id", ondelete="CASCADE"), primary_key=True
    )
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    compilation: Mapped[Compilation] = relationship(back_populates="entries")
