"""Text extraction: one registry, one module per format.

``extract(data, filename)`` sniffs the bytes, checks them against the file name and the
limits, and hands them to the extractor of their format. Every failure is an
``ExtractionError`` with a stable code and a short Chinese message; no other exception
escapes, whatever the input bytes.
"""

from __future__ import annotations

import importlib
import io
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import ExtractionError
from . import messages, text
from .model import Block, ExtractedDocument, ExtractLimits
from .ocr import LANGUAGES as OCR_LANGUAGES
from .ocr import OcrResult, Progress, ocr_available
from .safezip import declared_entries
from .sniff import (
    EXTENSIONS,
    IMAGE_EXTENSIONS,
    LEGACY_FORMATS,
    MACRO_EXTENSIONS,
    detect,
    extension_of,
    has_macros,
    sniff,
    sniff_image,
)


class _Lazy:
    """A submodule imported when first used: a process that only searches never loads
    python-docx, pdfminer or lxml (the cold start of a query, issue 11). Once imported,
    the package attribute is the module itself."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attr: str):
        return getattr(importlib.import_module(f"{__package__}.{self._name}"), attr)


docx = _Lazy("docx")
legacy = _Lazy("legacy")
pdf = _Lazy("pdf")
xlsx = _Lazy("xlsx")
ocr = _Lazy("ocr")
_html = _Lazy("html")

__all__ = [
    "OCR_EXTENSIONS",
    "OCR_LANGUAGES",
    "SUPPORTED_EXTENSIONS",
    "Block",
    "ExtractLimits",
    "ExtractedDocument",
    "ImageInfo",
    "MACRO_EXTENSIONS",
    "OcrResult",
    "convert_many_to_pdf",
    "convert_to_pdf",
    "extract",
    "extract_xlsx",
    "has_macros",
    "inspect_image",
    "needs_ocr",
    "ocr_available",
    "render_html",
    "render_pdf_pages",
    "run_ocr",
    "sniff",
]

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(EXTENSIONS)
# Images OCR reads (besides scanned PDFs); ``extract`` refuses them with ``no_text_layer``.
OCR_EXTENSIONS: frozenset[str] = IMAGE_EXTENSIONS
_PDF_SOURCES = frozenset({"docx"}) | LEGACY_FORMATS
DEFAULT_LIMITS = ExtractLimits()  # frozen, so one shared default is safe

_Extractor = Callable[[bytes, ExtractLimits], ExtractedDocument]

# The registry: format -> extractor. Legacy formats go through ``legacy`` (Tika/LibreOffice).
EXTRACTORS: dict[str, _Extractor] = {
    "docx": lambda data, limits: docx.extract(data, limits),
    "pdf": lambda data, limits: pdf.extract(data, limits),
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
    Workbooks (.xlsx) are their sheets as tables. Every piece of text is escaped; there
    are no scripts, styles or external resources.
    """
    if extension_of(filename) == ".xlsx":
        return _html.render_blocks_html(extract_xlsx(data, filename, limits=limits).blocks)
    data, fmt = _checked(data, filename, limits)
    try:
        if fmt == "docx":
            return _html.render_docx_html(data, limits)
        if fmt in LEGACY_FORMATS and soffice and not tika_url:
            converted = legacy.convert_to_docx(data, fmt, soffice, limits)
            if converted is not None:
                return _html.render_docx_html(converted, limits)
        document = extract(data, filename, limits=limits, tika_url=tika_url, soffice=soffice)
        return _html.render_blocks_html(document.blocks)
    except ExtractionError:
        raise
    except Exception as e:
        raise messages.corrupt() from e


def extract_xlsx(
    data: bytes, filename: str, *, limits: ExtractLimits = DEFAULT_LIMITS
) -> ExtractedDocument:
    """The sheets of an Excel 2007+ workbook (.xlsx): per visible sheet a heading (its name)
    and a table whose ``rows[i]`` is spreadsheet row ``i + 1`` (empty rows kept, so row
    numbers can be reported). Not part of :func:`extract`, which takes case documents only.

    Errors: ``unsupported_format`` for another extension, ``content_mismatch`` when the bytes
    are something else, ``encrypted``, ``corrupt``, ``too_large``, ``zip_bomb``,
    ``empty_document`` (no cell with a value)."""
    data = _bytes(data)
    if extension_of(filename) != ".xlsx":
        raise messages.unsupported()
    if len(data) > limits.max_bytes:
        raise messages.too_large(limits.max_bytes)
    if not data:
        raise messages.empty_document()
    if data.startswith(b"PK"):
        entries = declared_entries(data)
        if entries is not None and entries > limits.max_zip_members:
            raise messages.zip_bomb()
    try:
        actual = detect(data)
    except Exception as e:
        raise messages.corrupt() from e
    if actual == "encrypted_office":
        raise messages.encrypted()
    if actual == "zip_damaged":
        raise messages.corrupt()
    if actual != "xlsx":
        if actual in ("text", "binary", "ole2_damaged", "zip"):
            raise messages.not_expected(".xlsx", "xlsx")
        raise messages.mismatch(".xlsx", actual)
    try:
        return xlsx.extract(data, limits)
    except ExtractionError:
        raise
    except RecursionError as e:
        raise messages.corrupt() from e
    except Exception as e:
        raise messages.corrupt() from e


@dataclass(frozen=True)
class ImageInfo:
    """What :func:`inspect_image` found: ``kind`` is ``jpeg``, ``png`` or ``tiff``."""

    kind: str
    media_type: str
    width: int
    height: int


def inspect_image(
    data: bytes, filename: str, *, limits: ExtractLimits = DEFAULT_LIMITS
) -> ImageInfo:
    """Check an image named .jpg/.jpeg/.png/.tif/.tiff before it is kept or shown: the bytes
    must be a JPEG, PNG or TIFF (whichever of them the extension says), readable, within the
    size and pixel limits (a decompression bomb is ``too_large``). Errors:
    ``unsupported_format``, ``content_mismatch``, ``empty_document``, ``too_large``,
    ``corrupt``."""
    import warnings

    from PIL import Image

    data = _bytes(data)
    if len(data) > limits.max_bytes:
        raise messages.too_large(limits.max_bytes)
    kind, media_type = sniff_image(data, filename)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > limits.max_image_pixels:
                    raise messages.image_too_large(limits.max_image_pixels)
                image.verify()
    except ExtractionError:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as e:
        raise messages.image_too_large(limits.max_image_pixels) from e
    except Exception as e:  # Pillow raises many kinds on damaged or hostile images
        raise messages.corrupt() from e
    return ImageInfo(kind=kind, media_type=media_type, width=width, height=height)


def render_pdf_pages(data: bytes, *, limits: ExtractLimits = DEFAULT_LIMITS) -> str:
    """A safe HTML fragment of a PDF's text page by page (``section.page[data-page]``), for
    reading online where the browser has no PDF viewer. Tables (ruled, or cells aligned in
    three or more columns) are ``<table class="doc-table">`` with their merged cells."""
    data, fmt = _checked(data, "document.pdf", limits)
    if fmt != "pdf":
        raise messages.not_expected(".pdf", "pdf")
    try:
        return _html.render_pages_html(pdf.page_blocks(data, limits))
    except ExtractionError:
        raise
    except Exception as e:
        raise messages.corrupt() from e


def pdf_outline(
    data: bytes, *, limits: ExtractLimits = DEFAULT_LIMITS
) -> list[tuple[int, str, int | None]]:
    """The bookmarks of a PDF in order, ``(level, title, page)`` with 1-based pages (None
    where a bookmark's target cannot be resolved); ``[]`` without bookmarks. LibreOffice
    writes one per heading, so this says on which page each heading was laid out."""
    data, fmt = _checked(data, "document.pdf", limits)
    if fmt != "pdf":
        raise messages.not_expected(".pdf", "pdf")
    try:
        return pdf.outline(data, limits)
    except ExtractionError:
        raise
    except Exception as e:
        raise messages.corrupt() from e


def needs_ocr(data: bytes, filename: str, *, limits: ExtractLimits = DEFAULT_LIMITS) -> bool:
    """Whether OCR (``run_ocr``) would read text from the file: an image (.jpg/.jpeg/.png/
    .tif/.tiff, by content) or a PDF with at least one page that draws graphics but shows no
    text. ``extract`` raises ``no_text_layer`` for images and for PDFs with no text at all;
    ``ExtractedDocument.scanned_pages`` lists the scanned pages of a PDF that has some text."""
    data = _bytes(data)
    if len(data) > limits.max_bytes:
        raise messages.too_large(limits.max_bytes)
    try:
        return ocr.needs_ocr(data, filename, limits)
    except ExtractionError:
        raise
    except Exception as e:
        raise messages.corrupt() from e


def run_ocr(
    data: bytes,
    filename: str,
    *,
    ocrmypdf: str | None = "ocrmypdf",
    languages: str = OCR_LANGUAGES,
    jobs: int = 1,
    timeout: float | None = None,
    progress: Progress | None = None,
    limits: ExtractLimits = DEFAULT_LIMITS,
) -> OcrResult:
    """OCR a scanned PDF or an image (.jpg/.jpeg/.png/.tif/.tiff) with OCRmyPDF and Tesseract.

    Returns the OCR'd PDF (same pages, an invisible text layer added), each page's text, the
    pages left unreadable and the document to index. ``progress(done, total)`` is called as
    pages finish. ``timeout`` (seconds, default ``limits.ocr_timeout``) covers the whole
    file; on expiry every child process is killed. Errors: ``ocr_unavailable`` (no
    OCRmyPDF/Tesseract/language data), ``ocr_timeout``, ``ocr_failed``, ``ocr_unreadable``
    (no page gave text), and the usual ``too_large``, ``encrypted``, ``corrupt``,
    ``content_mismatch``, ``unsupported_format``.
    """
    data = _bytes(data)
    if len(data) > limits.max_bytes:
        raise messages.too_large(limits.max_bytes)
    try:
        return ocr.run_ocr(
            data,
            filename,
            ocrmypdf=ocrmypdf,
            languages=languages,
            jobs=jobs,
            timeout=timeout,
            progress=progress,
            limits=limits,
        )
    except ExtractionError:
        raise
    except ValueError:
        raise
    except Exception as e:
        raise messages.corrupt() from e


def convert_to_pdf(
    data: bytes,
    filename: str,
    *,
    soffice: str | None = "soffice",
    timeout: float | None = None,
    limits: ExtractLimits = DEFAULT_LIMITS,
) -> bytes:
    """A Word file (.docx/.doc/.wps/.rtf/.odt) laid out as PDF by LibreOffice, for a preview
    that looks like the document.

    LibreOffice runs headless in a private profile under ``timeout`` seconds (default
    ``limits.convert_timeout``); its process group is killed on expiry. Errors:
    ``converter_unavailable`` (no LibreOffice, or the timeout), ``unsupported_format`` for
    other formats, and the usual ``encrypted``, ``corrupt``, ``too_large``,
    ``content_mismatch``.
    """
    (result,) = convert_many_to_pdf(
        [(data, filename)], soffice=soffice, timeout=timeout, limits=limits
    )
    if isinstance(result, ExtractionError):
        raise result
    return result


def convert_many_to_pdf(
    files: list[tuple[bytes, str]],
    *,
    soffice: str | None = "soffice",
    timeout: float | None = None,
    limits: ExtractLimits = DEFAULT_LIMITS,
) -> list[bytes | ExtractionError]:
    """:func:`convert_to_pdf` of several files (bytes, file name) by one LibreOffice run:
    its start-up, most of the time a short file takes, is paid once. Per file, in order,
    its PDF or its own error (``unsupported_format``, ``encrypted``, ``corrupt``,
    ``too_large``, ``content_mismatch``); the others are converted all the same. The run
    has ``timeout`` (default ``limits.convert_timeout``) per file; an error of the run as a
    whole (no LibreOffice, the timeout) is raised, as :func:`convert_to_pdf` raises it."""
    results: list[bytes | ExtractionError | None] = [None] * len(files)
    checked: list[tuple[int, bytes, str]] = []
    for i, (data, filename) in enumerate(files):
        try:
            data, fmt = _checked(data, filename, limits)
            if fmt not in _PDF_SOURCES:
                raise messages.not_for_pdf_conversion()
        except ExtractionError as e:
            results[i] = e
            continue
        checked.append((i, data, fmt))
    if checked:
        budget = (limits.convert_timeout if timeout is None else timeout) * len(checked)
        try:
            converted = legacy.convert_many_to_pdf(
                [(data, fmt) for _i, data, fmt in checked], soffice, budget, limits
            )
        except ExtractionError as e:
            if e.code != "converter_unavailable":
                raise
            if isinstance(e.__cause__, subprocess.TimeoutExpired):
                raise messages.preview_converter_unavailable(
                    "Word 文档转换为 PDF 超时，请下载原文阅读"
                ) from e
            raise messages.preview_converter_unavailable() from e
        except Exception as e:
            raise messages.corrupt() from e
        if converted is None:
            raise messages.preview_converter_unavailable()
        for (i, _data, _fmt), result in zip(checked, converted, strict=True):
            if isinstance(result, bytes) and not result.startswith(b"%PDF-"):
                result = messages.corrupt()
            results[i] = result
    return results  # type: ignore[return-value]


def _bytes(data: bytes) -> bytes:
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(f"data must be bytes, not {type(data).__name__}")
    return data


def _checked(data: bytes, filename: str, limits: ExtractLimits) -> tuple[bytes, str]:
    """The bytes (as ``bytes``) and their format, after the size and content checks. An
    image (a scan) is ``no_text_layer``: only OCR reads it."""
    data = _bytes(data)
    if len(data) > limits.max_bytes:
        raise messages.too_large(limits.max_bytes)
    if extension_of(filename) in IMAGE_EXTENSIONS:
        sniff_image(data, filename)
        raise messages.image_needs_ocr()
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
