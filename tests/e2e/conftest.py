"""End-to-end fixtures: the demo library served by a real HTTP server (werkzeug, in a
thread) and Debian's chromium driven by Playwright. Screenshots go to tests/screenshots/."""

from __future__ import annotations

import os
import shutil
import socket
import threading
from pathlib import Path

import pytest

from tests.web.conftest import PASSWORD, shared_demo_home

CHROMIUM = os.environ.get("CASELIB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"


@pytest.fixture(scope="session")
def e2e_home(tmp_path_factory) -> Path:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"chromium not found at {CHROMIUM}")
    return shared_demo_home(tmp_path_factory)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(e2e_home, tmp_path_factory):
    """A fresh copy of the demo library per test module, served on a free port."""
    import logging

    from werkzeug.serving import make_server

    from web import create_app

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no access log in test output

    home = tmp_path_factory.mktemp("served") / "home"
    shutil.copytree(e2e_home, home, ignore=shutil.ignore_patterns("*.lock"))
    app = create_app({"CASELIB": {"home": str(home), "ingest_workers": 1}, "CASELIB_ENV": {}})
    srv = make_server("127.0.0.1", _free_port(), app, threaded=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield {
        "url": f"http://127.0.0.1:{srv.server_port}",
        "app": app,
        "lib": app.extensions["caselib"],
    }
    srv.shutdown()
    thread.join(5)
    app.extensions["caselib"].close()


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.skip(f"chromium not found at {CHROMIUM}")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright):
    """A chromium per test module (a second to start): one that crashes takes only its
    module's tests with it."""
    b = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield b
    if b.is_connected():
        b.close()


@pytest.fixture
def new_page(browser, server):
    """A page in a fresh browser context (own cookies), 1366×768 unless told otherwise."""
    contexts = []

    def make(*, width: int = 1366, height: int = 768, **kwargs):
        ctx = browser.new_context(
            viewport={"width": width, "height": height},
            locale="zh-CN",
            accept_downloads=True,
            base_url=server["url"],
            **kwargs,
        )
        contexts.append(ctx)
        page = ctx.new_page()
        page.set_default_timeout(20_000)
        return page

    yield make
    for ctx in contexts:
        ctx.close()


def log_in(page, username: str, password: str = PASSWORD) -> None:
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)


def shot(page, name: str, *, full_page: bool = False) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
