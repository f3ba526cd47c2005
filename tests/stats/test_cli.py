"""``caselib stats`` as the installed console script: the --json contract, the text table,
the workbook and CSV files, the weights, and one stderr line (exit 2) for bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import openpyxl

from tests.samples import cli_env

CASELIB = str(Path(sys.executable).with_name("caselib"))
ROW_KEYS = {
    "key",
    "name",
    "submitted",
    "published",
    "original",
    "innovation_borrowed",
    "rectification_borrowed",
    "times_borrowed",
    "reviews",
    "avg_rating",
    "score",
    "rank",
}


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CASELIB, *args], env=cli_env(home), capture_output=True, text=True, timeout=120
    )


def test_stats_json_has_the_contracts_shape_and_the_services_figures(known):
    """--json prints {"rows": [...], "totals": {...}} with the contract's keys (and more),
    the same figures as the service: only published cases count as 入库."""
    lib, _ = known
    home = lib.settings.home_path
    out = run(home, "stats", "--json", "--year", "2024", "--region", "331000")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {"rows", "totals"} <= set(data)
    assert all(ROW_KEYS <= set(r) for r in data["rows"]) and ROW_KEYS <= set(data["totals"])
    jj = next(r for r in data["rows"] if r["key"] == "331002")
    assert (jj["published"], jj["score"], jj["rank"]) == (4, 13, 1)
    assert data["totals"]["published"] == 6 and data["totals"]["score"] == 16.5
    by_unit = json.loads(run(home, "stats", "--json", "--by", "unit", "--year", "2024").stdout)
    assert sum(r["published"] for r in by_unit["rows"]) == by_unit["totals"]["published"] == 8


def test_stats_prints_a_table_and_writes_the_workbook_and_the_csv(known, tmp_path):
    """Without --json: a table with the totals' explanation; --xlsx and --csv write the
    files of the same filters."""
    lib, _ = known
    xlsx, table = tmp_path / "考核.xlsx", tmp_path / "考核.csv"
    out = run(
        lib.settings.home_path,
        "stats", "--year", "2024", "--by", "unit", "--region", "331000",
        "--xlsx", str(xlsx), "--csv", str(table),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0].startswith("入库考核统计：浙江省 › 台州市，2024年，按单位")
    assert "椒江区人民政府" in out.stdout
    assert "合计得分：首创 4 × 3 + 创新借鉴 2 × 1" in out.stdout
    book = openpyxl.load_workbook(xlsx)
    assert book.active.title == "按单位"
    assert book["按单位"]["B2"].value == "椒江区人民政府"
    rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["排名", "单位", "得分"] and rows[1][1] == "椒江区人民政府"


def test_stats_weights_shows_and_sets_this_years_weights(known):
    """``stats weights`` lists the year's weights; --set adds a version; a past year is
    frozen (exit 2, one line)."""
    lib, _ = known
    home = lib.settings.home_path
    shown = run(home, "stats", "weights")
    assert shown.returncode == 0 and "默认权重" in shown.stdout and "-0.5" in shown.stdout
    set_ = run(home, "stats", "weights", "--set", "original=4", "--set", "late=-1", "--json")
    assert set_.returncode == 0, set_.stderr
    body = json.loads(set_.stdout)
    assert (body["version"], body["values"]["original"], body["values"]["late"]) == (1, 4, -1)
    frozen = run(home, "stats", "weights", "--year", "2024", "--set", "original=1")
    assert frozen.returncode == 2
    assert frozen.stderr.strip().splitlines() == [
        "caselib: 错误：2024 年度已结束，计分权重已冻结，不能修改（weights_frozen）"
    ]


def test_bad_stats_input_is_one_stderr_line_with_exit_2(known, tmp_path):
    """A bad region, a year with dates, a bad --set, a missing folder: one line each."""
    lib, _ = known
    home = lib.settings.home_path
    for args in (
        ["stats", "--region", "999999"],
        ["stats", "--year", "2024", "--from", "2024-01-01"],
        ["stats", "--from", "2024-02-30"],
        ["stats", "weights", "--set", "late"],
        ["stats", "weights", "--set", "bogus=1"],
        ["stats", "--xlsx", str(tmp_path / "missing" / "a.xlsx")],
    ):
        out = run(home, *args)
        assert out.returncode == 2, (args, out.stderr)
        assert len(out.stderr.strip().splitlines()) == 1 and out.stdout == "", args
