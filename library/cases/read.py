"""Reading cases: a case with its borrowing links and history, its document (the original
bytes, an HTML rendition to read online). A case the reader may not see does not exist
for them (:func:`library.permissions.require_view_case`)."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from indexer import ExtractionError, render_html, render_pdf_pages

from ..accounts.audit import Actor
from ..errors import DocumentRejected, NotFound
from ..permissions import can, require_view_case
from ..vocab.regions import region_label
from .models import CASE_TYPE_TITLES, STATUS_TITLES, Case, CaseHistory, DocumentVersion

if TYPE_CHECKING:
    from ..context import Library

log = logging.getLogger(__name__)


def get_case(session: Session, case_no: str) -> Case:
    """The case with this number, whatever its state (no permission check: callers check)."""
    case = session.scalar(
        select(Case)
        .where(Case.case_no == (case_no or "").strip())
        .options(
            selectinload(Case.tags),
            selectinload(Case.documents),
            selectinload(Case.theme),
            selectinload(Case.borrowed_from),
        )
    )
    if case is None:
        raise NotFound(f"编号为 {case_no} 的案例不存在", code="case_not_found")
    return case


def visible_case(session: Session, case_no: str, actor: Actor) -> Case:
    """The case, if the actor may see it; else :class:`NotFound` as if it did not exist."""
    case = get_case(session, case_no)
    require_view_case(actor, case)
    return case


def find_borrowed(session: Session, ref: str) -> Case | None:
    """A published case by its number, or by its exact name (the most recent one): the
    cases a borrowed case may name (借鉴的具体案例)."""
    ref = ref.strip()
    published = Case.status == "published"
    case = session.scalar(select(Case).where(Case.case_no == ref, published))
    if case is None:
        case = session.scalar(
            select(Case).where(Case.name == ref, published).order_by(Case.id.desc()).limit(1)
        )
    return case


def case_dict(case: Case, *, borrowed_count: int | None = None) -> dict[str, Any]:
    """The API form of a case (metadata, no document text)."""
    doc = case.document
    return {
        "case_no": case.case_no,
        "name": case.name,
        "summary": case.summary,
        "problem": case.problem,
        "solution": case.solution,
        "traditional_practice": case.traditional_practice,
        "innovative_practice": case.innovative_practice,
        "application_scenario": case.application_scenario,
        "theme": case.theme.name if case.theme else None,
        "tags": [t.name for t in case.tags],
        "case_type": case.case_type,
        "case_type_title": CASE_TYPE_TITLES.get(case.case_type or "unknown"),
        "borrowed_from": case.borrowed_from.case_no if case.borrowed_from else None,
        "borrowed_from_name": case.borrowed_from.name if case.borrowed_from else None,
        "borrowed_count": borrowed_count,
        "region_code": case.region_code,
        "region": region_label(case.region_code) if case.region_code else None,
        "unit": case.unit_name,
        "unit_id": case.unit_id,
        "contact_name": case.contact_name,
        "contact_phone": case.contact_phone,
        "published_at": case.published_at.isoformat() if case.published_at else None,
        "status": case.status,
        "status_title": STATUS_TITLES.get(case.status, case.status),
        "call_id": case.call_id,
        "warning_id": case.warning_id,
        "submitted_at": _iso(case.submitted_at),
        "late": bool(case.late),
        "rating_avg": round(case.rating_avg, 2) if case.rating_avg is not None else None,
        "rating_count": case.rating_count,
        "file": None
        if doc is None
        else {
            "name": doc.original_name,
            "size": doc.size,
            "sha256": doc.sha256,
            "media_type": doc.media_type,
            "format": doc.format,
            "pages": doc.pages,
            # Names left in the file (a PDF) until the approver confirms them.
            "findings": doc.unresolved_findings,
            "names_confirmed_by": doc.names_confirmed_by,
        },
    }


def _iso(dt) -> str | None:
    return dt.isoformat(timespec="seconds") + "Z" if dt is not None else None


def history(session: Session, case: Case) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(CaseHistory).where(CaseHistory.case_id == case.id).order_by(CaseHistory.id)
    )
    return [
        {
            "at": _iso(h.at),
            "by": h.actor,
            "action": h.action,
            "from": h.from_status,
            "to": h.to_status,
            "reason": h.reason,
        }
        for h in rows
    ]


def versions(session: Session, case: Case) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(DocumentVersion)
        .where(DocumentVersion.case_id == case.id)
        .order_by(DocumentVersion.version)
    )
    return [
        {
            "version": v.version,
            "kind": v.kind,
            "name": v.original_name,
            "size": v.size,
            "sha256": v.sha256,
            "at": _iso(v.created_at),
        }
        for v in rows
    ]


def borrowed_count(session: Session, case: Case) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Case)
            .where(Case.borrowed_from_id == case.id, Case.status == "published")
        )
        or 0
    )


def warning_case_counts(session: Session, warning_ids: list[int]) -> dict[int, int]:
    """How many cases (in any state) name each of these monitoring warnings."""
    if not warning_ids:
        return {}
    return dict(
        session.execute(
            select(Case.warning_id, func.count())
            .where(Case.warning_id.in_(warning_ids))
            .group_by(Case.warning_id)
        ).all()
    )


def cases_answering_warning(lib: Library, warning_id: int, actor: Actor) -> list[dict[str, Any]]:
    """The cases of type 整改借鉴 naming this warning that the reader may see, newest first."""
    with lib.db.session() as session:
        cases = session.scalars(
            select(Case).where(Case.warning_id == warning_id).order_by(Case.id.desc())
        )
        return [
            {
                "case_no": c.case_no,
                "name": c.name,
                "status": c.status,
                "status_title": STATUS_TITLES.get(c.status, c.status),
                "region": region_label(c.region_code) if c.region_code else None,
                "unit": c.unit_name,
            }
            for c in cases
            if can(actor, f"case.view:{c.status}", c)
        ]


def case_record(lib: Library, case_no: str, actor: Actor) -> dict[str, Any]:
    """The case as the API gives it (``case_dict``) plus ``borrowed_by`` (the published
    cases that borrowed from it: 借鉴了 / 被借鉴 N 次), ``theme_path``, ``history`` (every
    state change) and ``versions`` (every file it has had)."""
    with lib.db.session() as session:
        case = visible_case(session, case_no, actor)
        rows = session.execute(
            select(Case.case_no, Case.name)
            .where(Case.borrowed_from_id == case.id, Case.status == "published")
            .order_by(Case.published_at.desc())
        ).all()
        out = case_dict(case, borrowed_count=len(rows))
        out["borrowed_by"] = [{"case_no": c, "name": n} for c, n in rows]
        out["theme_path"] = (
            [case.theme.parent.name, case.theme.name]
            if case.theme is not None and case.theme.parent is not None
            else [case.theme.name]
            if case.theme is not None
            else []
        )
        out["history"] = history(session, case)
        out["versions"] = versions(session, case)
        if case.document is not None:
            from .renditions import status

            out["file"]["status"] = status(session, case.document)
        return out


# -- the document ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredFile:
    name: str
    media_type: str
    data: bytes
    sha256: str
    format: str


def document_file(
    lib: Library, case_no: str, actor: Actor, *, version: int | None = None
) -> StoredFile:
    """The current file of a case (or an earlier version, for those who may edit or see
    originals), byte for byte, with its original name."""
    with lib.db.session() as session:
        case = visible_case(session, case_no, actor)
        if version is None:
            doc = case.document
            if doc is None:
                raise NotFound("该案例没有上传文档", code="no_document")
            name, media, sha, fmt = doc.original_name, doc.media_type, doc.sha256, doc.format
        else:
            if not (can(actor, "case.edit", case) or can(actor, "case.view_original", case)):
                raise NotFound("该版本不存在", code="version_not_found")
            v = session.scalar(
                select(DocumentVersion).where(
                    DocumentVersion.case_id == case.id, DocumentVersion.version == version
                )
            )
            if v is None:
                raise NotFound("该版本不存在", code="version_not_found")
            name, media, sha, fmt = v.original_name, v.media_type, v.sha256, v.format
    if not lib.files.exists(sha):
        raise NotFound("案例文档已丢失，请联系管理员", code="file_missing")
    return StoredFile(name=name, media_type=media, data=lib.files.get(sha), sha256=sha, format=fmt)


@dataclass(frozen=True)
class Preview:
    """A document to read online: ``html`` is a safe fragment (escaped text, no scripts)."""

    case_no: str
    file_name: str
    format: str
    html: str
    pages: int | None
    is_pdf: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "case_no": self.case_no,
            "file_name": self.file_name,
            "format": self.format,
            "pages": self.pages,
            "html": self.html,
        }


_PREVIEWS: OrderedDict[str, str] = OrderedDict()
_PREVIEWS_LOCK = threading.Lock()
_PREVIEWS_MAX = 64
_RENDERER: str | None = None


def _renderer() -> str:
    """What a rendition depends on besides the file: the text extraction's code and the
    versions of the libraries it reads documents with (a change to any renders again)."""
    global _RENDERER
    if _RENDERER is None:
        from importlib import metadata, resources

        h = hashlib.sha256()
        folder = resources.files("indexer") / "extract"
        for f in sorted(folder.iterdir(), key=lambda f: f.name):
            if f.name.endswith(".py"):
                h.update(f.name.encode() + b"\0" + f.read_bytes())
        for dist in ("pdfminer.six", "python-docx", "lxml"):
            with contextlib.suppress(metadata.PackageNotFoundError):
                h.update(f"{dist}={metadata.version(dist)}".encode())
        _RENDERER = h.hexdigest()[:16]
    return _RENDERER


def _rendition_path(lib: Library, sha: str, fmt: str) -> Path:
    """Where the HTML rendition of a stored file is kept on disk, for every worker process
    and across restarts (derived data: deleting the folder only costs renderings)."""
    return lib.settings.home_path / "cache" / "previews" / f"{sha}.{fmt}.{_renderer()}.html"


def _cached_rendition(lib: Library, sha: str, fmt: str) -> str | None:
    try:
        return _rendition_path(lib, sha, fmt).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _keep_rendition(lib: Library, sha: str, fmt: str, html: str) -> None:
    path = _rendition_path(lib, sha, fmt)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(html, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        log.warning("cannot keep the rendition of %s", sha, exc_info=True)


def _render(lib: Library, sha: str, fmt: str, name: str) -> str:
    if not lib.files.exists(sha):
        raise NotFound("案例文档已丢失，请联系管理员", code="file_missing")
    try:
        data = lib.files.get(sha)
        if fmt == "pdf":
            html = render_pdf_pages(data, limits=lib.extract_limits)
        else:
            html = render_html(data, name, **lib.extract_options)
    except ExtractionError as e:
        raise DocumentRejected(e.message, code=e.code) from e
    _keep_rendition(lib, sha, fmt, html)
    return html


def warm_rendition(lib: Library, sha: str, fmt: str, name: str) -> bool:
    """Render a stored file for reading into the rendition cache unless it is there
    (a background job after an upload): True when it was rendered now."""
    if _cached_rendition(lib, sha, fmt) is not None:
        return False
    _render(lib, sha, fmt, name)
    return True


def preview(lib: Library, case_no: str, actor: Actor) -> Preview:
    """The document rendered for reading in the page: Word documents keep their headings,
    lists and tables; PDFs are given as their text page by page (the page also embeds the
    PDF itself for browsers with a viewer). Renditions are cached by content."""
    with lib.db.session() as session:
        case = visible_case(session, case_no, actor)
        doc = case.document
        if doc is None:
            raise NotFound("该案例没有上传文档", code="no_document")
        name, sha, fmt, pages = doc.original_name, doc.sha256, doc.format, doc.pages
        from .renditions import OCR_PENDING, ocr_pdf_of

        if doc.converter == OCR_PENDING:
            raise NotFound("扫描件正在识别文字，识别完成后可在线查看", code="ocr_pending")
        ocr_sha = ocr_pdf_of(session, sha)
        if ocr_sha is not None:  # a scan: its text is in the OCR'd PDF
            sha, fmt = ocr_sha, "pdf"
    with _PREVIEWS_LOCK:
        html = _PREVIEWS.get(sha)
        if html is not None:
            _PREVIEWS.move_to_end(sha)
    if html is None:
        # Rendered once per library, not once per worker process: a PDF's pages take
        # pdfminer a few hundred milliseconds.
        html = _cached_rendition(lib, sha, fmt) or _render(lib, sha, fmt, name)
        with _PREVIEWS_LOCK:
            _PREVIEWS[sha] = html
            while len(_PREVIEWS) > _PREVIEWS_MAX:
                _PREVIEWS.popitem(last=False)
    return Preview(
        case_no=case_no, file_name=name, format=fmt, html=html, pages=pages, is_pdf=fmt == "pdf"
    )
