"""In a real browser: log in, search a Chinese keyword, narrow by a facet, open a case and
read its document, download it byte for byte; type-ahead; the region picker; a phone."""

from __future__ import annotations

import hashlib
import re

import pytest

from library.accounts.audit import Actor

from .conftest import log_in, shot

pytestmark = pytest.mark.e2e


def total(page) -> int:
    return int(re.search(r"共\s*(\d+)\s*个案例", page.inner_text("[data-testid=total]")).group(1))


def test_login_search_facet_open_and_download(new_page, server):
    """The daily path of a reviewer, from login to a downloaded original."""
    page = new_page()
    page.goto("/")
    assert "/login" in page.url
    shot(page, "login")
    log_in(page, "shiju")

    page.fill("input[name=q]", "一网通办")
    page.press("input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"q=%E4%B8%80%E7%BD%91%E9%80%9A%E5%8A%9E"))
    assert total(page) == 15
    marks = page.locator(".hit .snippet mark")
    assert marks.count() > 0 and marks.first.inner_text() == "一网通办"
    shot(page, "search")

    facet = page.locator('[data-facet=theme] a[data-value="政务服务"]')
    expected = int(facet.locator(".count").inner_text())
    facet.click()
    page.wait_for_url(re.compile(r"theme="))
    assert total(page) == expected
    assert page.locator(".chip", has_text="案例主题：政务服务").is_visible()
    assert "q=" in page.url  # the URL keeps the whole search
    shot(page, "search_facet")

    first = page.locator(".hit").first
    case_no = first.get_attribute("data-case-no")
    first.locator("h2 a").click()
    page.wait_for_url(f"**/cases/{case_no}")
    if page.locator("[data-tabs]").count():
        # A PDF preview is drawn first (a Word file's made by LibreOffice in the
        # background); the 文字版 tab holds the document itself, rendered in the page.
        page.locator("[data-pdf-viewer][data-state=ready]").wait_for()
        page.click("button[data-tab=text]")
    doc = page.locator("[data-testid=document]")
    assert doc.is_visible()
    assert len(doc.inner_text()) > 500
    shot(page, "case")

    stored = server["lib"].files
    from library.cases import read as catalog

    f = catalog.document_file(server["lib"], case_no, Actor.cli())
    with page.expect_download() as info:
        page.click("[data-testid=download]")
    download = info.value
    assert download.suggested_filename == f.name
    from pathlib import Path

    data = Path(download.path()).read_bytes()
    assert (
        hashlib.sha256(data).hexdigest()
        == f.sha256
        == hashlib.sha256(stored.get(f.sha256)).hexdigest()
    )


def test_pdf_case_is_readable_in_the_page(new_page):
    """A PDF case is drawn page by page by PDF.js; its text tab holds it page by page."""
    page = new_page()
    log_in(page, "shiju")
    page.goto("/cases/YS2019-00005")
    page.locator("[data-pdf-viewer][data-state=ready]").wait_for()
    page.locator("[data-testid=pdf-viewer]").scroll_into_view_if_needed()
    page.locator("[data-testid=pdf-viewer] canvas").first.wait_for()
    shot(page, "case_pdf")
    page.click("button[data-tab=text]")
    doc = page.locator("[data-testid=document]")
    assert "船边直提" in doc.inner_text()
    assert page.locator("[data-testid=document] section.page").count() == 3  # page by page
    assert not page.locator(".pdf-view").is_visible()


def test_type_ahead_opens_a_case(new_page):
    """Typing part of a case name offers the cases; choosing one opens it."""
    page = new_page()
    log_in(page, "shiju")
    page.locator("input[name=q]").press_sequentially("带押", delay=50)
    option = page.locator(".searchbox .suggestions a").first
    option.wait_for()
    name = option.locator("span").inner_text()
    assert "带押" in name
    option.click()
    page.wait_for_url("**/cases/**")
    assert page.inner_text("[data-testid=case-name]") == name


def test_region_picker_and_sort_by_rating(new_page):
    """Province › city cascade into the search; sorting by rating puts rated cases first."""
    page = new_page()
    log_in(page, "shiju")
    page.click(".filters summary")
    page.select_option("#f-region-p", "330000")
    page.locator("#f-region-c option[value='331000']").wait_for(state="attached")
    page.select_option("#f-region-c", "331000")
    page.click(".filter-actions button")
    page.wait_for_url(re.compile(r"region=331000"))
    assert page.locator(".chip", has_text="所属地区：浙江省 › 台州市").is_visible()
    n = total(page)
    assert 0 < n < 45
    page.click("a[data-sort=rating]")
    page.wait_for_url(re.compile(r"sort=rating"))
    assert total(page) == n


def test_search_on_a_phone(new_page):
    """At phone width the results come before the folded facets and nothing overflows."""
    page = new_page(width=390, height=844, is_mobile=True, has_touch=True)
    log_in(page, "admin")
    page.goto("/?q=企业开办")
    assert page.locator(".hit").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert page.locator(".facet-box").get_attribute("open") is None
    shot(page, "search_phone")
