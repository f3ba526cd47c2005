"""The admin pages and /api/v1/admin: only admins, forms with CSRF and errors beside their
fields, accounts end to end (created, logged in, deactivated, refused), a tag merged into
another as the search sees it, the audit log in Chinese with filters, pages and export."""

from __future__ import annotations

import io
import re
from html import unescape

from openpyxl import load_workbook
from sqlalchemy import select

from .conftest import PASSWORD, audit_actions, csrf_of

ADMIN_PAGES = (
    "/admin",
    "/admin/users",
    "/admin/users/new",
    "/admin/users/tianbao",
    "/admin/units",
    "/admin/units/1",
    "/admin/vocabularies",
    "/admin/audit",
    "/admin/audit/export",
)


def stored_user(lib, username: str):
    from library.accounts.users import find_user

    with lib.db.session() as s:
        return find_user(s, username)


def field_errors(html: str) -> dict[str, str]:
    return {
        m.group(1): unescape(m.group(2))
        for m in re.finditer(r'class="field-error" data-field="([^"]+)"[^>]*>([^<]+)<', html)
    }


def temp_password(html: str) -> str:
    return re.search(r'data-testid="temp-password">([^<]+)<', html).group(1)


def try_login(app, username: str, password: str):
    c = app.test_client()
    return c, c.post(
        "/login", data={"username": username, "password": password, "csrf_token": csrf_of(c)}
    )


def test_admin_pages_are_for_admins_only(login_as):
    """Every admin page answers 200 for the admin and 403 for each other role; the nav's
    管理 entry is shown to admins only."""
    admin = login_as("admin")
    for url in ADMIN_PAGES:
        resp = admin.get(url)
        assert resp.status_code in (200, 302), url
    assert 'data-testid="nav-admin"' in admin.get("/").get_data(as_text=True)
    for username in ("tianbao", "shenhe", "yingshangban", "shengting"):
        c = login_as(username)
        for url in ADMIN_PAGES:
            assert c.get(url).status_code == 403, (username, url)
        assert 'data-testid="nav-admin"' not in c.get("/").get_data(as_text=True)


def test_admin_actions_are_refused_to_others_and_change_nothing(login_as, lib):
    """A coordinator posting the admin forms gets 403 for each; accounts, units and tags
    stay as they were and no admin action is audited."""
    c = login_as("yingshangban")
    token = csrf_of(c)
    before = len(audit_actions(lib))
    posts = [
        ("/admin/users/new", {"username": "sneaky", "role": "admin"}),
        ("/admin/users/tianbao", {"role": "admin", "region": "330000"}),
        ("/admin/users/tianbao/password", {"mode": "random"}),
        ("/admin/users/tianbao/deactivate", {}),
        ("/admin/users/tianbao/unlock", {}),
        ("/admin/units", {"name": "冒名单位", "region": "331002"}),
        ("/admin/units/1", {"name": "改名"}),
        ("/admin/units/1/deactivate", {}),
        ("/admin/vocabularies/tags/add", {"name": "冒名标签"}),
        ("/admin/vocabularies/tags/1/rename", {"name": "冒名"}),
        ("/admin/vocabularies/tags/merge", {"item": "1", "into": "2"}),
        ("/admin/vocabularies/themes/2/delete", {}),
    ]
    for url, data in posts:
        assert c.post(url, data={**data, "csrf_token": token}).status_code == 403, url
    tian = stored_user(lib, "tianbao")
    assert tian.active and tian.role == "submitter" and stored_user(lib, "sneaky") is None
    from library.accounts import units
    from library.vocab import catalogue

    assert units.get_unit(lib, 1).active
    assert "冒名标签" not in catalogue.vocabularies(lib).tags
    assert len(audit_actions(lib)) == before


def test_an_account_made_on_the_page_logs_in_and_once_deactivated_is_refused(app, login_as, lib):
    """The form creates the account and shows its temporary password once; the new user
    logs in with it; after 停用账号 the next request of that session and any new login are
    refused."""
    from library.accounts import units

    admin = login_as("admin")
    unit = next(u for u in units.list_units(lib) if u.name == "黄岩区人民政府")
    resp = admin.post(
        "/admin/users/new",
        data={
            "csrf_token": csrf_of(admin),
            "username": "huangyan2",
            "display_name": "黄岩区第二填报员",
            "role": "submitter",
            "unit_id": str(unit.id),
            "region": "",
            "password": "",
        },
    )
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "只显示这一次" in html
    assert resp.headers["Cache-Control"] == "no-store"
    password = temp_password(html)
    assert password not in admin.get("/admin/users/huangyan2").get_data(as_text=True)
    user, resp = try_login(app, "huangyan2", password)
    assert resp.status_code == 302
    assert "黄岩区第二填报员" in user.get("/my").get_data(as_text=True)
    resp = admin.post("/admin/users/huangyan2/deactivate", data={"csrf_token": csrf_of(admin)})
    assert resp.status_code == 302
    assert "账号已停用" in admin.get(resp.location).get_data(as_text=True)
    assert user.get("/my").status_code == 302  # the session ends at its next request
    _, resp = try_login(app, "huangyan2", password)
    assert resp.status_code == 401 and "用户名或密码错误" in resp.get_data(as_text=True)
    assert not stored_user(lib, "huangyan2").active
    actions = [e.action for e in audit_actions(lib) if e.object_id == "huangyan2"]
    assert actions == ["user.create", "auth.login", "user.deactivate", "auth.login_failed"]
    assert audit_actions(lib, "auth.login_failed")[-1].detail["reason"] == "inactive"


def test_form_errors_are_shown_beside_their_fields_in_chinese(login_as, lib):
    """A bad account form answers 422 with each message beside its field and the input
    kept; the password is never sent back."""
    admin = login_as("admin")
    resp = admin.post(
        "/admin/users/new",
        data={
            "csrf_token": csrf_of(admin),
            "username": "tianbao",
            "role": "coordinator",
            "password": "short",
            "display_name": "重名",
        },
    )
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    errors = field_errors(html)
    assert errors["username"] == "用户名 tianbao 已存在"
    assert errors["password"] == "密码至少 8 位"
    assert errors["region"] == "营商办账号须选择所属地区"
    assert 'value="重名"' in html and 'value="short"' not in html
    resp = admin.post(
        "/admin/users/admin",
        data={"csrf_token": csrf_of(admin), "role": "reviewer", "region": "330000"},
    )
    assert resp.status_code == 422
    assert field_errors(resp.get_data(as_text=True))["role"].startswith("不能修改自己的角色")
    assert stored_user(lib, "admin").role == "admin"


def test_admin_forms_need_the_csrf_token(login_as, lib):
    """Without the session's CSRF token a form is refused (400) and nothing is stored."""
    admin = login_as("admin")
    resp = admin.post("/admin/users/new", data={"username": "nocsrf", "role": "admin"})
    assert resp.status_code == 400 and stored_user(lib, "nocsrf") is None
    resp = admin.post("/admin/users/tianbao/deactivate", data={"csrf_token": "forged"})
    assert resp.status_code == 400 and stored_user(lib, "tianbao").active


def test_a_reset_password_is_shown_once_and_works(app, login_as):
    """重置密码 shows a new temporary password in its answer only; the old password stops
    working, the new one logs in."""
    admin = login_as("admin")
    resp = admin.post(
        "/admin/users/shiju/password", data={"csrf_token": csrf_of(admin), "mode": "random"}
    )
    password = temp_password(resp.get_data(as_text=True))
    assert password not in admin.get("/admin/users/shiju").get_data(as_text=True)
    assert try_login(app, "shiju", PASSWORD)[1].status_code == 401
    assert try_login(app, "shiju", password)[1].status_code == 302
    resp = admin.post(
        "/admin/users/shiju/password",
        data={"csrf_token": csrf_of(admin), "mode": "given", "password": "x"},
    )
    assert resp.status_code == 422 and field_errors(resp.get_data(as_text=True))["password"]


def tag_facet(client) -> dict[str, int]:
    html = client.get("/").get_data(as_text=True)
    box = html[html.find('data-facet="tags"') :]
    box = box[: box.find("</section>")]
    return {
        unescape(v): int(n)
        for v, n in re.findall(r'data-value="([^"]+)".*?class="count">(\d+)<', box, re.S)
    }


def test_a_tag_merged_on_the_page_moves_its_cases_in_the_search(login_as, lib):
    """After 合并标签 the search's tag facet counts the merged cases under the target and no
    longer lists the merged tag; a search by the target finds them."""
    from library.cases import search

    admin = login_as("admin")
    tags = tag_facet(admin)  # most used first
    target, source = list(tags)[:2]
    moved = {h.case_no for h in search.search(lib, {"tags": [source], "per_page": 50}).hits}
    assert moved and tags[source] == len(moved)
    with lib.db.session() as s:
        from library.models import Tag

        ids = {t.name: t.id for t in s.scalars(select(Tag))}
    resp = admin.post(
        "/admin/vocabularies/tags/merge",
        data={"csrf_token": csrf_of(admin), "item": ids[source], "into": ids[target]},
    )
    assert resp.status_code == 302
    flash = admin.get(resp.location).get_data(as_text=True)
    assert f"标签“{source}”已合并到“{target}”" in flash
    after = tag_facet(admin)
    assert source not in after
    both = {h.case_no for h in search.search(lib, {"tags": [target], "per_page": 50}).hits}
    assert moved <= both and after[target] == len(both)
    assert audit_actions(lib, "tag.merge")[-1].detail["into"] == target


def test_vocabulary_errors_are_shown_beside_the_entry(login_as, lib):
    """Renaming a theme to a name taken answers 422 with the message in that theme's box."""
    from library.models import Theme

    admin = login_as("admin")
    with lib.db.session() as s:
        theme = s.scalar(select(Theme).where(Theme.name == "开办企业"))
    resp = admin.post(
        f"/admin/vocabularies/themes/{theme.id}/rename",
        data={"csrf_token": csrf_of(admin), "name": "获得电力"},
    )
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    box = html[html.find(f'id="themes-{theme.id}"') :]
    box = box[: box.find("</details>")]
    assert "已有名为“获得电力”的主题" in box and '<details class="vocab-edit" open' in box


def test_the_audit_page_filtered_by_action_shows_chinese_names_in_beijing_time(login_as):
    """?action=auth.login lists only logins, named 登录, times without UTC; the old /audit
    address redirects with its query."""
    admin = login_as("admin")
    login_as("tianbao")
    html = admin.get("/admin/audit?action=auth.login").get_data(as_text=True)
    actions = re.findall(r'<tr data-action="([^"]+)"', html)
    assert actions and set(actions) == {"auth.login"}
    cells = re.findall(r'<td data-label="操作" class="action-name">([^<]+)</td>', html)
    assert set(cells) == {"登录"}
    assert "时间（北京时间）" in html and "UTC" not in html
    assert "椒江区填报员（tianbao）" in html
    assert re.search(r'<option value="auth.login_failed"\s*>登录失败</option>', html)
    resp = admin.get("/audit?action=auth.login")
    assert resp.status_code == 302 and resp.location == "/admin/audit?action=auth.login"


def test_the_audit_page_pages_and_its_export_equals_the_filter(login_as):
    """Pages of per_page rows with a pager; the export link carries the filter and the
    workbook has exactly the filtered rows."""
    admin = login_as("admin")
    html = admin.get("/admin/audit?object_type=case&per_page=10").get_data(as_text=True)
    total = int(re.search(r'data-testid="audit-total">共 (\d+) 条', html).group(1))
    assert total > 10 and len(re.findall(r"<tr data-action=", html)) == 10
    assert 'data-testid="audit-pager"' in html and "page=2" in html
    page2 = admin.get("/admin/audit?object_type=case&per_page=10&page=2").get_data(as_text=True)
    assert re.findall(r"<tr data-action=", page2) and page2 != html
    link = unescape(re.search(r'href="([^"]+)" data-testid="audit-export"', html).group(1))
    assert link == "/admin/audit/export?object_type=case"
    resp = admin.get(link)
    assert resp.status_code == 200
    assert resp.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "filename*=UTF-8''" in resp.headers["Content-Disposition"]
    ws = load_workbook(io.BytesIO(resp.data))["操作日志"]
    table = list(ws.iter_rows(values_only=True))
    assert table[0][0] == "时间（北京时间）" and len(table) - 1 == total
    assert {row[4] for row in table[1:]} == {"案例"}
    bad = admin.get("/admin/audit?from=2024-13-01")
    assert bad.status_code == 422 and "日期格式应为 YYYY-MM-DD" in bad.get_data(as_text=True)


# -- the API --------------------------------------------------------------------------------


def test_the_admin_api_manages_accounts(client, token_for, lib):
    """POST creates (201, the temporary password once), PATCH changes the role, deactivate
    ends the account's tokens, unlock and reactivate answer the account."""
    h = token_for("admin")
    resp = client.post(
        "/api/v1/admin/users",
        json={"username": "apiuser", "role": "reviewer", "region": "330000"},
        headers=h,
    )
    assert resp.status_code == 201, resp.get_json()
    body = resp.get_json()
    assert body["user"]["region_code"] == "330000" and len(body["password"]) >= 12
    assert resp.headers["Location"] == "/api/v1/admin/users/apiuser"
    tok = client.post("/api/v1/token", json={"username": "apiuser", "password": body["password"]})
    user_h = {"Authorization": "Bearer " + tok.get_json()["token"]}
    assert client.get("/api/v1/me", headers=user_h).status_code == 200
    resp = client.patch("/api/v1/admin/users/apiuser", json={"role": "coordinator"}, headers=h)
    assert resp.get_json()["role"] == "coordinator"
    resp = client.patch("/api/v1/admin/users/apiuser", json={"nickname": "x"}, headers=h)
    assert resp.status_code == 422 and resp.get_json()["errors"][0]["field"] == "nickname"
    resp = client.post("/api/v1/admin/users/apiuser/deactivate", headers=h)
    assert resp.status_code == 200 and resp.get_json()["status"] == "inactive"
    assert client.get("/api/v1/me", headers=user_h).status_code == 401
    resp = client.post("/api/v1/admin/users/admin/deactivate", headers=h)
    assert resp.status_code == 409 and resp.get_json()["code"] == "own_account"
    # Nor a reset of one's own password (it would revoke the token in use).
    resp = client.post("/api/v1/admin/users/admin/password", json={}, headers=h)
    assert resp.status_code == 409 and resp.get_json()["code"] == "own_account"
    assert client.get("/api/v1/me", headers=h).status_code == 200
    assert client.post("/api/v1/admin/users/apiuser/reactivate", headers=h).get_json()["active"]
    resp = client.post(
        "/api/v1/admin/users/apiuser/password", json={"password": "given-password"}, headers=h
    )
    assert resp.status_code == 200 and "password" not in resp.get_json()
    assert client.post("/api/v1/admin/users/apiuser/unlock", headers=h).status_code == 200
    users = client.get("/api/v1/admin/users?role=coordinator", headers=h).get_json()["users"]
    assert "apiuser" in {u["username"] for u in users}


def test_the_admin_api_refuses_other_roles_and_changes_nothing(client, token_for, lib):
    """Every /api/v1/admin route and the audit log answer 403 to a submitter's token."""
    h = token_for("tianbao")
    calls = [
        ("get", "/api/v1/admin/users", None),
        ("post", "/api/v1/admin/users", {"username": "x2", "role": "admin"}),
        ("patch", "/api/v1/admin/users/tianbao", {"role": "admin"}),
        ("post", "/api/v1/admin/users/shenhe/deactivate", None),
        ("post", "/api/v1/admin/users/shenhe/password", None),
        ("get", "/api/v1/admin/units", None),
        ("post", "/api/v1/admin/units", {"name": "某单位"}),
        ("patch", "/api/v1/admin/units/1", {"name": "某单位"}),
        ("post", "/api/v1/admin/units/1/deactivate", None),
        ("get", "/api/v1/admin/vocabularies", None),
        ("post", "/api/v1/admin/vocabularies/tags", {"name": "某标签"}),
        ("patch", "/api/v1/admin/vocabularies/tags/1", {"name": "某标签"}),
        ("post", "/api/v1/admin/vocabularies/tags/1/merge", {"into": 2}),
        ("delete", "/api/v1/admin/vocabularies/tags/1", None),
        ("get", "/api/v1/audit", None),
        ("get", "/api/v1/audit/export", None),
    ]
    for method, url, body in calls:
        resp = getattr(client, method)(url, json=body, headers=h)
        assert resp.status_code == 403, (method, url, resp.get_json())
        assert resp.get_json()["code"] in ("forbidden", "out_of_scope")
    assert stored_user(lib, "x2") is None and stored_user(lib, "shenhe").active
    from library.vocab import catalogue

    assert "某标签" not in catalogue.vocabularies(lib).tags


def test_the_audit_api_is_filtered_and_paged(client, token_for):
    """GET /api/v1/audit: the page's filters, pages of per_page rows (1–200), Chinese names
    and Beijing times beside the codes."""
    h = token_for("admin")
    body = client.get("/api/v1/audit?action=token.create&per_page=1", headers=h).get_json()
    assert body["per_page"] == 1 and body["total"] >= 1 and len(body["items"]) == 1
    item = body["items"][0]
    assert item["action"] == "token.create" and item["action_name"] == "获取访问令牌"
    assert item["at"].endswith("+08:00") and item["at_utc"].endswith("Z")
    assert item["details"][0]["title"] == "有效期至"
    assert client.get("/api/v1/audit?per_page=500", headers=h).status_code == 422
    resp = client.get("/api/v1/audit/export?action=token.create", headers=h)
    rows = list(load_workbook(io.BytesIO(resp.data))["操作日志"].iter_rows(values_only=True))
    assert len(rows) - 1 == body["total"]


def test_the_vocabulary_api_adds_renames_moves_merges_and_deletes(client, token_for, lib):
    """One tag through its life by the API; a used tag cannot be deleted (409)."""
    h = token_for("admin")
    resp = client.post("/api/v1/admin/vocabularies/tags", json={"name": "营商专员"}, headers=h)
    assert resp.status_code == 201
    new = resp.get_json()["id"]
    resp = client.patch(
        f"/api/v1/admin/vocabularies/tags/{new}",
        json={"name": "营商环境专员", "position": 0},
        headers=h,
    )
    assert resp.status_code == 200 and "营商环境专员" in resp.get_json()["message"]
    vocab = client.get("/api/v1/admin/vocabularies", headers=h).get_json()["vocabularies"]
    tags = next(v for v in vocab if v["key"] == "tags")["items"]
    assert tags[0]["name"] == "营商环境专员" and tags[0]["uses"] == 0
    used = next(t for t in tags if t["uses"] > 0)
    resp = client.delete(f"/api/v1/admin/vocabularies/tags/{used['id']}", headers=h)
    assert resp.status_code == 409 and resp.get_json()["code"] == "tag_in_use"
    resp = client.post(
        f"/api/v1/admin/vocabularies/tags/{used['id']}/merge", json={"into": new}, headers=h
    )
    assert resp.status_code == 200 and len(resp.get_json()["carried"]) >= 1
    resp = client.delete(f"/api/v1/admin/vocabularies/tags/{used['id']}", headers=h)
    assert resp.status_code == 404
    themes = next(v for v in vocab if v["key"] == "themes")["items"]
    group = themes[0]
    resp = client.post(
        "/api/v1/admin/vocabularies/themes",
        json={"name": "新主题", "parent_id": group["id"]},
        headers=h,
    )
    assert resp.status_code == 201 and resp.get_json()["parent_id"] == group["id"]
    resp = client.post("/api/v1/admin/vocabularies/nothing", json={"name": "x"}, headers=h)
    assert resp.status_code == 404 and resp.get_json()["code"] == "vocabulary_not_found"


def test_the_methods_are_one_more_vocabulary_of_the_admin(client, token_for, login_as):
    """整改方式 is listed, added and renamed through the same vocabulary API and page."""
    h = token_for("admin")
    vocab = client.get("/api/v1/admin/vocabularies", headers=h).get_json()["vocabularies"]
    methods = next(v for v in vocab if v["key"] == "methods")
    assert methods["title"] == "整改方式" and "流程再造" in [i["name"] for i in methods["items"]]
    resp = client.post("/api/v1/admin/vocabularies/methods", json={"name": "专项整治"}, headers=h)
    assert resp.status_code == 201
    new = resp.get_json()["id"]
    resp = client.patch(
        f"/api/v1/admin/vocabularies/methods/{new}", json={"name": "专项整改"}, headers=h
    )
    assert resp.status_code == 200
    page = login_as("admin").get("/admin/vocabularies").get_data(as_text=True)
    assert "整改方式" in page and "专项整改" in page
