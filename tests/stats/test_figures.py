"""Every figure of the known library (tests/stats/conftest.py) against values counted by
hand, and every figure against the list of what is behind it."""

from __future__ import annotations

import sys
import types
from datetime import date

import pytest

from library.accounts.audit import Actor
from library.errors import Forbidden, ValidationFailed
from library.stats import figures
from library.stats.figures import FIGURES, figure_items, statistics

ZERO = {f: 0 for f in FIGURES} | {"avg_rating": None}


def stats(lib, actor=None, **params):
    return statistics(lib, params, actor or Actor.cli())


def row_of(result, key):
    return next(r for r in result["rows"] if r["key"] == key)


def figures_of(row, *names):
    return {n: row[n] for n in names}


TAIZHOU_2024 = {
    "submitted": 8,  # A B C E H (published without the workflow) + W1 W2 W4
    "approved": 7,  # A B C E H + W1 W2
    "published": 6,  # A B C E H W1 (I is 2025)
    "returned": 1,  # W2 (approved now: returned is what happened, not the state)
    "original": 4,  # A B H W1
    "innovation_borrowed": 2,  # C E
    "rectification_borrowed": 0,
    "unknown_type": 0,
    "times_borrowed": 2,  # C (黄岩) and D (鄞州) borrowed A; E borrowed B in B's own county
    "reviews": 4,  # A: 5, 4; B: 3; C: 5
    "avg_rating": 4.25,
    "targets": 3,
    "on_time": 1,  # 椒江 (W1)
    "late": 1,  # 黄岩 (W2)
    "not_submitted": 1,  # 市市场监管局
    "rectifications": 0,
    "score": 16.5,
    "rank": 1,
    "explanation": "首创 4 × 3 + 创新借鉴 2 × 1 + 被借鉴 2 × 1 + 均分 4.25 ≥ 4 加 1"
    " - 逾期 1 × 0.5 = 16.5 分",
}


def test_cities_of_the_province_in_2024_are_counted_scored_and_ranked_by_hand(known):
    """By region at the province: each city rolls up its counties and its own level; the
    score and its explanation follow the default weights; ties share a rank."""
    lib, _ = known
    result = stats(lib, year=2024)
    assert result["filters"] == {
        "by": "region",
        "region": "330000",
        "region_name": "浙江省",
        "year": 2024,
        "from": "2024-01-01",
        "to": "2024-12-31",
    }
    keys = [r["key"] for r in result["rows"]]
    assert sorted(keys) == sorted(
        ["330100", "330200", "330300", "330400", "330500", "330600", "330700", "330800"]
        + ["330900", "331000", "331100"]
    )
    taizhou = row_of(result, "331000")
    assert taizhou["name"] == "台州市" and taizhou["own"] is False
    assert figures_of(taizhou, *TAIZHOU_2024) == TAIZHOU_2024
    ningbo = row_of(result, "330200")  # D and G (鄞州)
    assert figures_of(ningbo, "published", "innovation_borrowed", "rectification_borrowed") == {
        "published": 2,
        "innovation_borrowed": 1,
        "rectification_borrowed": 1,
    }
    assert (ningbo["score"], ningbo["rank"]) == (2, 2)
    assert ningbo["explanation"] == "创新借鉴 1 × 1 + 整改借鉴 1 × 1 = 2 分"
    # 杭州's F was published in 2023; G borrowed it in 2024: borrowed in 2024, nothing else.
    hangzhou = row_of(result, "330100")
    assert figures_of(hangzhou, "published", "times_borrowed", "reviews") == {
        "published": 0,
        "times_borrowed": 1,
        "reviews": 0,
    }
    assert (hangzhou["score"], hangzhou["rank"], hangzhou["explanation"]) == (
        1,
        3,
        "被借鉴 1 × 1 = 1 分",
    )
    others = [r for r in result["rows"] if r["key"] not in ("331000", "330200", "330100")]
    assert len(others) == 8
    for r in others:
        assert figures_of(r, *ZERO) == ZERO
        assert (r["score"], r["rank"], r["explanation"]) == (0, 4, "无计分项 = 0 分")
    assert [r["key"] for r in result["rows"][:3]] == ["331000", "330200", "330100"]
    totals = result["totals"]
    assert figures_of(totals, "submitted", "approved", "published", "returned") == {
        "submitted": 10,
        "approved": 9,
        "published": 8,
        "returned": 1,
    }
    assert figures_of(totals, "original", "innovation_borrowed", "rectification_borrowed") == {
        "original": 4,
        "innovation_borrowed": 3,
        "rectification_borrowed": 1,
    }
    assert (totals["times_borrowed"], totals["reviews"], totals["avg_rating"]) == (3, 4, 4.25)
    assert totals["score"] == 19.5 and totals["rank"] is None
    assert totals["explanation"] == (
        "首创 4 × 3 + 创新借鉴 3 × 1 + 整改借鉴 1 × 1 + 被借鉴 3 × 1 + 均分 4.25 ≥ 4 加 1"
        " - 逾期 1 × 0.5 = 19.5 分"
    )
    # Additive figures of the rows add up to the totals.
    for f in FIGURES:
        if f != "rectifications":
            assert sum(r[f] for r in result["rows"]) == totals[f], f
    assert result["weights"]["year"] == 2024 and result["weights"]["default"] is True


def test_counties_of_the_city_and_its_own_level_in_2024(known):
    """By region at 台州市: its counties (every one, with zeros) and 台州市本级 (cases of the
    city's own level: H, 市市场监管局's missed call)."""
    lib, _ = known
    result = stats(lib, year=2024, region="331000")
    jj = row_of(result, "331002")
    assert figures_of(
        jj, "submitted", "approved", "published", "original", "innovation_borrowed"
    ) == {"submitted": 5, "approved": 4, "published": 4, "original": 3, "innovation_borrowed": 1}
    assert figures_of(jj, "times_borrowed", "reviews", "avg_rating", "on_time") == {
        "times_borrowed": 2,
        "reviews": 3,
        "avg_rating": 4.0,
        "on_time": 1,
    }
    assert (
        jj["explanation"] == "首创 3 × 3 + 创新借鉴 1 × 1 + 被借鉴 2 × 1 + 均分 4 ≥ 4 加 1 = 13 分"
    )
    own = row_of(result, "331000")
    assert own["name"] == "台州市本级" and own["own"] is True
    assert figures_of(own, "published", "original", "targets", "not_submitted") == {
        "published": 1,
        "original": 1,
        "targets": 1,
        "not_submitted": 1,
    }
    hy = row_of(result, "331003")
    assert figures_of(hy, "submitted", "approved", "published", "returned", "late") == {
        "submitted": 2,
        "approved": 2,
        "published": 1,
        "returned": 1,
        "late": 1,
    }
    assert hy["explanation"] == "创新借鉴 1 × 1 + 均分 5 ≥ 4 加 1 - 逾期 1 × 0.5 = 1.5 分"
    ranked = [(r["key"], r["score"], r["rank"]) for r in result["rows"][:4]]
    assert ranked[:3] == [("331002", 13, 1), ("331000", 3, 2), ("331003", 1.5, 3)]
    assert all(r["rank"] == 4 and r["score"] == 0 for r in result["rows"][3:])
    assert len(result["rows"]) == 1 + len(
        [r for r in figures.region_children("331000") if r.code != "331000"]
    )
    assert result["totals"]["score"] == 16.5 and result["totals"]["name"] == "浙江省 › 台州市"


def test_units_of_the_city_include_unregistered_names_and_negative_scores(known):
    """By unit: every unit of the region (with zeros), and cases loaded without a unit
    record under their 填报单位 name in their region; a late answer alone scores −0.5."""
    lib, _ = known
    result = stats(lib, year=2024, region="331000", by="unit")
    by_name = {r["name"]: r for r in result["rows"]}
    assert set(by_name) == {
        "椒江区人民政府",
        "黄岩区人民政府",
        "台州市营商办",
        "市市场监管局",
        "市发展改革委（台州市，未登记单位）",
        "区市场监督管理局（黄岩区，未登记单位）",
    }
    assert (by_name["椒江区人民政府"]["score"], by_name["椒江区人民政府"]["rank"]) == (13, 1)
    assert by_name["市发展改革委（台州市，未登记单位）"]["key"] == "331000/市发展改革委"
    hy = by_name["黄岩区人民政府"]
    assert figures_of(hy, "submitted", "approved", "published", "returned", "late") == {
        "submitted": 1,
        "approved": 1,
        "published": 0,
        "returned": 1,
        "late": 1,
    }
    assert (hy["score"], hy["rank"], hy["explanation"]) == (-0.5, 6, "-逾期 1 × 0.5 = -0.5 分")
    assert (by_name["市市场监管局"]["not_submitted"], by_name["市市场监管局"]["rank"]) == (1, 4)
    assert [r["rank"] for r in result["rows"]] == [1, 2, 3, 4, 4, 6]


def test_a_submission_counts_on_its_beijing_date(known):
    """W4 was submitted at 2023-12-31 17:00 UTC, 2024-01-01 01:00 in Beijing: it counts in
    2024, not 2023."""
    lib, _ = known
    jj_2023 = row_of(stats(lib, year=2023, region="331000"), "331002")
    assert jj_2023["submitted"] == 0
    items = figure_items(
        lib,
        {"year": 2024, "region": "331000", "figure": "submitted", "key": "331002"},
        Actor.cli(),
    )["items"]
    w4 = next(i for i in items if i["status"] == "withdrawn")
    assert w4["date"] == "2024-01-01"


def test_a_period_of_dates_is_inclusive_at_both_ends(known):
    """2024-07-15 to 2024-12-31 holds C (07-15), D, E, W1 and H (12-31), not B (06-01)."""
    lib, no = known
    result = stats(lib, **{"from": "2024-07-15", "to": "2024-12-31"})
    assert result["totals"]["published"] == 5
    items = figure_items(
        lib, {"from": "2024-07-15", "to": "2024-12-31", "figure": "published"}, Actor.cli()
    )["items"]
    assert sorted(i["case_no"] for i in items) == sorted(no[k] for k in ("C", "D", "E", "H", "W1"))
    # Without any period every date counts: all ten published cases.
    assert stats(lib)["totals"]["published"] == 10


def test_years_each_use_their_own_dates_and_weights(known):
    """By year: each figure counts in the year of its own date; each year is scored with
    that year's weights."""
    lib, _ = known
    result = stats(lib, by="year", **{"from": "2023-01-01", "to": "2025-12-31"})
    assert [r["key"] for r in result["rows"]] == [2023, 2024, 2025]
    y2023, y2024, y2025 = result["rows"]
    assert figures_of(y2023, "published", "submitted", "reviews", "score") == {
        "published": 1,
        "submitted": 1,
        "reviews": 1,  # F's review (2), no bonus
        "score": 3,
    }
    assert y2024["score"] == 19.5 and y2024["rank"] is None
    assert (y2025["published"], y2025["explanation"]) == (1, "首创 1 × 3 = 3 分")
    assert result["totals"]["published"] == 10  # F, the eight of 2024, I


def test_types_and_calls_as_views(known):
    """By type: submitted and published by the case's type. By call: the call's cases and
    its completion; cases that answer no call in a row of their own."""
    lib, no = known
    by_type = stats(lib, year=2024, by="type")
    assert [r["key"] for r in by_type["rows"]] == [
        "original",
        "innovation_borrowed",
        "rectification_borrowed",
    ]
    assert [(r["submitted"], r["published"]) for r in by_type["rows"]] == [(6, 4), (3, 3), (1, 1)]
    assert all(r["score"] is None and r["rank"] is None for r in by_type["rows"])
    by_call = stats(lib, year=2024, by="call")
    call = row_of(by_call, int(no["call"]))
    assert call["name"] == "关于报送2024年度营商环境改革创新案例的通知"
    assert figures_of(call, "submitted", "published", "returned", "targets", "on_time") == {
        "submitted": 2,
        "published": 1,
        "returned": 1,
        "targets": 3,
        "on_time": 1,
    }
    rest = row_of(by_call, "none")
    assert (rest["submitted"], rest["published"]) == (8, 7)
    assert [r["key"] for r in by_call["rows"]][-1] == "none"


VIEWS = [
    {"year": 2024},
    {"year": 2024, "region": "331000"},
    {"year": 2024, "region": "331000", "by": "unit"},
    {"by": "year"},
    {"year": 2024, "by": "type"},
    {"year": 2024, "by": "call"},
    {"from": "2024-07-15", "to": "2024-12-31", "region": "331002"},
]


@pytest.mark.parametrize("params", VIEWS, ids=lambda p: "-".join(f"{k}={v}" for k, v in p.items()))
def test_every_figure_equals_the_list_behind_it(known, params):
    """For every row and every figure (and the totals), the list behind the figure has as
    many items as the figure counts."""
    lib, _ = known
    result = stats(lib, **params)
    checked = 0
    for row in [*result["rows"], None]:
        target = row if row is not None else result["totals"]
        for figure in FIGURES:
            if target[figure] is None:
                continue
            query = dict(params, figure=figure)
            if row is not None:
                query["key"] = row["key"]
            listed = figure_items(lib, query, Actor.cli())
            assert listed["count"] == target[figure] == len(listed["items"]), (row, figure)
            checked += target[figure]
    assert checked > 0


def test_the_lists_show_what_each_figure_counted(known):
    """The items are the cases (borrowings: the borrowing cases; reviews: the reviews;
    call figures: the target units) with the date the figure counted."""
    lib, no = known
    p = {"year": 2024, "region": "331000", "key": "331002"}
    borrowed = figure_items(lib, {**p, "figure": "times_borrowed"}, Actor.cli())
    assert [(i["case_no"], i["borrowed_from"]) for i in borrowed["items"]] == [
        (no["C"], no["A"]),
        (no["D"], no["A"]),
    ]
    assert borrowed["row"] == "椒江区" and borrowed["figure_title"] == "被借鉴次数"
    reviews = figure_items(lib, {**p, "figure": "reviews"}, Actor.cli())
    assert sorted((i["case_no"], i["rating"]) for i in reviews["items"]) == [
        (no["A"], 4),
        (no["A"], 5),
        (no["B"], 3),
    ]
    late = figure_items(lib, {"year": 2024, "figure": "late"}, Actor.cli())
    assert [(i["unit"], i["state"], i["cases"]) for i in late["items"]] == [
        ("黄岩区人民政府", "approved", [no["W2"]])
    ]
    returned = figure_items(lib, {"year": 2024, "figure": "returned"}, Actor.cli())
    assert [(i["case_no"], i["date"], i["status"]) for i in returned["items"]] == [
        (no["W2"], "2024-11-06", "approved")
    ]


def test_a_coordinator_sees_its_region_only_and_unseen_cases_stay_anonymous(known, as_user):
    """A coordinator's statistics default to its region; another region is 403; a case
    it may not open is listed without number and name (the count stays)."""
    lib, no = known
    coord = as_user("coord_tz")
    result = stats(lib, coord, year=2024)
    assert result["filters"]["region"] == "331000"
    assert result["totals"]["published"] == 6
    for region in ("330000", "330200"):
        with pytest.raises(Forbidden) as e:
            stats(lib, coord, year=2024, region=region)
        assert e.value.code == "out_of_scope" and "台州市" in e.value.message
    listed = figure_items(lib, {"year": 2024, "figure": "submitted", "key": "331002"}, coord)
    assert listed["count"] == len(listed["items"]) == 5
    w4 = next(i for i in listed["items"] if i["status"] == "withdrawn")
    assert (w4["case_no"], w4["name"], w4["visible"]) == (None, None, False)
    w1 = next(i for i in listed["items"] if i["case_no"] == no["W1"])
    assert w1["visible"] is True and w1["name"] == "统计案例W1"


@pytest.mark.parametrize("username", ["sub_jj", "appr_jj", "reviewer"])
def test_submitters_approvers_and_reviewers_may_not_see_statistics(known, as_user, username):
    """stats.read is for coordinators (their region) and the admin only."""
    lib, _ = known
    with pytest.raises(Forbidden) as e:
        stats(lib, as_user(username), year=2024)
    assert e.value.code == "forbidden"


def test_bad_parameters_are_reported_together(known):
    """Every bad parameter at once, each with its code."""
    lib, _ = known
    with pytest.raises(ValidationFailed) as e:
        stats(lib, by="city", year="20x4", region="999999", **{"from": "2024-13-01"})
    assert {(x.field, x.code) for x in e.value.errors} == {
        ("by", "invalid_choice"),
        ("year", "invalid_type"),
        ("region", "invalid_choice"),
        ("from", "invalid_format"),
    }
    with pytest.raises(ValidationFailed) as e:
        stats(lib, year=2024, **{"from": "2024-02-01", "to": "2024-01-01"})
    assert {(x.field, x.code) for x in e.value.errors} == {
        ("year", "conflict"),
        ("to", "before_start"),
    }
    with pytest.raises(ValidationFailed) as e:
        figure_items(lib, {"figure": "nonsense"}, Actor.cli())
    assert e.value.errors[0].field == "figure"


def test_rectifications_are_null_without_the_monitoring_module_and_counted_by_region(
    known, monkeypatch
):
    """Without library.monitoring the figure is null (not zero); the events it provides
    (``stats_events``) each count for their region, unit and year and are listed."""
    from library.stats.rectifications import RectificationEvent

    lib, _ = known
    assert stats(lib, year=2024)["totals"]["rectifications"] == 0
    monkeypatch.setitem(sys.modules, "library.monitoring", None)  # not installed
    assert stats(lib, year=2024)["totals"]["rectifications"] is None

    module = types.ModuleType("library.monitoring")
    module.stats_events = lambda session, start, end: [
        RectificationEvent(1, "331002", None, date(2024, 5, 1), "收回债务所需的时间：流程再造"),
        RectificationEvent(2, "330212", None, date(2024, 6, 1), "办理破产：制度完善"),
        RectificationEvent(3, "331002", None, date(2023, 6, 1), "去年的整改"),
    ]
    monkeypatch.setitem(sys.modules, "library.monitoring", module)
    result = stats(lib, year=2024)
    assert result["totals"]["rectifications"] == 2
    assert (
        row_of(result, "331000")["rectifications"],
        row_of(result, "330200")["rectifications"],
    ) == (1, 1)
    assert row_of(result, "330300")["rectifications"] == 0
    listed = figure_items(
        lib, {"year": 2024, "figure": "rectifications", "key": "331000"}, Actor.cli()
    )
    assert [i["title"] for i in listed["items"]] == ["收回债务所需的时间：流程再造"]


def test_the_figures_follow_every_change_at_once(known, as_user):
    """The facts kept between requests are read again as soon as anything they hold
    changes: a review, a transition, a new unit."""
    from library.accounts import units
    from library.cases.reviews import save_review
    from library.workflow.transitions import transition

    lib, no = known
    before = stats(lib, year=2024, region="331000")
    assert stats(lib, year=2024, region="331000") == before  # kept
    save_review(lib, no["H"], {"recommend": True, "rating": 1}, as_user("reviewer"))
    after_review = stats(lib, year=2024, region="331000")
    assert after_review["totals"]["reviews"] == before["totals"]["reviews"] + 1
    assert row_of(after_review, "331000")["avg_rating"] == 1.0
    transition(lib, no["W2"], "publish", as_user("coord_tz"))
    this_year = figures.beijing_year()
    published_now = stats(lib, year=this_year, region="331000")
    assert row_of(published_now, "331003")["published"] == 1
    units.add_unit(lib, "市大数据局", "331000")
    by_unit = stats(lib, year=2024, region="331000", by="unit")
    assert "市大数据局" in [r["name"] for r in by_unit["rows"]]
