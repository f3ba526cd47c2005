"""Cases: 查询 (search with facets), 查看 (a case and its document), 下载, 上传案例 and
修改 (the 申报表 form), the template, and the pages' small JSON helpers; and the same
under ``/api/v1`` for scripts. Views parse the request and call one service."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("cases", __name__)

from . import api, pages  # noqa: E402,F401 - the routes register themselves on bp
