"""One error handler: JSON (``{"code", "message", ...}``) for ``/api``, a page in Chinese
for people. Bad input never shows a traceback; unexpected errors are logged with their
cause and answered with ``internal_error``."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from library.errors import CaselibError

log = logging.getLogger(__name__)

HTTP_ERRORS = {
    400: ("bad_request", "请求有误"),
    401: ("unauthorized", "请先登录"),
    403: ("forbidden", "没有权限执行此操作"),
    404: ("not_found", "页面不存在"),
    405: ("method_not_allowed", "不支持该请求方式"),
    413: ("too_large", "上传的文件过大"),
    415: ("unsupported_media_type", "不支持的请求格式"),
    429: ("too_many_requests", "请求过于频繁，请稍后再试"),
}


# Page helpers called by the pages' scripts: they answer JSON, errors included.
JSON_ENDPOINTS = frozenset(
    {
        "cases.suggest",
        "cases.regions_json",
        "cases.inspect",
        "cases.similar_json",
        "cases.case_status",
    }
)


def wants_json() -> bool:
    return (
        request.path.startswith("/api/")
        or request.endpoint in JSON_ENDPOINTS
        or request.headers.get("X-Requested-With") == "fetch"
    )


def _body(e: Exception) -> tuple[dict, int]:
    if isinstance(e, CaselibError):
        return e.as_dict(), e.status
    if isinstance(e, HTTPException):
        status = e.code or 500
        code, message = HTTP_ERRORS.get(status, ("http_error", "请求无法处理"))
        if status == 413:
            from .util import get_lib

            message = f"上传的文件过大（最大 {get_lib().settings.max_upload_mb} MB）"
        return {"code": code, "message": message}, status
    log.exception("unexpected error on %s %s", request.method, request.path, exc_info=e)
    return {"code": "internal_error", "message": "服务器内部错误，请稍后重试"}, 500


def _headers(e: Exception, body: dict) -> dict[str, str]:
    """Headers the answer must carry: Allow (405: the methods the URL takes),
    Retry-After, and whatever else the HTTP error says besides its own body's type."""
    out: dict[str, str] = {}
    if isinstance(e, HTTPException):
        for key, value in e.get_headers():
            if key.lower() not in ("content-type", "content-length"):
                out[key] = value
    if "retry_after" in body:
        out["Retry-After"] = str(body["retry_after"])
    return out


def handle(e: Exception):
    body, status = _body(e)
    headers = _headers(e, body)
    if wants_json():
        resp = jsonify(body)
        resp.status_code = status
        if status == 401:
            resp.headers["WWW-Authenticate"] = 'Bearer realm="caselib"'
        resp.headers.update(headers)
        return resp
    if status == 401 and request.method == "GET":
        return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))
    page = render_template(
        "error.html", code=body["code"], message=body["message"], status=status, details=body
    )
    return page, status, headers


def init_app(app: Flask) -> None:
    app.register_error_handler(CaselibError, handle)
    app.register_error_handler(HTTPException, handle)
    app.register_error_handler(Exception, handle)
