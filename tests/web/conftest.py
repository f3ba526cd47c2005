"""Fixtures of the web tests: a demo library built once per test run (45 demo cases, the
demo accounts and reviews, its previews made) and copied for each test, the app on that
copy, and logged-in clients (session cookie or API token)."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

PASSWORD = "demo-2021"


def build_demo_home(home: Path) -> Path:
    from library.config import Settings
    from library.context import Library
    from library.demo.accounts import load_accounts, load_reviews
    from library.demo.loader import load_demo
    from library.demo.monitoring import load_monitoring
    from library.demo.workflow import load_workflow
    from tests.conftest import TEST_PASSWORD_HASH

    lib = Library(
        Settings(
            {"home": str(home), "ingest_workers": 1, "password_hash": TEST_PASSWORD_HASH}, env={}
        )
    )
    lib.init()
    load_demo(lib)
    load_accounts(lib)
    load_reviews(lib)
    load_workflow(lib)
    load_monitoring(lib)
    lib.ensure_index()
    _run_jobs(lib)
    lib.close()
    return home


def _run_jobs(lib) -> None:
    """Run the jobs the demo queued (the Word cases' PDF previews, a scan's text), two at
    a time, as a library that has been serving for a while has them: a copy does not
    make them again in every test (a test's own job would wait behind 31 conversions)."""
    from library.jobs.runner import run_pending

    workers = [threading.Thread(target=run_pending, args=(lib,)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert run_pending(lib) == 0


def shared_demo_home(tmp_path_factory) -> Path:
    """The demo library of this test run: built by the first pytest-xdist worker that asks
    (under a lock in the folder the workers of one run share), then read by all."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    root = shared / "demo-library"
    with open(shared / "demo-library.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (root / "built").exists():
            shutil.rmtree(root, ignore_errors=True)
            build_demo_home(root / "home")
            (root / "built").touch()
    return root / "home"


@pytest.fixture(scope="session")
def demo_home(tmp_path_factory) -> Path:
    """The demo library, built once per run; tests get a copy."""
    return shared_demo_home(tmp_path_factory)


@pytest.fixture
def home(demo_home, tmp_path) -> Path:
    dest = tmp_path / "home"
    shutil.copytree(demo_home, dest, ignore=shutil.ignore_patterns("*.lock"))
    return dest


@pytest.fixture
def app(home):
    from web import create_app

    app = create_app(
        {"CASELIB": {"home": str(home), "ingest_workers": 1}, "CASELIB_ENV": {}, "TESTING": True}
    )
    yield app
    app.extensions["caselib"].close()


@pytest.fixture
def lib(app):
    """The library the app uses (to check stored state)."""
    return app.extensions["caselib"]


@pytest.fixture
def client(app):
    return app.test_client()


def csrf_of(client) -> str:
    """The CSRF token of the client's session (a page is fetched first if needed)."""
    with client.session_transaction() as s:
        token = s.get("csrf")
    if token:
        return token
    html = client.get("/login").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def login(client, username: str, password: str = PASSWORD):
    resp = client.post(
        "/login", data={"username": username, "password": password, "csrf_token": csrf_of(client)}
    )
    assert resp.status_code == 302, resp.get_data(as_text=True)[:500]
    return client


@pytest.fixture
def login_as(app) -> Callable:
    """A new test client logged in as a demo account."""

    def make(username: str):
        return login(app.test_client(), username)

    return make


@pytest.fixture
def token_for(client) -> Callable[[str], dict[str, str]]:
    """Authorization headers with a fresh API token of a demo account."""

    def make(username: str) -> dict[str, str]:
        resp = client.post("/api/v1/token", json={"username": username, "password": PASSWORD})
        assert resp.status_code == 200, resp.get_json()
        return {"Authorization": "Bearer " + resp.get_json()["token"]}

    return make


def audit_actions(lib, action: str | None = None) -> list:
    from sqlalchemy import select

    from library.models import AuditEvent

    with lib.db.session() as s:
        stmt = select(AuditEvent).order_by(AuditEvent.id)
        if action:
            stmt = stmt.where(AuditEvent.action == action)
        return list(s.scalars(stmt))


def case_by_name(lib, name: str):
    from sqlalchemy import select

    from library.models import Case

    with lib.db.session() as s:
        return s.scalar(select(Case).where(Case.name == name))
