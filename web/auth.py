"""Logging in and out, the current user, session expiry and CSRF protection.

People log in with a form (a session cookie: HttpOnly, SameSite=Lax, expiring after
``SESSION_MINUTES`` of inactivity, checked on the server too); scripts use API tokens
(see :mod:`web.api`). Every form that changes something carries a CSRF token.
"""

from __future__ import annotations

import functools
import secrets
import time
from urllib.parse import urlsplit

from flask import Blueprint, Flask, flash, g, redirect, render_template, request, session, url_for

from library.errors import CaselibError, TooManyAttempts, Unauthorized
from library.services import users as user_service

from .views_util import csrf_token, get_lib

bp = Blueprint("auth", __name__)

UNSAFE = ("POST", "PUT", "PATCH", "DELETE")


class CsrfFailed(CaselibError):
    code = "csrf_failed"
    status = 400
    message = "页面已过期或来源不明，请刷新页面后重试"


def _load_user() -> None:
    g.user = None
    if request.path.startswith("/api/") or request.endpoint == "static":
        return
    uid = session.get("uid")
    if uid is None:
        return
    limit = get_lib().settings.session_minutes * 60
    seen = session.get("seen", 0)
    now = int(time.time())
    if now - seen > limit:
        session.clear()
        g.session_expired = True
        return
    user = user_service.load_user(get_lib(), uid)
    if user is None:
        session.clear()
        return
    g.user = user
    if now - seen > 30:  # refresh the inactivity clock (and the cookie) at most twice a minute
        session["seen"] = now


def _check_csrf() -> None:
    if request.method not in UNSAFE or request.path.startswith("/api/"):
        return
    sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
    expected = session.get("csrf") or ""
    if not expected or not secrets.compare_digest(sent, expected):
        raise CsrfFailed()


def init_app(app: Flask) -> None:
    app.before_request(_load_user)
    app.before_request(_check_csrf)


def login_required(view):
    """Pages: a visitor without a session goes to the login page and comes back."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if g.get("user") is None:
            if request.method == "GET" and not request.headers.get("X-Requested-With"):
                if g.get("session_expired"):
                    flash("登录已过期，请重新登录", "warning")
                return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
            raise Unauthorized("登录已过期，请重新登录" if g.get("session_expired") else None)
        return view(*args, **kwargs)

    return wrapped


def _safe_next(target: str | None) -> str:
    """Only a path on this site (no scheme, no host, no //)."""
    if not target:
        return url_for("pages.search_page")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return url_for("pages.search_page")
    return target


@bp.route("/login", methods=["GET", "POST"])
def login():
    error = None
    status = 200
    username = ""
    next_url = request.values.get("next", "")
    if request.method == "POST":
        username = request.form.get("username", "").strip()
        password = request.form.get("password", "")
        try:
            info = user_service.authenticate(
                get_lib(), username, password, remote=request.remote_addr
            )
        except TooManyAttempts as e:
            error, status = e.message, e.status
        except Unauthorized as e:
            error, status = e.message, 401
        else:
            session.clear()  # a fresh session (no fixation), a fresh CSRF token
            session.permanent = True
            session["uid"] = info.id
            session["seen"] = int(time.time())
            csrf_token()
            flash(f"欢迎，{info.display_name}（{info.role_title}）", "success")
            return redirect(_safe_next(next_url))
    return render_template("login.html", error=error, username=username, next_url=next_url), status


@bp.post("/logout")
def logout():
    uid = session.get("uid")
    if uid is not None:
        user_service.record_logout(get_lib(), uid)
    session.clear()
    flash("已退出登录", "success")
    return redirect(url_for("auth.login"))
