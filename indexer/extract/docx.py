"""Word 2007+ (.docx): body blocks in document order, straight from the XML.

The parts are read through the guarded zip reader and parsed with python-docx's own XML
parser (entities never resolved, no network); we then walk the element tree directly,
which is several times faster than python-docx's proxy objects and lets us see what
they hide: nested tables, content controls, text boxes, merged cells.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from docx.oxml.parser import parse_xml

from . import messages
from .model import Block, ExtractedDocument, ExtractLimits
from .normalize import finish
from .safezip import SafeZip
from .sniff import MEDIA_TYPES

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

W_P, W_R, W_T, W_TBL, W_TR, W_TC = W + "p", W + "r", W + "t", W + "tbl", W + "tr", W + "tc"
W_TAB, W_BR, W_CR, W_PTAB = W + "tab", W + "br", W + "cr", W + "ptab"
W_SDT, W_SDTCONTENT, W_CUSTOMXML, W_SMARTTAG = (
    W + "sdt",
    W + "sdtContent",
    W + "customXml",
    W + "smartTag",
)
W_INS, W_MOVETO, W_DEL, W_MOVEFROM = W + "ins", W + "moveTo", W + "del", W + "moveFrom"
W_PPR, W_RPR, W_TCPR, W_PSTYLE, W_OUTLINE = (
    W + "pPr",
    W + "rPr",
    W + "tcPr",
    W + "pStyle",
    W + "outlineLvl",
)
W_VANISH, W_VAL, W_HMERGE, W_VMERGE = W + "vanish", W + "val", W + "hMerge", W + "vMerge"
W_TXBX, W_NBHYPHEN, W_BODY = W + "txbxContent", W + "noBreakHyphen", W + "body"
MC_ALT, MC_CHOICE, MC_FALLBACK = MC + "AlternateContent", MC + "Choice", MC + "Fallback"
M_T = M + "t"

# Inline elements whose subtree never holds visible text of the paragraph.
_SKIP_INLINE = frozenset(
    {
        W + "delText",
        W + "instrText",
        W + "delInstrText",
        W_DEL,
        W_MOVEFROM,
        MC_FALLBACK,
        W_PPR,
        W_RPR,
        W + "fldData",
        W + "footnoteReference",
        W + "endnoteReference",
        W + "commentReference",
        W + "annotationRef",
        W + "sym",
        W + "object",
    }
)
# Block-level wrappers whose children are blocks (content controls, custom XML, revisions).
_BLOCK_WRAPPERS = frozenset({W_SDTCONTENT, W_CUSTOMXML, W_INS, W_MOVETO, W_SMARTTAG})
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$")
_TITLE_NAMES = frozenset({"title", "标题"})
_FALSE = frozenset({"0", "false", "off"})
_SMALL_PART = 16 * 1024 * 1024


def extract(data: bytes, limits: ExtractLimits) -> ExtractedDocument:
    package = DocxPackage(data, limits)
    walker = BlockWalker(package.styles)
    blocks: list[Block] = []
    walker.walk(package.body, blocks)
    for notes in package.notes():
        walker.walk(notes, blocks)
    blocks, text, title = finish(blocks)
    if not text:
        raise messages.empty_document()
    return ExtractedDocument(
        text=text,
        media_type=MEDIA_TYPES["docx"],
        format="docx",
        title=title,
        blocks=blocks,
        metadata=package.metadata(),
    )


def is_on(el) -> bool:
    """A WordprocessingML on/off property (``<w:b/>``, ``<w:vanish w:val="0"/>``)."""
    return el is not None and (el.get(W_VAL) or "1").lower() not in _FALSE


def run_is_hidden(run) -> bool:
    rpr = run.find(W_RPR)
    return rpr is not None and is_on(rpr.find(W_VANISH))


def children(el, tag: str) -> Iterator:
    """Direct children with ``tag``, looking through content controls and custom XML."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                yield from children(content, tag)
        elif child.tag in _BLOCK_WRAPPERS:
            yield from children(child, tag)


# -- the package ---------------------------------------------------------------------------


class DocxPackage:
    """The parts of a .docx we need, read safely."""

    def __init__(self, data: bytes, limits: ExtractLimits):
        self.zip = SafeZip(data, limits)
        try:
            self.main = self._main_part()
            self.document = self._parse(self.main)
        except KeyError as e:
            raise messages.corrupt() from e
        body = self.document.find(W_BODY)
        if body is None:
            raise messages.corrupt()
        self.body = body
        self.rels = self._relationships(self.main)
        styles = self._parse_related("styles")
        self.styles = StyleSheet(styles)

    def _parse(self, name: str):
        blob = self.zip.read(name)
        try:
            return parse_xml(blob)
        except Exception as e:  # lxml.etree.XMLSyntaxError and friends
            raise messages.corrupt() from e

    def _main_part(self) -> str:
        for rel_type, target in self._relationships("").items():
            if rel_type == "officeDocument" and target in self.zip:
                return target
        for name in ("word/document.xml", "word/document2.xml"):
            if name in self.zip:
                return name
        raise messages.corrupt()

    def _relationships(self, source: str) -> dict[str, str]:
        """{short relationship type: part name} for the part ``source`` ("" = the package)."""
        folder, base = posixpath.split(source)
        rels_name = posixpath.join(folder, "_rels", base + ".rels") if source else "_rels/.rels"
        blob = self.zip.get(rels_name, max_size=_SMALL_PART)
        if blob is None:
            return {}
        try:
            root = parse_xml(blob)
        except Exception:
            return {}
        out: dict[str, str] = {}
        for rel in root.iter(PKG_REL):
            if rel.get("TargetMode") == "External":
                continue
            rel_type = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = posixpath.normpath(posixpath.join(folder, target))
            out.setdefault(rel_type, name)
        return out

    def _parse_related(self, rel_type: str):
        name = self.rels.get(rel_type) or posixpath.join(
            posixpath.dirname(self.main), rel_type + ".xml"
        )
        if name not in self.zip:
            return None
        try:
            return parse_xml(self.zip.read(name, max_size=_SMALL_PART))
        except Exception:
            return None  # a damaged secondary part costs us formatting, not the text

    def numbering(self):
        return self._parse_related("numbering")

    def notes(self) -> Iterator:
        """Footnote and endnote bodies (not the separators Word keeps there)."""
        for rel_type in ("footnotes", "endnotes"):
            root = self._parse_related(rel_type)
            if root is None:
                continue
            for note in root:
                if note.get(W + "type") in (None, "normal"):
                    yield note

    def metadata(self) -> dict[str, str]:
        """Core properties (title, subject, keywords...) and custom properties ("custom:NAME")."""
        out: dict[str, str] = {}
        package_rels = self._relationships("")
        core = self.zip.get(
            package_rels.get("core-properties", "docProps/core.xml"), max_size=_SMALL_PART
        )
        if core is not None:
            try:
                for el in parse_xml(core):
                    if isinstance(el.tag, str) and (el.text or "").strip():
                        out[el.tag.rsplit("}", 1)[-1]] = el.text.strip()
            except Exception:
                pass
        custom = self.zip.get(
            package_rels.get("custom-properties", "docProps/custom.xml"), max_size=_SMALL_PART
        )
        if custom is not None:
            try:
                for prop in parse_xml(custom):
                    name = prop.get("name")
                    if name:
                        out["custom:" + name] = "".join(prop.itertext()).strip()
            except Exception:
                pass
        return out


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None  # 0..9 as in the XML
    numbering: tuple[str, str | None] | None = None  # (numId, ilvl) of a list style


@dataclass
class StyleSheet:
    """Paragraph styles: which are headings, and at which level."""

    root: object = None
    styles: dict[str, _Style] = field(default_factory=dict)
    default: str | None = None
    character: dict[str, object] = field(default_factory=dict)  # styleId -> w:rPr (for HTML)
    _levels: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.root is None:
            return
        for style in self.root.iter(W + "style"):
            style_id = style.get(W + "styleId")
            if not style_id:
                continue
            kind = style.get(W + "type")
            if kind == "character":
                rpr = style.find(W_RPR)
                if rpr is not None:
                    self.character[style_id] = rpr
                continue
            if kind not in (None, "paragraph"):
                continue
            info = _Style()
            name = style.find(W + "name")
            info.name = (name.get(W_VAL) or "") if name is not None else ""
            based = style.find(W + "basedOn")
            info.based_on = based.get(W_VAL) if based is not None else None
            ppr = style.find(W_PPR)
            if ppr is not None:
                info.outline = _int(ppr.find(W_OUTLINE))
                numpr = ppr.find(W + "numPr")
                if numpr is not None:
                    num_id, ilvl = numpr.find(W + "numId"), numpr.find(W + "ilvl")
                    info.numbering = (
                        num_id.get(W_VAL) if num_id is not None else "",
                        ilvl.get(W_VAL) if ilvl is not None else None,
                    )
            self.styles[style_id] = info
            if style.get(W + "default") in ("1", "true", "on"):
                self.default = style_id

    def level(self, style_id: str | None) -> int:
        """Heading level 1..9 of a paragraph style, 0 for body text."""
        style_id = style_id or self.default
        if not style_id:
            return 0
        cached = self._levels.get(style_id)
        if cached is None:
            cached = self._levels[style_id] = self._resolve(style_id, 0)
        return cached

    def numbering(self, style_id: str | None) -> tuple[str, str | None] | None:
        """(numId, ilvl) a paragraph style gives its paragraphs, following basedOn."""
        seen = 0
        while style_id and seen < 20:
            info = self.styles.get(style_id)
            if info is None:
                return None
            if info.numbering is not None:
                return info.numbering
            style_id = info.based_on
            seen += 1
        return None

    def _resolve(self, style_id: str, depth: int) -> int:
        info = self.styles.get(style_id)
        if info is None or depth > 20:
            return 0
        if info.outline is not None:
            return info.outline + 1 if info.outline < 9 else 0
        name = info.name.strip().lower()
        match = _HEADING_NAME.match(name)
        if match:
            return int(match.group(1))
        if name in _TITLE_NAMES:
            return 1
        if info.based_on and info.based_on != style_id:
            return self._resolve(info.based_on, depth + 1)
        return 0


def _int(el) -> int | None:
    if el is None:
        return None
    try:
        return int(el.get(W_VAL))
    except (TypeError, ValueError):
        return None


def paragraph_level(p, styles: StyleSheet) -> int:
    ppr = p.find(W_PPR)
    style_id = None
    if ppr is not None:
        own = _int(ppr.find(W_OUTLINE))
        if own is not None:
            return own + 1 if 0 <= own < 9 else 0
        pstyle = ppr.find(W_PSTYLE)
        if pstyle is not None:
            style_id = pstyle.get(W_VAL)
    return styles.level(style_id)


# -- walking the body ----------------------------------------------------------------------


class BlockWalker:
    """Turns block-level XML (body, cell, text box, note) into ``Block``s in order."""

    def __init__(self, styles: StyleSheet):
        self.styles = styles

    def walk(self, container, out: list[Block]) -> None:
        for child in container:
            tag = child.tag
            if tag == W_P:
                self.paragraph(child, out)
            elif tag == W_TBL:
                out.append(self.table(child))
            elif tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    self.walk(content, out)
            elif tag in _BLOCK_WRAPPERS:
                self.walk(child, out)
            elif tag == MC_ALT:
                choice = child.find(MC_CHOICE)
                if choice is not None:
                    self.walk(choice, out)

    def paragraph(self, p, out: list[Block]) -> None:
        boxes: list = []
        parts: list[str] = []
        _inline_text(p, parts, boxes)
        text = "".join(parts)
        if text.strip():
            level = paragraph_level(p, self.styles)
            if level:
                out.append(Block("heading", text, level=level))
            else:
                out.append(Block("paragraph", text))
        for box in boxes:
            self.walk(box, out)

    def table(self, tbl) -> Block:
        rows: list[list[str]] = []
        for tr in children(tbl, W_TR):
            cells: list[str] = []
            for tc in children(tr, W_TC):
                tcpr = tc.find(W_TCPR)
                if tcpr is not None:
                    hmerge = tcpr.find(W_HMERGE)
                    if hmerge is not None and hmerge.get(W_VAL) != "restart":
                        continue  # legacy horizontal merge: the text is in the first cell
                    vmerge = tcpr.find(W_VMERGE)
                    if vmerge is not None and vmerge.get(W_VAL) != "restart":
                        cells.append("")  # a vertically merged cell: its text is above
                        continue
                inner: list[Block] = []
                self.walk(tc, inner)
                cells.append("\n".join(b.text for b in inner))
            rows.append(cells)
        text = "\n".join("\t".join(row) for row in rows)
        return Block("table", text, rows=rows)


def _inline_text(el, parts: list[str], boxes: list) -> None:
    for child in el:
        tag = child.tag
        if tag == W_T or tag == M_T:
            if child.text:
                parts.append(child.text)
        elif tag == W_R:
            if not run_is_hidden(child):
                _inline_text(child, parts, boxes)
        elif tag == W_TAB or tag == W_PTAB:
            parts.append("\t")
        elif tag == W_BR or tag == W_CR:
            parts.append("\n")
        elif tag == W_NBHYPHEN:
            parts.append("-")
        elif tag == W_TXBX:
            boxes.append(child)
        elif tag in _SKIP_INLINE or not isinstance(tag, str):
            continue
        else:
            _inline_text(child, parts, boxes)
