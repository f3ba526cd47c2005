"""Web sessions end on the server: logging out, changing the password and an
administrator's reset leave every old copy of the cookie (and, for a password, every API
token) useless, on every worker and every app node."""

from __future__ import annotations

from sqlalchemy import func, select

from .conftest import PASSWORD, audit_actions, csrf_of, login

COOKIE = "caselib_session"


def _cookie(client) -> str:
    return client.get_cookie(COOKIE).value


def _with_cookie(app, value: str):
    c = app.test_client()
    c.set_cookie(COOKIE, value)
    return c


def _opens(client, url: str = "/") -> bool:
    resp = client.get(url)
    return resp.status_code == 200


def test_logout_ends_the_session_for_every_copy_of_the_cookie(app, client, lib):
    """After POST /logout the cookie the browser had (say, copied by someone) opens no
    page: the session is gone from the server, not just from the browser."""
    from library.models import WebSession

    login(client, "admin")
    copied = _cookie(client)
    assert _opens(_with_cookie(app, copied))
    resp = client.post("/logout", data={"csrf_token": csrf_of(client)})
    assert resp.status_code == 302

    replay = _with_cookie(app, copied)
    resp = replay.get("/")
    assert resp.status_code == 302 and resp.location.startswith("/login")
    assert replay.get("/audit").status_code == 302
    with lib.db.session() as s:
        assert s.scalar(select(func.count()).select_from(WebSession)) == 0
    assert audit_actions(lib, "auth.logout")[-1].actor == "admin"


def test_logout_ends_only_that_session(app, login_as):
    """Logging out in one browser leaves the account's other browsers logged in."""
    first, second = login_as("shiju"), login_as("shiju")
    first.post("/logout", data={"csrf_token": csrf_of(first)})
    assert not _opens(first) and _opens(second)


def test_a_logout_on_one_node_ends_the_session_on_the_others(app, home, client):
    """Another app (another worker or node, same database and key) refuses the cookie of
    a session ended here at once: nothing is cached."""
    from web import create_app

    other = create_app({"CASELIB": {"home": str(home), "ingest_workers": 1}, "CASELIB_ENV": {}})
    try:
        login(client, "admin")
        copied = _cookie(client)
        assert _opens(_with_cookie(other, copied))
        client.post("/logout", data={"csrf_token": csrf_of(client)})
        assert not _opens(_with_cookie(other, copied))
    finally:
        other.extensions["caselib"].close()


def _change(client, current: str, new: str, confirm: str | None = None):
    return client.post(
        "/account/password",
        data={
            "csrf_token": csrf_of(client),
            "current_password": current,
            "new_password": new,
            "confirm_password": new if confirm is None else confirm,
        },
    )


def test_changing_the_password_ends_every_other_session_and_token(app, login_as, token_for, lib):
    """A password change ends the account's other sessions and its API tokens; the
    browser that changed it stays logged in with a new session; only the new password
    logs in."""
    headers = token_for("shengting")
    me = login_as("shengting")
    elsewhere = login_as("shengting")
    before = _cookie(me)
    assert app.test_client().get("/api/v1/me", headers=headers).status_code == 200

    resp = _change(me, PASSWORD, "new-secret-2026")
    assert resp.status_code == 302

    assert _opens(me)
    assert _cookie(me) != before
    assert not _opens(elsewhere)
    assert not _opens(_with_cookie(app, before))
    assert app.test_client().get("/api/v1/me", headers=headers).status_code == 401
    fresh = app.test_client()
    resp = fresh.post(
        "/login",
        data={"username": "shengting", "password": PASSWORD, "csrf_token": csrf_of(fresh)},
    )
    assert resp.status_code == 401
    login(app.test_client(), "shengting", "new-secret-2026")
    event = audit_actions(lib, "user.password_change")[-1]
    assert event.actor == "shengting"


def test_a_password_change_with_bad_fields_changes_nothing(app, login_as):
    """A wrong current password, a short one or a mismatched confirmation: 422 with every
    bad field, the password and the sessions unchanged."""
    me = login_as("shiju")
    elsewhere = login_as("shiju")
    resp = _change(me, "not-my-password", "short", "other")
    assert resp.status_code == 422
    page = resp.get_data(as_text=True)
    assert "当前密码不正确" in page and "新密码至少 8 位" in page and "两次输入" in page
    assert _opens(me) and _opens(elsewhere)
    login(app.test_client(), "shiju", PASSWORD)


def test_an_administrators_reset_ends_the_accounts_sessions(app, login_as, lib):
    """`caselib user add --update` (a reset) logs the account out everywhere."""
    from library.accounts.users import create_user

    me = login_as("tianbao")
    assert _opens(me)
    create_user(lib, "tianbao", "reset-pass-1", "submitter", update=True)
    assert not _opens(me)


def test_a_request_that_changes_nothing_does_not_send_the_cookie_back(app, login_as):
    """The session cookie is sent back only when the session changed. A request the page
    made before a form was posted (PDF.js reading the file, a script) may answer after the
    post: sending its copy of the cookie would put back a session without the post's flash
    (what a reviewer saw as a click with no message)."""
    client = login_as("shiju")
    client.get("/")  # the CSRF token is in the session now
    before = _cookie(client)
    old = _with_cookie(app, before)
    for url in ("/static/app.js", "/", "/?q=营商环境", "/my"):
        resp = old.get(url)
        assert resp.status_code in (200, 302), url
        assert not [h for h in resp.headers.getlist("Set-Cookie") if h.startswith(COOKIE)], url
    # The inactivity clock still moves the cookie on, at most twice a minute.
    with client.session_transaction() as s:
        s["seen"] -= 31
    resp = client.get("/")
    assert [h for h in resp.headers.getlist("Set-Cookie") if h.startswith(COOKIE)]
