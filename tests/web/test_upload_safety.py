"""Uploads that must not get in, or not as sent: macro-enabled Word files, names with
folders in them, empty files, files over the limit (the form keeps what was typed); and
the staged copies kept between two round trips of a form (capped per user, cleaned)."""

from __future__ import annotations

import io
import os
import re
import time

import pytest
from sqlalchemy import func, select

from tests.conftest import SAMPLE_TEXT, docm_bytes, docx_bytes, valid_form

from .conftest import audit_actions, case_by_name, csrf_of, login

EVIL = "..\\..\\windows\\evil.docx"


@pytest.fixture
def c(client):
    return login(client, "tianbao")


def wire(name: str) -> str:
    """A file name as a client sends it in Content-Disposition: backslashes escaped (the
    server reads a quoted string; a bare backslash would escape the next character)."""
    return name.replace("\\", "\\\\")


def multipart(fields: dict) -> dict:
    """The body made up front (no spooled temporary file left open by the test client for
    large bodies); file fields are (bytes, name)."""
    from werkzeug.datastructures import FileStorage, MultiDict
    from werkzeug.test import encode_multipart

    values = MultiDict()
    for k, v in fields.items():
        for item in v if isinstance(v, list) else [v]:
            if isinstance(item, tuple):
                item = FileStorage(io.BytesIO(item[0]), filename=wire(item[1]), name=k)
            values.add(k, item)
    boundary, body = encode_multipart(values)
    return {"data": body, "content_type": f"multipart/form-data; boundary={boundary}"}


def post_form(c, form: dict, file: tuple[bytes, str] | None = None, url="/upload", **extra):
    data = {**form, **extra, "csrf_token": csrf_of(c)}
    if file is not None:
        data["file"] = file
    return c.post(url, **multipart(data))


def api_post(client, headers, form: dict, file: tuple[bytes, str]):
    data = {k: (",".join(v) if isinstance(v, list) else v) for k, v in form.items()}
    data["file"] = file
    return client.post("/api/v1/cases", headers=headers, **multipart(data))


def field_codes(html: str) -> dict[str, str]:
    return dict(
        re.findall(r'<p class="field-error" data-field="([^"]+)" data-code="([^"]+)"', html)
    )


def _cases(lib) -> int:
    from library.models import Case

    with lib.db.session() as s:
        return s.scalar(select(func.count()).select_from(Case))


# -- macro-enabled Word files ------------------------------------------------------------------


def test_a_docm_renamed_docx_is_refused_with_its_own_code(client, c, lib, token_for):
    """A macro-enabled document called .docx is refused (macro_enabled) by the API, the
    form and the file check of the form, and nothing is stored; so is one called .docm."""
    data = docm_bytes(SAMPLE_TEXT + ["宏样例。"])
    before = _cases(lib)
    resp = api_post(client, token_for("tianbao"), valid_form(name="宏文档"), (data, "案例.docx"))
    assert resp.status_code == 422
    assert {e["field"]: e["code"] for e in resp.get_json()["errors"]}["file"] == "macro_enabled"

    resp = post_form(c, valid_form(name="宏文档"), (data, "案例.docx"))
    assert resp.status_code == 422 and field_codes(resp.get_data(as_text=True))["file"] == (
        "macro_enabled"
    )
    resp = post_form(c, valid_form(name="宏文档"), (data, "案例.docm"))
    assert field_codes(resp.get_data(as_text=True))["file"] == "macro_enabled"

    resp = c.post(
        "/upload/inspect", **multipart({"file": (data, "案例.docx"), "csrf_token": csrf_of(c)})
    )
    assert resp.status_code == 422 and resp.get_json()["errors"][0]["code"] == "macro_enabled"
    assert _cases(lib) == before
    assert case_by_name(lib, "宏文档") is None


def test_a_macro_enabled_call_attachment_is_refused(client, token_for):
    """A call's attachments are served to every target unit: no macros there either."""
    resp = client.post(
        "/api/v1/calls",
        **multipart(
            {
                "title": "关于报送案例的通知",
                "deadline": "2099-12-13T15:00:00+08:00",
                "attachments": (docm_bytes(["附件"]), "附件1 申报表.docx"),
                "target_region": "331000",
            }
        ),
        headers=token_for("yingshangban"),
    )
    assert resp.status_code == 422
    assert "macro_enabled" in {e["code"] for e in resp.get_json()["errors"]}


# -- file names ----------------------------------------------------------------------------


def test_a_name_with_folders_is_stored_and_served_as_its_base_name(client, lib, token_for):
    """`..\\..\\windows\\evil.docx` is stored, listed and downloaded as evil.docx."""
    headers = token_for("tianbao")
    data = docx_bytes(SAMPLE_TEXT + ["文件名样例一。"])
    resp = api_post(client, headers, valid_form(name="文件名样例一"), (data, EVIL))
    assert resp.status_code == 201, resp.get_json()
    body = resp.get_json()
    assert body["file"]["name"] == "evil.docx"
    case = case_by_name(lib, "文件名样例一")
    with lib.db.session() as s:
        from library.models import DocumentVersion

        names = set(
            s.scalars(
                select(DocumentVersion.original_name).where(DocumentVersion.case_id == case.id)
            )
        )
    assert names == {"evil.docx"}
    resp = client.get(f"/api/v1/cases/{case.case_no}/file", headers=headers)
    assert resp.status_code == 200 and resp.data == data
    disposition = resp.headers["Content-Disposition"]
    assert "evil.docx" in disposition and "windows" not in disposition and ".." not in disposition
    assert audit_actions(lib, "case.create")[-1].detail["file"] == "evil.docx"


def test_a_staged_upload_keeps_only_the_base_name(c, lib):
    """A form sent back with errors keeps the file under its base name, and the case saved
    from the kept file has that name."""
    data = docx_bytes(SAMPLE_TEXT + ["文件名样例二。"])
    resp = post_form(c, valid_form(name="文件名样例二", summary=None), (data, "C:\\x\\..\\y.docx"))
    assert resp.status_code == 422
    html = resp.get_data(as_text=True)
    token = re.search(r'name="upload_token" value="([^"]+)"', html).group(1)
    assert "已选择文件：y.docx" in html
    resp = post_form(c, valid_form(name="文件名样例二"), upload_token=token)
    assert resp.status_code == 302, resp.get_data(as_text=True)[:1000]
    with lib.db.session() as s:
        from library.cases.read import get_case

        assert get_case(s, case_by_name(lib, "文件名样例二").case_no).document.original_name == (
            "y.docx"
        )


def test_a_call_attachment_keeps_only_the_base_name(client, token_for):
    """Attachments too: no folders, no drive, whatever the separators."""
    resp = client.post(
        "/api/v1/calls",
        **multipart(
            {
                "title": "关于报送案例的通知（附件名）",
                "deadline": "2099-12-13T15:00:00+08:00",
                "attachments": (b"%PDF-1.4 notice", "..\\../C:evil notice.pdf"),
                "target_region": "331000",
            }
        ),
        headers=token_for("yingshangban"),
    )
    assert resp.status_code == 201, resp.get_json()
    assert [a["file_name"] for a in resp.get_json()["attachments"]] == ["C_evil notice.pdf"]


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        (EVIL, "evil.docx"),
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\x\\案例.docx", "案例.docx"),
        ("C:案例.docx", "C_案例.docx"),
        ("a\u202excod.exe.docx", "axcod.exe.docx"),
        ("CON.docx", "_CON.docx"),
        ("..", "文件"),
        ("  .docx  ", "docx"),
        ("名" * 300 + ".docx", "名" * 250 + ".docx"),
        ("营商环境 案例（2024）.docx", "营商环境 案例（2024）.docx"),
    ],
)
def test_safe_name_is_a_base_name_on_every_platform(raw, safe):
    """Every platform's separators, drives, control and direction characters, Windows
    device names, over-long names."""
    from library.storage.files import safe_name

    assert safe_name(raw) == safe


def test_ingest_stores_a_base_name_too(tmp_path, fresh_lib):
    """A file whose own name has backslashes (legal on Linux) is ingested as its base."""
    from library.cases.ingest import ingest
    from library.models import Document

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a\\b\\企业开办.docx").write_bytes(docx_bytes(SAMPLE_TEXT + ["导入样例。"]))
    report = ingest(fresh_lib, [folder])
    assert len(report.added) == 1, report.as_dict()
    with fresh_lib.db.session() as s:
        assert list(s.scalars(select(Document.original_name))) == ["企业开办.docx"]


# -- empty files ----------------------------------------------------------------------------


def test_an_empty_file_is_reported_as_empty(client, c, lib, token_for):
    """Zero bytes: empty_file, by the API, the form and the form's file check (not
    "required", not "no text")."""
    resp = api_post(client, token_for("tianbao"), valid_form(name="空文件"), (b"", "案例.docx"))
    assert resp.status_code == 422
    assert {e["field"]: e["code"] for e in resp.get_json()["errors"]}["file"] == "empty_file"
    resp = post_form(c, valid_form(name="空文件"), (b"", "案例.docx"))
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422 and field_codes(html)["file"] == "empty_file"
    assert "空的" in html
    resp = c.post(
        "/upload/inspect", **multipart({"file": (b"", "案例.pdf"), "csrf_token": csrf_of(c)})
    )
    assert resp.status_code == 422 and resp.get_json()["errors"][0]["code"] == "empty_file"
    assert case_by_name(lib, "空文件") is None


def test_an_empty_call_attachment_is_reported_as_empty(client, token_for):
    """An empty attachment is an error, not silently left out."""
    resp = client.post(
        "/api/v1/calls",
        **multipart(
            {
                "title": "关于报送案例的通知（空附件）",
                "deadline": "2099-12-13T15:00:00+08:00",
                "attachments": (b"", "附件.pdf"),
                "target_region": "331000",
            }
        ),
        headers=token_for("yingshangban"),
    )
    assert resp.status_code == 422
    assert [e["code"] for e in resp.get_json()["errors"]] == ["empty_file"]


# -- over-large uploads ----------------------------------------------------------------------


@pytest.fixture
def small_app(home):
    """The app with a 1 MB upload limit."""
    from web import create_app

    app = create_app(
        {"CASELIB": {"home": str(home), "ingest_workers": 1, "max_upload_mb": 1}, "CASELIB_ENV": {}}
    )
    yield app
    app.extensions["caselib"].close()


def _over(limit_mb: int = 1) -> bytes:
    return b"PK\x03\x04" + os.urandom(limit_mb * 1024 * 1024)


def test_an_over_large_upload_answers_the_form_with_every_typed_field(small_app):
    """A file over CASELIB_MAX_UPLOAD_MB sent by the form: 413 with the form again, every
    typed field in it and too_large on the file; nothing stored, nothing staged."""
    from library.cases import staging

    lib = small_app.extensions["caselib"]
    c = login(small_app.test_client(), "tianbao")
    before = _cases(lib)
    form = valid_form(name="超大文件的案例", summary="这是一段保留下来的摘要。")
    resp = post_form(c, form, (_over(), "大文件.docx"))
    html = resp.get_data(as_text=True)
    assert resp.status_code == 413
    assert field_codes(html) == {"file": "too_large"}
    assert "超过 1 MB" in html and "其他内容已保留" in html
    assert 'value="超大文件的案例"' in html and "这是一段保留下来的摘要。" in html
    assert 'value="13800001234"' in html
    assert _cases(lib) == before
    with lib.db.session() as s:
        from library.models import User

        uid = s.scalar(select(User.id).where(User.username == "tianbao"))
    assert staging.staged_files(lib, uid) == []


def test_an_over_large_call_attachment_keeps_the_call_form(small_app):
    """发布征集通知 with an attachment over the limit: the title and notice come back."""
    c = login(small_app.test_client(), "yingshangban")
    resp = c.post(
        "/calls/new",
        **multipart(
            {
                "csrf_token": csrf_of(c),
                "title": "关于报送案例的通知（大附件）",
                "notice": "请各单位按时报送。",
                "deadline": "2099-12-13T15:00",
                "attachments": (_over(), "附件.pdf"),
            }
        ),
    )
    html = resp.get_data(as_text=True)
    assert resp.status_code == 413
    assert "关于报送案例的通知（大附件）" in html and "请各单位按时报送。" in html
    assert field_codes(html) == {"attachments": "too_large"}


def test_far_too_large_a_body_is_refused_before_it_is_read(small_app):
    """Beyond twice the limit the body is not read at all: the plain 413 page."""
    c = login(small_app.test_client(), "tianbao")
    resp = post_form(c, valid_form(), (_over(3), "大文件.docx"))
    assert resp.status_code == 413
    assert "上传的文件过大" in resp.get_data(as_text=True)


def test_the_api_refuses_an_over_large_upload(small_app):
    """Scripts get too_large: a 422 field error just over the limit, 413 far over it."""
    client = small_app.test_client()
    token = client.post("/api/v1/token", json={"username": "tianbao", "password": "demo-2021"})
    headers = {"Authorization": "Bearer " + token.get_json()["token"]}
    resp = api_post(client, headers, valid_form(), (_over(), "大文件.docx"))
    assert resp.status_code == 422
    assert {e["field"]: e["code"] for e in resp.get_json()["errors"]}["file"] == "too_large"
    resp = api_post(client, headers, valid_form(), (_over(2), "大文件.docx"))
    assert resp.status_code == 413 and resp.get_json()["code"] == "too_large"


# -- staged uploads ----------------------------------------------------------------------------


def test_inspected_files_are_capped_per_user(c, lib):
    """Choosing file after file in the form keeps at most three of them per user, the
    newest; another user's are untouched."""
    from library.cases import staging
    from library.cases.submit import Upload
    from library.models import User

    with lib.db.session() as s:
        uid = s.scalar(select(User.id).where(User.username == "tianbao"))
        other = s.scalar(select(User.id).where(User.username == "admin"))
    theirs = staging.stage_upload(lib, Upload("别人的.docx", b"x" * 10), other)
    tokens = []
    for i in range(5):
        resp = c.post(
            "/upload/inspect",
            **multipart(
                {
                    "file": (docx_bytes([f"第{i}份草稿。"]), f"草稿{i}.docx"),
                    "csrf_token": csrf_of(c),
                }
            ),
        )
        assert resp.status_code == 200
        tokens.append(resp.get_json()["upload_token"])
    assert staging.staged_files(lib, uid) == sorted(tokens[-3:])
    assert staging.staged_upload(lib, tokens[-1], uid).filename == "草稿4.docx"
    assert staging.staged_upload(lib, tokens[0], uid) is None
    assert staging.staged_upload(lib, theirs, other).filename == "别人的.docx"
    assert staging.staged_upload(lib, theirs, uid) is None


def test_staged_bytes_are_capped_per_user(fresh_lib):
    """At most two uploads' worth of bytes per user: older files go first."""
    from library.cases import staging
    from library.cases.submit import Upload

    big = fresh_lib.settings.max_upload_mb * 1024 * 1024 * 9 // 10
    first = staging.stage_upload(fresh_lib, Upload("一.pdf", b"1" * big), 7)
    second = staging.stage_upload(fresh_lib, Upload("二.pdf", b"2" * big), 7)
    third = staging.stage_upload(fresh_lib, Upload("三.pdf", b"3" * big), 7)
    assert staging.staged_files(fresh_lib, 7) == sorted([second, third])
    assert staging.staged_upload(fresh_lib, first, 7) is None


def test_expired_staged_uploads_are_removed(fresh_lib):
    """A staged upload older than STAGE_SECONDS is gone: not readable, and deleted from
    disk when anything is staged next (by anyone)."""
    from library.cases import staging
    from library.cases.submit import Upload

    old = staging.stage_upload(fresh_lib, Upload("旧.pdf", b"old"), 1)
    d = staging.staging_root(fresh_lib) / "1"
    past = time.time() - staging.STAGE_SECONDS - 60
    for p in d.iterdir():
        os.utime(p, (past, past))
    assert staging.staged_upload(fresh_lib, old, 1) is None
    staging.stage_upload(fresh_lib, Upload("新.pdf", b"new"), 2)
    assert not list(d.glob(f"{old}.*"))
