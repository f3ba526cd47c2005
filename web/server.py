"""The production server: gunicorn with several worker processes. The application is built
once in the master (``preload_app``), so jieba's dictionary and the vocabularies are loaded
once and shared copy-on-write; the master keeps no open index files or database connections
(see :func:`web.app.create_app`), each worker opens its own."""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)


def _banner(app, host: str, port: int, workers: int) -> None:
    from library.accounts import users
    from library.demo.accounts import ACCOUNTS, FEATURED
    from library.models import ROLE_TITLES

    lib = app.extensions["caselib"]
    existing = {u.username for u in users.list_users(lib)}
    print(
        f"营商环境改革创新案例库：http://{host}:{port}/  （{workers} 个工作进程，数据目录 {lib.settings.home_path}）",
        flush=True,
    )
    demo = [a for a in ACCOUNTS if a.username in existing and a.username in FEATURED]
    if demo:
        print("示例账号（用户名 / 密码 / 角色）：")
        for a in demo:
            print(
                f"  {a.username:<14} {a.password:<10} {ROLE_TITLES[a.role]}（{a.role}）：{a.note}"
            )
    print(f"API 文档：http://{host}:{port}/api/v1/openapi.json", flush=True)


# A sentence with place and person names: checking it loads all the anonymity check needs.
_NAMES_SAMPLE = "浙江省台州市椒江区的张三同志和黄岩区王小红主任介绍了一网通办的做法。"


def _load_anonymity_check() -> None:
    """Load the anonymity check's dictionaries (jieba's full dictionary and its
    part-of-speech table, the gazetteer) in the master, before the fork: every worker
    shares them, instead of each loading its own copy (a second or more of processor
    time) inside its first upload."""
    import gc

    from indexer import find_in_fields

    find_in_fields({"sample": _NAMES_SAMPLE})
    gc.collect()
    gc.freeze()  # as search.warm_up: full collections in the workers leave them alone


def _fresh_connections(server, worker) -> None:
    lib = worker.app.wsgi().extensions["caselib"]
    lib.db.engine.dispose(close=False)


def _apply_queued_writes(server, worker) -> None:
    """A worker that stops applies the index changes it left queued (its drain thread
    stops with it); the queue stays on disk for the next writer if the index is held."""
    lib = worker.app.wsgi().extensions["caselib"]
    try:
        lib.index.drain(timeout=5.0)
    except Exception:  # noqa: BLE001 - stopping anyway; the next writer applies the queue
        log.warning("index changes left queued at exit", exc_info=True)


def serve(*, host: str, port: int, workers: int, timeout: int = 120) -> int:
    from gunicorn.app.base import BaseApplication

    from . import create_app

    app = create_app()
    _load_anonymity_check()
    lib = app.extensions["caselib"]
    lib.index.commit_interval = lib.settings.index_commit_ms / 1000
    _banner(app, host, port, workers)

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("preload_app", True)
            self.cfg.set("timeout", timeout)
            self.cfg.set("graceful_timeout", 20)
            self.cfg.set("accesslog", None)
            self.cfg.set("errorlog", "-")
            self.cfg.set("loglevel", "warning")
            self.cfg.set("proc_name", "caselib")
            # A forked worker must not use the master's database connections (two processes
            # on one PostgreSQL socket corrupt it): it opens its own (SQLAlchemy's advice).
            self.cfg.set("post_fork", _fresh_connections)
            self.cfg.set("worker_exit", _apply_queued_writes)

        def load(self):
            return app

    Server().run()
    return 0


if __name__ == "__main__":
    sys.exit(serve(host="127.0.0.1", port=5000, workers=2))
