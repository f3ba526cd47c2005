"""整改方式: the vocabulary of rectification methods, kept by the admin in the database
(seeded on init, as themes and tags are). A method in use is never deleted: it is
deactivated, so past rectifications keep it while new ones cannot choose it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..accounts import audit
from ..accounts.audit import Actor
from ..errors import Conflict, FieldError, NotFound, ValidationFailed
from ..permissions import require
from .models import RectificationMethod

if TYPE_CHECKING:
    from ..context import Library

DEFAULT_METHODS = ("制度完善", "流程再造", "数字化改革", "借鉴先进案例", "其他")
MAX_LENGTH = 20


def seed(session: Session) -> None:
    if session.scalar(select(func.count()).select_from(RectificationMethod)):
        return
    for i, name in enumerate(DEFAULT_METHODS):
        session.add(RectificationMethod(name=name, position=i, active=True))
    session.flush()


def method_dict(m: RectificationMethod) -> dict[str, Any]:
    return {"id": m.id, "name": m.name, "position": m.position, "active": m.active}


def list_methods(lib: Library, *, include_inactive: bool = False) -> list[dict[str, Any]]:
    with lib.db.session() as session:
        stmt = select(RectificationMethod).order_by(
            RectificationMethod.position, RectificationMethod.id
        )
        if not include_inactive:
            stmt = stmt.where(RectificationMethod.active.is_(True))
        return [method_dict(m) for m in session.scalars(stmt)]


def _name(name: Any) -> str:
    name = name.strip() if isinstance(name, str) else ""
    if not name:
        raise ValidationFailed([FieldError("name", "required", "请填写整改方式")])
    if len(name) > MAX_LENGTH:
        raise ValidationFailed(
            [FieldError("name", "too_long", f"整改方式不能超过 {MAX_LENGTH} 字")]
        )
    return name


def _find(session: Session, ref: int | str) -> RectificationMethod:
    if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isdigit()):
        m = session.get(RectificationMethod, int(ref))
    else:
        m = session.scalar(select(RectificationMethod).where(RectificationMethod.name == ref))
    if m is None:
        raise NotFound(f"整改方式不存在：{ref}", code="method_not_found")
    return m


def add_method(lib: Library, name: str, actor: Actor | None = None) -> dict[str, Any]:
    """Add a method at the end of the list (a deactivated one of that name comes back)."""
    actor = actor or Actor.cli()
    require(actor, "monitoring.manage")
    name = _name(name)
    with lib.db.transaction() as session:
        m = session.scalar(select(RectificationMethod).where(RectificationMethod.name == name))
        if m is not None and m.active:
            raise Conflict(f"整改方式“{name}”已存在", code="method_exists")
        if m is None:
            last = session.scalar(select(func.max(RectificationMethod.position)))
            m = RectificationMethod(name=name, position=(last or 0) + 1, active=True)
            session.add(m)
        m.active = True
        session.flush()
        audit.record(session, actor, "method.add", "rectification_method", str(m.id), name=name)
        return method_dict(m)


def update_method(
    lib: Library, ref: int | str, changes: dict[str, Any], actor: Actor | None = None
) -> dict[str, Any]:
    """Rename a method, move it (``position``) or (de)activate it (``active``)."""
    actor = actor or Actor.cli()
    require(actor, "monitoring.manage")
    unknown = sorted(set(changes) - {"name", "position", "active"})
    if unknown:
        raise ValidationFailed(
            [FieldError("_", "unknown_field", "不认识的字段：" + ", ".join(unknown))]
        )
    with lib.db.transaction() as session:
        m = _find(session, ref)
        before = method_dict(m)
        if "name" in changes:
            name = _name(changes["name"])
            other = session.scalar(
                select(RectificationMethod).where(
                    RectificationMethod.name == name, RectificationMethod.id != m.id
                )
            )
            if other is not None:
                raise Conflict(f"整改方式“{name}”已存在", code="method_exists")
            m.name = name
        if "position" in changes:
            if not isinstance(changes["position"], int) or isinstance(changes["position"], bool):
                raise ValidationFailed(
                    [FieldError("position", "invalid_type", "position 应为整数")]
                )
            m.position = changes["position"]
        if "active" in changes:
            if not isinstance(changes["active"], bool):
                raise ValidationFailed(
                    [FieldError("active", "invalid_type", "active 应为 true 或 false")]
                )
            m.active = changes["active"]
        session.flush()
        after = method_dict(m)
        audit.record(
            session,
            actor,
            "method.update",
            "rectification_method",
            str(m.id),
            before=before,
            after=after,
        )
        return after


def find_active(session: Session, ref: Any) -> RectificationMethod | None:
    """An active method by id or name (what a rectification may choose)."""
    if ref is None or (isinstance(ref, str) and not ref.strip()):
        return None
    try:
        m = _find(session, ref if isinstance(ref, int) else str(ref).strip())
    except NotFound:
        return None
    return m if m.active else None
