"""Changing the vocabularies cases are filed under (省营商办, ``vocab.manage``): the theme
catalogue (目录式分类: groups holding the themes a case chooses from) and the unified tags
(统一标签).

Themes: add a group or a theme, rename, move (a theme to another group, either up or down
among its siblings), merge theme A into B (every case of A gets B; A is deleted), delete
an unused theme or an empty group. Tags: add, rename, reorder, merge A into B (a case that
had both keeps B once), delete an unused tag.

It lives with the cases because a rename or a merge carries the cases along: their rows
change in the same transaction as the vocabulary and its audit row, and the published ones
are re-indexed after the commit (marked pending first, so a failed index write is picked
up by the next sync). The cached vocabularies are forgotten at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from ..accounts import audit
from ..accounts.audit import Actor
from ..errors import Conflict, FieldError, NotFound, ValidationFailed
from ..permissions import require
from ..storage.base import MAX_ID
from ..vocab.catalogue import forget_vocabularies
from ..vocab.editable import Change, VocabItem, Vocabulary
from ..vocab.editable import parse_position as _position
from ..vocab.editable import place as _place
from ..vocab.models import Tag, Theme
from .models import Case, CaseTag

if TYPE_CHECKING:
    from ..context import Library

THEME_MAX, TAG_MAX = 40, 20
_KEEP: Any = object()


# -- shared ---------------------------------------------------------------------------------


def _name(name: str | None, limit: int, what: str, *, commas: bool = True) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationFailed([FieldError("name", "required", f"{what}名称为必填项")])
    if len(name) > limit:
        raise ValidationFailed([FieldError("name", "too_long", f"{what}名称不能超过 {limit} 字")])
    if not commas and ("," in name or "，" in name):
        raise ValidationFailed([FieldError("name", "invalid_format", f"{what}名称不能含逗号")])
    return name


def _mark_pending(session: Session, case_ids: list[int]) -> list[str]:
    """Mark the published ones of these cases for re-indexing; their case numbers."""
    if not case_ids:
        return []
    published: list[str] = []
    for i in range(0, len(case_ids), 500):
        chunk = case_ids[i : i + 500]
        published += session.scalars(
            select(Case.case_no).where(Case.id.in_(chunk), Case.status == "published")
        )
        session.execute(
            update(Case)
            .where(Case.id.in_(chunk), Case.status == "published")
            # updated_at as it is: the case's own fields did not change
            .values(indexed_at=None, updated_at=Case.updated_at)
            .execution_options(synchronize_session=False)
        )
    return sorted(published)


def _ref(value: Any, field: str) -> int:
    """An entry's id as given by a form or JSON (a number or its digits)."""
    n = None
    if isinstance(value, int) and not isinstance(value, bool):
        n = value
    elif isinstance(value, str) and value.strip().isdigit():
        n = int(value)
    if n is not None and 1 <= n <= MAX_ID:  # beyond: no such entry, and no SQLite integer
        return n
    raise ValidationFailed([FieldError(field, "invalid_choice", "请选择一项")])


def _case_nos(session: Session, case_ids: list[int]) -> list[str]:
    out: list[str] = []
    for i in range(0, len(case_ids), 500):
        out += session.scalars(select(Case.case_no).where(Case.id.in_(case_ids[i : i + 500])))
    return sorted(out)


def _after(lib: Library, reindex: list[str]) -> None:
    """After the commit: forget the cached vocabularies, re-index the carried cases."""
    forget_vocabularies(lib)
    if reindex:
        from .indexing import index_cases

        index_cases(lib, reindex)


# -- themes ---------------------------------------------------------------------------------


def _themes(session: Session) -> list[Theme]:
    return list(session.scalars(select(Theme).order_by(Theme.position, Theme.id)))


def _renumber_themes(session: Session, groups: list[Theme], children: dict[int, list[Theme]]):
    """Positions in tree order: each group, then its themes (as the seed numbers them)."""
    pos = 0
    for g in groups:
        g.position = pos
        pos += 1
        for c in children.get(g.id, []):
            c.position = pos
            pos += 1


def _tree(session: Session) -> tuple[list[Theme], dict[int, list[Theme]]]:
    themes = _themes(session)
    groups = [t for t in themes if t.parent_id is None]
    children: dict[int, list[Theme]] = {g.id: [] for g in groups}
    for t in themes:
        if t.parent_id is not None:
            children.setdefault(t.parent_id, []).append(t)
    return groups, children


def _theme(session: Session, theme_id: int) -> Theme:
    theme = session.get(Theme, int(theme_id))
    if theme is None:
        raise NotFound(f"主题不存在：{theme_id}", code="theme_not_found")
    return theme


def _theme_uses(session: Session) -> dict[int, int]:
    return dict(
        session.execute(
            select(Case.theme_id, func.count())
            .where(Case.theme_id.is_not(None))
            .group_by(Case.theme_id)
        ).all()
    )


def _theme_name_free(session: Session, name: str, theme_id: int | None = None) -> None:
    other = session.scalar(select(Theme).where(Theme.name == name))
    if other is not None and other.id != theme_id:
        kind = "分组" if other.parent_id is None else "主题"
        raise ValidationFailed([FieldError("name", "taken", f"已有名为“{name}”的{kind}")])


def theme_items(lib: Library, actor: Actor) -> list[VocabItem]:
    """The catalogue: its groups in order, each with its themes and their case counts."""
    require(actor, "vocab.manage")
    with lib.db.session() as session:
        groups, children = _tree(session)
        uses = _theme_uses(session)
    out = []
    for gi, g in enumerate(groups):
        kids = tuple(
            VocabItem(c.id, c.name, ci, uses.get(c.id, 0), parent_id=g.id)
            for ci, c in enumerate(children.get(g.id, []))
        )
        out.append(
            VocabItem(g.id, g.name, gi, sum(k.uses for k in kids), children=kids, is_group=True)
        )
    return out


def add_theme(lib: Library, actor: Actor, name: str, parent_id: int | None = None) -> VocabItem:
    """A new group (no ``parent_id``) or a new theme at the end of group ``parent_id``."""
    require(actor, "vocab.manage")
    name = _name(name, THEME_MAX, "主题" if parent_id else "分组")
    with lib.db.transaction() as session:
        _theme_name_free(session, name)
        groups, children = _tree(session)
        parent = None
        if parent_id not in (None, ""):
            parent = session.get(Theme, _ref(parent_id, "parent_id"))
            if parent is None or parent.parent_id is not None:
                raise ValidationFailed(
                    [FieldError("parent_id", "invalid_choice", "请选择主题所属的分组")]
                )
        theme = Theme(name=name, parent_id=parent.id if parent else None, position=0)
        session.add(theme)
        session.flush()
        if parent is None:
            groups.append(theme)
        else:
            children.setdefault(parent.id, []).append(theme)
        _renumber_themes(session, groups, children)
        audit.record(
            session,
            actor,
            "theme.create",
            "theme",
            str(theme.id),
            name=name,
            kind="leaf" if parent else "group",
            group=parent.name if parent else None,
        )
        siblings = children[parent.id] if parent else groups
        item = VocabItem(
            theme.id,
            name,
            siblings.index(theme),
            parent_id=theme.parent_id,
            is_group=parent is None,
        )
    _after(lib, [])
    return item


def rename_theme(lib: Library, actor: Actor, theme_id: int, name: str) -> Change:
    """Rename a group or a theme; the theme's cases go with it (and are re-indexed under
    the new name)."""
    require(actor, "vocab.manage")
    with lib.db.transaction() as session:
        theme = _theme(session, theme_id)
        what = "分组" if theme.parent_id is None else "主题"
        name = _name(name, THEME_MAX, what)
        old = theme.name
        if name == old:
            return Change(f"{what}名称未改变：{name}")
        _theme_name_free(session, name, theme.id)
        theme.name = name
        case_ids = list(session.scalars(select(Case.id).where(Case.theme_id == theme.id)))
        reindex = _mark_pending(session, case_ids)
        audit.record(
            session,
            actor,
            "theme.rename",
            "theme",
            str(theme.id),
            changes={"name": [old, name]},
            kind="group" if theme.parent_id is None else "leaf",
            cases=len(case_ids),
        )
    _after(lib, reindex)
    return Change(f"{what}“{old}”已改名为“{name}”（{len(case_ids)} 个案例随之更新）", reindex)


def move_theme(
    lib: Library,
    actor: Actor,
    theme_id: int,
    position: int | None = None,
    parent_id: int | None | Any = _KEEP,
) -> VocabItem:
    """Move a theme to ``position`` among its group's themes, or into another group
    (``parent_id``; at ``position`` there, or last); move a group among the groups. A
    theme stays inside a group, a group stays a group."""
    require(actor, "vocab.manage")
    position = _position(position)
    with lib.db.transaction() as session:
        theme = _theme(session, theme_id)
        groups, children = _tree(session)
        old_parent = theme.parent_id
        new_parent = old_parent
        if parent_id is not _KEEP and parent_id not in (None, ""):
            new_parent = _ref(parent_id, "parent_id")
        if theme.parent_id is None:
            if new_parent is not None:
                raise ValidationFailed(
                    [FieldError("parent_id", "invalid_choice", "分组不能移入其他分组")]
                )
            old_pos = groups.index(theme)
            groups = _place(groups, theme, old_pos if position is None else position)
            new_pos = groups.index(theme)
        else:
            target = session.get(Theme, new_parent) if new_parent is not None else None
            if target is None or target.parent_id is not None:
                raise ValidationFailed(
                    [FieldError("parent_id", "invalid_choice", "请选择主题所属的分组")]
                )
            old_pos = children[old_parent].index(theme)
            children[old_parent] = [t for t in children[old_parent] if t.id != theme.id]
            if position is None and new_parent == old_parent:
                position = old_pos
            children[new_parent] = _place(children.get(new_parent, []), theme, position)
            theme.parent_id = new_parent
            new_pos = children[new_parent].index(theme)
        _renumber_themes(session, groups, children)
        if (old_parent, old_pos) != (new_parent, new_pos):
            names = {t.id: t.name for t in groups}
            changes: dict[str, list] = {"position": [old_pos + 1, new_pos + 1]}
            if old_parent != new_parent:
                changes["group"] = [names.get(old_parent), names.get(new_parent)]
            audit.record(
                session,
                actor,
                "theme.move",
                "theme",
                str(theme.id),
                name=theme.name,
                changes=changes,
            )
        item = VocabItem(
            theme.id,
            theme.name,
            new_pos,
            parent_id=theme.parent_id,
            is_group=theme.parent_id is None,
        )
    _after(lib, [])
    return item


def merge_themes(lib: Library, actor: Actor, theme_id: int, into_id: int) -> Change:
    """Merge theme A (``theme_id``) into theme B (``into_id``): every case of A gets B
    (and is re-indexed), A is deleted."""
    require(actor, "vocab.manage")
    with lib.db.transaction() as session:
        source = _theme(session, theme_id)
        target = session.get(Theme, _ref(into_id, "into"))
        if source.parent_id is None:
            raise ValidationFailed(
                [FieldError("into", "invalid_choice", "只能合并主题，不能合并分组")]
            )
        if target is None or target.parent_id is None or target.id == source.id:
            raise ValidationFailed(
                [FieldError("into", "invalid_choice", "请选择要合并到的另一个主题")]
            )
        case_ids = list(session.scalars(select(Case.id).where(Case.theme_id == source.id)))
        reindex = _mark_pending(session, case_ids)
        case_nos = _case_nos(session, case_ids)
        session.execute(
            update(Case)
            .where(Case.theme_id == source.id)
            .values(theme_id=target.id, updated_at=Case.updated_at)
            .execution_options(synchronize_session=False)
        )
        name, into = source.name, target.name
        session.delete(source)
        session.flush()
        groups, children = _tree(session)
        _renumber_themes(session, groups, children)
        audit.record(
            session,
            actor,
            "theme.merge",
            "theme",
            str(theme_id),
            name=name,
            into=into,
            cases=case_nos,
        )
    _after(lib, reindex)
    return Change(f"主题“{name}”已合并到“{into}”（{len(case_nos)} 个案例）", reindex)


def delete_theme(lib: Library, actor: Actor, theme_id: int) -> Change:
    """Delete a theme no case uses, or a group without themes."""
    require(actor, "vocab.manage")
    with lib.db.transaction() as session:
        theme = _theme(session, theme_id)
        name = theme.name
        if theme.parent_id is None:
            n = session.scalar(
                select(func.count()).select_from(Theme).where(Theme.parent_id == theme.id)
            )
            if n:
                raise Conflict(
                    f"分组“{name}”下还有 {n} 个主题：请先移走或删除", code="group_not_empty"
                )
        else:
            n = session.scalar(
                select(func.count()).select_from(Case).where(Case.theme_id == theme.id)
            )
            if n:
                raise Conflict(
                    f"主题“{name}”仍有 {n} 个案例：请先合并到其他主题", code="theme_in_use"
                )
        kind = "group" if theme.parent_id is None else "leaf"
        session.delete(theme)
        session.flush()
        groups, children = _tree(session)
        _renumber_themes(session, groups, children)
        audit.record(session, actor, "theme.delete", "theme", str(theme_id), name=name, kind=kind)
    _after(lib, [])
    return Change(f"{'分组' if kind == 'group' else '主题'}“{name}”已删除")


# -- tags -----------------------------------------------------------------------------------


def _tags(session: Session) -> list[Tag]:
    return list(session.scalars(select(Tag).order_by(Tag.position, Tag.id)))


def _renumber_tags(tags: list[Tag]) -> None:
    for i, t in enumerate(tags):
        t.position = i


def _tag(session: Session, tag_id: int) -> Tag:
    tag = session.get(Tag, int(tag_id))
    if tag is None:
        raise NotFound(f"标签不存在：{tag_id}", code="tag_not_found")
    return tag


def _tag_name_free(session: Session, name: str, tag_id: int | None = None) -> None:
    other = session.scalar(select(Tag).where(Tag.name == name))
    if other is not None and other.id != tag_id:
        raise ValidationFailed([FieldError("name", "taken", f"已有标签“{name}”")])


def tag_items(lib: Library, actor: Actor) -> list[VocabItem]:
    """The tags in order, with their case counts."""
    require(actor, "vocab.manage")
    with lib.db.session() as session:
        uses = dict(
            session.execute(select(CaseTag.tag_id, func.count()).group_by(CaseTag.tag_id)).all()
        )
        return [VocabItem(t.id, t.name, i, uses.get(t.id, 0)) for i, t in enumerate(_tags(session))]


def add_tag(lib: Library, actor: Actor, name: str, parent_id: int | None = None) -> VocabItem:
    """A new tag, last in the list."""
    require(actor, "vocab.manage")
    name = _name(name, TAG_MAX, "标签", commas=False)
    with lib.db.transaction() as session:
        _tag_name_free(session, name)
        tags = _tags(session)
        tag = Tag(name=name, position=len(tags))
        session.add(tag)
        session.flush()
        _renumber_tags([*tags, tag])
        audit.record(session, actor, "tag.create", "tag", str(tag.id), name=name)
        item = VocabItem(tag.id, name, len(tags))
    _after(lib, [])
    return item


def rename_tag(lib: Library, actor: Actor, tag_id: int, name: str) -> Change:
    """Rename a tag; its cases go with it (and are re-indexed under the new name)."""
    require(actor, "vocab.manage")
    name = _name(name, TAG_MAX, "标签", commas=False)
    with lib.db.transaction() as session:
        tag = _tag(session, tag_id)
        old = tag.name
        if name == old:
            return Change(f"标签名称未改变：{name}")
        _tag_name_free(session, name, tag.id)
        tag.name = name
        case_ids = list(session.scalars(select(CaseTag.case_id).where(CaseTag.tag_id == tag.id)))
        reindex = _mark_pending(session, case_ids)
        audit.record(
            session,
            actor,
            "tag.rename",
            "tag",
            str(tag.id),
            changes={"name": [old, name]},
            cases=len(case_ids),
        )
    _after(lib, reindex)
    return Change(f"标签“{old}”已改名为“{name}”（{len(case_ids)} 个案例随之更新）", reindex)


def move_tag(
    lib: Library, actor: Actor, tag_id: int, position: int | None = None, parent_id: Any = None
) -> VocabItem:
    """Move a tag to ``position`` in the list (0 first)."""
    require(actor, "vocab.manage")
    position = _position(position)
    with lib.db.transaction() as session:
        tag = _tag(session, tag_id)
        tags = _tags(session)
        old = tags.index(tag)
        tags = _place(tags, tag, old if position is None else position)
        new = tags.index(tag)
        _renumber_tags(tags)
        if new != old:
            audit.record(
                session,
                actor,
                "tag.move",
                "tag",
                str(tag.id),
                name=tag.name,
                changes={"position": [old + 1, new + 1]},
            )
        item = VocabItem(tag.id, tag.name, new)
    _after(lib, [])
    return item


def merge_tags(lib: Library, actor: Actor, tag_id: int, into_id: int) -> Change:
    """Merge tag A (``tag_id``) into tag B (``into_id``): every case of A gets B (once:
    a case that had both keeps one B), A is deleted; the cases are re-indexed."""
    require(actor, "vocab.manage")
    with lib.db.transaction() as session:
        source = _tag(session, tag_id)
        target = session.get(Tag, _ref(into_id, "into"))
        if target is None or target.id == source.id:
            raise ValidationFailed(
                [FieldError("into", "invalid_choice", "请选择要合并到的另一个标签")]
            )
        case_ids = list(session.scalars(select(CaseTag.case_id).where(CaseTag.tag_id == source.id)))
        has_target = set(
            session.scalars(select(CaseTag.case_id).where(CaseTag.tag_id == target.id))
        )
        missing = [cid for cid in case_ids if cid not in has_target]
        if missing:
            session.execute(
                insert(CaseTag), [{"case_id": cid, "tag_id": target.id} for cid in missing]
            )
        session.execute(delete(CaseTag).where(CaseTag.tag_id == source.id))
        reindex = _mark_pending(session, case_ids)
        case_nos = _case_nos(session, case_ids)
        name, into = source.name, target.name
        session.delete(source)
        session.flush()
        _renumber_tags(_tags(session))
        audit.record(
            session,
            actor,
            "tag.merge",
            "tag",
            str(tag_id),
            name=name,
            into=into,
            cases=case_nos,
        )
    _after(lib, reindex)
    return Change(f"标签“{name}”已合并到“{into}”（{len(case_nos)} 个案例）", reindex)


def delete_tag(lib: Library, actor: Actor, tag_id: int) -> Change:
    """Delete a tag no case uses."""
    require(actor, "vocab.manage")
    with lib.db.transaction() as session:
        tag = _tag(session, tag_id)
        n = session.scalar(
            select(func.count()).select_from(CaseTag).where(CaseTag.tag_id == tag.id)
        )
        if n:
            raise Conflict(
                f"标签“{tag.name}”仍有 {n} 个案例：请先合并到其他标签", code="tag_in_use"
            )
        name = tag.name
        session.delete(tag)
        session.flush()
        _renumber_tags(_tags(session))
        audit.record(session, actor, "tag.delete", "tag", str(tag_id), name=name)
    _after(lib, [])
    return Change(f"标签“{name}”已删除")


THEMES = Vocabulary(
    key="themes",
    title="案例主题",
    item_title="主题",
    note="目录式分类：分组下的主题供填报时选择。合并主题时，原主题的案例全部改为目标主题。",
    items=theme_items,
    add=add_theme,
    rename=rename_theme,
    move=move_theme,
    merge=merge_themes,
    delete=delete_theme,
    tree=True,
    max_length=THEME_MAX,
)
TAGS = Vocabulary(
    key="tags",
    title="统一标签",
    item_title="标签",
    note="统一标签：填报时从中选择，最多 10 个。合并标签时，原标签的案例全部改为目标标签。",
    items=tag_items,
    add=add_tag,
    rename=rename_tag,
    move=move_tag,
    merge=merge_tags,
    delete=delete_tag,
    max_length=TAG_MAX,
)
