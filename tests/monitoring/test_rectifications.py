"""整改举措: several evidence files at once (Word, PDF, Excel, images; a scan without text),
stored byte for byte with their text, many times over; bad files refused each with its
own error and nothing half-stored; who may record; the 整改方式 vocabulary."""

from __future__ import annotations

import io
import zipfile

import pytest
from sqlalchemy import func, select

from library.accounts.audit import Actor
from library.errors import Conflict, Forbidden, ValidationFailed
from library.models import AuditEvent, EvidenceFile, Rectification, WarningEvent
from library.monitoring import evidence, methods, rectifications, warnings
from library.monitoring.evidence import EvidenceUpload
from tests.conftest import docx_bytes, pdf_bytes

from .conftest import (
    EVIDENCE_TEXT,
    evidence_files,
    jpeg_bytes,
    scanned_pdf_bytes,
    warning_of,
    xlsx_bytes,
)


@pytest.fixture
def warned(lib, seed_example):
    seed_example()
    return warning_of(lib, "330200")


def _store_files(lib) -> set[str]:
    root = lib.files.root
    return {p.name for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def _rows(lib) -> tuple[int, int, int]:
    with lib.db.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Rectification)),
            s.scalar(select(func.count()).select_from(EvidenceFile)),
            s.scalar(select(func.count()).select_from(WarningEvent)),
        )


def test_a_rectification_keeps_several_files_byte_for_byte_with_their_text(lib, warned, actor):
    """Word, PDF, Excel, PNG and JPEG in one go: each stored under its SHA-256 with its
    Chinese name, the documents' text extracted, images without text."""
    files = evidence_files() + [
        EvidenceUpload("整改台账.xlsx", xlsx_bytes([["事项", "完成情况"], ["府院联动", "已完成"]])),
        EvidenceUpload("会议照片.jpg", jpeg_bytes()),
    ]
    out = rectifications.record_rectification(
        lib,
        warned.id,
        {"method": "流程再造", "description": "建立府院联动机制"},
        files,
        actor("nb_sub"),
    )
    assert (
        out["method"] == "流程再造" and out["by"] == "nb_sub" and out["unit"] == "宁波市发展改革委"
    )
    assert out["warning_state"] == "rectifying"
    assert [f["file_name"] for f in out["files"]] == [f.filename for f in files]
    assert [f["format"] for f in out["files"]] == ["docx", "pdf", "png", "xlsx", "jpeg"]
    for f, upload in zip(out["files"], files, strict=True):
        stored = evidence.evidence_file(lib, f["id"], actor("reviewer"))
        assert stored.data == upload.data and stored.name == upload.filename
        assert f["size"] == len(upload.data)
    with lib.db.session() as s:
        texts = dict(s.execute(select(EvidenceFile.file_name, EvidenceFile.text)).all())
    assert EVIDENCE_TEXT in texts["整改报告.docx"]
    assert "府院联动机制" in texts["工作通知.pdf"]
    assert "已完成" in texts["整改台账.xlsx"]
    assert texts["现场照片.png"] == "" and texts["会议照片.jpg"] == ""
    with lib.db.session() as s:
        assert (
            s.scalar(select(AuditEvent.action).order_by(AuditEvent.id.desc())) == "warning.rectify"
        )


def test_rectifications_can_be_recorded_many_times(lib, warned, actor):
    """A second and third rectification add to the list; the state stays 整改中."""
    for method in ("流程再造", "数字化改革", "其他"):
        rectifications.record_rectification(
            lib, warned.id, {"method": method}, evidence_files()[:1], actor("nb_coord")
        )
    out = warnings.get_warning(lib, warned.id, actor("reviewer"))
    assert [r["method"] for r in out["rectifications"]] == ["流程再造", "数字化改革", "其他"]
    assert out["state"] == "rectifying" and out["rectification_count"] == 3
    assert [h["action"] for h in out["history"]] == ["raise", "rectify", "rectify", "rectify"]


def test_a_scan_without_text_is_accepted(lib, warned, actor):
    """A PDF of pictures only (no text layer) is kept, without text, with a note."""
    out = rectifications.record_rectification(
        lib,
        warned.id,
        {"method": "制度完善"},
        [EvidenceUpload("盖章文件.pdf", scanned_pdf_bytes())],
        actor("nb_sub"),
    )
    f = out["files"][0]
    assert (f["format"], f["has_text"]) == ("pdf", False) and "扫描件" in f["note"]


def _zip_bomb_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes(["正文"]))) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr(
            zipfile.ZipInfo("word/media/image1.png"),
            bytes(40 * 1024 * 1024),
            compress_type=zipfile.ZIP_DEFLATED,
        )
    return out.getvalue()


BAD_FILES = [
    ("伪装的报告.docx", pdf_bytes(["其实是 PDF"]), "content_mismatch"),
    ("损坏的通知.pdf", pdf_bytes(["半截文件"])[:300], "corrupt"),
    ("炸弹.docx", _zip_bomb_docx(), "zip_bomb"),
    ("旧格式.doc", b"\xd0\xcf\x11\xe0" + bytes(600), "unsupported_format"),
    ("程序.exe", b"MZ" + bytes(100), "unsupported_format"),
    ("空文件.png", b"", "empty_document"),
    ("假照片.jpg", docx_bytes(["不是图片"]), "content_mismatch"),
    ("空表格.xlsx", xlsx_bytes([]), "empty_document"),
]


def test_bad_files_get_their_own_errors_and_nothing_is_half_stored(lib, warned, actor):
    """Good files with bad ones among them: every bad file is reported (files[i], its
    code, its name in the message) and nothing is stored: no row, no event, no file."""
    good = evidence_files()
    uploads = [good[0], *(EvidenceUpload(n, d) for n, d, _ in BAD_FILES), good[2]]
    files_before, rows_before = _store_files(lib), _rows(lib)
    with pytest.raises(ValidationFailed) as e:
        rectifications.record_rectification(
            lib, warned.id, {"method": "流程再造"}, uploads, actor("nb_sub")
        )
    got = [(x.field, x.code) for x in e.value.errors]
    assert got == [(f"files[{i + 1}]", code) for i, (_, _, code) in enumerate(BAD_FILES)]
    assert all(
        x.message.startswith(n + "：")
        for x, (n, _, _) in zip(e.value.errors, BAD_FILES, strict=True)
    )
    assert _rows(lib) == rows_before and _store_files(lib) == files_before
    assert warning_of(lib, "330200").state == "open"


def test_a_tiff_image_is_refused_as_evidence(lib, warned, actor):
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buf, "TIFF")
    with pytest.raises(ValidationFailed) as e:
        rectifications.record_rectification(
            lib,
            warned.id,
            {"method": "其他"},
            [EvidenceUpload("扫描.png", buf.getvalue())],
            actor("nb_sub"),
        )
    assert (
        e.value.errors[0].code == "unsupported_format" and "JPG 或 PNG" in e.value.errors[0].message
    )


def test_a_failure_while_writing_leaves_no_new_file_in_the_store(lib, warned, actor, monkeypatch):
    """If the transaction fails after the files were written, the files it wrote are
    removed again; a file that was in the store before stays."""
    first = rectifications.record_rectification(
        lib, warned.id, {"method": "其他"}, evidence_files()[:1], actor("nb_sub")
    )
    kept = first["files"][0]["sha256"]
    before = _store_files(lib)
    from library.monitoring import rectifications as module

    def boom(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(module.audit, "record", boom)
    with pytest.raises(RuntimeError):
        rectifications.record_rectification(
            lib, warned.id, {"method": "其他"}, evidence_files(), actor("nb_sub")
        )
    assert _store_files(lib) == before and kept in before


def test_method_description_and_files_are_checked_together(lib, warned, actor):
    with pytest.raises(ValidationFailed) as e:
        rectifications.record_rectification(
            lib, warned.id, {"method": "", "description": "长" * 2001}, [], actor("nb_sub")
        )
    assert {x.field: x.code for x in e.value.errors} == {
        "method": "required",
        "description": "too_long",
        "files": "required",
    }
    with pytest.raises(ValidationFailed) as e:
        rectifications.record_rectification(
            lib, warned.id, {"method": "拍脑袋"}, evidence_files(), actor("nb_sub")
        )
    assert e.value.errors[0].code == "invalid_choice"


@pytest.mark.parametrize("who", ["tz_sub", "yz_sub", "reviewer", "tz_coord"])
def test_only_the_warned_regions_accounts_record_rectifications(lib, warned, actor, who):
    """Another city's unit, a county of the warned city, a reviewer, another city's
    coordinator: refused, nothing stored."""
    before = _rows(lib)
    with pytest.raises(Forbidden):
        rectifications.record_rectification(
            lib, warned.id, {"method": "其他"}, evidence_files()[:1], actor(who)
        )
    assert _rows(lib) == before


@pytest.mark.parametrize("who", ["nb_sub", "nb_coord", "prov_coord", "admin"])
def test_the_warned_region_and_those_above_it_may_record(lib, warned, actor, who):
    rectifications.record_rectification(
        lib, warned.id, {"method": "其他"}, evidence_files()[:1], actor(who)
    )


def test_the_methods_vocabulary_is_kept_by_the_admin(lib, warned, actor):
    """Seeded with the five defaults; added, renamed, deactivated (no longer offered, while
    a rectification that chose it keeps its name); only the admin may change it."""
    assert [m["name"] for m in methods.list_methods(lib)] == [
        "制度完善",
        "流程再造",
        "数字化改革",
        "借鉴先进案例",
        "其他",
    ]
    added = methods.add_method(lib, "监管优化", actor("admin"))
    with pytest.raises(Conflict):
        methods.add_method(lib, "监管优化")
    rectifications.record_rectification(
        lib, warned.id, {"method": "监管优化"}, evidence_files()[:1], actor("nb_sub")
    )
    methods.update_method(lib, added["id"], {"name": "监管方式优化"})
    methods.update_method(lib, "监管方式优化", {"active": False})
    assert "监管方式优化" not in [m["name"] for m in methods.list_methods(lib)]
    assert "监管方式优化" in [m["name"] for m in methods.list_methods(lib, include_inactive=True)]
    with pytest.raises(ValidationFailed):
        rectifications.record_rectification(
            lib, warned.id, {"method": "监管方式优化"}, evidence_files()[:1], actor("nb_sub")
        )
    assert (
        warnings.get_warning(lib, warned.id, actor("admin"))["rectifications"][0]["method"]
        == "监管方式优化"
    )
    with pytest.raises(Forbidden):
        methods.add_method(lib, "随便", actor("prov_coord"))


def test_previews_of_each_kind(lib, warned, actor):
    """PDFs are read from the file itself, images shown, Word and Excel as escaped HTML."""
    files = evidence_files() + [EvidenceUpload("台账.xlsx", xlsx_bytes([["<b>事项</b>"]]))]
    out = rectifications.record_rectification(
        lib, warned.id, {"method": "其他"}, files, actor("nb_sub")
    )
    kinds = [evidence.evidence_preview(lib, f["id"], actor("reviewer")) for f in out["files"]]
    assert [k["kind"] for k in kinds] == ["html", "pdf", "image", "html"]
    assert EVIDENCE_TEXT in kinds[0]["html"]
    assert "&lt;b&gt;事项&lt;/b&gt;" in kinds[3]["html"] and "<b>" not in kinds[3]["html"]
    assert kinds[1]["warning_id"] == warned.id


def test_rectifications_count_in_the_assessment_statistics(lib, warned, actor):
    """Each rectification recorded counts for the warned region in the year it was
    recorded (Beijing time), rolled up to the province, and is listed behind the figure."""
    from library.stats.figures import figure_items, statistics
    from library.workflow.transitions import beijing_today

    year = beijing_today().year
    before = statistics(lib, {"year": year, "region": "330000"}, Actor.cli())
    assert before["totals"]["rectifications"] == 0
    for method in ("流程再造", "制度完善"):
        rectifications.record_rectification(
            lib, warned.id, {"method": method}, evidence_files()[:1], actor("nb_sub")
        )
    after = statistics(lib, {"year": year, "region": "330000"}, Actor.cli())
    assert after["totals"]["rectifications"] == 2
    row = next(r for r in after["rows"] if r["key"] == "330200")
    assert row["rectifications"] == 2
    listed = figure_items(
        lib,
        {"year": year, "region": "330000", "figure": "rectifications", "key": "330200"},
        Actor.cli(),
    )
    assert [i["title"] for i in listed["items"]] == [
        "收回债务所需的时间（2024）· 流程再造",
        "收回债务所需的时间（2024）· 制度完善",
    ]
    last_year = statistics(lib, {"year": year - 1, "region": "330000"}, Actor.cli())
    assert last_year["totals"]["rectifications"] == 0


def test_the_admin_keeps_the_methods_like_themes_and_tags(lib, warned, actor):
    """整改方式 on the admin's vocabulary page: added, renamed, moved; merging carries the
    rectifications to the target; a method in use cannot be deleted; each change audited;
    others may not change it."""
    from library.monitoring.methods import METHODS

    admin = Actor.cli()
    rectifications.record_rectification(
        lib, warned.id, {"method": "流程再造"}, evidence_files()[:1], actor("nb_sub")
    )
    items = METHODS.items(lib, admin)
    assert [i.name for i in items][:2] == ["制度完善", "流程再造"]
    assert next(i for i in items if i.name == "流程再造").uses == 1
    new = METHODS.add(lib, admin, "专项治理")
    assert new.position == len(items)
    METHODS.rename(lib, admin, new.id, "专项整治")
    moved = METHODS.move(lib, admin, new.id, 0)
    assert moved.position == 0 and METHODS.items(lib, admin)[0].name == "专项整治"
    reflow = next(i for i in items if i.name == "流程再造")
    with pytest.raises(Conflict) as e:
        METHODS.delete(lib, admin, reflow.id)
    assert e.value.code == "method_in_use"
    change = METHODS.merge(lib, admin, reflow.id, new.id)
    assert "1 条整改举措" in change.message
    out = warnings.get_warning(lib, warned.id, actor("reviewer"))
    assert [r["method"] for r in out["rectifications"]] == ["专项整治"]
    assert "流程再造" not in [i.name for i in METHODS.items(lib, admin)]
    other = METHODS.add(lib, admin, "临时")
    METHODS.delete(lib, admin, other.id)
    with pytest.raises(Forbidden):
        METHODS.add(lib, actor("nb_coord"), "不允许")
    with lib.db.session() as s:
        actions = list(
            s.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.object_type == "rectification_method")
                .order_by(AuditEvent.id)
            )
        )
    assert actions == [
        "method.add",
        "method.rename",
        "method.move",
        "method.merge",
        "method.add",
        "method.delete",
    ]
