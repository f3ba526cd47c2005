"""Query evaluation on the index's postings.

Whoosh stores the index (postings with positions, stored fields, columns); this module
evaluates a :class:`~indexer.query.Plan` on it with per-searcher caches:

* the postings of a term (document numbers and frequencies) are read once, block by block;
* each unit (a word in any of its forms, a run of characters, a phrase) becomes a map
  document → BM25 score, cached, so the sets of matching cases are plain set algebra and
  facet counts cover every match at the cost of a dictionary lookup per case;
* positional checks (phrases, words the text cut into pieces, names outside the dictionary)
  are Whoosh phrase queries, run once per searcher and cached.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import math
import re
from array import array
from collections import Counter, OrderedDict
from collections.abc import Callable
from itertools import accumulate
from pickle import loads

import numpy as np
from whoosh import formats
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length

from .analysis import char_grams, finer_split, flat_text
from .query import Plan, Unit

FIELD_WEIGHTS = {"name": 3.0, "summary": 1.5, "content": 1.0}
# An occurrence inside a longer token (营商 in 营商环境) counts this much of a whole one.
INSIDE = 0.7
# Terms holding a single character that a one-character word (税) expands to, at most.
SINGLE_CHAR_EXPANSIONS = 256
# Longer tokens a word is looked for inside, at most (the most frequent first).
MAX_EXPANSIONS = 64
# A word found whole in fewer documents than this is also looked for as its pieces.
FINER_SPLIT_BELOW = 3
K1, B = 1.2, 0.75
PROXIMITY_BONUS = 0.5
PHRASE_BONUS = 2.0
PROXIMITY_CANDIDATES = 20
PHRASE_CANDIDATES = 30
SENTENCE_CANDIDATES = 300
CACHE_TERMS = 20_000
CACHE_UNITS = 2_000
# What the postings, units and sequences caches may hold, in estimated bytes each: counts
# alone let a 25,000-case library keep 2,000 units of common words of 20,000 documents
# each (some 2 GB by the end of a benchmark's 500 queries, where 1x held 200 MB).
CACHE_BYTES = 48 * 2**20
# An occurrence found only as characters (across the words, 用水 in 使用 水) counts this
# much of a whole word: a case holding the word itself ranks first.
SUBSTRING = 0.5
# Candidates of a string search checked in their text, at most (the others holding all its
# bigrams are taken as they are).
SUBSTRING_CHECKS = 200
# A query whose text (without spaces, punctuation and digits) is this long is also looked
# for as a string (a copied passage).
LONG_STRING = 10
# A run of single characters each held by more documents than this is checked in a row
# only in the cases holding a query's other units (when all are required).
COMMON_RUN = 2_000
# Candidates of a long string checked in their text, at most.
STRING_CHECKS = 40


class _LRU(OrderedDict):
    """Least recently used first out, at most ``size`` entries and, with ``weigh`` (an
    entry's estimated bytes), at most ``budget`` bytes in all (the newest entry is kept
    even alone over it)."""

    def __init__(self, size: int, budget: int = 0, weigh: Callable[[object], int] | None = None):
        super().__init__()
        self.size = size
        self.budget = budget
        self.weigh = weigh
        self.weight = 0
        self._weights: dict = {}

    def get(self, key, default=None):
        if key in self:
            self.move_to_end(key)
            return self[key]
        return default

    def put(self, key, value):
        if self.weigh is not None:
            w = self.weigh(value)
            self.weight += w - self._weights.get(key, 0)
            self._weights[key] = w
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.size or (
            self.budget and self.weight > self.budget and len(self) > 1
        ):
            old, _v = self.popitem(last=False)
            self.weight -= self._weights.pop(old, 0)


def _weigh_arrays(value: tuple[array | np.ndarray, ...]) -> int:
    return 64 + sum(a.itemsize * len(a) for a in value)


def _weigh_mapping(value) -> int:
    # A dict or frozenset of document numbers: its table, the int keys and float values.
    return 64 + 100 * len(value)


class Evaluator:
    """Caches and evaluation for one searcher (one index generation)."""

    def __init__(
        self,
        searcher,
        containing: Callable[[str, int | None], list[str]],
        grams: Callable[[str], array] | None = None,
        freqs: Callable[[object], object] | None = None,
        gram_count: Callable[[str], int] | None = None,
    ):
        self.searcher = searcher
        self._grams = grams
        self._gram_count = gram_count
        self._gram_counts: dict[str, int] = {}
        self.reader = searcher.reader()
        self.containing = containing
        self.n_docs = max(1, searcher.doc_count())
        self._postings = _LRU(CACHE_TERMS, CACHE_BYTES, _weigh_arrays)
        self._units = _LRU(CACHE_UNITS, CACHE_BYTES, _weigh_arrays)
        self._sequences = _LRU(CACHE_UNITS, CACHE_BYTES, _weigh_mapping)
        self._lengths: dict[str, tuple[list[float], float]] = {}
        self._saturation: dict[str, np.ndarray] = {}
        # (segment reader, its first document number, its freq file or None)
        self._segments = [
            (sub, offset, freqs(sub) if freqs is not None and sub.segment() else None)
            for sub, offset in self.reader.leaf_readers()
        ]
        # Each segment's first document number and its flat-text column (None where the
        # segment has none).
        self._flat = [
            (offset, sub.column_reader("flat", translate=False) if sub.has_column("flat") else None)
            for sub, offset in self.reader.leaf_readers()
        ]
        self._flat_starts = [offset for offset, _c in self._flat]

    # -- raw data -------------------------------------------------------------------------

    def postings(self, field: str, term: str) -> tuple[array, array]:
        """(document numbers, frequencies) of a term, all segments, deleted ones left out."""
        key = (field, term)
        hit = self._postings.get(key)
        if hit is not None:
            return hit
        if field == "chars":  # character bigrams: documents only, kept beside the segments
            ids = self._grams(term) if self._grams is not None else array("i")
            hit = (ids, array("f", [1.0]) * len(ids))
            self._postings.put(key, hit)
            return hit
        ids, freqs = array("i"), array("f")
        tb = term.encode("utf-8")
        for seg, offset, ff in self._segments:
            if ff is None:
                try:
                    m = seg.postings(field, tb)
                except TermNotFound:
                    continue
                _read_all(m, ids, freqs, offset)
                continue
            hit = ff.get(field, tb)
            if hit is None:
                continue
            docs, weights = hit
            if offset:
                ids.frombytes(shifted_docs(docs, offset))
            else:
                ids.frombytes(docs.cast("B"))
            freqs.frombytes(weights.cast("B"))
        if len(ids) and any(seg.has_deletions() for seg, _o, _f in self._segments):
            keep = [i for i, d in enumerate(ids) if not self.reader.is_deleted(d)]
            ids = array("i", (ids[i] for i in keep))
            freqs = array("f", (freqs[i] for i in keep))
        self._postings.put(key, (ids, freqs))
        return ids, freqs

    def gram_count(self, gram: str) -> int:
        """About how many documents hold a character bigram (their documents unread)."""
        n = self._gram_counts.get(gram)
        if n is None:
            hit = self._postings.get(("chars", gram))
            if hit is not None or self._gram_count is None:
                n = len(self.postings("chars", gram)[0])
            else:
                n = self._gram_count(gram)
            if len(self._gram_counts) > CACHE_TERMS:
                self._gram_counts.clear()
            self._gram_counts[gram] = n
        return n

    def lengths(self, field: str) -> tuple[list[float], float]:
        """Every document's length in a field, and the average."""
        hit = self._lengths.get(field)
        if hit is None:
            r = self.reader
            vals: list[float] = []
            for sub, _offset in r.leaf_readers():
                vals.extend(_segment_lengths(sub, field))
            avg = (r.field_length(field) / max(1, r.doc_count())) or 1.0
            hit = self._lengths[field] = (vals, avg)
        return hit

    def saturation(self, field: str) -> np.ndarray:
        """Each document's BM25 length term in a field, K1 * (1 - B + B * length / avg),
        one slot per document number."""
        hit = self._saturation.get(field)
        if hit is None:
            lengths, avg = self.lengths(field)
            a, b = K1 * (1 - B), K1 * B / avg
            hit = self._saturation[field] = a + b * np.array(lengths, dtype=np.float64)
        return hit

    def doc_slots(self) -> int:
        """How many document numbers there are (deleted ones included)."""
        return len(self.saturation("content"))

    def positions(self, field: str, term: str, docs: list[int]) -> dict[int, list[int]]:
        """Token positions of a term in some documents (sorted document numbers, none of
        them deleted). Segment by segment, block by block: a block without any of the
        documents is passed by its header, and only the blocks holding one are decoded
        (Whoosh's ``skip_to`` steps through every posting in Python)."""
        out: dict[int, list[int]] = {}
        tb = term.encode("utf-8")
        for sub, offset, _ff in self._segments:
            lo = bisect.bisect_left(docs, offset)
            hi = bisect.bisect_left(docs, offset + sub.doc_count_all(), lo)
            if lo == hi:
                continue
            fmt = sub.schema[field].format
            try:
                # The segment's own matcher, not the one leaving out deleted documents.
                m = sub._terms.matcher(field, tb, fmt)
            except TermNotFound:
                continue
            local = [d - offset for d in docs[lo:hi]]
            if not (hasattr(m, "_next_block") and hasattr(m, "_read_ids")):
                for d in local:  # a term's few postings kept inline in its term info
                    if not m.is_active():
                        break
                    if m.id() < d:
                        m.skip_to(d)
                        if not m.is_active():
                            break
                    if m.id() == d:
                        out[d + offset] = m.value_as("positions")
                continue
            decode = _positions if isinstance(fmt, formats.Positions) else fmt.decoder("positions")
            j, n = 0, len(local)
            while j < n and m.is_active():
                if m.block_max_id() < local[j]:
                    m._next_block()
                    continue
                if m._ids is None:
                    m._read_ids()
                ids = m._ids
                if m._values is None:
                    m._read_values()
                values = m._values
                last = ids[-1]
                while j < n and local[j] <= last:
                    d = local[j]
                    k = bisect.bisect_left(ids, d)
                    if k < len(ids) and ids[k] == d:
                        out[d + offset] = decode(values[k])
                    j += 1
                m._next_block()
        return out

    def sequence_docs(
        self, field: str, tokens: tuple[str, ...], slop: int = 1, among: set[int] | None = None
    ) -> frozenset[int]:
        """Documents where ``tokens`` occur in order, each at most ``slop`` positions after
        the previous one: candidates from the cached postings, positions read only for them."""
        key = (field, tokens, slop)
        if among is None:
            hit = self._sequences.get(key)
            if hit is not None:
                return hit
        spans = self.sequence_spans(field, tokens, slop, among)
        result = frozenset(d for d, span in spans.items() if span <= slop)
        if among is None:
            self._sequences.put(key, result)
        return result

    def cooccurring(
        self, field: str, tokens: tuple[str, ...], among: set[int] | None = None
    ) -> set[int]:
        """Documents (of ``among``, if given) holding every one of ``tokens`` in a field,
        anywhere: the rarest token's documents first."""
        docs: set[int] | None = set(among) if among is not None else None
        for t in sorted(set(tokens), key=lambda t: len(self.postings(field, t)[0])):
            ids = self.postings(field, t)[0]
            docs = set(ids) if docs is None else docs.intersection(ids)
            if not docs:
                return set()
        return docs or set()

    def sequence_spans(
        self, field: str, tokens: tuple[str, ...], max_slop: int, among: set[int] | None = None
    ) -> dict[int, int]:
        """For each document holding ``tokens`` in order with gaps of at most ``max_slop``,
        the smallest such largest gap (1: the tokens are in a row)."""
        docs = sorted(self.cooccurring(field, tokens, among))
        if not docs:
            return {}
        pos = {t: self.positions(field, t, docs) for t in set(tokens)}
        out: dict[int, int] = {}
        if max_slop == 1:
            # The tokens in a row: the starts from which each next token stands one
            # position further, by set operations.
            first, later = pos[tokens[0]], [pos[t] for t in tokens[1:]]
            one = (1).__add__
            for d in docs:
                cur = first.get(d)
                for p in later:
                    if not cur:
                        break
                    cur = set(map(one, cur)).intersection(p.get(d) or ())
                if cur:
                    out[d] = 1
            return out
        for d in docs:
            starts = pos[tokens[0]].get(d)
            if not starts:
                continue
            rest = [set(pos[t].get(d) or ()) for t in tokens[1:]]
            best = None
            for p in starts:
                worst = 1
                for nxt in rest:
                    k = next((k for k in range(1, max_slop + 1) if p + k in nxt), None)
                    if k is None:
                        break
                    worst = max(worst, k)
                    p += k
                else:
                    best = worst if best is None else min(best, worst)
                    if best == 1:
                        break
            if best is not None:
                out[d] = best
        return out

    def holds_squashed(self, docnum: int, s: str) -> bool:
        """Whether a document's name, summary or text, without spaces, punctuation and
        digits (its :func:`~indexer.query.squash`), holds ``s`` (a squashed string): ``s``'s
        characters with only such characters between them, searched in the flat text,
        where squashing the whole text cost a regular-expression substitution over all of
        it."""
        text = self.flat_text(docnum).decode("utf-8")
        return _squashed_pattern(s).search(text) is not None

    def flat_text(self, docnum: int) -> bytes:
        """The name, summary and text of a document, lower case, without white space, as
        UTF-8 (:func:`~indexer.analysis.flat_text`): a slice of the segment's column. A
        byte string's occurrences in it are the string's (UTF-8 is self-synchronising)."""
        i = bisect.bisect_right(self._flat_starts, docnum) - 1
        offset, column = self._flat[i]
        if column is not None:
            return column[docnum - offset]
        f = self.searcher.stored_fields(docnum)  # a segment written without the column
        return flat_text(f.get("name"), f.get("summary"), f.get("text")).encode("utf-8")

    def substring_docs(self, s: str, exclude: np.ndarray) -> dict[int, int]:
        """Documents (other than those ``exclude`` marks, a flag per document number)
        whose name, summary or text hold the string ``s`` (normalised, without spaces),
        with the number of occurrences: candidates by the character bigrams, checked in
        the text unless ``s`` is one bigram."""
        grams = sorted(set(char_grams(s, normalized=True)), key=self.gram_count)
        if not grams:
            return {}
        cands: set[int] | None = None
        for g in grams:
            ids = self.postings("chars", g)[0]
            if cands is None:
                idx = np.frombuffer(ids, dtype=np.int32) if len(ids) else np.zeros(0, np.int32)
                cands = set(idx[~exclude[idx]].tolist())
            else:
                cands.intersection_update(ids)
            if not cands:
                return {}
        if len(grams) == 1 and grams[0] == s:
            # One bigram: a document holding it holds the string (within a run of word
            # characters), nothing to check.
            return dict.fromkeys(cands, 1)
        out: dict[int, int] = {}
        ordered = sorted(cands)
        needle = s.encode("utf-8")
        for d in ordered[:SUBSTRING_CHECKS]:
            n = self.flat_text(d).count(needle)
            if n:
                out[d] = n
        # Beyond the checked ones, a document holding every bigram is taken as holding
        # the string: better found and ranked low than missed.
        out.update(dict.fromkeys(ordered[SUBSTRING_CHECKS:], 1))
        return out

    def string_docs(self, s: str) -> set[int]:
        """Documents whose text, without spaces, punctuation and digits, holds ``s`` (a
        squashed query): candidates hold one of its three rarest character bigrams (the
        bigrams spanning a removed character are not in the text), the best checked in
        the text."""
        grams = sorted(
            (g for g in set(char_grams(s, normalized=True)) if self.gram_count(g)),
            key=self.gram_count,
        )  # a bigram no text holds spans a removed character
        if not grams:
            return set()
        cands = set().union(*(self.postings("chars", g)[0] for g in grams[:3]))
        if not cands:
            return set()
        # How many of the twelve rarest each candidate holds (counted for the candidates
        # only: the other documents' counts are never looked at).
        held: Counter[int] = Counter()
        for g in grams[:12]:
            held.update(cands.intersection(self.postings("chars", g)[0]))
        # A document holding the string holds (nearly) all of its rarest bigrams.
        top = max(held[d] for d in cands)
        best = heapq.nlargest(
            STRING_CHECKS, (d for d in cands if held[d] >= top - 2), key=lambda d: (held[d], -d)
        )
        return {d for d in best if self.holds_squashed(d, s)}

    # -- units ----------------------------------------------------------------------------

    def unit(
        self, unit: Unit, *, inside: bool = True, among: set[int] | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The documents holding a unit in any form (with ``inside=False``, not inside
        longer tokens), ascending, and their BM25 scores of it. With ``among`` (a run only), its
        pieces' positions are checked in those documents only, its weight (idf) is that of
        every document holding its pieces, and the result is not kept."""
        key = (unit, inside)
        if among is None:
            hit = self._units.get(key)
            if hit is not None:
                return hit
        # Each field's frequencies, one slot per document number: a common word is held by
        # most of 25,000 cases, and array operations add its postings at C speed where a
        # dictionary took a Python-level step per posting.
        size = self.doc_slots()
        tf: dict[str, np.ndarray] = {f: np.zeros(size) for f in FIELD_WEIGHTS}

        def add(field: str, term: str, factor: float = 1.0, into: str | None = None) -> None:
            ids, freqs = self.postings(field, term)
            if not len(ids):
                return
            idx = np.frombuffer(ids, dtype=np.int32)
            f = np.frombuffer(freqs, dtype=np.float32).astype(np.float64)
            # A term's documents are distinct: a fancy-indexed += adds each once.
            tf[into or field][idx] += f * factor if factor != 1.0 else f

        def add_docs(field: str, docs, value: float = 1.0) -> None:
            if docs:
                idx = np.fromiter(docs, dtype=np.int64, count=len(docs))
                acc = tf[field]
                acc[idx] = np.maximum(acc[idx], value)

        def held() -> np.ndarray:
            return (tf["content"] > 0) | (tf["name"] > 0) | (tf["summary"] > 0)

        if unit.kind == "word":
            w = unit.tokens[0]
            for f in FIELD_WEIGHTS:
                add(f, w)
            limit = SINGLE_CHAR_EXPANSIONS if len(w) == 1 else MAX_EXPANSIONS
            for longer in self.containing(w, limit) if inside else ():
                add("content", longer, INSIDE)
            add("name_sub", w, INSIDE, into="name")
            if len(w) >= 3 and inside and np.count_nonzero(tf["content"] > 0) < FINER_SPLIT_BELOW:
                # A word the texts (almost) never hold whole, e.g. always cut in another
                # way by its context: look for its pieces in a row.
                parts = tuple(finer_split(w))
                if len(parts) > 1:
                    # Only where the word is not already found whole: its pieces in a row.
                    among = self.cooccurring("content", parts)
                    among.difference_update(np.flatnonzero(tf["content"] > 0).tolist())
                    if among:
                        add_docs("content", self.sequence_docs("content", parts, among=among))
            if inside and len(w) >= 2:
                _add_counts(tf["content"], self.substring_docs(w, held()), SUBSTRING)
        elif unit.kind == "run":
            joined = unit.text
            for f in FIELD_WEIGHTS:
                if inside:
                    add_docs(f, self.sequence_docs(f, unit.tokens, among=among))
                else:
                    # In a long query (a copied sentence, matched on most of its units) a
                    # run is mostly single characters of its grammar (三 有 of （三）有固定的
                    # 场所): held by nearly every case, so checking their positions cost
                    # more than the rest of the query at 25,000 cases. The cases holding
                    # its pieces count; the sentence itself is checked in the best
                    # candidates' text (evaluate).
                    add_docs(f, self.cooccurring(f, unit.tokens))
            for longer in self.containing(joined, MAX_EXPANSIONS) if inside else ():
                add("content", longer, INSIDE)
            add("name_sub", joined, INSIDE, into="name")
            if inside:
                _add_counts(tf["content"], self.substring_docs(joined, held()), SUBSTRING)
        else:  # phrase: its words in a row, or the string as typed anywhere
            for f in FIELD_WEIGHTS:
                add_docs(f, self.sequence_docs(f, unit.tokens))
            if unit.raw:
                add_docs("content", self.substring_docs(unit.raw, held()))

        # BM25F: the fields' frequencies, each weighted and normalised by its own length,
        # make one frequency that saturates once, so that a word in a case's name adds to
        # its weight in the text instead of outweighing the other words of the query.
        pseudo = np.zeros(size)
        for f, acc in tf.items():
            c = FIELD_WEIGHTS[f] * K1  # saturation() is K1 times the length's normalisation
            pseudo += (c * acc) / self.saturation(f)
        docs = np.flatnonzero(pseudo > 0)
        values = pseudo[docs]
        df = len(docs) if among is None else len(self.cooccurring("content", unit.tokens))
        idf = math.log(1 + (self.n_docs - df + 0.5) / (df + 0.5))
        top = idf * (K1 + 1)
        result = (docs, (top * values) / (K1 + values))
        if among is None:
            self._units.put(key, result)
        return result

    def _common_run(self, unit: Unit) -> bool:
        """Whether a run's pieces are each held by so many documents that checking their
        positions in all of them costs more than the rest of a query."""
        return unit.kind == "run" and all(
            len(self.postings("content", t)[0]) > COMMON_RUN for t in set(unit.tokens)
        )

    # -- queries --------------------------------------------------------------------------

    def evaluate(self, plan: Plan, allowed: set[int] | None) -> tuple[np.ndarray, np.ndarray]:
        """The matching documents (their numbers, ascending) and the relevance score of
        every document (by document number; 0 where a document matches nothing). On
        arrays, one slot per document: a common word matches most of 25,000 cases, and
        intersecting, adding and ranking dictionaries of them took a Python-level step per
        match and unit."""
        size = self.doc_slots()
        scores = np.zeros(size)
        allow = None
        if allowed is not None:
            if not allowed:  # the filters leave no case
                return _NONE, scores
            allow = np.zeros(size, dtype=bool)
            allow[np.fromiter(allowed, dtype=np.int64, count=len(allowed))] = True
        if not plan.required:
            if allow is None:
                allow = np.zeros(size, dtype=bool)
                allow[np.fromiter(self.reader.all_doc_ids(), dtype=np.int64)] = True
            for u in plan.excluded:
                allow[self.unit(u)[0]] = False
            return np.flatnonzero(allow), scores
        need = plan.min_match
        # A long query (a copied sentence) is matched on its words as words: looking for
        # each inside longer words too would cost a lot and find little more.
        inside = need >= len(plan.required)
        common = [inside and self._common_run(u) for u in plan.required]
        if any(common) and not all(common):
            # Every unit is required: a run of common single characters (三 有 of （三）有
            # 固定的场所, 杨 扬) is checked only in the cases holding all the other units.
            found = {
                i: self.unit(u, inside=inside) for i, u in enumerate(plan.required) if not common[i]
            }
            count = np.zeros(size, dtype=np.int16)
            for docs, _values in found.values():
                count[docs] += 1
            among = set(np.flatnonzero(count == len(found)).tolist())
            for i, u in enumerate(plan.required):
                if common[i]:
                    found[i] = self.unit(u, inside=inside, among=among) if among else _EMPTY_UNIT
            units = [found[i] for i in range(len(plan.required))]
        else:
            units = [self.unit(u, inside=inside) for u in plan.required]
        # Each document's score, the sum of its units', and how many of them it holds.
        n = len(units)
        held = np.zeros(size, dtype=np.int16)
        for docs, values in units:
            scores[docs] += values
            held[docs] += 1
        match = held >= min(need, n)
        # A long string (a passage copied from a case): every case holding it matches,
        # whatever its words (it may start or end inside a word), and ranks first.
        strings = _NONE
        if len(plan.squashed) >= LONG_STRING:
            found_strings = self.string_docs(plan.squashed)
            if found_strings:
                strings = np.fromiter(sorted(found_strings), dtype=np.int64)
                match[strings] = True
        if allow is not None:
            match &= allow
        for u in plan.excluded:
            match[self.unit(u)[0]] = False
        strings = strings[match[strings]]
        if need < n:
            scores *= (held / n) ** 2
        docs = np.flatnonzero(match)
        if len(plan.loose) > 1 and len(docs):
            # Re-ranking of the best candidates. The text as typed (a copied sentence, the
            # words in a row) counts most: looked for in the text of the candidates that
            # hold every word. Then, for a few words, the words close together.
            if need < n:
                # A long query: candidates hold every word, and the query's rarest two
                # adjacent words next to each other (their positions only are read).
                whole = _best(docs[held[docs] == n], scores, SENTENCE_CANDIDATES)
                loose = plan.loose
                pair = min(
                    zip(loose, loose[1:], strict=False),
                    key=lambda p: (
                        len(self.postings("content", p[0])[0])
                        + len(self.postings("content", p[1])[0])
                    ),
                )
                near = self.sequence_docs("content", pair, slop=1, among=set(whole.tolist()))
                whole = np.fromiter(sorted(near), dtype=np.int64, count=len(near))
            else:
                whole = docs
            exact: set[int] = set()
            if len(strings):
                exact = set(strings.tolist())
                others = scores[docs[~np.isin(docs, strings)]]
                top_other = others.max() if len(others) else 0.0
                scores[strings] = scores[strings] * (1 + PHRASE_BONUS) + top_other
            elif plan.squashed:
                for d in _best(whole, scores, PHRASE_CANDIDATES).tolist():
                    if self.holds_squashed(d, plan.squashed):
                        exact.add(d)
                        scores[d] *= 1 + PHRASE_BONUS
            if need >= n:
                top = set(_best(docs, scores, PROXIMITY_CANDIDATES).tolist())
                near = self.sequence_spans("content", tuple(plan.loose), 2, among=top - exact)
                if near:
                    scores[np.fromiter(near, dtype=np.int64, count=len(near))] *= (
                        1 + PROXIMITY_BONUS
                    )
        return docs, scores

    def key_term_scores(self, weights: dict[str, float], limit: int) -> list[tuple[int, float]]:
        """Documents ranked by the weighted sum of their frequencies of some terms (the
        candidates of a similar-case lookup)."""
        size = self.doc_slots()
        acc = np.zeros(size)
        touched = np.zeros(size, dtype=bool)
        sat = self.saturation("content")
        for term, w in weights.items():
            ids, freqs = self.postings("content", term)
            if not len(ids):
                continue
            idx = np.frombuffer(ids, dtype=np.int32)
            f = np.frombuffer(freqs, dtype=np.float32).astype(np.float64)
            acc[idx] += (w * (K1 + 1)) * f / (f + sat[idx])
            touched[idx] = True
        docs = np.flatnonzero(touched)
        values = acc[docs]
        if len(docs) > limit:
            keep = np.argpartition(-values, limit - 1)[:limit]
            docs, values = docs[keep], values[keep]
        order = np.lexsort((docs, -values))  # best first, ties by document number
        return list(zip(docs[order].tolist(), values[order].tolist(), strict=True))


_NONE = np.zeros(0, dtype=np.int64)
_EMPTY_UNIT = (_NONE, np.zeros(0))


def _best(docs: np.ndarray, scores: np.ndarray, k: int) -> np.ndarray:
    """The ``k`` of ``docs`` scoring highest, best first (ties: the lower number first)."""
    if len(docs) > k:
        docs = docs[np.argpartition(-scores[docs], k - 1)[:k]]
    return docs[np.lexsort((docs, -scores[docs]))]


def shifted_docs(docs, offset: int) -> bytes:
    """A segment's document numbers (a uint32 memoryview) plus the segment's offset, as
    the bytes of an ``array("i")``: by an array operation, where ``map`` took a step per
    posting (a common word's postings in every segment of a 25,000-case library)."""
    return (np.frombuffer(docs, dtype=np.uint32).astype(np.int32) + np.int32(offset)).tobytes()


def _add_counts(acc: np.ndarray, counts: dict[int, int], factor: float) -> None:
    """acc[d] += factor * n for each document d and count n."""
    if counts:
        idx = np.fromiter(counts, dtype=np.int64, count=len(counts))
        acc[idx] += factor * np.fromiter(counts.values(), dtype=np.float64, count=len(counts))


@functools.lru_cache(maxsize=256)
def _squashed_pattern(s: str) -> re.Pattern[str]:
    """``s``'s characters with any run of characters :func:`~indexer.query.squash`
    removes between them."""
    return re.compile(_SQUASHED_GAP.join(map(re.escape, s)))


_SQUASHED_GAP = r"[\W\d_]*"  # what query._NON_WORD removes


def _positions(value: bytes) -> list[int]:
    """The positions of a posting of Whoosh's Positions format (its count, then the pickled
    gaps), summed by ``accumulate`` where Whoosh adds them up in a Python loop."""
    if not value.endswith(b"."):
        value += b"."
    return list(accumulate(loads(value[4:])))


def _read_all(m, ids: array, freqs: array, offset: int) -> None:
    """Append a segment matcher's postings, a block at a time where the matcher allows it."""
    fast = hasattr(m, "_next_block") and hasattr(m, "_read_ids")
    while m.is_active():
        if fast:
            if m._ids is None:
                m._read_ids()
            if m._weights is None:
                m._read_weights()
            ids.extend([d + offset for d in m._ids])
            freqs.extend(list(m._weights))
            m._next_block()
        else:
            ids.append(m.id() + offset)
            freqs.append(m.weight())
            m.next()


def _segment_lengths(sub, field: str) -> list[float]:
    """Every document's length in a field of one segment, read as one column (the values
    of ``doc_field_length``, without a call and a seek per document: the first query of a
    process reads them all)."""
    n = sub.doc_count_all()
    perdoc = getattr(sub, "_perdoc", None)
    if not hasattr(perdoc, "_cached_reader"):  # not a segment of Whoosh's W3 codec
        return [float(sub.doc_field_length(d, field) or 0) for d in range(n)]
    column = perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
    if column is None:  # no document has the field
        return [0.0] * n
    return [float(byte_to_length(b)) if b else 0.0 for b in column]
