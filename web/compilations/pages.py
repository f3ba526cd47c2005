"""The pages of 案例汇编 and 简报. Views parse the request and call one service."""

from __future__ import annotations

from typing import Any

from flask import flash, jsonify, redirect, render_template, request, url_for

from library import permissions
from library.cases.models import CASE_TYPE_TITLES
from library.compilations import briefing, build, read, selection, writer
from library.compilations.models import ORDER_TITLES
from library.errors import CaselibError, ValidationFailed
from library.vocab import catalogue, regions
from library.workflow import calls

from ..security import login_required
from ..util import current_actor, get_lib, send_bytes
from . import bp

FILTERS = ("q", "theme", "year", "region", "min_rating", "case_type")
OPTIONS = ("title", "issuer", "issued_on", "order", "show_region")
PREVIEW_CASES = 3


def send_file(f, *, inline: bool = False):
    return send_bytes(f.data, f.name, f.media_type, inline=inline, etag=f.sha256)


@bp.get("/compilations")
@login_required
def list_page():
    actor = current_actor()
    return render_template(
        "compilations/list.html",
        compilations=read.list_compilations(get_lib(), actor),
        can_create=permissions.can(actor, "compilation.create"),
    )


def _filters(args) -> dict[str, Any]:
    return {k: args.get(k, "").strip() for k in FILTERS if args.get(k, "").strip()}


def _builder(
    *, chosen: list[str], values: dict[str, Any], errors: dict | None = None, status: int = 200
):
    lib = get_lib()
    actor = current_actor()
    args = request.args
    source = args.get("source") or "recommended"
    filters = _filters(args)
    offered, offer_error = [], None
    try:
        offered = selection.offer(lib, actor, {"source": source, **filters})
    except ValidationFailed as e:
        offer_error = "；".join(x.message for x in e.errors)
    except CaselibError as e:
        offer_error = e.message
    picked = selection.describe(lib, chosen) if chosen else []
    region = filters.get("region")
    return render_template(
        "compilations/new.html",
        source=source,
        filters=filters,
        offered=[c for c in offered if c.case_no not in set(chosen)],
        offer_error=offer_error,
        chosen=picked,
        values=values,
        errors=errors or {},
        orders=ORDER_TITLES,
        vocab=catalogue.vocabularies(lib),
        case_types=CASE_TYPE_TITLES,
        default_title=build.DEFAULT_TITLE,
        default_issuer=build.default_issuer(actor),
        today=build.today_in_beijing().isoformat(),
        region_path=regions.region_path_dicts(region) if region else [],
    ), status


@bp.get("/compilations/new")
@login_required
def new_page():
    permissions.require(current_actor(), "compilation.create")
    chosen = [c for c in request.args.getlist("case_nos") if c.strip()]
    add = request.args.get("add", "").strip()
    if add and add not in chosen:
        chosen.append(add)
    values = {k: request.args.get(k, "") for k in OPTIONS if request.args.get(k)}
    return _builder(chosen=chosen, values=values)


@bp.get("/compilations/candidates")
@login_required
def candidates_json():
    """The builder's helper: cases offered for a source and filters (or these numbers)."""
    args = request.args
    params: dict[str, Any] = {"source": args.get("source") or "recommended", **_filters(args)}
    if args.getlist("case_nos"):
        params["case_nos"] = args.getlist("case_nos")
    found = selection.offer(get_lib(), current_actor(), params)
    return jsonify({"cases": [c.as_dict() for c in found]})


def _form_request(form) -> dict[str, Any]:
    data: dict[str, Any] = {
        "case_nos": list(dict.fromkeys(c for c in form.getlist("case_nos") if c.strip())),
        "order": form.get("order") or "theme",
        "show_region": form.get("show_region") == "1",
    }
    for key in ("title", "issuer", "issued_on"):
        if form.get(key, "").strip():
            data[key] = form.get(key).strip()
    return data


@bp.post("/compilations")
@login_required
def create_page():
    data = _form_request(request.form)
    try:
        made = build.create(get_lib(), data, current_actor(), explicit=True)
    except ValidationFailed as e:
        errors: dict[str, list] = {}
        for x in e.errors:
            errors.setdefault(x.field, []).append(x)
        values = {k: request.form.get(k, "") for k in OPTIONS}
        return _builder(chosen=data["case_nos"], values=values, errors=errors, status=422)
    flash(f"汇编已生成：收录案例 {made.case_count} 个，{made.chapters} 章", "success")
    return redirect(url_for("compilations.compilation_page", compilation_id=made.compilation_id))


@bp.get("/compilations/<int:compilation_id>")
@login_required
def compilation_page(compilation_id: int):
    lib = get_lib()
    actor = current_actor()
    record = read.get_compilation(lib, compilation_id, actor)
    preview = printed = None
    if record["pdf"]["state"] != "ready":
        preview = read.preview_booklet(lib, compilation_id, actor, cases=PREVIEW_CASES)
        printed = writer.printed(preview)
    return render_template(
        "compilations/compilation.html",
        c=record,
        preview=preview,
        printed=printed,
        can_regenerate=permissions.can(actor, "compilation.create"),
    )


@bp.get("/compilations/<int:compilation_id>/status")
@login_required
def compilation_status(compilation_id: int):
    record = read.get_compilation(get_lib(), compilation_id, current_actor())
    return jsonify({"pdf": record["pdf"], "revision": record["revision"]})


@bp.get("/compilations/<int:compilation_id>/file")
@login_required
def compilation_file(compilation_id: int):
    return send_file(read.compilation_file(get_lib(), compilation_id, current_actor()))


@bp.get("/compilations/<int:compilation_id>/file.pdf")
@login_required
def compilation_pdf(compilation_id: int):
    f = read.compilation_file(get_lib(), compilation_id, current_actor(), "pdf")
    return send_file(f, inline=request.args.get("inline") == "1")


@bp.post("/compilations/<int:compilation_id>/regenerate")
@login_required
def regenerate_page(compilation_id: int):
    made = build.regenerate(get_lib(), compilation_id, current_actor())
    flash(f"汇编已重新生成：收录案例 {made.case_count} 个", "success")
    return redirect(url_for("compilations.compilation_page", compilation_id=compilation_id))


# -- 简报 -----------------------------------------------------------------------------------


def _period(source) -> dict[str, Any]:
    return {
        "month": source.get("month") or None,
        "call_id": source.get("call") or None,
        "region": source.get("region") or None,
    }


@bp.get("/briefings")
@login_required
def briefing_page():
    lib = get_lib()
    actor = current_actor()
    args = request.args
    period = _period(args)
    if period["call_id"]:  # the form sends its month field too
        period["month"] = None
    result, errors = None, {}
    if period["month"] or period["call_id"]:
        try:
            result = briefing.make_briefing(lib, actor, **period)
        except ValidationFailed as e:
            errors = {x.field: x.message for x in e.errors}
    region = args.get("region") or (
        actor.region_code if actor.role == "coordinator" and not period["call_id"] else ""
    )
    return render_template(
        "compilations/briefing.html",
        b=result,
        errors=errors,
        month=args.get("month", ""),
        call=args.get("call", ""),
        region=region,
        region_path=regions.region_path_dicts(region) if region else [],
        calls=_calls_of(actor),
        can_send=permissions.can(actor, "briefing.send"),
        roles=briefing.ROLES,
    ), (422 if errors else 200)


def _calls_of(actor) -> list[dict[str, Any]]:
    if not permissions.can(actor, "call.view"):
        return []
    return [{"id": c["id"], "title": c["title"]} for c in calls.list_calls(get_lib(), actor)]


@bp.get("/briefings/file")
@login_required
def briefing_file():
    lib = get_lib()
    actor = current_actor()
    b = briefing.make_briefing(lib, actor, **_period(request.args))
    data = briefing.briefing_docx(lib, b, issuer=build.default_issuer(actor))
    return send_bytes(data, briefing.briefing_file_name(b), read.DOCX_TYPE)


@bp.post("/briefings/send")
@login_required
def briefing_send():
    form = request.form
    period = _period(form)
    try:
        out = briefing.send_briefing(
            get_lib(), current_actor(), **period, roles=form.getlist("roles") or None
        )
    except CaselibError as e:
        if e.status in (401, 403, 404):
            raise
        flash(f"简报未发送：{e.message}", "error")
    else:
        flash(
            f"简报已发送：{out['sent']} 个账号收到通知"
            + ("（此前已收到的不再重复发送）" if out["sent"] == 0 else ""),
            "success",
        )
    query = {
        k: v
        for k, v in (
            ("month", period["month"]),
            ("call", period["call_id"]),
            ("region", period["region"]),
        )
        if v
    }
    return redirect(url_for("compilations.briefing_page", **query))
