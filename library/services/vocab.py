"""Controlled vocabularies: administrative divisions, the theme catalogue, the tag list.

They live in the database (admins may extend them); a new library is seeded from
``library/data``. Region names are also cached in memory for display.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Region, Tag, Theme


@dataclass(frozen=True)
class RegionInfo:
    code: str
    name: str
    level: int
    parent: str | None


@cache
def regions() -> dict[str, RegionInfo]:
    """Every division shipped with caselib, by 6-digit code."""
    text = (resources.files("library") / "data" / "regions.tsv").read_text(encoding="utf-8")
    out: dict[str, RegionInfo] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, name, level, parent = line.split("\t")
        out[code] = RegionInfo(code, name, int(level), parent or None)
    return out


def normalize_region(code: str | None) -> str | None:
    """A 2-, 4- or 6-digit code as the 6-digit code of that division (33 → 330000)."""
    if not code:
        return None
    code = code.strip()
    if code.isdigit() and len(code) in (2, 4):
        code = (code + "0000")[:6]
    return code


def region_name(code: str | None) -> str:
    if not code:
        return "未知地区"
    info = regions().get(code)
    return info.name if info else code


def region_path(code: str | None) -> list[RegionInfo]:
    """Province › city › county for a code (the divisions that exist)."""
    out: list[RegionInfo] = []
    info = regions().get(code or "")
    while info is not None:
        out.append(info)
        info = regions().get(info.parent or "")
    return list(reversed(out))


def region_label(code: str | None) -> str:
    path = region_path(code)
    if not path:
        return region_name(code)
    names: list[str] = []
    for p in path:
        if not names or names[-1] != p.name:
            names.append(p.name)
    return " › ".join(names)


def region_children(code: str | None) -> list[RegionInfo]:
    parent = code or None
    return sorted((r for r in regions().values() if r.parent == parent), key=lambda r: r.code)


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
