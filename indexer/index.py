"""The case index: open or create, write (commit or cancel, never both), search with facets
and highlights, find similar cases.

The index is derived data. Its directory holds a meta file with the schema version and the
dictionaries' fingerprint; :meth:`CaseIndex.check` reports ``missing``, ``stale`` or
``corrupt`` and the library rebuilds it from the database. Writers from any number of
processes are serialized by an exclusive ``flock`` on a lock file beside the directory; a
rebuild is written to a new directory and swapped in, so readers never see half an index.
"""

from __future__ import annotations

import contextlib
import fcntl
import heapq
import json
import logging
import math
import mmap
import os
import shutil
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as Q
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, _lenfield
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.util.numeric import byte_to_length
from whoosh.util.times import datetime_to_long
from whoosh.writing import PostingPool, SegmentWriter

from . import highlight
from .analysis import analyze
from .errors import IndexBusy, IndexCorrupt, IndexerError
from .prepare import parse_terms, resemblance, sketch, sketch_set
from .query import parse
from .schema import SCHEMA_VERSION, analysis_fingerprint, build_schema
from .types import Analyzed, SearchHit, SearchQuery, SearchResult, SimilarHit

log = logging.getLogger(__name__)

META_FILE = "caselib-index.json"
UNKNOWN = "unknown"
NEAR_DUPLICATE = 0.6  # sketch resemblance at or above which two texts are near-duplicates
MLT_TERMS = 25
# Candidates scored beyond the number of similar cases asked for.
SIMILAR_EXTRA_CANDIDATES = 6


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
            vals: list = []
            for sub, _offset in reader.leaf_readers():
                if sub.has_column(name):
                    vals.extend(sub.column_reader(name, translate=translate))
                else:
                    vals.extend([None] * sub.doc_count_all())
            if decode:
                return [(v.decode("utf-8") if isinstance(v, bytes) else v) or None for v in vals]
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


class _Reader:
    """A searcher and what is derived from it (columns, document frequencies)."""

    def __init__(self, ix, build_id: str):
        self.ix = ix
        self.build_id = build_id
        self.searcher = ix.searcher()
        self._evaluator = None
        self._columns: _Columns | None = None
        self._df: dict[str, int] | None = None
        self._lexicon: str | None = None
        self._containing: dict[tuple[str, int | None], list[str]] = {}
        self.norms: dict[int, float] = {}

    @property
    def evaluator(self):
        if self._evaluator is None:
            from .evaluate import Evaluator

            self._evaluator = Evaluator(self.searcher, self.containing)
        return self._evaluator

    @property
    def columns(self) -> _Columns:
        if self._columns is None:
            self._columns = _Columns(self.searcher)
        return self._columns

    @property
    def df(self) -> dict[str, int]:
        """Document frequency of every full-text term (for similar-case weighting)."""
        if self._df is None:
            reader = self.searcher.reader()
            self._df = {
                t.decode("utf-8"): ti.doc_frequency() for t, ti in reader.iter_field("content")
            }
        return self._df

    def containing(self, w: str, limit: int | None = None) -> list[str]:
        """Full-text terms longer than ``w`` that contain it, most frequent first."""
        key = (w, limit)
        hit = self._containing.get(key)
        if hit is not None:
            return hit
        if self._lexicon is None:
            self._lexicon = "\n" + "\n".join(self.df) + "\n"
        lex = self._lexicon
        found = []
        i = lex.find(w)
        while i != -1:
            start = lex.rfind("\n", 0, i) + 1
            end = lex.find("\n", i)
            term = lex[start:end]
            if term != w:
                found.append(term)
            i = lex.find(w, end)
        df = self.df
        found.sort(key=lambda t: -df.get(t, 0))
        if limit is not None:
            found = found[:limit]
        if len(self._containing) > 4096:
            self._containing.clear()
        self._containing[key] = found
        return found

    def close(self):
        self.searcher.close()


# Postings per segment in a bulk write: the writer commits a segment when it holds this
# many, which keeps its pool in memory (no sorted runs spilled to disk and merged back).
BULK_SEGMENT_POSTINGS = 500_000


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
        return StructFile(mapped, name=name, **kwargs)


def _open(path: Path):
    return _Storage(str(path)).open_index()


class _Pool(PostingPool):
    """Whoosh's posting pool bounded by a count of postings instead of an estimate of each
    posting's size (five len() calls and two type checks per posting, in the writer's
    hottest loop). About 200 bytes a posting, as Whoosh estimates them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._max_items = max(10_000, self.limit // 200)

    def add(self, item):
        current = self.current
        current.append(item)
        if len(current) >= self._max_items:
            self.save()


class _SegmentWriter(SegmentWriter):
    """Whoosh's segment writer with three changes: field lengths read once (see _Lengths);
    postings blocks stored uncompressed (zlib on every small block cost more CPU when
    writing and when searching than the disk it saved); and a segment's files kept apart
    rather than in one compound file, whose reader copies the whole postings file into
    memory when a searcher opens (about 90 MB per process for the 15 M-character corpus).
    The codec and the layout are recorded with each segment, so either kind reads."""

    def __init__(self, ix, **kwargs):
        kwargs.setdefault("codec", W3Codec(compression=0))
        kwargs.setdefault("compound", False)
        super().__init__(ix, **kwargs)
        self.pool = _Pool(self._tempstorage, self.newsegment, limitmb=kwargs.get("limitmb", 128))

    def per_document_reader(self):
        return _Lengths(super().per_document_reader())


class IndexWriter:
    """Adds and deletes documents inside :meth:`CaseIndex.writing`."""

    def __init__(
        self, writer, ix=None, *, memory_mb: int = 128, segment_postings: int | None = None
    ):
        self._w = writer
        self._ix = ix
        self._memory_mb = memory_mb
        self._segment_postings = segment_postings
        self._pending_postings = 0
        self.added = 0
        self.deleted = 0

    def _maybe_commit_segment(self, a: Analyzed) -> None:
        if self._segment_postings is None or self._ix is None:
            return
        self._pending_postings += sum(len(p) for p in a.postings.values())
        if self._pending_postings >= self._segment_postings:
            self._w.commit(merge=False)
            _record_files(self._ix.storage.folder)
            self._w = _SegmentWriter(self._ix, limitmb=self._memory_mb)
            self._pending_postings = 0

    def add(self, a: Analyzed, *, update: bool = True) -> None:
        d = a.doc
        fields = {
            "case_no": d.case_no,
            "name": a.postings["name"],
            "_stored_name": d.name,
            "summary": a.postings["summary"],
            "_stored_summary": d.summary or "",
            "content": a.postings["content"],
            "name_sub": a.postings["name_sub"],
            "text": d.text,
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
        if update:
            self._w.update_document(**fields)
        else:
            self._w.add_document(**fields)
        self.added += 1
        self._maybe_commit_segment(a)

    def delete(self, case_no: str) -> None:
        self.deleted += self._w.delete_by_term("case_no", case_no)


class CaseIndex:
    def __init__(
        self, path: str | os.PathLike, *, memory_mb: int = 128, lock_timeout: float = 30.0
    ):
        self.path = Path(path)
        self.memory_mb = memory_mb
        self.lock_timeout = lock_timeout
        self._local = threading.local()
        self._thread_lock = threading.RLock()

    # -- state --------------------------------------------------------------------------

    @property
    def _meta_path(self) -> Path:
        return self.path / META_FILE

    @property
    def _lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def _read_meta(self) -> dict | None:
        try:
            return json.loads(self._meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def check(self) -> str:
        """``ok``, ``missing`` (no index), ``stale`` (other schema version or dictionaries) or
        ``corrupt`` (the files cannot be read)."""
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
        for name, size in (meta.get("files") or {}).items():
            f = self.path / name
            if not f.exists() or f.stat().st_size != size:
                # A file cut short or lost since the last commit (an interrupted copy, a
                # full disk): Whoosh itself would only notice when reading that part.
                log.warning("index file %s is missing or has changed size", name)
                return "corrupt"
        try:
            ix = _open(self.path)
            with ix.searcher() as s:
                s.doc_count()
                list(s.reader().column_reader("case_no")) if s.reader().has_column(
                    "case_no"
                ) else None
        except Exception as e:  # noqa: BLE001 - any failure to read means corrupt
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
        meta = {
            "schema_version": SCHEMA_VERSION,
            "fingerprint": analysis_fingerprint(),
            "build_id": uuid.uuid4().hex,
            "created": datetime.now().isoformat(timespec="seconds"),
        }
        _write_meta(path, meta)

    def verify(self, *, wait: float = 2.0) -> str:
        """:meth:`check` while no writer is at work (a writer changes files before it
        records their sizes). If one does not finish within ``wait`` seconds, "ok": the
        index is being written, so it was readable a moment ago."""
        try:
            with self._locked(wait):
                return self.check()
        except IndexBusy:
            return "ok"

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
        with self._thread_lock:
            fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                deadline = time.monotonic() + timeout
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() >= deadline:
                            raise IndexBusy("检索索引正被其他任务写入，请稍后重试") from None
                        time.sleep(0.05)
                try:
                    yield
                finally:
                    fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)

    @contextlib.contextmanager
    def writing(self, *, timeout: float | None = None, bulk: bool = False) -> Iterator[IndexWriter]:
        """A writer that commits when the block ends normally and cancels when it raises.
        Never both. A ``bulk`` writer also commits a segment each time it holds
        ``BULK_SEGMENT_POSTINGS`` postings (each such commit is whole: the documents written
        before a failure stay, the failed segment is cancelled)."""
        with self._locked(timeout):
            state = self.check()
            if state == "missing":
                self._create_in(self.path)
            elif state != "ok":
                raise IndexCorrupt(f"检索索引不可写（{state}），需要从数据库重建")
            with _reading():
                ix = _open(self.path)
            wrapper = IndexWriter(
                _SegmentWriter(ix, limitmb=self.memory_mb),
                ix,
                memory_mb=self.memory_mb,
                segment_postings=BULK_SEGMENT_POSTINGS if bulk else None,
            )
            try:
                yield wrapper
            except BaseException:
                wrapper._w.cancel()
                raise
            else:
                # Bulk writes leave their segments as they are; Whoosh merges small
                # segments on later ordinary commits.
                wrapper._w.commit(merge=not bulk)
                _record_files(self.path)
        self._drop_reader()

    def rebuild(self, analyzed: Iterable[Analyzed], *, timeout: float | None = None) -> int:
        """Write a fresh index from ``analyzed`` into a new directory and swap it in."""
        with self._locked(timeout):
            tmp = self.path.with_name(self.path.name + ".new")
            if tmp.exists():
                shutil.rmtree(tmp)
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
            except BaseException:
                wrapper._w.cancel()
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            wrapper._w.commit(merge=False)
            _record_files(tmp)
            old = self.path.with_name(self.path.name + ".old")
            if old.exists():
                shutil.rmtree(old)
            if self.path.exists():
                os.replace(self.path, old)
            os.replace(tmp, self.path)
            shutil.rmtree(old, ignore_errors=True)
        self._drop_reader()
        return wrapper.added

    # -- reading --------------------------------------------------------------------------

    def _drop_reader(self) -> None:
        r = getattr(self._local, "reader", None)
        if r is not None:
            with contextlib.suppress(Exception):
                r.close()
            self._local.reader = None

    def _reader(self) -> _Reader:
        r: _Reader | None = getattr(self._local, "reader", None)
        # Another process may have written since: a look at the meta file and the table of
        # contents (well under a millisecond) tells.
        meta = self._read_meta()
        if meta is None:
            raise IndexCorrupt("检索索引不存在或已损坏，请执行 caselib reindex 重建")
        if r is not None and r.build_id == meta["build_id"]:
            try:
                current = r.searcher.up_to_date()
            except Exception:  # noqa: BLE001 - a vanished table of contents: reopen below
                current = False
            if current:
                return r
        # Reopen rather than Searcher.refresh(): whoosh-reloaded 2.7.5's refresh keeps the
        # segments another writer merged away, so a long-lived reader would see cases twice.
        self._drop_reader()
        try:
            ix = _open(self.path)
            r = _Reader(ix, meta["build_id"])
        except Exception as e:  # noqa: BLE001
            raise IndexCorrupt("检索索引无法读取，请执行 caselib reindex 重建") from e
        self._local.reader = r
        return r

    def doc_count(self) -> int:
        with _reading():
            return self._reader().searcher.doc_count()

    def case_nos(self) -> set[str]:
        with _reading():
            r = self._reader()
            reader = r.searcher.reader()
            cols = r.columns
            return {cols.case_no[d] for d in reader.all_doc_ids() if cols.case_no[d]}

    def stored(self, case_no: str) -> dict | None:
        with _reading():
            return self._stored(case_no)

    def _stored(self, case_no: str) -> dict | None:
        s = self._reader().searcher
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
        if sq.name:
            toks = analyze(sq.name)
            for t in toks:
                parts.append(Q.Or([Q.Term("name", t), Q.Term("name_sub", t)]))
        if sq.year:
            parts.append(Q.Term("year", str(sq.year)))
        if not parts:
            return None
        return Q.And(parts) if len(parts) > 1 else parts[0]

    def search(self, sq: SearchQuery) -> SearchResult:
        with _reading():
            return self._search(sq)

    def _search(self, sq: SearchQuery) -> SearchResult:
        r = self._reader()
        s = r.searcher
        plan = parse(sq.q)
        filt = self._filter(sq)
        allowed = set(filt.docs(s)) if filt is not None else None
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
            date_key = {d: _neg_date(cols.published[d]) for d in matched} if total > end else None
            if date_key is None:
                ranked = sorted(
                    matched, key=lambda d: (-scores.get(d, 0.0), _neg_date(cols.published[d]), d)
                )
            else:
                ranked = heapq.nsmallest(
                    end, matched, key=lambda d: (-scores.get(d, 0.0), date_key[d], d)
                )
            page_docs = ranked[start:end]
        else:
            page_docs = self._sorted(cols, matched, sq.sort)[start:end]

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
                    score=float(scores.get(d, 0.0)),
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
                )
            )
        return SearchResult(
            total=total,
            hits=hits,
            facets=facets,
            page=sq.page,
            per_page=sq.per_page,
            terms=plan.terms,
        )

    @staticmethod
    def _sorted(cols: _Columns, docs: list[int], sort: str) -> list[int]:
        if sort == "rating":

            def key(d):
                count = cols.rating_count[d] or 0
                return (-_rating(cols.rating[d], count), -count, _neg_date(cols.published[d]), d)
        else:

            def key(d):
                return (_neg_date(cols.published[d]), d)

        return sorted(docs, key=key)

    @staticmethod
    def _facets(cols: _Columns, docs: list[int], sq: SearchQuery) -> dict[str, dict[str, int]]:
        theme: Counter[str] = Counter()
        case_type: Counter[str] = Counter()
        year: Counter[str] = Counter()
        region: Counter[str] = Counter()
        tags: Counter[str] = Counter()
        # Region counts one level below the region filter: provinces, then cities, counties.
        level = len(region_prefix(sq.region)) if sq.region else 0
        cut = {0: 2, 2: 4}.get(level, 6)
        for d in docs:
            theme[cols.theme[d] or UNKNOWN] += 1
            case_type[cols.case_type[d] or UNKNOWN] += 1
            year[cols.year[d] or UNKNOWN] += 1
            code = cols.region[d]
            if code:
                region[(code[:cut] + "000000")[:6]] += 1
            else:
                region[UNKNOWN] += 1
            for t in cols.tags[d]:
                tags[t] += 1
        return {
            "theme": dict(theme.most_common()),
            "region": dict(region.most_common()),
            "year": dict(sorted(year.items(), key=lambda kv: kv[0], reverse=True)),
            "case_type": dict(case_type.most_common()),
            "tags": dict(tags.most_common()),
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
        self, text: str, *, limit: int = 10, exclude: Iterable[str] = ()
    ) -> list[SimilarHit]:
        """The cases most similar to ``text``: candidates by the draft's most characteristic
        terms, ranked by the cosine of tf-idf vectors over the full-text terms, with
        near-duplicates flagged by the shingle-sketch resemblance."""
        with _reading():
            return self._similar(text, limit=limit, exclude=exclude)

    def _similar(
        self, text: str, *, limit: int = 10, exclude: Iterable[str] = ()
    ) -> list[SimilarHit]:
        r = self._reader()
        s = r.searcher
        tokens = analyze(text)
        if not tokens:
            return []
        df = r.df
        n_docs = max(1, s.doc_count())
        vec = _weights(Counter(tokens), df, n_docs)
        if not vec:
            return []
        key_terms = dict(sorted(vec.items(), key=lambda kv: kv[1], reverse=True)[:MLT_TERMS])
        candidates = r.evaluator.key_term_scores(key_terms, limit + SIMILAR_EXTRA_CANDIDATES)
        draft_sketch = sketch_set(sketch(text))
        exclude = set(exclude)
        hits: list[SimilarHit] = []
        for d, _score in candidates:
            f = s.stored_fields(d)
            if f["case_no"] in exclude:
                continue
            terms = parse_terms(f.get("terms"))
            norm = r.norms.get(d)
            if norm is None:
                norm = r.norms[d] = _norm(terms, df, n_docs)
            dot = 0.0
            for t, w in vec.items():
                tf = terms.get(t)
                if tf:
                    dot += w * (1.0 + math.log(tf)) * math.log(1.0 + n_docs / df[t])
            cos = dot / norm if norm else 0.0
            res_sk = resemblance(draft_sketch, sketch_set(f.get("sketch")))
            hits.append(
                SimilarHit(
                    case_no=f["case_no"],
                    name=f.get("name", ""),
                    file_name=f.get("file_name"),
                    similarity=min(1.0, cos),
                    near_duplicate=res_sk >= NEAR_DUPLICATE,
                    resemblance=res_sk,
                )
            )
        hits.sort(key=lambda x: (x.near_duplicate, x.similarity), reverse=True)
        return hits[:limit]


def _write_meta(path: Path | str, meta: dict) -> None:
    target = Path(path) / META_FILE
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(meta), encoding="utf-8")
    os.replace(tmp, target)


def _record_files(path: Path | str) -> None:
    """Note the size of every index file in the meta file, after a commit (under the lock)."""
    path = Path(path)
    meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
    meta["files"] = {
        f.name: f.stat().st_size
        for f in path.iterdir()
        if f.is_file() and f.name != META_FILE and not f.name.endswith(("LOCK", ".tmp"))
    }
    _write_meta(path, meta)


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


def _norm(counts: dict[str, int], df: dict[str, int], n_docs: int) -> float:
    """Length of a document's tf-idf vector (the same weights as :func:`_weights`)."""
    total = 0.0
    log = math.log
    for t, tf in counts.items():
        d = df.get(t)
        if d:
            w = (1.0 + log(tf)) * log(1.0 + n_docs / d)
            total += w * w
    return math.sqrt(total)


def _weights(counts: Counter | dict[str, int], df: dict[str, int], n_docs: int) -> dict[str, float]:
    """Unit-length tf-idf vector: (1 + log tf) * log(1 + N / df), terms unknown to the
    index left out."""
    out: dict[str, float] = {}
    for t, tf in counts.items():
        d = df.get(t)
        if not d:
            continue
        out[t] = (1.0 + math.log(tf)) * math.log(1.0 + n_docs / d)
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
