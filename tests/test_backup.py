"""`caselib backup` and `caselib restore`: a consistent copy of a library taken while it is
written to (the database through SQLite's online backup API or pg_dump, the files it refers
to, the settings that are not secrets), checked by a manifest of checksums, restored into
an empty home with the index rebuilt."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from library.accounts.audit import Actor
from library.accounts.users import create_user
from library.cases import reviews, search
from library.cases.submit import Upload
from library.config import Settings
from library.context import Library
from library.models import AuditEvent, Case, Document, DocumentVersion, Review
from library.storage.backup import backup, restore
from tests.conftest import SAMPLE_TEXT, docx_bytes, submit, valid_form
from tests.samples import cli_env

CASELIB = str(Path(sys.executable).with_name("caselib"))


def _members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive, "r:gz") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar}


def _restored(tmp_path: Path, name: str = "restored", **settings) -> Settings:
    return Settings({"home": str(tmp_path / name), "ingest_workers": 1, **settings}, env={})


def _case(lib: Library, n: int, **form):
    data = docx_bytes(SAMPLE_TEXT + [f"第{n}号备份样例，一网通办。"], title=f"备份样例{n}")
    case = submit(
        lib,
        valid_form(name=f"备份样例案例{n}", **form),
        Upload(f"备份样例{n}.docx", data),
        Actor.cli(),
        confirm_near_duplicate=True,
    )
    return case.case_no, data


def test_a_copy_of_the_database_file_misses_what_the_backup_has(tmp_path, fresh_lib):
    """The latest case is still in SQLite's write-ahead log while the library serves: `cp`
    of caselib.sqlite3 does not have it; the backup (online backup API) does."""
    lib = fresh_lib
    _case(lib, 1)
    latest, _ = _case(lib, 2)
    db = Path(lib.db.engine.url.database)
    assert Path(str(db) + "-wal").stat().st_size > 0  # the server's connection is open

    copied = tmp_path / "copied.sqlite3"
    shutil.copy(db, copied)
    with sqlite3.connect(copied) as c:
        in_copy = {r[0] for r in c.execute("SELECT case_no FROM cases")}
    assert latest not in in_copy

    archive = tmp_path / "backup.tar.gz"
    backup(lib, archive)
    settings = _restored(tmp_path)
    restore(settings, archive)
    restored = Library(settings)
    try:
        with restored.db.session() as s:
            assert latest in set(s.scalars(select(Case.case_no)))
        assert latest in {h.case_no for h in search.search(restored, {"q": "一网通办"}).hits}
    finally:
        restored.close()


def test_a_backup_taken_under_write_load_restores_every_committed_row(tmp_path, fresh_lib):
    """Cases and reviews keep being written while the backup runs. The restored library
    has every case, file, review and audit row committed before the backup began, only
    rows that were committed, every document's file byte for byte, and a rebuilt index."""
    lib = fresh_lib
    reviewers = [
        create_user(lib, f"pingshen{i}", "correct-horse", "reviewer", region="330000")
        for i in range(12)
    ]
    seeds = [_case(lib, n) for n in range(3)]
    committed: dict[str, list] = {"cases": list(seeds), "reviews": []}
    lock = threading.Lock()
    stop = threading.Event()
    errors: list[BaseException] = []

    def write_cases():
        n = 100
        while not stop.is_set():
            item = _case(lib, n)
            with lock:
                committed["cases"].append(item)
            n += 1

    def write_reviews():
        from library.accounts.users import find_user

        pairs = [(who, no) for no, _ in seeds for who in reviewers]  # each saved once
        for i, (who, case_no) in enumerate(pairs):
            if stop.is_set():
                return
            with lib.db.session() as s:
                actor = Actor.of(find_user(s, who.username))
            rating = 1 + i % 5
            reviews.save_review(
                lib, case_no, {"recommend": "1", "rating": str(rating), "comment": "好"}, actor
            )
            with lock:
                committed["reviews"].append((case_no, who.username, rating))
            time.sleep(0.02)

    def guarded(fn):
        def run():
            try:
                fn()
            except BaseException as e:  # noqa: BLE001 - reported by the test
                errors.append(e)

        return run

    threads = [threading.Thread(target=guarded(f)) for f in (write_cases, write_reviews)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with lock:
            if len(committed["cases"]) >= 5 and len(committed["reviews"]) >= 3:
                break
        time.sleep(0.05)
    with lock:
        before = {k: list(v) for k, v in committed.items()}
    with lib.db.session() as s:
        audit_before = {e.id: (e.action, e.object_id) for e in s.scalars(select(AuditEvent))}
    archive = tmp_path / "under-load.tar.gz"
    report = backup(lib, archive)
    # The writers ran the whole time the backup was taken (how many of their commits fall
    # inside it depends on the machine's speed, so it is not counted) and go on after it.
    assert all(t.is_alive() for t in threads) and not errors, errors
    time.sleep(0.3)
    stop.set()
    for t in threads:
        t.join(120)
    assert not errors, errors
    with lock:
        after = {k: list(v) for k, v in committed.items()}

    settings = _restored(tmp_path)
    restore(settings, archive)
    restored = Library(settings)
    try:
        with restored.db.session() as s:
            cases = {c.case_no: c for c in s.scalars(select(Case))}
            docs = {d.case_id: (d.sha256, d.size) for d in s.scalars(select(Document))}
            versions = list(s.scalars(select(DocumentVersion)))
            review_rows = {
                (r.case.case_no, r.user.username, r.rating) for r in s.scalars(select(Review))
            }
            audit = {e.id: (e.action, e.object_id) for e in s.scalars(select(AuditEvent))}
        # Every case committed before the backup, and only committed ones.
        assert {no for no, _ in before["cases"]} <= set(cases) <= {no for no, _ in after["cases"]}
        assert report.counts["cases"] == len(cases)
        data_of = dict(after["cases"])
        for no, case in cases.items():
            sha, size = docs[case.id]
            stored = restored.files.get(sha)
            assert stored == data_of[no] and len(stored) == size, no
        for v in versions:
            assert restored.files.exists(v.sha256)
        # Every review committed before the backup, and only committed ones.
        assert set(before["reviews"]) <= review_rows <= set(after["reviews"])
        # Every audit row committed before the backup, unchanged.
        assert set(audit_before) <= set(audit)
        assert {k: audit[k] for k in audit_before} == audit_before
        # The index, rebuilt: every restored published case is found.
        assert sorted(restored.index.case_nos()) == sorted(cases)
    finally:
        restored.close()


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([CASELIB, *args], env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def home_with_cases(tmp_path, fresh_lib):
    _case(fresh_lib, 1)
    _case(fresh_lib, 2)
    (fresh_lib.settings.home_path / "secret_key").write_text("k" * 64, encoding="ascii")
    return fresh_lib.settings.home_path


def test_cli_backup_writes_a_manifest_and_no_secrets_unless_asked(tmp_path, home_with_cases):
    """`caselib backup OUT.tar.gz`: a manifest with every other member's size and SHA-256,
    the non-secret settings; the key, the database URL and the webhook only with
    --include-secrets."""
    webhook = "https://robot.example.gov.cn/send?access_token=SECRET-TOKEN-123"
    env = cli_env(home_with_cases, CASELIB_NOTIFY_WEBHOOK=webhook, CASELIB_PUBLIC_URL="https://x")
    out = tmp_path / "b.tar.gz"
    done = _run("backup", str(out), env=env)
    assert done.returncode == 0, done.stderr
    assert "2 个案例" in done.stdout
    members = _members(out)
    manifest = json.loads(members.pop("manifest.json"))
    assert manifest["format"] == "caselib-backup/1" and manifest["database"] == "sqlite"
    assert manifest["counts"]["cases"] == 2 and manifest["files"] == 2
    import hashlib

    listed = {m["path"]: m for m in manifest["members"]}
    assert set(listed) == set(members)
    for name, data in members.items():
        assert listed[name]["sha256"] == hashlib.sha256(data).hexdigest(), name
        assert listed[name]["size"] == len(data)
    settings = json.loads(members["settings.json"])
    assert settings["CASELIB_PUBLIC_URL"] == "https://x"
    for secret in ("CASELIB_SECRET_KEY", "CASELIB_DATABASE_URL", "CASELIB_NOTIFY_WEBHOOK"):
        assert secret not in settings
    assert "secret_key" not in members
    assert all(b"SECRET-TOKEN-123" not in data for data in members.values())

    out2 = tmp_path / "s.tar.gz"
    assert _run("backup", "--include-secrets", str(out2), env=env).returncode == 0
    members = _members(out2)
    assert json.loads(members["settings.json"])["CASELIB_NOTIFY_WEBHOOK"] == webhook
    assert members["secret_key"] == b"k" * 64
    assert json.loads(members["manifest.json"])["secrets"] is True


def test_cli_restore_into_an_empty_home_rebuilds_the_index(tmp_path, home_with_cases):
    """`caselib restore FILE.tar.gz` into an empty home: the cases, their files and the
    key are back and the index is rebuilt, so search finds them."""
    out = tmp_path / "b.tar.gz"
    assert (
        _run("backup", "--include-secrets", str(out), env=cli_env(home_with_cases)).returncode == 0
    )
    target = tmp_path / "new-home"
    done = _run("restore", str(out), env=cli_env(target))
    assert done.returncode == 0, done.stderr
    assert "索引已重建" in done.stdout
    assert (target / "secret_key").read_text() == "k" * 64
    done = _run("search", "一网通办", "--json", env=cli_env(target))
    assert json.loads(done.stdout)["total"] == 2


def _one_line(done: subprocess.CompletedProcess) -> str:
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("caselib: ")
    return lines[0]


def test_cli_restore_refuses_a_home_that_is_not_empty(tmp_path, home_with_cases):
    """Restoring over a library (or any non-empty folder) is refused with exit 2 and one
    line, and nothing there is touched."""
    out = tmp_path / "b.tar.gz"
    assert _run("backup", str(out), env=cli_env(home_with_cases)).returncode == 0
    before = sorted(p.name for p in home_with_cases.iterdir())
    done = _run("restore", str(out), env=cli_env(home_with_cases))
    assert done.returncode == 2
    assert "不是空目录" in _one_line(done)
    assert sorted(p.name for p in home_with_cases.iterdir()) == before
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("keep me", encoding="utf-8")
    done = _run("restore", str(out), env=cli_env(other))
    assert done.returncode == 2 and (other / "notes.txt").read_text(encoding="utf-8") == "keep me"


def _tampered(archive: Path, target: Path, change) -> Path:
    with tarfile.open(archive, "r:gz") as src, tarfile.open(target, "w:gz") as dst:
        for m in src:
            data = src.extractfile(m).read()
            data = change(m.name, data)
            if data is None:
                continue
            m.size = len(data)
            dst.addfile(m, io.BytesIO(data))
    return target


def test_cli_restore_checks_every_checksum(tmp_path, home_with_cases):
    """A changed file, a missing one or something that is no backup: exit 2, one line,
    and the target home is left empty."""
    out = tmp_path / "b.tar.gz"
    assert _run("backup", str(out), env=cli_env(home_with_cases)).returncode == 0

    def flip(name, data):
        return data[:-1] + bytes([data[-1] ^ 1]) if name.startswith("files/") else data

    bad = {
        "changed": _tampered(out, tmp_path / "changed.tar.gz", flip),
        "missing": _tampered(
            out, tmp_path / "missing.tar.gz", lambda n, d: None if n.startswith("files/") else d
        ),
    }
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a backup at all")
    bad["junk"] = junk
    for what, archive in bad.items():
        target = tmp_path / f"home-{what}"
        done = _run("restore", str(archive), env=cli_env(target))
        assert done.returncode == 2, (what, done.stderr)
        line = _one_line(done)
        assert "bad_archive" in line, line
        assert not target.exists() or not any(target.iterdir()), what


def test_cli_backup_refuses_a_bad_name_and_a_missing_library(tmp_path):
    """OUT must be a .tar.gz; a home without a library has nothing to back up."""
    env = cli_env(tmp_path / "nothing-here")
    done = _run("backup", str(tmp_path / "b.zip"), env=env)
    assert done.returncode == 2 and ".tar.gz" in _one_line(done)
    done = _run("backup", str(tmp_path / "b.tar.gz"), env=env)
    assert done.returncode == 2 and "没有可备份的案例库" in _one_line(done)
    assert not (tmp_path / "nothing-here").exists()
