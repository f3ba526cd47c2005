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
from ..storage.base import MAX_ID
from ..validation import json_int
from ..vocab.editable import Change, VocabItem, Vocabulary, parse_position, place
from .models import Rectification, RectificationMethod

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
            position = json_int(changes["position"])
            if position is None or not 0 <= position <= MAX_ID:
                raise ValidationFailed(
                    [FieldError("position", "invalid_type", "position 应为 0 起的整数")]
                )
            m.position = position
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


# -- the admin's vocabulary page (library.vocab.editable) -----------------------------------


def _ordered(session: Session) -> list[RectificationMethod]:
    """The active methods in their order (deactivated ones are history, not choices)."""
    return list(
        session.scalars(
            select(RectificationMethod)
            .where(RectificationMethod.active.is_(True))
            .order_by(RectificationMethod.position, RectificationMethod.id)
        )
    )


def _uses(session: Session) -> dict[int, int]:
    return dict(
        session.execute(
            select(Rectification.method_id, func.count()).group_by(Rectification.method_id)
        ).all()
    )


def _renumber(methods: list[RectificationMethod]) -> None:
    for i, m in enumerate(methods):
        m.position = i


def _active(session: Session, ref: Any, field: str = "id") -> RectificationMethod:
    if not (isinstance(ref, int) and not isinstance(ref, bool)) and not (
        isinstance(ref, str) and ref.strip().isdigit()
    ):
        raise ValidationFailed([FieldError(field, "invalid_choice", "请选择一项整改方式")])
    m = session.get(RectificationMethod, int(ref))
    if m is None or not m.active:
        raise NotFound(f"整改方式不存在：{ref}", code="method_not_found")
    return m


def method_items(lib: Library, actor: Actor) -> list[VocabItem]:
    """The active methods in order, with how many rectifications chose each."""
    require(actor, "monitoring.manage")
    with lib.db.session() as session:
        uses = _uses(session)
        return [
            VocabItem(m.id, m.name, i, uses.get(m.id, 0)) for i, m in enumerate(_ordered(session))
        ]


def add_method_item(
    lib: Library, actor: Actor, name: str, parent_id: int | None = None
) -> VocabItem:
    out = add_method(lib, name, actor)
    with lib.db.transaction() as session:
        methods = _ordered(session)
        _renumber(methods)
        position = next(i for i, m in enumerate(methods) if m.id == out["id"])
    return VocabItem(out["id"], out["name"], position)


def rename_method(lib: Library, actor: Actor, method_id: int, name: str) -> Change:
    """Rename a method; past rectifications show the new name."""
    require(actor, "monitoring.manage")
    name = _name(name)
    with lib.db.transaction() as session:
        m = _active(session, method_id)
        old = m.name
        if old == name:
            return Change(f"整改方式“{name}”未改变")
        if session.scalar(select(RectificationMethod).where(RectificationMethod.name == name)):
            raise Conflict(f"整改方式“{name}”已存在", code="method_exists")
        m.name = name
        audit.record(
            session,
            actor,
            "method.rename",
            "rectification_method",
            str(m.id),
            name=name,
            changes={"name": [old, name]},
        )
        return Change(f"整改方式“{old}”已改名为“{name}”")


def move_method(
    lib: Library, actor: Actor, method_id: int, position: Any = None, parent_id: Any = None
) -> VocabItem:
    """Move a method to ``position`` in the list (0 first; beyond the end: last)."""
    require(actor, "monitoring.manage")
    if position in (None, "") or isinstance(position, bool):
        raise ValidationFailed([FieldError("position", "required", "请填写位置（0 为第一位）")])
    position = parse_position(position)
    with lib.db.transaction() as session:
        m = _active(session, method_id)
        methods = _ordered(session)
        old = next(i for i, x in enumerate(methods) if x.id == m.id)
        ordered = place(methods, m, position)
        _renumber(ordered)
        new = ordered.index(m)
        if new != old:
            audit.record(
                session,
                actor,
                "method.move",
                "rectification_method",
                str(m.id),
                name=m.name,
                changes={"position": [old + 1, new + 1]},
            )
        return VocabItem(m.id, m.name, new)


def merge_methods(lib: Library, actor: Actor, method_id: int, into_id: int) -> Change:
    """Merge method A into B: every rectification of A gets B, A is deleted."""
    require(actor, "monitoring.manage")
    with lib.db.transaction() as session:
        source = _active(session, method_id)
        target = _active(session, into_id, "into") if into_id not in (None, "") else None
        if target is None or target.id == source.id:
            raise ValidationFailed(
                [FieldError("into", "invalid_choice", "请选择要合并到的另一个整改方式")]
            )
        moved = list(
            session.scalars(select(Rectification).where(Rectification.method_id == source.id))
        )
        for r in moved:
            r.method_id = target.id
        session.flush()
        audit.record(
            session,
            actor,
            "method.merge",
            "rectification_method",
            str(source.id),
            name=source.name,
            into=target.name,
            rectifications=len(moved),
        )
        session.delete(source)
        session.flush()
        _renumber(_ordered(session))
        return Change(f"整改方式“{source.name}”已合并到“{target.name}”（{len(moved)} 条整改举措）")


def delete_method(lib: Library, actor: Actor, method_id: int) -> Change:
    """Delete a method no rectification chose (one in use is merged into another instead)."""
    require(actor, "monitoring.manage")
    with lib.db.transaction() as session:
        m = _active(session, method_id)
        used = _uses(session).get(m.id, 0)
        if used:
            raise Conflict(
                f"整改方式“{m.name}”已被 {used} 条整改举措使用，不能删除；可以合并到其他整改方式",
                code="method_in_use",
            )
        audit.record(
            session, actor, "method.delete", "rectification_method", str(m.id), name=m.name
        )
        session.delete(m)
        session.flush()
        _renumber(_ordered(session))
        return Change(f"整改方式“{m.name}”已删除")


METHODS = Vocabulary(
    key="methods",
    title="整改方式",
    item_title="整改方式",
    note="登记整改举措时从中选择。合并时，原整改方式的整改举措全部改为目标整改方式。",
    items=method_items,
    add=add_method_item,
    rename=rename_method,
    move=move_method,
    merge=merge_methods,
    delete=delete_method,
    max_length=MAX_LENGTH,
    uses_title="条整改举措",
)
