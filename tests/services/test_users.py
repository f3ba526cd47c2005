"""Accounts: hashed passwords, the login slow-down, API tokens, roles."""

from __future__ import annotations

from datetime import timedelta

import pytest

from library import permissions
from library.accounts import auth, throttle, tokens, users
from library.errors import TooManyAttempts, Unauthorized, ValidationFailed
from library.models import ApiToken, AuditEvent, LoginThrottle, utcnow


def test_password_is_stored_hashed(lib):
    """The stored hash is not the password and verifies it."""
    users.create_user(lib, "zhao", "correct-horse", "submitter", unit="某单位", region="331002")
    with lib.db.session() as s:
        u = users.find_user(s, "zhao")
        assert u.password_hash != "correct-horse" and u.password_hash.startswith(
            ("scrypt:", "pbkdf2:")
        )
        assert u.unit.name == "某单位" and u.unit.region_code == "331002"
    assert auth.authenticate(lib, "zhao", "correct-horse").username == "zhao"


def test_create_user_reports_every_bad_field(lib):
    """Name, role, password and region are all checked at once."""
    with pytest.raises(ValidationFailed) as e:
        users.create_user(lib, "a b", "short", "boss", region="999999")
    assert {x.field for x in e.value.errors} == {"username", "role", "password", "region"}


def test_lock_grows_with_each_failure(lib):
    """No lock before five failures; then 30 s, doubling, capped at five minutes."""
    assert [throttle.lock_seconds(n) for n in (1, 4, 5, 6, 7)] == [0, 0, 30, 60, 120]
    assert throttle.lock_seconds(50) == throttle.MAX_LOCK_SECONDS == 300


def test_lock_expires_and_success_resets_the_counter(lib):
    """After the lock time the right password works again and clears the failures."""
    users.create_user(lib, "qian", "correct-horse", "reviewer")
    now = utcnow()
    for _ in range(4):
        with pytest.raises(Unauthorized):
            auth.authenticate(lib, "qian", "bad", remote="10.1.1.1", now=now)
    with pytest.raises(TooManyAttempts):
        auth.authenticate(lib, "qian", "bad", remote="10.1.1.1", now=now)
    with pytest.raises(TooManyAttempts):
        auth.authenticate(
            lib, "qian", "correct-horse", remote="10.1.1.1", now=now + timedelta(seconds=10)
        )
    assert (
        auth.authenticate(
            lib, "qian", "correct-horse", remote="10.1.1.1", now=now + timedelta(seconds=31)
        ).username
        == "qian"
    )
    with lib.db.session() as s:
        keys = {r.key: r.failures for r in s.query(LoginThrottle)}
        assert keys == {"addr:10.1.1.1": 5}  # the name's counters start again
        actions = [
            e.action
            for e in s.query(AuditEvent).filter_by(object_id="qian").order_by(AuditEvent.id)
        ]
    assert (
        actions.count("auth.login_failed") == 5
        and "auth.login_refused" in actions
        and actions[-1] == "auth.login"
    )


def test_tokens_are_random_hashed_and_expire(lib):
    """A token is stored only as its hash and refused once expired."""
    info = users.create_user(lib, "sun", "correct-horse", "admin")
    token, expires = tokens.issue_token(lib, info.id)
    other, _ = tokens.issue_token(lib, info.id)
    assert token != other and expires > utcnow() + timedelta(days=lib.settings.token_days - 1)
    assert tokens.user_for_token(lib, token).username == "sun"
    with lib.db.transaction() as s:
        assert all(t.token_hash != token for t in s.query(ApiToken))
        for t in s.query(ApiToken):
            t.expires_at = utcnow() - timedelta(seconds=1)
    with pytest.raises(Unauthorized) as e:
        tokens.user_for_token(lib, token)
    assert e.value.code == "token_expired"


def test_privileged_roles(lib):
    """推荐形式 is for the admin and reviewers of a province-level region only."""
    cases = {
        ("admin", None): True,
        ("reviewer", "330000"): True,
        ("reviewer", "331000"): False,
        ("reviewer", None): False,
        ("coordinator", "330000"): False,
        ("submitter", "330000"): False,
    }
    for i, ((role, region), expected) in enumerate(cases.items()):
        users.create_user(lib, f"u{i}", "correct-horse", role, region=region)
        with lib.db.session() as s:
            assert permissions.is_privileged(users.find_user(s, f"u{i}")) is expected, (
                role,
                region,
            )
