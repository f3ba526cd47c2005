"""点评: recommend, 推荐指数 (stars) and a comment on a case; 推荐形式 for privileged roles."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, request, url_for

from library.errors import ValidationFailed
from library.services import reviews
from library.services import users as user_service

from .auth import login_required
from .pages import render_case_page
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
        errors = {x.field: x.message for x in e.errors}
        return render_case_page(case_no, review_errors=errors, review_form=raw), 422
    flash("点评已保存" if created else "点评已更新", "success")
    return redirect(url_for("pages.case_page", case_no=case_no) + "#review")
