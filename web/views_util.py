"""Helpers shared by the views: the library of the app, the current user, and what
templates need (CSRF token, URLs that change one search parameter, labels)."""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import urlencode

from flask import Flask, current_app, g, request, session
from markupsafe import Markup, escape

from library.models import CASE_TYPE_TITLES, ROLE_TITLES
from library.services import Library, catalog
from library.services import users as user_service

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
)


def get_lib() -> Library:
    return current_app.extensions["caselib"]


def current_user():
    return g.get("user")


def csrf_token() -> str:
    token = session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def search_params(args) -> dict[str, Any]:
    """The search parameters of a query string (tags may repeat)."""
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
        region_name=catalog.region_name,
        region_label=catalog.region_label,
        region_options=catalog.region_options,
        case_type_titles=CASE_TYPE_TITLES,
        role_titles=ROLE_TITLES,
        stars=stars,
        highlight_findings=highlight_findings,
        can=lambda perm: user_service.can(current_user(), perm),
        privileged=lambda: user_service.is_privileged(current_user()),
    )
    app.jinja_env.filters["nl2br"] = lambda s: Markup("<br>".join(escape(s or "").split("\n")))
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
