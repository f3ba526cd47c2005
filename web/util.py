"""Helpers shared by the views: the library of the app, who is acting (a session's user or
an API token's), request bodies, file responses, and what templates need (CSRF token,
URLs that change one search parameter, labels, Beijing time)."""

from __future__ import annotations

import io
import secrets
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlencode

from flask import Flask, current_app, g, request, send_file, session
from markupsafe import Markup, escape

from library import permissions
from library.accounts.audit import Actor
from library.context import Library
from library.errors import FieldError, ValidationFailed
from library.models import CASE_TYPE_TITLES, ROLE_TITLES, STATUS_TITLES
from library.vocab import regions

# Search parameters the page and the API accept (schemas/search_request.json).
SEARCH_KEYS = (
    "q",
    "theme",
    "tags",
    "case_type",
    "region",
    "unit",
    "case_no",
    "name",
    "year",
    "from",
    "to",
    "sort",
    "page",
    "per_page",
    "group",
)


def get_lib() -> Library:
    return current_app.extensions["caselib"]


def current_user():
    """The account acting in this request (a web session's or an API token's), or None."""
    return g.get("user")


def current_actor() -> Actor | None:
    user = g.get("user")
    return Actor.of(user) if user is not None else None


def _empty(name: str) -> FieldError:
    return FieldError(name, "empty", f"参数 {name} 不能为空；不需要时请不要传")


def api_arg(name: str) -> str | None:
    """A query parameter of an API call: absent is None; given empty is a 422 naming it
    (the OpenAPI document says minLength 1), not the same as leaving it out."""
    value = request.args.get(name)
    if value is not None and not value.strip():
        raise ValidationFailed([_empty(name)])
    return value


def api_args(*names: str) -> dict[str, str]:
    """The given query parameters of an API call, trimmed; any of them given empty is a
    422 naming it (every one at once), as api_arg."""
    empty = sorted({k for k in names for v in request.args.getlist(k) if not v.strip()})
    if empty:
        raise ValidationFailed([_empty(k) for k in empty])
    return {k: request.args[k].strip() for k in names if k in request.args}


def payload() -> dict[str, Any]:
    """The request's fields: a JSON object, or the form."""
    if request.is_json:
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            raise ValidationFailed([FieldError("_", "invalid_json", "请求体应为 JSON 对象")])
        return data
    return request.form.to_dict()


def send_bytes(
    data: bytes,
    name: str,
    media_type: str | None,
    *,
    inline: bool = False,
    etag: str | None = None,
):
    """Bytes with their original (Chinese) name: RFC 5987 ``filename*`` and an ASCII
    fallback, set by Werkzeug; never sniffed, never cached by shared caches."""
    resp = send_file(
        io.BytesIO(data),
        mimetype=media_type or "application/octet-stream",
        as_attachment=not inline,
        download_name=name,
        etag=etag,
        max_age=0,
    )
    resp.headers["X-Content-Type-Options"] = "nosniff"
    resp.headers["Cache-Control"] = "private, no-cache"
    return resp


BEIJING = timezone(timedelta(hours=8), "北京时间")


def beijing(value: datetime | str | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A UTC time (naive, as stored) shown in Beijing time."""
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value.rstrip("Z"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(BEIJING).strftime(fmt)


def csrf_token() -> str:
    token = session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def search_params(args, *, strict: bool = False) -> dict[str, Any]:
    """The search parameters of a query string (tags may repeat). The page leaves empty
    ones out (its form sends them all); ``strict`` (the API) refuses them."""
    if strict:
        empty = sorted({k for k in SEARCH_KEYS for v in args.getlist(k) if not v.strip()})
        if empty:
            raise ValidationFailed([_empty(k) for k in empty])
    out: dict[str, Any] = {}
    for key in SEARCH_KEYS:
        if key == "tags":
            tags = [t for t in args.getlist("tags") if t.strip()]
            if tags:
                out["tags"] = tags
            continue
        value = args.get(key)
        if value is not None and value.strip() != "":
            out[key] = value.strip()
    return out


def _base_args() -> list[tuple[str, str, str]]:
    """The current query string as (key, value, encoded pair), parsed once per request."""
    cached = g.get("_url_args")
    if cached is None:
        cached = [(k, v, urlencode([(k, v)])) for k, v in request.args.items(multi=True) if v != ""]
        g._url_args = cached
    return cached


def url_with(**changes: Any) -> str:
    """The current search URL with some parameters changed (None removes one; ``add_tag``
    and ``remove_tag`` edit the tag list); the page goes back to 1 unless given."""
    add_tag = changes.pop("add_tag", None)
    remove_tag = changes.pop("remove_tag", None)
    keep_page = "page" in changes
    parts: list[str] = []
    for key, value, encoded in _base_args():
        if key in changes or (key == "page" and not keep_page):
            continue
        if key == "tags" and (value == remove_tag or value == add_tag):
            continue
        parts.append(encoded)
    if add_tag:
        parts.append(urlencode([("tags", add_tag)]))
    for key, value in changes.items():
        if value not in (None, ""):
            parts.append(urlencode([(key, str(value))]))
    return request.path + ("?" + "&".join(parts) if parts else "")


def highlight_findings(text: str | None, findings: list[dict]) -> Markup:
    """The text with each anonymity finding marked where it is (offsets into the text as
    the service checked it: stripped, with LF line ends)."""
    text = (text or "").strip().replace("\r\n", "\n")
    out: list[str] = []
    pos = 0
    for f in sorted(findings, key=lambda f: f["start"]):
        start, end = f["start"], f["end"]
        if start < pos or text[start:end] != f["text"]:
            continue  # the text changed since: leave it unmarked
        out.append(str(escape(text[pos:start])))
        out.append(
            f'<mark class="finding" title="{escape(f.get("label", ""))} → {escape(f["replacement"])}">'
            f"{escape(f['text'])}</mark>"
        )
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out).replace("\n", "<br>"))


def stars(value: float | None, count: int | None = None) -> Markup:
    """★★★★☆ 4.2（3）"""
    if not count or value is None:
        return Markup('<span class="stars none" title="暂无点评">暂无点评</span>')
    full = int(round(value))
    label = f"{value:.1f}"
    return Markup(
        f'<span class="stars" title="平均 {label} 星，{count} 条点评" aria-label="平均 {label} 星">'
        f'<span class="on">{"★" * full}</span><span class="off">{"★" * (5 - full)}</span>'
        f" <b>{label}</b><small>（{count}）</small></span>"
    )


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        csrf_token=csrf_token,
        url_with=url_with,
        region_name=regions.region_name,
        region_label=regions.region_label,
        region_options=regions.region_options,
        case_type_titles=CASE_TYPE_TITLES,
        status_titles=STATUS_TITLES,
        role_titles=ROLE_TITLES,
        stars=stars,
        highlight_findings=highlight_findings,
        can=lambda action, obj=None: permissions.can(current_actor(), action, obj),
        privileged=lambda: permissions.is_privileged(current_actor()),
        max_upload_bytes=lambda: get_lib().settings.max_upload_mb * 1024 * 1024,
    )
    app.jinja_env.filters["beijing"] = beijing
    app.jinja_env.filters["nl2br"] = lambda s: Markup("<br>".join(escape(s or "").split("\n")))
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
