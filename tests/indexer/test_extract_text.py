"""Plain text and Markdown: encodings, titles, normalisation."""

from __future__ import annotations

import unicodedata

import pytest

from indexer.errors import ExtractionError
from indexer.extract import extract

TEXT = "营商环境改革创新案例\n\n推行企业开办“一件事”改革。"


@pytest.mark.parametrize(
    "encoded",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("gb18030"),
        TEXT.encode("utf-16"),  # with its byte-order mark, as Windows Notepad saves "Unicode"
    ],
    ids=["utf8", "utf8-bom", "gb18030", "utf16-bom"],
)
def test_text_files_decode_from_utf8_or_gb18030(encoded):
    """UTF-8 with or without BOM, BOM-marked UTF-16, else GB18030: same text either way."""
    doc = extract(encoded, "说明.txt")
    assert doc.text == "营商环境改革创新案例\n推行企业开办“一件事”改革。"  # blocks joined by \n
    assert doc.format == "txt" and doc.media_type == "text/plain"
    assert doc.title == "营商环境改革创新案例"
    assert [b.text for b in doc.blocks] == ["营商环境改革创新案例", "推行企业开办“一件事”改革。"]


def test_undecodable_text_is_bad_encoding():
    """Bytes that are neither UTF-8 nor GB18030 are refused with bad_encoding."""
    with pytest.raises(ExtractionError) as info:
        extract("说明 ".encode() + b"\xff\xff\xff" + " 文字".encode(), "a.txt")
    assert info.value.code == "bad_encoding"
    assert "UTF-8" in info.value.message


@pytest.mark.parametrize("data", [b"   \r\n\t\n", "\u3000\u3000\n".encode()])
def test_blank_text_file_is_an_empty_document(data):
    """Nothing but whitespace is an empty document."""
    with pytest.raises(ExtractionError) as info:
        extract(data, "a.txt")
    assert info.value.code == "empty_document"


def test_a_file_of_no_bytes_is_an_empty_file():
    """Zero bytes is ``empty_file`` (the upload itself is empty), whatever the name."""
    with pytest.raises(ExtractionError) as info:
        extract(b"", "a.txt")
    assert info.value.code == "empty_file"


def test_markdown_title_is_the_first_heading():
    """The first Markdown heading is the title, even after other lines."""
    md = "作者：某办\n\n# 案例：证照分离改革\n\n## 背景\n\n正文".encode()
    doc = extract(md, "案例.md")
    assert doc.title == "案例：证照分离改革"
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("paragraph", 0, "作者：某办"),
        ("heading", 1, "案例：证照分离改革"),
        ("heading", 2, "背景"),
        ("paragraph", 0, "正文"),
    ]
    assert doc.format == "md" and doc.media_type == "text/markdown"


def test_markdown_wrapped_lines_join_without_spaces_between_chinese():
    """Hard-wrapped Chinese lines of one Markdown paragraph join without a space; English
    words keep one."""
    md = "推行告知承诺制，\n实现证照分离\nreform of the\nbusiness environment".encode()
    doc = extract(md, "a.md")
    assert doc.text == "推行告知承诺制，实现证照分离reform of the business environment"


def test_text_is_normalised():
    """CRLF becomes LF, control characters go, NFC is applied, blank lines do not survive."""
    raw = (
        "第一行\r\n"
        + "\x07控制\x1b字符"
        + "\r\n\r\n\r\n\r\n"
        + unicodedata.normalize("NFD", "é")
        + "\u200b末行"
    )
    doc = extract(raw.encode(), "a.txt")
    assert doc.text == "第一行\n控制字符\né末行"


def test_utf8_text_is_not_misread_as_gb18030():
    """Valid UTF-8 wins over GB18030 (which could decode the same bytes into mojibake)."""
    doc = extract("一网通办".encode(), "a.txt")
    assert doc.text == "一网通办"
