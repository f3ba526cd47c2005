"""通知: in-app notifications (a bell with an unread count), written in the transaction of
the change they announce, and, when ``CASELIB_NOTIFY_WEBHOOK`` is set, posted after the
commit to that URL as JSON: one post per event (all its recipients together), in the shape
messenger group robots accept (``msgtype: markdown``) plus the notification itself under
``caselib``. Each row records whether its post went out (``delivered_at``) or why not."""

from __future__ import annotations

import json
import logging
import threading
import urllib.error
import urllib.request
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..accounts.audit import Actor
from ..accounts.models import User
from ..errors import Unauthorized
from ..storage.base import utcnow
from .models import Notification

if TYPE_CHECKING:
    from ..context import Library

log = logging.getLogger(__name__)

KIND_TITLES = {
    "call": "征集通知",
    "approval": "待审核",
    "to_publish": "待发布",
    "returned": "案例退回",
    "published": "案例发布",
    "reminder": "截止提醒",
    "warning": "监测预警",
    "briefing": "案例简报",
}
WEBHOOK_TIMEOUT = 5.0


def notify(
    session: Session,
    users: Iterable[User],
    kind: str,
    title: str,
    body: str = "",
    link: str | None = None,
    *,
    key: str | None = None,
    exclude: int | None = None,
) -> list[Notification]:
    """Write one notification per user (not to ``exclude``, the one who acted). With a
    ``key``, a user who already has a notification with that key gets none again."""
    ids = sorted({u.id for u in users if u.id != exclude})
    if not ids:
        return []
    if key is not None:
        had = set(
            session.scalars(
                select(Notification.user_id).where(
                    Notification.key == key, Notification.user_id.in_(ids)
                )
            )
        )
        ids = [i for i in ids if i not in had]
    now = utcnow()
    rows = [
        Notification(
            user_id=i, kind=kind, title=title[:200], body=body, link=link, key=key, created_at=now
        )
        for i in ids
    ]
    session.add_all(rows)
    return rows


def _item(n: Notification) -> dict[str, Any]:
    return {
        "id": n.id,
        "kind": n.kind,
        "kind_title": KIND_TITLES.get(n.kind, n.kind),
        "title": n.title,
        "body": n.body,
        "link": n.link,
        "created_at": n.created_at.isoformat(timespec="seconds") + "Z",
        "read": n.read_at is not None,
    }


def _user_id(actor: Actor) -> int:
    if actor is None or actor.user_id is None:
        raise Unauthorized("请先登录")
    return actor.user_id


def unread_count(lib: Library, actor: Actor) -> int:
    with lib.db.session() as session:
        return session.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.user_id == _user_id(actor), Notification.read_at.is_(None))
        )


def list_notifications(
    lib: Library, actor: Actor, *, limit: int = 50, unread_only: bool = False
) -> dict[str, Any]:
    """``{"unread": N, "items": [...]}``, newest first."""
    uid = _user_id(actor)
    with lib.db.session() as session:
        stmt = select(Notification).where(Notification.user_id == uid)
        if unread_only:
            stmt = stmt.where(Notification.read_at.is_(None))
        rows = session.scalars(stmt.order_by(Notification.id.desc()).limit(limit))
        items = [_item(n) for n in rows]
        unread = session.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.user_id == uid, Notification.read_at.is_(None))
        )
    return {"unread": unread, "items": items}


def mark_read(lib: Library, actor: Actor, ids: list[int] | None = None) -> int:
    """Mark the actor's notifications read (these ids, or all). Returns how many."""
    uid = _user_id(actor)
    with lib.db.transaction() as session:
        stmt = update(Notification).where(
            Notification.user_id == uid, Notification.read_at.is_(None)
        )
        if ids is not None:
            stmt = stmt.where(Notification.id.in_(ids))
        return session.execute(stmt.values(read_at=utcnow())).rowcount


# -- the webhook ----------------------------------------------------------------------------

_DELIVERY_LOCK = threading.Lock()


def _absolute(lib: Library, link: str | None) -> str | None:
    if not link:
        return None
    if link.startswith(("http://", "https://")):
        return link
    return lib.settings.public_url.rstrip("/") + link


def webhook_body(lib: Library, first: Notification, recipients: list[str]) -> dict[str, Any]:
    url = _absolute(lib, first.link)
    text = f"### {first.title}\n\n{first.body}".rstrip()
    if url:
        text += f"\n\n[查看详情]({url})"
    return {
        "msgtype": "markdown",
        "markdown": {"title": first.title, "text": text},
        "caselib": {
            "kind": first.kind,
            "kind_title": KIND_TITLES.get(first.kind, first.kind),
            "title": first.title,
            "body": first.body,
            "link": url,
            "recipients": recipients,
            "created_at": first.created_at.isoformat(timespec="seconds") + "Z",
        },
    }


def deliver_pending(lib: Library) -> tuple[int, int]:
    """Post every notification not yet posted to the webhook, one post per event.
    Returns (posts sent, posts failed). Does nothing without a webhook."""
    url = lib.settings.notify_webhook
    if not url:
        return 0, 0
    sent = failed = 0
    with _DELIVERY_LOCK:
        with lib.db.session() as session:
            rows = list(
                session.execute(
                    select(Notification, User.username)
                    .join(User, User.id == Notification.user_id)
                    .where(
                        Notification.delivered_at.is_(None), Notification.delivery_error.is_(None)
                    )
                    .order_by(Notification.id)
                )
            )
        events: dict[tuple, list[tuple[Notification, str]]] = {}
        for n, username in rows:
            events.setdefault((n.kind, n.title, n.body, n.link, n.key, n.created_at), []).append(
                (n, username)
            )
        for group in events.values():
            body = webhook_body(lib, group[0][0], [u for _, u in group])
            error = _post(url, body)
            with lib.db.transaction() as session:
                session.execute(
                    update(Notification)
                    .where(Notification.id.in_([n.id for n, _ in group]))
                    .values(
                        delivered_at=None if error else utcnow(),
                        delivery_error=error[:300] if error else None,
                    )
                )
            if error:
                failed += 1
                log.warning("notification webhook failed: %s", error)
            else:
                sent += 1
    return sent, failed


def _post(url: str, body: dict[str, Any]) -> str | None:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    req = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/json; charset=utf-8"}
    )
    try:
        with urllib.request.urlopen(req, timeout=WEBHOOK_TIMEOUT) as resp:  # noqa: S310 - configured URL
            if resp.status >= 300:
                return f"HTTP {resp.status}"
    except urllib.error.HTTPError as e:
        return f"HTTP {e.code}"
    except (urllib.error.URLError, OSError, ValueError) as e:
        return f"{type(e).__name__}: {getattr(e, 'reason', e)}"
    return None


def deliver_soon(lib: Library) -> threading.Thread | None:
    """Post pending notifications in a background thread (after a request's commit), so
    a slow webhook never holds up the page."""
    if not lib.settings.notify_webhook:
        return None
    t = threading.Thread(target=_deliver_quietly, args=(lib,), name="caselib-webhook", daemon=True)
    t.start()
    return t


def _deliver_quietly(lib: Library) -> None:
    try:
        deliver_pending(lib)
    except Exception:  # noqa: BLE001 - a background post must not take the worker down
        log.exception("delivering notifications")
