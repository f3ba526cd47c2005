"""Accounts, passwords, API tokens and what each role may do.

Passwords are hashed with werkzeug's scrypt/pbkdf2 (never stored or logged in clear).
Repeated failed logins are slowed down: after ``FREE_FAILURES`` failures in a row the account
is locked for a time that doubles with each further failure (capped), and every failure
is written to the audit log. API tokens are random, stored only as their SHA-256, and expire
after ``TOKEN_DAYS``.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from werkzeug.security import check_password_hash, generate_password_hash

from ..errors import FieldError, Forbidden, TooManyAttempts, Unauthorized, ValidationFailed
from ..models import ROLE_TITLES, ROLES, ApiToken, Region, Unit, User, utcnow
from . import audit, vocab
from .audit import Actor
from .context import Library

FREE_FAILURES = 5  # failed logins in a row before the account is locked
LOCK_SECONDS = 30  # first lock; doubles with each further failure
MAX_LOCK_SECONDS = 15 * 60
MIN_PASSWORD = 8
_USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,64}$")
# A hash to check against when the user does not exist, so both paths cost the same.
_DUMMY_HASH = generate_password_hash("caselib-no-such-user")

# What each role may do. Reading the library (search, view, download) is open to every role.
PERMISSIONS: dict[str, frozenset[str]] = {
    "read": frozenset(ROLES),
    "upload": frozenset({"submitter", "coordinator", "admin"}),
    "review": frozenset({"reviewer", "coordinator", "admin"}),
    "audit": frozenset({"admin"}),
    "users": frozenset({"admin"}),
}
PERMISSION_TITLES = {
    "read": "查询、查看、下载",
    "upload": "上传案例",
    "review": "点评",
    "audit": "查看操作日志",
    "users": "管理账号",
}


def can(user: User | None, permission: str) -> bool:
    return user is not None and user.active and user.role in PERMISSIONS.get(permission, ())


def require(user: User | None, permission: str) -> None:
    """Raise :class:`Unauthorized` without a user, :class:`Forbidden` without the right."""
    if user is None:
        raise Unauthorized()
    if not can(user, permission):
        raise Forbidden(
            f"当前角色（{ROLE_TITLES.get(user.role, user.role)}）不能{PERMISSION_TITLES.get(permission, permission)}"
        )


def is_privileged(user: User | None) -> bool:
    """Who sees and sets 推荐形式: the admin (省营商办) and reviewers of the provincial
    office (a reviewer whose region is a province-level division)."""
    if user is None or not user.active:
        return False
    if user.role == "admin":
        return True
    if user.role == "reviewer" and user.region_code:
        info = vocab.regions().get(user.region_code)
        return info is not None and info.level == 1
    return False


# -- accounts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class UserInfo:
    """What pages and the API show of an account (no hash, no counters)."""

    id: int
    username: str
    display_name: str
    role: str
    role_title: str
    unit: str | None
    region_code: str | None
    region: str | None
    privileged: bool

    def as_dict(self) -> dict:
        return {
            "username": self.username,
            "display_name": self.display_name,
            "role": self.role,
            "role_title": self.role_title,
            "unit": self.unit,
            "region_code": self.region_code,
            "region": self.region,
            "privileged": self.privileged,
            "permissions": sorted(p for p, roles in PERMISSIONS.items() if self.role in roles),
        }


def info(user: User) -> UserInfo:
    return UserInfo(
        id=user.id,
        username=user.username,
        display_name=user.display_name or user.username,
        role=user.role,
        role_title=ROLE_TITLES.get(user.role, user.role),
        unit=user.unit.name if user.unit is not None else None,
        region_code=user.region_code,
        region=vocab.region_label(user.region_code) if user.region_code else None,
        privileged=is_privileged(user),
    )


def get_user(session: Session, user_id: int) -> User | None:
    user = session.scalar(select(User).where(User.id == user_id).options(selectinload(User.unit)))
    return user if user is not None and user.active else None


def find_user(session: Session, username: str) -> User | None:
    return session.scalar(
        select(User).where(User.username == username.strip()).options(selectinload(User.unit))
    )


def _unit(session: Session, name: str | None, region_code: str | None) -> Unit | None:
    if not name:
        return None
    unit = session.scalar(select(Unit).where(Unit.name == name, Unit.region_code == region_code))
    if unit is None:
        unit = Unit(name=name, region_code=region_code)
        session.add(unit)
        session.flush()
    return unit


def create_user(
    lib: Library,
    username: str,
    password: str,
    role: str,
    *,
    unit: str | None = None,
    region: str | None = None,
    display_name: str | None = None,
    actor: Actor | None = None,
    update: bool = False,
) -> UserInfo:
    """Create an account (or, with ``update``, reset an existing one's password, role, unit
    and region). Every bad field is reported at once."""
    actor = actor or Actor.cli()
    region = vocab.normalize_region(region) if region else None
    errors: list[FieldError] = []
    if not _USERNAME.match(username or ""):
        errors.append(
            FieldError(
                "username", "invalid_format", "用户名应为 2–64 位字母、数字、点、横线或下划线"
            )
        )
    if role not in ROLES:
        errors.append(
            FieldError("role", "invalid_choice", "角色应为 " + "、".join(ROLES) + " 之一")
        )
    if len(password or "") < MIN_PASSWORD:
        errors.append(FieldError("password", "too_short", f"密码至少 {MIN_PASSWORD} 位"))
    if unit is not None and len(unit) > 100:
        errors.append(FieldError("unit", "too_long", "单位名称不能超过 100 字"))
    with lib.db.transaction() as session:
        if region and session.get(Region, region) is None:
            errors.append(FieldError("region", "invalid_choice", "地区不是有效的行政区划代码"))
        existing = find_user(session, username or "")
        if existing is not None and not update:
            errors.append(FieldError("username", "taken", f"用户名 {username} 已存在"))
        if errors:
            raise ValidationFailed(errors)
        u = existing or User(username=username)
        u.password_hash = generate_password_hash(password)
        u.role = role
        u.display_name = display_name or u.display_name or username
        u.region_code = region
        u.unit = _unit(session, unit, region)
        u.active = True
        u.failed_logins = 0
        u.locked_until = None
        if existing is None:
            session.add(u)
        session.flush()
        if existing is not None:
            forget_user(lib, existing.id)
        audit.record(
            session,
            actor,
            "user.update" if existing else "user.create",
            "user",
            username,
            role=role,
            unit=unit,
            region=region,
        )
        return info(u)


# -- logging in -----------------------------------------------------------------------------


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


def record_logout(lib: Library, user_id: int) -> None:
    with lib.db.transaction() as session:
        user = session.get(User, user_id)
        if user is not None:
            audit.record(session, Actor.of(user), "auth.logout", "user", user.username)


# -- API tokens -----------------------------------------------------------------------------


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(lib: Library, user_id: int, *, remote: str | None = None) -> tuple[str, datetime]:
    """A new random API token for the user: (token, expires_at). Only its hash is stored."""
    token = "cl_" + secrets.token_urlsafe(32)
    expires = utcnow() + timedelta(days=lib.settings.token_days)
    with lib.db.transaction() as session:
        user = session.get(User, user_id)
        if user is None or not user.active:
            raise Unauthorized()
        session.add(ApiToken(user_id=user.id, token_hash=_token_hash(token), expires_at=expires))
        audit.record(
            session,
            Actor.of(user),
            "token.create",
            "user",
            user.username,
            expires_at=expires.isoformat(timespec="seconds"),
            remote=remote,
        )
    return token, expires


def user_for_token(lib: Library, token: str) -> User:
    """The account of a valid, unexpired token (with its unit loaded)."""
    if not token:
        raise Unauthorized("缺少访问令牌", code="token_missing")
    with lib.db.session() as session:
        row = session.scalar(
            select(ApiToken)
            .where(ApiToken.token_hash == _token_hash(token))
            .options(selectinload(ApiToken.user).selectinload(User.unit))
        )
        if row is None or row.user is None or not row.user.active:
            raise Unauthorized("访问令牌无效", code="token_invalid")
        if row.expires_at <= utcnow():
            raise Unauthorized("访问令牌已过期，请重新获取", code="token_expired")
        return row.user


_SESSION_USERS: dict[tuple[str, int], tuple[float, User | None]] = {}
SESSION_USER_SECONDS = 5.0


def load_user(lib: Library, user_id: int) -> User | None:
    """The active account with this id (for a web session), or None. Kept for a few
    seconds per process, so a page costs no query for it; a deactivated account or a
    changed role takes effect within ``SESSION_USER_SECONDS``."""
    key = (lib.settings.database_url, user_id)
    now = time.monotonic()
    hit = _SESSION_USERS.get(key)
    if hit is not None and now - hit[0] < SESSION_USER_SECONDS:
        return hit[1]
    with lib.db.session() as session:
        user = get_user(session, user_id)
    if len(_SESSION_USERS) > 10_000:
        _SESSION_USERS.clear()
    _SESSION_USERS[key] = (now, user)
    return user


def forget_user(lib: Library, user_id: int) -> None:
    _SESSION_USERS.pop((lib.settings.database_url, user_id), None)


def list_users(lib: Library) -> list[UserInfo]:
    with lib.db.session() as session:
        users = session.scalars(select(User).options(selectinload(User.unit)).order_by(User.id))
        return [info(u) for u in users]
