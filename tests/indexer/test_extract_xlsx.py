"""Excel workbooks (.xlsx) and images through the indexer's public API: the sheets as
tables whose row numbers are the spreadsheet's, the same zip-bomb and content checks as
Word files, and images checked by content and pixel count before they are kept."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from indexer import ExtractionError, ExtractLimits, extract_xlsx, inspect_image, render_html
from tests.conftest import docx_bytes, pdf_bytes


def workbook(rows: list[list], *, title: str = "数据", extra: dict | None = None) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for name, (cells, state) in (extra or {}).items():
        sheet = wb.create_sheet(name)
        for ref, value in cells.items():
            sheet[ref] = value
        sheet.sheet_state = state
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _code(data: bytes, name: str = "表.xlsx", **kwargs) -> str:
    with pytest.raises(ExtractionError) as e:
        extract_xlsx(data, name, **kwargs)
    return e.value.code


def test_rows_keep_the_spreadsheet_row_numbers():
    """rows[i] is spreadsheet row i + 1, empty rows included; numbers in their shortest form."""
    data = workbook([["period", "value"], [2024, 2.0], [], ["2024Q1", 0.5]])
    doc = extract_xlsx(data, "数值.xlsx")
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.rows == [["period", "value"], ["2024", "2"], ["", ""], ["2024Q1", "0.5"]]
    assert doc.format == "xlsx" and doc.title == "数据"
    assert "2024Q1\t0.5" in doc.text


def test_every_visible_sheet_is_a_heading_and_a_table_hidden_sheets_are_left_out():
    """A second sheet follows the first; a hidden sheet's cells are not read."""
    data = workbook(
        [["整改台账"]],
        extra={"成效": ({"B2": "办结时间压缩 50%"}, "visible"), "草稿": ({"A1": "内部"}, "hidden")},
    )
    doc = extract_xlsx(data, "台账.xlsx")
    assert [(b.kind, b.text) for b in doc.blocks if b.kind == "heading"] == [
        ("heading", "数据"),
        ("heading", "成效"),
    ]
    assert "办结时间压缩 50%" in doc.text and "内部" not in doc.text
    second = [b for b in doc.blocks if b.kind == "table"][1]
    assert second.rows == [["", ""], ["", "办结时间压缩 50%"]]


def test_a_workbook_renders_as_escaped_tables():
    """The preview of a workbook is its sheets as HTML tables, every cell escaped."""
    data = workbook([["<script>alert(1)</script>", "数值"]])
    html = render_html(data, "表.xlsx")
    assert "<table" in html and "<script>" not in html and "&lt;script&gt;" in html


def test_other_files_named_xlsx_are_refused_by_their_content():
    """A Word file, a PDF or text named .xlsx is a content mismatch; no bytes is empty."""
    assert _code(docx_bytes(["正文"])) == "content_mismatch"
    assert _code(pdf_bytes(["正文"])) == "content_mismatch"
    assert _code(b"period,value\n2024,1\n") == "content_mismatch"
    assert _code(b"") == "empty_document"
    assert _code(workbook([["a"]]), name="表.xls") == "unsupported_format"


def test_an_empty_workbook_is_an_empty_document():
    """A workbook without a single value has nothing to read."""
    assert _code(workbook([])) == "empty_document"


def test_a_truncated_or_damaged_workbook_is_corrupt():
    """Cut in half, or its sheet XML broken: corrupt, never a parser's exception."""
    data = workbook([["a", 1]])
    assert _code(data[: len(data) // 2]) in ("corrupt", "content_mismatch")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = body[: len(body) // 2]
            dst.writestr(item, body)
    assert _code(out.getvalue()) == "corrupt"


def test_a_zip_bomb_named_xlsx_is_refused_before_it_is_inflated():
    """A 40 MB run of zeros inside the workbook is a zip bomb, as in a .docx."""
    data = workbook([["a", 1]])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr(
            zipfile.ZipInfo("xl/media/image1.png"),
            bytes(40 * 1024 * 1024),
            compress_type=zipfile.ZIP_DEFLATED,
        )
    assert _code(out.getvalue()) == "zip_bomb"
    assert _code(data, limits=ExtractLimits(max_bytes=1000)) == "too_large"


def test_xml_entities_in_a_workbook_are_never_expanded():
    """A billion-laughs shared-strings part yields no expansion (corrupt or literal)."""
    data = workbook([["a"]])
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>&b;</t></si></sst>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = laughs if item.filename == "xl/sharedStrings.xml" else src.read(item)
            dst.writestr(item, body)
    try:
        doc = extract_xlsx(out.getvalue(), "表.xlsx")
    except ExtractionError as e:
        assert e.code in ("corrupt", "empty_document")
    else:
        assert "aaaaaaaaaa" not in doc.text


def _png(size=(40, 20)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


def test_images_are_checked_by_their_content():
    """A PNG named .png or .jpg is a PNG with its size; other bytes are refused."""
    info = inspect_image(_png(), "现场照片.png")
    assert (info.kind, info.media_type, info.width, info.height) == ("png", "image/png", 40, 20)
    assert inspect_image(_png(), "phone.jpg").kind == "png"
    for data, name, code in [
        (pdf_bytes(["正文"]), "照片.jpg", "content_mismatch"),
        (b"", "照片.png", "empty_file"),
        (_png()[:60], "照片.png", "corrupt"),
        (_png(), "照片.gif", "unsupported_format"),
    ]:
        with pytest.raises(ExtractionError) as e:
            inspect_image(data, name)
        assert e.value.code == code, name


def test_an_image_over_the_pixel_limit_is_too_large():
    """Dimensions beyond max_image_pixels are refused before anything decodes the pixels."""
    with pytest.raises(ExtractionError) as e:
        inspect_image(_png((400, 300)), "大图.png", limits=ExtractLimits(max_image_pixels=10_000))
    assert e.value.code == "too_large"
