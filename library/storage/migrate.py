"""Schema migrations (Alembic, scripts in ``migrations/versions``).

:func:`upgrade` creates a new database or brings an existing one to the newest revision,
in place, idempotently. A database made by release 0.1 (tables, no ``alembic_version``)
is stamped at revision ``0001`` first. On SQLite, foreign keys are off while tables are
copied and moved (else dropping the old table would cascade-delete its children), and
checked afterwards.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Connection, Engine

from ..errors import CaselibError

BASELINE = "0001"  # the schema of release 0.1
_SCRIPTS = Path(__file__).with_name("migrations")


def _config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_SCRIPTS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current(engine: Engine) -> str | None:
    """The revision the database is at (None: empty, or made before migrations existed)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


class MigrationFailed(CaselibError):
    code = "migration_failed"
    status = 500
    message = "数据库升级失败"


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Bring the database to ``revision``. Returns (revision before, revision after)."""
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
