"""简报: the short news of the cases published in a period (a month, or a collection call),
with counts by theme and by region and one entry per case (name, summary, link); as a page,
as Word, and sent to the accounts of the sender's region as a notification (kind
``briefing``, and to the webhook like every notification).

Everyone may read a briefing (it shows published cases only); coordinators (their region)
and the admin may send one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..accounts import audit
from ..accounts.audit import Actor
from ..accounts.units import members_within
from ..cases.models import Case
from ..errors import CaselibError, FieldError, ValidationFailed
from ..permissions import ALL, RULES, require
from ..storage.base import MAX_ID
from ..vocab.catalogue import theme_tree
from ..vocab.regions import normalize_region, region_name, region_path, within
from ..workflow import notifications
from ..workflow.calls import call_title
from . import officestyle as style
from .build import today_in_beijing
from .writer import OTHER_THEME, redact
from .writer import Entry as _PrintEntry

if TYPE_CHECKING:
    from ..context import Library

TITLE = "营商环境改革创新案例简报"
KIND = "briefing"
_MONTH = re.compile(r"^((?:19|20)\d{2})-(0[1-9]|1[0-2])$")
_REGION = re.compile(r"^[1-8][0-9]([0-9]{2}){0,2}$")
ROLES = ("submitter", "approver", "coordinator", "reviewer", "admin")


class EmptyBriefing(CaselibError):
    code = "empty_briefing"
    status = 422
    message = "该期间没有发布的案例"


@dataclass(frozen=True)
class BriefEntry:
    case_no: str
    name: str
    summary: str
    theme: str | None
    region: str
    published_at: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "case_no": self.case_no,
            "name": self.name,
            "summary": self.summary,
            "theme": self.theme,
            "region": self.region,
            "published_at": self.published_at,
            "link": f"/cases/{self.case_no}",
        }


@dataclass
class Briefing:
    month: str | None
    call_id: int | None
    region: str | None
    period: str  # 2021年12月 | the call's title
    scope: str  # 台州市 | 全部地区
    entries: list[BriefEntry] = field(default_factory=list)
    by_theme: list[tuple[str, int]] = field(default_factory=list)
    by_region: list[tuple[str, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.entries)

    @property
    def key(self) -> str:
        what = f"month={self.month}" if self.month else f"call={self.call_id}"
        return f"{what};region={self.region or 'all'}"

    @property
    def query(self) -> dict[str, str]:
        out = {"month": self.month} if self.month else {"call": str(self.call_id)}
        if self.region:
            out["region"] = self.region
        return out

    @property
    def link(self) -> str:
        return "/briefings?" + urlencode(self.query)

    @property
    def headline(self) -> str:
        if self.month:
            return f"{self.scope}{self.period}发布案例 {self.total} 个"
        return f"《{self.period}》发布案例 {self.total} 个"

    def counts_text(self) -> str:
        parts = [self.headline + "。"]
        if self.by_theme:
            parts.append("按主题：" + "、".join(f"{k} {v} 个" for k, v in self.by_theme) + "。")
        if self.by_region:
            parts.append("按地区：" + "、".join(f"{k} {v} 个" for k, v in self.by_region) + "。")
        return "".join(parts)

    def as_dict(self) -> dict[str, Any]:
        return {
            "month": self.month,
            "call_id": self.call_id,
            "region": self.region,
            "period": self.period,
            "scope": self.scope,
            "title": TITLE,
            "headline": self.headline,
            "total": self.total,
            "by_theme": [{"name": k, "count": v} for k, v in self.by_theme],
            "by_region": [{"name": k, "count": v} for k, v in self.by_region],
            "cases": [e.as_dict() for e in self.entries],
            "link": self.link,
        }


def _parse(
    month: str | None, call_id: Any, region: str | None
) -> tuple[str | None, int | None, str | None]:
    errors: list[FieldError] = []
    month = (month or "").strip() or None
    call = str(call_id).strip() if call_id not in (None, "") else None
    region = (region or "").strip() or None
    if bool(month) == bool(call):
        errors.append(FieldError("period", "required", "请选择月份（YYYY-MM）或征集通知，二者选一"))
    if month and not _MONTH.match(month):
        errors.append(FieldError("month", "invalid_format", "月份格式应为 YYYY-MM"))
    if call and not (call.isdigit() and 0 < int(call) <= MAX_ID):
        errors.append(FieldError("call", "invalid_format", "征集通知编号应为正整数"))
    if region and not _REGION.match(region):
        errors.append(
            FieldError("region", "invalid_format", "所属地区应为 2、4 或 6 位行政区划代码")
        )
    if errors:
        raise ValidationFailed(errors)
    return month, int(call) if call else None, normalize_region(region)


def make_briefing(
    lib: Library,
    actor: Actor,
    *,
    month: str | None = None,
    call_id: int | str | None = None,
    region: str | None = None,
) -> Briefing:
    """The briefing of the cases published in ``month`` (YYYY-MM) or answering a call,
    within ``region`` (all regions when None)."""
    require(actor, "briefing.read")
    month, call, region = _parse(month, call_id, region)
    with lib.db.session() as session:
        stmt = (
            select(Case)
            .where(Case.status == "published")
            .options(selectinload(Case.theme))
            .order_by(Case.published_at, Case.case_no)
        )
        if month:
            year, mon = int(month[:4]), int(month[5:])
            start = date(year, mon, 1)
            end = date(year + (mon == 12), mon % 12 + 1, 1)
            stmt = stmt.where(Case.published_at >= start, Case.published_at < end)
            period = f"{year}年{mon}月"
        else:
            period = call_title(session, call)
            stmt = stmt.where(Case.call_id == call)
        cases = [
            c for c in session.scalars(stmt) if region is None or within(c.region_code, region)
        ]
        groups = {t.id: t for root, children in theme_tree(session) for t in (root, *children)}
        order = {t.name: i for i, t in enumerate(groups.values())}
        entries = [
            BriefEntry(
                case_no=c.case_no,
                name=c.name,
                summary=redact(
                    c.summary,
                    _PrintEntry(
                        c.case_no,
                        c.name,
                        contact_name=c.contact_name,
                        contact_phone=c.contact_phone,
                    ),
                ),
                theme=c.theme.name if c.theme else None,
                region=_region_text(c.region_code),
                published_at=c.published_at.isoformat() if c.published_at else None,
            )
            for c in cases
        ]
        codes = [c.region_code for c in cases]
    themes = Counter(e.theme or OTHER_THEME for e in entries)
    return Briefing(
        month=month,
        call_id=call,
        region=region,
        period=period,
        scope=region_name(region) if region else "全部地区",
        entries=entries,
        by_theme=sorted(themes.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])),
        by_region=_by_region(codes, region),
    )


def _region_text(code: str | None) -> str:
    names: list[str] = []
    for r in region_path(code):
        if not names or names[-1] != r.name:
            names.append(r.name)
    return "".join(names) or "未知地区"


def _by_region(codes: list[str | None], scope: str | None) -> list[tuple[str, int]]:
    """Counts per division one level below what the cases have in common: per city when
    they span cities, per county inside one city."""
    paths = [[r.code for r in region_path(c)] for c in codes]
    depth = 0
    while paths and all(len(p) > depth + 1 for p in paths) and len({p[depth] for p in paths}) == 1:
        depth += 1
    counts: Counter[str] = Counter()
    for p in paths:
        counts[p[depth] if len(p) > depth else ""] += 1
    return sorted(
        ((region_name(k) if k else "未知地区", n) for k, n in counts.items()),
        key=lambda kv: -kv[1],
    )


# -- Word -----------------------------------------------------------------------------------


def briefing_docx(
    lib: Library, b: Briefing, *, issuer: str, issued_on: date | None = None
) -> bytes:
    """The briefing as .docx: a red masthead, 本期概况 (counts) and 案例速览 (the cases with
    links into the library)."""
    issued_on = issued_on or today_in_beijing()
    doc = style.new_document(
        title=f"{TITLE}（{b.period}）", subject=TITLE, keywords="caselib:briefing/1"
    )
    masthead = style.paragraph(doc, TITLE, style.COVER_TITLE)
    masthead.paragraph_format.space_before = Pt(12)
    for run in masthead.runs:
        run.font.color.rgb = style.RED
        run.font.size = Pt(30)
    style.paragraph(doc, b.period if b.month else f"《{b.period}》", style.COVER_LINE)
    line = style.paragraph(doc, None, "Normal")
    line.add_run(style.xml_text(issuer))
    line.add_run("\t" + style.chinese_date(issued_on))
    style.right_tab(line, style.TEXT_WIDTH_TWIPS)
    style.red_rule(line)

    style.paragraph(doc, "一、本期概况", "Heading 1").alignment = WD_ALIGN_PARAGRAPH.LEFT
    p = style.paragraph(doc, b.headline + "。", "Normal")
    p.paragraph_format.first_line_indent = Pt(32)
    for caption, rows in (("主题", b.by_theme), ("地区", b.by_region)):
        if rows:
            _count_table(doc, caption, rows)
    style.paragraph(doc, "二、案例速览", "Heading 1").alignment = WD_ALIGN_PARAGRAPH.LEFT
    base = lib.settings.public_url.rstrip("/")
    for i, e in enumerate(b.entries, 1):
        h = style.paragraph(doc, f"{i}．{e.name}", "Heading 3")
        h.paragraph_format.space_before = Pt(6)
        if e.summary:
            s = style.paragraph(doc, e.summary, "Normal")
            s.paragraph_format.first_line_indent = Pt(32)
        meta = style.paragraph(doc, None, style.CELL)
        meta.add_run(
            style.xml_text(" · ".join(x for x in (e.theme, e.region, e.published_at) if x) + "　")
        )
        style.hyperlink(meta, f"{base}/cases/{e.case_no}", f"查看案例 {e.case_no}")
    if not b.entries:
        style.paragraph(doc, "本期没有发布的案例。", "Normal")
    style.page_numbers(doc, doc.sections[0])
    return style.save(doc)


def _count_table(doc, caption: str, rows: list[tuple[str, int]]) -> None:
    table = doc.add_table(rows=len(rows) + 1, cols=2)
    table.style = doc.styles["Table Grid"]
    head = table.rows[0].cells
    for cell, text in zip(head, (caption, "案例数"), strict=True):
        style.shade(cell)
        style.set_style(doc, cell.paragraphs[0], style.LABEL)
        cell.paragraphs[0].add_run(style.xml_text(text))
    for row, (name, n) in zip(table.rows[1:], rows, strict=True):
        for cell, text in zip(row.cells, (name, str(n)), strict=True):
            style.set_style(doc, cell.paragraphs[0], style.CELL)
            cell.paragraphs[0].add_run(style.xml_text(text))
    style.paragraph(doc, None, style.CELL)


def briefing_file_name(b: Briefing) -> str:
    what = b.month or f"征集{b.call_id}"
    return f"案例简报_{what}{'_' + b.scope if b.region else ''}.docx"


# -- sending --------------------------------------------------------------------------------


def send_briefing(
    lib: Library,
    actor: Actor,
    *,
    month: str | None = None,
    call_id: int | str | None = None,
    region: str | None = None,
    roles: list[str] | None = None,
) -> dict[str, Any]:
    """Notify the active accounts of the sender's region (everyone, for the admin), of the
    given roles, of this briefing: one notification each, once per briefing (sending it
    again reaches only those who have not had it). Returns ``{"sent", "briefing"}``."""
    require(actor, "briefing.send")
    roles = [r for r in (roles or ROLES) if r]
    bad = [r for r in roles if r not in ROLES]
    if bad:
        raise ValidationFailed(
            [FieldError("roles", "invalid_choice", "不认识的角色：" + "、".join(bad))]
        )
    b = make_briefing(lib, actor, month=month, call_id=call_id, region=region)
    if not b.total:
        raise EmptyBriefing()
    scope = None if RULES["briefing.send"].get(actor.role) == ALL else actor.region_code
    with lib.db.transaction() as session:
        users = members_within(session, scope, tuple(roles))
        rows = notifications.notify(
            session,
            users,
            KIND,
            f"案例简报：{b.period if b.month else '《' + b.period + '》'}（{b.scope}）",
            b.counts_text(),
            b.link,
            key=f"briefing:{b.key}",
            exclude=actor.user_id,
        )
        audit.record(
            session,
            actor,
            "briefing.send",
            "briefing",
            b.key,
            recipients=len(rows),
            cases=b.total,
            roles=roles,
        )
    notifications.deliver_soon(lib)
    return {"sent": len(rows), "briefing": b.as_dict()}
