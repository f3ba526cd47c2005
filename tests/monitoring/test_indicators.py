"""Indicators: the default vocabulary (the 18 national indicator groups with their
sub-indicators and global bests, from the corpus at build time), and creating or changing
an indicator (every bad field at once, admins only, warnings recomputed at once)."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest
from sqlalchemy import func, select

from library.errors import Forbidden, ValidationFailed
from library.models import AuditEvent, Indicator, IndicatorGroup
from library.monitoring import indicators
from tests.conftest import CORPUS, ROOT

from .conftest import DEBT, SEED_VALUES, warning_of


def test_the_default_vocabulary_is_the_18_national_groups_in_order(lib, actor):
    """A new library has the 18 一级指标 (15 of the life cycle, then 3 of the city) and
    their 二级指标 with unit, direction and global best."""
    tree = indicators.indicator_tree(lib, actor("reviewer"))
    names = [g.name for g in tree]
    assert len(names) == 18 and names[0] == "开办企业" and names[14] == "办理破产"
    assert names[15:] == ["市场监管", "政务服务", "包容普惠创新"]
    assert {g.category for g in tree[:15]} == {"企业全生命周期"}
    bankruptcy = {i["name"]: i for i in tree[14].indicators}
    debt = bankruptcy[DEBT]
    assert (debt["unit"], debt["better"], debt["decimals"]) == ("年", "lower", 2)
    assert debt["global_best"]["economy"] == "爱尔兰" and debt["global_best"]["value"] == 0.4
    assert debt["global_best"]["source"].startswith("世界银行营商环境数据（Doing Business）2016 年")
    assert bankruptcy["债权人回收率"]["better"] == "higher"
    assert debt["warning_above_average"] == 20  # the default rule
    assert sum(len(g.indicators) for g in tree) == 43


def test_an_indicator_is_found_by_its_alias(lib, actor):
    """The corpus' name 收回债务所需时间 finds the guide's 收回债务所需的时间."""
    assert indicators.get_indicator(lib, "收回债务所需时间", actor("admin"))["name"] == DEBT


def test_set_creates_an_indicator_and_its_group(lib):
    """A new indicator in a new group; the change is audited."""
    out = indicators.set_indicator(
        lib,
        "企业开办满意度",
        {"group": "营商环境满意度", "unit": "分", "better": "higher", "warning_line": 80},
    )
    assert (out["group"], out["unit"], out["better"], out["warning_line"]) == (
        "营商环境满意度",
        "分",
        "higher",
        80.0,
    )
    with lib.db.session() as s:
        group = s.scalar(select(IndicatorGroup).where(IndicatorGroup.name == "营商环境满意度"))
        assert group is not None and group.position == 18
        assert s.scalar(select(AuditEvent.action).order_by(AuditEvent.id.desc())) == (
            "indicator.create"
        )


def test_set_changes_only_the_fields_given_and_none_clears(lib):
    """Changing the line keeps the rest; a field given as None is cleared."""
    indicators.set_indicator(lib, DEBT, {"warning_line": 1.5})
    out = indicators.set_indicator(lib, DEBT, {"warning_above_average": None})
    assert out["warning_line"] == 1.5 and out["warning_above_average"] is None
    assert out["unit"] == "年" and out["group"] == "办理破产"
    out = indicators.set_indicator(
        lib, DEBT, {"global_best_economy": "芬兰", "global_best_value": "0.9"}
    )
    assert (out["global_best"]["economy"], out["global_best"]["value"]) == ("芬兰", 0.9)
    assert out["global_best"]["source"].startswith("管理员设置")


def test_bad_fields_are_reported_together_and_nothing_changes(lib):
    """A new indicator without group, unit and direction, a bad number and a global best
    without its economy: every field at once, nothing stored."""
    with pytest.raises(ValidationFailed) as e:
        indicators.set_indicator(
            lib, "新指标", {"warning_line": "高", "warning_bottom": "0", "global_best_value": 1}
        )
    fields = {x.field for x in e.value.errors}
    assert fields == {
        "group",
        "unit",
        "better",
        "warning_line",
        "warning_bottom",
        "global_best_economy",
    }
    with lib.db.session() as s:
        assert s.scalar(select(func.count()).where(Indicator.name == "新指标")) == 0
    with pytest.raises(ValidationFailed) as e:
        indicators.set_indicator(lib, DEBT, {"better": "sideways", "decimals": 9})
    assert {x.field for x in e.value.errors} == {"better", "decimals"}


def test_a_text_field_given_as_another_json_type_is_a_field_error(lib):
    """JSON's false or 0 for the unit or the group is reported (it was a server error,
    found by the API fuzzing), nothing stored."""
    with pytest.raises(ValidationFailed) as e:
        indicators.set_indicator(
            lib, "新指标", {"group": 0, "unit": False, "better": "lower", "global_best_economy": 1}
        )
    assert {(x.field, x.code) for x in e.value.errors} >= {
        ("group", "not_text"),
        ("unit", "not_text"),
        ("global_best_economy", "not_text"),
    }
    with lib.db.session() as s:
        assert s.scalar(select(func.count()).where(Indicator.name == "新指标")) == 0


def test_only_the_admin_keeps_the_indicators(lib, actor):
    """A coordinator may not change an indicator."""
    with pytest.raises(Forbidden):
        indicators.set_indicator(lib, DEBT, {"warning_line": 1}, actor("prov_coord"))


def test_changing_a_rule_recomputes_the_warnings_at_once(lib, import_rows):
    """With values stored, setting a fixed line raises the warnings it implies and
    clearing the rules withdraws them."""
    indicators.set_indicator(lib, DEBT, {"warning_above_average": None})
    import_rows([("2024", c, DEBT, v) for c, v in SEED_VALUES.items()])
    assert warning_of(lib, "331100") is None
    indicators.set_indicator(lib, DEBT, {"warning_line": 3.2})
    assert warning_of(lib, "331100") is not None and warning_of(lib, "330800") is not None
    assert warning_of(lib, "330300") is None
    indicators.set_indicator(lib, DEBT, {"warning_line": None})
    assert warning_of(lib, "331100") is None


@pytest.mark.corpus
def test_the_data_file_is_the_build_scripts_output(corpus, tmp_path):
    """library/data/indicators.json is what scripts/build_indicators.py makes of the
    corpus, unedited."""
    spec = importlib.util.spec_from_file_location(
        "build_indicators", ROOT / "scripts" / "build_indicators.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    out = tmp_path / "indicators.json"
    assert module.main([str(corpus), "--out", str(out)]) == 0
    committed = (ROOT / "library" / "data" / "indicators.json").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed
    data = json.loads(committed)
    assert CORPUS.name in str(corpus)
    best = {i["name"]: i["global_best"] for g in data["groups"] for i in g["indicators"]}
    assert best["开办企业时间"]["economy"] == "加拿大、中国香港"
    assert best["信用信息深度指数"]["economy_count"] == 25
