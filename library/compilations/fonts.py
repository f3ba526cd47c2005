"""The fonts of the official-document style, with their fallbacks.

Chinese official documents (GB/T 9704) set titles in 小标宋, first-level headings in 黑体,
second-level headings in 楷体 and the text in 仿宋. A generated .docx names those fonts in its
styles (the people who open it on a government PC have them) and lists fallbacks for each in
the font table (``w:altName``: 仿宋 / FangSong ... Noto Serif CJK SC), so Word finds a near
font where one is missing.

A PDF is laid out here, by LibreOffice, with what is installed on this machine:
:func:`for_rendering` rewrites the .docx's font names to the first installed font of each
role's list (the official font where installed, Noto CJK otherwise), so the PDF never depends
on LibreOffice's own guess for a missing font.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from functools import cache

LATIN = "Times New Roman"


@dataclass(frozen=True)
class FontRole:
    """One role of the style: the official font, and what may stand in for it."""

    key: str
    official: str
    fallbacks: tuple[str, ...]
    generic: str  # the w:family of the font table: roman (serif) | swiss (sans)

    @property
    def candidates(self) -> tuple[str, ...]:
        return (self.official, *self.fallbacks)


TITLE = FontRole(
    "title",
    "方正小标宋简体",
    ("方正小标宋_GBK", "华文中宋", "STZhongsong", "宋体", "SimSun", "Noto Serif CJK SC"),
    "roman",
)
HEADING = FontRole(
    "heading", "黑体", ("SimHei", "STHeiti", "Heiti SC", "Noto Sans CJK SC"), "swiss"
)
KAI = FontRole(
    "kai", "楷体_GB2312", ("楷体", "KaiTi", "STKaiti", "Kaiti SC", "Noto Serif CJK SC"), "roman"
)
BODY = FontRole(
    "body",
    "仿宋_GB2312",
    ("仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC"),
    "roman",
)
ROLES = (TITLE, HEADING, KAI, BODY)


@cache
def installed_families() -> frozenset[str]:
    """Font family names installed on this machine (fontconfig's ``fc-list``); empty when
    fontconfig is missing."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return frozenset()
    try:
        out = subprocess.run(
            [fc_list, ":", "family"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    names: set[str] = set()
    for line in out.splitlines():
        names.update(n.strip() for n in line.split(",") if n.strip())
    return frozenset(names)


def resolve(role: FontRole, installed: frozenset[str] | None = None) -> str:
    """The font this machine lays out ``role`` with: the first installed candidate; the
    last (a Noto CJK font) when none is."""
    have = installed_families() if installed is None else installed
    for name in role.candidates:
        if name in have:
            return name
    return role.candidates[-1]


def rendering_map(installed: frozenset[str] | None = None) -> dict[str, str]:
    """{official name: the font to lay it out with here}, for the roles whose official font
    is not installed."""
    out = {}
    for role in ROLES:
        chosen = resolve(role, installed)
        if chosen != role.official:
            out[role.official] = chosen
    return out


_FONT_ATTR = re.compile(r'(w:(?:eastAsia|ascii|hAnsi|cs|name)=")([^"]+)(")')


def for_rendering(docx: bytes, installed: frozenset[str] | None = None) -> bytes:
    """The same .docx with each official font that is not installed here replaced by the
    installed stand-in (in the styles, the text and the font table), for LibreOffice."""
    mapping = rendering_map(installed)
    if not mapping:
        return docx
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("word/") and item.filename.endswith(".xml"):
                text = data.decode("utf-8")
                text = _FONT_ATTR.sub(
                    lambda m: m.group(1) + mapping.get(m.group(2), m.group(2)) + m.group(3), text
                )
                data = text.encode("utf-8")
            dst.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
