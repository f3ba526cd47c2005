"""The audit log: every change, who made it, when; and who is acting (:class:`Actor`).
Reading it (in Chinese, filtered, exported) is :mod:`library.auditlog`."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from .models import AuditEvent, User


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
