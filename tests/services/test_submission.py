"""Submission through the form (申报表 + 上传案例): what a valid submission stores, how a bad
one is refused (every bad field at once, nothing stored), duplicates and near-duplicates,
and case numbers."""

from __future__ import annotations

import hashlib
import re
import threading
from datetime import date

import pytest
from sqlalchemy import select

from library.accounts.audit import Actor
from library.cases import indexing, search
from library.cases.numbering import reserve_case_nos
from library.cases.read import get_case
from library.cases.submit import NearDuplicate, Upload
from library.errors import DuplicateDocument, ValidationFailed
from library.models import AuditEvent, Case, CaseTag, Document, Tag
from tests.conftest import submit
from tests.samples import (
    KAIBAN,
    KAIBAN_EDITED,
    KAIBAN_OTHER,
    library_state,
    scanned_pdf_bytes,
    truncated,
    xls_bytes,
)

CJK = re.compile(r"[\u4e00-\u9fff]")
CASE_NO = re.compile(r"^YS(\d{4})-(\d{5})$")
DOCX_MEDIA = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def lib(fresh_lib):
    """The shared ``lib`` fixture's state, copied rather than seeded (see conftest)."""
    return fresh_lib


def _doc_row(lib, case_no: str) -> Document:
    with lib.db.session() as s:
        return s.scalar(select(Document).join(Case).where(Case.case_no == case_no))


# -- a valid submission ---------------------------------------------------------------------


@pytest.mark.parametrize("borrow_by", ["case_no", "name"])
def test_valid_submission_stores_case_document_tags_link_and_audit_event(
    lib, form, make_docx, make_case, borrow_by
):
    """Every field of the form, the document (bytes, sha256, size, media type, text), the
    tags, the borrowed-from link and an audit event are stored by one submission."""
    original = make_case(name="企业开办一件事改革")
    data = make_docx(KAIBAN_OTHER, title="企业开办智能审批")
    fields = form(
        name="企业开办智能审批改革",
        case_type="innovation_borrowed",
        borrowed_from=original.case_no if borrow_by == "case_no" else original.name,
        tags=["一网通办", "证照分离", "电子证照"],
        summary="名称自主申报，经营范围规范化勾选，系统自动核准。",
        problem="名称申报难、经营范围填写不规范。",
        solution="智能审批，最快十分钟领取电子营业执照。",
        region_code="330106",
        unit="区行政审批局",
        contact_name="联系人乙",
        contact_phone="0571-87654321",
        published_at="2024-06-18",
    )

    case = submit(lib, fields, Upload("企业开办智能审批.docx", data), Actor.cli())

    assert CASE_NO.match(case.case_no)
    assert case.borrowed_from.case_no == original.case_no
    assert [t.name for t in case.tags] == ["一网通办", "证照分离", "电子证照"]
    with lib.db.session() as s:
        row = s.scalar(select(Case).where(Case.case_no == case.case_no))
        stored = {
            k: getattr(row, k)
            for k in (
                "name",
                "summary",
                "problem",
                "solution",
                "case_type",
                "region_code",
                "unit_name",
                "contact_name",
                "contact_phone",
            )
        }
        assert stored == {
            "name": "企业开办智能审批改革",
            "summary": fields["summary"],
            "problem": fields["problem"],
            "solution": fields["solution"],
            "case_type": "innovation_borrowed",
            "region_code": "330106",
            "unit_name": "区行政审批局",
            "contact_name": "联系人乙",
            "contact_phone": "0571-87654321",
        }
        assert row.traditional_practice == fields["traditional_practice"]
        assert row.innovative_practice == fields["innovative_practice"]
        assert row.application_scenario == fields["application_scenario"]
        assert row.theme.name == "开办企业"
        assert row.published_at == date(2024, 6, 18)
        assert row.status == "published"
        assert row.borrowed_from_id == s.scalar(
            select(Case.id).where(Case.case_no == original.case_no)
        )
        tag_names = s.scalars(
            select(Tag.name)
            .join(CaseTag, CaseTag.tag_id == Tag.id)
            .where(CaseTag.case_id == row.id)
        ).all()
        assert sorted(tag_names) == sorted(["一网通办", "证照分离", "电子证照"])
        events = s.scalars(select(AuditEvent).where(AuditEvent.object_id == case.case_no)).all()
        assert [(e.action, e.object_type, e.actor) for e in events] == [
            ("case.create", "case", Actor.cli().name)
        ]
        assert events[0].detail["file"] == "企业开办智能审批.docx"

    doc = _doc_row(lib, case.case_no)
    assert doc.original_name == "企业开办智能审批.docx"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.size == len(data)
    assert (doc.media_type, doc.format) == (DOCX_MEDIA, "docx")
    assert all(p in doc.text for p in KAIBAN_OTHER)
    assert lib.files.get(doc.sha256) == data


def test_valid_pdf_submission_keeps_the_file_byte_for_byte(lib, form, make_pdf):
    """A PDF upload is stored unchanged under its SHA-256, with its media type and text."""
    data = make_pdf(KAIBAN_OTHER, title="企业开办智能审批")

    case = submit(lib, form(name="企业开办智能审批"), Upload("智能审批.pdf", data), Actor.cli())

    doc = _doc_row(lib, case.case_no)
    assert (doc.sha256, doc.size, doc.media_type, doc.format) == (
        hashlib.sha256(data).hexdigest(),
        len(data),
        "application/pdf",
        "pdf",
    )
    assert doc.pages == 1
    assert "智能审批" in doc.text and "电子营业执照" in doc.text
    assert lib.files.get(doc.sha256) == data


def test_submitted_case_is_searchable_at_once(lib, form, make_docx):
    """The case is in the index when submit returns: found by a word of its document, with
    the original file name and its facets; nothing is left pending."""
    data = make_docx(KAIBAN_OTHER, title="企业开办智能审批")
    case = submit(
        lib,
        form(name="企业开办智能审批", tags=["电子证照"]),
        Upload("智能审批.docx", data),
        Actor.cli(),
    )

    result = search.search(lib, {"q": "智能审批"})

    assert result.total == 1
    hit = result.hits[0]
    assert (hit.case_no, hit.name, hit.file_name) == (
        case.case_no,
        "企业开办智能审批",
        "智能审批.docx",
    )
    assert any("<mark>" in h for h in hit.highlights)
    assert result.facets["tags"] == {"电子证照": 1}
    assert result.facets["theme"] == {"开办企业": 1}
    assert indexing.pending_case_nos(lib) == []
    assert lib.index.case_nos() == {case.case_no}


# -- refused submissions store nothing -------------------------------------------------------


def test_every_bad_field_is_reported_at_once_and_nothing_is_stored(lib, form, make_docx, make_case):
    """One submission with a dozen bad fields: each is reported with its stable code and a
    Chinese message, and not a row, file or index entry is added."""
    make_case()  # a library that already holds something
    before = library_state(lib)
    fields = form(
        name="案" * 51,
        summary="摘" * 151,
        problem="问" * 151,
        solution="解" * 151,
        contact_name="联" * 16,
        contact_phone="12345",
        theme="不存在的主题",
        tags=["一网通办", "不存在的标签"],
        region_code="339999",
        case_type="innovation_borrowed",
        borrowed_from=None,
    )
    pdf_that_is_docx = Upload("案例.pdf", make_docx(["其实是 Word 文档。"]))

    with pytest.raises(ValidationFailed) as info:
        submit(lib, fields, pdf_that_is_docx, Actor.cli())

    codes = {e.field: e.code for e in info.value.errors}
    assert codes == {
        "name": "too_long",
        "summary": "too_long",
        "problem": "too_long",
        "solution": "too_long",
        "contact_name": "too_long",
        "contact_phone": "invalid_format",
        "theme": "invalid_choice",
        "tags": "invalid_choice",
        "region_code": "invalid_choice",
        "borrowed_from": "required",
        "file": "content_mismatch",
    }
    messages = {e.field: e.message for e in info.value.errors}
    assert all(CJK.search(m) for m in messages.values()), messages
    assert (
        "50" in messages["name"]
        and "150" in messages["summary"]
        and "15" in messages["contact_name"]
    )
    assert "不存在的标签" in messages["tags"] and "一网通办" not in messages["tags"]
    body = info.value.as_dict()
    assert body["code"] == "validation_failed" and len(body["errors"]) == len(codes)
    assert library_state(lib) == before


def test_missing_file_and_unknown_borrowed_case_are_reported_together(lib, form):
    """A borrowed-from case that does not exist, no file, a malformed region code and an
    impossible date: all four at once, nothing stored."""
    before = library_state(lib)
    fields = form(
        case_type="rectification_borrowed",
        borrowed_from="YS2000-99999",
        region_code="12345",
        published_at="2024-02-30",
    )

    with pytest.raises(ValidationFailed) as info:
        submit(lib, fields, None, Actor.cli())

    assert {e.field: e.code for e in info.value.errors} == {
        "borrowed_from": "not_found",
        "file": "required",
        "region_code": "invalid_format",
        "published_at": "invalid_format",
    }
    assert all(CJK.search(e.message) for e in info.value.errors)
    assert library_state(lib) == before


BAD_FILES = {
    "truncated_docx": ("案例.docx", lambda mk: truncated(mk(KAIBAN_OTHER)), "corrupt"),
    "docx_named_pdf": ("案例.pdf", lambda mk: mk(KAIBAN_OTHER), "content_mismatch"),
    "scanned_pdf": ("扫描件.pdf", lambda mk: scanned_pdf_bytes(), "no_text_layer"),
    "excel_workbook": ("案例.xls", lambda mk: xls_bytes(), "unsupported_format"),
    "empty_upload": ("案例.docx", lambda mk: b"", "empty_file"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_file_is_refused_with_its_code_and_nothing_is_stored(
    lib, form, make_docx, kind, monkeypatch
):
    """A file that cannot be read is a field error of ``file`` with a specific code; the
    case, the document and the file itself are not stored. (A scan is refused where no
    OCR is installed; with OCR it is accepted and read in the background.)"""
    from library.cases import submit as submit_module

    monkeypatch.setattr(submit_module, "ocr_available", lambda: False)
    filename, build, code = BAD_FILES[kind]
    before = library_state(lib)

    with pytest.raises(ValidationFailed) as info:
        submit(lib, form(), Upload(filename, build(make_docx)), Actor.cli())

    assert [(e.field, e.code) for e in info.value.errors] == [("file", code)]
    assert CJK.search(info.value.errors[0].message)
    assert library_state(lib) == before


def test_same_file_again_is_a_duplicate_document(lib, form, make_docx):
    """The very same bytes, under another name and another form, are refused as a
    DuplicateDocument naming the existing case; nothing new is stored."""
    data = make_docx(KAIBAN, title="企业开办一件事")
    first = submit(lib, form(name="企业开办一件事"), Upload("企业开办.docx", data), Actor.cli())
    before = library_state(lib)

    with pytest.raises(DuplicateDocument) as info:
        submit(
            lib,
            form(name="另一个名字", theme="政务服务"),
            Upload("副本.docx", data),
            Actor.cli(),
            confirm_near_duplicate=True,
        )

    assert info.value.code == "duplicate_document"
    assert info.value.details == {"case_no": first.case_no}
    assert first.case_no in info.value.message and CJK.search(info.value.message)
    assert library_state(lib) == before


def test_same_file_submitted_twice_at_the_same_moment_is_stored_once(
    lib, form, make_docx, monkeypatch
):
    """Two submissions of one file racing each other: one case, the other refused as a
    DuplicateDocument."""
    from library.cases import submit as cases

    data = make_docx(KAIBAN, title="企业开办一件事")
    real_check = cases.existing_document
    both_checked = threading.Barrier(2, timeout=3)

    def check_then_wait(lib_, sha256):
        # The interleaving of a real race, made certain: both look before either stores.
        found = real_check(lib_, sha256)
        try:
            both_checked.wait()
        except threading.BrokenBarrierError:  # a fix that checks under a lock serializes us
            pass
        return found

    monkeypatch.setattr(cases, "existing_document", check_then_wait)
    results: list[object] = [None, None]

    def run(i: int) -> None:
        try:
            results[i] = submit(
                lib,
                form(name=f"同一文件{i}"),
                Upload(f"副本{i}.docx", data),
                Actor.cli(),
                confirm_near_duplicate=True,
            )
        except Exception as e:  # noqa: BLE001 - checked below
            results[i] = e

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    assert sorted(type(r).__name__ for r in results) == ["Case", "DuplicateDocument"], results
    with lib.db.session() as s:
        assert (
            len(
                s.scalars(
                    select(Document).where(Document.sha256 == hashlib.sha256(data).hexdigest())
                ).all()
            )
            == 1
        )


def test_edited_copy_is_a_near_duplicate_unless_confirmed(lib, form, make_docx):
    """A copy with a few sentences changed is refused as NearDuplicate (naming the
    original, nothing stored); confirmed, it is stored as a new case."""
    original = submit(
        lib, form(name="企业开办一件事"), Upload("企业开办.docx", make_docx(KAIBAN)), Actor.cli()
    )
    edited = make_docx(KAIBAN_EDITED)
    before = library_state(lib)

    with pytest.raises(NearDuplicate) as info:
        submit(
            lib, form(name="企业开办便利化"), Upload("企业开办（修改稿）.docx", edited), Actor.cli()
        )

    assert info.value.code == "near_duplicate"
    assert [h.case_no for h in info.value.hits] == [original.case_no]
    assert info.value.hits[0].near_duplicate
    assert [(e.field, e.code) for e in info.value.errors] == [("file", "near_duplicate")]
    assert info.value.as_dict()["similar"][0]["case_no"] == original.case_no
    assert library_state(lib) == before

    confirmed = submit(
        lib,
        form(name="企业开办便利化"),
        Upload("企业开办（修改稿）.docx", edited),
        Actor.cli(),
        confirm_near_duplicate=True,
    )

    assert confirmed.case_no != original.case_no
    assert lib.index.case_nos() == {original.case_no, confirmed.case_no}
    assert library_state(lib)["cases"] == before["cases"] + 1


def test_different_case_on_the_same_topic_is_not_a_near_duplicate(lib, form, make_docx):
    """A different case about the same subject is stored without confirmation."""
    submit(
        lib, form(name="企业开办一件事"), Upload("企业开办.docx", make_docx(KAIBAN)), Actor.cli()
    )

    other = submit(
        lib,
        form(name="企业开办智能审批"),
        Upload("智能审批.docx", make_docx(KAIBAN_OTHER)),
        Actor.cli(),
    )

    assert other.document.original_name == "智能审批.docx"
    assert len(lib.index.case_nos()) == 2


# -- case numbers -----------------------------------------------------------------------------


def test_case_numbers_are_sequential_within_the_publication_year(make_case):
    """YS{year}-NNNNN: the year of publication (today when not given), numbered from
    00001 in each year, in submission order."""
    nos = [
        make_case(published_at="2024-01-10").case_no,
        make_case(published_at="2024-12-31").case_no,
        make_case(published_at="2023-07-01").case_no,
        make_case(published_at="2024-03-03").case_no,
        make_case(published_at=None).case_no,
    ]

    this_year = date.today().year
    expected_today = 4 if this_year == 2024 else 2 if this_year == 2023 else 1
    assert nos == [
        "YS2024-00001",
        "YS2024-00002",
        "YS2023-00001",
        "YS2024-00003",
        f"YS{this_year}-{expected_today:05d}",
    ]


def test_refused_submissions_consume_no_case_number(lib, form, make_case, make_docx):
    """Refused submissions (bad fields, duplicate file) leave no gap in the numbering."""
    first = make_case(published_at="2024-05-01")
    with pytest.raises(ValidationFailed):
        submit(
            lib,
            form(name="名" * 60, published_at="2024-05-02"),
            Upload("a.docx", make_docx(["内容。"])),
            Actor.cli(),
        )
    with pytest.raises(DuplicateDocument):
        submit(
            lib,
            form(published_at="2024-05-02"),
            Upload("again.docx", lib.files.get(first.document.sha256)),
            Actor.cli(),
        )

    second = make_case(published_at="2024-05-03")

    assert (first.case_no, second.case_no) == ("YS2024-00001", "YS2024-00002")


def test_case_numbers_are_stable_across_reindex_and_later_submissions(lib, make_case):
    """A case keeps its number: rebuilding the index and adding cases renumber nothing."""
    cases = [make_case(name=f"改革案例{i}", published_at="2024-04-0" + str(i)) for i in range(1, 4)]
    numbers = {c.case_no: c.name for c in cases}

    indexing.rebuild(lib)
    make_case(name="后来的案例", published_at="2024-04-09")

    with lib.db.session() as s:
        assert {no: get_case(s, no).name for no in numbers} == numbers
    for no, name in numbers.items():
        assert [(h.case_no, h.name) for h in search.search(lib, {"case_no": no}).hits] == [
            (no, name)
        ]


def test_reserve_case_nos_hands_out_a_contiguous_block_and_a_rollback_returns_it(lib):
    """Numbers are reserved inside the caller's transaction: a block is contiguous, and a
    rolled-back transaction gives its numbers back."""
    with lib.db.transaction() as s:
        assert reserve_case_nos(s, 2031, 3) == ["YS2031-00001", "YS2031-00002", "YS2031-00003"]
    with pytest.raises(RuntimeError), lib.db.transaction() as s:
        assert reserve_case_nos(s, 2031, 2) == ["YS2031-00004", "YS2031-00005"]
        raise RuntimeError("the case rows could not be written")
    with lib.db.transaction() as s:
        assert reserve_case_nos(s, 2031) == ["YS2031-00004"]
        assert reserve_case_nos(s, 2032) == ["YS2032-00001"]


def test_concurrent_submissions_from_threads_get_unique_sequential_numbers(lib, form, make_docx):
    """Six submissions started at the same moment: six cases, numbers 1..6 without gaps or
    repeats, all of them in the index."""
    n = 6
    barrier = threading.Barrier(n)
    uploads = [
        Upload(
            f"案例{i}.docx",
            make_docx([f"第{i}个并发提交的案例，编号核对词语{i}号。"] + KAIBAN_OTHER[:1]),
        )
        for i in range(n)
    ]
    results: list[object] = [None] * n

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = submit(
                lib,
                form(name=f"并发案例{i}", published_at="2025-01-01"),
                uploads[i],
                Actor.cli(),
                confirm_near_duplicate=True,
            ).case_no
        except Exception as e:  # noqa: BLE001 - reported by the assertion below
            results[i] = e

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)

    assert sorted(results) == [f"YS2025-{i:05d}" for i in range(1, n + 1)], results
    lib.index.close()  # a fresh reader after the threads' writes (see test_index_lifecycle)
    assert lib.index.case_nos() == set(results)
    assert sorted(
        h.case_no for h in search.search(lib, {"q": "并发提交", "per_page": 20}).hits
    ) == sorted(results)
    with lib.db.session() as s:
        assert sorted(s.scalars(select(Case.case_no))) == sorted(results)
