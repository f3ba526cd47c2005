"""find_identifying and anonymize: places and persons together."""

from __future__ import annotations

from .model import Finding
from .names import find_given_alone, find_uncued
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

    Both tiers are returned: ``certainty`` is ``"certain"`` for names the check is sure
    of (a gazetteer name in full or in a chain, a person beside a title, a role or a
    phone number, or standing where every signal agrees) and ``"possible"`` for names
    only some signals point to (a standalone township short form, a person found by the
    word and its context alone).
    """
    if not text:
        return []
    found: list[Finding] = []
    places = find_places(text)
    lone = _lone_short_forms(places)
    for h in places:
        found.append(
            Finding(
                text[h.start : h.end],
                h.start,
                h.end,
                h.kind,
                replacement_of(text, h),
                h.certainty,
            )
        )
    cued = find_persons(text)
    for p in cued:
        found.append(Finding(text[p.start : p.end], p.start, p.end, "person", p.replacement))
    # A short form standing alone (建平 in 何建平) or a possible place (中村 in 中村优子) may
    # be part of a name, and a name after a title may be longer than the cue saw
    # (总理米舒斯京): names are looked for around them too, and the longer wins below; a
    # possible name no longer than the short form it overlaps does not.
    abbreviations = {(h.start, h.end) for h in places if h.abbreviation}
    taken = [
        (f.start, f.end)
        for f in found
        if (f.start, f.end) not in lone
        and (f.start, f.end) not in abbreviations  # 沪宁 in 王沪宁
        and f.kind != "person"
        and f.certainty == "certain"
    ]
    for n in find_uncued(text, taken):
        if n.certainty != "certain" and any(
            a < n.end and n.start < b and n.end - n.start <= b - a for a, b in lone
        ):
            continue
        found.append(
            Finding(text[n.start : n.end], n.start, n.end, "person", "某同志", n.certainty)
        )
    # a given name standing alone (宋海燕 … 海燕说; 海燕，你…)
    persons = [(f.start, f.end) for f in found if f.kind == "person"]
    for n in find_given_alone(text, persons, [(f.start, f.end) for f in found]):
        found.append(
            Finding(text[n.start : n.end], n.start, n.end, "person", "某同志", n.certainty)
        )
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[Finding] = []
    for f in found:
        if out and f.start < out[-1].end:
            last = out[-1]
            if f.end - f.start > last.end - last.start or (
                (f.start, f.end) == (last.start, last.end)
                and f.kind == "person"
                and f.certainty == "certain"
                and last.certainty == "possible"
            ):
                # a certain name over a possible place of the same span (林晓峰, no peak)
                out[-1] = f
            continue
        out.append(f)
    return out


def _lone_short_forms(places) -> set[tuple[int, int]]:
    """Spans of short forms of divisions (建平, not 建平县) with no place beside them."""
    out = set()
    for k, h in enumerate(places):
        if h.place is None or h.place.full or h.kind in ("zone", "organization", "place"):
            continue
        before = k > 0 and places[k - 1].end == h.start
        after = k + 1 < len(places) and places[k + 1].start == h.end
        if not (before or after):
            out.add((h.start, h.end))
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
