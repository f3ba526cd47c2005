"""Highlighted snippets: HTML-escaped text with ``<mark>`` around what the query looked for.

Works on the stored text with one compiled pattern per query (longest needle first), so a
snippet costs a regular-expression scan of one document, not a re-analysis of it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

_WS = re.compile(r"\s+")
MAX_MATCHES = 60


def compile_needles(needles: Iterable[str]) -> re.Pattern[str] | None:
    uniq = sorted({n for n in needles if n and n.strip()}, key=len, reverse=True)
    if not uniq:
        return None
    return re.compile("|".join(re.escape(n) for n in uniq), re.IGNORECASE)


def mark(text: str, pattern: re.Pattern[str] | None) -> str:
    """The whole of ``text``, escaped, with every match marked."""
    if pattern is None:
        return html.escape(text)
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(html.escape(text[last : m.start()]))
        out.append("<mark>" + html.escape(m.group(0)) + "</mark>")
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


_LINE = re.compile(r"[^\n]+")
_PROSE = re.compile(r"[，。；：,;]")


def body_start(text: str) -> int:
    """Where the running text starts: the first line of 30 characters or more with
    punctuation in it (a filled-in 申报表 opens with short lines of field values: region,
    unit, contact, dates). 0 when there is none."""
    for m in _LINE.finditer(text[:4000]):
        line = m.group(0)
        if len(line.strip()) >= 30 and _PROSE.search(line):
            return m.start()
    return 0


def snippets(
    text: str, pattern: re.Pattern[str] | None, *, width: int = 80, count: int = 3
) -> list[str]:
    """Up to ``count`` fragments of about ``width`` characters around the matches, the
    fragments covering the most distinct needles first, in document order."""
    if not text:
        return []
    if pattern is None:
        start = body_start(text)
        return [html.escape(_WS.sub(" ", text[start : start + width]).strip())]
    # The first matches are enough to choose good fragments (long texts full of a common
    # word would otherwise cost a scan of thousands of windows).
    matches = []
    for m in pattern.finditer(text):
        matches.append((m.start(), m.end(), m.group(0).lower()))
        if len(matches) >= MAX_MATCHES:
            break
    if not matches:
        return []
    # Candidate windows start at each match; score = distinct needles, then whether the
    # window is in the body (not the form's header lines: region, unit, dates), then
    # match count.
    body = body_start(text)
    windows = []
    j = 0
    n = len(matches)
    for i in range(n):
        start = matches[i][0]
        while j < n and matches[j][1] <= start + width:
            j += 1
        inside = matches[i:j]
        windows.append((len({m[2] for m in inside}), start >= body, len(inside), -start, i, j))
    windows.sort(reverse=True)
    chosen: list[tuple[int, int]] = []
    for _, _, _, _, i, _j in windows:
        at = matches[i][0]
        lo = max(body if at >= body else 0, at - width // 4)
        hi = min(len(text), lo + width)
        if any(lo < c_hi and c_lo < hi for c_lo, c_hi in chosen):
            continue
        chosen.append((lo, hi))
        if len(chosen) >= count:
            break
    chosen.sort()
    out = []
    for lo, hi in chosen:
        frag = _WS.sub(" ", text[lo:hi]).strip()
        piece = mark(frag, pattern)
        if lo > 0:
            piece = "…" + piece
        if hi < len(text):
            piece += "…"
        out.append(piece)
    return out
