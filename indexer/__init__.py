"""The indexer: text extraction, Chinese analysis and the Whoosh index.

This module is the whole public API (``__all__``); everything else in the package is
private and free to change. The indexer never imports ``library`` or ``web``.
"""

from __future__ import annotations

from .analysis import analyze, domain_terms, stop_words, worker_pool
from .anonymity import (
    CERTAINTY_LABELS,
    Finding,
    anonymize,
    anonymize_docx,
    find_identifying,
    find_in_document,
    find_in_fields,
    form_header_spans,
    format_findings,
    in_context,
)
from .errors import ExtractionError, IndexBusy, IndexCorrupt, IndexerError
from .extract import (
    MACRO_EXTENSIONS,
    OCR_EXTENSIONS,
    OCR_LANGUAGES,
    SUPPORTED_EXTENSIONS,
    Block,
    ExtractedDocument,
    ExtractLimits,
    OcrResult,
    convert_to_pdf,
    extract,
    has_macros,
    needs_ocr,
    ocr_available,
    render_html,
    render_pdf_pages,
    run_ocr,
    sniff,
)
from .highlight import compile_needles, mark, snippets
from .index import UNKNOWN, CaseIndex, IndexWriter, region_parts, region_prefix
from .prepare import analyze_doc, resemblance, sketch, sketch_set
from .schema import SCHEMA_VERSION
from .types import Analyzed, IndexDoc, SearchHit, SearchQuery, SearchResult, SimilarHit

__all__ = [
    "CERTAINTY_LABELS",
    "MACRO_EXTENSIONS",
    "OCR_EXTENSIONS",
    "OCR_LANGUAGES",
    "SCHEMA_VERSION",
    "SUPPORTED_EXTENSIONS",
    "UNKNOWN",
    "Analyzed",
    "Block",
    "CaseIndex",
    "ExtractLimits",
    "ExtractedDocument",
    "ExtractionError",
    "Finding",
    "IndexBusy",
    "IndexCorrupt",
    "IndexDoc",
    "IndexWriter",
    "IndexerError",
    "OcrResult",
    "SearchHit",
    "SearchQuery",
    "SearchResult",
    "SimilarHit",
    "analyze",
    "analyze_doc",
    "anonymize",
    "anonymize_docx",
    "compile_needles",
    "convert_to_pdf",
    "domain_terms",
    "extract",
    "find_identifying",
    "find_in_document",
    "find_in_fields",
    "form_header_spans",
    "format_findings",
    "has_macros",
    "in_context",
    "mark",
    "needs_ocr",
    "ocr_available",
    "region_parts",
    "region_prefix",
    "render_html",
    "render_pdf_pages",
    "resemblance",
    "run_ocr",
    "sketch",
    "sketch_set",
    "sniff",
    "snippets",
    "stop_words",
    "worker_pool",
]
