"""The .xlsx and CSV exports read back: one sheet per view with the rows the statistics
give for the same filters, Chinese headers, frozen header rows, autofilters, number
formats, native charts, and the cases behind the figures."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import openpyxl
from openpyxl.chart import BarChart

from library.accounts.audit import Actor
from library.stats import export
from library.stats.figures import statistics

SHEETS = ["说明", "按地区", "按单位", "按年度", "按类型", "按征集通知", "案例明细"]


def _book(lib, actor=None, **params):
    data = export.workbook(lib, params, actor or Actor.cli())
    assert data[:2] == b"PK"
    return openpyxl.load_workbook(io.BytesIO(data))


def _sheet_rows(ws) -> list[list]:
    return [[c.value for c in row] for row in ws.iter_rows(min_row=1)]


def test_each_view_sheet_has_the_rows_of_the_statistics_of_the_same_filters(known):
    """按地区, 按单位, 按年度, 按类型, 按征集通知: header, then the statistics' rows in order
    (every column of the dashboard's table, then the key), then the totals."""
    lib, _ = known
    book = _book(lib, year=2024, region="331000")
    assert book.sheetnames == SHEETS
    for by, title in (
        ("region", "按地区"),
        ("unit", "按单位"),
        ("year", "按年度"),
        ("type", "按类型"),
        ("call", "按征集通知"),
    ):
        ws = book[title]
        cols = export.columns(by)
        rows = _sheet_rows(ws)
        assert rows[0] == [c.title for c in cols] + [export.KEY_TITLES[by]], by
        expected = statistics(lib, {"year": 2024, "region": "331000", "by": by}, Actor.cli())
        body = rows[1 : 1 + len(expected["rows"])]
        for got, row in zip(body, expected["rows"], strict=True):
            want = [row[c.field] for c in cols] + [str(row["key"])]
            assert got == want, (by, row["key"])
        totals_row = rows[len(expected["rows"]) + 2]
        assert totals_row[[c.field for c in cols].index("name")] == "合计（浙江省 › 台州市）"
        assert totals_row[[c.field for c in cols].index("published")] == 6
        assert ws.freeze_panes == "A2", by
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(cols) + 1).column_letter}{len(body) + 1}"


def test_the_region_sheet_has_number_formats_and_two_native_charts(known):
    """Scores as 0.0#, ratings as 0.00, counts as 0; a column chart of the scores and a
    stacked column chart of the published cases by type, both on the sheet's cells."""
    lib, _ = known
    ws = _book(lib, year=2024)["按地区"]
    header = [c.value for c in ws[1]]
    col = {title: i + 1 for i, title in enumerate(header)}
    first = 2
    assert ws.cell(first, col["地区"]).value == "台州市"
    assert ws.cell(first, col["得分"]).value == 16.5
    assert ws.cell(first, col["得分"]).number_format == "0.0#"
    assert ws.cell(first, col["平均推荐指数"]).value == 4.25
    assert ws.cell(first, col["平均推荐指数"]).number_format == "0.00"
    assert ws.cell(first, col["入库"]).number_format == "0"
    assert ws.cell(first, col["得分说明"]).value.endswith("= 16.5 分")
    charts = ws._charts
    assert len(charts) == 2 and all(isinstance(c, BarChart) for c in charts)
    score, stacked = charts
    last = 1 + 11  # the eleven cities
    assert (score.type, score.grouping) == ("col", "clustered")
    assert score.title.tx.rich.p[0].r[0].t == "各地区得分"
    assert [s.val.numRef.f for s in score.series] == [f"按地区!$C$2:$C${last}"]
    assert score.series[0].cat.strRef.f == f"按地区!$B$2:$B${last}"
    assert (stacked.type, stacked.grouping) == ("col", "stacked")
    assert [s.val.numRef.f for s in stacked.series] == [
        f"按地区!${letter}$2:${letter}${last}" for letter in "EFG"
    ]
    assert [s.tx.strRef.f for s in stacked.series] == ["按地区!$E$1", "按地区!$F$1", "按地区!$G$1"]


def test_the_cases_sheet_gives_every_figure_back_with_a_filter_and_a_sum(known):
    """案例明细 lists each case behind the figures once, with 1 (or blank) for each figure it
    counts in and its dates; summing a column over a region gives the region's figure."""
    lib, no = known
    ws = _book(lib, year=2024)["案例明细"]
    rows = _sheet_rows(ws)
    header = rows[0]
    assert header[:3] == ["编号", "案例名称", "地区"] and "计入入库" in header
    data = [dict(zip(header, r, strict=True)) for r in rows[1:]]
    assert len({r["编号"] for r in data}) == len(data)
    taizhou = [r for r in data if r["地区代码"].startswith("3310")]
    assert sum(r["计入入库"] or 0 for r in taizhou) == 6
    assert sum(r["计入报送"] or 0 for r in taizhou) == 8
    assert sum(r["计入审核通过"] or 0 for r in taizhou) == 7
    assert sum(r["计入退回"] or 0 for r in taizhou) == 1
    assert sum(r["被借鉴次数"] or 0 for r in taizhou) == 2
    assert sum(r["点评数"] or 0 for r in taizhou) == 4
    assert sum(r["计入入库"] or 0 for r in data) == 8
    # F (杭州, 2023) is here for its borrowing in 2024 only.
    f = next(r for r in data if r["编号"] == no["F"])
    assert (f["计入入库"], f["被借鉴次数"], f["发布日期"]) == (None, 1, datetime(2023, 5, 5))
    w2 = next(r for r in data if r["编号"] == no["W2"])
    assert (w2["退回日期"], w2["逾期"], w2["当前状态"]) == ("2024-11-06", "是", "已审核")
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:T")
    assert ws.cell(2, header.index("报送日期") + 1).number_format == "yyyy-mm-dd"


def test_a_coordinators_workbook_is_its_region_and_hides_cases_it_may_not_open(known, as_user):
    """The export follows the same rights as the page: 台州市 only, and a withdrawn case of
    a unit is there without its number and name."""
    lib, no = known
    book = _book(lib, as_user("coord_tz"), year=2024)
    assert book["说明"]["B3"].value.startswith("浙江省 › 台州市")
    data = _sheet_rows(book["案例明细"])
    codes = {r[3] for r in data[1:]}
    assert all(code.startswith("3310") for code in codes)
    assert [r[0] for r in data[1:]].count(export.HIDDEN) == 1  # W4, withdrawn
    assert no["W1"] in [r[0] for r in data[1:]]


def test_the_csv_is_the_rows_of_the_view_with_its_totals(known):
    """UTF-8 with a BOM, the view's columns, each row as the statistics give it, the totals
    last."""
    lib, _ = known
    data = export.csv_bytes(lib, {"year": 2024, "region": "331000", "by": "unit"}, Actor.cli())
    assert data.startswith("\ufeff".encode())
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    cols = export.columns("unit")
    assert table[0] == [c.title for c in cols] + ["单位编号"]
    expected = statistics(lib, {"year": 2024, "region": "331000", "by": "unit"}, Actor.cli())
    assert len(table) == 1 + len(expected["rows"]) + 1
    for got, row in zip(table[1:], expected["rows"], strict=False):
        want = ["" if row[c.field] is None else str(export._csv(row[c.field])) for c in cols]
        assert got == want + [str(row["key"])]
    assert table[-1][1] == "合计（浙江省 › 台州市）" and table[-1][2] == "16.5"
