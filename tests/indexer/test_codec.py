"""Stored fields are written uncompressed (indexer.index._Codec); segments written with
Whoosh's own codec (an index of an earlier release, compressed stored fields) are still
read, beside new ones, and merged into the new kind."""

from __future__ import annotations

from whoosh.codec.whoosh3 import W3Codec
from whoosh.index import TOC

from indexer import CaseIndex, IndexDoc, SearchQuery, analyze_doc
from indexer.index import IndexWriter, _Codec, _open, _SegmentWriter


def _doc(no: str, text: str) -> IndexDoc:
    return IndexDoc(case_no=no, name=f"案例{no}", text=text, file_name=f"{no}.docx")


def test_old_and_new_segments_read_side_by_side(tmp_path):
    ix = CaseIndex(tmp_path / "index")
    ix.create()
    # A segment as Whoosh's codec writes it (zlib-compressed stored fields).
    w = IndexWriter(_SegmentWriter(_open(ix.path), codec=W3Codec(compression=0)))
    w.add(analyze_doc(_doc("OLD-1", "推行企业开办一网通办，营业执照当日办结。")))
    w._flush()
    w._w.commit()
    ix._drop_reader()
    with ix.writing() as nw:
        nw.add(analyze_doc(_doc("NEW-1", "不动产登记一网通办，交房即发证。")))

    codecs = {type(s.codec()) for s in TOC.read(_open(ix.path).storage, "MAIN").segments}
    assert codecs == {W3Codec, _Codec}
    hits = ix.search(SearchQuery(q="一网通办")).hits
    assert sorted(h.case_no for h in hits) == ["NEW-1", "OLD-1"]
    assert all(h.highlights and "<mark>一网通办</mark>" in h.highlights[0] for h in hits)
    assert ix.stored("OLD-1")["file_name"] == "OLD-1.docx"
    ix.close()


def test_new_segments_store_plain_pickles(tmp_path):
    """The stored column holds the record's pickle as it is (readable without zlib)."""
    import pickle

    ix = CaseIndex(tmp_path / "index")
    ix.rebuild([analyze_doc(_doc("A-1", "告知承诺制审批改革。" * 20))])
    (seg,) = TOC.read(_open(ix.path).storage, "MAIN").segments
    assert isinstance(seg.codec(), _Codec)
    raw = (ix.path / f"{seg.segment_id()}._stored.col").read_bytes()
    assert "告知承诺制审批改革".encode() in raw  # not compressed
    assert pickle.loads(raw[raw.index(b"\x80") :])["case_no"] == "A-1"
    ix.close()


def test_a_pool_that_spills_to_disk_writes_the_same_index(tmp_path, monkeypatch):
    """A bulk write whose pool outgrows its memory spills sorted runs and merges them back:
    one segment, and the same hits and scores as a pool that never spilled."""
    import random

    words = "企业 群众 审批 数据 共享 平台 流程 时限 改革 创新 监管 信用 登记 许可 备案".split()
    rare = [chr(0x4E00 + i) for i in range(0, 6000, 3)]  # characters jieba cuts one by one
    rng = random.Random(7)
    docs = [
        _doc(
            f"P-{i:03d}",
            "，".join(rng.choice(words) + "".join(rng.sample(rare, 3)) for _ in range(150)) + "。",
        )
        for i in range(120)
    ]  # tens of thousands of postings: more than the smallest pool holds (10,000)
    from indexer import index as index_module

    runs = []
    save = index_module._Pool.save
    monkeypatch.setattr(index_module._Pool, "save", lambda self: runs.append(1) or save(self))
    small = CaseIndex(tmp_path / "small", memory_mb=1)
    small.rebuild(analyze_doc(d) for d in docs)
    spilled, runs[:] = len(runs), []
    large = CaseIndex(tmp_path / "large", memory_mb=512)
    large.rebuild(analyze_doc(d) for d in docs)
    assert spilled >= 3 and runs == []
    try:
        assert len(TOC.read(_open(small.path).storage, "MAIN").segments) == 1
        for q in ("数据", "审批 时限", "信用"):
            a = small.search(SearchQuery(q=q, per_page=50, highlight=False))
            b = large.search(SearchQuery(q=q, per_page=50, highlight=False))
            assert [(h.case_no, round(h.score, 6)) for h in a.hits] == [
                (h.case_no, round(h.score, 6)) for h in b.hits
            ]
            assert a.total == b.total > 0
    finally:
        small.close()
        large.close()


def _whoosh_postings(reader, field: str, term: bytes) -> list[tuple[int, float]]:
    m = reader.postings(field, term)
    out = []
    while m.is_active():
        out.append((m.id(), m.weight()))
        m.next()
    return out


def test_freq_files_hold_every_terms_postings_as_whoosh_reads_them(tmp_path):
    """Each segment's freq file holds, for every term of every field, the documents and
    weights Whoosh's own postings hold: for written segments and for merged ones."""
    from indexer.index import _freqs

    words = "企业 群众 审批 数据 共享 平台 流程 时限 改革 创新 监管 信用".split()
    ix = CaseIndex(tmp_path / "index")
    ix.rebuild(
        analyze_doc(
            _doc(f"A-{i}", "，".join(words[j % len(words)] * (1 + j % 3) for j in range(i, i + 7)))
        )
        for i in range(30)
    )
    for i in range(7):  # small segments, then merged into one
        with ix.writing() as w:
            w.add(analyze_doc(_doc(f"B-{i}", f"第{i}批：" + "，".join(words[i : i + 4]))))
    before = len(ix._reader().searcher.reader().leaf_readers())
    ix.merge(timeout=1.0)
    assert len(ix._reader().searcher.reader().leaf_readers()) < before

    def check() -> int:
        reader = ix._reader().searcher.reader()
        seen = 0
        for sub, _offset in reader.leaf_readers():
            ff = _freqs(sub)
            for field in ("content", "name", "name_chars", "case_no"):
                for term in sub.lexicon(field):
                    docs, weights = ff.get(field, term)
                    assert list(zip(docs, weights, strict=True)) == _whoosh_postings(
                        sub, field, term
                    )
                    seen += 1
            assert ff.get("content", "不存在的词".encode()) is None
        return seen

    assert check() > 50
    ix.close()


def test_document_frequencies_follow_commits_merges_and_rebuilds(tmp_path):
    """The document frequencies similar cases weigh terms by (kept across readers, a
    reopened reader adding new segments' and taking away merged ones') are Whoosh's."""
    ix = CaseIndex(tmp_path / "index")
    ix.rebuild(
        [analyze_doc(_doc("A-1", "企业开办一网通办。")), analyze_doc(_doc("A-2", "企业登记。"))]
    )

    def frequencies() -> dict[str, int]:
        r = ix._reader()
        reader = r.searcher.reader()
        whoosh = {t.decode(): reader.doc_frequency("content", t) for t in reader.lexicon("content")}
        assert dict(r.df.items()) == whoosh
        return whoosh

    first = frequencies()
    with ix.writing() as w:
        w.add(analyze_doc(_doc("A-3", "企业注销一网通办。")))
    for i in range(6):
        with ix.writing() as w:
            w.add(analyze_doc(_doc(f"B-{i}", f"第{i}批企业登记。")))
    second = frequencies()
    assert second["一网通办"] == first["一网通办"] + 1
    before = len(ix._reader().searcher.reader().leaf_readers())
    ix.merge(timeout=1.0)
    assert len(ix._reader().searcher.reader().leaf_readers()) < before
    assert frequencies() == second
    ix.rebuild([analyze_doc(_doc("C-1", "不动产登记。"))])
    assert "一网通办" not in frequencies()
    ix.close()


def test_positions_read_block_by_block_are_whooshs(tmp_path):
    """The positions of a term read for some documents (blocks without any of them passed
    by their headers) are those Whoosh's matcher gives, across segments and blocks."""
    ix = CaseIndex(tmp_path / "index")
    ix.rebuild(
        analyze_doc(_doc(f"A-{i}", "审批" + "，改革" * (i % 4) + "，审批流程" * (1 + i % 3)))
        for i in range(600)
    )
    with ix.writing() as w:
        w.add(analyze_doc(_doc("B-1", "流程再造，审批提速，审批改革。")))
    r = ix._reader()
    ev = r.evaluator
    docs = sorted(set(ev.postings("content", "审批")[0]))
    wanted = docs[::7] + docs[-1:]
    got = ev.positions("content", "审批", sorted(set(wanted)))
    m = r.searcher.postings("content", "审批".encode())
    expected = {}
    while m.is_active():
        if m.id() in wanted:
            expected[m.id()] = m.value_as("positions")
        m.next()
    assert got == expected and len(got) == len(set(wanted)) > 80
    ix.close()
