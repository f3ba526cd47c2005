"""The workflow's API contract (scripts depend on it) and its pages, on the demo library:
units, calls with their progress, cases saved or submitted (answering a call), every
transition by the right role, and the refusals: 403 for a role or scope that may not, 404
for a case one may not see, 409 ``invalid_transition``, 422 for a return without reason."""

from __future__ import annotations

import io
from datetime import timedelta

from library.storage.base import utcnow
from tests.conftest import SAMPLE_TEXT, docx_bytes, valid_form

from .conftest import csrf_of


def _deadline(days: int = 7) -> str:
    return (utcnow() + timedelta(days=days, hours=8)).replace(microsecond=0).isoformat() + "+08:00"


def _units(client, headers) -> dict[str, int]:
    resp = client.get("/api/v1/units", headers=headers)
    assert resp.status_code == 200
    return {u["name"]: u["id"] for u in resp.get_json()}


def _post_case(client, headers, name: str, **extra):
    form = valid_form(name=name, published_at=None, **extra.pop("form", {}))
    data = {k: v for k, v in form.items() if k != "tags"}
    data["tags"] = ",".join(form["tags"])
    data.update(extra)
    data["file"] = (io.BytesIO(docx_bytes(SAMPLE_TEXT + [f"{name}。接口测试。"])), f"{name}.docx")
    return client.post(
        "/api/v1/cases", headers=headers, data=data, content_type="multipart/form-data"
    )


def _move(client, headers, case_no: str, action: str, reason: str | None = None):
    body = {"action": action} if reason is None else {"action": action, "reason": reason}
    return client.post(f"/api/v1/cases/{case_no}/transitions", headers=headers, json=body)


def test_units_are_listed_with_their_region(client, token_for):
    """GET /api/v1/units → [{"id", "name", "region_code"}], the seed's counties among them."""
    resp = client.get("/api/v1/units", headers=token_for("tianbao"))
    units = resp.get_json()
    assert all(set(u) == {"id", "name", "region_code"} for u in units)
    by_name = {u["name"]: u for u in units}
    assert by_name["椒江区人民政府"]["region_code"] == "331002"
    assert {"临海市人民政府", "台州湾新区管委会", "市市场监管局"} <= set(by_name)


def test_a_call_answered_and_moved_through_every_transition_by_api(client, token_for, lib):
    """The whole contract: call → case submitted for the call → approver's refusals and
    approval → coordinator's publish; progress and history say so at each step."""
    coord, sub, appr = token_for("yingshangban"), token_for("tianbao"), token_for("shenhe")
    units = _units(client, coord)
    resp = client.post(
        "/api/v1/calls",
        headers=coord,
        json={
            "title": "接口测试征集",
            "notice": "请报送。",
            "deadline": _deadline(),
            "target_unit_ids": [units["椒江区人民政府"], units["黄岩区人民政府"]],
            "case_types": ["original", "innovation_borrowed"],
        },
    )
    assert resp.status_code == 201, resp.get_json()
    call_id = resp.get_json()["id"]
    resp = _post_case(client, sub, "接口报送的改革案例", call_id=str(call_id), action="submit")
    assert resp.status_code == 201, resp.get_json()
    case = resp.get_json()
    assert case["status"] == "submitted" and case["call_id"] == call_id
    no = case["case_no"]
    progress = client.get(f"/api/v1/calls/{call_id}", headers=coord).get_json()["progress"]
    assert progress["target"] == 2 and progress["submitted"] == 1
    jj = next(u for u in progress["units"] if u["unit"] == "椒江区人民政府")
    assert set(jj) >= {"unit_id", "unit", "state", "cases"} and jj["state"] == "submitted"
    assert jj["unit_id"] == units["椒江区人民政府"]

    # Refused: the submitter may not approve (403), a reviewer does not see it (404), the
    # coordinator may not publish what is not approved (404: not visible before approval).
    r = _move(client, sub, no, "approve")
    assert r.status_code == 403 and r.get_json()["code"] == "forbidden"
    r = _move(client, token_for("shiju"), no, "approve")
    assert r.status_code == 404 and r.get_json()["code"] == "case_not_found"
    r = _move(client, appr, no, "return")
    assert r.status_code == 422 and r.get_json()["errors"][0]["field"] == "reason"
    r = _move(client, appr, no, "return", "请补充成效数据")
    assert r.status_code == 200 and r.get_json()["status"] == "returned"
    r = client.patch(
        f"/api/v1/cases/{no}",
        headers=sub,
        json={"summary": "补充了成效：办理时间压缩八成。", "action": "submit"},
    )
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["status"] == "submitted"
    r = _move(client, appr, no, "approve")
    assert r.status_code == 200 and r.get_json()["status"] == "approved"
    r = _move(client, appr, no, "publish")
    assert r.status_code == 403
    r = _move(client, coord, no, "publish")
    assert r.status_code == 200 and r.get_json()["status"] == "published"
    r = _move(client, coord, no, "publish")
    assert r.status_code == 409 and r.get_json()["code"] == "invalid_transition"
    r = client.patch(f"/api/v1/cases/{no}", headers=sub, json={"summary": "发布后再改"})
    assert r.status_code == 409 and r.get_json()["code"] == "invalid_transition"

    record = client.get(f"/api/v1/cases/{no}", headers=token_for("shiju")).get_json()
    assert record["status"] == "published"
    assert [(h["from"], h["to"]) for h in record["history"]] == [
        (None, "draft"),
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
        ("submitted", "approved"),
        ("approved", "published"),
    ]
    assert all(set(h) >= {"at", "by", "from", "to", "reason"} for h in record["history"])
    assert record["history"][2]["reason"] == "请补充成效数据"
    assert record["history"][5]["by"] == "yingshangban"
    hits = client.get("/api/v1/search?q=接口报送的改革案例", headers=token_for("shiju")).get_json()
    assert no in [h["case_no"] for h in hits["hits"]]
    notes = client.get("/api/v1/notifications", headers=sub).get_json()
    assert notes["unread"] >= 2
    assert {"returned", "published"} <= {n["kind"] for n in notes["items"]}


def test_saved_cases_are_drafts_and_unpublished_cases_do_not_exist_for_others(client, token_for):
    """POST /api/v1/cases saves a draft by default; another county gets 404 for it, the
    search does not list it; an unknown action is 422."""
    sub = token_for("tianbao")
    resp = _post_case(client, sub, "接口保存的草稿案例")
    assert resp.status_code == 201 and resp.get_json()["status"] == "draft"
    no = resp.get_json()["case_no"]
    other = client.get(f"/api/v1/cases/{no}", headers=token_for("huangyan"))
    assert other.status_code == 404 and other.get_json()["code"] == "case_not_found"
    assert client.get(f"/api/v1/cases/{no}/file", headers=token_for("shiju")).status_code == 404
    hits = client.get("/api/v1/search?q=接口保存的草稿案例", headers=sub).get_json()
    assert no not in [h["case_no"] for h in hits["hits"]]
    bad = _post_case(client, sub, "未知操作的案例", action="publish")
    assert bad.status_code == 422 and bad.get_json()["errors"][0]["field"] == "action"


def test_inspect_resolves_the_templates_region_name_and_borrowed_case(login_as):
    """A filled-in 申报表 names 创新借鉴, the borrowed case YS2019-00001, its unit and its
    region by name: the form gets them all, the region as a code with its path."""
    from library.cases.template import render_template

    c = login_as("tianbao")
    data = render_template(
        {
            "name": "借鉴案例模板",
            "case_type": "innovation_borrowed",
            "borrowed_from": "YS2019-00001",
            "unit": "椒江区人民政府",
            "region_code": "台州市椒江区",
            "theme": "开办企业",
            "summary": "借鉴已有案例。",
        }
    )
    resp = c.post(
        "/upload/inspect",
        data={"file": (io.BytesIO(data), "申报表.docx"), "csrf_token": csrf_of(c)},
        content_type="multipart/form-data",
    )
    body = resp.get_json()
    assert resp.status_code == 200
    assert body["fields"]["case_type"] == "innovation_borrowed"
    assert body["fields"]["unit"] == "椒江区人民政府"
    assert body["resolved"]["region_code"] == "331002"
    assert [r["code"] for r in body["resolved"]["region_path"]] == ["330000", "331000", "331002"]
    assert body["resolved"]["borrowed_from"] == "YS2019-00001"
    assert body["resolved"]["borrowed_name"]


def test_region_written_by_name_is_stored_as_its_code(login_as, lib):
    """填报地区 台州市椒江区 (as a clerk writes it) is accepted and stored as 331002."""
    from .conftest import case_by_name

    c = login_as("tianbao")
    form = valid_form(name="按名称填写地区的案例", region_code="台州市椒江区", published_at=None)
    data = {**form, "csrf_token": csrf_of(c)}
    data["file"] = (io.BytesIO(docx_bytes(SAMPLE_TEXT + ["按名称填写地区。"])), "地区.docx")
    resp = c.post("/upload", data=data, content_type="multipart/form-data")
    assert resp.status_code == 302, resp.get_data(as_text=True)[:1500]
    assert case_by_name(lib, "按名称填写地区的案例").region_code == "331002"


def test_pages_of_the_workflow_answer_for_each_role(login_as):
    """待办, 我的案例, 征集通知 (list and a call), 通知 open for every role; the new-call form
    only for coordinators and admins."""
    for who in ("tianbao", "shenhe", "yingshangban", "shengting", "admin"):
        c = login_as(who)
        for path in ("/todo", "/my", "/calls", "/notifications"):
            resp = c.get(path)
            assert resp.status_code == 200, (who, path)
        assert c.get("/calls/new").status_code == (200 if who in ("yingshangban", "admin") else 403)
    c = login_as("tianbao")
    calls = c.get("/api/v1/calls")  # pages' session does not open the API
    assert calls.status_code == 401


def test_the_case_page_offers_the_actions_of_the_viewer_and_takes_them(login_as, lib):
    """The approver sees 审核通过 / 退回 on a submitted case; a return without a reason is
    refused on the page; with one, the case is returned and the reason shown."""
    from sqlalchemy import select

    from library.models import Case

    with lib.db.session() as s:
        no = s.scalar(
            select(Case.case_no).where(
                Case.status == "submitted", Case.unit_name == "路桥区人民政府"
            )
        )
    c = login_as("luqiao_ld")
    html = c.get(f"/cases/{no}").get_data(as_text=True)
    assert 'data-testid="do-approve"' in html and 'data-testid="do-return"' in html
    resp = c.post(
        f"/cases/{no}/transitions",
        data={"action": "return", "reason": "", "csrf_token": csrf_of(c)},
        follow_redirects=True,
    )
    assert "退回时必须填写退回理由" in resp.get_data(as_text=True)
    resp = c.post(
        f"/cases/{no}/transitions",
        data={"action": "return", "reason": "请补充典型做法", "csrf_token": csrf_of(c)},
        follow_redirects=True,
    )
    html = resp.get_data(as_text=True)
    assert "退回成功" in html and "退回理由：请补充典型做法" in html
    with lib.db.session() as s:
        assert s.scalar(select(Case.status).where(Case.case_no == no)) == "returned"


def test_ids_sent_as_integral_json_numbers_are_taken(client, token_for, lib):
    """JSON Schema's integers include 12.0: target units and notification ids given so are
    taken as 12, and a notification so named is marked read (12.5 stays a 422)."""
    coord, sub = token_for("yingshangban"), token_for("tianbao")
    jj = _units(client, coord)["椒江区人民政府"]
    resp = client.post(
        "/api/v1/calls",
        headers=coord,
        json={"title": "整数编号征集", "deadline": _deadline(), "target_unit_ids": [float(jj)]},
    )
    assert resp.status_code == 201, resp.get_json()
    assert resp.get_json()["target_unit_ids"] == [jj]
    note = client.get("/api/v1/notifications?unread=1", headers=sub).get_json()["items"][0]
    resp = client.post("/api/v1/notifications/read", headers=sub, json={"ids": [note["id"] + 0.5]})
    assert resp.status_code == 422 and resp.get_json()["errors"][0]["field"] == "ids"
    resp = client.post("/api/v1/notifications/read", headers=sub, json={"ids": [float(note["id"])]})
    assert resp.status_code == 200 and resp.get_json() == {"marked": 1}
    from library.models import Notification

    with lib.db.session() as s:
        assert s.get(Notification, note["id"]).read_at is not None
