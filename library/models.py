"""Every table, for the migrations and for callers that need several features' records at
once (tests, the demo). The models live in their features' packages; this module only
gathers them into the one metadata the migrations compare against.

Portable SQL only (SQLite by default, PostgreSQL supported): no SQLite-only types or
functions; JSON columns use SQLAlchemy's generic ``JSON``.
"""

from __future__ import annotations

from .accounts.models import (
    ROLE_TITLES,
    ROLES,
    ApiToken,
    AuditEvent,
    LoginThrottle,
    Unit,
    User,
    WebSession,
)
from .cases.models import (
    BORROWED_TYPES,
    CASE_TYPE_TITLES,
    CASE_TYPES,
    STATUS_TITLES,
    STATUSES,
    Case,
    CaseHistory,
    CaseTag,
    Counter,
    Document,
    DocumentVersion,
    Review,
)
from .compilations.models import Compilation, CompilationCase
from .jobs.models import Job, Rendition
from .monitoring.models import (
    EvidenceFile,
    Indicator,
    IndicatorGroup,
    IndicatorValue,
    MonitoringWarning,
    Rectification,
    RectificationMethod,
    ValueChange,
    ValueImport,
    WarningEvent,
)
from .stats.models import ScoreWeights
from .storage.base import Base, Meta, utcnow
from .vocab.models import Region, Tag, Theme
from .workflow.models import Call, CallAttachment, CallTarget, Notification, Reminder

__all__ = [
    "Base",
    "Meta",
    "utcnow",
    "Region",
    "Theme",
    "Tag",
    "Unit",
    "User",
    "ApiToken",
    "WebSession",
    "LoginThrottle",
    "AuditEvent",
    "Counter",
    "Case",
    "CaseTag",
    "Document",
    "DocumentVersion",
    "Review",
    "CaseHistory",
    "Call",
    "CallTarget",
    "CallAttachment",
    "Notification",
    "Reminder",
    "IndicatorGroup",
    "Indicator",
    "ValueImport",
    "IndicatorValue",
    "ValueChange",
    "MonitoringWarning",
    "WarningEvent",
    "RectificationMethod",
    "Rectification",
    "EvidenceFile",
    "Job",
    "Rendition",
    "Compilation",
    "CompilationCase",
    "ScoreWeights",
    "CASE_TYPES",
    "BORROWED_TYPES",
    "CASE_TYPE_TITLES",
    "STATUSES",
    "STATUS_TITLES",
    "ROLES",
    "ROLE_TITLES",
]
