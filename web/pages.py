"""Pages for people: 查询 (search with facets), 查看 (a case and its document), 下载,
the 申报表 template, and the small JSON helpers of the pages (type-ahead, region picker)."""

from __future__ import annotations

import io

from flask import Blueprint, abort, jsonify, render_template, request, send_file

from library.errors import CaselibError, ValidationFailed
from library.services import catalog, reviews, search
from library.services import users as user_service

from .auth import login_required
from .views_util import current_user, get_lib, search_params

bp = Blueprint("pages", __name__)

SORTS = {"relevance": "相关度", "date": "发布时间", "rating": "评分"}
TEMPLATE_NAME = "营商环境改革创新案例申报表.docx"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def send_document(f: catalog.StoredFile, *, inline: bool = False):
    """The original bytes with the original (Chinese) name: RFC 5987 ``filename*`` and an
    ASCII fallback, set by Werkzeug."""
    resp = send_file(
        io.BytesIO(f.data),
        mimetype=f.media_type or "application/octet-stream",
        as_attachment=not inline,
        download_name=f.name,
        etag=f.sha256,
        max_age=0,
    )
    resp.headers["X-Content-Type-Options"] = "nosniff"
    resp.headers["Cache-Control"] = "private, no-cache"
    return resp


@bp.get("/")
@login_required
def search_page():
    lib = get_lib()
    params = search_params(request.args)
    errors: list = []
    result = None
    try:
        result = search.search(lib, params)
    except ValidationFailed as e:
        errors = e.errors
    region = params.get("region")
    return render_template(
        "search.html",
        params=params,
        result=result,
        errors={e.field: e.message for e in errors},
        vocab=catalog.vocabularies(lib),
        sorts=SORTS,
        region_path=catalog.region_path(region)
        if region and "region" not in {e.field for e in errors}
        else [],
    ), (422 if errors else 200)


@bp.get("/suggest")
@login_required
def suggest():
    return jsonify({"suggestions": search.suggest(get_lib(), request.args.get("q", ""))})


@bp.get("/regions")
@login_required
def regions():
    parent = request.args.get("parent") or None
    if parent is not None and not (parent.isdigit() and len(parent) in (2, 4, 6)):
        raise CaselibError("地区代码应为 2、4 或 6 位数字", code="invalid_region")
    return jsonify({"regions": catalog.region_options(parent)})


def render_case_page(
    case_no: str, *, review_errors: dict | None = None, review_form: dict | None = None
) -> str:
    """The case page (查看), with the review form's errors and input when a review failed."""
    lib = get_lib()
    user = current_user()
    record = catalog.case_record(lib, case_no)
    preview = preview_error = None
    if record["file"]:
        try:
            preview = catalog.preview(lib, case_no)
        except CaselibError as e:
            preview_error = e
    return render_template(
        "case.html",
        case=record,
        preview=preview,
        preview_error=preview_error,
        reviews=reviews.reviews_of(lib, case_no, user),
        review_errors=review_errors or {},
        review_form=review_form,
        forms=reviews.recommendation_forms(),
        can_review=user_service.can(user, "review"),
    )


@bp.get("/cases/<case_no>")
@login_required
def case_page(case_no: str):
    return render_case_page(case_no)


@bp.get("/cases/<case_no>/file")
@login_required
def download(case_no: str):
    f = catalog.document_file(get_lib(), case_no)
    inline = request.args.get("inline") == "1"
    if inline and f.format != "pdf":
        abort(404)
    return send_document(f, inline=inline)


@bp.get("/template")
@login_required
def template_file():
    resp = send_file(
        io.BytesIO(catalog.blank_template()),
        mimetype=DOCX_TYPE,
        as_attachment=True,
        download_name=TEMPLATE_NAME,
        max_age=0,
    )
    return resp


@bp.get("/audit")
@login_required
def audit_log():
    user_service.require(current_user(), "audit")
    return render_template("audit.html", events=catalog.recent_audit(get_lib()))
