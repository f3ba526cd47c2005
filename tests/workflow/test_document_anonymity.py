"""The anonymity rule over the whole case document: a .docx with names is refused until
they are replaced in the Word file itself (the anonymized copy is what readers, snippets,
downloads and the index get; the original is kept for admins and the audit); a PDF keeps
its names until the approver confirms them; 疑似 names are kept only by an explicit,
audited choice; the 申报表's header block is metadata, not content."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from indexer import extract
from library.cases import read, search
from library.cases.submit import Upload
from library.errors import ValidationFailed
from library.models import AuditEvent, Case, DocumentVersion
from library.workflow import contribute
from library.workflow.transitions import transition
from tests.conftest import SAMPLE_TEXT, docx_bytes, pdf_bytes, valid_form

NAMED = "由张伟同志牵头，在台州市椒江区行政服务中心先行试点，企业开办时间压缩至半天。"
POSSIBLE = "试点期间邀请田野参加座谈，听取企业意见。"


def _create(lib, actor, data: bytes, filename: str, **options):
    form = valid_form(name=options.pop("name", "整体匿名化检查的案例"), published_at=None)
    form.update(options)
    return contribute.create(
        lib, form, Upload(filename, data), actor("sub_jj"), confirm_near_duplicate=True
    )


def _runs_docx(paragraphs: list[str]) -> bytes:
    """A .docx whose names are split across runs with different formatting."""
    import docx

    d = docx.Document()
    for text in paragraphs:
        p = d.add_paragraph()
        half = len(text) // 3
        p.add_run(text[:half]).bold = True
        p.add_run(text[half:]).italic = True
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_a_word_document_with_names_is_refused_with_each_finding_in_context(lib, actor):
    """确定 names in the body: a file error listing every finding with its context; nothing
    is stored."""
    with pytest.raises(ValidationFailed) as e:
        _create(lib, actor, docx_bytes(SAMPLE_TEXT + [NAMED]), "含人名地名.docx")
    err = next(x for x in e.value.errors if x.field == "file")
    assert err.code == "identifying_info"
    found = {f["text"]: f for f in err.detail["findings"]}
    assert {"张伟同志", "台州市椒江区行政服务中心"} <= set(found)
    assert found["张伟同志"]["certainty"] == "certain" and found["张伟同志"]["after"]
    with lib.db.session() as s:
        assert s.scalars(select(Case)).all() == []


def test_one_click_anonymizes_the_word_file_and_readers_never_see_the_names(lib, actor):
    """anonymize_document=1: the copy with 某同志/某市某区… is the case's document for the
    page, the download, the snippets and the index; the original stays for admins."""
    original = _runs_docx(SAMPLE_TEXT + [NAMED])
    case = _create(lib, actor, original, "试点情况.docx", anonymize_document="1")
    for step, who in (("submit", "sub_jj"), ("approve", "appr_jj"), ("publish", "coord_tz")):
        transition(lib, case.case_no, step, actor(who))
    reader = actor("reviewer")
    record = read.case_record(lib, case.case_no, reader)
    assert record["file"]["name"] == "试点情况（匿名化）.docx"
    served = read.document_file(lib, case.case_no, reader).data
    served_text = extract(served, "x.docx").text
    assert "张伟" not in served_text and "椒江区" not in served_text
    assert "某同志" in served_text and "企业开办时间压缩至半天" in served_text
    html = read.preview(lib, case.case_no, reader).html
    assert "张伟" not in html and "椒江" not in html
    assert search.search(lib, {"q": "椒江区"}).total == 0
    assert search.search(lib, {"q": "张伟"}).total == 0
    hit = search.search(lib, {"q": "企业开办时间压缩至半天"}).hits[0]
    assert hit.case_no == case.case_no and "张伟" not in "".join(hit.highlights)
    with lib.db.session() as s:
        versions = s.execute(
            select(DocumentVersion.version, DocumentVersion.kind, DocumentVersion.sha256)
            .join(Case, Case.id == DocumentVersion.case_id)
            .where(Case.case_no == case.case_no)
            .order_by(DocumentVersion.version)
        ).all()
        audit = s.scalar(
            select(AuditEvent).where(
                AuditEvent.action == "case.create", AuditEvent.object_id == case.case_no
            )
        )
    assert [(v, k) for v, k, _ in versions] == [(1, "upload"), (2, "anonymized")]
    assert audit.detail["anonymized_file"] == "试点情况（匿名化）.docx"
    # The original, byte for byte, for the admin; not for a reader.
    assert read.document_file(lib, case.case_no, actor("admin"), version=1).data == original
    with pytest.raises(Exception) as e:
        read.document_file(lib, case.case_no, reader, version=1)
    assert getattr(e.value, "status", None) == 404


def test_a_pdf_with_names_waits_for_the_approvers_audited_confirmation(lib, actor):
    """A PDF cannot be rewritten: its names are kept with the document and shown; the
    approval is refused until the approver confirms them, and the confirmation is audited."""
    case = _create(
        lib, actor, pdf_bytes(SAMPLE_TEXT + [NAMED]), "试点情况.pdf", name="带名称的PDF案例"
    )
    record = read.case_record(lib, case.case_no, actor("sub_jj"))
    names = {f["text"] for f in record["file"]["findings"]}
    assert "张伟同志" in names and all(f.get("page") == 1 for f in record["file"]["findings"])
    transition(lib, case.case_no, "submit", actor("sub_jj"))
    with pytest.raises(ValidationFailed) as e:
        transition(lib, case.case_no, "approve", actor("appr_jj"))
    assert e.value.errors[0].code == "names_unconfirmed"
    done = transition(lib, case.case_no, "approve", actor("appr_jj"), confirm_names=True)
    assert done.status == "approved"
    with lib.db.session() as s:
        row = s.scalar(select(AuditEvent).where(AuditEvent.action == "case.names_confirmed"))
    assert row.actor == "appr_jj" and "张伟同志" in row.detail["names"]
    assert read.case_record(lib, case.case_no, actor("sub_jj"))["file"]["findings"] == []


def test_possible_names_are_kept_only_by_an_audited_choice(lib, actor):
    """疑似 names in a field: refused until kept (keep_possible=1, recorded with who
    decided) or replaced; 确定 ones still block."""
    practice = "推行企业开办全程网办。" + POSSIBLE
    with pytest.raises(ValidationFailed) as e:
        _create(lib, actor, docx_bytes(SAMPLE_TEXT), "疑似.docx", innovative_practice=practice)
    assert [(x.field, x.code) for x in e.value.errors] == [
        ("innovative_practice", "possible_identifying_info")
    ]
    case = _create(
        lib,
        actor,
        docx_bytes(SAMPLE_TEXT + ["疑似保留样例。"]),
        "疑似保留.docx",
        innovative_practice=practice,
        keep_possible="1",
    )
    assert "田野" in case.innovative_practice
    with lib.db.session() as s:
        audit = s.scalar(
            select(AuditEvent).where(
                AuditEvent.action == "case.create", AuditEvent.object_id == case.case_no
            )
        )
    assert audit.actor == "sub_jj"
    assert [f["text"] for f in audit.detail["kept_possible"]["innovative_practice"]] == ["田野"]


def test_the_forms_header_block_is_metadata_not_content(lib, actor):
    """A filled-in 申报表 names its region, unit and contact in the header: no finding, and
    the header is not in the index (a search for the county does not find the case)."""
    from library.cases.template import render_template

    data = render_template(
        {
            **valid_form(name="申报表表头的案例", published_at=None),
            "region_code": "台州市椒江区",
            "unit": "椒江区人民政府",
            "contact_name": "王建军",
            "innovative_practice": "推行企业开办全程网办，一表填报。",
        }
    )
    case = _create(lib, actor, data, "申报表.docx", name="申报表表头的案例")
    for step, who in (("submit", "sub_jj"), ("approve", "appr_jj"), ("publish", "coord_tz")):
        transition(lib, case.case_no, step, actor(who))
    assert search.search(lib, {"q": "全程网办 一表填报"}).total >= 1
    assert case.case_no not in [h.case_no for h in search.search(lib, {"q": "椒江区人民政府"}).hits]
    assert case.case_no not in [h.case_no for h in search.search(lib, {"q": "王建军"}).hits]
