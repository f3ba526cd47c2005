"""A merge writes the merged segment's bigram file from the merged segments' bigram files
(renumbered, the deleted documents left out) and its freq file from Whoosh's merged
postings: the merged index answers as the segments did, without the deleted documents."""

from __future__ import annotations

import shutil

from whoosh.index import TOC

from indexer import CaseIndex, IndexDoc, SearchQuery, analyze_doc
from indexer.index import BIGRAMS_SUFFIX, _BigramFile, _freqs, _open, _write_bigrams

WORDS = "企业 群众 审批 数据 共享 平台 流程 时限 改革 创新 监管 信用 登记 许可 备案".split()


def _doc(no: str, i: int) -> IndexDoc:
    text = "，".join(
        WORDS[(i + j) % len(WORDS)] + WORDS[(i * 7 + j) % len(WORDS)] for j in range(6)
    )
    return IndexDoc(
        case_no=no, name=f"案例{no}", text=text + f"。第{i}号文件。", file_name=f"{no}.docx"
    )


def _segments(ix: CaseIndex) -> list:
    return TOC.read(_open(ix.path).storage, "MAIN").segments


def _grams(ix: CaseIndex, gram: str) -> list[str]:
    r = ix._reader()
    return sorted(r.searcher.stored_fields(d)["case_no"] for d in r.grams(gram))


def _found(ix: CaseIndex, q: str) -> list[str]:
    res = ix.search(SearchQuery(q=q, per_page=100, highlight=False))
    return sorted(h.case_no for h in res.hits)


def _contents(bf: _BigramFile) -> dict[bytes, list[int]]:
    return {bf._key(i): list(bf._slice(i, 0)) for i in range(bf.n)}


def _whoosh_postings(reader, field: str, term: bytes) -> list[tuple[int, float]]:
    m = reader.postings(field, term)
    out = []
    while m.is_active():
        out.append((m.id(), m.weight()))
        m.next()
    return out


def test_a_merge_answers_as_its_segments_did_without_the_deleted_documents(tmp_path):
    ix = CaseIndex(tmp_path / "index")
    ix.rebuild(analyze_doc(_doc(f"A-{i}", i)) for i in range(20))
    for i in range(8):  # small segments of two documents, for the merge
        with ix.writing() as w:
            w.add(analyze_doc(_doc(f"B-{i}a", 100 + i)))
            w.add(analyze_doc(_doc(f"B-{i}b", 200 + i)))
    with ix.writing() as w:  # deleted documents in two of the small segments
        w.delete("B-2a")
        w.delete("B-5b")
        w.delete("B-7a")
        w.delete("B-7b")
    # Another writer's change, queued: the merge's commit writes it beside the merged ones.
    other = IndexDoc(case_no="C-1", name="案例C-1", text="乡村振兴示范项目。", file_name="c.docx")
    ix._enqueue({"C-1": analyze_doc(other)})
    strings = [
        "企业",
        "审批",
        "数据共享",
        "第103号",
        "第205号",
        "第207号",
        "号文",
        "不存在",
    ]
    grams = ["企业", "批数", "03", "05", "07", "例B", "案例"]
    before = {s: _found(ix, s) for s in strings}
    before_grams = {g: _grams(ix, g) for g in grams}
    assert before["第205号"] == [] and before["第103号"] == ["B-3a"]
    assert not any(c.startswith("B-7") for c in before_grams["案例"])
    n_before = len(_segments(ix))

    assert ix.merge(timeout=1.0) >= 2
    segments = _segments(ix)
    assert len(segments) < n_before
    after = {s: _found(ix, s) for s in strings}
    after_grams = {g: _grams(ix, g) for g in grams}
    assert after_grams["案例"] == sorted([*before_grams["案例"], "C-1"])
    before_grams["案例"] = after_grams["案例"]
    assert after_grams == before_grams
    assert after == before
    assert _found(ix, "振兴示范") == ["C-1"]

    # The merged segment's bigram file holds what one built from the stored texts holds.
    merged = max(segments, key=lambda s: s.doc_count_all() if s.doc_count_all() < 20 else 0)
    assert merged.doc_count_all() == merged.doc_count() == 8 * 2 - 4 + 1
    name = merged.segment_id() + BIGRAMS_SUFFIX
    copy = tmp_path / "copy"
    shutil.copytree(ix.path, copy)
    (copy / name).unlink()
    storage = _open(copy).storage
    _write_bigrams(storage, _open(copy).schema, merged)
    assert _contents(_BigramFile(ix.path / name)) == _contents(_BigramFile(copy / name))

    # Its freq file holds Whoosh's merged postings (the deleted documents' gone).
    reader = ix._reader().searcher.reader()
    (sub,) = [
        s for s, _o in reader.leaf_readers() if s.segment().segment_id() == merged.segment_id()
    ]
    ff = _freqs(sub)
    stored = [sub.stored_fields(d)["case_no"] for d in range(sub.doc_count_all())]
    assert not {"B-2a", "B-5b", "B-7a", "B-7b"} & set(stored)
    checked = 0
    for field in ("content", "name", "name_chars", "case_no"):
        for term in sub.lexicon(field):
            docs, weights = ff.get(field, term)
            assert list(zip(docs, weights, strict=True)) == _whoosh_postings(sub, field, term)
            checked += 1
    assert ff.get("case_no", b"B-2a") is None and checked > 50
    ix.close()
