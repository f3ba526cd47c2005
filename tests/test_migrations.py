"""A library made by release 0.1 (``tests/data/release_0_1``: its database as SQL, made by
that release's own code, and its stored files) upgrades in place, on SQLite and on
PostgreSQL: every case, file, review, user, token and audit row is kept, the cases stay
published (with their history and version 1 of their file), and the upgrade is idempotent."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text

from library.accounts import auth
from library.cases import search
from library.config import Settings
from library.context import Library
from library.models import (
    AuditEvent,
    Base,
    Case,
    CaseHistory,
    Document,
    DocumentVersion,
    Unit,
)
from library.storage.migrate import BASELINE, HEAD, at_head, current, head, upgrade

RELEASE = Path(__file__).parent / "data" / "release_0_1"
# What the fixture holds (made by tests/data/release_0_1/make_fixture.py).
KEPT = {
    "cases": 4,
    "documents": 4,
    "case_tags": 4,
    "reviews": 2,
    "users": 5,
    "units": 4,
    "api_tokens": 1,
}
TABLES = tuple(KEPT)


def test_head_is_known_without_alembic(tmp_path):
    """HEAD (read without loading Alembic) is the scripts' head; a database below it is
    upgraded, one at it is left alone."""
    assert HEAD == head()
    (tmp_path / "h").mkdir()
    lib = Library(Settings({"home": str(tmp_path / "h")}, env={}))
    assert not at_head(lib.db.engine)  # new: no alembic_version table
    upgrade(lib.db.engine, BASELINE)
    assert not at_head(lib.db.engine)
    assert upgrade(lib.db.engine) == (BASELINE, HEAD)
    assert at_head(lib.db.engine)
    assert upgrade(lib.db.engine) == (HEAD, HEAD)
    lib.close()


def _counts(lib: Library) -> dict[str, int]:
    with lib.db.session() as s:
        return {t: s.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}


def _release_rows(lib: Library) -> dict[str, list]:
    """The rows release 0.1 wrote, column by column as that release had them."""
    with lib.db.session() as s:
        return {
            "cases": s.execute(
                text(
                    "SELECT case_no, name, summary, theme_id, case_type, borrowed_from_id,"
                    " region_code, unit_name, contact_phone, published_at, status,"
                    " rating_avg, rating_count FROM cases ORDER BY id"
                )
            ).all(),
            "documents": s.execute(
                text("SELECT case_id, original_name, sha256, size, text FROM documents ORDER BY id")
            ).all(),
            "reviews": s.execute(
                text(
                    "SELECT case_id, user_id, rating, comment, recommendation_form"
                    " FROM reviews ORDER BY id"
                )
            ).all(),
            "users": s.execute(
                text("SELECT username, password_hash, role, unit_id, region_code FROM users")
            ).all(),
            "audit": s.execute(
                text(
                    "SELECT at, actor, action, object_type, object_id FROM audit_events ORDER BY id"
                )
            ).all(),
        }


def _check_upgraded(lib: Library, before: dict[str, list]) -> None:
    assert current(lib.db.engine) == head()
    assert set(Base.metadata.tables) <= set(inspect(lib.db.engine).get_table_names())
    assert _counts(lib) == KEPT
    after = _release_rows(lib)
    assert after["cases"] == before["cases"]
    assert after["documents"] == before["documents"]
    assert after["reviews"] == before["reviews"]
    assert sorted(after["users"]) == sorted(before["users"])
    # The audit log is kept row for row (the upgrade itself writes none).
    assert after["audit"] == before["audit"]
    with lib.db.session() as s:
        assert set(s.scalars(select(Case.status))) == {"published"}
        versions = s.execute(
            select(DocumentVersion.case_id, DocumentVersion.version, DocumentVersion.sha256)
        ).all()
        docs = s.execute(select(Document.case_id, Document.sha256)).all()
        assert sorted(versions) == sorted((c, 1, sha) for c, sha in docs)
        history = s.execute(select(CaseHistory.case_id, CaseHistory.to_status)).all()
        assert sorted(history) == sorted((c, "published") for c, _ in docs)
        assert all(u.active for u in s.scalars(select(Unit)))
    for _, sha in docs:
        assert lib.files.exists(sha)
    # The library works as before: the index is rebuilt from the database, old passwords
    # still log in, new audit rows follow the old ones.
    result = search.search(lib, {"q": "企业开办"})
    assert result.total >= 1 and "企业开办全流程一日办结改革" in [h.name for h in result.hits]
    assert auth.authenticate(lib, "tianbao", "release-0.1").username == "tianbao"
    with lib.db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == len(before["audit"]) + 1


def _home_with_files(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    shutil.copytree(RELEASE / "files", home / "files")
    return home


def _sqlite_release_library(tmp_path: Path) -> Library:
    home = _home_with_files(tmp_path)
    con = sqlite3.connect(home / "caselib.sqlite3")
    con.executescript((RELEASE / "sqlite.sql").read_text(encoding="utf-8"))
    con.close()
    return Library(Settings({"home": str(home), "ingest_workers": 1}, env={}))


def test_a_sqlite_library_of_release_0_1_upgrades_in_place_with_everything_kept(tmp_path):
    """``init`` on a 0.1 library stamps it at the baseline and upgrades it; nothing is
    lost, and running it again changes nothing."""
    lib = _sqlite_release_library(tmp_path)
    assert current(lib.db.engine) is None
    before = _release_rows(lib)
    assert _counts(lib) == KEPT
    lib.init()
    try:
        _check_upgraded(lib, before)
        again = upgrade(lib.db.engine)
        assert again == (head(), head())
        assert _counts(lib) == KEPT
    finally:
        lib.close()


def test_caselib_db_commands_upgrade_and_report_the_revision(tmp_path, monkeypatch, capsys):
    """``caselib db current`` names the revision; ``caselib db upgrade`` brings a 0.1
    library to the newest one."""
    from web.cli import main

    lib = _sqlite_release_library(tmp_path)
    monkeypatch.setenv("CASELIB_HOME", str(lib.settings.home_path))
    lib.close()
    assert main(["db", "current"]) == 0
    assert "未初始化或 0.1 版" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert f"{BASELINE} → {head()}" in capsys.readouterr().out
    assert main(["db", "current"]) == 0
    assert f"{head()}（最新）" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert "已是最新版本" in capsys.readouterr().out


def test_a_new_library_is_made_by_the_migrations_and_matches_the_models(tmp_path):
    """A new database made by running every migration has exactly the models' tables and
    columns (the migrations and the models cannot drift apart)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    lib = Library(Settings({"home": str(tmp_path / "home")}, env={}))
    lib.init(ensure_index=False)
    try:
        with lib.db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        lib.close()


@pytest.mark.postgres
def test_a_postgresql_library_of_release_0_1_upgrades_in_place(tmp_path, postgres_server):
    """The same library made by release 0.1 on PostgreSQL (its ``pg_dump``) upgrades in
    place with everything kept."""
    psql = shutil.which("psql")
    if psql is None:
        pytest.skip("psql is not installed")
    url = postgres_server.database("release_0_1")
    load = subprocess.run(
        [psql, "-q", "-v", "ON_ERROR_STOP=1", *postgres_server.psql_args("release_0_1")],
        input=(RELEASE / "postgres.sql").read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert load.returncode == 0, load.stderr[-500:]
    home = _home_with_files(tmp_path)
    lib = Library(Settings({"home": str(home), "database_url": url, "ingest_workers": 1}, env={}))
    try:
        assert current(lib.db.engine) is None
        before = _release_rows(lib)
        assert _counts(lib) == KEPT
        lib.init()
        _check_upgraded(lib, before)
        # New rows get ids after the old ones (the sequences were carried over).
        with lib.db.transaction() as s:
            s.add(Unit(name="迁移后新建单位", region_code="331002"))
        with lib.db.session() as s:
            assert s.scalar(select(func.max(Unit.id))) == KEPT["units"] + 1
    finally:
        lib.close()
