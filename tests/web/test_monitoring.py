"""监测预警 on the web, on the demo library: the demo's data (the guide's sentence, every
state, rectifications with evidence, marked as 示例数据), the API contract (warnings,
one warning with its rectifications, recording one with several files, evidence bytes,
imports, indicators, 整改方式), the pages (map and list, a warning, 查看 and 下载, a
region, the import page), and the bridge to the case library."""

from __future__ import annotations

import io
import re
from urllib.parse import quote

import pytest
from sqlalchemy import select

from indexer import ocr_available
from tests.conftest import SAMPLE_TEXT, docx_bytes, pdf_bytes, valid_form
from tests.monitoring.conftest import SEED_SENTENCE, png_bytes, xlsx_bytes

from .conftest import csrf_of

ITEM_KEYS = {
    "id",
    "indicator",
    "group",
    "region_code",
    "region",
    "period",
    "value",
    "average",
    "best_region",
    "best_value",
    "rank",
    "rank_from_bottom",
    "of",
    "state",
    "explanation",
}
RECT_KEYS = {"id", "method", "description", "by", "at", "files"}
FILE_KEYS = {"id", "file_name", "size", "sha256"}
DEBT = "收回债务所需的时间"


def _warnings(client, headers, **params) -> list[dict]:
    resp = client.get("/api/v1/warnings", headers=headers, query_string=params)
    assert resp.status_code == 200, resp.get_json()
    return resp.get_json()["warnings"]


def _seed_warning(client, headers) -> dict:
    (w,) = _warnings(client, headers, region="330200", indicator=DEBT, period="2024")
    return w


def _three_files() -> dict[str, bytes]:
    return {
        "整改报告.docx": docx_bytes(["破产案件平均审理周期压缩至四个月。"], title="整改报告"),
        "工作通知.pdf": pdf_bytes(["关于建立企业破产处置府院联动机制的通知。"]),
        "现场照片.png": png_bytes(),
    }


def _multipart(files: dict[str, bytes], **fields) -> dict:
    return {**fields, "files": [(io.BytesIO(d), n) for n, d in files.items()]}


# -- the demo ---------------------------------------------------------------------------------


def test_the_demo_holds_the_guides_example_and_every_state(client, token_for):
    """宁波市's 收回债务所需的时间 of 2024 explains itself in the guide's words; the demo has
    warnings 待整改, 整改中 and 已整改 (closed, and by the next period), rectifications with
    evidence files, all marked as demo data."""
    headers = token_for("shiju")
    w = _seed_warning(client, headers)
    assert w["explanation"] == SEED_SENTENCE and w["state"] == "open" and w["demo"]
    everything = client.get("/api/v1/warnings", headers=headers).get_json()
    assert everything["demo"] is True
    items = everything["warnings"]
    assert {x["state"] for x in items} == {"open", "rectifying", "resolved"}
    assert {x["resolution"] for x in items if x["state"] == "resolved"} == {"closed", "next_period"}
    assert {x["region_code"][:4] for x in items} >= {"3302", "3310"}
    worked = [x for x in items if x["rectification_count"]]
    assert len(worked) >= 3
    detail = client.get(f"/api/v1/warnings/{worked[0]['id']}", headers=headers).get_json()
    assert detail["rectifications"] and detail["rectifications"][0]["files"]
    assert {"2023", "2024"} == {x["period"] for x in items}


def test_the_warned_citys_accounts_were_notified_in_the_demo(client, token_for):
    notes = client.get("/api/v1/notifications", headers=token_for("ningbo")).get_json()["items"]
    assert any(n["kind"] == "warning" and "宁波市" in n["title"] for n in notes)


# -- the API ----------------------------------------------------------------------------------


def test_the_list_has_the_documented_items_and_filters(client, token_for):
    headers = token_for("tianbao")
    items = _warnings(client, headers)
    assert items and all(ITEM_KEYS <= set(i) for i in items)
    assert all(
        i["region_code"].startswith("3302") for i in _warnings(client, headers, region="330200")
    )
    assert {i["indicator"] for i in _warnings(client, headers, indicator="收回债务所需时间")} == {
        DEBT
    }
    assert {i["group"] for i in _warnings(client, headers, group="办理破产")} == {"办理破产"}
    assert {i["period"] for i in _warnings(client, headers, period="2023")} == {"2023"}
    assert {i["state"] for i in _warnings(client, headers, state="resolved")} == {"resolved"}
    resp = client.get(
        "/api/v1/warnings", headers=headers, query_string={"region": "99", "state": "x"}
    )
    assert resp.status_code == 422
    assert {e["field"] for e in resp.get_json()["errors"]} == {"region", "state"}


def test_a_warning_has_its_rectifications_and_files(client, token_for):
    headers = token_for("shiju")
    worked = [x for x in _warnings(client, headers) if x["rectification_count"]][0]
    body = client.get(f"/api/v1/warnings/{worked['id']}", headers=headers).get_json()
    assert ITEM_KEYS <= set(body)
    assert all(RECT_KEYS <= set(r) for r in body["rectifications"])
    assert all(FILE_KEYS <= set(f) for r in body["rectifications"] for f in r["files"])
    assert body["trend_series"] and body["history"][0]["action"] == "raise"
    resp = client.get("/api/v1/warnings/999999", headers=headers)
    assert resp.status_code == 404 and resp.get_json()["code"] == "warning_not_found"


def test_posting_a_rectification_with_three_files_and_reading_them_back(client, token_for, lib):
    """POST multipart → 201 with the files; each file comes back byte for byte with its
    Chinese name; the warning is now 整改中."""
    headers = token_for("ningbo")
    w = _seed_warning(client, headers)
    files = _three_files()
    resp = client.post(
        f"/api/v1/warnings/{w['id']}/rectifications",
        headers=headers,
        content_type="multipart/form-data",
        data=_multipart(files, method="流程再造", description="建立府院联动机制"),
    )
    body = resp.get_json()
    assert resp.status_code == 201, body
    assert RECT_KEYS <= set(body) and body["method"] == "流程再造" and body["by"] == "ningbo"
    assert [f["file_name"] for f in body["files"]] == list(files)
    for f in body["files"]:
        got = client.get(f"/api/v1/evidence/{f['id']}/file", headers=headers)
        assert got.status_code == 200 and got.data == files[f["file_name"]]
        assert f"filename*=UTF-8''{quote(f['file_name'])}" in got.headers["Content-Disposition"]
        assert got.headers["X-Content-Type-Options"] == "nosniff"
    assert _seed_warning(client, headers)["state"] == "rectifying"


def test_bad_evidence_is_422_per_file_and_stores_nothing(client, token_for, lib):
    from library.models import EvidenceFile

    headers = token_for("ningbo")
    w = _seed_warning(client, headers)
    with lib.db.session() as s:
        before = len(list(s.scalars(select(EvidenceFile.id))))
    files = {**_three_files(), "伪装.docx": pdf_bytes(["其实是 PDF"]), "病毒.exe": b"MZ\x90"}
    resp = client.post(
        f"/api/v1/warnings/{w['id']}/rectifications",
        headers=headers,
        content_type="multipart/form-data",
        data=_multipart(files, method="流程再造"),
    )
    assert resp.status_code == 422
    assert [(e["field"], e["code"]) for e in resp.get_json()["errors"]] == [
        ("files[3]", "content_mismatch"),
        ("files[4]", "unsupported_format"),
    ]
    with lib.db.session() as s:
        assert len(list(s.scalars(select(EvidenceFile.id)))) == before
    assert _seed_warning(client, headers)["state"] == "open"


def test_another_regions_unit_may_not_rectify(client, token_for):
    w = _seed_warning(client, token_for("ningbo"))
    resp = client.post(
        f"/api/v1/warnings/{w['id']}/rectifications",
        headers=token_for("tianbao"),
        content_type="multipart/form-data",
        data=_multipart(_three_files(), method="其他"),
    )
    assert resp.status_code == 403 and resp.get_json()["code"] == "out_of_scope"
    assert "监测预警" in resp.get_json()["message"]


def test_closing_through_the_api(client, token_for):
    w = _seed_warning(client, token_for("ningbo"))
    assert (
        client.post(
            f"/api/v1/warnings/{w['id']}/close", headers=token_for("yingshangban"), json={}
        ).status_code
        == 403
    )
    resp = client.post(
        f"/api/v1/warnings/{w['id']}/close", headers=token_for("ningbo"), json={"note": "核查通过"}
    )
    assert resp.status_code == 200 and resp.get_json()["state"] == "resolved"
    again = client.post(f"/api/v1/warnings/{w['id']}/close", headers=token_for("admin"), json={})
    assert again.status_code == 409 and again.get_json()["code"] == "warning_resolved"


def test_importing_values_through_the_api(client, token_for):
    """JSON rows (numbered 第 N 条) and a file; bad rows are 422 with nothing stored; only
    the admin imports."""
    admin = token_for("admin")
    rows = [
        {"period": "2025", "region_code": "330200", "indicator": DEBT, "value": 1.5},
        {"period": "2025", "region_code": "339999", "indicator": DEBT, "value": 1},
    ]
    resp = client.post("/api/v1/indicator-values", headers=admin, json={"rows": rows})
    assert resp.status_code == 422
    body = resp.get_json()
    assert body["code"] == "import_rejected"
    assert (
        body["errors"][0]["message"] == "第 2 条：未知的地区“339999”"
        and body["errors"][0]["row"] == 2
    )
    resp = client.post(
        "/api/v1/indicator-values", headers=admin, json={"rows": rows, "skip_bad_rows": True}
    )
    assert resp.status_code == 201 and resp.get_json()["imported"] == 1
    data = xlsx_bytes(
        [["period", "region_code", "indicator", "value"], ["2025", "330500", DEBT, 0.4]]
    )
    resp = client.post(
        "/api/v1/indicator-values",
        headers=admin,
        content_type="multipart/form-data",
        data={"file": (io.BytesIO(data), "数值.xlsx")},
    )
    assert resp.status_code == 201 and resp.get_json()["added"] == 1
    resp = client.post("/api/v1/indicator-values", headers=token_for("ningbo"), json={"rows": rows})
    assert resp.status_code == 403


def test_indicators_and_methods_through_the_api(client, token_for):
    admin = token_for("admin")
    groups = client.get("/api/v1/indicators", headers=token_for("shiju")).get_json()["groups"]
    assert len(groups) == 18
    resp = client.post(
        "/api/v1/indicators",
        headers=admin,
        json={"name": DEBT, "warning_line": 3.5, "warning_bottom": None},
    )
    assert resp.status_code == 200 and resp.get_json()["warning_line"] == 3.5
    resp = client.post("/api/v1/indicators", headers=admin, json={"name": "新指标"})
    assert resp.status_code == 422
    assert (
        client.post(
            "/api/v1/indicators", headers=token_for("ningbo"), json={"name": DEBT}
        ).status_code
        == 403
    )
    names = [
        m["name"]
        for m in client.get("/api/v1/rectification-methods", headers=admin).get_json()["methods"]
    ]
    assert names == ["制度完善", "流程再造", "数字化改革", "借鉴先进案例", "其他"]
    added = client.post("/api/v1/rectification-methods", headers=admin, json={"name": "监管优化"})
    assert added.status_code == 201
    resp = client.patch(
        f"/api/v1/rectification-methods/{added.get_json()['id']}",
        headers=admin,
        json={"active": False},
    )
    assert resp.status_code == 200 and resp.get_json()["active"] is False
    assert (
        client.post(
            "/api/v1/rectification-methods", headers=token_for("ningbo"), json={"name": "x"}
        ).status_code
        == 403
    )


def test_the_map_and_a_regions_figures_through_the_api(client, token_for):
    headers = token_for("shiju")
    cities = client.get("/api/v1/monitoring/map", headers=headers).get_json()["cities"]
    assert len(cities) == 11 and sum(c["unresolved"] for c in cities) > 0
    region = client.get("/api/v1/monitoring/regions/330200", headers=headers).get_json()
    assert region["period"] == "2024" and len(region["indicators"]) == 7


# -- the pages --------------------------------------------------------------------------------


def test_the_map_page_lists_and_filters(login_as):
    c = login_as("ningbo")
    html = c.get("/monitoring").get_data(as_text=True)
    assert 'id="map-data"' in html and "vendor/echarts/echarts.min.js" in html
    assert "vendor/echarts-maps/zhejiang.json" in html
    assert "示例数据" in html and "预警说明" in html and "整改举措" in html and "详情" in html
    html = c.get("/monitoring?region=330200").get_data(as_text=True)
    assert set(re.findall(r'<h3><a href="/monitoring/warnings/\d+">(.+?) · ', html)) == {"宁波市"}
    assert SEED_SENTENCE in html  # in the 预警说明 button's data, for the dialog
    resp = c.get("/monitoring?indicator=不存在")
    assert resp.status_code == 422 and "未知的指标" in resp.get_data(as_text=True)


def test_only_the_warned_regions_accounts_see_the_rectify_button(login_as, client, token_for):
    w = _seed_warning(client, token_for("ningbo"))
    mine = login_as("ningbo").get("/monitoring?region=330200").get_data(as_text=True)
    other = login_as("tianbao").get("/monitoring?region=330200").get_data(as_text=True)
    assert f'data-rectify="/monitoring/warnings/{w["id"]}/rectifications"' in mine
    assert "data-rectify=" not in other


def test_the_dialog_posts_by_fetch_and_gets_json(login_as, client, token_for):
    """The list's dialog sends the form by fetch (CSRF header): 201 JSON with 上传成功;
    errors are JSON too; without the CSRF token nothing is stored."""
    w = _seed_warning(client, token_for("ningbo"))
    c = login_as("ningbo")
    url = f"/monitoring/warnings/{w['id']}/rectifications"
    headers = {"X-CSRF-Token": csrf_of(c), "X-Requested-With": "fetch"}
    resp = c.post(url, headers=headers, data=_multipart(_three_files(), method="制度完善"))
    assert resp.status_code == 201 and resp.get_json()["message"].startswith("上传成功")
    assert resp.get_json()["warning_state"] == "rectifying"
    resp = c.post(url, headers=headers, data={"method": ""})
    assert resp.status_code == 422 and {e["field"] for e in resp.get_json()["errors"]} == {
        "method",
        "files",
    }
    resp = c.post(
        url, headers={"X-Requested-With": "fetch"}, data=_multipart(_three_files(), method="其他")
    )
    assert resp.status_code == 400 and resp.get_json()["code"] == "csrf_failed"


def test_the_page_form_redirects_to_the_details(login_as, client, token_for):
    w = _seed_warning(client, token_for("ningbo"))
    c = login_as("ningbo")
    resp = c.post(
        f"/monitoring/warnings/{w['id']}/rectifications",
        data=_multipart(_three_files(), method="其他", csrf_token=csrf_of(c)),
    )
    assert resp.status_code == 302 and resp.headers["Location"].endswith("#details")
    html = c.get(resp.headers["Location"].split("#")[0]).get_data(as_text=True)
    assert "上传成功" in html and html.count('data-testid="evidence-row"') == 3
    for name in _three_files():
        assert name in html


def test_a_warning_page_has_its_explanation_trend_details_and_cases(login_as, client, token_for):
    w = _seed_warning(client, token_for("ningbo"))
    html = login_as("ningbo").get(f"/monitoring/warnings/{w['id']}").get_data(as_text=True)
    assert SEED_SENTENCE in html
    assert 'id="trend-data"' in html and "较上期变好" in html  # 2.30 → 2.00
    assert 'id="rectify"' in html and 'id="details"' in html
    assert "整改销号" in html  # ningbo is 宁波市营商办
    suggested = re.search(r'data-testid="suggested">(.*?)</section>', html, re.S).group(1)
    assert "府院联动" in suggested
    assert "宁波市" not in suggested  # other regions only


def test_evidence_pages_preview_each_kind_and_download_byte_for_byte(login_as, client, token_for):
    headers = token_for("ningbo")
    w = _seed_warning(client, headers)
    files = {
        **_three_files(),
        "台账.xlsx": xlsx_bytes([["事项", "完成情况"], ["府院联动", "已完成"]]),
    }
    body = client.post(
        f"/api/v1/warnings/{w['id']}/rectifications",
        headers=headers,
        content_type="multipart/form-data",
        data=_multipart(files, method="其他"),
    ).get_json()
    ids = {f["file_name"]: f["id"] for f in body["files"]}
    c = login_as("shiju")
    word = c.get(f"/monitoring/evidence/{ids['整改报告.docx']}").get_data(as_text=True)
    assert "平均审理周期压缩至四个月" in word
    pdf = c.get(f"/monitoring/evidence/{ids['工作通知.pdf']}").get_data(as_text=True)
    assert "data-pdf-viewer" in pdf and "pdfviewer.js" in pdf
    photo = c.get(f"/monitoring/evidence/{ids['现场照片.png']}").get_data(as_text=True)
    assert f'src="/monitoring/evidence/{ids["现场照片.png"]}/file?inline=1"' in photo
    sheet = c.get(f"/monitoring/evidence/{ids['台账.xlsx']}").get_data(as_text=True)
    assert "<table" in sheet and "已完成" in sheet
    for name, data in files.items():
        got = c.get(f"/monitoring/evidence/{ids[name]}/file")
        assert got.data == data and "attachment" in got.headers["Content-Disposition"]
    inline = c.get(f"/monitoring/evidence/{ids['工作通知.pdf']}/file?inline=1")
    assert inline.headers["Content-Disposition"].startswith("inline")
    assert c.get(f"/monitoring/evidence/{ids['整改报告.docx']}/file?inline=1").status_code == 404


def test_a_regions_page_and_the_import_page(login_as):
    html = login_as("ningbo").get("/monitoring/regions/330200").get_data(as_text=True)
    assert 'id="region-data"' in html and "收回债务所需的时间" in html and "超出预警线" in html
    assert login_as("ningbo").get("/monitoring/import").status_code == 403
    admin = login_as("admin")
    assert "period,region_code,indicator,value" in admin.get("/monitoring/import").get_data(
        as_text=True
    )
    resp = admin.post(
        "/monitoring/import",
        data={
            "csrf_token": csrf_of(admin),
            "file": (io.BytesIO(b"period,region_code,indicator,value\n2025,339999,x,1\n"), "v.csv"),
        },
    )
    assert resp.status_code == 422
    assert "第 2 行：未知的地区“339999”；未知的指标“x”" in resp.get_data(as_text=True)


def test_evidence_text_is_searchable_on_the_list_page(login_as, client, token_for):
    headers = token_for("ningbo")
    w = _seed_warning(client, headers)
    client.post(
        f"/api/v1/warnings/{w['id']}/rectifications",
        headers=headers,
        content_type="multipart/form-data",
        data=_multipart(_three_files(), method="其他"),
    )
    html = login_as("shiju").get("/monitoring?q=平均审理周期").get_data(as_text=True)
    assert html.count('data-testid="warning-row"') == 1 and 'data-testid="evidence-hit"' in html


# -- the bridge to the case library -----------------------------------------------------------


def test_a_rectification_case_names_the_warning_it_answers(client, token_for, login_as, lib):
    """A 整改借鉴 case with warning_id is stored with the link, shown on the case page and
    the warning's page; a missing warning or another case type is refused."""
    from library.models import Case

    headers = token_for("ningbo")
    w = _seed_warning(client, headers)
    with lib.db.session() as s:
        borrowed = s.scalar(select(Case.case_no).where(Case.name.like("%府院联动%常态化%")))
    form = valid_form(
        name="借鉴府院联动机制整改收回债务时间长问题",
        theme="办理破产",
        case_type="rectification_borrowed",
        borrowed_from=borrowed,
        region_code="330200",
        warning_id=str(w["id"]),
    )
    doc = docx_bytes(SAMPLE_TEXT + ["整改借鉴：府院联动。"], title="整改借鉴")
    resp = client.post(
        "/api/v1/cases",
        headers=headers,
        content_type="multipart/form-data",
        data={**form, "confirm_near_duplicate": "1", "file": (io.BytesIO(doc), "整改借鉴.docx")},
    )
    body = resp.get_json()
    assert resp.status_code == 201, body
    assert body["warning_id"] == w["id"]
    case_html = login_as("ningbo").get(f"/cases/{body['case_no']}").get_data(as_text=True)
    assert f'href="/monitoring/warnings/{w["id"]}"' in case_html and "所整改的监测预警" in case_html
    page = login_as("ningbo").get(f"/monitoring/warnings/{w['id']}").get_data(as_text=True)
    answering = re.search(r'data-testid="answering">(.*?)</section>', page, re.S).group(1)
    assert "借鉴府院联动机制整改收回债务时间长问题" in answering

    for extra, field_code in (
        ({"warning_id": "999999"}, "not_found"),
        ({"warning_id": str(2**70)}, "out_of_range"),  # past what the database can hold
        ({"case_type": "original", "borrowed_from": None}, "not_allowed"),
        ({"warning_id": "abc"}, "invalid_type"),
    ):
        bad = {**form, **extra, "name": "另一个案例"}
        bad = {k: v for k, v in bad.items() if v is not None}
        resp = client.post(
            "/api/v1/cases",
            headers=headers,
            content_type="multipart/form-data",
            data={**bad, "file": (io.BytesIO(docx_bytes(["另一份。"])), "另一份.docx")},
        )
        assert resp.status_code == 422, extra
        assert {e["field"]: e["code"] for e in resp.get_json()["errors"]}.get(
            "warning_id"
        ) == field_code


def test_the_upload_form_is_prefilled_from_a_warning(login_as, client, token_for):
    w = _seed_warning(client, token_for("ningbo"))
    html = (
        login_as("ningbo")
        .get(f"/upload?case_type=rectification_borrowed&warning={w['id']}")
        .get_data(as_text=True)
    )
    assert f'name="warning_id" id="warning_id" value="{w["id"]}"' in html
    assert "宁波市 · 收回债务所需的时间（2024年）" in html
    # A link's number past what the database holds, or not ASCII digits, is no warning:
    # the form opens without one.
    for ref in (str(2**70), "²", "-1"):
        resp = login_as("ningbo").get(f"/upload?warning={ref}&call={ref}")
        assert resp.status_code == 200, ref
        assert 'name="warning_id" id="warning_id" value=""' in resp.get_data(as_text=True)


@pytest.mark.skipif(not ocr_available(), reason="OCRmyPDF or chi_sim is missing")
@pytest.mark.slow
def test_a_scanned_evidence_file_shows_识别中_then_its_ocr_pdf_and_is_found(
    login_as, client, token_for, lib
):
    """The warning page says 识别中 for a scan until its job ran; then the list page finds
    the warning by a word on the scan's page and 查看 reads the OCR'd PDF."""
    from library.jobs.runner import run_pending
    from tests.indexer.scans import scanned

    headers = token_for("ningbo")
    w = _seed_warning(client, headers)
    scan = scanned(pdf_bytes(["推行破产案件繁简分流，简易案件实行快速审理。"]))
    body = client.post(
        f"/api/v1/warnings/{w['id']}/rectifications",
        headers=headers,
        content_type="multipart/form-data",
        data=_multipart({"盖章报告.pdf": scan}, method="其他"),
    ).get_json()
    (f,) = body["files"]
    assert f["pending"] is True
    c = login_as("shiju")
    page = c.get(f"/monitoring/warnings/{w['id']}").get_data(as_text=True)
    assert 'data-testid="ocr-pending"' in page and "识别中" in page

    run_pending(lib)
    page = c.get(f"/monitoring/warnings/{w['id']}").get_data(as_text=True)
    assert 'data-testid="ocr-pending"' not in page
    html = c.get("/monitoring?q=繁简分流").get_data(as_text=True)
    assert html.count('data-testid="warning-row"') == 1 and 'data-testid="evidence-hit"' in html
    view = c.get(f"/monitoring/evidence/{f['id']}").get_data(as_text=True)
    assert f'data-src="/monitoring/evidence/{f["id"]}/pdf"' in view
    pdf = c.get(f"/monitoring/evidence/{f['id']}/pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF") and pdf.data != scan
    assert c.get(f"/monitoring/evidence/{f['id']}/file").data == scan
