"""Administrative divisions, as shipped with caselib (``library/data/regions.tsv``, made
by ``scripts/build_regions.py``): codes, names, levels and the province › city › county
path, cached in memory (they do not change while caselib runs)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources


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
    if code in (None, "", "unknown"):
        return "未知地区"
    info = regions().get(normalize_region(code) or "")
    return info.name if info else str(code)


def region_path(code: str | None) -> list[RegionInfo]:
    """Province › city › county for a code (the divisions that exist)."""
    out: list[RegionInfo] = []
    info = regions().get(normalize_region(code) or "")
    # (A city without counties is listed as its own county: 441900 东莞市's parent is
    # 441900 itself, so a division is taken once.)
    while info is not None and info not in out:
        out.append(info)
        info = regions().get(info.parent or "")
    return list(reversed(out))


def region_label(code: str | None) -> str:
    """浙江省 › 台州市 › 椒江区 (a municipality's repeated name once)."""
    if not code:
        return ""
    path = region_path(code)
    if not path:
        return region_name(code)
    names: list[str] = []
    for p in path:
        if not names or names[-1] != p.name:
            names.append(p.name)
    return " › ".join(names)


def region_children(code: str | None) -> list[RegionInfo]:
    parent = normalize_region(code) if code else None
    return sorted((r for r in regions().values() if r.parent == parent), key=lambda r: r.code)


def region_options(parent: str | None) -> list[dict[str, str]]:
    """The divisions directly under ``parent`` (provinces when None), for a picker."""
    return [dict(x) for x in _region_options(normalize_region(parent) if parent else None)]


@lru_cache(maxsize=4096)
def _region_options(parent: str | None) -> tuple[tuple[tuple[str, str], ...], ...]:
    return tuple((("code", r.code), ("name", r.name)) for r in region_children(parent))


def region_path_dicts(code: str | None) -> list[dict[str, str]]:
    return [{"code": r.code, "name": r.name} for r in region_path(code)]


def within(code: str | None, scope: str | None) -> bool:
    """Is division ``code`` the division ``scope`` or inside it? (331002 is within 331000
    and 330000.) No scope: everything; no code: nothing but the whole country."""
    if not scope:
        return True
    if not code:
        return False
    scope = normalize_region(scope) or ""
    return any(r.code == scope for r in region_path(code))


def scope_prefix(scope: str) -> str:
    """The code prefix shared by every division inside ``scope`` (330000 → 33, 331000 →
    3310, 331002 → 331002)."""
    scope = normalize_region(scope) or scope
    info = regions().get(scope)
    level = (
        info.level if info else (1 if scope.endswith("0000") else 2 if scope.endswith("00") else 3)
    )
    return scope[: {1: 2, 2: 4}.get(level, 6)]


@cache
def _by_name() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for code in regions():
        for key in {region_name(code), "".join(p.name for p in region_path(code))}:
            out.setdefault(key, []).append(code)
    return out


def region_by_name(text: str | None) -> str | None:
    """The code of a division written by name, as a clerk fills in 填报地区: 椒江区,
    台州市椒江区, 浙江省台州市椒江区 (or a code, normalised). None when unknown or
    ambiguous (a county name used in several provinces, written without its city)."""
    if not text:
        return None
    text = "".join(text.split()).replace("›", "").replace(">", "").replace("/", "")
    if text.isdigit():
        code = normalize_region(text)
        return code if code in regions() else None
    codes = _by_name().get(text)
    if codes and len(codes) == 1:
        return codes[0]
    # A path with the province left out (台州市椒江区), or with a suffix left out.
    matches = [c for key, cs in _by_name().items() if key.endswith(text) for c in cs]
    matches = [c for c in matches if "".join(p.name for p in region_path(c)).endswith(text)]
    return matches[0] if len(set(matches)) == 1 else None
