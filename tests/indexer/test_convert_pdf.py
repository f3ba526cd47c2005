"""Word to PDF with LibreOffice (convert_to_pdf), for previews that look like the document."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import docx
import pytest

from indexer import ExtractionError, ExtractLimits, convert_to_pdf, extract, render_pdf_pages
from tests.conftest import pdf_bytes

from .conftest import docx_bytes

ROWS = [
    ["事项", "办理时限", "申请材料"],
    ["企业开办", "半个工作日", "3份"],
    ["不动产登记", "1个工作日", "5份"],
]


def _case_docx() -> bytes:
    d = docx.Document()
    d.add_heading("证照分离改革案例", level=1)
    d.add_paragraph("推行告知承诺制，企业开办实现一网通办，群众办事最多跑一次。")
    table = d.add_table(rows=len(ROWS), cols=3)
    table.style = "Table Grid"
    for i, row in enumerate(ROWS):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    d.add_paragraph("改革成效显著。")
    return docx_bytes(d)


@pytest.mark.slow
def test_a_docx_with_a_table_becomes_a_pdf_with_the_same_text_and_table(soffice):
    """The PDF has the document's text and its table, found again as a table in the page
    view, between the paragraphs around it."""
    result = convert_to_pdf(_case_docx(), "案例.docx", soffice=soffice)
    assert result.startswith(b"%PDF-")
    document = extract(result, "案例.pdf")
    assert document.text.startswith("证照分离改革案例")
    assert "推行告知承诺制，企业开办实现一网通办，群众办事最多跑一次。" in document.text
    html = render_pdf_pages(result)
    assert "<tr><td>企业开办</td><td>半个工作日</td><td>3份</td></tr>" in html
    assert html.index("一网通办") < html.index("<table") < html.index("改革成效显著")


@pytest.mark.slow
def test_legacy_word_converts_too(soffice, tmp_path):
    """A .doc (made by LibreOffice from the .docx) converts to PDF as well."""
    source = tmp_path / "case.docx"
    source.write_bytes(_case_docx())
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    result = convert_to_pdf((tmp_path / "case.doc").read_bytes(), "案例.doc", soffice=soffice)
    assert "最多跑一次" in extract(result, "a.pdf").text


def test_without_libreoffice_the_error_says_so(tmp_path):
    """No LibreOffice: converter_unavailable with a message about the preview."""
    for soffice in (None, str(tmp_path / "no-soffice")):
        with pytest.raises(ExtractionError) as info:
            convert_to_pdf(_case_docx(), "案例.docx", soffice=soffice)
        assert info.value.code == "converter_unavailable"
        assert "LibreOffice" in info.value.message and "PDF" in info.value.message


def test_only_word_files_are_converted():
    """A PDF or a text file is not converted: unsupported_format; a PDF named .docx is a
    content mismatch."""
    with pytest.raises(ExtractionError) as info:
        convert_to_pdf("正文".encode(), "a.txt")
    assert info.value.code == "unsupported_format"
    with pytest.raises(ExtractionError) as info:
        convert_to_pdf(pdf_bytes(["正文"]), "a.pdf")
    assert info.value.code == "unsupported_format"
    with pytest.raises(ExtractionError) as info:
        convert_to_pdf(pdf_bytes(["正文"]), "a.docx")
    assert info.value.code == "content_mismatch"


def _soffice_processes(marker: str) -> list[str]:
    found = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
            except OSError:
                continue
            if marker in cmdline.decode(errors="replace"):
                found.append(cmdline.decode(errors="replace"))
    return found


@pytest.mark.slow
def test_a_conversion_over_its_timeout_is_killed_and_reported(soffice, tmp_path, monkeypatch):
    """Over the time budget: converter_unavailable saying 超时, no soffice left running, no
    temporary profile left behind."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(ExtractionError) as info:
        convert_to_pdf(_case_docx(), "案例.docx", soffice=soffice, timeout=0.3)
    assert info.value.code == "converter_unavailable" and "超时" in info.value.message
    assert _soffice_processes(str(tmp_path)) == []
    assert list(tmp_path.glob("caselib-soffice-*")) == []


def test_an_oversized_input_is_refused_before_conversion():
    """The size limit applies before LibreOffice is started."""
    with pytest.raises(ExtractionError) as info:
        convert_to_pdf(_case_docx(), "a.docx", limits=ExtractLimits(max_bytes=1000))
    assert info.value.code == "too_large"
