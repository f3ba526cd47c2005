"""Database engine and sessions.

SQLite (the embedded default) runs in WAL mode with foreign keys on and a busy timeout, so
a web server and a command-line ingest can share it. PostgreSQL works with the same code.
The schema is made and upgraded by the migrations (:mod:`library.storage.migrate`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

WRITE = "caselib_write"  # execution option: this transaction will write


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            # Transactions are begun by us (below), not by the driver.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn):  # pragma: no cover - trivial
            # A transaction that will write takes the write lock when it starts (waiting
            # for it up to busy_timeout), so it never reads a snapshot it then cannot
            # write from ("database is locked" at once): two people acting on one case
            # are serialised, and the second sees the first's change.
            immediate = conn.get_execution_options().get(WRITE)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True)


def init_schema(engine: Engine) -> tuple[str | None, str]:
    """Create the tables of a new database, or upgrade an existing one (idempotent).
    Returns (revision before, revision after)."""
    from .migrate import upgrade

    return upgrade(engine)


def schema_version(engine: Engine) -> str | None:
    """The migration revision the database is at."""
    from .migrate import current

    return current(engine)


class Database:
    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(**{WRITE: True}), expire_on_commit=False
        )

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def session(self) -> Session:
        return self._factory()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session inside one transaction that writes: committed on success, rolled
        back on error."""
        with self._writer() as s, s.begin():
            yield s

    def dispose(self) -> None:
        self.engine.dispose()
