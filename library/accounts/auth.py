"""Logging in and out. Failed logins are slowed down by :mod:`.throttle` (by name and
client address, the same for names that exist and names that do not, locks capped at a
few minutes), and every failure is written to the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError

from ..errors import TooManyAttempts, Unauthorized
from ..storage.base import utcnow
from . import audit, sessions, throttle
from .audit import Actor
from .models import User
from .passwords import check_password, dummy_hash
from .users import UserInfo, find_user, info

if TYPE_CHECKING:
    from ..context import Library

BAD_CREDENTIALS = "用户名或密码错误"


def authenticate(
    lib: Library,
    username: str,
    password: str,
    *,
    remote: str | None = None,
    device: str | None = None,
    now: datetime | None = None,
) -> UserInfo:
    """The account for these credentials. Raises :class:`Unauthorized` (wrong name or
    password: one message for both) or :class:`TooManyAttempts` (too many failures for
    this name or this address: the same whether or not the name exists). ``device``: the
    id of a browser that has logged in to this account before (its own counter only)."""
    for attempt_no in range(3):
        try:
            return _authenticate(lib, username, password, remote, device, now or utcnow())
        except IntegrityError:  # two first failures of one key at once (PostgreSQL)
            if attempt_no == 2:
                raise
    raise AssertionError("unreachable")


def _too_many(wait: int, *, failed_now: bool) -> TooManyAttempts:
    first = f"{BAD_CREDENTIALS}；" if failed_now else ""
    return TooManyAttempts(
        f"{first}登录尝试次数过多，请 {_duration(wait)}后再试", details={"retry_after": wait}
    )


def _authenticate(
    lib: Library,
    username: str,
    password: str,
    remote: str | None,
    device: str | None,
    now: datetime,
) -> UserInfo:
    username = (username or "").strip()
    attempt = throttle.keys(username, remote, device)
    failure: Exception | None = None
    with lib.db.transaction() as session:
        user = find_user(session, username) if username else None
        inactive = user is not None and not user.active
        if inactive:
            user = None
        actor = Actor.of(user) if user is not None else Actor(name=username[:64] or "?")
        wait = throttle.wait_seconds(session, attempt, now)
        if wait:
            # Refused before any password is checked, for every name alike.
            audit.record(
                session,
                actor,
                "auth.login_refused",
                "user",
                username[:64] or None,
                reason="throttled",
                retry_after=wait,
                remote=remote,
            )
            failure = _too_many(wait, failed_now=False)
        else:
            ok = check_password(
                user.password_hash if user is not None else dummy_hash(lib.settings.password_hash),
                password or "",
            )
            if ok and user is not None:
                throttle.count_success(session, attempt, now)
                audit.record(session, actor, "auth.login", "user", user.username, remote=remote)
                result = info(user)
            else:
                locked = throttle.count_failure(session, attempt, now)
                audit.record(
                    session,
                    actor,
                    "auth.login_failed",
                    "user",
                    username[:64] or None,
                    reason=(
                        "bad_password"
                        if user is not None
                        else "inactive"
                        if inactive
                        else "unknown_user"
                    ),
                    remote=remote,
                )
                failure = (
                    _too_many(locked, failed_now=True)
                    if locked
                    else Unauthorized(BAD_CREDENTIALS, code="bad_credentials")
                )
    # Raised after the commit, so the counters and the audit event are kept.
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
