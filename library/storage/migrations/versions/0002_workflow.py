"""The workflow: case states with their history, collection calls, notifications, units as
records, and every version of a case's document.

Cases of release 0.1 were published on save: they stay ``published``; their first file
becomes version 1 of their document, and each gets one history row saying so.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("notice", sa.Text(), nullable=False),
        sa.Column("deadline", sa.DateTime(), nullable=False),
        sa.Column("case_types", sa.JSON(), nullable=True),
        sa.Column("region_code", sa.String(length=6), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["region_code"], ["regions.code"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "call_targets",
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"]),
        sa.PrimaryKeyConstraint("call_id", "unit_id"),
    )
    op.create_table(
        "call_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_call_attachments_call_id", "call_attachments", ["call_id"])
    op.create_table(
        "case_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_case_history_case_id", "case_history", ["case_id"])
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("link", sa.String(length=300), nullable=True),
        sa.Column("key", sa.String(length=120), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=True),
        sa.Column("delivered_at", sa.DateTime(), nullable=True),
        sa.Column("delivery_error", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "key", name="uq_notification_user_key"),
    )
    op.create_index("ix_notifications_user_id", "notifications", ["user_id"])
    op.create_index("ix_notifications_created_at", "notifications", ["created_at"])
    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("days_before", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("call_id", "unit_id", "days_before", name="uq_reminder_once"),
    )
    op.create_table(
        "document_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=120), nullable=False),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("case_id", "version", name="uq_document_version"),
    )
    op.create_index("ix_document_versions_case_id", "document_versions", ["case_id"])
    op.create_index("ix_document_versions_sha256", "document_versions", ["sha256"])

    with op.batch_alter_table("units") as batch:
        batch.add_column(sa.Column("parent_id", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch.add_column(sa.Column("created_at", sa.DateTime(), nullable=True))
        batch.create_foreign_key("fk_units_parent_id", "units", ["parent_id"], ["id"])
        batch.create_index("ix_units_parent_id", ["parent_id"])

    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("call_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("submitted_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("late", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("status_changed_at", sa.DateTime(), nullable=True))
        batch.create_foreign_key("fk_cases_call_id", "calls", ["call_id"], ["id"])
        batch.create_index("ix_cases_call_id", ["call_id"])

    # What release 0.1 stored: every case was published when saved, its file version 1.
    op.execute(
        "INSERT INTO document_versions (case_id, version, original_name, sha256, size,"
        " media_type, format, created_at, created_by_id)"
        " SELECT d.case_id, 1, d.original_name, d.sha256, d.size, d.media_type, d.format,"
        " d.created_at, c.created_by_id FROM documents d JOIN cases c ON c.id = d.case_id"
    )
    op.execute(
        "INSERT INTO case_history (case_id, at, user_id, actor, action, from_status,"
        " to_status, reason)"
        " SELECT id, created_at, created_by_id, 'migration', 'publish', NULL, status,"
        " '发布于 0.1 版（保存即发布）' FROM cases"
    )
    op.execute("UPDATE cases SET status_changed_at = created_at")


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_index("ix_cases_call_id")
        batch.drop_constraint("fk_cases_call_id", type_="foreignkey")
        batch.drop_column("status_changed_at")
        batch.drop_column("late")
        batch.drop_column("submitted_at")
        batch.drop_column("call_id")
    with op.batch_alter_table("units") as batch:
        batch.drop_index("ix_units_parent_id")
        batch.drop_constraint("fk_units_parent_id", type_="foreignkey")
        batch.drop_column("created_at")
        batch.drop_column("active")
        batch.drop_column("parent_id")
    for table in (
        "document_versions",
        "reminders",
        "notifications",
        "case_history",
        "call_attachments",
        "call_targets",
        "calls",
    ):
        op.drop_table(table)
