"""PDF extraction: CJK fonts, paragraph joining, scanned and encrypted files, limits."""

from __future__ import annotations

import io
import time

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from indexer.errors import ExtractionError
from indexer.extract import ExtractLimits, extract

from .conftest import bigram_overlap, char_recall, corpus_files, reference_text

FONT = "STSong-Light"
PARAGRAPH = (
    "为持续优化营商环境，我市推行企业开办“一件事”改革，将营业执照、公章刻制、发票申领、"
    "社保登记和公积金开户整合为一个环节，实行一表申请、一窗受理、一网通办，企业开办时间由"
    "原来的五个工作日压缩至半个工作日以内，群众和企业办事实现“最多跑一次”。"
)


def _cjk_pdf(paragraphs: list[str], pages: int = 1) -> bytes:
    """A real wrapped CJK document laid out by reportlab (CID font STSong-Light)."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    style = ParagraphStyle(
        "body", fontName=FONT, fontSize=12, leading=20, wordWrap="CJK", firstLineIndent=24
    )
    title = ParagraphStyle("title", fontName=FONT, fontSize=18, leading=28)
    out = io.BytesIO()
    story = []
    for page in range(pages):
        if page:
            story.append(PageBreak())
        story.append(Paragraph(f"营商环境改革创新案例（第{page + 1}部分）", title))
        story.extend(Paragraph(text, style) for text in paragraphs)
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return out.getvalue()


def test_cjk_pdf_with_cid_font_round_trips():
    """Chinese set in a CID font (STSong-Light, UniGB-UCS2-H) comes back as the same Chinese."""
    data = _cjk_pdf([PARAGRAPH, "第二段：改革成效显著。"])
    doc = extract(data, "案例.pdf")
    assert doc.format == "pdf" and doc.media_type == "application/pdf"
    assert doc.pages == 1
    assert doc.title == "营商环境改革创新案例（第1部分）"
    assert [b.text for b in doc.blocks] == [
        "营商环境改革创新案例（第1部分）",
        PARAGRAPH,
        "第二段：改革成效显著。",
    ]


def test_wrapped_chinese_lines_are_joined_without_spaces():
    """A paragraph broken over several lines is one block with no space or newline between
    CJK characters, so phrases such as 营商环境 are never split."""
    doc = extract(_cjk_pdf([PARAGRAPH * 3]), "a.pdf")
    body = doc.blocks[1].text
    assert body == PARAGRAPH * 3
    assert " " not in body and "\n" not in body


def test_paragraphs_continue_across_page_breaks(make_pdf):
    """A long paragraph that flows onto the next page is still one paragraph."""
    doc = extract(_cjk_pdf([PARAGRAPH * 40]), "a.pdf")
    assert doc.pages >= 2
    assert PARAGRAPH * 40 in [b.text for b in doc.blocks]


def test_pdf_of_an_image_only_raises_no_text_layer(make_pdf):
    """A scanned page (an image, no text) is no_text_layer, not an empty document."""
    image = Image.new("RGB", (200, 100), "white")
    for x in range(20, 180):
        image.putpixel((x, 50), (0, 0, 0))

    def draw(c, _page):
        c.drawImage(ImageReader(image), 50, 500, width=400, height=200)

    with pytest.raises(ExtractionError) as info:
        extract(make_pdf(draw), "扫描件.pdf")
    assert info.value.code == "no_text_layer"
    assert "扫描" in info.value.message


def test_pdf_of_shapes_only_raises_no_text_layer(make_pdf):
    """Vector drawings without any text are reported as having no text layer."""

    def draw(c, _page):
        c.rect(100, 100, 300, 400)
        c.line(100, 100, 400, 500)
        c.circle(250, 300, 50, fill=1)

    with pytest.raises(ExtractionError) as info:
        extract(make_pdf(draw), "a.pdf")
    assert info.value.code == "no_text_layer"


def test_blank_pdf_is_an_empty_document(make_pdf):
    """Pages with nothing on them: empty_document."""
    with pytest.raises(ExtractionError) as info:
        extract(make_pdf(lambda c, p: None), "a.pdf")
    assert info.value.code == "empty_document"


def test_pdf_with_user_password_raises_encrypted(make_pdf):
    """A PDF that needs a password to open is 'encrypted'."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))

    def draw(c, _page):
        c.setFont(FONT, 12)
        c.drawString(72, 700, "机密文件")

    data = make_pdf(draw, encrypt=StandardEncryption("user-secret", ownerPassword="owner"))
    with pytest.raises(ExtractionError) as info:
        extract(data, "加密.pdf")
    assert info.value.code == "encrypted"


def test_pdf_with_only_an_owner_password_is_readable(make_pdf):
    """Permissions-only encryption (empty user password, copying "forbidden") does not stop
    reading: the file opens without a password, so its text is the library's to index."""

    def draw(c, _page):
        c.setFont("Helvetica", 12)
        c.drawString(72, 700, "Public notice 2024")

    data = make_pdf(draw, encrypt=StandardEncryption("", ownerPassword="owner", canCopy=0))
    assert extract(data, "a.pdf").text == "Public notice 2024"


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.95])
def test_truncated_pdf_raises_corrupt(fraction):
    """A PDF cut short is 'corrupt' (pdfminer's recovery must not index a partial file)."""
    data = _cjk_pdf([PARAGRAPH])
    with pytest.raises(ExtractionError) as info:
        extract(data[: int(len(data) * fraction)], "a.pdf")
    assert info.value.code == "corrupt"


def test_garbage_after_pdf_header_raises_corrupt():
    """Random bytes after a PDF header are 'corrupt'."""
    data = b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n"
    with pytest.raises(ExtractionError) as info:
        extract(data, "a.pdf")
    assert info.value.code == "corrupt"


def test_page_limit_guards_against_huge_pdfs():
    """More pages than ExtractLimits.max_pages is refused as too_large before any layout."""
    data = _cjk_pdf(["短段落。"], pages=3)
    assert extract(data, "a.pdf", limits=ExtractLimits(max_pages=3)).pages == 3
    with pytest.raises(ExtractionError) as info:
        extract(data, "a.pdf", limits=ExtractLimits(max_pages=2))
    assert info.value.code == "too_large"
    assert "2" in info.value.message


def test_page_numbers_in_the_margin_are_not_text(make_pdf):
    """A bare page number printed in the bottom margin is page furniture, not content."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))

    def draw(c, page):
        c.setFont(FONT, 12)
        c.drawString(72, 700, f"第{page + 1}页的正文内容")
        c.drawCentredString(A4[0] / 2, 30, f"- {page + 1} -")

    doc = extract(make_pdf(draw, pages=2), "a.pdf")
    assert doc.text == "第1页的正文内容\n第2页的正文内容"


REAL_CJK_PDF = corpus_files("pdf_cjk_real", "*.pdf")
RENDERED_PDF = corpus_files("pdf_rendered_from_real_docx", "*.pdf")


@pytest.mark.corpus
@pytest.mark.parametrize("path", REAL_CJK_PDF, ids=lambda p: p.name)
def test_real_cid_font_pdfs_decode_to_chinese(path, fixtures_dir):
    """Real PDFs with embedded Identity-H CID fonts give the Chinese text, not (cid:N) junk."""
    doc = extract(path.read_bytes(), path.name)
    assert "(cid:" not in doc.text
    assert char_recall(reference_text(path.name), doc.text) >= 0.98


@pytest.mark.corpus
@pytest.mark.parametrize("path", RENDERED_PDF, ids=lambda p: p.name)
def test_rendered_pdfs_match_the_documents_they_came_from(path, fixtures_dir):
    """A PDF rendered from a real Word file gives back that file's text: same Chinese
    bigrams (so no CJK seam was broken by a space or line break) and about as many
    paragraphs."""
    doc = extract(path.read_bytes(), path.name)
    sources = list(fixtures_dir.glob(f"*/{path.stem}.docx")) + list(
        fixtures_dir.glob(f"*/{path.stem}.doc")
    )
    if sources and sources[0].suffix == ".docx":
        source = extract(sources[0].read_bytes(), sources[0].name)
        recall, precision = bigram_overlap(source.text, doc.text)
        assert recall >= 0.98 and precision >= 0.98, (recall, precision)
        assert abs(len(doc.blocks) - len(source.blocks)) <= 0.05 * len(source.blocks) + 2
    else:
        recall, precision = bigram_overlap(reference_text(path.name), doc.text)
        assert recall >= 0.98 and precision >= 0.98, (recall, precision)


@pytest.mark.corpus
def test_a_sixty_page_pdf_takes_seconds(fixtures_dir):
    """The 56-page rendered report extracts in a few seconds."""
    path = fixtures_dir / "pdf_rendered_from_real_docx" / "2025年广东省政府工作报告.pdf"
    data = path.read_bytes()
    start = time.perf_counter()
    doc = extract(data, path.name)
    elapsed = time.perf_counter() - start
    assert doc.pages == 56
    assert elapsed < 10.0, elapsed
