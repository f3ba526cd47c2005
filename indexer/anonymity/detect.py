"""find_identifying and anonymize: places and persons together."""

from __future__ import annotations

from .model import Finding
from .persons import find_persons
from .places import find_places, replacement_of

__all__ = ["find_identifying", "anonymize"]


def find_identifying(text: str) -> list[Finding]:
    """Every place name and person name in ``text``, sorted and non-overlapping.

    Offsets are character offsets into ``text`` (``end`` exclusive). A chain such as
    北京市西城区 comes out as adjacent findings (北京市, 西城区) that cover it whole; a
    place inside an organisation name comes out as the organisation, whose replacement
    neutralises the place only (台州市市场监督管理局 → 某市市场监督管理局). Where a
    place and a person overlap, the longer wins.
    """
    if not text:
        return []
    found: list[Finding] = []
    for h in find_places(text):
        found.append(
            Finding(text[h.start : h.end], h.start, h.end, h.kind, replacement_of(text, h))
        )
    for p in find_persons(text):
        found.append(Finding(text[p.start : p.end], p.start, p.end, "person", p.replacement))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[Finding] = []
    for f in found:
        if out and f.start < out[-1].end:
            last = out[-1]
            if f.end - f.start > last.end - last.start:
                out[-1] = f
            continue
        out.append(f)
    return out


def anonymize(text: str, findings: list[Finding] | None = None) -> str:
    """``text`` with every finding replaced by its neutral wording.

    ``findings`` defaults to :func:`find_identifying`'s; pass a subset to apply only
    some. Findings must be non-overlapping and refer to this very text.
    """
    if findings is None:
        findings = find_identifying(text)
    out, pos = [], 0
    for f in sorted(findings, key=lambda f: f.start):
        if f.start < pos:
            raise ValueError(f"overlapping findings at {f.start}")
        if text[f.start : f.end] != f.text:
            raise ValueError(f"finding {f.text!r} does not match the text at {f.start}")
        out.append(text[pos : f.start])
        out.append(f.replacement)
        pos = f.end
    out.append(text[pos:])
    return "".join(out)
