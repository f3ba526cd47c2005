"""Turn an :class:`IndexDoc` into an :class:`Analyzed` record: all the CPU-heavy work of
indexing (segmentation, sub-words, term counts, the shingle sketch), done where it is
cheapest: in worker processes during bulk ingest, so the index writer only writes."""

from __future__ import annotations

import re
import zlib
from array import array
from collections import Counter

from .analysis import analyze, normalize, subwords
from .types import Analyzed, IndexDoc

# Near-duplicate sketch: hashed 5-character shingles of the text with punctuation and
# spaces removed, keeping those whose hash is 0 mod SKETCH_MOD (a consistent sample).
SHINGLE = 5
SKETCH_MOD = 8
_NON_WORD = re.compile(r"[\W_]+")


def sketch(text: str) -> bytes:
    s = _NON_WORD.sub("", normalize(text))
    crc = zlib.crc32
    keep = set()
    for i in range(len(s) - SHINGLE + 1):
        h = crc(s[i : i + SHINGLE].encode("utf-8"))
        if h % SKETCH_MOD == 0:
            keep.add(h)
    return array("I", sorted(keep)).tobytes()


def sketch_set(blob: bytes | None) -> set[int]:
    if not blob:
        return set()
    a = array("I")
    a.frombytes(blob)
    return set(a)


def resemblance(a: set[int], b: set[int]) -> float:
    """Jaccard resemblance of two sketches (1.0: same text)."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def analyze_doc(doc: IndexDoc) -> Analyzed:
    content = analyze(doc.text)
    name = analyze(doc.name)
    summary = analyze(doc.summary) if doc.summary else []
    return Analyzed(
        doc=doc,
        name_tokens=name,
        summary_tokens=summary,
        content_tokens=content,
        sub_tokens=subwords(content) + subwords(summary),
        name_sub_tokens=subwords(name),
        terms=dict(Counter(content)),
        sketch=sketch(doc.text),
    )
