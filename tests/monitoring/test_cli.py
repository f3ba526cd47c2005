"""``caselib monitoring`` as the installed console script in a subprocess with its own
$CASELIB_HOME: import (exit 2 with one ``第 N 行：`` line per bad row, nothing imported),
indicator set, warnings --json (the documented items), close, the 整改方式 vocabulary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.samples import cli_env

from .conftest import DEBT, SEED_SENTENCE, SEED_VALUES, csv_of, xlsx_bytes

CASELIB = str(Path(sys.executable).with_name("caselib"))
ITEM_KEYS = {
    "id",
    "indicator",
    "group",
    "region_code",
    "region",
    "period",
    "value",
    "average",
    "best_region",
    "best_value",
    "rank",
    "rank_from_bottom",
    "of",
    "state",
    "explanation",
}


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CASELIB, *args],
        capture_output=True,
        text=True,
        env=cli_env(home),
        cwd=home.parent,
        timeout=300,
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory, initialised_home) -> Path:
    import shutil

    home = tmp_path_factory.mktemp("cli") / "home"
    shutil.copytree(initialised_home, home)
    return home


def test_a_bad_file_exits_2_with_one_line_per_bad_row_and_imports_nothing(home):
    bad = home.parent / "bad.csv"
    bad.write_bytes(
        csv_of(
            [
                ("2024", "330200", DEBT, "2"),
                ("2024", "339999", DEBT, "1"),
                ("2024", "330100", "没有这个指标", "x"),
                ("2024", "330200", DEBT, "2.1"),
            ]
        )
    )
    out = run(home, "monitoring", "import", str(bad))
    assert out.returncode == 2, out.stderr
    assert out.stderr.splitlines() == [
        "第 3 行：未知的地区“339999”",
        "第 4 行：未知的指标“没有这个指标”；数值“x”不是数字",
        "第 5 行：与第 2 行重复（同一期间、地区和指标）",
    ]
    assert out.stdout == ""
    listed = json.loads(run(home, "monitoring", "warnings", "--json").stdout)
    assert listed == {"warnings": []}


def test_a_file_that_is_no_table_is_one_line_and_exit_2(home):
    bad = home.parent / "bad.xlsx"
    bad.write_text("period,region_code,indicator,value\n", encoding="utf-8")
    out = run(home, "monitoring", "import", str(bad))
    assert out.returncode == 2 and len(out.stderr.splitlines()) == 1
    assert "Excel" in out.stderr
    missing = run(home, "monitoring", "import", str(home.parent / "nothing.csv"))
    assert missing.returncode == 2 and "文件不存在" in missing.stderr


def test_indicator_set_then_import_then_warnings_json(home):
    """The seed's example end to end on the command line: the item has every documented
    key and the explanation is the guide's sentence."""
    out = run(
        home,
        "monitoring",
        "indicator",
        "set",
        DEBT,
        "--group",
        "办理破产",
        "--unit",
        "年",
        "--better",
        "lower",
        "--global-best-economy",
        "芬兰",
        "--global-best-value",
        "0.9",
        "--warning-bottom",
        "4",
        "--warning-above-average",
        "none",
    )
    assert out.returncode == 0, out.stderr
    assert "全球最佳 芬兰 0.9年" in out.stdout and "全省排名末 4 位以内" in out.stdout
    good = home.parent / "good.xlsx"
    good.write_bytes(
        xlsx_bytes(
            [["period", "region_code", "indicator", "value"]]
            + [["2024", code, DEBT, v] for code, v in SEED_VALUES.items()]
        )
    )
    out = run(home, "monitoring", "import", str(good))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("导入 11 行：新增 11") and "新增预警 4 条" in out.stdout
    out = run(home, "monitoring", "warnings", "--json", "--region", "330200", "--period", "2024")
    items = json.loads(out.stdout)["warnings"]
    assert len(items) == 1 and ITEM_KEYS <= set(items[0])
    w = items[0]
    assert w["explanation"] == SEED_SENTENCE
    assert (w["rank"], w["rank_from_bottom"], w["of"], w["best_region"]) == (8, 4, 11, "湖州市")
    out = run(home, "monitoring", "warnings", "--indicator", "收回债务所需时间")
    assert out.returncode == 0 and out.stdout.startswith("共 4 条预警")
    out = run(home, "monitoring", "close", str(w["id"]), "--note", "整改完成")
    assert out.returncode == 0 and "已整改销号" in out.stdout
    state = json.loads(run(home, "monitoring", "warnings", "--json", "--state", "resolved").stdout)
    assert [x["id"] for x in state["warnings"]] == [w["id"]]


def test_bad_arguments_are_one_line_and_exit_2(home):
    cases = [
        ("monitoring", "indicator", "set", "新指标", "--warning-line", "高"),
        ("monitoring", "indicator", "set", "新指标"),
        ("monitoring", "warnings", "--indicator", "不存在"),
        ("monitoring", "warnings", "--period", "今年"),
        ("monitoring", "close", "999"),
    ]
    for args in cases:
        out = run(home, *args)
        assert out.returncode == 2, (args, out.stderr)
        assert len(out.stderr.strip().splitlines()) == 1, (args, out.stderr)


def test_the_methods_vocabulary_on_the_command_line(home):
    assert run(home, "monitoring", "method", "add", "监管优化").returncode == 0
    assert run(home, "monitoring", "method", "rename", "监管优化", "监管方式优化").returncode == 0
    assert run(home, "monitoring", "method", "remove", "监管方式优化").returncode == 0
    listed = json.loads(run(home, "monitoring", "method", "list", "--json").stdout)["methods"]
    assert {m["name"]: m["active"] for m in listed}["监管方式优化"] is False
    assert run(home, "monitoring", "method", "add", "制度完善").returncode == 2
