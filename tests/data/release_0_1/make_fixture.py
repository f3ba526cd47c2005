"""Make the fixture of a library created by release 0.1 (commit 51e04c9, before the workflow).

Run with that release's code on the path (``git archive 51e04c9 | tar -x -C OLD`` and
``PYTHONPATH=OLD``), never with the current code:

    PYTHONPATH=OLD python tests/data/release_0_1/make_fixture.py OUT [POSTGRES_URL]

It builds a real library the way users of that release did (the command line's ingest, the
form's submission, accounts, a token, reviews, a failed login), then writes ``OUT/sqlite.sql``
(the SQLite database as SQL), ``OUT/postgres.sql`` (the same library made on PostgreSQL,
``pg_dump --inserts``) and ``OUT/files/`` (the stored originals). The migration tests load
these into an empty database and upgrade them in place.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit


def docx(paragraphs: list[str], title: str) -> bytes:
    import docx as _docx

    d = _docx.Document()
    d.add_heading(title, level=1)
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def pdf(paragraphs: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cjk", fontName="STSong-Light", fontSize=11, leading=16, wordWrap="CJK")
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(
        [Paragraph(p, style) for p in paragraphs]
    )
    return buf.getvalue()


FORM = {
    "name": "企业开办全流程一日办结改革",
    "theme": "开办企业",
    "case_type": "original",
    "summary": "推行企业开办一网通办，一表填报、一窗受理、一日办结。",
    "problem": "企业开办环节多、材料多、跑动多。",
    "solution": "整合部门事项为一件事，线上全程网办，线下一窗通办。",
    "traditional_practice": "申请人依次到各部门窗口分别办理，材料重复提交。",
    "innovative_practice": "一表填报，系统自动分发，后台并联审核，当日办结。",
    "application_scenario": "适用于各类企业设立登记。",
    "tags": ["一网通办", "最多跑一次"],
    "region_code": "331002",
    "unit": "区市场监督管理局",
    "contact_name": "联系人甲",
    "contact_phone": "13800001234",
    "published_at": "2021-05-20",
}


def build(home: Path, database_url: str = "") -> None:
    from library.services import Library, reviews, users
    from library.services.audit import Actor
    from library.services.cases import Upload, submit
    from library.services.ingest import ingest

    from library.config import Settings

    settings = {"home": str(home), "ingest_workers": 1}
    if database_url:
        settings["database_url"] = database_url
    lib = Library(Settings(settings, env={}))
    lib.init()
    src = home.parent / "inputs"
    src.mkdir(exist_ok=True)
    (src / "工程建设项目审批制度改革2020-06-01.md").write_text(
        "# 工程建设项目审批制度改革\n\n推行工程建设项目分级分类审批，简化社会投资小型项目审批流程，"
        "实行联合审图、联合验收，审批时间压缩至八十个工作日以内。\n",
        encoding="utf-8",
    )
    (src / "纳税服务便利化改革.md").write_text(
        "# 纳税服务便利化改革\n\n推行电子税务局全程网上办税，发票申领当日办结，"
        "非接触式办税缴费比例超过九成，纳税人满意度持续提升。\n",
        encoding="utf-8",
    )
    ingest(lib, [src], defaults={"theme": "纳税", "region_code": "330000"}, workers=1)
    first = submit(
        lib,
        FORM,
        Upload(
            "企业开办一日办结.docx",
            docx(
                [
                    "针对企业开办环节多的问题，推行一网通办。",
                    "改革后企业开办时间压缩至一个工作日。",
                ],
                FORM["name"],
            ),
        ),
        Actor.cli(),
        confirm_near_duplicate=True,
    )
    submit(
        lib,
        {
            **FORM,
            "name": "不动产登记一窗受理",
            "theme": "登记财产",
            "case_type": "innovation_borrowed",
            "borrowed_from": first.case_no,
            "tags": ["并联审批", "全程网办"],
            "published_at": "2021-08-02",
            "summary": "不动产登记、税费缴纳一窗受理，登记时间压缩至一个工作日。",
        },
        Upload(
            "不动产登记一窗受理.pdf",
            pdf(
                [
                    "不动产登记与交易、缴税业务整合为一窗受理，并联办理。",
                    "登记时间由十个工作日压缩至一个工作日。",
                ]
            ),
        ),
        Actor.cli(),
        confirm_near_duplicate=True,
    )
    accounts = [
        ("tianbao", "submitter", "椒江区发展和改革局", "331002"),
        ("shenhe", "approver", "椒江区发展和改革局", "331002"),
        ("yingshangban", "coordinator", "台州市营商办", "331000"),
        ("shengting", "reviewer", "浙江省市场监督管理局", "330000"),
        ("admin", "admin", "浙江省营商办", "330000"),
    ]
    ids = {}
    for name, role, unit, region in accounts:
        ids[name] = users.create_user(lib, name, "release-0.1", role, unit=unit, region=region).id
    with lib.db.session() as s:
        from library.models import User

        reviewer = s.get(User, ids["shengting"])
        coordinator = s.get(User, ids["yingshangban"])
    reviews.save_review(
        lib,
        first.case_no,
        {
            "recommend": "1",
            "rating": "5",
            "comment": "可复制推广",
            "recommendation_form": "典型案例汇编",
        },
        reviewer,
    )
    reviews.save_review(lib, first.case_no, {"recommend": "1", "rating": "4"}, coordinator)
    users.issue_token(lib, ids["admin"])
    try:
        users.authenticate(lib, "tianbao", "wrong-password")
    except Exception:  # noqa: BLE001 - the failed login is what we want recorded
        pass
    lib.close()


def main() -> int:
    out = Path(sys.argv[1]).resolve()
    pg_url = sys.argv[2] if len(sys.argv) > 2 else ""
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="release-fixture-"))
    try:
        home = work / "sqlite" / "home"
        home.mkdir(parents=True)
        build(home)
        import sqlite3

        con = sqlite3.connect(home / "caselib.sqlite3")
        with open(out / "sqlite.sql", "w", encoding="utf-8") as f:
            for line in con.iterdump():
                f.write(line + "\n")
        con.close()
        shutil.rmtree(out / "files", ignore_errors=True)
        shutil.copytree(home / "files", out / "files")
        if pg_url:
            pg_home = work / "pg" / "home"
            pg_home.mkdir(parents=True)
            build(pg_home, pg_url)
            parts = urlsplit(pg_url)
            q = parse_qs(parts.query)
            env = dict(os.environ)
            dump = subprocess.run(
                [
                    "pg_dump",
                    "--inserts",
                    "--no-owner",
                    "--no-privileges",
                    "--no-comments",
                    "-h",
                    q["host"][0],
                    "-p",
                    q["port"][0],
                    "-U",
                    parts.username or "postgres",
                    parts.path.lstrip("/"),
                ],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            )
            (out / "postgres.sql").write_text(dump.stdout, encoding="utf-8")
            shutil.copytree(pg_home / "files", out / "files", dirs_exist_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
