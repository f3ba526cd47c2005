"""The official-document style of generated Word files (compilations and briefings), with
python-docx: A4 with the margins of GB/T 9704, Chinese font sizes (三号 16 pt, 四号 14 pt
...), headings that a table of contents collects, fields (TOC, PAGEREF, PAGE) that Word
updates when the document opens, bookmarks, hyperlinks and shaded table cells.

Every style names its east-asian font (:mod:`.fonts`); Latin letters and digits are in
Times New Roman. Nothing here knows what a case is.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from datetime import date, datetime

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from . import fonts
from .fonts import FontRole

# Chinese font sizes in points.
SIZE = {"一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16, "小三": 15, "四号": 14}
SIZE.update({"小四": 12, "五号": 10.5, "小五": 9})
TEXT_WIDTH_CM = 21 - 2.8 - 2.6  # A4 less the left and right margins of GB/T 9704
TEXT_WIDTH_TWIPS = int(TEXT_WIDTH_CM * 567)
BLACK = RGBColor(0, 0, 0)
RED = RGBColor(0xC0, 0, 0)

# Style names (python-docx ids them without spaces).
COVER_TITLE, COVER_LINE, TOC_HEADING = "Cover Title", "Cover Line", "TOC Heading"
LABEL, CELL = "Case Label", "Case Text"
TOC_STYLES = ("toc 1", "toc 2", "toc 3")


def set_fonts(rpr_owner, role: FontRole) -> None:
    """East-asian font of ``role`` and Times New Roman for Latin text, on a style's or a run's
    run properties (theme fonts removed, so nothing overrides them)."""
    rpr = rpr_owner.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), fonts.LATIN)
    rfonts.set(qn("w:hAnsi"), fonts.LATIN)
    rfonts.set(qn("w:cs"), fonts.LATIN)
    rfonts.set(qn("w:eastAsia"), role.official)


def _style(
    doc,
    name: str,
    role: FontRole,
    size: float,
    *,
    bold: bool = False,
    align=None,
    before: float = 0,
    after: float = 0,
    line: float | None = None,
    indent_chars: float = 0,
    first_line_chars: float = 0,
    outline: int | None = None,
    keep_next: bool = False,
    base: str | None = "Normal",
    color: RGBColor | None = BLACK,
):
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if base:
            style.base_style = styles[base]
    font = style.font
    font.size = Pt(size)
    font.bold = bold
    font.italic = False
    if color is not None:
        font.color.rgb = color
    set_fonts(style.element, role)
    pf = style.paragraph_format
    pf.alignment = align
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if line:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(line)
    if indent_chars:
        pf.left_indent = Pt(size * indent_chars)
    if first_line_chars:
        pf.first_line_indent = Pt(size * first_line_chars)
    pf.keep_with_next = keep_next or None
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:pBdr")):  # the template's Title has a rule under it
        ppr.remove(old)
    if outline is not None:
        lvl = ppr.find(qn("w:outlineLvl"))
        if lvl is None:
            lvl = OxmlElement("w:outlineLvl")
            ppr.append(lvl)
        lvl.set(qn("w:val"), str(outline))
    # The linked character style ("Heading 1 Char") follows the paragraph style.
    link = style.element.find(qn("w:link"))
    if link is not None:
        linked = styles.element.get_by_id(link.get(qn("w:val")))
        if linked is not None:
            set_fonts(linked, role)
            rpr = linked.get_or_add_rPr()
            for color_el in rpr.findall(qn("w:color")):
                rpr.remove(color_el)
    return style


def style_id(doc, name: str) -> str:
    """The id of a style (looked up once per document: python-docx's lookups walk every style)."""
    cache = doc.__dict__.setdefault("_caselib_style_ids", {})
    if name not in cache:
        cache[name] = doc.styles[name].style_id
    return cache[name]


# Characters XML 1.0 cannot hold (C0 controls other than tab and line breaks, lone
# surrogates, U+FFFE/U+FFFF): a case text holding one must not stop the whole document.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str | None) -> str:
    """``text`` without the characters a Word document cannot hold."""
    return _NOT_XML.sub("", text) if text else ""


def paragraph(doc, text: str | None = None, style: str | None = None, *, container=None):
    """``(container or doc).add_paragraph`` with the style set straight in the XML (fast)."""
    container = doc if container is None else container
    text = xml_text(text)
    p = container.add_paragraph(text) if text else container.add_paragraph()
    if style is not None:
        set_style(doc, p, style)
    return p


def set_style(doc, p, name: str) -> None:
    ppr = p._p.get_or_add_pPr()
    ppr.get_or_add_pStyle().set(qn("w:val"), style_id(doc, name))


def new_document(*, title: str, subject: str, keywords: str, created: datetime | None = None):
    """An empty A4 document with the house styles."""
    title = xml_text(title)
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.header_distance, section.footer_distance = Cm(1.5), Cm(2.5)

    body = fonts.BODY
    _style(doc, "Normal", body, SIZE["三号"], line=28, base=None)
    _style(doc, COVER_TITLE, fonts.TITLE, SIZE["一号"], align=WD_ALIGN_PARAGRAPH.CENTER,
           before=120, after=24, line=40)  # fmt: skip
    _style(doc, COVER_LINE, fonts.KAI, SIZE["三号"], align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    _style(doc, "Heading 1", fonts.HEADING, SIZE["小二"], align=WD_ALIGN_PARAGRAPH.CENTER,
           before=12, after=18, line=36, outline=0, keep_next=True)  # fmt: skip
    _style(doc, "Heading 2", fonts.KAI, SIZE["三号"], bold=True, before=12, after=6, line=30,
           outline=1, keep_next=True)  # fmt: skip
    _style(doc, "Heading 3", body, SIZE["三号"], bold=True, before=12, after=8, line=28,
           outline=2, keep_next=True)  # fmt: skip
    toc_heading = _style(doc, TOC_HEADING, fonts.HEADING, SIZE["小二"],
                         align=WD_ALIGN_PARAGRAPH.CENTER, after=18, line=36, outline=9)  # fmt: skip
    toc_heading.base_style = doc.styles["Normal"]  # not Heading 1: not in the contents
    for i, (name, role) in enumerate(
        zip(TOC_STYLES, (fonts.HEADING, fonts.KAI, body), strict=True)
    ):
        style = _style(doc, name, role, SIZE["四号"], line=26, indent_chars=2 * i)
        _right_tab(style.element.get_or_add_pPr(), TEXT_WIDTH_TWIPS, leader="dot")
    _style(doc, LABEL, fonts.HEADING, SIZE["四号"], align=WD_ALIGN_PARAGRAPH.CENTER, line=24)
    _style(doc, CELL, body, SIZE["四号"], align=WD_ALIGN_PARAGRAPH.JUSTIFY, line=24)
    _style(doc, "Header", body, SIZE["五号"], align=WD_ALIGN_PARAGRAPH.CENTER, line=16)
    _style(doc, "Footer", body, SIZE["四号"], align=WD_ALIGN_PARAGRAPH.CENTER, line=20)
    _font_table(doc)

    props = doc.core_properties
    props.title, props.subject, props.keywords = title, subject, keywords
    props.author = props.last_modified_by = "营商环境改革创新案例库"
    props.created = props.modified = created or datetime.now()
    props.revision = 1
    return doc


def _right_tab(ppr, pos: int, *, leader: str | None = None) -> None:
    tabs = OxmlElement("w:tabs")
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), "right")
    if leader:
        tab.set(qn("w:leader"), leader)
    tab.set(qn("w:pos"), str(pos))
    tabs.append(tab)
    ppr.append(tabs)


def _font_table(doc) -> None:
    """Declare each official font with its fallbacks (``w:altName``) and the GB2312
    character set in ``word/fontTable.xml``."""
    part = next(
        (p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"),
        None,
    )
    if part is None:
        return
    root = parse_xml(part.blob)
    have = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for role in fonts.ROLES:
        if role.official in have:
            continue
        font = OxmlElement("w:font")
        font.set(qn("w:name"), role.official)
        alt = OxmlElement("w:altName")
        alt.set(qn("w:val"), ",".join(role.fallbacks))
        font.append(alt)
        for tag, val in (("w:charset", "86"), ("w:family", role.generic), ("w:pitch", "variable")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            font.append(el)
        root.append(font)
    from lxml import etree

    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# -- fields, bookmarks, links -------------------------------------------------------------


def _run(parent, *, text: str | None = None, fld: str | None = None, instr: str | None = None,
         tab: bool = False, dirty: bool = False):  # fmt: skip
    r = OxmlElement("w:r")
    if fld is not None:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), fld)
        if dirty:
            el.set(qn("w:dirty"), "true")
        r.append(el)
    if instr is not None:
        el = OxmlElement("w:instrText")
        el.set(qn("xml:space"), "preserve")
        el.text = instr
        r.append(el)
    if tab:
        r.append(OxmlElement("w:tab"))
    if text is not None:
        el = OxmlElement("w:t")
        el.set(qn("xml:space"), "preserve")
        el.text = xml_text(text)
        r.append(el)
    parent.append(r)
    return r


def field(paragraph, instr: str, result: str = "") -> None:
    """A complex field (``w:fldChar`` begin / separate / end) with its last result."""
    p = paragraph._p
    _run(p, fld="begin", dirty=True)
    _run(p, instr=f" {instr} ")
    _run(p, fld="separate")
    _run(p, text=result)
    _run(p, fld="end")


def bookmark(paragraph, name: str, ident: int) -> None:
    """A bookmark around the paragraph's text (what PAGEREF and TOC links point to)."""
    p = paragraph._p
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    ppr = p.find(qn("w:pPr"))
    p.insert(p.index(ppr) + 1 if ppr is not None else 0, start)
    p.append(end)


TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'


def table_of_contents(doc, entries: Iterable[tuple[int, str, str]]) -> None:
    """A real TOC field (``TOC \\o "1-3" \\h \\z \\u``) whose current result lists
    ``entries`` (level, text, bookmark) as Word would, each a link with a PAGEREF field to
    its heading's bookmark. Word rebuilds it when the document opens (``updateFields``);
    the page numbers are left to that (or to :func:`fill_toc_pages`)."""
    entries = list(entries)
    if not entries:
        p = paragraph(doc, style=TOC_STYLES[0])
        _run(p._p, fld="begin", dirty=True)
        _run(p._p, instr=f" {TOC_INSTRUCTION} ")
        _run(p._p, fld="separate")
        _run(p._p, text="（更新域以生成目录）")
        _run(p._p, fld="end")
        return
    last = None
    for i, (level, text, mark) in enumerate(entries):
        p = paragraph(doc, style=TOC_STYLES[min(level, 3) - 1])
        if i == 0:
            _run(p._p, fld="begin", dirty=True)
            _run(p._p, instr=f" {TOC_INSTRUCTION} ")
            _run(p._p, fld="separate")
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), mark)
        link.set(qn("w:history"), "1")
        _run(link, text=text)
        _run(link, tab=True)
        _run(link, fld="begin")
        _run(link, instr=f" PAGEREF {mark} \\h ")
        _run(link, fld="separate")
        _run(link, text="")
        _run(link, fld="end")
        p._p.append(link)
        last = p
    _run(last._p, fld="end")


def toc_entries(docx: bytes) -> list[tuple[str, str]]:
    """(bookmark, text) of each entry of the contents of a document made here."""
    root = _document_xml(docx)
    out = []
    for link in root.iter(qn("w:hyperlink")):
        mark = link.get(qn("w:anchor"))
        if mark:
            out.append((mark, "".join(t.text or "" for t in link.iter(qn("w:t")) if t.text)))
    return out


def fill_toc_pages(docx: bytes, pages: dict[str, int]) -> bytes:
    """The document with the PAGEREF results of its contents set to ``pages`` ({bookmark:
    page}): the contents as laid out, for readers that do not update fields."""
    import zipfile

    from lxml import etree

    root = _document_xml(docx)
    for instr in root.iter(qn("w:instrText")):
        words = (instr.text or "").split()
        if len(words) < 2 or words[0] != "PAGEREF" or words[1] not in pages:
            continue
        run = instr.getparent()
        separate = run.getnext()
        result = separate.getnext() if separate is not None else None
        t = result.find(qn("w:t")) if result is not None else None
        if t is not None:
            t.text = str(pages[words[1]])
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = xml if item.filename == "word/document.xml" else src.read(item.filename)
            dst.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _document_xml(docx: bytes):
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def update_fields_on_open(doc) -> None:
    """``<w:updateFields w:val="true"/>`` in settings.xml: Word updates the TOC (and every
    other field) when the document is opened."""
    settings = doc.settings.element
    el = settings.find(qn("w:updateFields"))
    if el is None:
        el = OxmlElement("w:updateFields")
        settings.append(el)
    el.set(qn("w:val"), "true")


def hyperlink(paragraph, url: str, text: str) -> None:
    """An external link (blue, underlined)."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    r = _run(link, text=text)
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "1D5FA8")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.append(color)
    rpr.append(underline)
    r.insert(0, rpr)
    paragraph._p.append(link)


# -- sections, page numbers, tables ---------------------------------------------------------


def body_section(doc, *, header_text: str | None = None):
    """A new section on a new page whose pages are numbered from 1 (— 1 —, centred in the
    footer); the pages before it (cover, contents) keep an empty footer."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    page_numbers(doc, section)
    header = section.header
    header.is_linked_to_previous = False
    if header_text:
        hp = header.paragraphs[0]
        set_style(doc, hp, "Header")
        hp.add_run(xml_text(header_text))
        _bottom_rule(hp)
    sect_pr = section._sectPr
    pg = sect_pr.find(qn("w:pgNumType"))
    if pg is None:
        pg = OxmlElement("w:pgNumType")
        sect_pr.append(pg)
    pg.set(qn("w:start"), "1")
    pg.set(qn("w:fmt"), "decimal")
    # The first section (cover and contents) has headers and footers of its own, empty.
    first = doc.sections[0]
    first.footer.is_linked_to_previous = False
    first.header.is_linked_to_previous = False
    return section


def page_numbers(doc, section) -> None:
    """Page numbers as official documents print them (— 1 —), centred in the footer."""
    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    set_style(doc, p, "Footer")
    p.add_run("— ")
    field(p, "PAGE", "1")
    p.add_run(" —")


def right_tab(paragraph, pos: int) -> None:
    """A right-aligned tab stop at ``pos`` twips (issuer left, date right)."""
    _right_tab(paragraph._p.get_or_add_pPr(), pos)


def _bottom_rule(paragraph, color: str = "000000", size: int = 6) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    bdr = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="{size}" w:space="1" '
        f'w:color="{color}"/></w:pBdr>'
    )
    ppr.append(bdr)


def red_rule(paragraph) -> None:
    """The red line under a briefing's masthead."""
    _bottom_rule(paragraph, color="C00000", size=18)


def shade(cell, fill: str = "F2F2F2") -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    tc_pr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def middle(cell) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    tc_pr.append(parse_xml(f'<w:vAlign {nsdecls("w")} w:val="center"/>'))


def page_break_before(paragraph) -> None:
    paragraph.paragraph_format.page_break_before = True


def chinese_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def save(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
