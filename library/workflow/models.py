"""The workflow's records: collection calls (征集通知) with their target units and
attachments, in-app notifications, and the deadline reminders already sent. (A case's
history of state changes is the case's own record: ``library.cases.models.CaseHistory``.)"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..storage.base import Base, utcnow


class Call(Base):
    """征集通知: a coordinator's call for cases, with a deadline and its target units."""

    __tablename__ = "calls"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    notice: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[datetime] = mapped_column(DateTime)  # UTC
    case_types: Mapped[list | None] = mapped_column(JSON)  # None: every type
    region_code: Mapped[str | None] = mapped_column(String(6), ForeignKey("regions.code"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    targets: Mapped[list[CallTarget]] = relationship(
        back_populates="call", cascade="all, delete-orphan", order_by="CallTarget.unit_id"
    )
    attachments: Mapped[list[CallAttachment]] = relationship(
        back_populates="call", cascade="all, delete-orphan", order_by="CallAttachment.id"
    )


class CallTarget(Base):
    __tablename__ = "call_targets"
    call_id: Mapped[int] = mapped_column(
        ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), primary_key=True)
    call: Mapped[Call] = relationship(back_populates="targets")


class CallAttachment(Base):
    """A file attached to a call's notice (the 申报表, an operating guide...)."""

    __tablename__ = "call_attachments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(120))
    call: Mapped[Call] = relationship(back_populates="attachments")


class Notification(Base):
    """通知: an in-app message to one user. ``key`` makes a notification unique per user
    (a reminder sent twice is one row); ``delivered_at`` / ``delivery_error`` record the
    webhook post, when a webhook is configured."""

    __tablename__ = "notifications"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str | None] = mapped_column(String(300))
    key: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    read_at: Mapped[datetime | None] = mapped_column(DateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime)
    delivery_error: Mapped[str | None] = mapped_column(String(300))
    __table_args__ = (UniqueConstraint("user_id", "key", name="uq_notification_user_key"),)


class Reminder(Base):
    """A deadline reminder already sent: one per call, unit and days-before, so running
    ``caselib remind`` again sends nothing new."""

    __tablename__ = "reminders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    days_before: Mapped[int] = mapped_column(Integer)
    sent_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    __table_args__ = (
        UniqueConstraint("call_id", "unit_id", "days_before", name="uq_reminder_once"),
    )
