"""Reading the audit log: filters (person, action, object, Beijing dates), pages, and each
row in words (who by name, the action's Chinese name, the object by its name, the details
as ``title：value`` pairs, the time in 北京时间)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..accounts.models import AuditEvent, Unit, User
from ..cases.models import CASE_TYPE_TITLES, STATUS_TITLES, Case
from ..errors import FieldError, ValidationFailed
from ..permissions import ROLE_TITLES, require
from ..vocab.models import Tag, Theme
from ..vocab.regions import region_label
from ..workflow.models import Call
from . import names as N

if TYPE_CHECKING:
    from ..accounts.audit import Actor
    from ..context import Library

BEIJING = timezone(timedelta(hours=8))
PER_PAGE = 50
MAX_PER_PAGE = 200
_CODE = re.compile(r"^[a-z_]+(\.[a-z_]+)*$")
# How many case numbers a detail lists before "等 N 个".
CASES_SHOWN = 20


def to_beijing(at: datetime) -> datetime:
    """A stored time (naive UTC) as an aware Beijing time."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(BEIJING)


def beijing_text(at: datetime | str | None, fmt: str = "%Y-%m-%d %H:%M:%S") -> str:
    if at in (None, ""):
        return ""
    if isinstance(at, str):
        try:
            at = datetime.fromisoformat(at.replace("Z", "+00:00"))
        except ValueError:
            return at
    return to_beijing(at).strftime(fmt)


def beijing_day_start(d: date) -> datetime:
    """The UTC instant (naive, as stored) a Beijing calendar day begins."""
    return datetime(d.year, d.month, d.day, tzinfo=BEIJING).astimezone(UTC).replace(tzinfo=None)


# -- filters --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    """Which rows: ``actor`` (a text in the user name or the person's name), ``action`` (a
    code), ``object_type`` and ``object_id``, ``date_from``/``date_to`` (Beijing calendar
    days, both included)."""

    actor: str | None = None
    action: str | None = None
    object_type: str | None = None
    object_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def params(self) -> dict[str, str]:
        """The filter as query parameters (the page's URL, the export's link)."""
        pairs = (
            ("actor", self.actor),
            ("action", self.action),
            ("object_type", self.object_type),
            ("object_id", self.object_id),
            ("from", self.date_from.isoformat() if self.date_from else None),
            ("to", self.date_to.isoformat() if self.date_to else None),
        )
        return {k: v for k, v in pairs if v}

    def described(self) -> list[tuple[str, str]]:
        """The filter in words, for the export's sheet and the export's audit row."""
        out = []
        if self.actor:
            out.append(("操作人", self.actor))
        if self.action:
            out.append(("操作", N.action_name(self.action)))
        if self.object_type:
            out.append(("对象类型", N.OBJECT_TYPES.get(self.object_type, self.object_type)))
        if self.object_id:
            out.append(("对象编号", self.object_id))
        if self.date_from:
            out.append(("起始日期（北京时间）", self.date_from.isoformat()))
        if self.date_to:
            out.append(("截止日期（北京时间）", self.date_to.isoformat()))
        return out


def parse_filter(raw: Mapping[str, Any]) -> AuditFilter:
    """A filter from query parameters (``actor``, ``action``, ``object_type``,
    ``object_id``, ``from``, ``to``); every bad one reported at once."""
    errors: list[FieldError] = []

    def text(key: str, limit: int) -> str | None:
        value = raw.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            errors.append(FieldError(key, "invalid_type", "应为文本"))
            return None
        value = value.strip()
        if len(value) > limit:
            errors.append(FieldError(key, "too_long", f"不能超过 {limit} 字"))
            return None
        return value or None

    def day(key: str) -> date | None:
        value = text(key, 10)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            errors.append(FieldError(key, "invalid_format", "日期格式应为 YYYY-MM-DD"))
            return None

    actor = text("actor", 64)
    action = text("action", 40)
    if action and not _CODE.match(action):
        errors.append(FieldError("action", "invalid_choice", "请从列表中选择操作"))
    object_type = text("object_type", 40)
    if object_type and not _CODE.match(object_type):
        errors.append(FieldError("object_type", "invalid_choice", "请从列表中选择对象类型"))
    object_id = text("object_id", 64)
    date_from, date_to = day("from"), day("to")
    if date_from and date_to and date_to < date_from:
        errors.append(FieldError("to", "before_from", "截止日期不能早于起始日期"))
    if errors:
        raise ValidationFailed(errors)
    return AuditFilter(actor, action, object_type, object_id, date_from, date_to)


def parse_paging(raw: Mapping[str, Any]) -> tuple[int, int]:
    """``page`` (1 first) and ``per_page`` (1–200, 50 unless given)."""
    errors: list[FieldError] = []

    def number(key: str, default: int, low: int, high: int) -> int:
        value = raw.get(key)
        if value in (None, ""):
            return default
        try:
            n = int(value)
        except (TypeError, ValueError):
            n = None
        if n is None or isinstance(value, bool) or not low <= n <= high:
            errors.append(FieldError(key, "out_of_range", f"应为 {low}–{high} 的整数"))
            return default
        return n

    page = number("page", 1, 1, 100_000)
    per_page = number("per_page", PER_PAGE, 1, MAX_PER_PAGE)
    if errors:
        raise ValidationFailed(errors)
    return page, per_page


def _where(stmt, flt: AuditFilter):
    if flt.actor:
        like = "%" + re.sub(r"([\\%_])", r"\\\1", flt.actor) + "%"
        named = select(User.id).where(User.display_name.ilike(like, escape="\\"))
        stmt = stmt.where(
            or_(AuditEvent.actor.ilike(like, escape="\\"), AuditEvent.user_id.in_(named))
        )
    if flt.action:
        stmt = stmt.where(AuditEvent.action == flt.action)
    if flt.object_type:
        stmt = stmt.where(AuditEvent.object_type == flt.object_type)
    if flt.object_id:
        stmt = stmt.where(AuditEvent.object_id == flt.object_id)
    if flt.date_from:
        stmt = stmt.where(AuditEvent.at >= beijing_day_start(flt.date_from))
    if flt.date_to:
        stmt = stmt.where(AuditEvent.at < beijing_day_start(flt.date_to + timedelta(days=1)))
    return stmt


# -- rows -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime  # UTC, naive, as stored
    actor: str  # the user name (or cli:<os user>, or the name typed at a failed login)
    actor_name: str  # 椒江区填报员（tianbao）, 命令行（cli:root）
    action: str
    action_name: str
    object_type: str
    object_type_name: str
    object_id: str | None
    object_label: str
    details: list[tuple[str, str]] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def at_text(self) -> str:
        """北京时间, to the second."""
        return beijing_text(self.at)

    @property
    def detail_text(self) -> str:
        return "；".join(f"{k}：{v}" for k, v in self.details)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": to_beijing(self.at).isoformat(timespec="seconds"),
            "at_utc": self.at.isoformat(timespec="seconds") + "Z",
            "actor": self.actor,
            "actor_name": self.actor_name,
            "action": self.action,
            "action_name": self.action_name,
            "object_type": self.object_type,
            "object_type_name": self.object_type_name,
            "object_id": self.object_id,
            "object": self.object_label,
            "details": [{"title": k, "text": v} for k, v in self.details],
            "detail": self.detail,
        }


class _Names:
    """The names of what a batch of rows refers to, looked up once per batch."""

    def __init__(self, session: Session, events: list[AuditEvent]):
        user_ids = {e.user_id for e in events if e.user_id}
        usernames = {e.object_id for e in events if e.object_type == "user" and e.object_id}
        unit_ids: set[int] = set()
        ids: dict[str, set[int]] = {"call": set(), "theme": set(), "tag": set()}
        case_nos = {e.object_id for e in events if e.object_type == "case" and e.object_id}
        for e in events:
            d = e.detail or {}
            if e.object_type == "unit" and _digits(e.object_id):
                unit_ids.add(int(e.object_id))
            if e.object_type in ids and _digits(e.object_id):
                ids[e.object_type].add(int(e.object_id))
            for value in [d.get("unit_id"), *(d.get("units") or [])]:
                if isinstance(value, int) and not isinstance(value, bool):
                    unit_ids.add(value)
        users = list(
            session.scalars(
                select(User).where(or_(User.id.in_(user_ids), User.username.in_(usernames)))
            )
        )
        self.user_by_id = {u.id: u for u in users}
        self.user_by_name = {u.username: u for u in users}
        self.units = _lookup(session, Unit.id, Unit.name, unit_ids)
        self.calls = _lookup(session, Call.id, Call.title, ids["call"])
        self.themes = _lookup(session, Theme.id, Theme.name, ids["theme"])
        self.tags = _lookup(session, Tag.id, Tag.name, ids["tag"])
        self.cases = _lookup(session, Case.case_no, Case.name, case_nos)

    def unit(self, unit_id: Any) -> str:
        return self.units.get(unit_id) or f"单位 {unit_id}"


def _digits(value: str | None) -> bool:
    return bool(value) and value.isdigit()


def _lookup(session: Session, key, value, keys: set) -> dict:
    out: dict = {}
    keys_list = sorted(keys)
    for i in range(0, len(keys_list), 500):
        out.update(session.execute(select(key, value).where(key.in_(keys_list[i : i + 500]))).all())
    return out


def _person(user: User | None, fallback: str) -> str:
    if user is None:
        return fallback
    name = user.display_name or user.username
    return name if name == user.username else f"{name}（{user.username}）"


def _actor_name(e: AuditEvent, names: _Names) -> str:
    if e.actor.startswith("cli:"):
        return f"命令行（{e.actor[4:]}）"
    return _person(names.user_by_id.get(e.user_id) if e.user_id else None, e.actor)


def _object_label(e: AuditEvent, names: _Names) -> str:
    oid, d = e.object_id, e.detail or {}
    if not oid:
        return N.OBJECT_TYPES.get(e.object_type, e.object_type)
    if e.object_type == "case":
        name = names.cases.get(oid) or d.get("name")
        return f"{oid}《{name}》" if name else oid
    if e.object_type == "user":
        return _person(names.user_by_name.get(oid), oid)
    if e.object_type == "unit" and oid.isdigit():
        return names.units.get(int(oid)) or d.get("name") or f"单位 {oid}"
    if e.object_type == "call" and oid.isdigit():
        return names.calls.get(int(oid)) or d.get("title") or f"征集通知 {oid}"
    if e.object_type in ("theme", "tag") and oid.isdigit():
        table = names.themes if e.object_type == "theme" else names.tags
        current = table.get(int(oid))
        if current is None:  # deleted or merged since: the name it had
            return str(d.get("name") or oid) + "（已删除）"
        return current
    return oid


def _yes(value: Any) -> str:
    return "是" if value else "否"


def _findings(items: Any) -> str:
    """Place and person names found (dicts of the anonymity check): 张三→某同志、…"""
    out = []
    for f in items or []:
        if isinstance(f, dict) and f.get("text"):
            repl = f.get("replacement")
            page = f"（第 {f['page']} 页）" if f.get("page") else ""
            out.append(f"{f['text']}→{repl}{page}" if repl else f"{f['text']}{page}")
        elif f:
            out.append(str(f))
    return "、".join(out)


def _value(key: str, value: Any, names: _Names, object_type: str) -> str:
    """One detail value in words, by what its key means."""
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if key == "reason":
        return N.REASONS.get(value, str(value))
    if key in ("from", "to", "status"):
        return STATUS_TITLES.get(value, str(value))
    if key == "role":
        return ROLE_TITLES.get(value, str(value))
    if key == "region":
        return region_label(value) or str(value)
    if key == "source":
        return N.SOURCES.get(value, str(value))
    if key == "kind" and object_type == "theme":
        return N.THEME_KINDS.get(value, str(value))
    if key == "case_types":
        return "、".join(CASE_TYPE_TITLES.get(v, str(v)) for v in value)
    if object_type == "value_import" and isinstance(value, int):
        return f"{value} 行"
    if key == "changed":
        if object_type == "indicator":
            return "、".join(N.INDICATOR_FIELDS.get(v, str(v)) for v in value)
        return "、".join(N.detail_title(v, "case") for v in value)
    if key in ("deadline", "expires_at"):
        return beijing_text(value, "%Y-%m-%d %H:%M") + "（北京时间）"
    if key == "unit_id":
        return names.unit(value)
    if key == "units":
        return f"{len(value)} 个：" + "、".join(names.unit(v) for v in value)
    if key in ("anonymized", "kept_possible") and isinstance(value, dict):
        return "；".join(
            f"{N.detail_title(f, 'case')}：{_findings(items)}" for f, items in value.items()
        )
    if key == "names_in_file":
        return _findings(value)
    if key == "cases":
        if isinstance(value, int):
            return f"{value} 个"
        shown = "、".join(map(str, value[:CASES_SHOWN]))
        more = " 等" if len(value) > CASES_SHOWN else ""
        return f"{len(value)} 个：{shown}{more}" if value else "0 个"
    if key == "generated":
        return "随机生成的临时密码" if value else "管理员设定的密码"
    if key == "position":
        return f"第 {value} 位"
    if key == "members":
        return f"{value} 个"
    if key == "tokens_revoked":
        return f"{value} 个"
    if key == "failures":
        return f"{value} 次"
    if key == "days_before":
        return f"{value} 天"
    if key == "notified":
        return f"{value} 人"
    if key == "rows":
        return f"{value} 行"
    if key == "filters" and isinstance(value, dict):
        return "；".join(f"{k}：{v}" for k, v in value.items()) or "无"
    if isinstance(value, bool):
        return _yes(value)
    if isinstance(value, list):
        return "、".join(_value(key, v, names, object_type) or str(v) for v in value)
    if isinstance(value, dict):
        return "，".join(
            f"{N.detail_title(k, object_type)}：{_value(k, v, names, object_type)}"
            for k, v in value.items()
            if _value(k, v, names, object_type)
        )
    return str(value)


def render_details(
    detail: Mapping[str, Any] | None, names: _Names, object_type: str
) -> list[tuple[str, str]]:
    """A row's details as (title, text) pairs; ``changes`` ({key: [before, after]}) as one
    pair per changed key, ``before → after``."""
    out: list[tuple[str, str]] = []
    for key, value in (detail or {}).items():
        if key == "changes" and isinstance(value, dict):
            for k, pair in value.items():
                if isinstance(pair, list | tuple) and len(pair) == 2:
                    a, b = (_value(k, v, names, object_type) or "（无）" for v in pair)
                    out.append((N.detail_title(k, object_type), f"{a} → {b}"))
            continue
        text = _value(key, value, names, object_type)
        if text:
            out.append((N.detail_title(key, object_type), text))
    return out


def _rows(session: Session, events: list[AuditEvent]) -> list[AuditRow]:
    names = _Names(session, events)
    return [
        AuditRow(
            id=e.id,
            at=e.at,
            actor=e.actor,
            actor_name=_actor_name(e, names),
            action=e.action,
            action_name=N.action_name(e.action),
            object_type=e.object_type,
            object_type_name=N.OBJECT_TYPES.get(e.object_type, e.object_type),
            object_id=e.object_id,
            object_label=_object_label(e, names),
            details=render_details(e.detail, names, e.object_type),
            detail=dict(e.detail or {}),
        )
        for e in events
    ]


# -- pages ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    total: int
    page: int
    per_page: int
    filter: AuditFilter

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "page": self.page,
            "pages": self.pages,
            "per_page": self.per_page,
            "filter": self.filter.params(),
            "items": [r.as_dict() for r in self.rows],
        }


def audit_page(
    lib: Library, actor: Actor, flt: AuditFilter, page: int = 1, per_page: int = PER_PAGE
) -> AuditPage:
    """One page of the filtered rows, newest first, with the filtered total."""
    require(actor, "audit.read")
    with lib.db.session() as session:
        total = session.scalar(_where(select(func.count()).select_from(AuditEvent), flt)) or 0
        events = list(
            session.scalars(
                _where(select(AuditEvent), flt)
                .order_by(AuditEvent.id.desc())
                .offset((page - 1) * per_page)
                .limit(per_page)
            )
        )
        rows = _rows(session, events)
    return AuditPage(rows, int(total), page, per_page, flt)


def count(lib: Library, actor: Actor, flt: AuditFilter) -> int:
    require(actor, "audit.read")
    with lib.db.session() as session:
        return int(session.scalar(_where(select(func.count()).select_from(AuditEvent), flt)) or 0)


def iter_rows(
    lib: Library, actor: Actor, flt: AuditFilter, chunk: int = 1000
) -> Iterator[AuditRow]:
    """Every filtered row, newest first, read in chunks (for the export)."""
    require(actor, "audit.read")
    last: int | None = None
    with lib.db.session() as session:
        while True:
            stmt = _where(select(AuditEvent), flt).order_by(AuditEvent.id.desc()).limit(chunk)
            if last is not None:
                stmt = stmt.where(AuditEvent.id < last)
            events = list(session.scalars(stmt))
            if not events:
                return
            yield from _rows(session, events)
            last = events[-1].id
            session.expunge_all()


def people(lib: Library, actor: Actor) -> list[tuple[str, str]]:
    """Who may appear as the actor (for the filter's suggestions): (user name, label)."""
    require(actor, "audit.read")
    with lib.db.session() as session:
        users = session.scalars(select(User).order_by(User.username))
        return [(u.username, _person(u, u.username)) for u in users]
