"""The case index: open or create, write (commit or cancel, never both), search with facets
and highlights, find similar cases.

The index is derived data. Its directory holds a meta file with the schema version and the
dictionaries' fingerprint; :meth:`CaseIndex.check` reports ``missing``, ``stale`` or
``corrupt`` and the library rebuilds it from the database. Writers from any number of
processes are serialized by an exclusive ``flock`` on a lock file beside the directory; a
rebuild is written to a new directory and swapped in, so readers never see half an index.
"""

from __future__ import annotations

import bisect
import contextlib
import ctypes
import ctypes.util
import fcntl
import functools
import heapq
import itertools
import json
import logging
import math
import mmap
import os
import pickle
import shutil
import struct
import threading
import time
import uuid
import zlib
from array import array
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from whoosh import columns as whoosh_columns
from whoosh import index as whoosh_index
from whoosh import query as Q
from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN,
    W3Codec,
    W3FieldWriter,
    W3PerDocReader,
    W3PerDocWriter,
    W3TermInfo,
    _lenfield,
)
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.index import TOC, clean_files
from whoosh.util.numeric import byte_to_length
from whoosh.util.times import datetime_to_long
from whoosh.writing import PostingPool, SegmentWriter

from . import highlight, memory, postings
from .analysis import (
    DICT_FILE,
    analyze,
    attach_dictionary,
    char_grams,
    flat_text,
    normalize,
    write_dictionary,
)
from .errors import IndexBusy, IndexCorrupt, IndexerError, IndexMissing
from .memory import advise
from .prepare import (
    VERSION_OTHER_NAME,
    VERSION_SAME_NAME,
    family_keys,
    parse_terms,
    resemblance,
    sketch,
    sketch_set,
    version_name,
)
from .query import parse
from .schema import SCHEMA_VERSION, analysis_fingerprint, build_schema
from .types import Analyzed, SearchHit, SearchQuery, SearchResult, SimilarHit

log = logging.getLogger(__name__)

META_FILE = "caselib-index.json"
UNKNOWN = "unknown"
NEAR_DUPLICATE = 0.6  # sketch resemblance at or above which two texts are near-duplicates
MLT_TERMS = 25
# Similarity at or above which a case of the same name is a near-duplicate.
SAME_NAME_SIMILARITY = 0.7
# Candidates scored beyond the number of similar cases asked for.
SIMILAR_EXTRA_CANDIDATES = 6
# How far the share of a candidate's name found in the draft raises the cosine of the
# texts towards 1 (bench/quality.py, halves: MRR 0.906 without it, 0.93-0.94 with 0.2-0.5).
NAME_IN_DRAFT_WEIGHT = 0.3
# Fresh readers tried before a failing read is taken for damage (or a passing fault).
READ_ATTEMPTS = 3
T = TypeVar("T")


def region_parts(code: str | None) -> tuple[str | None, str | None, str | None]:
    """(province, city, county) prefixes of a 6-digit division code."""
    if not code or len(code) != 6 or not code.isdigit():
        return None, None, None
    prov, city = code[:2], code[:4]
    county = code if code[4:] != "00" else None
    city_part = city if code[2:4] != "00" else None
    return prov, city_part, county


def region_prefix(code: str) -> str:
    """A division code with trailing ``00`` pairs removed: 330000 → 33, 331000 → 3310."""
    code = code.strip()
    while len(code) > 2 and code.endswith("00"):
        code = code[:-2]
    return code


# A segment's column values by (segment, column, form), kept across index generations like
# its other files: a segment's columns never change (a deleted document keeps its values), so
# a reader reopened after a commit reads only the new segment's.
_SEGMENT_COLUMNS: OrderedDict[str, dict[tuple, list]] = OrderedDict()


def _segment_column(sub, name: str, decode: bool, translate: bool) -> list:
    seg = sub.segment()
    key = (name, decode, translate)
    cols = None
    if seg is not None:
        with _segments_lock:
            cols = _SEGMENT_COLUMNS.get(seg.segment_id())
            if cols is not None:
                _SEGMENT_COLUMNS.move_to_end(seg.segment_id())
                hit = cols.get(key)
                if hit is not None:
                    return hit
    if sub.has_column(name):
        vals = list(sub.column_reader(name, translate=translate))
    else:
        vals = [None] * sub.doc_count_all()
    if decode:
        vals = [(v.decode("utf-8") if isinstance(v, bytes) else v) or None for v in vals]
    if seg is not None:
        with _segments_lock:
            cols = _SEGMENT_COLUMNS.setdefault(seg.segment_id(), {})
            cols[key] = vals
            while len(_SEGMENT_COLUMNS) > _SEGMENTS_KEPT:
                _SEGMENT_COLUMNS.popitem(last=False)
    return vals


class _Columns:
    """Facet and sort values of every document of one searcher, by docnum."""

    def __init__(self, searcher):
        reader = searcher.reader()
        n = reader.doc_count_all()

        def col(name, decode=True, translate=True):
            if not reader.has_column(name):
                return [None] * n
            # Segment by segment: whoosh's multi-segment column reader leaves out segments
            # without the column (no rated case yet), which shortens and shifts the values.
            # Each segment's values are read once per process (see _segment_column).
            vals: list = []
            for sub, _offset in reader.leaf_readers():
                vals.extend(_segment_column(sub, name, decode, translate))
            return vals

        self.theme = col("theme")
        self.case_type = col("case_type")
        self.region = col("region")
        self.year = col("year")
        self.unit = col("unit")
        self.tags = [tuple(t for t in v.split(",") if t) if v else () for v in col("tags")]
        # Raw sortable integers; -1 where a case has no date.
        self.published = col("published", decode=False, translate=False)
        self.rating = col("rating", decode=False)
        self.rating_count = col("rating_count", decode=False)
        self.case_no = col("case_no")
        self._col = col
        self._facets: dict[str | int, list[str]] = {}
        self._codes: dict[str | int, tuple] = {}
        self._orders: dict[str, list[int]] = {}
        self._order_arrays: dict[str, object] = {}

    def facet(self, name: str) -> list[str]:
        """Each document's value of a facet column, ``unknown`` for none."""
        hit = self._facets.get(name)
        if hit is None:
            hit = self._facets[name] = [v or UNKNOWN for v in getattr(self, name)]
        return hit

    def region_at(self, cut: int) -> list[str]:
        """Each document's region code cut to a level (2: province, 4: city, 6: county),
        as a facet value (``unknown`` for none)."""
        hit = self._facets.get(cut)
        if hit is None:
            hit = self._facets[cut] = [
                (code[:cut] + "000000")[:6] if code else UNKNOWN for code in self.region
            ]
        return hit

    def count(self, name: str | int, idx) -> dict[str, int]:
        """How many of the documents ``idx`` (an array of document numbers) hold each value
        of a facet (a region level by its cut), most first, then by value."""
        codes, values = self._coded(name)
        return _most_common(codes[idx], values)

    def count_tags(self, idx) -> dict[str, int]:
        """How many of the documents ``idx`` hold each tag, most first, then by tag."""
        import numpy as np

        starts, codes, values = self._tag_codes
        first, stop = starts[idx], starts[idx + 1]
        lengths = stop - first
        if not len(lengths) or not lengths.any():
            return {}
        # The positions of every document's codes, one range per document, end to end.
        ends = np.cumsum(lengths)
        at = np.repeat(first - ends + lengths, lengths) + np.arange(int(ends[-1]))
        return _most_common(codes[at], values)

    def _coded(self, name: str | int):
        """Each document's value of a facet as a code (an array), and the values."""
        import numpy as np

        hit = self._codes.get(name)
        if hit is None:
            vals = self.region_at(name) if isinstance(name, int) else self.facet(name)
            index: dict[str, int] = {}
            codes = np.fromiter(
                (index.setdefault(v, len(index)) for v in vals), dtype=np.int32, count=len(vals)
            )
            hit = self._codes[name] = (codes, list(index))
        return hit

    @functools.cached_property
    def _tag_codes(self):
        """Each document's tags as codes: where each document's codes start (one more
        entry than documents), the codes end to end, and the tags."""
        import numpy as np

        index: dict[str, int] = {}
        flat = [index.setdefault(t, len(index)) for tags in self.tags for t in tags]
        starts = np.zeros(len(self.tags) + 1, dtype=np.int64)
        np.cumsum([len(t) for t in self.tags], out=starts[1:])
        return starts, np.array(flat, dtype=np.int32), list(index)

    def order_array(self, sort: str):
        """:meth:`order` as an array."""
        import numpy as np

        hit = self._order_arrays.get(sort)
        if hit is None:
            hit = self._order_arrays[sort] = np.array(self.order(sort), dtype=np.int64)
        return hit

    def order(self, sort: str) -> list[int]:
        """Each document's place when all are sorted by ``sort`` (``rating``: best rated
        first, then the most rated; otherwise, and then, newest first, undated last; then
        by document number)."""
        hit = self._orders.get(sort)
        if hit is None:
            pub, n = self.published, len(self.published)
            if sort == "rating":

                def key(d):
                    count = self.rating_count[d] or 0
                    return (-_rating(self.rating[d], count), -count, _neg_date(pub[d]), d)
            else:

                def key(d):
                    return (_neg_date(pub[d]), d)

            hit = [0] * n
            for place, d in enumerate(sorted(range(n), key=key)):
                hit[d] = place
            self._orders[sort] = hit
        return hit

    @functools.cached_property
    def family(self) -> list[tuple[str, ...]]:
        """Each document's version keys (read at the first search that groups)."""
        return [tuple(v.split(",")) if v else () for v in self._col("family")]


def _most_common(codes, values: list[str]) -> dict[str, int]:
    """Value -> count of an array of value codes, most first, then by value."""
    import numpy as np

    counts = np.bincount(codes, minlength=len(values))
    found = np.flatnonzero(counts).tolist()
    found.sort(key=lambda c: (-counts[c], values[c]))
    return {values[c]: int(counts[c]) for c in found}


TEXT_FIELDS = ("name", "summary", "content", "name_sub")


BIGRAMS_SUFFIX = ".bgr"


def _write_bigrams(storage, schema, seg, grams: _Grams | None = None, sources=()) -> None:
    """The bigram file of a segment: for each character bigram, the documents holding it.
    Written once, when the segment is first committed: for the documents the writer added,
    from what the workers computed (``grams``, emptied); for those a merge brought in (``sources``,
    see :meth:`_SegmentWriter.add_reader`), from their segments' bigram files, read side by
    side in key order (each is sorted) and renumbered, the deleted documents left out; for
    any other, from the stored texts. Written key by key (:class:`_KeyedWriter`), so no
    whole copy of the file is ever held in memory."""
    from whoosh.reading import SegmentReader

    from .analysis import char_grams as _grams
    from .analysis import normalize as _normalize

    name = seg.segment_id() + BIGRAMS_SUFFIX
    if storage.file_exists(name):
        return
    n = seg.doc_count_all()
    merged = []  # (bigram file, the new number of its first document, new numbers or None)
    covered = bytearray(n)
    for src, base, remap in sources:
        path = Path(storage.folder) / (src.segment_id() + BIGRAMS_SUFFIX)
        if not path.exists():
            continue
        bf = _BigramFile(path)
        merged.append((bf, base, remap))
        if remap is None:
            covered[base : base + src.doc_count_all()] = b"\x01" * src.doc_count_all()
        else:
            for d in remap:
                if d >= 0:
                    covered[d] = 1
    if grams is None:
        grams = _Grams()
    missing = [d for d in range(n) if not covered[d] and d not in grams.docs]
    del covered
    reader = SegmentReader(storage, schema, seg) if missing else None
    try:
        for d in missing:  # after the writer's own documents, in order
            f = reader.stored_fields(d)
            text = f"{f.get('name') or ''}\n{f.get('summary') or ''}\n{f.get('text') or ''}"
            grams.add(d, set(_grams(_normalize(text), normalized=True)))
    finally:
        if reader is not None:
            reader.close()
    inverted = grams.invert()
    out = _KeyedWriter(storage, name, _BigramFile.MAGIC, _BigramFile.COLUMNS)
    try:
        if merged:
            _merge_bigrams(out, inverted, merged, resort=bool(missing))
        else:
            # str order is code point order, the order of the UTF-8 bytes.
            for g in sorted(inverted):
                out.add(g.encode("utf-8"), inverted.pop(g))
        out.close()
    finally:
        out.discard()


class _Grams:
    """The character bigrams of a new segment's documents, by document number: as the
    workers send them (joined by newlines, the most compact form: some 15 MB for a bulk
    segment, where inverted they take three times that) until the segment is written,
    then inverted for its bigram file when the writer's postings pool is gone, each
    document's let go as it is taken in."""

    def __init__(self):
        self.docs: dict[int, str | set[str]] = {}

    def add(self, docnum: int, grams: str | set[str]) -> None:
        self.docs[docnum] = grams

    def invert(self) -> dict[str, array]:
        """For each bigram, the documents holding it, in order (the documents are gone)."""
        docs, inverted = self.docs, {}
        for d in sorted(docs):
            grams = docs.pop(d)
            if isinstance(grams, str):
                grams = grams.split("\n") if grams else ()
            for g in grams:
                held = inverted.get(g)
                if held is None:
                    held = inverted[g] = array("I")
                held.append(d)
        return inverted


def _merge_bigrams(out: _KeyedWriter, inverted: dict[str, array], merged: list, resort: bool):
    """The bigrams of ``inverted`` (documents of the new segment) and of the ``merged``
    segments' files, written to ``out`` in key order, each with its documents' numbers in
    the new segment: those of ``inverted`` first, then each merged segment's in turn (a
    merge appends the segments' documents in that order). With ``resort``, documents read
    from stored texts may lie among the merged ones': each bigram's are sorted again."""

    def keys_of(k: int):
        bf = merged[k][0]
        return ((bf._key(i), k, i) for i in range(bf.n))

    streams = [((g.encode("utf-8"), -1, g) for g in sorted(inverted))]
    streams += [keys_of(k) for k in range(len(merged))]
    # Keys are unique within a stream: ties are broken by the stream's number.
    for n, (key, group) in enumerate(
        itertools.groupby(heapq.merge(*streams), key=lambda t: t[0]), 1
    ):
        if not n % 50_000:
            # Let go of the pages read so far: a merge reads every segment's bigram file
            # whole, and mapped pages count as its memory until the maps close.
            for bf, _base, _remap in merged:
                bf.drop_pages()
        docs = array("I")
        for _key, k, ref in group:
            if k < 0:
                docs = inverted.pop(ref)
                continue
            bf, base, remap = merged[k]
            local = bf._slice(ref, 0)
            if remap is None:
                if base:
                    docs.extend(map(base.__add__, local))
                else:
                    docs.frombytes(local.cast("B"))
            else:
                docs.extend(d for d in map(remap.__getitem__, local) if d >= 0)
        if not docs:
            continue  # only in deleted documents
        if resort:
            docs = array("I", sorted(docs))
        out.add(key, docs)


class _KeyedWriter:
    """Writes a file of arrays by key (the bigram and freq files, read by
    :class:`_KeyedFile`) key by key, in sorted order: the keys, with an open-addressing
    table of them by CRC-32 (a lookup reads one or two slots where a binary search
    compared some twenty keys), and for key i the items ``starts[i]`` to ``starts[i + 1]``
    of each column. The columns' items go to temporary files as they come and are copied
    into the file when it closes (written as ``name`` + ``.tmp``, then renamed): memory
    holds only the keys' table, never the items nor the file whole."""

    def __init__(self, storage, name: str, magic: bytes, typecodes: str):
        import tempfile

        self._storage, self._name, self._magic = storage, name, magic
        self._spools = [
            tempfile.TemporaryFile(dir=getattr(storage, "folder", None)) for _ in typecodes
        ]
        self._hashes = array("I")
        self._ends = array("I")
        self._starts = array("I", [0])
        self._blob = bytearray()

    def add(self, key: bytes, *columns) -> None:
        """A key, greater than the last, with its items of each column (arrays or
        memoryviews of the columns' typecodes, all of one length)."""
        self._blob += key
        self._ends.append(len(self._blob))
        self._hashes.append(zlib.crc32(key))
        for spool, items in zip(self._spools, columns, strict=True):
            spool.write(items)
        self._starts.append(self._starts[-1] + len(columns[0]))

    def close(self) -> None:
        n = len(self._ends)
        size = 1
        while size < 2 * n:
            size *= 2
        mask = size - 1
        table = array("I", [0]) * size
        for i, h in enumerate(self._hashes):
            h &= mask
            while table[h]:
                h = (h + 1) & mask
            table[h] = i + 1
        self._hashes = array("I")
        tmp = self._name + ".tmp"
        f = self._storage.create_file(tmp)
        try:
            f.write(self._magic + struct.pack("<II", n, size))
            f.write(table)
            del table
            f.write(self._ends)
            f.write(self._starts)
            for spool in self._spools:
                spool.seek(0)
                shutil.copyfileobj(spool, f, 1 << 20)
            f.write(self._blob)
        finally:
            f.close()
        self._storage.rename_file(tmp, self._name, safe=True)

    def discard(self) -> None:
        """Remove the temporary files (after :meth:`close`, or instead of it)."""
        for spool in self._spools:
            spool.close()
        self._spools = []


def _keyed_layout(n: int, tsize: int) -> tuple[int, int, int]:
    """Where the key ends, the item starts and the first column begin in a file of
    :class:`_KeyedWriter` with ``n`` keys and a table of ``tsize`` slots (after a 16-byte
    head); each column holds 4-byte items, the keys follow the last one."""
    ends_at = 16 + 4 * tsize
    starts_at = ends_at + 4 * n
    return ends_at, starts_at, starts_at + 4 * (n + 1)


class _KeyedFile:
    """A file written by :class:`_KeyedWriter`, memory-mapped."""

    MAGIC = b""
    COLUMNS = ""  # the columns' array typecodes
    KIND = ""

    def __init__(self, path: Path):
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if size else None
        if self._map is not None:
            advise(self._map, path)
        m = self._map
        if m is None or m[:8] != self.MAGIC:
            raise IndexCorrupt(f"{path.name} is not a {self.KIND} file")
        n, tsize = struct.unpack_from("<II", m, 8)
        view = memoryview(m)
        ends_at, starts_at, columns_at = _keyed_layout(n, tsize)
        self._table = view[16:ends_at].cast("I")
        self._ends = view[ends_at:starts_at].cast("I")
        self._starts = view[starts_at:columns_at].cast("I")
        total = self._starts[n]
        self._columns = []
        at = columns_at
        for code in self.COLUMNS:
            self._columns.append(view[at : at + 4 * total].cast(code))
            at += 4 * total
        self._blob = at
        self._mask = tsize - 1
        self.n = n

    def drop_pages(self) -> None:
        """Unmap the file's pages read so far (they stay in the page cache, and are read
        again from there when asked for)."""
        if self._map is not None and hasattr(mmap, "MADV_DONTNEED"):
            self._map.madvise(mmap.MADV_DONTNEED)

    def _key(self, i: int) -> bytes:
        start = self._ends[i - 1] if i else 0
        return self._map[self._blob + start : self._blob + self._ends[i]]

    def _find(self, key: bytes) -> int:
        """The index of a key, -1 if the file does not hold it."""
        table, mask = self._table, self._mask
        h = zlib.crc32(key) & mask
        while True:
            i = table[h]
            if not i:
                return -1
            if self._key(i - 1) == key:
                return i - 1
            h = (h + 1) & mask

    def _slice(self, i: int, column: int):
        return self._columns[column][self._starts[i] : self._starts[i + 1]]


class _BigramFile(_KeyedFile):
    """A segment's bigram file; ``get(gram)``: the documents holding it."""

    MAGIC = b"CLBGR002"
    COLUMNS = "I"
    KIND = "bigram"
    _EMPTY = memoryview(array("I"))

    def get(self, gram: str):
        i = self._find(gram.encode("utf-8"))
        return self._EMPTY if i < 0 else self._slice(i, 0)


_BIGRAM_FILES: OrderedDict[str, _BigramFile] = OrderedDict()


def _bigrams(sub) -> _BigramFile:
    key = f"{sub.segment().segment_id()}/{sub.doc_count_all()}"
    return _segment_file(_BIGRAM_FILES, key, sub, BIGRAMS_SUFFIX, _BigramFile)


def _segment_file(cache: OrderedDict, key: str, sub, ext: str, cls: type[_KeyedFile]):
    """The ``cls`` file (``ext``) of a segment, opened once and kept in ``cache`` under
    ``key`` (the most recently used _SEGMENTS_KEPT of them); a missing one is damage."""
    with _segments_lock:
        hit = cache.get(key)
        if hit is not None:
            cache.move_to_end(key)
            return hit
    seg_id = sub.segment().segment_id()
    folder = getattr(sub.storage(), "folder", None)
    path = Path(folder) / (seg_id + ext) if folder else None
    if path is None or not path.exists():
        raise IndexCorrupt(f"the {cls.KIND} file of segment {seg_id} is missing")
    opened = cls(path)
    with _segments_lock:
        cache[key] = opened
        while len(cache) > _SEGMENTS_KEPT:
            cache.popitem(last=False)
    return opened


# Per-segment files and values kept across index generations (segments never change), at
# most this many segments' of each kind.
_SEGMENTS_KEPT = 64
_segments_lock = threading.Lock()


FREQS_EXT = ".frq"


class _FieldWriter(W3FieldWriter):
    """Whoosh's field writer that also keeps the documents and weights of every term of
    every field and writes them beside the segment as one file (see :class:`_FreqFile`),
    term by term as Whoosh writes them (in key order): a query then reads a term's
    postings as two arrays, where Whoosh's matcher unpickles each block with its positions
    (a third of a search at 10x the corpus). New documents and merges both pass through
    here; :meth:`add_merged` writes a merge's terms, copying the blocks of segments merged
    whole (see :mod:`indexer.postings`)."""

    def __init__(self, codec, storage, segment):
        super().__init__(codec, storage, segment)
        self._out = _KeyedWriter(storage, segment.make_filename(FREQS_EXT), _FreqFile.MAGIC, "If")
        self._key = b""
        self._docs = array("I")
        self._weights = array("f")
        self._prefix = b""

    def start_field(self, fieldname, fieldobj):
        super().start_field(fieldname, fieldobj)
        self._prefix = fieldname.encode("utf-8") + b"\x00"

    def start_term(self, btext):
        super().start_term(btext)
        key = self._prefix + btext
        if key <= self._key and self._key:
            raise IndexerError(f"terms written out of order: {self._key!r} .. {key!r}")
        self._key = key

    def add(self, docnum, weight, vbytes, length):
        self._postwriter.add_posting(docnum, weight, vbytes, length)
        self._docs.append(docnum)
        self._weights.append(weight)

    def finish_term(self):
        super().finish_term()
        self._out.add(self._key, self._docs, self._weights)
        self._docs, self._weights = array("I"), array("f")

    def add_merged(self, schema, lengths, items, whole: list[tuple]) -> None:
        """The postings of a merge: ``items``, sorted (field, term, document, weight,
        value) postings of the new segment's first documents (pooled, as Whoosh's
        ``add_postings`` takes them), then for each ``(reader, base)`` of ``whole`` the
        postings of a segment without deleted documents whose first document is ``base``
        here, its blocks copied. Fields and terms come in key order."""
        dfl = lengths.doc_field_length if lengths else (lambda d, f: 0)
        streams = [_pooled_terms(items)]
        streams += [_segment_terms(reader, k) for k, (reader, _base) in enumerate(whole)]
        # Read with plain reads, not memory maps: a merge reads every segment of the
        # library once, and mapped pages it touched would count as its own memory (2.5 GB
        # at 10x) until it ends.
        files = [_PlainSegmentFiles(reader) for reader, _base in whole]
        field = None
        for (fieldname, btext), group in itertools.groupby(
            heapq.merge(*streams), key=lambda t: (t[0], t[1])
        ):
            if fieldname != field:
                if field is not None:
                    self.finish_field()
                self.start_field(fieldname, schema[fieldname])
                field = fieldname
            self.start_term(btext)
            pw = self._postwriter
            copied = []
            for _f, _t, k, ref in group:
                if k < 0:
                    for docnum, weight, value in ref:
                        self.add(docnum, weight, value or b"", dfl(docnum, fieldname))
                else:
                    copied.append((k, ref))
            if copied:
                if len(pw):  # the pooled postings' block goes first
                    pw._write_block()
                elif not pw._blockcount:
                    self._postfile.write(postings.HEADER)
                ti = pw._terminfo
                for j, (k, sti) in enumerate(copied):
                    base = whole[k][1]
                    offset, length = sti.extent()
                    if isinstance(length, tuple):  # Whoosh's from_bytes leaves it unpacked
                        (length,) = length
                    pw._blockcount += postings.copy_blocks(
                        files[k].postings(offset, length),
                        0,
                        length,
                        base,
                        j == len(copied) - 1,
                        self._postfile.write,
                    )
                    _add_terminfo(ti, sti, base)
                    docs, weights = files[k].freqs(fieldname, btext)
                    self._docs.extend(map(base.__add__, docs) if base else docs)
                    self._weights.extend(weights)
            self.finish_term()
        if field is not None:
            self.finish_field()
        for f in files:
            f.close()

    def close(self):
        if self.is_closed:
            return
        super().close()
        try:
            self._out.close()
        finally:
            self._out.discard()


def _pooled_terms(items):
    """Sorted postings grouped by term: (field, term, -1, [(document, weight, value)]).
    Whoosh's spelling items (document -1) are left out, as its ``add_postings`` does."""
    for (fieldname, btext), group in itertools.groupby(items, key=lambda t: (t[0], t[1])):
        got = [(d, w, v) for _f, _t, d, w, v in group if d >= 0]
        if got:
            yield fieldname, btext, -1, got


def _segment_terms(reader, k: int):
    """A segment's terms in key order with their term infos: (field, term, k, info)."""
    terms = reader._terms
    for fieldname in sorted(terms.indexed_field_names()):
        prefix = terms._keycoder(fieldname, b"")
        for keybytes, valbytes in terms._tindex.items_from(prefix):
            if not keybytes.startswith(prefix):
                break
            ti = W3TermInfo.from_bytes(valbytes)
            if ti.is_inlined():
                raise IndexerError("inlined postings cannot be copied")
            yield fieldname, keybytes[len(prefix) :], k, ti


class _Ahead:
    """Reads of a file at offsets that mostly rise (a segment's files in key order), served
    from a buffer read ahead with ``pread``."""

    CHUNK = 1 << 18

    def __init__(self, fd: int):
        self._fd, self._at, self._buf = fd, 0, b""

    def read(self, offset: int, length: int) -> bytes:
        at = self._at
        if not (at <= offset and offset + length <= at + len(self._buf)):
            self._at, self._buf = offset, os.pread(self._fd, max(length, self.CHUNK), offset)
            at = offset
            if len(self._buf) < length:
                raise IndexCorrupt("an index file ends early")
        return self._buf[offset - at : offset - at + length]


class _PlainSegmentFiles:
    """The postings and freq files of a segment merged whole, read with ``pread`` ahead of
    where a merge stands (it asks for the terms in key order, the order the files hold
    them): a term's posting list by its extent, its documents and weights by its key."""

    def __init__(self, reader):
        seg, folder = reader.segment(), Path(reader._storage.folder)
        self._fds = [
            os.open(folder / seg.make_filename(ext), os.O_RDONLY)
            for ext in (W3Codec.POSTS_EXT, FREQS_EXT)
        ]
        self._pst, self._docs, self._weights = (_Ahead(fd) for fd in (*self._fds, self._fds[1]))
        frq = self._fds[1]
        head = os.pread(frq, 16, 0)
        if head[:8] != _FreqFile.MAGIC:
            raise IndexCorrupt(f"{seg.segment_id()}{FREQS_EXT} is not a freq file")
        n, tsize = struct.unpack_from("<II", head, 8)
        ends_at, starts_at, columns_at = _keyed_layout(n, tsize)
        self._ends = array("I", os.pread(frq, starts_at - ends_at, ends_at))
        self._starts = array("I", os.pread(frq, columns_at - starts_at, starts_at))
        total = self._starts[n] if n else 0
        self._docs_at, self._weights_at = columns_at, columns_at + 4 * total
        self._blob = os.pread(frq, self._ends[n - 1] if n else 0, columns_at + 8 * total)
        self._n, self._i = n, 0

    def postings(self, offset: int, length: int) -> bytes:
        return self._pst.read(offset, length)

    def freqs(self, field: str, term: bytes) -> tuple[array, array]:
        """The documents and weights of a term, asked for in key order."""
        key = field.encode("utf-8") + b"\x00" + term
        ends, blob = self._ends, self._blob
        while self._i < self._n:
            i = self._i
            self._i += 1
            if blob[ends[i - 1] if i else 0 : ends[i]] != key:
                continue
            a, b = self._starts[i], self._starts[i + 1]
            docs = array("I", self._docs.read(self._docs_at + 4 * a, 4 * (b - a)))
            weights = array("f", self._weights.read(self._weights_at + 4 * a, 4 * (b - a)))
            return docs, weights
        raise IndexCorrupt(f"the freq file lacks {key!r}")

    def close(self) -> None:
        for fd in self._fds:
            with contextlib.suppress(OSError):
                os.close(fd)


def _add_terminfo(ti, other, base: int) -> None:
    """Add the statistics of a segment's term info (its documents moved by ``base``)."""
    ti._weight += other._weight
    ti._df += other._df
    if other._minlength is not None:
        ti._minlength = (
            other._minlength if ti._minlength is None else min(ti._minlength, other._minlength)
        )
    ti._maxlength = max(ti._maxlength, other._maxlength)
    ti._maxweight = max(ti._maxweight, other._maxweight)
    if ti._minid is None and other._minid is not None:
        ti._minid = other._minid + base
    if other._maxid is not None:
        ti._maxid = other._maxid + base


class _FreqFile(_KeyedFile):
    """A segment's freq file: ``get(field, term)``, the documents and weights of a term
    (memoryviews), ``counts(field)``, each term's document count."""

    MAGIC = b"CLFRQ001"
    COLUMNS = "If"
    KIND = "freq"

    def get(self, field: str, term: bytes):
        i = self._find(field.encode("utf-8") + b"\x00" + term)
        return None if i < 0 else (self._slice(i, 0), self._slice(i, 1))

    def counts(self, field: str) -> dict[str, int]:
        prefix = field.encode("utf-8") + b"\x00"
        keys = range(self.n)
        lo = bisect.bisect_left(keys, prefix, key=self._key)
        hi = bisect.bisect_left(keys, prefix[:-1] + b"\x01", key=self._key)
        cut, starts = len(prefix), self._starts
        return {
            self._key(i)[cut:].decode("utf-8"): starts[i + 1] - starts[i] for i in range(lo, hi)
        }


_FREQ_FILES: OrderedDict[str, _FreqFile] = OrderedDict()


def _freqs(sub) -> _FreqFile | None:
    """The freq file of a segment; None for one written by Whoosh's own codec (read
    through Whoosh's postings)."""
    seg = sub.segment()
    if not isinstance(seg.codec(), _Codec):
        return None
    return _segment_file(_FREQ_FILES, seg.segment_id(), sub, FREQS_EXT, _FreqFile)


# Document frequencies of the full-text terms of each segment (from its freq file), and
# their sum over the segments of the last reader opened: segments never change (deleting
# a document leaves the frequencies as they were, as Whoosh counts them), so a reader
# reopened after a commit adds the new segments' and takes away the merged ones'.
_SEGMENT_COUNTS: OrderedDict[str, dict[str, int]] = OrderedDict()
_INDEX_COUNTS: list = [frozenset(), {}]


def _segment_counts(sub) -> dict[str, int]:
    key = sub.segment().segment_id()
    with _segments_lock:
        hit = _SEGMENT_COUNTS.get(key)
        if hit is not None:
            _SEGMENT_COUNTS.move_to_end(key)
            return hit
    ff = _freqs(sub)
    if ff is not None:
        counts = ff.counts("content")
    else:
        counts = {t.decode("utf-8"): i.doc_frequency() for t, i in sub.iter_field("content")}
    with _segments_lock:
        _SEGMENT_COUNTS[key] = counts
        while len(_SEGMENT_COUNTS) > _SEGMENTS_KEPT:
            _SEGMENT_COUNTS.popitem(last=False)
    return counts


def _index_counts(reader) -> dict[str, int]:
    subs = {sub.segment().segment_id(): sub for sub, _o in reader.leaf_readers() if sub.segment()}
    ids = frozenset(subs)
    with _segments_lock:
        before, table = _INDEX_COUNTS
    if ids == before:
        return table
    added, removed = ids - before, before - ids
    if len(added) + len(removed) < len(ids):
        table = dict(table)
        changes = [(subs[k], 1) for k in added] + [(k, -1) for k in removed]
    else:
        table = {}
        changes = [(sub, 1) for sub in subs.values()]
    for seg, sign in changes:
        counts = _segment_counts(seg) if sign > 0 else _SEGMENT_COUNTS.get(seg)
        if counts is None:  # a segment's counts forgotten: count again
            return _index_counts_from_scratch(subs, ids)
        for t, c in counts.items():
            v = table.get(t, 0) + sign * c
            if v:
                table[t] = v
            else:
                table.pop(t, None)
    with _segments_lock:
        _INDEX_COUNTS[:] = [ids, table]
    return table


def _index_counts_from_scratch(subs: dict, ids: frozenset) -> dict[str, int]:
    table: dict[str, int] = {}
    for sub in subs.values():
        for t, c in _segment_counts(sub).items():
            table[t] = table.get(t, 0) + c
    with _segments_lock:
        _INDEX_COUNTS[:] = [ids, table]
    return table


class _DF:
    """Document frequencies of full-text terms (the sum of the segments', as Whoosh's own
    multi-segment reader counts them), and the index's full-text terms as one string (to
    find the terms containing a word with ``str.find``)."""

    def __init__(self, reader):
        self._table = _index_counts(reader)
        self._text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "\n" + "\n".join(self._table) + "\n"
        return self._text

    def get(self, term: str, default: int | None = None) -> int | None:
        return self._table.get(term) or default

    def __getitem__(self, term: str) -> int:
        return self._table[term]

    def __contains__(self, term: str) -> bool:
        return term in self._table

    def items(self):
        return self._table.items()


class _Reader:
    """A searcher and what is derived from it (columns, document frequencies)."""

    def __init__(self, ix, build_id: str):
        self.ix = ix
        self.build_id = build_id
        self.searcher = ix.searcher()
        self._evaluator = None
        self._columns: _Columns | None = None
        self._df: dict[str, int] | None = None
        self._containing: dict[tuple[str, int | None], list[str]] = {}
        self.norms: dict[int, float] = {}
        self._idf: dict[str, float] | None = None
        try:
            self._prime()
        except BaseException:
            self.searcher.close()
            raise

    def _prime(self) -> None:
        """Open now every file this reader will read: the stored fields, the field lengths
        and the facet columns. Whoosh opens them when first needed, and by then another
        process's commit may have merged the segment away and deleted its files (its reader
        then fails with ``TypeError: 'NoneType' object is not subscriptable``); files
        already open (memory maps) stay readable after they are deleted."""
        for sub, _offset in self.searcher.reader().leaf_readers():
            if not sub.doc_count_all():
                continue
            sub.stored_fields(0)
            _freqs(sub)
            for field in TEXT_FIELDS:
                sub.doc_field_length(0, field)
        self._columns = _Columns(self.searcher)

    @property
    def evaluator(self):
        if self._evaluator is None:
            from .evaluate import Evaluator

            self._evaluator = Evaluator(
                self.searcher, self.containing, self.grams, _freqs, self.gram_count
            )
        return self._evaluator

    @property
    def columns(self) -> _Columns:
        if self._columns is None:
            self._columns = _Columns(self.searcher)
        return self._columns

    @property
    def df(self) -> _DF:
        """Document frequency of full-text terms (for weighting) and the lexicon (each
        segment's read once per process: segments never change)."""
        if self._df is None:
            self._df = _DF(self.searcher.reader())
        return self._df

    @property
    def idf(self) -> dict[str, float]:
        """The weight of each full-text term's rarity in a similar-case vector."""
        if self._idf is None:
            n_docs = max(1, self.searcher.doc_count())
            self._idf = {t: _idf(n_docs, d) for t, d in self.df.items()}
        return self._idf

    def grams(self, gram: str) -> array:
        """Documents whose name, summary or text hold a character bigram."""
        out = array("i")
        reader = self.searcher.reader()
        for sub, offset in reader.leaf_readers():
            seg = sub.segment()
            if seg is None:
                continue
            local = _bigrams(sub).get(gram)
            if not len(local):
                continue
            if sub.has_deletions():
                out.extend(d + offset for d in local if not sub.is_deleted(d))
            elif offset:
                from .evaluate import shifted_docs  # numpy, loaded with the evaluator

                out.frombytes(shifted_docs(local, offset))
            else:
                out.frombytes(local.cast("B"))
        return out

    def gram_count(self, gram: str) -> int:
        """How many documents of the segments hold a character bigram, deleted ones
        included (to order a string's bigrams without reading their documents)."""
        reader = self.searcher.reader()
        return sum(
            len(_bigrams(sub).get(gram)) for sub, _o in reader.leaf_readers() if sub.segment()
        )

    def containing(self, w: str, limit: int | None = None) -> list[str]:
        """Full-text terms longer than ``w`` that contain it, most frequent first."""
        key = (w, limit)
        hit = self._containing.get(key)
        if hit is not None:
            return hit
        df = self.df
        found: set[str] = set()
        lex = df.text
        i = lex.find(w)
        while i != -1:
            start = lex.rfind("\n", 0, i) + 1
            end = lex.find("\n", i)
            term = lex[start:end]
            if term != w:
                found.add(term)
            i = lex.find(w, end)
        ranked = sorted(found, key=lambda t: (-df.get(t, 0), t))
        if limit is not None:
            ranked = ranked[:limit]
        if len(self._containing) > 4096:
            self._containing.clear()
        self._containing[key] = ranked
        return ranked

    def close(self):
        self.searcher.close()


# Postings per segment in a bulk write: the writer commits a segment when it holds this
# many. The pool itself holds at most CASELIB_INDEX_MEMORY_MB of them (POSTING_BYTES
# each) and spills sorted runs to disk beyond, merged back when the segment is written:
# few large segments (a search looks a term up in each: the 10x library had 87 segments
# of 200,000 postings) at a bounded memory. Measured on the corpus (2,626 documents, 2
# workers, PSS of all processes): 500,000 in memory 553 MB, 55 s; 200,000 in memory
# 451 MB, 9 segments, 55 s; 3,000,000 spilling at 128 MB 477 MB, 1 segment, 44 s. The
# peak comes when a segment is written and grows with it: four times the corpus, 3,000,000
# 641 MB (3 segments), 1,200,000 506 MB (6 segments). At 10x (2026-12-03) the writer's
# process held ~130 MB of pool above its ~150 MB at the start and its 2 workers ~250 MB,
# and writing a segment's bigram file added ~54 MB more (its bigrams inverted then, and
# the file joined in memory); with the bigrams inverted as documents come (_Grams), the
# file written key by key and a pool of 64 MB, the 1x peak is 447 MB (488 with 128 MB,
# at the same speed: spilling a run costs little).
BULK_SEGMENT_POSTINGS = 1_000_000
# What a pooled posting costs in the writer's process (a tuple of the field, term, document,
# weight and encoded value), measured: Whoosh's own estimate says 200.
POSTING_BYTES = 350


class _Lengths:
    """A per-document reader whose field lengths are read once into memory: the segment
    writer asks for the length of every posting's document, one disk seek each."""

    def __init__(self, pdr):
        self._pdr = pdr
        self._lengths: dict[str, list] = {}

    def doc_field_length(self, docnum, fieldname, default=0):
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            reader = self._pdr._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            if reader is None:
                return default
            # Same values as the reader's own: None where the stored byte is 0.
            lengths = [byte_to_length(b) if b else None for b in reader]
            self._lengths[fieldname] = lengths
        return lengths[docnum]

    def __getattr__(self, name):
        return getattr(self._pdr, name)


class _Storage(FileStorage):
    """Index files opened for reading as memory maps: postings and columns are read with
    no system call per block, and the pages are shared by every process reading the index
    (the web server's workers)."""

    def open_file(self, name, **kwargs):
        path = self._fpath(name)
        with open(path, "rb") as f:
            if os.fstat(f.fileno()).st_size == 0:
                return StructFile(open(path, "rb"), name=name, **kwargs)
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        advise(mapped, path)
        return StructFile(mapped, name=name, **kwargs)


def _open(path: Path):
    return _Storage(str(path)).open_index()


# Postings a pickled chunk of a spilled run holds.
RUN_CHUNK = 4096


class _Pool(PostingPool):
    """Whoosh's posting pool bounded by a count of postings instead of an estimate of each
    posting's size (five len() calls and two type checks per posting, in the writer's
    hottest loop): POSTING_BYTES a posting."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._max_items = max(10_000, self.limit // POSTING_BYTES)

    def add(self, item):
        current = self.current
        current.append(item)
        if len(current) >= self._max_items:
            self.save()

    # A run spilled to disk is written and read back in pickled chunks of postings, where
    # Whoosh pickles each posting on its own: 1.8 M pickle.dump and pickle.load calls for
    # the corpus, a fifth of a bulk ingest's main-process time.
    def _write_run(self, f, items):
        items = iter(items)
        try:
            while chunk := list(itertools.islice(items, RUN_CHUNK)):
                pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
        finally:
            f.close()

    def _read_run(self, path):
        f = self._open_run(path)
        try:
            while True:
                try:
                    chunk = pickle.load(f)
                except EOFError:
                    return
                yield from chunk
        finally:
            f.close()
            self._remove_run(path)


# Stored fields (a document's text above all, read for every hit's snippets and to check a
# string match) kept as plain pickles: Whoosh's own column zlib-compresses each record, and
# its decompression was an eighth of a search's time. The codec is recorded with each
# segment, so segments written by Whoosh's codec are still read with theirs.
_PLAIN_STORED = whoosh_columns.PickleColumn(whoosh_columns.VarBytesColumn())


class _PerDocWriter(W3PerDocWriter):
    def _create_column(self, fieldname, column):
        if fieldname == "_stored":
            column = _PLAIN_STORED
        super()._create_column(fieldname, column)


class _PerDocReader(W3PerDocReader):
    def stored_fields(self, docnum):
        v = self._cached_reader("_stored", _PLAIN_STORED)[docnum]
        return {} if v is None else v


class _Codec(W3Codec):
    """Whoosh's codec with stored fields uncompressed (see _PLAIN_STORED) and each
    term's documents and weights also written to a file of their own (_FieldWriter)."""

    def per_document_writer(self, storage, segment):
        return _PerDocWriter(self, storage, segment)

    def per_document_reader(self, storage, segment):
        return _PerDocReader(storage, segment)

    def field_writer(self, storage, segment):
        return _FieldWriter(self, storage, segment)


class _SegmentWriter(SegmentWriter):
    """Whoosh's segment writer with four changes: field lengths read once (see _Lengths);
    postings blocks stored uncompressed (zlib on every small block cost more CPU when
    writing and when searching than the disk it saved); a segment's files kept apart
    rather than in one compound file, whose reader copies the whole postings file into
    memory when a searcher opens (about 90 MB per process for the 15 M-character corpus);
    and each commit records the size and checksum of every file of the new generation in
    the meta file *before* the files of the old one are deleted, so the meta file never
    lists a file that is gone. The codec and the layout are recorded with each segment,
    so either kind reads."""

    def __init__(self, ix, **kwargs):
        kwargs.setdefault("codec", _Codec(compression=0))
        kwargs.setdefault("compound", False)
        super().__init__(ix, **kwargs)
        self.pool = _Pool(self._tempstorage, self.newsegment, limitmb=kwargs.get("limitmb", 128))
        # Character bigrams of the documents added, by document number in the new segment.
        self.grams = _Grams()
        # The segments merged in (see add_reader).
        self._sources: list[tuple] = []
        # Segments merged whole, their blocks copied (see merge_in): (reader, base).
        self._whole: list[tuple] = []

    def per_document_reader(self):
        return _Lengths(super().per_document_reader())

    def add_reader(self, reader):
        """Whoosh's merge of a segment's live documents into the new segment, which
        appends them in order; the segment, the number its first document gets here and
        (if it has deleted documents) each document's number here, -1 for a deleted one,
        are kept for its bigram file."""
        base = self.docnum
        super().add_reader(reader)
        seg = getattr(reader, "segment", lambda: None)()
        if seg is None:
            return
        remap = None
        if reader.has_deletions():
            remap = array("i", [-1]) * reader.doc_count_all()
            for new, old in enumerate(reader.all_doc_ids(), base):
                remap[old] = new
        self._sources.append((seg, base, remap))

    def merge_in(self, segments) -> None:
        """Merge ``segments`` into the new segment (inside a merge policy). Those this
        codec wrote, with no deleted documents, are merged whole: their documents' stored
        fields and columns are copied (Whoosh's per-document merge) and their posting
        blocks copied when the segment is written, each document moved by where the
        segment's first one lands (:mod:`indexer.postings`). The others go through
        Whoosh's merge, which pools their postings with the writer's own, first: pooled
        documents keep the lowest numbers, so each term's copied blocks follow its pooled
        postings."""
        from whoosh.reading import SegmentReader

        # Plain reads, not memory maps (see add_merged).
        storage = FileStorage(self.storage.folder)
        whole, others = [], []
        for seg in segments:
            reader = SegmentReader(storage, self.schema, seg)
            if _copyable(seg, self.storage):
                whole.append(reader)
            else:
                others.append(reader)
        for reader in others:
            try:
                self.add_reader(reader)
            finally:
                reader.close()
        for reader in whole:
            base = self.docnum
            names = {n for n in reader.indexed_field_names() if n in self.schema}
            self.write_per_doc(set(self.schema.names()) | names, reader)
            self._whole.append((reader, base))
            self._sources.append((reader.segment(), base, None))
            self._added = True

    def _flush_segment(self):
        if not self._whole:
            return super()._flush_segment()
        self.perdocwriter.close()
        pdr = self.per_document_reader()
        try:
            self.fieldwriter.add_merged(self.schema, pdr, self.pool.iter_postings(), self._whole)
            self.fieldwriter.close()
        finally:
            pdr.close()

    def _close_segment(self):
        try:
            super()._close_segment()
        finally:
            whole, self._whole = self._whole, []
            for reader, _base in whole:
                reader.close()

    def _commit_toc(self, segments):
        for seg in segments:
            mine = seg.segment_id() == self.newsegment.segment_id()
            if mine:
                _write_bigrams(self.storage, self.schema, seg, self.grams, self._sources)
            else:
                _write_bigrams(self.storage, self.schema, seg)
        TOC(self.schema, segments, self.generation).write(self.storage, self.indexname)
        _record_files(self.storage.folder, self.indexname, self.generation, segments)
        clean_files(self.storage, self.indexname, self.generation, segments)


# Segments are merged by size tier: a tier holds the segments of MERGE_FACTOR**t to
# MERGE_FACTOR**(t+1) - 1 live documents, and MERGE_FACTOR segments of one tier are merged
# into one of the next (so a document is merged again only about log(N) times). Whoosh
# merges at about 0.1 ms per term of each document (segments without deleted documents
# have their blocks copied instead, see _SegmentWriter.merge_in), so six one-case segments
# can take 100-200 ms: merges are background work, :meth:`CaseIndex.merge` run by the
# library's job runner at low priority, up to BACKGROUND_SEGMENT_DOCS documents (a bulk
# ingest merges the segments it wrote when it ends). An ordinary commit (a web request) merges only when
# small segments have piled up regardless (no job runner, or one that lags behind).
SMALL_SEGMENT_DOCS = 64
BACKGROUND_SEGMENT_DOCS = 400
MERGE_FACTOR = 6
# Segments of one small tier at which an ordinary commit merges them itself.
BACKLOG_SEGMENTS = 4 * MERGE_FACTOR


def _tier(docs: int) -> int:
    t = 0
    while docs >= MERGE_FACTOR ** (t + 1):
        t += 1
    return t


def _tiered(segments, max_docs: int, min_segments: int = MERGE_FACTOR) -> list:
    """The segments a tiered merge takes: in every tier with ``min_segments`` segments of
    fewer than ``max_docs`` documents, the smallest ones whose documents together stay
    under ``max_docs``. Documents are live ones: a segment whose cases were all written
    again since counts as small, and merging it drops its deleted documents."""
    by_tier: dict[int, list] = {}
    for seg in segments:
        live = seg.doc_count()
        if live < max_docs:
            by_tier.setdefault(_tier(live), []).append(seg)
    chosen = []
    for _tier_no, segs in sorted(by_tier.items()):
        if len(segs) < min_segments:
            continue
        taken, total = [], 0
        for seg in sorted(segs, key=lambda s: s.doc_count()):
            if total + seg.doc_count() >= max_docs:
                break
            taken.append(seg)
            total += seg.doc_count()
        if len(taken) >= 2:
            chosen.extend(taken)
    return chosen


def _merged(writer, segments, chosen) -> list:
    """Merge ``chosen`` of ``segments`` into the writer's new segment (inside a merge
    policy); the segments left as they are."""
    if not chosen:
        return segments
    ids = {s.segment_id() for s in chosen}
    writer.merge_in(chosen)
    return [s for s in segments if s.segment_id() not in ids]


def _merge_tiered(max_docs: int, min_segments: int = MERGE_FACTOR):
    def policy(writer, segments):
        return _merged(writer, segments, _tiered(segments, max_docs, min_segments))

    return policy


# Merge policy of ordinary commits: only a backlog of small segments (Whoosh's own policy
# can merge a bulk ingest's segments inside a web request).
_merge_small = _merge_tiered(SMALL_SEGMENT_DOCS, BACKLOG_SEGMENTS)


def _copyable(seg, storage) -> bool:
    """Whether a segment merges by copying its blocks (see _SegmentWriter.merge_in)."""
    return (
        isinstance(seg.codec(), _Codec)
        and not seg.has_deletions()
        and storage.file_exists(seg.make_filename(FREQS_EXT))
    )


def _background_choice(segments, storage) -> list:
    """The segments a background merge takes: the small ones by tier (up to
    BACKGROUND_SEGMENT_DOCS documents), and, by tier with no bound, the larger ones whose
    blocks are copied (a library bulk-ingested by an earlier release kept its bulk
    segments: 18 at 10x; later bulk ingests add one segment each)."""
    chosen = _tiered(segments, BACKGROUND_SEGMENT_DOCS)
    taken = {s.segment_id() for s in chosen}
    large = [
        s
        for s in segments
        if s.segment_id() not in taken
        and s.doc_count() >= BACKGROUND_SEGMENT_DOCS
        and _copyable(s, storage)
    ]
    return chosen + _tiered(large, 2**31)


def _merge_background(writer, segments):
    return _merged(writer, segments, _background_choice(segments, writer.storage))


def _merge_new(before: set[str]):
    """Merge policy at the end of a bulk write: the segments it added, in one (the
    segments that were there before stay as they are). Their blocks are copied, not
    pooled again (:meth:`_SegmentWriter.merge_in`): the corpus's two bulk segments merge
    in 3.5 s where Whoosh's merge took 19 s."""

    def policy(writer, segments):
        new = [s for s in segments if s.segment_id() not in before]
        return _merged(writer, segments, new if len(new) >= 2 else [])

    return policy


@functools.cache
def _malloc_trim():
    """glibc's ``malloc_trim``, or None where the C library has none (musl, macOS)."""
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None


def _give_back_heap() -> None:
    """Hand the heap a written segment freed (its pool, its inverted bigrams: tens of MB
    in many small blocks) back to the system: glibc keeps freed memory in its arenas, and
    the writer's process of a 10x bulk ingest grew from ~210 to ~255 MB without it (~220
    with it, 2026-12-04)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


class IndexWriter:
    """Adds and deletes documents inside :meth:`CaseIndex.writing`.

    An ordinary writer keeps the last change of each case and applies them when it
    commits (after the changes other processes queued while the index was busy, so the
    newest change of a case wins). A bulk writer adds documents as they come and commits a
    segment each time it holds ``segment_postings`` postings."""

    def __init__(
        self,
        writer,
        ix=None,
        *,
        memory_mb: int = 64,
        segment_postings: int | None = None,
        on_segment: Callable[[IndexWriter], None] | None = None,
    ):
        self._w = writer
        self._ix = ix
        self._memory_mb = memory_mb
        self._segment_postings = segment_postings
        self._on_segment = on_segment
        self._pending_postings = 0
        self._changes: dict[str, Analyzed | None] = {}
        self.queue_files: list[Path] = []
        self.added = 0
        self.deleted = 0

    @property
    def bulk(self) -> bool:
        return self._segment_postings is not None

    def _maybe_commit_segment(self, a: Analyzed) -> None:
        if self._segment_postings is None or self._ix is None:
            return
        self._pending_postings += sum(len(p) for p in a.postings.values())
        if self._pending_postings >= self._segment_postings:
            self.commit_segment()

    def commit_segment(self) -> None:
        """Commit what this bulk writer holds as a segment and go on with a new one."""
        self._w.commit(merge=False)
        self._done_queue_files()
        _give_back_heap()
        self._w = _SegmentWriter(self._ix, limitmb=self._memory_mb)
        self._pending_postings = 0
        if self._on_segment is not None:
            self._on_segment(self)

    def _done_queue_files(self) -> None:
        for f in self.queue_files:
            with contextlib.suppress(FileNotFoundError):
                f.unlink()
        self.queue_files = []

    def add(self, a: Analyzed, *, update: bool = True) -> None:
        if not self.bulk or update:
            if self.bulk:
                self._write(a, update=True)
            else:
                self._changes.pop(a.doc.case_no, None)
                self._changes[a.doc.case_no] = a
            return
        self._write(a, update=False)
        self._maybe_commit_segment(a)

    def delete(self, case_no: str) -> None:
        if self.bulk:
            self.deleted += self._w.delete_by_term("case_no", case_no)
        else:
            self._changes.pop(case_no, None)
            self._changes[case_no] = None

    def apply(self, changes: dict[str, Analyzed | None]) -> None:
        """Changes queued by other processes (oldest first; this writer's own come after)."""
        if self.bulk:
            for case_no, a in changes.items():
                if a is None:
                    self.deleted += self._w.delete_by_term("case_no", case_no)
                else:
                    self._write(a, update=True)
        else:
            mine, self._changes = self._changes, {}
            for case_no, a in [*changes.items(), *mine.items()]:
                self._changes.pop(case_no, None)
                self._changes[case_no] = a

    def _flush(self) -> None:
        for case_no, a in self._changes.items():
            if a is None:
                self.deleted += self._w.delete_by_term("case_no", case_no)
            else:
                self._write(a, update=True)
        self._changes = {}

    def _write(self, a: Analyzed, *, update: bool) -> None:
        d = a.doc
        fields = {
            "case_no": d.case_no,
            "name": a.postings["name"],
            "_stored_name": d.name,
            "summary": a.postings["summary"],
            "_stored_summary": d.summary or "",
            "content": a.postings["content"],
            "name_sub": a.postings["name_sub"],
            "name_chars": a.postings["name_chars"],
            "text": d.text,
            "flat": flat_text(d.name, d.summary, d.text).encode("utf-8"),
            "terms": a.terms,
            "sketch": a.sketch,
            "file_name": d.file_name,
            "rating_count": int(d.rating_count or 0),
        }
        if d.theme:
            fields["theme"] = d.theme
        if d.tags:
            fields["tags"] = ",".join(t.replace(",", " ") for t in d.tags)
        if d.case_type:
            fields["case_type"] = d.case_type
        prov, city, county = region_parts(d.region)
        if prov:
            fields["region"] = d.region
            fields["region_province"] = prov
            if city:
                fields["region_city"] = city
            if county:
                fields["region_county"] = county
        if d.unit:
            fields["unit"] = d.unit
        if d.published:
            fields["published"] = datetime(d.published.year, d.published.month, d.published.day)
            fields["year"] = str(d.published.year)
        if d.rating is not None:
            fields["rating"] = float(d.rating)
        family = family_keys(d.name, a.sketch)
        if family:
            fields["family"] = ",".join(family)
        self._w.grams.add(self._w.docnum, a.grams)
        if update:
            self._w.update_document(**fields)
        else:
            self._w.add_document(**fields)
        self.added += 1


class _QueuedWriter:
    """What :meth:`CaseIndex.writing` gives when the index is busy and the caller asked to
    queue: the changes are written to the queue folder when the block ends, and whoever
    next holds the index (a bulk ingest between two segments, the next writer, a rebuild
    when it swaps its index in) applies them."""

    queued = True

    def __init__(self):
        self._changes: dict[str, Analyzed | None] = {}
        self.added = 0
        self.deleted = 0

    def add(self, a: Analyzed, *, update: bool = True) -> None:
        self._changes.pop(a.doc.case_no, None)
        self._changes[a.doc.case_no] = a
        self.added += 1

    def delete(self, case_no: str) -> None:
        self._changes.pop(case_no, None)
        self._changes[case_no] = None
        self.deleted += 1


class CaseIndex:
    def __init__(
        self,
        path: str | os.PathLike,
        *,
        memory_mb: int = 64,
        lock_timeout: float = 30.0,
        readahead: str = "auto",
    ):
        self.path = Path(path)
        # How the index's mapped files are read (see indexer.memory).
        memory.configure(self.path, readahead)
        self.memory_mb = memory_mb
        self.lock_timeout = lock_timeout
        self._local = threading.local()
        self._thread_lock = threading.RLock()
        self._repair_lock = threading.RLock()
        self._repair_fd: int | None = None
        self._repair_depth = 0
        # "missing" while reads are answered by the last reader of an index that is gone.
        self.degraded: str | None = None
        self._dictionary = False
        # Seconds after the index's last commit (by any process) within which a write that
        # may queue is queued and committed with the others when they have passed (see
        # writing): a server's writes then cost its readers one reopening per interval
        # instead of one each. 0: every write commits at once.
        self.commit_interval = 0.0
        self._drainer: tuple[int, threading.Thread] | None = None
        self._drainer_lock = threading.Lock()
        self._drain_wanted = threading.Event()

    # -- state --------------------------------------------------------------------------

    @property
    def _meta_path(self) -> Path:
        return self.path / META_FILE

    @property
    def _lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    @property
    def repair_lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".repair.lock")

    @property
    def queue_path(self) -> Path:
        """Changes written while the index was busy, applied by its next writer."""
        return self.path.with_name(self.path.name + ".queue")

    @property
    def rebuild_log_path(self) -> Path:
        """One JSON line per rebuild (time, process, reason, cases): the rebuild count."""
        return self.path.with_name(self.path.name + ".rebuilds.jsonl")

    def rebuilds(self) -> list[dict]:
        """Every rebuild of this index so far, oldest first."""
        try:
            lines = self.rebuild_log_path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        return [json.loads(ln) for ln in lines if ln.strip()]

    def _read_meta(self) -> dict | None:
        try:
            return json.loads(self._meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def check(self, *, deep: bool = False) -> str:
        """``ok``, ``missing`` (no index), ``stale`` (other schema version or dictionaries) or
        ``corrupt``: a committed file is missing or differs in size (or, with ``deep``, in
        checksum) from what its commit recorded, or the index cannot be opened."""
        for _attempt in range(3):
            meta = self._read_meta()
            if meta is None:
                if not self.path.exists() or not any(self.path.iterdir()):
                    return "missing"
                return "corrupt"
            if (
                meta.get("schema_version") != SCHEMA_VERSION
                or meta.get("fingerprint") != analysis_fingerprint()
            ):
                return "stale"
            bad = _bad_file(self.path, meta.get("files") or {}, deep=deep)
            if bad is None:
                break
            # A writer may have committed (and removed the old generation's files) since
            # the meta file was read: that is only damage if the meta file is the same.
            if self._read_meta() == meta:
                log.warning("index file %s is missing or has changed since its commit", bad)
                return "corrupt"
        else:
            return "corrupt"
        try:
            ix = _open(self.path)
            with ix.searcher() as s:
                s.doc_count()
        except Exception as e:  # noqa: BLE001 - any failure to open means corrupt
            log.warning("index at %s is unreadable: %r", self.path, e)
            return "corrupt"
        return "ok"

    def _create_in(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        for child in path.iterdir():
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
        whoosh_index.create_in(str(path), build_schema())
        # jieba's dictionary as a file readers memory-map (a query then segments without
        # loading jieba: see indexer.analysis).
        write_dictionary(path / DICT_FILE)
        meta = {
            "schema_version": SCHEMA_VERSION,
            "fingerprint": analysis_fingerprint(),
            "build_id": uuid.uuid4().hex,
            "created": datetime.now().isoformat(timespec="seconds"),
        }
        _write_meta(path, meta)
        ix = _open(path)
        toc = TOC.read(ix.storage, ix.indexname)
        _record_files(path, ix.indexname, toc.generation, toc.segments)

    def verify(self) -> str:
        """:meth:`check`, safe while a writer is at work: a commit records its new files
        before it removes the old ones."""
        return self.check()

    def create(self) -> None:
        """An empty index (replacing whatever is there)."""
        with self._locked():
            self._create_in(self.path)
        self._drop_reader()

    # -- locking and writing ------------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self, timeout: float | None = None) -> Iterator[None]:
        timeout = self.lock_timeout if timeout is None else timeout
        self._lock_path.parent.mkdir(parents=True, exist_ok=True)
        if not self._thread_lock.acquire(timeout=max(0.0, timeout)):
            raise IndexBusy("检索索引正被其他任务写入，请稍后重试")
        try:
            fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                _flock(fd, timeout, "检索索引正被其他任务写入，请稍后重试")
                try:
                    yield
                finally:
                    fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)
        finally:
            self._thread_lock.release()

    def claim_repair(self) -> int | None:
        """Take the repair lock now, if no process holds it: the open file descriptor
        holding it (to hand to a repair process, see :meth:`repairing`), or None."""
        self.repair_lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.repair_lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        return fd

    @contextlib.contextmanager
    def repairing(self, timeout: float = 0.0, *, claimed: int | None = None) -> Iterator[None]:
        """The repair lock: one process at a time rebuilds the index. Re-entrant within a
        process; raises IndexBusy when another process holds it beyond ``timeout``.
        ``claimed``: a descriptor from :meth:`claim_repair` (inherited from the process
        that claimed it), already holding the lock. The lock is an ``flock``, so a process
        killed while rebuilding leaves nothing held."""
        self.repair_lock_path.parent.mkdir(parents=True, exist_ok=True)
        if not self._repair_lock.acquire(timeout=max(0.0, timeout) if timeout else -1):
            raise IndexBusy("检索索引正在重建")
        try:
            if self._repair_depth == 0:
                if claimed is not None:
                    fd = claimed
                else:
                    fd = os.open(self.repair_lock_path, os.O_RDWR | os.O_CREAT, 0o644)
                    try:
                        _flock(fd, timeout, "检索索引正在重建")
                    except BaseException:
                        os.close(fd)
                        raise
                self._repair_fd = fd
            self._repair_depth += 1
            try:
                yield
            finally:
                self._repair_depth -= 1
                if self._repair_depth == 0 and self._repair_fd is not None:
                    fcntl.flock(self._repair_fd, fcntl.LOCK_UN)
                    os.close(self._repair_fd)
                    self._repair_fd = None
        finally:
            self._repair_lock.release()

    def repair_in_progress(self) -> bool:
        """Whether a process (this one or another) holds the repair lock now."""
        if self._repair_depth:
            return True
        try:
            fd = os.open(self.repair_lock_path, os.O_RDWR)
        except FileNotFoundError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)
            return False
        finally:
            os.close(fd)

    def _quick_state(self) -> str:
        """:meth:`check` without opening the index (the meta file and the files' sizes)."""
        meta = self._read_meta()
        if meta is None:
            return (
                "missing" if not self.path.exists() or not any(self.path.iterdir()) else "corrupt"
            )
        if (
            meta.get("schema_version") != SCHEMA_VERSION
            or meta.get("fingerprint") != analysis_fingerprint()
        ):
            return "stale"
        return "ok" if _bad_file(self.path, meta.get("files") or {}) is None else "corrupt"

    @contextlib.contextmanager
    def writing(
        self, *, timeout: float | None = None, bulk: bool = False, queue_if_busy: bool = False
    ) -> Iterator[IndexWriter]:
        """A writer that commits when the block ends normally and cancels when it raises.
        Never both. A ``bulk`` writer also commits a segment each time it holds
        ``BULK_SEGMENT_POSTINGS`` postings (each such commit is whole: the documents written
        before a failure stay, the failed segment is cancelled), applies the changes others
        queued meanwhile after each segment, and merges its segments when it ends.

        With ``queue_if_busy``, when another writer holds the index beyond ``timeout``, the
        block gets a writer whose ``queued`` is true: its changes are queued on disk when
        the block ends and applied by the next writer. So do such writes within
        :attr:`commit_interval` of the index's last commit; this process then applies the
        queue when the interval has passed (a thread of its own). A missing or damaged index raises
        IndexMissing / IndexCorrupt (it is rebuilt from the database, never recreated
        empty here)."""
        deferred = queue_if_busy and not bulk and self._committed_within(self.commit_interval)
        lock = None if deferred else self._locked(timeout)
        if lock is not None:
            try:
                lock.__enter__()
            except IndexBusy:
                if not queue_if_busy:
                    raise
                lock = None
        if lock is None:
            q = _QueuedWriter()
            yield q  # type: ignore[misc]
            if q._changes:
                self._enqueue(q._changes)
                if deferred:
                    self._drain_later()
                else:
                    # The writer that held the index may have let go meanwhile.
                    self._drain_if_free()
            return
        try:
            state = self._quick_state()
            if state == "missing":
                raise IndexMissing("检索索引不存在，需要从数据库重建")
            if state != "ok":
                raise IndexCorrupt(f"检索索引不可写（{state}），需要从数据库重建")
            with _reading():
                ix = _open(self.path)
            before = {s.segment_id() for s in TOC.read(ix.storage, ix.indexname).segments}
            wrapper = IndexWriter(
                _SegmentWriter(ix, limitmb=self.memory_mb),
                ix,
                memory_mb=self.memory_mb,
                segment_postings=BULK_SEGMENT_POSTINGS if bulk else None,
                on_segment=self._drain_into if bulk else None,
            )
            if not bulk:
                self._drain_into(wrapper)
            try:
                yield wrapper
                wrapper._flush()
            except BaseException:
                wrapper._w.cancel()
                raise
            if bulk:
                wrapper._w.commit(merge=False)
                wrapper._done_queue_files()
                # What was queued during the last segment, and the segments this bulk
                # write added merged into one.
                w = _SegmentWriter(_open(self.path), limitmb=self.memory_mb)
                wrapper._w = w
                self._drain_into(wrapper)
                try:
                    w.commit(mergetype=_merge_new(before))
                except BaseException:
                    with contextlib.suppress(Exception):
                        w.cancel()
                    raise
            else:
                wrapper._w.commit(mergetype=_merge_small)
            wrapper._done_queue_files()
            self._apply_queue()  # queued by others while this writer held the index
        except BaseException as e:
            lock.__exit__(type(e), e, e.__traceback__)
            raise
        lock.__exit__(None, None, None)
        self._drop_reader()
        # Changes queued after the look above, by writers that found the index held.
        self._drain_if_free()

    # -- the queue of changes written while the index was busy ------------------------------

    def _enqueue(self, changes: dict[str, Analyzed | None]) -> None:
        q = self.queue_path
        q.mkdir(parents=True, exist_ok=True)
        name = f"{time.time_ns():020d}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        tmp = q / (name + ".tmp")
        with open(tmp, "wb") as f:
            pickle.dump(changes, f, protocol=pickle.HIGHEST_PROTOCOL)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, q / (name + ".pkl"))

    def queued(self) -> int:
        """How many queued writes wait for the next writer."""
        try:
            return sum(1 for p in self.queue_path.iterdir() if p.suffix == ".pkl")
        except FileNotFoundError:
            return 0

    def _drain_into(self, writer: IndexWriter) -> None:
        """Apply the queued changes (oldest first) to ``writer``; their files are removed
        once the writer has committed them."""
        try:
            files = sorted(p for p in self.queue_path.iterdir() if p.suffix == ".pkl")
        except FileNotFoundError:
            return
        changes: dict[str, Analyzed | None] = {}
        for f in files:
            try:
                with open(f, "rb") as fh:
                    batch = pickle.load(fh)
            except FileNotFoundError:
                continue
            for case_no, a in batch.items():
                changes.pop(case_no, None)
                changes[case_no] = a
            writer.queue_files.append(f)
        if changes:
            writer.apply(changes)

    def _apply_queue(self) -> None:
        """Apply the queued changes in a commit of their own (under the write lock)."""
        if not self.queued():
            return
        self._commit_queue(_open(self.path), _merge_small)

    def _commit_queue(self, ix, mergetype) -> None:
        """The queued changes written by a writer of their own and committed with this
        merge policy (under the write lock); the queue files go once the commit holds."""
        w = IndexWriter(_SegmentWriter(ix, limitmb=self.memory_mb))
        self._drain_into(w)
        w._flush()
        try:
            w._w.commit(mergetype=mergetype)
        except BaseException:
            with contextlib.suppress(Exception):
                w._w.cancel()
            raise
        w._done_queue_files()

    def _committed_within(self, seconds: float) -> bool:
        """Whether the index's last commit (the meta file each commit writes) is more
        recent than ``seconds``."""
        if seconds <= 0:
            return False
        try:
            return time.time() - self._meta_path.stat().st_mtime < seconds
        except OSError:
            return False

    def _drain_later(self) -> None:
        """Have this process's drain thread apply the queue once :attr:`commit_interval`
        has passed since the last commit (started here, again after a fork)."""
        self._drain_wanted.set()
        current = self._drainer
        if current is not None and current[0] == os.getpid() and current[1].is_alive():
            return
        with self._drainer_lock:
            current = self._drainer
            if current is not None and current[0] == os.getpid() and current[1].is_alive():
                return
            t = threading.Thread(target=self._drain_loop, name="index-drain", daemon=True)
            self._drainer = (os.getpid(), t)
            t.start()

    def _drain_loop(self) -> None:
        while True:
            self._drain_wanted.wait()
            try:
                last = self._meta_path.stat().st_mtime
            except OSError:
                last = 0.0
            time.sleep(
                min(self.commit_interval, max(0.0, last + self.commit_interval - time.time()))
            )
            self._drain_wanted.clear()  # a change queued from now on asks again
            self._drain_if_free()

    def _drain_if_free(self) -> None:
        """Apply the queued changes if no one holds the index, until none is left. Whoever
        queues a change looks here after queueing it, and a writer after letting go of
        the index, so a queued change never waits for a later write: either the lock was
        free when its writer looked, or its holder looks after letting go. A failure is
        logged and the changes stay queued (for the next writer or a rebuild). Within
        :attr:`commit_interval` of the last commit the queue is left to this process's
        drain thread."""
        for _round in range(8):
            if not self.queued():
                return
            if self._committed_within(self.commit_interval):
                self._drain_later()
                return
            try:
                with self._locked(0.0):
                    if self._quick_state() != "ok":
                        return  # missing or damaged: the rebuild applies the queue
                    self._apply_queue()
            except IndexBusy:
                return  # its holder applies the queue when it lets go
            except Exception:  # noqa: BLE001 - the queued changes stay for the next writer
                log.warning("applying the queued index changes failed", exc_info=True)
                return
            self._drop_reader()

    def merge_due(self) -> str | None:
        """Whether segments wait for :meth:`merge`, from a look at the table of contents:
        None, or the index's build and generation (``<build_id>-<generation>``)."""
        try:
            ix = _open(self.path)
            toc = TOC.read(ix.storage, ix.indexname)
        except Exception:  # noqa: BLE001 - no index (yet): nothing to merge
            return None
        if not _background_choice(toc.segments, ix.storage):
            return None
        return f"{(self._read_meta() or {}).get('build_id')}-{toc.generation}"

    def merge(self, *, timeout: float = 0.0) -> int:
        """Merge the segments of every size tier that holds :data:`MERGE_FACTOR` of them, up
        to :data:`BACKGROUND_SEGMENT_DOCS` documents (ordinary commits leave them), and
        larger ones without deleted documents the same way, with no bound (their blocks
        are copied: :func:`_background_choice`): for a background job at low priority,
        never a request. The queued changes are applied
        in the same commit. Returns the number of segments merged; 0 when
        there was nothing to merge or another writer held the index beyond ``timeout``."""
        try:
            with self._locked(timeout):
                state = self._quick_state()
                if state == "missing":
                    raise IndexMissing("检索索引不存在，需要从数据库重建")
                if state != "ok":
                    raise IndexCorrupt(f"检索索引不可写（{state}），需要从数据库重建")
                ix = _open(self.path)
                toc = TOC.read(ix.storage, ix.indexname)
                chosen = _background_choice(toc.segments, ix.storage)
                if not chosen:
                    return 0
                self._commit_queue(ix, _merge_background)
        except IndexBusy:
            return 0
        finally:
            self._drop_reader()
        self._drain_if_free()
        return len(chosen)

    def drain(self, *, timeout: float = 0.0) -> int:
        """Apply queued changes now if the index is free (a web worker does this now and
        then). Returns how many queued writes were applied."""
        n = self.queued()
        if not n:
            return 0
        try:
            with self.writing(timeout=timeout):
                pass
        except IndexBusy:
            return 0
        return n

    def rebuild(
        self, analyzed: Iterable[Analyzed], *, timeout: float | None = None, reason: str = ""
    ) -> int:
        """Write a fresh index from ``analyzed`` into a new directory and swap it in, under
        the repair lock (one rebuild at a time, whatever the process) and the write lock
        (writes meanwhile are queued and applied to the new index when it is in place).
        Each rebuild is appended to :attr:`rebuild_log_path`."""
        started = time.time()
        with self.repairing(timeout=timeout or self.lock_timeout), self._locked(timeout):
            # Half-written directories of rebuilds that were killed.
            for stale in self.path.parent.glob(self.path.name + ".new*"):
                shutil.rmtree(stale, ignore_errors=True)
            tmp = self.path.with_name(f"{self.path.name}.new-{os.getpid()}")
            self._create_in(tmp)
            ix = _open(tmp)
            wrapper = IndexWriter(
                _SegmentWriter(ix, limitmb=self.memory_mb),
                ix,
                memory_mb=self.memory_mb,
                segment_postings=BULK_SEGMENT_POSTINGS,
            )
            try:
                for a in analyzed:
                    wrapper.add(a, update=False)
                wrapper._w.commit(merge=False)
                # The bulk segments merged into one, as at the end of a bulk ingest.
                wrapper._w = _SegmentWriter(_open(tmp), limitmb=self.memory_mb)
                wrapper._w.commit(mergetype=_merge_new(set()))
            except BaseException:
                with contextlib.suppress(Exception):
                    wrapper._w.cancel()
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            old = self.path.with_name(self.path.name + ".old")
            if old.exists():
                shutil.rmtree(old)
            if self.path.exists():
                os.replace(self.path, old)
            os.replace(tmp, self.path)
            shutil.rmtree(old, ignore_errors=True)
            self._apply_queue()  # writes queued while the rebuild ran
            entry = {
                "at": datetime.now().isoformat(timespec="seconds"),
                "pid": os.getpid(),
                "reason": reason or "rebuild",
                "cases": wrapper.added,
                "seconds": round(time.time() - started, 1),
            }
            with open(self.rebuild_log_path, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")
        log.info(
            "index rebuilt (%s): %d cases in %.1f s",
            entry["reason"],
            wrapper.added,
            entry["seconds"],
        )
        self._drop_reader()
        self._drain_if_free()
        return wrapper.added

    # -- reading --------------------------------------------------------------------------

    def _drop_reader(self) -> None:
        r = getattr(self._local, "reader", None)
        if r is not None:
            with contextlib.suppress(Exception):
                r.close()
            self._local.reader = None

    def _reader(self) -> _Reader:
        """This thread's reader of the current index generation. Another process may have
        written since: a look at the meta file and the table of contents (well under a
        millisecond) tells. With no index on disk (its directory deleted) the last reader
        opened goes on answering (its files stay readable while open) until it is repaired."""
        r: _Reader | None = getattr(self._local, "reader", None)
        if r is None and not self._dictionary:
            self._dictionary = attach_dictionary(self.path / DICT_FILE)
        meta = self._read_meta()
        if meta is None:
            self.degraded = "missing"
            if r is not None:
                return r
            raise IndexMissing("检索索引不存在，正在从数据库重建")
        self.degraded = None
        if r is not None and r.build_id == meta.get("build_id"):
            try:
                current = r.searcher.up_to_date()
            except Exception:  # noqa: BLE001 - a vanished table of contents: reopen below
                current = False
            if current:
                return r
        # Reopen rather than Searcher.refresh(): whoosh-reloaded 2.7.5's refresh keeps the
        # segments another writer merged away, so a long-lived reader would see cases twice.
        try:
            fresh = _Reader(_open(self.path), meta.get("build_id"))
        except Exception as e:  # noqa: BLE001 - a commit racing the opening, or damage
            raise IndexCorrupt("检索索引无法读取") from e
        self._drop_reader()
        self._local.reader = fresh
        return fresh

    def _read(self, read: Callable[[_Reader], T]) -> T:
        """``read`` on this thread's reader. A reader that meets files being replaced by a
        writer in another process (a generation merged away between opening the table of
        contents and its segments) tries again on a fresh reader; only when fresh readers
        keep failing are the committed files checked, and only a checksum or size mismatch
        counts as damage (IndexCorrupt). Otherwise the failure is transient (IndexBusy)."""
        last: Exception | None = None
        for attempt in range(READ_ATTEMPTS):
            try:
                r = self._reader()
                with _reading():
                    return read(r)
            except IndexMissing:
                raise
            except IndexCorrupt as e:
                last = e
                log.info(
                    "index read failed (attempt %d), retrying on a fresh reader: %r",
                    attempt + 1,
                    e.__cause__ or e,
                )
                self._drop_reader()
                time.sleep(0.01 * (attempt + 1))
        state = self.check(deep=True)
        if state == "missing":
            raise IndexMissing("检索索引不存在，正在从数据库重建") from last
        if state == "corrupt":
            raise IndexCorrupt("检索索引已损坏，正在从数据库重建") from last
        raise IndexBusy("检索索引暂时无法读取，请稍后重试") from last

    def doc_count(self) -> int:
        return self._read(lambda r: r.searcher.doc_count())

    def case_nos(self) -> set[str]:
        def read(r: _Reader) -> set[str]:
            cols = r.columns
            return {cols.case_no[d] for d in r.searcher.reader().all_doc_ids() if cols.case_no[d]}

        return self._read(read)

    def stored(self, case_no: str) -> dict | None:
        return self._read(lambda r: self._stored(r, case_no))

    @staticmethod
    def _stored(r: _Reader, case_no: str) -> dict | None:
        s = r.searcher
        docnum = s.document_number(case_no=case_no)
        return None if docnum is None else s.stored_fields(docnum)

    def close(self) -> None:
        self._drop_reader()

    # -- search ---------------------------------------------------------------------------

    def _filter(self, sq: SearchQuery) -> Q.Query | None:
        parts: list[Q.Query] = []
        if sq.theme:
            parts.append(Q.Term("theme", sq.theme))
        for t in sq.tags:
            parts.append(Q.Term("tags", t))
        if sq.case_type:
            if sq.case_type == UNKNOWN:
                parts.append(Q.Not(Q.Every("case_type")))
            else:
                parts.append(Q.Term("case_type", sq.case_type))
        if sq.region:
            code = region_prefix(sq.region)
            field = {2: "region_province", 4: "region_city", 6: "region_county"}.get(len(code))
            if field:
                parts.append(Q.Term(field, code))
        if sq.unit:
            parts.append(Q.Term("unit", sq.unit))
        if sq.case_no:
            parts.append(Q.Term("case_no", sq.case_no.strip()))
        if sq.year:
            parts.append(Q.Term("year", str(sq.year)))
        if not parts:
            return None
        return Q.And(parts) if len(parts) > 1 else parts[0]

    def search(self, sq: SearchQuery) -> SearchResult:
        return self._read(lambda r: self._search(r, sq))

    def _search(self, r: _Reader, sq: SearchQuery) -> SearchResult:
        import numpy as np  # not at import: a command that never searches does not pay it

        s = r.searcher
        plan = parse(sq.q)
        filt = self._filter(sq)
        allowed = set(filt.docs(s)) if filt is not None else None
        if sq.name and sq.name.strip():
            # The name filter is a string search (一网 finds 一网通办): the name's
            # character bigrams give the candidates, checked in the stored name.
            named = self._names_holding(r, sq.name)
            allowed = named if allowed is None else allowed & named
        cols = r.columns
        if sq.date_from or sq.date_to:
            # On the date column, not a Whoosh range query (which expands into many terms).
            lo = (
                _date_key(datetime.combine(sq.date_from, datetime.min.time()))
                if sq.date_from
                else 0
            )
            hi = (
                _date_key(datetime.combine(sq.date_to, datetime.max.time())) if sq.date_to else None
            )
            pool = allowed if allowed is not None else s.reader().all_doc_ids()
            allowed = {
                d
                for d in pool
                if (v := cols.published[d]) is not None and v >= lo and (hi is None or v <= hi)
            }
        matched, scores = r.evaluator.evaluate(plan, allowed)
        total = len(matched)
        facets = self._facets(cols, matched, sq)

        start = (sq.page - 1) * sq.per_page
        end = start + sq.per_page
        if sq.sort == "relevance" and plan.required:

            def rank_key(d: int) -> tuple:
                return (-scores[d], _neg_date(cols.published[d]), d)

            def ranked_prefix(n: int) -> list[int]:
                if n >= total:
                    return sorted(matched.tolist(), key=rank_key)
                if n <= 0:
                    return []
                # The n best scores by an array partition, then those scoring at least
                # the n-th (ties are ranked by date) in full order.
                values = scores[matched]
                floor = np.partition(values, total - n)[total - n]
                return sorted(matched[values >= floor].tolist(), key=rank_key)[:n]
        else:
            in_order: list[int] = []
            position: dict[int, int] = {}

            def ranked_prefix(n: int) -> list[int]:
                if not in_order:
                    in_order.extend(self._sorted(cols, matched, sq.sort))
                return in_order

            def rank_key(d: int) -> int:
                if not position:
                    position.update((x, i) for i, x in enumerate(ranked_prefix(total)))
                return position[d]

        versions: dict[int, list[int]] = {}
        folded = 0
        if sq.group and total > 1:
            page_docs, versions, folded = self._grouped(
                r, ranked_prefix, rank_key, matched, start, end
            )
        else:
            page_docs = ranked_prefix(end)[start:end]

        pattern = highlight.compile_needles(plan.needles) if sq.highlight else None
        hits = []
        for d in page_docs:
            f = s.stored_fields(d)
            text = f.get("text") or ""
            hits.append(
                SearchHit(
                    case_no=f["case_no"],
                    name=f.get("name", ""),
                    file_name=f.get("file_name"),
                    score=float(scores[d]),
                    highlights=highlight.snippets(text, pattern) if pattern is not None else [],
                    name_html=highlight.mark(f.get("name", ""), pattern),
                    summary=f.get("summary", ""),
                    theme=f.get("theme"),
                    tags=tuple(t for t in (f.get("tags") or "").split(",") if t),
                    case_type=f.get("case_type"),
                    region=f.get("region"),
                    unit=f.get("unit"),
                    published=f["published"].date() if f.get("published") else None,
                    rating=f.get("rating"),
                    rating_count=f.get("rating_count") or 0,
                    versions=tuple(
                        (v["case_no"], v.get("name", ""))
                        for v in map(s.stored_fields, versions.get(d, ()))
                    ),
                )
            )
        return SearchResult(
            total=total,
            hits=hits,
            facets=facets,
            page=sq.page,
            per_page=sq.per_page,
            terms=plan.terms,
            grouped=sq.group,
            folded=folded,
        )

    @staticmethod
    def _grouped(
        r: _Reader,
        ranked_prefix: Callable[[int], list[int]],
        rank_key: Callable[[int], object],
        matched: list[int],
        start: int,
        end: int,
    ) -> tuple[list[int], dict[int, list[int]], int]:
        """The page's documents when the versions of one text are one hit (the first
        ranked of them), each page document's other versions among the matches, and how
        many matches were folded so. The ranked list is walked until the pages up to this
        one are full, so that a version shown under a hit of page 1 is not on page 2;
        versions ranked further down are found through the keys' postings."""
        family = r.columns.family
        s = r.searcher
        sketches: dict[int, set[int]] = {}
        names: dict[int, str] = {}

        def same_text(a: int, b: int) -> bool:
            for d in (a, b):
                if d not in sketches:
                    f = s.stored_fields(d)
                    sketches[d] = sketch_set(f.get("sketch"))
                    names[d] = f.get("name", "")
            res = resemblance(sketches[a], sketches[b])
            if res >= VERSION_OTHER_NAME:
                return True
            if res < VERSION_SAME_NAME:
                return False
            name = version_name(names[a])
            return bool(name) and name == version_name(names[b])

        owner: dict[str, list[int]] = {}  # key -> the leaders holding it, in rank order
        leaders: list[int] = []
        place: dict[int, int] = {}  # leader -> its position
        walked_versions: dict[int, list[int]] = {}
        folded_in = 0
        # The first hundred or so ranked (all of a small result set) are walked whatever
        # the page, so that the count of pages knows of the versions folded among them.
        n = min(len(matched), max(2 * end + 10, 100))
        ranked = ranked_prefix(n)
        i = 0
        while len(leaders) < end or i < len(ranked):
            if i >= len(ranked):
                if len(ranked) >= len(matched):
                    break
                n = min(len(matched), 4 * n)
                ranked = ranked_prefix(n)
                continue
            d = ranked[i]
            i += 1
            # The first ranked hit of which it is a version (through any shared key).
            held = {o for k in family[d] for o in owner.get(k, ())}
            lead = next((o for o in sorted(held, key=place.__getitem__) if same_text(o, d)), None)
            if lead is None:
                place[d] = len(leaders)
                leaders.append(d)
                for k in family[d]:
                    owner.setdefault(k, []).append(d)
            else:
                walked_versions.setdefault(lead, []).append(d)
                folded_in += 1
        page = leaders[start:end]
        walked = set(ranked[:i])
        matched_set: set[int] | None = None
        ev = r.evaluator
        versions: dict[int, list[int]] = {}
        beyond = 0
        for lead in page:
            found = list(walked_versions.get(lead, ()))
            cands: set[int] = set()
            for k in family[lead]:
                cands.update(ev.postings("family", k)[0])
            cands.discard(lead)
            cands -= walked
            if cands:
                if matched_set is None:
                    matched_set = set(matched.tolist())
                later = [c for c in cands & matched_set if same_text(lead, c)]
                found.extend(sorted(later, key=rank_key))
                beyond += len(later)
            if found:
                versions[lead] = found
        return page, versions, folded_in + beyond

    @staticmethod
    def _names_holding(r: _Reader, text: str) -> set[int]:
        needle = "".join(normalize(text).split())
        ev = r.evaluator
        grams = set(char_grams(needle, normalized=True))
        if not grams:
            return set()
        cands: set[int] | None = None
        for g in sorted(grams, key=lambda g: len(ev.postings("name_chars", g)[0])):
            ids = ev.postings("name_chars", g)[0]
            cands = set(ids) if cands is None else cands.intersection(ids)
            if not cands:
                return set()
        s = r.searcher
        return {
            d
            for d in cands or ()
            if needle in "".join(normalize(s.stored_fields(d).get("name", "")).split())
        }

    @staticmethod
    def _sorted(cols: _Columns, docs, sort: str) -> list[int]:
        # By each document's place in the whole index's order (computed once per reader),
        # an array operation, where a Python key function per match cost tens of
        # milliseconds for a common word at 10x the corpus.
        import numpy as np

        docs = np.asarray(docs, dtype=np.int64)
        place = cols.order_array("rating" if sort == "rating" else "date")
        return docs[np.argsort(place[docs], kind="stable")].tolist()

    @staticmethod
    def _facets(cols: _Columns, docs, sq: SearchQuery) -> dict[str, dict[str, int]]:
        # Counted on the columns' value codes by numpy (Counter's C loop over 25,000
        # matches took a millisecond per facet).
        import numpy as np

        idx = np.asarray(docs, dtype=np.int64)
        # Region counts one level below the region filter: provinces, then cities, counties.
        level = len(region_prefix(sq.region)) if sq.region else 0
        year = cols.count("year", idx)
        return {
            "theme": cols.count("theme", idx),
            "region": cols.count({0: 2, 2: 4}.get(level, 6), idx),
            "year": dict(sorted(year.items(), key=lambda kv: kv[0], reverse=True)),
            "case_type": cols.count("case_type", idx),
            "tags": cols.count_tags(idx),
        }

    def suggest(self, prefix: str, limit: int = 8) -> list[tuple[str, str]]:
        """Case names containing what was typed so far: (case_no, name), best first."""
        prefix = prefix.strip()
        if not prefix:
            return []
        res = self.search(SearchQuery(name=prefix, per_page=limit, sort="date", highlight=False))
        return [(h.case_no, h.name) for h in res.hits]

    # -- similar cases --------------------------------------------------------------------

    def similar(
        self, text: str, *, limit: int = 10, exclude: Iterable[str] = (), name: str | None = None
    ) -> list[SimilarHit]:
        """The cases most similar to ``text``: candidates by the draft's most characteristic
        terms, ranked by the cosine of tf-idf vectors over the full-text terms, with
        near-duplicates flagged by the shingle-sketch resemblance."""
        hits = self._read(lambda r: self._similar(r, text, limit=limit, exclude=exclude))
        if name and name.strip():
            # The same case name with much the same content (another file of the case: a
            # PDF of the Word document, an edited copy) is a near-duplicate too.
            same = "".join(normalize(name).split())
            for h in hits:
                if h.cosine >= SAME_NAME_SIMILARITY and "".join(normalize(h.name).split()) == same:
                    h.near_duplicate = True
            hits.sort(key=lambda x: (x.near_duplicate, x.similarity), reverse=True)
        return hits

    def _similar(
        self, r: _Reader, text: str, *, limit: int = 10, exclude: Iterable[str] = ()
    ) -> list[SimilarHit]:
        s = r.searcher
        tokens = analyze(text)
        if not tokens:
            return []
        idf = r.idf
        vec = _weights(Counter(tokens), idf)
        if not vec:
            return []
        key_terms = dict(sorted(vec.items(), key=lambda kv: kv[1], reverse=True)[:MLT_TERMS])
        candidates = r.evaluator.key_term_scores(key_terms, limit + SIMILAR_EXTRA_CANDIDATES)
        draft_sketch = sketch_set(sketch(text))
        draft = "".join(normalize(text).split())
        exclude = set(exclude)
        hits: list[SimilarHit] = []
        for d, _score in candidates:
            f = s.stored_fields(d)
            if f["case_no"] in exclude:
                continue
            terms = parse_terms(f.get("terms"))
            norm = r.norms.get(d)
            if norm is None:
                norm = r.norms[d] = _norm(terms, idf)
            dot = 0.0
            for t, w in vec.items():
                tf = terms.get(t)
                if tf:
                    dot += w * _tfw(tf) * idf[t]
            cos = dot / norm if norm else 0.0
            res_sk = resemblance(draft_sketch, sketch_set(f.get("sketch")))
            name = f.get("name", "")
            hits.append(
                SimilarHit(
                    case_no=f["case_no"],
                    name=name,
                    file_name=f.get("file_name"),
                    similarity=_with_name(min(1.0, cos), _name_in(name, draft)),
                    near_duplicate=res_sk >= NEAR_DUPLICATE,
                    resemblance=res_sk,
                    cosine=min(1.0, cos),
                )
            )
        hits.sort(key=lambda x: (x.near_duplicate, x.similarity), reverse=True)
        return hits[:limit]


def _write_meta(path: Path | str, meta: dict) -> None:
    target = Path(path) / META_FILE
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(meta), encoding="utf-8")
    os.replace(tmp, target)


def _record_files(path: Path | str, indexname: str, generation: int, segments) -> None:
    """Note the size and CRC-32 of every file of a generation (its table of contents and
    its segments' files) in the meta file, under the write lock. Segment files never
    change once written, so the checksums of files already recorded are kept."""
    path = Path(path)
    meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
    before = meta.get("files") or {}
    ids = {s.segment_id() for s in segments}
    toc = f"_{indexname}_{generation}.toc"
    files = {}
    for f in path.iterdir():
        name = f.name
        if name != toc and not (name.split(".", 1)[0] in ids and f.is_file()):
            continue
        size = f.stat().st_size
        old = before.get(name)
        if isinstance(old, list) and old[0] == size and name != toc:
            files[name] = old
        else:
            files[name] = [size, _crc(f)]
    meta["files"] = files
    _write_meta(path, meta)


def _crc(path: Path) -> int:
    crc = 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return crc


def _bad_file(path: Path, files: dict, *, deep: bool = False) -> str | None:
    """The first recorded file that is missing or differs (in size; with ``deep``, also
    in checksum) from its record, or None."""
    for name, rec in files.items():
        size, crc = (rec[0], rec[1]) if isinstance(rec, list) else (rec, None)
        f = path / name
        try:
            if f.stat().st_size != size:
                return name
        except FileNotFoundError:
            return name
        if deep and crc is not None and _crc(f) != crc:
            return name
    return None


def _flock(fd: int, timeout: float, message: str) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise IndexBusy(message) from None
            time.sleep(0.02)


@contextlib.contextmanager
def _reading() -> Iterator[None]:
    """Turn a failure inside Whoosh's reading code (a damaged segment, a garbled block)
    into IndexCorrupt, which the library answers by rebuilding the index. Errors raised
    by our own code pass through unchanged."""
    try:
        yield
    except IndexerError:
        raise
    except Exception as e:
        if _raised_in_whoosh(e):
            raise IndexCorrupt("检索索引已损坏，正在从数据库重建") from e
        raise


def _raised_in_whoosh(e: BaseException) -> bool:
    tb = e.__traceback__
    last = None
    while tb is not None:
        last = tb.tb_frame.f_code.co_filename
        tb = tb.tb_next
    return bool(last) and f"{os.sep}whoosh{os.sep}" in last


def _with_name(cos: float, named: float) -> float:
    """The similarity shown and ranked by: the cosine, raised towards 1 by the share of the
    case's name the draft holds (by at most NAME_IN_DRAFT_WEIGHT of the distance left, so
    that only the same text is 1.0)."""
    return cos + NAME_IN_DRAFT_WEIGHT * named * (1.0 - cos)


def _name_in(name: str, draft: str) -> float:
    """How much of a case's name (its character bigrams, notes in brackets left out) the
    draft's text holds: a draft about the same thing names it (杭州市燃气管理条例's other
    half says 杭州 and 燃气管理; 济南市燃气管理条例 shares the words but not the place)."""
    stem = version_name(name)  # no spaces or punctuation left
    grams = {stem[i : i + 2] for i in range(len(stem) - 1)}
    if not grams:
        return 0.0
    return sum(1 for g in grams if g in draft) / len(grams)


_TFW = [0.0] + [1.0 + math.log(tf) for tf in range(1, 256)]


def _tfw(tf: int) -> float:
    """Weight of a term's frequency in a similar-case vector."""
    return _TFW[tf] if tf < 256 else 1.0 + math.log(tf)


def _idf(n_docs: int, df: int) -> float:
    """Weight of a term's rarity in a similar-case vector."""
    return math.log(1.0 + n_docs / df)


def _norm(counts: dict[str, int], idf: dict[str, float]) -> float:
    """Length of a document's tf-idf vector (the same weights as :func:`_weights`)."""
    total = 0.0
    tfw = _TFW
    for t, tf in counts.items():
        w = idf.get(t)
        if w is not None:
            w *= tfw[tf] if tf < 256 else 1.0 + math.log(tf)
            total += w * w
    return math.sqrt(total)


def _weights(counts: Counter | dict[str, int], idf: dict[str, float]) -> dict[str, float]:
    """Unit-length tf-idf vector: (1 + log tf) * log(1 + N / df), terms unknown to the
    index left out."""
    out: dict[str, float] = {}
    for t, tf in counts.items():
        w = idf.get(t)
        if w is not None:
            out[t] = _tfw(tf) * w
    norm = math.sqrt(sum(w * w for w in out.values())) or 1.0
    return {t: w / norm for t, w in out.items()}


def _rating(value, count: int) -> float:
    """A rating from its column: 0 for unrated cases, whose column value is a default
    (NaN in segments without any rated case, the lowest sortable value otherwise)."""
    if not count or value is None or value != value:
        return 0.0
    return float(value)


def _date_key(dt: datetime) -> int:
    """A datetime as the raw value of the date column (Whoosh's datetime_to_long)."""
    return datetime_to_long(dt)


def _neg_date(v) -> float:
    """Sort key part: newest first, undated (-1 or missing) last."""
    if v is None or v < 0:
        return float("inf")
    return -float(v)
