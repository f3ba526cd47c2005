"""pdfviewer.js and filepicker.js in Debian's chromium: a real CJK PDF rendered page by page
with the vendored PDF.js, on a desk (1366×768) and on a phone (390×844); the Chinese file
picker. Static files are served by http.server from web/static and a test page."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from tests.conftest import pdf_bytes

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
PAGE = Path(__file__).with_name("pdfviewer_page.html")
PARAGRAPH = (
    "为持续优化营商环境，推行企业开办“一网通办”，将营业执照、公章刻制、发票申领、社保登记"
    "整合为一件事，实现一表申请、一窗受理、一日办结，群众和企业办事实现“最多跑一次”。"
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",  # module scripts need a JavaScript type
    }

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """web/static, the test page and a ten-page CJK PDF (reportlab's STSong-Light, a CID font
    that is not embedded: PDF.js needs the vendored CMaps for it), on a free port."""
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(ROOT / "web" / "static", root / "static")
    shutil.copy(PAGE, root / "index.html")
    paragraphs = [f"第{i}段：{PARAGRAPH}" for i in range(1, 91)]
    (root / "doc.pdf").write_bytes(pdf_bytes(paragraphs, title="营商环境改革创新案例"))
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture
def open_page(browser, site):
    contexts = []

    def make(width: int, height: int, query: str = "", **options):
        context = browser.new_context(
            viewport={"width": width, "height": height}, locale="zh-CN", **options
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{site}/index.html{query}")
        page.errors = errors
        return page

    yield make
    for context in contexts:
        context.close()


def _ready(page) -> None:
    page.wait_for_selector("#viewer[data-state=ready]")
    page.wait_for_function("document.querySelectorAll('#viewer .pdfv-page canvas').length >= 1")


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def _page_count(page) -> int:
    return page.locator("#viewer .pdfv-page").count()


def test_pages_render_lazily_as_canvases_on_a_desk(open_page):
    """At 1366×768 the first pages are drawn as canvases, not all of them; scrolling to the
    end draws the last page and the indicator says 第 M / M 页; labels are Chinese."""
    page = open_page(1366, 768)
    _ready(page)
    total = _page_count(page)
    assert total >= 5
    toolbar = page.locator("#viewer .pdfv-toolbar")
    for label in ("缩小", "放大", "适合宽度"):
        assert toolbar.get_by_role("button", name=label).is_visible()
    assert page.locator(".pdfv-pageno").inner_text() == f"第 1 / {total} 页"
    drawn = page.locator("#viewer .pdfv-page canvas").count()
    assert 1 <= drawn < total
    page.locator(f'#viewer .pdfv-page[data-page="{total}"]').scroll_into_view_if_needed()
    page.wait_for_selector(f'#viewer .pdfv-page[data-page="{total}"] canvas')
    page.wait_for_function(
        f"document.querySelector('.pdfv-pageno').textContent === '第 {total} / {total} 页'"
    )
    assert _no_horizontal_scroll(page)
    assert page.errors == []


def test_zoom_buttons_change_the_page_size_and_fit_width_restores_it(open_page):
    """放大 makes the pages wider, 缩小 narrower, 适合宽度 fits them to the viewer's width."""
    page = open_page(1366, 768)
    _ready(page)
    first = page.locator('#viewer .pdfv-page[data-page="1"]')

    def width() -> float:
        return first.bounding_box()["width"]

    start = width()
    page.get_by_role("button", name="放大").click()
    assert width() > start * 1.2
    page.get_by_role("button", name="缩小").click()
    page.get_by_role("button", name="缩小").click()
    assert width() < start
    page.get_by_role("button", name="适合宽度").click()
    area = page.locator("#viewer .pdfv-pages").evaluate(
        "e => e.clientWidth - parseFloat(getComputedStyle(e).paddingLeft) * 2"
    )
    assert abs(width() - area) <= 4
    page.wait_for_selector('#viewer .pdfv-page[data-page="1"] canvas')


def test_a_phone_gets_the_page_fitted_to_its_width_without_horizontal_scroll(open_page):
    """At 390×844 (a phone, 3× pixels) the page fits the screen, is drawn sharp (canvas at
    device pixels), and neither fitting nor zooming in scrolls the page sideways."""
    page = open_page(390, 844, device_scale_factor=3, is_mobile=True, has_touch=True)
    _ready(page)
    box = page.locator('#viewer .pdfv-page[data-page="1"]').bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert box["width"] > 300
    canvas_width = page.locator('#viewer .pdfv-page[data-page="1"] canvas').evaluate("c => c.width")
    assert canvas_width >= 2 * box["width"]
    assert _no_horizontal_scroll(page)
    page.get_by_role("button", name="放大").tap()
    page.get_by_role("button", name="放大").tap()
    assert page.locator('#viewer .pdfv-page[data-page="1"]').bounding_box()["width"] > 390
    assert _no_horizontal_scroll(page)  # the pages area scrolls, not the page
    toolbar = page.locator("#viewer .pdfv-toolbar").bounding_box()
    assert toolbar["x"] + toolbar["width"] <= 390
    assert page.errors == []


def test_chinese_text_is_decoded_with_the_vendored_cmaps(open_page):
    """PDF.js reads the CID font's Chinese through the vendored CMaps (UniGB-UCS2-H)."""
    page = open_page(1366, 768)
    _ready(page)
    text = page.evaluate(
        """async () => {
            const doc = document.getElementById('viewer').caselibPdfViewer.doc;
            const content = await (await doc.getPage(1)).getTextContent();
            return content.items.map(i => i.str).join('');
        }"""
    )
    assert "营商环境改革创新案例" in text and "一网通办" in text


def test_a_pdf_that_cannot_be_loaded_shows_a_message_and_the_download_link(open_page):
    """A missing file: the viewer says so in Chinese and offers the download link."""
    page = open_page(390, 844, query="?src=/missing.pdf")
    page.wait_for_selector("#viewer[data-state=error]")
    message = page.locator("#viewer .pdfv-error")
    assert "无法在线显示该 PDF" in message.inner_text()
    assert message.get_by_role("link", name="下载原文").get_attribute("href") == "/doc.pdf"


def test_the_file_picker_is_chinese_and_keeps_the_native_input(open_page, tmp_path):
    """The picker reads 选择文件 / 未选择文件, then the chosen names; the input keeps its
    name, multiple, accept and required and stays in the form with the files."""
    page = open_page(390, 844)
    picker = page.locator("#form .filepicker")
    assert picker.locator(".filepicker-button").inner_text() == "选择文件"
    assert picker.locator(".filepicker-names").inner_text() == "未选择文件"
    one, two = tmp_path / "案例.pdf", tmp_path / "佐证材料.docx"
    one.write_bytes(b"%PDF-1.4\n%%EOF\n")
    two.write_bytes(b"PK")
    page.set_input_files("#files", [str(one), str(two)])
    assert (
        picker.locator(".filepicker-names").inner_text()
        == "已选择 2 个文件：案例.pdf、佐证材料.docx"
    )
    state = page.evaluate(
        """() => {
            const input = document.getElementById('files');
            const form = document.getElementById('form');
            return {
                name: input.name, multiple: input.multiple, accept: input.accept,
                required: input.required, inForm: input.form === form,
                sent: new FormData(form).getAll('attachments').map(f => f.name),
            };
        }"""
    )
    assert state == {
        "name": "attachments",
        "multiple": True,
        "accept": ".pdf,.docx",
        "required": True,
        "inForm": True,
        "sent": ["案例.pdf", "佐证材料.docx"],
    }
    page.evaluate("document.getElementById('form').reset()")
    page.wait_for_function(
        "document.querySelector('.filepicker-names').textContent === '未选择文件'"
    )
    assert _no_horizontal_scroll(page)
