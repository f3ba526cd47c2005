"""The whole of 2.5 监测预警整改举措 in Debian's chromium: from the map (a click on 宁波市 on
the ECharts canvas) to the filtered list, 预警说明 (the guide's sentence), the 整改举措 dialog
with three files at once, 详情, 查看 (PDF page by page, Word as HTML, the photo) and 下载
byte for byte with the Chinese names; at 1366×768 and on a 390×844 phone (no sideways
scrolling)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import docx_bytes, pdf_bytes
from tests.monitoring.conftest import SEED_SENTENCE, png_bytes

from .conftest import log_in, shot

pytestmark = pytest.mark.e2e

NINGBO_CP = [121.549792, 29.868388]  # 宁波市's centre in the vendored map (its "cp")


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def _click_city_on_the_map(page, lng_lat) -> None:
    page.wait_for_selector("[data-map][data-ready='1']")
    x, y = page.evaluate("(p) => window.caselibMap.convertToPixel({seriesIndex: 0}, p)", lng_lat)
    box = page.locator("[data-map] canvas").first.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def test_from_the_map_to_a_rectification_with_three_files_and_its_details(new_page, tmp_path):
    """宁波市营商办: map → 宁波市 → 预警说明 → 整改举措 (three files) → 详情 → 查看 → 下载."""
    files = {
        "收回债务整改情况报告.docx": docx_bytes(
            ["推行破产案件繁简分流，简易案件平均审理周期压缩至四个月。"], title="整改情况报告"
        ),
        "府院联动工作通知.pdf": pdf_bytes(["关于建立企业破产处置府院联动机制的通知。"]),
        "联席会议现场.png": png_bytes((320, 200)),
    }
    paths = []
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(str(path))

    page = new_page()
    log_in(page, "ningbo")
    page.click("[data-testid=nav-monitoring]")
    page.wait_for_url("**/monitoring")
    assert "示例数据" in page.inner_text("[data-testid=demo-note]")
    page.wait_for_selector("[data-map][data-ready='1']")
    shot(page, "monitoring_map")

    _click_city_on_the_map(page, NINGBO_CP)
    page.wait_for_url(re.compile(r"region=330200"))
    rows = page.locator("[data-testid=warning-row]")
    assert rows.count() >= 2
    assert all(t.startswith("宁波市") for t in rows.locator("h3").all_inner_texts())
    row = rows.filter(has_text="收回债务所需的时间").filter(has_text="2024年")
    assert row.count() == 1
    assert row.locator("[data-testid=warning-state]").inner_text() == "待整改"

    row.locator("[data-testid=explain]").click()
    dialog = page.locator("[data-testid=explain-dialog]")
    dialog.wait_for(state="visible")
    assert dialog.locator("[data-testid=explanation]").inner_text() == SEED_SENTENCE
    shot(page, "monitoring_explanation")
    dialog.locator("[data-close]").first.click()
    dialog.wait_for(state="hidden")

    row.locator("[data-testid=rectify]").click()
    form = page.locator("[data-testid=rectify-dialog]")
    form.wait_for(state="visible")
    form.locator("[data-testid=rectify-save]").click()  # nothing chosen: errors, not sent
    assert "请选择整改方式" in form.locator("[data-errors]").inner_text()
    form.locator("[data-testid=rectify-method]").select_option("流程再造")
    form.locator("[data-testid=rectify-description]").fill(
        "建立府院联动机制，推行破产案件繁简分流。"
    )
    form.locator("[data-testid=rectify-files]").set_input_files(paths)
    assert "已选择 3 个文件" in form.locator(".filepicker-names").inner_text()
    shot(page, "monitoring_rectify_dialog")
    form.locator("[data-testid=rectify-save]").click()
    page.locator("[data-testid=toast]", has_text="上传成功").wait_for()
    form.wait_for(state="hidden")
    assert row.locator("[data-testid=warning-state]").inner_text() == "整改中"
    assert row.locator("[data-testid=rectification-count]").inner_text() == "整改举措 1 次"

    row.locator("[data-testid=details]").click()
    page.wait_for_url(re.compile(r"/monitoring/warnings/\d+#details$"))
    latest = page.locator("[data-testid=rectification]").first
    assert "流程再造" in latest.inner_text()
    assert latest.locator("[data-testid=evidence-row]").count() == 3
    assert page.inner_text("[data-testid=explanation]") == SEED_SENTENCE
    shot(page, "monitoring_details", full_page=True)
    warning_url = page.url.split("#")[0]

    # 下载: byte for byte, with the Chinese names.
    for name, data in files.items():
        link = latest.locator("[data-testid=evidence-row]", has_text=name).locator(
            "[data-testid=download]"
        )
        with page.expect_download() as info:
            link.click()
        download = info.value
        assert download.suggested_filename == name
        with open(download.path(), "rb") as f:
            assert f.read() == data

    # 查看: the PDF page by page with PDF.js, the Word file as HTML, the photo itself.
    latest.locator("[data-testid=evidence-row]", has_text="府院联动工作通知.pdf").locator(
        "[data-testid=view]"
    ).click()
    page.wait_for_url(re.compile(r"/monitoring/evidence/\d+$"))
    page.wait_for_selector("[data-pdf-viewer][data-state=ready]")
    page.wait_for_selector("[data-pdf-viewer] .pdfv-page canvas")
    assert page.locator(".pdfv-pageno").inner_text() == "第 1 / 1 页"
    shot(page, "monitoring_evidence_pdf")
    page.goto(warning_url)
    page.locator("[data-testid=evidence-row]", has_text="收回债务整改情况报告.docx").first.locator(
        "[data-testid=view]"
    ).click()
    assert "简易案件平均审理周期" in page.inner_text("[data-testid=preview]")
    page.goto(warning_url)
    page.locator("[data-testid=evidence-row]", has_text="联席会议现场.png").first.locator(
        "[data-testid=view]"
    ).click()
    img = page.locator("[data-testid=preview] img")
    img.wait_for()
    assert page.evaluate("(i) => i.complete && i.naturalWidth", img.element_handle()) == 320

    # The evidence text is searchable from the list.
    page.goto("/monitoring?q=" + "繁简分流")
    hits = page.locator("[data-testid=warning-row]")
    assert hits.count() == 1 and "收回债务所需的时间" in hits.inner_text()
    assert "繁简分流" in page.inner_text("[data-testid=evidence-hit]")


def test_the_module_works_on_a_phone(new_page):
    """390×844: the map, the list, the 预警说明 dialog, a warning's page and a region's page
    fit the screen without sideways scrolling."""
    page = new_page(width=390, height=844, is_mobile=True, has_touch=True)
    log_in(page, "yingshangban")
    page.goto("/monitoring")
    page.wait_for_selector("[data-map][data-ready='1']")
    map_box = page.locator("[data-testid=map]").bounding_box()
    assert map_box["width"] <= 390 and map_box["height"] > 200
    assert _no_sideways_scroll(page)
    shot(page, "monitoring_phone", full_page=True)
    page.locator("[data-testid=city-list] a", has_text="台州市").click()
    page.wait_for_url(re.compile(r"region=331000"))
    row = page.locator("[data-testid=warning-row]").first
    row.locator("[data-testid=explain]").click()
    dialog = page.locator("[data-testid=explain-dialog]")
    dialog.wait_for(state="visible")
    box = dialog.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert "属于一级指标" in dialog.inner_text()
    dialog.locator("[data-close]").first.click()
    row.locator("[data-testid=details]").click()
    page.wait_for_url(re.compile(r"/monitoring/warnings/\d+"))
    assert _no_sideways_scroll(page)
    shot(page, "monitoring_warning_phone", full_page=True)
    page.goto("/monitoring/regions/331000")
    page.wait_for_selector("[data-region-chart] canvas")
    assert _no_sideways_scroll(page)
