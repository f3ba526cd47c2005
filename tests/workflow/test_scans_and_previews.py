"""Scans and previews in the background: a scanned PDF (and a .png) is accepted, shows
识别中 until the OCR job ran, then its text is searchable and what the reader shows is the
OCR'd PDF, while the download stays the scan byte for byte; approval waits for the text; a
Word file gets its PDF preview from LibreOffice once. Real OCRmyPDF, Tesseract and
LibreOffice: skipped only where they are not installed."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import select

from indexer import extract, ocr_available
from library.cases import read, renditions, search
from library.cases.submit import Upload
from library.errors import ValidationFailed
from library.jobs.runner import run_pending
from library.models import Job
from library.workflow import contribute
from library.workflow.transitions import transition
from tests.conftest import docx_bytes, pdf_bytes, valid_form
from tests.indexer.scans import image_bytes, image_pdf, rasterise

needs_ocr = pytest.mark.skipif(not ocr_available(), reason="OCRmyPDF or chi_sim is missing")
PARAGRAPHS = [
    "针对企业开办环节多、材料多、时间长的问题，推行企业开办一网通办，将营业执照、"
    "公章刻制、发票申领、社保登记整合为一件事，实现一表填报、一窗受理、一日办结。",
    "改革后企业开办时间由五个工作日压缩至一个工作日，群众和企业办事实现最多跑一次。",
]


@pytest.fixture(scope="module")
def page_png() -> bytes:
    return rasterise(pdf_bytes(PARAGRAPHS, title="扫描件案例"), 150)[0]


def _create(lib, actor, upload: Upload, name: str):
    return contribute.create(
        lib,
        valid_form(name=name, published_at=None),
        upload,
        actor("sub_jj"),
        confirm_near_duplicate=True,
    )


@needs_ocr
@pytest.mark.slow
def test_a_scanned_pdf_is_read_in_the_background_and_then_found(lib, actor, page_png):
    """识别中 first (no text, approval refused); after the job: the text, the OCR'd PDF for
    the reader, the original for the download, and the case found by a word on its page."""
    scan = image_pdf([page_png], 150)
    case = _create(lib, actor, Upload("扫描件.pdf", scan), "扫描件案例")
    record = read.case_record(lib, case.case_no, actor("sub_jj"))
    assert record["file"]["status"]["pending"] is True
    assert record["file"]["status"]["ocr"]["state"] == "queued"
    transition(lib, case.case_no, "submit", actor("sub_jj"))
    with pytest.raises(ValidationFailed) as e:
        transition(lib, case.case_no, "approve", actor("appr_jj"))
    assert e.value.errors[0].code == "ocr_pending"

    assert run_pending(lib) == 1
    record = read.case_record(lib, case.case_no, actor("sub_jj"))
    status = record["file"]["status"]
    assert status["pending"] is False and status["ocr"]["state"] == "done"
    assert status["ocr"]["total"] == 1 and status["ocr"]["unreadable"] == []
    shown = renditions.view_pdf(lib, case.case_no, actor("sub_jj"))
    assert shown.data != scan and "一网通办" in extract(shown.data, "x.pdf").text
    assert read.document_file(lib, case.case_no, actor("sub_jj")).data == scan
    for step, who in (("approve", "appr_jj"), ("publish", "coord_tz")):
        transition(lib, case.case_no, step, actor(who))
    hits = search.search(lib, {"q": "一窗受理"}).hits
    assert case.case_no in [h.case_no for h in hits]


@needs_ocr
@pytest.mark.slow
def test_an_image_is_a_scan_too(lib, actor, page_png):
    """A .png case document is accepted and read the same way."""
    case = _create(lib, actor, Upload("扫描照片.png", image_bytes(page_png, "PNG")), "照片案例")
    run_pending(lib)
    with lib.db.session() as s:
        job = s.scalar(select(Job).where(Job.kind == "ocr"))
    assert job.state == "done"
    text = extract(renditions.view_pdf(lib, case.case_no, actor("sub_jj")).data, "x.pdf").text
    assert "营业执照" in text


def test_without_ocr_a_scan_is_refused_with_the_old_clear_error(lib, actor, page_png, monkeypatch):
    """Where OCRmyPDF is absent, a scan is refused (no_text_layer), nothing stored."""
    from library.cases import submit

    monkeypatch.setattr(submit, "ocr_available", lambda: False)
    with pytest.raises(ValidationFailed) as e:
        _create(lib, actor, Upload("扫描件.pdf", image_pdf([page_png], 150)), "无识别")
    assert [(x.field, x.code) for x in e.value.errors] == [("file", "no_text_layer")]


@pytest.mark.slow
def test_a_word_file_gets_its_pdf_preview_once(lib, actor):
    """A .docx queues one pdf_preview job; after it runs the page has a PDF to show."""
    if shutil.which(lib.settings.soffice or "soffice") is None:
        pytest.skip("LibreOffice is not installed")
    data = docx_bytes(
        PARAGRAPHS, title="版式预览", table=[["项目", "改革前", "改革后"], ["时间", "5天", "1天"]]
    )
    case = _create(lib, actor, Upload("版式预览.docx", data), "版式预览案例")
    assert (
        read.case_record(lib, case.case_no, actor("sub_jj"))["file"]["status"]["view_pdf"] is False
    )
    assert run_pending(lib) == 1
    shown = renditions.view_pdf(lib, case.case_no, actor("sub_jj"))
    assert shown.media_type == "application/pdf" and shown.name == "版式预览.pdf"
    assert "改革后企业开办时间" in extract(shown.data, "x.pdf").text
    assert read.case_record(lib, case.case_no, actor("sub_jj"))["file"]["status"]["view_pdf"]
    assert run_pending(lib) == 0  # once


@pytest.mark.slow
def test_previews_queued_together_are_made_by_one_libreoffice_run(
    lib, actor, tmp_path, monkeypatch
):
    """Word files queued together (an import, an upgrade) are laid out by one LibreOffice
    run when the first of their jobs runs: every job done, every case with its own PDF."""
    soffice = shutil.which(lib.settings.soffice or "soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    log = tmp_path / "runs.log"
    wrapper = tmp_path / "soffice"
    wrapper.write_text(f'#!/bin/sh\necho run >> "{log}"\nexec "{soffice}" "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setitem(lib.settings._values, "SOFFICE", str(wrapper))
    topics = ["企业开办一日办结", "工程建设项目审批提速", "不动产登记一窗受理"]
    cases = [
        _create(lib, actor, Upload(f"预览{n}.docx", docx_bytes([f"{t}。"] + PARAGRAPHS)), t)
        for n, t in enumerate(topics)
    ]
    assert run_pending(lib, limit=1) == 1
    assert log.read_text().splitlines() == ["run"]
    with lib.db.session() as s:
        states = s.scalars(select(Job.state).where(Job.kind == "pdf_preview")).all()
    assert states == ["done"] * 3
    for case, topic in zip(cases, topics, strict=True):
        shown = renditions.view_pdf(lib, case.case_no, actor("sub_jj"))
        assert topic in extract(shown.data, "x.pdf").text
    assert run_pending(lib) == 0


def test_a_pdf_is_rendered_for_reading_before_its_first_view(lib, actor, monkeypatch):
    """An uploaded PDF queues one page_html job; once it ran, the first view of the case's
    document reads the rendition kept on disk instead of laying the PDF out again."""
    data = pdf_bytes(PARAGRAPHS, title="预先排版")
    case = _create(lib, actor, Upload("预先排版.pdf", data), "预先排版案例")
    with lib.db.session() as session:
        jobs = session.scalars(select(Job).where(Job.kind == "page_html")).all()
        assert [(j.key, j.state) for j in jobs] == [(case.document.sha256, "queued")]
    assert run_pending(lib) == 1
    with lib.db.session() as session:
        job = session.scalars(select(Job).where(Job.kind == "page_html")).one()
        assert job.state == "done" and job.result == {"rendered": True}

    def no_layout(*_a, **_k):
        raise AssertionError("the PDF was laid out again at its first view")

    monkeypatch.setattr(read, "render_pdf_pages", no_layout)
    shown = read.preview(lib, case.case_no, actor("sub_jj"))
    assert shown.is_pdf and "一网通办" in shown.html
    assert run_pending(lib) == 0  # once
