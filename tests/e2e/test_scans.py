"""A scanned case in a real browser: uploaded, shown as 识别中 with its progress, read in the
background (the server's job runner), then shown by PDF.js page by page and found by a word
on its page; the download is the scan byte for byte."""

from __future__ import annotations

import re
import time

import pytest

from indexer import ocr_available
from tests.conftest import pdf_bytes
from tests.indexer.scans import image_pdf, rasterise

from .conftest import log_in, shot

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.mark.skipif(not ocr_available(), reason="OCRmyPDF or chi_sim is missing")
def test_a_scanned_case_is_read_shown_and_found(new_page, server, tmp_path):
    text = [
        "推行工程建设项目“拿地即开工”，用地规划许可、工程规划许可和施工许可同步核发。",
        "改革以来审批时间平均压缩六十个工作日，企业拿地当天即可开工建设。",
    ]
    scan = image_pdf([rasterise(pdf_bytes(text, title="扫描件改革案例"), 150)[0]], 150)
    path = tmp_path / "扫描件改革案例.pdf"
    path.write_bytes(scan)
    page = new_page()
    log_in(page, "yingshangban")
    page.goto("/upload")
    page.select_option("#theme", label="办理建筑许可")
    page.select_option("#case_type", "original")
    page.fill("#name", "扫描件改革案例")
    page.fill("#summary", "工业项目拿地即开工，审批时间压缩六十个工作日。")
    page.fill("#contact_name", "联系人戊")
    page.fill("#contact_phone", "13800003333")
    page.set_input_files("#file", str(path))
    page.locator("#file-status", has_text="扫描件").wait_for()
    page.click("[data-testid=save-draft]")
    page.wait_for_url(re.compile(r"/cases/YS\d{4}-\d{5}$"))
    case_url = page.url
    # 识别中, then the page reloads by itself once the text is there.
    page.locator("[data-pdf-viewer][data-state=ready]").wait_for(timeout=180_000)
    page.locator("[data-testid=pdf-viewer]").scroll_into_view_if_needed()
    page.locator("[data-testid=pdf-viewer] canvas").first.wait_for()
    shot(page, "case_scan_read")
    page.click("text=文字版")
    assert "拿地即开工" in page.inner_text("[data-testid=document]")
    with page.expect_download() as info:
        page.click("[data-testid=download]")
    with open(info.value.path(), "rb") as f:
        assert f.read() == scan
    # Published through the workflow, it is found by a word on its page. The server's job
    # runner may still be at the demo's Word previews; the workflow is tried once it is idle,
    # so that what is measured here is the scan's path, not the machine's load.
    _wait_for_jobs(server["lib"], timeout=300)
    for action in ("submit", "approve", "publish"):
        page.goto(case_url)
        confirm = page.locator("[data-testid=confirm-names]")
        if action == "approve" and confirm.count():
            confirm.check()  # what the OCR read as a name, confirmed as its reviewer would
        with page.expect_navigation(timeout=120_000):
            page.click(f"[data-testid=do-{action}]")
        flash = page.locator(".flash[role=status]")
        assert flash.count(), (action, page.url, page.inner_text("body")[:400])
        assert "success" in (flash.first.get_attribute("class") or ""), (
            action,
            flash.first.inner_text(),
        )
    page.goto("/?q=同步核发")
    assert case_url.rsplit("/", 1)[1] in page.content()


def _wait_for_jobs(lib, *, timeout: float) -> None:
    """Until no background job of the served library is queued or running."""
    from sqlalchemy import func, select

    from library.jobs.models import Job

    deadline = time.monotonic() + timeout
    while True:
        with lib.db.session() as session:
            left = session.scalar(
                select(func.count()).select_from(Job).where(Job.state.in_(("queued", "running")))
            )
        if not left:
            return
        assert time.monotonic() < deadline, f"{left} background jobs still pending"
        time.sleep(0.5)
