"""Who is asking, for every request, CSRF protection and the security headers.

People log in with a form (a session cookie: HttpOnly, SameSite=Lax, ``Secure`` with
``SECURE_COOKIES``, expiring after ``SESSION_MINUTES`` of inactivity, checked on the server
too); scripts use API tokens (``Authorization: Bearer …`` on ``/api/v1``). Either way the
account is ``g.user``, and the views pass it on to the services, which decide what it may
do. Every form that changes something carries a CSRF token. Every response says what the
browser may load and who may frame it (:func:`security_headers`).
"""

from __future__ import annotations

import functools
import secrets
import time

from flask import Flask, current_app, flash, g, redirect, request, session, url_for
from itsdangerous import BadSignature, URLSafeTimedSerializer

from library.accounts import sessions, tokens
from library.accounts import users as user_service
from library.errors import CaselibError, Unauthorized

from .util import get_lib

UNSAFE = ("POST", "PUT", "PATCH", "DELETE")
# API endpoints open without a token.
PUBLIC_API = frozenset({"accounts.api_token", "openapi_json"})


class CsrfFailed(CaselibError):
    code = "csrf_failed"
    status = 400
    message = "页面已过期或来源不明，请刷新页面后重试"


def is_api() -> bool:
    return request.path.startswith("/api/")


def _load_user() -> None:
    g.user = None
    if request.endpoint == "static":
        return
    if is_api():
        _load_token_user()
        return
    uid = session.get("uid")
    if uid is None:
        return
    lib = get_lib()
    limit = lib.settings.session_minutes * 60
    seen = session.get("seen", 0)
    now = int(time.time())
    if now - seen > limit:
        session.clear()
        g.session_expired = True
        return
    # The session must still be live on the server: logging out, a password change or
    # an administrator's reset ended it, whatever copy of the cookie is presented.
    if sessions.session_owner(lib, session.get("sid")) != uid:
        session.clear()
        g.session_expired = True
        return
    user = user_service.load_user(lib, uid)
    if user is None:
        session.clear()
        return
    g.user = user
    if now - seen > 30:  # refresh the inactivity clock (and the cookie) at most twice a minute
        session["seen"] = now


def _load_token_user() -> None:
    if request.endpoint in PUBLIC_API or request.endpoint is None:
        return
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized(
            "缺少访问令牌：请在 Authorization 头中使用 Bearer 令牌", code="token_missing"
        )
    g.user = tokens.user_for_token(get_lib(), token.strip())


def _check_csrf() -> None:
    if request.method not in UNSAFE or is_api():
        return
    sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
    expected = session.get("csrf") or ""
    if not expected or not secrets.compare_digest(sent, expected):
        raise CsrfFailed()


# A browser that has logged in before: its attempts on those accounts are throttled on
# their own (library.accounts.throttle), so nobody elsewhere can lock its owner out.
DEVICE_COOKIE = "caselib_device"
DEVICE_DAYS = 180
DEVICE_NAMES = 5


def _devices() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="caselib-known-device")


def _device_data() -> dict | None:
    raw = request.cookies.get(DEVICE_COOKIE)
    if not raw:
        return None
    try:
        data = _devices().loads(raw, max_age=DEVICE_DAYS * 86400)
    except BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        return None
    return data


def known_device(username: str) -> str | None:
    """The id of this browser if it has logged in to ``username`` before, else None."""
    data = _device_data()
    if data is None or username.strip() not in (data.get("u") or []):
        return None
    return data["id"]


def remember_device(response, username: str):
    """After a successful login: this browser is one the account's owner uses."""
    data = _device_data() or {"id": secrets.token_urlsafe(16), "u": []}
    names = [username] + [n for n in data.get("u") or [] if n != username]
    value = _devices().dumps({"id": data["id"], "u": names[:DEVICE_NAMES]})
    cfg = current_app.config
    response.set_cookie(
        DEVICE_COOKIE,
        value,
        max_age=DEVICE_DAYS * 86400,
        httponly=True,
        secure=cfg["SESSION_COOKIE_SECURE"],
        samesite=cfg["SESSION_COOKIE_SAMESITE"],
    )
    return response


def content_security_policy(frame_ancestors: str) -> str:
    """The pages load scripts, styles, fonts and workers from this site only (no inline
    script or style: the templates have none); PDF.js runs its worker from a blob: URL
    and draws pages into canvases; ``frame_ancestors`` says who may frame the pages."""
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {frame_ancestors}",
        )
    )


def _frame_options(frame_ancestors: str) -> str | None:
    """X-Frame-Options for browsers without CSP frame-ancestors, when it can say the same."""
    return {"'self'": "SAMEORIGIN", "'none'": "DENY"}.get(frame_ancestors.strip())


def security_headers(response):
    """On every response: CSP with frame-ancestors, no MIME sniffing, no referrer beyond
    this site."""
    settings = get_lib().settings
    ancestors = settings.frame_ancestors.strip() or "'self'"
    h = response.headers
    h.setdefault("Content-Security-Policy", content_security_policy(ancestors))
    h.setdefault("X-Content-Type-Options", "nosniff")
    h.setdefault("Referrer-Policy", "same-origin")
    frame = _frame_options(ancestors)
    if frame:
        h.setdefault("X-Frame-Options", frame)
    return response


def cookie_config(settings) -> dict:
    """The session cookie's flags: ``Secure`` with SECURE_COOKIES; ``SameSite=None`` when
    other sites may frame the pages (a cookie in a cross-site frame needs it, and needs
    ``Secure``), else Lax."""
    ancestors = settings.frame_ancestors.split()
    cross_site = any(a not in ("'self'", "'none'") for a in ancestors)
    samesite = "None" if cross_site and settings.secure_cookies else "Lax"
    return {
        "SESSION_COOKIE_SECURE": bool(settings.secure_cookies),
        "SESSION_COOKIE_SAMESITE": samesite,
    }


def init_app(app: Flask) -> None:
    app.before_request(_load_user)
    app.before_request(_check_csrf)
    app.after_request(security_headers)


def login_required(view):
    """Pages: a visitor without a session goes to the login page and comes back. (The
    API's token check happens for every /api request before any view.)"""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if g.get("user") is None:
            if request.method == "GET" and not request.headers.get("X-Requested-With"):
                if g.get("session_expired"):
                    flash("登录已过期，请重新登录", "warning")
                return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))
            raise Unauthorized("登录已过期，请重新登录" if g.get("session_expired") else None)
        return view(*args, **kwargs)

    return wrapped
