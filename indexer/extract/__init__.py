"""Text extraction: one registry, one module per format.

``extract(data, filename)`` sniffs the bytes, checks them against the file name and the
limits, and hands them to the extractor of their format. Every failure is an
``ExtractionError`` with a stable code and a short Chinese message; no other exception
escapes, whatever the input bytes.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import ExtractionError
from . import docx, legacy, messages, pdf, text
from .html import render_blocks_html, render_docx_html, render_pages_html
from .model import Block, ExtractedDocument, ExtractLimits
from .safezip import declared_entries
from .sniff import EXTENSIONS, LEGACY_FORMATS, sniff

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "Block",
    "ExtractLimits",
    "ExtractedDocument",
    "extract",
    "render_html",
    "render_pdf_pages",
    "sniff",
]

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(EXTENSIONS)
DEFAULT_LIMITS = ExtractLimits()  # frozen, so one shared default is safe

_Extractor = Callable[[bytes, ExtractLimits], ExtractedDocument]

# The registry: format -> extractor. Legacy formats go through ``legacy`` (Tika/LibreOffice).
EXTRACTORS: dict[str, _Extractor] = {
    "docx": docx.extract,
    "pdf": pdf.extract,
    "txt": text.extract_txt,
    "md": text.extract_md,
}


def extract(
    data: bytes,
    filename: str,
    *,
    limits: ExtractLimits = DEFAULT_LIMITS,
    tika_url: str | None = None,
    soffice: str | None = "soffice",
) -> ExtractedDocument:
    """The text and structure of one uploaded file.

    ``filename`` only supplies the extension, which the content must match. Legacy formats
    (.doc/.wps/.rtf/.odt) go to Tika when ``tika_url`` is set, else to LibreOffice
    (``soffice``, ``None`` to disable).
    """
    data, fmt = _checked(data, filename, limits)
    try:
        if fmt in LEGACY_FORMATS:
            return legacy.extract(data, fmt, limits, tika_url=tika_url, soffice=soffice)
        return EXTRACTORS[fmt](data, limits)
    except ExtractionError:
        raise
    except RecursionError as e:
        raise messages.corrupt() from e
    except Exception as e:  # the last line of defence: any parser bug on hostile bytes
        raise messages.corrupt() from e


def render_html(
    data: bytes,
    filename: str,
    *,
    limits: ExtractLimits = DEFAULT_LIMITS,
    tika_url: str | None = None,
    soffice: str | None = "soffice",
) -> str:
    """A safe HTML fragment of the document for reading online.

    Word documents keep headings, bold/italic, lists and tables (legacy Word formats are
    converted with LibreOffice first); other formats are rendered from their text blocks.
    Every piece of text is escaped; there are no scripts, styles or external resources.
    """
    data, fmt = _checked(data, filename, limits)
    try:
        if fmt == "docx":
            return render_docx_html(data, limits)
        if fmt in LEGACY_FORMATS and soffice and not tika_url:
            converted = legacy.convert_to_docx(data, fmt, soffice, limits)
            if converted is not None:
                return render_docx_html(converted, limits)
        document = extract(data, filename, limits=limits, tika_url=tika_url, soffice=soffice)
        return render_blocks_html(document.blocks)
    except ExtractionError:
        raise
    except Exception as e:
        raise messages.corrupt() from e


def render_pdf_pages(data: bytes, *, limits: ExtractLimits = DEFAULT_LIMITS) -> str:
    """A safe HTML fragment of a PDF's text page by page (``section.page[data-page]``), for
    reading online where the browser has no PDF viewer. Tables (ruled, or cells aligned in
    three or more columns) are ``<table class="doc-table">`` with their merged cells."""
    data, fmt = _checked(data, "document.pdf", limits)
    if fmt != "pdf":
        raise messages.not_expected(".pdf", "pdf")
    try:
        return render_pages_html(pdf.page_blocks(data, limits))
    except ExtractionError:
        raise
    except Exception as e:
        raise messages.corrupt() from e


def _checked(data: bytes, filename: str, limits: ExtractLimits) -> tuple[bytes, str]:
    """The bytes (as ``bytes``) and their format, after the size and content checks."""
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(f"data must be bytes, not {type(data).__name__}")
    if len(data) > limits.max_bytes:
        raise messages.too_large(limits.max_bytes)
    if data.startswith(b"PK"):
        entries = declared_entries(data)
        if entries is not None and entries > limits.max_zip_members:
            raise messages.zip_bomb()  # decided from the directory's end record alone
    try:
        fmt, _media_type = sniff(data, filename)
    except ExtractionError:
        raise
    except Exception as e:
        raise messages.corrupt() from e
    return data, fmt
