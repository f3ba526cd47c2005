"""Text clean-up shared by every format: NFC, no control characters, tidy blank lines."""

from __future__ import annotations

import re
import unicodedata

from .model import Block

# C0/C1 controls except \t and \n, plus invisible format characters (soft hyphen, zero-width
# space/joiners, bidi controls, word joiner, BOM, interlinear annotation marks).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ufff9-\ufffb]"
)
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\u2028\u2029\x85]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0\u3000]+$", re.M)
_BLANK_RUNS = re.compile(r"\n{3,}")
# Spaces a layout engine puts between CJK and Latin text are not content; we keep them
# (they are real characters in the source), but never between two CJK characters.
_CJK = (
    "\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
)
CJK_CHAR = re.compile(f"[{_CJK}]")

TITLE_MAX = 100


def clean(text: str) -> str:
    """One string made safe for indexing: NFC, controls removed, \\n line ends."""
    if not text:
        return ""
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def tidy(text: str) -> str:
    """A whole document's text: clean, no trailing spaces, at most one blank line in a row."""
    text = _TRAILING_SPACE.sub("", clean(text))
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")


def is_cjk(ch: str) -> bool:
    return bool(ch) and CJK_CHAR.match(ch) is not None


def join_lines(left: str, right: str) -> str:
    """Join two pieces of one wrapped paragraph: no space at a CJK seam, one between words."""
    if not left:
        return right
    if not right:
        return left
    a, b = left[-1], right[0]
    if a.isspace() or b.isspace() or is_cjk(a) or is_cjk(b):
        return left + right
    if a == "-" and b.isalpha() and b.islower():
        return left[:-1] + right  # a hyphenated English word
    return left + " " + right


def finish(blocks: list[Block]) -> tuple[list[Block], str, str | None]:
    """Clean every block, drop empty ones, and compute the document text and title."""
    kept: list[Block] = []
    for block in blocks:
        if block.kind == "table":
            rows = [[clean(cell).strip() for cell in row] for row in (block.rows or [])]
            block.rows = rows
            lines = []
            for row in rows:
                cells = [
                    " ".join(cell.split()) if ("\n" in cell or "\t" in cell) else cell
                    for cell in row
                ]
                if any(cells):
                    lines.append("\t".join(cells).rstrip("\t"))
            block.text = "\n".join(lines)
        else:
            block.text = _TRAILING_SPACE.sub("", clean(block.text)).strip()
        if block.text:
            kept.append(block)
    text = tidy("\n".join(b.text for b in kept))
    return kept, text, title_of(kept, text)


def title_of(blocks: list[Block], text: str) -> str | None:
    """The first heading, else the first non-empty line; at most ``TITLE_MAX`` characters."""
    for block in blocks:
        if block.kind == "heading":
            return _shorten(block.text)
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return _shorten(line)
    return None


def _shorten(line: str) -> str:
    line = " ".join(line.split())
    return line[:TITLE_MAX]
