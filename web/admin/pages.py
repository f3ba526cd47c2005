"""The admin pages: accounts, units, vocabularies, the audit log (and its .xlsx export).
A form that fails is shown again with each error beside its field (422); a temporary
password is shown once, in the answer to the request that made it (never flashed, so it
is never in the session cookie)."""

from __future__ import annotations

from typing import Any

from flask import flash, make_response, redirect, render_template, request, url_for

from library.accounts import admin as accounts
from library.accounts import units as unit_service
from library.auditlog import export as audit_export
from library.auditlog import log as audit_log
from library.auditlog import names as audit_names
from library.errors import CaselibError, FieldError, ValidationFailed
from library.permissions import require
from library.vocab.regions import region_path_dicts

from ..security import login_required
from ..util import current_actor, get_lib, send_bytes
from . import VOCABULARIES, bp, vocabulary


def _password_page(account, password: str, *, created: bool):
    """The one answer that shows a temporary password: never stored by the browser."""
    resp = make_response(
        render_template("admin/password.html", account=account, password=password, created=created)
    )
    resp.headers["Cache-Control"] = "no-store"
    return resp


def _by_field(e: ValidationFailed) -> dict[str, list]:
    out: dict[str, list] = {}
    for x in e.errors:
        out.setdefault(x.field, []).append(x)
    return out


def _error_text(e: CaselibError) -> str:
    if isinstance(e, ValidationFailed) and e.errors:
        return "；".join(x.message for x in e.errors)
    return e.message


@bp.get("/admin")
@login_required
def index():
    require(current_actor(), "user.manage")
    return redirect(url_for("admin.users_page"))


# -- accounts -------------------------------------------------------------------------------


def _unit_choices() -> list:
    return unit_service.all_units(get_lib(), current_actor(), active=True)


@bp.get("/admin/users")
@login_required
def users_page():
    args = request.args
    unit_id = args.get("unit_id", "")
    filters = {
        "q": args.get("q", "").strip(),
        "role": args.get("role", ""),
        "unit_id": unit_id,
        "status": args.get("status", ""),
    }
    rows = accounts.list_accounts(
        get_lib(),
        current_actor(),
        q=filters["q"] or None,
        role=filters["role"] or None,
        unit_id=int(unit_id) if unit_id.isdigit() else None,
        status=filters["status"] or None,
    )
    return render_template(
        "admin/users.html",
        rows=rows,
        filters=filters,
        roles=accounts.role_options(),
        statuses=accounts.STATUSES,
        units=_unit_choices(),
    )


def _user_form(template: str, *, values: dict, errors: dict, status: int = 200, **extra: Any):
    return render_template(
        template,
        values=values,
        errors=errors,
        roles=accounts.role_options(),
        units=_unit_choices(),
        region_path=region_path_dicts(values.get("region")) if values.get("region") else [],
        **extra,
    ), status


ACCOUNT_FIELDS = ("username", "display_name", "role", "unit_id", "region", "password")


@bp.route("/admin/users/new", methods=["GET", "POST"])
@login_required
def user_new():
    actor = current_actor()
    require(actor, "user.manage")
    if request.method == "GET":
        return _user_form("admin/user_new.html", values={}, errors={})
    values = {k: request.form.get(k, "") for k in ACCOUNT_FIELDS}
    try:
        account, password = accounts.create_account(get_lib(), actor, values)
    except ValidationFailed as e:
        values.pop("password")
        return _user_form("admin/user_new.html", values=values, errors=_by_field(e), status=422)
    if password:
        return _password_page(account, password, created=True)
    flash(f"账号已创建：{account.username}（{account.role_title}）", "success")
    return redirect(url_for("admin.user_page", username=account.username))


def _render_user(username: str, *, values=None, errors=None, status=200):
    account = accounts.get_account(get_lib(), current_actor(), username)
    if values is None:
        values = {
            "display_name": account.display_name,
            "role": account.role,
            "unit_id": str(account.unit_id or ""),
            "region": account.region_code or "",
        }
    return _user_form(
        "admin/user.html",
        values=values,
        errors=errors or {},
        status=status,
        account=account,
        me=current_actor().user_id == account.id,
    )


@bp.route("/admin/users/<username>", methods=["GET", "POST"])
@login_required
def user_page(username: str):
    if request.method == "GET":
        return _render_user(username)
    values = {k: request.form.get(k, "") for k in ("display_name", "role", "unit_id", "region")}
    try:
        account = accounts.update_account(get_lib(), current_actor(), username, values)
    except ValidationFailed as e:
        return _render_user(username, values=values, errors=_by_field(e), status=422)
    flash(f"账号已保存：{account.username}（{account.role_title}）", "success")
    return redirect(url_for("admin.user_page", username=username))


@bp.post("/admin/users/<username>/password")
@login_required
def user_password(username: str):
    given = request.form.get("password", "") if request.form.get("mode") == "given" else ""
    try:
        account, password = accounts.reset_password(
            get_lib(), current_actor(), username, given or None
        )
    except ValidationFailed as e:
        return _render_user(username, errors=_by_field(e), status=422)
    if password:
        return _password_page(account, password, created=False)
    flash(f"已为 {account.username} 设置新密码，并解除锁定", "success")
    return redirect(url_for("admin.user_page", username=username))


ACCOUNT_ACTIONS = {
    "deactivate": (accounts.deactivate, "账号已停用：{}（不能再登录，访问令牌已作废）"),
    "reactivate": (accounts.reactivate, "账号已启用：{}"),
    "unlock": (accounts.unlock, "已解除锁定：{}"),
}


@bp.post("/admin/users/<username>/<any(deactivate, reactivate, unlock):action>")
@login_required
def user_action(username: str, action: str):
    service, message = ACCOUNT_ACTIONS[action]
    try:
        account = service(get_lib(), current_actor(), username)
    except CaselibError as e:
        if e.status in (401, 403, 404):
            raise
        flash(f"操作未完成：{_error_text(e)}", "error")
    else:
        flash(message.format(account.username), "success")
    return redirect(url_for("admin.user_page", username=username))


# -- units ----------------------------------------------------------------------------------


def _units_page(values=None, errors=None, status=200):
    rows = unit_service.all_units(get_lib(), current_actor())
    values = values or {}
    return render_template(
        "admin/units.html",
        rows=rows,
        parents=[u for u in rows if u.active],
        values=values,
        errors=errors or {},
        region_path=region_path_dicts(values.get("region")) if values.get("region") else [],
    ), status


@bp.route("/admin/units", methods=["GET", "POST"])
@login_required
def units_page():
    if request.method == "GET":
        return _units_page()
    values = {k: request.form.get(k, "") for k in ("name", "region", "parent")}
    try:
        unit = unit_service.add_unit(
            get_lib(),
            values["name"],
            values["region"] or None,
            parent=values["parent"] or None,
            actor=current_actor(),
        )
    except ValidationFailed as e:
        return _units_page(values, _by_field(e), 422)
    flash(f"单位已创建：{unit.name}", "success")
    return redirect(url_for("admin.units_page") + f"#unit-{unit.id}")


def _render_unit(unit_id: int, *, values=None, errors=None, status=200):
    unit = unit_service.get_unit(get_lib(), unit_id)
    rows = unit_service.all_units(get_lib(), current_actor())
    if values is None:
        values = {
            "name": unit.name,
            "region": unit.region_code or "",
            "parent": str(unit.parent_id or ""),
        }
    members = accounts.list_accounts(get_lib(), current_actor(), unit_id=unit.id)
    return render_template(
        "admin/unit.html",
        unit=unit,
        members=members,
        parents=[u for u in rows if (u.active or u.id == unit.parent_id) and u.id != unit.id],
        values=values,
        errors=errors or {},
        region_path=region_path_dicts(values.get("region")) if values.get("region") else [],
    ), status


@bp.route("/admin/units/<int:unit_id>", methods=["GET", "POST"])
@login_required
def unit_page(unit_id: int):
    require(current_actor(), "unit.manage")
    if request.method == "GET":
        return _render_unit(unit_id)
    values = {k: request.form.get(k, "") for k in ("name", "region", "parent")}
    try:
        unit = unit_service.update_unit(
            get_lib(),
            unit_id,
            name=values["name"],
            region=values["region"] or None,
            parent=values["parent"] or None,
            actor=current_actor(),
        )
    except ValidationFailed as e:
        return _render_unit(unit_id, values=values, errors=_by_field(e), status=422)
    flash(f"单位已保存：{unit.name}", "success")
    return redirect(url_for("admin.unit_page", unit_id=unit_id))


@bp.post("/admin/units/<int:unit_id>/<any(deactivate, reactivate):action>")
@login_required
def unit_action(unit_id: int, action: str):
    unit = unit_service.set_unit_active(
        get_lib(), unit_id, action == "reactivate", actor=current_actor()
    )
    if action == "reactivate":
        flash(f"单位已启用：{unit.name}", "success")
    else:
        flash(f"单位已停用：{unit.name}（不再出现在单位选择和征集通知的目标中）", "success")
    return redirect(url_for("admin.unit_page", unit_id=unit_id))


# -- vocabularies ---------------------------------------------------------------------------


def _vocab_page(errors: dict | None = None, values: dict | None = None, status: int = 200):
    """Every vocabulary's section; ``errors`` keyed by (vocabulary key, item id or 'new',
    field), ``values`` the rejected input by (vocabulary key, item id or 'new')."""
    actor = current_actor()
    require(actor, "vocab.manage")
    sections = [(v, v.items(get_lib(), actor)) for v in VOCABULARIES]
    return render_template(
        "admin/vocabularies.html",
        sections=sections,
        errors=errors or {},
        values=values or {},
    ), status


@bp.get("/admin/vocabularies")
@login_required
def vocabularies_page():
    return _vocab_page()


@bp.post("/admin/vocabularies/<key>/add")
@login_required
def vocab_add(key: str):
    return _vocab_action(key, None, "add")


@bp.post("/admin/vocabularies/<key>/merge")
@login_required
def vocab_merge(key: str):
    """The section's merge form: ``item`` into ``into``."""
    item = request.form.get("item", "")
    return _vocab_action(key, int(item) if item.isdigit() else None, "merge")


@bp.post("/admin/vocabularies/<key>/<int:item_id>/<any(rename, move, delete):action>")
@login_required
def vocab_item_action(key: str, item_id: int, action: str):
    return _vocab_action(key, item_id, action)


def _vocab_action(key: str, item_id: int | None, action: str):
    v = vocabulary(key)
    lib, actor = get_lib(), current_actor()
    form = request.form
    anchor = f"{key}-{item_id}" if item_id is not None else f"{key}-new"
    try:
        if action == "add":
            item = v.add(lib, actor, form.get("name", ""), parent_id=form.get("parent_id") or None)
            message = f"已新增{'分组' if item.is_group else v.item_title}：{item.name}"
            anchor = f"{key}-{item.id}"
        elif action == "rename":
            message = v.rename(lib, actor, item_id, form.get("name", "")).message
        elif action == "move":
            item = v.move(
                lib,
                actor,
                item_id,
                form.get("position") or None,
                parent_id=form.get("parent_id") or None,
            )
            message = f"已移动：{item.name}（第 {item.position + 1} 位）"
        elif action == "merge":
            anchor = f"{key}-merge"
            if item_id is None:
                raise ValidationFailed(
                    [FieldError("item", "required", f"请选择要合并的{v.item_title}")]
                )
            message = v.merge(lib, actor, item_id, form.get("into", "")).message
        else:
            message = v.delete(lib, actor, item_id).message
            anchor = key
    except ValidationFailed as e:
        if action == "merge":
            where: Any = "merge"
        elif item_id is not None:
            where = item_id
        else:
            where = f"new-{form.get('parent_id') or ''}"
        errors = {(key, where, x.field): x.message for x in e.errors}
        values = {(key, where): form.to_dict()}
        return _vocab_page(errors, values, 422)
    except CaselibError as e:
        if e.status in (401, 403, 404):
            raise
        flash(f"操作未完成：{_error_text(e)}", "error")
        return redirect(url_for("admin.vocabularies_page") + f"#{anchor}")
    flash(message, "success")
    return redirect(url_for("admin.vocabularies_page") + f"#{anchor}")


# -- the audit log --------------------------------------------------------------------------


@bp.get("/admin/audit")
@login_required
def audit_page():
    actor = current_actor()
    require(actor, "audit.read")
    lib = get_lib()
    errors: dict[str, str] = {}
    page = None
    try:
        flt = audit_log.parse_filter(request.args)
        number, per_page = audit_log.parse_paging(request.args)
        page = audit_log.audit_page(lib, actor, flt, number, per_page)
    except ValidationFailed as e:
        errors = {x.field: x.message for x in e.errors}
    status = 422 if errors else 200
    return render_template(
        "admin/audit.html",
        page=page,
        args=request.args,
        errors=errors,
        actions=audit_names.action_choices(),
        object_types=audit_names.OBJECT_TYPES,
        people=audit_log.people(lib, actor),
    ), status


@bp.get("/admin/audit/export")
@login_required
def audit_export_file():
    actor = current_actor()
    flt = audit_log.parse_filter(request.args)
    data, _ = audit_export.export_xlsx(get_lib(), actor, flt)
    return send_bytes(data, audit_export.file_name(), audit_export.MEDIA_TYPE)
