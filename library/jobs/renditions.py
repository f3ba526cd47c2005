"""The files jobs make from stored files (renditions), shared by the features that queue
them: the OCR'd PDF of a scan (a case's document, a 佐证材料), a Word file's PDF preview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Rendition

if TYPE_CHECKING:
    from ..context import Library


def store_rendition(lib: Library, session: Session, source: str, kind: str, data: bytes) -> str:
    """Keep ``data`` in the file store as the ``kind`` rendition of the file ``source``
    (SHA-256), replacing an older one; in the caller's transaction. Returns its SHA-256."""
    sha = lib.files.put(data)
    row = session.scalar(
        select(Rendition).where(Rendition.source_sha256 == source, Rendition.kind == kind)
    )
    if row is None:
        session.add(Rendition(source_sha256=source, kind=kind, sha256=sha, size=len(data)))
    else:
        row.sha256, row.size = sha, len(data)
    return sha


def rendition_of(session: Session, source: str, kind: str) -> str | None:
    """The SHA-256 of the ``kind`` rendition made from the file ``source``, if any."""
    return session.scalar(
        select(Rendition.sha256).where(Rendition.source_sha256 == source, Rendition.kind == kind)
    )
