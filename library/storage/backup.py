"""Backup and restore of a library: the database, the stored files and the settings.

``backup`` runs while the server serves. The database is copied as one consistent
snapshot: SQLite through its online backup API (a copy of the file would miss what is
still in the write-ahead log), PostgreSQL with ``pg_dump`` on an exported snapshot. The
stored files are the ones that snapshot refers to (documents, their earlier versions,
call attachments); the store writes a file before the transaction that refers to it
commits and never changes or deletes a referred-to file, so every one of them is there.
Each is checked against its SHA-256 (its name) as it is copied. Settings that are not
secrets are written; secrets (the key, the database URL, the webhook) and the generated
key file only with ``include_secrets``. The index is not in a backup: it is derived.

The archive (``.tar.gz``)::

    database/caselib.sqlite3 | database/caselib.pgdump
    files/ab/cd/abcd…          every stored file the database refers to
    settings.json              {"CASELIB_…": value}
    secret_key                 (with include_secrets, when the key was generated)
    manifest.json              format, time, versions, counts, and every other member
                               with its size and SHA-256

``restore`` takes an archive into an empty ``CASELIB_HOME`` (and an empty database, for
PostgreSQL): it reads every member into a folder of the new home, checks the manifest
(no member missing, added or changed), then puts the database and the files in place,
upgrades the schema if the backup is older, and rebuilds the index.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from ..config import SETTINGS, Settings
from ..errors import CaselibError

if TYPE_CHECKING:
    from ..context import Library

FORMAT = "caselib-backup/1"
SQLITE_MEMBER = "database/caselib.sqlite3"
PGDUMP_MEMBER = "database/caselib.pgdump"
_MEMBER = re.compile(
    r"^(manifest\.json|settings\.json|secret_key|database/caselib\.(sqlite3|pgdump)"
    r"|files/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64})$"
)
# The tables whose rows refer to stored files, and the counts the manifest reports.
_FILE_REFS = ("documents", "document_versions", "call_attachments")
_COUNTED = ("cases", "documents", "document_versions", "reviews", "audit_events", "users")
_CHUNK = 1024 * 1024


class BackupFailed(CaselibError):
    code = "backup_failed"
    status = 500
    message = "备份失败"


class RestoreRefused(CaselibError):
    """The target is not empty (or not of the backup's kind): nothing was changed."""

    code = "restore_refused"
    status = 409
    message = "只能恢复到空的案例库"


class BadArchive(CaselibError):
    """The archive is not a caselib backup, or a member is missing, added or changed."""

    code = "bad_archive"
    status = 422
    message = "备份文件无效或已损坏"


@dataclass
class Report:
    path: Path
    dialect: str
    revision: str | None
    counts: dict[str, int]
    files: int
    bytes: int
    created_at: str = ""
    notes: list[str] = field(default_factory=list)


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(_CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("caselib")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


# -- PostgreSQL tools ---------------------------------------------------------------------


def pg_tool(name: str) -> str:
    """``pg_dump`` / ``pg_restore``: on $PATH, else the newest Debian cluster's."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if not candidates:
        raise BackupFailed(f"找不到 {name}：备份和恢复 PostgreSQL 数据库需要安装 PostgreSQL 客户端")
    return str(candidates[-1])


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """A libpq connection string for ``url`` and the environment with its password (kept
    out of the command line)."""
    u = make_url(url)
    parts = {
        "host": u.query.get("host") or u.host,
        "port": u.query.get("port") or (str(u.port) if u.port else None),
        "user": u.username,
        "dbname": u.database,
    }
    for key in ("sslmode", "sslrootcert", "sslcert", "sslkey", "options"):
        if u.query.get(key):
            parts[key] = u.query[key]
    conninfo = " ".join(
        f"{k}='{str(v).replace(chr(92), chr(92) * 2).replace(chr(39), chr(92) + chr(39))}'"
        for k, v in parts.items()
        if v
    )
    env = dict(os.environ)
    if u.password:
        env["PGPASSWORD"] = u.password
    return conninfo, env


def _run(args: list[str], env: dict[str, str], what: str, error: type[CaselibError]) -> None:
    try:
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=6 * 3600)
    except OSError as e:
        raise error(f"{what}无法运行：{e}") from e
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["（无输出）"])[-1]
        raise error(f"{what}失败：{last}")


# -- backup ---------------------------------------------------------------------------------


@contextlib.contextmanager
def _sqlite_snapshot(lib: Library, workdir: Path) -> Iterator[tuple[Path, Any]]:
    """The database copied by SQLite's online backup API (one consistent snapshot, the
    write-ahead log included; writers go on meanwhile), and a connection to the copy."""
    source = make_url(lib.settings.database_url).database
    if not source or not Path(source).is_file():
        raise BackupFailed(f"数据库文件不存在：{source}")
    target = workdir / "caselib.sqlite3"
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=60)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)  # all pages in one step: one read transaction, one snapshot
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        yield target, dst
    finally:
        dst.close()
        src.close()


@contextlib.contextmanager
def _postgres_snapshot(lib: Library, workdir: Path) -> Iterator[tuple[Path, Any]]:
    """``pg_dump`` of one exported snapshot, and a connection reading that snapshot."""
    target = workdir / "caselib.pgdump"
    conninfo, env = _libpq(lib.settings.database_url)
    with lib.db.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            snapshot = conn.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            _run(
                [
                    pg_tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={target}",
                    f"--dbname={conninfo}",
                ],
                env,
                "pg_dump ",
                BackupFailed,
            )
            yield target, conn


def _rows(conn: Any, sql: str) -> list[tuple]:
    if isinstance(conn, sqlite3.Connection):
        return conn.execute(sql).fetchall()
    return [tuple(r) for r in conn.execute(text(sql)).all()]


def _facts(conn: Any) -> tuple[set[str], dict[str, int], str | None]:
    """The stored files the snapshot refers to, its row counts and its schema revision."""
    shas: set[str] = set()
    for table in _FILE_REFS:
        shas.update(r[0] for r in _rows(conn, f"SELECT sha256 FROM {table}") if r[0])
    counts = {t: _rows(conn, f"SELECT count(*) FROM {t}")[0][0] for t in _COUNTED}
    rev = _rows(conn, "SELECT version_num FROM alembic_version")
    return shas, counts, rev[0][0] if rev else None


def _settings_json(settings: Settings, include_secrets: bool) -> bytes:
    values = settings.as_dict()
    out = {f"CASELIB_{s.name}": values[s.name] for s in SETTINGS if include_secrets or not s.secret}
    return json.dumps(out, ensure_ascii=False, indent=2).encode("utf-8")


class _Writer:
    """Members added to the tar one by one, each with its size and SHA-256."""

    def __init__(self, tar: tarfile.TarFile):
        self.tar = tar
        self.members: list[dict[str, Any]] = []
        self.mtime = int(time.time())

    def _info(self, name: str, size: int) -> tarfile.TarInfo:
        info = tarfile.TarInfo(name)
        info.size, info.mode, info.mtime = size, 0o600, self.mtime
        return info

    def add_bytes(self, name: str, data: bytes) -> None:
        self.tar.addfile(self._info(name, len(data)), io.BytesIO(data))
        self.members.append(
            {"path": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        )

    def add_file(self, name: str, path: Path, expect: str | None = None) -> int:
        size = path.stat().st_size
        h = hashlib.sha256()

        class _Hashing(io.RawIOBase):
            def __init__(self, f: IO[bytes]):
                self.f = f

            def readable(self) -> bool:
                return True

            def readinto(self, b) -> int:
                data = self.f.read(len(b))
                h.update(data)
                b[: len(data)] = data
                return len(data)

        with open(path, "rb") as f:
            self.tar.addfile(self._info(name, size), io.BufferedReader(_Hashing(f), _CHUNK))
        digest = h.hexdigest()
        if expect is not None and digest != expect:
            raise BackupFailed(f"存储的文件已损坏（内容与校验值不符）：{expect}")
        self.members.append({"path": name, "size": size, "sha256": digest})
        return size


def backup(lib: Library, out: str | os.PathLike, *, include_secrets: bool = False) -> Report:
    """Write a backup of the library to ``out`` (a .tar.gz; written to a temporary file
    beside it and renamed, so a failed backup leaves nothing half-written)."""
    out = Path(out)
    if not out.parent.is_dir():
        raise BackupFailed(f"目录不存在：{out.parent}")
    settings = lib.settings
    dialect = lib.db.engine.dialect.name
    fd, partial = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    os.close(fd)
    try:
        with (
            tempfile.TemporaryDirectory(dir=out.parent, prefix=".caselib-backup-") as work,
            tarfile.open(partial, "w:gz", compresslevel=6) as tar,
        ):
            writer = _Writer(tar)
            snapshot = _sqlite_snapshot if dialect == "sqlite" else _postgres_snapshot
            if dialect not in ("sqlite", "postgresql"):
                raise BackupFailed(f"不支持备份该数据库：{dialect}")
            with snapshot(lib, Path(work)) as (db_copy, conn):
                shas, counts, revision = _facts(conn)
            member = SQLITE_MEMBER if dialect == "sqlite" else PGDUMP_MEMBER
            writer.add_file(member, db_copy)
            total = 0
            missing = [s for s in sorted(shas) if not lib.files.exists(s)]
            if missing:
                raise BackupFailed(
                    f"存储的文件缺失 {len(missing)} 个（如 {missing[0]}），请检查文件目录"
                )
            for sha in sorted(shas):
                path = lib.files.path_for(sha)
                total += writer.add_file(f"files/{sha[:2]}/{sha[2:4]}/{sha}", path, expect=sha)
            writer.add_bytes("settings.json", _settings_json(settings, include_secrets))
            key_file = settings.home_path / "secret_key"
            if include_secrets and key_file.is_file():
                writer.add_bytes("secret_key", key_file.read_bytes())
            created = _now()
            manifest = {
                "format": FORMAT,
                "created_at": created,
                "caselib": _version(),
                "database": dialect,
                "schema_revision": revision,
                "secrets": include_secrets,
                "counts": counts,
                "files": len(shas),
                "members": writer.members,
            }
            data = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
            tar.addfile(writer._info("manifest.json", len(data)), io.BytesIO(data))
        os.chmod(partial, 0o600)
        os.replace(partial, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise
    return Report(out, dialect, revision, counts, len(shas), total, created)


# -- restore --------------------------------------------------------------------------------


def _is_empty(path: Path) -> bool:
    return not path.exists() or (path.is_dir() and not any(path.iterdir()))


def _read_archive(archive: Path, into: Path) -> dict[str, Any]:
    """Every member of the archive into ``into``, checked against the manifest. Returns
    the manifest."""
    seen: dict[str, tuple[int, str]] = {}
    manifest: dict[str, Any] | None = None
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for info in tar:
                if not info.isfile() or not _MEMBER.match(info.name) or info.name in seen:
                    raise BadArchive(f"备份文件中有不应有的内容：{info.name}")
                src = tar.extractfile(info)
                if info.name == "manifest.json":
                    raw = src.read(16 * 1024 * 1024)
                    try:
                        manifest = json.loads(raw)
                    except ValueError as e:
                        raise BadArchive("备份清单（manifest.json）无法读取") from e
                    seen[info.name] = (len(raw), "")
                    continue
                target = into / info.name
                target.parent.mkdir(parents=True, exist_ok=True)
                h = hashlib.sha256()
                size = 0
                with open(target, "wb") as f:
                    for chunk in iter(lambda src=src: src.read(_CHUNK), b""):
                        h.update(chunk)
                        size += len(chunk)
                        f.write(chunk)
                seen[info.name] = (size, h.hexdigest())
    except (tarfile.TarError, EOFError, OSError) as e:
        raise BadArchive(f"备份文件无法读取（{type(e).__name__}）：{archive}") from e
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BadArchive("不是 caselib 的备份文件（缺少备份清单）")
    listed = {m["path"]: (m["size"], m["sha256"]) for m in manifest.get("members", [])}
    present = {k: v for k, v in seen.items() if k != "manifest.json"}
    if set(listed) != set(present):
        gone = sorted(set(listed) - set(present))
        extra = sorted(set(present) - set(listed))
        what = (
            f"缺少 {gone[0]} 等 {len(gone)} 项" if gone else f"多出 {extra[0]} 等 {len(extra)} 项"
        )
        raise BadArchive(f"备份文件不完整：{what}")
    for name, (size, digest) in present.items():
        if listed[name] != (size, digest):
            raise BadArchive(f"校验失败，备份文件已损坏：{name}")
        if name.startswith("files/") and name.rsplit("/", 1)[1] != digest:
            raise BadArchive(f"校验失败，文件内容与名称不符：{name}")
    return manifest


def restore(settings: Settings, archive: str | os.PathLike) -> Report:
    """Restore a backup into the empty library of ``settings`` and rebuild its index.
    Raises :class:`RestoreRefused` (nothing changed) when the home, the file store or the
    database is not empty, :class:`BadArchive` when the archive does not check out (then
    the home is left empty)."""
    from ..context import Library
    from .db import make_engine
    from .migrate import upgrade

    archive = Path(archive)
    if not archive.is_file():
        raise BadArchive(f"备份文件不存在：{archive}")
    home = settings.home_path
    for what, path in (("CASELIB_HOME", home), ("文件目录", settings.files_path)):
        if not _is_empty(path):
            raise RestoreRefused(f"{what} 不是空目录：{path}；只能恢复到空的案例库")
    url = settings.database_url
    dialect = make_url(url).get_backend_name()
    if dialect == "sqlite":
        db_file = Path(make_url(url).database or "")
        if db_file.exists():
            raise RestoreRefused(f"数据库文件已存在：{db_file}；只能恢复到空的案例库")
    else:
        engine = make_engine(url)
        try:
            tables = inspect(engine).get_table_names()
        finally:
            engine.dispose()
        if tables:
            raise RestoreRefused(f"数据库不是空的（已有 {len(tables)} 个表）；只能恢复到空的数据库")

    created_home = not home.exists()
    home.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=home, prefix=".restore-"))
    database_written = False
    try:
        manifest = _read_archive(archive, work)
        kind = manifest.get("database")
        if kind != dialect:
            raise RestoreRefused(
                f"备份的数据库是 {kind}，当前配置的是 {dialect}：请设置相应的 CASELIB_DATABASE_URL"
            )
        notes: list[str] = []
        # The database.
        if dialect == "sqlite":
            db_file.parent.mkdir(parents=True, exist_ok=True)
            database_written = True
            shutil.move(work / SQLITE_MEMBER, db_file)
        else:
            database_written = True
            conninfo, env = _libpq(url)
            _run(
                [
                    pg_tool("pg_restore"),
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    "--exit-on-error",
                    f"--dbname={conninfo}",
                    str(work / PGDUMP_MEMBER),
                ],
                env,
                "pg_restore ",
                BadArchive,
            )
        engine = make_engine(url)
        try:
            before, after = upgrade(engine)
        finally:
            engine.dispose()
        if before != after:
            notes.append(f"数据库已从 {before} 升级到 {after}")
        # The files.
        files_root = settings.files_path
        count = total = 0
        for path in sorted((work / "files").glob("*/*/*")):
            target = files_root / path.relative_to(work / "files")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, target)
            count += 1
            total += target.stat().st_size
        # The settings: the key (when the backup has it), the rest for the operator.
        if (work / "secret_key").is_file() and not settings.secret_key:
            key = home / "secret_key"
            shutil.move(work / "secret_key", key)
            os.chmod(key, 0o600)
            notes.append("已恢复会话密钥（secret_key）")
        saved = json.loads((work / "settings.json").read_text(encoding="utf-8"))
        shutil.move(work / "settings.json", home / "settings-from-backup.json")
        current = settings.as_dict()
        local = {"HOME", "FILES_DIR", "INDEX_DIR"}
        differ = sorted(
            k
            for k, v in saved.items()
            if k.removeprefix("CASELIB_") not in local
            and k.removeprefix("CASELIB_") in current
            and current[k.removeprefix("CASELIB_")] != v
        )
        if differ:
            notes.append(
                "备份时的设置与现在不同：" + "、".join(differ) + "（见 settings-from-backup.json）"
            )
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        _empty_again(settings, home, created_home, database=database_written)
        raise
    shutil.rmtree(work, ignore_errors=True)
    # The index: derived, rebuilt from what was restored.
    lib = Library(settings)
    try:
        lib.init()
        with lib.db.session() as s:
            counts = {
                t: s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in _COUNTED
            }
    finally:
        lib.close()
    return Report(
        archive,
        dialect,
        after,
        counts,
        count,
        total,
        manifest.get("created_at", ""),
        notes,
    )


def _empty_again(settings: Settings, home: Path, created_home: bool, *, database: bool) -> None:
    """After a failed restore: leave the home, the file store and the database empty, as
    they were (the database was checked to be empty before anything was written)."""
    for child in list(home.iterdir()) if home.exists() else []:
        if child.is_dir():
            shutil.rmtree(child, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                child.unlink()
    if settings.files_path.exists() and not settings.files_path.is_relative_to(home):
        for child in settings.files_path.iterdir():
            shutil.rmtree(child, ignore_errors=True) if child.is_dir() else child.unlink()
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                Path(url.database + suffix).unlink()
    elif database:
        from .db import make_engine

        engine = make_engine(settings.database_url)
        try:
            with engine.begin() as conn:
                for table in inspect(conn).get_table_names():
                    conn.execute(text(f'DROP TABLE IF EXISTS "{table}" CASCADE'))
        finally:
            engine.dispose()
    if created_home:
        with contextlib.suppress(OSError):
            home.rmdir()
