"""The 申报表: a .docx template generated from the form's JSON Schema, and its parser.

``render_template`` builds the form from ``schemas/case_form.json`` (titles, notes and
order come from there, nothing is repeated here). ``parse_template`` reads a filled-in copy
back, as a clerk would fill it in Word or WPS: typing into the cells, ticking a box or
deleting the other choices, leaving or deleting the grey notes, adding paragraphs,
changing fonts, moving rows. It works from the text the indexer extracts, so it holds
whatever the extractor guarantees (safe zip reading, limits, every error an
``ExtractionError``).

A template is recognised by its custom document property (kept by Word, WPS and
LibreOffice), and failing that by the field titles themselves, so a form copied into a
fresh document is still accepted.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from indexer.errors import ExtractionError
from indexer.extract import DEFAULT_LIMITS, ExtractLimits, extract

TITLE = "营商环境改革创新案例申报表"
FORM_ID = "caselib:case_form/1"  # the custom property value and the table caption
PROPERTY_NAME = "caselib_form"
HEADER_FIELDS = ("region_code", "unit", "contact_name", "contact_phone")
NOTE_PREFIX = "注："
UNCHECKED, CHECKED = "☐", "☑"
# Marks people use for "ticked" when they type instead of clicking the box.
_TICKS = frozenset("☑☒✓✔√■▇●◉✗✘×")
_BOXES = frozenset("☐□○◯")
_GREY = RGBColor(0x80, 0x80, 0x80)
_NOTE_SIZE = Pt(9)
# Other names a clerk (or the seed's own form) may use for a field's title.
_ALIASES = {
    "手机号码": "contact_phone",
    "联系方式": "contact_phone",
    "联系手机": "contact_phone",
    "所属地区": "region_code",
    "地区": "region_code",
    "行政区划代码": "region_code",
    "申报单位": "unit",
    "单位": "unit",
    "借鉴案例": "borrowed_from",
    "借鉴的案例": "borrowed_from",
    "借鉴案例名称": "borrowed_from",
    "主题": "theme",
    "类型": "case_type",
}
_CONTENT_FIELDS = frozenset(
    {
        "name",
        "theme",
        "case_type",
        "summary",
        "problem",
        "solution",
        "traditional_practice",
        "innovative_practice",
        "application_scenario",
    }
)
_TITLE_NOISE = re.compile(r"[\s*＊:：]|[（(]\s*必填\s*[)）]")
_TAG_SPLIT = re.compile(r"[、,，;；/|\s]+")


def not_a_template() -> ExtractionError:
    return ExtractionError(
        "该文件不是案例申报表，请下载申报表模板填写后上传", code="not_a_template"
    )


# -- the schema ----------------------------------------------------------------------------


@cache
def form_schema() -> dict[str, Any]:
    """``schemas/case_form.json``, loaded once (on first use, not at import)."""
    text = (resources.files("schemas") / "case_form.json").read_text(encoding="utf-8")
    return json.loads(text)


def template_fields() -> list[str]:
    return list(form_schema()["x-template-order"])


def _prop(field: str) -> dict[str, Any]:
    return form_schema()["properties"][field]


def _note(field: str) -> str | None:
    note = _prop(field).get("x-note")
    return f"{NOTE_PREFIX}{note}" if note else None


def _choices(field: str) -> dict[str, str]:
    """{code: Chinese title} of an enum field, in schema order."""
    prop = _prop(field)
    titles = prop.get("x-enum-titles", {})
    return {code: titles.get(code, code) for code in prop.get("enum", [])}


# -- rendering -----------------------------------------------------------------------------


def render_template(values: dict | None = None) -> bytes:
    """The 申报表 as .docx bytes, empty (notes shown in grey) or filled in with ``values``."""
    values = values or {}
    schema = form_schema()
    required = set(schema.get("required", []))
    doc = Document()
    _page_setup(doc)

    title = doc.add_paragraph(style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, TITLE, size=Pt(18), bold=True)

    order = template_fields()
    header = [f for f in HEADER_FIELDS if f in order]
    if header:
        table = doc.add_table(rows=(len(header) + 1) // 2, cols=4, style="Table Grid")
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for i, field in enumerate(header):
            row = table.rows[i // 2]
            offset = (i % 2) * 2
            _title_cell(row.cells[offset], field, field in required)
            _value_cell(row.cells[offset + 1], field, values.get(field))
        _widths(table, [Cm(2.6), Cm(5.4), Cm(2.6), Cm(5.4)])
        doc.add_paragraph()

    body = [f for f in order if f not in header]
    table = doc.add_table(rows=len(body), cols=2, style="Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _caption(table, FORM_ID)
    for row, field in zip(table.rows, body, strict=False):
        _title_cell(row.cells[0], field, field in required)
        _value_cell(row.cells[1], field, values.get(field))
    _widths(table, [Cm(3.2), Cm(12.8)])

    props = doc.core_properties
    props.title = TITLE
    props.subject = TITLE
    props.keywords = FORM_ID
    _add_custom_property(doc, PROPERTY_NAME, FORM_ID)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _page_setup(doc) -> None:
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    _east_asian_font(normal.element, "宋体")
    title = doc.styles["Title"]
    title.font.color.rgb = RGBColor(0, 0, 0)
    _east_asian_font(title.element, "黑体")


def _east_asian_font(style_element, name: str) -> None:
    rpr = style_element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)


def _run(paragraph, text: str, *, size=None, bold: bool = False, grey: bool = False):
    run = paragraph.add_run(text)
    if size is not None:
        run.font.size = size
    if bold:
        run.bold = True
    if grey:
        run.font.color.rgb = _GREY
    return run


def _title_cell(cell, field: str, required: bool) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if required:
        run = _run(paragraph, "*", bold=True)
        run.font.color.rgb = RGBColor(0xC0, 0, 0)
    _run(paragraph, _prop(field)["title"], bold=True)


def _value_cell(cell, field: str, value: Any) -> None:
    if field == "case_type":
        _choice_cell(cell, field, value)
        return
    text = _format_value(field, value)
    first = cell.paragraphs[0]
    if text:
        lines = text.split("\n")
        _run(first, lines[0])
        for line in lines[1:]:
            _run(cell.add_paragraph(), line)
        return
    note = _note(field)
    if note:
        _run(first, note, size=_NOTE_SIZE, grey=True)


def _format_value(field: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return "、".join(str(v) for v in value)
    return str(value)


def _choice_cell(cell, field: str, value: Any) -> None:
    paragraph = cell.paragraphs[0]
    for i, (code, title) in enumerate(_choices(field).items()):
        if i:
            _run(paragraph, "\u3000")
        _checkbox(paragraph, checked=(value == code or value == title))
        _run(paragraph, " " + title)
    note = _note(field)
    if note and not value:
        _run(cell.add_paragraph(), note, size=_NOTE_SIZE, grey=True)


def _checkbox(paragraph, *, checked: bool) -> None:
    """A Word check box content control (w14:checkbox): clicking it toggles ☐/☑ in Word,
    WPS and LibreOffice; typing over the glyph works too."""
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    sdt = OxmlElement("w:sdt")
    sdt_pr = OxmlElement("w:sdtPr")
    checkbox = OxmlElement("w14:checkbox", nsdecls={"w14": w14})
    for tag, val in (("checked", "1" if checked else "0"),):
        el = OxmlElement(f"w14:{tag}", nsdecls={"w14": w14})
        el.set(f"{{{w14}}}val", val)
        checkbox.append(el)
    for tag, glyph in (("checkedState", CHECKED), ("uncheckedState", UNCHECKED)):
        el = OxmlElement(f"w14:{tag}", nsdecls={"w14": w14})
        el.set(f"{{{w14}}}val", f"{ord(glyph):04X}")
        el.set(f"{{{w14}}}font", "Segoe UI Symbol")
        checkbox.append(el)
    sdt_pr.append(checkbox)
    sdt.append(sdt_pr)
    content = OxmlElement("w:sdtContent")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), "Segoe UI Symbol")
    rpr.append(fonts)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = CHECKED if checked else UNCHECKED
    run.append(text)
    content.append(run)
    sdt.append(content)
    paragraph._p.append(sdt)


def _widths(table, widths: list) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def _caption(table, caption: str) -> None:
    """Alt-text title of the table (w:tblCaption): survives copying the table elsewhere."""
    tbl_pr = table._tbl.tblPr
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), caption)
    tbl_pr.append(element)


def _add_custom_property(doc, name: str, value: str) -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="{name}">'
        f"<vt:lpwstr>{value}</vt:lpwstr></property></Properties>"
    )
    package = doc.part.package
    part = Part(
        PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, xml.encode("utf-8"), package
    )
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


# -- parsing -------------------------------------------------------------------------------


def parse_template(
    data: bytes,
    *,
    filename: str = "申报表.docx",
    limits: ExtractLimits = DEFAULT_LIMITS,
    soffice: str | None = None,
) -> dict[str, Any]:
    """The form fields found in a filled-in 申报表: ``{field: value}``.

    Notes left in place are not values; empty and unknown fields are omitted; ``tags`` is a
    list, ``case_type`` a code. Raises ``ExtractionError``: ``not_a_template`` when the file
    is not the form, or the extractor's codes (``corrupt``, ``zip_bomb``...) when it cannot
    be read. ``filename``/``soffice`` allow a .doc/.wps copy to be read through LibreOffice.
    """
    try:
        document = extract(data, filename, limits=limits, soffice=soffice)
    except ExtractionError as e:
        if e.code in ("content_mismatch", "unsupported_format", "empty_document"):
            raise not_a_template() from e
        raise
    marked = document.metadata.get("custom:" + PROPERTY_NAME) == FORM_ID or FORM_ID in (
        document.metadata.get("keywords") or ""
    )
    raw, seen = _collect(document.blocks)
    content_titles = seen & _CONTENT_FIELDS
    if not marked and (len(seen) < 3 or len(content_titles) < 2):
        raise not_a_template()
    values: dict[str, Any] = {}
    for field, text in raw.items():
        value = _value(field, text)
        if value not in (None, "", []):
            values[field] = value
    return values


@cache
def _titles() -> dict[str, str]:
    """{normalised title: field} for every field of the template, plus aliases."""
    out = {_norm_title(_prop(f)["title"]): f for f in template_fields()}
    for alias, field in _ALIASES.items():
        out.setdefault(_norm_title(alias), field)
    return out


def _norm_title(text: str) -> str:
    return _TITLE_NOISE.sub("", text)


def _field_for(cell: str) -> str | None:
    key = _norm_title(cell)
    return _titles().get(key) if 0 < len(key) <= 12 else None


@cache
def _label_pattern() -> re.Pattern[str]:
    names = sorted((re.escape(t) for t in _titles()), key=len, reverse=True)
    return re.compile(r"^\s*[*＊]?\s*({})\s*[:：]\s*(.*)$".format("|".join(names)), re.S)


def _collect(blocks: Iterable) -> tuple[dict[str, str], set[str]]:
    """Raw cell texts by field, and every field whose title appears at all."""
    raw: dict[str, str] = {}
    seen: set[str] = set()

    def put(field: str, text: str) -> None:
        seen.add(field)
        if field not in raw or (not _clean_value(field, raw[field]) and text):
            raw[field] = text

    for block in blocks:
        if block.kind == "table":
            for row in block.rows or []:
                i = 0
                while i < len(row):
                    field = _field_for(row[i])
                    if field is not None:
                        put(field, row[i + 1] if i + 1 < len(row) else "")
                        i += 2
                        continue
                    labelled = _label_pattern().match(row[i])
                    if labelled:
                        put(_titles()[_norm_title(labelled.group(1))], labelled.group(2))
                    i += 1
        else:
            for line in block.text.split("\n"):
                labelled = _label_pattern().match(line)
                if labelled:
                    put(_titles()[_norm_title(labelled.group(1))], labelled.group(2))
    return raw, seen


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _clean_value(field: str, text: str) -> str:
    """The cell's text without the grey note (wherever it was left) and blank lines."""
    note = _note(field)
    lines = []
    for line in text.split("\n"):
        if note:
            squashed = _squash(line)
            bare_note = _squash(note)
            if squashed in (bare_note, bare_note[len(NOTE_PREFIX) :]):
                continue
            for candidate in (note, note[len(NOTE_PREFIX) :]):
                line = line.replace(candidate, "")
        line = line.strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def _value(field: str, text: str) -> Any:
    text = _clean_value(field, text)
    if not text:
        return None
    if field == "case_type":
        return _parse_choice(field, text)
    if field == "tags":
        tags: list[str] = []
        for tag in _TAG_SPLIT.split(text):
            if tag and tag not in tags:
                tags.append(tag)
        return tags
    return text


def _parse_choice(field: str, text: str) -> str | None:
    """The ticked choice; or the only one left when the others were deleted.

    A tick belongs to the choice it touches ("本地首创√"), else to the choice after it
    (boxes stand before their labels: "☐ 本地首创　☑ 创新借鉴").
    """
    choices = _choices(field)
    spans: list[tuple[int, int, str]] = []  # (start, end, code) in text order
    for code, title in choices.items():
        position = text.find(title)
        if position >= 0:
            spans.append((position, position + len(title), code))
        elif re.search(rf"\b{re.escape(code)}\b", text):
            spans.append((text.find(code), text.find(code) + len(code), code))
    spans.sort()
    ticked: set[str] = set()
    for m, ch in enumerate(text):
        if ch not in _TICKS:
            continue
        before = [s for s in spans if s[1] <= m]
        after = [s for s in spans if s[0] > m]
        previous = before[-1] if before else None
        following = after[0] if after else None
        if previous and (
            following is None
            or (
                previous[1] == m
                and text[m + 1 : following[0]].strip() == ""
                and text[m + 1 : following[0]] != ""
            )
        ):
            ticked.add(previous[2])
        elif following:
            ticked.add(following[2])
    if len(ticked) == 1:
        return ticked.pop()
    if not ticked and len(spans) == 1:
        return spans[0][2]
    return None


def parse_filled_template(lib, upload) -> dict[str, Any] | None:
    """The form fields of an uploaded filled-in 申报表, or None when the file is not one;
    a file that cannot be read is :class:`~library.errors.DocumentRejected`."""
    from ..errors import DocumentRejected

    try:
        return parse_template(
            upload.data,
            filename=upload.filename,
            limits=lib.extract_limits,
            soffice=lib.settings.soffice or None,
        )
    except ExtractionError as e:
        if e.code == "not_a_template":
            return None
        raise DocumentRejected(e.message, code=e.code) from e
