"""The cases' JSON API under ``/api/v1``: search, type-ahead, a case (with status and
history), its file and preview, similar cases, creating (``action`` save|submit, optional
``call_id``) and editing (PATCH) a case, the 申报表 template, vocabularies, regions."""

from __future__ import annotations

import re

from flask import jsonify, request, url_for

from library import permissions
from library.cases import read, reviews, search, similar, template
from library.cases.submit import FORM_FIELDS, OPTION_KEYS, Upload
from library.compilations import read as compilations
from library.errors import DocumentRejected, FieldError, ValidationFailed
from library.vocab import catalogue, regions
from library.workflow import contribute, view

from ..util import api_arg, current_actor, get_lib, payload, search_params, send_bytes
from . import bp
from .pages import DOCX_TYPE, TEMPLATE_NAME, form_values, send_document

LIMIT_MAX = 50
DRAFT_TEXT_MAX = 20000


def _limit() -> int:
    raw = api_arg("limit") or "10"
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if not 1 <= value <= LIMIT_MAX:
        raise ValidationFailed(
            [FieldError("limit", "out_of_range", f"limit 应为 1–{LIMIT_MAX} 的整数")]
        )
    return value


def _read() -> None:
    permissions.require(current_actor(), "library.read")


@bp.get("/api/v1/search")
def api_search():
    _read()
    return jsonify(search.search(get_lib(), search_params(request.args, strict=True)).as_dict())


@bp.get("/api/v1/suggest")
def api_suggest():
    _read()
    q = api_arg("q")
    if q is None:
        raise ValidationFailed([FieldError("q", "required", "请提供要联想的文字 q")])
    return jsonify({"suggestions": search.suggest(get_lib(), q)})


@bp.get("/api/v1/cases/<case_no>")
def api_case(case_no: str):
    lib = get_lib()
    record = view.case_view(lib, case_no, current_actor())
    record["compilations"] = compilations.containing(lib, case_no, current_actor())
    return jsonify(record)


@bp.get("/api/v1/cases/<case_no>/file")
def api_case_file(case_no: str):
    return send_document(read.document_file(get_lib(), case_no, current_actor()))


@bp.get("/api/v1/cases/<case_no>/view.pdf")
def api_case_view_pdf(case_no: str):
    from library.cases import renditions

    f = renditions.view_pdf(get_lib(), case_no, current_actor())
    return send_bytes(f.data, f.name, f.media_type, inline=True, etag=f.sha256)


@bp.get("/api/v1/cases/<case_no>/preview")
def api_case_preview(case_no: str):
    return jsonify(read.preview(get_lib(), case_no, current_actor()).as_dict())


@bp.get("/api/v1/cases/<case_no>/similar")
def api_case_similar(case_no: str):
    lib = get_lib()
    read.case_record(lib, case_no, current_actor())  # 404 for a case the reader cannot see
    limit = _limit()
    return jsonify(
        {"hits": [h.as_dict() for h in similar.similar_to_case(lib, case_no, limit=limit)]}
    )


def _case_fields() -> tuple[dict, Upload | None, dict]:
    """The form fields, the file and the options of a multipart (or JSON) request."""
    if request.is_json:
        data = payload()
        values = {k: v for k, v in data.items() if k in FORM_FIELDS or k in OPTION_KEYS}
        options = {k: data.get(k) for k in ("action", "call_id", "confirm_near_duplicate")}
        return values, None, options
    values = form_values(request.form)
    if len(values["tags"]) == 1:
        values["tags"] = values["tags"][0]  # "a,b" in one field: the service splits it
    if not values["tags"] and "tags" not in request.form:
        values.pop("tags")
    f = request.files.get("file")
    upload = Upload(f.filename, f.read()) if f is not None and f.filename else None
    options = {k: request.form.get(k) for k in ("action", "call_id", "confirm_near_duplicate")}
    return values, upload, options


def _truthy(value) -> bool:
    return value is True or str(value or "").lower() in ("1", "true", "yes")


@bp.post("/api/v1/cases")
def api_create_case():
    values, upload, options = _case_fields()
    lib = get_lib()
    case = contribute.create(
        lib,
        values,
        upload,
        current_actor(),
        action=options.get("action") or "save",
        call_id=options.get("call_id"),
        confirm_near_duplicate=_truthy(options.get("confirm_near_duplicate")),
    )
    resp = jsonify(view.case_view(lib, case.case_no, current_actor()))
    resp.status_code = 201
    resp.headers["Location"] = url_for("cases.api_case", case_no=case.case_no)
    return resp


@bp.patch("/api/v1/cases/<case_no>")
def api_edit_case(case_no: str):
    values, upload, options = _case_fields()
    if not request.is_json and "tags" in values and values["tags"] == []:
        values.pop("tags")
    lib = get_lib()
    case = contribute.edit(
        lib,
        case_no,
        values,
        upload,
        current_actor(),
        action=options.get("action") or "save",
        call_id=options.get("call_id"),
        confirm_near_duplicate=_truthy(options.get("confirm_near_duplicate")),
    )
    return jsonify(view.case_view(lib, case.case_no, current_actor()))


@bp.post("/api/v1/similar")
def api_similar_to_draft():
    _read()
    f = request.files.get("file")
    upload = Upload(f.filename, f.read()) if f is not None and f.filename else None
    text = request.form.get("text", "") if not request.is_json else str(payload().get("text", ""))
    if len(text) > DRAFT_TEXT_MAX:
        raise ValidationFailed(
            [FieldError("text", "too_long", f"草稿文本不能超过 {DRAFT_TEXT_MAX} 字")]
        )
    if upload is None and not text.strip():
        raise ValidationFailed(
            [FieldError("text", "required", "请提供草稿文本（text）或文件（file）")]
        )
    try:
        hits = similar.similar_for_draft(get_lib(), text=text, upload=upload, limit=_limit())
    except DocumentRejected as e:
        raise ValidationFailed([FieldError("file", e.code, e.message)]) from e
    return jsonify({"hits": [h.as_dict() for h in hits]})


@bp.get("/api/v1/template")
def api_template():
    _read()
    return send_bytes(template.render_template(), TEMPLATE_NAME, DOCX_TYPE)


@bp.post("/api/v1/template/parse")
def api_template_parse():
    _read()
    f = request.files.get("file")
    if f is None or not f.filename:
        raise ValidationFailed([FieldError("file", "required", "请上传填写好的申报表（.docx）")])
    try:
        fields = template.parse_filled_template(get_lib(), Upload(f.filename, f.read()))
    except DocumentRejected as e:
        raise ValidationFailed([FieldError("file", e.code, e.message)]) from e
    if fields is None:
        raise ValidationFailed([FieldError("file", "not_a_template", "上传的文件不是案例申报表")])
    return jsonify({"fields": fields})


@bp.get("/api/v1/vocabularies")
def api_vocabularies():
    _read()
    out = catalogue.vocabularies(get_lib()).as_dict()
    out["recommendation_forms"] = (
        reviews.recommendation_forms() if permissions.is_privileged(current_actor()) else []
    )
    return jsonify(out)


@bp.get("/api/v1/regions")
def api_regions():
    _read()
    parent = api_arg("parent")
    if parent is not None and not re.fullmatch(r"[0-9]{2}(?:[0-9]{2}){0,2}", parent):
        raise ValidationFailed(
            [FieldError("parent", "invalid_format", "地区代码应为 2、4 或 6 位数字")]
        )
    return jsonify({"regions": regions.region_options(parent)})
