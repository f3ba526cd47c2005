"""Search over a real Whoosh index: Chinese queries, phrases, facets, filters, sorting,
pagination, highlights."""

from __future__ import annotations

from datetime import date

import pytest

from indexer import CaseIndex, IndexDoc, SearchQuery, analyze_doc

DOCS = [
    IndexDoc(
        case_no="YS2021-00001",
        name="企业开办一日办结改革",
        theme="开办企业",
        tags=("一网通办", "最多跑一次"),
        case_type="original",
        region="331002",
        unit="区市场监督管理局",
        published=date(2021, 3, 1),
        rating=4.5,
        rating_count=2,
        file_name="企业开办.docx",
        summary="推行企业开办一网通办。",
        text="为优化营商环境，本区推行企业开办一网通办改革，营业执照、公章刻制、发票申领一日办结。"
        "改革后开办时间压缩至一个工作日。",
    ),
    IndexDoc(
        case_no="YS2022-00001",
        name="不动产登记交房即发证",
        theme="登记财产",
        tags=("一件事一次办",),
        case_type="innovation_borrowed",
        region="330212",
        unit="区自然资源和规划局",
        published=date(2022, 6, 1),
        rating=3.0,
        rating_count=1,
        file_name="不动产登记.pdf",
        text="针对购房群众办证难，实行交房即发证，营商环境持续改善，登记时间由五个工作日缩短到即时办结。"
        "这是一项深化改革的举措。",
    ),
    IndexDoc(
        case_no="YS2023-00001",
        name="涉企检查综合查一次",
        theme="市场监管",
        tags=("双随机一公开", "信用监管"),
        case_type="original",
        region="330110",
        unit="区市场监督管理局",
        published=date(2023, 9, 1),
        file_name="综合查一次.docx",
        text="推行双随机一公开监管和综合查一次，减少对企业的重复检查。包含特殊字符<script>alert(1)</script>的说明。",
    ),
    IndexDoc(
        case_no="YS2024-00001",
        name="告知承诺制审批改革",
        theme="政务服务",
        tags=("告知承诺制", "容缺受理"),
        case_type="rectification_borrowed",
        region="110102",
        published=date(2024, 1, 15),
        file_name="告知承诺制.docx",
        text="对证明事项实行告知承诺制和容缺受理，申请人书面承诺后当场办理，事后核查。",
    ),
    IndexDoc(
        case_no="YS2025-00001",
        name="纳税服务非接触式办税",
        theme="纳税",
        tags=(),
        case_type=None,
        region=None,
        published=None,
        file_name="办税.md",
        text="推广非接触式办税，纳税人足不出户完成申报，税费缴纳全程网办。",
    ),
]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    ix = CaseIndex(tmp_path_factory.mktemp("ix") / "index")
    ix.rebuild(analyze_doc(d) for d in DOCS)
    yield ix
    ix.close()


def nos(result):
    return [h.case_no for h in result.hits]


def test_query_without_spaces_finds_cases_with_the_words_anywhere(index):
    """营商环境改革 typed as one run finds cases containing 营商环境 and 改革, not only adjacent."""
    r = index.search(SearchQuery(q="营商环境改革"))
    assert set(nos(r)) == {"YS2021-00001", "YS2022-00001"}
    assert r.total == 2


def test_a_word_inside_a_longer_word_is_found(index):
    """营商 finds the cases where it only occurs inside 营商环境."""
    r = index.search(SearchQuery(q="营商"))
    assert set(nos(r)) == {"YS2021-00001", "YS2022-00001"}
    assert any("<mark>营商</mark>" in h for hit in r.hits for h in hit.highlights)


def test_quoted_phrase_matches_only_as_a_phrase(index):
    """ "营商环境持续改善" matches the case with those words in a row, not one with them apart."""
    assert nos(index.search(SearchQuery(q='"营商环境持续改善"'))) == ["YS2022-00001"]
    assert nos(index.search(SearchQuery(q="“改革营商环境”"))) == []


def test_domain_term_query(index):
    """A domain term (告知承诺制) finds its case and ranks the case named after it first."""
    r = index.search(SearchQuery(q="告知承诺制"))
    assert nos(r)[0] == "YS2024-00001"


def test_excluded_word(index):
    """-word removes cases containing it."""
    r = index.search(SearchQuery(q="营商环境 -不动产"))
    assert nos(r) == ["YS2021-00001"]


def test_single_character_query_finds_words_holding_it(index):
    """税 finds 纳税 and 办税."""
    assert nos(index.search(SearchQuery(q="税"))) == ["YS2025-00001"]


def test_facet_counts_cover_every_matching_case(index):
    """Facets count all matches, not only the page; missing values count as unknown."""
    r = index.search(SearchQuery(q="", per_page=1))
    assert r.total == 5 and len(r.hits) == 1
    f = r.facets
    assert f["theme"] == {"开办企业": 1, "登记财产": 1, "市场监管": 1, "政务服务": 1, "纳税": 1}
    assert f["region"] == {"330000": 3, "110000": 1, "unknown": 1}
    assert f["year"]["unknown"] == 1 and f["year"]["2021"] == 1
    assert f["case_type"]["unknown"] == 1 and f["case_type"]["original"] == 2
    assert f["tags"]["一网通办"] == 1 and f["tags"]["信用监管"] == 1


def test_region_facet_drills_down_below_the_filter(index):
    """With a province filter the region facet counts cities; with a city, counties."""
    r = index.search(SearchQuery(region="330000"))
    assert r.facets["region"] == {"331000": 1, "330200": 1, "330100": 1}
    r = index.search(SearchQuery(region="3310"))
    assert r.facets["region"] == {"331002": 1}
    assert nos(index.search(SearchQuery(region="331002"))) == ["YS2021-00001"]


@pytest.mark.parametrize(
    "query,expected",
    [
        (SearchQuery(theme="市场监管"), {"YS2023-00001"}),
        (SearchQuery(tags=("一网通办",)), {"YS2021-00001"}),
        (SearchQuery(case_type="innovation_borrowed"), {"YS2022-00001"}),
        (SearchQuery(case_type="unknown"), {"YS2025-00001"}),
        (SearchQuery(unit="区市场监督管理局"), {"YS2021-00001", "YS2023-00001"}),
        (SearchQuery(case_no="YS2024-00001"), {"YS2024-00001"}),
        (SearchQuery(name="交房即发证"), {"YS2022-00001"}),
        (SearchQuery(name="登记"), {"YS2022-00001"}),
        (SearchQuery(year=2023), {"YS2023-00001"}),
        (
            SearchQuery(date_from=date(2022, 1, 1), date_to=date(2023, 12, 31)),
            {"YS2022-00001", "YS2023-00001"},
        ),
        (SearchQuery(q="改革", theme="开办企业"), {"YS2021-00001"}),
    ],
)
def test_filters(index, query, expected):
    """Each filter narrows the matches to exactly the cases it describes."""
    r = index.search(query)
    assert set(nos(r)) == expected and r.total == len(expected)


def test_sort_by_date_and_rating(index):
    """Date sort: newest first, undated last; rating sort: best rated first."""
    assert nos(index.search(SearchQuery(sort="date"))) == [
        "YS2024-00001",
        "YS2023-00001",
        "YS2022-00001",
        "YS2021-00001",
        "YS2025-00001",
    ]
    assert nos(index.search(SearchQuery(sort="rating")))[:2] == ["YS2021-00001", "YS2022-00001"]


def test_pagination(index):
    """Pages partition the results; total stays the count of all matches."""
    pages = [index.search(SearchQuery(sort="date", page=p, per_page=2)) for p in (1, 2, 3)]
    assert [len(p.hits) for p in pages] == [2, 2, 1]
    assert len({n for p in pages for n in nos(p)}) == 5
    assert all(p.total == 5 for p in pages) and pages[0].pages == 3


def test_highlights_escape_html_and_mark_the_query(index):
    """Snippets are HTML-escaped text with <mark> around what was looked for."""
    r = index.search(SearchQuery(q="特殊字符"))
    (hit,) = r.hits
    html = " ".join(hit.highlights)
    assert "<mark>特殊字符</mark>" in html
    assert "&lt;script&gt;" in html and "<script>" not in html


def test_hits_carry_the_original_file_name(index):
    """The hit names the original file (the CLI and API print it)."""
    r = index.search(SearchQuery(q="交房即发证"))
    assert r.hits[0].file_name == "不动产登记.pdf"
    assert r.hits[0].as_dict().keys() == {"case_no", "name", "file_name", "score", "highlights"}


def test_similar_flags_a_lightly_edited_copy(index):
    """A copy with small edits is a near-duplicate; a case on another topic is not."""
    text = DOCS[1].text.replace("五个", "七个") + "另补充一句说明。"
    hits = index.similar(text)
    assert hits[0].case_no == "YS2022-00001" and hits[0].near_duplicate
    assert all(not h.near_duplicate for h in hits[1:])


# -- strings wherever they stand (LIKE '%词%') ---------------------------------------------

STRING_DOCS = [
    IndexDoc(case_no="S1", name="银行业监管", text="国务院银行业监督管理机构批准设立的机构。"),
    IndexDoc(
        case_no="S2", name="内部管理", text="本单位的管理机构负责日常工作，管理机构每年报告一次。"
    ),
    IndexDoc(
        case_no="S3", name="水资源", text="鼓励节约使用水资源，第12条规定的用水计划按年下达。"
    ),
    IndexDoc(case_no="S4", name="无关案例", text="推行告知承诺制和容缺受理。"),
]


@pytest.fixture(scope="module")
def strings_index(tmp_path_factory):
    ix = CaseIndex(tmp_path_factory.mktemp("strings") / "index")
    ix.rebuild(analyze_doc(d) for d in STRING_DOCS)
    yield ix
    ix.close()


def test_a_word_is_found_across_word_boundaries_ranked_below_whole_words(strings_index):
    """管理机构 is found where the segmentation cut 监督管理 / 机构 as well as where it is a
    word; the case holding the word itself ranks first, and the highlight marks the string
    in both."""
    r = strings_index.search(SearchQuery(q="管理机构"))

    assert nos(r) == ["S2", "S1"]
    assert all("<mark>管理机构</mark>" in " ".join(h.highlights) for h in r.hits)


def test_a_string_inside_a_longer_word_and_across_words_is_found(strings_index):
    """用水 stands inside 使用 水资源 (across two words) and as a word: both cases match."""
    assert set(nos(strings_index.search(SearchQuery(q="用水")))) == {"S3"}
    assert nos(strings_index.search(SearchQuery(q="用水资源"))) == ["S3"]


def test_a_quoted_string_is_found_wherever_its_characters_stand(strings_index):
    """A quoted string matches as a string, also where its words are cut otherwise."""
    assert nos(strings_index.search(SearchQuery(q='"理机构批准"'))) == ["S1"]
    assert nos(strings_index.search(SearchQuery(q='"理机构每年"'))) == ["S2"]


def test_a_passage_copied_without_its_digits_and_punctuation_finds_its_case(strings_index):
    """A passage copied from the middle of a text, digits and punctuation dropped, starting
    inside a word, finds the case it comes from first."""
    r = strings_index.search(SearchQuery(q="约使用水资源第条规定的用水计划按年下"))

    assert nos(r)[:1] == ["S3"]


def test_name_filter_and_type_ahead_find_partial_words(index):
    """The 案例名称 filter and the type-ahead are string searches: 一日 finds 企业开办一日办结改革
    (jieba keeps 一日 in no word of it), 查一 finds 综合查一次."""
    assert nos(index.search(SearchQuery(name="一日"))) == ["YS2021-00001"]
    assert nos(index.search(SearchQuery(name="查一"))) == ["YS2023-00001"]
    assert [no for no, _name in index.suggest("一日")] == ["YS2021-00001"]
    assert index.search(SearchQuery(name="不存在的名称")).total == 0


def test_same_name_and_much_the_same_content_is_a_near_duplicate(index):
    """Another file of a case (its sentences reordered, as another format may give them)
    under the same name is flagged as a near-duplicate; under another name it is not
    flagged for its words alone."""
    text = "改革后开办时间压缩至一个工作日。为优化营商环境，本区推行企业开办一网通办改革。"

    same = index.similar(text, name="企业开办一日办结改革")
    other = index.similar(text, name="另一个名称")

    assert (same[0].case_no, same[0].near_duplicate) == ("YS2021-00001", True)
    assert other[0].case_no == "YS2021-00001"
    assert other[0].near_duplicate == (other[0].resemblance >= 0.6)


def test_snippets_start_in_the_body_not_in_the_forms_header_lines():
    """A filled-in 申报表 opens with short lines of field values; a query word found both
    there and in the body is shown in the body, and without a query the snippet is the
    body's opening."""
    from indexer import compile_needles, snippets

    text = (
        "企业开办一日办结改革\n某市某区\n区市场监督管理局\n2024-05-20\n"
        "过去，企业开办需要分别到多个部门办理营业执照、公章刻制和发票申领，申请人往返跑动多次。\n"
    )

    assert snippets(text, compile_needles(["企业开办"]), count=1)[0].startswith("…过去")
    assert snippets(text, None)[0].startswith("过去")


def _index_of(tmp_path, cases: list[tuple[str, str, str]]) -> CaseIndex:
    """A small index of (case number, name, text) cases."""
    ix = CaseIndex(tmp_path / "index")
    ix.rebuild(analyze_doc(IndexDoc(case_no=no, name=name, text=text)) for no, name, text in cases)
    return ix


def test_a_draft_naming_a_case_finds_it_before_a_case_on_the_same_topic(tmp_path):
    """Two cities' gas regulations say 本市 and share their words; a draft that says 杭州
    (as the other half of 杭州市燃气管理条例 would) ranks that one first although its words
    are a little closer to the other's; the similarity stays below 1 and in order."""
    common = "燃气经营者应当建立安全管理制度，定期检查燃气设施，发现隐患及时整改。"
    ix = _index_of(
        tmp_path,
        [
            (
                "G-1",
                "杭州市燃气管理条例",
                "本市燃气主管部门负责监督工作。"
                + common
                + "城市道路照明设施由市政部门维护，路灯故障及时修复。",
            ),
            (
                "G-2",
                "济南市燃气管理条例",
                "本市燃气主管部门负责监督检查工作。"
                + common
                + "供热管网改造纳入年度计划，热源厂按期检修。",
            ),
            ("G-3", "公园管理条例", "公园绿地由园林部门管理，游客应当爱护花草树木。"),
        ],
    )
    try:
        draft = (
            "杭州市燃气主管部门负责监督检查。" + common + "公共交通线路优化调整，公交站点合理设置。"
        )
        hits = ix.similar(draft, limit=5)
        by_no = {h.case_no: h for h in hits}
        assert by_no["G-2"].cosine > by_no["G-1"].cosine  # the words alone: the other city
        assert [h.case_no for h in hits] == ["G-1", "G-2", "G-3"]
        assert 1.0 > hits[0].similarity > hits[1].similarity > hits[2].similarity
    finally:
        ix.close()


def test_a_case_holding_every_query_word_ranks_above_one_naming_a_single_word(tmp_path):
    """Three remembered words: the case whose text holds all three (each a few times)
    ranks above a case whose name holds one of them and whose text names the others once;
    a word in the name adds to its weight in the text instead of outweighing the others."""
    filler = "有关部门按照职责分工做好相关工作，加强协调配合。"
    ix = _index_of(
        tmp_path,
        [
            (
                "E-1",
                "家庭教育促进条例",
                "家庭教育是父母的责任，学校配合开展家庭教育指导。" * 6
                + "社区设置家庭教育服务区域，远离娱乐场所。"
                + filler * 4,
            ),
            (
                "S-1",
                "控制吸烟条例",
                "娱乐场所、教育机构的室内区域禁止吸烟。" * 3
                + "经营者在吸烟区域设置明显标识，娱乐场所不得提供烟具，教育部门开展控烟教育。"
                + filler * 4,
            ),
            ("P-1", "公园管理条例", "公园绿地由园林部门管理，游客应当爱护花草树木。" + filler),
        ],
    )
    try:
        got = nos(ix.search(SearchQuery(q="娱乐 教育 区域", highlight=False)))
        assert got == ["S-1", "E-1"]
        # The name still counts: a query of the name's word alone ranks that case first.
        assert nos(ix.search(SearchQuery(q="家庭教育", highlight=False)))[0] == "E-1"
    finally:
        ix.close()


def test_facet_values_of_equal_count_are_listed_by_value(index):
    """Facet values are listed most first, and values of the same count in a fixed order
    (by value), whatever the order of the matches."""
    f = index.search(SearchQuery(q="", per_page=1)).facets
    assert list(f["theme"]) == sorted(f["theme"])  # every theme once
    assert list(f["case_type"])[0] == "original"  # 2, the others 1
    assert list(f["case_type"])[1:] == sorted(list(f["case_type"])[1:])
    tags = f["tags"]
    assert sum(tags.values()) == sum(len(d.tags) for d in DOCS)
    assert list(tags) == sorted(tags)
