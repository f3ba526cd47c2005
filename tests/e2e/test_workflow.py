"""The workflow in a real browser: the city office publishes a call, a county answers it,
its leader returns the case with a reason, the county fixes and resubmits it, the leader
approves, the city office publishes it from the call's page, and a reviewer finds it."""

from __future__ import annotations

import re

import pytest

from tests.conftest import SAMPLE_TEXT, docx_bytes

from .conftest import log_in, shot

pytestmark = pytest.mark.e2e

NAME = "工程建设项目“一站式”联合审批服务"


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_call_is_answered_returned_fixed_approved_published_and_found(new_page, tmp_path):
    # 1. 市营商办 publishes a call to 椒江区 and 黄岩区.
    coord = new_page()
    log_in(coord, "yingshangban")
    coord.click("nav >> text=征集通知")
    coord.click("[data-testid=new-call]")
    coord.fill("#title", "关于报送第二批营商环境改革创新案例的通知")
    coord.fill("#notice", "请各县（市、区）经分管领导审阅后报送。")
    coord.fill("#deadline_date", "2031-12-13")
    coord.keyboard.press("Escape")  # the Chinese calendar closes
    coord.select_option("#deadline_time", "15:00")
    coord.locator("label.tagbox", has_text="椒江区人民政府").locator("input").check()
    coord.locator("label.tagbox", has_text="黄岩区人民政府").locator("input").check()
    shot(coord, "call_new", full_page=True)
    coord.click("[data-testid=publish-call]")
    coord.wait_for_url(re.compile(r"/calls/\d+$"))
    call_url = coord.url
    assert "2031-12-13 15:00" in coord.inner_text("[data-testid=call-deadline]")
    assert "未报送" in coord.inner_text("[data-testid=call-progress]")

    # 2. 椒江区 sees it in 待办 and answers it.
    sub = new_page()
    log_in(sub, "tianbao")
    sub.click("[data-testid=nav-todo]")
    sub.click("text=关于报送第二批营商环境改革创新案例的通知")
    sub.click("[data-testid=answer-call]")
    sub.wait_for_url(re.compile(r"/upload\?call=\d+"))
    path = tmp_path / f"{NAME}.docx"
    path.write_bytes(docx_bytes(SAMPLE_TEXT + ["联合审批浏览器测试。"], title=NAME))
    sub.select_option("#theme", label="办理建筑许可")
    sub.select_option("#case_type", "original")
    sub.fill("#name", NAME)
    sub.fill("#summary", "工程建设项目审批实行一站式联合审批，审批时间压缩一半。")
    sub.fill("#contact_name", "联系人丁")
    sub.fill("#contact_phone", "13800002222")
    sub.set_input_files("#file", str(path))
    sub.locator("#file-status", has_text="已读取").wait_for()
    assert sub.locator("#call_id").input_value() == call_url.rsplit("/", 1)[1]
    sub.click("[data-testid=submit]")
    sub.wait_for_url(re.compile(r"/cases/YS\d{4}-\d{5}$"))
    case_url = sub.url
    assert sub.inner_text("[data-testid=case-status]") == "已提交"

    # 3. The county's leader returns it with a reason.
    leader = new_page()
    log_in(leader, "shenhe")
    assert leader.inner_text("[data-testid=unread]") != ""
    leader.click("[data-testid=nav-todo]")
    leader.click(f"text={NAME}")
    leader.fill("[data-testid=return-reason-input]", "请补充改革前后的审批时间对比数据")
    leader.click("[data-testid=do-return]")
    leader.locator(".flash", has_text="退回成功").wait_for()
    assert leader.inner_text("[data-testid=case-status]") == "已退回"

    # 4. The county sees the reason, fixes the case and resubmits it.
    sub.goto("/todo")
    assert "请补充改革前后的审批时间对比数据" in sub.inner_text("[data-testid=todo]")
    sub.goto(case_url)
    assert "请补充改革前后的审批时间对比数据" in sub.inner_text("[data-testid=return-reason]")
    sub.click("[data-testid=edit]")
    sub.fill("#summary", "联合审批后审批时间由60个工作日压缩至30个工作日。")
    sub.click("[data-testid=submit]")
    sub.wait_for_url(case_url)
    assert sub.inner_text("[data-testid=case-status]") == "已提交"
    shot(sub, "case_workflow", full_page=True)

    # 5. The leader approves.
    leader.goto(case_url)
    leader.click("[data-testid=do-approve]")
    leader.locator(".flash", has_text="审核通过成功").wait_for()

    # 6. The city office publishes it from the call's page.
    coord.goto(call_url)
    case_no = case_url.rsplit("/", 1)[1]
    coord.check(f"[data-testid=pick-{case_no}]")
    shot(coord, "call_progress", full_page=True)
    coord.click("[data-testid=bulk-publish]")
    coord.locator(".flash", has_text="发布入库 1 个案例").wait_for()
    assert "已发布" in coord.inner_text("[data-testid=call-progress]")

    # 7. A reviewer of the province finds it in search, with its history.
    rev = new_page()
    log_in(rev, "shengting")
    rev.goto("/?q=联合审批浏览器测试")
    rev.click(f"text={NAME}")
    assert rev.inner_text("[data-testid=case-status]") == "已发布"
    history = rev.inner_text("[data-testid=history]")
    assert "退回" in history and "请补充改革前后的审批时间对比数据" in history

    # The pages of the workflow fit a phone.
    phone = new_page(width=390, height=844)
    log_in(phone, "tianbao")
    for url in ("/todo", "/my", "/calls", call_url, case_url):
        phone.goto(url)
        assert _no_horizontal_scroll(phone), url
    shot(phone, "phone_call")
