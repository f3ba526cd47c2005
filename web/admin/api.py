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

from ..util import current_actor, get_lib, payload, send_bytes
from . import VOCABULARIES, bp, vocabulary


def _created(body: dict[str, Any], location: str):
    resp = jsonify(body)
    resp.status_code = 201
    resp.headers["Location"] = location
    return resp


def _body(allowed: tuple[str, ...]) -> dict[str, Any]:
    data = payload()
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ValidationFailed(
            [FieldError(k, "unknown_field", f"不支持的字段：{k}") for k in unknown]
        )
    return data


# -- accounts -------------------------------------------------------------------------------


@bp.get("/api/v1/admin/users")
def api_users():
    args = request.args
    unit_id = args.get("unit_id", "")
    rows = accounts.list_accounts(
        get_lib(),
        current_actor(),
        q=args.get("q") or None,
        role=args.get("role") or None,
        unit_id=int(unit_id) if unit_id.isdigit() else None,
        status=args.get("status") or None,
    )
    return jsonify({"users": [r.as_dict() for r in rows]})


@bp.post("/api/v1/admin/users")
def api_user_create():
    data = _body(("username", "display_name", "role", "unit_id", "region", "password"))
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
    data = _body(("display_name", "role", "unit_id", "region"))
    return jsonify(accounts.update_account(get_lib(), current_actor(), username, data).as_dict())


@bp.post("/api/v1/admin/users/<username>/password")
def api_user_password(username: str):
    data = _body(("password",)) if request.get_data() else {}
    given = data.get("password")
    if given is not None and not isinstance(given, str):
        raise ValidationFailed([FieldError("password", "invalid_type", "password 应为文本")])
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


@bp.post("/api/v1/admin/units")
def api_unit_create():
    data = _body(("name", "region", "parent"))
    unit = unit_service.add_unit(
        get_lib(),
        data.get("name") or "",
        data.get("region") or None,
        parent=data.get("parent"),
        actor=current_actor(),
    )
    return _created(unit.admin_dict(), url_for("admin.api_units"))


@bp.patch("/api/v1/admin/units/<int:unit_id>")
def api_unit_update(unit_id: int):
    data = _body(("name", "region", "parent"))
    kwargs: dict[str, Any] = {}
    if "name" in data:
        kwargs["name"] = data["name"] if isinstance(data["name"], str) else ""
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


@bp.post("/api/v1/admin/vocabularies/<vocab>")
def api_vocab_add(vocab: str):
    v = vocabulary(vocab)
    data = _body(("name", "parent_id"))
    item = v.add(get_lib(), current_actor(), _name(data), parent_id=data.get("parent_id"))
    return _created(item.as_dict(), url_for("admin.api_vocabularies"))


@bp.patch("/api/v1/admin/vocabularies/<vocab>/<int:item_id>")
def api_vocab_update(vocab: str, item_id: int):
    """Rename (``name``) and/or move (``position``, ``parent_id``) an entry."""
    v = vocabulary(vocab)
    data = _body(("name", "position", "parent_id"))
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
    data = _body(("into",))
    if data.get("into") is None:
        raise ValidationFailed([FieldError("into", "required", "请给出要合并到的条目 into")])
    return jsonify(v.merge(get_lib(), current_actor(), item_id, data["into"]).as_dict())


@bp.delete("/api/v1/admin/vocabularies/<vocab>/<int:item_id>")
def api_vocab_delete(vocab: str, item_id: int):
    v = vocabulary(vocab)
    return jsonify(v.delete(get_lib(), current_actor(), item_id).as_dict())


# -- the audit log --------------------------------------------------------------------------


@bp.get("/api/v1/audit")
def api_audit():
    flt = audit_log.parse_filter(request.args)
    page, per_page = audit_log.parse_paging(request.args)
    return jsonify(audit_log.audit_page(get_lib(), current_actor(), flt, page, per_page).as_dict())


@bp.get("/api/v1/audit/export")
def api_audit_export():
    flt = audit_log.parse_filter(request.args)
    data, _ = audit_export.export_xlsx(get_lib(), current_actor(), flt)
    return send_bytes(data, audit_export.file_name(), audit_export.MEDIA_TYPE)
