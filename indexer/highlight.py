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


def snippets(
    text: str, pattern: re.Pattern[str] | None, *, width: int = 80, count: int = 3
) -> list[str]:
    """Up to ``count`` fragments of about ``width`` characters around the matches, the
    fragments covering the most distinct needles first, in document order."""
    if not text:
        return []
    if pattern is None:
        return [html.escape(_WS.sub(" ", text[:width]).strip())]
    # The first matches are enough to choose good fragments (long texts full of a common
    # word would otherwise cost a scan of thousands of windows).
    matches = []
    for m in pattern.finditer(text):
        matches.append((m.start(), m.end(), m.group(0).lower()))
        if len(matches) >= MAX_MATCHES:
            break
    if not matches:
        return []
    # Candidate windows start at each match; score = distinct needles, then match count.
    windows = []
    j = 0
    n = len(matches)
    for i in range(n):
        start = matches[i][0]
        while j < n and matches[j][1] <= start + width:
            j += 1
        inside = matches[i:j]
        windows.append((len({m[2] for m in inside}), len(inside), -start, i, j))
    windows.sort(reverse=True)
    chosen: list[tuple[int, int]] = []
    for _, _, _, i, _j in windows:
        lo = max(0, matches[i][0] - width // 4)
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
