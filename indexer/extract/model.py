"""The small value types the extraction package takes and returns."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    """One block of a document, in document order.

    ``text`` is the block's plain text; for tables, rows are joined by ``"\\n"`` and cells by
    ``"\\t"`` (newlines and tabs inside a cell become spaces). ``rows`` keeps the cells as they
    are (a cell of several paragraphs keeps its ``"\\n"``).
    """

    kind: str  # "heading" | "paragraph" | "table"
    text: str
    level: int = 0  # 1..9 for headings
    rows: list[list[str]] | None = None  # tables only
    page: int | None = None  # 1-based page a PDF paragraph starts on (None elsewhere)


@dataclass
class PageTable:
    """A table found on a PDF page: rows of cells ``(text, rowspan, colspan)``, left to right;
    a grid cell covered by a merged cell above or to its left is not listed again."""

    rows: list[list[tuple[str, int, int]]]


@dataclass
class ExtractedDocument:
    """The text of one file, plus what we learned about the file on the way."""

    text: str
    media_type: str
    format: str  # "docx" | "pdf" | "doc" | "wps" | "rtf" | "odt" | "txt" | "md"
    title: str | None
    blocks: list[Block]
    pages: int | None = None
    converter: str | None = None  # "tika" | "libreoffice" for legacy formats
    # PDF pages (1-based) that show graphics but no glyph at all: scanned pages, which only
    # OCR (``run_ocr``) can read. Empty for other formats.
    scanned_pages: list[int] = field(default_factory=list)
    # Document properties where the format has them (.docx: core and custom properties),
    # e.g. {"title": ..., "custom:caselib_form": ...}. Never needed for the text itself.
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ExtractLimits:
    """Resource limits applied to every input. Exceeding one is an ``ExtractionError``."""

    max_bytes: int = 50 * 1024 * 1024
    max_uncompressed_bytes: int = 200 * 1024 * 1024
    max_compression_ratio: float = 100.0  # per zip member, zip-bomb guard
    max_pages: int = 2000
    max_zip_members: int = 5000
    convert_timeout: float = 120.0  # seconds for one LibreOffice conversion or Tika request
    max_image_pixels: int = 80_000_000  # per image (an A3 page scanned at 600 dpi is 70 M)
    ocr_timeout: float = 3600.0  # seconds for one OCRmyPDF run over a whole file
    ocr_page_timeout: float = 300.0  # seconds Tesseract may spend on one page
