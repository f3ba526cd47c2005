"""Render the demo cases to the files a submitting unit would upload.

A case (one object of ``cases.json``) becomes either

* a .pdf (``render_pdf``): title, metadata block, 摘要, the 申报表 fields and the
  write-up, typeset with reportlab's built-in CID font STSong-Light (no font file needed),
  CJK line wrapping and page numbers; or
* a .docx (``render_docx``): the filled 申报表 produced by
  ``library.cases.template.render_template`` followed, after a page break, by the
  write-up with Word heading styles.

Both renderers are deterministic: the same case always gives the same bytes, so the
demo library (and the tests that hash uploads) are reproducible.
"""

from __future__ import annotations

import datetime as _dt
import functools
import io
import json
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

CASE_TYPE_TITLES: dict[str, str] = {
    "original": "本地首创",
    "innovation_borrowed": "创新借鉴",
    "rectification_borrowed": "整改借鉴",
}
BORROWED_TYPES = frozenset({"innovation_borrowed", "rectification_borrowed"})

# The 申报表 fields printed in the PDF, in form order, with their titles.
FORM_SECTIONS: tuple[tuple[str, str], ...] = (
    ("problem", "应对问题"),
    ("solution", "解决问题"),
    ("traditional_practice", "传统做法"),
    ("innovative_practice", "创新做法"),
    ("application_scenario", "应用场景"),
)

# Keys of a demo case that are not form fields of schemas/case_form.json.
NON_FORM_KEYS = frozenset({"key", "format", "file_name", "borrowed_from_key", "body"})

# Fixed timestamps for document metadata and zip entries (determinism).
_FIXED_DATETIME = _dt.datetime(2021, 12, 7, 9, 0, 0, tzinfo=_dt.UTC)
_ZIP_DATE_TIME = (1980, 1, 1, 0, 0, 0)

PDF_FONT = "STSong-Light"
DOCX_HEADING_FONT = "黑体"
DOCX_BODY_FONT = "仿宋"


@functools.cache
def _load_cached() -> tuple[dict[str, Any], ...]:
    text = resources.files("library.demo").joinpath("cases.json").read_text(encoding="utf-8")
    data = json.loads(text)
    if not isinstance(data, list):
        raise ValueError("library/demo/cases.json must hold a list of cases")
    return tuple(data)


def load_demo_cases() -> list[dict]:
    """Return the demo cases of ``cases.json`` (fresh copies, safe to mutate)."""
    return [json.loads(json.dumps(case, ensure_ascii=False)) for case in _load_cached()]


def _borrowed_from_name(case: dict) -> str | None:
    """Name of the case a borrowed case borrows from (``borrowed_from`` or via its key)."""
    if case.get("borrowed_from"):
        return str(case["borrowed_from"])
    key = case.get("borrowed_from_key")
    if not key:
        return None
    for other in _load_cached():
        if other.get("key") == key:
            return str(other["name"])
    return None


def form_values(case: dict) -> dict[str, Any]:
    """The 申报表 values of a demo case: its form fields plus ``borrowed_from`` (a name)."""
    values = {k: v for k, v in case.items() if k not in NON_FORM_KEYS}
    if case.get("case_type") in BORROWED_TYPES:
        values["borrowed_from"] = _borrowed_from_name(case)
    return values


def body_text(case: dict) -> str:
    """The write-up as plain text (headings and paragraphs, one per line)."""
    lines: list[str] = []
    for section in case.get("body", []):
        lines.append(section["heading"])
        lines.extend(section["paragraphs"])
    return "\n".join(lines)


# --------------------------------------------------------------------------- PDF


# Chinese punctuation that must not start a line (GB/T 15834). reportlab's CJK wrapper
# hangs such a character in the right margin, but its list lacks the full-width comma,
# semicolon, colon and closing quotes; extend it (idempotent, only adds characters).
_CJK_CANNOT_START = "，。、；：！？）》」』】〕”’…·"


def _extend_kinsoku() -> None:
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    # textsplit.wordSplit wraps single-fragment paragraphs, paragraph.cjkFragSplit the rest.
    for module in (textsplit, paragraph):
        missing = "".join(ch for ch in _CJK_CANNOT_START if ch not in module.ALL_CANNOT_START)
        if missing:
            module.ALL_CANNOT_START += missing


def _pdf_styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle(
        "cjk-body",
        fontName=PDF_FONT,
        fontSize=11,
        leading=19,
        wordWrap="CJK",
        alignment=TA_JUSTIFY,
        firstLineIndent=22,
        spaceAfter=4,
    )
    return {
        "title": ParagraphStyle(
            "cjk-title",
            parent=base,
            fontSize=18,
            leading=28,
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceAfter=12,
        ),
        "meta": ParagraphStyle("cjk-meta", parent=base, fontSize=10, leading=15, firstLineIndent=0),
        "label": ParagraphStyle(
            "cjk-label", parent=base, fontSize=12.5, leading=20, firstLineIndent=0, spaceBefore=8
        ),
        "heading": ParagraphStyle(
            "cjk-heading",
            parent=base,
            fontSize=14,
            leading=24,
            firstLineIndent=0,
            spaceBefore=10,
            spaceAfter=6,
        ),
        "body": base,
        "footer": ParagraphStyle("cjk-footer", parent=base, fontSize=9, firstLineIndent=0),
    }


def _para(text: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), style)


def render_pdf(case: dict) -> bytes:
    """Render a case as an A4 PDF (deterministic bytes)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import HRFlowable, SimpleDocTemplate, Spacer, Table, TableStyle

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    _extend_kinsoku()
    styles = _pdf_styles()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=22 * mm,
        bottomMargin=22 * mm,
        title=case["name"],
        author=case.get("unit") or "",
        subject="营商环境改革创新案例",
        creator="caselib demo",
        invariant=1,
    )

    story: list[Any] = [_para(case["name"], styles["title"])]

    type_title = CASE_TYPE_TITLES.get(case.get("case_type", ""), case.get("case_type", ""))
    borrowed = _borrowed_from_name(case) if case.get("case_type") in BORROWED_TYPES else None
    meta_rows = [
        ("案例主题", case.get("theme") or ""),
        ("案例类型", type_title + (f"（借鉴案例：{borrowed}）" if borrowed else "")),
        ("填报单位", case.get("unit") or ""),
        ("发布时间", case.get("published_at") or ""),
    ]
    if case.get("tags"):
        meta_rows.append(("标　　签", "、".join(case["tags"])))
    table = Table(
        [[_para(k, styles["meta"]), _para(v, styles["meta"])] for k, v in meta_rows],
        colWidths=[28 * mm, doc.width - 28 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef2f7")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story += [table, Spacer(1, 8)]

    story.append(_para("【摘要】", styles["label"]))
    story.append(_para(case.get("summary") or "", styles["body"]))
    for key, title in FORM_SECTIONS:
        text = case.get(key)
        if text:
            story.append(_para(f"【{title}】", styles["label"]))
            story.append(_para(text, styles["body"]))

    story += [
        Spacer(1, 6),
        HRFlowable(width="100%", thickness=0.6, color=colors.grey, spaceBefore=4, spaceAfter=8),
    ]
    for section in case.get("body", []):
        story.append(_para(section["heading"], styles["heading"]))
        for paragraph in section["paragraphs"]:
            story.append(_para(paragraph, styles["body"]))

    def _page_number(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(PDF_FONT, 9)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"— {document.page} —")
        canvas.restoreState()

    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return buf.getvalue()


# -------------------------------------------------------------------------- DOCX


def _set_run_font(run: Any, east_asia: str) -> None:
    from docx.oxml.ns import qn

    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), east_asia)


def _document_datetime(case: dict) -> _dt.datetime:
    """Creation time written into a .docx: 09:00 on the publication date (fixed fallback)."""
    try:
        day = _dt.date.fromisoformat(case.get("published_at") or "")
    except ValueError:
        return _FIXED_DATETIME.replace(tzinfo=None)
    return _dt.datetime(day.year, day.month, day.day, 9, 0, 0)


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a .docx zip with fixed entry timestamps, so equal content gives equal bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def render_docx(case: dict) -> bytes:
    """Render a case as .docx: the filled 申报表, a page break, then the write-up."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from library.cases.template import render_template

    document = docx.Document(io.BytesIO(render_template(form_values(case))))
    document.add_page_break()

    def _styled(style_name: str, fallback_size: float) -> tuple[Any, bool]:
        try:
            return document.add_paragraph(style=style_name), True
        except KeyError:  # the template lacks the style: plain paragraph, bold run
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.space_before = Pt(fallback_size / 2)
            return paragraph, False

    title, has_style = _styled("Title", 18)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(case["name"])
    _set_run_font(run, DOCX_HEADING_FONT)
    if not has_style:
        run.bold, run.font.size = True, Pt(18)

    for section in case.get("body", []):
        heading, has_style = _styled("Heading 1", 15)
        run = heading.add_run(section["heading"])
        _set_run_font(run, DOCX_HEADING_FONT)
        if not has_style:
            run.bold, run.font.size = True, Pt(15)
        for text in section["paragraphs"]:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.first_line_indent = Pt(24)
            run = paragraph.add_run(text)
            run.font.size = Pt(12)
            _set_run_font(run, DOCX_BODY_FONT)

    # Keep the template's subject/keywords and custom property: they mark the 申报表.
    props = document.core_properties
    props.title = case["name"]
    props.author = case.get("unit") or ""
    props.last_modified_by = case.get("unit") or ""
    stamp = _document_datetime(case)
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1

    buf = io.BytesIO()
    document.save(buf)
    return _normalise_zip(buf.getvalue())


# ------------------------------------------------------------------------- files


def render_case(case: dict) -> bytes:
    """Render a case in its own format (``case["format"]``: "docx" or "pdf")."""
    fmt = case.get("format")
    if fmt == "pdf":
        return render_pdf(case)
    if fmt == "docx":
        return render_docx(case)
    raise ValueError(f"case {case.get('key')!r}: unknown format {fmt!r}")


def write_demo_files(out_dir: Path) -> list[tuple[dict, Path]]:
    """Render every demo case to ``out_dir/<file_name>``; return (case, path) pairs."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[tuple[dict, Path]] = []
    for case in load_demo_cases():
        path = out_dir / case["file_name"]
        path.write_bytes(render_case(case))
        written.append((case, path))
    return written
