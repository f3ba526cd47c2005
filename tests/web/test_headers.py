"""Security headers on every response, and the session cookie's flags."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

from .conftest import PASSWORD, csrf_of, login

PAGES = (
    "/",
    "/cases/YS2019-00001",
    "/upload",
    "/calls",
    "/todo",
    "/my/cases",
    "/admin/audit",
    "/monitoring",
    "/stats",
)


def _app(home, **settings):
    from web import create_app

    return create_app(
        {"CASELIB": {"home": str(home), "ingest_workers": 1, **settings}, "CASELIB_ENV": {}}
    )


def _assert_hardened(resp, where: str, ancestors: str = "'self'") -> None:
    csp = resp.headers.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp and "script-src 'self'" in csp, where
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, where
    assert f"frame-ancestors {ancestors}" in csp, where
    assert "worker-src 'self' blob:" in csp, where
    assert resp.headers.get("X-Content-Type-Options") == "nosniff", where
    assert resp.headers.get("Referrer-Policy") == "same-origin", where


def test_every_page_and_api_answer_carries_the_security_headers(client, token_for):
    """Pages (logged in or not, errors too), downloads and API answers all say what the
    browser may load, that it must not sniff, what referrer it may send and that only
    this site may frame them."""
    resp = client.get("/login")
    _assert_hardened(resp, "/login")
    assert resp.headers["X-Frame-Options"] == "SAMEORIGIN"
    login(client, "admin")
    for url in PAGES + ("/cases/NO-SUCH", "/cases/YS2019-00001/file", "/static/app.js"):
        resp = client.get(url)
        assert resp.status_code in (200, 404), url
        _assert_hardened(resp, url)
        assert resp.headers["X-Frame-Options"] == "SAMEORIGIN", url
        resp.close()
    resp = client.get("/api/v1/me", headers=token_for("shiju"))
    _assert_hardened(resp, "/api/v1/me")
    _assert_hardened(client.get("/api/v1/me"), "/api/v1/me 401")


def test_frame_ancestors_setting_lets_the_messenger_frame_the_pages(home):
    """CASELIB_FRAME_ANCESTORS names who may frame the pages (the government messenger's
    web view); X-Frame-Options, which cannot say that, is then left out."""
    app = _app(home, frame_ancestors="'self' https://im.example.gov.cn")
    try:
        resp = app.test_client().get("/login")
        _assert_hardened(resp, "/login", "'self' https://im.example.gov.cn")
        assert "X-Frame-Options" not in resp.headers
    finally:
        app.extensions["caselib"].close()
    app = _app(home, frame_ancestors="'none'")
    try:
        resp = app.test_client().get("/login")
        assert "frame-ancestors 'none'" in resp.headers["Content-Security-Policy"]
        assert resp.headers["X-Frame-Options"] == "DENY"
    finally:
        app.extensions["caselib"].close()


def _login_cookie(app) -> str:
    client = app.test_client()
    resp = client.post(
        "/login", data={"username": "admin", "password": PASSWORD, "csrf_token": csrf_of(client)}
    )
    assert resp.status_code == 302
    return resp.headers["Set-Cookie"]


@pytest.mark.parametrize(
    ("settings", "secure", "samesite"),
    [
        ({}, False, "Lax"),
        ({"secure_cookies": "1"}, True, "Lax"),
        (
            {"secure_cookies": "1", "frame_ancestors": "'self' https://im.example.gov.cn"},
            True,
            "None",
        ),
    ],
)
def test_secure_cookies_setting_sets_the_secure_flag(home, settings, secure, samesite):
    """CASELIB_SECURE_COOKIES=1 sends the session cookie over HTTPS only; a cookie that
    other sites' frames must carry is SameSite=None (which needs Secure), else Lax."""
    app = _app(home, **settings)
    try:
        cookie = _login_cookie(app)
    finally:
        app.extensions["caselib"].close()
    assert ("; Secure" in cookie) is secure
    assert f"SameSite={samesite}" in cookie and "HttpOnly" in cookie


def test_templates_and_scripts_need_no_inline_code():
    """The CSP allows no inline script, style or event handler: the templates have none
    (a JSON data block, which no browser runs, is data)."""
    for path in (ROOT / "web" / "templates").rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not re.search(
            r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", html
        ), path
        assert not re.search(r"<style\b", html), path
        assert not re.search(r"\sstyle=", html), path
        assert not re.search(r"\son[a-z]+=", html), path
    for path in (ROOT / "web" / "static").glob("*.js"):
        js = path.read_text(encoding="utf-8")
        assert not re.search(r"""setAttribute\(\s*["']style["']|["']style["']\s*:""", js), path
        assert "eval(" not in js and "new Function" not in js, path
