"""征集通知: a coordinator's call for cases. A call has a title, the notice's text and its
attachment files, a deadline (Beijing time, stored in UTC), target units (picked one by
one or by region) and, optionally, the case types it accepts. Target units see it in
their to-do list and answer it with cases; the call's page shows each target unit's state
(未报送 / 草稿 / 已提交 / 已审核 / 已发布 / 已退回 / 逾期). Late submissions are accepted and
marked 逾期."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from indexer import MACRO_EXTENSIONS, has_macros

from ..accounts import audit
from ..accounts.audit import Actor
from ..accounts.models import Unit
from ..accounts.units import unit_members
from ..cases.models import CASE_TYPE_TITLES, CASE_TYPES, STATUS_TITLES, Case
from ..errors import FieldError, NotFound, ValidationFailed
from ..permissions import can, in_scope, require
from ..storage.base import MAX_ID, utcnow
from ..storage.files import safe_name
from ..validation import json_int
from ..vocab.regions import region_label, within
from .models import Call, CallAttachment, CallTarget
from .notifications import deliver_soon, notify

if TYPE_CHECKING:
    from ..cases.submit import Upload
    from ..context import Library

BEIJING = timezone(timedelta(hours=8))
TITLE_MAX = 100
NOTICE_MAX = 20000
ATTACHMENTS_MAX = 10

# A target unit's state in a call, from its cases answering the call.
UNIT_STATES = {
    "not_submitted": "未报送",
    "draft": "草稿",
    "submitted": "已提交",
    "approved": "已审核",
    "published": "已发布",
    "returned": "已退回",
    "overdue": "逾期",
}
# The furthest a unit's cases got (a unit may send several cases).
_RANK = {"withdrawn": 0, "draft": 1, "returned": 2, "submitted": 3, "approved": 4, "published": 5}
SUBMITTED_STATES = ("submitted", "approved", "published")


def parse_deadline(value: Any) -> datetime | None:
    """An ISO 8601 date-time (a time without an offset is Beijing time; a date alone is
    the end of that day) as naive UTC; None when it cannot be read."""
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, str) and value.strip():
        text = value.strip().replace("Z", "+00:00")
        try:
            dt = datetime.fromisoformat(text)
        except ValueError:
            return None
        if len(text) == 10:  # a date: the end of that day
            dt = dt.replace(hour=23, minute=59, second=59)
    else:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=BEIJING)
    return dt.astimezone(UTC).replace(tzinfo=None)


def beijing_iso(dt: datetime) -> str:
    return dt.replace(tzinfo=UTC).astimezone(BEIJING).isoformat(timespec="minutes")


def beijing_text(dt: datetime) -> str:
    """2021-12-13 15:00 (Beijing time, as people write a deadline)."""
    return dt.replace(tzinfo=UTC).astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")


@dataclass
class CallScope:
    """What the permission checks look at for a call: its region and its target units."""

    region_code: str | None
    unit_ids: list[int]
    created_by_id: int | None = None


def _scope(call: Call) -> CallScope:
    return CallScope(call.region_code, [t.unit_id for t in call.targets], call.created_by_id)


def can_view(actor: Actor, call: Call) -> bool:
    if can(actor, "call.manage", _scope(call)):
        return True
    return actor.role in ("submitter", "approver") and can(actor, "call.view", _scope(call))


def _int_list(value: Any) -> list[int] | None:
    if value in (None, "", []):
        return []
    if isinstance(value, str):
        value = [v for v in value.replace("，", ",").split(",") if v.strip()]
    if not isinstance(value, (list, tuple)):
        return None
    out = []
    for v in value:
        n = json_int(v)
        if n is None and isinstance(v, str):
            try:
                n = int(v)
            except ValueError:
                return None
        if n is None:
            return None
        if not 1 <= n <= MAX_ID:
            return None
        out.append(n)
    return out


def create_call(
    lib: Library, data: dict[str, Any], actor: Actor, attachments: list[Upload] | None = None
) -> dict[str, Any]:
    """Create a call (every bad field reported at once) and notify the target units."""
    require(actor, "call.create")
    attachments = list(attachments or [])
    errors: list[FieldError] = [
        FieldError("attachments", "empty_file", f"附件“{a.filename}”是空的（0 字节），请检查")
        for a in attachments
        if not a.data
    ]
    sent_title = data.get("title") if isinstance(data.get("title"), str) else ""
    title = sent_title.strip()
    notice = data.get("notice") or ""
    if not isinstance(notice, str):
        notice, bad_notice = "", True
    else:
        bad_notice = False
    if not title:
        errors.append(FieldError("title", "required", "通知标题为必填项"))
    elif len(sent_title) > TITLE_MAX:  # the limit is on what was sent, as the API says
        errors.append(FieldError("title", "too_long", f"通知标题不能超过 {TITLE_MAX} 字"))
    if bad_notice:
        errors.append(FieldError("notice", "invalid_type", "通知正文应为文本"))
    elif len(notice) > NOTICE_MAX:
        errors.append(FieldError("notice", "too_long", f"通知正文不能超过 {NOTICE_MAX} 字"))
    deadline = parse_deadline(data.get("deadline"))
    if data.get("deadline") in (None, ""):
        errors.append(FieldError("deadline", "required", "截止时间为必填项"))
    elif deadline is None:
        errors.append(
            FieldError(
                "deadline", "invalid_format", "截止时间格式应为 YYYY-MM-DDTHH:MM（北京时间）"
            )
        )
    elif deadline <= utcnow():
        errors.append(FieldError("deadline", "in_past", "截止时间应晚于现在"))
    case_types = data.get("case_types")
    if isinstance(case_types, str):
        case_types = [t for t in case_types.replace("，", ",").split(",") if t.strip()]
    if case_types in (None, []):
        case_types = None
    elif not isinstance(case_types, list) or any(t not in CASE_TYPES for t in case_types):
        errors.append(
            FieldError("case_types", "invalid_choice", "案例类型应为 " + "、".join(CASE_TYPES))
        )
        case_types = None
    unit_ids = _int_list(data.get("target_unit_ids"))
    if unit_ids is None:
        errors.append(FieldError("target_unit_ids", "invalid_type", "目标单位应为单位编号列表"))
        unit_ids = []
    region = data.get("target_region") or None
    if region is not None and not isinstance(region, str):
        errors.append(FieldError("target_region", "invalid_type", "目标地区应为行政区划代码"))
        region = None
    if len(attachments) > ATTACHMENTS_MAX:
        errors.append(FieldError("attachments", "too_many", f"附件最多 {ATTACHMENTS_MAX} 个"))
    max_bytes = lib.settings.max_upload_mb * 1024 * 1024
    for a in attachments:
        if has_macros(a.data) or extension_of(a.filename) in MACRO_EXTENSIONS:
            errors.append(
                FieldError(
                    "attachments",
                    "macro_enabled",
                    f"附件“{a.filename}”含有宏（启用宏的 Office 文档），不能上传",
                )
            )
        if len(a.data) > max_bytes:
            errors.append(
                FieldError(
                    "attachments",
                    "too_large",
                    f"附件“{a.filename}”超过 {lib.settings.max_upload_mb} MB",
                )
            )
    with lib.db.transaction() as session:
        units = _targets(session, unit_ids, region, actor, errors)
        if errors:
            raise ValidationFailed(errors)
        call = Call(
            title=title,
            notice=notice.strip(),
            deadline=deadline,
            case_types=case_types,
            region_code=actor.region_code,
            created_by_id=actor.user_id,
        )
        call.targets = [CallTarget(unit_id=u.id) for u in units]
        for a in attachments:
            sha = lib.files.put(a.data)
            call.attachments.append(
                CallAttachment(
                    file_name=_safe_name(a.filename),
                    sha256=sha,
                    size=len(a.data),
                    media_type=_media_type(a.filename),
                )
            )
        session.add(call)
        session.flush()
        audit.record(
            session,
            actor,
            "call.create",
            "call",
            str(call.id),
            title=title,
            deadline=beijing_iso(deadline),
            units=[u.id for u in units],
            case_types=case_types,
        )
        notify(
            session,
            unit_members(session, [u.id for u in units], ("submitter", "approver")),
            "call",
            f"新的征集通知：{title}",
            f"请于 {beijing_text(deadline)}（北京时间）前经分管领导审阅后报送案例。",
            f"/calls/{call.id}",
            exclude=actor.user_id,
        )
        call_id = call.id
    deliver_soon(lib)
    return get_call(lib, call_id, actor)


def _targets(
    session: Session,
    unit_ids: list[int],
    region: str | None,
    actor: Actor,
    errors: list[FieldError],
) -> list[Unit]:
    units: dict[int, Unit] = {}
    if unit_ids:
        found = {u.id: u for u in session.scalars(select(Unit).where(Unit.id.in_(unit_ids)))}
        missing = [i for i in unit_ids if i not in found or not found[i].active]
        if missing:
            errors.append(
                FieldError(
                    "target_unit_ids",
                    "not_found",
                    "单位不存在：" + "、".join(str(i) for i in missing),
                )
            )
        units.update((i, u) for i, u in found.items() if u.active)
    if region:
        in_region = [
            u
            for u in session.scalars(select(Unit).where(Unit.active.is_(True)))
            if within(u.region_code, region)
        ]
        if not in_region:
            errors.append(FieldError("target_region", "not_found", "该地区没有单位"))
        units.update((u.id, u) for u in in_region)
    if not units and not any(e.field.startswith("target") for e in errors):
        errors.append(FieldError("target_unit_ids", "required", "请选择至少一个目标单位"))
    outside = [u.name for u in units.values() if not in_scope(actor, "region", u)]
    if outside and actor.role != "admin":
        errors.append(
            FieldError(
                "target_unit_ids",
                "out_of_scope",
                "只能向本地区的单位发通知：" + "、".join(outside[:5]),
            )
        )
    return sorted(units.values(), key=lambda u: (u.region_code or "", u.name))


def extension_of(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def _safe_name(name: str) -> str:
    return safe_name(name, "附件")


def _media_type(name: str) -> str:
    import mimetypes

    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def _load(session: Session, call_id: int) -> Call:
    call = session.scalar(
        select(Call)
        .where(Call.id == call_id)
        .options(selectinload(Call.targets), selectinload(Call.attachments))
    )
    if call is None:
        raise NotFound(f"征集通知不存在：{call_id}", code="call_not_found")
    return call


def call_title(session: Session, call_id: int) -> str:
    """A call's title, for whoever reads the briefing of its published cases (no
    permission check: the title of a published notice); ``call_not_found`` otherwise."""
    return _load(session, call_id).title


def visible_call(session: Session, call_id: int, actor: Actor) -> Call:
    call = _load(session, call_id)
    if not can_view(actor, call):
        raise NotFound(f"征集通知不存在：{call_id}", code="call_not_found")
    return call


def unit_state(cases: list[Case], deadline: datetime, now: datetime) -> str:
    if not cases:
        return "overdue" if now > deadline else "not_submitted"
    best = max(cases, key=lambda c: _RANK.get(c.status, 0)).status
    if best in ("draft", "withdrawn"):
        return "overdue" if now > deadline else "draft"
    return best


def completion(state: str, cases: list[Any]) -> str:
    """How a target unit answered a call, from its state (:func:`unit_state`) and its
    cases: ``on_time`` (a case sent — submitted, approved or published — not marked 逾期),
    ``late`` (sent, but every sent case after the deadline) or ``not_submitted``."""
    if state not in SUBMITTED_STATES:
        return "not_submitted"
    sent = [c for c in cases if c.status in SUBMITTED_STATES]
    return "on_time" if any(not c.late for c in sent) else "late"


@dataclass(frozen=True)
class TargetAnswer:
    unit_id: int
    state: str  # UNIT_STATES
    completion: str  # on_time | late | not_submitted
    case_ids: tuple[int, ...]


@dataclass(frozen=True)
class CallCompletion:
    """A call with how each of its target units answered it (the semantics of
    :func:`progress`), for the statistics."""

    id: int
    title: str
    deadline: datetime  # UTC
    region_code: str | None
    answers: tuple[TargetAnswer, ...]


def completions(
    session: Session, now: datetime | None = None, *, cases: list[Any] | None = None
) -> list[CallCompletion]:
    """Every call with each target unit's state and completion, in three queries (Core
    rows: the statistics call this on every request). ``cases``: the cases already read
    by the caller (anything with ``id``, ``call_id``, ``unit_id``, ``status``, ``late``)."""
    now = now or utcnow()
    conn = session.connection()
    answers: dict[tuple[int, int | None], list[Any]] = {}
    if cases is None:
        cases = conn.execute(
            select(Case.id, Case.call_id, Case.unit_id, Case.status, Case.late).where(
                Case.call_id.is_not(None)
            )
        ).all()
    for row in sorted((c for c in cases if c.call_id is not None), key=lambda c: c.id):
        answers.setdefault((row.call_id, row.unit_id), []).append(row)
    targets: dict[int, list[int]] = {}
    for call_id, unit_id in conn.execute(
        select(CallTarget.call_id, CallTarget.unit_id).order_by(CallTarget.unit_id)
    ):
        targets.setdefault(call_id, []).append(unit_id)
    out = []
    for call_id, title, deadline, region_code in conn.execute(
        select(Call.id, Call.title, Call.deadline, Call.region_code).order_by(Call.id)
    ):
        items = []
        for unit_id in targets.get(call_id, []):
            cases = answers.get((call_id, unit_id), [])
            state = unit_state(cases, deadline, now)
            items.append(
                TargetAnswer(unit_id, state, completion(state, cases), tuple(c.id for c in cases))
            )
        out.append(CallCompletion(call_id, title, deadline, region_code, tuple(items)))
    return out


def progress(
    session: Session, call: Call, actor: Actor, now: datetime | None = None
) -> dict[str, Any]:
    """Every target unit with its state and cases, and the counts. A case number is listed
    only to those who may see that case."""
    from ..permissions import can_view_case

    now = now or utcnow()
    unit_ids = [t.unit_id for t in call.targets]
    units = {u.id: u for u in session.scalars(select(Unit).where(Unit.id.in_(unit_ids)))}
    answers: dict[int | None, list[Case]] = {}
    for c in session.scalars(select(Case).where(Case.call_id == call.id).order_by(Case.id)):
        answers.setdefault(c.unit_id, []).append(c)
    rows = []
    counts = dict.fromkeys(UNIT_STATES, 0)
    submitted = on_time = late = 0
    for uid in unit_ids:
        cases = answers.get(uid, [])
        state = unit_state(cases, call.deadline, now)
        counts[state] += 1
        answered = completion(state, cases)
        if answered != "not_submitted":
            submitted += 1
            if answered == "on_time":
                on_time += 1
            else:
                late += 1
        unit = units.get(uid)
        rows.append(
            {
                "unit_id": uid,
                "unit": unit.name if unit else str(uid),
                "region_code": unit.region_code if unit else None,
                "state": state,
                "state_title": UNIT_STATES[state],
                "late": any(c.late for c in cases),
                "cases": [c.case_no for c in cases if can_view_case(actor, c)],
                "case_states": {c.case_no: c.status for c in cases if can_view_case(actor, c)},
            }
        )
    return {
        "target": len(unit_ids),
        "submitted": submitted,
        "on_time": on_time,
        "late": late,
        "not_submitted": len(unit_ids) - submitted,
        "counts": counts,
        "units": rows,
    }


def call_dict(call: Call, *, now: datetime | None = None) -> dict[str, Any]:
    now = now or utcnow()
    return {
        "id": call.id,
        "title": call.title,
        "notice": call.notice,
        "deadline": beijing_iso(call.deadline),
        "deadline_text": beijing_text(call.deadline),
        "deadline_utc": call.deadline.isoformat(timespec="seconds") + "Z",
        "overdue": now > call.deadline,
        "closed": call.closed_at is not None,
        "case_types": call.case_types,
        "case_type_titles": [CASE_TYPE_TITLES[t] for t in call.case_types or CASE_TYPES],
        "region_code": call.region_code,
        "region": region_label(call.region_code) if call.region_code else None,
        "target_unit_ids": [t.unit_id for t in call.targets],
        "attachments": [
            {"id": a.id, "file_name": a.file_name, "size": a.size, "media_type": a.media_type}
            for a in call.attachments
        ],
        "created_at": call.created_at.isoformat(timespec="seconds") + "Z",
    }


def get_call(lib: Library, call_id: int, actor: Actor) -> dict[str, Any]:
    """The call with its ``progress`` (for those who may see it; 404 for the others)."""
    with lib.db.session() as session:
        call = visible_call(session, call_id, actor)
        out = call_dict(call)
        out["progress"] = progress(session, call, actor)
        out["can_manage"] = can(actor, "call.manage", _scope(call))
        return out


def list_calls(lib: Library, actor: Actor) -> list[dict[str, Any]]:
    """The calls the actor may see (a coordinator's region, a unit's own), newest first,
    each with its progress counts and, for a unit, its own state."""
    with lib.db.session() as session:
        calls = session.scalars(
            select(Call)
            .options(selectinload(Call.targets), selectinload(Call.attachments))
            .order_by(Call.deadline.desc(), Call.id.desc())
        )
        out = []
        for call in calls:
            if not can_view(actor, call):
                continue
            item = call_dict(call)
            prog = progress(session, call, actor)
            item["progress"] = {k: v for k, v in prog.items() if k != "units"}
            mine = [u for u in prog["units"] if u["unit_id"] == actor.unit_id]
            item["my_state"] = mine[0]["state"] if mine else None
            item["my_state_title"] = mine[0]["state_title"] if mine else None
            out.append(item)
        return out


def close_call(lib: Library, call_id: int, actor: Actor) -> dict[str, Any]:
    with lib.db.transaction() as session:
        call = visible_call(session, call_id, actor)
        require(actor, "call.manage", _scope(call))
        if call.closed_at is None:
            call.closed_at = utcnow()
            audit.record(session, actor, "call.close", "call", str(call.id), title=call.title)
    return get_call(lib, call_id, actor)


def attachment_file(lib: Library, call_id: int, attachment_id: int, actor: Actor):
    from ..cases.read import StoredFile

    with lib.db.session() as session:
        call = visible_call(session, call_id, actor)
        att = next((a for a in call.attachments if a.id == attachment_id), None)
        if att is None:
            raise NotFound("附件不存在", code="attachment_not_found")
        name, media, sha = att.file_name, att.media_type, att.sha256
    if not lib.files.exists(sha):
        raise NotFound("附件文件已丢失，请联系管理员", code="file_missing")
    return StoredFile(name=name, media_type=media, data=lib.files.get(sha), sha256=sha, format="")


def check_answer(session: Session, call_id: Any, actor: Actor, case_type: str | None) -> Call:
    """The call a new or edited case answers: it must exist, be addressed to the actor's
    unit (or the actor may manage it) and accept the case's type. Late is allowed."""
    try:
        cid = json_int(call_id)
        if cid is None:
            if not isinstance(call_id, str):
                raise TypeError(call_id)
            cid = int(call_id)
    except (TypeError, ValueError):
        raise ValidationFailed(
            [FieldError("call_id", "invalid_type", "征集通知编号应为整数")]
        ) from None
    try:
        if not 1 <= cid <= MAX_ID:
            raise NotFound()
        call = visible_call(session, cid, actor)
    except NotFound:
        raise ValidationFailed(
            [FieldError("call_id", "not_found", f"征集通知不存在：{cid}")]
        ) from None
    targets = {t.unit_id for t in call.targets}
    if actor.unit_id not in targets and not can(actor, "call.manage", _scope(call)):
        raise ValidationFailed(
            [FieldError("call_id", "not_targeted", "本单位不在该征集通知的报送范围内")]
        )
    if call.closed_at is not None:
        raise ValidationFailed([FieldError("call_id", "closed", "该征集通知已结束征集")])
    if call.case_types and case_type and case_type not in call.case_types:
        accepted = "、".join(CASE_TYPE_TITLES[t] for t in call.case_types)
        raise ValidationFailed(
            [FieldError("case_type", "not_accepted", f"该征集通知只接受：{accepted}")]
        )
    return call


def status_title(status: str) -> str:
    return STATUS_TITLES.get(status, status)
