"""监测预警 and 整改举措: the map and the warning list (所属地区, 预警指标, period, state,
evidence text), a warning's page (预警说明, trend, 整改举措, 详情, suggested cases), an
evidence file's 查看 and 下载, a region's page, the admin's import page; and the same under
``/api/v1`` for scripts. Views parse the request and call one service."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("monitoring", __name__)

from . import api, pages  # noqa: E402,F401 - the routes register themselves on bp
