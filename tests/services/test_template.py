"""The 申报表 template: generated from the JSON Schema, read back after a clerk fills it in."""

from __future__ import annotations

import copy
import io
import json
import subprocess
import zipfile
from importlib import resources

import docx
import pytest
from docx.oxml.ns import qn

from indexer.errors import ExtractionError
from indexer.extract import extract
from library.cases.template import FORM_ID, TITLE, parse_template, render_template

SCHEMA = json.loads((resources.files("schemas") / "case_form.json").read_text(encoding="utf-8"))
ORDER = SCHEMA["x-template-order"]
PROPS = SCHEMA["properties"]
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"

VALUES = {
    "region_code": "331002",
    "unit": "某区行政服务中心",
    "contact_name": "王某某",
    "contact_phone": "0576-88888888",
    "theme": "政务服务",
    "case_type": "innovation_borrowed",
    "borrowed_from": "某市企业开办一件事改革",
    "tags": ["一网通办", "告知承诺制", "证照分离"],
    "name": "企业开办“一件事”集成改革",
    "summary": "将营业执照、公章刻制、发票申领等事项整合为一个环节，实现一表申请、一窗受理。",
    "problem": "企业开办环节多、材料多、跑腿多。",
    "solution": "企业开办时间压缩至半个工作日以内。",
    "traditional_practice": "企业需分别到多个部门递交材料。\n平均耗时五个工作日。",
    "innovative_practice": "推行一网通办，数据共享，材料免提交。",
    "application_scenario": "适用于新设立企业的登记、刻章、申领发票和社保登记。",
}


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _rows(document) -> dict[str, object]:
    """{field title: the value cell} across the template's tables."""
    titles = {PROPS[f]["title"]: f for f in ORDER}
    out = {}
    for table in document.tables:
        for row in table.rows:
            cells = row.cells
            for i in range(0, len(cells) - 1, 2):
                title = cells[i].text.replace("*", "").strip()
                if title in titles:
                    out[titles[title]] = cells[i + 1]
    return out


def _text(paragraph) -> str:
    """All the text of a paragraph, including inside content controls (python-docx's
    ``Paragraph.text`` skips those)."""
    return "".join(t.text or "" for t in paragraph._p.iter(qn("w:t")))


def _type_into(cell, text: str, *, keep_note: bool = False) -> None:
    """What Word stores when a clerk clicks into the cell and types: a run in the first
    paragraph; without keep_note the grey note was selected and typed over."""
    p = cell.paragraphs[0]
    if not keep_note:
        for run in list(p.runs):
            run._r.getparent().remove(run._r)
        p.add_run(text)
    else:
        cell.add_paragraph(text)


def _code(data: bytes) -> str:
    with pytest.raises(ExtractionError) as info:
        parse_template(data)
    return info.value.code


def test_template_has_title_header_block_and_every_field():
    """The .docx opens with python-docx: title, the header block, one row per field in
    x-template-order, the note in small grey text, and the custom property marker."""
    data = render_template()
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs[0].text == TITLE == "营商环境改革创新案例申报表"
    header = [c.text.replace("*", "") for c in document.tables[0].rows[0].cells]
    header += [c.text.replace("*", "") for c in document.tables[0].rows[1].cells]
    assert header[0::2] == ["填报地区", "填报单位", "联系人", "联系电话"]
    rows = _rows(document)
    assert list(rows) == ORDER
    note_run = rows["name"].paragraphs[0].runs[0]
    assert note_run.text == "注：" + PROPS["name"]["x-note"]
    assert str(note_run.font.color.rgb) == "808080" and note_run.font.size.pt == 9
    assert all(len(row.cells) == 2 for row in document.tables[1].rows)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert FORM_ID in z.read("docProps/custom.xml").decode()
    assert document.core_properties.title == TITLE


def test_case_type_shows_the_three_choices_as_check_boxes():
    """案例类型 offers 本地首创 / 创新借鉴 / 整改借鉴 as clickable ☐ boxes (☑ when set)."""
    empty = _rows(docx.Document(io.BytesIO(render_template())))["case_type"]
    assert _text(empty.paragraphs[0]) == "☐ 本地首创\u3000☐ 创新借鉴\u3000☐ 整改借鉴"
    assert len(empty._tc.findall(".//" + qn("w:sdt"))) == 3
    filled = _rows(docx.Document(io.BytesIO(render_template({"case_type": "original"}))))
    assert _text(filled["case_type"].paragraphs[0]).startswith("☑ 本地首创\u3000☐ 创新借鉴")


def test_empty_template_parses_to_no_values():
    """Notes left in place are not values: the blank form yields {}."""
    assert parse_template(render_template()) == {}


@pytest.mark.parametrize("case_type", ["original", "innovation_borrowed", "rectification_borrowed"])
def test_render_then_parse_round_trips_every_field(case_type):
    """Every field filled with Chinese content comes back unchanged (tags as a list,
    case_type as its code, multi-paragraph text with its line break)."""
    values = dict(VALUES, case_type=case_type)
    assert set(values) == set(ORDER)
    assert parse_template(render_template(values)) == values


def test_template_filled_in_the_way_word_stores_it():
    """Typing over the grey note, typing below a note left in place, typing in front of a
    note, and clicking a check box (☐→☑ with w14:checked) all read back correctly."""
    document = docx.Document(io.BytesIO(render_template()))
    rows = _rows(document)
    _type_into(rows["name"], "企业开办一件事改革")
    _type_into(rows["summary"], "实现一表申请、一窗受理。", keep_note=True)
    rows["problem"].paragraphs[0].runs[0]._r.addprevious(
        copy.deepcopy(rows["problem"].paragraphs[0].runs[0]._r)
    )
    rows["problem"].paragraphs[0].runs[0].text = "材料多、跑腿多。"
    _type_into(rows["contact_phone"], "13800000000")
    box = rows["case_type"]._tc.findall(".//" + qn("w:sdt"))[2]  # 整改借鉴
    box.find(".//" + qn("w:t")).text = "☑"
    box.find(".//" + W14 + "checked").set(W14 + "val", "1")
    assert parse_template(_save(document)) == {
        "name": "企业开办一件事改革",
        "summary": "实现一表申请、一窗受理。",
        "problem": "材料多、跑腿多。",
        "contact_phone": "13800000000",
        "case_type": "rectification_borrowed",
    }


def test_case_type_by_deleting_the_other_choices():
    """A clerk who deletes the two other choices (boxes and all) has chosen the third."""
    document = docx.Document(io.BytesIO(render_template()))
    paragraph = _rows(document)["case_type"].paragraphs[0]
    for child in list(paragraph._p):
        if child.tag != qn("w:pPr"):
            paragraph._p.remove(child)
    paragraph.add_run("创新借鉴")
    assert parse_template(_save(document)) == {"case_type": "innovation_borrowed"}


@pytest.mark.parametrize("mark", ["√", "✔", "■"])
def test_case_type_ticked_by_typing_a_mark(mark):
    """Typing a tick in front of a choice (instead of clicking the box) selects it."""
    document = docx.Document(io.BytesIO(render_template()))
    boxes = _rows(document)["case_type"]._tc.findall(".//" + qn("w:sdt"))
    boxes[0].find(".//" + qn("w:t")).text = mark
    assert parse_template(_save(document))["case_type"] == "original"


def test_rows_reordered_fonts_changed_and_paragraphs_added():
    """Moving rows, changing fonts and adding paragraphs around the form changes nothing."""
    document = docx.Document(io.BytesIO(render_template(VALUES)))
    table = document.tables[1]._tbl
    rows = table.findall(qn("w:tr"))
    for tr in rows[:5]:
        table.remove(tr)
        table.append(tr)  # the first five rows now come last
    for paragraph in (
        p for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs
    ):
        for run in paragraph.runs:
            run.font.name = "楷体"
            run.font.size = docx.shared.Pt(14)
    document.paragraphs[0].insert_paragraph_before("附件1")
    document.add_paragraph("填表说明：请如实填写。")
    assert parse_template(_save(document)) == VALUES


def test_a_form_retyped_without_the_marker_is_still_recognised():
    """A form copied into a new document (no custom property) is recognised by its field
    titles, including header lines written as "填报单位：..." like the seed's form."""
    document = docx.Document()
    document.add_paragraph("营商环境改革创新案例申报表")
    document.add_paragraph("填报单位：某县市场监管局")
    document.add_paragraph("手机号码：13900000000")
    table = document.add_table(rows=3, cols=2)
    for row, (title, value) in zip(
        table.rows,
        [("案例名称", "证照分离改革"), ("应对问题", "审批慢"), ("创新做法", "告知承诺制")],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = title, value
    assert parse_template(_save(document)) == {
        "unit": "某县市场监管局",
        "contact_phone": "13900000000",
        "name": "证照分离改革",
        "problem": "审批慢",
        "innovative_practice": "告知承诺制",
    }


def test_a_document_that_is_not_the_form_is_not_a_template():
    """An ordinary .docx, even with a 联系人/联系电话 table, is not_a_template."""
    document = docx.Document()
    document.add_paragraph("关于报送营商环境改革创新案例的通知")
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(
        table.rows[0].cells, ["联系人", "杨某", "联系电话", "0576-1"], strict=True
    ):
        cell.text = text
    assert _code(_save(document)) == "not_a_template"


def test_non_docx_input_is_not_a_template():
    """A PDF, or plain bytes, handed in as the form is not_a_template."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.drawString(72, 700, "form")
    c.showPage()
    c.save()
    assert _code(out.getvalue()) == "not_a_template"
    assert _code(b"not a document") == "not_a_template"


def test_damaged_template_is_corrupt_not_misread():
    """A truncated template is reported as corrupt, so the clerk re-saves it."""
    data = render_template(VALUES)
    assert _code(data[: len(data) // 2]) == "corrupt"


@pytest.mark.corpus
def test_real_government_report_is_not_a_template(fixtures_dir):
    """A real provincial work report (.docx) is not the form."""
    path = next((fixtures_dir / "docx_provincial_gov_work_reports_2025").glob("*.docx"))
    assert _code(path.read_bytes()) == "not_a_template"


@pytest.mark.slow
def test_libreoffice_renders_the_template_to_pdf(soffice, tmp_path):
    """LibreOffice opens the template and converts it to PDF with its title and fields."""
    source = tmp_path / "申报表.docx"
    source.write_bytes(render_template(VALUES))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = "".join(extract((tmp_path / "申报表.pdf").read_bytes(), "申报表.pdf").text.split())
    assert TITLE in text
    for field in ORDER:
        assert PROPS[field]["title"] in text
    assert "企业开办“一件事”集成改革" in text


@pytest.mark.slow
def test_template_resaved_by_libreoffice_still_parses(soffice, tmp_path):
    """Saved again by another office suite (LibreOffice, as a WPS user would), the filled
    form keeps its marker and its values."""
    source = tmp_path / "in" / "申报表.docx"
    source.parent.mkdir()
    source.write_bytes(render_template(VALUES))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert parse_template((tmp_path / "out" / "申报表.docx").read_bytes()) == VALUES
