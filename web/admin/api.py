"""The admin services for scripts: ``/api/v1/admin/users``, ``/units``, ``/vocabularies``
and the audit log ``/api/v1/audit`` (same filters and pages as the page, and its .xlsx)."""

from __future__ import annotations

from typing import Any

from flask import jsonify, request, url_for

from library.accounts import admin as accounts
from library.accounts import units as unit_service
from library.auditlog import export as audit_export
from library.auditlog import log as audit_log
from library.errors import FieldError, ValidationFailed
from library.permissions import require
from library.storage.base import MAX_ID
from library.validation import json_int

from ..util import api_args, current_actor, get_lib, payload, send_bytes
from . import VOCABULARIES, bp, vocabulary


def _created(body: dict[str, Any], location: str):
    resp = jsonify(body)
    resp.status_code = 201
    resp.headers["Location"] = location
    return resp


def _body(allowed: tuple[str, ...], *, changes: bool = False) -> dict[str, Any]:
    """The request's fields, only ``allowed`` ones; ``changes`` (a PATCH): at least one."""
    data = payload()
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ValidationFailed(
            [FieldError(k, "unknown_field", f"不支持的字段：{k}") for k in unknown]
        )
    if changes and not data:
        raise ValidationFailed(
            [FieldError("_", "required", "请至少给出一项要修改的字段：" + "、".join(allowed))]
        )
    return data


# -- accounts -------------------------------------------------------------------------------

ACCOUNT_TEXTS = ("username", "display_name", "role", "password")


def _account_body(allowed: tuple[str, ...], *, changes: bool = False) -> dict[str, Any]:
    """An account's fields with their JSON types checked (the services read text): text,
    ``region`` text or null, ``unit_id`` an id or null (12.0 taken as 12)."""
    data = _body(allowed, changes=changes)
    errors = [
        FieldError(k, "invalid_type", f"{k} 应为文本")
        for k in ACCOUNT_TEXTS
        if k in data and not isinstance(data[k], str)
    ]
    if data.get("password") == "":  # given empty is not left out (one would be made up)
        errors.append(FieldError("password", "too_short", "密码至少 8 位"))
    if data.get("region") is not None and not isinstance(data["region"], str):
        errors.append(FieldError("region", "invalid_type", "region 应为地区代码或名称（文本）"))
    if data.get("unit_id") is not None:
        unit_id = json_int(data["unit_id"])
        if unit_id is None or not 1 <= unit_id <= MAX_ID:
            errors.append(FieldError("unit_id", "invalid_type", "unit_id 应为单位编号（整数）"))
        else:
            data["unit_id"] = unit_id
    if errors:
        raise ValidationFailed(errors)
    return data


ROLES = ("submitter", "approver", "coordinator", "reviewer", "admin")
STATUSES = ("active", "inactive", "locked")


@bp.get("/api/v1/admin/users")
def api_users():
    args = api_args("q", "role", "unit_id", "status")
    errors = []
    unit_id = args.get("unit_id")
    if unit_id is not None and not (unit_id.isdigit() and 1 <= int(unit_id) <= MAX_ID):
        errors.append(FieldError("unit_id", "invalid_type", "unit_id 应为单位编号（整数）"))
    if args.get("role") not in (None, *ROLES):
        errors.append(
            FieldError("role", "invalid_choice", "角色应为 " + "、".join(ROLES) + " 之一")
        )
    if args.get("status") not in (None, *STATUSES):
        errors.append(FieldError("status", "invalid_choice", "状态应为 active、inactive 或 locked"))
    if errors:
        raise ValidationFailed(errors)
    rows = accounts.list_accounts(
        get_lib(),
        current_actor(),
        q=args.get("q"),
        role=args.get("role"),
        unit_id=int(unit_id) if unit_id is not None else None,
        status=args.get("status"),
    )
    return jsonify({"users": [r.as_dict() for r in rows]})


@bp.post("/api/v1/admin/users")
def api_user_create():
    data = _account_body(("username", "display_name", "role", "unit_id", "region", "password"))
    account, password = accounts.create_account(get_lib(), current_actor(), data)
    body: dict[str, Any] = {"user": account.as_dict()}
    if password:
        body["password"] = password
    return _created(body, url_for("admin.api_user", username=account.username))


@bp.get("/api/v1/admin/users/<username>")
def api_user(username: str):
    return jsonify(accounts.get_account(get_lib(), current_actor(), username).as_dict())


@bp.patch("/api/v1/admin/users/<username>")
def api_user_update(username: str):
    data = _account_body(("display_name", "role", "unit_id", "region"), changes=True)
    return jsonify(accounts.update_account(get_lib(), current_actor(), username, data).as_dict())


@bp.post("/api/v1/admin/users/<username>/password")
def api_user_password(username: str):
    data = _body(("password",)) if request.get_data() else {}
    given = data.get("password")
    if "password" in data and not isinstance(given, str):
        raise ValidationFailed([FieldError("password", "invalid_type", "password 应为文本")])
    if given == "":  # given empty is not left out (the service would make one up)
        raise ValidationFailed([FieldError("password", "too_short", "密码至少 8 位")])
    account, password = accounts.reset_password(get_lib(), current_actor(), username, given)
    body: dict[str, Any] = {"user": account.as_dict()}
    if password:
        body["password"] = password
    return jsonify(body)


@bp.post("/api/v1/admin/users/<username>/deactivate", defaults={"action": "deactivate"})
@bp.post("/api/v1/admin/users/<username>/reactivate", defaults={"action": "reactivate"})
@bp.post("/api/v1/admin/users/<username>/unlock", defaults={"action": "unlock"})
def api_user_action(username: str, action: str):
    service = {
        "deactivate": accounts.deactivate,
        "reactivate": accounts.reactivate,
        "unlock": accounts.unlock,
    }[action]
    return jsonify(service(get_lib(), current_actor(), username).as_dict())


# -- units ----------------------------------------------------------------------------------


@bp.get("/api/v1/admin/units")
def api_units():
    rows = unit_service.all_units(get_lib(), current_actor())
    return jsonify({"units": [u.admin_dict() for u in rows]})


def _unit_body(*, required: bool) -> dict[str, Any]:
    """A unit's fields, their types checked (name text, region text or null, parent an id,
    a name or null)."""
    data = _body(("name", "region", "parent"), changes=not required)
    errors = []
    if "name" in data or required:
        if not isinstance(data.get("name"), str):
            errors.append(FieldError("name", "required", "单位名称 name 应为文本"))
        elif len(data["name"]) > 100:
            errors.append(FieldError("name", "too_long", "单位名称不能超过 100 字"))
    if data.get("region") is not None and not isinstance(data["region"], str):
        errors.append(FieldError("region", "invalid_type", "地区 region 应为代码或名称（文本）"))
    parent = data.get("parent")
    if parent is not None and (isinstance(parent, bool) or not isinstance(parent, (int, str))):
        errors.append(FieldError("parent", "invalid_type", "上级单位 parent 应为编号或名称"))
    if errors:
        raise ValidationFailed(errors)
    return data


@bp.post("/api/v1/admin/units")
def api_unit_create():
    data = _unit_body(required=True)
    unit = unit_service.add_unit(
        get_lib(),
        data["name"],
        data.get("region") or None,
        parent=data.get("parent"),
        actor=current_actor(),
    )
    return _created(unit.admin_dict(), url_for("admin.api_units"))


@bp.patch("/api/v1/admin/units/<int:unit_id>")
def api_unit_update(unit_id: int):
    data = _unit_body(required=False)
    kwargs: dict[str, Any] = {}
    if "name" in data:
        kwargs["name"] = data["name"]
    if "region" in data:
        kwargs["region"] = data["region"] or None
    if "parent" in data:
        kwargs["parent"] = data["parent"]
    unit = unit_service.update_unit(get_lib(), unit_id, actor=current_actor(), **kwargs)
    return jsonify(unit.admin_dict())


@bp.post("/api/v1/admin/units/<int:unit_id>/deactivate", defaults={"action": "deactivate"})
@bp.post("/api/v1/admin/units/<int:unit_id>/reactivate", defaults={"action": "reactivate"})
def api_unit_action(unit_id: int, action: str):
    unit = unit_service.set_unit_active(
        get_lib(), unit_id, action == "reactivate", actor=current_actor()
    )
    return jsonify(unit.admin_dict())


# -- vocabularies ---------------------------------------------------------------------------


@bp.get("/api/v1/admin/vocabularies")
def api_vocabularies():
    lib, actor = get_lib(), current_actor()
    require(actor, "vocab.manage")
    return jsonify(
        {
            "vocabularies": [
                {
                    "key": v.key,
                    "title": v.title,
                    "tree": v.tree,
                    "items": [i.as_dict() for i in v.items(lib, actor)],
                }
                for v in VOCABULARIES
            ]
        }
    )


def _name(data: dict[str, Any]) -> str:
    name = data.get("name")
    if not isinstance(name, str):
        raise ValidationFailed([FieldError("name", "required", "请填写名称")])
    return name


def _ids(data: dict[str, Any], *keys: str, nullable: tuple[str, ...] = ()) -> dict[str, Any]:
    """The body with its id fields as integers (12.0 taken as 12); a field of another type
    (null only where ``nullable`` says) is a 422 naming it."""
    errors = []
    out = dict(data)
    for key in keys:
        if key not in data or (data[key] is None and key in nullable):
            continue
        value = json_int(data[key])
        low = 0 if key == "position" else 1
        if value is None:
            errors.append(FieldError(key, "invalid_type", f"{key} 应为整数"))
        elif not low <= value <= MAX_ID:
            errors.append(FieldError(key, "out_of_range", f"{key} 应为 {low}–{MAX_ID} 的整数"))
        else:
            out[key] = value
    if errors:
        raise ValidationFailed(errors)
    return out


@bp.post("/api/v1/admin/vocabularies/<vocab>")
def api_vocab_add(vocab: str):
    v = vocabulary(vocab)
    data = _ids(_body(("name", "parent_id")), "parent_id", nullable=("parent_id",))
    item = v.add(get_lib(), current_actor(), _name(data), parent_id=data.get("parent_id"))
    return _created(item.as_dict(), url_for("admin.api_vocabularies"))


@bp.route("/api/v1/admin/vocabularies/<vocab>/<int:item_id>", methods=["PATCH", "DELETE"])
def api_vocab_item(vocab: str, item_id: int):
    """PATCH and DELETE on one rule: an id past what the database holds is then a 404 for
    both (with two rules, the other method's rule made it a 405)."""
    if request.method == "DELETE":
        return api_vocab_delete(vocab, item_id)
    return api_vocab_update(vocab, item_id)


def api_vocab_update(vocab: str, item_id: int):
    """Rename (``name``) and/or move (``position``, ``parent_id``) an entry."""
    v = vocabulary(vocab)
    data = _ids(_body(("name", "position", "parent_id")), "position", "parent_id")
    if not data:
        raise ValidationFailed(
            [FieldError("name", "required", "请给出 name、position 或 parent_id")]
        )
    lib, actor = get_lib(), current_actor()
    messages, carried = [], []
    if "name" in data:
        change = v.rename(lib, actor, item_id, _name(data))
        messages.append(change.message)
        carried = change.carried
    if "position" in data or data.get("parent_id") is not None:
        item = v.move(lib, actor, item_id, data.get("position"), parent_id=data.get("parent_id"))
        messages.append(f"已移动：{item.name}（第 {item.position + 1} 位）")
    return jsonify({"message": "；".join(messages), "carried": carried})


@bp.post("/api/v1/admin/vocabularies/<vocab>/<int:item_id>/merge")
def api_vocab_merge(vocab: str, item_id: int):
    v = vocabulary(vocab)
    data = _ids(_body(("into",)), "into")
    if data.get("into") is None:
        raise ValidationFailed([FieldError("into", "required", "请给出要合并到的条目 into")])
    return jsonify(v.merge(get_lib(), current_actor(), item_id, data["into"]).as_dict())


def api_vocab_delete(vocab: str, item_id: int):
    v = vocabulary(vocab)
    return jsonify(v.delete(get_lib(), current_actor(), item_id).as_dict())


# -- the audit log --------------------------------------------------------------------------


AUDIT_KEYS = ("actor", "action", "object_type", "object_id", "from", "to")


@bp.get("/api/v1/audit")
def api_audit():
    args = api_args(*AUDIT_KEYS, "page", "per_page")
    flt = audit_log.parse_filter(args)
    page, per_page = audit_log.parse_paging(args)
    return jsonify(audit_log.audit_page(get_lib(), current_actor(), flt, page, per_page).as_dict())


@bp.get("/api/v1/audit/export")
def api_audit_export():
    flt = audit_log.parse_filter(api_args(*AUDIT_KEYS))
    data, _ = audit_export.export_xlsx(get_lib(), current_actor(), flt)
    return send_bytes(data, audit_export.file_name(), audit_export.MEDIA_TYPE)
