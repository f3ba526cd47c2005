"""The faster paths of query evaluation give what the plain ones gave: the string check
without squashing the text, runs of tokens by set operations, the sort orders kept per
reader, the string search's counts of its candidates only."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

import pytest

from indexer import CaseIndex, IndexDoc, SearchQuery, analyze_doc
from indexer.evaluate import _squashed_pattern
from indexer.index import _neg_date, _rating
from indexer.query import parse, squash

ALPHABET = "营商环境改革一网通办市场监督管理局日起三有，。、（）() 　\n\t_-0123456789ABCabcＡＢ①"


def test_the_string_check_finds_what_squashing_the_text_finds():
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 40)))
        flat = squash(text)
        for s in {flat[i : i + n] for n in (1, 2, 3, 6) for i in range(0, max(1, len(flat)))}:
            if not s:
                continue
            probe = s if rng.random() < 0.7 else s[:-1] + rng.choice("营商日三ab")
            probe = squash(probe)
            if probe:
                found = _squashed_pattern(probe).search(text.lower()) is not None
                assert found == (probe in flat), (text, probe)


def _docs(n: int, seed: int) -> list[IndexDoc]:
    rng = random.Random(seed)
    chars = "日起三有的和营商环境，。第条自施行"
    out = []
    for i in range(n):
        text = "".join(rng.choice(chars) for _ in range(rng.randrange(20, 80)))
        out.append(
            IndexDoc(
                case_no=f"YS2021-{i:05d}",
                name="".join(rng.choice(chars) for _ in range(6)),
                text=text,
                published=date(2020 + i % 4, 1 + i % 12, 1) if i % 5 else None,
                rating=(i % 7) / 2 if i % 3 else None,
                rating_count=i % 4,
            )
        )
    return out


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    ix = CaseIndex(tmp_path_factory.mktemp("paths") / "index")
    ix.rebuild(analyze_doc(d) for d in _docs(120, 3))
    yield ix
    ix.close()


def _reference_spans(ev, field, tokens, max_slop, docs):
    """Gaps by the general loop (any slop), as the fast path must find for slop 1."""
    pos = {t: ev.positions(field, t, docs) for t in set(tokens)}
    out = {}
    for d in docs:
        starts = pos[tokens[0]].get(d) or []
        rest = [set(pos[t].get(d) or ()) for t in tokens[1:]]
        for p in starts:
            if all(p + i in nxt for i, nxt in enumerate(rest, 1)):
                out[d] = 1
                break
    return out


@pytest.mark.parametrize(
    "tokens", [("日", "起"), ("三", "有"), ("日", "日"), ("第", "条", "自"), ("起",)]
)
def test_tokens_in_a_row_are_found_as_by_the_general_loop(index, tokens):
    r = index._reader()
    ev = r.evaluator
    docs = sorted(r.searcher.reader().all_doc_ids())
    got = ev.sequence_spans("content", tokens, 1)
    assert got == _reference_spans(ev, "content", tokens, 1, docs)
    assert got  # the random texts hold each of them somewhere
    assert ev.sequence_docs("content", tokens) == frozenset(got)


def test_sorting_by_date_and_rating_follows_the_keys(index):
    r = index._reader()
    cols = r.columns
    n = len(cols.published)
    docs = list(range(n))
    random.Random(1).shuffle(docs)
    by_date = sorted(docs, key=lambda d: (_neg_date(cols.published[d]), d))
    by_rating = sorted(
        docs,
        key=lambda d: (
            -_rating(cols.rating[d], cols.rating_count[d] or 0),
            -(cols.rating_count[d] or 0),
            _neg_date(cols.published[d]),
            d,
        ),
    )
    assert CaseIndex._sorted(cols, docs, "date") == by_date
    assert CaseIndex._sorted(cols, docs, "rating") == by_rating
    res = index.search(SearchQuery(q="营商", sort="date", per_page=200))
    assert [h.case_no for h in res.hits] == [
        cols.case_no[d] for d in by_date if d in set(r.evaluator.evaluate(parse("营商"), None)[0])
    ]


def test_a_long_string_is_found_in_the_case_it_was_copied_from(index):
    docs = _docs(120, 3)
    r = index._reader()
    ev = r.evaluator
    for d in docs[:30]:
        s = squash(d.text)[5:25]
        if len(s) < 12:
            continue
        found = ev.string_docs(s)
        holding = {
            i
            for i in r.searcher.reader().all_doc_ids()
            if s in squash(r.searcher.stored_fields(i)["text"])
        }
        assert found <= holding
        assert r.searcher.document_number(case_no=d.case_no) in found or len(holding) > 40


def test_the_string_searchs_counts_of_its_candidates_are_the_full_counts(index):
    from indexer.analysis import char_grams

    r = index._reader()
    ev = r.evaluator
    s = squash(_docs(120, 3)[4].text)[:16]
    grams = sorted(
        (g for g in set(char_grams(s, normalized=True)) if ev.gram_count(g)), key=ev.gram_count
    )
    full: Counter[int] = Counter()
    for g in grams[:12]:
        full.update(ev.postings("chars", g)[0])
    cands = set().union(*(ev.postings("chars", g)[0] for g in grams[:3]))
    top = max(full[d] for d in cands)
    import heapq

    best = heapq.nlargest(40, (d for d in cands if full[d] >= top - 2), key=lambda d: (full[d], -d))
    expected = {d for d in best if s in squash(r.searcher.stored_fields(d)["text"])}
    assert ev.string_docs(s) == expected


def test_the_evaluation_caches_hold_to_their_byte_budget_and_keep_the_newest():
    from array import array

    from indexer.evaluate import _LRU, _weigh_arrays, _weigh_mapping

    cache = _LRU(1000, budget=10_000, weigh=_weigh_arrays)
    for i in range(50):
        cache.put(i, (array("i", range(400)), array("f", [1.0]) * 400))  # 3,264 bytes each
    assert list(cache) == [47, 48, 49]  # the three newest fit in 10,000 bytes
    assert cache.weight == 3 * 3264
    cache.get(47)  # used again: the newest
    cache.put(50, (array("i"), array("f")))
    assert list(cache) == [48, 49, 47, 50] and cache.weight == 3 * 3264 + 64
    cache.put(50, (array("i", range(2500)), array("f", [1.0]) * 2500))  # replaced, heavier
    assert list(cache) == [50] and cache.weight == 64 + 20_000  # kept alone over the budget

    units = _LRU(3, budget=10**9, weigh=_weigh_mapping)
    for i in range(5):
        units.put(i, {d: 1.0 for d in range(i)})
    assert list(units) == [2, 3, 4]  # the count still holds too
    assert units.weight == sum(64 + 100 * i for i in (2, 3, 4))
