"""A compilation as PDF, laid out by LibreOffice (``indexer.convert_to_pdf``).

The .docx names the official fonts; the PDF is laid out with what is installed here
(:func:`.fonts.for_rendering`). LibreOffice does not rebuild a table of contents when it
converts, so the PDF is made in two passes: the first says on which page each heading
landed (its bookmarks, ``indexer.pdf_outline``), the second is the same document with those
page numbers in its contents. The web pages get it from a background job
(``compilation_pdf``, keyed by the .docx's SHA-256); the command line waits for it.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from indexer import ExtractionError, convert_to_pdf, pdf_outline

from ..errors import CaselibError
from ..jobs.models import Rendition
from ..jobs.runner import Context, enqueue, handler, job_state
from . import fonts, officestyle

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..context import Library

KIND = "compilation_pdf"
TIMEOUT = 900.0  # seconds for one LibreOffice pass over a large compilation


def available(lib: Library) -> bool:
    return shutil.which(lib.settings.soffice or "soffice") is not None


def _convert(lib: Library, docx: bytes) -> bytes:
    try:
        return convert_to_pdf(
            docx,
            "compilation.docx",
            soffice=lib.settings.soffice or "soffice",
            timeout=TIMEOUT,
            limits=lib.extract_limits,
        )
    except ExtractionError as e:
        raise CaselibError(e.message, code=e.code, status=503) from e


def heading_pages(docx: bytes, pdf: bytes, *, limits=None) -> dict[str, int]:
    """{bookmark: page number as printed} of each entry of the contents, from where the
    PDF's bookmarks say its headings are (the body's pages count from 1)."""
    entries = officestyle.toc_entries(docx)
    outline = pdf_outline(pdf, **({"limits": limits} if limits else {}))
    found: dict[str, int] = {}
    i = 0
    for mark, text in entries:
        wanted = "".join(text.split())
        while i < len(outline) and "".join(outline[i][1].split()) != wanted:
            i += 1
        if i == len(outline):
            break
        if outline[i][2] is not None:
            found[mark] = outline[i][2]
        i += 1
    if not found:
        return {}
    first = min(found.values())
    return {mark: page - first + 1 for mark, page in found.items()}


def write_pdf(lib: Library, docx: bytes) -> bytes:
    """The PDF of a compilation's .docx, its contents with page numbers."""
    if not available(lib):
        raise CaselibError(
            "服务器未安装 LibreOffice，无法生成 PDF", code="converter_unavailable", status=503
        )
    source = fonts.for_rendering(docx)
    first = _convert(lib, source)
    pages = heading_pages(source, first, limits=lib.extract_limits)
    if not pages:
        return first
    return _convert(lib, officestyle.fill_toc_pages(source, pages))


def queue(session: Session, sha256: str) -> None:
    """Queue the PDF of the .docx with this SHA-256 (in the caller's transaction)."""
    enqueue(session, KIND, sha256, {"sha256": sha256})


@handler(KIND)
def _job(ctx: Context) -> dict[str, Any]:
    lib = ctx.lib
    sha = ctx.payload["sha256"]
    ctx.progress(0, 2)
    data = write_pdf(lib, lib.files.get(sha))
    pdf_sha = lib.files.put(data)
    with lib.db.transaction() as session:
        row = session.scalar(
            select(Rendition).where(Rendition.source_sha256 == sha, Rendition.kind == KIND)
        )
        if row is None:
            session.add(Rendition(source_sha256=sha, kind=KIND, sha256=pdf_sha, size=len(data)))
        else:
            row.sha256, row.size = pdf_sha, len(data)
    ctx.progress(2, 2)
    return {"size": len(data)}


def state(session: Session, sha256: str, *, can_convert: bool) -> dict[str, Any]:
    """The PDF of a compilation's file: ``ready`` (with its SHA-256), ``queued``,
    ``running``, ``failed`` (with the error) or ``unavailable`` (no LibreOffice)."""
    row = session.scalar(
        select(Rendition).where(Rendition.source_sha256 == sha256, Rendition.kind == KIND)
    )
    if row is not None:
        return {"state": "ready", "sha256": row.sha256, "size": row.size, "error": None}
    job = job_state(session, KIND, sha256)
    if job is None:
        return {"state": "queued" if can_convert else "unavailable", "error": None}
    return {"state": job["state"], "error": job["error"], "error_code": job["error_code"]}
