"""Scanned 佐证材料 read by OCR: a scan (a PDF without a text layer, a photo) is accepted
and shows 识别中 until its background job ran; then the warning list's search finds the
warning by a word on its pages, 查看 shows the OCR'd PDF while the download stays the
scan byte for byte, and pages OCR could not read are noted. (Without OCR a scan is kept
without text, with a note, as before: test_rectifications.) Real OCRmyPDF and Tesseract: skipped only where they
are not installed."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from indexer import extract, ocr_available
from library.jobs.runner import run_pending
from library.models import EvidenceFile, Job
from library.monitoring import evidence, rectifications, warnings
from library.monitoring.evidence import EvidenceUpload
from tests.conftest import pdf_bytes
from tests.indexer.scans import blank_page, image_pdf, rasterise

from .conftest import warning_of

needs_ocr = pytest.mark.skipif(not ocr_available(), reason="OCRmyPDF or chi_sim is missing")
PARAGRAPHS = [
    "为压缩破产案件审理周期，建立企业破产处置府院联动机制，"
    "对债权债务关系明确的简易案件推行快速审理，实现一窗受理、集中办理。",
    "整改后简易破产案件平均审理周期由九个月压缩至四个月。",
]


@pytest.fixture
def warned(lib, seed_example):
    seed_example()
    return warning_of(lib, "330200")


def _found(lib, actor, q: str) -> list[int]:
    return [w["id"] for w in warnings.list_warnings(lib, actor, {"q": q})["warnings"]]


@needs_ocr
@pytest.mark.slow
def test_a_scanned_evidence_file_is_read_by_ocr_and_then_found_by_a_word(lib, warned, actor):
    """识别中 and not found first; after the job: found by a word on its page, the text
    stored, the OCR'd PDF for 查看, the scan for the download, the blank page noted."""
    page = rasterise(pdf_bytes(PARAGRAPHS, title="整改情况报告"), 150)[0]
    scan = image_pdf([page, blank_page(page.size)], 150)
    out = rectifications.record_rectification(
        lib,
        warned.id,
        {"method": "流程再造", "description": "见盖章的整改报告"},
        [EvidenceUpload("盖章整改报告.pdf", scan)],
        actor("nb_sub"),
    )
    (f,) = out["files"]
    assert f["pending"] is True and f["ocr"]["state"] == "queued"
    assert (f["has_text"], f["note"]) == (False, None)
    shown = warnings.get_warning(lib, warned.id, actor("reviewer"))
    assert shown["rectifications"][0]["files"][0]["pending"] is True
    assert _found(lib, actor("reviewer"), "一窗受理") == []

    assert run_pending(lib) == 1
    assert _found(lib, actor("reviewer"), "一窗受理") == [warned.id]
    snippets = warnings.evidence_snippets(lib, [warned.id], "一窗受理")
    assert "一窗受理" in snippets[warned.id]["snippet"]
    (f,) = warnings.get_warning(lib, warned.id, actor("reviewer"))["rectifications"][0]["files"]
    assert f["pending"] is False and f["ocr"]["state"] == "done" and f["has_text"] is True
    assert f["ocr"]["unreadable"] == [2] and f["note"] == "第 2 页未能识别出文字"
    assert f["pages"] == 2
    with lib.db.session() as s:
        assert "府院联动" in s.scalar(select(EvidenceFile.text))
    preview = evidence.evidence_preview(lib, f["id"], actor("reviewer"))
    assert (preview["kind"], preview["view"]) == ("pdf", "ocr_pdf")
    ocr_pdf = evidence.evidence_pdf(lib, f["id"], actor("reviewer"))
    assert ocr_pdf.data != scan and "一窗受理" in extract(ocr_pdf.data, "x.pdf").text
    assert evidence.evidence_file(lib, f["id"], actor("reviewer")).data == scan

    # The same scan again: its text at once, no second job.
    again = rectifications.record_rectification(
        lib, warned.id, {"method": "其他"}, [EvidenceUpload("再次上传.pdf", scan)], actor("nb_sub")
    )
    assert again["files"][0]["has_text"] is True and again["files"][0]["pending"] is False
    assert run_pending(lib) == 0
    with lib.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Job)) == 1
