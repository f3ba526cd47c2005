"""A real PostgreSQL server for the tests: a throwaway one started in a temporary directory
(initdb + pg_ctl, as the ``postgres`` OS user when the tests run as root), or the server of
$CASELIB_TEST_POSTGRES_URL. Each test module asks for databases of its own on it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit


class Unavailable(Exception):
    """No PostgreSQL server can be had here (the tests skip)."""


def _pg_bin() -> Path | None:
    """The directory of initdb and pg_ctl: on $PATH, else the newest Debian cluster version."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return versions[-1].parent if versions else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A running server; :meth:`database` creates an empty database and returns its URL."""

    def __init__(self, url_for: callable, connect: callable):
        self._url_for = url_for
        self._connect = connect

    def database(self, name: str) -> str:
        with self._connect() as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}"')
            c.execute(f'CREATE DATABASE "{name}"')
        return self._url_for(name)

    def psql_args(self, name: str) -> list[str]:
        parts = urlsplit(self._url_for(name).replace("postgresql+psycopg", "postgresql"))
        query = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p)
        host = query.get("host") or parts.hostname or "localhost"
        port = query.get("port") or str(parts.port or 5432)
        return ["-h", host, "-p", port, "-U", parts.username or "postgres", name]


@contextmanager
def postgres_server() -> Iterator[Server]:
    import psycopg

    given = os.environ.get("CASELIB_TEST_POSTGRES_URL")
    if given:
        base = given.rsplit("/", 1)[0]
        tail = given.split("?", 1)[1] if "?" in given else ""
        plain = given.replace("postgresql+psycopg", "postgresql")

        def url_for(name: str) -> str:
            return f"{base.split('?')[0]}/{name}" + (f"?{tail}" if tail else "")

        def connect():
            return psycopg.connect(plain, autocommit=True)

        yield Server(url_for, connect)
        return
    bindir = _pg_bin()
    if bindir is None:
        raise Unavailable("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    run_as: list[str] = []
    owner = None
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        import pwd

        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise Unavailable("running as root and there is no 'postgres' OS user") from None
        runuser = shutil.which("runuser")
        if runuser is None:
            raise Unavailable("running as root and runuser is not available")
        run_as = [runuser, "-u", "postgres", "--"]
    root = Path(tempfile.mkdtemp(prefix="caselib-pg-"))
    if owner is not None:
        os.chown(root, owner.pw_uid, owner.pw_gid)
    data, log, port = root / "data", root / "server.log", free_port()

    def pg(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run([*run_as, *args], capture_output=True, text=True, timeout=timeout)

    init = pg(
        str(bindir / "initdb"),
        "-D",
        str(data),
        "-A",
        "trust",
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync",
    )
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise Unavailable(f"initdb failed: {init.stderr.strip()[-300:]}")
    options = (
        f"-k {root} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
        "-c full_page_writes=off -c max_connections=100"
    )
    start = pg(
        str(bindir / "pg_ctl"),
        "-D",
        str(data),
        "-l",
        str(log),
        "-w",
        "-t",
        "60",
        "-o",
        options,
        "start",
    )
    if start.returncode != 0:
        detail = log.read_text(errors="replace")[-300:] if log.exists() else start.stderr
        shutil.rmtree(root, ignore_errors=True)
        raise Unavailable(f"PostgreSQL did not start: {detail.strip()}")

    def url_for(name: str) -> str:
        return f"postgresql+psycopg://postgres@/{name}?host={root}&port={port}"

    def connect():
        return psycopg.connect(
            host=str(root), port=port, user="postgres", dbname="postgres", autocommit=True
        )

    try:
        yield Server(url_for, connect)
    finally:
        pg(str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)
