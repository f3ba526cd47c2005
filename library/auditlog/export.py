"""The filtered audit log as an .xlsx workbook (openpyxl, written row by row): the rows the
page shows for the same filter, every page of them, newest first; a second sheet says
which filter and when. The export itself is audited."""

from __future__ import annotations

import io
from datetime import datetime
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font

from ..accounts import audit
from ..errors import FieldError, ValidationFailed
from ..permissions import require
from ..storage.base import utcnow
from .log import AuditFilter, beijing_text, count, iter_rows, to_beijing

if TYPE_CHECKING:
    from ..accounts.audit import Actor
    from ..context import Library

HEADERS = ("时间（北京时间）", "操作人", "账号", "操作", "对象类型", "对象", "详情")
WIDTHS = (20, 24, 16, 18, 10, 36, 80)
MAX_ROWS = 200_000
MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def file_name(at: datetime | None = None) -> str:
    return f"操作日志_{beijing_text(at or utcnow(), '%Y%m%d-%H%M')}.xlsx"


def export_xlsx(lib: Library, actor: Actor, flt: AuditFilter) -> tuple[bytes, int]:
    """The workbook of every row matching ``flt`` and the number of rows. More than
    ``MAX_ROWS`` rows are refused (narrow the filter)."""
    require(actor, "audit.read")
    total = count(lib, actor, flt)
    if total > MAX_ROWS:
        raise ValidationFailed(
            [
                FieldError(
                    "filter",
                    "too_many_rows",
                    f"符合条件的记录有 {total} 条，超过 {MAX_ROWS} 条：请缩小日期范围或增加筛选条件",
                )
            ]
        )
    now = utcnow()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("操作日志")
    for i, width in enumerate(WIDTHS):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in HEADERS:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    wrap = Alignment(wrap_text=True, vertical="top")
    n = 0
    for row in iter_rows(lib, actor, flt):
        at = WriteOnlyCell(ws, value=to_beijing(row.at).replace(tzinfo=None))
        at.number_format = "yyyy-mm-dd hh:mm:ss"
        detail = WriteOnlyCell(ws, value=_cell(row.detail_text))
        detail.alignment = wrap
        ws.append(
            [
                at,
                _cell(row.actor_name),
                _cell(row.actor),
                _cell(row.action_name),
                _cell(row.object_type_name),
                _cell(row.object_label),
                detail,
            ]
        )
        n += 1
    about = wb.create_sheet("筛选条件")
    about.column_dimensions["A"].width = 22
    about.column_dimensions["B"].width = 40
    about.append(["导出时间（北京时间）", beijing_text(now)])
    about.append(["导出人", _cell(actor.name)])
    about.append(["记录数", n])
    for title, value in flt.described() or [("筛选条件", "无（全部记录）")]:
        about.append([title, _cell(value)])
    buf = io.BytesIO()
    wb.save(buf)
    with lib.db.transaction() as session:
        audit.record(
            session,
            actor,
            "audit.export",
            "audit",
            None,
            filters=dict(flt.described()),
            rows=n,
        )
    return buf.getvalue(), n


def _cell(value):
    """A text as a worksheet may hold it: control characters (which a filter or a record
    may carry, and which Excel refuses) left out."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value
