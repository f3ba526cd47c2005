"""Online preview: Word documents as a safe HTML fragment."""

from __future__ import annotations

import io
import re
from html import unescape

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm
from PIL import Image

from indexer.extract import extract, render_html

from .conftest import docx_bytes

_UNSAFE = re.compile(r"<script|<style|<iframe|<img|<link|<object|\son\w+=|href=|src=|style=", re.I)


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(out, "PNG")
    return out.getvalue()


def _sample() -> bytes:
    d = docx.Document()
    d.add_heading("营商环境改革创新案例", level=1)
    d.add_heading("一、改革背景", level=2)
    p = d.add_paragraph("普通文字，")
    p.add_run("加粗文字").bold = True
    p.add_run("，")
    p.add_run("斜体文字").italic = True
    d.add_paragraph("第一项措施", style="List Bullet")
    d.add_paragraph("第二项措施", style="List Bullet")
    d.add_paragraph("第一步", style="List Number")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "横向合并"
    t.cell(1, 0).merge(t.cell(2, 0)).text = "纵向合并"
    t.cell(1, 1).text, t.cell(1, 2).text = "甲", "乙"
    t.cell(2, 1).text, t.cell(2, 2).text = "丙", "丁"
    d.add_picture(io.BytesIO(_png()), width=Cm(1))
    d.add_paragraph('<script>alert("x")</script> & <img src=x onerror=alert(1)>')
    return docx_bytes(d)


def test_word_preview_keeps_headings_emphasis_lists_and_tables():
    """Headings, bold/italic runs, bullet and numbered lists, and tables are rendered."""
    html = render_html(_sample(), "案例.docx")
    assert html.startswith('<div class="doc">') and html.endswith("</div>")
    assert "<h1>营商环境改革创新案例</h1>" in html
    assert "<h2>一、改革背景</h2>" in html
    assert "<p>普通文字，<strong>加粗文字</strong>，<em>斜体文字</em></p>" in html
    assert '<ul class="doc-list"><li><p>第一项措施</p></li><li><p>第二项措施</p></li></ul>' in html
    assert '<ol class="doc-list"><li><p>第一步</p></li></ol>' in html


def test_merged_cells_become_colspan_and_rowspan():
    """A horizontal merge is a colspan, a vertical one a rowspan; nothing is repeated."""
    html = render_html(_sample(), "案例.docx")
    assert '<td colspan="3"><p>横向合并</p></td>' in html
    assert '<td rowspan="2"><p>纵向合并</p></td>' in html
    assert html.count("纵向合并") == 1


def test_preview_escapes_text_and_carries_no_active_content():
    """Document text is escaped; images are placeholders; no script, style, link or source."""
    html = render_html(_sample(), "案例.docx")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x" in html
    assert '<span class="doc-image">[图片]</span>' in html
    assert not _UNSAFE.search(html.replace("&lt;img src=x onerror=alert(1)&gt;", ""))


def test_preview_shows_text_boxes_and_content_controls():
    """Text in a text box and in a content control is visible in the preview."""
    d = docx.Document()
    body = d.element.body
    body.insert(
        0,
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>控件内容</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        ),
    )
    body.insert(
        1,
        parse_xml(
            f'<w:p {nsdecls("w")}><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml">'
            "<v:textbox><w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent>"
            "</v:textbox></v:shape></w:pict></w:r></w:p>"
        ),
    )
    html = render_html(docx_bytes(d), "a.docx")
    assert "<p>控件内容</p>" in html
    assert '<div class="doc-textbox"><p>文本框内容</p></div>' in html


def test_non_word_formats_preview_from_their_text_blocks():
    """PDF, text and Markdown previews are built from the extracted blocks, escaped."""
    md = "# 标题 <b>\n\n正文 & 更多".encode()
    html = render_html(md, "a.md")
    assert html == '<div class="doc"><h1>标题 &lt;b&gt;</h1><p>正文 &amp; 更多</p></div>'
    doc = extract(md, "a.md")
    assert doc.title == "标题 <b>"


@pytest.mark.corpus
def test_real_document_preview_contains_all_its_text(fixtures_dir):
    """The preview of a real report shows every paragraph of the extracted text."""
    path = fixtures_dir / "docx_structure_misc" / "mineru_docx_01_toc_formula_lists.docx"
    data = path.read_bytes()
    html = render_html(data, path.name)
    assert "<table" in html and "<h1>" in html and "<ol" in html
    assert not re.search(r"<script|href=|src=", html)
    plain = unescape(re.sub(r"<[^>]+>", "", html))
    for block in extract(data, path.name).blocks:
        if block.kind != "table":
            assert block.text.replace("\t", "").replace("\n", "")[:20] in plain.replace("\t", "")
