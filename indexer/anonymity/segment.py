"""jieba on short windows: word boundaries and part-of-speech tags.

Everything runs on the project's one ``jieba.Tokenizer`` (``indexer.analysis.tokenizer``);
the part-of-speech tagger wraps it, so the process holds one dictionary. Both are used
only on windows of a few dozen characters around a candidate: jieba's tagger runs at
~40,000 characters a second, far below the check's budget for whole texts.
"""

from __future__ import annotations

import threading
from typing import NamedTuple

__all__ = ["Token", "freq", "dict_tag", "boundaries", "tagged", "words"]

_lock = threading.Lock()
_pos = None
_MISS = object()


class Token(NamedTuple):
    start: int  # offsets into the full text
    end: int
    word: str
    tag: str


def _tokenizer():
    from indexer.analysis import tokenizer

    return tokenizer()


class _TagTable:
    """jieba's word → part-of-speech table, kept compact: the words sorted in one string
    with an offset array, tags as one byte each (about 5 MB instead of the ~95 MB of the
    350,000-entry dict jieba.posseg builds). Lookups are binary searches (a few µs)."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        from array import array

        pairs.sort()
        tags = sorted({t for _, t in pairs})
        code = {t: i for i, t in enumerate(tags)}
        self._tags = tags
        self._blob = "".join(w for w, _ in pairs)
        offsets = array("I", [0])
        pos = 0
        for w, _ in pairs:
            pos += len(w)
            offsets.append(pos)
        self._off = offsets
        self._code = bytes(code[t] for _, t in pairs)
        self._extra: dict[str, str] = {}  # the domain dictionary's words
        self._cache: dict[str, str | None] = {}  # recent lookups (bounded)

    def get(self, word: str, default: str | None = None) -> str | None:
        tag = self._extra.get(word)
        if tag is None:
            tag = self._cache.get(word, _MISS)
            if tag is _MISS:
                if len(self._cache) > 20_000:
                    self._cache.clear()
                tag = self._cache[word] = self._search(word)
        return default if tag is None else tag

    def _search(self, word: str) -> str | None:
        off, blob = self._off, self._blob
        lo, hi = 0, len(self._code)
        while lo < hi:
            mid = (lo + hi) // 2
            w = blob[off[mid] : off[mid + 1]]
            if w < word:
                lo = mid + 1
            elif w > word:
                hi = mid
            else:
                return self._tags[self._code[mid]]
        return None

    def update(self, mapping: dict[str, str]) -> None:
        self._extra.update(mapping)


def _postokenizer():
    global _pos
    if _pos is None:
        with _lock:
            if _pos is None:
                import jieba.posseg

                class LeanPOSTokenizer(jieba.posseg.POSTokenizer):
                    def load_word_tag(self, f):
                        pairs = []
                        with f:
                            for line in f:
                                parts = line.decode("utf-8").split()
                                if len(parts) == 3:
                                    pairs.append((parts[0], parts[2]))
                        self.word_tag_tab = _TagTable(pairs)
                        self._user_seen = 0

                    def makesure_userdict_loaded(self):
                        # jieba empties the tokenizer's user tags here; the tokenizer is
                        # shared, so they are copied and left in place.
                        user = self.tokenizer.user_word_tag_tab
                        if len(user) != self._user_seen:
                            self.word_tag_tab.update(user)
                            self._user_seen = len(user)

                pos = LeanPOSTokenizer(_tokenizer())
                # the domain dictionary's tags, before the first cut asks for them:
                # dict_tag must answer the same before and after any tagging
                pos.makesure_userdict_loaded()
                _pos = pos
    return _pos


def freq(word: str) -> int:
    """jieba's dictionary frequency of ``word`` (0 when it is not a word)."""
    return _tokenizer().FREQ.get(word) or 0


def dict_tag(word: str) -> str:
    """jieba's dictionary part of speech of ``word`` ('' when it is not a word)."""
    return _postokenizer().word_tag_tab.get(word, "")


def boundaries(text: str, start: int, end: int) -> set[int]:
    """Word boundaries (offsets into ``text``) of ``text[start:end]`` segmented by the
    dictionary alone (no HMM), the way the search index segments it."""
    tk = _tokenizer()
    sentence = text[start:end]
    dag = tk.get_DAG(sentence)
    route: dict[int, tuple[float, int]] = {}
    tk.calc(sentence, dag, route)
    out = {start}
    i, n = 0, len(sentence)
    while i < n:
        i = route[i][1] + 1
        out.add(start + i)
    return out


def tagged(text: str, start: int, end: int) -> list[Token]:
    """Part-of-speech tokens of ``text[start:end]`` (jieba.posseg with HMM)."""
    out: list[Token] = []
    pos = start
    for word, tag in _postokenizer().cut(text[start:end]):
        out.append(Token(pos, pos + len(word), word, tag))
        pos += len(word)
    return out


def words(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` segmented with the dictionary and jieba's HMM for
    unknown words (unknown names come out whole: 程建军), each with its dictionary part
    of speech, or 'new' for a word the HMM made. Several times faster than
    :func:`tagged`, whose tagger guesses the part of speech of new words too."""
    out: list[Token] = []
    pos = start
    tab = _postokenizer().word_tag_tab
    for word in _tokenizer().cut(text[start:end], HMM=True):
        out.append(Token(pos, pos + len(word), word, tab.get(word, "") or "new"))
        pos += len(word)
    return out
