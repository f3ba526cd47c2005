"""The JSON API under ``/api/v1``: token authentication for scripts, search with facets,
cases (metadata, original file, preview), upload, reviews, similar cases, the 申报表
template, vocabularies. Documented by ``/api/v1/openapi.json`` (:mod:`web.openapi`)."""

from __future__ import annotations

import io
from typing import Any

from flask import Blueprint, g, jsonify, request, send_file, url_for

from library.errors import DocumentRejected, FieldError, Unauthorized, ValidationFailed
from library.services import cases, catalog, reviews, search, similar
from library.services import users as user_service
from library.services.audit import Actor
from library.services.cases import Upload

from . import openapi
from .pages import DOCX_TYPE, TEMPLATE_NAME, send_document
from .upload import form_values
from .views_util import get_lib, search_params

bp = Blueprint("api", __name__, url_prefix="/api/v1")

PUBLIC = {"api.token", "api.openapi_json"}


@bp.before_request
def authenticate():
    g.api_user = None
    if request.endpoint in PUBLIC:
        return
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized(
            "缺少访问令牌：请在 Authorization 头中使用 Bearer 令牌", code="token_missing"
        )
    g.api_user = user_service.user_for_token(get_lib(), token.strip())


def _user():
    return g.api_user


def _payload() -> dict[str, Any]:
    if request.is_json:
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            raise ValidationFailed([FieldError("_", "invalid_json", "请求体应为 JSON 对象")])
        return data
    return request.form.to_dict()


@bp.post("/token")
def token():
    data = _payload()
    username, password = data.get("username"), data.get("password")
    errors = [
        FieldError(k, "required", f"{t}为必填项")
        for k, t, v in (("username", "用户名", username), ("password", "密码", password))
        if not isinstance(v, str) or not v
    ]
    if errors:
        raise ValidationFailed(errors)
    lib = get_lib()
    info = user_service.authenticate(lib, username, password, remote=request.remote_addr)
    raw, expires = user_service.issue_token(lib, info.id, remote=request.remote_addr)
    return jsonify(
        {
            "token": raw,
            "token_type": "Bearer",
            "expires_at": expires.isoformat(timespec="seconds") + "Z",
            "user": info.as_dict(),
        }
    )


@bp.get("/openapi.json")
def openapi_json():
    return jsonify(openapi.document())


@bp.get("/me")
def me():
    return jsonify(user_service.info(_user()).as_dict())


@bp.get("/search")
def search_cases():
    user_service.require(_user(), "read")
    return jsonify(search.search(get_lib(), search_params(request.args)).as_dict())


@bp.get("/suggest")
def suggest():
    user_service.require(_user(), "read")
    return jsonify({"suggestions": search.suggest(get_lib(), request.args.get("q", ""))})


@bp.get("/cases/<case_no>")
def case(case_no: str):
    user_service.require(_user(), "read")
    return jsonify(catalog.case_record(get_lib(), case_no))


@bp.get("/cases/<case_no>/file")
def case_file(case_no: str):
    user_service.require(_user(), "read")
    return send_document(catalog.document_file(get_lib(), case_no))


@bp.get("/cases/<case_no>/preview")
def case_preview(case_no: str):
    user_service.require(_user(), "read")
    return jsonify(catalog.preview(get_lib(), case_no).as_dict())


@bp.get("/cases/<case_no>/similar")
def case_similar(case_no: str):
    user_service.require(_user(), "read")
    lib = get_lib()
    catalog.case_record(lib, case_no)  # 404 for an unknown case
    limit = _limit()
    return jsonify(
        {"hits": [h.as_dict() for h in similar.similar_to_case(lib, case_no, limit=limit)]}
    )


def _limit() -> int:
    try:
        return max(1, min(50, int(request.args.get("limit", 10))))
    except ValueError:
        raise ValidationFailed(
            [FieldError("limit", "invalid_type", "limit 应为 1–50 的整数")]
        ) from None


@bp.post("/cases")
def create_case():
    user = _user()
    user_service.require(user, "upload")
    values = form_values(request.form)
    if len(values["tags"]) == 1:
        values["tags"] = values["tags"][0]  # "a,b" in one field: the service splits it
    f = request.files.get("file")
    upload = Upload(f.filename, f.read()) if f is not None and f.filename else None
    confirm = request.form.get("confirm_near_duplicate", "").lower() in ("1", "true", "yes")
    case = cases.submit(get_lib(), values, upload, Actor.of(user), confirm_near_duplicate=confirm)
    resp = jsonify(catalog.case_record(get_lib(), case.case_no))
    resp.status_code = 201
    resp.headers["Location"] = url_for("api.case", case_no=case.case_no)
    return resp


@bp.get("/cases/<case_no>/reviews")
def case_reviews(case_no: str):
    user = _user()
    user_service.require(user, "read")
    return jsonify(reviews.reviews_of(get_lib(), case_no, user).as_dict())


@bp.route("/cases/<case_no>/review", methods=["PUT", "POST"])
def review(case_no: str):
    user = _user()
    user_service.require(user, "review")
    lib = get_lib()
    view, created = reviews.save_review(lib, case_no, _payload(), user)
    summary = reviews.reviews_of(lib, case_no, user)
    resp = jsonify(
        {"review": view.as_dict(privileged=summary.privileged), "summary": summary.as_dict()}
    )
    resp.status_code = 201 if created else 200
    return resp


@bp.post("/similar")
def similar_to_draft():
    user_service.require(_user(), "read")
    f = request.files.get("file")
    upload = Upload(f.filename, f.read()) if f is not None and f.filename else None
    text = request.form.get("text", "") if not request.is_json else str(_payload().get("text", ""))
    if upload is None and not text.strip():
        raise ValidationFailed(
            [FieldError("text", "required", "请提供草稿文本（text）或文件（file）")]
        )
    try:
        hits = catalog.similar_for_draft(get_lib(), text=text, upload=upload, limit=_limit())
    except DocumentRejected as e:
        raise ValidationFailed([FieldError("file", e.code, e.message)]) from e
    return jsonify({"hits": [h.as_dict() for h in hits]})


@bp.get("/template")
def template():
    user_service.require(_user(), "read")
    return send_file(
        io.BytesIO(catalog.blank_template()),
        mimetype=DOCX_TYPE,
        as_attachment=True,
        download_name=TEMPLATE_NAME,
        max_age=0,
    )


@bp.post("/template/parse")
def template_parse():
    user_service.require(_user(), "read")
    f = request.files.get("file")
    if f is None or not f.filename:
        raise ValidationFailed([FieldError("file", "required", "请上传填写好的申报表（.docx）")])
    try:
        fields = catalog.parse_filled_template(get_lib(), Upload(f.filename, f.read()))
    except DocumentRejected as e:
        raise ValidationFailed([FieldError("file", e.code, e.message)]) from e
    if fields is None:
        raise ValidationFailed([FieldError("file", "not_a_template", "上传的文件不是案例申报表")])
    return jsonify({"fields": fields})


@bp.get("/vocabularies")
def vocabularies():
    user_service.require(_user(), "read")
    out = catalog.vocabularies(get_lib()).as_dict()
    out["recommendation_forms"] = (
        reviews.recommendation_forms() if user_service.is_privileged(_user()) else []
    )
    return jsonify(out)


@bp.get("/regions")
def regions():
    user_service.require(_user(), "read")
    parent = request.args.get("parent") or None
    if parent is not None and not (parent.isdigit() and len(parent) in (2, 4, 6)):
        raise ValidationFailed(
            [FieldError("parent", "invalid_format", "地区代码应为 2、4 或 6 位数字")]
        )
    return jsonify({"regions": catalog.region_options(parent)})
