"""佐证材料: the files of a rectification. Accepted: Word (.docx), PDF, Excel (.xlsx) and
images (.jpg/.jpeg, .png), each checked by the indexer as case documents are (content
against the extension, size, zip bombs, encryption, damage; images by their content and
pixel count), its text extracted for the warning list's search. A scan (a PDF without a
text layer) or a Word file of photos is accepted without text. Kept byte for byte in the
content-addressed store; read online (PDF page by page, Word and Excel as HTML, images as
they are) and downloaded with their Chinese names."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from indexer import ExtractionError, extract, extract_xlsx, inspect_image, render_html

from ..accounts.audit import Actor
from ..errors import DocumentRejected, FieldError, NotFound
from ..permissions import require
from ..storage.files import sha256_bytes
from .models import EvidenceFile, Rectification

if TYPE_CHECKING:
    from ..context import Library

ACCEPTED = {
    ".docx": "docx",
    ".pdf": "pdf",
    ".xlsx": "xlsx",
    ".jpg": "image",
    ".jpeg": "image",
    ".png": "image",
}
ACCEPT_ATTR = ".docx,.pdf,.xlsx,.jpg,.jpeg,.png"
MAX_FILES = 10
IMAGE_KINDS = {"jpeg": "image/jpeg", "png": "image/png"}
FORMAT_TITLES = {
    "docx": "Word",
    "pdf": "PDF",
    "xlsx": "Excel",
    "jpeg": "JPG 图片",
    "png": "PNG 图片",
}
# Readable, but without text to search: accepted, with a note.
_NO_TEXT = {"no_text_layer", "empty_document"}


@dataclass
class EvidenceUpload:
    filename: str
    data: bytes

    @property
    def name(self) -> str:
        return PurePath((self.filename or "").replace("\\", "/")).name[:255] or "佐证材料"


@dataclass
class CheckedFile:
    upload: EvidenceUpload
    sha256: str
    format: str
    media_type: str
    text: str
    pages: int | None
    note: str | None


def check_file(lib: Library, upload: EvidenceUpload) -> CheckedFile:
    """One evidence file checked and read; raises :class:`ExtractionError` (its code and
    Chinese message say what is wrong)."""
    name = upload.name
    suffix = PurePath(name).suffix.lower()
    kind = ACCEPTED.get(suffix)
    if kind is None:
        raise ExtractionError(
            "佐证材料只能是 Word（.docx）、PDF、Excel（.xlsx）或 JPG、PNG 图片",
            code="unsupported_format",
        )
    data = upload.data
    if not data:
        raise ExtractionError("文件是空的（0 字节）", code="empty_document")
    limits = lib.extract_limits
    sha = sha256_bytes(data)
    if kind == "image":
        info = inspect_image(data, name, limits=limits)
        if info.kind not in IMAGE_KINDS:
            raise ExtractionError("佐证图片只能是 JPG 或 PNG 格式", code="unsupported_format")
        return CheckedFile(upload, sha, info.kind, info.media_type, "", None, None)
    if kind == "xlsx":
        doc = extract_xlsx(data, name, limits=limits)
        return CheckedFile(upload, sha, "xlsx", doc.media_type, doc.text, None, None)
    try:
        doc = extract(data, name, **lib.extract_options)
    except ExtractionError as e:
        if e.code not in _NO_TEXT:
            raise
        media = (
            "application/pdf"
            if kind == "pdf"
            else ("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        )
        note = "扫描件，无可检索的文字" if kind == "pdf" else "无文字内容（如图片）"
        return CheckedFile(upload, sha, kind, media, "", None, note)
    return CheckedFile(upload, sha, doc.format, doc.media_type, doc.text, doc.pages, None)


def check_files(
    lib: Library, uploads: list[EvidenceUpload]
) -> tuple[list[CheckedFile], list[FieldError]]:
    """Every file checked: the good ones and one error per bad one (``files[i]``)."""
    checked: list[CheckedFile] = []
    errors: list[FieldError] = []
    if not uploads:
        errors.append(FieldError("files", "required", "请上传佐证材料（可一次选择多个文件）"))
    elif len(uploads) > MAX_FILES:
        errors.append(FieldError("files", "too_many", f"一次最多上传 {MAX_FILES} 个佐证材料"))
    else:
        for i, upload in enumerate(uploads):
            try:
                checked.append(check_file(lib, upload))
            except ExtractionError as e:
                errors.append(
                    FieldError(
                        f"files[{i}]",
                        e.code,
                        f"{upload.name}：{e.message}",
                        detail={"file_name": upload.name},
                    )
                )
    return checked, errors


def file_dict(f: EvidenceFile) -> dict[str, Any]:
    return {
        "id": f.id,
        "file_name": f.file_name,
        "size": f.size,
        "sha256": f.sha256,
        "media_type": f.media_type,
        "format": f.format,
        "format_title": FORMAT_TITLES.get(f.format, f.format),
        "has_text": bool(f.text),
        "pages": f.pages,
        "note": f.note,
    }


# -- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredEvidence:
    id: int
    warning_id: int
    name: str
    media_type: str
    format: str
    sha256: str
    data: bytes


def _row(session, file_id: int) -> tuple[EvidenceFile, int]:
    row = session.execute(
        select(EvidenceFile, Rectification.warning_id)
        .join(Rectification, Rectification.id == EvidenceFile.rectification_id)
        .where(EvidenceFile.id == file_id)
    ).first()
    if row is None:
        raise NotFound(f"编号为 {file_id} 的佐证材料不存在", code="evidence_not_found")
    return row[0], row[1]


def evidence_file(lib: Library, file_id: int, actor: Actor) -> StoredEvidence:
    """An evidence file byte for byte, with its original name."""
    require(actor, "monitoring.read")
    with lib.db.session() as session:
        f, warning_id = _row(session, file_id)
        name, media, fmt, sha = f.file_name, f.media_type, f.format, f.sha256
    if not lib.files.exists(sha):
        raise NotFound("佐证材料文件已丢失，请联系管理员", code="file_missing")
    return StoredEvidence(file_id, warning_id, name, media, fmt, sha, lib.files.get(sha))


_PREVIEWS: OrderedDict[str, str] = OrderedDict()
_LOCK = threading.Lock()
_PREVIEWS_MAX = 32


def evidence_preview(lib: Library, file_id: int, actor: Actor) -> dict[str, Any]:
    """What 查看 shows: ``kind`` pdf (read page by page from the file itself), image, or
    html (Word and Excel rendered as a safe fragment); with the file's facts."""
    require(actor, "monitoring.read")
    with lib.db.session() as session:
        f, warning_id = _row(session, file_id)
        info = file_dict(f)
    info["warning_id"] = warning_id
    if f.format == "pdf":
        return {**info, "kind": "pdf", "html": None}
    if f.format in IMAGE_KINDS:
        return {**info, "kind": "image", "html": None}
    with _LOCK:
        html = _PREVIEWS.get(f.sha256)
    if html is None:
        if not lib.files.exists(f.sha256):
            raise NotFound("佐证材料文件已丢失，请联系管理员", code="file_missing")
        try:
            html = render_html(lib.files.get(f.sha256), f.file_name, **lib.extract_options)
        except ExtractionError as e:
            raise DocumentRejected(e.message, code=e.code) from e
        with _LOCK:
            _PREVIEWS[f.sha256] = html
            while len(_PREVIEWS) > _PREVIEWS_MAX:
                _PREVIEWS.popitem(last=False)
    return {**info, "kind": "html", "html": html}
