"""点评: recommend, 推荐指数 (stars) and a comment on a published case; 推荐形式 for
privileged roles. The page's form and ``/api/v1/cases/{no}/review(s)``."""

from __future__ import annotations

from flask import Blueprint, flash, jsonify, redirect, request, url_for

from library.cases import reviews
from library.errors import ValidationFailed

from ..security import login_required
from ..util import current_actor, get_lib, payload

bp = Blueprint("reviews", __name__)


@bp.post("/cases/<case_no>/review")
@login_required
def save(case_no: str):
    from ..cases.pages import render_case_page

    raw = {k: v for k, v in request.form.items() if k in reviews.FIELDS}
    raw.setdefault("recommend", "")
    raw.setdefault("rating", "")
    try:
        _, created = reviews.save_review(get_lib(), case_no, raw, current_actor())
    except ValidationFailed as e:
        errors = {x.field: x.message for x in e.errors}
        return render_case_page(case_no, review_errors=errors, review_form=raw), 422
    flash("点评已保存" if created else "点评已更新", "success")
    return redirect(url_for("cases.case_page", case_no=case_no) + "#review")


@bp.get("/api/v1/cases/<case_no>/reviews")
def api_reviews(case_no: str):
    return jsonify(reviews.reviews_of(get_lib(), case_no, current_actor()).as_dict())


@bp.route("/api/v1/cases/<case_no>/review", methods=["PUT", "POST"])
def api_review(case_no: str):
    lib = get_lib()
    actor = current_actor()
    view, created = reviews.save_review(lib, case_no, payload(), actor)
    summary = reviews.reviews_of(lib, case_no, actor)
    resp = jsonify(
        {"review": view.as_dict(privileged=summary.privileged), "summary": summary.as_dict()}
    )
    resp.status_code = 201 if created else 200
    return resp
