"""Importing indicator values: a .csv or .xlsx file (UTF-8, a header row, columns
``period,region_code,indicator,value``) or rows through the API.

Every row is checked first (an unknown region or indicator, a region that is no city or
county, a period or value that is none, a row repeating an earlier one), and one line per
bad row is reported (``第 N 行：...``, N as a spreadsheet numbers it: the header is row 1).
Nothing is stored when any row is bad, unless the caller asks to import the good rows.

A file replaces, for every period and indicator it holds, every value of that period and
indicator: values it no longer has are removed, changed ones replaced, and each replaced or
removed value is kept as a :class:`ValueChange` of the import. The warnings of the
indicators imported are recomputed in the same transaction (:func:`.warnings.recompute`).
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from indexer import ExtractionError, extract_xlsx

from ..accounts import audit
from ..accounts.audit import Actor
from ..errors import FieldError, ValidationFailed
from ..permissions import require
from ..storage.files import sha256_bytes
from ..vocab.regions import region_by_name, region_name, regions
from .indicators import by_name
from .models import Indicator, IndicatorValue, ValueChange, ValueImport
from .periods import normalize_period, sort_key
from .warnings import recompute

if TYPE_CHECKING:
    from ..context import Library

COLUMNS = ("period", "region_code", "indicator", "value")
COLUMN_TITLES = {"period": "期间", "region_code": "地区代码", "indicator": "指标", "value": "数值"}
# Header names accepted for each column (lower-cased, spaces removed).
HEADER_ALIASES = {
    "period": ("period", "期间", "时期", "统计期", "统计期间", "年度"),
    "region_code": ("region_code", "region", "地区代码", "行政区划代码", "区划代码", "地区"),
    "indicator": ("indicator", "指标", "指标名称", "二级指标"),
    "value": ("value", "数值", "值", "指标值"),
}
MAX_ROWS = 200_000


class ImportRejected(ValidationFailed):
    """The file (or rows) has bad rows: ``errors`` has one entry per bad row, in order."""

    code = "import_rejected"
    message = "导入的数据有误，未导入任何数据"

    def as_dict(self) -> dict[str, Any]:
        out = super().as_dict()
        out["code"] = self.code
        out["message"] = self.message
        return out


@dataclass
class Record:
    """One data row as read: its number (as the file numbers it) and its four cells."""

    number: int
    cells: dict[str, Any]


@dataclass
class RowProblem:
    number: int
    problems: list[tuple[str, str]]  # (code, message)
    label: str = "行"

    @property
    def message(self) -> str:
        return f"第 {self.number} {self.label}：" + "；".join(m for _, m in self.problems)

    def as_field_error(self) -> FieldError:
        return FieldError(
            "row",
            self.problems[0][0],
            self.message,
            detail={
                "row": self.number,
                "problems": [{"code": c, "message": m} for c, m in self.problems],
            },
        )


@dataclass
class GoodRow:
    number: int
    period: str
    region_code: str
    indicator: Indicator
    value: float


@dataclass
class ImportReport:
    import_id: int
    rows: int
    imported: int
    skipped: list[RowProblem] = field(default_factory=list)
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    periods: list[str] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)
    warnings_raised: int = 0
    warnings_withdrawn: int = 0
    warnings_resolved: int = 0
    notified: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "import_id": self.import_id,
            "rows": self.rows,
            "imported": self.imported,
            "skipped": [p.as_field_error().as_dict() for p in self.skipped],
            "added": self.added,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "periods": self.periods,
            "indicators": self.indicators,
            "warnings_raised": self.warnings_raised,
            "warnings_withdrawn": self.warnings_withdrawn,
            "warnings_resolved": self.warnings_resolved,
            "notified": self.notified,
        }


# -- reading a file -------------------------------------------------------------------------


def _file_error(code: str, message: str) -> ImportRejected:
    return ImportRejected([FieldError("file", code, message)])


def _header_key(cell: Any) -> str:
    return "".join(str(cell or "").split()).lower().lstrip("\ufeff")


def _columns(header: list[Any]) -> dict[str, int]:
    """Which cell of a row holds which column."""
    where: dict[str, int] = {}
    for i, cell in enumerate(header):
        key = _header_key(cell)
        for column, names in HEADER_ALIASES.items():
            if key in names:
                if column in where:
                    raise _file_error(
                        "duplicate_column",
                        f"第 1 行：列“{column}”（{COLUMN_TITLES[column]}）出现了两次",
                    )
                where[column] = i
    missing = [c for c in COLUMNS if c not in where]
    if missing:
        listed = "、".join(f"{c}（{COLUMN_TITLES[c]}）" for c in missing)
        raise _file_error(
            "missing_column",
            f"第 1 行：缺少列 {listed}；表头应为 period,region_code,indicator,value",
        )
    return where


def _records(table: list[tuple[int, list[Any]]]) -> list[Record]:
    """The data rows of a table whose first non-empty row is the header."""
    table = [(n, cells) for n, cells in table if any(str(c or "").strip() for c in cells)]
    if not table:
        raise _file_error("empty_file", "文件中没有数据（应有表头行和数据行）")
    header_no, header = table[0]
    if header_no != 1:
        raise _file_error("missing_header", "第 1 行应为表头 period,region_code,indicator,value")
    where = _columns(header)
    out = []
    for n, cells in table[1:]:
        out.append(Record(n, {c: (cells[i] if i < len(cells) else None) for c, i in where.items()}))
    if not out:
        raise _file_error("empty_file", "文件中只有表头，没有数据行")
    if len(out) > MAX_ROWS:
        raise _file_error("too_many_rows", f"一次最多导入 {MAX_ROWS} 行")
    return out


def read_file(lib: Library, file_name: str, data: bytes) -> list[Record]:
    """The data rows of an import file (.csv in UTF-8, or .xlsx: its first sheet with
    data), numbered as a spreadsheet numbers them."""
    suffix = PurePath(file_name or "").suffix.lower()
    if len(data) > lib.extract_limits.max_bytes:
        raise _file_error("too_large", f"文件超过 {lib.settings.max_upload_mb} MB 的大小上限")
    if suffix == ".csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _file_error(
                "bad_encoding",
                "CSV 文件不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
            ) from None
        if "\x00" in text:
            raise _file_error("content_mismatch", "文件内容不是 CSV 文本")
        try:
            rows = list(csv.reader(io.StringIO(text, newline="")))
        except csv.Error as e:
            raise _file_error("corrupt", f"CSV 格式有误：{e}") from e
        return _records([(i, row) for i, row in enumerate(rows, 1)])
    if suffix == ".xlsx":
        try:
            doc = extract_xlsx(data, file_name, limits=lib.extract_limits)
        except ExtractionError as e:
            if e.code == "empty_document":
                raise _file_error("empty_file", "文件中没有数据（应有表头行和数据行）") from e
            raise _file_error(e.code, e.message) from e
        table = next((b.rows for b in doc.blocks if b.kind == "table" and b.rows), [])
        return _records([(i, row) for i, row in enumerate(table, 1)])
    raise _file_error("unsupported_format", "请上传 .csv 或 .xlsx 文件")


def records_from_json(rows: Any) -> list[Record]:
    """Rows given through the API: a list of objects with the four columns."""
    if not isinstance(rows, list) or not rows:
        raise ValidationFailed([FieldError("rows", "required", "rows 应为非空的数组")])
    if len(rows) > MAX_ROWS:
        raise ValidationFailed([FieldError("rows", "too_many", f"一次最多导入 {MAX_ROWS} 行")])
    out = []
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            row = {}
        out.append(Record(i, {c: row.get(c) for c in COLUMNS}))
    return out


# -- checking the rows ----------------------------------------------------------------------


def _value(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        number = float(raw)
    else:
        text = str(raw).strip().replace(",", "").replace("，", "")
        if text.endswith("%"):
            text = text[:-1]
        try:
            number = float(text)
        except ValueError:
            return None
    return number if math.isfinite(number) else None


def check_rows(
    session: Session, records: list[Record], label: str = "行"
) -> tuple[list[GoodRow], list[RowProblem]]:
    """Every row checked: the good rows and one problem entry per bad row."""
    indicators = by_name(session)
    known = regions()
    good: list[GoodRow] = []
    bad: list[RowProblem] = []
    seen: dict[tuple[str, str, int], int] = {}
    for rec in records:
        problems: list[tuple[str, str]] = []
        cells = {k: ("" if v is None else v) for k, v in rec.cells.items()}
        raw_period = str(cells["period"]).strip()
        period = normalize_period(raw_period)
        if not raw_period:
            problems.append(("missing_period", "缺少期间"))
        elif period is None:
            problems.append(
                (
                    "invalid_period",
                    f"期间“{raw_period}”格式不正确，应为年份（2024）或季度（2024Q1）",
                )
            )
        raw_region = str(cells["region_code"]).strip()
        code = None
        if not raw_region:
            problems.append(("missing_region", "缺少地区代码"))
        else:
            code = raw_region if raw_region in known else region_by_name(raw_region)
            if code is None or code not in known:
                problems.append(("unknown_region", f"未知的地区“{raw_region}”"))
                code = None
            elif known[code].level not in (2, 3):
                problems.append(
                    ("region_level", f"地区“{region_name(code)}”不是地市或县（市、区）")
                )
                code = None
        raw_indicator = str(cells["indicator"]).strip()
        ind = indicators.get(raw_indicator) if raw_indicator else None
        if not raw_indicator:
            problems.append(("missing_indicator", "缺少指标"))
        elif ind is None:
            problems.append(("unknown_indicator", f"未知的指标“{raw_indicator}”"))
        raw_value = cells["value"]
        value = None
        if str(raw_value).strip() == "":
            problems.append(("missing_value", "缺少数值"))
        else:
            value = _value(raw_value)
            if value is None:
                problems.append(("not_a_number", f"数值“{str(raw_value).strip()}”不是数字"))
        if period and code and ind is not None:
            key = (period, code, ind.id)
            if key in seen:
                problems.append(
                    (
                        "duplicate_row",
                        f"与第 {seen[key]} {label}重复（同一期间、地区和指标）",
                    )
                )
            else:
                seen[key] = rec.number
        if problems:
            bad.append(RowProblem(rec.number, problems, label))
        else:
            good.append(GoodRow(rec.number, period, code, ind, value))
    return good, bad


# -- storing --------------------------------------------------------------------------------


def import_records(
    lib: Library,
    records: list[Record],
    actor: Actor | None = None,
    *,
    skip_bad_rows: bool = False,
    source: str = "file",
    file_name: str | None = None,
    sha256: str | None = None,
    demo: bool = False,
    label: str = "行",
) -> ImportReport:
    """Check and store rows (see the module's doc). Raises :class:`ImportRejected` with
    one error per bad row, storing nothing, unless ``skip_bad_rows``."""
    actor = actor or Actor.cli()
    require(actor, "monitoring.import")
    with lib.db.session() as session:
        good, bad = check_rows(session, records, label)
    if bad and not skip_bad_rows:
        raise ImportRejected([p.as_field_error() for p in bad])
    if not good:
        raise ImportRejected(
            [p.as_field_error() for p in bad]
            or [FieldError("file", "empty_file", "没有可导入的数据行")]
        )
    with lib.db.transaction() as session:
        imp = ValueImport(
            user_id=actor.user_id,
            actor=actor.name,
            source=source,
            file_name=file_name,
            sha256=sha256,
            rows=len(records),
            skipped_rows=len(bad),
            periods=sorted({r.period for r in good}, key=sort_key),
        )
        session.add(imp)
        session.flush()
        report = ImportReport(
            import_id=imp.id,
            rows=len(records),
            imported=len(good),
            skipped=bad,
            periods=list(imp.periods),
        )
        new = {(r.indicator.id, r.region_code, r.period): r.value for r in good}
        periods_of: dict[int, set[str]] = {}
        for ind_id, _code, period in new:
            periods_of.setdefault(ind_id, set()).add(period)
        changes: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        gone: list[int] = []
        for ind_id, periods in periods_of.items():
            for old in session.execute(
                select(
                    IndicatorValue.id,
                    IndicatorValue.indicator_id,
                    IndicatorValue.region_code,
                    IndicatorValue.period,
                    IndicatorValue.value,
                    IndicatorValue.import_id,
                ).where(IndicatorValue.indicator_id == ind_id, IndicatorValue.period.in_(periods))
            ):
                key = (ind_id, old.region_code, old.period)
                if key not in new:
                    changes.append(_change(imp.id, old, None))
                    gone.append(old.id)
                    report.removed += 1
                    continue
                value = new.pop(key)
                if value == old.value:
                    report.unchanged += 1
                else:
                    changes.append(_change(imp.id, old, value))
                    report.changed += 1
                updates.append({"id": old.id, "value": value, "import_id": imp.id, "demo": demo})
        if updates:  # by primary key, in one executemany
            session.execute(update(IndicatorValue), updates)
        if gone:
            session.execute(delete(IndicatorValue).where(IndicatorValue.id.in_(gone)))
        if new:
            session.execute(
                insert(IndicatorValue),
                [
                    {
                        "indicator_id": ind_id,
                        "region_code": code,
                        "period": period,
                        "value": value,
                        "import_id": imp.id,
                        "demo": demo,
                    }
                    for (ind_id, code, period), value in new.items()
                ],
            )
            report.added = len(new)
        if changes:
            session.execute(insert(ValueChange), changes)
        session.flush()
        result = recompute(session, list(periods_of), actor)
        imp.added, imp.changed = report.added, report.changed
        imp.unchanged, imp.removed = report.unchanged, report.removed
        imp.warnings_raised, imp.warnings_withdrawn = len(result.raised), result.withdrawn
        report.warnings_raised = len(result.raised)
        report.warnings_withdrawn = result.withdrawn
        report.warnings_resolved = result.resolved
        report.notified = result.notified
        positions = {r.indicator.name: r.indicator.position for r in good}
        report.indicators = sorted(positions, key=positions.get)
        audit.record(
            session,
            actor,
            "values.import",
            "value_import",
            str(imp.id),
            source=source,
            file=file_name,
            rows=len(records),
            skipped=len(bad),
            added=report.added,
            changed=report.changed,
            removed=report.removed,
            periods=report.periods,
            warnings_raised=report.warnings_raised,
        )
    result.deliver(lib)
    return report


def _change(import_id: int, old, new_value: float | None) -> dict[str, Any]:
    return {
        "import_id": import_id,
        "indicator_id": old.indicator_id,
        "region_code": old.region_code,
        "period": old.period,
        "old_value": old.value,
        "new_value": new_value,
        "old_import_id": old.import_id,
    }


def import_file(
    lib: Library,
    file_name: str,
    data: bytes,
    actor: Actor | None = None,
    *,
    skip_bad_rows: bool = False,
    source: str = "file",
    demo: bool = False,
) -> ImportReport:
    """Import a .csv or .xlsx file (see the module's doc)."""
    actor = actor or Actor.cli()
    require(actor, "monitoring.import")
    records = read_file(lib, file_name, data)
    return import_records(
        lib,
        records,
        actor,
        skip_bad_rows=skip_bad_rows,
        source=source,
        file_name=PurePath(file_name).name[:255],
        sha256=sha256_bytes(data),
        demo=demo,
    )


def list_imports(lib: Library, actor: Actor, limit: int = 20) -> list[dict[str, Any]]:
    """The latest imports, newest first, with what each changed."""
    require(actor, "monitoring.import")
    with lib.db.session() as session:
        rows = session.scalars(select(ValueImport).order_by(ValueImport.id.desc()).limit(limit))
        return [
            {
                "id": i.id,
                "at": i.at.isoformat(timespec="seconds") + "Z",
                "by": i.actor,
                "source": i.source,
                "file_name": i.file_name,
                "rows": i.rows,
                "skipped_rows": i.skipped_rows,
                "added": i.added,
                "changed": i.changed,
                "unchanged": i.unchanged,
                "removed": i.removed,
                "periods": i.periods or [],
                "warnings_raised": i.warnings_raised,
                "warnings_withdrawn": i.warnings_withdrawn,
            }
            for i in rows
        ]


def value_changes(lib: Library, actor: Actor, import_id: int) -> list[dict[str, Any]]:
    """The values an import replaced or removed: old and new value."""
    require(actor, "monitoring.import")
    with lib.db.session() as session:
        names = {i.id: i.name for i in session.scalars(select(Indicator))}
        return [
            {
                "indicator": names.get(c.indicator_id, str(c.indicator_id)),
                "region_code": c.region_code,
                "region": region_name(c.region_code),
                "period": c.period,
                "old_value": c.old_value,
                "new_value": c.new_value,
            }
            for c in session.scalars(
                select(ValueChange)
                .where(ValueChange.import_id == import_id)
                .order_by(ValueChange.id)
            )
        ]
