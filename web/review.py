"""点评: recommend, 推荐指数 (stars) and a comment on a case; 推荐形式 for privileged roles."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for

from library.errors import CaselibError, ValidationFailed
from library.services import catalog, reviews
from library.services import users as user_service

from .auth import login_required
from .views_util import current_user, get_lib

bp = Blueprint("review", __name__)


@bp.post("/cases/<case_no>/review")
@login_required
def save(case_no: str):
    lib = get_lib()
    user = current_user()
    user_service.require(user, "review")
    raw = {k: v for k, v in request.form.items() if k in reviews.FIELDS}
    raw.setdefault("recommend", "")
    raw.setdefault("rating", "")
    try:
        _, created = reviews.save_review(lib, case_no, raw, user)
    except ValidationFailed as e:
        record = catalog.case_record(lib, case_no)
        preview = preview_error = None
        if record["file"]:
            try:
                preview = catalog.preview(lib, case_no)
            except CaselibError as err:
                preview_error = err
        return render_template(
            "case.html",
            case=record,
            preview=preview,
            preview_error=preview_error,
            reviews=reviews.reviews_of(lib, case_no, user),
            review_errors={x.field: x.message for x in e.errors},
            review_form=raw,
            forms=reviews.recommendation_forms(),
            can_review=True,
        ), 422
    flash("点评已保存" if created else "点评已更新", "success")
    return redirect(url_for("pages.case_page", case_no=case_no) + "#review")
