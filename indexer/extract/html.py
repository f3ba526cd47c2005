"""Word documents as a safe HTML fragment, for reading a case online.

Headings, paragraphs with bold/italic/underline/strike, lists, tables (with merged cells as
colspan/rowspan) and text boxes. Images become a placeholder. Every piece of document text
is escaped; the only attributes we write are our own class names and integer spans, so the
fragment can carry no script, style or external resource.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .docx import (
    _BLOCK_WRAPPERS,
    _SKIP_INLINE,
    M_T,
    MC_ALT,
    MC_CHOICE,
    W_BR,
    W_CR,
    W_HMERGE,
    W_NBHYPHEN,
    W_P,
    W_PPR,
    W_PTAB,
    W_R,
    W_RPR,
    W_SDT,
    W_SDTCONTENT,
    W_T,
    W_TAB,
    W_TBL,
    W_TC,
    W_TCPR,
    W_TR,
    W_TXBX,
    W_VAL,
    W_VMERGE,
    DocxPackage,
    StyleSheet,
    W,
    children,
    is_on,
    paragraph_level,
    run_is_hidden,
)
from .model import Block, ExtractLimits, PageTable
from .normalize import clean

IMAGE_PLACEHOLDER = '<span class="doc-image">[图片]</span>'
_W_DRAWING, _W_PICT, _W_OBJECT = W + "drawing", W + "pict", W + "object"
_BREAK = object()
_IMAGE = object()


@dataclass(frozen=True)
class _Format:
    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False


_PLAIN = _Format()
_TAGS = (("bold", "strong"), ("italic", "em"), ("underline", "u"), ("strike", "s"))


def render_docx_html(data: bytes, limits: ExtractLimits) -> str:
    package = DocxPackage(data, limits)
    renderer = _Renderer(package.styles, _Numbering(package.numbering()))
    out: list[str] = []
    renderer.blocks(package.body, out)
    notes = list(package.notes())
    if notes:
        out.append('<section class="doc-notes">')
        for note in notes:
            renderer.blocks(note, out)
        out.append("</section>")
    return '<div class="doc">' + "".join(out) + "</div>"


def render_blocks_html(blocks: list[Block]) -> str:
    """A fragment from extracted blocks (PDF, text, or a Tika conversion)."""
    out = ['<div class="doc">']
    for block in blocks:
        if block.kind == "heading":
            level = min(max(block.level, 1), 6)
            out.append(f"<h{level}>{_text(block.text)}</h{level}>")
        elif block.kind == "table":
            out.append('<table class="doc-table">')
            for row in block.rows or []:
                out.append("<tr>" + "".join(f"<td>{_text(cell)}</td>" for cell in row) + "</tr>")
            out.append("</table>")
        else:
            out.append(f"<p>{_text(block.text)}</p>")
    out.append("</div>")
    return "".join(out)


def render_pages_html(pages: list[list[str | PageTable]]) -> str:
    """A fragment of a paged document (PDF): one ``<section class="page" data-page="N">``
    of paragraphs and tables per page."""
    out = ['<div class="doc pages">']
    for number, blocks in enumerate(pages, 1):
        out.append(f'<section class="page" data-page="{number}">')
        for block in blocks:
            if isinstance(block, PageTable):
                out.append(_page_table(block))
            else:
                out.append(f"<p>{_text(block)}</p>")
        out.append("</section>")
    out.append("</div>")
    return "".join(out)


def _page_table(table: PageTable) -> str:
    out = ['<table class="doc-table">']
    for row in table.rows:
        out.append("<tr>")
        for text, rowspan, colspan in row:
            attrs = (f' colspan="{int(colspan)}"' if colspan > 1 else "") + (
                f' rowspan="{int(rowspan)}"' if rowspan > 1 else ""
            )
            out.append(f"<td{attrs}>{_text(text)}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def _text(value: str) -> str:
    return escape(clean(value), quote=True).replace("\n", "<br>")


class _Numbering:
    """numId -> {ilvl: "ul" | "ol"} from numbering.xml."""

    def __init__(self, root):
        self.kinds: dict[str, dict[str, str]] = {}
        if root is None:
            return
        abstract: dict[str, dict[str, str]] = {}
        for node in root.iter(W + "abstractNum"):
            levels: dict[str, str] = {}
            for lvl in node.iter(W + "lvl"):
                fmt = lvl.find(W + "numFmt")
                value = fmt.get(W_VAL) if fmt is not None else "decimal"
                levels[lvl.get(W + "ilvl") or "0"] = "ul" if value in ("bullet", "none") else "ol"
            abstract[node.get(W + "abstractNumId") or ""] = levels
        for num in root.iter(W + "num"):
            ref = num.find(W + "abstractNumId")
            if ref is not None:
                self.kinds[num.get(W + "numId") or ""] = abstract.get(ref.get(W_VAL) or "", {})

    def list_of(self, p, styles: StyleSheet) -> tuple[str, int] | None:
        """("ul" | "ol", depth) of a list paragraph, from its own or its style's numbering."""
        ppr = p.find(W_PPR)
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        if numpr is not None:
            num_id, ilvl = numpr.find(W + "numId"), numpr.find(W + "ilvl")
            num = num_id.get(W_VAL) if num_id is not None else None
            level = ilvl.get(W_VAL) if ilvl is not None else None
        else:
            style = ppr.find(W + "pStyle") if ppr is not None else None
            found = styles.numbering(style.get(W_VAL) if style is not None else styles.default)
            if found is None or paragraph_level(p, styles):
                return None  # numbered headings stay headings
            num, level = found
        if not num or num == "0":
            return None
        kind = self.kinds.get(num, {}).get(level or "0", "ol")
        try:
            depth = max(0, min(int(level or 0), 8))
        except ValueError:
            depth = 0
        return kind, depth


class _Renderer:
    def __init__(self, styles: StyleSheet, numbering: _Numbering):
        self.styles = styles
        self.numbering = numbering

    # -- blocks ----------------------------------------------------------------------------
    def blocks(self, container, out: list[str]) -> None:
        lists: list[tuple[str, int]] = []
        for child in self._block_children(container):
            if child.tag == W_P:
                item = self.numbering.list_of(child, self.styles)
                if item is None:
                    self._close_lists(lists, out)
                    self.paragraph(child, out)
                else:
                    self._open_item(lists, item, out)
                    self.paragraph(child, out, in_list=True)
            else:
                self._close_lists(lists, out)
                self.table(child, out)
        self._close_lists(lists, out)

    def _block_children(self, container):
        for child in container:
            tag = child.tag
            if tag in (W_P, W_TBL):
                yield child
            elif tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    yield from self._block_children(content)
            elif tag in _BLOCK_WRAPPERS:
                yield from self._block_children(child)
            elif tag == MC_ALT:
                choice = child.find(MC_CHOICE)
                if choice is not None:
                    yield from self._block_children(choice)

    @staticmethod
    def _open_item(lists: list[tuple[str, int]], item: tuple[str, int], out: list[str]) -> None:
        kind, depth = item
        while lists and (lists[-1][1] > depth or (lists[-1][1] == depth and lists[-1][0] != kind)):
            out.append(f"</li></{lists.pop()[0]}>")
        if lists and lists[-1] == (kind, depth):
            out.append("</li><li>")
        else:
            out.append(f'<{kind} class="doc-list"><li>')
            lists.append((kind, depth))

    @staticmethod
    def _close_lists(lists: list[tuple[str, int]], out: list[str]) -> None:
        while lists:
            out.append(f"</li></{lists.pop()[0]}>")

    def paragraph(self, p, out: list[str], in_list: bool = False) -> None:
        segments: list[tuple[object, _Format]] = []
        boxes: list = []
        self._inline(p, _PLAIN, segments, boxes)
        body = _segments_html(segments)
        if body:
            level = paragraph_level(p, self.styles)
            if level and not in_list:
                tag = f"h{min(level, 6)}"
                out.append(f"<{tag}>{body}</{tag}>")
            else:
                out.append(f"<p>{body}</p>")
        for box in boxes:
            out.append('<div class="doc-textbox">')
            self.blocks(box, out)
            out.append("</div>")

    def table(self, tbl, out: list[str]) -> None:
        grid: list[list[tuple[object, int, int, str | None]]] = []  # (tc, column, span, vmerge)
        for tr in children(tbl, W_TR):
            column = _grid_before(tr)
            row = []
            for tc in children(tr, W_TC):
                span, vmerge, hmerge = _cell_props(tc)
                if hmerge == "continue" and row:
                    last = row[-1]
                    row[-1] = (last[0], last[1], last[2] + span, last[3])
                else:
                    row.append((tc, column, span, vmerge))
                column += span
            grid.append(row)
        out.append('<table class="doc-table">')
        for r, row in enumerate(grid):
            out.append("<tr>")
            for tc, column, span, vmerge in row:
                if vmerge == "continue":
                    continue
                rowspan = 1
                if vmerge == "restart":
                    for below in grid[r + 1 :]:
                        if any(c == column and v == "continue" for _t, c, _s, v in below):
                            rowspan += 1
                        else:
                            break
                attrs = (f' colspan="{span}"' if span > 1 else "") + (
                    f' rowspan="{rowspan}"' if rowspan > 1 else ""
                )
                cell: list[str] = []
                self.blocks(tc, cell)
                out.append(f"<td{attrs}>{''.join(cell)}</td>")
            out.append("</tr>")
        out.append("</table>")

    # -- inline ----------------------------------------------------------------------------
    def _inline(self, el, fmt: _Format, segments: list, boxes: list) -> None:
        for child in el:
            tag = child.tag
            if tag == W_R:
                if not run_is_hidden(child):
                    self._inline(child, self._run_format(child), segments, boxes)
            elif tag == W_T or tag == M_T:
                if child.text:
                    segments.append((child.text, fmt))
            elif tag == W_TAB or tag == W_PTAB:
                segments.append(("\t", fmt))
            elif tag == W_BR or tag == W_CR:
                segments.append((_BREAK, fmt))
            elif tag == W_NBHYPHEN:
                segments.append(("-", fmt))
            elif tag == W_TXBX:
                boxes.append(child)
            elif tag in (_W_DRAWING, _W_PICT, _W_OBJECT):
                found = list(child.iter(W_TXBX))
                if found:
                    boxes.extend(found)
                else:
                    segments.append((_IMAGE, fmt))
            elif tag in _SKIP_INLINE or not isinstance(tag, str):
                continue
            else:
                self._inline(child, fmt, segments, boxes)

    def _run_format(self, run) -> _Format:
        rpr = run.find(W_RPR)
        if rpr is None:
            return _PLAIN
        values = {}
        style = rpr.find(W + "rStyle")
        base = self.styles.character.get(style.get(W_VAL)) if style is not None else None
        for source in (base, rpr):
            if source is None:
                continue
            for name, tag in (("bold", "b"), ("italic", "i"), ("strike", "strike")):
                el = source.find(W + tag)
                if el is not None:
                    values[name] = is_on(el)
            underline = source.find(W + "u")
            if underline is not None:
                values["underline"] = (underline.get(W_VAL) or "single") != "none"
        return _Format(**values) if values else _PLAIN


def _grid_before(tr) -> int:
    trpr = tr.find(W + "trPr")
    if trpr is not None:
        before = trpr.find(W + "gridBefore")
        if before is not None:
            try:
                return max(0, min(int(before.get(W_VAL) or 0), 64))
            except ValueError:
                return 0
    return 0


def _cell_props(tc) -> tuple[int, str | None, str | None]:
    tcpr = tc.find(W_TCPR)
    if tcpr is None:
        return 1, None, None
    span = 1
    grid_span = tcpr.find(W + "gridSpan")
    if grid_span is not None:
        try:
            span = max(1, min(int(grid_span.get(W_VAL) or 1), 64))
        except ValueError:
            span = 1
    vmerge = tcpr.find(W_VMERGE)
    hmerge = tcpr.find(W_HMERGE)
    v = None if vmerge is None else ("restart" if vmerge.get(W_VAL) == "restart" else "continue")
    h = None if hmerge is None else ("restart" if hmerge.get(W_VAL) == "restart" else "continue")
    return span, v, h


def _segments_html(segments: list[tuple[object, _Format]]) -> str:
    parts: list[str] = []
    current: _Format = _PLAIN
    buffer: list[str] = []
    has_content = False

    def flush() -> None:
        if buffer:
            parts.append(_wrap("".join(buffer), current))
            buffer.clear()

    for value, fmt in segments:
        if value is _BREAK:
            flush()
            parts.append("<br>")
            continue
        if value is _IMAGE:
            flush()
            parts.append(IMAGE_PLACEHOLDER)
            has_content = True
            continue
        text = clean(str(value))
        if not text:
            continue
        if fmt != current:
            flush()
            current = fmt
        buffer.append(escape(text, quote=True))
        has_content = has_content or bool(text.strip())
    flush()
    return "".join(parts).strip() if has_content else ""


def _wrap(text: str, fmt: _Format) -> str:
    if not text.strip():
        return text
    opening = "".join(f"<{tag}>" for name, tag in _TAGS if getattr(fmt, name))
    closing = "".join(f"</{tag}>" for name, tag in reversed(_TAGS) if getattr(fmt, name))
    return opening + text + closing
