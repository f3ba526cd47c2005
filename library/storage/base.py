"""The declarative base every feature's models share (one metadata, one migration history),
and the database's own key-value facts."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# The largest id an id column holds (PostgreSQL INTEGER): a larger number names nothing.
MAX_ID = 2**31 - 1


def utcnow() -> datetime:
    """Now in UTC, naive (the database stores UTC; pages show Beijing time)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Key-value facts about the database itself (schema version...)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
