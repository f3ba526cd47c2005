"""OCR of scans (run_ocr): scanned PDFs and images read by OCRmyPDF + Tesseract chi_sim, for
real. The scans are made here: a reportlab CJK PDF rasterised at 150 dpi and put back into
an image-only PDF. Skipped only where OCRmyPDF or Tesseract's chi_sim data is missing."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pytest
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

from indexer import (
    ExtractionError,
    ExtractLimits,
    extract,
    needs_ocr,
    ocr_available,
    render_pdf_pages,
    run_ocr,
)
from tests.conftest import docx_bytes, pdf_bytes

from .conftest import char_recall
from .scans import blank_page, image_bytes, image_pdf, noise_page, rasterise, scanned

needs_ocrmypdf = pytest.mark.skipif(
    not ocr_available(), reason="OCRmyPDF or Tesseract's chi_sim data is not installed"
)

TITLE = "营商环境改革创新案例"
PARAGRAPHS = [
    "针对企业开办环节多、材料多、时间长的问题，本区推行企业开办“一网通办”，将营业执照、"
    "公章刻制、发票申领、社保登记整合为一件事，实现一表填报、一窗受理、一日办结。",
    "改革后企业开办时间由5个工作日压缩至1个工作日，申请材料由21份减少到6份，"
    "群众和企业办事实现“最多跑一次”，全年服务新设企业3200余家。",
    "下一步将深化证照分离改革，全面推行告知承诺制，持续优化营商环境。",
]
# 证照分离 is left out: in 11-point type at 150 dpi Tesseract reads 照 as 昭.
WORDS = ["营商环境", "一网通办", "最多跑一次", "告知承诺制", "营业执照", "持续优化"]


@pytest.fixture(scope="module")
def original() -> bytes:
    return pdf_bytes(PARAGRAPHS, title=TITLE)


@pytest.fixture(scope="module")
def page_image(original):
    return rasterise(original, 150)[0]


@pytest.fixture(scope="module")
def scan(page_image) -> bytes:
    return image_pdf([page_image], 150)


def _image_streams(data: bytes) -> list[bytes]:
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    out = []
    for xref in document.xrefs:
        for objid in xref.get_objids():
            try:
                obj = document.getobj(objid)
            except Exception:
                continue
            subtype = getattr(obj, "get", lambda _k: None)("Subtype")
            if hasattr(obj, "rawdata") and getattr(subtype, "name", None) == "Image":
                out.append(obj.rawdata)
    return out


def _page_boxes(data: bytes) -> list[list[float]]:
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    return [[round(v, 1) for v in page.mediabox] for page in PDFPage.create_pages(document)]


# -- without OCR ---------------------------------------------------------------------------


def test_a_scan_is_still_refused_by_plain_extract(scan):
    """extract() keeps refusing a scanned PDF with no_text_layer (the caller decides to OCR),
    and says so for an image too."""
    with pytest.raises(ExtractionError) as info:
        extract(scan, "扫描件.pdf")
    assert info.value.code == "no_text_layer"
    assert (
        info.value.message
        == "该 PDF 只有扫描图片，没有可提取的文字，请上传含文字的 PDF 或 Word 文件"
    )


def test_images_are_scans_that_need_ocr(page_image):
    """A .jpg/.png/.tif is sniffed by content (a PNG named .jpg is fine) and refused by
    extract() as no_text_layer; needs_ocr says OCR would read it."""
    for name, data in [
        ("照片.jpg", image_bytes(page_image, "JPEG")),
        ("扫描.JPEG", image_bytes(page_image, "JPEG")),
        ("截图.png", image_bytes(page_image, "PNG")),
        ("手机拍的.jpg", image_bytes(page_image, "PNG")),
        ("扫描.tif", image_bytes(page_image, "TIFF")),
        ("扫描.tiff", image_bytes(page_image, "TIFF")),
    ]:
        with pytest.raises(ExtractionError) as info:
            extract(data, name)
        assert info.value.code == "no_text_layer", name
        assert "图片" in info.value.message
        assert needs_ocr(data, name)


def test_an_image_name_on_other_bytes_is_refused(original, page_image):
    """A PDF named .jpg is a content mismatch; a GIF named .png an unsupported image."""
    with pytest.raises(ExtractionError) as info:
        needs_ocr(original, "a.jpg")
    assert info.value.code == "content_mismatch" and "PDF" in info.value.message
    with pytest.raises(ExtractionError) as info:
        extract(image_bytes(page_image, "GIF"), "a.png")
    assert info.value.code == "unsupported_format" and "JPG、PNG 或 TIFF" in info.value.message


def test_needs_ocr_is_false_for_text_documents(original):
    """A PDF with a text layer and a Word file need no OCR."""
    assert not needs_ocr(original, "a.pdf")
    assert not needs_ocr(docx_bytes(["正文"]), "a.docx")


def test_without_ocrmypdf_the_error_is_ocr_unavailable(scan, tmp_path):
    """No OCRmyPDF on the server: run_ocr says ocr_unavailable; extract's no_text_layer
    error is unchanged."""
    with pytest.raises(ExtractionError) as info:
        run_ocr(scan, "扫描件.pdf", ocrmypdf=str(tmp_path / "no-ocrmypdf"))
    assert info.value.code == "ocr_unavailable"
    assert "OCRmyPDF" in info.value.message
    with pytest.raises(ExtractionError) as info:
        run_ocr(scan, "扫描件.pdf", ocrmypdf=None)
    assert info.value.code == "ocr_unavailable"


def test_only_pdfs_and_images_are_ocr_inputs():
    """A Word file given to run_ocr is unsupported_format, before any OCR."""
    with pytest.raises(ExtractionError) as info:
        run_ocr(docx_bytes(["正文"]), "a.docx")
    assert info.value.code == "unsupported_format"


def test_an_encrypted_scan_is_encrypted(page_image, make_pdf):
    """A scan that needs a password is 'encrypted', not an OCR failure."""

    def draw(c, _page):
        c.drawImage(ImageReader(page_image), 0, 0, width=A4[0], height=A4[1])

    data = make_pdf(draw, encrypt=StandardEncryption("secret", ownerPassword="owner"))
    with pytest.raises(ExtractionError) as info:
        run_ocr(data, "加密扫描件.pdf")
    assert info.value.code == "encrypted"


def test_an_image_of_too_many_pixels_is_refused_before_decoding():
    """A tiny file declaring a huge image (a decompression bomb) is too_large."""
    from PIL import Image

    bomb = image_bytes(Image.new("1", (12_000, 10_000), 1), "PNG")
    assert len(bomb) < 1_000_000
    with pytest.raises(ExtractionError) as info:
        run_ocr(bomb, "a.png", limits=ExtractLimits(max_image_pixels=100_000_000))
    assert info.value.code == "too_large"


# -- OCR for real ----------------------------------------------------------------------------


@pytest.mark.slow
@needs_ocrmypdf
def test_a_scanned_pdf_is_read_into_searchable_text(scan, original):
    """The scan's text comes back: the domain terms whole, no spaces between Chinese
    characters, 95 % of the characters; progress goes up to every page; the OCR'd PDF,
    read again by extract() (as a reindex would), gives the same text."""
    seen: list[tuple[int, int]] = []
    result = run_ocr(scan, "扫描件.pdf", progress=lambda done, total: seen.append((done, total)))
    text = result.document.text
    for word in WORDS:
        assert word in text, word
    assert char_recall(extract(original, "a.pdf").text, text) >= 0.95
    assert "营 商" not in text and "环境 改革" not in text
    assert result.source == "pdf" and result.unreadable == []
    assert result.document.format == "pdf" and result.document.converter == "ocrmypdf"
    assert result.document.pages == 1 and len(result.pages) == 1
    assert result.pages[0].startswith(TITLE)
    assert seen[0] == (0, 1) and seen[-1] == (1, 1)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    again = extract(result.pdf, "扫描件.pdf")
    assert again.text == text and again.scanned_pages == []
    assert "一网通办" in render_pdf_pages(result.pdf)


@pytest.mark.slow
@needs_ocrmypdf
def test_the_ocrd_pdf_keeps_the_pages_as_they_were(scan):
    """OCR adds a text layer and changes nothing else: same page boxes, the scanned image's
    bytes unchanged."""
    result = run_ocr(scan, "扫描件.pdf")
    assert _page_boxes(result.pdf) == _page_boxes(scan)
    assert _image_streams(result.pdf) == _image_streams(scan)


@pytest.mark.slow
@needs_ocrmypdf
def test_blank_and_noise_pages_are_reported_unreadable(page_image):
    """A page that OCR cannot read (blank, or specks of noise) is listed, not silently
    empty; the readable page's text is there."""
    data = image_pdf([page_image, blank_page(page_image.size), noise_page(page_image.size)], 150)
    result = run_ocr(data, "扫描件.pdf", jobs=2)
    assert result.unreadable == [2, 3]
    assert len(result.pages) == 3 and "一网通办" in result.pages[0]
    assert "一网通办" in result.document.text


@pytest.mark.slow
@needs_ocrmypdf
def test_a_page_of_noise_alone_is_ocr_unreadable(page_image):
    """When not one page gives text, there is nothing to index: ocr_unreadable."""
    with pytest.raises(ExtractionError) as info:
        run_ocr(image_pdf([blank_page(page_image.size)], 150), "空白.pdf")
    assert info.value.code == "ocr_unreadable"


@pytest.mark.slow
@needs_ocrmypdf
def test_a_pdf_with_text_pages_and_scanned_pages_gets_only_the_scans_ocrd(page_image):
    """A case whose 佐证材料 pages are scans: extract() reads the text page and lists the
    scanned page; OCR leaves the text page as it was and reads the scanned one."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.setFont("STSong-Light", 14)
    c.drawString(72, 760, "案例正文：深化放管服改革")
    c.showPage()
    c.drawImage(ImageReader(page_image), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    data = out.getvalue()
    document = extract(data, "案例.pdf")
    assert document.text == "案例正文：深化放管服改革" and document.scanned_pages == [2]
    assert needs_ocr(data, "案例.pdf")
    result = run_ocr(data, "案例.pdf")
    assert result.pages[0] == "案例正文：深化放管服改革"
    assert "一网通办" in result.pages[1] and result.unreadable == []
    assert "深化放管服改革" in result.document.text and "最多跑一次" in result.document.text


@pytest.mark.slow
@needs_ocrmypdf
@pytest.mark.parametrize(
    ("name", "fmt", "options", "source", "pages"),
    [
        ("手机拍照.jpg", "JPEG", {"quality": 85}, "jpeg", 1),  # no resolution in the file
        ("截图.png", "PNG", {}, "png", 1),  # with an alpha channel: flattened first
        ("多页扫描.tif", "TIFF", {"dpi": (150, 150)}, "tiff", 2),
    ],
)
def test_images_become_searchable_pdfs(page_image, name, fmt, options, source, pages):
    """A photo, a screenshot with transparency and a two-page TIFF are read into a PDF of
    one page per frame with their text."""
    image = page_image.convert("RGBA") if fmt == "PNG" else page_image
    if pages > 1:
        options = dict(options, save_all=True, append_images=[page_image])
    data = image_bytes(image, fmt, **options)
    result = run_ocr(data, name)
    assert result.source == source and result.document.pages == pages
    assert all("一网通办" in text for text in result.pages)
    if fmt == "JPEG":
        assert data in result.pdf  # the photo's bytes, not a re-encoded copy


def _our_processes(marker: str) -> list[str]:
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if marker in cmdline:
            found.append(cmdline)
    return found


@pytest.mark.slow
@needs_ocrmypdf
def test_a_timeout_stops_ocr_and_leaves_no_process_or_file(original, tmp_path, monkeypatch):
    """Over its time budget, OCR is stopped (ocr_timeout), OCRmyPDF and its Tesseract and
    Ghostscript children are gone, and its temporary files with them."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    data = scanned(pdf_bytes(PARAGRAPHS * 12, title=TITLE), 300)
    with pytest.raises(ExtractionError) as info:
        run_ocr(data, "长扫描件.pdf", timeout=1.5)
    assert info.value.code == "ocr_timeout"
    assert _our_processes(str(tmp_path)) == []
    assert list(tmp_path.glob("caselib-ocr-*")) == []
