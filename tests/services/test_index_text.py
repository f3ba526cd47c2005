"""What of a document the index reads."""

from __future__ import annotations

from indexer import extract
from library.accounts.audit import Actor
from library.cases import search
from library.cases.submit import Upload
from library.cases.template import render_template
from library.cases.text import index_text
from tests.conftest import submit, valid_form


def test_the_forms_own_words_are_not_indexed_from_a_filled_in_template(lib):
    """A filled-in 申报表 is indexed without the form's title (营商环境改革创新案例申报表),
    field titles, notes and check boxes, which every case would otherwise share; the
    values typed into it stay."""
    values = valid_form(
        name="工程建设项目联合验收改革",
        theme="办理建筑许可",
        summary="推行联合验收，一次验收出具意见。",
        tags=["联合验收"],
    )
    data = render_template(values)
    text = index_text(extract(data, "申报表.docx").text)
    assert "申报表" not in text and "案例名称" not in text and "☐" not in text
    assert "借鉴的案例编号或名称" not in text and "创新借鉴" not in text
    assert "工程建设项目联合验收改革" in text and "一次验收出具意见" in text

    case = submit(lib, values, Upload("申报表.docx", data), Actor.cli())
    assert search.search(lib, {"q": "营商环境"}).total == 0
    assert [h.case_no for h in search.search(lib, {"q": "联合验收"}).hits] == [case.case_no]


def test_other_documents_are_indexed_as_they_are():
    """A document that is not the 申报表 keeps every word, field-like ones included."""
    text = "案例名称\t某项改革\n为保证创新案例评选的公平公正，案例中不能出现地名、人名等相关信息。"
    assert index_text(text) == text


def test_ingest_takes_the_fields_of_a_filled_in_template(lib, tmp_path):
    """caselib ingest of a filled-in 申报表 stores its fields as the case's metadata; a
    field that breaks the form's rules is left unknown, the file still stored."""
    from sqlalchemy import select

    from library.cases.ingest import ingest
    from library.models import Case

    values = valid_form(
        name="政府采购意向公开改革",
        theme="政府采购",
        case_type="original",
        tags=["全程网办"],
        region_code="330102",
        contact_name="联系人乙",
    )
    (tmp_path / "a.docx").write_bytes(render_template(values))
    bad = valid_form(name="另一份申报表", theme="不存在的主题", summary="另一份申报表的摘要。")
    (tmp_path / "b.docx").write_bytes(render_template(bad))

    report = ingest(lib, [tmp_path], workers=1)

    assert report.failed == [] and len(report.added) == 2
    with lib.db.session() as s:
        cases = {c.name: c for c in s.scalars(select(Case))}
        a = cases["政府采购意向公开改革"]
        assert (a.theme.name, a.case_type, a.region_code, a.contact_name) == (
            "政府采购",
            "original",
            "330102",
            "联系人乙",
        )
        assert [t.name for t in a.tags] == ["全程网办"]
        b = cases["另一份申报表"]
        assert b.theme is None and b.summary == "另一份申报表的摘要。"
