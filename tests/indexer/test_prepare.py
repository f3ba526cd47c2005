"""The worker-side preparation of documents for the index."""

from __future__ import annotations

from indexer import IndexDoc, analyze, analyze_doc, resemblance, sketch, sketch_set
from indexer.analysis import PreTokenized, subwords
from indexer.prepare import _postings, parse_terms
from indexer.schema import build_schema

TEXT = (
    "第一条 为了持续优化营商环境，推进一网通办和最多跑一次改革，制定本条例。"
    "第二条 县级以上人民政府应当加强领导，优化营商环境，一网通办，一网通办。"
) * 3


def test_precomputed_postings_are_the_bytes_whoosh_would_write():
    """Postings computed in a worker equal the field's own index() output, for the
    positional fields and the frequency field."""
    schema = build_schema()
    tokens = analyze(TEXT)
    for field, toks in (
        ("content", tokens),
        ("name", tokens[:12]),
        ("summary", tokens[:40]),
        ("name_sub", subwords(tokens)),
    ):
        assert list(_postings(field, toks)) == list(schema[field].index(PreTokenized(toks)))


def test_term_counts_round_trip():
    """The stored term counts read back as the document's term frequencies."""
    a = analyze_doc(IndexDoc(case_no="X", name="样例", text=TEXT))
    counts = parse_terms(a.terms)
    assert counts["一网通办"] == TEXT.count("一网通办")
    assert counts["营商环境"] == TEXT.count("营商环境")


def test_sketch_resemblance_separates_copies_from_other_texts():
    """An edited copy resembles its source; another text does not."""
    other = (
        "推行不动产登记交房即发证，购房群众在交房现场即可领取不动产权证书，登记时间大幅缩短。" * 4
    )
    edited = TEXT.replace("制定本条例", "特制定本条例") + "附则补充一句。"
    base = sketch_set(sketch(TEXT))
    assert resemblance(base, sketch_set(sketch(edited))) >= 0.6
    assert resemblance(base, sketch_set(sketch(other))) < 0.1
    assert resemblance(base, base) == 1.0
