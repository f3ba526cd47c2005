"""Database engine and sessions.

SQLite (the embedded default) runs in WAL mode with foreign keys on and a busy timeout, so
a web server and a command-line ingest can share it. PostgreSQL works with the same code.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from ..models import Base, Meta

DB_SCHEMA_VERSION = "1"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def init_schema(engine: Engine) -> None:
    """Create missing tables (idempotent) and record the schema version."""
    Base.metadata.create_all(engine)
    with Session(engine) as s, s.begin():
        row = s.get(Meta, "db_schema_version")
        if row is None:
            s.add(Meta(key="db_schema_version", value=DB_SCHEMA_VERSION))


def schema_version(engine: Engine) -> str | None:
    with Session(engine) as s:
        return s.scalar(select(Meta.value).where(Meta.key == "db_schema_version"))


class Database:
    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def session(self) -> Session:
        return self._factory()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session inside one transaction: committed on success, rolled back on error."""
        with self._factory() as s, s.begin():
            yield s

    def dispose(self) -> None:
        self.engine.dispose()
