"""The anonymity check over a whole uploaded document, and the anonymized Word copy: the
申报表's header is metadata, everything else is content; replacements are written into the
.docx itself, across runs, in tables, headers and footers, with the formatting kept."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.shared import Pt, RGBColor

from indexer import ExtractionError, anonymize_docx, extract, find_in_document
from indexer.anonymity import form_header_spans
from tests.indexer.conftest import docx_bytes

FORM = (
    "营商环境改革创新案例申报表\n"
    "填报地区\t331002\t填报单位\t台州市椒江区行政服务中心\n"
    "*联系人\t杨扬\t*联系电话\t18858678568\n"
    "*案例名称\t企业开办一件事\n"
    "创新做法\t由张伟同志牵头，在椒江区试点。"
)
SEED_FORM = "营商环境改革创新案例申报表\n\n填报地区：浙江省台州市\n\n联系人：杨扬\n\n填报单位：台州市行政服务中心\n\n手机号码：18858678568\n\n案例名称\t一件事"


def texts(findings) -> list[str]:
    return [f.text for f in findings]


def test_the_forms_header_block_is_metadata_and_is_not_checked():
    """填报地区, 填报单位, 联系人 and 联系电话 rows are skipped; the body is checked."""
    found = find_in_document(FORM)
    assert texts(found) == ["张伟同志", "椒江区"]
    assert all(f.start > FORM.index("案例名称") for f in found)


def test_the_seeds_header_lines_with_colons_are_metadata_too():
    """填报地区：…, 联系人：…, 填报单位：…, 手机号码：… lines after the form's title."""
    spans = form_header_spans(SEED_FORM)
    assert [SEED_FORM[a:b] for a, b in spans] == [
        "填报地区：浙江省台州市",
        "联系人：杨扬",
        "填报单位：台州市行政服务中心",
        "手机号码：18858678568",
    ]
    assert find_in_document(SEED_FORM) == []


def test_a_contact_line_in_the_body_of_a_document_is_content():
    """Outside the form's header block a 联系人 line is text like any other."""
    text = "关于报送案例的通知\n请于12月13日前报送。\n联系人：杨扬 18858678568"
    assert form_header_spans(text) == []
    assert texts(find_in_document(text)) == ["杨扬"]


def test_a_document_that_is_no_form_is_checked_whole():
    """A write-up without a 申报表 has no header to skip."""
    text = "据李明介绍，椒江区推行一件事改革。"
    assert texts(find_in_document(text)) == ["李明", "椒江区"]


def test_pdf_findings_carry_the_page_they_are_on(make_pdf):
    """A name on the second page of a PDF is reported with page 2 (and offsets into the
    extracted text)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

    def draw(c, page):
        c.setFont("STSong-Light", 14)
        line = "推行企业开办一件事改革。" if page == 0 else "椒江区推行企业开办一件事改革。"
        c.drawString(72, 760, line)

    document = extract(make_pdf(draw, pages=2), "case.pdf")
    found = find_in_document(document)
    assert [(f.text, f.page) for f in found] == [("椒江区", 2)]
    assert document.text[found[0].start : found[0].end] == "椒江区"
    assert found[0].as_dict()["page"] == 2


# -- the anonymized Word copy ----------------------------------------------------------


def split_name_docx() -> bytes:
    """A .docx whose names are split across runs with different formatting, in a
    paragraph, a table cell, the header and the footer."""
    doc = Document()
    p = doc.add_paragraph("由")
    bold = p.add_run("张")
    bold.bold = True
    italic = p.add_run("伟")
    italic.italic = True
    italic.font.size = Pt(16)
    p.add_run("同志牵头，在")
    red = p.add_run("椒江")
    red.font.color.rgb = RGBColor(0xC0, 0, 0)
    p.add_run("区试点。")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "创新做法"
    cell = table.cell(0, 1).paragraphs[0]
    cell.add_run("据李")
    cell.add_run("明介绍，效果明显。")
    doc.sections[0].header.paragraphs[0].text = "椒江区行政服务中心"
    doc.sections[0].footer.paragraphs[0].text = "联系人：张伟"
    doc.core_properties.title = "椒江区一件事改革"
    return docx_bytes(doc)


REPLACEMENTS = [("张伟同志", "某同志"), ("张伟", "某同志"), ("椒江区", "某区"), ("李明", "某同志")]


def test_replacements_are_written_into_the_word_file_across_runs():
    """Re-extracting the anonymized copy shows no replaced name, in the body, a table,
    the header, the footer or the document's title."""
    out = anonymize_docx(split_name_docx(), REPLACEMENTS)
    text = extract(out, "case.docx").text
    assert "由某同志牵头，在某区试点。" in text
    assert "据某同志介绍" in text
    doc = Document(io.BytesIO(out))
    assert doc.sections[0].header.paragraphs[0].text == "某区行政服务中心"
    assert doc.sections[0].footer.paragraphs[0].text == "联系人：某同志"
    assert doc.core_properties.title == "某区一件事改革"
    everything = text + doc.sections[0].header.paragraphs[0].text + doc.core_properties.title
    for name in ("张伟", "椒江", "李明"):
        assert name not in everything


def test_the_replacement_keeps_the_formatting_of_the_run_where_the_name_starts():
    """张 was bold and 伟 italic: 某同志 is in the bold run, the emptied italic run is
    gone, and the runs around keep their own formatting."""
    doc = Document(io.BytesIO(anonymize_docx(split_name_docx(), REPLACEMENTS)))
    runs = [(r.text, r.bold, r.italic) for r in doc.paragraphs[0].runs]
    assert runs[0] == ("由", None, None)
    assert runs[1] == ("某同志牵头，在", True, None) or runs[1] == ("某同志", True, None)
    red = [r for r in doc.paragraphs[0].runs if r.font.color.rgb == RGBColor(0xC0, 0, 0)]
    assert [r.text for r in red] == ["某区"]
    assert not any(r.italic for r in doc.paragraphs[0].runs)


def test_findings_of_the_document_can_be_applied_as_they_are():
    """The findings of find_in_document are a valid replacement list: the copy holds none
    of their names."""
    data = split_name_docx()
    findings = find_in_document(extract(data, "case.docx"))
    assert {"椒江区", "李明"} <= set(texts(findings))
    text = extract(anonymize_docx(data, findings), "case.docx").text
    assert find_in_document(text) == []


def test_nothing_else_in_the_package_changes():
    """Parts without names (styles, settings …) are copied byte for byte."""
    import zipfile

    data = split_name_docx()
    out = anonymize_docx(data, REPLACEMENTS)
    a, b = zipfile.ZipFile(io.BytesIO(data)), zipfile.ZipFile(io.BytesIO(out))
    assert a.namelist() == b.namelist()
    for name in a.namelist():
        if name not in ("word/document.xml", "word/header1.xml", "word/footer1.xml"):
            if name != "docProps/core.xml":
                assert a.read(name) == b.read(name), name


def test_a_damaged_file_is_refused_with_the_extractors_error():
    """Bytes that are no .docx raise ExtractionError, as extract() would."""
    with pytest.raises(ExtractionError):
        anonymize_docx(b"PK\x03\x04 not really a zip", REPLACEMENTS)
