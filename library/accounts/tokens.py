"""API tokens: random, stored only as their SHA-256, expiring after ``TOKEN_DAYS``."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..errors import Unauthorized
from ..storage.base import utcnow
from . import audit
from .audit import Actor
from .models import ApiToken, User

if TYPE_CHECKING:
    from ..context import Library


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
