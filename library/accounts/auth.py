"""Logging in and out. Repeated failed logins are slowed down: after ``FREE_FAILURES``
failures in a row the account is locked for a time that doubles with each further failure
(capped), and every failure is written to the audit log."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from werkzeug.security import check_password_hash, generate_password_hash

from ..errors import TooManyAttempts, Unauthorized
from ..storage.base import utcnow
from . import audit, sessions
from .audit import Actor
from .models import User
from .users import UserInfo, find_user, info

if TYPE_CHECKING:
    from ..context import Library

FREE_FAILURES = 5  # failed logins in a row before the account is locked
LOCK_SECONDS = 30  # first lock; doubles with each further failure
MAX_LOCK_SECONDS = 15 * 60
# A hash to check against when the user does not exist, so both paths cost the same.
_DUMMY_HASH = generate_password_hash("caselib-no-such-user")


def lock_seconds(failures: int) -> int:
    """How long an account stays locked after ``failures`` failed logins in a row."""
    if failures < FREE_FAILURES:
        return 0
    return min(MAX_LOCK_SECONDS, LOCK_SECONDS * 2 ** (failures - FREE_FAILURES))


def authenticate(
    lib: Library,
    username: str,
    password: str,
    *,
    remote: str | None = None,
    now: datetime | None = None,
) -> UserInfo:
    """The account for these credentials. Raises :class:`Unauthorized` (wrong name or
    password, the same message for both) or :class:`TooManyAttempts` (locked)."""
    now = now or utcnow()
    username = (username or "").strip()
    failure: Exception | None = None
    with lib.db.transaction() as session:
        user = find_user(session, username) if username else None
        if user is None or not user.active:
            check_password_hash(_DUMMY_HASH, password or "")
            audit.record(
                session,
                Actor(name=username[:64] or "?"),
                "auth.login_failed",
                "user",
                username[:64] or None,
                reason="unknown_user",
                remote=remote,
            )
            failure = Unauthorized("用户名或密码错误", code="bad_credentials")
        elif user.locked_until is not None and user.locked_until > now:
            wait = int((user.locked_until - now).total_seconds()) + 1
            audit.record(
                session,
                Actor.of(user),
                "auth.login_refused",
                "user",
                user.username,
                reason="locked",
                remote=remote,
            )
            failure = TooManyAttempts(
                f"登录失败次数过多，请 {_duration(wait)}后再试", details={"retry_after": wait}
            )
        elif not check_password_hash(user.password_hash, password or ""):
            user.failed_logins = (user.failed_logins or 0) + 1
            seconds = lock_seconds(user.failed_logins)
            user.locked_until = now + timedelta(seconds=seconds) if seconds else None
            audit.record(
                session,
                Actor.of(user),
                "auth.login_failed",
                "user",
                user.username,
                reason="bad_password",
                failures=user.failed_logins,
                remote=remote,
            )
            if seconds:
                failure = TooManyAttempts(
                    f"登录失败次数过多，账号已暂时锁定，请 {_duration(seconds)}后再试",
                    details={"retry_after": seconds},
                )
            else:
                failure = Unauthorized("用户名或密码错误", code="bad_credentials")
        else:
            user.failed_logins = 0
            user.locked_until = None
            audit.record(
                session, Actor.of(user), "auth.login", "user", user.username, remote=remote
            )
            result = info(user)
    # Raised after the commit, so the failure counter and the audit event are kept.
    if failure is not None:
        raise failure
    return result


def _duration(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} 秒"
    return f"{-(-seconds // 60)} 分钟"


def logout(lib: Library, sid: str | None, user_id: int | None) -> None:
    """End the browser's session on the server (an old copy of its cookie then opens
    nothing), and write auth.logout."""
    with lib.db.transaction() as session:
        sessions.end_session(lib, sid, session)
        user = session.get(User, user_id) if user_id is not None else None
        if user is not None:
            audit.record(session, Actor.of(user), "auth.logout", "user", user.username)
