"""Warnings (监测预警): computed from the values when values or rules change, listed and
filtered (所属地区, 预警指标, period, state, evidence text), read with their explanation,
trend and rectifications, closed by a coordinator; the map's counts and a region's page.

Recomputing an indicator (:func:`recompute`, inside the transaction of the import or the
rule change) compares, per period, the regions of one level of one province
(:mod:`.figures`) and then:

* a value beyond the line that has no warning gets one (待整改), and the units of its
  region are notified (one notification per region and change);
* a warning's figures are kept current; a warning whose value is no longer beyond the
  line (a corrected value, a changed rule) is withdrawn when nothing refers to it yet (no
  rectification, no case), else resolved (已整改, ``recomputed``);
* an open warning whose region's next period (of the same kind: year or quarter) is back
  inside the line is resolved (``next_period``); if that next value changes again and is
  beyond the line, the warning is reopened.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Text, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from ..accounts import audit
from ..accounts.audit import Actor
from ..accounts.units import region_members, region_units, unit_members
from ..errors import Conflict, FieldError, NotFound, ValidationFailed
from ..permissions import can, require
from ..storage.base import Meta, utcnow
from ..vocab.regions import (
    normalize_region,
    region_children,
    region_label,
    region_name,
    regions,
    scope_prefix,
)
from ..workflow.notifications import deliver_soon, notify
from . import figures
from .figures import Figures, compare, explain, format_value, rule_text
from .indicators import by_name, find_group, indicator_dict, rules_of
from .models import (
    STATE_TITLES,
    EvidenceFile,
    Indicator,
    IndicatorGroup,
    IndicatorValue,
    MonitoringWarning,
    Rectification,
    WarningEvent,
)
from .periods import normalize_period, period_title, same_kind, sort_key

if TYPE_CHECKING:
    from ..context import Library

UNRESOLVED = ("open", "rectifying")
# The state filter: codes, their titles, and 未整改完成 (open or rectifying).
STATE_FILTERS = {
    "open": ("open",),
    "rectifying": ("rectifying",),
    "resolved": ("resolved",),
    "unresolved": UNRESOLVED,
    "待整改": ("open",),
    "整改中": ("rectifying",),
    "已整改": ("resolved",),
    "未整改完成": UNRESOLVED,
}
RESOLUTION_TITLES = {
    "closed": "营商办销号",
    "next_period": "下期数值回到预警线内",
    "recomputed": "重新计算后不再超出预警线",
}
EVENT_TITLES = {
    "raise": "发出预警",
    "rectify": "登记整改举措",
    "close": "整改销号",
    "next_period": "下期回到预警线内",
    "recomputed": "重新计算",
    "reopen": "重新预警",
}
NOTIFY_ROLES = ("submitter", "approver", "coordinator")


# -- recomputing ----------------------------------------------------------------------------


@dataclass
class RecomputeReport:
    raised: list[int] = field(default_factory=list)
    withdrawn: int = 0
    resolved: int = 0
    reopened: int = 0
    notified: int = 0

    def deliver(self, lib: Library) -> None:
        """Post the notifications written (after the commit), when a webhook is set."""
        if self.notified:
            deliver_soon(lib)


def _event(
    session: Session,
    w: MonitoringWarning,
    actor: Actor,
    action: str,
    from_state: str | None,
    note: str | None = None,
) -> None:
    session.add(
        WarningEvent(
            warning_id=w.id,
            user_id=actor.user_id,
            actor=actor.name,
            action=action,
            from_state=from_state,
            to_state=w.state,
            note=note,
        )
    )


def _set_figures(w: MonitoringWarning, f: Figures, previous: tuple[str, float] | None) -> bool:
    """Store the figures on the warning; True when any of them changed."""
    prev_period, prev_value = previous if previous else (None, None)
    figures_now = {
        "value": f.value,
        "average": f.average,
        "best_value": f.best_value,
        "best_regions": list(f.best_regions),
        "rank": f.rank,
        "rank_from_bottom": f.rank_from_bottom,
        "of": f.of,
        "rules": list(f.rules),
        "previous_period": prev_period,
        "previous_value": prev_value,
    }
    changed = False
    for key, value in figures_now.items():
        if getattr(w, key, None) != value:
            setattr(w, key, value)
            changed = True
    return changed


def _level(code: str) -> int:
    info = regions().get(code)
    return info.level if info is not None else 3


def compute_indicator(
    session: Session, ind: Indicator, *, period: str | None = None, prefix: str = ""
) -> dict[tuple[str, str], tuple[Figures, int]]:
    """Figures of every (region, period) holding a value of ``ind`` (only ``period`` and
    regions whose code starts with ``prefix`` when given): ``(figures, level)``."""
    stmt = select(IndicatorValue.region_code, IndicatorValue.period, IndicatorValue.value).where(
        IndicatorValue.indicator_id == ind.id
    )
    if period:
        stmt = stmt.where(IndicatorValue.period == period)
    if prefix:
        stmt = stmt.where(IndicatorValue.region_code.like(prefix + "%"))
    sets: dict[tuple[str, str, int], dict[str, float]] = defaultdict(dict)
    for code, p, value in session.execute(stmt):
        sets[(p, code[:2], _level(code))][code] = value
    rules = rules_of(ind)
    out: dict[tuple[str, str], tuple[Figures, int]] = {}
    for (p, _prov, level), values in sets.items():
        for code, f in compare(values, rules).items():
            out[(code, p)] = (f, level)
    return out


def _series(keys) -> dict[str, list[str]]:
    """Per region its held periods in time order."""
    held: dict[str, list[str]] = defaultdict(list)
    for code, p in keys:
        held[code].append(p)
    for periods in held.values():
        periods.sort(key=sort_key)
    return held


def _neighbour(held: list[str], period: str, step: int) -> str | None:
    """The held period of the same kind before (step -1) or after (+1) ``period``."""
    same = [p for p in held if same_kind(p, period)]
    if period not in same:
        same = sorted({*same, period}, key=sort_key)
    i = same.index(period) + step
    return same[i] if 0 <= i < len(same) else None


def recompute(session: Session, indicator_ids, actor: Actor) -> RecomputeReport:
    """Bring the warnings of these indicators in line with their values and rules (see the
    module's doc), in the caller's transaction; notify the units of newly warned regions."""
    report = RecomputeReport()
    bump_version(session)
    created: list[MonitoringWarning] = []
    for ind_id in sorted(set(indicator_ids)):
        ind = session.get(Indicator, ind_id)
        if ind is None:
            continue
        created.extend(_recompute_one(session, ind, actor, report))
    raised = [w for w in created if w.state == "open"]
    report.raised = [w.id for w in raised]
    report.notified = _notify_raised(session, raised, actor)
    return report


def _recompute_one(
    session: Session, ind: Indicator, actor: Actor, report: RecomputeReport
) -> list[MonitoringWarning]:
    figs = compute_indicator(session, ind)
    demo = {
        (c, p)
        for c, p in session.execute(
            select(IndicatorValue.region_code, IndicatorValue.period).where(
                IndicatorValue.indicator_id == ind.id, IndicatorValue.demo.is_(True)
            )
        )
    }
    held = _series(figs)
    existing = {
        (w.region_code, w.period): w
        for w in session.scalars(
            select(MonitoringWarning).where(MonitoringWarning.indicator_id == ind.id)
        )
    }
    now = utcnow()
    created: list[MonitoringWarning] = []
    fallen: list[tuple[MonitoringWarning, str]] = []  # (warning, why it is no longer one)
    reopened: list[MonitoringWarning] = []

    def previous(code: str, p: str) -> tuple[str, float] | None:
        prev = _neighbour(held[code], p, -1)
        return (prev, figs[(code, prev)][0].value) if prev else None

    for (code, p), (f, level) in figs.items():
        w = existing.get((code, p))
        if f.beyond:
            if w is None:
                w = MonitoringWarning(
                    indicator_id=ind.id,
                    region_code=code,
                    period=p,
                    level=level,
                    state="open",
                    demo=(code, p) in demo,
                    created_at=now,
                    updated_at=now,
                )
                _set_figures(w, f, previous(code, p))
                session.add(w)
                created.append(w)
                continue
            changed = _set_figures(w, f, previous(code, p))
            if w.demo != ((code, p) in demo):
                w.demo, changed = (code, p) in demo, True
            if changed:
                w.updated_at = now
            if w.state == "resolved" and w.resolution == "recomputed":
                reopened.append(w)
        elif w is not None:
            if _set_figures(w, f, previous(code, p)):
                w.updated_at = now
            if w.state != "resolved":
                fallen.append((w, "重新计算后该期数值不再超出预警线"))
    for key, w in existing.items():
        if key not in figs and w.state != "resolved":
            fallen.append((w, "该期数值已被删除"))
    session.flush()
    for w in created:
        _event(session, w, actor, "raise", None)
    gone = _withdraw(session, fallen, actor, report)
    for w in reopened:
        _reopen(session, w, actor, "重新计算后该期数值再次超出预警线")
        report.reopened += 1

    # The next period decides: back inside the line resolves, beyond again reopens.
    for w in list(existing.values()) + created:
        if w.id in gone or w.region_code not in held or (w.region_code, w.period) not in figs:
            continue
        nxt = _neighbour(held[w.region_code], w.period, 1)
        nf = figs[(w.region_code, nxt)][0] if nxt else None
        if w.state in UNRESOLVED and nf is not None and not nf.beyond:
            note = (
                f"{period_title(nxt)}数值为{format_value(nf.value, ind.decimals)}{ind.unit}，"
                "已回到预警线内"
            )
            _resolve(session, w, actor, "next_period", note)
            report.resolved += 1
        elif w.state == "resolved" and w.resolution == "next_period" and (nf is None or nf.beyond):
            _reopen(session, w, actor, "下一期数值已更正，不再在预警线内")
            report.reopened += 1
    return created


def _rectification_counts(session: Session, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    return dict(
        session.execute(
            select(Rectification.warning_id, func.count())
            .where(Rectification.warning_id.in_(ids))
            .group_by(Rectification.warning_id)
        ).all()
    )


def _withdraw(
    session: Session, fallen: list[tuple[MonitoringWarning, str]], actor: Actor, report
) -> set[int]:
    """Withdraw (delete) the fallen warnings nothing refers to, resolve the others.
    Returns the ids withdrawn."""
    from ..cases.read import warning_case_counts

    if not fallen:
        return set()
    ids = [w.id for w, _ in fallen]
    gone: set[int] = set()
    rects = _rectification_counts(session, ids)
    cases = warning_case_counts(session, ids)
    for w, why in fallen:
        if rects.get(w.id) or cases.get(w.id):
            _resolve(session, w, actor, "recomputed", why)
            report.resolved += 1
        else:
            gone.add(w.id)
            session.delete(w)
            report.withdrawn += 1
    session.flush()
    return gone


def _resolve(session: Session, w: MonitoringWarning, actor: Actor, how: str, note: str) -> None:
    before = w.state
    w.state = "resolved"
    w.resolution = how
    w.resolution_note = note
    w.resolved_at = utcnow()
    _event(session, w, actor, "close" if how == "closed" else how, before, note)


def _reopen(session: Session, w: MonitoringWarning, actor: Actor, note: str) -> None:
    before = w.state
    w.state = "rectifying" if _rectification_counts(session, [w.id]) else "open"
    w.resolution = w.resolution_note = w.resolved_at = None
    _event(session, w, actor, "reopen", before, note)


def _notify_raised(session: Session, raised: list[MonitoringWarning], actor: Actor) -> int:
    """One notification per warned region to the accounts of its units (填报、审核、营商办)
    and its coordinators: the warning itself when there is one, else the region's list."""
    by_region: dict[str, list[MonitoringWarning]] = defaultdict(list)
    for w in raised:
        by_region[w.region_code].append(w)
    sent = 0
    names = {i.id: i.name for i in session.scalars(select(Indicator))}
    for code, ws in sorted(by_region.items()):
        units = [u.id for u in region_units(session, code)]
        users = {u.id: u for u in unit_members(session, units, NOTIFY_ROLES)}
        for u in region_members(session, code, ("coordinator",)):
            if u.region_code == code:
                users[u.id] = u
        if not users:
            continue
        ws.sort(key=lambda w: (sort_key(w.period), w.indicator_id), reverse=True)
        place = region_name(code)
        if len(ws) == 1:
            w = ws[0]
            title = (
                f"监测预警：{place}“{names[w.indicator_id]}”超出预警线（{period_title(w.period)}）"
            )
            body = explanation_of(session, w)
            link = f"/monitoring/warnings/{w.id}"
        else:
            title = f"监测预警：{place}有 {len(ws)} 项指标超出预警线"
            lines = [f"- {names[w.indicator_id]}（{period_title(w.period)}）" for w in ws[:10]]
            if len(ws) > 10:
                lines.append(f"- 等 {len(ws)} 项")
            body = "\n".join(lines)
            link = f"/monitoring?region={code}&state=open"
        key = f"warning:{min(w.id for w in ws)}:{max(w.id for w in ws)}"
        sent += len(
            notify(
                session,
                users.values(),
                "warning",
                title,
                body,
                link,
                key=key,
                exclude=actor.user_id,
            )
        )
    return sent


# -- reading --------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _name(code: str) -> str:
    return region_name(code)


@lru_cache(maxsize=8192)
def _label(code: str) -> str:
    return region_label(code)


def _names(codes) -> list[str]:
    return [_name(c) for c in codes]


def explanation_of(session: Session, w: MonitoringWarning) -> str:
    ind = session.get(Indicator, w.indicator_id)
    return _explain(w, ind, ind.group.name)


def _explain(
    w: MonitoringWarning, ind: Indicator, group: str, best_names: list[str] | None = None
) -> str:
    return explain(
        indicator=ind.name,
        group=group,
        unit=ind.unit,
        decimals=ind.decimals,
        global_best_economy=ind.global_best_economy,
        global_best_value=ind.global_best_value,
        average=w.average,
        best_names=best_names if best_names is not None else _names(w.best_regions),
        best_value=w.best_value,
        region=_name(w.region_code),
        value=w.value,
        beyond=bool(w.rules),
        level=w.level,
        rank=w.rank,
        rank_from_bottom=w.rank_from_bottom,
    )


def _change(ind: Indicator, value: float, previous: float | None) -> str | None:
    if previous is None:
        return None
    rules = rules_of(ind)
    if rules.is_better(value, previous):
        return "better"
    if rules.is_better(previous, value):
        return "worse"
    return "same"


CHANGE_TITLES = {"better": "较上期变好", "worse": "较上期变差", "same": "与上期持平"}


def warning_dict(
    w: MonitoringWarning,
    ind: Indicator,
    group: str,
    rectifications: int = 0,
    *,
    detail: bool = False,
) -> dict[str, Any]:
    """A warning as the API and ``caselib monitoring warnings --json`` give it (with
    ``detail``, what its page needs besides)."""
    change = _change(ind, w.value, w.previous_value)
    best = _names(w.best_regions)
    out = {
        "id": w.id,
        "indicator": ind.name,
        "group": group,
        "region_code": w.region_code,
        "region": _name(w.region_code),
        "period": w.period,
        "value": w.value,
        "average": round(w.average, 6),
        "best_region": "、".join(best),
        "best_value": w.best_value,
        "rank": w.rank,
        "rank_from_bottom": w.rank_from_bottom,
        "of": w.of,
        "state": w.state,
        "explanation": _explain(w, ind, group, best),
        "state_title": STATE_TITLES[w.state],
        "period_title": period_title(w.period),
        "unit": ind.unit,
        "value_text": format_value(w.value, ind.decimals) + ind.unit,
        "average_text": figures.format_average(w.average, ind.decimals) + ind.unit,
        "rules": [rule_text(r, ind.better, ind.unit, ind.decimals) for r in w.rules],
        "trend": {
            "previous_period": w.previous_period,
            "previous_value": w.previous_value,
            "change": change,
            "title": CHANGE_TITLES.get(change) if change else None,
        },
        "rectification_count": rectifications,
        "resolution": w.resolution,
        "demo": bool(w.demo),
    }
    if detail:
        out.update(
            {
                "region_label": _label(w.region_code),
                "level": w.level,
                "better": ind.better,
                "decimals": ind.decimals,
                "global_best": None
                if ind.global_best_value is None
                else {
                    "economy": ind.global_best_economy,
                    "value": ind.global_best_value,
                    "text": format_value(ind.global_best_value, ind.decimals) + ind.unit,
                },
                "best_regions": [
                    {"code": c, "name": n} for c, n in zip(w.best_regions, best, strict=True)
                ],
                "best_text": format_value(w.best_value, ind.decimals) + ind.unit,
                "resolution_title": RESOLUTION_TITLES.get(w.resolution) if w.resolution else None,
                "resolution_note": w.resolution_note,
            }
        )
    return out


@dataclass
class WarningQuery:
    region: str | None = None
    indicator: str | None = None
    group: str | None = None
    period: str | None = None
    state: str | None = None
    q: str | None = None


def parse_query(session: Session, params: dict[str, Any]) -> tuple[WarningQuery, dict]:
    """Check the filters (every bad one at once). Returns the query and the objects found
    (the indicator, the group)."""
    errors: list[FieldError] = []
    query = WarningQuery()
    found: dict[str, Any] = {}

    def text(key: str) -> str | None:
        value = params.get(key)
        if value is None:
            return None
        value = str(value).strip()
        return value or None

    region = text("region")
    if region:
        code = normalize_region(region)
        if code not in regions():
            errors.append(FieldError("region", "invalid_choice", f"未知的地区代码：{region}"))
        query.region = code
    name = text("indicator")
    if name:
        ind = by_name(session).get(name)
        if ind is None:
            errors.append(FieldError("indicator", "not_found", f"未知的指标：{name}"))
        else:
            query.indicator = ind.name
            found["indicator"] = ind
    group = text("group")
    if group:
        g = find_group(session, group)
        if g is None:
            errors.append(FieldError("group", "not_found", f"未知的一级指标：{group}"))
        else:
            query.group = g.name
            found["group"] = g
    period = text("period")
    if period:
        p = normalize_period(period)
        if p is None:
            errors.append(
                FieldError(
                    "period", "invalid_format", f"期间格式不正确：{period}（如 2024 或 2024Q1）"
                )
            )
        query.period = p
    state = text("state")
    if state:
        if state not in STATE_FILTERS:
            errors.append(
                FieldError(
                    "state",
                    "invalid_choice",
                    "状态应为 open（待整改）、rectifying（整改中）、resolved（已整改）或 unresolved",
                )
            )
        query.state = state
    query.q = text("q")
    if query.q and len(query.q) > 100:
        errors.append(FieldError("q", "too_long", "搜索词不能超过 100 字"))
    if errors:
        raise ValidationFailed(errors)
    return query, found


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _evidence_match(term: str):
    """Warning ids whose rectifications mention ``term`` (description, file name or text)."""
    pattern = _like(term)
    by_text = (
        select(Rectification.warning_id)
        .join(EvidenceFile, EvidenceFile.rectification_id == Rectification.id)
        .where(
            or_(
                EvidenceFile.text.like(pattern, escape="\\"),
                EvidenceFile.file_name.like(pattern, escape="\\"),
            )
        )
    )
    by_description = select(Rectification.warning_id).where(
        Rectification.description.like(pattern, escape="\\")
    )
    return by_text.union(by_description)


@dataclass(frozen=True, slots=True)
class WarningRow:
    """A warning's columns as the list reads them (no ORM object: a province's list is
    hundreds of rows)."""

    id: int
    indicator_id: int
    region_code: str
    period: str
    level: int
    value: float
    average: float
    best_value: float
    best_regions: list
    rank: int
    rank_from_bottom: int
    of: int
    rules: list
    previous_period: str | None
    previous_value: float | None
    state: str
    demo: bool
    resolution: str | None
    resolution_note: str | None


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """What a warning's item needs of its indicator (read once per list)."""

    id: int
    name: str
    group: str
    group_position: int
    position: int
    unit: str
    better: str
    decimals: int
    global_best_economy: str | None
    global_best_value: float | None
    warning_line: float | None
    warning_above_average: float | None
    warning_bottom: int | None


# The JSON columns come as their text and are decoded here (json.loads alone is several
# times cheaper than the dialect's JSON result processing, on hundreds of rows).
_JSON_FIELDS = ("best_regions", "rules")
_ROW_COLUMNS = tuple(
    type_coerce(getattr(MonitoringWarning, f), Text)
    if f in _JSON_FIELDS
    else getattr(MonitoringWarning, f)
    for f in WarningRow.__slots__
)
_BEST, _RULES = WarningRow.__slots__.index("best_regions"), WarningRow.__slots__.index("rules")


@lru_cache(maxsize=4096)
def _decoded(text: str):
    """A JSON column's value (the same few texts recur on every row of a level and
    period; the lists are only read)."""
    return json.loads(text)


def _warning_row(r) -> WarningRow:
    values = list(r)
    for i in (_BEST, _RULES):  # text on SQLite; PostgreSQL's driver has decoded json already
        if isinstance(values[i], str):
            values[i] = _decoded(values[i])
    return WarningRow(*values)


def _indicator_rows(session: Session) -> dict[int, IndicatorRow]:
    rows = session.execute(
        select(
            Indicator.id,
            Indicator.name,
            IndicatorGroup.name,
            IndicatorGroup.position,
            Indicator.position,
            Indicator.unit,
            Indicator.better,
            Indicator.decimals,
            Indicator.global_best_economy,
            Indicator.global_best_value,
            Indicator.warning_line,
            Indicator.warning_above_average,
            Indicator.warning_bottom,
        ).join(IndicatorGroup, IndicatorGroup.id == Indicator.group_id)
    )
    return {r[0]: IndicatorRow(*r) for r in rows}


def query_warnings(
    session: Session, query: WarningQuery
) -> list[tuple[WarningRow, IndicatorRow, str]]:
    """The warnings matching the query, newest period first, then by region and by the
    indicators' order: (warning, indicator, group name)."""
    stmt = select(*_ROW_COLUMNS).join(Indicator, Indicator.id == MonitoringWarning.indicator_id)
    if query.region:
        stmt = stmt.where(MonitoringWarning.region_code.like(scope_prefix(query.region) + "%"))
    if query.indicator:
        stmt = stmt.where(Indicator.name == query.indicator)
    if query.group:
        stmt = stmt.join(IndicatorGroup, IndicatorGroup.id == Indicator.group_id).where(
            IndicatorGroup.name == query.group
        )
    if query.period:
        stmt = stmt.where(MonitoringWarning.period == query.period)
    if query.state:
        stmt = stmt.where(MonitoringWarning.state.in_(STATE_FILTERS[query.state]))
    for term in (query.q or "").split():
        stmt = stmt.where(MonitoringWarning.id.in_(_evidence_match(term)))
    inds = _indicator_rows(session)
    rows = [(w, inds[w.indicator_id]) for w in map(_warning_row, session.execute(stmt))]
    rows.sort(
        key=lambda r: (
            tuple(-x for x in sort_key(r[0].period)),
            r[0].region_code,
            r[1].group_position,
            r[1].position,
        )
    )
    return [(w, ind, ind.group) for w, ind in rows]


VERSION_KEY = "monitoring_version"
_LISTS: OrderedDict[tuple, tuple[list[dict], dict[str, WarningRow]]] = OrderedDict()
_LISTS_LOCK = threading.Lock()
_LISTS_MAX = 32


def bump_version(session: Session) -> None:
    """Every change to warnings (values, rules, rectifications, states) moves the
    version on, in its own transaction, so no process serves a stale list."""
    meta = session.get(Meta, VERSION_KEY)
    if meta is None:
        session.add(Meta(key=VERSION_KEY, value="1"))
    else:
        meta.value = str(int(meta.value or "0") + 1)


def _version(session: Session) -> str:
    return session.scalar(select(Meta.value).where(Meta.key == VERSION_KEY)) or "0"


def list_warnings(lib: Library, actor: Actor, params: dict[str, Any] | None = None) -> dict:
    """``{"warnings": [...]}`` matching the filters (``region`` and below, ``indicator``,
    ``group``, ``period``, ``state``, ``q`` over the rectifications and their evidence),
    newest period first, each with ``can_rectify`` for the reader. Also ``total`` and
    ``demo`` (whether any is demo data).

    Lists are kept per process for the data version they were read at (warnings change
    only on imports, rule changes, rectifications and closing, which move the version on):
    a repeated list costs one small query."""
    require(actor, "monitoring.read")
    with lib.db.session() as session:
        query, _ = parse_query(session, params or {})
        key = (lib.settings.database_url, _version(session), tuple(vars(query).values()))
        with _LISTS_LOCK:
            hit = _LISTS.get(key)
            if hit is not None:
                _LISTS.move_to_end(key)
        if hit is None:
            rows = query_warnings(session, query)
            counts = _rectification_counts(session, [w.id for w, _, _ in rows])
            hit = (
                [warning_dict(w, ind, g, counts.get(w.id, 0)) for w, ind, g in rows],
                {w.region_code: w for w, _, _ in rows},
            )
            with _LISTS_LOCK:
                _LISTS[key] = hit
                while len(_LISTS) > _LISTS_MAX:
                    _LISTS.popitem(last=False)
    cached, by_region = hit
    may = {code: can(actor, "warning.rectify", w) for code, w in by_region.items()}
    items = [{**item, "can_rectify": may[item["region_code"]]} for item in cached]
    return {
        "warnings": items,
        "total": len(items),
        "demo": any(i["demo"] for i in items),
    }


def evidence_snippets(lib: Library, warning_ids: list[int], q: str) -> dict[int, dict]:
    """For each warning, where the search words were found: a file (or the description)
    and a short passage around the first word."""
    terms = [t for t in (q or "").split() if t]
    if not terms or not warning_ids:
        return {}
    out: dict[int, dict] = {}
    with lib.db.session() as session:
        rows = session.execute(
            select(Rectification.warning_id, Rectification.description, EvidenceFile)
            .outerjoin(EvidenceFile, EvidenceFile.rectification_id == Rectification.id)
            .where(Rectification.warning_id.in_(warning_ids))
            .order_by(Rectification.id, EvidenceFile.id)
        ).all()
    for wid, description, f in rows:
        if wid in out:
            continue
        for source, text in (
            ((f.file_name if f else None), (f.text if f else "")),
            ("整改说明", description or ""),
        ):
            if source is None:
                continue
            pos = min((text.find(t) for t in terms if t in text), default=-1)
            if pos >= 0:
                start = max(0, pos - 30)
                out[wid] = {
                    "source": source,
                    "file_id": f.id if f is not None and source == f.file_name else None,
                    "snippet": ("…" if start else "") + " ".join(text[start : pos + 60].split()),
                    "terms": terms,
                }
                break
    return out


def _load(session: Session, warning_id: int) -> tuple[MonitoringWarning, Indicator, str]:
    row = session.execute(
        select(MonitoringWarning, Indicator, IndicatorGroup.name)
        .join(Indicator, Indicator.id == MonitoringWarning.indicator_id)
        .join(IndicatorGroup, IndicatorGroup.id == Indicator.group_id)
        .where(MonitoringWarning.id == warning_id)
    ).first()
    if row is None:
        raise NotFound(f"编号为 {warning_id} 的监测预警不存在", code="warning_not_found")
    return row[0], row[1], row[2]


def trend(session: Session, ind: Indicator, code: str, period: str) -> list[dict[str, Any]]:
    """The region's values of this indicator over the periods held (of the kind of
    ``period``), each with the provincial average of its level and the change."""
    figs = compute_indicator(session, ind, prefix=code[:2])
    out = []
    prev = None
    for p in sorted((p for c, p in figs if c == code and same_kind(p, period)), key=sort_key):
        f, _level = figs[(code, p)]
        change = _change(ind, f.value, prev)
        out.append(
            {
                "period": p,
                "period_title": period_title(p),
                "value": f.value,
                "average": round(f.average, 6),
                "best_value": f.best_value,
                "value_text": format_value(f.value, ind.decimals) + ind.unit,
                "average_text": figures.format_average(f.average, ind.decimals) + ind.unit,
                "rank": f.rank,
                "of": f.of,
                "beyond": f.beyond,
                "change": change,
                "change_title": CHANGE_TITLES.get(change) if change else None,
            }
        )
        prev = f.value
    return out


def get_warning(lib: Library, warning_id: int, actor: Actor) -> dict[str, Any]:
    """A warning with its ``rectifications`` (each with its ``files``), ``history``,
    ``trend``, the indicator and what the reader may do (``can_rectify``, ``can_close``)."""
    from .rectifications import rectifications_of

    require(actor, "monitoring.read")
    with lib.db.session() as session:
        w, ind, group = _load(session, warning_id)
        rects = rectifications_of(session, w.id)
        out = warning_dict(w, ind, group, len(rects), detail=True)
        out["rectifications"] = rects
        out["history"] = [
            {
                "at": e.at.isoformat(timespec="seconds") + "Z",
                "by": e.actor,
                "action": e.action,
                "action_title": EVENT_TITLES.get(e.action, e.action),
                "from": e.from_state,
                "to": e.to_state,
                "note": e.note,
            }
            for e in session.scalars(
                select(WarningEvent)
                .where(WarningEvent.warning_id == w.id)
                .order_by(WarningEvent.id)
            )
        ]
        out["trend_series"] = trend(session, ind, w.region_code, w.period)
        out["indicator_info"] = indicator_dict(ind)
        out["can_rectify"] = can(actor, "warning.rectify", w)
        out["can_close"] = w.state != "resolved" and can(actor, "warning.close", w)
    return out


def warning_brief(lib: Library, warning_id: int, actor: Actor) -> dict[str, Any] | None:
    """A warning's title for a link (a case naming it): None when it does not exist."""
    if not can(actor, "monitoring.read"):
        return None
    with lib.db.session() as session:
        try:
            w, ind, group = _load(session, warning_id)
        except NotFound:
            return None
        return {
            "id": w.id,
            "title": f"{region_name(w.region_code)} · {ind.name}（{period_title(w.period)}）",
            "state_title": STATE_TITLES[w.state],
        }


def close_warning(
    lib: Library, warning_id: int, actor: Actor, note: str | None = None
) -> dict[str, Any]:
    """整改销号: a coordinator of the region (or above) marks the warning 已整改."""
    note = (note or "").strip() or None
    if note and len(note) > 500:
        raise ValidationFailed([FieldError("note", "too_long", "销号说明不能超过 500 字")])
    with lib.db.transaction() as session:
        w, ind, _group = _load(session, warning_id)
        require(actor, "warning.close", w)
        if w.state == "resolved":
            raise Conflict("该预警已整改销号", code="warning_resolved")
        _resolve(session, w, actor, "closed", note or "整改完成，营商办销号")
        bump_version(session)
        audit.record(
            session, actor, "warning.close", "warning", str(w.id), indicator=ind.name, note=note
        )
    return get_warning(lib, warning_id, actor)


# -- the map and a region's page ------------------------------------------------------------


def map_counts(lib: Library, actor: Actor, province: str = "330000") -> dict[str, Any]:
    """Per city of the province, its warnings (its own and its counties') by state; the
    map colours the cities by their unresolved ones."""
    require(actor, "monitoring.read")
    code = normalize_region(province)
    if code is None or code not in regions():
        raise ValidationFailed(
            [FieldError("province", "invalid_choice", f"未知的地区代码：{province}")]
        )
    province = code
    cities = [c for c in region_children(province) if c.level == 2]
    counts: dict[str, dict[str, int]] = {
        c.code: {"open": 0, "rectifying": 0, "resolved": 0} for c in cities
    }
    with lib.db.session() as session:
        rows = session.execute(
            select(MonitoringWarning.region_code, MonitoringWarning.state, func.count())
            .where(MonitoringWarning.region_code.like(scope_prefix(province) + "%"))
            .group_by(MonitoringWarning.region_code, MonitoringWarning.state)
        ).all()
        demo = bool(
            session.scalar(
                select(func.count())
                .select_from(MonitoringWarning)
                .where(
                    MonitoringWarning.region_code.like(scope_prefix(province) + "%"),
                    MonitoringWarning.demo.is_(True),
                )
            )
        )
    for code, state, n in rows:
        city = code[:4] + "00"
        if city in counts:
            counts[city][state] += n
    return {
        "province": province,
        "province_name": region_name(province),
        "demo": demo,
        "cities": [
            {
                "code": c.code,
                "name": c.name,
                "unresolved": counts[c.code]["open"] + counts[c.code]["rectifying"],
                **counts[c.code],
            }
            for c in cities
        ],
    }


def periods_held(lib: Library, *, prefix: str = "") -> list[str]:
    with lib.db.session() as session:
        stmt = select(IndicatorValue.period).distinct()
        if prefix:
            stmt = stmt.where(IndicatorValue.region_code.like(prefix + "%"))
        return sorted(session.scalars(stmt), key=sort_key, reverse=True)


def region_profile(
    lib: Library, actor: Actor, code: str, period: str | None = None
) -> dict[str, Any]:
    """A region's page: every indicator it has a value of in ``period`` (default: its
    latest), against the provincial average and best of its level, with a score (100 =
    the best region, 0 = the worst) that makes indicators of different units comparable."""
    require(actor, "monitoring.read")
    code = normalize_region(code) or ""
    if code not in regions():
        raise NotFound(f"未知的地区代码：{code}", code="region_not_found")
    with lib.db.session() as session:
        own = sorted(
            set(
                session.scalars(
                    select(IndicatorValue.period).where(IndicatorValue.region_code == code)
                )
            ),
            key=sort_key,
            reverse=True,
        )
        if period is not None:
            p = normalize_period(period)
            if p is None:
                raise ValidationFailed(
                    [FieldError("period", "invalid_format", f"期间格式不正确：{period}")]
                )
            period = p
        else:
            period = own[0] if own else None
        items = []
        demo = False
        if period:
            ids = set(
                session.scalars(
                    select(IndicatorValue.indicator_id).where(
                        IndicatorValue.region_code == code, IndicatorValue.period == period
                    )
                )
            )
            demo = bool(
                session.scalar(
                    select(func.count())
                    .select_from(IndicatorValue)
                    .where(
                        IndicatorValue.region_code == code,
                        IndicatorValue.period == period,
                        IndicatorValue.demo.is_(True),
                    )
                )
            )
            warned = {
                w.indicator_id: w
                for w in session.scalars(
                    select(MonitoringWarning).where(
                        MonitoringWarning.region_code == code, MonitoringWarning.period == period
                    )
                )
            }
            for ind in session.scalars(
                select(Indicator)
                .join(IndicatorGroup)
                .where(Indicator.id.in_(ids))
                .order_by(IndicatorGroup.position, Indicator.position)
            ):
                figs = compute_indicator(session, ind, period=period, prefix=code[:2])
                f, level = figs[(code, period)]
                w = warned.get(ind.id)
                items.append(
                    {
                        "indicator": ind.name,
                        "group": ind.group.name,
                        "unit": ind.unit,
                        "better": ind.better,
                        "decimals": ind.decimals,
                        "value": f.value,
                        "average": round(f.average, 6),
                        "best_value": f.best_value,
                        "best_region": "、".join(_names(f.best_regions)),
                        "rank": f.rank,
                        "rank_from_bottom": f.rank_from_bottom,
                        "of": f.of,
                        "score": f.score,
                        "average_score": _score_of(f.average, level, figs, ind),
                        "beyond": f.beyond,
                        "value_text": format_value(f.value, ind.decimals) + ind.unit,
                        "average_text": figures.format_average(f.average, ind.decimals) + ind.unit,
                        "best_text": format_value(f.best_value, ind.decimals) + ind.unit,
                        "warning_id": w.id if w is not None else None,
                        "warning_state": w.state if w is not None else None,
                    }
                )
    return {
        "region_code": code,
        "region": region_name(code),
        "region_label": region_label(code),
        "level": _level(code),
        "period": period,
        "period_title": period_title(period),
        "periods": own,
        "indicators": items,
        "demo": demo,
    }


def _score_of(value: float, level: int, figs, ind: Indicator) -> float:
    """Where ``value`` (the average) sits between the worst and the best region of the
    level (0–100)."""
    values = [g.value for (g, lv) in figs.values() if lv == level]
    if not values:
        return 100.0
    best, worst = (
        (min(values), max(values)) if ind.better == "lower" else (max(values), min(values))
    )
    spread = abs(best - worst)
    return 100.0 if spread < 1e-9 else round(100 * (1 - abs(best - value) / spread), 1)
