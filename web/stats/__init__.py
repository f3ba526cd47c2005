"""The statistics' pages and API (入库考核统计): the dashboard (filters, ranked table,
charts, the weights), the list behind every figure, the .xlsx and CSV exports, and the
scoring weights; ``GET /api/v1/stats`` answers what ``caselib stats --json`` prints."""

from __future__ import annotations

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for

from library import permissions
from library.errors import FieldError, ValidationFailed
from library.stats import export, figures, weights
from library.stats.figures import BY_TITLES, FIGURES

from ..security import login_required
from ..util import api_args, current_actor, get_lib, payload, send_bytes

bp = Blueprint("stats", __name__)

PARAMS = ("by", "region", "year", "from", "to")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv"


def _params(*extra: str) -> dict[str, str]:
    return {
        k: request.args[k].strip()
        for k in (*PARAMS, *extra)
        if request.args.get(k) is not None and request.args[k].strip() != ""
    }


def _api_params(*extra: str) -> dict[str, str]:
    """The API's parameters: as the page's, but one given empty is a 422 (not left out)."""
    return api_args(*PARAMS, *extra)


def _filters(params: dict[str, str]):
    return figures.parse_filters(params, current_actor(), province=get_lib().settings.province)


# -- pages ----------------------------------------------------------------------------------


@bp.get("/stats")
@login_required
def dashboard():
    lib, actor = get_lib(), current_actor()
    permissions.require(actor, "stats.read")
    errors: dict[str, list[FieldError]] = {}
    try:
        data = figures.statistics(lib, _params(), actor)
        status = 200
    except ValidationFailed as e:
        for x in e.errors:
            errors.setdefault(x.field, []).append(x)
        data = figures.statistics(lib, {}, actor)
        status = 422
    f = data["filters"]
    return render_template(
        "stats/index.html",
        data=data,
        filters=f,
        values=_params() if errors else {k: v for k, v in f.items() if v is not None},
        errors=errors,
        columns=export.columns(f["by"]),
        by_titles=BY_TITLES,
        name_title=export.NAME_TITLES[f["by"]],
        regions=figures.region_choices(actor, lib.settings.province),
        years=figures.year_choices(),
        weight_keys=weights.KEYS,
        weights_history=weights.history(lib, data["weights"]["year"]),
        can_set_weights=permissions.can(actor, "stats.weights"),
        this_year=weights.beijing_year(),
        province=lib.settings.province,
        query=_link_params(f),
    ), status


def _link_params(f: dict) -> dict[str, str]:
    out = {"by": f["by"], "region": f["region"]}
    if f.get("year"):
        out["year"] = str(f["year"])
    else:
        if f.get("from"):
            out["from"] = f["from"]
        if f.get("to"):
            out["to"] = f["to"]
    return out


@bp.get("/stats/cases")
@login_required
def figure_page():
    lib, actor = get_lib(), current_actor()
    listed = figures.figure_items(lib, _params("figure", "key"), actor)
    return render_template(
        "stats/cases.html",
        listed=listed,
        kind=FIGURES[listed["figure"]][1],
        by_titles=BY_TITLES,
        back=url_for("stats.dashboard", **_link_params(listed["filters"])),
    )


@bp.get("/stats/export.xlsx")
@login_required
def export_xlsx():
    return _xlsx(_params())


@bp.get("/stats/export.csv")
@login_required
def export_csv():
    return _csv(_params())


@bp.post("/stats/weights")
@login_required
def weights_form():
    actor = current_actor()
    form = request.form
    values = {k.key: form[k.key].strip() for k in weights.KEYS if form.get(k.key, "").strip()}
    back = form.get("next") or url_for("stats.dashboard")
    if not back.startswith("/") or back.startswith("//"):
        back = url_for("stats.dashboard")
    try:
        saved = weights.set_weights(
            get_lib(), form.get("year", ""), values, actor, note=form.get("note") or None
        )
    except ValidationFailed as e:
        flash("权重未保存：" + "；".join(x.message for x in e.errors), "error")
    except weights.WeightsFrozen as e:
        flash(f"权重未保存：{e.message}", "error")
    else:
        flash(f"{saved.year} 年度计分权重已保存（第 {saved.version} 版）", "success")
    return redirect(back)


# -- API ------------------------------------------------------------------------------------


@bp.get("/api/v1/stats")
def api_stats():
    return jsonify(figures.statistics(get_lib(), _api_params(), current_actor()))


@bp.get("/api/v1/stats.xlsx")
def api_stats_xlsx():
    return _xlsx(_api_params())


@bp.get("/api/v1/stats.csv")
def api_stats_csv():
    return _csv(_api_params())


@bp.get("/api/v1/stats/cases")
def api_figure_items():
    return jsonify(figures.figure_items(get_lib(), _api_params("figure", "key"), current_actor()))


@bp.get("/api/v1/stats/weights")
def api_weights():
    actor = current_actor()
    permissions.require(actor, "stats.read")
    year = api_args("year").get("year")
    year = weights.parse_year(year) if year is not None else weights.beijing_year()
    lib = get_lib()
    return jsonify(
        {
            "weights": weights.get_weights(lib, year).as_dict(),
            "versions": [w.as_dict() for w in weights.history(lib, year)],
            "keys": [
                {
                    "key": k.key,
                    "title": k.title,
                    "default": weights.number(k.default),
                    "help": k.help,
                }
                for k in weights.KEYS
            ],
        }
    )


@bp.put("/api/v1/stats/weights")
def api_set_weights():
    data = payload()
    values = data.get("values")
    note = data.get("note")
    if note is not None and not isinstance(note, str):
        raise ValidationFailed([FieldError("note", "invalid_type", "说明应为文本")])
    saved = weights.set_weights(
        get_lib(),
        data.get("year", weights.beijing_year()),
        values if values is not None else {},
        current_actor(),
        note=note,
    )
    return jsonify(saved.as_dict())


# -- files ----------------------------------------------------------------------------------


def _xlsx(params: dict[str, str]):
    lib, actor = get_lib(), current_actor()
    f = _filters(params)
    data = export.workbook(lib, params, actor)
    return send_bytes(data, export.file_name(f, "xlsx"), XLSX)


def _csv(params: dict[str, str]):
    lib, actor = get_lib(), current_actor()
    f = _filters(params)
    data = export.csv_bytes(lib, params, actor)
    return send_bytes(
        data, export.file_name(f, "csv").replace(".csv", f"_{BY_TITLES[f.by]}.csv"), CSV
    )
