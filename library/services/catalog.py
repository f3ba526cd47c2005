"""What the library's pages and API read: a case with its borrowing links, its document
(the original bytes, an HTML rendition to read online), the vocabularies for forms and
pickers, similar cases for a draft, and uploads kept between two round trips of a form."""

from __future__ import annotations

import json
import re
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath
from typing import Any

from sqlalchemy import func, select

from indexer import ExtractionError, SimilarHit, render_html, render_pdf_pages

from ..errors import DocumentRejected, NotFound
from ..models import CASE_TYPE_TITLES, CASE_TYPES, AuditEvent, Case, Document
from . import similar, template, vocab
from .cases import Upload, case_dict, get_case
from .context import Library

# -- a case and its links -------------------------------------------------------------------


def borrowed_count(session, case: Case) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(Case).where(Case.borrowed_from_id == case.id)
        )
        or 0
    )


def case_record(lib: Library, case_no: str) -> dict[str, Any]:
    """The case as the API gives it (``case_dict``) plus ``borrowed_by``: the cases that
    borrowed from it (借鉴了 / 被借鉴 N 次)."""
    with lib.db.session() as session:
        case = get_case(session, case_no)
        rows = session.execute(
            select(Case.case_no, Case.name)
            .where(Case.borrowed_from_id == case.id)
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
        return out


# -- the document ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredFile:
    name: str
    media_type: str
    data: bytes
    sha256: str
    format: str


def document_file(lib: Library, case_no: str) -> StoredFile:
    """The original file of a case, byte for byte, with its original name."""
    with lib.db.session() as session:
        case = get_case(session, case_no)
        doc = case.document
        if doc is None:
            raise NotFound("该案例没有上传文档", code="no_document")
        name, media, sha, fmt = doc.original_name, doc.media_type, doc.sha256, doc.format
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


def preview(lib: Library, case_no: str) -> Preview:
    """The document rendered for reading in the page: Word documents keep their headings,
    lists and tables; PDFs are given as their text page by page (the page also embeds the
    PDF itself for browsers with a viewer). Renditions are cached by content."""
    with lib.db.session() as session:
        case = get_case(session, case_no)
        doc = case.document
        if doc is None:
            raise NotFound("该案例没有上传文档", code="no_document")
        name, sha, fmt, pages = doc.original_name, doc.sha256, doc.format, doc.pages
    with _PREVIEWS_LOCK:
        html = _PREVIEWS.get(sha)
        if html is not None:
            _PREVIEWS.move_to_end(sha)
    if html is None:
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
        with _PREVIEWS_LOCK:
            _PREVIEWS[sha] = html
            while len(_PREVIEWS) > _PREVIEWS_MAX:
                _PREVIEWS.popitem(last=False)
    return Preview(
        case_no=case_no, file_name=name, format=fmt, html=html, pages=pages, is_pdf=fmt == "pdf"
    )


# -- vocabularies ---------------------------------------------------------------------------


@dataclass
class Vocabularies:
    themes: list[tuple[str, list[str]]]  # (group, leaf names)
    tags: list[str]
    case_types: dict[str, str]
    provinces: list[dict[str, str]]
    loaded: float = field(default_factory=time.monotonic)

    def as_dict(self) -> dict[str, Any]:
        return {
            "themes": [{"name": g, "children": c} for g, c in self.themes],
            "tags": self.tags,
            "case_types": self.case_types,
            "provinces": self.provinces,
        }


_VOCAB: dict[str, Vocabularies] = {}
VOCAB_TTL = 60.0


def vocabularies(lib: Library) -> Vocabularies:
    """Themes, tags, case types and provinces, cached for a minute (admins rarely change them)."""
    key = lib.settings.database_url
    v = _VOCAB.get(key)
    if v is not None and time.monotonic() - v.loaded < VOCAB_TTL:
        return v
    with lib.db.session() as session:
        themes = [
            (root.name, [c.name for c in children]) for root, children in vocab.theme_tree(session)
        ]
        tags = [t.name for t in vocab.all_tags(session)]
    v = Vocabularies(
        themes=themes,
        tags=tags,
        case_types={k: CASE_TYPE_TITLES[k] for k in CASE_TYPES},
        provinces=region_options(None),
    )
    _VOCAB[key] = v
    return v


def region_options(parent: str | None) -> list[dict[str, str]]:
    """The divisions directly under ``parent`` (provinces when None), for a picker."""
    return [dict(x) for x in _region_options(vocab.normalize_region(parent) if parent else None)]


@lru_cache(maxsize=4096)
def _region_options(parent: str | None) -> tuple[tuple[tuple[str, str], ...], ...]:
    # The divisions ship with caselib and do not change while it runs.
    return tuple((("code", r.code), ("name", r.name)) for r in vocab.region_children(parent))


def region_path(code: str | None) -> list[dict[str, str]]:
    """Province › city › county of a code (2, 4 or 6 digits)."""
    code = vocab.normalize_region(code) if code else None
    return [{"code": r.code, "name": r.name} for r in vocab.region_path(code)]


def region_name(code: str | None) -> str:
    if code in (None, "", "unknown"):
        return "未知地区"
    return vocab.region_name(vocab.normalize_region(code))


def region_label(code: str | None) -> str:
    return vocab.region_label(code) if code else ""


# -- similar cases for a draft --------------------------------------------------------------


def similar_for_draft(
    lib: Library, *, text: str = "", upload: Upload | None = None, limit: int = 8
) -> list[SimilarHit]:
    """The existing cases most similar to a draft: from its file when there is one (and it
    can be read), else from the text typed into the form."""
    if upload is not None and upload.data:
        try:
            return similar.similar_to_file(lib, upload.data, upload.filename, limit=limit)
        except DocumentRejected:
            if not text.strip():
                raise
    if not text.strip():
        return []
    return similar.similar_to_text(lib, text, limit=limit)


def parse_filled_template(lib: Library, upload: Upload) -> dict[str, Any] | None:
    """The form fields of an uploaded filled-in 申报表, or None when the file is not one."""
    try:
        return template.parse_template(
            upload.data,
            filename=upload.filename,
            limits=lib.extract_limits,
            soffice=lib.settings.soffice or None,
        )
    except ExtractionError as e:
        if e.code == "not_a_template":
            return None
        raise DocumentRejected(e.message, code=e.code) from e


def blank_template() -> bytes:
    return template.render_template()


# -- uploads kept between two round trips of a form -----------------------------------------

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
STAGE_SECONDS = 2 * 3600


def _stage_dir(lib: Library):
    return lib.settings.home_path / "staging"


def stage_upload(lib: Library, upload: Upload, owner: int) -> str:
    """Keep an upload for a while so a form sent back with errors need not ask for the file
    again. Returns a token; only the same user can take it back."""
    d = _stage_dir(lib)
    d.mkdir(parents=True, exist_ok=True)
    now = time.time()
    for old in d.glob("*.json"):  # tidy up what was left behind
        try:
            if now - old.stat().st_mtime > STAGE_SECONDS:
                old.unlink(missing_ok=True)
                old.with_suffix(".bin").unlink(missing_ok=True)
        except OSError:
            pass
    token = secrets.token_urlsafe(24)
    (d / f"{token}.bin").write_bytes(upload.data)
    (d / f"{token}.json").write_text(
        json.dumps({"name": PurePath(upload.filename).name, "owner": owner}), encoding="utf-8"
    )
    return token


def staged_upload(lib: Library, token: str | None, owner: int) -> Upload | None:
    if not token or not _TOKEN.match(token):
        return None
    d = _stage_dir(lib)
    try:
        meta = json.loads((d / f"{token}.json").read_text(encoding="utf-8"))
        if (
            meta.get("owner") != owner
            or time.time() - (d / f"{token}.json").stat().st_mtime > STAGE_SECONDS
        ):
            return None
        return Upload(meta["name"], (d / f"{token}.bin").read_bytes())
    except (OSError, ValueError, KeyError):
        return None


def drop_staged(lib: Library, token: str | None) -> None:
    if not token or not _TOKEN.match(token):
        return
    d = _stage_dir(lib)
    (d / f"{token}.bin").unlink(missing_ok=True)
    (d / f"{token}.json").unlink(missing_ok=True)


# -- the audit log --------------------------------------------------------------------------


def recent_audit(lib: Library, limit: int = 200) -> list[dict[str, Any]]:
    with lib.db.session() as session:
        rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit))
        return [
            {
                "at": e.at.isoformat(timespec="seconds"),
                "actor": e.actor,
                "action": e.action,
                "object_type": e.object_type,
                "object_id": e.object_id,
                "detail": e.detail or {},
            }
            for e in rows
        ]


def has_document(lib: Library, case_no: str) -> bool:
    with lib.db.session() as session:
        return (
            session.scalar(
                select(func.count()).select_from(Document).join(Case).where(Case.case_no == case_no)
            )
            > 0
        )
