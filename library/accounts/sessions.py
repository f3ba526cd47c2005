"""Web sessions kept on the server. The signed cookie carries a random session id; the
database keeps only its SHA-256, the account and when it was last seen. Every request
checks the id against the database, so logging out ends the session at once (an old
copy of the cookie opens nothing) and a password change ends every session of the
account, on every worker and every app node."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ..storage.base import utcnow
from .models import ApiToken, WebSession

if TYPE_CHECKING:
    from ..context import Library

# How often a session's last-seen time is written (a page view writes at most this often).
TOUCH_SECONDS = 300


def _hash(sid: str) -> str:
    return hashlib.sha256(sid.encode("utf-8")).hexdigest()


def start_session(
    lib: Library, user_id: int, *, remote: str | None = None, session: Session | None = None
) -> str:
    """A new session of the account (in the caller's transaction when given); returns its
    id, for the cookie. Sessions idle for longer than SESSION_MINUTES are removed."""
    if session is None:
        with lib.db.transaction() as s:
            return start_session(lib, user_id, remote=remote, session=s)
    sid = secrets.token_urlsafe(32)
    now = utcnow()
    idle = now - timedelta(minutes=lib.settings.session_minutes, seconds=TOUCH_SECONDS)
    session.execute(delete(WebSession).where(WebSession.seen_at < idle))
    session.add(
        WebSession(
            token_hash=_hash(sid), user_id=user_id, created_at=now, seen_at=now, remote=remote
        )
    )
    return sid


def session_owner(lib: Library, sid: str | None) -> int | None:
    """The account of a live session, or None (unknown, ended or idle for too long).
    Writes the last-seen time now and then."""
    if not sid:
        return None
    now = utcnow()
    with lib.db.session() as session:
        row = session.execute(
            select(WebSession.id, WebSession.user_id, WebSession.seen_at).where(
                WebSession.token_hash == _hash(sid)
            )
        ).first()
    if row is None:
        return None
    limit = timedelta(minutes=lib.settings.session_minutes, seconds=TOUCH_SECONDS)
    if now - row.seen_at > limit:
        end_session(lib, sid)
        return None
    if (now - row.seen_at).total_seconds() > TOUCH_SECONDS:
        with lib.db.transaction() as session:
            session.execute(update(WebSession).where(WebSession.id == row.id).values(seen_at=now))
    return row.user_id


def end_session(lib: Library, sid: str | None, session: Session | None = None) -> None:
    """End one session (logging out)."""
    if not sid:
        return
    stmt = delete(WebSession).where(WebSession.token_hash == _hash(sid))
    if session is not None:
        session.execute(stmt)
        return
    with lib.db.transaction() as s:
        s.execute(stmt)


def end_all_sessions(session: Session, user_id: int, *, tokens: bool = True) -> None:
    """End every session of the account (a password change or reset), and with
    ``tokens`` revoke its API tokens too, in the caller's transaction."""
    session.execute(delete(WebSession).where(WebSession.user_id == user_id))
    if tokens:
        session.execute(delete(ApiToken).where(ApiToken.user_id == user_id))


def live_sessions(lib: Library, user_id: int) -> list[datetime]:
    """When each live session of the account started (oldest first)."""
    with lib.db.session() as session:
        return list(
            session.scalars(
                select(WebSession.created_at)
                .where(WebSession.user_id == user_id)
                .order_by(WebSession.created_at)
            )
        )
