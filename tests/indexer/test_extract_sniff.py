"""Content sniffing: the bytes must be what the extension says, and the message says both."""

from __future__ import annotations

import io
import zipfile

import docx
import openpyxl
import pytest

from indexer.errors import ExtractionError
from indexer.extract import SUPPORTED_EXTENSIONS, extract, sniff

from .conftest import docx_bytes

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def _docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("案例正文")
    return docx_bytes(d)


def _pdf() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.drawString(72, 700, "case text")
    c.showPage()
    c.save()
    return out.getvalue()


def _xlsx() -> bytes:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "表格"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _odt() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _mismatch(data: bytes, name: str) -> ExtractionError:
    with pytest.raises(ExtractionError) as info:
        extract(data, name)
    assert info.value.code == "content_mismatch"
    return info.value


def test_supported_extensions_are_the_accepted_formats():
    """The registry accepts exactly the formats of the issue (and .markdown for .md)."""
    assert {".docx", ".pdf", ".doc", ".wps", ".rtf", ".odt", ".txt", ".md"} <= SUPPORTED_EXTENSIONS
    assert all(ext.startswith(".") and ext == ext.lower() for ext in SUPPORTED_EXTENSIONS)


def test_sniff_reports_format_and_real_media_type():
    """sniff returns (format, media type) for matching content, whatever the name's case."""
    assert sniff(_docx(), "案例.DOCX") == (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    assert sniff(_pdf(), "a.pdf") == ("pdf", "application/pdf")
    assert sniff(_odt(), "a.odt") == ("odt", "application/vnd.oasis.opendocument.text")
    assert sniff(b"{\\rtf1\\ansi hello}", "a.rtf") == ("rtf", "application/rtf")
    assert sniff("说明".encode(), "a.txt") == ("txt", "text/plain")
    assert sniff(b"# t", "a.md") == ("md", "text/markdown")


def test_xlsx_renamed_to_docx_is_a_content_mismatch():
    """An Excel workbook named .docx is refused, naming both kinds."""
    error = _mismatch(_xlsx(), "案例.docx")
    assert ".docx" in error.message and "Excel" in error.message


def test_pdf_named_docx_and_docx_named_pdf_are_refused():
    """The message names the extension and what the content really is."""
    assert _mismatch(_pdf(), "案例.docx").message.startswith(
        "文件扩展名为 .docx，但内容是 PDF 文件"
    )
    error = _mismatch(_docx(), "案例.pdf")
    assert error.message.startswith("文件扩展名为 .pdf，但内容是 Word 文档（.docx）")


@pytest.mark.parametrize("name", ["病毒.docx", "病毒.pdf", "病毒.doc", "病毒.txt"])
def test_renamed_executable_is_a_content_mismatch(name):
    """A Windows program renamed to a document extension is refused as a program."""
    assert "可执行程序" in _mismatch(EXE, name).message


def test_pdf_with_junk_before_the_header_is_accepted():
    """Readers accept bytes before %PDF- within the first kilobyte; so do we."""
    data = b"\r\n" + b"x" * 500 + _pdf()
    assert sniff(data, "a.pdf") == ("pdf", "application/pdf")
    assert "case text" in extract(data, "a.pdf").text


def test_pdf_header_after_the_first_kilobyte_is_not_a_pdf():
    """A %PDF- marker buried past 1 KB does not make a file a PDF."""
    error = _mismatch(b"hello " * 300 + _pdf(), "a.pdf")
    assert "不是 PDF 文件" in error.message


def test_doc_must_be_an_ole2_container():
    """A .doc that is really a .docx or text is refused; the message suggests what it is."""
    assert "Word 文档（.docx）" in _mismatch(_docx(), "旧版.doc").message
    _mismatch(b"just text", "a.doc")
    _mismatch(b"{\\rtf1 text}", "a.wps")


def test_odt_needs_its_mimetype_member():
    """A zip without the OpenDocument mimetype is not an .odt."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("content.xml", "<x/>")
    assert "ZIP 压缩包" in _mismatch(out.getvalue(), "a.odt").message
    assert "Word 文档" in _mismatch(_docx(), "a.odt").message


def test_binary_named_txt_is_refused():
    """Binary data named .txt is not text."""
    assert "PDF" in _mismatch(_pdf(), "a.txt").message
    _mismatch(bytes(range(256)) * 4, "a.md")


@pytest.mark.parametrize("name", ["a.exe", "a.xlsx", "a.zip", "noextension", "a.docx.exe", ""])
def test_unknown_extension_is_unsupported(name):
    """Any other extension: unsupported_format with the standard message."""
    with pytest.raises(ExtractionError) as info:
        extract(_docx(), name)
    assert info.value.code == "unsupported_format"
    assert info.value.message == "不支持该文件格式，请上传 .docx 或 .pdf 文件"


def test_zero_bytes_is_an_empty_file():
    """An empty upload is empty_file whatever its extension (not "no text")."""
    for name in ("a.docx", "a.pdf", "a.txt", "scan.jpg"):
        with pytest.raises(ExtractionError) as info:
            extract(b"", name)
        assert info.value.code == "empty_file", name
        assert "空的" in info.value.message


def test_a_macro_enabled_word_file_is_refused_whatever_its_name():
    """A .docm (macro-enabled main part, a VBA project) is macro_enabled when it is called
    .docx, and so is anything called .docm; a plain .docx has no macros."""
    from indexer import has_macros
    from tests.conftest import docm_bytes
    from tests.conftest import docx_bytes as plain_docx

    docm = docm_bytes(["一网通办"])
    assert has_macros(docm) and not has_macros(plain_docx(["一网通办"]))
    for name in ("案例.docx", "案例.docm", "案例.pdf"):
        with pytest.raises(ExtractionError) as info:
            extract(docm, name)
        assert info.value.code == "macro_enabled", name
    with pytest.raises(ExtractionError) as info:
        extract(plain_docx(["一网通办"]), "案例.docm")
    assert info.value.code == "macro_enabled"
