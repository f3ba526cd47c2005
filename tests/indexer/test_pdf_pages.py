"""Reading a PDF page by page (render_pdf_pages)."""

from __future__ import annotations

import re

import pytest

from indexer import ExtractionError, render_pdf_pages
from tests.conftest import docx_bytes, pdf_bytes


def test_each_page_is_a_section_with_its_own_text():
    """A two-page PDF gives two sections in order; the first page's words are in the first."""
    paragraphs = [
        f"第{i}段：推行企业开办一网通办，一表填报、一窗受理、一日办结，压缩办理时间。" * 3
        for i in range(1, 41)
    ]
    html = render_pdf_pages(pdf_bytes(paragraphs, title="分页测试"))
    sections = re.findall(r'<section class="page" data-page="(\d+)">(.*?)</section>', html)
    assert len(sections) >= 2
    assert [int(n) for n, _ in sections] == list(range(1, len(sections) + 1))
    assert "分页测试" in sections[0][1] and "第1段" in sections[0][1]
    assert "第40段" in sections[-1][1]


def test_text_is_escaped():
    """Markup in the text is shown, never interpreted."""
    html = render_pdf_pages(pdf_bytes(["&lt;script&gt;alert(1)&lt;/script&gt; 正文"]))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_only_pdfs():
    """A Word file is refused with the extraction error code."""
    with pytest.raises(ExtractionError) as e:
        render_pdf_pages(docx_bytes(["正文"]))
    assert e.value.code == "content_mismatch"
