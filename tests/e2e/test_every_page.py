"""Every page of the product, as the role that uses it, at 1366×768 and at 390×844 (a phone
in the government messenger): it opens without a server error, nothing scrolls sideways, and
a screenshot is kept (tests/screenshots/pages/)."""

from __future__ import annotations

import pytest

from .conftest import SCREENSHOTS, log_in

pytestmark = pytest.mark.e2e

# (role account, path, a name for the screenshot)
PAGES = [
    (None, "/login", "login"),
    ("shiju", "/?q=企业开办", "search"),
    ("shiju", "/?q=企业开办&theme=开办企业&sort=rating", "search_filtered"),
    ("shiju", "/cases/YS2019-00001", "case_docx"),
    ("shiju", "/cases/YS2019-00005", "case_pdf"),
    ("tianbao", "/upload", "upload"),
    ("tianbao", "/todo", "todo_submitter"),
    ("tianbao", "/my", "my_cases"),
    ("tianbao", "/calls", "calls"),
    ("tianbao", "/notifications", "notifications"),
    ("shenhe", "/todo", "todo_approver"),
    ("yingshangban", "/calls/new", "call_new"),
    ("yingshangban", "/stats", "stats"),
    ("admin", "/audit", "audit"),
]
SIZES = {"desk": (1366, 768), "phone": (390, 844)}


def _open_call(page) -> str:
    page.goto("/calls")
    href = page.locator(".call-list a").first.get_attribute("href")
    return href


@pytest.mark.parametrize("size", list(SIZES))
def test_every_page_fits_the_screen(new_page, size):
    width, height = SIZES[size]
    pages = {}
    out = SCREENSHOTS / "pages"
    out.mkdir(parents=True, exist_ok=True)
    for who, path, name in PAGES + [("yingshangban", None, "call")]:
        page = pages.get(who)
        if page is None:
            page = pages[who] = new_page(width=width, height=height)
            if who:
                log_in(page, who)
        if path is None:
            path = _open_call(page)
        resp = page.goto(path)
        assert resp.status < 500, (who, path, resp.status)
        page.wait_for_load_state("networkidle")
        scroll = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll[0] <= scroll[1] + 1, (who, path, size, scroll)
        page.screenshot(path=str(out / f"{name}_{size}.png"), full_page=True)
