"""The audit log: every change, who made it, when; and who is acting (:class:`Actor`)."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..permissions import require
from .models import AuditEvent, User

if TYPE_CHECKING:
    from ..context import Library


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in user, or the command line (which acts as an admin)."""

    name: str
    user: User | None = None

    @property
    def user_id(self) -> int | None:
        return self.user.id if self.user is not None else None

    @property
    def role(self) -> str | None:
        return self.user.role if self.user is not None else "admin"

    @property
    def unit_id(self) -> int | None:
        return self.user.unit_id if self.user is not None else None

    @property
    def region_code(self) -> str | None:
        return self.user.region_code if self.user is not None else None

    @property
    def active(self) -> bool:
        return self.user.active if self.user is not None else True

    @property
    def unit_name(self) -> str | None:
        return self.user.unit.name if self.user is not None and self.user.unit else None

    @classmethod
    def cli(cls) -> Actor:
        try:
            who = getpass.getuser()
        except Exception:  # noqa: BLE001 - no login name in some containers
            who = "unknown"
        return cls(name=f"cli:{who}")

    @classmethod
    def of(cls, user: User | Actor) -> Actor:
        if isinstance(user, Actor):
            return user
        return cls(name=user.username, user=user)


def record(
    session: Session,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: str | None = None,
    **detail: Any,
) -> AuditEvent:
    ev = AuditEvent(
        user_id=actor.user_id,
        actor=actor.name,
        action=action,
        object_type=object_type,
        object_id=object_id,
        detail=detail or None,
    )
    session.add(ev)
    return ev


def recent_audit(lib: Library, actor: Actor, limit: int = 200) -> list[dict[str, Any]]:
    require(actor, "audit.read")
    with lib.db.session() as session:
        rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit))
        return [
            {
                "at": e.at.isoformat(timespec="seconds"),
                "actor": e.actor,
                "action": e.action,
                "object_type": e.object_type,
                "object_id": e.object_id,
                "detail": e.detail or {},
            }
            for e in rows
        ]
