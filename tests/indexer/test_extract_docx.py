"""Word 2007+ extraction: blocks in document order, structure, and the real corpus."""

from __future__ import annotations

import time
import unicodedata

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from indexer.extract import Block, extract

from .conftest import bigram_overlap, corpus_files, docx_bytes, reference_text

REAL_DOCX = corpus_files("docx_provincial_gov_work_reports_2025", "*.docx") + corpus_files(
    "docx_structure_misc", "*.docx"
)


def _kinds(blocks: list[Block]) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks]


def test_paragraphs_and_tables_come_out_in_document_order():
    """A table between two paragraphs stays between them (body children, not paragraphs-then-tables)."""
    d = docx.Document()
    d.add_paragraph("第一段：改革背景")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "数值"
    table.cell(1, 0).text, table.cell(1, 1).text = "办理时限", "3天"
    d.add_paragraph("第二段：改革成效")
    doc = extract(docx_bytes(d), "案例.docx")
    assert _kinds(doc.blocks) == [
        ("paragraph", "第一段：改革背景"),
        ("table", "指标\t数值\n办理时限\t3天"),
        ("paragraph", "第二段：改革成效"),
    ]
    assert doc.blocks[1].rows == [["指标", "数值"], ["办理时限", "3天"]]
    assert doc.text == "第一段：改革背景\n指标\t数值\n办理时限\t3天\n第二段：改革成效"
    assert doc.format == "docx"
    assert (
        doc.media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )


def test_nested_table_text_is_kept_inside_its_cell():
    """Text of a table nested in a cell is extracted once, within the outer cell."""
    d = docx.Document()
    outer = d.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外层"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "内层甲", "内层乙"
    doc = extract(docx_bytes(d), "a.docx")
    assert len(doc.blocks) == 1
    assert doc.blocks[0].rows[0][0] == "外层"
    assert "内层甲" in doc.blocks[0].rows[0][1] and "内层乙" in doc.blocks[0].rows[0][1]
    assert doc.text.count("内层甲") == 1


def test_merged_cells_are_not_duplicated():
    """Horizontally and vertically merged cells contribute their text once."""
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    a = t.cell(0, 0).merge(t.cell(0, 2))
    a.text = "横向合并标题"
    b = t.cell(1, 0).merge(t.cell(2, 0))
    b.text = "纵向合并"
    t.cell(1, 1).text, t.cell(2, 1).text = "甲", "乙"
    doc = extract(docx_bytes(d), "a.docx")
    assert doc.text.count("横向合并标题") == 1
    assert doc.text.count("纵向合并") == 1
    assert doc.blocks[0].rows[0] == ["横向合并标题"]
    assert doc.blocks[0].rows[2][0] == ""  # the merged continuation cell is empty, not a copy


def test_headings_come_from_styles_names_and_outline_level():
    """Heading N styles, a style named 标题 N, and a direct outline level all make headings."""
    d = docx.Document()
    d.add_heading("一级标题", level=1)
    d.add_heading("二级标题", level=2)
    style = d.styles.add_style("标题 3", WD_STYLE_TYPE.PARAGRAPH)  # as WPS names it
    d.add_paragraph("中文样式名标题", style=style)
    p = d.add_paragraph("大纲级别标题")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="3"/>'))
    d.add_paragraph("正文段落")
    doc = extract(docx_bytes(d), "a.docx")
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("heading", 1, "一级标题"),
        ("heading", 2, "二级标题"),
        ("heading", 3, "中文样式名标题"),
        ("heading", 4, "大纲级别标题"),
        ("paragraph", 0, "正文段落"),
    ]
    assert doc.title == "一级标题"


def test_title_is_first_nonempty_line_without_headings():
    """Without headings the title is the first non-empty line, at most 100 characters."""
    d = docx.Document()
    d.add_paragraph("")
    d.add_paragraph("  某县推行企业开办一件事改革" + "很长" * 80)
    d.add_paragraph("正文")
    doc = extract(docx_bytes(d), "a.docx")
    assert doc.title.startswith("某县推行企业开办一件事改革")
    assert len(doc.title) == 100


def _append_xml(document, xml: str) -> None:
    document.element.body.insert(len(document.element.body) - 1, parse_xml(xml))


def test_text_in_content_controls_and_text_boxes_is_not_lost():
    """Block and inline content controls (w:sdt) and text boxes are read; a text box's
    VML fallback copy is not read twice."""
    d = docx.Document()
    ns = nsdecls("w") + ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    _append_xml(
        d,
        f"<w:sdt {ns}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>块级内容控件文字</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>",
    )
    _append_xml(
        d,
        f"<w:p {ns}><w:r><w:t>前文</w:t></w:r><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>行内控件"
        "</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t>后文</w:t></w:r></w:p>",
    )
    box = "<w:txbxContent><w:p><w:r><w:t>文本框里的文字</w:t></w:r></w:p></w:txbxContent>"
    _append_xml(
        d,
        f'<w:p {ns}><w:r><w:t>图注</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        f'<w:drawing><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f'<v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>{box}</v:textbox></v:shape>'
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
    )
    doc = extract(docx_bytes(d), "a.docx")
    assert _kinds(doc.blocks) == [
        ("paragraph", "块级内容控件文字"),
        ("paragraph", "前文行内控件后文"),
        ("paragraph", "图注"),
        ("paragraph", "文本框里的文字"),
    ]


def test_hidden_deleted_and_field_code_text_is_skipped():
    """Hidden runs, tracked deletions and field instructions are not document text;
    tracked insertions and field results are."""
    d = docx.Document()
    ns = nsdecls("w")
    _append_xml(
        d,
        f"<w:p {ns}><w:r><w:t>保留</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        '<w:del w:id="1" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    )
    doc = extract(docx_bytes(d), "a.docx")
    assert doc.text == "保留插入7"


def test_text_is_normalised_to_nfc_with_collapsed_blank_lines():
    """Decomposed characters are composed (NFC) and line breaks inside a paragraph kept."""
    d = docx.Document()
    d.add_paragraph(unicodedata.normalize("NFD", "Café 营商"))
    p = d.add_paragraph("第一行")
    p.add_run().add_break()
    p.add_run("第二行")
    doc = extract(docx_bytes(d), "a.docx")
    assert doc.text == "Café 营商\n第一行\n第二行"
    assert unicodedata.is_normalized("NFC", doc.text)


def test_document_properties_are_reported_as_metadata():
    """Core properties of the .docx are available as metadata (the 申报表 relies on it)."""
    d = docx.Document()
    d.core_properties.title = "案例标题"
    d.core_properties.keywords = "营商环境"
    d.add_paragraph("正文")
    doc = extract(docx_bytes(d), "a.docx")
    assert doc.metadata["title"] == "案例标题"
    assert doc.metadata["keywords"] == "营商环境"


def test_docx_without_text_is_an_empty_document():
    """A valid .docx with no text raises empty_document, not an empty result."""
    d = docx.Document()
    d.add_paragraph("   ")
    with pytest.raises(Exception) as info:
        extract(docx_bytes(d), "空白.docx")
    assert getattr(info.value, "code", None) == "empty_document"


@pytest.mark.corpus
@pytest.mark.parametrize("path", REAL_DOCX, ids=lambda p: p.name)
def test_real_docx_text_matches_reference(path, fixtures_dir):
    """Every real .docx yields ≥ 98% of the baseline's Chinese bigrams, and little else."""
    doc = extract(path.read_bytes(), path.name)
    recall, precision = bigram_overlap(reference_text(path.name), doc.text)
    assert recall >= 0.98, recall
    assert precision >= 0.98, precision
    assert doc.title
    assert "\x00" not in doc.text and "\n\n\n" not in doc.text


@pytest.mark.corpus
def test_real_docx_structure_is_recognised(fixtures_dir):
    """The MinerU sample's headings and tables are found (styles referenced by Chinese ids)."""
    path = fixtures_dir / "docx_structure_misc" / "mineru_docx_01_toc_formula_lists.docx"
    doc = extract(path.read_bytes(), path.name)
    headings = [b for b in doc.blocks if b.kind == "heading"]
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(headings) >= 20 and {b.level for b in headings} >= {1, 2, 3}
    assert any(b.text == "有序列表构成的章节标题" for b in headings)
    assert len(tables) >= 5


@pytest.mark.corpus
def test_docx_extraction_is_fast_on_the_corpus(fixtures_dir):
    """All real .docx (about 600k characters) extract in well under two seconds."""
    blobs = [(p.name, p.read_bytes()) for p in REAL_DOCX]
    start = time.perf_counter()
    chars = sum(len(extract(data, name).text) for name, data in blobs)
    elapsed = time.perf_counter() - start
    assert chars > 500_000
    assert elapsed < 4.0, f"{chars / elapsed:.0f} chars/s"
