"""The search page (查询): full text, filters, facets, highlights, sort, pagination, and a
URL that holds the whole search."""

from __future__ import annotations

import re
from html import unescape

import pytest

from library.accounts.audit import Actor

from .conftest import login


@pytest.fixture
def c(client):
    return login(client, "shiju")


def hit_case_nos(html: str) -> list[str]:
    return re.findall(r'class="hit card" data-case-no="([^"]+)"', html)


def facet_links(html: str, facet: str) -> dict[str, str]:
    section = re.search(rf'data-facet="{facet}">(.*?)</section>', html, re.S)
    if section is None:
        return {}
    return {
        unescape(v): unescape(href)
        for href, v in re.findall(r'<a href="([^"]+)" data-value="([^"]+)"', section.group(1))
    }


def test_keyword_search_highlights_matches_in_snippets(c):
    """A Chinese keyword finds the cases holding it, marked in the snippets."""
    resp = c.get("/?q=一网通办")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert len(hit_case_nos(html)) == 10
    assert "<mark>一网通办</mark>" in html
    assert re.search(r"共 <b>(\d+)</b> 个案例", html).group(1) == "15"


def test_facet_counts_link_to_the_narrowed_search(c):
    """Each facet value links to the same search plus that filter; its count is what the
    narrowed search finds."""
    html = c.get("/?q=一网通办").get_data(as_text=True)
    themes = facet_links(html, "theme")
    assert "政务服务" in themes
    count = int(
        re.search(
            r'data-value="政务服务"><span class="fl">政务服务</span><span class="count">(\d+)', html
        ).group(1)
    )
    narrowed = c.get(themes["政务服务"]).get_data(as_text=True)
    assert (
        "q=%E4%B8%80%E7%BD%91%E9%80%9A%E5%8A%9E" in themes["政务服务"]
        or "q=一网通办" in themes["政务服务"]
    )
    assert re.search(r"共 <b>(\d+)</b> 个案例", narrowed).group(1) == str(count)
    assert "案例主题：政务服务" in narrowed  # shown as a removable condition


def test_region_facet_drills_down_province_city_county(c):
    """Regions narrow province › city › county; the picker shows the chosen path."""
    html = c.get("/").get_data(as_text=True)
    provinces = facet_links(html, "region")
    assert "330000" in provinces
    html = c.get(provinces["330000"]).get_data(as_text=True)
    cities = facet_links(html, "region")
    assert "331000" in cities  # 台州市
    html = c.get(cities["331000"]).get_data(as_text=True)
    assert 'value="331000" selected' in html
    for no in hit_case_nos(html):
        assert c.get(f"/api/v1/cases/{no}").status_code == 401  # page session is not an API token
    counties = facet_links(html, "region")
    assert all(code.startswith("3310") for code in counties)


def test_filters_of_the_seed_narrow_the_list(c, lib):
    """案例主题, 案例名称, 编号, 所属地区 and 发布时间 each filter the list."""
    from library.cases import search

    assert hit_case_nos(c.get("/?case_no=YS2019-00001").get_data(as_text=True)) == ["YS2019-00001"]
    names = hit_case_nos(c.get("/?name=带押过户").get_data(as_text=True))
    assert names and all(
        "带押过户" in search.search(lib, {"case_no": n}).hits[0].name for n in names
    )
    html = c.get("/?from=2021-01-01&to=2021-12-31&sort=date").get_data(as_text=True)
    for no in hit_case_nos(html):
        assert no.startswith("YS2021-")
    html = c.get("/?theme=开办企业&case_type=innovation_borrowed").get_data(as_text=True)
    assert len(hit_case_nos(html)) == 1


def test_bad_filter_is_a_field_error_not_a_crash(c):
    """A malformed date or region answers 422 with the Chinese message, never 500."""
    resp = c.get("/?from=2021-13-45&region=abc")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert "日期格式应为 YYYY-MM-DD" in html
    assert "所属地区应为 2、4 或 6 位行政区划代码" in html


def test_sort_by_rating_puts_the_best_rated_first(c, lib):
    """Sorting by rating follows the reviews' averages."""
    html = c.get("/?sort=rating").get_data(as_text=True)
    first = hit_case_nos(html)[0]
    from library.cases import read as catalog

    best = catalog.case_record(lib, first, Actor.cli())
    assert best["rating_avg"] == pytest.approx(4.67, abs=0.01)
    assert 'data-sort="rating"' in html and 'class="active" data-sort="rating"' in html


def test_pagination_keeps_the_whole_search_in_the_url(c):
    """Page links carry every parameter of the search; page 2 differs from page 1."""
    html = c.get("/?q=企业&sort=date&tags=信用监管").get_data(as_text=True)
    nxt = unescape(re.search(r'<a href="([^"]+)" rel="next">', html).group(1))
    assert "page=2" in nxt and "sort=date" in nxt and "tags=" in nxt and "q=" in nxt
    page2 = c.get(nxt).get_data(as_text=True)
    assert set(hit_case_nos(page2)).isdisjoint(hit_case_nos(html))


def test_tag_facet_adds_and_chip_removes_a_tag(c):
    """Clicking a tag adds it to the search; its chip removes it again."""
    html = c.get("/?q=企业").get_data(as_text=True)
    add = facet_links(html, "tags")["信用监管"]
    narrowed = c.get(add).get_data(as_text=True)
    assert "标签：信用监管" in narrowed
    remove = unescape(
        re.search(
            r'<a class="chip" href="([^"]+)" title="去掉此条件">标签：信用监管', narrowed
        ).group(1)
    )
    assert "tags=" not in remove


def test_type_ahead_suggests_case_names(c):
    """/suggest returns case names containing what was typed."""
    data = c.get("/suggest?q=带押").get_json()
    assert data["suggestions"]
    assert all("带押" in s["name"] for s in data["suggestions"])


def test_region_picker_lists_children(c):
    """/regions?parent= feeds the province › city › county picker; bad codes are refused."""
    names = [r["name"] for r in c.get("/regions?parent=330000").get_json()["regions"]]
    assert "台州市" in names and "杭州市" in names
    resp = c.get("/regions?parent=x1")
    assert resp.status_code == 400 and resp.get_json()["code"] == "invalid_region"


def test_versions_of_one_text_are_one_hit_with_the_others_listed(c, lib, tmp_path, token_for):
    """Two versions of one regulation (the amended one with its year in brackets) and a
    copy are one hit on the page: "另有 2 个相似版本" lists the others, ``group=0`` lists
    every case. The API groups when asked (``group=1``: ``similar_versions``); its default
    answer keeps its shape and lists every case."""
    from library.cases.ingest import ingest

    body = "".join(
        f"第{i}条 县级以上人民政府应当推进涉企数据归集共享，建立第{i}项数据共享清单和责任机制，"
        f"按照第{i}类目录向市场主体开放查询，不得要求重复提交材料。"
        for i in range(1, 40)
    )
    amended = body.replace("不得要求重复提交材料", "依法保护商业秘密", 12)
    folder = tmp_path / "versions"
    folder.mkdir()
    (folder / "v1.md").write_text(f"# 涉企数据归集共享条例\n\n{body}", encoding="utf-8")
    (folder / "v2.md").write_text(
        f"# 涉企数据归集共享条例（2024年修订）\n\n{amended}", encoding="utf-8"
    )
    (folder / "v3.md").write_text(f"# 某区涉企数据归集共享办法\n\n{body}", encoding="utf-8")
    report = ingest(lib, [folder])
    assert len(report.added) == 3

    html = c.get("/?q=涉企数据归集&name=涉企数据归集").get_data(as_text=True)
    assert len(hit_case_nos(html)) == 1
    assert "另有 2 个相似版本" in html
    assert re.search(r"共 <b>(\d+)</b> 个案例", html).group(1) == "3"
    listed = re.findall(r'<li><a href="[^"]*/cases/([^"]+)">', html)
    assert len(listed) == 2 and not set(listed) & set(hit_case_nos(html))

    api = c.get(
        "/api/v1/search?q=涉企数据归集&name=涉企数据归集&group=1", headers=token_for("shiju")
    ).get_json()
    assert api["total"] == 3 and len(api["hits"]) == 1
    assert {v["case_no"] for v in api["hits"][0]["similar_versions"]} == set(listed)
    every = c.get(
        "/api/v1/search?q=涉企数据归集&name=涉企数据归集", headers=token_for("shiju")
    ).get_json()
    assert len(every["hits"]) == 3 and all("similar_versions" not in h for h in every["hits"])
    assert (
        len(
            hit_case_nos(c.get("/?q=涉企数据归集&name=涉企数据归集&group=0").get_data(as_text=True))
        )
        == 3
    )
    bad = c.get("/api/v1/search?q=x&group=2", headers=token_for("shiju"))
    assert bad.status_code == 422 and bad.get_json()["errors"][0]["field"] == "group"
