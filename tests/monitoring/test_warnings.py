"""Warnings: the seed's explanation character for character, each warning rule (both
directions), ranks with ties, city and county levels apart, the trend, the states (first
rectification, a coordinator's close, the next period back inside the line, reopening),
withdrawal on corrected data, notifications to the warned region's units, the filters."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from library.errors import Conflict, Forbidden, ValidationFailed
from library.models import Notification, User, WarningEvent
from library.monitoring import figures, rectifications, warnings
from library.monitoring.figures import Rules, compare
from library.monitoring.indicators import set_indicator

from .conftest import DEBT, SEED_SENTENCE, SEED_VALUES, evidence_files, warning_of


def test_the_seed_sentence_is_reproduced_character_for_character(lib, seed_example, actor):
    """From data that gives the seed's numbers, 宁波市's warning explains itself in the
    operating guide's words, exactly."""
    seed_example()
    listed = warnings.list_warnings(lib, actor("reviewer"), {"region": "330200"})["warnings"]
    assert [w["explanation"] for w in listed] == [SEED_SENTENCE]
    w = listed[0]
    assert (w["value"], w["average"], w["best_region"], w["best_value"]) == (
        2.0,
        2.0,
        "湖州市",
        0.5,
    )
    assert (w["rank"], w["rank_from_bottom"], w["of"], w["state"]) == (8, 4, 11, "open")
    assert w["group"] == "办理破产" and w["region"] == "宁波市" and w["period"] == "2024"


def test_the_bottom_rule_warns_the_last_n(lib, seed_example, actor):
    """Bottom 4 of 11: 宁波市, 温州市, 衢州市, 丽水市, and no other city."""
    seed_example()
    listed = warnings.list_warnings(lib, actor("admin"))["warnings"]
    assert sorted(w["region_code"] for w in listed) == ["330200", "330300", "330800", "331100"]
    assert {w["rules"][0] for w in listed} == {"全省排名末 4 位以内"}


def test_rules_in_both_directions():
    """A fixed line, worse than the average by more than X %, the bottom N: above the
    line when lower is better, below it when higher is better."""
    lower = compare({"a": 1.0, "b": 2.0, "c": 3.0, "d": 6.0}, Rules("lower", line=2.5))
    assert [c for c, f in lower.items() if f.beyond] == ["c", "d"]
    higher = compare({"a": 90.0, "b": 80.0, "c": 40.0}, Rules("higher", line=50))
    assert [c for c, f in higher.items() if f.beyond] == ["c"]
    # Average 3: more than 50 % worse is above 4.5 (lower better) ...
    avg = compare({"a": 1.0, "b": 2.0, "c": 3.0, "d": 6.0}, Rules("lower", above_average=50))
    assert [c for c, f in avg.items() if f.beyond] == ["d"]
    assert avg["d"].rules == [{"rule": "above_average", "pct": 50, "line": 4.5}]
    # ... and below 35 with an average of 70 (higher better, 50 %).
    up = compare({"a": 100.0, "b": 80.0, "c": 30.0}, Rules("higher", above_average=50))
    assert [c for c, f in up.items() if f.beyond] == ["c"]
    bottom = compare({"a": 5.0, "b": 4.0, "c": 3.0}, Rules("higher", bottom=1))
    assert [c for c, f in bottom.items() if f.beyond] == ["c"]


def test_ties_share_a_rank_and_a_tie_with_the_best_is_never_the_bottom():
    """Competition ranking (1, 2, 2, 4); when every region has the same value, nobody is
    among the bottom N."""
    figs = compare({"a": 1.0, "b": 2.0, "c": 2.0, "d": 3.0}, Rules("lower", bottom=3))
    assert [(figs[c].rank, figs[c].rank_from_bottom) for c in "abcd"] == [
        (1, 4),
        (2, 2),
        (2, 2),
        (4, 1),
    ]
    assert figs["a"].best_regions == ["a"]
    same = compare({"a": 2.0, "b": 2.0}, Rules("lower", bottom=1))
    assert not any(f.beyond for f in same.values())
    assert same["a"].best_regions == ["a", "b"]


def test_numbers_are_shown_as_the_guide_shows_them():
    assert figures.format_value(0.9, 2) == "0.90" and figures.format_value(3, 0) == "3"
    assert figures.format_average(2.0000000000000004, 2) == "2"
    assert figures.format_average(1.857, 2) == "1.86" and figures.format_average(4.5, 0) == "4.5"


def test_counties_are_compared_with_the_counties_of_the_province(lib, import_rows, actor):
    """A county's value is ranked among the province's counties, not the cities, and its
    explanation says 县（市、区）."""
    set_indicator(lib, "开办企业时间", {"warning_above_average": None, "warning_bottom": 1})
    import_rows(
        [
            ("2024", "330212", "开办企业时间", 0.5),  # 鄞州区
            ("2024", "331002", "开办企业时间", 2.0),  # 椒江区
            ("2024", "331003", "开办企业时间", 1.0),  # 黄岩区
            ("2024", "330200", "开办企业时间", 9.0),  # a city: another comparison
        ]
    )
    w = warnings.list_warnings(lib, actor("admin"), {"region": "331002"})["warnings"][0]
    assert (w["of"], w["rank"]) == (3, 3)
    assert warnings.get_warning(lib, w["id"], actor("admin"))["level"] == 3
    assert w["explanation"].endswith("全省县（市、区）排名末1位。")
    assert "最优的鄞州区为0.5天" in w["explanation"]
    only_city = warnings.list_warnings(lib, actor("admin"), {"region": "330200"})["warnings"]
    assert [x["region_code"] for x in only_city] == []  # alone at its level: no bottom


def test_the_trend_compares_each_period_with_the_last_one_held(lib, seed_example, actor):
    """2023 then 2024: 宁波市 was 2.30, is 2.00: better than last period; the warning's
    trend lists both periods with the average of each."""
    seed_example("2023", {**SEED_VALUES, "330200": 2.3})
    seed_example("2024")
    w = warning_of(lib, "330200", period="2024")
    out = warnings.get_warning(lib, w.id, actor("nb_sub"))
    assert out["trend"]["previous_period"] == "2023" and out["trend"]["previous_value"] == 2.3
    assert out["trend"]["change"] == "better" and out["trend"]["title"] == "较上期变好"
    assert [(t["period"], t["value"], t["change"]) for t in out["trend_series"]] == [
        ("2023", 2.3, None),
        ("2024", 2.0, "better"),
    ]
    assert out["trend_series"][1]["average"] == 2.0


def test_first_rectification_then_a_coordinators_close(lib, seed_example, actor):
    """待整改 → 整改中 (first rectification) → 已整改 (closed by 宁波市营商办), each step in
    the warning's history; closing twice is a conflict."""
    seed_example()
    w = warning_of(lib, "330200")
    assert w.state == "open"
    rectifications.record_rectification(
        lib,
        w.id,
        {"method": "流程再造", "description": "建立府院联动机制"},
        evidence_files(),
        actor("nb_sub"),
    )
    assert warning_of(lib, "330200").state == "rectifying"
    with pytest.raises(Forbidden):
        warnings.close_warning(lib, w.id, actor("tz_coord"))  # another city's office
    out = warnings.close_warning(lib, w.id, actor("nb_coord"), "整改到位")
    assert out["state"] == "resolved" and out["resolution"] == "closed"
    assert [h["action"] for h in out["history"]] == ["raise", "rectify", "close"]
    assert out["history"][-1]["note"] == "整改到位" and out["history"][-1]["by"] == "nb_coord"
    with pytest.raises(Conflict):
        warnings.close_warning(lib, w.id, actor("admin"))


def test_the_next_period_back_inside_the_line_resolves_and_a_correction_reopens(lib, seed_example):
    """2024's warnings of 宁波市 resolve when 2025 puts it in the middle; re-importing 2025
    with it at the bottom again reopens 2024 and warns 2025."""
    seed_example()
    seed_example("2025", {**SEED_VALUES, "330200": 1.1, "330100": 2.0})
    w = warning_of(lib, "330200", period="2024")
    assert (w.state, w.resolution) == ("resolved", "next_period")
    assert "2025年数值为1.10年，已回到预警线内" == w.resolution_note
    assert warning_of(lib, "330200", period="2025") is None
    seed_example("2025")  # corrected: 宁波市 is back at 2.00
    w = warning_of(lib, "330200", period="2024")
    assert w.state == "open" and w.resolution is None
    assert warning_of(lib, "330200", period="2025").state == "open"
    with lib.db.session() as s:
        actions = list(
            s.scalars(select(WarningEvent.action).where(WarningEvent.warning_id == w.id))
        )
    assert actions == ["raise", "next_period", "reopen"]


def test_a_corrected_value_withdraws_an_untouched_warning_and_resolves_a_worked_one(
    lib, seed_example, actor
):
    """宁波市 corrected to 1.00 and 温州市 to 0.80: 宁波市's warning had no rectification and
    is withdrawn; 温州市's had one and is resolved as recomputed."""
    seed_example()
    wz = warning_of(lib, "330300")
    rectifications.record_rectification(
        lib, wz.id, {"method": "制度完善"}, evidence_files()[:1], actor("admin")
    )
    seed_example(
        "2024", {**SEED_VALUES, "330200": 1.0, "330300": 0.8, "330100": 2.0, "330400": 2.2}
    )
    assert warning_of(lib, "330200") is None
    w = warning_of(lib, "330300")
    assert (w.state, w.resolution) == ("resolved", "recomputed")
    out = warnings.get_warning(lib, w.id, actor("admin"))
    assert "未超出预警线" in out["explanation"]


def test_the_warned_regions_units_are_notified(lib, seed_example):
    """Each newly warned city's units and coordinators get one notification; 宁波市's
    links to its warning and carries its explanation; 台州市 (not warned), a county of 宁波市
    and the province's accounts get none."""
    seed_example()
    with lib.db.session() as s:
        rows = s.execute(
            select(
                User.username,
                Notification.kind,
                Notification.title,
                Notification.body,
                Notification.link,
            )
            .join(User, User.id == Notification.user_id)
            .order_by(User.username)
        ).all()
    by_user = {r[0]: r for r in rows}
    assert set(by_user) == {"nb_sub", "nb_coord"}
    _, kind, title, body, link = by_user["nb_coord"]
    w = warning_of(lib, "330200")
    assert kind == "warning" and link == f"/monitoring/warnings/{w.id}"
    assert title == "监测预警：宁波市“收回债务所需的时间”超出预警线（2024年）"
    assert body == SEED_SENTENCE


def test_several_warnings_of_a_region_are_one_notification_to_its_list(
    lib, import_rows, seed_example
):
    """Two indicators warned for 宁波市 in one import: one notification linking to the
    region's open warnings."""
    set_indicator(lib, "开办企业时间", {"warning_above_average": None, "warning_line": 1})
    set_indicator(
        lib,
        DEBT,
        {
            "global_best_economy": "芬兰",
            "global_best_value": 0.9,
            "warning_above_average": None,
            "warning_bottom": 4,
        },
    )
    rows = [("2024", c, DEBT, v) for c, v in SEED_VALUES.items()]
    rows.append(("2024", "330200", "开办企业时间", 3.0))
    import_rows(rows)
    with lib.db.session() as s:
        titles = list(
            s.scalars(
                select(Notification.title)
                .join(User, User.id == Notification.user_id)
                .where(User.username == "nb_coord")
            )
        )
        link = s.scalar(select(Notification.link).join(User).where(User.username == "nb_coord"))
    assert titles == ["监测预警：宁波市有 2 项指标超出预警线"]
    assert link == "/monitoring?region=330200&state=open"


def test_filters_region_indicator_group_period_state(lib, seed_example, import_rows, actor):
    seed_example("2023", {**SEED_VALUES, "330200": 2.3})
    seed_example()
    reader = actor("reviewer")

    def ids(**params):
        return sorted(
            (w["region_code"], w["period"])
            for w in warnings.list_warnings(lib, reader, params)["warnings"]
        )

    assert ids(region="330200") == [("330200", "2023"), ("330200", "2024")]
    assert ids(region="33", period="2023") == ids(period="2023")
    assert len(ids(indicator="收回债务所需时间")) == 8  # by the alias
    assert ids(group="办理破产") == ids()
    assert ids(group="开办企业") == []
    assert len(ids(state="open", region="330200")) == 2  # 2024 is still beyond: 2023 stays
    warnings.close_warning(lib, warning_of(lib, "330200", period="2023").id, actor("admin"))
    assert ids(state="open", region="330200") == [("330200", "2024")]
    assert ids(state="已整改", region="330200") == [("330200", "2023")]
    assert ids(state="unresolved", region="330200") == [("330200", "2024")]
    with pytest.raises(ValidationFailed) as e:
        warnings.list_warnings(
            lib, reader, {"region": "999999", "indicator": "无", "period": "今年", "state": "x"}
        )
    assert {x.field for x in e.value.errors} == {"region", "indicator", "period", "state"}


def test_the_evidence_text_is_searchable_from_the_list(lib, seed_example, actor):
    """Words of a Word file's text, of a file name, or of the description find the warning;
    all words must be found; a passage shows where."""
    seed_example()
    w = warning_of(lib, "330200")
    rectifications.record_rectification(
        lib,
        w.id,
        {"method": "流程再造", "description": "推行预重整制度"},
        evidence_files(),
        actor("nb_sub"),
    )
    reader = actor("reviewer")

    def found(q):
        return [x["id"] for x in warnings.list_warnings(lib, reader, {"q": q})["warnings"]]

    assert found("审理周期") == [w.id]
    assert found("现场照片") == [w.id]
    assert found("预重整") == [w.id]
    assert found("审理周期 预重整") == [w.id]
    assert found("审理周期 不存在的词") == []
    assert found("100%_") == []
    snippets = warnings.evidence_snippets(lib, [w.id], "审理周期")
    assert snippets[w.id]["source"] == "整改报告.docx" and "审理周期" in snippets[w.id]["snippet"]


def test_the_map_counts_each_citys_warnings_with_its_counties(
    lib, seed_example, import_rows, actor
):
    seed_example()
    set_indicator(lib, "开办企业时间", {"warning_above_average": None, "warning_line": 1})
    import_rows([("2024", "330212", "开办企业时间", 3.0)])  # 鄞州区, in 宁波市
    out = warnings.map_counts(lib, actor("reviewer"))
    cities = {c["name"]: c for c in out["cities"]}
    assert len(cities) == 11
    assert cities["宁波市"]["unresolved"] == 2 and cities["宁波市"]["open"] == 2
    assert cities["杭州市"]["unresolved"] == 0 and cities["丽水市"]["unresolved"] == 1


def test_a_regions_page_has_every_indicator_against_average_and_best(
    lib, seed_example, import_rows, actor
):
    seed_example()
    import_rows([("2024", "330200", "开办企业时间", 1.0), ("2024", "330500", "开办企业时间", 2.0)])
    out = warnings.region_profile(lib, actor("reviewer"), "330200")
    assert out["period"] == "2024" and out["region"] == "宁波市"
    items = {i["indicator"]: i for i in out["indicators"]}
    assert items[DEBT]["beyond"] and items[DEBT]["warning_id"] is not None
    assert items[DEBT]["average_text"] == "2年" and items[DEBT]["best_region"] == "湖州市"
    assert items["开办企业时间"]["score"] == 100.0 and not items["开办企业时间"]["beyond"]
    assert 0 <= items[DEBT]["score"] < 100
