"""Search quality on a sample of the real corpus, ours beside a naive Whoosh + jieba build
measured in the same run (issue 11).

    python bench/quality.py [--docs 300] [--n 200] [--seed 11]

A library of ``--docs`` regulations sampled from ../shared/corpus/01_policy_texts with a
fixed seed (byte-identical copies left out) is indexed twice: by caselib's indexer, and
naively (Whoosh's defaults with jieba's bundled ``ChineseAnalyzer``, one TEXT field, BM25F,
``QueryParser`` with AND between words, ``more_like`` for similar documents). Four query
sets are drawn from the sample with the seed, the way users build queries:

* word: a word of two to four characters typed as it stands in a random document (a
  jieba word of the text); relevant: every document containing that string anywhere,
  inside words and across word boundaries; recall over all results;
* keywords: three words characteristic of one document: words it uses twice or more
  that a few other documents use too (at most a tenth of them), drawn among its ranks
  6–30 by tf-idf (not its most characteristic ones, not its most frequent ones), in
  random order; MRR of that document;
* passage: about 24 characters copied from the middle third of a document, punctuation,
  digits and spaces stripped; relevant: every document containing that string (so
  identical versions count); MRR;
* halves: the library of the documents' first halves; the second half of a document looks
  for similar cases; MRR of its first half.

Prints each figure for both builds and the size of each query set.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from hashlib import sha256
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import markdown_files, require_corpus  # noqa: E402

from indexer import CaseIndex, IndexDoc, SearchQuery, analyze, analyze_doc  # noqa: E402
from indexer.analysis import normalize  # noqa: E402

_WS = re.compile(r"\s+")
_STRIP = re.compile(r"[\W\d_]+")
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def title_of(text: str, fallback: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200]
    return fallback


def sample_docs(n: int, seed: int) -> list[tuple[str, str, str]]:
    """(id, title, text) of n documents, byte-identical copies left out."""
    files = markdown_files()
    rng = random.Random(seed)
    rng.shuffle(files)
    seen, out = set(), []
    for p in files:
        data = p.read_bytes()
        h = sha256(data).hexdigest()
        if h in seen:
            continue
        seen.add(h)
        text = data.decode("utf-8")
        if len(text) < 200:
            continue
        out.append((f"D{len(out):05d}", title_of(text, p.stem), text))
        if len(out) >= n:
            break
    return out


# -- the two builds -------------------------------------------------------------------------


class Ours:
    def __init__(self, path: Path, docs: list[tuple[str, str, str]]):
        from indexer import worker_pool

        self.ix = CaseIndex(path)
        items = [IndexDoc(case_no=i, name=t, text=x, file_name=i) for i, t, x in docs]
        with worker_pool(2) as pool:
            self.ix.rebuild(pool.imap(analyze_doc, items, chunksize=4))

    def ranked(self, q: str, limit: int = 10) -> list[str]:
        r = self.ix.search(SearchQuery(q=q, per_page=limit, highlight=False))
        return [h.case_no for h in r.hits]

    def all(self, q: str) -> set[str]:
        out, page = set(), 1
        while True:
            r = self.ix.search(SearchQuery(q=q, per_page=100, page=page, highlight=False))
            out.update(h.case_no for h in r.hits)
            if page * 100 >= r.total or not r.hits:
                return out
            page += 1

    def similar(self, text: str, limit: int = 10) -> list[str]:
        return [h.case_no for h in self.ix.similar(text, limit=limit)]

    def close(self):
        self.ix.close()


class Naive:
    """Whoosh as its documentation shows it, with jieba's bundled analyzer."""

    def __init__(self, path: Path, docs: list[tuple[str, str, str]]):
        from jieba.analyse import ChineseAnalyzer
        from whoosh import fields, index
        from whoosh.qparser import QueryParser

        path.mkdir(parents=True, exist_ok=True)
        schema = fields.Schema(
            id=fields.ID(stored=True, unique=True),
            content=fields.TEXT(analyzer=ChineseAnalyzer()),
        )
        ix = index.create_in(str(path), schema)
        with ix.writer(limitmb=256) as w:
            for i, t, x in docs:
                w.add_document(id=i, content=t + "\n" + x)
        self.ix = ix
        self.searcher = ix.searcher()
        self.parser = QueryParser("content", schema)

    def _q(self, q: str):
        return self.parser.parse(q)

    def ranked(self, q: str, limit: int = 10) -> list[str]:
        return [h["id"] for h in self.searcher.search(self._q(q), limit=limit)]

    def all(self, q: str) -> set[str]:
        return {h["id"] for h in self.searcher.search(self._q(q), limit=None)}

    def similar(self, text: str, limit: int = 10) -> list[str]:
        hits = self.searcher.more_like(None, "content", text=text, top=limit)
        return [h["id"] for h in hits]

    def close(self):
        self.searcher.close()


# -- query sets -----------------------------------------------------------------------------


def word_queries(docs, n, rng):
    flat = {i: _WS.sub("", normalize(x)) for i, _t, x in docs}
    out, tries = [], 0
    while len(out) < n and tries < n * 50:
        tries += 1
        i, _t, x = rng.choice(docs)
        start = rng.randrange(max(1, len(x) - 400))
        words = [w for w in analyze(x[start : start + 400]) if 2 <= len(w) <= 4 and _HAN.match(w)]
        if not words:
            continue
        w = rng.choice(words)
        relevant = {k for k, v in flat.items() if w in v}
        out.append((w, relevant))
    return out


def keyword_queries(docs, n, rng):
    terms = {
        i: Counter(w for w in analyze(t + " " + x) if len(w) >= 2 and _HAN.match(w))
        for i, t, x in docs
    }
    df: Counter[str] = Counter()
    for c in terms.values():
        df.update(c.keys())
    n_docs = len(docs)
    out = []
    while len(out) < n:
        i, _t, _x = rng.choice(docs)
        c = terms[i]
        # Words the document uses (twice or more) and a few others use too (rarely), by
        # tf-idf; its five most characteristic ones left out (not what one remembers).
        pool = [w for w in c if c[w] >= 2 and 2 <= df[w] <= max(2, n_docs // 10)]
        if len(pool) < 20:
            continue
        scored = sorted(pool, key=lambda w: (-(1 + math.log(c[w])) * math.log(n_docs / df[w]), w))
        picked = rng.sample(scored[5:30], 3)
        out.append((" ".join(picked), {i}))
    return out


def passage_queries(docs, n, rng):
    squashed = {i: _STRIP.sub("", normalize(x)) for i, _t, x in docs}
    out = []
    while len(out) < n:
        i, _t, _x = rng.choice(docs)
        s = squashed[i]
        if len(s) < 120:
            continue
        third = len(s) // 3
        start = rng.randrange(third, 2 * third - 24)
        q = s[start : start + 24]
        out.append((q, {k for k, v in squashed.items() if q in v}))
    return out


def mrr(build, queries) -> float:
    total = 0.0
    for q, relevant in queries:
        got = build.ranked(q)
        first = next((k for k, d in enumerate(got) if d in relevant), None)
        total += 0.0 if first is None else 1.0 / (first + 1)
    return total / max(1, len(queries))


def recall(build, queries) -> tuple[float, int, int]:
    found = expected = 0
    for q, relevant in queries:
        got = build.all(q)
        found += len(got & relevant)
        expected += len(relevant)
    return found / max(1, expected), found, expected


def halves_mrr(ours_cls, docs, queries_idx, work: Path) -> dict[str, float]:
    firsts = [(i, t, x[: len(x) // 2]) for i, t, x in docs]
    seconds = {i: x[len(x) // 2 :] for i, _t, x in docs}
    out = {}
    for name, cls in (("ours", ours_cls), ("naive", Naive)):
        b = cls(work / f"halves-{name}", firsts)
        total = 0.0
        for i in queries_idx:
            got = b.similar(seconds[i])
            first = next((k for k, d in enumerate(got) if d == i), None)
            total += 0.0 if first is None else 1.0 / (first + 1)
        b.close()
        out[name] = total / max(1, len(queries_idx))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--n", type=int, default=200, help="queries per set")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    require_corpus()
    docs = sample_docs(args.docs, args.seed)
    rng = random.Random(args.seed)
    words = word_queries(docs, args.n, rng)
    keywords = keyword_queries(docs, args.n, rng)
    passages = passage_queries(docs, args.n, rng)
    halves = [rng.choice(docs)[0] for _ in range(args.n)]
    work = Path(tempfile.mkdtemp(prefix="caselib-quality-"))
    try:
        t0 = time.perf_counter()
        ours, naive = Ours(work / "ours", docs), Naive(work / "naive", docs)
        built = time.perf_counter() - t0
        rows = []
        for name, b in (("ours", ours), ("naive", naive)):
            rec = recall(b, words)
            rows.append((name, rec, mrr(b, keywords), mrr(b, passages)))
        h = halves_mrr(Ours, docs, halves, work)
        ours.close()
        naive.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    chars = sum(len(x) for _i, _t, x in docs)
    print(
        f"library: {len(docs)} documents sampled from the corpus (seed {args.seed}), {chars:,} characters; "
        f"both builds in {built:.0f} s"
    )
    print(
        f"query sets: {len(words)} words ({sum(len(r) for _q, r in words)} relevant), "
        f"{len(keywords)} keyword triples, {len(passages)} passages, {len(halves)} halves"
    )
    targets = {"word": 0.98, "keywords": 0.85, "passage": 0.97, "halves": 0.98}
    for name, rec, k, p in rows:
        print(
            f"{name:>5}: word recall {rec[0]:.3f} ({rec[1]}/{rec[2]}), keywords MRR {k:.3f}, "
            f"passage MRR {p:.3f}, halves MRR {h[name]:.3f}"
        )
    ours_row = rows[0]
    met = (
        ours_row[1][0] >= targets["word"]
        and ours_row[2] >= targets["keywords"]
        and ours_row[3] >= targets["passage"]
        and h["ours"] >= targets["halves"]
    )
    print(
        "targets (word recall >= 0.98, keywords >= 0.85, passage >= 0.97, halves >= 0.98): "
        + ("met" if met else "NOT met")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
