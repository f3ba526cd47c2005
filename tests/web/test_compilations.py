"""案例汇编 and 简报 in the web library: the pages (builder, compilation, history, briefing),
the API, 已收录于 on the case page, and who may see what."""

from __future__ import annotations

import io
import re
from urllib.parse import quote

import docx

from .conftest import audit_actions, case_by_name, csrf_of

RECOMMENDED = {
    "企业开办全流程“一日办结”改革",
    "水电气网联合报装“一件事”改革",
    "推行涉企轻微违法行为“首违不罚”清单制度",
    "建设企业综合服务中心 推进政务服务增值化改革",
    "推行高频政务服务事项“跨省通办”",
}


def offered_names(html: str) -> list[str]:
    return re.findall(r'<span class="pick-name">([^<]+)</span>', html)


def create(c, case_nos, **extra):
    data = {"csrf_token": csrf_of(c), "case_nos": case_nos, "title": "测试汇编", **extra}
    return c.post("/compilations", data=data)


def test_the_nav_shows_case_compilations_to_those_who_may(login_as):
    """营商办 and the admin see 案例汇编 in the navigation; units and reviewers do not."""
    for who, shown in (
        ("yingshangban", True),
        ("admin", True),
        ("tianbao", False),
        ("shengting", False),
    ):
        html = login_as(who).get("/").get_data(as_text=True)
        assert ('data-testid="nav-compilations"' in html) is shown, who
    assert login_as("tianbao").get("/compilations/new").status_code == 403


def test_the_builder_offers_the_cases_recommended_for_the_compilation(login_as):
    """The first list: every published case a review recommended for 典型案例汇编, ticked."""
    html = login_as("yingshangban").get("/compilations/new").get_data(as_text=True)
    assert set(offered_names(html)) == RECOMMENDED
    assert html.count('form="build" checked') == len(RECOMMENDED)
    found = login_as("yingshangban").get("/compilations/new?source=search&theme=开办企业&year=2020")
    names = offered_names(found.get_data(as_text=True))
    assert set(names) == {
        "企业开办“一窗受理、一日办结”改革",
        "推行“一照多址”改革 助力连锁经营企业快速扩张",
    }


def test_building_from_the_page_saves_it_and_the_cases_show_it(login_as, lib):
    """生成汇编 with chosen cases: the compilation's page, its Word file, the history, and
    已收录于《…》 on the cases (a link for those who may open it, the title for others)."""
    c = login_as("yingshangban")
    water = case_by_name(lib, "水电气网联合报装“一件事”改革").case_no
    resp = create(c, [water, "YS2019-00001"], order="hand", show_region="1")
    assert resp.status_code == 302
    url = resp.headers["Location"]
    page = c.get(url).get_data(as_text=True)
    assert "测试汇编" in page and "收录案例 <b>2</b> 个" in page
    assert 'data-testid="html-preview"' in page
    comp_id = int(url.rsplit("/", 1)[1])
    f = c.get(f"/compilations/{comp_id}/file")
    assert f.status_code == 200 and quote("测试汇编.docx") in f.headers["Content-Disposition"]
    heads = [
        p.text for p in docx.Document(io.BytesIO(f.data)).paragraphs if p.style.name == "Heading 3"
    ]
    # Two chapters' themes (开办企业 before 获得用水用气): the catalogue wins over the hand order.
    assert heads == ["1．企业开办全流程“一日办结”改革", "2．水电气网联合报装“一件事”改革"]
    assert "测试汇编" in c.get("/compilations").get_data(as_text=True)
    case_page = c.get("/cases/YS2019-00001").get_data(as_text=True)
    assert f'href="/compilations/{comp_id}">《测试汇编》' in case_page
    other = login_as("tianbao").get("/cases/YS2019-00001").get_data(as_text=True)
    assert "已收录于《测试汇编》" in other and f"/compilations/{comp_id}" not in other
    assert audit_actions(lib, "compilation.create")[-1].actor == "yingshangban"


def test_the_preview_prints_no_contact_name_or_phone(login_as, lib):
    """The page's HTML preview of the first cases is redacted like the document."""
    from library.accounts.audit import Actor
    from library.cases.read import case_record

    c = login_as("yingshangban")
    url = create(c, ["YS2019-00001"]).headers["Location"]
    page = c.get(url).get_data(as_text=True)
    record = case_record(lib, "YS2019-00001", Actor.cli())
    preview = page[page.index('data-testid="html-preview"') :]
    assert record["name"] in preview
    assert record["contact_name"] not in page and record["contact_phone"] not in page


def test_building_without_cases_is_refused_with_the_reason(login_as):
    """No case chosen: 422 and the message, nothing saved."""
    c = login_as("yingshangban")
    resp = create(c, [])
    assert resp.status_code == 422 and "请至少选择一个案例" in resp.get_data(as_text=True)
    assert 'data-testid="no-compilations"' in c.get("/compilations").get_data(as_text=True)


def test_another_region_cannot_open_a_compilation(login_as):
    """The admin's compilation (province) is 404 for the city's 营商办."""
    admin = login_as("admin")
    url = create(admin, ["YS2019-00001"]).headers["Location"]
    comp_id = url.rsplit("/", 1)[1]
    coord = login_as("yingshangban")
    for path in (url, f"/compilations/{comp_id}/file", f"/compilations/{comp_id}/status"):
        assert coord.get(path).status_code == 404, path
    assert (
        coord.post(
            f"/compilations/{comp_id}/regenerate", data={"csrf_token": csrf_of(coord)}
        ).status_code
        == 404
    )


def test_the_candidates_helper_answers_json(login_as):
    """The builder's search: JSON of the cases, 403 JSON for those who may not compile."""
    c = login_as("yingshangban")
    data = c.get(
        "/compilations/candidates?source=search&q=带押过户", headers={"X-Requested-With": "fetch"}
    ).get_json()
    assert {x["name"] for x in data["cases"]} >= {"推行存量房“带押过户” 降低交易成本"}
    one = c.get(
        "/compilations/candidates?case_nos=YS2019-00001", headers={"X-Requested-With": "fetch"}
    ).get_json()
    assert [x["case_no"] for x in one["cases"]] == ["YS2019-00001"] and one["cases"][0][
        "recommended"
    ] == 1
    resp = login_as("shengting").get(
        "/compilations/candidates", headers={"X-Requested-With": "fetch"}
    )
    assert resp.status_code == 403 and resp.get_json()["code"] == "forbidden"


def test_the_api_creates_reads_downloads_and_regenerates(client, token_for, lib):
    """POST /api/v1/compilations (filters or case_nos) → 201 with Location; GET it, its
    file; the PDF is 404 until made; regenerate moves the revision on."""
    headers = token_for("yingshangban")
    resp = client.post(
        "/api/v1/compilations",
        headers=headers,
        json={"recommended_for": "典型案例汇编", "order": "rating", "title": "接口汇编"},
    )
    assert resp.status_code == 201, resp.get_json()
    body = resp.get_json()
    assert resp.headers["Location"].endswith(f"/api/v1/compilations/{body['id']}")
    assert {c["name"] for c in body["cases"]} == RECOMMENDED and body["case_count"] == 5
    assert body["selection"]["source"] == "recommended" and body["order"] == "rating"
    assert client.get(f"/api/v1/compilations/{body['id']}", headers=headers).get_json() == body
    f = client.get(f"/api/v1/compilations/{body['id']}/file", headers=headers)
    assert (
        f.status_code == 200
        and f.data[:2] == b"PK"
        and f.mimetype.endswith("wordprocessingml.document")
    )
    pdf = client.get(f"/api/v1/compilations/{body['id']}/file.pdf", headers=headers)
    assert pdf.status_code == 404 and pdf.get_json()["code"] == "no_pdf"
    again = client.post(f"/api/v1/compilations/{body['id']}/regenerate", headers=headers).get_json()
    assert again["revision"] == 2
    listed = client.get("/api/v1/compilations", headers=headers).get_json()["compilations"]
    assert [c["id"] for c in listed] == [body["id"]]
    case = client.get("/api/v1/cases/YS2019-00001", headers=headers).get_json()
    assert case["compilations"][0] == {
        "id": body["id"],
        "title": "接口汇编",
        "issuer": body["issuer"],
        "issued_on": body["issued_on"],
    }


def test_the_api_errors(client, token_for):
    """Nothing matches: 422 nothing_to_compile; bad fields: 422 listing each; a reviewer:
    403; unknown: 404."""
    headers = token_for("admin")
    resp = client.post("/api/v1/compilations", headers=headers, json={"q": "绝无此词的检索组合"})
    assert resp.status_code == 422 and resp.get_json()["code"] == "nothing_to_compile"
    resp = client.post(
        "/api/v1/compilations", headers=headers, json={"order": "x", "min_rating": 0}
    )
    assert resp.status_code == 422 and {e["field"] for e in resp.get_json()["errors"]} == {
        "order",
        "min_rating",
    }
    resp = client.post("/api/v1/compilations", headers=token_for("shengting"), json={})
    assert resp.status_code == 403
    assert client.get("/api/v1/compilations/999", headers=headers).status_code == 404


def test_the_briefing_page_word_file_and_notification(login_as, lib):
    """A month's briefing on the page and as Word; 营商办 sends it: the region's accounts
    get a 'briefing' notification linking to the page, which they may open."""
    from sqlalchemy import select

    from library.models import Notification, User

    c = login_as("yingshangban")
    page = c.get("/briefings?month=2021-04").get_data(as_text=True)
    assert "全部地区2021年4月发布案例 2 个" in page
    assert "企业注销“一件事”联办" in page and "打造“非接触式”办税缴费服务体系" in page
    f = c.get("/briefings/file?month=2021-04")
    assert f.status_code == 200 and f.data[:2] == b"PK"
    texts = [p.text for p in docx.Document(io.BytesIO(f.data)).paragraphs]
    assert texts[0] == "营商环境改革创新案例简报"
    resp = c.post("/briefings/send", data={"csrf_token": csrf_of(c), "month": "2021-04"})
    assert resp.status_code == 302
    assert "简报已发送" in c.get(resp.headers["Location"]).get_data(as_text=True)
    with lib.db.session() as s:
        rows = dict(
            s.execute(
                select(User.username, Notification.link)
                .join(Notification, Notification.user_id == User.id)
                .where(Notification.kind == "briefing")
            ).all()
        )
    assert rows["tianbao"] == "/briefings?month=2021-04" and "shengting" not in rows
    sub = login_as("tianbao")
    assert "案例简报" in sub.get("/notifications").get_data(as_text=True)
    assert "2021年4月发布案例 2 个" in sub.get("/briefings?month=2021-04").get_data(as_text=True)
    assert 'data-testid="send-form"' not in sub.get("/briefings?month=2021-04").get_data(
        as_text=True
    )


def test_the_briefing_api(client, token_for):
    """GET /api/v1/briefings gives the counts and cases; sending is for 营商办 and admins."""
    data = client.get("/api/v1/briefings?month=2021-04", headers=token_for("shengting")).get_json()
    assert data["total"] == 2 and data["link"] == "/briefings?month=2021-04"
    assert {c["link"] for c in data["cases"]} <= {f"/cases/{c['case_no']}" for c in data["cases"]}
    resp = client.get("/api/v1/briefings?month=2021-4", headers=token_for("shengting"))
    assert resp.status_code == 422
    resp = client.post(
        "/api/v1/briefings/send", headers=token_for("shengting"), json={"month": "2021-04"}
    )
    assert resp.status_code == 403
    resp = client.post(
        "/api/v1/briefings/send",
        headers=token_for("admin"),
        json={"month": "2021-04", "roles": ["reviewer"]},
    )
    assert resp.status_code == 200 and resp.get_json()["sent"] == 2  # shengting, shiju
    f = client.get("/api/v1/briefings/file?month=2021-04", headers=token_for("shengting"))
    assert f.status_code == 200 and f.data[:2] == b"PK"


def test_a_briefing_period_out_of_range_is_a_field_error_not_a_server_error(client, token_for):
    """Found by the API fuzzing: month 0000-01 reached date(0, 1, 1) (a 500); a call
    number beyond what the database holds reached the database. Both are 422 naming it."""
    headers = token_for("shengting")
    for path in ("/api/v1/briefings", "/api/v1/briefings/file"):
        for query, field in (
            ("month=0000-01", "month"),
            ("month=1800-12", "month"),
            ("call=99999999999", "call"),
        ):
            resp = client.get(f"{path}?{query}", headers=headers)
            assert resp.status_code == 422, (path, query, resp.status_code)
            assert [e["field"] for e in resp.get_json()["errors"]] == [field]
    resp = client.post(
        "/api/v1/briefings/send", headers=token_for("admin"), json={"month": "0000-01"}
    )
    assert resp.status_code == 422 and resp.get_json()["errors"][0]["field"] == "month"


def test_sending_a_briefing_checks_the_json_types(client, token_for):
    """Found by the API fuzzing: a list as the month or a number as the region was read as
    text (a 500). Each is 422 naming the field; nothing is sent."""
    headers = token_for("admin")
    resp = client.post(
        "/api/v1/briefings/send",
        headers=headers,
        json={"month": ["2021-04"], "region": 3310, "call": "1", "roles": ["reviewer"]},
    )
    assert resp.status_code == 422
    assert {e["field"] for e in resp.get_json()["errors"]} == {"month", "region", "call"}
    resp = client.post("/api/v1/briefings/send", headers=headers, json={"call": True})
    assert resp.status_code == 422 and resp.get_json()["errors"][0]["field"] == "call"
