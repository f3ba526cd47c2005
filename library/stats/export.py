"""The statistics as an Excel workbook (XlsxWriter: native charts, frozen header rows,
autofilters, number formats) and as CSV (UTF-8 with a BOM, so Excel opens it as such).

The workbook has a sheet per view of the same filters — 按地区, 按单位, 按年度, 按类型,
按征集通知 — whose rows are exactly the dashboard's rows of that view (the same columns,
:data:`COLUMNS`), 案例明细 with every case behind the figures (and in which of them it
counts, so a filter and a sum in Excel give each figure back), and 说明 (the filters, the
weights and the definitions). 按地区 carries two native charts: the score by region and
the published cases stacked by type.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import xlsxwriter

from ..accounts.audit import Actor
from ..cases.models import CASE_TYPE_TITLES, STATUS_TITLES
from ..permissions import can_view_case
from ..storage.base import utcnow
from ..vocab.regions import region_label
from . import figures
from .figures import BY_TITLES, Context, Filters, context, parse_filters, period_label
from .weights import KEYS, fmt

if TYPE_CHECKING:
    from ..context import Library


@dataclass(frozen=True)
class Column:
    field: str
    title: str
    kind: str  # int | score | rating | text | name
    width: int = 9


# The dashboard's table and every view's sheet: the same columns in the same order.
COLUMNS: tuple[Column, ...] = (
    Column("rank", "排名", "int", 6),
    Column("name", "名称", "name", 24),
    Column("score", "得分", "score", 8),
    Column("published", "入库", "int", 7),
    Column("original", "本地首创", "int"),
    Column("innovation_borrowed", "创新借鉴", "int"),
    Column("rectification_borrowed", "整改借鉴", "int"),
    Column("times_borrowed", "被借鉴次数", "int", 10),
    Column("reviews", "点评数", "int", 8),
    Column("avg_rating", "平均推荐指数", "rating", 12),
    Column("submitted", "报送", "int", 7),
    Column("approved", "审核通过", "int"),
    Column("returned", "退回", "int", 7),
    Column("targets", "征集目标", "int"),
    Column("on_time", "按时报送", "int"),
    Column("late", "逾期报送", "int"),
    Column("not_submitted", "未报送", "int", 8),
    Column("rectifications", "整改举措", "int"),
    Column("explanation", "得分说明", "text", 60),
)
NAME_TITLES = {
    "region": "地区",
    "unit": "单位",
    "year": "年度",
    "type": "案例类型",
    "call": "征集通知",
}
KEY_TITLES = {
    "region": "地区代码",
    "unit": "单位编号",
    "year": "年度",
    "type": "类型代码",
    "call": "通知编号",
}
SCORED = ("region", "unit", "year")
RANKED = ("region", "unit")
SHEETS = ("region", "unit", "year", "type", "call")


def columns(by: str) -> list[Column]:
    """The columns of a view (no rank or score where the view has none; the name column
    titled for the view)."""
    out = []
    for c in COLUMNS:
        if c.field == "rank" and by not in RANKED:
            continue
        if c.field in ("score", "explanation") and by not in SCORED:
            continue
        if c.field == "name":
            c = Column("name", NAME_TITLES[by], "name", 34 if by in ("unit", "call") else 18)
        out.append(c)
    return out


def cell_value(row: Mapping[str, Any], column: Column) -> Any:
    value = row.get(column.field)
    return "" if value is None else value


def _views(ctx: Context) -> dict[str, list[dict[str, Any]]]:
    return {by: figures.rows(ctx, by) for by in SHEETS}


# -- xlsx -----------------------------------------------------------------------------------


def workbook(lib: Library, params: Mapping[str, Any], actor: Actor | None) -> bytes:
    """The .xlsx of the statistics of these filters (the ``by`` parameter chooses the
    sheet that opens first)."""
    filters = parse_filters(params, actor, province=lib.settings.province)
    with lib.db.session() as session, figures.quiet_gc():
        ctx = context(session, filters)
        views = _views(ctx)
        totals = figures.totals(ctx)
        weights = ctx.weights(filters.score_year)
        details = case_details(ctx, actor)
    return _write(filters, views, totals, weights, details)


def _write(filters: Filters, views, totals, weights, details) -> bytes:
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False})
    wb.set_properties(
        {
            "title": f"入库考核统计 {region_label(filters.region)} {period_label(filters)}",
            "subject": "营商环境改革创新案例库 入库考核统计",
            "author": "营商环境改革创新案例库",
            "created": utcnow(),
        }
    )
    f = {
        "head": wb.add_format(
            {
                "bold": True,
                "bg_color": "#B7282E",
                "font_color": "#FFFFFF",
                "text_wrap": True,
                "valign": "vcenter",
                "border": 1,
            }
        ),
        "int": wb.add_format({"num_format": "0"}),
        "score": wb.add_format({"num_format": "0.0#"}),
        "rating": wb.add_format({"num_format": "0.00"}),
        "date": wb.add_format({"num_format": "yyyy-mm-dd"}),
        "text": wb.add_format({"text_wrap": False}),
        "name": wb.add_format({}),
        "total": wb.add_format({"bold": True, "top": 1}),
        "total_int": wb.add_format({"bold": True, "top": 1, "num_format": "0"}),
        "total_score": wb.add_format({"bold": True, "top": 1, "num_format": "0.0#"}),
        "total_rating": wb.add_format({"bold": True, "top": 1, "num_format": "0.00"}),
        "title": wb.add_format({"bold": True, "font_size": 14}),
        "bold": wb.add_format({"bold": True}),
        "wrap": wb.add_format({"text_wrap": True, "valign": "top"}),
    }
    _readme(wb, f, filters, weights)
    sheets = {}
    for by in SHEETS:
        sheets[by] = _view_sheet(wb, f, by, views[by], totals, filters)
    _details_sheet(wb, f, details)
    sheets.get(filters.by, sheets["region"]).activate()
    wb.close()
    return buf.getvalue()


def _readme(wb, f, filters: Filters, weights) -> None:
    ws = wb.add_worksheet("说明")
    ws.set_column(0, 0, 16)
    ws.set_column(1, 1, 90)
    ws.write(0, 0, "入库考核统计", f["title"])
    lines = [
        ("地区", region_label(filters.region) + f"（{filters.region}，含下级地区）"),
        ("统计期间", period_label(filters) + "（北京时间，含首尾两日）"),
        (
            "计分权重",
            f"{weights.year} 年度"
            + (f"第 {weights.version} 版" if weights.version else "默认权重"),
        ),
        ("生成时间", (utcnow() + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M（北京时间）")),
    ]
    for i, (k, v) in enumerate(lines, 2):
        ws.write(i, 0, k, f["bold"])
        ws.write(i, 1, v)
    r = len(lines) + 3
    ws.write(r, 0, "权重", f["head"])
    ws.write(r, 1, "分值与含义", f["head"])
    for i, k in enumerate(KEYS, r + 1):
        ws.write(i, 0, k.title)
        ws.write(i, 1, f"{fmt(weights.values[k.key])}：{k.help}")
    r += len(KEYS) + 2
    ws.write(r, 0, "口径", f["head"])
    ws.write(r, 1, "说明", f["head"])
    for i, (k, v) in enumerate(DEFINITIONS, r + 1):
        ws.write(i, 0, k)
        ws.write(i, 1, v, f["wrap"])


DEFINITIONS = (
    ("入库", "状态为已发布、发布时间在统计期间内的案例；只有入库案例计分。"),
    (
        "报送",
        "首次提交审核的时间在期间内的案例；未经流程直接入库的案例（批量导入等）以发布时间计。",
    ),
    ("审核通过", "首次审核通过的时间在期间内的案例；未经流程直接入库的案例以发布时间计。"),
    ("退回", "期间内被退回（至少一次）的案例，每个案例计一次。"),
    ("类型", "入库案例按案例类型（本地首创、创新借鉴、整改借鉴）计。"),
    ("被借鉴次数", "其他地区（地区代码不同）期间内入库的案例借鉴本地区入库案例的次数。"),
    ("点评", "入库案例收到的点评条数；平均推荐指数为这些点评的平均分。"),
    ("征集通知", "截止时间在期间内的征集通知，每个目标单位按时报送、逾期报送或未报送计一次。"),
    ("地区汇总", "县（市、区）计入所在市和省；“本级”为地区代码即该地区本身的案例。"),
    ("排名", "按得分从高到低；得分相同名次相同，其后名次顺延（1、2、2、4）。"),
    (
        "案例明细",
        "计入报送、审核通过、入库、退回中任一项或被借鉴的本地区案例；“计入”列为 1（空白即 0），筛选后求和即得各项数字。",
    ),
)


def _view_sheet(wb, f, by: str, rows: list[dict], totals: dict, filters: Filters):
    ws = wb.add_worksheet(BY_TITLES[by])
    cols = columns(by)
    key_col = len(cols)
    for j, c in enumerate(cols):
        ws.write(0, j, c.title, f["head"])
        ws.set_column(j, j, c.width)
    ws.write(0, key_col, KEY_TITLES[by], f["head"])
    ws.set_column(key_col, key_col, 12 if by != "unit" else 22)
    ws.set_row(0, 30)
    for i, row in enumerate(rows, 1):
        for j, c in enumerate(cols):
            value = row.get(c.field)
            if value is None:
                ws.write_blank(i, j, None)
            elif c.kind in ("int", "score", "rating"):
                ws.write_number(i, j, value, f[c.kind])
            else:
                ws.write_string(i, j, str(value))
        ws.write_string(i, key_col, str(row["key"]))
    last = len(rows)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(last, 1), key_col)
    t = last + 2
    for j, c in enumerate(cols):
        if c.field == "name":
            ws.write_string(t, j, f"合计（{totals['name']}）", f["total"])
        elif c.field in ("rank", "explanation"):
            ws.write_blank(t, j, None, f["total"])
        elif totals.get(c.field) is None:
            ws.write_blank(t, j, None, f["total"])
        else:
            kind = {"score": "total_score", "rating": "total_rating"}.get(c.kind, "total_int")
            ws.write_number(t, j, totals[c.field], f[kind])
    if by == "region" and rows:
        _region_charts(wb, ws, cols, last, t + 3)
    return ws


def _region_charts(wb, ws, cols: list[Column], last: int, at_row: int) -> None:
    index = {c.field: j for j, c in enumerate(cols)}
    name = index["name"]
    sheet = "按地区"
    score = wb.add_chart({"type": "column"})
    score.add_series(
        {
            "name": "得分",
            "categories": [sheet, 1, name, last, name],
            "values": [sheet, 1, index["score"], last, index["score"]],
            "fill": {"color": "#B7282E"},
            "data_labels": {"value": True},
        }
    )
    score.set_title({"name": "各地区得分"})
    score.set_legend({"none": True})
    score.set_y_axis({"name": "得分", "num_format": "0.0#"})
    score.set_size({"width": 720, "height": 340})
    ws.insert_chart(at_row, 1, score)
    stacked = wb.add_chart({"type": "column", "subtype": "stacked"})
    for field, color in (
        ("original", "#1F7A4D"),
        ("innovation_borrowed", "#1D5FA8"),
        ("rectification_borrowed", "#D08A00"),
    ):
        stacked.add_series(
            {
                "name": [sheet, 0, index[field]],
                "categories": [sheet, 1, name, last, name],
                "values": [sheet, 1, index[field], last, index[field]],
                "fill": {"color": color},
            }
        )
    stacked.set_title({"name": "各地区入库案例（按类型）"})
    stacked.set_y_axis({"name": "入库案例数", "num_format": "0"})
    stacked.set_legend({"position": "bottom"})
    stacked.set_size({"width": 720, "height": 340})
    ws.insert_chart(at_row + 18, 1, stacked)


DETAIL_COLUMNS: tuple[Column, ...] = (
    Column("case_no", "编号", "text", 14),
    Column("name", "案例名称", "text", 36),
    Column("region", "地区", "text", 22),
    Column("region_code", "地区代码", "text", 9),
    Column("unit", "单位", "text", 22),
    Column("case_type", "案例类型", "text", 10),
    Column("status", "当前状态", "text", 9),
    Column("call", "征集通知", "text", 30),
    Column("submitted_on", "报送日期", "date", 11),
    Column("approved_on", "审核通过日期", "date", 12),
    Column("published_on", "发布日期", "date", 11),
    Column("returned_on", "退回日期", "text", 12),
    Column("submitted", "计入报送", "int"),
    Column("approved", "计入审核通过", "int", 12),
    Column("published", "计入入库", "int"),
    Column("returned", "计入退回", "int"),
    Column("times_borrowed", "被借鉴次数", "int", 10),
    Column("reviews", "点评数", "int", 8),
    Column("avg_rating", "平均推荐指数", "rating", 12),
    Column("late", "逾期", "text", 6),
)
HIDDEN = "（无权查看）"


def case_details(ctx: Context, actor: Actor | None) -> list[dict[str, Any]]:
    """Every case of the region behind a case figure of the period, once, with the figures
    it counts in (1 or 0) and the dates they counted."""
    per: dict[int, dict[str, Any]] = {}
    for e in ctx.events:
        kind = figures.FIGURES[e.figure][1]
        if e.figure == "times_borrowed":
            borrower = ctx.facts.cases[e.item]
            lender = borrower.borrowed_from_id
            per.setdefault(lender, {}).setdefault("times_borrowed", 0)
            per[lender]["times_borrowed"] += 1
        elif kind == "case" and e.figure in ("submitted", "approved", "published", "returned"):
            d = per.setdefault(e.item, {})
            if e.figure == "returned":
                d.setdefault("returned_days", []).append(e.day)
            d[e.figure] = 1
    calls = {c.id: c.title for c in ctx.facts.calls}
    units = ctx.facts.units
    labels: dict[str | None, str] = {}
    out = []
    for cid in sorted(per, key=lambda i: ctx.facts.cases[i].case_no):
        c = ctx.facts.cases[cid]
        d = per[cid]
        visible = can_view_case(actor, c)
        out.append(
            {
                "case_no": c.case_no if visible else HIDDEN,
                "name": c.name if visible else HIDDEN,
                "region": labels.get(c.region_code)
                or labels.setdefault(c.region_code, region_label(c.region_code)),
                "region_code": c.region_code or "",
                "unit": units[c.unit_id][0] if c.unit_id in units else (c.unit_name or ""),
                "case_type": CASE_TYPE_TITLES.get(c.case_type or "unknown"),
                "status": STATUS_TITLES.get(c.status, c.status),
                "call": calls.get(c.call_id, "") if c.call_id else "",
                "submitted_on": c.submitted,
                "approved_on": c.approved,
                "published_on": c.published_at if c.status == "published" else None,
                "returned_on": "、".join(x.isoformat() for x in sorted(d.get("returned_days", []))),
                "submitted": d.get("submitted", 0),
                "approved": d.get("approved", 0),
                "published": d.get("published", 0),
                "returned": d.get("returned", 0),
                "times_borrowed": d.get("times_borrowed", 0),
                "reviews": c.reviews if d.get("published") else 0,
                "avg_rating": round(c.rating_sum / c.reviews, 2)
                if d.get("published") and c.reviews
                else None,
                "late": "是" if c.late else "",
            }
        )
    return out


def _details_sheet(wb, f, details: list[dict[str, Any]]) -> None:
    ws = wb.add_worksheet("案例明细")
    for j, c in enumerate(DETAIL_COLUMNS):
        ws.write(0, j, c.title, f["head"])
        ws.set_column(j, j, c.width)
    ws.set_row(0, 30)
    kinds = [(j, c.field, c.kind) for j, c in enumerate(DETAIL_COLUMNS)]
    write_number, write_string, write_datetime = ws.write_number, ws.write_string, ws.write_datetime
    fmt_int, fmt_rating, fmt_date = f["int"], f["rating"], f["date"]
    for i, d in enumerate(details, 1):
        for j, field, kind in kinds:
            value = d[field]
            if value is None or value == "" or value == 0:
                continue  # blank: 0 for the 1/0 columns (Excel's SUM and filters agree)
            if kind == "int":
                write_number(i, j, value, fmt_int)
            elif kind == "rating":
                write_number(i, j, value, fmt_rating)
            elif kind == "date":
                write_datetime(i, j, datetime(value.year, value.month, value.day), fmt_date)
            else:
                write_string(i, j, value)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(details), 1), len(DETAIL_COLUMNS) - 1)


# -- csv ------------------------------------------------------------------------------------


def csv_bytes(lib: Library, params: Mapping[str, Any], actor: Actor | None) -> bytes:
    """The rows of one view (``by``) and the totals as CSV, with the sheet's columns."""
    filters = parse_filters(params, actor, province=lib.settings.province)
    with lib.db.session() as session, figures.quiet_gc():
        ctx = context(session, filters)
        rows = figures.rows(ctx, filters.by)
        totals = figures.totals(ctx)
    cols = columns(filters.by)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([c.title for c in cols] + [KEY_TITLES[filters.by]])
    for row in rows:
        w.writerow([_csv(cell_value(row, c)) for c in cols] + [row["key"]])
    total = {**totals, "name": f"合计（{totals['name']}）", "rank": None, "explanation": None}
    w.writerow([_csv(cell_value(total, c)) for c in cols] + [totals["key"]])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _csv(value: Any) -> Any:
    if isinstance(value, float) and value == int(value):
        return int(value)
    return value


def file_name(filters: Filters, suffix: str) -> str:
    return f"入库考核统计_{region_label(filters.region).split(' › ')[-1]}_{period_label(filters).replace(' ', '')}.{suffix}"
