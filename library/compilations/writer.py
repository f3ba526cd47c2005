"""The .docx of a compilation (典型案例汇编).

Cover (title, number of cases, issuing office, date), the contents (a TOC field Word
updates on opening), then the body in a section of its own with page numbers: one chapter
per theme group of the catalogue (一、企业全生命周期), a section per theme ((一) 开办企业), and
per case its name as a heading (1．…) and a table laid out like the 申报表: 应对问题, 解决问题,
传统做法, 创新做法, 应用场景, 标签, and 填报地区 / 填报单位 only when asked for.

Contact names and phone numbers never appear: the case's own contact name and phone are
replaced wherever its text repeats them, and so is anything shaped like a phone number.

The writer takes a :class:`Booklet` (plain data, made by :mod:`.selection`) and knows nothing
of the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ..validation import load_schema
from . import officestyle as style

FORM_ID = "caselib:compilation/1"  # keywords of the document's properties
CASE_FIELDS = (
    "problem",
    "solution",
    "traditional_practice",
    "innovative_practice",
    "application_scenario",
)
NUMERALS = "零一二三四五六七八九十"
OTHER_THEME = "其他"
LABEL_WIDTH, VALUE_WIDTH = Cm(3.0), Cm(style.TEXT_WIDTH_CM - 3.0)
_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9])0[0-9]{2,3}[-－—]?[0-9]{7,8}(?![0-9])")
PHONE_REDACTED = "（电话略）"
NAME_REDACTED = "某同志"


@dataclass(frozen=True)
class Entry:
    """A case as the compilation prints it. ``contact_name``/``contact_phone`` are only
    there to be kept out of the text."""

    case_no: str
    name: str
    problem: str | None = None
    solution: str | None = None
    traditional_practice: str | None = None
    innovative_practice: str | None = None
    application_scenario: str | None = None
    tags: tuple[str, ...] = ()
    region: str | None = None
    unit: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None


@dataclass
class Section:
    """A theme of the catalogue (None: cases filed under the chapter itself)."""

    theme: str | None
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Chapter:
    """A theme group of the catalogue (or 其他 for cases without a theme)."""

    title: str
    sections: list[Section] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(s.entries) for s in self.sections)


@dataclass
class Booklet:
    title: str
    issuer: str
    issued_on: date
    chapters: list[Chapter]
    show_region: bool = False

    @property
    def count(self) -> int:
        return sum(c.count for c in self.chapters)

    def entries(self) -> list[Entry]:
        return [e for c in self.chapters for s in c.sections for e in s.entries]


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99)."""
    if n <= 10:
        return NUMERALS[n]
    tens, ones = divmod(n, 10)
    return (NUMERALS[tens] if tens > 1 else "") + "十" + (NUMERALS[ones] if ones else "")


def field_titles() -> dict[str, str]:
    props = load_schema("case_form")["properties"]
    return {f: props[f]["title"] for f in (*CASE_FIELDS, "tags", "region_code", "unit")}


def redact(text: str | None, entry: Entry) -> str:
    """The text without the case's contact name or phone, or anything shaped like a phone."""
    text = (text or "").strip()
    if not text:
        return ""
    if entry.contact_phone:
        phone = entry.contact_phone.strip()
        if len(phone) >= 5:
            text = text.replace(phone, PHONE_REDACTED)
    if entry.contact_name:
        name = entry.contact_name.strip()
        if len(name) >= 2:
            text = text.replace(name, NAME_REDACTED)
    text = _MOBILE.sub(PHONE_REDACTED, text)
    return _LANDLINE.sub(PHONE_REDACTED, text)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    mark: str


def headings(booklet: Booklet) -> list[Heading]:
    """Every heading of the body, in order, with its bookmark (what the contents list)."""
    out: list[Heading] = []
    n = 0

    def mark() -> str:
        return f"_Toc9{len(out) + 1:08d}"

    for ci, chapter in enumerate(booklet.chapters, 1):
        out.append(Heading(1, f"{chinese_number(ci)}、{chapter.title}", mark()))
        si = 0
        for section in chapter.sections:
            if section.theme is not None:
                si += 1
                out.append(Heading(2, f"（{chinese_number(si)}）{section.theme}", mark()))
            for entry in section.entries:
                n += 1
                out.append(Heading(3, f"{n}．{redact(entry.name, entry)}", mark()))
    return out


def case_rows(entry: Entry, titles: dict[str, str], show_region: bool) -> list[tuple[str, str]]:
    """(title, text) of the rows of a case's table, as printed (redacted)."""
    rows = [(titles[f], redact(getattr(entry, f), entry)) for f in CASE_FIELDS]
    rows.append((titles["tags"], "、".join(entry.tags)))
    if show_region:
        rows.append((titles["region_code"], entry.region or ""))
        rows.append((titles["unit"], redact(entry.unit, entry)))
    return rows


def printed(booklet: Booklet) -> list[dict]:
    """The body as printed, for an HTML rendering: chapters with their heading, sections
    (heading or None) and cases (heading, rows)."""
    titles = field_titles()
    heads = iter(headings(booklet))
    out = []
    for chapter in booklet.chapters:
        ch = {"heading": next(heads).text, "sections": []}
        for section in chapter.sections:
            sec = {"heading": next(heads).text if section.theme is not None else None, "cases": []}
            for entry in section.entries:
                sec["cases"].append(
                    {
                        "case_no": entry.case_no,
                        "heading": next(heads).text,
                        "rows": case_rows(entry, titles, booklet.show_region),
                    }
                )
            ch["sections"].append(sec)
        out.append(ch)
    return out


def render(booklet: Booklet, *, created: datetime | None = None) -> bytes:
    """The compilation as .docx bytes."""
    doc = style.new_document(
        title=booklet.title, subject="典型案例汇编", keywords=FORM_ID, created=created
    )
    titles = field_titles()
    _cover(doc, booklet)
    heads = headings(booklet)
    contents = style.paragraph(doc, "目\u3000录", style.TOC_HEADING)
    style.page_break_before(contents)
    style.table_of_contents(doc, [(h.level, h.text, h.mark) for h in heads])
    style.body_section(doc, header_text=booklet.title)

    it = iter(heads)
    for ci, chapter in enumerate(booklet.chapters):
        _heading(doc, next(it), page_break=ci > 0)
        for section in chapter.sections:
            if section.theme is not None:
                _heading(doc, next(it))
            for entry in section.entries:
                _heading(doc, next(it))
                _case_table(doc, entry, titles, booklet.show_region)
    if not booklet.chapters:
        style.paragraph(doc, "（未收录案例）")
    style.update_fields_on_open(doc)
    return style.save(doc)


def _cover(doc, booklet: Booklet) -> None:
    style.paragraph(doc, booklet.title, style.COVER_TITLE)
    style.paragraph(doc, f"（收录案例 {booklet.count} 个）", style.COVER_LINE)
    issuer = style.paragraph(doc, booklet.issuer or "", style.COVER_LINE)
    issuer.paragraph_format.space_before = Pt(260)
    style.paragraph(doc, style.chinese_date(booklet.issued_on), style.COVER_LINE)


def _heading(doc, heading: Heading, *, page_break: bool = False) -> None:
    p = style.paragraph(doc, heading.text, f"Heading {heading.level}")
    if page_break:
        style.page_break_before(p)
    style.bookmark(p, heading.mark, int(heading.mark[5:]))


def _case_table(doc, entry: Entry, titles: dict[str, str], show_region: bool) -> None:
    rows: list[tuple[str, str]] = [
        (titles[f], redact(getattr(entry, f), entry)) for f in CASE_FIELDS
    ]
    rows.append((titles["tags"], "、".join(entry.tags)))
    if show_region:
        rows.append((titles["region_code"], entry.region or ""))
        rows.append((titles["unit"], redact(entry.unit, entry)))
    table = doc.add_table(rows=len(rows), cols=2)
    table._tbl.tblPr.get_or_add_tblStyle().set(qn("w:val"), style.style_id(doc, "Table Grid"))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _grid(table)
    caption = OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), entry.case_no)
    table._tbl.tblPr.append(caption)
    for row, (label, value) in zip(table.rows, rows, strict=True):
        left, right = row.cells
        left.width, right.width = LABEL_WIDTH, VALUE_WIDTH
        style.shade(left)
        style.middle(left)
        lp = left.paragraphs[0]
        style.set_style(doc, lp, style.LABEL)
        lp.add_run(style.xml_text(label))
        lines = [line.strip() for line in (value or "—").split("\n") if line.strip()] or ["—"]
        rp = right.paragraphs[0]
        style.set_style(doc, rp, style.CELL)
        rp.add_run(style.xml_text(lines[0]))
        for line in lines[1:]:
            style.paragraph(doc, line, style.CELL, container=right)


def _grid(table) -> None:
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), (LABEL_WIDTH, VALUE_WIDTH), strict=True):
        col.set(qn("w:w"), str(int(width.twips)))
