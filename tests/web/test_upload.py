"""上传案例: the form, its field errors, the borrowed-from case, similar cases, the
near-duplicate warning, the template auto-fill."""

from __future__ import annotations

import io
import re

import pytest

from library.accounts.audit import Actor
from tests.conftest import SAMPLE_TEXT, docx_bytes, pdf_bytes, valid_form

from .conftest import audit_actions, case_by_name, csrf_of, login


@pytest.fixture
def c(client):
    return login(client, "tianbao")


def post_form(c, form: dict, file: tuple[bytes, str] | None = None, **extra):
    data = {**form, **extra, "csrf_token": csrf_of(c)}
    if file is not None:
        data["file"] = (io.BytesIO(file[0]), file[1])
    return c.post("/upload", data=data, content_type="multipart/form-data")


def field_errors(html: str) -> dict[str, str]:
    return dict(
        re.findall(r'<p class="field-error" data-field="([^"]+)" data-code="([^"]+)"', html)
    )


def test_submitter_saves_a_draft_that_only_the_library_does_not_show(c, lib):
    """A valid form and file are stored as a draft of the submitter's unit, audited, and
    the case page opens; the draft is not in search until it is published."""
    form = valid_form(name="企业开办智能审批改革", published_at=None)
    resp = post_form(
        c, form, (docx_bytes(SAMPLE_TEXT + ["智能审批样例。"]), "企业开办智能审批.docx")
    )
    assert resp.status_code == 302, resp.get_data(as_text=True)[:2000]
    case = case_by_name(lib, "企业开办智能审批改革")
    assert resp.location == f"/cases/{case.case_no}"
    page = c.get(resp.location).get_data(as_text=True)
    assert "已保存为草稿" in page and "企业开办智能审批.docx" in page
    assert case.status == "draft" and case.published_at is None
    assert case.created_by_id is not None and case.unit_name == "区市场监督管理局"
    assert case.unit_id is not None
    assert audit_actions(lib, "case.create")[-1].object_id == case.case_no
    hits = c.get("/?q=智能审批").get_data(as_text=True)
    assert case.case_no not in hits


def test_submit_button_sends_the_case_for_approval(c, lib):
    """保存并提交审核 stores the case as submitted, with its history and a notification
    for the unit's approver."""
    from library.models import CaseHistory, Notification, User

    form = valid_form(name="企业开办智能审批提交", published_at=None)
    resp = post_form(
        c, form, (docx_bytes(SAMPLE_TEXT + ["提交审核样例。"]), "提交审核.docx"), action="submit"
    )
    assert resp.status_code == 302, resp.get_data(as_text=True)[:2000]
    case = case_by_name(lib, "企业开办智能审批提交")
    assert case.status == "submitted" and case.submitted_at is not None
    with lib.db.session() as s:
        moves = [
            (h.action, h.from_status, h.to_status)
            for h in s.query(CaseHistory).filter_by(case_id=case.id).order_by(CaseHistory.id)
        ]
        approver = s.query(User).filter_by(username="shenhe").one()
        notes = s.query(Notification).filter_by(user_id=approver.id, kind="approval").all()
    assert moves == [("create", None, "draft"), ("submit", "draft", "submitted")]
    assert notes[-1].link == f"/cases/{case.case_no}"


def test_every_bad_field_is_shown_next_to_it_and_input_is_kept(c, lib):
    """Missing and too-long fields and a bad phone are all reported at once, each beside
    its field, with what was typed still in the form."""
    form = valid_form(name="名" * 51, summary="", contact_phone="12345", theme="")
    resp = post_form(c, form, (docx_bytes(SAMPLE_TEXT), "样例.docx"))
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    errors = field_errors(html)
    assert errors == {
        "name": "too_long",
        "theme": "required",
        "summary": "required",
        "contact_phone": "invalid_format",
    }
    assert "名" * 51 in html  # the input is kept
    assert 'value="12345"' in html
    assert "已选择文件：样例.docx" in html  # the file is kept for the next try
    assert case_by_name(lib, "名" * 51) is None


def test_borrowed_type_requires_the_borrowed_from_case(c):
    """创新借鉴 without a borrowed-from case is a field error on borrowed_from."""
    form = valid_form(case_type="innovation_borrowed")
    resp = post_form(c, form, (docx_bytes(SAMPLE_TEXT), "借鉴.docx"))
    assert resp.status_code == 422
    assert field_errors(resp.get_data(as_text=True)) == {"borrowed_from": "required"}


def test_borrowed_case_links_to_its_source(c, lib):
    """A borrowed case chosen by number is stored with the link; the source counts it."""
    from library.cases import read as catalog

    form = valid_form(
        name="借鉴一日办结的县域实践", case_type="innovation_borrowed", borrowed_from="YS2019-00001"
    )
    resp = post_form(c, form, (pdf_bytes(SAMPLE_TEXT + ["县域借鉴。"]), "县域借鉴.pdf"))
    assert resp.status_code == 302, resp.get_data(as_text=True)[:2000]
    case = case_by_name(lib, "借鉴一日办结的县域实践")
    assert catalog.case_record(lib, case.case_no, Actor.cli())["borrowed_from"] == "YS2019-00001"
    # 被借鉴 counts published cases only: a draft borrowing it does not count yet.
    assert catalog.case_record(lib, "YS2019-00001", Actor.cli())["borrowed_count"] == 1
    from library.workflow.transitions import transition

    for action in ("submit", "approve", "publish"):
        transition(lib, case.case_no, action, Actor.cli())
    assert catalog.case_record(lib, "YS2019-00001", Actor.cli())["borrowed_count"] == 2


def test_near_duplicate_warns_and_saves_only_when_confirmed(c, lib):
    """A near copy of an existing case is not saved until the submitter confirms; the
    kept file is used for the confirmation."""
    from library.demo.render import load_demo_cases, render_docx

    demo = dict(next(x for x in load_demo_cases() if x["key"] == "kaiban-yiri"))
    demo["name"] = "企业开办全流程一日办结改革（修订稿）"
    data = render_docx(demo)
    form = valid_form(name=demo["name"])
    resp = post_form(c, form, (data, "修订稿.docx"))
    html = resp.get_data(as_text=True)
    assert resp.status_code == 409
    assert 'data-testid="near-duplicate"' in html and "YS2019-00001" in html
    assert case_by_name(lib, demo["name"]) is None
    token = re.search(r'name="upload_token" value="([^"]+)"', html).group(1)
    resp = post_form(c, form, None, upload_token=token, confirm_near_duplicate="1")
    assert resp.status_code == 302, resp.get_data(as_text=True)[:2000]
    case = case_by_name(lib, demo["name"])
    from library.cases import read as catalog

    assert catalog.document_file(lib, case.case_no, Actor.cli()).data == data


def test_the_same_file_again_is_refused(c, lib):
    """A file already in the library is a field error on the file."""
    from library.cases import read as catalog

    f = catalog.document_file(lib, "YS2019-00001", Actor.cli())
    resp = post_form(c, valid_form(name="重复上传"), (f.data, f.name))
    assert resp.status_code == 409
    assert field_errors(resp.get_data(as_text=True)) == {"file": "duplicate_document"}


def test_unreadable_file_is_a_field_error(c):
    """A file that is not Word or PDF is reported on the file field, not as a crash."""
    resp = post_form(c, valid_form(), (b"not a document at all", "x.docx"))
    assert resp.status_code == 422
    assert "file" in field_errors(resp.get_data(as_text=True))


def test_inspect_reads_a_filled_template_and_finds_similar_cases(c, lib):
    """Choosing a filled-in 申报表 returns its fields and the most similar cases."""
    from library.cases.template import render_template

    data = render_template(
        {
            "name": "企业开办一日办结",
            "summary": "企业开办一日办结，一网通办。",
            "theme": "开办企业",
            "case_type": "innovation_borrowed",
            "innovative_practice": "一表填报、一窗受理、一日办结，企业开办全程网办。",
        }
    )
    resp = c.post(
        "/upload/inspect",
        data={"file": (io.BytesIO(data), "申报表.docx"), "csrf_token": csrf_of(c)},
        content_type="multipart/form-data",
    )
    body = resp.get_json()
    assert resp.status_code == 200
    assert body["fields"]["name"] == "企业开办一日办结"
    assert body["fields"]["case_type"] == "innovation_borrowed"
    assert body["similar"] and body["similar"][0]["case_no"] in (
        "YS2019-00001",
        "YS2020-00001",
        *[h["case_no"] for h in body["similar"]],
    )
    assert any("企业开办" in h["name"] for h in body["similar"][:3])
    assert body["upload_token"]


def test_similar_from_the_typed_text(c):
    """The draft's text alone finds similar cases (to pick the borrowed-from case)."""
    resp = c.post(
        "/upload/similar", data={"text": "存量房带押过户 不动产登记 抵押", "csrf_token": csrf_of(c)}
    )
    hits = resp.get_json()["similar"]
    assert resp.status_code == 200 and hits
    assert "带押过户" in hits[0]["name"]


def test_upload_needs_the_upload_role(login_as):
    """Reviewers and approvers cannot upload, neither the page nor its helpers."""
    for username in ("shiju", "shenhe"):
        c = login_as(username)
        assert c.get("/upload").status_code == 403
        resp = c.post("/upload/similar", data={"text": "企业开办", "csrf_token": csrf_of(c)})
        assert resp.status_code == 403 and resp.get_json()["code"] == "forbidden"


def test_place_names_are_highlighted_with_their_replacements(c, lib):
    """Place names in 创新做法 block the upload: each is shown where it is, with its
    neutral replacement; the typed text is kept."""
    form = valid_form(
        name="地名检查样例", innovative_practice="在台州市椒江区推行一窗受理，当日办结。"
    )
    resp = post_form(c, form, (docx_bytes(SAMPLE_TEXT + ["地名。"]), "地名检查.docx"))
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert field_errors(html) == {"innovative_practice": "identifying_info"}
    box = html[html.index('data-testid="findings-innovative_practice"') :]
    assert '<mark class="finding"' in box and "台州市" in box and "某市" in box
    assert "在台州市椒江区推行一窗受理" in html  # the input is kept
    assert 'name="apply_anonymization"' in html
    assert case_by_name(lib, "地名检查样例") is None


def test_apply_anonymization_saves_the_neutral_wording(c, lib):
    """With 自动替换 ticked the case is saved with the replacements."""
    form = valid_form(
        name="地名替换样例", innovative_practice="在台州市椒江区推行一窗受理，当日办结。"
    )
    resp = post_form(
        c, form, (docx_bytes(SAMPLE_TEXT + ["替换。"]), "地名替换.docx"), apply_anonymization="1"
    )
    assert resp.status_code == 302, resp.get_data(as_text=True)[:1500]
    case = case_by_name(lib, "地名替换样例")
    assert "台州市" not in case.innovative_practice and "某市" in case.innovative_practice


def test_names_in_the_word_file_are_listed_and_replaced_in_the_file_in_one_click(c, lib):
    """The form lists the document's names with their context and offers 生成匿名化文档;
    sent again with it (the file kept from the first try), the case's document is the
    anonymized copy."""
    named = "由张伟同志牵头，在台州市椒江区行政服务中心先行试点。"
    form = valid_form(name="文档中有名称的案例", published_at=None)
    resp = post_form(c, form, (docx_bytes(SAMPLE_TEXT + [named]), "有名称.docx"))
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert 'data-testid="document-findings"' in html and "<mark>张伟同志</mark>" in html
    assert field_errors(html) == {"file": "identifying_info"}
    token = re.search(r'name="upload_token" value="([^"]+)"', html).group(1)
    resp = post_form(c, form, None, upload_token=token, anonymize_document="1")
    assert resp.status_code == 302, resp.get_data(as_text=True)[:1500]
    case = case_by_name(lib, "文档中有名称的案例")
    from library.cases import read

    f = read.document_file(lib, case.case_no, Actor.cli())
    assert f.name == "有名称（匿名化）.docx"
    from indexer import extract

    text = extract(f.data, f.name).text
    assert "张伟" not in text and "某同志" in text
