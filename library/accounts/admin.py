"""Administering accounts (省营商办): create one with its role, unit and region, change them,
reset a password (a random temporary one, shown once, or a given one), deactivate and
reactivate, unlock after failed logins.

Only admins may (``user.manage``, checked here, so the pages, the API and the command line
agree). Each change is one transaction with its audit row; passwords are never recorded.
An admin may not demote or deactivate their own account: another admin has to, so the
library always keeps one. A deactivated account cannot log in and its API tokens are
deleted; this process forgets its cached session account at once (others within
``users.SESSION_USER_SECONDS``).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session, selectinload

from ..errors import Conflict, FieldError, NotFound, ValidationFailed
from ..permissions import require
from ..storage.base import MAX_ID, utcnow
from ..vocab.models import Region
from ..vocab.regions import region_by_name, region_label
from . import audit, throttle
from .audit import Actor
from .models import ROLE_TITLES, ROLES, ApiToken, Unit, User
from .passwords import hash_password
from .sessions import end_all_sessions
from .users import _USERNAME, MIN_PASSWORD, find_user, forget_user

if TYPE_CHECKING:
    from ..context import Library

# Roles that act for a unit, and roles that act for a region.
UNIT_ROLES = ("submitter", "approver")
REGION_ROLES = ("coordinator", "reviewer")
STATUSES = {"active": "在用", "inactive": "已停用", "locked": "已锁定"}
# A temporary password: no look-alike characters (0/O, 1/l/I), three groups of four.
_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def temporary_password() -> str:
    return "-".join("".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(3))


@dataclass(frozen=True)
class Account:
    """An account as the admin pages and the API show it (no hash)."""

    id: int
    username: str
    display_name: str
    role: str
    role_title: str
    unit_id: int | None
    unit: str | None
    region_code: str | None
    region: str | None
    active: bool
    locked: bool
    locked_until: datetime | None
    failed_logins: int
    created_at: datetime | None

    @property
    def status(self) -> str:
        return "inactive" if not self.active else "locked" if self.locked else "active"

    @property
    def status_title(self) -> str:
        return STATUSES[self.status]

    def as_dict(self) -> dict[str, Any]:
        def iso(dt: datetime | None) -> str | None:
            return dt.isoformat(timespec="seconds") + "Z" if dt else None

        return {
            "id": self.id,
            "username": self.username,
            "display_name": self.display_name,
            "role": self.role,
            "role_title": self.role_title,
            "unit_id": self.unit_id,
            "unit": self.unit,
            "region_code": self.region_code,
            "region": self.region,
            "active": self.active,
            "locked": self.locked,
            "locked_until": iso(self.locked_until),
            "failed_logins": self.failed_logins,
            "status": self.status,
            "status_title": self.status_title,
            "created_at": iso(self.created_at),
        }


def _account(session: Session, user: User, now: datetime | None = None) -> Account:
    now = now or utcnow()
    locked_until, failures = throttle.account_state(session, user.username, now)
    return Account(
        id=user.id,
        username=user.username,
        display_name=user.display_name or user.username,
        role=user.role,
        role_title=ROLE_TITLES.get(user.role, user.role),
        unit_id=user.unit_id,
        unit=user.unit.name if user.unit is not None else None,
        region_code=user.region_code,
        region=region_label(user.region_code) if user.region_code else None,
        active=bool(user.active),
        locked=locked_until is not None,
        locked_until=locked_until,
        failed_logins=failures,
        created_at=user.created_at,
    )


def list_accounts(
    lib: Library,
    actor: Actor,
    *,
    q: str | None = None,
    role: str | None = None,
    unit_id: int | None = None,
    status: str | None = None,
) -> list[Account]:
    """Every account (deactivated ones too), filtered by a text in the user name or the
    name, a role, a unit, a status (``active``, ``inactive``, ``locked``)."""
    require(actor, "user.manage")
    stmt = select(User).options(selectinload(User.unit)).order_by(User.role, User.username)
    if q and q.strip():
        like = f"%{q.strip()}%"
        stmt = stmt.where(or_(User.username.ilike(like), User.display_name.ilike(like)))
    if role:
        stmt = stmt.where(User.role == role)
    if unit_id:
        stmt = stmt.where(User.unit_id == unit_id)
    now = utcnow()
    if status == "inactive":
        stmt = stmt.where(User.active.is_(False))
    elif status == "active":
        stmt = stmt.where(User.active.is_(True))
    elif status == "locked":
        stmt = stmt.where(User.active.is_(True))
    with lib.db.session() as session:
        if status == "locked":
            stmt = stmt.where(User.username.in_(throttle.locked_names(session, now)))
        return [_account(session, u, now) for u in session.scalars(stmt)]


def get_account(lib: Library, actor: Actor, username: str) -> Account:
    require(actor, "user.manage")
    with lib.db.session() as session:
        return _account(session, _user(session, username))


def _user(session: Session, username: str) -> User:
    user = find_user(session, username or "")
    if user is None:
        raise NotFound(f"账号不存在：{username}", code="user_not_found")
    return user


def _text(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    return str(value).strip()


def _unit_id(data: Mapping[str, Any], errors: list[FieldError]) -> int | None:
    raw = data.get("unit_id")
    if raw in (None, ""):
        return None
    if isinstance(raw, bool):
        raw = "x"
    try:
        n = int(raw)
    except (TypeError, ValueError):
        n = 0
    if not 1 <= n <= MAX_ID:  # beyond: no such unit, and no SQLite integer
        errors.append(FieldError("unit_id", "invalid_type", "单位应为单位编号"))
        return None
    return n


def _assignment(
    session: Session,
    data: Mapping[str, Any],
    errors: list[FieldError],
    current: User | None = None,
) -> tuple[str | None, Unit | None, str | None]:
    """The role, unit and region the data asks for (what is absent: as ``current`` has
    it), with every bad field appended to ``errors``. Units act through submitters and
    approvers, regions through coordinators and reviewers."""
    role = _text(data, "role") if "role" in data else (current.role if current else None)
    if role not in ROLES:
        errors.append(FieldError("role", "invalid_choice", "请选择角色"))
        role = None
    unit = current.unit if current is not None else None
    if "unit_id" in data:
        unit = None
        uid = _unit_id(data, errors)
        if uid is not None:
            unit = session.get(Unit, uid)
            if unit is None:
                errors.append(FieldError("unit_id", "not_found", f"单位不存在：{uid}"))
            elif not unit.active and (current is None or current.unit_id != unit.id):
                errors.append(FieldError("unit_id", "inactive", f"单位“{unit.name}”已停用"))
    region = current.region_code if current is not None else None
    if "region" in data:
        text = _text(data, "region")
        region = None
        if text:
            region = region_by_name(text)
            if region is None or session.get(Region, region) is None:
                errors.append(FieldError("region", "invalid_choice", f"未知的地区：{text}"))
                region = None
    if not region and unit is not None and (current is None or "unit_id" in data):
        region = unit.region_code  # a unit's account is in the unit's region
    if role in UNIT_ROLES and unit is None and not any(e.field == "unit_id" for e in errors):
        errors.append(FieldError("unit_id", "required", f"{ROLE_TITLES[role]}账号须选择所属单位"))
    if role in REGION_ROLES and not region and not any(e.field == "region" for e in errors):
        errors.append(FieldError("region", "required", f"{ROLE_TITLES[role]}账号须选择所属地区"))
    return role, unit, region


def _display_name(data: Mapping[str, Any], errors: list[FieldError]) -> str | None:
    name = _text(data, "display_name")
    if name and len(name) > 64:
        errors.append(FieldError("display_name", "too_long", "姓名或名称不能超过 64 字"))
    return name


def _password(password: str | None, errors: list[FieldError]) -> None:
    if password is not None and len(password) < MIN_PASSWORD:
        errors.append(FieldError("password", "too_short", f"密码至少 {MIN_PASSWORD} 位"))


def create_account(
    lib: Library, actor: Actor, data: Mapping[str, Any]
) -> tuple[Account, str | None]:
    """Create an account from ``username``, ``display_name``, ``role``, ``unit_id``,
    ``region`` (a code or a name; a unit's region when left out) and ``password`` (a
    random temporary one when left out). Returns the account and the temporary password
    (None when one was given), to be shown once. Every bad field is reported at once."""
    require(actor, "user.manage")
    errors: list[FieldError] = []
    username = _text(data, "username") or ""
    if not _USERNAME.match(username):
        errors.append(
            FieldError(
                "username", "invalid_format", "用户名应为 2–64 位字母、数字、点、横线或下划线"
            )
        )
    display_name = _display_name(data, errors)
    given = data.get("password") or None
    _password(given, errors)
    with lib.db.transaction() as session:
        if username and find_user(session, username) is not None:
            errors.append(FieldError("username", "taken", f"用户名 {username} 已存在"))
        role, unit, region = _assignment(session, data, errors)
        if errors:
            raise ValidationFailed(errors)
        password = given or temporary_password()
        user = User(
            username=username,
            display_name=display_name or username,
            password_hash=hash_password(lib, password),
            role=role,
            unit=unit,
            region_code=region,
            active=True,
        )
        session.add(user)
        session.flush()
        audit.record(
            session,
            actor,
            "user.create",
            "user",
            username,
            display_name=user.display_name,
            role=role,
            unit=unit.name if unit else None,
            region=region,
            generated=given is None,
        )
        return _account(session, user), None if given else password


def update_account(lib: Library, actor: Actor, username: str, data: Mapping[str, Any]) -> Account:
    """Change an account's ``display_name``, ``role``, ``unit_id`` and ``region`` (only the
    keys given; an empty ``unit_id`` or ``region`` removes it). An admin may not change
    their own role."""
    require(actor, "user.manage")
    errors: list[FieldError] = []
    with lib.db.transaction() as session:
        user = _user(session, username)
        display_name = _display_name(data, errors) if "display_name" in data else None
        role, unit, region = _assignment(session, data, errors, user)
        if actor.user_id == user.id and role is not None and role != user.role:
            errors.append(
                FieldError("role", "own_role", "不能修改自己的角色，请由另一位管理员操作")
            )
        if errors:
            raise ValidationFailed(errors)
        before = _snapshot(user)
        if display_name:
            user.display_name = display_name
        user.role = role
        user.unit = unit
        user.region_code = region
        session.flush()
        after = _snapshot(user)
        changes = {k: [before[k], after[k]] for k in after if after[k] != before[k]}
        if changes:
            audit.record(session, actor, "user.update", "user", user.username, changes=changes)
        account = _account(session, user)
    forget_user(lib, account.id)
    return account


def _snapshot(user: User) -> dict[str, Any]:
    return {
        "display_name": user.display_name,
        "role": user.role,
        "unit": user.unit.name if user.unit is not None else None,
        "region": user.region_code,
    }


def _revoke_tokens(session: Session, user: User) -> int:
    n = session.scalar(
        select(func.count()).select_from(ApiToken).where(ApiToken.user_id == user.id)
    )
    session.execute(delete(ApiToken).where(ApiToken.user_id == user.id))
    return int(n or 0)


def reset_password(
    lib: Library, actor: Actor, username: str, password: str | None = None
) -> tuple[Account, str | None]:
    """Set a new password: ``password``, or a random temporary one (returned, to be shown
    once). The account is unlocked and its API tokens are deleted."""
    require(actor, "user.manage")
    errors: list[FieldError] = []
    password = password or None
    _password(password, errors)
    if errors:
        raise ValidationFailed(errors)
    with lib.db.transaction() as session:
        user = _user(session, username)
        if actor.user_id == user.id:
            raise Conflict(
                "不能在这里重置自己的密码（会作废自己的访问令牌），请用“修改密码”",
                code="own_account",
            )
        new = password or temporary_password()
        user.password_hash = hash_password(lib, new)
        throttle.clear_account(session, user.username)
        revoked = _revoke_tokens(session, user)
        end_all_sessions(session, user.id, tokens=False)
        audit.record(
            session,
            actor,
            "user.password_reset",
            "user",
            user.username,
            generated=password is None,
            tokens_revoked=revoked,
        )
        account = _account(session, user)
    forget_user(lib, account.id)
    return account, None if password else new


def deactivate(lib: Library, actor: Actor, username: str) -> Account:
    """Deactivate an account: it cannot log in, its sessions end at their next request, its
    API tokens are deleted. Not one's own account."""
    require(actor, "user.manage")
    with lib.db.transaction() as session:
        user = _user(session, username)
        if actor.user_id == user.id:
            raise Conflict("不能停用自己的账号，请由另一位管理员操作", code="own_account")
        if user.active:
            user.active = False
            revoked = _revoke_tokens(session, user)
            audit.record(
                session, actor, "user.deactivate", "user", user.username, tokens_revoked=revoked
            )
        account = _account(session, user)
    forget_user(lib, account.id)
    return account


def reactivate(lib: Library, actor: Actor, username: str) -> Account:
    """Let a deactivated account log in again (with its password as it was)."""
    require(actor, "user.manage")
    with lib.db.transaction() as session:
        user = _user(session, username)
        if not user.active:
            user.active = True
            throttle.clear_account(session, user.username)
            audit.record(session, actor, "user.reactivate", "user", user.username)
        account = _account(session, user)
    forget_user(lib, account.id)
    return account


def unlock(lib: Library, actor: Actor, username: str) -> Account:
    """Clear an account's failed logins and lock (the password stays)."""
    require(actor, "user.manage")
    with lib.db.transaction() as session:
        user = _user(session, username)
        failures = throttle.clear_account(session, user.username)
        if failures:
            audit.record(session, actor, "user.unlock", "user", user.username, failures=failures)
        account = _account(session, user)
    forget_user(lib, account.id)
    return account


def role_options() -> dict[str, str]:
    return {r: ROLE_TITLES[r] for r in ROLES}
