"""The JSON API contract under /api/v1 (scripts depend on it)."""

from __future__ import annotations

import hashlib
import io
import json
import re
from datetime import timedelta
from urllib.parse import quote

import pytest

from tests.conftest import SAMPLE_TEXT, docx_bytes, valid_form

from .conftest import PASSWORD, audit_actions, case_by_name, csrf_of

PUBLIC = {"/api/v1/token", "/api/v1/openapi.json"}


def api_rules(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1"):
            yield rule


def concrete(rule) -> str:
    return re.sub(
        r"<(?:([^:>]+):)?([^>]+)>",
        lambda m: (
            "YS2019-00001" if m.group(2) == "case_no" else "1" if m.group(1) == "int" else "x"
        ),
        rule.rule,
    )


def test_token_is_issued_for_good_credentials_and_audited(client, lib):
    """POST /api/v1/token with JSON credentials returns {"token"}; only its hash is stored."""
    from sqlalchemy import select

    from library.models import ApiToken

    resp = client.post("/api/v1/token", json={"username": "admin", "password": PASSWORD})
    assert resp.status_code == 200
    token = resp.get_json()["token"]
    with lib.db.session() as s:
        hashes = list(s.scalars(select(ApiToken.token_hash)))
    assert hashlib.sha256(token.encode()).hexdigest() in hashes and token not in hashes
    assert audit_actions(lib, "token.create")[-1].actor == "admin"
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).get_json()
    assert me["username"] == "admin" and me["role"] == "admin"


def test_token_refused_for_bad_credentials(client):
    """Wrong password: 401 JSON; missing fields: 422 listing each."""
    resp = client.post("/api/v1/token", json={"username": "admin", "password": "x"})
    assert resp.status_code == 401 and resp.get_json()["code"] == "bad_credentials"
    resp = client.post("/api/v1/token", json={})
    assert resp.status_code == 422
    assert {e["field"] for e in resp.get_json()["errors"]} == {"username", "password"}


def test_every_library_endpoint_answers_401_without_a_token(app, client):
    """Without Authorization: Bearer every endpoint but /token and the OpenAPI document
    answers 401 JSON, whatever the method."""
    checked = 0
    for rule in api_rules(app):
        if rule.rule in PUBLIC:
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            resp = client.open(concrete(rule), method=method)
            assert resp.status_code == 401, (rule.rule, method)
            assert resp.get_json()["code"] == "token_missing"
            assert resp.headers["WWW-Authenticate"].startswith("Bearer")
            checked += 1
    assert checked >= 14


def test_bad_and_expired_tokens_are_refused(client, lib, token_for):
    """A made-up token and an expired one both answer 401 with their own code."""
    from sqlalchemy import update

    from library.models import ApiToken, utcnow

    resp = client.get("/api/v1/search", headers={"Authorization": "Bearer cl_made_up"})
    assert resp.status_code == 401 and resp.get_json()["code"] == "token_invalid"
    headers = token_for("shiju")
    with lib.db.transaction() as s:
        s.execute(update(ApiToken).values(expires_at=utcnow() - timedelta(seconds=1)))
    resp = client.get("/api/v1/search", headers=headers)
    assert resp.status_code == 401 and resp.get_json()["code"] == "token_expired"


def test_search_json_is_the_same_as_the_cli(client, token_for, home, monkeypatch, capsys):
    """GET /api/v1/search returns exactly what `caselib search --json` prints."""
    from web.cli import main

    headers = token_for("shiju")
    api = client.get(
        "/api/v1/search?q=一网通办&region=33&sort=date&page=2", headers=headers
    ).get_json()
    monkeypatch.setenv("CASELIB_HOME", str(home))
    assert (
        main(["search", "一网通办", "--region", "33", "--sort", "date", "--page", "2", "--json"])
        == 0
    )
    cli = json.loads(capsys.readouterr().out)
    assert api == cli
    assert api["total"] == 14 and len(api["hits"]) == 4  # 15 cases, one of them in 上海
    assert set(api["facets"]) == {"theme", "region", "year", "case_type", "tags"}


def test_search_filters_and_errors(client, token_for):
    """theme/case_type/from/to narrow the search; a bad value is 422 with its field."""
    headers = token_for("shiju")
    data = client.get(
        "/api/v1/search?theme=开办企业&case_type=original&from=2019-01-01&to=2019-12-31",
        headers=headers,
    ).get_json()
    assert [h["case_no"] for h in data["hits"]] == ["YS2019-00001"]
    resp = client.get("/api/v1/search?sort=best&page=0", headers=headers)
    assert resp.status_code == 422
    assert {e["field"] for e in resp.get_json()["errors"]} == {"sort", "page"}


def test_case_metadata_file_and_preview(client, token_for, lib):
    """The case's metadata, its original bytes with the Chinese name, and its preview."""
    headers = token_for("shiju")
    meta = client.get("/api/v1/cases/YS2019-00001", headers=headers).get_json()
    assert meta["name"] == "企业开办全流程“一日办结”改革" and meta["borrowed_count"] == 1
    assert meta["file"]["name"] == "“企业开办全流程一日办结”改革案例.docx"
    resp = client.get("/api/v1/cases/YS2019-00001/file", headers=headers)
    assert hashlib.sha256(resp.data).hexdigest() == meta["file"]["sha256"]
    assert (
        "filename*=UTF-8''" + quote(meta["file"]["name"], safe="")
        in resp.headers["Content-Disposition"]
    )
    prev = client.get("/api/v1/cases/YS2019-00001/preview", headers=headers).get_json()
    assert prev["format"] == "docx" and "一日办结" in prev["html"]
    resp = client.get("/api/v1/cases/YS1900-00001", headers=headers)
    assert resp.status_code == 404 and resp.get_json()["code"] == "case_not_found"


def test_post_case_returns_201_with_the_case(client, token_for, lib):
    """POST /api/v1/cases (multipart) stores the case and returns it with 201."""
    headers = token_for("tianbao")
    form = valid_form(name="接口上传的案例", tags="一网通办,最多跑一次")
    resp = client.post(
        "/api/v1/cases",
        headers=headers,
        content_type="multipart/form-data",
        data={**form, "file": (io.BytesIO(docx_bytes(SAMPLE_TEXT + ["接口。"])), "接口上传.docx")},
    )
    body = resp.get_json()
    assert resp.status_code == 201, body
    assert body["name"] == "接口上传的案例" and body["tags"] == ["一网通办", "最多跑一次"]
    assert resp.headers["Location"] == f"/api/v1/cases/{body['case_no']}"
    assert case_by_name(lib, "接口上传的案例").case_no == body["case_no"]


def test_post_case_422_lists_every_bad_field(client, token_for, lib):
    """Every bad field is listed at once as {field, code, message}; nothing is stored."""
    headers = token_for("tianbao")
    form = valid_form(name="名" * 60, contact_phone="abc", theme="不存在的主题", case_type="weird")
    form.pop("summary")
    resp = client.post(
        "/api/v1/cases", headers=headers, content_type="multipart/form-data", data=form
    )
    body = resp.get_json()
    assert resp.status_code == 422
    got = {e["field"]: e["code"] for e in body["errors"]}
    assert got == {
        "name": "too_long",
        "case_type": "invalid_choice",
        "summary": "required",
        "contact_phone": "invalid_format",
        "theme": "invalid_choice",
        "file": "required",
    }
    assert all(set(e) == {"field", "code", "message"} and e["message"] for e in body["errors"])
    assert case_by_name(lib, "名" * 60) is None


def test_post_case_near_duplicate_is_409_until_confirmed(client, token_for):
    """A near copy answers 409 with the similar cases; confirm_near_duplicate=1 saves it."""
    from library.demo.render import load_demo_cases, render_docx

    demo = dict(next(x for x in load_demo_cases() if x["key"] == "kaiban-yiri"))
    demo["name"] = "接口修订稿"
    data = render_docx(demo)
    headers = token_for("tianbao")
    form = valid_form(name="接口修订稿")
    resp = client.post(
        "/api/v1/cases",
        headers=headers,
        content_type="multipart/form-data",
        data={**form, "file": (io.BytesIO(data), "修订稿.docx")},
    )
    assert resp.status_code == 409
    assert resp.get_json()["similar"][0]["case_no"] == "YS2019-00001"
    resp = client.post(
        "/api/v1/cases",
        headers=headers,
        content_type="multipart/form-data",
        data={**form, "confirm_near_duplicate": "1", "file": (io.BytesIO(data), "修订稿.docx")},
    )
    assert resp.status_code == 201


def test_roles_apply_to_the_api(client, token_for):
    """A reviewer cannot upload; a submitter cannot review (403 JSON)."""
    resp = client.post("/api/v1/cases", headers=token_for("shiju"), data={})
    assert resp.status_code == 403 and resp.get_json()["code"] == "forbidden"
    resp = client.put(
        "/api/v1/cases/YS2019-00001/review",
        headers=token_for("tianbao"),
        json={"recommend": True, "rating": 5},
    )
    assert resp.status_code == 403


def test_review_api_creates_then_updates(client, token_for, lib):
    """PUT .../review: 201 the first time, 200 after; 推荐形式 refused for non-privileged."""
    headers = token_for("shiju")
    url = "/api/v1/cases/YS2019-00002/review"
    resp = client.put(url, headers=headers, json={"recommend": True, "rating": 4, "comment": "好"})
    assert resp.status_code == 201
    assert resp.get_json()["summary"]["rating_avg"] == 4.0
    assert "recommendation_form" not in resp.get_json()["review"]
    resp = client.put(url, headers=headers, json={"recommend": False, "rating": 2})
    assert resp.status_code == 200 and resp.get_json()["summary"]["rating_count"] == 1
    resp = client.put(
        url,
        headers=headers,
        json={"recommend": True, "rating": 9, "recommendation_form": "经验交流"},
    )
    assert resp.status_code == 422
    assert {e["field"]: e["code"] for e in resp.get_json()["errors"]} == {
        "rating": "out_of_range",
        "recommendation_form": "not_allowed",
    }
    admin = token_for("admin")
    reviews = client.get("/api/v1/cases/YS2019-00001/reviews", headers=admin).get_json()
    assert any(r.get("recommendation_form") == "全省复制推广" for r in reviews["reviews"])
    city = client.get("/api/v1/cases/YS2019-00001/reviews", headers=headers).get_json()
    assert all("recommendation_form" not in r for r in city["reviews"])


def test_similar_and_template_endpoints(client, token_for):
    """similar (by case, by text), the template and its parser."""
    headers = token_for("tianbao")
    hits = client.get("/api/v1/cases/YS2019-00001/similar?limit=3", headers=headers).get_json()[
        "hits"
    ]
    assert len(hits) == 3 and all(h["case_no"] != "YS2019-00001" for h in hits)
    resp = client.post("/api/v1/similar", headers=headers, data={"text": "存量房带押过户"})
    assert "带押过户" in resp.get_json()["hits"][0]["name"]
    assert client.post("/api/v1/similar", headers=headers, data={}).status_code == 422
    tpl = client.get("/api/v1/template", headers=headers)
    assert tpl.status_code == 200 and tpl.data[:2] == b"PK"
    from library.cases.template import render_template

    filled = render_template({"name": "模板案例", "contact_name": "联系人乙"})
    resp = client.post(
        "/api/v1/template/parse",
        headers=headers,
        content_type="multipart/form-data",
        data={"file": (io.BytesIO(filled), "申报表.docx")},
    )
    assert resp.get_json()["fields"]["name"] == "模板案例"
    resp = client.post(
        "/api/v1/template/parse",
        headers=headers,
        content_type="multipart/form-data",
        data={"file": (io.BytesIO(docx_bytes(["随便一段文字"])), "x.docx")},
    )
    assert resp.status_code == 422 and resp.get_json()["errors"][0]["code"] == "not_a_template"


def test_vocabularies_and_regions(client, token_for):
    """The lists behind the forms; 推荐形式 choices only for privileged accounts."""
    city = client.get("/api/v1/vocabularies", headers=token_for("shiju")).get_json()
    assert "开办企业" in [t for g in city["themes"] for t in g["children"]]
    assert city["recommendation_forms"] == []
    assert client.get("/api/v1/vocabularies", headers=token_for("admin")).get_json()[
        "recommendation_forms"
    ]
    regions = client.get("/api/v1/regions?parent=331000", headers=token_for("shiju")).get_json()[
        "regions"
    ]
    assert {"code": "331002", "name": "椒江区"} in regions


def test_openapi_documents_every_route(app, client):
    """Every /api/v1 route and method is in /api/v1/openapi.json (served without a token)."""
    doc = client.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    documented = {(path, m.upper()) for path, item in doc["paths"].items() for m in item}
    routes = set()
    for rule in api_rules(app):
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            routes.add((path, method))
    assert routes <= documented, routes - documented
    assert documented <= routes, documented - routes


def test_unknown_api_route_is_json_404(client, token_for):
    """Errors under /api are JSON, never an HTML page."""
    resp = client.get("/api/v1/nothing-here", headers=token_for("shiju"))
    assert resp.status_code == 404 and resp.get_json()["code"] == "not_found"


def test_unexpected_errors_are_500_with_a_code_never_a_traceback(app, token_for):
    """An unexpected exception answers internal_error (JSON for /api, a page for people)."""
    from flask import Blueprint

    bp = Blueprint("boom", __name__)

    @bp.get("/api/v1/boom-test")
    def boom_api():
        raise RuntimeError("secret detail")

    @bp.get("/boom-test")
    def boom_page():
        raise RuntimeError("secret detail")

    app.register_blueprint(bp)
    c = app.test_client()
    resp = c.get("/api/v1/boom-test", headers=token_for("admin"))
    assert resp.status_code == 500 and resp.get_json() == {
        "code": "internal_error",
        "message": "服务器内部错误，请稍后重试",
    }
    resp = c.get("/boom-test")
    assert resp.status_code == 500
    assert "internal_error" in resp.get_data(as_text=True) and "secret detail" not in resp.get_data(
        as_text=True
    )


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]"])
def test_malformed_json_is_a_clear_error(client, token_for, body):
    """A body that is not a JSON object answers 4xx with a code, never 500."""
    resp = client.put(
        "/api/v1/cases/YS2019-00002/review",
        headers={**token_for("shiju"), "Content-Type": "application/json"},
        data=body,
    )
    assert resp.status_code in (400, 422)
    assert resp.get_json()["code"]


def test_a_405_answer_says_which_methods_the_url_takes(client, token_for):
    """405 carries Allow (RFC 9110 §15.5.6), as JSON under /api and on a page for people."""
    resp = client.delete("/api/v1/search", headers=token_for("shiju"))
    assert resp.status_code == 405 and resp.get_json()["code"] == "method_not_allowed"
    assert set(resp.headers["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}
    resp = client.delete("/api/v1/cases/YS2019-00001", headers=token_for("shiju"))
    assert resp.status_code == 405
    assert {"GET", "PATCH"} <= set(resp.headers["Allow"].replace(" ", "").split(","))
    page = client.delete("/login", headers={"X-CSRF-Token": csrf_of(client)})
    assert page.status_code == 405 and page.mimetype == "text/html"
    assert {"GET", "POST"} <= set(page.headers["Allow"].replace(" ", "").split(","))


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/search?q=营商&theme=",
        "/api/v1/search?tags=一网通办&tags=",
        "/api/v1/suggest?q=",
        "/api/v1/cases/YS2019-00001/similar?limit=",
        "/api/v1/regions?parent=",
        "/api/v1/units?region=",
        "/api/v1/my/cases?status=",
        "/api/v1/notifications?unread=",
    ],
)
def test_an_empty_query_parameter_is_422_naming_it(client, token_for, url):
    """Given empty (``?theme=``) is not left out: the API answers 422 with the stable code
    ``empty`` for that parameter, as the OpenAPI document's minLength says."""
    field = url.rsplit("&", 1)[-1].rsplit("?", 1)[-1].rstrip("=")
    resp = client.get(url, headers=token_for("admin"))
    assert resp.status_code == 422, resp.get_json()
    body = resp.get_json()
    assert body["code"] == "validation_failed"
    assert [(e["field"], e["code"]) for e in body["errors"]] == [(field, "empty")]


def test_the_search_page_still_leaves_empty_fields_out(login_as):
    """The search form sends every field, filled or not: the page ignores the empty ones."""
    resp = login_as("shiju").get("/?q=营商&theme=&case_type=&region=")
    assert resp.status_code == 200 and "营商" in resp.get_data(as_text=True)


def test_a_length_limit_applies_to_the_text_as_sent(client, token_for, lib):
    """The OpenAPI document's maxLength is on what is sent: 500 characters of comment plus
    white space around them is too long (nothing stored), the 500 characters alone are
    taken; white space inside the limit is still trimmed."""
    from library.models import Review

    headers = token_for("shiju")
    url = "/api/v1/cases/YS2019-00002/review"
    resp = client.put(
        url, headers=headers, json={"recommend": True, "rating": 4, "comment": " " + "好" * 500}
    )
    assert resp.status_code == 422
    assert [(e["field"], e["code"]) for e in resp.get_json()["errors"]] == [("comment", "too_long")]
    with lib.db.session() as s:
        assert s.query(Review).filter(Review.comment.like("好好好%")).count() == 0
    resp = client.put(
        url, headers=headers, json={"recommend": True, "rating": 4, "comment": "好" * 500}
    )
    assert resp.status_code == 201 and resp.get_json()["review"]["comment"] == "好" * 500
    resp = client.put(
        url, headers=headers, json={"recommend": True, "rating": 4, "comment": " 好\n"}
    )
    assert resp.status_code == 200 and resp.get_json()["review"]["comment"] == "好"
