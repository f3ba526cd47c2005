"""What a case's document becomes in the background, and what the reader shows.

* A scan (a PDF without a text layer, a .jpg/.png/.tif, or a PDF with scanned pages) is
  accepted and read by OCR in a job (``ocr``): the case shows 识别中 with its progress; then
  its text is the document's text (searchable, highlighted, checked for names), and the
  OCR'd PDF (the same pages with a text layer) is what the reader shows, while the original
  scan stays byte for byte for download. Pages OCR could not read are reported.
* A Word file is converted to PDF by LibreOffice once, in a job (``pdf_preview``), so the
  page shows it as it looks; the HTML rendering is the fallback meanwhile and without
  LibreOffice.
"""

from __future__ import annotations

import logging
import mimetypes
import shutil
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from indexer import (
    OCR_EXTENSIONS,
    ExtractedDocument,
    ExtractionError,
    convert_many_to_pdf,
    find_in_document,
    ocr_available,
    run_ocr,
)

from ..errors import CaselibError, NotFound
from ..jobs.models import Rendition
from ..jobs.renditions import rendition_of, store_rendition
from ..jobs.runner import Context, claim_more, enqueue, finish, handler, job_state
from ..storage.base import utcnow
from .models import Case, Document

if TYPE_CHECKING:
    from ..accounts.audit import Actor
    from ..context import Library
    from .read import StoredFile

log = logging.getLogger(__name__)

OCR_PENDING = "ocr-pending"  # Document.converter of a scan waiting for its text
WORD_FORMATS = ("docx", "doc", "wps", "rtf", "odt")
_IMAGE_FORMATS = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".tif": "tiff", ".tiff": "tiff"}


def scan_placeholder(filename: str) -> ExtractedDocument:
    """The document of a scan before OCR: no text yet (the OCR job gives it)."""
    ext = PurePath(filename).suffix.lower()
    fmt = _IMAGE_FORMATS.get(ext, "pdf")
    media = mimetypes.guess_type(f"x{ext}")[0] if ext in OCR_EXTENSIONS else "application/pdf"
    return ExtractedDocument(
        text="",
        media_type=media or "application/octet-stream",
        format=fmt,
        title=None,
        blocks=[],
        converter=OCR_PENDING,
    )


def queue_for(session: Session, doc: Document, *, scanned_pages: bool = False) -> None:
    """The jobs a newly stored document needs (in the storing transaction)."""
    payload = {"sha256": doc.sha256, "name": doc.original_name}
    if doc.converter == OCR_PENDING or scanned_pages:
        enqueue(session, "ocr", doc.sha256, payload)
    elif doc.format in WORD_FORMATS:
        enqueue(session, "pdf_preview", doc.sha256, payload)
    elif doc.format == "pdf":
        enqueue(session, "page_html", doc.sha256, payload)


@handler("page_html")
def _page_html(ctx: Context) -> dict[str, Any]:
    """A PDF's pages rendered for reading ahead of its first view (pdfminer's layout of
    a long PDF takes a second or more, which the first reader would otherwise wait for)."""
    from .read import warm_rendition

    made = warm_rendition(ctx.lib, ctx.payload["sha256"], "pdf", ctx.payload.get("name") or "")
    return {"rendered": made}


@handler("ocr")
def _ocr(ctx: Context) -> dict[str, Any]:
    lib = ctx.lib
    sha, name = ctx.payload["sha256"], ctx.payload.get("name") or "scan.pdf"
    if not ocr_available():
        raise CaselibError(
            "服务器未安装文字识别（OCRmyPDF、Tesseract chi_sim）", code="ocr_unavailable"
        )
    data = lib.files.get(sha)
    try:
        result = run_ocr(data, name, limits=lib.extract_limits, progress=ctx.progress)
    except ExtractionError as e:
        raise CaselibError(e.message, code=e.code) from e
    doc = result.document
    findings = [f.as_dict() for f in find_in_document(doc)] or None
    changed: list[str] = []
    with lib.db.transaction() as session:
        ocr_sha = store_rendition(lib, session, sha, "ocr_pdf", result.pdf)
        for d in session.scalars(select(Document).where(Document.sha256 == sha)):
            d.text, d.pages, d.converter = doc.text, len(result.pages), "ocrmypdf"
            if d.names_confirmed_at is None:
                d.findings = findings
            case = session.get(Case, d.case_id)
            case.updated_at = utcnow()  # the index takes the new text
            if case.status == "published":
                changed.append(case.case_no)
    if changed:
        from .indexing import index_cases

        index_cases(lib, changed)
    from .read import warm_rendition

    warm_rendition(lib, ocr_sha, "pdf", name)  # what the reader shows of a scan
    return {"pages": len(result.pages), "unreadable": result.unreadable}


# Previews queued together (an import, an upgrade, the demo) are laid out by one
# LibreOffice run: its start-up is most of the time a short document takes.
PREVIEW_BATCH = 12


@handler("pdf_preview")
def _pdf_preview(ctx: Context) -> dict[str, Any]:
    lib = ctx.lib
    soffice = lib.settings.soffice or "soffice"
    if shutil.which(soffice) is None:
        raise CaselibError("服务器未安装 LibreOffice，使用网页版预览", code="converter_unavailable")
    ctx.progress(0, 1)
    others = claim_more(lib, "pdf_preview", PREVIEW_BATCH - 1)
    payloads = [ctx.payload] + [dict(job.payload or {}) for job in others]
    try:
        results = _previews(lib, payloads, soffice)
    except BaseException as e:
        for job in others:  # a failure of the run as a whole is each job's
            finish(lib, job, error=e)
        raise
    for job, outcome in zip(others, results[1:], strict=True):
        if isinstance(outcome, Exception):
            finish(lib, job, error=outcome)
        else:
            finish(lib, job, result=outcome)
    ctx.progress(1, 1)
    if isinstance(results[0], Exception):
        raise results[0]
    return results[0]


def _previews(
    lib: Library, payloads: list[dict[str, Any]], soffice: str
) -> list[dict[str, Any] | Exception]:
    """The PDF previews of the files named by ``payloads``, made and stored: per file its
    job's result or the error to record. Raises when the LibreOffice run fails as a whole."""
    outcomes: list[dict[str, Any] | Exception | None] = [None] * len(payloads)
    files, where = [], []
    for i, payload in enumerate(payloads):
        sha = payload.get("sha256")
        if not sha or not lib.files.exists(sha):
            outcomes[i] = CaselibError("预览的源文件已不在文件库中", code="file_missing")
            continue
        files.append((lib.files.get(sha), payload.get("name") or "document.docx"))
        where.append(i)
    try:
        pdfs = convert_many_to_pdf(files, soffice=soffice, limits=lib.extract_limits)
    except ExtractionError as e:
        raise CaselibError(e.message, code=e.code) from e
    for i, pdf in zip(where, pdfs, strict=True):
        if isinstance(pdf, ExtractionError):
            outcomes[i] = CaselibError(pdf.message, code=pdf.code)
            continue
        with lib.db.transaction() as session:
            store_rendition(lib, session, payloads[i]["sha256"], "pdf_preview", pdf)
        outcomes[i] = {"size": len(pdf)}
    return outcomes  # type: ignore[return-value]


def ocr_pdf_of(session: Session, sha: str) -> str | None:
    """The OCR'd PDF made from the file with this SHA-256, if any."""
    return rendition_of(session, sha, "ocr_pdf")


def status(session: Session, doc: Document) -> dict[str, Any]:
    """What the page says of the document's background work: OCR (state, pages done of
    all, pages it could not read) and whether a PDF view exists."""
    ocr = job_state(session, "ocr", doc.sha256)
    kinds = set(
        session.scalars(select(Rendition.kind).where(Rendition.source_sha256 == doc.sha256))
    )
    preview = job_state(session, "pdf_preview", doc.sha256)
    return {
        "ocr": None
        if ocr is None
        else {
            "state": ocr["state"],
            "done": ocr["done"],
            "total": ocr["total"],
            "unreadable": (ocr["result"] or {}).get("unreadable", []),
            "error": ocr["error"],
        },
        "pending": doc.converter == OCR_PENDING,
        "view_pdf": doc.format == "pdf" or bool(kinds & {"ocr_pdf", "pdf_preview"}),
        "preview": None if preview is None else preview["state"],
    }


def view_pdf(lib: Library, case_no: str, actor: Actor) -> StoredFile:
    """The PDF the reader shows: a scan's OCR'd PDF, a Word file's PDF preview, a PDF as it
    is. (Downloads always give the original.)"""
    from .read import StoredFile, visible_case

    with lib.db.session() as session:
        case = visible_case(session, case_no, actor)
        doc = case.document
        if doc is None:
            raise NotFound("该案例没有上传文档", code="no_document")
        rows = {
            r.kind: r
            for r in session.scalars(select(Rendition).where(Rendition.source_sha256 == doc.sha256))
        }
        row = rows.get("ocr_pdf") or rows.get("pdf_preview")
        stem = PurePath(doc.original_name).stem
        if row is not None:
            name, sha = f"{stem}.pdf", row.sha256
        elif doc.format == "pdf" and doc.converter != OCR_PENDING:
            name, sha = doc.original_name, doc.sha256
        else:
            raise NotFound("该文档暂无 PDF 版式预览", code="no_pdf_view")
    if not lib.files.exists(sha):
        raise NotFound("预览文件已丢失，请联系管理员", code="file_missing")
    return StoredFile(
        name=name, media_type="application/pdf", data=lib.files.get(sha), sha256=sha, format="pdf"
    )


def requeue_previews(lib: Library) -> int:
    """Queue a PDF preview for every Word document that has none (after an upgrade)."""
    with lib.db.transaction() as session:
        have = set(session.scalars(select(Rendition.source_sha256)))
        n = 0
        for doc in session.scalars(select(Document).where(Document.format.in_(WORD_FORMATS))):
            if doc.sha256 not in have:
                enqueue(
                    session,
                    "pdf_preview",
                    doc.sha256,
                    {"sha256": doc.sha256, "name": doc.original_name},
                )
                n += 1
    return n
