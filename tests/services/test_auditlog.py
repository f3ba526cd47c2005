"""The audit log as the admin reads it: Chinese names for every action the code writes,
details in words, Beijing times, filters, pages and the .xlsx export of the filter."""

from __future__ import annotations

import ast
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from library.accounts import audit, users
from library.accounts.audit import Actor
from library.auditlog import export, log, names
from library.errors import Forbidden, ValidationFailed
from library.models import AuditEvent
from library.workflow.states import ACTIONS

LIBRARY = Path(__file__).resolve().parents[2] / "library"
PASSWORD = "audit-test-pass"


def _codes(node: ast.expr, where: str) -> set[str]:
    """The action codes an expression can take: a literal, either branch of a conditional,
    or case.{action} over the workflow's actions."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _codes(node.body, where) | _codes(node.orelse, where)
    if isinstance(node, ast.JoinedStr):
        head = node.values[0]
        if isinstance(head, ast.Constant) and head.value == "case." and len(node.values) == 2:
            return {f"case.{a}" for a in ACTIONS}
    raise AssertionError(f"{where}: an action code this test cannot read: {ast.dump(node)}")


def _inserts_audit_rows(node: ast.AST) -> bool:
    if not (isinstance(node, ast.Call) and len(node.args) >= 2):
        return False
    first = node.args[0]
    return (
        isinstance(first, ast.Call)
        and isinstance(first.func, ast.Name)
        and first.func.id == "insert"
        and any(isinstance(a, ast.Name) and a.id == "AuditEvent" for a in first.args)
    )


def written_action_codes() -> set[str]:
    """Every action code the library can write to the audit log: the third argument of
    each audit.record(...) call, and the "action" of AuditEvent rows inserted in bulk."""
    found: set[str] = set()
    for path in LIBRARY.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(LIBRARY)}:{getattr(node, 'lineno', '?')}"
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "record"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "audit"
            ):
                arg = node.args[2] if len(node.args) > 2 else None
                arg = arg or next((k.value for k in node.keywords if k.arg == "action"), None)
                assert arg is not None, where
                found |= _codes(arg, where)
            if _inserts_audit_rows(node):  # session.execute(insert(AuditEvent), rows)
                for row in ast.walk(node.args[1]):
                    if isinstance(row, ast.Dict):
                        keys = [k.value for k in row.keys if isinstance(k, ast.Constant)]
                        if "action" in keys:
                            found |= _codes(row.values[keys.index("action")], where)
    return found


def test_every_action_code_the_code_can_write_has_a_chinese_name():
    """The names table covers every audit.record(...) and bulk-inserted row of the code."""
    codes = written_action_codes()
    assert {"auth.login", "case.publish", "case.ingest", "user.deactivate", "tag.merge"} <= codes
    missing = sorted(c for c in codes if c not in names.ACTION_NAMES)
    assert not missing, f"add their Chinese names to library/auditlog/names.py: {missing}"
    for code, name in names.ACTION_NAMES.items():
        assert name and not name.isascii(), code
    assert names.action_name("auth.login_failed") == "登录失败"
    assert names.action_name("case.names_confirmed") == "确认文档中的名称"


@pytest.fixture
def lib(fresh_lib):
    users.create_user(
        fresh_lib, "boss", PASSWORD, "admin", region="330000", display_name="省管理员"
    )
    users.create_user(fresh_lib, "tian", PASSWORD, "submitter", unit="某单位", region="331002")
    return fresh_lib


def actor_of(lib, username: str) -> Actor:
    with lib.db.session() as s:
        return Actor.of(users.find_user(s, username))


def add(lib, action, object_type, object_id=None, *, at=None, actor="boss", **detail):
    with lib.db.transaction() as s:
        ev = audit.record(s, actor_of(lib, actor), action, object_type, object_id, **detail)
        if at is not None:
            ev.at = at


def rows(lib, **raw) -> log.AuditPage:
    page, per_page = log.parse_paging(raw)
    return log.audit_page(lib, actor_of(lib, "boss"), log.parse_filter(raw), page, per_page)


def test_details_read_as_chinese_words_not_codes_or_dicts(lib):
    """Field names by their 申报表 titles, states, roles and regions by name, changes as
    before → after, findings as 原文→替换, times in Beijing time; no braces, no quotes."""
    add(
        lib,
        "case.return",
        "case",
        "YS2024-00001",
        **{"from": "submitted", "to": "returned", "reason": "请补充数据"},
    )
    add(
        lib,
        "case.update",
        "case",
        "YS2024-00001",
        changed=["summary", "traditional_practice"],
        file=None,
    )
    add(
        lib,
        "case.create",
        "case",
        "YS2024-00002",
        name="某改革",
        source="form",
        status="draft",
        anonymized={
            "innovative_practice": [{"text": "张三", "replacement": "某同志", "start": 0, "end": 2}]
        },
    )
    add(
        lib,
        "user.update",
        "user",
        "tian",
        changes={"role": ["submitter", "approver"], "region": ["331002", "331003"]},
    )
    add(
        lib,
        "auth.login_failed",
        "user",
        "tian",
        actor="tian",
        reason="bad_password",
        failures=2,
        remote="10.0.0.1",
    )
    add(
        lib,
        "call.create",
        "call",
        "9",
        title="征集",
        deadline="2031-12-13T15:00+08:00",
        case_types=["original"],
    )
    add(lib, "token.create", "user", "boss", expires_at="2024-05-19T16:30:00")
    page = rows(lib)
    by = {r.action: r for r in page.rows}
    assert by["case.return"].details == [
        ("原状态", "已提交"),
        ("新状态", "已退回"),
        ("原因", "请补充数据"),
    ]
    assert by["case.update"].details == [("修改的字段", "摘要、传统做法")]
    assert ("已替换的地名、人名", "创新做法：张三→某同志") in by["case.create"].details
    assert ("案例名称", "某改革") in by["case.create"].details
    assert by["user.update"].details == [
        ("角色", "填报单位 → 单位审核人"),
        ("地区", "浙江省 › 台州市 › 椒江区 → 浙江省 › 台州市 › 黄岩区"),
    ]
    assert (
        by["user.update"].object_label == "tian"
        and by["user.update"].actor_name == "省管理员（boss）"
    )
    assert ("原因", "密码错误") in by["auth.login_failed"].details
    assert ("连续失败次数", "2 次") in by["auth.login_failed"].details
    assert ("截止时间", "2031-12-13 15:00（北京时间）") in by["call.create"].details
    assert ("接受的案例类型", "本地首创") in by["call.create"].details
    assert by["token.create"].details == [("有效期至", "2024-05-20 00:30（北京时间）")]
    assert by["case.return"].action_name == "退回" and by["case.return"].object_type_name == "案例"
    for r in page.rows:
        assert not any(c in r.detail_text for c in "{}[]'\""), r.detail_text


def test_filters_by_person_action_object_and_beijing_dates(lib):
    """Dates are Beijing calendar days: 00:30 Beijing on the 20th is 16:30 UTC on the 19th."""
    add(
        lib, "case.publish", "case", "YS2024-00001", at=datetime(2024, 5, 19, 16, 30)
    )  # 05-20 00:30
    add(
        lib, "case.publish", "case", "YS2024-00002", at=datetime(2024, 5, 19, 15, 30)
    )  # 05-19 23:30
    add(lib, "case.approve", "case", "YS2024-00001", at=datetime(2024, 5, 20, 15, 59), actor="tian")
    add(lib, "user.unlock", "user", "tian", at=datetime(2024, 5, 21, 1, 0))
    day = rows(lib, **{"from": "2024-05-20", "to": "2024-05-20"})
    assert [(r.action, r.object_id) for r in day.rows] == [
        ("case.approve", "YS2024-00001"),
        ("case.publish", "YS2024-00001"),
    ]
    assert day.rows[1].at_text == "2024-05-20 00:30:00"
    assert {r.object_id for r in rows(lib, action="case.publish").rows} == {
        "YS2024-00001",
        "YS2024-00002",
    }
    assert [r.action for r in rows(lib, actor="tian").rows if r.at.year == 2024] == ["case.approve"]
    assert [r.action for r in rows(lib, actor="省管理").rows if r.at.year == 2024] == [
        "user.unlock",
        "case.publish",
        "case.publish",
    ]
    assert [r.action for r in rows(lib, object_type="case", object_id="YS2024-00001").rows] == [
        "case.approve",
        "case.publish",
    ]
    with pytest.raises(ValidationFailed) as e:
        log.parse_filter({"from": "2024-05-21", "to": "2024-05-20"})
    assert [(x.field, x.code) for x in e.value.errors] == [("to", "before_from")]
    with pytest.raises(ValidationFailed) as e:
        log.parse_paging({"page": "0", "per_page": "201"})
    assert {x.field for x in e.value.errors} == {"page", "per_page"}
    with pytest.raises(ValidationFailed) as e:
        log.parse_filter({"from": "20.5.2024", "to": "2024-05-01", "action": "DROP TABLE"})
    assert {x.field for x in e.value.errors} == {"from", "action"}


def test_pages_are_newest_first_without_overlap(lib):
    """120 rows in pages of 50: 3 pages, 20 on the last, each row once."""
    for i in range(120):
        add(lib, "tag.create", "tag", str(1000 + i), name=f"标签{i}")
    seen = []
    for n in (1, 2, 3):
        page = rows(lib, action="tag.create", page=str(n), per_page="50")
        assert (page.total, page.pages) == (120, 3)
        seen += [r.object_id for r in page.rows]
    assert len(seen) == 120 == len(set(seen)) and seen[0] == "1119" and seen[-1] == "1000"
    assert rows(lib, action="tag.create", page="4").rows == []


def test_the_export_holds_exactly_the_filtered_rows_and_is_audited(lib):
    """The workbook read back: the headers, one row per filtered row (every page), the
    same words as the page; the export is an audit row of its own."""
    for i in range(60):
        add(
            lib,
            "case.publish",
            "case",
            f"YS2024-{i:05d}",
            **{"from": "approved", "to": "published"},
        )
    add(lib, "auth.login", "user", "boss")
    flt = log.parse_filter({"action": "case.publish"})
    data, n = export.export_xlsx(lib, actor_of(lib, "boss"), flt)
    page = rows(lib, action="case.publish")
    assert n == page.total == 60
    wb = load_workbook(io.BytesIO(data))
    ws = wb["操作日志"]
    table = list(ws.iter_rows(values_only=True))
    assert table[0] == export.HEADERS
    assert len(table) - 1 == page.total
    first = page.rows[0]
    assert table[1][1:] == (
        first.actor_name,
        "boss",
        "发布入库",
        "案例",
        first.object_label,
        "原状态：已审核；新状态：已发布",
    )
    assert (
        isinstance(table[1][0], datetime)
        and table[1][0].strftime("%Y-%m-%d %H:%M:%S") == first.at_text
    )
    about = dict(wb["筛选条件"].iter_rows(values_only=True))
    assert about["操作"] == "发布入库" and about["记录数"] == 60
    with lib.db.session() as s:
        ev = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert ev.action == "audit.export" and ev.detail == {
        "filters": {"操作": "发布入库"},
        "rows": 60,
    }
    assert rows(lib, action="audit.export").rows[0].details == [
        ("筛选条件", "操作：发布入库"),
        ("行数", "60 行"),
    ]


def test_only_admins_read_or_export_the_audit_log(lib):
    """A submitter is refused (403) and no export row is written."""
    tian = actor_of(lib, "tian")
    with pytest.raises(Forbidden):
        log.audit_page(lib, tian, log.AuditFilter())
    with pytest.raises(Forbidden):
        export.export_xlsx(lib, tian, log.AuditFilter())
    assert rows(lib, action="audit.export").total == 0


def test_beijing_day_bounds():
    """A Beijing day starts at 16:00 UTC the day before."""
    assert log.beijing_day_start(date(2024, 5, 20)) == datetime(2024, 5, 19, 16, 0)
