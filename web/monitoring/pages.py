"""The pages of 监测预警: the map with the list, a warning's page, the rectification form
(the list's dialog posts here too, by fetch, and gets JSON back), closing, an evidence
file's 查看 and 下载, a region's page, the import page."""

from __future__ import annotations

import json

from flask import abort, flash, jsonify, redirect, render_template, request, url_for

from library import permissions
from library.errors import CaselibError, FieldError, ValidationFailed
from library.monitoring import (
    bridge,
    evidence,
    indicators,
    methods,
    rectifications,
    values,
    warnings,
)
from library.monitoring.evidence import ACCEPT_ATTR, EvidenceUpload
from library.monitoring.models import STATE_TITLES
from library.monitoring.periods import period_title
from library.vocab import regions

from ..security import login_required
from ..util import current_actor, get_lib, send_bytes
from . import bp

PER_PAGE = 20
FILTER_KEYS = ("region", "group", "indicator", "period", "state", "q")
STATE_OPTIONS = {
    "": "全部状态",
    "open": "待整改",
    "rectifying": "整改中",
    "resolved": "已整改",
    "unresolved": "未整改完成",
}
PROVINCE = "330000"  # the map's province (the vendored map is 浙江省's)


@bp.app_template_filter("period_title")
def _period_title(period: str | None) -> str:
    return period_title(period)


def uploads() -> list[EvidenceUpload]:
    return [
        EvidenceUpload(f.filename, f.read()) for f in request.files.getlist("files") if f.filename
    ]


def wants_fetch() -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


def _filters() -> dict[str, str]:
    return {k: v.strip() for k in FILTER_KEYS if (v := request.args.get(k)) and v.strip()}


@bp.get("/monitoring")
@login_required
def index():
    lib = get_lib()
    actor = current_actor()
    params = _filters()
    errors: dict[str, str] = {}
    try:
        result = warnings.list_warnings(lib, actor, params)
    except ValidationFailed as e:
        errors = {x.field: x.message for x in e.errors}
        result = warnings.list_warnings(lib, actor, {})
        result["warnings"] = []
    items = result["warnings"]
    try:
        page = max(1, int(request.args.get("page", "1")))
    except ValueError:
        page = 1
    pages = max(1, -(-len(items) // PER_PAGE))
    page = min(page, pages)
    shown = items[(page - 1) * PER_PAGE : page * PER_PAGE]
    snippets = (
        warnings.evidence_snippets(lib, [w["id"] for w in shown], params.get("q", ""))
        if params.get("q")
        else {}
    )
    counts = warnings.map_counts(lib, actor, PROVINCE)
    region = params.get("region")
    return render_template(
        "monitoring/index.html",
        params=params,
        errors=errors,
        items=shown,
        total=len(items),
        page=page,
        pages=pages,
        snippets=snippets,
        counts=counts,
        map_json=json.dumps(counts, ensure_ascii=False),
        tree=indicators.indicator_tree(lib, actor),
        periods=warnings.periods_held(lib),
        states=STATE_OPTIONS,
        methods=methods.list_methods(lib),
        accept=ACCEPT_ATTR,
        region_path=regions.region_path_dicts(region) if region and "region" not in errors else [],
        demo=result["demo"] or counts["demo"],
        can_import=permissions.can(actor, "monitoring.import"),
    ), (422 if errors else 200)


@bp.get("/monitoring/warnings/<int:warning_id>")
@login_required
def warning_page(warning_id: int):
    lib = get_lib()
    actor = current_actor()
    w = warnings.get_warning(lib, warning_id, actor)
    return render_template(
        "monitoring/warning.html",
        w=w,
        methods=methods.list_methods(lib),
        accept=ACCEPT_ATTR,
        suggested=bridge.suggested_cases(lib, warning_id, actor),
        answering=bridge.answering_cases(lib, warning_id, actor),
        can_create_case=permissions.can(actor, "case.create"),
        trend_json=json.dumps(
            {
                "unit": w["unit"],
                "periods": [t["period_title"] for t in w["trend_series"]],
                "values": [t["value"] for t in w["trend_series"]],
                "averages": [t["average"] for t in w["trend_series"]],
                "region": w["region"],
            },
            ensure_ascii=False,
        ),
        state_titles=STATE_TITLES,
    )


@bp.post("/monitoring/warnings/<int:warning_id>/rectifications")
@login_required
def rectify(warning_id: int):
    """The rectification form, from the warning page or the list's dialog (by fetch: JSON,
    201 or the errors)."""
    lib = get_lib()
    raw = {"method": request.form.get("method"), "description": request.form.get("description")}
    try:
        out = rectifications.record_rectification(lib, warning_id, raw, uploads(), current_actor())
    except ValidationFailed as e:
        if wants_fetch():
            raise
        for x in e.errors:
            flash(f"上传未完成：{x.message}", "error")
        return redirect(url_for("monitoring.warning_page", warning_id=warning_id) + "#rectify")
    message = f"上传成功：{out['method']}，{len(out['files'])} 个佐证材料，可在【详情】中查看"
    if wants_fetch():
        resp = jsonify({**out, "message": message, "warning_id": warning_id})
        resp.status_code = 201
        return resp
    flash(message, "success")
    return redirect(url_for("monitoring.warning_page", warning_id=warning_id) + "#details")


@bp.post("/monitoring/warnings/<int:warning_id>/close")
@login_required
def close(warning_id: int):
    try:
        warnings.close_warning(get_lib(), warning_id, current_actor(), request.form.get("note"))
    except (ValidationFailed, CaselibError) as e:
        if e.status in (401, 403, 404):
            raise
        flash(f"销号未完成：{e.message}", "error")
    else:
        flash("已整改销号", "success")
    return redirect(url_for("monitoring.warning_page", warning_id=warning_id))


@bp.get("/monitoring/evidence/<int:file_id>")
@login_required
def evidence_page(file_id: int):
    lib = get_lib()
    actor = current_actor()
    preview = error = None
    try:
        preview = evidence.evidence_preview(lib, file_id, actor)
    except CaselibError as e:
        if e.status in (401, 403, 404):
            raise
        error = e
    info = preview
    if info is None:
        f = evidence.evidence_file(lib, file_id, actor)
        info = {"id": f.id, "file_name": f.name, "warning_id": f.warning_id, "kind": None}
    return render_template(
        "monitoring/evidence.html",
        f=info,
        error=error,
        warning=warnings.warning_brief(lib, info["warning_id"], actor),
    )


@bp.get("/monitoring/evidence/<int:file_id>/file")
@login_required
def evidence_download(file_id: int):
    f = evidence.evidence_file(get_lib(), file_id, current_actor())
    inline = request.args.get("inline") == "1"
    if inline and f.format not in ("pdf", "jpeg", "png"):
        abort(404)
    return send_bytes(f.data, f.name, f.media_type, inline=inline, etag=f.sha256)


@bp.get("/monitoring/regions/<code>")
@login_required
def region_page(code: str):
    lib = get_lib()
    profile = warnings.region_profile(
        lib, current_actor(), code, request.args.get("period") or None
    )
    chart = {
        "names": [i["indicator"] for i in profile["indicators"]],
        "scores": [i["score"] for i in profile["indicators"]],
        "averages": [i["average_score"] for i in profile["indicators"]],
        "beyond": [i["beyond"] for i in profile["indicators"]],
        "values": [i["value_text"] for i in profile["indicators"]],
        "average_texts": [i["average_text"] for i in profile["indicators"]],
        "best_texts": [f"{i['best_region']} {i['best_text']}" for i in profile["indicators"]],
        "region": profile["region"],
    }
    return render_template(
        "monitoring/region.html",
        p=profile,
        chart_json=json.dumps(chart, ensure_ascii=False),
    )


@bp.route("/monitoring/import", methods=["GET", "POST"])
@login_required
def import_page():
    lib = get_lib()
    actor = current_actor()
    permissions.require(actor, "monitoring.import")
    report = None
    errors: list[FieldError] = []
    status = 200
    if request.method == "POST":
        f = request.files.get("file")
        if f is None or not f.filename:
            errors = [FieldError("file", "required", "请选择要导入的 .csv 或 .xlsx 文件")]
            status = 422
        else:
            try:
                report = values.import_file(
                    lib,
                    f.filename,
                    f.read(),
                    actor,
                    skip_bad_rows=request.form.get("skip_bad_rows") == "1",
                )
            except ValidationFailed as e:
                errors, status = e.errors, 422
            else:
                flash(
                    f"导入完成：{report.imported} 行（新增 {report.added}，更新 {report.changed}，"
                    f"删除 {report.removed}），新增预警 {report.warnings_raised} 条",
                    "success",
                )
    return render_template(
        "monitoring/import.html",
        report=report,
        errors=errors,
        imports=values.list_imports(lib, actor),
    ), status
