"""Chinese text analysis: our jieba tokenizer for Whoosh.

jieba's bundled ``ChineseAnalyzer`` gives tokens character offsets as positions, which
breaks Whoosh phrase queries; here positions are ordinal over the kept tokens.

Segmentation is jieba's precise mode without the HMM: words outside the dictionaries come
out as single characters, the same way in every context, so a query segments like the
text it must find. The domain dictionary (``data/userdict.txt``) keeps the field's terms
(营商环境, 一网通办, 最多跑一次, ...) whole, and every token of three or more characters
also yields its sub-words (all two-character substrings and the dictionary words inside
it) for the sub-word field, so 营商 finds 营商环境.

jieba is loaded once per process, lazily, under a lock.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from importlib import resources

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


def worker_pool(processes: int, **kwargs):
    """A pool of worker processes for segmentation, forked after jieba's dictionary is
    loaded here: the workers share its pages instead of loading a copy each (about 90 MB
    and a second and a half per worker). The dictionary's objects are moved out of the
    garbage collector's reach before the fork, so collections in the workers do not
    write to (and so copy) the shared pages."""
    import gc
    import multiprocessing

    tokenizer()
    stop_words()
    gc.collect()
    gc.freeze()
    try:
        return multiprocessing.get_context("fork").Pool(processes, **kwargs)
    finally:
        gc.unfreeze()


def normalize(text: str) -> str:
    """NFKC (full-width letters and digits to ASCII), lower case."""
    return unicodedata.normalize("NFKC", text).lower()


# Segmentation of a block of Chinese text does not depend on its neighbours (jieba cuts each
# run of word characters on its own), so short blocks, which repeat a lot in official
# prose (第一条, 县级以上地方人民政府...), are cut once per process and remembered.
_BLOCK_CACHE_MAX_LEN = 24
_BLOCK_CACHE_SIZE = 80_000
_block_cache: dict[str, tuple[str, ...]] = {}


def _cut_blocks(text: str, stops) -> list[str]:
    import jieba

    tk = tokenizer()
    cut = tk._Tokenizer__cut_DAG_NO_HMM  # what jieba.cut(HMM=False) runs on each block
    cache = _block_cache
    out: list[str] = []
    extend = out.extend
    for i, part in enumerate(jieba.re_han_default.split(text)):
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
    freq = tokenizer().FREQ
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
    tk = tokenizer()
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
