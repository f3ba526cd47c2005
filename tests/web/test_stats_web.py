"""The statistics on the web, on the demo library: the API is the CLI's contract, the
exports download, the page equals its export, every number links to a list of as many
rows, the weights form and API, and who may see what (403 for units and reviewers)."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import openpyxl

from library.accounts.audit import Actor
from library.stats.figures import statistics

from .conftest import csrf_of


class _Table(HTMLParser):
    """The text of each cell of the table with data-testid=stats-table (body rows)."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self.head: list[str] = []
        self._in = self._body = self._thead = self._cell = False
        self._part = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("data-testid") == "stats-table":
            self._in = True
        elif self._in and tag == "tbody":
            self._body = True
        elif self._in and tag == "thead":
            self._thead = True
        elif self._in and tag == "tr" and self._body:
            self.rows.append([])
        elif self._in and tag in ("td", "th"):
            self._cell, self._part = True, ""

    def handle_endtag(self, tag):
        if tag == "table":
            self._in = False
        elif tag == "tbody":
            self._body = False
        elif tag == "thead":
            self._thead = False
        elif self._in and tag in ("td", "th") and self._cell:
            self._cell = False
            if self._body:
                self.rows[-1].append(self._part.strip())
            elif self._thead:
                self.head.append(self._part.strip())

    def handle_data(self, data):
        if self._cell:
            self._part += data


def _page_table(client, url: str) -> _Table:
    resp = client.get(url)
    assert resp.status_code == 200, resp.status_code
    table = _Table()
    table.feed(resp.get_data(as_text=True))
    return table


def test_the_api_answers_what_the_service_computes_and_the_cli_prints(client, token_for, lib):
    """GET /api/v1/stats takes the CLI's parameters and answers the same body."""
    headers = token_for("admin")
    resp = client.get("/api/v1/stats?year=2021&by=unit&region=331000", headers=headers)
    assert resp.status_code == 200
    body = resp.get_json()
    expected = statistics(lib, {"year": "2021", "by": "unit", "region": "331000"}, Actor.cli())
    assert body == expected
    assert list(body) == ["rows", "totals", "filters", "weights", "trend"]


def test_coordinators_see_their_region_and_units_reviewers_get_403(client, token_for):
    """台州市营商办: its city by default, the province is 403 out_of_scope; a submitter and
    a reviewer are 403 on every statistics endpoint; bad input is 422."""
    coord = token_for("yingshangban")
    body = client.get("/api/v1/stats", headers=coord).get_json()
    assert body["filters"]["region"] == "331000"
    assert "331002" in [r["key"] for r in body["rows"]]
    resp = client.get("/api/v1/stats?region=330000", headers=coord)
    assert resp.status_code == 403 and resp.get_json()["code"] == "out_of_scope"
    for user in ("tianbao", "shengting"):
        headers = token_for(user)
        for url in (
            "/api/v1/stats",
            "/api/v1/stats.xlsx",
            "/api/v1/stats.csv",
            "/api/v1/stats/cases?figure=published",
            "/api/v1/stats/weights",
        ):
            resp = client.get(url, headers=headers)
            assert resp.status_code == 403, (user, url)
            assert resp.get_json()["code"] == "forbidden"
    resp = client.get("/api/v1/stats?by=x&year=abc", headers=coord)
    assert resp.status_code == 422
    assert {e["field"] for e in resp.get_json()["errors"]} == {"by", "year"}


def test_the_exports_download_with_their_chinese_names(client, token_for):
    """stats.xlsx is a workbook with the seven sheets; stats.csv is UTF-8 with a BOM."""
    headers = token_for("admin")
    resp = client.get("/api/v1/stats.xlsx?year=2021", headers=headers)
    assert resp.status_code == 200
    assert resp.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "filename*=UTF-8''" in resp.headers["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(resp.data))
    assert book.sheetnames[1:6] == ["按地区", "按单位", "按年度", "按类型", "按征集通知"]
    resp = client.get("/api/v1/stats.csv?year=2021&by=year", headers=headers)
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    assert resp.data.startswith("\ufeff".encode())


def test_the_page_equals_its_export(login_as, client, token_for):
    """The dashboard's table of a filter and the workbook's sheet of that view hold the
    same rows, cell for cell."""
    admin = login_as("admin")
    for by, sheet in (("region", "按地区"), ("unit", "按单位"), ("call", "按征集通知")):
        url = f"/stats?by={by}&region=331000&year=2021"
        table = _page_table(admin, url)
        resp = admin.get(url.replace("/stats?", "/stats/export.xlsx?"))
        assert resp.status_code == 200
        ws = openpyxl.load_workbook(io.BytesIO(resp.data))[sheet]
        header = [c.value for c in ws[1]][: len(table.head)]
        assert header[1:] == table.head[1:]  # the name column is titled for the view
        body = [[c.value for c in row][: len(table.head)] for row in ws.iter_rows(min_row=2)]
        body = body[: len(table.rows)]
        assert len(table.rows) == len(body) > 0
        for page_row, sheet_row in zip(table.rows, body, strict=True):
            as_text = []
            for head, value in zip(header, sheet_row, strict=True):
                if value is None:
                    as_text.append("—" if head == "平均推荐指数" else "")
                elif head == "平均推荐指数":
                    as_text.append(f"{value:.2f}")
                else:
                    as_text.append(str(value))
            page = [
                "" if c == "—" and h != "平均推荐指数" else c
                for h, c in zip(header, page_row, strict=True)
            ]
            assert page == as_text, (by, page_row)


def test_every_number_of_the_page_opens_a_list_of_as_many_rows(login_as):
    """Each linked number of the table (a sample of them) opens /stats/cases whose count
    and rows equal it."""
    coord = login_as("yingshangban")
    html = coord.get("/stats?year=2021").get_data(as_text=True)
    links = re.findall(r'<a href="(/stats/cases\?[^"]+)" data-figure="([a-z_]+)">(\d+)</a>', html)
    assert len(links) >= 10
    for href, _figure, value in links[:40]:
        page = coord.get(href.replace("&amp;", "&")).get_data(as_text=True)
        count = re.search(r'data-testid="figure-count">(\d+)<', page).group(1)
        rows = page.count("<tr><td>")
        assert int(count) == int(value) == rows, href


def test_the_nav_shows_statistics_to_coordinators_and_the_admin_only(login_as):
    """统计 is in the nav of those who may read statistics; the page is 403 for others."""
    assert 'data-testid="nav-stats"' in login_as("yingshangban").get("/").get_data(as_text=True)
    assert 'data-testid="nav-stats"' in login_as("admin").get("/").get_data(as_text=True)
    sub = login_as("tianbao")
    assert 'data-testid="nav-stats"' not in sub.get("/").get_data(as_text=True)
    assert sub.get("/stats").status_code == 403


def test_weights_by_form_and_by_api(login_as, client, token_for, lib):
    """The admin's form saves a version of this year's weights; the API shows it and
    adds the next; a coordinator cannot set weights (403); a past year is 409."""
    from library.stats.weights import beijing_year

    admin = login_as("admin")
    year = beijing_year()
    resp = admin.post(
        "/stats/weights",
        data={"csrf_token": csrf_of(admin), "year": str(year), "original": "5", "late": "-1"},
    )
    assert resp.status_code == 302
    page = admin.get(resp.headers["Location"]).get_data(as_text=True)
    assert f"{year} 年度计分权重已保存（第 1 版）" in page
    headers = token_for("admin")
    got = client.get("/api/v1/stats/weights", headers=headers).get_json()
    assert got["weights"]["version"] == 1 and got["weights"]["values"]["original"] == 5
    resp = client.put(
        "/api/v1/stats/weights", headers=headers, json={"values": {"times_borrowed": 2}}
    )
    assert resp.status_code == 200 and resp.get_json()["version"] == 2
    resp = client.put(
        "/api/v1/stats/weights", headers=headers, json={"year": 2021, "values": {"original": 1}}
    )
    assert resp.status_code == 409 and resp.get_json()["code"] == "weights_frozen"
    resp = client.put(
        "/api/v1/stats/weights", headers=token_for("yingshangban"), json={"values": {"original": 1}}
    )
    assert resp.status_code == 403
    resp = client.put("/api/v1/stats/weights", headers=headers, json={"values": {"x": 1}})
    assert resp.status_code == 422 and resp.get_json()["errors"][0]["code"] == "unknown"
    stats = client.get(f"/api/v1/stats?year={year}", headers=headers).get_json()
    assert stats["weights"]["version"] == 2
