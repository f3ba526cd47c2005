"""The ``caselib`` command line.

Errors go to stderr as one clear line with a non-zero exit status; tracebacks only with
``--debug``. Exit status: 0 success, 1 failure (for ``ingest``: some files failed),
2 bad usage or bad input.
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import re
import sys
from pathlib import Path
from typing import Any

from library.config import Settings
from library.errors import CaselibError, ValidationFailed

log = logging.getLogger("caselib")


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, no usage dump
        raise UsageError(message)


def _library(*, ensure_index: bool = True, init: bool = True):
    from library.context import Library

    lib = Library(Settings())
    if init:
        lib.init(ensure_index=ensure_index)
    return lib


def _print_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


_MARK = re.compile(r"<mark>(.*?)</mark>")


def _plain(fragment: str, tty: bool) -> str:
    if tty:
        fragment = _MARK.sub("\x1b[1;31m\\1\x1b[0m", fragment)
    else:
        fragment = _MARK.sub("【\\1】", fragment)
    return html.unescape(fragment)


# -- commands -------------------------------------------------------------------------------


def cmd_init(args) -> int:
    lib = _library()
    print(f"案例库已就绪：{lib.settings.home_path}")
    return 0


def cmd_ingest(args) -> int:
    from library.cases.ingest import ingest

    lib = _library()
    defaults = {"theme": args.theme, "region_code": args.region, "case_type": args.type}
    bar = None
    progress = None
    if not args.no_progress:
        from tqdm import tqdm

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:  # at the first file: bad input stays the only line on stderr
                bar = tqdm(total=total, unit="个", desc="导入", file=sys.stderr, dynamic_ncols=True)
            if bar.total != total:
                bar.total = total
            bar.n = done
            bar.refresh()

    try:
        report = ingest(
            lib, args.paths, manifest=args.manifest, defaults=defaults, progress=progress
        )
    finally:
        if bar is not None:
            bar.close()
    if args.json:
        _print_json(report.as_dict())
    else:
        print(
            f"导入 {len(report.added)} 个文件（{report.characters:,} 字），"
            f"跳过 {len(report.skipped)} 个已在库中的文件，失败 {len(report.failed)} 个。"
        )
        for f in report.failed:
            print(f"  失败：{f.path}：{f.message}（{f.code}）", file=sys.stderr)
    return 1 if report.failed else 0


def _search_params(args) -> dict[str, Any]:
    return {
        "q": args.query,
        "theme": args.theme,
        "tags": args.tag or None,
        "case_type": args.type,
        "region": args.region,
        "unit": args.unit,
        "case_no": args.case_no,
        "name": args.name,
        "year": args.year,
        "from": args.date_from,
        "to": args.date_to,
        "sort": args.sort,
        "page": args.page,
        "per_page": args.limit,
    }


def cmd_search(args) -> int:
    from library.cases import search
    from library.vocab import regions

    lib = _library()
    result = search.search(lib, _search_params(args))
    if args.json:
        _print_json(result.as_dict())
        return 0
    tty = sys.stdout.isatty()
    print(
        f"共 {result.total} 个案例"
        + (f"，第 {result.page}/{result.pages} 页" if result.total else "")
    )
    start = (result.page - 1) * result.per_page
    for i, h in enumerate(result.hits, start + 1):
        print(f"\n{i}. [{h.case_no}] {h.name}  （{h.file_name or '无文件'}，相关度 {h.score:.2f}）")
        for frag in h.highlights:
            print("   " + _plain(frag, tty))
    if result.total:
        f = result.facets
        print("\n分面：")
        print("  主题：" + "，".join(f"{k} {v}" for k, v in list(f["theme"].items())[:10]))
        print(
            "  地区："
            + "，".join(
                f"{regions.region_name(k) if k != 'unknown' else '未知'} {v}"
                for k, v in list(f["region"].items())[:10]
            )
        )
        print("  年份：" + "，".join(f"{k} {v}" for k, v in list(f["year"].items())[:10]))
        print("  类型：" + "，".join(f"{k} {v}" for k, v in f["case_type"].items()))
        if f["tags"]:
            print("  标签：" + "，".join(f"{k} {v}" for k, v in list(f["tags"].items())[:10]))
    return 0


def cmd_similar(args) -> int:
    from library.cases import similar

    path = Path(args.file)
    if not path.is_file():
        raise CaselibError(f"文件不存在：{path}", code="not_found")
    lib = _library()
    hits = similar.similar_to_file(lib, path.read_bytes(), path.name, limit=args.limit)
    if args.json:
        _print_json({"hits": [h.as_dict() for h in hits]})
        return 0
    if not hits:
        print("没有找到相似的案例。")
    for i, h in enumerate(hits, 1):
        flag = "  ⚠ 疑似重复" if h.near_duplicate else ""
        print(f"{i}. [{h.case_no}] {h.name}  相似度 {h.similarity:.2f}{flag}")
    return 0


def cmd_reindex(args) -> int:
    from library.cases import indexing

    lib = _library(ensure_index=False)  # about to rebuild anyway
    bar = None
    progress = None
    if not args.no_progress:
        from sqlalchemy import func, select
        from tqdm import tqdm

        from library.models import Case

        with lib.db.session() as s:
            total = s.scalar(
                select(func.count()).select_from(Case).where(Case.status == "published")
            )
        bar = tqdm(total=total, unit="个", desc="重建索引", file=sys.stderr, dynamic_ncols=True)

        def progress(i: int) -> None:
            bar.update(1)

    try:
        n = indexing.rebuild(lib, progress=progress)
    finally:
        if bar is not None:
            bar.close()
    print(f"索引已重建：{n} 个案例。")
    return 0


def cmd_template(args) -> int:
    from library.cases.template import render_template

    out = Path(args.out)
    if out.suffix.lower() != ".docx":
        raise UsageError("模板文件名应以 .docx 结尾")
    if out.parent and not out.parent.exists():
        raise CaselibError(f"目录不存在：{out.parent}", code="not_found")
    out.write_bytes(render_template())
    print(f"申报表模板已写入 {out}")
    return 0


def cmd_serve(args) -> int:
    from .server import serve

    settings = Settings()
    host = args.host or settings.host
    port = args.port or settings.port
    workers = args.workers or settings.workers
    if workers < 1:
        raise UsageError("--workers 至少为 1")
    return serve(host=host, port=port, workers=workers)


def cmd_user_add(args) -> int:
    from library.accounts import users

    lib = _library()
    info = users.create_user(
        lib,
        args.name,
        args.password,
        args.role,
        unit=args.unit,
        region=args.region,
        display_name=args.display_name,
        update=args.update,
    )
    where = "，".join(x for x in (info.unit, info.region) if x)
    print(
        f"账号已{'更新' if args.update else '创建'}：{info.username}（{info.role_title}"
        + (f"，{where}" if where else "")
        + "）"
    )
    return 0


def cmd_user_list(args) -> int:
    from library.accounts import users

    lib = _library()
    rows = users.list_users(lib)
    if args.json:
        _print_json([u.as_dict() for u in rows])
        return 0
    for u in rows:
        print(
            f"{u.username:<16} {u.role:<12} {u.role_title:<8} {u.unit or '':<20} {u.region or ''}"
        )
    return 0


def cmd_unit_add(args) -> int:
    from library.accounts import units

    lib = _library(ensure_index=False)
    info = units.add_unit(lib, args.name, args.region, parent=args.parent)
    where = "，".join(x for x in (info.region, info.parent and f"上级：{info.parent}") if x)
    print(f"单位已创建：{info.id} {info.name}" + (f"（{where}）" if where else ""))
    return 0


def cmd_unit_list(args) -> int:
    from library.accounts import units

    lib = _library(ensure_index=False)
    rows = units.list_units(lib, region=args.region)
    if args.json:
        _print_json([u.as_dict() for u in rows])
        return 0
    for u in rows:
        print(f"{u.id:>5}  {u.name:<24} {u.region_code or '':<7} {u.region}")
    return 0


def cmd_db_upgrade(args) -> int:
    from library.storage.migrate import upgrade

    lib = _library(ensure_index=False, init=False)
    before, after = upgrade(lib.db.engine)
    if before == after:
        print(f"数据库已是最新版本：{after}")
    else:
        print(f"数据库已升级：{before or '（空库）'} → {after}")
    return 0


def cmd_db_current(args) -> int:
    from library.storage.migrate import current, head

    lib = _library(ensure_index=False, init=False)
    rev, newest = current(lib.db.engine), head()
    state = "最新" if rev == newest else f"可升级到 {newest}（caselib db upgrade）"
    print(f"{rev or '（未初始化或 0.1 版数据库）'}（{state}）")
    return 0


_ARCHIVE = (".tar.gz", ".tgz")


def cmd_backup(args) -> int:
    from library.context import Library
    from library.storage.backup import BackupFailed, backup

    out = Path(args.out)
    if not out.name.endswith(_ARCHIVE):
        raise UsageError("备份文件名应以 .tar.gz 结尾")
    lib = Library(Settings())
    try:
        if lib.db.is_sqlite and not Path(lib.db.engine.url.database or "").is_file():
            raise BackupFailed(f"没有可备份的案例库：{lib.settings.home_path}", status=404)
        report = backup(lib, out, include_secrets=args.include_secrets)
    finally:
        lib.close()
    c = report.counts
    print(
        f"备份已写入 {report.path}：{c['cases']} 个案例，{report.files} 个文件"
        f"（{report.bytes / 1048576:.1f} MB），{c['reviews']} 条点评，{c['audit_events']} 条操作日志"
        + ("；含密钥等敏感设置，请妥善保管" if args.include_secrets else "")
    )
    return 0


def cmd_restore(args) -> int:
    from library.storage.backup import restore

    settings = Settings()
    report = restore(settings, args.file)
    c = report.counts
    print(
        f"已恢复到 {settings.home_path}（备份于 {report.created_at}）：{c['cases']} 个案例，"
        f"{report.files} 个文件，{c['reviews']} 条点评，{c['audit_events']} 条操作日志；索引已重建。"
    )
    for note in report.notes:
        print(f"  {note}")
    return 0


def cmd_remind(args) -> int:
    from library.workflow.reminders import send_reminders

    lib = _library(ensure_index=False)
    report = send_reminders(lib)
    print(
        f"截止提醒：新发送 {len(report.reminders)} 条（{report.notifications} 个账号）"
        + (
            f"，推送 {report.posted} 次，失败 {report.post_failures} 次"
            if lib.settings.notify_webhook
            else ""
        )
    )
    return 1 if report.post_failures else 0


TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")


def cmd_check(args) -> int:
    """Place and person names in a file. Text files are read exactly as stored (UTF-8,
    newlines kept), so offsets are character offsets into the file; other formats are
    checked on their extracted text. Exit 0: none found, 1: found, 2: cannot read."""
    from indexer import ExtractionError, extract, find_identifying, format_findings

    path = Path(args.file)
    if not path.is_file():
        raise CaselibError(f"文件不存在：{path}", code="not_found")
    if path.suffix.lower() in TEXT_SUFFIXES:
        try:
            with open(path, encoding="utf-8", newline="") as f:
                text = f.read()
        except UnicodeDecodeError:
            raise CaselibError(
                "文本文件不是 UTF-8 编码，请转换后再检查", code="bad_encoding"
            ) from None
    else:
        settings = Settings()
        try:
            text = extract(
                path.read_bytes(),
                path.name,
                tika_url=settings.tika_url or None,
                soffice=settings.soffice or None,
            ).text
        except ExtractionError as e:
            raise CaselibError(e.message, code=e.code) from e
    findings = find_identifying(text)
    if args.json:
        _print_json({"findings": [f.as_dict() for f in findings]})
    else:
        print(format_findings(text, findings))
    return 1 if findings else 0


# -- wiring ---------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="caselib", description="营商环境改革创新案例库")
    p.add_argument("--debug", action="store_true", help="show tracebacks of unexpected errors")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    sp = sub.add_parser("init", help="create an empty library in $CASELIB_HOME (idempotent)")
    sp.set_defaults(func=cmd_init)

    sp = sub.add_parser("ingest", help="ingest files and folders")
    sp.add_argument("paths", nargs="*", metavar="PATH")
    sp.add_argument("--no-progress", action="store_true")
    sp.add_argument("--manifest", metavar="CSV")
    sp.add_argument("--theme", metavar="T")
    sp.add_argument("--region", metavar="CODE")
    sp.add_argument(
        "--type",
        metavar="TYPE",
        choices=["original", "innovation_borrowed", "rectification_borrowed"],
    )
    sp.add_argument("--json", action="store_true", help="print the report as JSON")
    sp.set_defaults(func=cmd_ingest)

    sp = sub.add_parser("search", help="search the library")
    sp.add_argument("query", nargs="?", default="", metavar="QUERY")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--limit", type=int, default=10, metavar="N")
    sp.add_argument("--page", type=int, default=1, metavar="P")
    sp.add_argument("--theme")
    sp.add_argument("--tag", action="append", metavar="TAG")
    sp.add_argument("--type", metavar="TYPE")
    sp.add_argument("--region", metavar="CODE")
    sp.add_argument("--unit")
    sp.add_argument("--case-no", dest="case_no")
    sp.add_argument("--name")
    sp.add_argument("--year", type=int)
    sp.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    sp.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    sp.add_argument("--sort", choices=["relevance", "date", "rating"], default="relevance")
    sp.set_defaults(func=cmd_search)

    sp = sub.add_parser("similar", help="cases most similar to a draft file")
    sp.add_argument("file", metavar="FILE")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--limit", type=int, default=10, metavar="N")
    sp.set_defaults(func=cmd_similar)

    sp = sub.add_parser("check", help="find place and person names in a case file (anonymity rule)")
    sp.add_argument("file", metavar="FILE")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_check)

    sp = sub.add_parser("reindex", help="rebuild the index from the database and stored files")
    sp.add_argument("--no-progress", action="store_true")
    sp.set_defaults(func=cmd_reindex)

    sp = sub.add_parser("template", help="write the 申报表 template as .docx")
    sp.add_argument("out", metavar="OUT.docx")
    sp.set_defaults(func=cmd_template)

    sp = sub.add_parser("serve", help="run the web library with the production server (gunicorn)")
    sp.add_argument("--host", metavar="H", help="address to listen on (default $CASELIB_HOST)")
    sp.add_argument("--port", type=int, metavar="P", help="port (default $CASELIB_PORT)")
    sp.add_argument(
        "--workers", type=int, metavar="N", help="worker processes (default $CASELIB_WORKERS)"
    )
    sp.set_defaults(func=cmd_serve)

    sp = sub.add_parser("user", help="manage accounts")
    usub = sp.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    up = usub.add_parser("add", help="create an account (or --update an existing one)")
    up.add_argument("name", metavar="NAME")
    up.add_argument(
        "--role",
        required=True,
        choices=["submitter", "approver", "coordinator", "reviewer", "admin"],
    )
    up.add_argument("--unit", metavar="UNIT")
    up.add_argument("--region", metavar="CODE")
    up.add_argument("--password", required=True, metavar="PW")
    up.add_argument("--display-name", dest="display_name", metavar="NAME")
    up.add_argument(
        "--update", action="store_true", help="reset an existing account instead of failing"
    )
    up.set_defaults(func=cmd_user_add)
    up = usub.add_parser("list", help="list the accounts")
    up.add_argument("--json", action="store_true")
    up.set_defaults(func=cmd_user_list)

    sp = sub.add_parser("unit", help="manage units (填报单位)")
    usub = sp.add_subparsers(dest="unit_command", required=True, parser_class=_Parser)
    up = usub.add_parser("add", help="create a unit")
    up.add_argument("name", metavar="NAME")
    up.add_argument("--region", metavar="CODE", help="region code or name (台州市椒江区)")
    up.add_argument("--parent", metavar="UNIT", help="the parent unit's id or name")
    up.set_defaults(func=cmd_unit_add)
    up = usub.add_parser("list", help="list the units")
    up.add_argument("--region", metavar="CODE", help="only units in this region and below")
    up.add_argument("--json", action="store_true")
    up.set_defaults(func=cmd_unit_list)

    sp = sub.add_parser("db", help="the database schema (migrations)")
    dsub = sp.add_subparsers(dest="db_command", required=True, parser_class=_Parser)
    dp = dsub.add_parser("upgrade", help="create or upgrade the database in place")
    dp.set_defaults(func=cmd_db_upgrade)
    dp = dsub.add_parser("current", help="the schema revision of the database")
    dp.set_defaults(func=cmd_db_current)

    sp = sub.add_parser(
        "backup", help="back up the database, the stored files and the settings (while serving)"
    )
    sp.add_argument("out", metavar="OUT.tar.gz")
    sp.add_argument(
        "--include-secrets",
        action="store_true",
        help="also write the secret key, the database URL and the webhook URL",
    )
    sp.set_defaults(func=cmd_backup)

    sp = sub.add_parser("restore", help="restore a backup into an empty $CASELIB_HOME")
    sp.add_argument("file", metavar="FILE.tar.gz")
    sp.set_defaults(func=cmd_restore)

    sp = sub.add_parser("remind", help="send due deadline reminders of collection calls (cron)")
    sp.set_defaults(func=cmd_remind)
    return p


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = build_parser()
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        args = parser.parse_args(argv)
        return args.func(args)
    except UsageError as e:
        print(f"caselib: 参数错误：{e}", file=sys.stderr)
        return 2
    except ValidationFailed as e:
        print(
            "caselib: 错误："
            + "；".join(f"{err.message}（{err.field}: {err.code}）" for err in e.errors),
            file=sys.stderr,
        )
        return 2
    except CaselibError as e:
        print(f"caselib: 错误：{e.message}（{e.code}）", file=sys.stderr)
        return 2 if e.status < 500 else 1
    except KeyboardInterrupt:
        print("caselib: 已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # noqa: BLE001 - last resort: one line, not a traceback
        if debug:
            raise
        print(f"caselib: 内部错误：{type(e).__name__}: {e}（加 --debug 查看详情）", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
