"""What an editable vocabulary offers the admin pages and the API, whichever feature keeps
it: the theme catalogue and the tags (``library.cases.vocabulary``), 整改方式 (the
monitoring feature). A vocabulary is a :class:`Vocabulary` of use cases; the admin pages
list them, so one more vocabulary is one more entry in that list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import FieldError, ValidationFailed

if TYPE_CHECKING:
    from ..accounts.audit import Actor
    from ..context import Library


@dataclass(frozen=True)
class VocabItem:
    """One entry: its id, name, place among its siblings (0 first), how many records use
    it (``uses``: cases of every state, for themes and tags), and in a tree its group
    (``parent_id``) or, for a group, its entries."""

    id: int
    name: str
    position: int
    uses: int = 0
    parent_id: int | None = None
    children: tuple[VocabItem, ...] = ()
    is_group: bool = False  # a tree's group (its entries in ``children``)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "position": self.position,
            "uses": self.uses,
        }
        if self.parent_id is not None:
            out["parent_id"] = self.parent_id
        if self.is_group:
            out["children"] = [c.as_dict() for c in self.children]
        return out


@dataclass(frozen=True)
class Change:
    """What a change did: a sentence for people, and the records carried along (the case
    numbers re-indexed, for themes and tags)."""

    message: str
    carried: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"message": self.message, "carried": self.carried}


@dataclass(frozen=True)
class Vocabulary:
    """An editable vocabulary: ``key`` (in URLs), ``title`` (案例主题), ``item_title`` (主题),
    ``tree`` (groups holding entries, as the theme catalogue) and its use cases, each
    checking the actor's permission and recording its audit row:

    * ``items(lib, actor) -> list[VocabItem]`` (a tree: the groups, with children),
    * ``add(lib, actor, name, parent_id=None) -> VocabItem``,
    * ``rename(lib, actor, item_id, name) -> Change``,
    * ``move(lib, actor, item_id, position, parent_id=None) -> VocabItem`` (position:
      the new place among its siblings, 0 first; parent_id: a tree's new group),
    * ``merge(lib, actor, item_id, into_id) -> Change`` (every record of the item gets
      ``into_id``; the item is deleted),
    * ``delete(lib, actor, item_id) -> Change`` (only an unused item).
    """

    key: str
    title: str
    item_title: str
    note: str
    items: Callable[[Library, Actor], list[VocabItem]]
    add: Callable[..., VocabItem]
    rename: Callable[[Library, Actor, int, str], Change]
    move: Callable[..., VocabItem]
    merge: Callable[[Library, Actor, int, int], Change]
    delete: Callable[[Library, Actor, int], Change]
    tree: bool = False
    max_length: int = 40
    uses_title: str = "个案例"  # what ``VocabItem.uses`` counts, after the number


def parse_position(value: Any) -> int | None:
    """A new place among siblings as a form or JSON gives it (0 first; empty: None)."""
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        value = "x"
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationFailed(
            [FieldError("position", "invalid_type", "位置应为整数（0 为第一位）")]
        ) from None


def place(items: list[Any], item: Any, position: int | None) -> list[Any]:
    """``items`` with ``item`` at ``position`` (clamped; None: last)."""
    rest = [x for x in items if x.id != item.id]
    if position is None:
        position = len(rest)
    position = max(0, min(position, len(rest)))
    return [*rest[:position], item, *rest[position:]]
