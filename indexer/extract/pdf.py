"""PDF: text from pdfminer.six's layout analysis, lines re-joined into paragraphs.

pdfminer decodes CID fonts (Identity-H with a ToUnicode map, or predefined CMaps such as
UniGB-UCS2-H) to Unicode. We then undo what layout did to the text: the spaces pdfminer
infers between glyphs are dropped where a CJK character is involved, and the lines of one
paragraph are joined without a separator at a CJK seam, so "营商\\n环境" becomes "营商环境".
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import (
    LAParams,
    LTAnno,
    LTChar,
    LTComponent,
    LTContainer,
    LTCurve,
    LTImage,
    LTTextBox,
    LTTextLine,
)
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from . import messages
from .model import Block, ExtractedDocument, ExtractLimits
from .normalize import finish, is_cjk, join_lines
from .sniff import MEDIA_TYPES

_LAPARAMS = dict(line_margin=0.5, char_margin=2.0, word_margin=0.1, boxes_flow=0.5, all_texts=True)
_CID = re.compile(r"\(cid:\d+\)")
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–·•]*(?:第\s*)?(?:\d{1,4}|[ivxlcdm]{1,6})(?:\s*页)?"
    r"(?:\s*[/／]\s*(?:共\s*)?\d{1,4}\s*页?)?[\s\-—–·•]*$",
    re.I,
)
_TAIL = 2048
_MARGIN = 0.1  # top and bottom tenth of a page: where running headers and page numbers live


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    page: int
    pieces: list[tuple[float, str]] | None = None  # (x0, text) of what the line shows
    right: float = 0.0  # right edge of the column this line belongs to
    edge_known: bool = False  # whether other lines of the column confirm ``right``

    @property
    def size(self) -> float:
        return max(self.y1 - self.y0, 1.0)


def extract(data: bytes, limits: ExtractLimits) -> ExtractedDocument:
    pages = _open(data, limits)
    lines, has_graphics, has_glyphs = _read_lines(pages)
    blocks = [Block("paragraph", text, page=page + 1) for text, page in _paged(lines)]
    blocks, text, title = finish(blocks)
    if not text:
        if has_graphics or has_glyphs:
            raise messages.no_text_layer()
        raise messages.empty_document()
    return ExtractedDocument(
        text=text,
        media_type=MEDIA_TYPES["pdf"],
        format="pdf",
        title=title,
        blocks=blocks,
        pages=len(pages),
    )


def _open(data: bytes, limits: ExtractLimits) -> list[PDFPage]:
    if b"%%EOF" not in data[-_TAIL:]:
        # Readers require the end-of-file marker near the end; without it the file was cut
        # short, and pdfminer's recovery would quietly index whatever part survived.
        raise messages.corrupt()
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
    except PDFEncryptionError as e:  # includes PDFPasswordIncorrect
        raise messages.encrypted() from e
    except Exception as e:  # pdfminer raises many kinds (and plain KeyErrors) on bad input
        raise messages.corrupt() from e
    pages: list[PDFPage] = []
    try:
        for page in PDFPage.create_pages(document):
            if len(pages) >= limits.max_pages:
                raise messages.too_many_pages(limits.max_pages)
            pages.append(page)
    except PDFEncryptionError as e:
        raise messages.encrypted() from e
    except messages.ExtractionError:
        raise
    except Exception as e:
        raise messages.corrupt() from e
    if not pages:
        raise messages.corrupt()
    return pages


def _read_lines(pages: list[PDFPage]) -> tuple[list[list[_Line]], bool, bool]:
    """Text lines per page in reading order, whether any page draws graphics, and whether
    any glyph was shown at all (even one we could not map to Unicode)."""
    resources = PDFResourceManager(caching=True)
    device = PDFPageAggregator(resources, laparams=LAParams(**_LAPARAMS))
    interpreter = PDFPageInterpreter(resources, device)
    out: list[list[_Line]] = []
    has_graphics = has_glyphs = False
    try:
        for number, page in enumerate(pages):
            interpreter.process_page(page)
            layout = device.get_result()
            found: list[_Line] = []
            graphics, glyphs = _collect(layout, number, found)
            has_graphics |= graphics
            has_glyphs |= glyphs
            out.append(_drop_page_furniture(_merge_fragments(found), layout.y0, layout.y1))
    except PDFEncryptionError as e:
        raise messages.encrypted() from e
    except Exception as e:
        raise messages.corrupt() from e
    finally:
        device.close()
    return out, has_graphics, has_glyphs


def _collect(container: LTContainer, page: int, found: list[_Line]) -> tuple[bool, bool]:
    graphics = glyphs = False
    for item in container:
        if isinstance(item, LTTextBox):
            for line in item:
                if isinstance(line, LTTextLine):
                    glyphs = True
                    pieces = _line_pieces(line)
                    text = "".join(t for _x, t in pieces).rstrip()
                    if text.strip():
                        found.append(_Line(text, line.x0, line.x1, line.y0, line.y1, page, pieces))
        elif isinstance(item, (LTImage, LTCurve)):  # LTRect and LTLine are curves too
            graphics = True
        elif isinstance(item, LTChar):
            glyphs = True
        elif isinstance(item, LTContainer):
            g, t = _collect(item, page, found)
            graphics |= g
            glyphs |= t
        elif isinstance(item, LTComponent):
            graphics = True
    return graphics, glyphs


def _line_pieces(line: LTTextLine) -> list[tuple[float, str]]:
    """The line's text as (x, text) pieces, without unmappable glyphs and without the spaces
    pdfminer inferred next to CJK characters (spacing, not the document's text)."""
    pieces: list[tuple[float, str, bool]] = []
    x = line.x0
    for item in line:
        if isinstance(item, LTChar):
            text = item.get_text()
            if text.startswith("(cid:"):
                text = _CID.sub("", text)
            if text:
                pieces.append((item.x0, text, False))
            x = item.x1
        elif isinstance(item, LTAnno):
            text = item.get_text()
            if text != "\n":
                pieces.append((x, text, True))
    out: list[tuple[float, str]] = []
    for i, (x0, text, inferred) in enumerate(pieces):
        if inferred:
            before = pieces[i - 1][1][-1:] if i else ""
            after = pieces[i + 1][1][:1] if i + 1 < len(pieces) else ""
            if not before or not after or is_cjk(before) or is_cjk(after):
                continue
        out.append((x0, text))
    return out


def _merge_fragments(lines: list[_Line]) -> list[_Line]:
    """Put back glyphs drawn separately on the same baseline (LibreOffice draws fallback-font
    punctuation such as “” after the rest of the line; pdfminer then makes them lines of
    their own, which would cut "“一件事”" out of its sentence)."""
    merged: set[int] = set()
    for i, line in enumerate(lines):
        if len(line.text) > 3 or line.pieces is None:
            continue
        for j, host in enumerate(lines):
            if (
                j != i
                and j not in merged
                and len(host.text) > 3
                and host.pieces is not None
                and abs(host.y0 - line.y0) < 0.25 * host.size
                and abs(host.y1 - line.y1) < 0.25 * host.size
                and host.x0 - host.size <= line.x0
                and line.x1 <= host.x1 + host.size
            ):
                host.pieces = sorted(host.pieces + line.pieces, key=lambda piece: piece[0])
                host.text = "".join(t for _x, t in host.pieces).rstrip()
                host.x0, host.x1 = min(host.x0, line.x0), max(host.x1, line.x1)
                merged.add(i)
                break
    kept = [line for i, line in enumerate(lines) if i not in merged]
    return kept


def _drop_page_furniture(lines: list[_Line], bottom: float, top: float) -> list[_Line]:
    """Drop page numbers printed in the top or bottom margin of the page."""
    height = max(top - bottom, 1.0)
    low, high = bottom + height * _MARGIN, top - height * _MARGIN
    return [
        line
        for line in lines
        if not ((line.y1 <= low or line.y0 >= high) and _PAGE_NUMBER.match(line.text))
    ]


def _paragraphs(pages: list[list[_Line]]) -> list[str]:
    return [text for text, _page in _paged(pages)]


def _paged(pages: list[list[_Line]]) -> list[tuple[str, int]]:
    """The paragraphs in reading order, each with the (0-based) page it starts on."""
    pitches: dict[int, float] = {}
    for number, lines in enumerate(pages):
        _column_edges(lines)
        pitches[number] = _typical_pitch(lines)
    paragraphs: list[tuple[str, int]] = []
    page = 0
    current = ""
    prev: _Line | None = None
    for lines in pages:
        for line in lines:
            carries_on = prev is not None and _continues(prev, line, pitches[line.page])
            text = None if carries_on else line.text.strip()
            if text is None:
                current = join_lines(current, line.text.strip())
            else:
                if current:
                    paragraphs.append((current, page))
                current = text
                page = line.page
            prev = line
    if current:
        paragraphs.append((current, page))
    return paragraphs


def _typical_pitch(lines: list[_Line]) -> float:
    """The usual distance between consecutive lines on a page (median), 0 if unknown."""
    gaps = sorted(
        a.y0 - b.y0
        for a, b in zip(lines, lines[1:], strict=False)
        if 0 < a.y0 - b.y0 < 4 * max(a.size, b.size)
    )
    return gaps[len(gaps) // 2] if gaps else 0.0


def _continues(prev: _Line, line: _Line, pitch: float) -> bool:
    """Whether ``line`` continues the paragraph that ``prev`` belongs to."""
    size = max(prev.size, line.size)
    if line.text[:1].isspace() or line.text[:1] == "\u3000":
        return False  # an indented first line
    if not prev.edge_known or prev.x1 < prev.right - 1.5 * size:
        return False  # the previous line stops short (or stands alone): its paragraph ended
    if line.x0 > prev.x0 + 0.8 * size:
        return False  # indented, or another column
    if line.page == prev.page:
        gap = prev.y0 - line.y0
        if gap <= 0 or gap > max(1.8 * size, 1.3 * pitch):
            return False  # above the previous line (a new column) or after a blank
        if min(prev.x1, line.x1) - max(prev.x0, line.x0) <= 0:
            return False
    elif not (is_cjk(prev.text[-1:]) or prev.text[-1:].isalnum()):
        return False  # across pages, only a line cut mid-sentence carries on
    return True


def _column_edges(lines: list[_Line]) -> None:
    """Set each line's ``right``: the right edge shared by the full lines of its column."""
    for line in lines:
        size = line.size
        edges = sorted(
            (
                other.x1
                for other in lines
                if min(other.x1, line.x1) - max(other.x0, line.x0)
                > 0.5 * min(other.x1 - other.x0, line.x1 - line.x0)
            ),
            reverse=True,
        )
        line.right = line.x1
        for i, edge in enumerate(edges):
            if i + 1 < len(edges) and edges[i + 1] >= edge - size:
                line.right = edge
                line.edge_known = True
                break


def page_paragraphs(data: bytes, limits: ExtractLimits) -> list[list[str]]:
    """The paragraphs of each page in reading order, for reading a PDF page by page (a
    paragraph that runs on to the next page is cut at the page end)."""
    pages = _open(data, limits)
    lines, _graphics, _glyphs = _read_lines(pages)
    none: list[_Line] = []
    # _paragraphs knows a page by its position in the list it is given.
    return [_paragraphs([none] * number + [page]) for number, page in enumerate(lines)]
