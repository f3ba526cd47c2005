"""Segments without deleted documents are merged by copying their posting blocks
(indexer.postings): the merged segment holds exactly what Whoosh's own merge, which pools
every posting again, writes; a bulk ingest and a rebuild end with one segment."""

from __future__ import annotations

import pickle
import shutil
import zlib
from datetime import date

import pytest
from whoosh.index import TOC
from whoosh.reading import SegmentReader

from indexer import CaseIndex, IndexDoc, SearchQuery, analyze_doc, postings
from indexer import index as I

WORDS = "企业 群众 审批 数据 共享 平台 流程 时限 改革 创新 监管 信用 登记 许可 备案".split()


def _doc(no: str, i: int) -> IndexDoc:
    text = "，".join(
        WORDS[(i + j) % len(WORDS)] + WORDS[(i * 7 + j) % len(WORDS)] for j in range(8)
    )
    return IndexDoc(
        case_no=no,
        name=f"案例{no}",
        summary=f"{WORDS[i % len(WORDS)]}的做法",
        text=f"{text}。第{i}号文件，办理时限压缩到{i % 9}天。",
        file_name=f"{no}.docx",
        tags=(WORDS[i % 5],),
        region=("330102", "330302", "320106")[i % 3],
        published=date(2019 + i % 5, 1 + i % 12, 1),
        rating=(i % 5) + 0.5,
        rating_count=i % 4,
    )


def _segments(path) -> list:
    return TOC.read(I._open(path).storage, "MAIN").segments


def _whoosh_merge(writer, segments):
    # In merge_in's order: segments with deleted documents (pooled) first.
    for seg in sorted(segments, key=lambda s: not s.has_deletions()):
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    return []


def _block_merge(writer, segments):
    writer.merge_in(segments)
    return []


def _merged(src, dst, policy, own: list[IndexDoc]):
    """``src`` copied to ``dst`` and all its segments merged by ``policy``, in a writer
    that first adds ``own`` documents of its own."""
    shutil.copytree(src, dst)
    ix = I._open(dst)
    w = I._SegmentWriter(ix, limitmb=16)
    wrapper = I.IndexWriter(w, ix)
    for d in own:
        wrapper.add(analyze_doc(d))
    wrapper._flush()
    w.commit(mergetype=policy)
    (seg,) = _segments(dst)
    return SegmentReader(ix.storage, ix.schema, seg)


def _postings(sub, field: str, term: bytes) -> list:
    m = sub.postings(field, term)
    out = []
    while m.is_active():
        out.append((m.id(), m.weight(), m.value()))
        m.next()
    return out


def _assert_same_segment(a, b) -> int:
    """Every term (its statistics, postings with their values, freq-file arrays), stored
    field, column value, field length and bigram of two single segments is the same."""
    ta, tb = list(a._terms.items()), list(b._terms.items())
    assert [k for k, _ in ta] == [k for k, _ in tb]
    fa, fb = I._freqs(a), I._freqs(b)
    for (key, ia), (_k, ib) in zip(ta, tb, strict=True):
        for attr in ("_df", "_minlength", "_maxlength", "_minid", "_maxid"):
            assert getattr(ia, attr) == getattr(ib, attr), (key, attr)
        assert ia._weight == pytest.approx(ib._weight)
        assert ia._maxweight == pytest.approx(ib._maxweight)
        assert _postings(a, *key) == _postings(b, *key), key
        da, wa = fa.get(*key)
        db, wb = fb.get(*key)
        assert (list(da), list(wa)) == (list(db), list(wb)), key
    n = a.doc_count_all()
    assert n == b.doc_count_all()
    assert [a.stored_fields(d) for d in range(n)] == [b.stored_fields(d) for d in range(n)]
    for name in a.schema.names():
        if a.has_column(name):
            ca = list(a.column_reader(name, translate=False))
            assert ca == list(b.column_reader(name, translate=False)), name
        if a.schema[name].scorable:
            assert a.field_length(name) == b.field_length(name), name
            la = [a.doc_field_length(d, name) for d in range(n)]
            assert la == [b.doc_field_length(d, name) for d in range(n)], name
    ga, gb = I._bigrams(a), I._bigrams(b)
    assert [(ga._key(i), list(ga._slice(i, 0))) for i in range(ga.n)] == [
        (gb._key(i), list(gb._slice(i, 0))) for i in range(gb.n)
    ]
    return len(ta)


def test_copied_blocks_make_the_segment_whooshs_merge_makes(tmp_path):
    ix = CaseIndex(tmp_path / "index")
    # One segment of 300 documents (terms with postings in several blocks), then small ones.
    ix.rebuild(analyze_doc(_doc(f"A-{i}", i)) for i in range(300))
    for k in range(4):
        with ix.writing() as w:
            for i in range(3):
                w.add(analyze_doc(_doc(f"B-{k}-{i}", 400 + 10 * k + i)))
    with ix.writing() as w:  # deleted documents: that segment goes through Whoosh's merge
        w.add(analyze_doc(_doc("C-0", 500)))
        w.add(analyze_doc(_doc("C-1", 501)))
    with ix.writing() as w:
        w.delete("C-0")
    ix.close()
    assert len(_segments(ix.path)) == 6
    own = [_doc("D-0", 600), _doc("D-1", 601)]
    ref = _merged(ix.path, tmp_path / "whoosh", _whoosh_merge, own)
    got = _merged(ix.path, tmp_path / "blocks", _block_merge, own)
    assert got.doc_count_all() == 300 + 12 + 1 + 2
    assert _assert_same_segment(ref, got) > 100
    # Common terms span several blocks, the copied ones among them.
    assert max(ti.doc_frequency() for _k, ti in got._terms.items()) > 2 * 128
    ref.close()
    got.close()

    # The merged library answers a search as Whoosh's merge does.
    q = SearchQuery(q="审批 时限", per_page=100, highlight=False)
    hits = {}
    for d in ("whoosh", "blocks"):
        other = CaseIndex(tmp_path / d)
        hits[d] = [(h.case_no, round(h.score, 6)) for h in other.search(q).hits]
        other.close()
    assert hits["whoosh"] == hits["blocks"] and len(hits["blocks"]) > 50


def test_a_bulk_ingest_and_a_rebuild_end_with_one_segment(tmp_path, monkeypatch):
    monkeypatch.setattr(I, "BULK_SEGMENT_POSTINGS", 400)
    docs = [_doc(f"E-{i}", i) for i in range(80)]
    ix = CaseIndex(tmp_path / "bulk")
    ix.create()
    with ix.writing() as w:
        w.add(analyze_doc(_doc("old", 900)))
    before = {s.segment_id() for s in _segments(ix.path)}
    segments_seen = []
    with ix.writing(bulk=True) as w:
        for d in docs:
            w.add(analyze_doc(d), update=False)
            segments_seen.append(len(_segments(ix.path)))
    assert max(segments_seen) > 5  # the bulk writer did commit segments on the way
    after = _segments(ix.path)
    new = [s for s in after if s.segment_id() not in before]
    assert len(new) == 1 and new[0].doc_count_all() == 80
    assert {s.segment_id() for s in after} - {new[0].segment_id()} == before

    rebuilt = CaseIndex(tmp_path / "rebuilt")
    rebuilt.rebuild(analyze_doc(d) for d in [_doc("old", 900), *docs])
    (seg,) = _segments(rebuilt.path)
    assert seg.doc_count_all() == 81
    for q in ("企业", "第17号", "许可备案", "压缩到3天"):
        query = SearchQuery(q=q, per_page=100, highlight=False)
        a = sorted(h.case_no for h in ix.search(query).hits)
        b = sorted(h.case_no for h in rebuilt.search(query).hits)
        assert a == b and a, q
    ix.close()
    rebuilt.close()


def _block(ids, weights, values, comp=0):
    """A W3 block as Whoosh writes it (the documents delta-encoded)."""
    deltas = [ids[0]] + [b - a for a, b in zip(ids, ids[1:], strict=False)]
    data = pickle.dumps((tuple(deltas), weights, values), 2)
    if comp:
        data = zlib.compress(data, comp)
    info = pickle.dumps((len(ids), ids[-1], 2.0, comp, 1, 9), 2)
    return info, data


def _list_of(blocks) -> bytes:
    out = postings.HEADER
    for j, (info, data) in enumerate(blocks):
        n = len(info) + len(data)
        out += postings._LENGTH.pack(-n if j == len(blocks) - 1 else n) + info + data
    return out


def _read(buf: bytes) -> list[tuple]:
    """(documents, weights, values, last) of each block of ``buf`` (no header)."""
    out, pos = [], 0
    while pos < len(buf):
        (n,) = postings._LENGTH.unpack_from(buf, pos)
        block = buf[pos + 4 : pos + 4 + abs(n)]
        pos += 4 + abs(n)
        info = pickle.loads(block)
        data = block[len(pickle.dumps(info, 2)) :]
        if info[3]:
            data = zlib.decompress(data)
        deltas, w, v = pickle.loads(data)
        ids, at = [], 0
        for d in deltas:
            at += d
            ids.append(at)
        assert info[0] == len(ids) and info[1] == ids[-1]
        out.append((ids, w, v, n < 0))
    return out


@pytest.mark.parametrize("base", [0, 3, 250, 300, 65_000, 70_000, 3_000_000])
@pytest.mark.parametrize("first", [0, 5, 255, 256, 65_535, 65_536])
def test_blocks_are_copied_with_their_documents_moved(base, first):
    b1 = _block(
        [first, first + 1, first + 4, first + 9, first + 10], None, (b"a", b"b") * 2 + (b"c",)
    )
    b2 = _block([first + 20, first + 300], (1.0, 3.0), (b"x", b"y"), comp=3)
    b3 = _block([first + 301], 2.0, (b"z",))
    src = b"junk" + _list_of([b1, b2, b3])
    for last in (True, False):
        out = []
        n = postings.copy_blocks(src, 4, len(src) - 4, base, last, out.append)
        assert n == 3
        got = _read(b"".join(out))
        f = first + base
        assert got == [
            ([f, f + 1, f + 4, f + 9, f + 10], None, (b"a", b"b", b"a", b"b", b"c"), False),
            ([f + 20, f + 300], (1.0, 3.0), (b"x", b"y"), False),
            ([f + 301], 2.0, (b"z",), last),
        ]


def test_a_posting_list_out_of_shape_is_refused():
    info, data = _block([1, 2], None, None)
    good = _list_of([(info, data)])
    with pytest.raises(postings.BadPostings):
        postings.copy_blocks(b"W3Bx" + good[4:], 0, len(good), 5, True, lambda b: None)
    with pytest.raises(postings.BadPostings):  # the extent ends beyond the last block
        postings.copy_blocks(good + b"\0" * 8, 0, len(good) + 8, 5, True, lambda b: None)


def test_the_background_merge_takes_large_copyable_segments_by_tier(tmp_path, monkeypatch):
    """A library whose bulk segments were left by an earlier release (here: one bulk
    write each) has them merged by the background merge once a tier holds MERGE_FACTOR of
    them; a large segment with deleted documents is left (Whoosh's merge would pool it)."""
    monkeypatch.setattr(I, "BACKGROUND_SEGMENT_DOCS", 10)
    ix = CaseIndex(tmp_path / "index")
    ix.create()
    n = 0
    for _k in range(I.MERGE_FACTOR - 1):
        with ix.writing(bulk=True) as w:
            for _i in range(12):
                w.add(analyze_doc(_doc(f"F-{n}", n)), update=False)
                n += 1
    assert sorted(s.doc_count() for s in _segments(ix.path)) == [12] * (I.MERGE_FACTOR - 1)
    assert ix.merge_due() is None  # one segment short of a tier
    with ix.writing(bulk=True) as w:
        for _i in range(12):
            w.add(analyze_doc(_doc(f"F-{n}", n)), update=False)
            n += 1
    with ix.writing(bulk=True) as w:  # a large segment, then one of its cases deleted
        for i in range(14):
            w.add(analyze_doc(_doc(f"G-{i}", 500 + i)), update=False)
    with ix.writing() as w:
        w.delete("G-3")
    q = SearchQuery(q="审批", per_page=200, highlight=False)
    before = sorted(h.case_no for h in ix.search(q).hits)
    assert ix.merge_due() is not None
    assert ix.merge(timeout=1.0) == I.MERGE_FACTOR
    counts = sorted(s.doc_count_all() for s in _segments(ix.path))
    assert counts == [14, 12 * I.MERGE_FACTOR]
    assert ix.merge_due() is None
    assert sorted(h.case_no for h in ix.search(q).hits) == before and len(before) > 40
    assert ix.check(deep=True) == "ok"
    ix.close()
