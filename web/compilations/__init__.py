"""案例汇编 and 简报: the compilations' pages (history, the builder, a compilation with its
preview and downloads) and the briefing's page, and the same under ``/api/v1``."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("compilations", __name__)

from . import api, pages  # noqa: E402,F401 - the routes register themselves on bp
