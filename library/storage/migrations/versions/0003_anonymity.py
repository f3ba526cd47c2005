"""Anonymity over the whole document: the names found in a document and left in it (for
the approver to confirm), who confirmed them, and the kind of each document version
(the unit's upload, or the anonymized copy readers get).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("findings", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("names_confirmed_by", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("names_confirmed_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("document_versions") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(length=20), nullable=False, server_default="upload")
        )


def downgrade() -> None:
    with op.batch_alter_table("document_versions") as batch:
        batch.drop_column("kind")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("names_confirmed_at")
        batch.drop_column("names_confirmed_by")
        batch.drop_column("findings")
