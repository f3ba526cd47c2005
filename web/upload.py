"""上传案例: the upload form (the seed's dialog as a page), with the 申报表 template,
auto-fill from a filled-in template, similar cases to borrow from, and the near-duplicate
warning. The rules live in ``schemas/case_form.json`` and ``library.services.cases``."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for

from library.errors import DocumentRejected, DuplicateDocument, FieldError, ValidationFailed
from library.services import cases, catalog, validation
from library.services import users as user_service
from library.services.audit import Actor
from library.services.cases import NearDuplicate, Upload

from .auth import login_required
from .views_util import current_user, get_lib

bp = Blueprint("upload", __name__)

# Fields of the form besides the schema's: the file, its staged copy, confirmations.
EXTRA_KEYS = ("apply_anonymization",)


def form_values(form) -> dict[str, Any]:
    """The case fields of a submitted form. Empty fields are left out, as if not sent: an
    empty optional field (borrowed_from) then reads "required" when a rule needs it."""
    values: dict[str, Any] = {
        k: form.get(k) for k in cases.FORM_FIELDS if k != "tags" and (form.get(k) or "").strip()
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


def _schema_props() -> dict[str, Any]:
    return validation.load_schema("case_form")["properties"]


def _render(
    values,
    errors=None,
    *,
    status=200,
    similar=None,
    near_duplicates=None,
    upload_token=None,
    file_name=None,
):
    lib = get_lib()
    return render_template(
        "upload.html",
        values=values,
        errors=errors or {},
        props=_schema_props(),
        vocab=catalog.vocabularies(lib),
        similar=similar or [],
        near_duplicates=near_duplicates or [],
        upload_token=upload_token,
        file_name=file_name,
        region_path=catalog.region_path(values.get("region_code"))
        if values.get("region_code")
        else [],
        borrowed_name=_borrowed_name(values.get("borrowed_from")),
    ), status


def _borrowed_name(ref: str | None) -> str | None:
    if not ref:
        return None
    try:
        return catalog.case_record(get_lib(), ref)["name"]
    except Exception:  # noqa: BLE001 - a name typed by hand: shown as it is
        return None


def _errors_by_field(errors: list[FieldError]) -> dict[str, list[FieldError]]:
    out: dict[str, list[FieldError]] = {}
    for e in errors:
        out.setdefault(e.field, []).append(e)
    return out


@bp.route("/upload", methods=["GET", "POST"])
@login_required
def upload_page():
    user = current_user()
    user_service.require(user, "upload")
    if request.method == "GET":
        return _render(_defaults(user))
    lib = get_lib()
    values = form_values(request.form)
    token = request.form.get("upload_token") or None
    f = request.files.get("file")
    upload = None
    if f is not None and f.filename:
        upload = Upload(f.filename, f.read())
        token = None
    elif token:
        upload = catalog.staged_upload(lib, token, user.id)
        if upload is None:
            token = None
    confirm = request.form.get("confirm_near_duplicate") == "1"
    try:
        case = cases.submit(lib, values, upload, Actor.of(user), confirm_near_duplicate=confirm)
    except NearDuplicate as e:
        errors, status, near = e.errors, 409, e.hits
    except ValidationFailed as e:
        errors, status, near = e.errors, 422, []
    except DuplicateDocument as e:
        errors, status, near = [FieldError("file", e.code, e.message)], 409, []
    else:
        catalog.drop_staged(lib, token)
        flash(f"上传成功：{case.case_no}《{case.name}》", "success")
        return redirect(url_for("pages.case_page", case_no=case.case_no))
    file_bad = any(e.field == "file" and e.code not in ("near_duplicate",) for e in errors)
    if upload is not None and not file_bad and token is None:
        token = catalog.stage_upload(lib, upload, user.id)
    elif file_bad:
        catalog.drop_staged(lib, token)
        token = None
    return _render(
        values,
        _errors_by_field(errors),
        status=status,
        near_duplicates=near,
        upload_token=token,
        file_name=upload.filename if upload is not None and token else None,
    )


@bp.post("/upload/inspect")
@login_required
def inspect():
    """A file chosen in the form: keep it for the form, read the 申报表 fields if it is a
    filled-in template, and find the most similar existing cases."""
    user = current_user()
    user_service.require(user, "upload")
    lib = get_lib()
    f = request.files.get("file")
    if f is None or not f.filename:
        raise ValidationFailed([FieldError("file", "required", "请选择文件")])
    upload = Upload(f.filename, f.read())
    try:
        fields = catalog.parse_filled_template(lib, upload)
        hits = catalog.similar_for_draft(lib, upload=upload)
    except DocumentRejected as e:
        raise ValidationFailed([FieldError("file", e.code, e.message)]) from e
    token = catalog.stage_upload(lib, upload, user.id)
    return jsonify(
        {
            "upload_token": token,
            "file_name": upload.filename,
            "fields": fields,
            "similar": [h.as_dict() for h in hits],
        }
    )


@bp.post("/upload/similar")
@login_required
def similar():
    """The existing cases most similar to the draft's text (or its kept file)."""
    user = current_user()
    user_service.require(user, "upload")
    lib = get_lib()
    upload = catalog.staged_upload(lib, request.form.get("upload_token"), user.id)
    text = request.form.get("text", "")[:20000]
    hits = catalog.similar_for_draft(lib, text=text, upload=upload)
    return jsonify({"similar": [h.as_dict() for h in hits]})
