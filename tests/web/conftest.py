"""Fixtures of the web tests: a demo library built once per session (45 demo cases, the
demo accounts and reviews) and copied for each test, the app on that copy, and logged-in
clients (session cookie or API token)."""

from __future__ import annotations

import re
import shutil
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

    lib = Library(Settings({"home": str(home), "ingest_workers": 1}, env={}))
    lib.init()
    load_demo(lib)
    load_accounts(lib)
    load_reviews(lib)
    load_workflow(lib)
    load_monitoring(lib)
    lib.ensure_index()
    lib.close()
    return home


@pytest.fixture(scope="session")
def demo_home(tmp_path_factory) -> Path:
    """The demo library, built once (about 20 s); tests get a copy."""
    return build_demo_home(tmp_path_factory.mktemp("demo") / "home")


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
