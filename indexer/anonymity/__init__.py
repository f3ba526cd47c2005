"""The anonymity check: place and person names in a case before it is submitted.

The 申报表 says "案例中不能出现地名、人名等相关信息". :func:`find_identifying` finds
provinces, cities, counties, townships (full and short forms, former names),
development zones, place-bearing organisation names and person names, each with a
neutral replacement; :func:`anonymize` applies them.

Places come from a gazetteer generated from the national division codes
(``scripts/build_gazetteer.py``), checked against jieba's word boundaries; persons from
cues (titles, roles, phone numbers) checked with jieba's part-of-speech tags on short
windows. Nothing is loaded at import time.
"""

from __future__ import annotations

from .detect import anonymize, find_identifying
from .model import KIND_LABELS, KINDS, Finding
from .report import find_in_fields, format_findings, in_context

__all__ = [
    "Finding",
    "KINDS",
    "KIND_LABELS",
    "anonymize",
    "find_identifying",
    "find_in_fields",
    "format_findings",
    "in_context",
]
