"""In a real browser: the 统计 dashboard of the demo library for the admin and for 台州市营商办,
its charts drawn by the vendored ECharts (the 浙江省 map included), a figure opening the
list of cases behind it with as many rows, the Excel export downloaded and read back, the
weights form; at 1366×768 and on a phone (390×844) without horizontal scrolling."""

from __future__ import annotations

import io

import openpyxl
import pytest

from .conftest import log_in, shot

pytestmark = pytest.mark.e2e


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def _charts_drawn(page, *ids: str) -> None:
    for chart in ids:
        page.locator(f"#{chart}[data-ready='1'] canvas").first.wait_for()


def test_the_admin_dashboard_draws_its_charts_and_its_figures_open_their_cases(new_page, server):
    """The nav's 统计 opens the province's statistics; filtering by year changes the
    scope line; the four charts are drawn; a number opens its list with as many rows;
    the .xlsx download has the page's rows."""
    page = new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    log_in(page, "admin")
    page.click("[data-testid=nav-stats]")
    page.wait_for_url("**/stats")
    assert "浙江省" in page.inner_text("[data-testid=stats-scope]")
    page.select_option("select[name=year]", "2021")
    page.click("[data-testid=stats-filters] button[type=submit]")
    page.wait_for_url("**year=2021**")
    assert "2021年" in page.inner_text("[data-testid=stats-scope]")
    _charts_drawn(page, "chart-bar", "chart-types", "chart-trend", "chart-map")
    assert _no_horizontal_scroll(page)
    shot(page, "stats", full_page=True)

    rows = page.locator("[data-testid=stats-table] tbody tr")
    assert rows.count() == 11  # the cities of 浙江
    first = rows.first
    city = first.locator("th").inner_text()
    link = first.locator("a[data-figure=published]")
    published = int(link.inner_text())
    assert published > 0
    link.click()
    page.wait_for_url("**/stats/cases**")
    assert int(page.inner_text("[data-testid=figure-count]")) == published
    assert page.locator("[data-testid=figure-items] tbody tr").count() == published
    assert city in page.inner_text("h1")
    page.go_back()

    with page.expect_download() as info:
        page.click("[data-testid=export-xlsx]")
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    with open(download.path(), "rb") as f:
        book = openpyxl.load_workbook(io.BytesIO(f.read()))
    sheet = book["按地区"]
    names = [sheet.cell(r, 2).value for r in range(2, 13)]
    assert names == [rows.nth(i).locator("th").inner_text() for i in range(11)]
    assert len(sheet._charts) == 2
    assert errors == []


def test_a_coordinator_on_a_phone_sees_its_city_without_horizontal_scrolling(new_page, server):
    """台州市营商办 on a 390×844 screen: its city's counties, the charts (no map: the
    province is not its region), the weights read-only, no horizontal scrolling; another
    region is refused."""
    page = new_page(width=390, height=844, is_mobile=True, has_touch=True)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    log_in(page, "yingshangban")
    page.goto("/stats?by=region")
    assert "台州市" in page.inner_text("[data-testid=stats-scope]")
    _charts_drawn(page, "chart-bar", "chart-types", "chart-trend")
    assert page.locator("#chart-map").count() == 0
    assert page.locator("[data-testid=weights-form]").count() == 0
    assert _no_horizontal_scroll(page)
    names = page.locator("[data-testid=stats-table] tbody th").all_inner_texts()
    assert "椒江区" in names and "台州市本级" in names
    shot(page, "stats_phone", full_page=True)
    page.goto("/stats?by=unit")
    assert _no_horizontal_scroll(page)
    assert page.locator("[data-testid=stats-table] tbody tr").count() >= 15
    resp = page.goto("/stats?region=330000")
    assert resp.status == 403
    assert errors == []


def test_the_admin_sets_this_years_weights_in_the_form(new_page, server):
    """The weights form saves a new version of this year's weights; the page says so and
    scores with it."""
    page = new_page()
    log_in(page, "admin")
    page.goto("/stats")
    form = page.locator("[data-testid=weights-form]")
    form.locator("input[name=original]").fill("4")
    form.locator("input[name=note]").fill("浏览器测试")
    form.locator("button[type=submit]").click()
    page.locator(".flash.success", has_text="第 1 版").wait_for()
    assert page.locator("[data-testid=weights-form] input[name=original]").input_value() == "4"
    assert "第 1 版" in page.inner_text("[data-testid=weights] h2")
