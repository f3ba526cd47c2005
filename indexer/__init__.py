"""The indexer: text extraction, Chinese analysis and the Whoosh index.

This module is the whole public API (``__all__``); everything else in the package is
private and free to change. The indexer never imports ``library`` or ``web``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Public name -> the private module defining it. Modules are imported when a name is first
# used (PEP 562), so a process that only searches does not import the extractors (pdfminer,
# python-docx) or the anonymity check (its gazetteer patterns): the cold start of a query.
_LAZY = {
    "Analyzed": ".types",
    "CaseIndex": ".index",
    "ExtractionError": ".errors",
    "CERTAINTY_LABELS": ".anonymity",
    "Finding": ".anonymity",
    "IndexBusy": ".errors",
    "IndexCorrupt": ".errors",
    "IndexDoc": ".types",
    "IndexMissing": ".errors",
    "IndexWriter": ".index",
    "IndexerError": ".errors",
    "SCHEMA_VERSION": ".schema",
    "SearchHit": ".types",
    "SearchQuery": ".types",
    "SearchResult": ".types",
    "SimilarHit": ".types",
    "UNKNOWN": ".index",
    "analyze": ".analysis",
    "analyze_doc": ".prepare",
    "anonymize": ".anonymity",
    "anonymize_docx": ".anonymity",
    "find_in_document": ".anonymity",
    "form_header_spans": ".anonymity",
    "compile_needles": ".highlight",
    "domain_terms": ".analysis",
    "find_identifying": ".anonymity",
    "find_in_fields": ".anonymity",
    "format_findings": ".anonymity",
    "in_context": ".anonymity",
    "mark": ".highlight",
    "region_parts": ".index",
    "region_prefix": ".index",
    "resemblance": ".prepare",
    "sketch": ".prepare",
    "sketch_set": ".prepare",
    "snippets": ".highlight",
    "stop_words": ".analysis",
    "worker_pool": ".analysis",
}

# Eager: importing the subpackage ``indexer.extract`` binds that name on this package,
# which would hide the function of the same name.
from .extract import (  # noqa: E402
    MACRO_EXTENSIONS,
    OCR_EXTENSIONS,
    OCR_LANGUAGES,
    SUPPORTED_EXTENSIONS,
    Block,
    ExtractedDocument,
    ExtractLimits,
    ImageInfo,
    OcrResult,
    convert_many_to_pdf,
    convert_to_pdf,
    extract,
    extract_xlsx,
    has_macros,
    inspect_image,
    needs_ocr,
    ocr_available,
    pdf_outline,
    render_html,
    render_pdf_pages,
    run_ocr,
    sniff,
)

if TYPE_CHECKING:  # the names as the type checker sees them
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
    from .errors import ExtractionError, IndexBusy, IndexCorrupt, IndexerError, IndexMissing
    from .extract import (
        SUPPORTED_EXTENSIONS,
        Block,
        ExtractedDocument,
        ExtractLimits,
        extract,
        render_html,
        render_pdf_pages,
        sniff,
    )
    from .highlight import compile_needles, mark, snippets
    from .index import UNKNOWN, CaseIndex, IndexWriter, region_parts, region_prefix
    from .prepare import analyze_doc, resemblance, sketch, sketch_set
    from .schema import SCHEMA_VERSION
    from .types import Analyzed, IndexDoc, SearchHit, SearchQuery, SearchResult, SimilarHit


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "CERTAINTY_LABELS",
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
    "IndexMissing",
    "IndexDoc",
    "IndexWriter",
    "ImageInfo",
    "MACRO_EXTENSIONS",
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
    "convert_many_to_pdf",
    "convert_to_pdf",
    "domain_terms",
    "extract",
    "extract_xlsx",
    "has_macros",
    "find_identifying",
    "find_in_document",
    "find_in_fields",
    "form_header_spans",
    "format_findings",
    "in_context",
    "inspect_image",
    "mark",
    "needs_ocr",
    "ocr_available",
    "pdf_outline",
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
