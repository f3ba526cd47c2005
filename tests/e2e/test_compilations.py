"""案例汇编 in a real browser: the city office builds a compilation from the cases
recommended for 典型案例汇编, orders it, previews its first pages (the PDF LibreOffice made,
drawn by PDF.js) and downloads it; the case shows 已收录于《…》; a month's briefing is sent;
the pages fit a laptop (1366×768) and a phone (390×844) without sideways scrolling."""

from __future__ import annotations

import io
import re
import shutil

import pytest
from playwright.sync_api import expect

from .conftest import log_in, shot

pytestmark = pytest.mark.e2e

TITLE = "2026年度营商环境改革创新典型案例汇编"


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_compilation_is_built_from_recommendations_previewed_and_downloaded(new_page, tmp_path):
    import docx

    page = new_page()
    log_in(page, "yingshangban")
    page.click("[data-testid=nav-compilations]")
    page.click("[data-testid=new-compilation]")
    chosen = page.locator("[data-testid=chosen] .pick-item")
    chosen.first.wait_for()
    assert chosen.count() == 5  # the recommended cases, chosen on arrival
    assert "已选 5 个" in page.inner_text("[data-chosen-count]")
    assert _no_horizontal_scroll(page)

    # One more, one by one: type its name, pick the suggestion.
    page.fill("[data-testid=add-case]", "带押过户")
    page.locator("#add-one .suggestions a").first.click()
    expect(page.locator("#chosen .pick-item")).to_have_count(6)
    # A search: its results can be added, and taking one out puts it back.
    page.click("[data-testid=source-search]")
    page.select_option("#c-theme", "纳税")
    page.click("[data-testid=search-candidates]")
    # The tab's own (unfiltered) fetch may still be under way: wait for the search's cases.
    page.locator("#offered[aria-busy=false] .pick-item").first.wait_for()
    themes = page.eval_on_selector_all(
        "#offered .pick-item", "els => els.map(e => e.dataset.theme)"
    )
    assert themes and set(themes) == {"纳税"}
    first_offered = page.locator("#offered .pick-item").first
    name = first_offered.locator(".pick-name").inner_text()
    first_offered.locator("input").check()
    expect(page.locator("#chosen .pick-item")).to_have_count(7)
    page.locator("#chosen .pick-item", has_text=name).locator("input").uncheck()
    expect(page.locator("#chosen .pick-item")).to_have_count(6)

    # By rating, then by hand inside a theme: 政务服务 holds two of them.
    page.select_option("[data-testid=order]", "rating")
    gov = page.locator("#chosen .pick-item[data-theme='政务服务']")
    assert gov.count() == 2
    second = gov.nth(1).get_attribute("data-case-no")
    gov.nth(1).locator("[data-move=up]").click()
    assert (
        page.locator("#chosen .pick-item[data-theme='政务服务']").first.get_attribute(
            "data-case-no"
        )
        == second
    )
    assert page.input_value("[data-testid=order]") == "hand"
    order = page.eval_on_selector_all("#chosen .pick-item", "els => els.map(e => e.dataset.caseNo)")
    page.fill("[data-testid=title]", TITLE)
    shot(page, "compilation_new", full_page=True)
    page.click("[data-testid=build]")
    page.wait_for_url(re.compile(r"/compilations/\d+$"))
    assert page.inner_text("[data-testid=compilation-title]") == TITLE
    assert "收录案例 6 个" in page.inner_text("[data-testid=case-count]")
    contents = page.inner_text("[data-testid=contents]")
    assert "企业全生命周期" in contents and "城市投资吸引力" in contents

    # The preview: the PDF once LibreOffice has made it (in the background), else HTML.
    if shutil.which("soffice"):
        page.wait_for_selector("[data-testid=pdf-viewer][data-state=ready]", timeout=240_000)
        page.locator("[data-testid=pdf-viewer]").scroll_into_view_if_needed()
        page.locator("[data-testid=pdf-viewer] canvas").first.wait_for()  # pages drawn in view
        with page.expect_download() as info:
            page.click("[data-testid=download-pdf]")
        pdf = info.value.path().read_bytes()
        assert pdf.startswith(b"%PDF")
    else:
        assert page.locator("[data-testid=html-preview] table").count() >= 1
    shot(page, "compilation")

    with page.expect_download() as info:
        page.click("[data-testid=download-docx]")
    assert info.value.suggested_filename == f"{TITLE}.docx"
    d = docx.Document(io.BytesIO(info.value.path().read_bytes()))
    cases = [p.text for p in d.paragraphs if p.style.name == "Heading 3"]
    assert len(cases) == 6
    captions = [
        t._tbl.tblPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblCaption"
        )
        for t in d.tables
    ]
    document_order = [
        c.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") for c in captions
    ]
    assert document_order == order  # the page showed the order the document has

    # The case says where it is.
    page.goto(f"/cases/{order[0]}")
    assert f"已收录于《{TITLE}》" in page.inner_text("[data-testid=included-in]")

    # The history.
    page.click("[data-testid=nav-compilations]")
    assert TITLE in page.inner_text("[data-testid=compilation-list]")
    url = page.locator("[data-testid=compilation-list] a", has_text=TITLE).get_attribute("href")

    # A phone: the builder, the compilation and the briefing fit the width.
    phone = new_page(width=390, height=844)
    log_in(phone, "yingshangban")
    for path in ("/compilations", "/compilations/new", url, "/briefings?month=2021-04"):
        phone.goto(path)
        phone.wait_for_load_state("networkidle")
        assert _no_horizontal_scroll(phone), path
    phone.goto(url)
    if shutil.which("soffice"):
        # The viewer loads PDF.js only once it is on screen: below the contents on a phone.
        viewer = phone.locator("[data-testid=pdf-viewer]")
        viewer.scroll_into_view_if_needed()
        phone.wait_for_selector("[data-testid=pdf-viewer][data-state=ready]", timeout=60_000)
        phone.locator("[data-testid=pdf-viewer] canvas").first.wait_for()
        assert _no_horizontal_scroll(phone)
    shot(phone, "compilation_phone", full_page=True)
    phone.goto("/compilations/new")
    shot(phone, "compilation_new_phone", full_page=True)


def test_a_briefing_is_shown_sent_and_read(new_page):
    coord = new_page()
    log_in(coord, "yingshangban")
    coord.goto("/briefings")
    coord.fill("[data-testid=briefing-month]", "2021-04")
    coord.locator("#b-region-p").select_option("")  # 全部地区
    coord.click("[data-testid=show-briefing]")
    assert "2021年4月发布案例 2 个" in coord.inner_text("[data-testid=briefing-headline]")
    assert _no_horizontal_scroll(coord)
    shot(coord, "briefing", full_page=True)
    coord.click("[data-testid=send-briefing]")
    coord.locator(".flash", has_text="简报已发送").wait_for()

    sub = new_page(width=390, height=844)
    log_in(sub, "tianbao")
    sub.goto("/notifications")
    sub.click("text=案例简报：2021年4月")
    sub.wait_for_url(re.compile(r"/briefings\?month=2021-04"))
    assert sub.locator("[data-testid=briefing-cases] li").count() == 2
    assert _no_horizontal_scroll(sub)
