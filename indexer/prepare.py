"""Turn an :class:`IndexDoc` into an :class:`Analyzed` record: all the CPU-heavy work of
indexing (segmentation, posting encoding, term counts, the shingle sketch), done where it
is cheapest: in worker processes during bulk ingest, so the index writer only writes."""

from __future__ import annotations

import re
import zlib
from array import array
from collections import defaultdict
from pickle import dumps

from whoosh import formats
from whoosh.system import pack_uint

from .analysis import PreTokenized, analyze, char_grams, normalize, subwords
from .schema import Preindexed, build_schema
from .types import Analyzed, IndexDoc

# Near-duplicate sketch: hashed 5-character shingles of the text with punctuation and
# spaces removed, keeping those whose hash is 0 mod SKETCH_MOD (a consistent sample).
SHINGLE = 5
SKETCH_MOD = 8
_NON_WORD = re.compile(r"[\W_]+")
_schema = None
_SINGLE_POSITION: dict[int, bytes] = {}


_anchor = None


def _anchor_pattern() -> re.Pattern[str]:
    """Shingles are sampled by their first character: those whose code point hashes to 0
    mod SKETCH_MOD. Content-based, so the same text always yields the same sample, and the
    regex engine finds the anchors without a Python loop over every character."""
    global _anchor
    if _anchor is None:
        chars = [
            chr(c)
            for c in range(0x30, 0x9FFF)
            if (c * 2654435761) % 2**32 % SKETCH_MOD == 0 and chr(c).isalnum()
        ]
        cls = "".join(re.escape(c) for c in chars)
        _anchor = re.compile(f"(?=([{cls}].{{{SHINGLE - 1}}}))", re.S)
    return _anchor


def sketch(text: str, *, normalized: bool = False) -> bytes:
    s = _NON_WORD.sub("", text if normalized else normalize(text))
    crc = zlib.crc32
    keep = {crc(m.group(1).encode("utf-8")) for m in _anchor_pattern().finditer(s)}
    return array("I", sorted(keep)).tobytes()


def sketch_set(blob: bytes | None) -> set[int]:
    if not blob:
        return set()
    a = array("I")
    a.frombytes(blob)
    return set(a)


# Versions of one text ("另有 N 个相似版本" in search results): documents whose names are the
# same once notes in brackets, years and punctuation are left out (条例（2019年修订）, an
# edited copy of a case) and whose texts resemble at VERSION_SAME_NAME or more, or whose texts
# resemble at VERSION_OTHER_NAME or more whatever their names. Candidates are found by keys
# computed at index time (the ``family`` field): the name's hash, and bands of a one-pass
# minhash of the sketch (FAMILY_BANDS bands of FAMILY_ROWS bucket minima: two texts
# resembling at 0.85 share a band with probability 0.98, at 0.3 with 0.1); the resemblance
# of the candidates is then checked on their sketches.
VERSION_SAME_NAME = 0.5
VERSION_OTHER_NAME = 0.85
FAMILY_BANDS = 4
FAMILY_ROWS = 3
_FAMILY_MIN_SKETCH = 24  # shorter texts (a few hundred characters) band by name only
_NAME_NOTES = re.compile(
    r"[（(〔\[【][^）)〕\]】]*[）)〕\]】]|(?:19|20)\d\d\s*年?(?:修订|修正|修改|版)?|[\W_]+"
)


def version_name(name: str) -> str:
    """A name as versions of one text share it: without notes in brackets, years and
    punctuation (``xx条例（2019年修订）`` and ``xx条例`` are one name)."""
    return _NAME_NOTES.sub("", normalize(name or ""))


def family_keys(name: str, sketch_blob: bytes | None) -> list[str]:
    """The keys under which a document's versions are looked for (see above)."""
    keys = []
    vn = version_name(name)
    if vn:
        keys.append("n" + format(zlib.crc32(vn.encode("utf-8")), "08x"))
    a = array("I")
    if sketch_blob:
        a.frombytes(sketch_blob)
    if len(a) >= _FAMILY_MIN_SKETCH:
        n = FAMILY_BANDS * FAMILY_ROWS
        mins = [0xFFFFFFFF + 1] * n
        for x in a:
            j = x % n
            if x < mins[j]:
                mins[j] = x
        for b in range(FAMILY_BANDS):
            row = mins[b * FAMILY_ROWS : (b + 1) * FAMILY_ROWS]
            if all(v <= 0xFFFFFFFF for v in row):
                keys.append(f"b{b}" + format(zlib.crc32(array("I", row).tobytes()), "08x"))
    return keys


def resemblance(a: set[int], b: set[int]) -> float:
    """Jaccard resemblance of two sketches (1.0: same text)."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _postings(field: str, tokens: list[str]) -> Preindexed:
    """What the field's own ``index()`` returns for these tokens (term bytes, frequency,
    weight, encoded value), computed directly: the same bytes as Whoosh's Positions and
    Frequency formats (tests compare them), without a Token object per token."""
    global _schema
    if _schema is None:
        _schema = build_schema()
    fmt = _schema[field].format
    boost = fmt.field_boost
    poses: dict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(tokens):
        poses[w].append(i)
    out = Preindexed()
    if isinstance(fmt, formats.Positions):
        single = _SINGLE_POSITION
        for w, pl in poses.items():
            n = len(pl)
            if n == 1:
                # Most words occur once: their encoded value depends on the position only.
                p = pl[0]
                value = single.get(p)
                if value is None:
                    value = single[p] = pack_uint(1) + dumps([p], 2)
            else:
                deltas = [pl[0]]
                deltas += [b - a for a, b in zip(pl, pl[1:], strict=False)]
                value = pack_uint(n) + dumps(deltas, 2)
            out.append((w.encode("utf-8"), n, float(n) * boost, value))
    elif isinstance(fmt, formats.Frequency):
        for w, pl in poses.items():
            n = len(pl)
            out.append((w.encode("utf-8"), n, float(n) * boost, pack_uint(n)))
    else:  # pragma: no cover - every text field of the schema is one of the two
        out.extend(_schema[field].index(PreTokenized(tokens)))
    return out


def parse_terms(blob: str | dict | None) -> dict[str, int]:
    """The term counts stored by :func:`analyze_doc` ("term count" pairs, space-separated:
    terms never hold spaces)."""
    if not blob:
        return {}
    if isinstance(blob, dict):
        return blob
    it = iter(blob.split())
    return dict(zip(it, map(int, it), strict=True))


def analyze_doc(doc: IndexDoc) -> Analyzed:
    text = normalize(doc.text)  # once, for the tokens and the sketch
    name = analyze(doc.name)
    postings = {
        "name": _postings("name", name),
        "summary": _postings("summary", analyze(doc.summary) if doc.summary else []),
        "content": _postings("content", analyze(text, normalized=True)),
        "name_sub": _postings("name_sub", subwords(name)),
        "name_chars": _postings("name_chars", char_grams(doc.name)),
    }
    # Term counts for similar-case vectors: the frequencies the postings already hold,
    # as compact text (a dict would cost every search hit an unpickling).
    terms = " ".join(f"{t.decode('utf-8')} {freq}" for t, freq, _w, _v in postings["content"])
    # One string, not a tuple of thousands: the writer holds those of a whole segment.
    grams = "\n".join(
        set(char_grams(normalize(f"{doc.name}\n{doc.summary or ''}\n") + text, normalized=True))
    )
    return Analyzed(
        doc=doc, postings=postings, terms=terms, sketch=sketch(text, normalized=True), grams=grams
    )
