"""The login throttle: by name and client address, telling nothing about which accounts
exist, never locking anyone out for more than a few minutes, and never locking an
account's owner out from the browser they use."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest

from library.accounts import auth, throttle
from library.errors import TooManyAttempts, Unauthorized
from library.models import utcnow

from .conftest import PASSWORD, csrf_of, login


def _try(client, username: str, password: str, address: str):
    return client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": csrf_of(client)},
        environ_base={"REMOTE_ADDR": address},
    )


def _page(resp, username: str) -> str:
    """The answer with what differs by design (the name typed in, the form's CSRF token)
    taken out."""
    html = resp.get_data(as_text=True).replace(username, "NAME")
    return re.sub(r'(name="csrf-token" content|name="csrf_token" value)="[^"]+"', r"\1=T", html)


def _token(client, username: str, address: str):
    return client.post(
        "/api/v1/token",
        json={"username": username, "password": "wrong-password"},
        environ_base={"REMOTE_ADDR": address},
    )


def _headers(resp) -> dict[str, str]:
    return {k: v for k, v in resp.headers.items() if k not in ("Date", "Set-Cookie")}


def test_an_unknown_name_and_a_real_one_get_the_same_answers(app, monkeypatch):
    """Wrong passwords for the admin and for a name nobody has, from two addresses: the
    same status, page, headers and JSON at every step (401, then 429 with the same
    Retry-After), so the answers tell nothing about which accounts exist. (The clock
    stands still within a step: two requests a few ms apart may straddle a second.)"""
    clock = [datetime(2026, 12, 2, 9, 0, 0)]
    monkeypatch.setattr(auth, "utcnow", lambda: clock[0])
    real, unknown = app.test_client(), app.test_client()
    statuses = []
    for _ in range(7):
        clock[0] += timedelta(seconds=1)
        a = _try(real, "admin", "wrong-password", "10.0.0.1")
        b = _try(unknown, "nobody-here", "wrong-password", "10.0.0.2")
        assert a.status_code == b.status_code
        assert _page(a, "admin") == _page(b, "nobody-here")
        assert a.headers.get("Retry-After") == b.headers.get("Retry-After")
        statuses.append(a.status_code)
    assert statuses == [401, 401, 401, 401, 429, 429, 429]

    api = app.test_client()
    for _ in range(7):
        a, b = _token(api, "admin", "10.0.1.1"), _token(api, "nobody-here", "10.0.1.2")
        assert (a.status_code, a.get_json(), _headers(a)) == (
            b.status_code,
            b.get_json(),
            _headers(b),
        )
    assert a.status_code == 429 and a.get_json()["code"] == "too_many_attempts"


def test_both_paths_check_one_password_hash_and_a_refused_one_none(app, monkeypatch):
    """The same work whether or not the name exists: one password hash checked per
    attempt (a dummy one for an unknown name), none once the attempt is refused."""
    import library.accounts.auth as auth_module

    checked: list[str] = []
    real_check = auth_module.check_password

    def counting(hash_, password):
        checked.append(hash_)
        return real_check(hash_, password)

    monkeypatch.setattr(auth_module, "check_password", counting)
    lib = app.extensions["caselib"]
    for name, address in (("admin", "10.0.2.1"), ("nobody-here", "10.0.2.2")):
        checked.clear()
        for _ in range(5):
            with pytest.raises((Unauthorized, TooManyAttempts)):
                auth.authenticate(lib, name, "wrong-password", remote=address)
        assert len(checked) == 5, name
        with pytest.raises(TooManyAttempts):
            auth.authenticate(lib, name, "wrong-password", remote=address)
        assert len(checked) == 5, name


def test_failures_from_elsewhere_never_lock_the_owner_out_of_their_browser(app):
    """Many wrong passwords for the admin from many addresses lock the name for new
    browsers, but the admin's own browser (it logged in before) still logs in at once."""
    own = login(app.test_client(), "admin")
    own.post("/logout", data={"csrf_token": csrf_of(own)})
    attacker = app.test_client()
    for i in range(25):
        _try(attacker, "admin", f"guess-{i}", f"172.16.{i}.1")
    assert _try(app.test_client(), "admin", PASSWORD, "172.16.99.1").status_code == 429
    resp = _try(own, "admin", PASSWORD, "172.16.0.1")  # even from an attacker's address
    assert resp.status_code == 302


def test_a_lock_lasts_a_few_minutes_at_most(lib):
    """However many failures, the name and the address are free again five minutes after
    the last one: nobody, the admin included, is locked out for longer."""
    now = utcnow()
    for _ in range(60):
        with pytest.raises((Unauthorized, TooManyAttempts)):
            auth.authenticate(lib, "admin", "wrong", remote="10.9.9.9", now=now)
    with pytest.raises(TooManyAttempts) as e:
        auth.authenticate(lib, "admin", PASSWORD, remote="10.9.9.9", now=now)
    assert e.value.details["retry_after"] <= throttle.MAX_LOCK_SECONDS == 300
    later = now + timedelta(seconds=throttle.MAX_LOCK_SECONDS + 1)
    assert auth.authenticate(lib, "admin", PASSWORD, remote="10.9.9.9", now=later).username == (
        "admin"
    )


def test_one_address_trying_many_names_is_slowed_down(lib):
    """A machine trying one password on many names is refused after 30 failures, for any
    name, existing or not."""
    now = utcnow()
    for i in range(30):
        with pytest.raises((Unauthorized, TooManyAttempts)):
            auth.authenticate(lib, f"user{i}", "123456", remote="10.7.7.7", now=now)
    for name in ("admin", "someone-else"):
        with pytest.raises(TooManyAttempts):
            auth.authenticate(lib, name, PASSWORD, remote="10.7.7.7", now=now)
    assert auth.authenticate(lib, "admin", PASSWORD, remote="10.7.7.8", now=now).username == (
        "admin"
    )


def test_behind_a_proxy_the_forwarded_address_is_the_clients(home):
    """With CASELIB_PROXIES=1 the throttle counts by X-Forwarded-For, so people behind one
    load balancer are not counted as one address."""
    from web import create_app

    app = create_app(
        {"CASELIB": {"home": str(home), "ingest_workers": 1, "proxies": 1}, "CASELIB_ENV": {}}
    )
    try:
        c = app.test_client()
        for _ in range(5):
            resp = c.post(
                "/login",
                data={"username": "admin", "password": "bad", "csrf_token": csrf_of(c)},
                headers={"X-Forwarded-For": "203.0.113.5"},
            )
        assert resp.status_code == 429
        resp = c.post(
            "/login",
            data={"username": "admin", "password": PASSWORD, "csrf_token": csrf_of(c)},
            headers={"X-Forwarded-For": "203.0.113.6"},
        )
        assert resp.status_code == 302
    finally:
        app.extensions["caselib"].close()
