"""SQLAlchemy models: the source of truth. The index is derived from these rows and the
stored files.

Portable SQL only (SQLite by default, PostgreSQL supported): no SQLite-only types or
functions; JSON columns use SQLAlchemy's generic ``JSON``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


CASE_TYPES = ("original", "innovation_borrowed", "rectification_borrowed")
BORROWED_TYPES = ("innovation_borrowed", "rectification_borrowed")
CASE_TYPE_TITLES = {
    "original": "本地首创",
    "innovation_borrowed": "创新借鉴",
    "rectification_borrowed": "整改借鉴",
    "unknown": "未分类",
}
STATUSES = ("draft", "submitted", "approved", "published", "returned", "withdrawn")
ROLES = ("submitter", "approver", "coordinator", "reviewer", "admin")
ROLE_TITLES = {
    "submitter": "填报单位",
    "approver": "单位审核人",
    "coordinator": "营商办",
    "reviewer": "业务主管部门",
    "admin": "省营商办管理员",
}


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


class Unit(Base):
    """填报单位: a county/district government, a municipal department..."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    region_code: Mapped[str | None] = mapped_column(String(6), ForeignKey("regions.code"))
    __table_args__ = (UniqueConstraint("name", "region_code", name="uq_unit_name_region"),)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64), default="")
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(20))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    region_code: Mapped[str | None] = mapped_column(String(6), ForeignKey("regions.code"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    unit: Mapped[Unit | None] = relationship()
    __table_args__ = (CheckConstraint(f"role IN {ROLES!r}", name="ck_user_role"),)


class ApiToken(Base):
    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    user: Mapped[User] = relationship()


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
    status: Mapped[str] = mapped_column(String(20), default="published")
    source: Mapped[str] = mapped_column(String(20), default="form")  # form | ingest | demo
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    rating_avg: Mapped[float | None] = mapped_column(Float)
    rating_count: Mapped[int] = mapped_column(Integer, default=0)
    # When the index last took this case; NULL or older than updated_at means "to index".
    indexed_at: Mapped[datetime | None] = mapped_column(DateTime)

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
    """The original file of a case, kept byte for byte in the content-addressed store."""

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
    case: Mapped[Case] = relationship(back_populates="documents")


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


class AuditEvent(Base):
    """Every change, who made it and when."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor: Mapped[str] = mapped_column(String(64))  # username, or "cli:<os user>"
    action: Mapped[str] = mapped_column(String(40))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict | None] = mapped_column(JSON)
    __table_args__ = (Index("ix_audit_object", "object_type", "object_id"),)


class Meta(Base):
    """Key-value facts about the database itself (schema version...)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


__all__ = [
    "Base",
    "Region",
    "Theme",
    "Tag",
    "Unit",
    "User",
    "ApiToken",
    "Counter",
    "Case",
    "CaseTag",
    "Document",
    "Review",
    "AuditEvent",
    "Meta",
    "CASE_TYPES",
    "BORROWED_TYPES",
    "CASE_TYPE_TITLES",
    "STATUSES",
    "ROLES",
    "ROLE_TITLES",
]
