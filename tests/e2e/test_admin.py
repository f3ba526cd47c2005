"""The admin pages in a real browser: an account created, used, deactivated and refused; a
tag merged and the search facet following; the audit log filtered by a Chinese action
name; every admin page at 1366×768 and 390×844 without horizontal scroll."""

from __future__ import annotations

import re

import pytest

from .conftest import log_in, shot

pytestmark = pytest.mark.e2e

SIZES = ((1366, 768), (390, 844))


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def _accept_dialogs(page) -> None:
    page.on("dialog", lambda d: d.accept())


def test_an_account_is_created_logs_in_and_once_deactivated_is_refused(new_page):
    admin = new_page()
    _accept_dialogs(admin)
    log_in(admin, "admin")
    admin.click("[data-testid=nav-admin]")
    admin.wait_for_url(re.compile(r"/admin/users$"))
    admin.click("[data-testid=new-user]")
    # A first try with a missing unit: the error is beside the field, in Chinese.
    admin.fill("#username", "huangyan3")
    admin.fill("#display_name", "黄岩区第三填报员")
    admin.select_option("#role", "submitter")
    admin.click("[data-testid=create-user]")
    error = admin.locator(".field-error[data-field=unit_id]")
    assert error.inner_text() == "填报单位账号须选择所属单位"
    assert admin.input_value("#username") == "huangyan3"
    admin.select_option("#unit_id", label="黄岩区人民政府（黄岩区）")
    admin.click("[data-testid=create-user]")
    password = admin.inner_text("[data-testid=temp-password]")
    assert len(password) == 14 and "只显示这一次" in admin.inner_text(".password-once")

    user = new_page()
    log_in(user, "huangyan3", password)
    assert "黄岩区第三填报员" in user.inner_text(".who")

    admin.goto("/admin/users/huangyan3")
    assert admin.inner_text("[data-testid=account-status]") == "在用"
    admin.click("[data-testid=deactivate-user]")
    admin.locator(".flash", has_text="账号已停用").wait_for()
    assert admin.inner_text("[data-testid=account-status]") == "已停用"

    user.goto("/my")  # the session ends at its next request
    user.wait_for_url(re.compile(r"/login"))
    user.fill("input[name=username]", "huangyan3")
    user.fill("input[name=password]", password)
    user.click("button[type=submit]")
    assert "用户名或密码错误" in user.inner_text("main")
    assert "/login" in user.url


def test_a_tag_merged_on_the_vocabulary_page_is_what_the_search_facet_shows(new_page):
    page = new_page()
    _accept_dialogs(page)
    log_in(page, "admin")
    page.goto("/")
    facet = page.locator("[data-facet=tags] a")
    counts = {
        a.get_attribute("data-value"): int(a.locator(".count").inner_text()) for a in facet.all()
    }
    target, source = list(counts)[:2]
    page.goto("/admin/vocabularies")
    merge = page.locator("[data-testid=merge-tags]")
    for field, name in (("item", source), ("into", target)):
        select = merge.locator(f"select[name={field}]")
        # Options read 名称（N）: N counts the cases of every state, the facet the published.
        option = select.locator("option").filter(has_text=re.compile(f"^{name}（"))
        select.select_option(option.get_attribute("value"))
    merge.locator("button[type=submit]").click()
    page.locator(".flash", has_text=f"标签“{source}”已合并到“{target}”").wait_for()
    assert page.locator(f"#tags .vocab-row[data-item='{source}']").count() == 0
    page.goto("/")
    after = {
        a.get_attribute("data-value"): int(a.locator(".count").inner_text())
        for a in page.locator("[data-facet=tags] a").all()
    }
    assert source not in after
    assert counts[target] < after[target] <= counts[target] + counts[source]
    page.click(f"[data-facet=tags] a[data-value='{target}']")
    page.wait_for_url(re.compile(r"tags="))
    assert page.locator(".chip", has_text=target).is_visible()
    assert page.inner_text("[data-testid=total] b") == str(after[target])


def test_the_audit_log_filtered_by_action_shows_chinese_names(new_page):
    page = new_page()
    log_in(page, "admin")
    page.goto("/admin/audit")
    page.select_option("#a-action", label="登录失败")
    page.click("[data-testid=audit-filter-submit]")
    page.wait_for_url(re.compile(r"action=auth.login_failed"))
    cells = page.locator("[data-testid=audit-table] td.action-name").all_inner_texts()
    assert cells and set(cells) == {"登录失败"}
    text = page.inner_text("[data-testid=audit-table]")
    assert "原因：账号已停用" in text  # huangyan3's refused login, in words
    assert "auth.login_failed" not in text and "{" not in text
    assert re.search(r"20\d\d-\d\d-\d\d \d\d:\d\d:\d\d", text)
    page.select_option("#a-action", label="合并标签")
    page.click("[data-testid=audit-filter-submit]")
    page.wait_for_url(re.compile(r"action=tag.merge"))
    assert "合并到：" in page.inner_text("[data-testid=audit-table]")
    with page.expect_download() as dl:
        page.click("[data-testid=audit-export]")
    assert dl.value.suggested_filename.startswith("操作日志_")
    assert dl.value.suggested_filename.endswith(".xlsx")


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_admin_page_fits_the_screen(new_page, width, height):
    phone = width < 600
    page = new_page(width=width, height=height, is_mobile=phone, has_touch=phone)
    log_in(page, "admin")
    suffix = "phone" if phone else "desktop"
    pages = {
        "users": "/admin/users",
        "user": "/admin/users/tianbao",
        "user_new": "/admin/users/new",
        "units": "/admin/units",
        "unit": "/admin/units/1",
        "vocabularies": "/admin/vocabularies",
        "audit": "/admin/audit",
    }
    for name, url in pages.items():
        page.goto(url)
        assert page.locator("[data-testid=admin-tabs]").is_visible(), url
        assert _no_horizontal_scroll(page), url
        shot(page, f"admin_{name}_{suffix}")
    # An open editor in the vocabularies and the temporary password page fit too.
    page.goto("/admin/vocabularies")
    page.locator("#tags .vocab-edit summary").first.click()
    assert _no_horizontal_scroll(page)
    shot(page, f"admin_vocabulary_edit_{suffix}")
    page.goto("/admin/users/shiju")
    page.click("[data-testid=reset-password]")
    page.locator("[data-testid=temp-password]").wait_for()
    assert _no_horizontal_scroll(page)
    shot(page, f"admin_password_{suffix}")
    if phone:  # one column: the filter's fields stack, the table rows are cards
        page.goto("/admin/audit")
        boxes = [page.locator(f).bounding_box() for f in ("#a-actor", "#a-action")]
        assert boxes[1]["y"] > boxes[0]["y"] and abs(boxes[1]["x"] - boxes[0]["x"]) < 2
        assert page.locator("[data-testid=audit-table] thead").is_hidden()
