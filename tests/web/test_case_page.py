"""The case page (查看) and the download (下载)."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

import pytest

from library.accounts.audit import Actor

from .conftest import login


@pytest.fixture
def c(client):
    return login(client, "shiju")


def stored_document(lib, case_no: str):
    from library.cases import read as catalog

    return catalog.document_file(lib, case_no, Actor.cli())


def test_case_page_shows_every_form_field_and_tags(c, lib):
    """The page shows the 申报表 fields, the tags, the region and the rating summary."""
    from library.cases import read as catalog

    record = catalog.case_record(lib, "YS2019-00001", Actor.cli())
    html = c.get("/cases/YS2019-00001").get_data(as_text=True)
    for key in (
        "summary",
        "problem",
        "solution",
        "traditional_practice",
        "innovative_practice",
        "application_scenario",
        "unit",
        "contact_name",
        "contact_phone",
    ):
        assert record[key][:20] in html, key
    for tag in record["tags"]:
        assert f">{tag}</a>" in html
    assert "浙江省 › 杭州市 › 上城区" in html
    assert "平均 <b>4.7</b> 星，共 <b>3</b> 条点评" in html


def test_word_document_is_rendered_as_html_in_the_page(c):
    """A .docx is read online: its headings and text appear in the page, escaped."""
    html = c.get("/cases/YS2019-00001").get_data(as_text=True)
    reader = html[html.index('data-testid="document"') :]
    assert "<h" in reader[:20000] and "一日办结" in reader[:20000]
    assert "<script" not in reader[:50000]


def test_pdf_is_shown_by_the_viewer_and_as_text(c, lib):
    """A PDF is shown page by page by the PDF viewer (its source is the PDF itself, inline)
    and as text in the 文字版 tab."""
    html = c.get("/cases/YS2019-00005").get_data(as_text=True)
    assert "船边直提" in html[html.index('data-testid="document"') :]
    src = re.search(r'data-pdf-viewer data-testid="pdf-viewer" data-src="([^"]+)"', html).group(1)
    resp = c.get(src.replace("&amp;", "&"))
    assert resp.status_code == 200
    assert resp.headers["Content-Type"] == "application/pdf"
    assert resp.headers["Content-Disposition"].startswith("inline")
    assert resp.data == stored_document(lib, "YS2019-00005").data


def test_download_is_byte_for_byte_with_the_chinese_file_name(c, lib):
    """下载 returns the stored bytes and the original name as RFC 5987 filename*."""
    f = stored_document(lib, "YS2019-00001")
    resp = c.get("/cases/YS2019-00001/file")
    assert resp.status_code == 200
    assert hashlib.sha256(resp.data).hexdigest() == f.sha256
    disposition = resp.headers["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert "filename*=UTF-8''" + quote(f.name, safe="") in disposition
    assert f.name == "“企业开办全流程一日办结”改革案例.docx"


def test_inline_view_is_only_for_pdfs(c):
    """?inline=1 of a Word document is not served inline (no content sniffing surprises)."""
    assert c.get("/cases/YS2019-00001/file?inline=1").status_code == 404


def test_borrowing_links_go_both_ways(c, lib):
    """A borrowed case links to its source (借鉴了); the source says 被借鉴 N 次."""
    from library.cases import read as catalog

    source = catalog.case_record(lib, "YS2019-00001", Actor.cli())
    assert source["borrowed_count"] == 1
    borrower = source["borrowed_by"][0]["case_no"]
    html = c.get("/cases/YS2019-00001").get_data(as_text=True)
    assert "被借鉴 <b>1</b> 次" in html and f'href="/cases/{borrower}"' in html
    html = c.get(f"/cases/{borrower}").get_data(as_text=True)
    assert re.search(r'借鉴了 <a href="/cases/YS2019-00001"', html)


def test_unknown_case_is_a_chinese_404_page(c):
    """An unknown case number answers 404 with the stable code and a Chinese message."""
    resp = c.get("/cases/YS1900-99999")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 404
    assert "case_not_found" in html and "不存在" in html
    assert c.get("/cases/YS1900-99999/file").status_code == 404


def test_template_download_is_the_docx_form(c):
    """下载模板 gives the 申报表 as a .docx with its Chinese name."""
    resp = c.get("/template")
    assert resp.status_code == 200
    assert resp.data[:2] == b"PK"
    assert quote("营商环境改革创新案例申报表.docx", safe="") in resp.headers["Content-Disposition"]


def test_pdf_text_is_given_page_by_page(c, lib):
    """Each page of a PDF is its own section, in order, holding that page's text."""
    from library.cases import read as catalog

    record = catalog.case_record(lib, "YS2019-00005", Actor.cli())
    html = c.get("/cases/YS2019-00005").get_data(as_text=True)
    pages = re.findall(r'<section class="page" data-page="(\d+)">', html)
    assert pages == [str(n) for n in range(1, record["file"]["pages"] + 1)]
    first = html[html.index('data-page="1"') : html.index('data-page="2"')]
    assert "船边直提" in first
