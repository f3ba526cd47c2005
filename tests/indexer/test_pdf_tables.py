"""Tables in the page-by-page text of a PDF (render_pdf_pages): ruled and aligned grids."""

from __future__ import annotations

import io
import re
from html import unescape

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from indexer import render_pdf_pages

from .conftest import corpus_files

FONT = "STSong-Light"
ROWS = [
    ["事项", "办理时限", "申请材料"],
    ["企业开办", "半个工作日", "3份"],
    ["不动产登记", "1个工作日", "5份"],
    ["工程建设项目审批", "30个工作日", "12份"],
]
BEFORE = "改革前后办理时限对比如下表所示，各事项均已实现一网通办。"
AFTER = "下一步将继续深化“证照分离”改革，推行告知承诺制。"


def _pdf(rows, *, ruled: bool, spans=(), cells_style=None) -> bytes:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle("b", fontName=FONT, fontSize=11, leading=16, wordWrap="CJK")
    style = [("FONT", (0, 0), (-1, -1), FONT, 11)]
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    style.extend(("SPAN", a, b) for a, b in spans)
    table = Table(rows, colWidths=[150, 120, 120])
    table.setStyle(TableStyle(style))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(
        [Paragraph(BEFORE, body), table, Paragraph(AFTER, body)]
    )
    return out.getvalue()


def _tables(html: str) -> list[list[list[tuple[str, dict[str, str]]]]]:
    """The tables of a fragment as rows of (text, attributes) cells."""
    out = []
    for table in re.findall(r"<table[^>]*>(.*?)</table>", html, re.S):
        rows = []
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
            cells = re.findall(r"<td([^>]*)>(.*?)</td>", row, re.S)
            rows.append(
                [(unescape(text), dict(re.findall(r'(\w+)="(\d+)"', a))) for a, text in cells]
            )
        out.append(rows)
    return out


def _texts(table) -> list[list[str]]:
    return [[text for text, _attrs in row] for row in table]


def test_a_ruled_table_is_an_html_table_between_its_paragraphs():
    """A table drawn with cell borders comes out as a <table> with its rows and columns, in
    its place between the paragraphs before and after it."""
    html = render_pdf_pages(_pdf(ROWS, ruled=True))
    assert _texts(_tables(html)[0]) == ROWS
    assert html.index(BEFORE) < html.index("<table") < html.index("</table>") < html.index("下一步")
    assert "<p>事项</p>" not in html  # no cell left behind as a paragraph


def test_merged_cells_of_a_ruled_table_keep_their_span():
    """Cells merged across columns (no rule between them) are one cell with colspan, cells
    merged down a column one cell with rowspan."""
    rows = [row[:] for row in ROWS]
    rows[0][1], rows[0][2] = "改革成效（办理时限与材料）", ""
    rows[2][0], rows[3][0] = "登记与审批", ""
    html = render_pdf_pages(_pdf(rows, ruled=True, spans=[((1, 0), (2, 0)), ((0, 2), (0, 3))]))
    table = _tables(html)[0]
    assert table[0] == [("事项", {}), ("改革成效（办理时限与材料）", {"colspan": "2"})]
    assert table[2][0] == ("登记与审批", {"rowspan": "2"})
    assert [len(row) for row in table] == [2, 3, 3, 2]


def test_an_unruled_grid_of_three_columns_is_a_table():
    """Cells without borders that line up in three columns over several rows are a table."""
    html = render_pdf_pages(_pdf(ROWS, ruled=False))
    assert _texts(_tables(html)[0]) == ROWS


def test_two_columns_of_running_text_are_not_a_table(make_pdf):
    """A page set in two columns of prose is paragraphs, not a two-column table."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    left = ["推行企业开办一网通办", "实现一表填报一窗受理", "压缩办理时间提升效率"]
    right = ["深化证照分离改革创新", "推行告知承诺制度改革", "优化营商环境持续发力"]

    def draw(c, _page):
        c.setFont(FONT, 12)
        for i, (a, b) in enumerate(zip(left, right, strict=True)):
            c.drawString(72, 700 - 18 * i, a)
            c.drawString(320, 700 - 18 * i, b)

    html = render_pdf_pages(make_pdf(draw))
    assert "<table" not in html
    assert "推行企业开办一网通办" in html and "优化营商环境持续发力" in html


def test_cell_text_is_escaped():
    """Markup inside a cell is shown as text."""
    rows = [row[:] for row in ROWS]
    rows[1][0] = "<b>企业开办</b>&"
    html = render_pdf_pages(_pdf(rows, ruled=True))
    assert "<b>" not in html and "&lt;b&gt;企业开办&lt;/b&gt;&amp;" in html


TABLES_PDF = corpus_files("pdf_cjk_real", "*chinese-tables*.pdf")


@pytest.mark.corpus
@pytest.mark.parametrize("path", TABLES_PDF, ids=lambda p: p.name)
def test_real_prospectus_tables_keep_rows_and_columns(path):
    """The prospectus page's two ruled tables: the rating table (cells of several lines
    joined, no seam in the Chinese) and the 11-bank credit table (a text line crossing the
    column rules is cut at the rules)."""
    html = render_pdf_pages(path.read_bytes())
    assert len(re.findall(r'<section class="page"', html)) == 1
    ratings, credit = _tables(html)
    assert _texts(ratings)[0] == ["年份", "主体信用评级", "涵义", "评级机构", "评级展望"]
    assert _texts(ratings)[1] == [
        "2023",
        "AA+",
        "偿还债务的能力很强，受不利经济环境的影响不大，违约风险很低",
        "中诚信国际信用评级有限责任公司、联合资信评估有限公司",
        "稳定",
    ]
    assert len(ratings) == 5
    assert _texts(credit)[0] == ["序号", "金融机构名称", "授信总额", "已使用情况", "剩余额度"]
    assert _texts(credit)[3] == ["3", "兴业银行盐城分行", "302,600.00", "110,600.00", "192,000.00"]
    assert len(credit) == 12
    assert "<p>本次发行不引用主体评级，未进行债项评级安排。</p>" in html
