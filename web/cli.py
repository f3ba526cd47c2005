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


def _library(*, ensure_index: bool = True, init: bool = True, reading: bool = False):
    """The library of $CASELIB_HOME, created or upgraded where needed. ``reading`` (a
    command that only reads the index, like search): no vocabulary seeding, and the index
    only checked (repaired when missing or damaged); the search itself then indexes what
    is pending, without comparing every published case with the index first."""
    from library.context import Library

    lib = Library(Settings())
    if init:
        lib.init(ensure_index=ensure_index and not reading, seed=not reading)
        if reading and lib.index.check() != "ok":
            lib.ensure_index()
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
        "group": 1 if args.group else None,
    }


def cmd_search(args) -> int:
    from library.cases import search
    from library.vocab import regions

    lib = _library(reading=True)
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
        if h.versions:
            print(
                f"   另有 {len(h.versions)} 个相似版本："
                + "，".join(f"[{c}] {n}" for c, n in h.versions)
            )
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


def _out_docx(path: str) -> Path:
    out = Path(path)
    if out.suffix.lower() != ".docx":
        raise UsageError("输出文件名应以 .docx 结尾")
    if out.parent and not out.parent.exists():
        raise CaselibError(f"目录不存在：{out.parent}", code="not_found")
    return out


def cmd_compile(args) -> int:
    from library.accounts.audit import Actor
    from library.compilations import build, pdf

    out = _out_docx(args.out)
    if args.min_rating is not None and not 1 <= args.min_rating <= 5:
        raise UsageError("--min-rating 应在 1 到 5 之间")
    lib = _library()
    request = {
        "q": args.query,
        "theme": args.theme,
        "year": args.year,
        "recommended_for": args.recommended_for,
        "min_rating": args.min_rating,
        "order": args.order,
        "title": args.title,
        "issuer": args.issuer,
        "show_region": args.show_region or None,
    }
    made = build.create(lib, {k: v for k, v in request.items() if v is not None}, Actor.cli())
    out.write_bytes(made.data)
    print(
        f"收录案例 {made.case_count} 个，已写入 {out}"
        f"（{made.chapters} 章；已保存为汇编 #{made.compilation_id}）"
    )
    if args.pdf:
        target = out.with_suffix(".pdf")
        target.write_bytes(pdf.write_pdf(lib, made.data))
        print(f"PDF 已写入 {target}")
    return 0


def cmd_briefing(args) -> int:
    from library.accounts.audit import Actor
    from library.compilations import briefing
    from library.compilations.build import DEFAULT_ISSUER

    out = _out_docx(args.out)
    lib = _library()
    b = briefing.make_briefing(
        lib, Actor.cli(), month=args.month, call_id=args.call, region=args.region
    )
    if not b.total:
        raise briefing.EmptyBriefing()
    out.write_bytes(briefing.briefing_docx(lib, b, issuer=args.issuer or DEFAULT_ISSUER))
    print(f"{b.headline}，简报已写入 {out}")
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


def cmd_user_passwd(args) -> int:
    from library.accounts import admin
    from library.accounts.audit import Actor

    lib = _library(ensure_index=False)
    account, password = admin.reset_password(lib, Actor.cli(), args.name, args.password)
    if password:
        print(f"已为 {account.username} 生成临时密码（只显示这一次）：{password}")
    else:
        print(f"已为 {account.username} 设置新密码")
    return 0


def _user_state(service: str, done: str):
    def run(args) -> int:
        from library.accounts import admin
        from library.accounts.audit import Actor

        lib = _library(ensure_index=False)
        account = getattr(admin, service)(lib, Actor.cli(), args.name)
        print(f"{done}：{account.username}（{account.role_title}，{account.status_title}）")
        return 0

    return run


cmd_user_deactivate = _user_state("deactivate", "账号已停用（不能登录，访问令牌已作废）")
cmd_user_reactivate = _user_state("reactivate", "账号已启用")
cmd_user_unlock = _user_state("unlock", "已解除锁定")


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


def cmd_jobs_run(args) -> int:
    from library.cases.renditions import requeue_previews
    from library.jobs.runner import run_pending

    lib = _library(ensure_index=False)
    queued = requeue_previews(lib) if args.previews else 0
    n = run_pending(lib, limit=args.limit)
    print(
        (f"已为 {queued} 个 Word 文档加入版式预览任务；" if args.previews else "")
        + f"完成后台任务 {n} 个。"
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


# -- 监测预警 ---------------------------------------------------------------------------------

CLEAR = ("none", "null", "无", "-")


def _optional(value: str | None, cast):
    """A command-line value: "none" clears the field; a bad number is a usage error."""
    if value is None or value.strip().lower() in CLEAR:
        return None
    try:
        return cast(value)
    except ValueError:
        raise UsageError(f"不是数字：{value}") from None


def cmd_monitoring_import(args) -> int:
    from library.monitoring.values import ImportRejected, import_file

    path = Path(args.file)
    if not path.is_file():
        raise CaselibError(f"文件不存在：{path}", code="not_found")
    lib = _library(ensure_index=False)
    try:
        report = import_file(lib, path.name, path.read_bytes(), skip_bad_rows=args.skip_bad_rows)
    except ImportRejected as e:
        for err in e.errors:  # one line per bad row (第 N 行：...), nothing imported
            print(err.message, file=sys.stderr)
        return 2
    if args.json:
        _print_json(report.as_dict())
    else:
        print(
            f"导入 {report.imported} 行：新增 {report.added}，更新 {report.changed}，"
            f"未变 {report.unchanged}，删除 {report.removed}；期间 {'、'.join(report.periods)}；"
            f"新增预警 {report.warnings_raised} 条。"
        )
    for skipped in report.skipped:
        print(f"已跳过 {skipped.message}", file=sys.stderr)
    return 0


def cmd_indicator_set(args) -> int:
    from library.monitoring.indicators import set_indicator

    fields: dict[str, Any] = {}
    for key in ("group", "unit", "better"):
        if getattr(args, key) is not None:
            fields[key] = getattr(args, key)
    if args.decimals is not None:
        fields["decimals"] = _optional(args.decimals, int)
    if args.global_best_economy is not None:
        economy = args.global_best_economy.strip()
        fields["global_best_economy"] = None if economy.lower() in CLEAR else economy
    for key, cast in (
        ("global_best_value", float),
        ("warning_line", float),
        ("warning_above_average", float),
        ("warning_bottom", int),
    ):
        if getattr(args, key) is not None:
            fields[key] = _optional(getattr(args, key), cast)
    lib = _library(ensure_index=False)
    out = set_indicator(lib, args.name, fields)
    if args.json:
        _print_json(out)
        return 0
    best = out["global_best"]
    print(
        f"指标已保存：{out['group']} › {out['name']}（{out['unit']}，{out['better_title']}）"
        + (f"，全球最佳 {best['economy']} {best['value']:g}{out['unit']}" if best else "")
        + (f"；预警规则：{'；'.join(out['rules'])}" if out["rules"] else "；未设预警规则")
    )
    return 0


def cmd_indicator_list(args) -> int:
    from library.accounts.audit import Actor
    from library.monitoring.indicators import indicator_tree

    lib = _library(ensure_index=False)
    tree = indicator_tree(lib, Actor.cli())
    if args.json:
        _print_json({"groups": [g.as_dict() for g in tree]})
        return 0
    for g in tree:
        print(f"{g.name}（{len(g.indicators)} 项）")
        for i in g.indicators:
            best = i["global_best"]
            print(
                f"  {i['name']}  {i['unit']}  {i['better_title']}"
                + (f"  全球最佳 {best['economy']} {best['value']:g}" if best else "")
                + (f"  预警：{'；'.join(i['rules'])}" if i["rules"] else "")
            )
    return 0


def cmd_monitoring_warnings(args) -> int:
    from library.accounts.audit import Actor
    from library.monitoring.warnings import list_warnings

    lib = _library(ensure_index=False)
    params = {
        "region": args.region,
        "indicator": args.indicator,
        "group": args.group,
        "period": args.period,
        "state": args.state,
        "q": args.q,
    }
    result = list_warnings(lib, Actor.cli(), {k: v for k, v in params.items() if v is not None})
    items = result["warnings"]
    if args.json:
        _print_json({"warnings": items})
        return 0
    print(f"共 {len(items)} 条预警" + ("（含示例数据）" if result["demo"] else ""))
    for w in items:
        print(
            f"\n#{w['id']} [{w['state_title']}] {w['region']} · {w['indicator']}（{w['period_title']}）"
        )
        print("   " + w["explanation"])
    return 0


def cmd_monitoring_close(args) -> int:
    from library.accounts.audit import Actor
    from library.monitoring.warnings import close_warning

    lib = _library(ensure_index=False)
    w = close_warning(lib, args.id, Actor.cli(), args.note)
    print(f"已整改销号：#{w['id']} {w['region']} · {w['indicator']}（{w['period_title']}）")
    return 0


def cmd_method(args) -> int:
    from library.monitoring import methods

    lib = _library(ensure_index=False)
    if args.method_command == "add":
        m = methods.add_method(lib, args.name)
        print(f"已新增整改方式：{m['name']}")
    elif args.method_command == "rename":
        m = methods.update_method(lib, args.old, {"name": args.new})
        print(f"已改名：{args.old} → {m['name']}")
    elif args.method_command == "remove":
        methods.update_method(lib, args.name, {"active": False})
        print(f"已停用整改方式：{args.name}（已登记的整改举措保留该方式）")
    else:
        rows = methods.list_methods(lib, include_inactive=True)
        if args.json:
            _print_json({"methods": rows})
            return 0
        for m in rows:
            print(m["name"] + ("" if m["active"] else "（已停用）"))
    return 0


def _stats_params(args) -> dict[str, Any]:
    return {
        "by": args.by,
        "region": args.region,
        "year": args.year,
        "from": args.date_from,
        "to": args.date_to,
    }


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


def _writable(path: str) -> Path:
    out = Path(path)
    if out.parent and not out.parent.exists():
        raise CaselibError(f"目录不存在：{out.parent}", code="not_found")
    return out


def cmd_stats(args) -> int:
    from library.accounts.audit import Actor
    from library.stats import export, figures

    lib = _library(ensure_index=False)
    actor = Actor.cli()
    params = _stats_params(args)
    xlsx = _writable(args.xlsx) if args.xlsx else None
    csv_out = _writable(args.csv) if args.csv else None
    result = figures.statistics(lib, params, actor)
    if xlsx is not None:
        xlsx.write_bytes(export.workbook(lib, params, actor))
    if csv_out is not None:
        csv_out.write_bytes(export.csv_bytes(lib, params, actor))
    if args.json:
        _print_json(result)  # {"rows", "totals", "filters", "weights", "trend"}
    else:
        f, w = result["filters"], result["weights"]
        period = (
            f"{f['year']}年"
            if f["year"]
            else f"{f['from'] or '…'} 至 {f['to'] or '…'}"
            if f["from"] or f["to"]
            else "全部时间"
        )
        version = f"第 {w['version']} 版" if w["version"] else "默认"
        print(
            f"入库考核统计：{f['region_name']}，{period}，{figures.BY_TITLES[f['by']]}"
            f"（{w['year']} 年度权重，{version}）"
        )
        heads = [
            ("排名", "rank"),
            ("名称", "name"),
            ("得分", "score"),
            ("入库", "published"),
            ("首创", "original"),
            ("创新借鉴", "innovation_borrowed"),
            ("整改借鉴", "rectification_borrowed"),
            ("被借鉴", "times_borrowed"),
            ("点评", "reviews"),
            ("均分", "avg_rating"),
            ("报送", "submitted"),
            ("退回", "returned"),
            ("逾期", "late"),
            ("未报送", "not_submitted"),
        ]
        table = [[h for h, _ in heads]]
        for row in [*result["rows"], {**result["totals"], "name": "合计"}]:
            table.append(["" if row.get(k) is None else str(row[k]) for _, k in heads])
        widths = [max(_width(r[i]) for r in table) for i in range(len(heads))]
        for r in table:
            print("  ".join(_pad(c, widths[i], right=i != 1) for i, c in enumerate(r)).rstrip())
        print(f"合计得分：{result['totals']['explanation']}")
    for path in (xlsx, csv_out):
        if path is not None:
            print(f"已写入 {path}", file=sys.stderr if args.json else sys.stdout)
    return 0


def cmd_stats_weights(args) -> int:
    from library.stats import weights

    lib = _library(ensure_index=False)
    year = weights.parse_year(args.year) if args.year is not None else weights.beijing_year()
    if args.set:
        values = {}
        for item in args.set:
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                raise UsageError(f"--set 应为 KEY=VALUE：{item}")
            values[key.strip()] = value.strip()
        current = weights.set_weights(lib, year, values, _cli_actor(), note=args.note)
    else:
        current = weights.get_weights(lib, year)
    if args.json:
        _print_json(current.as_dict())
        return 0
    state = "默认权重" if current.version == 0 else f"第 {current.version} 版（{current.set_by}）"
    print(f"{current.year} 年度计分权重：{state}{'，已冻结' if current.frozen else ''}")
    for k in weights.KEYS:
        print(f"  {k.key:<24} {weights.fmt(current.values[k.key]):>6}  {k.title}：{k.help}")
    return 0


def _cli_actor():  # noqa: N802 - the command line acts as an administrator
    from library.accounts.audit import Actor

    return Actor.cli()


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
    sp.add_argument(
        "--group",
        action="store_true",
        help="versions of one text as one hit, the others listed under it "
        "(--json: each hit gains similar_versions)",
    )
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

    sp = sub.add_parser(
        "compile", help="write a compilation of cases (典型案例汇编) as .docx, and save it"
    )
    sp.add_argument("out", metavar="OUT.docx")
    sp.add_argument("--query", metavar="Q", help="keywords (search syntax)")
    sp.add_argument("--theme", metavar="T")
    sp.add_argument("--year", type=int, metavar="Y", help="year of publication")
    sp.add_argument(
        "--recommended-for",
        dest="recommended_for",
        metavar="FORM",
        help="only cases recommended in reviews for this 推荐形式 (e.g. 典型案例汇编)",
    )
    sp.add_argument("--min-rating", dest="min_rating", type=float, metavar="R")
    sp.add_argument("--order", choices=["theme", "region", "rating"], default="theme")
    sp.add_argument("--title", metavar="TEXT")
    sp.add_argument("--issuer", metavar="TEXT", help="the issuing office on the cover")
    sp.add_argument(
        "--show-region", action="store_true", help="print each case's 填报地区 and 填报单位"
    )
    sp.add_argument("--pdf", action="store_true", help="also write OUT.pdf (LibreOffice)")
    sp.set_defaults(func=cmd_compile)

    sp = sub.add_parser("briefing", help="write the briefing (简报) of a month or a call as .docx")
    sp.add_argument("out", metavar="OUT.docx")
    period = sp.add_mutually_exclusive_group(required=True)
    period.add_argument("--month", metavar="YYYY-MM")
    period.add_argument("--call", type=int, metavar="ID", help="a collection call's id")
    sp.add_argument("--region", metavar="CODE", help="only cases in this region and below")
    sp.add_argument("--issuer", metavar="TEXT")
    sp.set_defaults(func=cmd_briefing)

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
    up = usub.add_parser(
        "passwd", help="reset a password (a random temporary one, printed once, unless given)"
    )
    up.add_argument("name", metavar="NAME")
    up.add_argument("--password", metavar="PW", help="the new password (at least 8 characters)")
    up.set_defaults(func=cmd_user_passwd)
    for name, func, text in (
        ("deactivate", cmd_user_deactivate, "deactivate an account (no login, tokens deleted)"),
        ("reactivate", cmd_user_reactivate, "let a deactivated account log in again"),
        ("unlock", cmd_user_unlock, "clear an account's failed logins and lock"),
    ):
        up = usub.add_parser(name, help=text)
        up.add_argument("name", metavar="NAME")
        up.set_defaults(func=func)

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

    sp = sub.add_parser("jobs", help="background jobs (OCR of scans, Word-to-PDF previews)")
    jsub = sp.add_subparsers(dest="jobs_command", required=True, parser_class=_Parser)
    jp = jsub.add_parser("run", help="run the queued jobs now (e.g. with CASELIB_JOB_RUNNER=off)")
    jp.add_argument("--limit", type=int, metavar="N", help="at most N jobs")
    jp.add_argument(
        "--previews", action="store_true", help="first queue a PDF preview for every Word file"
    )
    jp.set_defaults(func=cmd_jobs_run)
    sp = sub.add_parser("stats", help="assessment statistics (入库考核统计), scores and exports")
    sp.add_argument("--json", action="store_true", help="print {rows, totals, ...} as JSON")
    sp.add_argument("--by", choices=["region", "unit", "year", "type", "call"], default="region")
    sp.add_argument("--year", type=int, metavar="Y")
    sp.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    sp.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    sp.add_argument("--region", metavar="CODE", help="region and below (default $CASELIB_PROVINCE)")
    sp.add_argument("--xlsx", metavar="FILE", help="write the Excel workbook")
    sp.add_argument("--csv", metavar="FILE", help="write the rows of the view as CSV")
    sp.set_defaults(func=cmd_stats)
    ssub = sp.add_subparsers(dest="stats_command", parser_class=_Parser)
    wp = ssub.add_parser("weights", help="show or set a year's scoring weights")
    wp.add_argument("--year", type=int, metavar="Y", help="the assessment year (default this year)")
    wp.add_argument("--set", action="append", metavar="KEY=VALUE", help="set a weight (repeatable)")
    wp.add_argument("--note", metavar="TEXT", help="why the weights change")
    wp.add_argument("--json", action="store_true")
    wp.set_defaults(func=cmd_stats_weights)

    sp = sub.add_parser("remind", help="send due deadline reminders of collection calls (cron)")
    sp.set_defaults(func=cmd_remind)

    sp = sub.add_parser("monitoring", help="监测预警: values, indicators, warnings, 整改方式")
    msub = sp.add_subparsers(dest="monitoring_command", required=True, parser_class=_Parser)
    mp = msub.add_parser(
        "import", help="import values from .csv or .xlsx (period,region_code,indicator,value)"
    )
    mp.add_argument("file", metavar="FILE")
    mp.add_argument(
        "--skip-bad-rows", action="store_true", help="import the good rows when some are bad"
    )
    mp.add_argument("--json", action="store_true", help="print the report as JSON")
    mp.set_defaults(func=cmd_monitoring_import)

    mp = msub.add_parser("indicator", help="the indicators (二级指标) and their warning rules")
    isub = mp.add_subparsers(dest="indicator_command", required=True, parser_class=_Parser)
    ip = isub.add_parser("set", help="create or update an indicator (a value of none clears)")
    ip.add_argument("name", metavar="NAME")
    ip.add_argument("--group", metavar="G", help="一级指标 (required for a new indicator)")
    ip.add_argument("--unit", metavar="U", help="年, 天, %%, 元, 分, 个… (required for a new one)")
    ip.add_argument("--better", choices=["lower", "higher"], help="lower or higher is better")
    ip.add_argument("--decimals", metavar="N", help="decimals shown (default 2)")
    ip.add_argument("--global-best-economy", dest="global_best_economy", metavar="E")
    ip.add_argument("--global-best-value", dest="global_best_value", metavar="V")
    ip.add_argument("--warning-line", dest="warning_line", metavar="X", help="a fixed line")
    ip.add_argument(
        "--warning-bottom", dest="warning_bottom", metavar="N", help="warn the last N of the level"
    )
    ip.add_argument(
        "--warning-above-average",
        dest="warning_above_average",
        metavar="PCT",
        help="warn values worse than the provincial average by more than PCT %%",
    )
    ip.add_argument("--json", action="store_true")
    ip.set_defaults(func=cmd_indicator_set)
    ip = isub.add_parser("list", help="the groups and their indicators")
    ip.add_argument("--json", action="store_true")
    ip.set_defaults(func=cmd_indicator_list)

    mp = msub.add_parser("warnings", help="list warnings with their explanation")
    mp.add_argument("--json", action="store_true")
    mp.add_argument("--region", metavar="CODE", help="a region and the divisions inside it")
    mp.add_argument("--indicator", metavar="NAME")
    mp.add_argument("--group", metavar="G")
    mp.add_argument("--period", metavar="P", help="2024 or 2024Q1")
    mp.add_argument("--state", metavar="S", help="open, rectifying, resolved or unresolved")
    mp.add_argument("--q", metavar="TEXT", help="words of the rectifications and their evidence")
    mp.set_defaults(func=cmd_monitoring_warnings)

    mp = msub.add_parser("close", help="close a warning (已整改)")
    mp.add_argument("id", type=int, metavar="ID")
    mp.add_argument("--note", metavar="TEXT")
    mp.set_defaults(func=cmd_monitoring_close)

    mp = msub.add_parser("method", help="the 整改方式 vocabulary")
    tsub = mp.add_subparsers(dest="method_command", required=True, parser_class=_Parser)
    tp = tsub.add_parser("list")
    tp.add_argument("--json", action="store_true")
    tp.set_defaults(func=cmd_method)
    tp = tsub.add_parser("add")
    tp.add_argument("name", metavar="NAME")
    tp.set_defaults(func=cmd_method)
    tp = tsub.add_parser("rename")
    tp.add_argument("old", metavar="OLD")
    tp.add_argument("new", metavar="NEW")
    tp.set_defaults(func=cmd_method)
    tp = tsub.add_parser("remove", help="deactivate a method (kept on past rectifications)")
    tp.add_argument("name", metavar="NAME")
    tp.set_defaults(func=cmd_method)
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
