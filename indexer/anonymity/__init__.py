"""The anonymity check: place and person names in a case before it is submitted.

The 申报表 says "案例中不能出现地名、人名等相关信息". :func:`find_identifying` finds
provinces, cities, counties, townships (full and short forms, former names),
development zones, place-bearing organisation names and person names, each with a
neutral replacement; :func:`anonymize` applies them.

Places come from a gazetteer generated from the national division codes
(``scripts/build_gazetteer.py``), checked against jieba's word boundaries; persons from
cues (titles, roles, phone numbers) checked with jieba's part-of-speech tags on short
windows, and without cues from the word, jieba's tagger and the context together
(``names``). Findings are certain (确定, blocking until replaced) or possible (疑似, the
user keeps or replaces each). :func:`find_in_document` checks a whole document's body
(the 申报表's header block skipped, PDF findings with their page);
:func:`anonymize_docx` writes the replacements into the Word file itself. Nothing is
loaded at import time.
"""

from __future__ import annotations

from .detect import anonymize, find_identifying
from .document import find_in_document, form_header_spans
from .docx import anonymize_docx
from .model import CERTAINTIES, CERTAINTY_LABELS, KIND_LABELS, KINDS, Finding
from .report import find_in_fields, format_findings, in_context

__all__ = [
    "CERTAINTIES",
    "CERTAINTY_LABELS",
    "Finding",
    "KINDS",
    "KIND_LABELS",
    "anonymize",
    "anonymize_docx",
    "find_identifying",
    "find_in_document",
    "find_in_fields",
    "form_header_spans",
    "format_findings",
    "in_context",
]
