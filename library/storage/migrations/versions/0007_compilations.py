"""Case compilations (典型案例汇编): the saved compilations and the cases in each.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "compilations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("issuer", sa.String(length=100), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("case_order", sa.String(length=10), nullable=False),
        sa.Column("show_region", sa.Boolean(), nullable=False),
        sa.Column("selection", sa.JSON(), nullable=True),
        sa.Column("region_code", sa.String(length=6), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("generated_by", sa.String(length=64), nullable=False),
        sa.Column("generated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("case_count", sa.Integer(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_size", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["region_code"], ["regions.code"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_compilations_region_code", "compilations", ["region_code"])
    op.create_table(
        "compilation_cases",
        sa.Column("compilation_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["compilation_id"], ["compilations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("compilation_id", "case_id"),
    )
    op.create_index("ix_compilation_cases_case_id", "compilation_cases", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_compilation_cases_case_id", table_name="compilation_cases")
    op.drop_table("compilation_cases")
    op.drop_index("ix_compilations_region_code", table_name="compilations")
    op.drop_table("compilations")
