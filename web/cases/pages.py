"""The cases' pages: search, the case page, download, the form (new and edit), the
template, and the form's helpers (inspect a chosen file, similar cases, type-ahead,
region picker)."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, jsonify, redirect, render_template, request, url_for

from indexer import ocr_available
from library import permissions
from library.cases import read, reviews, search, similar, staging, template
from library.cases.read import find_borrowed
from library.cases.submit import FORM_FIELDS, OPTION_KEYS, NearDuplicate, Upload, stored_form
from library.compilations import read as compilations
from library.errors import (
    CaselibError,
    DocumentRejected,
    DuplicateDocument,
    FieldError,
    NotFound,
    ValidationFailed,
)
from library.monitoring import warnings as monitoring_warnings
from library.storage.base import MAX_ID
from library.validation import load_schema
from library.vocab import catalogue, regions
from library.workflow import calls, contribute, states, view

from .. import uploads
from ..security import login_required
from ..util import current_actor, get_lib, search_params, send_bytes
from . import bp

SORTS = {"relevance": "相关度", "date": "发布时间", "rating": "评分"}
TEMPLATE_NAME = "营商环境改革创新案例申报表.docx"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Fields of the form besides the schema's: how to deal with names found.
EXTRA_KEYS = OPTION_KEYS


def send_document(f: read.StoredFile, *, inline: bool = False):
    return send_bytes(f.data, f.name, f.media_type, inline=inline, etag=f.sha256)


@bp.get("/")
@login_required
def search_page():
    lib = get_lib()
    params = search_params(request.args)
    errors: list = []
    result = None
    try:
        # The page groups the versions of one text ("另有 N 个相似版本") unless asked not to.
        result = search.search(lib, {"group": 1, **params})
    except ValidationFailed as e:
        errors = e.errors
    region = params.get("region")
    return render_template(
        "cases/search.html",
        params=params,
        result=result,
        errors={e.field: e.message for e in errors},
        vocab=catalogue.vocabularies(lib),
        sorts=SORTS,
        region_path=regions.region_path_dicts(region)
        if region and "region" not in {e.field for e in errors}
        else [],
    ), (422 if errors else 200)


@bp.get("/suggest")
@login_required
def suggest():
    return jsonify({"suggestions": search.suggest(get_lib(), request.args.get("q", ""))})


@bp.get("/regions")
@login_required
def regions_json():
    parent = request.args.get("parent") or None
    if parent is not None and not (parent.isdigit() and len(parent) in (2, 4, 6)):
        raise CaselibError("地区代码应为 2、4 或 6 位数字", code="invalid_region")
    return jsonify({"regions": regions.region_options(parent)})


def render_case_page(
    case_no: str, *, review_errors: dict | None = None, review_form: dict | None = None
) -> str:
    """The case page (查看), with the review form's errors and input when a review failed."""
    lib = get_lib()
    actor = current_actor()
    record = view.case_view(lib, case_no, actor)
    preview = preview_error = None
    if record["file"]:
        try:
            preview = read.preview(lib, case_no, actor)
        except CaselibError as e:
            preview_error = e
    published = record["status"] == "published"
    return render_template(
        "cases/case.html",
        included_in=compilations.containing(lib, case_no, actor) if published else [],
        case=record,
        preview=preview,
        preview_error=preview_error,
        reviews=reviews.reviews_of(lib, case_no, actor),
        review_errors=review_errors or {},
        review_form=review_form,
        forms=reviews.recommendation_forms(),
        can_review=published and permissions.can(actor, "review.save"),
        action_titles=states.ACTION_TITLES,
        call=_call_title(record.get("call_id")),
        warning=monitoring_warnings.warning_brief(lib, record["warning_id"], actor)
        if record.get("warning_id")
        else None,
    )


def _call_title(call_id: int | None) -> dict | None:
    if not call_id:
        return None
    try:
        c = calls.get_call(get_lib(), call_id, current_actor())
    except NotFound:
        return None
    return {"id": c["id"], "title": c["title"], "deadline": c["deadline_text"]}


@bp.get("/cases/<case_no>")
@login_required
def case_page(case_no: str):
    return render_case_page(case_no)


@bp.get("/cases/<case_no>/file")
@login_required
def download(case_no: str):
    version = request.args.get("version")
    f = read.document_file(
        get_lib(),
        case_no,
        current_actor(),
        version=int(version) if version and version.isdigit() else None,
    )
    inline = request.args.get("inline") == "1"
    if inline and f.format != "pdf":
        abort(404)
    return send_document(f, inline=inline)


@bp.get("/cases/<case_no>/view.pdf")
@login_required
def view_pdf(case_no: str):
    """The PDF the page shows (a scan's OCR'd PDF, a Word file's PDF preview, or the PDF)."""
    from library.cases import renditions

    f = renditions.view_pdf(get_lib(), case_no, current_actor())
    return send_bytes(f.data, f.name, f.media_type, inline=True, etag=f.sha256)


@bp.get("/cases/<case_no>/status")
@login_required
def case_status(case_no: str):
    """The document's background work (OCR progress), for the page to poll."""
    record = read.case_record(get_lib(), case_no, current_actor())
    return jsonify((record.get("file") or {}).get("status") or {})


@bp.get("/template")
@login_required
def template_file():
    return send_bytes(template.render_template(), TEMPLATE_NAME, DOCX_TYPE)


# -- the form -------------------------------------------------------------------------------


def form_values(form) -> dict[str, Any]:
    """The case fields of a submitted form. Empty fields are left out, as if not sent: an
    empty optional field (borrowed_from) then reads "required" when a rule needs it."""
    values: dict[str, Any] = {
        k: form.get(k) for k in FORM_FIELDS if k != "tags" and (form.get(k) or "").strip()
    }
    values["tags"] = [t for t in form.getlist("tags") if t.strip()]
    for k in EXTRA_KEYS:
        if form.get(k):
            values[k] = form.get(k)
    return values


def _defaults(user) -> dict[str, Any]:
    return {
        "region_code": user.region_code or "",
        "unit": user.unit.name if user.unit else "",
        "case_type": "original",
        "tags": [],
    }


def _render_form(
    values,
    errors=None,
    *,
    status=200,
    similar_hits=None,
    near_duplicates=None,
    upload_token=None,
    file_name=None,
    case=None,
    call_id=None,
):
    lib = get_lib()
    actor = current_actor()
    open_calls = [
        c
        for c in calls.list_calls(lib, actor)
        if not c["closed"] and (c["my_state"] is not None or c["id"] == call_id)
    ]
    return render_template(
        "cases/upload.html",
        values=values,
        errors=errors or {},
        props=load_schema("case_form")["properties"],
        vocab=catalogue.vocabularies(lib),
        similar=similar_hits or [],
        near_duplicates=near_duplicates or [],
        upload_token=upload_token,
        file_name=file_name,
        region_path=regions.region_path_dicts(values.get("region_code"))
        if values.get("region_code")
        else [],
        borrowed_name=_borrowed_name(values.get("borrowed_from")),
        warning=_warning_brief(values.get("warning_id")),
        case=case,
        calls=open_calls,
        call_id=call_id,
    ), status


def _borrowed_name(ref: str | None) -> str | None:
    if not ref:
        return None
    with get_lib().db.session() as session:
        case = find_borrowed(session, ref)
        return case.name if case is not None else None


def _warning_brief(ref) -> dict | None:
    warning_id = ref if isinstance(ref, int) else _int_or_none(ref)
    if warning_id is None:
        return None
    return monitoring_warnings.warning_brief(get_lib(), warning_id, current_actor())


def _errors_by_field(errors: list[FieldError]) -> dict[str, list[FieldError]]:
    out: dict[str, list[FieldError]] = {}
    for e in errors:
        out.setdefault(e.field, []).append(e)
    return out


def _int_or_none(value: str | None) -> int | None:
    """A record id from a form or a link, or None: ASCII digits within what the database
    holds (a longer number would overflow SQLite's INTEGER)."""
    value = (value or "").strip()
    if not (value.isascii() and value.isdigit()):
        return None
    n = int(value)
    return n if 1 <= n <= MAX_ID else None


def _save(case_no: str | None):
    """POST of the form, new (case_no None) or edit."""
    lib = get_lib()
    actor = current_actor()
    user = actor.user
    values = form_values(request.form)
    token = request.form.get("upload_token") or None
    f = request.files.get("file")
    upload = None
    if uploads.too_large(f):
        # The typed fields come back with the error; the file must be chosen again.
        staging.drop_staged(lib, token)
        return _render_form(
            values,
            _errors_by_field([uploads.too_large_error("file", f)]),
            status=413,
            case=view.case_view(lib, case_no, actor) if case_no is not None else None,
            call_id=_int_or_none(request.form.get("call_id")),
        )
    if f is not None and f.filename:
        upload = Upload(f.filename, f.read())
        token = None
    elif token:
        upload = staging.staged_upload(lib, token, user.id)
        if upload is None:
            token = None
    confirm = request.form.get("confirm_near_duplicate") == "1"
    action = request.form.get("action") or "save"
    call_id = request.form.get("call_id") or None
    try:
        if case_no is None:
            case = contribute.create(
                lib,
                values,
                upload,
                actor,
                action=action,
                call_id=call_id,
                confirm_near_duplicate=confirm,
            )
        else:
            case = contribute.edit(
                lib,
                case_no,
                values,
                upload,
                actor,
                action=action,
                call_id=call_id,
                confirm_near_duplicate=confirm,
            )
    except NearDuplicate as e:
        errors, status, near = e.errors, 409, e.hits
    except ValidationFailed as e:
        errors, status, near = e.errors, 422, []
    except DuplicateDocument as e:
        errors, status, near = [FieldError("file", e.code, e.message)], 409, []
    else:
        staging.drop_staged(lib, token)
        verb = "已提交审核" if case.status == "submitted" else "已保存为草稿"
        flash(f"{verb}：{case.case_no}《{case.name}》", "success")
        return redirect(url_for("cases.case_page", case_no=case.case_no))
    # A file that was read is kept for the next try (names found in it are fixed by a
    # choice on the form, not by choosing the file again).
    kept_codes = ("near_duplicate", "identifying_info", "possible_identifying_info")
    file_bad = any(e.field == "file" and e.code not in kept_codes for e in errors)
    if upload is not None and not file_bad and token is None:
        token = staging.stage_upload(lib, upload, user.id)
    elif file_bad:
        staging.drop_staged(lib, token)
        token = None
    editing = None
    if case_no is not None:
        editing = view.case_view(lib, case_no, actor)
    return _render_form(
        values,
        _errors_by_field(errors),
        status=status,
        near_duplicates=near,
        upload_token=token,
        file_name=upload.filename if upload is not None and token else None,
        case=editing,
        call_id=_int_or_none(call_id),
    )


@bp.route("/upload", methods=["GET", "POST"])
@login_required
def upload_page():
    actor = current_actor()
    permissions.require(actor, "case.create")
    if request.method == "POST":
        return _save(None)
    call_id = _int_or_none(request.args.get("call"))
    values = _defaults(actor.user)
    warning_id = _int_or_none(request.args.get("warning"))
    if warning_id is not None:  # 登记整改借鉴案例 from a warning's page
        values.update(case_type="rectification_borrowed", warning_id=warning_id)
    return _render_form(values, call_id=call_id)


@bp.route("/cases/<case_no>/edit", methods=["GET", "POST"])
@login_required
def edit_page(case_no: str):
    lib = get_lib()
    actor = current_actor()
    record = view.case_view(lib, case_no, actor)
    if request.method == "POST":
        return _save(case_no)
    if not record["can_edit"]:
        with lib.db.session() as session:
            case = read.visible_case(session, case_no, actor)
            permissions.require(actor, "case.edit", case)
        flash("该案例当前不能修改（只有草稿、已退回或已撤回的案例可以修改）", "warning")
        return redirect(url_for("cases.case_page", case_no=case_no))
    with lib.db.session() as session:
        values = stored_form(read.visible_case(session, case_no, actor))
    values = {k: v for k, v in values.items() if v not in (None, "")}
    return _render_form(
        values,
        case=record,
        call_id=record.get("call_id"),
        file_name=None,
    )


@bp.post("/upload/inspect")
@login_required
def inspect():
    """A file chosen in the form: keep it for the form, read the 申报表 fields if it is a
    filled-in template (with the region and the borrowed-from case resolved), and find
    the most similar published cases."""
    actor = current_actor()
    permissions.require(actor, "case.create")
    lib = get_lib()
    f = request.files.get("file")
    if f is None or not f.filename:
        raise ValidationFailed([FieldError("file", "required", "请选择文件")])
    upload = Upload(f.filename, f.read())
    scan = False
    try:
        fields = template.parse_filled_template(lib, upload)
        hits = similar.similar_for_draft(lib, upload=upload)
    except DocumentRejected as e:
        if e.code != "no_text_layer" or not ocr_available():
            raise ValidationFailed([FieldError("file", e.code, e.message)]) from e
        fields, hits, scan = None, [], True  # read by OCR once saved
    token = staging.stage_upload(lib, upload, actor.user_id)
    resolved: dict[str, Any] = {}
    if fields:
        resolved = _resolve_template_fields(fields)
    return jsonify(
        {
            "upload_token": token,
            "file_name": upload.filename,
            "fields": fields,
            "resolved": resolved,
            "scan": scan,
            "similar": [h.as_dict() for h in hits],
        }
    )


def _resolve_template_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """What the form needs beyond the raw fields: 填报地区 as a code with its path (the
    form may say 台州市椒江区), the borrowed-from case's number and name."""
    out: dict[str, Any] = {}
    region = fields.get("region_code")
    if region:
        code = regions.region_by_name(region)
        if code:
            out["region_code"] = code
            out["region_path"] = regions.region_path_dicts(code)
            out["region_label"] = regions.region_label(code)
    ref = fields.get("borrowed_from")
    if ref:
        with get_lib().db.session() as session:
            case = find_borrowed(session, ref)
            if case is not None:
                out["borrowed_from"] = case.case_no
                out["borrowed_name"] = case.name
    return out


@bp.post("/upload/similar")
@login_required
def similar_json():
    """The published cases most similar to the draft's text (or its kept file)."""
    actor = current_actor()
    permissions.require(actor, "case.create")
    lib = get_lib()
    upload = staging.staged_upload(lib, request.form.get("upload_token"), actor.user_id)
    text = request.form.get("text", "")[:20000]
    hits = similar.similar_for_draft(lib, text=text, upload=upload)
    return jsonify({"similar": [h.as_dict() for h in hits]})
