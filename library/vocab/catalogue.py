"""The theme catalogue (目录式分类) and the tag list (统一标签), in the database (admins may
extend them); a new library is seeded from ``library/data`` together with the regions."""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..validation import load_schema
from .models import Region, Tag, Theme
from .regions import region_options, regions

if TYPE_CHECKING:
    from ..context import Library


def _vocab_data() -> dict:
    text = (resources.files("library") / "data" / "vocabularies.json").read_text(encoding="utf-8")
    return json.loads(text)


def seed(session: Session) -> None:
    """Load regions, themes and tags into an empty database (idempotent)."""
    if not session.scalar(select(func.count()).select_from(Region)):
        # Parents first: provinces, then cities, then counties.
        for info in sorted(regions().values(), key=lambda r: (r.level, r.code)):
            session.add(
                Region(code=info.code, name=info.name, level=info.level, parent_code=info.parent)
            )
        session.flush()
    data = _vocab_data()
    if not session.scalar(select(func.count()).select_from(Theme)):
        pos = 0
        for group in data["themes"]:
            parent = Theme(name=group["name"], position=pos)
            session.add(parent)
            session.flush()
            pos += 1
            for child in group["children"]:
                session.add(Theme(name=child, parent_id=parent.id, position=pos))
                pos += 1
    if not session.scalar(select(func.count()).select_from(Tag)):
        for i, name in enumerate(data["tags"]):
            session.add(Tag(name=name, position=i))
    session.flush()


def theme_by_name(session: Session, name: str) -> Theme | None:
    return session.scalar(select(Theme).where(Theme.name == name))


def leaf_themes(session: Session) -> list[Theme]:
    return list(
        session.scalars(select(Theme).where(Theme.parent_id.is_not(None)).order_by(Theme.position))
    )


def theme_tree(session: Session) -> list[tuple[Theme, list[Theme]]]:
    themes = list(session.scalars(select(Theme).order_by(Theme.position)))
    roots = [t for t in themes if t.parent_id is None]
    return [(r, [t for t in themes if t.parent_id == r.id]) for r in roots]


def all_tags(session: Session) -> list[Tag]:
    return list(session.scalars(select(Tag).order_by(Tag.position)))


@dataclass
class Vocabularies:
    themes: list[tuple[str, list[str]]]  # (group, leaf names)
    tags: list[str]
    case_types: dict[str, str]
    provinces: list[dict[str, str]]
    loaded: float = field(default_factory=time.monotonic)
    stamp: tuple[int, int] = (0, 0)

    def as_dict(self) -> dict[str, Any]:
        return {
            "themes": [{"name": g, "children": c} for g, c in self.themes],
            "tags": self.tags,
            "case_types": self.case_types,
            "provinces": self.provinces,
        }


_VOCAB: dict[str, Vocabularies] = {}
VOCAB_TTL = 60.0
# Touched (replaced) by every change of the themes or tags, so every process of the
# library sees the change at its next read (one stat call), not after the cache's TTL.
STAMP_FILE = "vocabularies.changed"


def _stamp(lib: Library) -> tuple[int, int]:
    try:
        st = os.stat(lib.settings.home_path / STAMP_FILE)
    except OSError:
        return (0, 0)
    return (st.st_ino, st.st_mtime_ns)


def forget_vocabularies(lib: Library) -> None:
    """After a change of the themes or tags: this process reads them again at once, the
    library's other processes at their next read."""
    _VOCAB.pop(lib.settings.database_url, None)
    path = lib.settings.home_path / STAMP_FILE
    tmp = path.with_name(f"{STAMP_FILE}.{os.getpid()}.tmp")
    try:
        tmp.write_text(str(time.time_ns()), encoding="ascii")
        os.replace(tmp, path)  # a new file (inode) each time: a change is never missed
    except OSError:  # a read-only home: the other processes see it after VOCAB_TTL
        pass


def vocabularies(lib: Library) -> Vocabularies:
    """Themes, tags, case types and provinces, cached for a minute and until they change
    (:func:`forget_vocabularies`)."""
    key = lib.settings.database_url
    v = _VOCAB.get(key)
    stamp = _stamp(lib)
    if v is not None and time.monotonic() - v.loaded < VOCAB_TTL and v.stamp == stamp:
        return v
    with lib.db.session() as session:
        themes = [(root.name, [c.name for c in children]) for root, children in theme_tree(session)]
        tags = [t.name for t in all_tags(session)]
    v = Vocabularies(
        themes=themes,
        tags=tags,
        case_types=dict(load_schema("case_form")["properties"]["case_type"]["x-enum-titles"]),
        provinces=region_options(None),
        stamp=stamp,
    )
    _VOCAB[key] = v
    return v
