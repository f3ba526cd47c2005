"""The workflow's pages and API: a case's transitions (submit, withdraw, approve, return,
publish), collection calls (list, new, progress, bulk publish/return, close, attachments),
我的案例, 待办 and 通知."""

from __future__ import annotations

from flask import Blueprint, flash, g, jsonify, redirect, render_template, request, url_for

from library import permissions
from library.cases.models import CASE_TYPE_TITLES, CASE_TYPES, STATUSES
from library.cases.submit import Upload
from library.errors import CaselibError, FieldError, ValidationFailed
from library.storage.base import MAX_ID
from library.validation import json_int
from library.workflow import calls, mywork, notifications, transitions
from library.workflow.states import ACTION_TITLES
from library.workflow.view import case_view

from .. import uploads
from ..security import login_required
from ..util import api_arg, current_actor, get_lib, payload, send_bytes

bp = Blueprint("workflow", __name__)


def init_app(app) -> None:
    @app.context_processor
    def unread():
        """The bell's count on every page of a logged-in user (one small query)."""
        user = g.get("user")
        if user is None or request.path.startswith("/api/"):
            return {"unread_notifications": 0}
        return {"unread_notifications": notifications.unread_count(get_lib(), current_actor())}


def _error_text(e: CaselibError) -> str:
    if isinstance(e, ValidationFailed) and e.errors:
        return "；".join(x.message for x in e.errors)
    return e.message


# -- transitions ----------------------------------------------------------------------------


@bp.post("/cases/<case_no>/transitions")
@login_required
def transition_page(case_no: str):
    action = request.form.get("action", "")
    reason = request.form.get("reason")
    try:
        case = transitions.transition(
            get_lib(),
            case_no,
            action,
            current_actor(),
            reason=reason,
            confirm_names=request.form.get("confirm_names") == "1",
        )
    except (ValidationFailed, CaselibError) as e:
        if e.status == 404:
            raise
        flash(f"操作未完成：{_error_text(e)}", "error")
    else:
        flash(f"{ACTION_TITLES.get(action, action)}成功：{case.case_no}《{case.name}》", "success")
    back = request.form.get("next") or ""
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return redirect(url_for("cases.case_page", case_no=case_no))


@bp.post("/api/v1/cases/<case_no>/transitions")
def api_transition(case_no: str):
    data = payload()
    action = data.get("action")
    if not isinstance(action, str) or not action:
        raise ValidationFailed([FieldError("action", "required", "请指定操作 action")])
    reason = data.get("reason")
    if reason is not None and not isinstance(reason, str):
        raise ValidationFailed([FieldError("reason", "invalid_type", "reason 应为文本")])
    confirm = data.get("confirm_names", False)
    if not isinstance(confirm, bool):
        raise ValidationFailed(
            [FieldError("confirm_names", "invalid_type", "confirm_names 应为 true 或 false")]
        )
    lib = get_lib()
    transitions.transition(
        lib, case_no, action, current_actor(), reason=reason, confirm_names=confirm
    )
    return jsonify(case_view(lib, case_no, current_actor()))


# -- calls ----------------------------------------------------------------------------------


@bp.get("/calls")
@login_required
def calls_page():
    actor = current_actor()
    return render_template(
        "workflow/calls.html",
        calls=calls.list_calls(get_lib(), actor),
        can_create=permissions.can(actor, "call.create"),
    )


def _call_form(values=None, errors=None, status=200):
    from library.accounts.units import list_units
    from library.vocab.regions import region_children, region_name

    actor = current_actor()
    scope = actor.region_code if actor.role != "admin" else None
    units = list_units(get_lib(), region=scope)
    regions = (
        [{"code": scope, "name": f"{region_name(scope)}（全部）"}]
        + [{"code": r.code, "name": r.name} for r in region_children(scope)]
        if scope
        else [{"code": r.code, "name": r.name} for r in region_children(None)]
    )
    return render_template(
        "workflow/call_new.html",
        values=values or {},
        errors=errors or {},
        units=units,
        regions=regions,
        case_types={k: CASE_TYPE_TITLES[k] for k in CASE_TYPES},
    ), status


@bp.route("/calls/new", methods=["GET", "POST"])
@login_required
def call_new():
    actor = current_actor()
    permissions.require(actor, "call.create")
    if request.method == "GET":
        return _call_form()
    form = request.form
    deadline = form.get("deadline", "")
    if not deadline and form.get("deadline_date", "").strip():
        deadline = f"{form.get('deadline_date', '').strip()}T{form.get('deadline_time') or '15:00'}"
    values = {
        "title": form.get("title", ""),
        "notice": form.get("notice", ""),
        "deadline": deadline,
        "deadline_date": form.get("deadline_date", ""),
        "deadline_time": form.get("deadline_time", ""),
        "target_unit_ids": form.getlist("target_unit_ids"),
        "target_region": form.get("target_region") or None,
        "case_types": form.getlist("case_types") or None,
    }
    chosen = [f for f in request.files.getlist("attachments") if f.filename]
    over = [uploads.too_large_error("attachments", f) for f in chosen if uploads.too_large(f)]
    if over:  # the typed fields come back with the error
        return _call_form(values, {"attachments": over}, 413)
    files = [Upload(f.filename, f.read()) for f in chosen]
    try:
        call = calls.create_call(get_lib(), values, actor, files)
    except ValidationFailed as e:
        errors: dict[str, list] = {}
        for x in e.errors:
            errors.setdefault(x.field, []).append(x)
        return _call_form(values, errors, 422)
    flash(
        f"征集通知已发布：{call['title']}（{len(call['target_unit_ids'])} 个目标单位）", "success"
    )
    return redirect(url_for("workflow.call_page", call_id=call["id"]))


@bp.get("/calls/<int:call_id>")
@login_required
def call_page(call_id: int):
    actor = current_actor()
    call = calls.get_call(get_lib(), call_id, actor)
    return render_template(
        "workflow/call.html",
        call=call,
        unit_states=calls.UNIT_STATES,
        can_answer=actor.unit_id in call["target_unit_ids"]
        and permissions.can(actor, "case.create")
        and not call["closed"],
    )


@bp.post("/calls/<int:call_id>/bulk")
@login_required
def call_bulk(call_id: int):
    """Publish (or return, with a reason) the chosen approved cases of a call at once."""
    actor = current_actor()
    calls.get_call(get_lib(), call_id, actor)  # 404 for a call the actor cannot see
    action = request.form.get("action", "")
    if action not in ("publish", "return"):
        flash("请选择“发布入库”或“退回”", "error")
        return redirect(url_for("workflow.call_page", call_id=call_id))
    chosen = request.form.getlist("case_nos")
    if not chosen:
        flash("请先勾选案例", "warning")
        return redirect(url_for("workflow.call_page", call_id=call_id))
    result = transitions.transition_many(
        get_lib(), chosen, action, actor, reason=request.form.get("reason")
    )
    if result.done:
        flash(
            f"{ACTION_TITLES[action]} {len(result.done)} 个案例：" + "、".join(result.done),
            "success",
        )
    for case_no, _code, message in result.failed:
        flash(f"{case_no} 未{ACTION_TITLES[action]}：{message}", "error")
    return redirect(url_for("workflow.call_page", call_id=call_id))


@bp.post("/calls/<int:call_id>/close")
@login_required
def call_close(call_id: int):
    calls.close_call(get_lib(), call_id, current_actor())
    flash("征集通知已结束征集", "success")
    return redirect(url_for("workflow.call_page", call_id=call_id))


@bp.get("/calls/<int:call_id>/attachments/<int:attachment_id>")
@login_required
def call_attachment(call_id: int, attachment_id: int):
    f = calls.attachment_file(get_lib(), call_id, attachment_id, current_actor())
    return send_bytes(f.data, f.name, f.media_type, etag=f.sha256)


@bp.post("/api/v1/calls")
def api_create_call():
    if request.is_json:
        data, files = payload(), []
    else:
        data = request.form.to_dict()
        data["target_unit_ids"] = request.form.getlist("target_unit_ids")
        data["case_types"] = request.form.getlist("case_types") or None
        files = [
            Upload(f.filename, f.read()) for f in request.files.getlist("attachments") if f.filename
        ]
    call = calls.create_call(get_lib(), data, current_actor(), files)
    resp = jsonify(call)
    resp.status_code = 201
    resp.headers["Location"] = url_for("workflow.api_call", call_id=call["id"])
    return resp


@bp.get("/api/v1/calls")
def api_calls():
    return jsonify({"calls": calls.list_calls(get_lib(), current_actor())})


@bp.get("/api/v1/calls/<int:call_id>")
def api_call(call_id: int):
    return jsonify(calls.get_call(get_lib(), call_id, current_actor()))


@bp.get("/api/v1/calls/<int:call_id>/attachments/<int:attachment_id>")
def api_call_attachment(call_id: int, attachment_id: int):
    f = calls.attachment_file(get_lib(), call_id, attachment_id, current_actor())
    return send_bytes(f.data, f.name, f.media_type, etag=f.sha256)


# -- my work --------------------------------------------------------------------------------


@bp.get("/my")
@login_required
def my_cases_page():
    status = request.args.get("status") or None
    return render_template(
        "workflow/my_cases.html",
        cases=mywork.my_cases(get_lib(), current_actor(), status=status),
        status=status,
        action_titles=ACTION_TITLES,
    )


@bp.get("/todo")
@login_required
def todo_page():
    return render_template(
        "workflow/todo.html",
        items=mywork.todo(get_lib(), current_actor()),
        titles=mywork.TODO_TITLES,
    )


@bp.get("/notifications")
@login_required
def notifications_page():
    data = notifications.list_notifications(get_lib(), current_actor(), limit=100)
    return render_template("workflow/notifications.html", data=data)


@bp.post("/notifications/read")
@login_required
def notifications_read():
    ids = [int(i) for i in request.form.getlist("ids") if i.isdigit()] or None
    notifications.mark_read(get_lib(), current_actor(), ids)
    target = request.form.get("next") or url_for("workflow.notifications_page")
    if not target.startswith("/") or target.startswith("//"):
        target = url_for("workflow.notifications_page")
    return redirect(target)


def _status() -> str | None:
    status = api_arg("status")
    if status is not None and status not in STATUSES:
        raise ValidationFailed(
            [FieldError("status", "invalid_choice", "status 应为 " + "、".join(STATUSES) + " 之一")]
        )
    return status


@bp.get("/api/v1/my/cases")
def api_my_cases():
    return jsonify({"cases": mywork.my_cases(get_lib(), current_actor(), status=_status())})


@bp.get("/api/v1/todo")
def api_todo():
    return jsonify({"items": [t.as_dict() for t in mywork.todo(get_lib(), current_actor())]})


@bp.get("/api/v1/notifications")
def api_notifications():
    unread = api_arg("unread")
    if unread not in (None, "0", "1"):
        raise ValidationFailed([FieldError("unread", "invalid_choice", "unread 应为 0 或 1")])
    unread_only = unread == "1"
    return jsonify(
        notifications.list_notifications(get_lib(), current_actor(), unread_only=unread_only)
    )


@bp.post("/api/v1/notifications/read")
def api_notifications_read():
    data = payload()
    ids = data.get("ids")
    if ids is not None:
        # JSON Schema's integers: 12 and 12.0 alike.
        ids = [json_int(i) for i in ids] if isinstance(ids, list) else [None]
        if not all(i is not None and 1 <= i <= MAX_ID for i in ids):
            raise ValidationFailed([FieldError("ids", "invalid_type", "ids 应为通知编号列表")])
    n = notifications.mark_read(get_lib(), current_actor(), ids)
    return jsonify({"marked": n})
