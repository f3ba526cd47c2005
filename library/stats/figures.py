"""The figures of the assessment statistics (入库考核统计), their rows and the items behind
each of them.

Definitions (the README repeats them; the tests check each against hand-computed values).
Dates are Beijing dates; a period is inclusive at both ends (``year`` is 1 January to 31
December); without a period every date counts.

* A case counts for the region of its ``region_code`` and for its unit (``unit_id``; a
  case without a unit record, as loaded in bulk, for its 填报单位 name in its region).
  Regions roll up: a county's figures count in its city and its province.
* **submitted** (报送): cases first submitted for approval in the period (the first history
  row that took the case to ``submitted``). **approved** (审核通过): cases first approved
  in the period (the first row to ``approved``). A case that entered the library without
  the workflow (bulk ingest, the demo, release 0.1: published on creation, no
  ``submitted`` row) counts as submitted and approved on its ``published_at``.
* **returned** (退回): cases returned (with a reason) at least once in the period, each
  once.
* **published** (入库): cases whose status is ``published`` and whose ``published_at`` is
  in the period. Only these count as 入库, and only these are scored.
* **original / innovation_borrowed / rectification_borrowed** (本地首创 / 创新借鉴 / 整改借鉴):
  the published cases by their type (``unknown_type``: published without a type).
* **times_borrowed** (被借鉴次数): published cases of another region (a different
  ``region_code``) whose borrowed-from case is one of this region's (unit's) published
  cases, counted by the borrowing case's ``published_at``. Rolled up like everything else:
  a city's figure adds its counties' (a county borrowing from its neighbour counts for
  the neighbour, and so for their city).
* **reviews / avg_rating** (点评数 / 平均推荐指数): the reviews of the published cases
  counted above (whenever written); the average of their ratings (each review weighs the
  same), ``null`` without reviews.
* **targets / on_time / late / not_submitted** (征集通知完成情况): for each call whose
  deadline is in the period, each target unit (in the region) counts once, as
  :func:`library.workflow.calls.completion` says (the call page's semantics: on time if one
  of its cases sent — submitted, approved or published — is not marked 逾期; late if all
  of them are; not submitted otherwise, also before the deadline).
* **rectifications** (整改举措): :mod:`library.stats.rectifications` (``null`` until the
  monitoring module is wired in).
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..accounts.audit import Actor
from ..accounts.models import Unit
from ..cases.models import CASE_TYPE_TITLES, CASE_TYPES, STATUS_TITLES, Case, CaseHistory, Review
from ..errors import FieldError, Forbidden, ValidationFailed
from ..permissions import ROLE_TITLES, RULES, can, can_view_case, require
from ..vocab.regions import (
    normalize_region,
    region_children,
    region_label,
    region_name,
    region_path,
    regions,
)
from ..workflow.calls import UNIT_STATES, completions
from . import scoring
from .rectifications import rectification_events
from .weights import Weights, beijing_year, weights_for

if TYPE_CHECKING:
    from ..context import Library

BY = ("region", "unit", "year", "type", "call")
BY_TITLES = {
    "region": "按地区",
    "unit": "按单位",
    "year": "按年度",
    "type": "按类型",
    "call": "按征集通知",
}
# figure -> (title, what its list holds)
FIGURES: dict[str, tuple[str, str]] = {
    "submitted": ("报送", "case"),
    "approved": ("审核通过", "case"),
    "published": ("入库", "case"),
    "returned": ("退回", "case"),
    "original": ("本地首创", "case"),
    "innovation_borrowed": ("创新借鉴", "case"),
    "rectification_borrowed": ("整改借鉴", "case"),
    "unknown_type": ("未分类", "case"),
    "times_borrowed": ("被借鉴次数", "case"),
    "reviews": ("点评数", "review"),
    "targets": ("征集目标", "answer"),
    "on_time": ("按时报送", "answer"),
    "late": ("逾期报送", "answer"),
    "not_submitted": ("未报送", "answer"),
    "rectifications": ("整改举措", "rectification"),
}
# A published case's type figure, by its type (``unknown``: none).
TYPE_FIGURE = {
    "original": "original",
    "innovation_borrowed": "innovation_borrowed",
    "rectification_borrowed": "rectification_borrowed",
    "unknown": "unknown_type",
}
COMPLETION_TITLES = {"on_time": "按时报送", "late": "逾期报送", "not_submitted": "未报送"}
NO_CALL = "none"
BEIJING = timedelta(hours=8)


def _day(at: datetime | None) -> date | None:
    return (at + BEIJING).date() if at is not None else None


# -- filters --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """What the statistics are of: a view (``by``), a region (with everything inside it)
    and a period (Beijing dates, inclusive; None: open)."""

    by: str
    region: str
    start: date | None = None
    end: date | None = None
    year: int | None = None

    @property
    def score_year(self) -> int:
        """The year whose weights score the period: the year it ends in (this year when
        it is open-ended)."""
        return self.end.year if self.end is not None else beijing_year()

    def as_dict(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "region": self.region,
            "region_name": region_label(self.region),
            "year": self.year,
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
        }

    def params(self, **changes: Any) -> dict[str, str]:
        """The query parameters that give these filters back (for links)."""
        out = {"by": self.by, "region": self.region}
        if self.year is not None:
            out["year"] = str(self.year)
        else:
            if self.start:
                out["from"] = self.start.isoformat()
            if self.end:
                out["to"] = self.end.isoformat()
        out.update({k: str(v) for k, v in changes.items() if v is not None})
        return out

    def in_period(self, day: date | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class _RegionScope:
    region_code: str


def _date(raw: Any, name: str, errors: list[FieldError]) -> date | None:
    if raw in (None, ""):
        return None
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw).strip())
    except ValueError:
        errors.append(FieldError(name, "invalid_format", "日期格式应为 YYYY-MM-DD"))
        return None


def parse_filters(
    params: Mapping[str, Any], actor: Actor | None, *, province: str = "330000"
) -> Filters:
    """Check the parameters (every bad one reported at once) and the actor's right to see
    the region: a coordinator its own region and below (by default), the admin every
    region (by default ``province``); others are refused."""
    require(actor, "stats.read")
    errors: list[FieldError] = []
    by = str(params.get("by") or "region").strip()
    if by not in BY:
        errors.append(FieldError("by", "invalid_choice", "统计维度应为 " + "、".join(BY) + " 之一"))
    year = None
    raw_year = params.get("year")
    if raw_year not in (None, ""):
        try:
            year = int(str(raw_year).strip())
        except ValueError:
            errors.append(FieldError("year", "invalid_type", "年度应为四位数字"))
        else:
            if not 2000 <= year <= 2100:
                errors.append(FieldError("year", "out_of_range", "年度应在 2000 到 2100 之间"))
                year = None
    start = _date(params.get("from"), "from", errors)
    end = _date(params.get("to"), "to", errors)
    if year is not None and (start or end):
        errors.append(FieldError("year", "conflict", "年度与起止日期只能选一种"))
    if start and end and start > end:
        errors.append(FieldError("to", "before_start", "结束日期不能早于开始日期"))
    raw_region = params.get("region")
    if raw_region in (None, ""):
        region = actor.region_code if actor.role == "coordinator" else province
        region = normalize_region(region) or ""
    else:
        region = normalize_region(str(raw_region)) or ""
        if region not in regions():
            errors.append(FieldError("region", "invalid_choice", f"未知的地区：{raw_region}"))
    if errors:
        raise ValidationFailed(errors)
    if not can(actor, "stats.read", _RegionScope(region)):
        if actor.role in RULES["stats.read"]:
            mine = region_label(actor.region_code) if actor.region_code else "本地区"
            raise Forbidden(
                f"当前账号（{ROLE_TITLES.get(actor.role, actor.role)}）只能查看{mine}的入库考核统计",
                code="out_of_scope",
            )
        require(actor, "stats.read", _RegionScope(region))
    if year is not None:
        start, end = date(year, 1, 1), date(year, 12, 31)
    return Filters(by=by, region=region, start=start, end=end, year=year)


# -- the facts ------------------------------------------------------------------------------


@dataclass(slots=True)
class CaseFact:
    id: int
    case_no: str
    name: str
    region_code: str | None
    unit_id: int | None
    unit_name: str | None
    status: str
    case_type: str | None
    published_at: date | None
    borrowed_from_id: int | None
    call_id: int | None
    late: bool
    created_by_id: int | None
    submitted: date | None = None
    approved: date | None = None
    returned: list[date] = field(default_factory=list)
    reviews: int = 0
    rating_sum: int = 0

    @property
    def unit_key(self) -> int | str:
        return (
            self.unit_id if self.unit_id is not None else unit_key(self.region_code, self.unit_name)
        )


def unit_key(region_code: str | None, unit_name: str | None) -> str:
    """The key of a 填报单位 without a unit record: its name in its region."""
    return f"{region_code or ''}/{unit_name or ''}"


@dataclass
class Facts:
    cases: dict[int, CaseFact]
    units: dict[int, tuple[str, str | None, bool]]  # id -> (name, region_code, active)
    calls: list  # library.workflow.calls.CallCompletion
    rectifications: list | None


def load_facts(session: Session, filters: Filters) -> Facts:
    """What every figure is computed from. The cases (with their history dates and review
    sums) and the units are kept per database between requests while the database's
    fingerprint (:func:`fingerprint`, read in the same transaction) is unchanged; the
    call completions and the rectifications are read every time."""
    conn = session.connection()
    key = str(conn.engine.url)
    mark = fingerprint(conn)
    with _LOCK:
        hit = _CACHE.get(key)
    if hit is not None and hit[0] == mark:
        cases, units = hit[1]
    else:
        cases, units = _load_cases(conn)
        with _LOCK:
            _CACHE.pop(key, None)
            _CACHE[key] = (mark, (cases, units))
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.pop(next(iter(_CACHE)))
    return Facts(
        cases=cases,
        units=units,
        calls=completions(session, cases=list(cases.values())),
        rectifications=rectification_events(session, filters.start, filters.end),
    )


_LOCK = threading.Lock()
_CACHE: dict[str, tuple[tuple, tuple[dict[int, CaseFact], dict]]] = {}
_CACHE_SIZE = 4


def clear_cache() -> None:
    with _LOCK:
        _CACHE.clear()


def fingerprint(conn) -> tuple:
    """What changes whenever anything the cached facts hold changes: every change of a
    case sets its ``updated_at`` (SQLAlchemy's onupdate, ORM and Core alike), history rows
    are only ever added, a review's change sets its ``updated_at``; counts catch deletes.
    One statement of scalar subqueries (a few ms on 10,000 cases)."""
    parts = [
        select(func.count()).select_from(Case),
        select(func.max(Case.id)),
        select(func.max(Case.updated_at)),
        select(func.count()).select_from(CaseHistory),
        select(func.max(CaseHistory.id)),
        select(func.count()).select_from(Review),
        select(func.max(Review.id)),
        select(func.max(Review.updated_at)),
        select(func.count()).select_from(Unit),
        select(func.max(Unit.id)),
        select(func.count()).select_from(Unit).where(Unit.active.is_(True)),
    ]
    return tuple(conn.execute(select(*(p.scalar_subquery() for p in parts))).one())


def _load_cases(conn) -> tuple[dict[int, CaseFact], dict]:
    """The cases as Core rows (no ORM objects for 10,000 cases), in four queries."""
    cases: dict[int, CaseFact] = {}
    rows = conn.execute(
        select(
            Case.id,
            Case.case_no,
            Case.name,
            Case.region_code,
            Case.unit_id,
            Case.unit_name,
            Case.status,
            Case.case_type,
            Case.published_at,
            Case.borrowed_from_id,
            Case.call_id,
            Case.late,
            Case.created_by_id,
        )
    )
    for r in rows:
        cases[r[0]] = CaseFact(*r)
    firsts = conn.execute(
        select(CaseHistory.case_id, CaseHistory.to_status, func.min(CaseHistory.at))
        .where(CaseHistory.to_status.in_(("submitted", "approved")))
        .group_by(CaseHistory.case_id, CaseHistory.to_status)
    )
    for case_id, to, at in firsts:
        c = cases.get(case_id)
        if c is not None:
            if to == "submitted":
                c.submitted = _day(at)
            else:
                c.approved = _day(at)
    for case_id, at in conn.execute(
        select(CaseHistory.case_id, CaseHistory.at).where(CaseHistory.to_status == "returned")
    ):
        c = cases.get(case_id)
        if c is not None:
            c.returned.append(_day(at))
    for case_id, n, total in conn.execute(
        select(Review.case_id, func.count(), func.sum(Review.rating)).group_by(Review.case_id)
    ):
        c = cases.get(case_id)
        if c is not None:
            c.reviews, c.rating_sum = int(n), int(total or 0)
    for c in cases.values():
        # Published without the workflow (ingest, demo, release 0.1): sent and approved on
        # the day it was published.
        if c.submitted is None and c.status == "published":
            c.submitted = c.published_at
            c.approved = c.approved or c.published_at
    units = {
        u.id: (u.name, u.region_code, u.active)
        for u in conn.execute(select(Unit.id, Unit.name, Unit.region_code, Unit.active))
    }
    return cases, units


# -- events ---------------------------------------------------------------------------------


class Event(NamedTuple):
    """One thing a figure counts: ``n`` of ``figure`` (``rating`` for reviews), grouped by
    ``region`` / ``unit`` / ``ctype`` / ``call`` and dated ``day``; ``item`` is what the
    figure's list shows (a case id, (call id, unit id), a rectification id). A named tuple:
    tens of thousands are made per request."""

    figure: str
    item: Any
    day: date | None
    region: str | None
    unit: int | str | None
    ctype: str | None
    call: int | str | None
    n: int = 1
    rating: int = 0
    reviews: int = 0


class _Scope:
    """Which division directly under the scope a region code counts for (itself for the
    scope's own level, 本级), or None when it is outside; cached per code."""

    def __init__(self, scope: str):
        self.scope = scope
        self._child: dict[str | None, str | None] = {}

    def child(self, code: str | None) -> str | None:
        try:
            return self._child[code]
        except KeyError:
            pass
        out = None
        if code:
            codes = [p.code for p in region_path(code)]
            if self.scope in codes:
                i = codes.index(self.scope)
                out = codes[i + 1] if i + 1 < len(codes) else self.scope
        self._child[code] = out
        return out


def events(facts: Facts, filters: Filters, scope: _Scope | None = None) -> list[Event]:
    """Every event of the region and period."""
    scope = scope or _Scope(filters.region)
    inside = scope.child
    period = filters.in_period
    out: list[Event] = []
    add = out.append
    cases = facts.cases
    for c in cases.values():
        here = inside(c.region_code) is not None
        ctype = c.case_type or "unknown"
        if here:
            ukey = c.unit_key
            group = (c.region_code, ukey, ctype, c.call_id if c.call_id is not None else NO_CALL)
            if c.submitted is not None and period(c.submitted):
                add(Event("submitted", c.id, c.submitted, *group))
            if c.approved is not None and period(c.approved):
                add(Event("approved", c.id, c.approved, *group))
            returned = sorted({d for d in c.returned if period(d)})
            if returned:
                # Counted once per case and row (per year in the by-year view: tally()).
                for d in returned:
                    add(Event("returned", c.id, d, *group))
            if c.status == "published" and period(c.published_at):
                # Its type and its reviews are counted from this event (see tally()).
                add(
                    Event(
                        "published",
                        c.id,
                        c.published_at,
                        *group,
                        rating=c.rating_sum,
                        reviews=c.reviews,
                    )
                )
        # Borrowings count for the lender, wherever the borrower is.
        if c.status == "published" and c.borrowed_from_id is not None and period(c.published_at):
            lender = cases.get(c.borrowed_from_id)
            if (
                lender is not None
                and lender.status == "published"
                and lender.region_code != c.region_code
                and inside(lender.region_code) is not None
            ):
                add(
                    Event(
                        "times_borrowed",
                        c.id,
                        c.published_at,
                        lender.region_code,
                        lender.unit_key,
                        lender.case_type or "unknown",
                        lender.call_id if lender.call_id is not None else NO_CALL,
                    )
                )
    for call in facts.calls:
        day = _day(call.deadline)
        if not period(day):
            continue
        for a in call.answers:
            unit = facts.units.get(a.unit_id)
            region = unit[1] if unit else None
            if inside(region) is None:
                continue
            item = (call.id, a.unit_id)
            add(Event("targets", item, day, region, a.unit_id, None, call.id))
            add(Event(a.completion, item, day, region, a.unit_id, None, call.id))
    for r in facts.rectifications or ():
        if period(r.day) and inside(r.region_code) is not None:
            ukey = r.unit_id if r.unit_id is not None else unit_key(r.region_code, None)
            add(Event("rectifications", r.id, r.day, r.region_code, ukey, None, None))
    return out


def view_key(by: str, scope: _Scope) -> Callable[[Event], Any]:
    """The row an event counts in, for a view (None: in no row of that view)."""
    if by == "region":
        cached, child = scope._child, scope.child
        return lambda e: cached[e.region] if e.region in cached else child(e.region)
    if by == "unit":
        return lambda e: e.unit
    if by == "year":
        return lambda e: e.day.year if e.day is not None else None
    if by == "type":
        return lambda e: e.ctype
    return lambda e: e.call


# -- rows -----------------------------------------------------------------------------------


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)
    rating: int = 0


def tally(events: list[Event], key_of: Callable[[Event], Any] | None) -> dict[Any, Tally]:
    """The events counted per row (``key_of``; None: everything in one row, key None).
    A case returned twice counts once in a row; a published case also counts for its type
    and its reviews. (One inlined loop: it runs over tens of thousands of events.)"""
    counts: dict[tuple[Any, str], int] = defaultdict(int)
    ratings: dict[Any, int] = defaultdict(int)
    seen: set = set()
    key = None
    for e in events:
        if key_of is not None:
            key = key_of(e)
            if key is None:
                continue
        fig = e[0]
        if fig == "returned":
            mark = (key, e[1])
            if mark in seen:
                continue
            seen.add(mark)
        counts[(key, fig)] += e[7]
        if fig == "published":
            counts[(key, TYPE_FIGURE[e[5]])] += 1
            if e[9]:
                counts[(key, "reviews")] += e[9]
                ratings[key] += e[8]
    out: dict[Any, Tally] = {}
    for (k, fig), n in counts.items():
        t = out.get(k)
        if t is None:
            t = out[k] = Tally()
        t.counts[fig] = n
    for k, r in ratings.items():
        out[k].rating = r
    return out


def _figures(t: Tally, rectifications: bool) -> dict[str, Any]:
    c = t.counts
    out: dict[str, Any] = {f: c.get(f, 0) for f in FIGURES}
    out["avg_rating"] = round(t.rating / c["reviews"], 2) if c.get("reviews") else None
    out["rating_sum"] = t.rating
    if not rectifications:
        out["rectifications"] = None
    return out


ROW_FIELDS = (
    "submitted",
    "approved",
    "published",
    "returned",
    "original",
    "innovation_borrowed",
    "rectification_borrowed",
    "unknown_type",
    "times_borrowed",
    "reviews",
    "avg_rating",
    "targets",
    "on_time",
    "late",
    "not_submitted",
    "rectifications",
)


@dataclass
class Context:
    """Everything a request's figures need once: the filters, the facts, the events and
    the weights of each year asked for."""

    filters: Filters
    facts: Facts
    events: list[Event]
    session: Session
    scope: _Scope
    _weights: dict[int, Weights] = field(default_factory=dict)

    def weights(self, year: int) -> Weights:
        if year not in self._weights:
            self._weights[year] = weights_for(self.session, year)
        return self._weights[year]


def _base_rows(ctx: Context, by: str) -> dict[Any, dict[str, Any]]:
    """The rows a view always has (with zeros), by key, with their names."""
    f = ctx.filters
    out: dict[Any, dict[str, Any]] = {}
    if by == "region":
        children = [r for r in region_children(f.region) if r.code != f.region]
        for r in children:
            out[r.code] = {"key": r.code, "name": r.name, "own": False}
        if not children:
            out[f.region] = {"key": f.region, "name": region_name(f.region), "own": True}
    elif by == "unit":
        scope = _Scope(f.region)
        for uid, (name, region, active) in sorted(ctx.facts.units.items()):
            if active and scope.child(region) is not None:
                out[uid] = {"key": uid, "name": name, "region_code": region}
    elif by == "year":
        if f.start is not None and f.end is not None:
            for y in range(f.start.year, f.end.year + 1):
                out[y] = {"key": y, "name": f"{y}年"}
    elif by == "type":
        for t in CASE_TYPES:
            out[t] = {"key": t, "name": CASE_TYPE_TITLES[t]}
    return out


def _name(ctx: Context, by: str, key: Any) -> dict[str, Any]:
    f = ctx.filters
    if by == "region":
        own = key == f.region
        return {
            "key": key,
            "name": f"{region_name(key)}本级" if own else region_name(key),
            "own": own,
        }
    if by == "unit":
        if isinstance(key, int):
            name, region, _ = ctx.facts.units.get(key, (str(key), None, False))
            return {"key": key, "name": name, "region_code": region}
        region, _, name = str(key).partition("/")
        label = name or "未填写单位"
        return {
            "key": key,
            "name": f"{label}（{region_name(region) if region else '未知地区'}，未登记单位）",
            "region_code": region or None,
        }
    if by == "year":
        return {"key": key, "name": f"{key}年"}
    if by == "type":
        return {"key": key, "name": CASE_TYPE_TITLES.get(key, key)}
    if key == NO_CALL:
        return {"key": key, "name": "（未通过征集通知报送）"}
    call = next((c for c in ctx.facts.calls if c.id == key), None)
    return {"key": key, "name": call.title if call else str(key)}


def rows(ctx: Context, by: str) -> list[dict[str, Any]]:
    """The rows of a view: every figure, and for regions, units and years the score (with
    its explanation); regions and units are ranked (ties share a rank: 1, 2, 2, 4)."""
    tallies = tally(ctx.events, view_key(by, ctx.scope))
    base = _base_rows(ctx, by)
    keys = list(base) + [k for k in tallies if k not in base]
    has_rect = ctx.facts.rectifications is not None
    out = []
    for key in keys:
        row = base.get(key) or _name(ctx, by, key)
        row = {**row, **_figures(tallies.get(key) or Tally(), has_rect)}
        if by in ("region", "unit", "year"):
            year = key if by == "year" else ctx.filters.score_year
            s = scoring.score(row, ctx.weights(year))
            row["score"], row["explanation"] = scoring.number(s.total), s.explanation
        else:
            row["score"], row["explanation"] = None, None
        row["rank"] = None
        out.append(row)
    if by in ("region", "unit"):
        scoring.rank(out)
        out.sort(key=lambda r: (r["rank"], str(r["key"])))
    elif by == "year":
        out.sort(key=lambda r: r["key"])
    elif by == "type":
        order = {t: i for i, t in enumerate((*CASE_TYPES, "unknown"))}
        out.sort(key=lambda r: order.get(r["key"], 99))
    else:
        deadline = {c.id: c.deadline for c in ctx.facts.calls}
        out.sort(key=lambda r: str(r["key"]))
        out.sort(key=lambda r: deadline.get(r["key"]) or datetime.min, reverse=True)
        out.sort(key=lambda r: r["key"] == NO_CALL)
    return [_public(r) for r in out]


def _public(row: dict[str, Any]) -> dict[str, Any]:
    """The row in the contract's order (key, name, figures, score, rank, explanation)."""
    head = {"key": row["key"], "name": row["name"]}
    extra = {k: row[k] for k in ("own", "region_code") if k in row}
    figures = {k: row[k] for k in ROW_FIELDS}
    return {
        **head,
        **figures,
        "score": row["score"],
        "rank": row["rank"],
        "explanation": row["explanation"],
        **extra,
    }


def totals(ctx: Context) -> dict[str, Any]:
    t = tally(ctx.events, None).get(None) or Tally()
    f = ctx.filters
    row = {"key": f.region, "name": region_label(f.region)}
    row.update(_figures(t, ctx.facts.rectifications is not None))
    s = scoring.score(row, ctx.weights(f.score_year))
    row["score"], row["explanation"], row["rank"] = scoring.number(s.total), s.explanation, None
    return _public(row)


def trend(ctx: Context) -> list[dict[str, Any]]:
    """Cases submitted and published per month (the period's months, or the months with
    data when it is open)."""
    months: Counter = Counter()
    for e in ctx.events:
        if e.figure in ("submitted", "published") and e.day is not None:
            months[(e.day.year, e.day.month, e.figure)] += 1
    f = ctx.filters
    seen = sorted({(y, m) for y, m, _ in months})
    first = (f.start.year, f.start.month) if f.start else (seen[0] if seen else None)
    last = (f.end.year, f.end.month) if f.end else (seen[-1] if seen else None)
    if first is None or last is None:
        return []
    out = []
    y, m = first
    while (y, m) <= last and len(out) < 1200:
        out.append(
            {
                "month": f"{y:04d}-{m:02d}",
                "submitted": months.get((y, m, "submitted"), 0),
                "published": months.get((y, m, "published"), 0),
            }
        )
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def context(session: Session, filters: Filters) -> Context:
    facts = load_facts(session, filters)
    scope = _Scope(filters.region)
    return Context(filters, facts, events(facts, filters, scope), session, scope)


@contextlib.contextmanager
def quiet_gc() -> Iterator[None]:
    """No cyclic garbage collection while tens of thousands of small objects are made
    (none of them in cycles): collections mid-request only add latency."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def statistics(lib: Library, params: Mapping[str, Any], actor: Actor | None) -> dict[str, Any]:
    """``caselib stats --json`` and ``GET /api/v1/stats``: the rows of the view, the totals
    of the region, the filters as understood, the weights used and the monthly trend."""
    filters = parse_filters(params, actor, province=lib.settings.province)
    with lib.db.session() as session, quiet_gc():
        ctx = context(session, filters)
        return result(ctx)


def result(ctx: Context) -> dict[str, Any]:
    f = ctx.filters
    return {
        "rows": rows(ctx, f.by),
        "totals": totals(ctx),
        "filters": f.as_dict(),
        "weights": ctx.weights(f.score_year).as_dict(),
        "trend": trend(ctx),
    }


# -- what is behind a figure ----------------------------------------------------------------


def _parse_key(by: str, raw: Any) -> Any:
    if raw in (None, ""):
        return None
    text = str(raw).strip()
    if by in ("unit", "call", "year") and text.lstrip("-").isdigit():
        return int(text)
    if by == "region":
        return normalize_region(text)
    return text


def figure_items(lib: Library, params: Mapping[str, Any], actor: Actor | None) -> dict[str, Any]:
    """The items behind one figure of one row (``key``; none: the totals), as many as
    the figure counts. A case the actor may not see is listed without number and name."""
    filters = parse_filters(params, actor, province=lib.settings.province)
    figure = str(params.get("figure") or "").strip()
    if figure not in FIGURES:
        raise ValidationFailed(
            [FieldError("figure", "invalid_choice", "指标应为 " + "、".join(FIGURES) + " 之一")]
        )
    key = _parse_key(filters.by, params.get("key"))
    with lib.db.session() as session, quiet_gc():
        ctx = context(session, filters)
        key_of = view_key(filters.by, ctx.scope)
        chosen: dict[Any, Event] = {}
        for e in ctx.events:
            if not _counts_for(e, figure):
                continue
            if key is not None and key_of(e) != key:
                continue
            chosen.setdefault(e.item, e)  # a case returned twice is listed once
        kind = FIGURES[figure][1]
        if kind == "case":
            items = [_case_item(ctx.facts, e, actor) for e in chosen.values()]
            items.sort(key=lambda i: (i["date"] or "", i["id"]))
        elif kind == "review":
            items = _review_items(session, ctx.facts, list(chosen), actor)
        elif kind == "answer":
            items = _answer_items(ctx.facts, list(chosen.values()), actor)
        else:
            items = [
                {
                    "id": r.id,
                    "title": r.title,
                    "region": region_label(r.region_code),
                    "date": r.day.isoformat(),
                }
                for r in ctx.facts.rectifications or ()
                if r.id in chosen
            ]
        row = (
            _name(ctx, filters.by, key)["name"] if key is not None else region_label(filters.region)
        )
        count = sum(e.reviews for e in chosen.values()) if kind == "review" else len(chosen)
        return {
            "figure": figure,
            "figure_title": FIGURES[figure][0],
            "key": key,
            "row": row,
            "filters": filters.as_dict(),
            "count": count,
            "items": items,
        }


def _counts_for(e: Event, figure: str) -> bool:
    """Does the event count in ``figure``? (A published case's event counts for its type
    and, when it has reviews, for the reviews.)"""
    if e.figure == figure:
        return True
    if e.figure != "published":
        return False
    if figure == "reviews":
        return e.reviews > 0
    return TYPE_FIGURE[e.ctype] == figure


def _case_item(facts: Facts, e: Event, actor: Actor | None) -> dict[str, Any]:
    c = facts.cases[e.item]
    visible = can_view_case(actor, c)
    unit = facts.units.get(c.unit_id)[0] if c.unit_id in facts.units else c.unit_name
    out = {
        "id": c.id,
        "case_no": c.case_no if visible else None,
        "name": c.name if visible else None,
        "visible": visible,
        "region_code": c.region_code,
        "region": region_label(c.region_code),
        "unit": unit,
        "case_type": c.case_type,
        "case_type_title": CASE_TYPE_TITLES.get(c.case_type or "unknown"),
        "status": c.status,
        "status_title": STATUS_TITLES.get(c.status, c.status),
        "date": e.day.isoformat() if e.day else None,
        "published_at": c.published_at.isoformat() if c.published_at else None,
        "late": bool(c.late),
        "reviews": c.reviews,
        "avg_rating": round(c.rating_sum / c.reviews, 2) if c.reviews else None,
    }
    if e.figure == "times_borrowed":
        lender = facts.cases.get(c.borrowed_from_id)
        out["borrowed_from"] = (
            lender.case_no if lender is not None and can_view_case(actor, lender) else None
        )
    return out


def _review_items(
    session: Session, facts: Facts, case_ids: list[int], actor: Actor | None
) -> list[dict[str, Any]]:
    out = []
    for chunk in _chunks(case_ids, 500):
        for r in session.execute(
            select(
                Review.id, Review.case_id, Review.rating, Review.recommend, Review.updated_at
            ).where(Review.case_id.in_(chunk))
        ):
            c = facts.cases[r.case_id]
            out.append(
                {
                    "id": r.id,
                    "case_no": c.case_no,
                    "name": c.name,
                    "region": region_label(c.region_code),
                    "rating": r.rating,
                    "recommend": bool(r.recommend),
                    "date": _day(r.updated_at).isoformat() if r.updated_at else None,
                }
            )
    out.sort(key=lambda i: (i["case_no"], i["id"]))
    return out


def _answer_items(facts: Facts, chosen: list[Event], actor: Actor | None) -> list[dict[str, Any]]:
    calls = {c.id: c for c in facts.calls}
    out = []
    for e in chosen:
        call_id, unit_id = e.item
        call = calls[call_id]
        answer = next(a for a in call.answers if a.unit_id == unit_id)
        unit = facts.units.get(unit_id, (str(unit_id), None, False))
        cases = [facts.cases[i] for i in answer.case_ids if i in facts.cases]
        out.append(
            {
                "call_id": call_id,
                "call": call.title,
                "deadline": e.day.isoformat() if e.day else None,
                "unit_id": unit_id,
                "unit": unit[0],
                "region": region_label(unit[1]),
                "state": answer.state,
                "state_title": UNIT_STATES[answer.state],
                "completion": answer.completion,
                "completion_title": COMPLETION_TITLES[answer.completion],
                "cases": [c.case_no for c in cases if can_view_case(actor, c)],
            }
        )
    out.sort(key=lambda i: (i["deadline"] or "", i["call_id"], i["region"], i["unit"]))
    return out


def _chunks(items: list, size: int) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def period_label(filters: Filters) -> str:
    if filters.year is not None:
        return f"{filters.year}年"
    if filters.start or filters.end:
        return f"{filters.start or '…'} 至 {filters.end or '…'}"
    return "全部时间"


__all__ = [
    "BY",
    "BY_TITLES",
    "FIGURES",
    "Filters",
    "parse_filters",
    "statistics",
    "figure_items",
    "context",
    "rows",
    "totals",
    "trend",
    "result",
]


def region_choices(actor: Actor | None, province: str) -> list[dict[str, Any]]:
    """The regions the actor may choose, for the filter: its own (a coordinator's) or the
    province, and two levels below it."""
    root = (
        actor.region_code
        if actor is not None and actor.role == "coordinator" and actor.region_code
        else province
    )
    root = normalize_region(root) or province
    out = [{"code": root, "name": region_label(root), "depth": 0}]
    for child in region_children(root):
        if child.code == root:
            continue
        out.append({"code": child.code, "name": child.name, "depth": 1})
        for grand in region_children(child.code):
            if grand.code != child.code:
                out.append({"code": grand.code, "name": grand.name, "depth": 2})
    return out


def year_choices(first: int = 2019) -> list[int]:
    return list(range(beijing_year(), first - 1, -1))
