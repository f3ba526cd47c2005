"""Similar cases for a draft (text or file), with near-duplicates flagged: the same file
again (same SHA-256) or a copy with small edits (shingle resemblance)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from indexer import ExtractionError, SimilarHit, extract

from ..errors import DocumentRejected
from ..storage.files import sha256_bytes
from . import indexing
from .models import Case, Document

if TYPE_CHECKING:
    from ..context import Library
    from .submit import Upload


def similar_to_text(
    lib: Library,
    text: str,
    *,
    limit: int = 10,
    exclude: tuple[str, ...] = (),
    name: str | None = None,
) -> list[SimilarHit]:
    """The cases most similar to ``text``; with the draft's ``name``, a case of the same
    name and much the same content is flagged as a near-duplicate too."""
    return indexing.reading(
        lib, lambda: lib.index.similar(text, limit=limit, exclude=exclude, name=name)
    )


def similar_to_file(
    lib: Library, data: bytes, filename: str, *, limit: int = 10, name: str | None = None
) -> list[SimilarHit]:
    try:
        ex = extract(data, filename, **lib.extract_options)
    except ExtractionError as e:
        raise DocumentRejected(e.message, code=e.code) from e
    hits = similar_to_text(lib, ex.text, limit=limit, name=name)
    # The very same file: a near-duplicate whatever the text says.
    sha = sha256_bytes(data)
    with lib.db.session() as s:
        same = set(
            s.scalars(
                select(Case.case_no)
                .join(Document, Document.case_id == Case.id)
                .where(Document.sha256 == sha)
            )
        )
    for h in hits:
        if h.case_no in same:
            h.near_duplicate = True
            h.similarity = 1.0
    hits.sort(key=lambda h: (h.near_duplicate, h.similarity), reverse=True)
    return hits


def similar_to_case(lib: Library, case_no: str, *, limit: int = 10) -> list[SimilarHit]:
    stored = indexing.reading(lib, lambda: lib.index.stored(case_no))
    if stored is None:
        return []
    return similar_to_text(
        lib, stored.get("text") or stored.get("name", ""), limit=limit, exclude=(case_no,)
    )


def similar_for_draft(
    lib: Library, *, text: str = "", upload: Upload | None = None, limit: int = 8
) -> list[SimilarHit]:
    """The published cases most similar to a draft: from its file when there is one (and
    it can be read), else from the text typed into the form."""
    if upload is not None and upload.data:
        try:
            return similar_to_file(lib, upload.data, upload.filename, limit=limit)
        except DocumentRejected:
            if not text.strip():
                raise
    if not text.strip():
        return []
    return similar_to_text(lib, text, limit=limit)
