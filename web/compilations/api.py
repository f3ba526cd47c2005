"""The compilations' and briefings' API (``/api/v1``)."""

from __future__ import annotations

from flask import jsonify, request, url_for

from library.compilations import briefing, build, read
from library.errors import FieldError, ValidationFailed

from ..util import current_actor, get_lib, payload, send_bytes
from . import bp
from .pages import _period, send_file


@bp.get("/api/v1/compilations")
def api_compilations():
    return jsonify({"compilations": read.list_compilations(get_lib(), current_actor())})


@bp.post("/api/v1/compilations")
def api_create_compilation():
    if not request.is_json:
        raise ValidationFailed([FieldError("_", "invalid_json", "请求体应为 JSON 对象")])
    lib = get_lib()
    made = build.create(lib, payload(), current_actor())
    resp = jsonify(read.get_compilation(lib, made.compilation_id, current_actor()))
    resp.status_code = 201
    resp.headers["Location"] = url_for(
        "compilations.api_compilation", compilation_id=made.compilation_id
    )
    return resp


@bp.get("/api/v1/compilations/<int:compilation_id>")
def api_compilation(compilation_id: int):
    return jsonify(read.get_compilation(get_lib(), compilation_id, current_actor()))


@bp.post("/api/v1/compilations/<int:compilation_id>/regenerate")
def api_regenerate(compilation_id: int):
    lib = get_lib()
    build.regenerate(lib, compilation_id, current_actor())
    return jsonify(read.get_compilation(lib, compilation_id, current_actor()))


@bp.get("/api/v1/compilations/<int:compilation_id>/file")
def api_compilation_file(compilation_id: int):
    return send_file(read.compilation_file(get_lib(), compilation_id, current_actor()))


@bp.get("/api/v1/compilations/<int:compilation_id>/file.pdf")
def api_compilation_pdf(compilation_id: int):
    return send_file(read.compilation_file(get_lib(), compilation_id, current_actor(), "pdf"))


@bp.get("/api/v1/briefings")
def api_briefing():
    b = briefing.make_briefing(get_lib(), current_actor(), **_period(request.args))
    return jsonify(b.as_dict())


@bp.get("/api/v1/briefings/file")
def api_briefing_file():
    lib = get_lib()
    actor = current_actor()
    b = briefing.make_briefing(lib, actor, **_period(request.args))
    data = briefing.briefing_docx(lib, b, issuer=build.default_issuer(actor))
    return send_bytes(data, briefing.briefing_file_name(b), read.DOCX_TYPE)


@bp.post("/api/v1/briefings/send")
def api_briefing_send():
    data = payload()
    errors = []
    roles = data.get("roles")
    if roles is not None and not (
        isinstance(roles, list) and all(isinstance(r, str) for r in roles)
    ):
        errors.append(FieldError("roles", "invalid_type", "roles 应为角色名的数组"))
    for key, name in (("month", "月份"), ("region", "所属地区")):
        if data.get(key) is not None and not isinstance(data[key], str):
            errors.append(FieldError(key, "invalid_type", f"{name}应为字符串"))
    call = data.get("call")
    if call is not None and (isinstance(call, bool) or not isinstance(call, int)):
        errors.append(FieldError("call", "invalid_type", "征集通知编号应为整数"))
    if errors:
        raise ValidationFailed(errors)
    out = briefing.send_briefing(
        get_lib(),
        current_actor(),
        month=data.get("month"),
        call_id=data.get("call"),
        region=data.get("region"),
        roles=roles,
    )
    return jsonify(out)
