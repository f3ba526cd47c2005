"""Schema migrations (Alembic, scripts in ``migrations/versions``).

:func:`upgrade` creates a new database or brings an existing one to the newest revision,
in place, idempotently. A database made by release 0.1 (tables, no ``alembic_version``)
is stamped at revision ``0001`` first. On SQLite, foreign keys are off while tables are
copied and moved (else dropping the old table would cascade-delete its children), and
checked afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from ..errors import CaselibError

if TYPE_CHECKING:
    from alembic.config import Config

BASELINE = "0001"  # the schema of release 0.1
# The newest revision, known without loading Alembic (a tenth of a second of imports that a
# process opening a library at this revision, e.g. `caselib search`, need not pay).
# tests/test_migrations.py checks that it is the head of the scripts.
HEAD = "0008"
_SCRIPTS = Path(__file__).with_name("migrations")


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_SCRIPTS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def current(engine: Engine) -> str | None:
    """The revision the database is at (None: empty, or made before migrations existed)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def at_head(engine: Engine) -> bool:
    """Whether the database is at :data:`HEAD`, read without Alembic."""
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    except SQLAlchemyError:  # no such table: a new database, or one of release 0.1
        return False
    return [r[0] for r in rows] == [HEAD]


class MigrationFailed(CaselibError):
    code = "migration_failed"
    status = 500
    message = "数据库升级失败"


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Bring the database to ``revision``. Returns (revision before, revision after)."""
    if revision == "head" and at_head(engine):
        return HEAD, HEAD
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:  # outside any transaction (inside one the pragma does nothing)
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        before = MigrationContext.configure(conn).get_current_revision()
        cfg = _config(conn)
        if before is None and inspect(conn).has_table("cases"):
            command.stamp(cfg, BASELINE)  # a library of release 0.1
            conn.commit()
            before = BASELINE
        command.upgrade(cfg, revision)
        conn.commit()
        if sqlite:
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            conn.commit()
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
            if broken:
                raise MigrationFailed(f"数据库升级后外键检查失败：{broken[:5]}")
        after = MigrationContext.configure(conn).get_current_revision()
    return before, after
