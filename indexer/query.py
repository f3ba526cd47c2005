"""From what a person types to a query plan.

Syntax: words separated by spaces are all required; ``"..."`` (or “...”) is a phrase;
``-word`` excludes. A run of text without spaces (营商环境改革) is segmented with the same
analysis as the index, and each of its words is required, anywhere in the case.

A plan is a list of units. Each unit is one thing to find: a word (as a whole token, inside
a longer token such as 营商 in 营商环境, or cut into pieces by the text's segmentation), a
run of single characters (a name outside the dictionary: 杨扬), or a quoted phrase. A long
query (a sentence copied from a case) requires most of its units, not all, and ranks the
cases holding the whole sentence first. Evaluation is in :mod:`indexer.evaluate`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .analysis import analyze, normalize

_PHRASE = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』')
# Queries with more units than this become "most of these words" instead of "all".
LONG_QUERY_UNITS = 6
# Share of the units a case must hold to match a long query.
LONG_QUERY_MIN_SHARE = 0.75


@dataclass(frozen=True)
class Unit:
    kind: str  # "word" | "run" | "phrase"
    tokens: tuple[str, ...]
    raw: str = ""  # a phrase as typed (normalised, without spaces): found as a string too

    @property
    def text(self) -> str:
        return "".join(self.tokens)


@dataclass
class Plan:
    required: list[Unit] = field(default_factory=list)
    excluded: list[Unit] = field(default_factory=list)
    loose: list[str] = field(default_factory=list)  # unquoted tokens in order (proximity bonus)
    needles: list[str] = field(default_factory=list)  # strings to highlight
    terms: list[str] = field(default_factory=list)  # the words looked for
    squashed: str = ""  # the unquoted text, normalised, without spaces and punctuation

    @property
    def empty(self) -> bool:
        return not self.required and not self.excluded

    @property
    def min_match(self) -> int:
        """How many required units a case must hold."""
        n = len(self.required)
        if n > LONG_QUERY_UNITS:
            return max(1, math.ceil(n * LONG_QUERY_MIN_SHARE))
        return n


def _units(tokens: list[str]) -> list[Unit]:
    """Words are units; a run of single non-ASCII characters (outside the dictionary) is one
    unit; a lone single character next to words is a unit of its own (税 in 个人 税)."""
    units: list[Unit] = []
    run: list[str] = []

    def flush():
        if len(run) >= 2:
            units.append(Unit("run", tuple(run)))
        elif run:
            units.append(Unit("word", (run[0],)))
        run.clear()

    for t in tokens:
        if len(t) == 1 and not t.isascii():
            run.append(t)
            continue
        flush()
        units.append(Unit("word", (t,)))
    flush()
    return units


_NON_WORD = re.compile(r"[\W\d_]+")
_SPACES = re.compile(r"\s+")


def squash(text: str, *, nfkc: bool = False) -> str:
    """Text without spaces, punctuation and digits, lower case (to find a copied sentence,
    also one copied with its numbers left out); ``nfkc`` also folds full-width forms
    (costly on a whole document)."""
    return _NON_WORD.sub("", normalize(text) if nfkc else text.lower())


def parse(text: str) -> Plan:
    plan = Plan()
    text = (text or "").strip()
    if not text:
        return plan

    def take_phrase(m: re.Match[str]) -> str:
        phrase = next(g for g in m.groups() if g is not None)
        toks = analyze(phrase)
        if toks:
            raw = _SPACES.sub("", normalize(phrase))
            plan.required.append(
                Unit("phrase", tuple(toks), raw) if len(toks) > 1 else _units(toks)[0]
            )
            plan.needles.append(normalize(phrase).strip())
            plan.needles.extend(toks)
            plan.terms.extend(toks)
        return " "

    rest = _PHRASE.sub(take_phrase, text)
    plan.squashed = squash(rest)
    for chunk in rest.split():
        negate = chunk.startswith("-") and len(chunk) > 1
        toks = analyze(chunk[1:] if negate else chunk)
        if not toks:
            continue
        if negate:
            plan.excluded.extend(_units(toks))
            continue
        plan.loose.extend(toks)
        plan.terms.extend(toks)
        units = _units(toks)
        plan.required.extend(units)
        plan.needles.extend(u.text for u in units)
    # A lone character next to real words ((一)土地使用者..., 第 三章) says little and
    # would match most cases: it is looked for only when nothing else was typed.
    if any(len(u.text) > 1 for u in plan.required):
        plan.required = [u for u in plan.required if len(u.text) > 1]
    plan.required = list(dict.fromkeys(plan.required))  # a word typed twice counts once
    plan.needles = list(dict.fromkeys(n for n in plan.needles if n))
    plan.terms = list(dict.fromkeys(plan.terms))
    return plan
