"""Logging in and out, roles, CSRF, session expiry and the login slow-down."""

from __future__ import annotations

import time

from .conftest import PASSWORD, audit_actions, csrf_of, login


def test_pages_send_visitors_to_the_login_page(client):
    """Every page of the library needs a session; a visitor is sent to log in and back."""
    for url in ("/", "/cases/YS2019-00001", "/upload", "/audit", "/template", "/suggest?q=企业"):
        resp = client.get(url)
        assert resp.status_code == 302, url
        assert resp.location.startswith("/login?next="), url


def test_login_starts_a_session_and_is_audited(client, lib):
    """A correct login redirects to the page asked for and writes auth.login."""
    resp = client.post(
        "/login",
        data={
            "username": "tianbao",
            "password": PASSWORD,
            "csrf_token": csrf_of(client),
            "next": "/cases/YS2019-00001",
        },
    )
    assert resp.status_code == 302
    assert resp.location == "/cases/YS2019-00001"
    assert client.get("/").status_code == 200
    events = audit_actions(lib, "auth.login")
    assert events[-1].actor == "tianbao"


def test_wrong_password_is_refused_with_one_message_and_audited(client, lib):
    """Wrong password and unknown user get the same message; both are audited."""
    r1 = client.post(
        "/login", data={"username": "tianbao", "password": "nope", "csrf_token": csrf_of(client)}
    )
    r2 = client.post(
        "/login", data={"username": "nobody", "password": "nope", "csrf_token": csrf_of(client)}
    )
    assert r1.status_code == r2.status_code == 401
    assert "用户名或密码错误" in r1.get_data(as_text=True)
    assert "用户名或密码错误" in r2.get_data(as_text=True)
    failed = audit_actions(lib, "auth.login_failed")
    assert [e.detail["reason"] for e in failed[-2:]] == ["bad_password", "unknown_user"]


def test_repeated_failures_lock_the_account(client, lib):
    """After five failures in a row the name is refused for a while, even with the right
    password, with a Retry-After."""
    from sqlalchemy import select

    from library.models import LoginThrottle

    for _ in range(5):
        resp = client.post(
            "/login", data={"username": "shiju", "password": "wrong", "csrf_token": csrf_of(client)}
        )
    assert resp.status_code == 429
    assert "尝试次数过多" in resp.get_data(as_text=True)
    resp = client.post(
        "/login", data={"username": "shiju", "password": PASSWORD, "csrf_token": csrf_of(client)}
    )
    assert resp.status_code == 429 and int(resp.headers["Retry-After"]) <= 30
    with lib.db.session() as s:
        row = s.get(LoginThrottle, "pair:shiju\x1f127.0.0.1")
        assert row.failures == 5 and row.locked_until is not None
        assert "shiju" not in {r.key for r in s.scalars(select(LoginThrottle))}


def test_login_form_without_csrf_token_is_refused(client):
    """A POST without the session's CSRF token is refused before anything happens."""
    client.get("/login")
    resp = client.post("/login", data={"username": "admin", "password": PASSWORD})
    assert resp.status_code == 400
    assert "csrf_failed" in resp.get_data(as_text=True)
    with client.session_transaction() as s:
        assert "uid" not in s


def test_every_form_post_needs_the_csrf_token(client):
    """Logged-in POSTs (review, upload, logout) without the token answer 400 csrf_failed."""
    login(client, "admin")
    for url in ("/cases/YS2019-00001/review", "/upload", "/logout", "/upload/similar"):
        resp = client.post(url, data={"rating": "5", "recommend": "1"})
        assert resp.status_code == 400, url
    with client.session_transaction() as s:
        assert "uid" in s  # the logout did not happen


def test_logout_ends_the_session_and_is_audited(client, lib):
    """Logging out clears the session; the next page asks to log in again."""
    login(client, "admin")
    resp = client.post("/logout", data={"csrf_token": csrf_of(client)})
    assert resp.status_code == 302
    assert client.get("/").status_code == 302
    assert audit_actions(lib, "auth.logout")[-1].actor == "admin"


def test_session_expires_after_inactivity(client, lib):
    """A session idle for longer than SESSION_MINUTES is dropped on the server."""
    login(client, "admin")
    with client.session_transaction() as s:
        s["seen"] = int(time.time()) - lib.settings.session_minutes * 60 - 5
    resp = client.get("/")
    assert resp.status_code == 302 and resp.location.startswith("/login")
    with client.session_transaction() as s:
        assert "uid" not in s


def test_session_cookie_is_httponly_and_samesite(client):
    """The session cookie is not readable by scripts and not sent cross-site."""
    resp = client.post(
        "/login", data={"username": "admin", "password": PASSWORD, "csrf_token": csrf_of(client)}
    )
    cookie = resp.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_login_never_redirects_off_site(client):
    """?next= pointing to another host is ignored."""
    resp = client.post(
        "/login",
        data={
            "username": "admin",
            "password": PASSWORD,
            "csrf_token": csrf_of(client),
            "next": "https://evil.example/x",
        },
    )
    assert resp.location == "/"
    resp = client.post(
        "/login",
        data={
            "username": "admin",
            "password": PASSWORD,
            "csrf_token": csrf_of(client),
            "next": "//evil.example/x",
        },
    )
    assert resp.location == "/"


def test_roles_decide_what_pages_offer_and_allow(login_as):
    """Upload is for submitters, coordinators and admins; the audit log for admins; review
    for reviewers, coordinators and admins."""
    expected = {
        "tianbao": {"upload": 200, "audit": 403, "review_form": False},
        "shenhe": {"upload": 403, "audit": 403, "review_form": False},
        "yingshangban": {"upload": 200, "audit": 403, "review_form": True},
        "shiju": {"upload": 403, "audit": 403, "review_form": True},
        "shengting": {"upload": 403, "audit": 403, "review_form": True},
        "admin": {"upload": 200, "audit": 200, "review_form": True},
    }
    for username, exp in expected.items():
        c = login_as(username)
        assert c.get("/upload").status_code == exp["upload"], username
        assert c.get("/admin/audit").status_code == exp["audit"], username
        page = c.get("/cases/YS2019-00001").get_data(as_text=True)
        assert ("保存点评" in page) is exp["review_form"], username
        assert ('href="/upload"' in c.get("/").get_data(as_text=True)) is (exp["upload"] == 200), (
            username
        )
