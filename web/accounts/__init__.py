"""Accounts: logging in and out (pages), API tokens and the current account (API), units
(``GET /api/v1/units``); ``/audit`` sends old links to the admin's audit log page."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    flash,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from library.accounts import auth, sessions, tokens, units
from library.accounts import users as user_service
from library.errors import FieldError, TooManyAttempts, Unauthorized, ValidationFailed
from library.permissions import require

from ..security import known_device, login_required, remember_device
from ..util import api_arg, csrf_token, current_actor, get_lib, payload

bp = Blueprint("accounts", __name__)


def _safe_next(target: str | None) -> str:
    """Only a path on this site (no scheme, no host, no //)."""
    if not target:
        return url_for("cases.search_page")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return url_for("cases.search_page")
    return target


@bp.route("/login", methods=["GET", "POST"])
def login():
    error = None
    status = 200
    retry_after = None
    username = ""
    next_url = request.values.get("next", "")
    if request.method == "POST":
        username = request.form.get("username", "").strip()
        password = request.form.get("password", "")
        try:
            info = auth.authenticate(
                get_lib(),
                username,
                password,
                remote=request.remote_addr,
                device=known_device(username),
            )
        except TooManyAttempts as e:
            error, status = e.message, e.status
            retry_after = e.details.get("retry_after")
        except Unauthorized as e:
            error, status = e.message, 401
        else:
            sid = sessions.start_session(get_lib(), info.id, remote=request.remote_addr)
            _begin(info.id, sid)
            flash(f"欢迎，{info.display_name}（{info.role_title}）", "success")
            return remember_device(redirect(_safe_next(next_url)), info.username)
    resp = make_response(
        render_template("accounts/login.html", error=error, username=username, next_url=next_url),
        status,
    )
    if retry_after:
        resp.headers["Retry-After"] = str(retry_after)
    return resp


def _begin(user_id: int, sid: str) -> None:
    """A fresh cookie (no fixation, a fresh CSRF token) for a session live on the server."""
    session.clear()
    session.permanent = True
    session["uid"] = user_id
    session["sid"] = sid
    session["seen"] = int(time.time())
    csrf_token()


@bp.post("/logout")
def logout():
    auth.logout(get_lib(), session.get("sid"), session.get("uid"))
    session.clear()
    flash("已退出登录", "success")
    return redirect(url_for("accounts.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password_page():
    """修改密码: every other session and API token of the account ends."""
    errors: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        form = request.form
        try:
            sid = user_service.change_password(
                get_lib(),
                current_actor().user_id,
                form.get("current_password", ""),
                form.get("new_password", ""),
                form.get("confirm_password", ""),
                remote=request.remote_addr,
            )
        except ValidationFailed as e:
            errors, status = {x.field: x.message for x in e.errors}, 422
        except TooManyAttempts as e:
            errors, status = {"current_password": e.message}, 429
        else:
            _begin(current_actor().user_id, sid)
            flash("密码已修改；其他设备上的登录和访问令牌已失效", "success")
            return redirect(url_for("cases.search_page"))
    return render_template("accounts/password.html", errors=errors), status


@bp.get("/audit")
@login_required
def audit_log():
    """The audit log moved to the admin pages (/admin/audit); old links keep working."""
    target = url_for("admin.audit_page")
    query = request.query_string.decode("ascii", "replace")
    return redirect(target + ("?" + query if query else ""))


# -- API ------------------------------------------------------------------------------------


@bp.post("/api/v1/token")
def api_token():
    data = payload()
    username, password = data.get("username"), data.get("password")
    errors = [
        FieldError(k, "required", f"{t}为必填项")
        for k, t, v in (("username", "用户名", username), ("password", "密码", password))
        if not isinstance(v, str) or not v
    ]
    if errors:
        raise ValidationFailed(errors)
    lib = get_lib()
    info = auth.authenticate(lib, username, password, remote=request.remote_addr)
    raw, expires = tokens.issue_token(lib, info.id, remote=request.remote_addr)
    return jsonify(
        {
            "token": raw,
            "token_type": "Bearer",
            "expires_at": expires.isoformat(timespec="seconds") + "Z",
            "user": info.as_dict(),
        }
    )


@bp.get("/api/v1/me")
def api_me():
    return jsonify(user_service.info(current_actor().user).as_dict())


@bp.get("/api/v1/units")
def api_units():
    require(current_actor(), "unit.list")
    region = api_arg("region")
    return jsonify([u.as_dict() for u in units.list_units(get_lib(), region=region)])
