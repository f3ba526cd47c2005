"""Relevance benchmark on the real corpus: does search rank the right cases first and miss
none?

Runs against the library built by ``python bench/core.py --keep`` (all Markdown documents
of ../shared/corpus/01_policy_texts). Three families of queries, drawn with a fixed seed
from the corpus itself, each with the documents it must find:

* sentence: a sentence (12–40 characters) copied from a document; relevant = every
  document whose text contains that sentence (after the same normalisation);
* keywords: three characteristic words of a document (highest tf-idf among its words of
  two or more characters); relevant = that document;
* inside: a dictionary word that the corpus holds inside longer words (营商 in 营商环境,
  动产 in 不动产, ...); relevant = every document holding it as a word or inside a word
  (recall over the whole result list). Recall against raw substrings is printed too:
  it also counts characters that only meet across a word boundary (使用水 for 用水).

Prints MRR and recall@10 for the first two families, full recall for the third.

    python bench/relevance.py [--n 200]
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import markdown_files, require_corpus  # noqa: E402
from core import OUT  # noqa: E402

from indexer import analyze  # noqa: E402
from indexer.analysis import normalize, tokenizer  # noqa: E402
from library.cases import search  # noqa: E402
from library.config import Settings  # noqa: E402
from library.context import Library  # noqa: E402

_SPLIT = re.compile(r"[。！？；\n]")
_NONWORD = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _NONWORD.sub("", normalize(text))


def all_ids(lib: Library, q: str, limit: int = 100) -> list[str]:
    out, page = [], 1
    while True:
        r = search.search(lib, {"q": q, "per_page": limit, "page": page})
        out.extend(h.file_name for h in r.hits)
        if page * limit >= r.total or page >= 1000:
            return out
        page += 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=200, help="queries per family")
    args = ap.parse_args()
    require_corpus()
    if not (OUT / "caselib.sqlite3").exists():
        raise SystemExit("build the corpus library first: python bench/core.py --keep")
    lib = Library(Settings({"home": str(OUT)}, env={}))
    rng = random.Random(7)
    files = markdown_files()
    texts = {p.name: p.read_text(encoding="utf-8") for p in files}
    normed = {k: _norm(v) for k, v in texts.items()}
    names = sorted(texts)
    df: Counter[str] = Counter()
    doc_terms = {}
    for name in names:
        terms = Counter(w for w in analyze(texts[name]) if len(w) >= 2 and not w.isdigit())
        doc_terms[name] = terms
        df.update(terms.keys())
    n_docs = len(names)

    def rank_metrics(queries):
        rr, rec10 = [], []
        for q, relevant in queries:
            got = [h.file_name for h in search.search(lib, {"q": q, "per_page": 10}).hits]
            first = next((i for i, f in enumerate(got) if f in relevant), None)
            rr.append(0.0 if first is None else 1.0 / (first + 1))
            rec10.append(len(set(got) & relevant) / min(10, len(relevant)))
        return sum(rr) / len(rr), sum(rec10) / len(rec10)

    # Sentences copied from documents.
    sentence_q = []
    while len(sentence_q) < args.n:
        name = rng.choice(names)
        sentences = [s.strip() for s in _SPLIT.split(texts[name]) if 12 <= len(s.strip()) <= 40]
        if not sentences:
            continue
        s = rng.choice(sentences)
        key = _norm(s)
        relevant = {k for k, v in normed.items() if key in v}
        sentence_q.append((s, relevant))
    # Characteristic words of a document.
    keyword_q = []
    while len(keyword_q) < args.n:
        name = rng.choice(names)
        terms = doc_terms[name]
        if len(terms) < 10:
            continue
        scored = sorted(terms, key=lambda t: -(1 + math.log(terms[t])) * math.log(n_docs / df[t]))
        keyword_q.append((" ".join(scored[:3]), {name}))
    # Words inside longer words: dictionary words that the corpus holds inside longer
    # tokens (营商 in 营商环境, 承诺 in 告知承诺制, 动产 in 不动产...).
    freq = tokenizer().FREQ
    containers: dict[str, set[str]] = {}
    for name in names:
        for t in doc_terms[name]:
            if len(t) >= 3:
                for i in range(len(t) - 1):
                    for j in range(i + 2, len(t) + 1):
                        sub = t[i:j]
                        if sub != t and freq.get(sub):
                            containers.setdefault(sub, set()).add(name)
    candidates = sorted(w for w in containers if len(w) >= 2)
    rng.shuffle(candidates)
    inside_q = []
    for w in candidates:
        # Relevant: the word as a token or inside a token (the segmentation's words), and,
        # separately, as a raw substring (boundary-crossing occurrences included).
        token_rel = {k for k in names if w in doc_terms[k]} | containers[w]
        if 0 < len(token_rel) <= 400:
            inside_q.append((w, token_rel, {k for k, v in normed.items() if w in v}))
        if len(inside_q) >= min(args.n, 100):
            break

    mrr_s, r10_s = rank_metrics(sentence_q)
    mrr_k, r10_k = rank_metrics(keyword_q)
    found = expected = sub_found = sub_expected = 0
    worst = []
    for w, relevant, substring in inside_q:
        got = set(all_ids(lib, w))
        hit = len(got & relevant)
        found += hit
        expected += len(relevant)
        sub_found += len(got & substring)
        sub_expected += len(substring)
        if hit < len(relevant):
            worst.append((w, len(relevant) - hit))
    print(
        f"corpus: {n_docs} documents; {len(sentence_q)} + {len(keyword_q)} + {len(inside_q)} queries"
    )
    print(f"sentence copied from a document: MRR {mrr_s:.3f}, recall@10 {r10_s:.3f}")
    print(f"three characteristic words:      MRR {mrr_k:.3f}, recall@10 {r10_k:.3f}")
    print(
        f"word inside longer words:        recall {found / max(1, expected):.4f} ({found}/{expected})"
        + (f"; misses: {sorted(worst, key=lambda x: -x[1])[:8]}" if worst else "")
    )
    print(
        f"  the same words as raw substrings (also across word boundaries, 使用水 for 用水): "
        f"recall {sub_found / max(1, sub_expected):.4f} ({sub_found}/{sub_expected})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
