"""From what a person types to a Whoosh query.

Syntax: words separated by spaces are all required; ``"..."`` (or “...”) is a phrase;
``-word`` excludes. A run of text without spaces (营商环境改革) is segmented with the same
analysis as the index, and each of its words is required, anywhere in the case.

Each word matches as a whole token (name, summary, full text), inside a longer token (营商
in 营商环境: the longer tokens come from the index's lexicon, see ``expand``), or, for a
word the text segmented into pieces, as those pieces in sequence. A long query (a sentence copied from a case) requires only most of its words and
ranks cases holding the whole sentence first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from whoosh import query as Q

from .analysis import analyze, finer_split, normalize

_PHRASE = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』')
# Queries with more words than this become "most of these words" instead of "all".
LONG_QUERY_UNITS = 8
TEXT_FIELDS = ("name", "summary", "content")


@dataclass
class ParsedQuery:
    query: Q.Query | None  # None: no text condition (match everything)
    needles: list[str] = field(default_factory=list)  # strings to highlight
    terms: list[str] = field(default_factory=list)  # the words looked for
    single_chars: list[str] = field(default_factory=list)  # one-character words alone


Expand = Callable[[str], list[str]]
# Weight of a match inside a longer token, relative to a whole-token match.
INSIDE_BOOST = 0.7


def _no_expand(_w: str) -> list[str]:
    return []


def _inside(w: str, expand: Expand) -> list[Q.Query]:
    """``w`` inside longer tokens: of the full text (through the lexicon) or of the name."""
    inside: list[Q.Query] = [Q.Term("content", t) for t in expand(w)]
    inside.append(Q.Term("name_sub", w))
    return [Q.Or(inside, boost=INSIDE_BOOST)]


def _word_unit(w: str, expand: Expand = _no_expand) -> Q.Query:
    alts: list[Q.Query] = [Q.Term(f, w) for f in TEXT_FIELDS]
    alts.extend(_inside(w, expand))
    if len(w) >= 3:
        parts = finer_split(w)
        if len(parts) > 1:
            alts.append(Q.Sequence([Q.Term("content", p) for p in parts]))
    return Q.Or(alts)


def _run_unit(chars: list[str], expand: Expand = _no_expand) -> Q.Query:
    """A run of single-character tokens (words outside the dictionary, such as names)."""
    alts: list[Q.Query] = [Q.Sequence([Q.Term(f, c) for c in chars]) for f in TEXT_FIELDS]
    alts.extend(_inside("".join(chars), expand))
    return Q.Or(alts)


def _units(tokens: list[str], expand: Expand = _no_expand) -> tuple[list[Q.Query], list[str]]:
    """Group tokens into required units; returns (units, lone single characters)."""
    units: list[Q.Query] = []
    lone: list[str] = []
    run: list[str] = []

    def flush():
        if len(run) >= 2:
            units.append(_run_unit(list(run), expand))
        elif run:
            lone.append(run[0])
        run.clear()

    for t in tokens:
        if len(t) == 1 and not t.isascii():
            run.append(t)
            continue
        flush()
        units.append(_word_unit(t, expand))
    flush()
    return units, lone


def _phrase_unit(tokens: list[str], expand: Expand = _no_expand) -> Q.Query:
    if len(tokens) == 1:
        return _word_unit(tokens[0], expand) if len(tokens[0]) > 1 else _run_unit(tokens, expand)
    return Q.Or([Q.Sequence([Q.Term(f, t) for t in tokens]) for f in TEXT_FIELDS])


def parse(text: str, expand: Expand = _no_expand) -> ParsedQuery:
    """``expand(w)`` returns the full-text terms that contain ``w`` (longer tokens)."""
    text = (text or "").strip()
    if not text:
        return ParsedQuery(None)
    required: list[Q.Query] = []
    excluded: list[Q.Query] = []
    needles: list[str] = []
    terms: list[str] = []
    lone_all: list[str] = []
    optional: list[Q.Query] = []

    def take_phrase(m: re.Match[str]) -> str:
        phrase = next(g for g in m.groups() if g is not None)
        toks = analyze(phrase)
        if toks:
            required.append(_phrase_unit(toks, expand))
            needles.append(normalize(phrase).strip())
            needles.extend(toks)
            terms.extend(toks)
        return " "
    rest = _PHRASE.sub(take_phrase, text)

    loose_tokens: list[str] = []
    for chunk in rest.split():
        negate = chunk.startswith("-") and len(chunk) > 1
        toks = analyze(chunk[1:] if negate else chunk)
        if not toks:
            continue
        if negate:
            units, lone = _units(toks, expand)
            excluded.extend(units)
            continue
        loose_tokens.extend(toks)
        terms.extend(toks)
        needles.extend(t for t in toks if len(t) > 1 or t.isascii())
        units, lone = _units(toks, expand)
        required.extend(units)
        lone_all.extend(lone)

    if not required and lone_all:
        # Only single characters were typed (税): each is required, found anywhere.
        needles.extend(lone_all)
        return ParsedQuery(None, needles, terms, single_chars=lone_all)
    optional.extend(Q.Or([Q.Term(f, c) for f in TEXT_FIELDS]) for c in lone_all)

    if not required:
        if excluded:
            return ParsedQuery(Q.Not(Q.Or(excluded)) if excluded else None, needles, terms)
        return ParsedQuery(None, needles, terms)

    if len(required) > LONG_QUERY_UNITS:
        # A sentence: most of its words, with a coordination bonus for having more.
        base: Q.Query = Q.Or(required, scale=0.9)
    else:
        base = Q.And(required) if len(required) > 1 else required[0]
    # Proximity bonus: the words as typed, in order, close together.
    if len(loose_tokens) > 1:
        optional.append(Q.Sequence([Q.Term("content", t) for t in loose_tokens], slop=2, boost=2.0))
        optional.append(Q.Sequence([Q.Term("name", t) for t in loose_tokens], slop=1, boost=2.0))
    q: Q.Query = base
    if optional:
        q = Q.AndMaybe(base, Q.Or(optional) if len(optional) > 1 else optional[0])
    if excluded:
        q = Q.AndNot(q, Q.Or(excluded))
    return ParsedQuery(q, list(dict.fromkeys(needles)), list(dict.fromkeys(terms)), [])
