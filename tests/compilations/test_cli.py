"""`caselib compile` and `caselib briefing`: the documents, what is printed, exit codes."""

from __future__ import annotations

import shutil

import pytest

from web.cli import main

from .conftest import CASES, all_xml, headings


@pytest.fixture
def cli(clib, monkeypatch):
    monkeypatch.setenv("CASELIB_HOME", str(clib.settings.home_path))
    return clib


def test_compile_writes_the_document_and_prints_the_number_of_cases(cli, tmp_path, capsys):
    """Filters as on the contract; the .docx is written, the count printed, the
    compilation saved."""
    from library.accounts.audit import Actor
    from library.compilations import read

    out = tmp_path / "汇编.docx"
    code = main(
        [
            "compile", str(out), "--recommended-for", "典型案例汇编", "--min-rating", "3",
            "--order", "rating", "--title", "2021年典型案例汇编", "--show-region",
        ]
    )  # fmt: skip
    printed = capsys.readouterr()
    assert code == 0 and printed.err == ""
    assert "收录案例 2 个" in printed.out and str(out) in printed.out
    assert [t for level, t in headings(out.read_bytes()) if level == 3] == [
        "1．" + CASES["a"][0],
        "2．" + CASES["c"][0],
    ]
    assert "填报地区" in all_xml(out.read_bytes())
    saved = read.list_compilations(cli, Actor.cli())[0]
    assert saved["title"] == "2021年典型案例汇编" and saved["created_by"].startswith("cli:")


def test_compile_by_query_theme_and_year(cli, tmp_path, capsys):
    """--query, --theme and --year select through the search."""
    out = tmp_path / "a.docx"
    assert main(["compile", str(out), "--theme", "政务服务", "--year", "2021"]) == 0
    assert "收录案例 1 个" in capsys.readouterr().out
    assert main(["compile", str(out), "--query", "府院联动"]) == 0
    assert "收录案例 1 个" in capsys.readouterr().out


def test_compile_exits_2_with_one_line_when_nothing_matches(cli, tmp_path, capsys):
    """Nothing matches, a bad option, a bad file name: one line on stderr, exit 2, no file."""
    out = tmp_path / "none.docx"
    for argv in (
        ["compile", str(out), "--query", "完全不存在的词语组合"],
        ["compile", str(out), "--recommended-for", "媒体宣传"],
        ["compile", str(out), "--recommended-for", "海报"],
        ["compile", str(out), "--min-rating", "7"],
        ["compile", str(out), "--order", "random"],
        ["compile", str(tmp_path / "x.pdf")],
        ["compile", str(tmp_path / "missing" / "x.docx")],
    ):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("caselib: "), (argv, err)
    assert not out.exists()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_compile_pdf_writes_the_pdf_beside_the_docx(cli, tmp_path, capsys):
    """--pdf: OUT.pdf laid out by LibreOffice, synchronously."""
    out = tmp_path / "b.docx"
    assert main(["compile", str(out), "--theme", "办理破产", "--pdf"]) == 0
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
    assert "PDF 已写入" in capsys.readouterr().out


def test_briefing_writes_the_month_and_exits_2_when_empty(cli, tmp_path, capsys):
    """`caselib briefing OUT.docx --month YYYY-MM` prints the count; an empty month, a bad
    month or both --month and --call: exit 2."""
    out = tmp_path / "简报.docx"
    assert main(["briefing", str(out), "--month", "2021-12", "--region", "331000"]) == 0
    assert "台州市2021年12月发布案例 2 个" in capsys.readouterr().out
    assert out.read_bytes()[:2] == b"PK"
    for argv in (
        ["briefing", str(out), "--month", "2020-01"],
        ["briefing", str(out), "--month", "2021/12"],
        ["briefing", str(out), "--month", "2021-12", "--call", "1"],
        ["briefing", str(out)],
    ):
        assert main(argv) == 2, argv
        assert capsys.readouterr().err.count("\n") == 1
