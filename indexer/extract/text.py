"""Plain text (.txt) and Markdown (.md): UTF-8 (with or without BOM), else GB18030."""

from __future__ import annotations

import re

from . import messages
from .model import Block, ExtractedDocument, ExtractLimits
from .normalize import clean, finish, join_lines
from .sniff import MEDIA_TYPES

_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def decode(data: bytes) -> str:
    """Text from bytes: BOM-marked UTF-8/UTF-16, else UTF-8, else GB18030; ``bad_encoding``."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            return text
    raise messages.bad_encoding()


def _plausible(text: str) -> bool:
    """Decoded text with NULs or many control characters is binary, not text."""
    if "\x00" in text:
        return False
    controls = sum(1 for ch in text[:10000] if ord(ch) < 0x20 and ch not in "\t\n\r\x0c\x1b")
    return controls <= max(2, min(len(text), 10000) // 100)


def extract_txt(data: bytes, limits: ExtractLimits) -> ExtractedDocument:
    lines = clean(decode(data)).split("\n")
    blocks = [Block("paragraph", line) for line in lines if line.strip()]
    return _document(blocks, "txt")


def extract_md(data: bytes, limits: ExtractLimits) -> ExtractedDocument:
    return _document(markdown_blocks(clean(decode(data))), "md")


def markdown_blocks(text: str) -> list[Block]:
    """Headings (ATX and setext) and paragraphs; wrapped lines joined CJK-aware."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    in_fence = False

    def flush() -> None:
        if paragraph:
            joined = ""
            for line in paragraph:
                joined = join_lines(joined, line.strip())
            blocks.append(Block("paragraph", joined))
            paragraph.clear()

    for line in text.split("\n"):
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if line.strip():
                blocks.append(Block("paragraph", line))
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            flush()
            blocks.append(Block("heading", heading.group(2), level=len(heading.group(1))))
        elif _SETEXT.match(line):
            if len(paragraph) == 1:
                level = 1 if line.strip().startswith("=") else 2
                blocks.append(Block("heading", paragraph.pop(), level=level))
            flush()  # otherwise a thematic break
        elif not line.strip():
            flush()
        else:
            paragraph.append(line)
    flush()
    return blocks


def _document(blocks: list[Block], fmt: str) -> ExtractedDocument:
    blocks, text, title = finish(blocks)
    if not text:
        raise messages.empty_document()
    return ExtractedDocument(
        text=text, media_type=MEDIA_TYPES[fmt], format=fmt, title=title, blocks=blocks
    )
