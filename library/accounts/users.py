"""Accounts: creating and updating users (passwords hashed with werkzeug's scrypt/pbkdf2,
never stored or logged in clear), changing one's password (which ends every session and
token of the account), what pages and the API show of them, and the account of a web
session (cached for a few seconds per process)."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..errors import FieldError, NotFound, ValidationFailed
from ..permissions import allowed_actions, is_privileged, require
from ..vocab.models import Region
from ..vocab.regions import normalize_region, region_label
from . import audit, sessions
from .audit import Actor
from .models import ROLE_TITLES, ROLES, Unit, User
from .passwords import check_password, hash_password

if TYPE_CHECKING:
    from ..context import Library

MIN_PASSWORD = 8
_USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,64}$")

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
            "permissions": allowed_actions(self.role),
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
        region=region_label(user.region_code) if user.region_code else None,
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
    require(actor, "user.manage")
    region = normalize_region(region) if region else None
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
        u.password_hash = hash_password(lib, password)
        u.role = role
        u.display_name = display_name or u.display_name or username
        u.region_code = region
        u.unit = _unit(session, unit, region)
        u.active = True
        if existing is None:
            session.add(u)
        session.flush()
        if existing is not None:
            # A reset password: whoever held the old one is logged out everywhere.
            sessions.end_all_sessions(session, existing.id)
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


def change_password(
    lib: Library,
    user_id: int,
    current: str,
    new: str,
    confirm: str | None = None,
    *,
    remote: str | None = None,
) -> str:
    """Change one's own password. Every session and API token of the account ends (one
    that knew the old password is out); the browser that changed it gets a new session,
    whose id is returned. Every bad field is reported at once; wrong current passwords
    count as failed logins (:mod:`.throttle`)."""
    from ..errors import TooManyAttempts
    from ..storage.base import utcnow
    from . import throttle

    errors: list[FieldError] = []
    if len(new or "") < MIN_PASSWORD:
        errors.append(FieldError("new_password", "too_short", f"新密码至少 {MIN_PASSWORD} 位"))
    elif new == current:
        errors.append(FieldError("new_password", "unchanged", "新密码不能与当前密码相同"))
    if confirm is not None and confirm != new:
        errors.append(FieldError("confirm_password", "mismatch", "两次输入的新密码不一致"))
    now = utcnow()
    sid = None
    with lib.db.transaction() as session:
        user = get_user(session, user_id)
        if user is None:
            raise NotFound("账号不存在", code="user_not_found")
        attempt = throttle.keys(user.username, remote)
        wait = throttle.wait_seconds(session, attempt, now)
        if wait:
            raise TooManyAttempts(
                f"密码尝试次数过多，请 {wait} 秒后再试", details={"retry_after": wait}
            )
        if not check_password(user.password_hash, current or ""):
            errors.insert(0, FieldError("current_password", "wrong", "当前密码不正确"))
            throttle.count_failure(session, attempt, now)  # kept: raised after the commit
        elif not errors:
            user.password_hash = hash_password(lib, new)
            sessions.end_all_sessions(session, user.id)
            sid = sessions.start_session(lib, user.id, remote=remote, session=session)
            audit.record(
                session,
                Actor.of(user),
                "user.password_change",
                "user",
                user.username,
                remote=remote,
            )
    if errors:
        raise ValidationFailed(errors)
    forget_user(lib, user_id)
    return sid


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
