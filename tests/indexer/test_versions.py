"""Versions of one text in search results: "另有 N 个相似版本" (issue 11). The versions of a
regulation or of a case (the same name up to notes in brackets and years, much the same
text; or nearly the same text under any name) are one hit, the first ranked of them, with
the others listed under it; every case still counts in the total and can be listed alone."""

from __future__ import annotations

import random
from datetime import date

import pytest

from indexer import CaseIndex, IndexDoc, SearchQuery, analyze_doc
from indexer.prepare import family_keys, resemblance, sketch, sketch_set, version_name

WORDS = (
    "企业 群众 办事 材料 窗口 审批 部门 数据 共享 系统 平台 事项 流程 时限 压缩 推行 实现 建立 机制 服务 "
    "改革 创新 优化 环境 政务 线上 线下 信用 监管 承诺 核查 登记 许可 备案 申报 受理 办结 清单 目录 标准 "
    "规范 集成 并联 帮办 代办 自助 终端 联合 验收 评估 园区 项目 工程 纳税 发票 社保 公积金 医保 银行"
).split()


def _text(seed: int, sentences: int = 60) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(WORDS) for _ in range(rng.randint(8, 14))) + "。"
        for _ in range(sentences)
    ]


BASE = _text(1)
EDITED = list(BASE)
for i in range(0, len(EDITED), 6):  # an amended version: one sentence in six rewritten
    EDITED[i] = _text(100 + i, 1)[0]


def _doc(no: str, name: str, sentences: list[str], year: int) -> IndexDoc:
    return IndexDoc(
        case_no=no,
        name=name,
        text="数据共享条例规定如下。" + "".join(sentences),
        published=date(year, 1, 1),
    )


DOCS = [
    _doc("V-1", "数据共享条例", BASE, 2016),
    _doc("V-2", "数据共享条例（2019年修订）", EDITED, 2019),
    # Nearly the same text under another name (one sentence changed): a copy.
    _doc("V-3", "某市数据共享办法", BASE[:-1] + _text(999, 1), 2020),
    # The same name, another text: not a version.
    _doc("V-4", "数据共享条例", _text(2), 2021),
    _doc("V-5", "政务数据共享规定", _text(3), 2022),
]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    ix = CaseIndex(tmp_path_factory.mktemp("versions") / "index")
    ix.rebuild(analyze_doc(d) for d in DOCS)
    yield ix
    ix.close()


def _sk(doc: IndexDoc) -> set[int]:
    return sketch_set(sketch(doc.text))


def test_the_fixture_is_what_the_tests_say():
    base, edited, copy, other = (_sk(DOCS[i]) for i in range(4))
    assert 0.5 <= resemblance(base, edited) < 0.85
    assert resemblance(base, copy) >= 0.85
    assert resemblance(base, other) < 0.2
    assert version_name("数据共享条例（2019年修订）") == version_name("数据共享条例") != ""


def test_version_keys_are_the_name_and_bands_of_the_text():
    keys = family_keys(DOCS[0].name, sketch(DOCS[0].text))
    assert keys[0].startswith("n") and sum(k.startswith("b") for k in keys) == 4
    assert keys[0] == family_keys(DOCS[1].name, sketch(DOCS[1].text))[0]
    # A text too short to band is grouped by its name only.
    assert family_keys("短文", sketch("很短的一句话。")) == [family_keys("短文", None)[0]]


def test_versions_are_one_hit_with_the_others_listed_under_it(index):
    result = index.search(SearchQuery(q="数据共享条例", per_page=10, group=True))

    assert result.total == 5  # every case counts
    by_no = {h.case_no: h for h in result.hits}
    assert len(result.hits) == 3
    (lead,) = [h for h in result.hits if h.case_no in ("V-1", "V-2", "V-3")]
    assert {c for c, _ in lead.versions} | {lead.case_no} == {"V-1", "V-2", "V-3"}
    assert (
        dict(lead.versions).get("V-2", "数据共享条例（2019年修订）") == "数据共享条例（2019年修订）"
    )
    assert by_no["V-4"].versions == () and by_no["V-5"].versions == ()
    assert result.folded == 2 and result.pages == 1
    (as_json,) = [h for h in result.as_dict()["hits"] if h["case_no"] == lead.case_no]
    assert {v["case_no"] for v in as_json["similar_versions"]} == {c for c, _ in lead.versions}


def test_without_grouping_every_version_is_a_hit_and_the_shape_is_unchanged(index):
    """Not grouping is the default of the indexer (the CLI's and the API's JSON are
    contracts): every case a hit, each exactly {case_no, name, file_name, score,
    highlights}."""
    result = index.search(SearchQuery(q="数据共享条例", per_page=10))

    assert sorted(h.case_no for h in result.hits) == ["V-1", "V-2", "V-3", "V-4", "V-5"]
    assert all(h.versions == () for h in result.hits) and result.folded == 0
    assert {frozenset(h) for h in result.as_dict()["hits"]} == {
        frozenset({"case_no", "name", "file_name", "score", "highlights"})
    }


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_a_version_shown_under_a_hit_is_not_on_a_later_page(index, sort):
    """One hit a page: every case is shown once, as a hit or under one, and the count of
    pages is the count of hits."""
    first = index.search(SearchQuery(q="数据共享条例", per_page=1, sort=sort, group=True))
    pages = [first] + [
        index.search(SearchQuery(q="数据共享条例", per_page=1, page=p, sort=sort, group=True))
        for p in range(2, first.pages + 2)
    ]
    shown = [h.case_no for r in pages for h in r.hits]
    listed = [c for r in pages for h in r.hits for c, _ in h.versions]
    assert len(shown) == first.pages and pages[-1].hits == []
    assert sorted(shown + listed) == ["V-1", "V-2", "V-3", "V-4", "V-5"]


def test_a_hit_lists_its_own_versions_in_the_sorts_order(index):
    """By date the copy (2020) leads; the 2016 text is its version and is listed under
    it; the amended 2019 text resembles the copy too little to be its version (versions
    are versions of the hit, not of each other) and is a hit of its own."""
    result = index.search(SearchQuery(q="数据共享条例", sort="date", group=True))
    assert [(h.case_no, [c for c, _ in h.versions]) for h in result.hits] == [
        ("V-5", []),
        ("V-4", []),
        ("V-3", ["V-1"]),
        ("V-2", []),
    ]


def test_a_version_outside_the_matches_is_not_listed(index):
    """The versions listed are matches of the query (a filter leaves the others out)."""
    result = index.search(SearchQuery(q="数据共享", year=2019, group=True))
    assert [(h.case_no, h.versions) for h in result.hits] == [("V-2", ())]


def test_a_version_ranked_far_down_is_found_through_its_keys(tmp_path):
    """Beyond the first hundred ranked, a page hit's versions are found by their keys."""
    fillers = [
        _doc(f"F-{i:03d}", f"数据共享第{i}号规定", _text(1000 + i, 12), 2001 + i % 20)
        for i in range(120)
    ]
    docs = [
        _doc("A", "数据共享条例", BASE, 2025),
        _doc("B", "数据共享条例（2000年）", EDITED, 2000),
    ]
    ix = CaseIndex(tmp_path / "index")
    ix.rebuild(analyze_doc(d) for d in docs + fillers)
    try:
        result = ix.search(SearchQuery(q="数据共享", sort="date", per_page=5, group=True))
        assert result.hits[0].case_no == "A"
        assert result.hits[0].versions == (("B", "数据共享条例（2000年）"),)
        assert result.total == 122 and result.folded == 1 and result.pages == 25
        last = ix.search(SearchQuery(q="数据共享", sort="date", per_page=5, page=25, group=True))
        assert "B" not in [h.case_no for h in last.hits] and len(last.hits) == 1
    finally:
        ix.close()
