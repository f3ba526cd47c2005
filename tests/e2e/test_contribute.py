"""In a real browser: upload a .docx (after a field error) and a borrowed .pdf picking a
suggested similar case; review with stars; a submitter never sees 推荐形式."""

from __future__ import annotations

import re

import pytest

from tests.conftest import SAMPLE_TEXT, docx_bytes, pdf_bytes

from .conftest import log_in, shot

pytestmark = pytest.mark.e2e


def test_upload_docx_after_a_field_error(new_page, server, tmp_path):
    """A form with a bad phone comes back with the error beside the field and the input
    kept; fixed, it saves and opens the new case with its document."""
    path = tmp_path / "优化企业开办服务改革.docx"
    path.write_bytes(docx_bytes(SAMPLE_TEXT + ["浏览器上传测试。"], title="优化企业开办服务改革"))
    page = new_page()
    log_in(page, "tianbao")
    page.click("nav >> text=上传案例")
    page.wait_for_url("**/upload")
    shot(page, "upload", full_page=True)

    page.select_option("#theme", label="开办企业")
    page.select_option("#case_type", "original")
    page.fill("#name", "优化企业开办服务改革")
    assert page.inner_text("[data-counter-for=name]") == "10/50"
    page.fill("#summary", "推行企业开办一网通办，一表填报、一窗受理、一日办结。")
    page.fill("#contact_name", "联系人丙")
    page.fill("#contact_phone", "12345")
    page.set_input_files("#file", str(path))
    page.locator("#file-status", has_text="已读取").wait_for()
    page.click("[data-testid=submit]")

    error = page.locator('.field-error[data-field="contact_phone"]')
    error.wait_for()
    assert "手机号码" in error.inner_text()
    assert page.input_value("#name") == "优化企业开办服务改革"  # input kept
    assert "已选择文件：优化企业开办服务改革.docx" in page.inner_text("[data-testid=file-status]")
    shot(page, "upload_field_error", full_page=True)

    page.fill("#contact_phone", "13800001111")
    page.click("[data-testid=submit]")
    page.wait_for_url(re.compile(r"/cases/YS\d{4}-\d{5}$"))
    assert "已提交审核" in page.inner_text(".flash")
    assert page.inner_text("[data-testid=case-name]") == "优化企业开办服务改革"
    assert "浏览器上传测试" in page.inner_text("[data-testid=document]")


def test_upload_borrowed_pdf_picking_a_similar_case(new_page, server, tmp_path):
    """创新借鉴 asks for the borrowed-from case: the most similar cases to the chosen file are
    offered, one is picked, and the saved case links to it."""
    text = [
        "借鉴存量房“带押过户”做法，在不动产登记中推行抵押权人、抵押人、买受人三方协同办理，"
        "无需提前还贷即可完成存量房转移登记和抵押登记，降低交易成本和资金风险。",
        "改革后二手房交易时间由平均15天压缩至1天，为群众节约过桥资金成本。",
    ]
    path = tmp_path / "借鉴带押过户.pdf"
    path.write_bytes(pdf_bytes(text, title="借鉴带押过户"))
    page = new_page()
    log_in(page, "tianbao")
    page.goto("/upload")
    page.select_option("#theme", label="登记财产")
    page.select_option("#case_type", "innovation_borrowed")
    assert page.locator("[data-borrow-panel]").is_visible()
    page.set_input_files("#file", str(path))
    page.locator("#file-status", has_text="已读取").wait_for()
    suggestion = page.locator("#similar-list li").first
    suggestion.wait_for()
    assert "带押过户" in suggestion.inner_text()
    picked = re.search(r"(YS\d{4}-\d{5})", suggestion.inner_text()).group(1)
    suggestion.locator("input[type=radio]").check()
    assert picked in page.inner_text("[data-testid=borrow-chosen]")
    shot(page, "upload_borrowed", full_page=True)

    page.fill("#name", "借鉴带押过户推行三方协同登记")
    page.fill("#summary", "借鉴带押过户，存量房交易无需提前还贷。")
    page.fill("#contact_name", "联系人丁")
    page.fill("#contact_phone", "0576-88886666")
    page.click("[data-testid=submit]")
    page.wait_for_url(re.compile(r"/cases/YS\d{4}-\d{5}$"))
    link = page.locator("[data-testid=borrowed-from]")
    assert link.get_attribute("href") == f"/cases/{picked}"
    assert "带押过户" in page.inner_text("[data-testid=document]")
    page.goto(f"/cases/{picked}")
    assert "被借鉴" in page.inner_text(".links")


def test_review_with_stars(new_page):
    """A provincial reviewer rates with stars, recommends, picks 推荐形式 and comments; the
    summary shows the new average."""
    page = new_page()
    log_in(page, "shengting")
    page.goto("/cases/YS2019-00002")
    assert "暂无点评" in page.inner_text("[data-testid=rating-summary]")
    page.click("label[for=rating-4]")
    page.check("input[name=recommend][value='1']")
    assert page.locator("[data-testid=recommendation-form]").is_visible()
    page.select_option("select[name=recommendation_form]", "经验交流")
    page.fill("#comment", "联合监管做法成熟，建议推广。")
    shot(page, "review_form")
    page.click(".review-form button[type=submit]")
    page.wait_for_url("**/cases/YS2019-00002#review")
    summary = page.inner_text("[data-testid=rating-summary]")
    assert "平均 4.0 星" in summary and "共 1 条点评" in summary
    assert "推荐形式：经验交流" in page.inner_text(".review-list")
    assert page.locator("#rating-4").is_checked()
    shot(page, "review_saved")


def test_submitter_never_sees_recommendation_form(new_page):
    """A submitter sees reviews and averages but neither the 推荐形式 field nor its values."""
    page = new_page()
    log_in(page, "tianbao")
    page.goto("/cases/YS2019-00001")
    body = page.inner_text("body")
    assert "平均 4.7 星" in body
    assert "推荐形式" not in body
    assert page.locator("select[name=recommendation_form]").count() == 0
    assert page.locator(".review-form").count() == 0
    shot(page, "case_submitter")


def test_place_and_person_names_are_replaced_in_one_click(new_page, tmp_path):
    """A place name in 创新做法 is highlighted where it is after saving; one click puts the
    neutral wording in its place and the case saves."""
    path = tmp_path / "一窗受理改革.docx"
    path.write_bytes(
        docx_bytes(
            [
                "推行政务服务综合窗口改革，将分散在各部门的审批窗口整合为综合受理窗口，实行前台综合受理、"
                "后台分类审批、统一窗口出件，群众办事只需取一个号、排一次队。",
                "改革后窗口数量减少四成，平均等候时间由30分钟缩短至8分钟。",
            ],
            title="一窗受理改革",
        )
    )
    page = new_page()
    log_in(page, "tianbao")
    page.goto("/upload")
    page.select_option("#theme", label="政务服务")
    page.fill("#name", "一窗受理综合改革")
    page.fill("#summary", "一窗受理，当日办结。")
    page.fill("#contact_name", "联系人戊")
    page.fill("#contact_phone", "13800002222")
    page.click("details.more summary")
    page.fill("#innovative_practice", "在台州市椒江区推行一窗受理，当日办结。")
    page.set_input_files("#file", str(path))
    page.locator("#file-status", has_text="已读取").wait_for()
    page.click("[data-testid=submit]")

    box = page.locator("[data-testid=findings-innovative_practice]")
    box.wait_for()
    assert "台州市" in box.locator("mark.finding").first.inner_text()
    shot(page, "upload_anonymity", full_page=True)
    box.locator("[data-replace-all]").click()
    value = page.input_value("#innovative_practice")
    assert "台州市" not in value and "椒江区" not in value and "某" in value
    page.click("[data-testid=submit]")
    page.wait_for_url(re.compile(r"/cases/YS\d{4}-\d{5}$"))
    practice = page.locator(".kv dt", has_text="创新做法").locator("xpath=following-sibling::dd[1]")
    assert practice.inner_text() == value
