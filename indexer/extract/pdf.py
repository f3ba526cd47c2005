"""PDF: text from pdfminer.six's layout analysis, lines re-joined into paragraphs.

pdfminer decodes CID fonts (Identity-H with a ToUnicode map, or predefined CMaps such as
UniGB-UCS2-H) to Unicode. We then undo what layout did to the text: the spaces pdfminer
infers between glyphs are dropped where a CJK character is involved, and the lines of one
paragraph are joined without a separator at a CJK seam, so "营商\\n环境" becomes "营商环境".

A page whose text is an OCR layer (Tesseract's invisible ``GlyphLessFont``, as OCRmyPDF
adds it) is read differently: Tesseract writes each recognised line as one run of words in
reading order, each word squeezed to its box, and a space after every word, also between
Chinese characters. Layout analysis tears such lines apart where a word's box is narrow,
so these pages are read in content-stream order, one line per baseline, and the spaces
next to CJK characters are dropped.
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
    LTLine,
    LTRect,
    LTTextBox,
    LTTextLine,
)
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from . import messages, pdftables
from .model import Block, ExtractedDocument, ExtractLimits, PageTable
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
_OCR_FONT = "GlyphLessFont"  # the invisible font of Tesseract's text layer (OCRmyPDF's too)
_MAX_SEGMENTS = 5000  # ruling lines kept per page for table detection; more is a drawing

Piece = tuple[float, str, float]  # (x0, text, x1) of one glyph or space on a line
_MARGIN = 0.1  # top and bottom tenth of a page: where running headers and page numbers live


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    page: int
    pieces: list[Piece] | None = None  # (x0, text, x1) of what the line shows
    right: float = 0.0  # right edge of the column this line belongs to
    edge_known: bool = False  # whether other lines of the column confirm ``right``

    @property
    def size(self) -> float:
        return max(self.y1 - self.y0, 1.0)


def extract(data: bytes, limits: ExtractLimits) -> ExtractedDocument:
    return document(read_pages(_open(data, limits)))


def read(data: bytes, limits: ExtractLimits) -> tuple[list[PageLayout], bool, bool]:
    """Every page's layout (the file checked against the limits first), whether any page
    draws graphics, and whether any shows glyphs."""
    return read_pages(_open(data, limits))


def document(read: tuple[list[PageLayout], bool, bool]) -> ExtractedDocument:
    """The document of pages read by ``read_pages``; ``no_text_layer`` when they show
    graphics or glyphs but no text, ``empty_document`` when they show nothing."""
    layouts, has_graphics, has_glyphs = read
    blocks = [
        Block("paragraph", text, page=page + 1) for text, page in _paged([p.lines for p in layouts])
    ]
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
        pages=len(layouts),
        scanned_pages=scanned_pages(layouts),
    )


def scanned_pages(layouts: list[PageLayout]) -> list[int]:
    """The pages (1-based) that draw graphics but show no glyph: what OCR can read."""
    return [n for n, p in enumerate(layouts, 1) if p.graphics and not p.glyphs]


def page_texts(layouts: list[PageLayout]) -> list[str]:
    """Each page's text, its paragraphs one a line."""
    none: list[_Line] = []
    return [
        "\n".join(_paragraphs([none] * number + [layout.lines]))
        for number, layout in enumerate(layouts)
    ]


def _open(data: bytes, limits: ExtractLimits) -> list[PDFPage]:
    return _open_document(data, limits)[1]


def _open_document(data: bytes, limits: ExtractLimits) -> tuple[PDFDocument, list[PDFPage]]:
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
    return document, pages


@dataclass
class PageLayout:
    """What one page shows: its text lines in reading order, and its ruling lines as
    ``(horizontal, position, start, end)`` segments (for finding ruled tables)."""

    lines: list[_Line]
    segments: list[tuple[bool, float, float, float]]
    ocr: bool = False  # the text is an OCR layer (read in content-stream order)
    graphics: bool = False  # the page draws images or vector graphics
    glyphs: bool = False  # the page shows glyphs (even ones not mapped to Unicode)


def read_pages(pages: list[PDFPage]) -> tuple[list[PageLayout], bool, bool]:
    """Every page's layout, whether any page draws graphics, and whether any glyph was
    shown at all (even one we could not map to Unicode)."""
    resources = PDFResourceManager(caching=True)
    device = PDFPageAggregator(resources, laparams=LAParams(**_LAPARAMS))
    interpreter = PDFPageInterpreter(resources, device)
    raw_device = PDFPageAggregator(resources, laparams=None)  # glyphs in content order
    raw_interpreter = PDFPageInterpreter(resources, raw_device)
    out: list[PageLayout] = []
    has_graphics = has_glyphs = False
    try:
        for number, page in enumerate(pages):
            interpreter.process_page(page)
            layout = device.get_result()
            found: list[_Line] = []
            segments: list[tuple[bool, float, float, float]] = []
            graphics, glyphs, ocr_glyphs, all_glyphs = _collect(layout, number, found, segments)
            has_graphics |= graphics
            has_glyphs |= glyphs
            ocr = all_glyphs > 0 and ocr_glyphs >= 0.9 * all_glyphs
            if ocr:
                raw_interpreter.process_page(page)
                found = _ocr_lines(raw_device.get_result(), number)
            else:
                found = _merge_fragments(found)
            if len(segments) > _MAX_SEGMENTS:
                segments = []
            lines = _drop_page_furniture(found, layout.y0, layout.y1)
            out.append(PageLayout(lines, segments, ocr, graphics, glyphs))
    except PDFEncryptionError as e:
        raise messages.encrypted() from e
    except Exception as e:
        raise messages.corrupt() from e
    finally:
        device.close()
        raw_device.close()
    return out, has_graphics, has_glyphs


def _collect(
    container: LTContainer,
    page: int,
    found: list[_Line],
    segments: list[tuple[bool, float, float, float]],
) -> tuple[bool, bool, int, int]:
    """Gather the text lines and ruling lines of ``container``; return whether it draws
    graphics, whether it shows glyphs, and how many of its glyphs are in the OCR font, of
    how many."""
    graphics = glyphs = False
    ocr_glyphs = all_glyphs = 0
    for item in container:
        if isinstance(item, LTTextBox):
            for line in item:
                if isinstance(line, LTTextLine):
                    glyphs = True
                    for char in line:
                        if isinstance(char, LTChar):
                            all_glyphs += 1
                            ocr_glyphs += _OCR_FONT in char.fontname
                    pieces = _line_pieces(line)
                    text = "".join(t for _x, t, _e in pieces).rstrip()
                    if text.strip():
                        found.append(_Line(text, line.x0, line.x1, line.y0, line.y1, page, pieces))
        elif isinstance(item, (LTImage, LTCurve)):  # LTRect and LTLine are curves too
            graphics = True
            if isinstance(item, LTCurve) and len(segments) <= _MAX_SEGMENTS:
                segments.extend(_rulings(item))
        elif isinstance(item, LTChar):
            glyphs = True
            all_glyphs += 1
            ocr_glyphs += _OCR_FONT in item.fontname
        elif isinstance(item, LTContainer):
            g, t, o, a = _collect(item, page, found, segments)
            graphics |= g
            glyphs |= t
            ocr_glyphs += o
            all_glyphs += a
        elif isinstance(item, LTComponent):
            graphics = True
    return graphics, glyphs, ocr_glyphs, all_glyphs


def _rulings(item: LTCurve) -> list[tuple[bool, float, float, float]]:
    """The horizontal and vertical rules an LTLine or LTRect draws (a thin filled rectangle
    is a rule; a stroked one is four; a filled area without a stroke is shading)."""
    x0, y0, x1, y1 = item.x0, item.y0, item.x1, item.y1
    width, height = x1 - x0, y1 - y0
    if isinstance(item, LTLine) or width <= 2 or height <= 2:
        if height <= 2 and width > 2:
            return [(True, (y0 + y1) / 2, x0, x1)]
        if width <= 2 and height > 2:
            return [(False, (x0 + x1) / 2, y0, y1)]
        return []
    if isinstance(item, LTRect) and item.stroke:
        return [(True, y0, x0, x1), (True, y1, x0, x1), (False, x0, y0, y1), (False, x1, y0, y1)]
    return []


def _line_pieces(line: LTTextLine) -> list[Piece]:
    """The line's text as (x0, text, x1) pieces, without unmappable glyphs and without the
    spaces pdfminer inferred next to CJK characters (spacing, not the document's text)."""
    pieces: list[tuple[float, str, float, bool]] = []
    x = line.x0
    for item in line:
        if isinstance(item, LTChar):
            text = item.get_text()
            if text.startswith("(cid:"):
                text = _CID.sub("", text)
            if text:
                pieces.append((item.x0, text, item.x1, False))
            x = item.x1
        elif isinstance(item, LTAnno):
            text = item.get_text()
            if text != "\n":
                pieces.append((x, text, x, True))
    out: list[Piece] = []
    for i, (x0, text, x1, inferred) in enumerate(pieces):
        if inferred:
            before = pieces[i - 1][1][-1:] if i else ""
            after = pieces[i + 1][1][:1] if i + 1 < len(pieces) else ""
            if not before or not after or is_cjk(before) or is_cjk(after):
                continue
        out.append((x0, text, x1))
    return out


def _ocr_lines(container: LTContainer, page: int) -> list[_Line]:
    """The lines of an OCR text layer, from its glyphs in content-stream order: a line goes
    on while the glyphs stay on its baseline and right of its start. (Tesseract squeezes
    each word into its box from an estimated advance, so a word may start left of where the
    previous one ends: the glyph boxes are rough, the order is right.)"""
    chars: list[LTChar] = []
    _ocr_chars(container, chars)
    lines: list[_Line] = []
    run: list[LTChar] = []
    for char in chars:
        if run:
            last = run[-1]
            size = max(last.size, char.size, 1.0)
            if abs(char.y0 - last.y0) > 0.5 * size or char.x0 < run[0].x0 - 0.5 * size:
                _add_ocr_line(run, page, lines)
                run = []
        run.append(char)
    _add_ocr_line(run, page, lines)
    return lines


def _ocr_chars(container: LTContainer, out: list[LTChar]) -> None:
    for item in container:
        if isinstance(item, LTChar):
            if _OCR_FONT in item.fontname:
                out.append(item)
        elif isinstance(item, LTContainer):
            _ocr_chars(item, out)


def _add_ocr_line(run: list[LTChar], page: int, lines: list[_Line]) -> None:
    """One OCR line: the words' trailing spaces are dropped next to CJK characters (Tesseract
    writes one after every word, and a Chinese "word" is often one character)."""
    glyphs = [(c.x0, c.get_text(), c.x1) for c in run]
    pieces: list[Piece] = []
    for i, (x0, text, x1) in enumerate(glyphs):
        if text.isspace():
            before = pieces[-1][1][-1:] if pieces else ""
            after = glyphs[i + 1][1][:1] if i + 1 < len(glyphs) else ""
            if not before or not after or after.isspace() or is_cjk(before) or is_cjk(after):
                continue
            text = " "
        elif text.startswith("(cid:"):
            text = _CID.sub("", text)
            if not text:
                continue
        pieces.append((x0, text, x1))
    text = "".join(t for _x, t, _e in pieces).strip()
    if not text:
        return
    shown = [c for c in run if not c.get_text().isspace()]
    lines.append(
        _Line(
            text,
            min(c.x0 for c in shown),
            max(c.x1 for c in shown),
            min(c.y0 for c in shown),
            max(c.y1 for c in shown),
            page,
            pieces,
        )
    )


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
                host.text = "".join(t for _x, t, _e in host.pieces).rstrip()
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


def _paragraphs(pages: list[list[_Line]], pitches: dict[int, float] | None = None) -> list[str]:
    return [text for text, _page in _paged(pages, pitches)]


def _paged(
    pages: list[list[_Line]], pitches: dict[int, float] | None = None
) -> list[tuple[str, int]]:
    """The paragraphs in reading order, each with the (0-based) page it starts on;
    ``pitches`` (page -> line pitch) when the lines' column edges were already set from the
    whole page (a part of a page alone is too few lines)."""
    if pitches is None:
        pitches = {}
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


def page_blocks(data: bytes, limits: ExtractLimits) -> list[list[str | PageTable]]:
    """The paragraphs and tables of each page in reading order, for reading a PDF page by
    page (a paragraph that runs on to the next page is cut at the page end)."""
    layouts, _graphics, _glyphs = read_pages(_open(data, limits))
    none: list[_Line] = []
    out: list[list[str | PageTable]] = []
    for number, layout in enumerate(layouts):
        _column_edges(layout.lines)
        pitch = {number: _typical_pitch(layout.lines)}
        blocks: list[str | PageTable] = []
        for item in pdftables.layout_items(layout.lines, layout.segments):
            if isinstance(item, PageTable):
                blocks.append(item)
            else:
                # _paragraphs knows a page by its position in the list it is given.
                blocks.extend(_paragraphs([none] * number + [item], pitch))
        out.append(blocks)
    return out


def outline(data: bytes, limits: ExtractLimits) -> list[tuple[int, str, int | None]]:
    """The PDF's bookmarks (its outline) in order: ``(level, title, page)``, the page
    1-based (None when a bookmark points nowhere resolvable)."""
    from pdfminer.pdfdocument import PDFNoOutlines
    from pdfminer.pdftypes import PDFObjRef, resolve1

    document, pages = _open_document(data, limits)
    number = {page.pageid: i for i, page in enumerate(pages, 1)}
    names = None
    out: list[tuple[int, str, int | None]] = []
    try:
        entries = list(document.get_outlines())
    except PDFNoOutlines:
        return []
    for level, title, dest, action, _se in entries:
        target = dest
        if target is None and action is not None:
            action = resolve1(action)
            if isinstance(action, dict):
                target = action.get("D")
        target = resolve1(target)
        if isinstance(target, (bytes, str)):  # a named destination
            if names is None:
                names = _named_destinations(document)
            key = target.decode("latin-1") if isinstance(target, bytes) else target
            target = resolve1(names.get(key))
        if isinstance(target, dict):
            target = resolve1(target.get("D"))
        page = None
        if isinstance(target, list) and target:
            ref = target[0]
            if isinstance(ref, PDFObjRef):
                page = number.get(ref.objid)
            elif isinstance(ref, int):
                page = ref + 1
        out.append((int(level), str(title or ""), page))
    return out


def _named_destinations(document: PDFDocument) -> dict[str, object]:
    from pdfminer.pdftypes import resolve1

    out: dict[str, object] = {}
    catalog = document.catalog
    dests = resolve1(catalog.get("Dests")) if catalog else None
    if isinstance(dests, dict):
        for k, v in dests.items():
            out[k if isinstance(k, str) else str(k)] = v
    names = resolve1(catalog.get("Names")) if catalog else None
    tree = resolve1(names.get("Dests")) if isinstance(names, dict) else None
    stack = [tree] if isinstance(tree, dict) else []
    while stack:
        node = resolve1(stack.pop())
        if not isinstance(node, dict):
            continue
        pairs = resolve1(node.get("Names")) or []
        for i in range(0, len(pairs) - 1, 2):
            key = resolve1(pairs[i])
            out[key.decode("latin-1") if isinstance(key, bytes) else str(key)] = pairs[i + 1]
        stack.extend(resolve1(node.get("Kids")) or [])
    return out
