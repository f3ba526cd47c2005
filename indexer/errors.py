"""The indexer's own error types. The library maps them to its user-facing errors."""

from __future__ import annotations


class IndexerError(Exception):
    """Base class. ``code`` is stable (scripts rely on it); ``message`` is short Chinese text."""

    code = "indexer_error"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class ExtractionError(IndexerError):
    """A file cannot be turned into text. Codes:

    ``unsupported_format``  not .docx/.pdf/.txt/.md, and no converter for a legacy format
    ``converter_unavailable`` legacy format, but neither Tika nor LibreOffice is reachable;
                            or no LibreOffice (or a timeout) for a Word-to-PDF preview
    ``content_mismatch``    the bytes are not what the extension says
    ``encrypted``           password-protected PDF or Office file
    ``corrupt``             damaged or truncated file
    ``too_large``           over the size limit
    ``zip_bomb``            a .docx whose parts expand beyond the limit or compress suspiciously well
    ``no_text_layer``       a PDF of scanned images with no text to extract, or an image
                            (.jpg/.png/.tif): OCR (``run_ocr``) can read it
    ``ocr_unavailable``     OCR asked for, but OCRmyPDF, Tesseract or its chi_sim data is missing
    ``ocr_failed``          OCRmyPDF could not process the file
    ``ocr_timeout``         OCR ran over its time budget (and was stopped)
    ``ocr_unreadable``      OCR ran, but not one page gave readable text
    ``empty_document``      a readable file with no text at all
    ``bad_encoding``        a text file that is not UTF-8/GB18030
    """

    code = "extraction_failed"


class IndexCorrupt(IndexerError):
    code = "index_corrupt"


class IndexBusy(IndexerError):
    code = "index_busy"


class IndexMissing(IndexCorrupt):
    """No index at all (its directory deleted): rebuilt from the database like a damaged one."""

    code = "index_missing"
