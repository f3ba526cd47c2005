"""Alembic's environment: the connection comes from :func:`library.storage.migrate.upgrade`
(``config.attributes["connection"]``), the target metadata from :mod:`library.models`."""

from __future__ import annotations

from alembic import context

from library.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite changes tables by copy-and-move
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
