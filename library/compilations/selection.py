"""Which cases a compilation holds, and in which order.

Cases are chosen one by one (``case_nos``, in the order given) or by filters: a search
(keywords and any filter of the search page), the cases recommended in reviews for a
推荐形式 (典型案例汇编), a lowest 推荐指数; filters combine (all must hold). Only published
cases are ever compiled.

The document has one chapter per theme group of the catalogue and a section per theme, in
the catalogue's order; ``order`` says how the cases follow each other inside a theme: by
case number (``theme``), by region (province › city › county), by rating (best first), or
as given (``hand``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from .. import validation
from ..cases import search
from ..cases.models import Case, Review
from ..cases.reviews import recommendation_forms
from ..errors import CaselibError, FieldError, ValidationFailed
from ..permissions import require
from ..vocab.catalogue import theme_tree
from ..vocab.regions import region_path
from . import writer
from .models import ORDERS

if TYPE_CHECKING:
    from ..accounts.audit import Actor
    from ..context import Library

MAX_CASES = 500
SEARCH_KEYS = ("q", "theme", "tags", "case_type", "region", "unit", "year", "from", "to")
FILTER_KEYS = (*SEARCH_KEYS, "recommended_for", "min_rating")
TYPICAL = "典型案例汇编"


class NothingToCompile(CaselibError):
    code = "nothing_to_compile"
    status = 422
    message = "没有符合条件的已发布案例"


@dataclass(frozen=True)
class Spec:
    """A validated selection: explicit case numbers, or filters."""

    case_nos: tuple[str, ...] = ()
    filters: tuple[tuple[str, Any], ...] = ()
    order: str = "theme"

    @property
    def filter_dict(self) -> dict[str, Any]:
        return dict(self.filters)

    def as_record(self) -> dict[str, Any]:
        """How the cases were chosen, as the compilation keeps it."""
        if self.case_nos:
            return {"source": "manual", "case_nos": list(self.case_nos)}
        f = self.filter_dict
        keys = set(f) - {"recommended_for", "min_rating"}
        source = "search" if keys else "recommended" if "recommended_for" in f else "all"
        return {"source": source, "filters": f}


def parse(data: dict[str, Any]) -> tuple[Spec, dict[str, Any]]:
    """Validate a compilation request (``schemas/compilation.json``): the selection, and
    the options (title, issuer, issued_on, show_region). Every bad field at once."""
    data = {k: v for k, v in data.items() if v not in (None, "", [])}
    if isinstance(data.get("year"), str) and data["year"].strip().isdigit():
        data["year"] = int(data["year"])
    if isinstance(data.get("min_rating"), str):
        try:
            data["min_rating"] = float(data["min_rating"])
        except ValueError:
            pass  # the schema reports it
    if isinstance(data.get("tags"), str):
        data["tags"] = [t for t in data["tags"].replace("，", ",").split(",") if t.strip()]
    errors = list(validation.validate("compilation", data))
    form = data.get("recommended_for")
    if isinstance(form, str) and form not in recommendation_forms():
        errors.append(
            FieldError(
                "recommended_for",
                "invalid_choice",
                "推荐形式应为：" + "、".join(recommendation_forms()),
            )
        )
    case_nos = data.get("case_nos") or []
    if case_nos and any(k in data for k in FILTER_KEYS):
        errors.append(FieldError("case_nos", "conflicting", "逐个选定案例时不能同时使用筛选条件"))
    if errors:
        raise ValidationFailed(errors)
    filters = tuple((k, data[k]) for k in FILTER_KEYS if k in data)
    spec = Spec(
        case_nos=tuple(c.strip() for c in case_nos),
        filters=filters,
        order=data.get("order", "theme"),
    )
    options = {k: data[k] for k in ("title", "issuer", "issued_on", "show_region") if k in data}
    return spec, options


# -- choosing -------------------------------------------------------------------------------


def chosen_ids(lib: Library, spec: Spec) -> list[int]:
    """The ids of the published cases the spec selects (explicit ones in their order)."""
    with lib.db.session() as session:
        if spec.case_nos:
            return _explicit(session, spec.case_nos)
        f = spec.filter_dict
        stmt = select(Case.id).where(Case.status == "published")
        if any(k in f for k in SEARCH_KEYS):
            found = _searched(lib, {k: f[k] for k in SEARCH_KEYS if k in f})
            if not found:
                raise NothingToCompile()
            stmt = stmt.where(Case.case_no.in_(found))
        if "recommended_for" in f:
            stmt = stmt.where(
                Case.id.in_(
                    select(Review.case_id).where(Review.recommendation_form == f["recommended_for"])
                )
            )
        if "min_rating" in f:
            stmt = stmt.where(Case.rating_avg >= f["min_rating"])
        ids = list(session.scalars(stmt.order_by(Case.id).limit(MAX_CASES + 1)))
    if not ids:
        raise NothingToCompile()
    if len(ids) > MAX_CASES:
        raise CaselibError(
            f"符合条件的案例超过 {MAX_CASES} 个，一本汇编最多收录 {MAX_CASES} 个，请缩小范围",
            code="too_many_cases",
            status=422,
        )
    return ids


def _explicit(session: Session, case_nos: Sequence[str]) -> list[int]:
    rows = dict(
        session.execute(
            select(Case.case_no, Case.id).where(
                Case.case_no.in_(case_nos), Case.status == "published"
            )
        ).all()
    )
    missing = [c for c in case_nos if c not in rows]
    if missing:
        raise ValidationFailed(
            [
                FieldError(
                    "case_nos",
                    "case_not_found",
                    "以下案例不存在或尚未发布：" + "、".join(missing[:10]),
                    detail={"case_nos": missing},
                )
            ]
        )
    return [rows[c] for c in case_nos]


def _searched(lib: Library, params: dict[str, Any]) -> set[str]:
    """Every case number the search finds (all pages)."""
    found: set[str] = set()
    page = 1
    while True:
        query = search.to_query({**params, "page": page, "per_page": 100})
        result = search.search(lib, replace(query, highlight=False))
        found.update(h.case_no for h in result.hits)
        if page >= result.pages or len(found) > MAX_CASES or not result.hits:
            return found
        page += 1


@dataclass(frozen=True)
class Candidate:
    """A case offered on the builder page."""

    case_no: str
    name: str
    theme: str | None
    theme_key: tuple[int, int]
    region_code: str | None
    region: str
    published_at: str | None
    rating_avg: float | None
    rating_count: int
    recommended: int  # reviews recommending it for 典型案例汇编

    def as_dict(self) -> dict[str, Any]:
        return {
            "case_no": self.case_no,
            "name": self.name,
            "theme": self.theme,
            "theme_key": list(self.theme_key),
            "region_code": self.region_code,
            "region": self.region,
            "published_at": self.published_at,
            "rating_avg": round(self.rating_avg, 2) if self.rating_avg is not None else None,
            "rating_count": self.rating_count,
            "recommended": self.recommended,
        }


def candidates(lib: Library, spec: Spec, *, limit: int = MAX_CASES) -> list[Candidate]:
    """The cases a spec selects, for picking (ordered as the document would order them;
    recommended ones by how often they were recommended)."""
    try:
        ids = chosen_ids(lib, spec)
    except NothingToCompile:
        return []
    with lib.db.session() as session:
        cases = load(session, ids[:limit])
        counts = _recommended_counts(session, [c.id for c in cases])
        keys = _theme_keys(session)
        if spec.case_nos:
            ordered = cases
        elif "recommended_for" in spec.filter_dict:
            ordered = sorted(
                cases, key=lambda c: (-counts.get(c.id, 0), -(c.rating_avg or 0), c.case_no)
            )
        else:
            ordered = arrange(session, cases, spec.order)
        return [_candidate(c, keys, counts) for c in ordered]


def offer(
    lib: Library, actor: Actor, params: dict[str, Any], *, limit: int = 200
) -> list[Candidate]:
    """What the builder page offers: ``source=recommended`` (the default: the cases
    recommended for 典型案例汇编, most recommended first), ``source=search`` (the search's
    filters), or ``case_nos`` (these, in this order, unknown ones left out)."""
    require(actor, "compilation.create")
    source = params.get("source") or "recommended"
    if params.get("case_nos"):
        return describe(lib, params["case_nos"])
    if source == "recommended":
        spec, _ = parse({"recommended_for": params.get("recommended_for") or TYPICAL})
    else:
        spec, _ = parse({k: params[k] for k in FILTER_KEYS if params.get(k) not in (None, "")})
    return candidates(lib, spec, limit=limit)


def describe(lib: Library, case_nos: Sequence[str]) -> list[Candidate]:
    """The published ones of these cases, in this order."""
    wanted = list(dict.fromkeys(c.strip() for c in case_nos if c and c.strip()))
    with lib.db.session() as session:
        ids = dict(
            session.execute(
                select(Case.case_no, Case.id).where(
                    Case.case_no.in_(wanted), Case.status == "published"
                )
            ).all()
        )
        cases = load(session, [ids[c] for c in wanted if c in ids])
        counts = _recommended_counts(session, [c.id for c in cases])
        keys = _theme_keys(session)
        return [_candidate(c, keys, counts) for c in cases]


def _candidate(case: Case, keys, counts) -> Candidate:
    info = keys.get(case.theme_id)
    return Candidate(
        case_no=case.case_no,
        name=case.name,
        theme=case.theme.name if case.theme else None,
        theme_key=(info[0], info[2]) if info else (10_000, 10_000),
        region_code=case.region_code,
        region=region_text(case.region_code),
        published_at=case.published_at.isoformat() if case.published_at else None,
        rating_avg=case.rating_avg,
        rating_count=case.rating_count or 0,
        recommended=counts.get(case.id, 0),
    )


def _recommended_counts(session: Session, ids: Iterable[int], form: str = TYPICAL) -> dict:
    ids = list(ids)
    if not ids:
        return {}
    return dict(
        session.execute(
            select(Review.case_id, func.count())
            .where(Review.case_id.in_(ids), Review.recommendation_form == form)
            .group_by(Review.case_id)
        ).all()
    )


# -- ordering -------------------------------------------------------------------------------


def load(session: Session, ids: Sequence[int]) -> list[Case]:
    """The published cases with these ids, in the order of ``ids``."""
    rows = {
        c.id: c
        for c in session.scalars(
            select(Case)
            .where(Case.id.in_(list(ids)), Case.status == "published")
            .options(selectinload(Case.tags), selectinload(Case.theme))
        )
    }
    return [rows[i] for i in ids if i in rows]


def _theme_keys(session: Session) -> dict[int, tuple[int, str, int, str | None]]:
    """theme id -> (group position, group name, theme position, theme name or None for a
    group itself)."""
    out: dict[int, tuple[int, str, int, str | None]] = {}
    for gi, (group, children) in enumerate(theme_tree(session)):
        out[group.id] = (gi, group.name, -1, None)
        for ti, theme in enumerate(children):
            out[theme.id] = (gi, group.name, ti, theme.name)
    return out


def _within(order: str, hand: dict[int, int]):
    if order == "region":
        return lambda c: (c.region_code or "999999", c.case_no)
    if order == "rating":
        return lambda c: (-(c.rating_avg or 0), -(c.rating_count or 0), c.case_no)
    if order == "hand":
        return lambda c: (hand.get(c.id, len(hand)), c.case_no)
    return lambda c: c.case_no


def arrange(session: Session, cases: Sequence[Case], order: str) -> list[Case]:
    """The cases in document order: by chapter (theme group) and theme in the catalogue's
    order, then by ``order`` inside each theme (``hand``: the order of ``cases``)."""
    if order not in ORDERS:
        raise ValueError(order)
    keys = _theme_keys(session)
    hand = {c.id: i for i, c in enumerate(cases)}
    within = _within(order, hand)
    missing = (10_000, "", 10_000, None)
    return sorted(cases, key=lambda c: (*_chapter_key(keys.get(c.theme_id, missing)), within(c)))


def _chapter_key(info) -> tuple[int, int]:
    return info[0], info[2]


def region_text(code: str | None) -> str:
    """浙江省台州市椒江区 (a name repeated by a municipality once)."""
    names: list[str] = []
    for r in region_path(code):
        if not names or names[-1] != r.name:
            names.append(r.name)
    return "".join(names)


def booklet(
    session: Session,
    cases: Sequence[Case],
    *,
    title: str,
    issuer: str,
    issued_on: date,
    show_region: bool,
) -> writer.Booklet:
    """The writer's plain data for cases already in document order."""
    keys = _theme_keys(session)
    chapters: list[writer.Chapter] = []
    for case in cases:
        info = keys.get(case.theme_id)
        group = info[1] if info else writer.OTHER_THEME
        theme = info[3] if info else None
        if not chapters or chapters[-1].title != group:
            chapters.append(writer.Chapter(group))
        sections = chapters[-1].sections
        if not sections or sections[-1].theme != theme:
            sections.append(writer.Section(theme))
        sections[-1].entries.append(entry(case))
    return writer.Booklet(
        title=title, issuer=issuer, issued_on=issued_on, chapters=chapters, show_region=show_region
    )


def entry(case: Case) -> writer.Entry:
    return writer.Entry(
        case_no=case.case_no,
        name=case.name,
        problem=case.problem,
        solution=case.solution,
        traditional_practice=case.traditional_practice,
        innovative_practice=case.innovative_practice,
        application_scenario=case.application_scenario,
        tags=tuple(t.name for t in case.tags),
        region=region_text(case.region_code) or None,
        unit=case.unit_name,
        contact_name=case.contact_name,
        contact_phone=case.contact_phone,
    )
