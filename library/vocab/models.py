"""Controlled vocabularies: administrative divisions, the theme catalogue, the tag list."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..storage.base import Base


class Region(Base):
    """An administrative division (province, prefecture-level city, county-level)."""

    __tablename__ = "regions"
    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    level: Mapped[int] = mapped_column(Integer)  # 1 province, 2 city, 3 county
    parent_code: Mapped[str | None] = mapped_column(
        String(6), ForeignKey("regions.code"), index=True
    )


class Theme(Base):
    """案例主题: a catalogue tree (目录式分类)."""

    __tablename__ = "themes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    parent: Mapped[Theme | None] = relationship(remote_side=[id])


class Tag(Base):
    """统一标签: the unified controlled tag list."""

    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(20), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
