"""The monitoring API under ``/api/v1``: warnings (the list with its filters, one warning
with its rectifications, recording a rectification with its files, closing), evidence
files, indicators (the tree, creating or changing one), importing values (JSON rows or a
file), the 整改方式 vocabulary, the map's counts and a region's indicators."""

from __future__ import annotations

from flask import jsonify, request, url_for

from library.errors import FieldError, ValidationFailed
from library.monitoring import evidence, indicators, methods, rectifications, values, warnings

from ..util import api_arg, api_args, current_actor, get_lib, payload, send_bytes
from . import bp
from .pages import FILTER_KEYS, uploads

TRUE = ("1", "true", "yes", "on")


def _truthy(value) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() in TRUE)


@bp.get("/api/v1/warnings")
def api_warnings():
    return jsonify(warnings.list_warnings(get_lib(), current_actor(), api_args(*FILTER_KEYS)))


@bp.get("/api/v1/warnings/<int:warning_id>")
def api_warning(warning_id: int):
    return jsonify(warnings.get_warning(get_lib(), warning_id, current_actor()))


@bp.post("/api/v1/warnings/<int:warning_id>/rectifications")
def api_rectify(warning_id: int):
    """Multipart: ``method``, ``description``, one or more ``files`` → 201."""
    raw = {"method": request.form.get("method"), "description": request.form.get("description")}
    out = rectifications.record_rectification(
        get_lib(), warning_id, raw, uploads(), current_actor()
    )
    resp = jsonify(out)
    resp.status_code = 201
    resp.headers["Location"] = url_for("monitoring.api_warning", warning_id=warning_id)
    return resp


@bp.post("/api/v1/warnings/<int:warning_id>/close")
def api_close(warning_id: int):
    data = payload()
    note = data.get("note")
    if "note" in data and not isinstance(note, str):
        raise ValidationFailed([FieldError("note", "invalid_type", "note 应为文本")])
    return jsonify(warnings.close_warning(get_lib(), warning_id, current_actor(), note))


@bp.get("/api/v1/evidence/<int:file_id>/file")
def api_evidence_file(file_id: int):
    f = evidence.evidence_file(get_lib(), file_id, current_actor())
    return send_bytes(f.data, f.name, f.media_type, etag=f.sha256)


@bp.get("/api/v1/indicators")
def api_indicators():
    tree = indicators.indicator_tree(get_lib(), current_actor())
    return jsonify({"groups": [g.as_dict() for g in tree]})


@bp.post("/api/v1/indicators")
def api_set_indicator():
    data = payload()
    name = data.pop("name", None)
    if not isinstance(name, str):
        raise ValidationFailed([FieldError("name", "required", "请填写指标名称 name")])
    return jsonify(indicators.set_indicator(get_lib(), name, data, current_actor()))


@bp.post("/api/v1/indicator-values")
def api_import_values():
    """JSON ``{"rows": [{period, region_code, indicator, value}], "skip_bad_rows"}`` or a
    multipart ``file`` (.csv/.xlsx) with ``skip_bad_rows``."""
    lib = get_lib()
    actor = current_actor()
    if request.is_json:
        data = payload()
        report = values.import_records(
            lib,
            values.records_from_json(data.get("rows")),
            actor,
            skip_bad_rows=_truthy(data.get("skip_bad_rows")),
            source="api",
            label="条",
        )
    else:
        f = request.files.get("file")
        if f is None or not f.filename:
            raise ValidationFailed(
                [FieldError("file", "required", "请上传 .csv 或 .xlsx 文件 file")]
            )
        report = values.import_file(
            lib,
            f.filename,
            f.read(),
            actor,
            skip_bad_rows=_truthy(request.form.get("skip_bad_rows")),
            source="api",
        )
    resp = jsonify(report.as_dict())
    resp.status_code = 201
    return resp


@bp.get("/api/v1/rectification-methods")
def api_methods():
    from library.permissions import require

    require(current_actor(), "monitoring.read")
    given = api_arg("all")
    if given not in (None, "0", "1"):
        raise ValidationFailed([FieldError("all", "invalid_choice", "all 应为 0 或 1")])
    include = given == "1"
    return jsonify({"methods": methods.list_methods(get_lib(), include_inactive=include)})


@bp.post("/api/v1/rectification-methods")
def api_add_method():
    data = payload()
    resp = jsonify(methods.add_method(get_lib(), data.get("name"), current_actor()))
    resp.status_code = 201
    return resp


@bp.patch("/api/v1/rectification-methods/<int:method_id>")
def api_update_method(method_id: int):
    data = payload()
    if not data:
        raise ValidationFailed(
            [FieldError("_", "required", "请给出 name、position 或 active 中的至少一项")]
        )
    return jsonify(methods.update_method(get_lib(), method_id, data, current_actor()))


@bp.get("/api/v1/monitoring/map")
def api_map():
    province = api_arg("province") or "330000"
    return jsonify(warnings.map_counts(get_lib(), current_actor(), province))


@bp.get("/api/v1/monitoring/regions/<code>")
def api_region(code: str):
    return jsonify(warnings.region_profile(get_lib(), current_actor(), code, api_arg("period")))
