"""Chinese text analysis: our jieba tokenizer for Whoosh.

jieba's bundled ``ChineseAnalyzer`` gives tokens character offsets as positions, which
breaks Whoosh phrase queries; here positions are ordinal over the kept tokens.

Segmentation is jieba's precise mode without the HMM: words outside the dictionaries come
out as single characters, the same way in every context, so a query segments like the
text it must find. The domain dictionary (``data/userdict.txt``) keeps the field's terms
(营商环境, 一网通办, 最多跑一次, ...) whole, and every token of three or more characters
also yields its sub-words (all two-character substrings and the dictionary words inside
it) for the sub-word field, so 营商 finds 营商环境.

jieba is loaded once per process, lazily, under a lock. A process that only analyses queries
need not load it at all (about a second): every index holds jieba's final dictionary (its
words, their prefixes and frequencies, ours added) as one sorted file, ``caselib-dict.bin``,
which :func:`attach_dictionary` memory-maps; segmentation then runs jieba's own algorithm
(the DAG of dictionary words, the route of highest probability, no HMM) on it, with the
same results (tests compare the two).
"""

from __future__ import annotations

import bisect
import contextlib
import logging
import math
import mmap
import os
import re
import struct
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from sys import intern

from whoosh.analysis import Token, Tokenizer

__all__ = [
    "analyze",
    "worker_pool",
    "subwords",
    "tokenizer",
    "stop_words",
    "domain_terms",
    "normalize",
    "CaseTokenizer",
    "SubwordTokenizer",
    "PreTokenized",
    "finer_split",
    "char_grams",
    "CharGramTokenizer",
]

_lock = threading.Lock()
_tokenizer = None
_stop_words: frozenset[str] | None = None
_domain_terms: tuple[str, ...] | None = None

# A token is kept when it has a letter or digit in it (CJK characters are letters).
_WORDLIKE = re.compile(r"\w")
_SPACES = re.compile(r"\s+")


def _data_lines(name: str) -> list[str]:
    text = (resources.files("indexer") / "data" / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def domain_terms() -> tuple[str, ...]:
    """The domain dictionary's terms, in file order."""
    global _domain_terms
    if _domain_terms is None:
        _domain_terms = tuple(dict.fromkeys(ln.split()[0] for ln in _data_lines("userdict.txt")))
    return _domain_terms


def stop_words() -> frozenset[str]:
    global _stop_words
    if _stop_words is None:
        _stop_words = frozenset(_data_lines("stopwords.txt"))
    return _stop_words


def tokenizer():
    """The process-wide ``jieba.Tokenizer`` with the domain dictionary loaded."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tk = jieba.Tokenizer()
                tk.initialize()
                for line in _data_lines("userdict.txt"):
                    parts = line.split()
                    word = parts[0]
                    tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
                    freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
                    tk.add_word(word, freq, tag)
                _tokenizer = tk
    return _tokenizer


DICT_FILE = "caselib-dict.bin"
_DICT_MAGIC = b"CLDICT01"
_dict_bytes: bytes | None = None
_compact: _CompactDict | None = None


def dictionary_bytes() -> bytes:
    """jieba's final dictionary (after our words were added) as the bytes of a
    ``caselib-dict.bin`` file: magic, entry count, total (float64), then the entries'
    end offsets and frequencies (uint32 each) and the UTF-8 keys, sorted, back to back."""
    global _dict_bytes
    if _dict_bytes is None:
        tk = tokenizer()
        items = sorted((k.encode("utf-8"), v) for k, v in tk.FREQ.items())
        blob = b"".join(k for k, _v in items)
        ends, pos = [], 0
        for k, _v in items:
            pos += len(k)
            ends.append(pos)
        head = _DICT_MAGIC + struct.pack("<Id", len(items), float(tk.total))
        _dict_bytes = (
            head
            + struct.pack(f"<{len(items)}I", *ends)
            + struct.pack(f"<{len(items)}I", *(v for _k, v in items))
            + blob
        )
    return _dict_bytes


def write_dictionary(path: str | os.PathLike) -> None:
    """Write :func:`dictionary_bytes` to ``path`` (atomically)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(dictionary_bytes())
    os.replace(tmp, path)


class _CompactDict:
    """A ``caselib-dict.bin`` file, memory-mapped: ``get(word)`` is jieba's
    ``FREQ.get(word)`` by binary search."""

    def __init__(self, path: Path):
        with open(path, "rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        m = self._map
        if m[:8] != _DICT_MAGIC:
            raise ValueError(f"{path}: not a caselib dictionary")
        n, self.total = struct.unpack_from("<Id", m, 8)
        base = 8 + struct.calcsize("<Id")
        view = memoryview(m)
        self._ends = view[base : base + 4 * n].cast("I")
        self._freqs = view[base + 4 * n : base + 8 * n].cast("I")
        self._blob = base + 8 * n
        self.n = n
        self.logtotal = math.log(self.total)
        self._cache: dict[str, int | None] = {}

    def _key(self, i: int) -> bytes:
        start = self._ends[i - 1] if i else 0
        return self._map[self._blob + start : self._blob + self._ends[i]]

    def get(self, word: str, default=None):
        hit = self._cache.get(word, -1)
        if hit != -1:
            return default if hit is None else hit
        key = word.encode("utf-8")
        i = bisect.bisect_left(range(self.n), key, key=self._key)
        value = self._freqs[i] if i < self.n and self._key(i) == key else None
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[word] = value
        return default if value is None else value

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    # jieba's algorithm (Tokenizer.get_DAG, calc and __cut_DAG_NO_HMM), on this table.

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:
        dag: dict[int, list[int]] = {}
        n = len(sentence)
        get = self.get
        for k in range(n):
            found = []
            i = k
            frag = sentence[k]
            while i < n:
                f = get(frag)
                if f is None:
                    break
                if f:
                    found.append(i)
                i += 1
                frag = sentence[k : i + 1]
            if not found:
                found.append(k)
            dag[k] = found
        return dag

    def calc(self, sentence: str, dag, route) -> None:
        n = len(sentence)
        route[n] = (0, 0)
        logtotal = self.logtotal
        get = self.get
        log = math.log
        for idx in range(n - 1, -1, -1):
            route[idx] = max(
                (log(get(sentence[idx : x + 1]) or 1) - logtotal + route[x + 1][0], x)
                for x in dag[idx]
            )

    def cut(self, sentence: str) -> Iterator[str]:
        dag = self.get_DAG(sentence)
        route: dict[int, tuple[float, int]] = {}
        self.calc(sentence, dag, route)
        x, n, buf = 0, len(sentence), ""
        while x < n:
            y = route[x][1] + 1
            word = sentence[x:y]
            if len(word) == 1 and _RE_ENG.match(word):
                buf += word
            else:
                if buf:
                    yield buf
                    buf = ""
                yield word
            x = y
        if buf:
            yield buf


_RE_ENG = re.compile("[a-zA-Z0-9]", re.U)
_RE_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)", re.U)


def attach_dictionary(path: str | os.PathLike) -> bool:
    """Segment with the dictionary file of an index (see :func:`dictionary_bytes`) until
    jieba itself is loaded. False when the file is missing or unreadable."""
    global _compact
    if _tokenizer is not None:
        return True
    try:
        _compact = _CompactDict(Path(path))
    except (OSError, ValueError, struct.error):
        return False
    return True


def _segmenter():
    """What segments: jieba when it is loaded, else an attached dictionary file, else
    jieba (loaded now)."""
    if _tokenizer is None and _compact is not None:
        return _compact
    return tokenizer()


# Niceness of the segmenting workers (an ingest, a rebuild): background work, which must
# leave the processor to a web server's workers on the same machine (nice 0).
WORKER_NICE = 10


def _lower_priority(initializer, initargs) -> None:
    """A worker's start: lower its priority, then the caller's own initializer."""
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICE)
    if initializer is not None:
        initializer(*initargs)


def worker_pool(processes: int, *, initializer=None, initargs=(), **kwargs):
    """A pool of worker processes for segmentation, forked after jieba's dictionary is
    loaded here: the workers share its pages instead of loading a copy each (about 90 MB
    and a second and a half per worker). The dictionary's objects are moved out of the
    garbage collector's reach before the fork, so collections in the workers do not
    write to (and so copy) the shared pages. The workers run at niceness
    :data:`WORKER_NICE`."""
    import gc
    import multiprocessing

    tokenizer()
    stop_words()
    gc.collect()
    gc.freeze()
    try:
        return multiprocessing.get_context("fork").Pool(
            processes, initializer=_lower_priority, initargs=(initializer, initargs), **kwargs
        )
    finally:
        gc.unfreeze()


def normalize(text: str) -> str:
    """NFKC (full-width letters and digits to ASCII), lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def flat_text(name: str | None, summary: str | None, text: str | None) -> str:
    """A case's name, summary and text in lower case without white space, as the string
    checks of a search read them. Lower case, not NFKC: folding the whole text cost more
    than a search (full-width letters in a text are rare; the query is folded)."""
    # str.split: a third of re.sub's time
    return "".join(f"{name or ''}\n{summary or ''}\n{text or ''}".lower().split())


# Segmentation of a block of Chinese text does not depend on its neighbours (jieba cuts each
# run of word characters on its own), so short blocks, which repeat a lot in official
# prose (第一条, 县级以上地方人民政府...), are cut once per process and remembered. The
# remembered words are interned: one string per distinct word, not one per block it stands
# in (a worker's cache over the corpus: +25 MB at its peak where it was +52 MB).
_BLOCK_CACHE_MAX_LEN = 24
_BLOCK_CACHE_SIZE = 80_000
_block_cache: dict[str, tuple[str, ...]] = {}


def _cut_blocks(text: str, stops) -> list[str]:
    seg = _segmenter()
    # What jieba.cut(HMM=False) runs on each block.
    cut = seg.cut if isinstance(seg, _CompactDict) else seg._Tokenizer__cut_DAG_NO_HMM
    cache = _block_cache
    out: list[str] = []
    extend = out.extend
    for i, part in enumerate(_RE_HAN.split(text)):
        if not part:
            continue
        if i % 2 == 0:
            # Between blocks: punctuation and spaces, and word characters jieba does not
            # cut (rare CJK extensions), which it yields one by one.
            extend(c for c in part if _WORDLIKE.match(c) and c not in stops)
            continue
        words = cache.get(part)
        if words is None:
            words = tuple(w for w in cut(part) if w not in stops and _WORDLIKE.search(w))
            if len(part) <= _BLOCK_CACHE_MAX_LEN:
                words = tuple(map(intern, words))
                if len(cache) >= _BLOCK_CACHE_SIZE:
                    cache.clear()
                cache[part] = words
        extend(words)
    return out


def analyze(text: str, *, keep_stop_words: bool = False, normalized: bool = False) -> list[str]:
    """The index tokens of ``text`` in order: jieba words (precise mode, no HMM),
    punctuation and stop words dropped. The list index of a token is its ordinal position.
    ``normalized``: the text already went through :func:`normalize`.
    """
    if not text:
        return []
    return _cut_blocks(
        text if normalized else normalize(text), frozenset() if keep_stop_words else stop_words()
    )


def subwords(tokens: Iterable[str]) -> list[str]:
    """Sub-words of the long tokens: every two-character substring and every dictionary
    word of three or more characters strictly inside a token of three or more characters.
    """
    freq = _segmenter()
    freq = getattr(freq, "FREQ", freq)
    out: list[str] = []
    for tok in tokens:
        n = len(tok)
        if n < 3:
            continue
        seen = set()
        for i in range(n - 1):
            bi = tok[i : i + 2]
            if bi not in seen:
                seen.add(bi)
                out.append(bi)
        for length in range(3, n):
            for i in range(n - length + 1):
                sub = tok[i : i + length]
                if sub not in seen and freq.get(sub):
                    seen.add(sub)
                    out.append(sub)
    return out


_RUNS = re.compile(r"[^\W_]+")


def char_grams(text: str, *, normalized: bool = False) -> list[str]:
    """The character bigrams of every run of word characters of ``text`` (a run of one
    character gives that character), in order: what a substring search matches on."""
    out: list[str] = []
    extend = out.extend
    for run in _RUNS.findall(text if normalized else normalize(text)):
        if len(run) == 1:
            out.append(run)
        else:
            extend(run[i : i + 2] for i in range(len(run) - 1))
    return out


def finer_split(word: str) -> list[str]:
    """The best segmentation of ``word`` that does not keep it whole (改革创新 → 改革, 创新);
    ``[word]`` when it cannot be split. Used at query time for a word the text may have
    segmented into pieces."""
    if len(word) < 2:
        return [word]
    tk = _segmenter()
    dag = tk.get_DAG(word)
    n = len(word)
    if n - 1 in dag.get(0, []) and len(dag[0]) > 1:
        dag[0] = [e for e in dag[0] if e != n - 1]
    elif dag.get(0) == [n - 1]:
        dag[0] = [0]
    route: dict[int, tuple[float, int]] = {}
    tk.calc(word, dag, route)
    parts, i = [], 0
    while i < n:
        j = route[i][1] + 1
        parts.append(word[i:j])
        i = j
    return parts if len(parts) > 1 else [word]


class PreTokenized(list):
    """Tokens already produced by :func:`analyze` (in a worker process); the analyzers
    pass them through instead of segmenting again."""


class _Tokenizer(Tokenizer):
    """Whoosh tokenizer over our analysis; subclasses say which words a value yields."""

    def __eq__(self, other):
        return type(other) is type(self)

    def __hash__(self):
        return hash(type(self).__name__)

    def words(self, value, mode: str) -> list[str]:
        raise NotImplementedError

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ) -> Iterator[Token]:
        words = self.words(value, mode)
        return _emit(words, positions, chars, removestops, start_pos, mode, kwargs)


class CaseTokenizer(_Tokenizer):
    """jieba words with ordinal positions."""

    def words(self, value, mode: str) -> list[str]:
        return value if isinstance(value, list) else analyze(value)


class CharGramTokenizer(_Tokenizer):
    """Character bigrams (see :func:`char_grams`)."""

    def words(self, value, mode: str) -> list[str]:
        return value if isinstance(value, list) else char_grams(value)


class SubwordTokenizer(_Tokenizer):
    """The sub-words of long tokens (no positions needed); a query is analysed plainly."""

    def words(self, value, mode: str) -> list[str]:
        if isinstance(value, PreTokenized):
            return value
        if mode == "query":
            return analyze(value)
        return subwords(analyze(value))


def _emit(words, positions, chars, removestops, start_pos, mode, kwargs) -> Iterator[Token]:
    t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
    pos = start_pos
    for w in words:
        t.text = w
        t.boost = 1.0
        t.stopped = False
        if positions:
            t.pos = pos
        if chars:
            # Character offsets are not tracked (highlighting works on the stored text).
            t.startchar = t.endchar = 0
        pos += 1
        yield t
