"""点评: recommend (yes/no), a 1–5 推荐指数 and a comment; 推荐形式 only for privileged
roles. One review per person per case, editable; the case's average and count are kept on
the case row (for lists and sorting) and the case is re-indexed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from .. import validation
from ..accounts import audit
from ..accounts.audit import Actor
from ..accounts.models import User
from ..errors import FieldError, Unauthorized, ValidationFailed
from ..permissions import is_privileged, require
from ..storage.base import utcnow
from .models import Case, Review
from .read import visible_case

if TYPE_CHECKING:
    from ..context import Library

FIELDS = ("recommend", "rating", "comment", "recommendation_form")
_TRUE = {"1", "true", "yes", "on", "是", "推荐", "y"}
_FALSE = {"0", "false", "no", "off", "否", "不推荐", "n"}


def recommendation_forms() -> list[str]:
    """The choices of 推荐形式 (from ``schemas/review.json``)."""
    prop = validation.load_schema("review")["properties"]["recommendation_form"]
    return [v for v in prop.get("enum", []) if v]


@dataclass
class ReviewView:
    """A review as pages and the API show it; ``recommendation_form`` is None unless the
    viewer is privileged."""

    case_no: str
    username: str
    reviewer: str
    unit: str | None
    recommend: bool
    rating: int
    comment: str | None
    recommendation_form: str | None
    updated_at: datetime
    mine: bool = False

    def as_dict(self, *, privileged: bool) -> dict[str, Any]:
        out: dict[str, Any] = {
            "case_no": self.case_no,
            "username": self.username,
            "reviewer": self.reviewer,
            "unit": self.unit,
            "recommend": self.recommend,
            "rating": self.rating,
            "comment": self.comment,
            "updated_at": self.updated_at.isoformat(timespec="seconds"),
        }
        if privileged:
            out["recommendation_form"] = self.recommendation_form
        return out


def _coerce(raw: dict[str, Any]) -> dict[str, Any]:
    """Form strings (or JSON values) to the types of ``schemas/review.json``; what cannot
    be converted is left for the schema to report."""
    data: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, str):
            value = validation.stripped("review", key, value)
            if value == "":
                if key in ("comment", "recommendation_form"):
                    data[key] = None
                continue
        if key == "recommend" and isinstance(value, str):
            low = value.lower()
            value = True if low in _TRUE else False if low in _FALSE else value
        if key == "rating" and isinstance(value, str):
            try:
                value = int(value)
            except ValueError:
                pass
        data[key] = value
    return data


def _view(r: Review, viewer_id: int | None) -> ReviewView:
    u = r.user
    return ReviewView(
        case_no=r.case.case_no,
        username=u.username,
        reviewer=u.display_name or u.username,
        unit=u.unit.name if u.unit is not None else None,
        recommend=r.recommend,
        rating=r.rating,
        comment=r.comment,
        recommendation_form=r.recommendation_form,
        updated_at=r.updated_at or r.created_at,
        mine=viewer_id == r.user_id,
    )


def save_review(
    lib: Library, case_no: str, raw: dict[str, Any], actor: Actor | User
) -> tuple[ReviewView, bool]:
    """Create or update the user's review of a case. Returns (review, created).

    Every bad field is reported at once (:class:`ValidationFailed`); 推荐形式 from a user
    who may not set it is refused (``not_allowed``), and left as it was when absent."""
    actor = Actor.of(actor)
    require(actor, "review.save")
    user = actor.user
    if user is None:
        raise Unauthorized("点评需要以用户身份登录")
    privileged = is_privileged(actor)
    data = _coerce({k: v for k, v in raw.items() if k != "csrf_token"})
    errors = validation.validate("review", data)
    if not privileged and data.get("recommendation_form"):
        errors.append(FieldError("recommendation_form", "not_allowed", "您没有权限填写推荐形式"))
    if errors:
        raise ValidationFailed(errors)
    with lib.db.transaction() as session:
        case = visible_case(session, case_no, actor)
        if case.status != "published":
            raise ValidationFailed([FieldError("case", "not_published", "案例发布后才能点评")])
        # One review of a case at a time (PostgreSQL: the case row locked), so the average
        # and count recomputed below see every other review committed before (two reviews
        # at once through two nodes both count).
        session.execute(select(Case.id).where(Case.id == case.id).with_for_update())
        review = session.scalar(
            select(Review).where(Review.case_id == case.id, Review.user_id == user.id)
        )
        created = review is None
        before = None
        if created:
            review = Review(case_id=case.id, user_id=user.id)
            session.add(review)
        else:
            before = {"recommend": review.recommend, "rating": review.rating}
        review.recommend = data["recommend"]
        review.rating = data["rating"]
        review.comment = data.get("comment") or None
        if privileged and "recommendation_form" in data:
            review.recommendation_form = data.get("recommendation_form")
        review.updated_at = utcnow()
        session.flush()
        _recompute(session, case)
        audit.record(
            session,
            actor,
            "review.create" if created else "review.update",
            "case",
            case.case_no,
            recommend=review.recommend,
            rating=review.rating,
            recommendation_form=review.recommendation_form if privileged else None,
            before=before,
        )
        session.flush()
        review.user = session.get(User, user.id)
        view = _view(review, user.id)
    from .indexing import index_cases

    index_cases(lib, [case_no])
    return view, created


def _recompute(session, case: Case) -> None:
    avg, count = session.execute(
        select(func.avg(Review.rating), func.count(Review.id)).where(Review.case_id == case.id)
    ).one()
    case.rating_avg = float(avg) if avg is not None else None
    case.rating_count = int(count or 0)
    case.updated_at = utcnow()


@dataclass
class ReviewSummary:
    """The reviews of a case as a viewer sees them."""

    rating_avg: float | None
    rating_count: int
    recommend_count: int
    distribution: dict[int, int]  # stars -> reviews
    reviews: list[ReviewView]
    mine: ReviewView | None
    privileged: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "rating_avg": round(self.rating_avg, 2) if self.rating_avg is not None else None,
            "rating_count": self.rating_count,
            "recommend_count": self.recommend_count,
            "distribution": {str(k): v for k, v in self.distribution.items()},
            "reviews": [r.as_dict(privileged=self.privileged) for r in self.reviews],
        }


def reviews_of(lib: Library, case_no: str, viewer: Actor | User) -> ReviewSummary:
    viewer = Actor.of(viewer)
    privileged = is_privileged(viewer)
    with lib.db.session() as session:
        case = visible_case(session, case_no, viewer)
        rows = list(
            session.scalars(
                select(Review)
                .where(Review.case_id == case.id)
                .order_by(Review.updated_at.desc())
                .options(
                    selectinload(Review.user).selectinload(User.unit), selectinload(Review.case)
                )
            )
        )
        views = [_view(r, viewer.user_id) for r in rows]
        if not privileged:
            for v in views:
                v.recommendation_form = None
        dist = {k: 0 for k in range(5, 0, -1)}
        for v in views:
            dist[v.rating] = dist.get(v.rating, 0) + 1
        return ReviewSummary(
            rating_avg=case.rating_avg,
            rating_count=case.rating_count or 0,
            recommend_count=sum(1 for v in views if v.recommend),
            distribution=dist,
            reviews=views,
            mine=next((v for v in views if v.mine), None),
            privileged=privileged,
        )
