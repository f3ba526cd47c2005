"""Cases: the 申报表's fields, the case's document (and every earlier version of it), reviews,
and the counters that number cases."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..storage.base import Base, utcnow
from ..vocab.models import Region, Tag, Theme

CASE_TYPES = ("original", "innovation_borrowed", "rectification_borrowed")
BORROWED_TYPES = ("innovation_borrowed", "rectification_borrowed")
CASE_TYPE_TITLES = {
    "original": "本地首创",
    "innovation_borrowed": "创新借鉴",
    "rectification_borrowed": "整改借鉴",
    "unknown": "未分类",
}
STATUSES = ("draft", "submitted", "approved", "published", "returned", "withdrawn")
STATUS_TITLES = {
    "draft": "草稿",
    "submitted": "已提交",
    "approved": "已审核",
    "published": "已发布",
    "returned": "已退回",
    "withdrawn": "已撤回",
}


class Counter(Base):
    """Named counters (case numbers per year), incremented inside the writing transaction."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Case(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_no: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    problem: Mapped[str | None] = mapped_column(Text)
    solution: Mapped[str | None] = mapped_column(Text)
    traditional_practice: Mapped[str | None] = mapped_column(Text)
    innovative_practice: Mapped[str | None] = mapped_column(Text)
    application_scenario: Mapped[str | None] = mapped_column(Text)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id"), index=True)
    case_type: Mapped[str | None] = mapped_column(String(30))
    borrowed_from_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    region_code: Mapped[str | None] = mapped_column(
        String(6), ForeignKey("regions.code"), index=True
    )
    unit_name: Mapped[str | None] = mapped_column(String(100))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    contact_name: Mapped[str | None] = mapped_column(String(15))
    contact_phone: Mapped[str | None] = mapped_column(String(30))
    published_at: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    source: Mapped[str] = mapped_column(String(20), default="form")  # form | ingest | demo
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Every change sets it (app nodes follow each other's changes by it: cases/changes.py).
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=utcnow, onupdate=utcnow, index=True
    )
    rating_avg: Mapped[float | None] = mapped_column(Float)
    rating_count: Mapped[int] = mapped_column(Integer, default=0)
    # When the index last took this case; NULL or older than updated_at means "to index".
    indexed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The collection call (征集通知) the case answers, when it answers one.
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id"), index=True)
    # When it was last submitted for approval; late: after the call's deadline (逾期).
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    status_changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The monitoring warning (监测预警) a case of type 整改借鉴 answers, when it names one.
    warning_id: Mapped[int | None] = mapped_column(ForeignKey("warnings.id"), index=True)

    theme: Mapped[Theme | None] = relationship()
    borrowed_from: Mapped[Case | None] = relationship(remote_side=[id])
    region: Mapped[Region | None] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary="case_tags", order_by="Tag.position")
    documents: Mapped[list[Document]] = relationship(back_populates="case", order_by="Document.id")
    reviews: Mapped[list[Review]] = relationship(back_populates="case")
    created_by: Mapped[User | None] = relationship()

    __table_args__ = (
        CheckConstraint(f"status IN {STATUSES!r}", name="ck_case_status"),
        CheckConstraint(f"case_type IS NULL OR case_type IN {CASE_TYPES!r}", name="ck_case_type"),
    )

    @property
    def document(self) -> Document | None:
        return self.documents[0] if self.documents else None


class CaseTag(Base):
    __tablename__ = "case_tags"
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id"), primary_key=True)


class Document(Base):
    """The current file of a case, kept byte for byte in the content-addressed store, with
    its extracted text. Every file a case ever had is in :class:`DocumentVersion`."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    original_name: Mapped[str] = mapped_column(String(255))
    # Unique: a file is in the library once (a second upload is refused as a duplicate).
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(120))
    format: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text, default="")
    pages: Mapped[int | None] = mapped_column(Integer)
    converter: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Place and person names found in the document's body and left in it (a PDF cannot
    # be rewritten): the approver confirms them, or the unit uploads a cleaned file.
    findings: Mapped[list | None] = mapped_column(JSON)
    names_confirmed_by: Mapped[str | None] = mapped_column(String(64))
    names_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    case: Mapped[Case] = relationship(back_populates="documents")

    @property
    def unresolved_findings(self) -> list:
        """Findings still waiting for the approver's confirmation."""
        return list(self.findings or []) if self.names_confirmed_at is None else []


class DocumentVersion(Base):
    """Every file a case has had, in order (version 1 is the first upload). The files stay
    in the store; an edit that replaces the document adds a version, never deletes one."""

    __tablename__ = "document_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    # upload: a file the unit sent; anonymized: the copy with the names it chose to
    # replace (what readers get); the upload before it is kept for admins and the audit.
    kind: Mapped[str] = mapped_column(String(20), default="upload", server_default="upload")
    original_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(120))
    format: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    __table_args__ = (UniqueConstraint("case_id", "version", name="uq_document_version"),)


class CaseHistory(Base):
    """One change of a case's state: who, when, from which state to which, and why (a
    return's reason). Append-only; the workflow's rules say which changes may happen."""

    __tablename__ = "case_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)


class Review(Base):
    """点评: one per person per case, editable."""

    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recommend: Mapped[bool] = mapped_column(Boolean)
    rating: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    recommendation_form: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    case: Mapped[Case] = relationship(back_populates="reviews")
    user: Mapped[User] = relationship()
    __table_args__ = (
        UniqueConstraint("case_id", "user_id", name="uq_review_case_user"),
        CheckConstraint("rating BETWEEN 1 AND 5", name="ck_review_rating"),
    )
