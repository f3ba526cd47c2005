"""A PDF's bookmarks (pdf_outline): where each heading was laid out."""

from __future__ import annotations

import io

import pytest

from indexer import ExtractionError, pdf_outline
from tests.conftest import docx_bytes, pdf_bytes


def _bookmarked_pdf() -> bytes:
    """Three pages with a nested outline, drawn with reportlab's CID font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    outline = [(0, "一、企业全生命周期"), (1, "（一）开办企业"), (2, "1．一日办结")]
    for page, (level, title) in enumerate(outline, 1):
        c.setFont("STSong-Light", 14)
        c.drawString(72, 760, title)
        key = f"h{page}"
        c.bookmarkPage(key)
        c.addOutlineEntry(title, key, level=level)
        c.showPage()
    c.save()
    return buf.getvalue()


def test_bookmarks_are_listed_in_order_with_their_level_and_page():
    """Each bookmark gives its level (1-based), its title and the page it points to."""
    assert pdf_outline(_bookmarked_pdf()) == [
        (1, "一、企业全生命周期", 1),
        (2, "（一）开办企业", 2),
        (3, "1．一日办结", 3),
    ]


def test_a_pdf_without_bookmarks_has_an_empty_outline():
    """No outline is an empty list, not an error."""
    assert pdf_outline(pdf_bytes(["正文一段。"])) == []


def test_only_pdfs_are_read():
    """A Word file is refused with the extraction error code."""
    with pytest.raises(ExtractionError) as e:
        pdf_outline(docx_bytes(["正文"]))
    assert e.value.code == "content_mismatch"
