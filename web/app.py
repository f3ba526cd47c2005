"""The application factory: settings, the library, blueprints, the error handler."""

from __future__ import annotations

import logging
import mimetypes
import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.routing import IntegerConverter

from library.config import Settings
from library.context import Library

log = logging.getLogger(__name__)


def _secret_key(settings: Settings) -> str:
    """The configured key, or one generated once and kept in ``$CASELIB_HOME/secret_key``
    (created atomically, so every worker process reads the same key)."""
    if settings.secret_key:
        return settings.secret_key
    path = Path(settings.home_path) / "secret_key"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as f:
        key = secrets.token_hex(32)
        f.write(key)
    return key


class IdConverter(IntegerConverter):
    """``<int:…>`` in URLs: an id the database can hold (a larger number is 404, not an
    overflow deep in the driver)."""

    def __init__(self, map, *args, **kwargs):
        from library.storage.base import MAX_ID

        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    # PDF.js ships ES modules (.mjs); browsers load them only as JavaScript, and not every
    # system's mime.types lists the suffix.
    mimetypes.add_type("text/javascript", ".mjs")
    test_config = dict(test_config or {})
    # CASELIB: settings instead of the CASELIB_* environment; CASELIB_ENV: the environment
    # to read the other settings from (tests pass {} to ignore the real one).
    settings = Settings(test_config.pop("CASELIB", None), env=test_config.pop("CASELIB_ENV", None))
    app = Flask(__name__, instance_path=str(settings.home_path))
    app.url_map.converters["int"] = IdConverter
    lib = Library(settings)
    lib.init()
    app.config.update(
        SECRET_KEY=_secret_key(settings),
        PERMANENT_SESSION_LIFETIME=timedelta(minutes=settings.session_minutes),
        SESSION_COOKIE_NAME="caselib_session",
        SESSION_COOKIE_HTTPONLY=True,
        # The cookie goes back only when the session changed (a flash, the inactivity clock
        # at most twice a minute): sent with every response, a request the page made before
        # a form was posted (PDF.js reading the file, a script) could answer after the post
        # and put back the cookie without the post's flash.
        SESSION_REFRESH_EACH_REQUEST=False,
        # Room for the multipart envelope around the largest accepted file.
        MAX_CONTENT_LENGTH=settings.max_upload_mb * 1024 * 1024 + 1024 * 1024,
        JSON_AS_ASCII=False,
        TEMPLATES_AUTO_RELOAD=False,
    )
    from . import (
        accounts,
        admin,
        cases,
        compilations,
        errors,
        monitoring,
        openapi,
        reviews,
        security,
        stats,
        uploads,
        util,
        workflow,
    )

    app.config.update(security.cookie_config(settings))
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.config.update(test_config)
    app.extensions["caselib"] = lib
    if settings.proxies > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix

        n = settings.proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n)

    util.init_app(app)
    uploads.init_app(app)  # before security: the CSRF check reads the form
    security.init_app(app)
    errors.init_app(app)
    workflow.init_app(app)
    app.register_blueprint(accounts.bp)
    app.register_blueprint(cases.bp)
    app.register_blueprint(reviews.bp)
    app.register_blueprint(workflow.bp)
    app.register_blueprint(compilations.bp)
    app.register_blueprint(monitoring.bp)
    app.register_blueprint(stats.bp)
    app.register_blueprint(admin.bp)
    app.add_url_rule("/api/v1/openapi.json", "openapi_json", openapi.serve)

    if settings.job_runner == "thread" and not app.config.get("TESTING"):
        from library.jobs.runner import ensure_thread

        @app.before_request
        def _jobs_runner() -> None:
            # Per process (a forked worker starts its own), at its first request.
            ensure_thread(app.extensions["caselib"])

    from library.cases import search

    search.warm_up(lib)
    # Open files and connections are not shared with worker processes forked from here.
    lib.close()
    return app
