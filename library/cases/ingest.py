"""Bulk ingest: files and folders (and a CSV manifest of metadata) into the library.

Pipeline: the main process walks the inputs, reads each file, skips those already in the
library (same SHA-256), and hands the bytes to worker processes, which extract the text and
segment it (the CPU-heavy part, on every core). The main process stores each file, inserts
the rows in batches and feeds the pre-segmented document to one index writer, committed at
the end. A file that fails is reported at the end; the others go on. Running it twice
adds nothing the second time.
"""

from __future__ import annotations

import csv
import logging
import os
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from indexer import (
    SUPPORTED_EXTENSIONS,
    Analyzed,
    ExtractedDocument,
    ExtractionError,
    IndexDoc,
    analyze_doc,
    extract,
    worker_pool,
)

from .. import validation
from ..accounts.audit import Actor
from ..accounts.models import AuditEvent
from ..errors import CaselibError, FieldError, ValidationFailed
from ..storage.base import utcnow
from ..storage.files import safe_name, sha256_bytes
from ..vocab import catalogue
from ..vocab.models import Region, Tag, Theme
from . import changes
from .indexing import _mark_indexed
from .models import CASE_TYPES, Case, CaseHistory, CaseTag, Document, DocumentVersion
from .numbering import reserve_case_nos
from .read import find_borrowed
from .submit import drop_unreferenced_file
from .text import index_text

if TYPE_CHECKING:
    from ..context import Library

log = logging.getLogger(__name__)

BATCH = 100
IN_FLIGHT = 96
NAME_MAX = 50
SUMMARY_MAX = 150
_DATE_IN_NAME = re.compile(r"(19\d{2}|20\d{2})[-_.年](\d{1,2})[-_.月](\d{1,2})")
# Manifest columns: the case form's fields.
MANIFEST_FIELDS = validation.form_fields("case_form")


@dataclass
class Failure:
    path: str
    code: str
    message: str


@dataclass
class IngestReport:
    added: list[tuple[str, str]] = field(default_factory=list)  # (case_no, path)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, existing case_no)
    failed: list[Failure] = field(default_factory=list)
    characters: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": [{"case_no": c, "path": p} for c, p in self.added],
            "skipped": [{"path": p, "case_no": c} for p, c in self.skipped],
            "failed": [f.__dict__ for f in self.failed],
            "characters": self.characters,
        }


@dataclass
class _Job:
    seq: int
    path: str
    filename: str
    data: bytes
    sha256: str
    meta: dict[str, Any]


@dataclass
class _Done:
    seq: int
    extracted: ExtractedDocument | None = None
    analyzed: Analyzed | None = None
    error: tuple[str, str] | None = None
    template: dict[str, Any] | None = None  # the fields of a filled-in 申报表


# -- inputs ---------------------------------------------------------------------------------


def collect_files(paths: list[str | os.PathLike]) -> tuple[list[Path], list[Failure]]:
    """Files to ingest, in a stable order: explicit files as given (any extension, so an
    unsupported one is reported), folders walked for supported extensions."""
    files: list[Path] = []
    failures: list[Failure] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = []
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for n in names:
                    if (
                        not n.startswith(".")
                        and not n.startswith("~$")
                        and Path(n).suffix.lower() in SUPPORTED_EXTENSIONS
                    ):
                        found.append(Path(root) / n)
            files.extend(sorted(found))
        elif p.is_file():
            files.append(p)
        else:
            failures.append(Failure(str(p), "not_found", "文件或文件夹不存在"))
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, failures


def read_manifest(path: str | os.PathLike) -> dict[Path, dict[str, Any]]:
    """CSV with a header: ``file`` (or ``path``), relative to the manifest's folder or
    absolute, and any form field (name, theme, case_type, region_code, unit, published_at,
    tags separated by ; or ，...). UTF-8 (with or without BOM) or GB18030 (Excel)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise CaselibError(f"无法读取清单文件：{p}（{e.strerror}）", code="bad_manifest") from e
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise CaselibError("清单文件编码无法识别，请保存为 UTF-8 编码的 CSV", code="bad_manifest")
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames:
        raise CaselibError("清单文件为空", code="bad_manifest")
    cols = [c.strip() for c in reader.fieldnames]
    key = next((c for c in ("file", "path", "文件") if c in cols), None)
    if key is None:
        raise CaselibError("清单文件缺少 file 列（文件路径）", code="bad_manifest")
    unknown = [c for c in cols if c not in MANIFEST_FIELDS and c not in ("file", "path", "文件")]
    if unknown:
        raise CaselibError("清单文件有不认识的列：" + "、".join(unknown), code="bad_manifest")
    out: dict[Path, dict[str, Any]] = {}
    for row in reader:
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        f = Path(row.pop(key))
        if not f.is_absolute():
            f = p.parent / f
        meta = {k: v for k, v in row.items() if v}
        if "tags" in meta:
            meta["tags"] = [t.strip() for t in re.split(r"[;；,，、]", meta["tags"]) if t.strip()]
        out[f.resolve()] = meta
    return out


def check_defaults(lib: Library, defaults: dict[str, Any]) -> None:
    """The metadata given for every file must be valid before anything starts."""
    errors: list[FieldError] = []
    with lib.db.session() as s:
        if defaults.get("theme"):
            t = catalogue.theme_by_name(s, defaults["theme"])
            if t is None or t.parent_id is None:
                names = "、".join(x.name for x in catalogue.leaf_themes(s))
                errors.append(
                    FieldError(
                        "theme",
                        "invalid_choice",
                        f"未知的案例主题：{defaults['theme']}（可选：{names}）",
                    )
                )
        if defaults.get("region_code"):
            if s.get(Region, defaults["region_code"]) is None:
                errors.append(
                    FieldError(
                        "region_code",
                        "invalid_choice",
                        f"未知的行政区划代码：{defaults['region_code']}",
                    )
                )
        if defaults.get("case_type") and defaults["case_type"] not in CASE_TYPES:
            errors.append(
                FieldError(
                    "case_type",
                    "invalid_choice",
                    f"未知的案例类型：{defaults['case_type']}（可选：{'、'.join(CASE_TYPES)}）",
                )
            )
    if errors:
        raise ValidationFailed(errors)


def _take_template(lib: Library, job: _Job, template: dict[str, Any], v: _Vocab) -> None:
    """A filled-in 申报表's fields become the file's metadata, except those the manifest or
    the command line set, and those that break the form's rules (left unknown: the file
    is still stored; the form is a document here, not a submission)."""
    meta = {**template, **job.meta}
    from_template = {k: meta[k] for k in template if k not in job.meta}
    bad = {e.field for e in check_meta(lib, from_template, v)}
    job.meta = {k: val for k, val in meta.items() if k not in bad}


def check_meta(lib: Library, meta: dict[str, Any], v: _Vocab) -> list[FieldError]:
    """The metadata of one file (the manifest's row) against the form's rules and the
    vocabularies: what is given must be valid; what is missing stays unknown."""
    data = {k: meta[k] for k in MANIFEST_FIELDS if meta.get(k) not in (None, "", [])}
    # Only what is given is checked: a borrowed case whose borrowed-from case is not
    # given is stored without the link (unknown), like any other missing metadata.
    errors = [e for e in validation.validate("case_form", data) if e.field in data]
    bad = {e.field for e in errors}
    if "theme" in data and "theme" not in bad and data["theme"] not in v.themes:
        errors.append(FieldError("theme", "invalid_choice", f"未知的案例主题：{data['theme']}"))
    if "region_code" in data and "region_code" not in bad and data["region_code"] not in v.regions:
        errors.append(
            FieldError(
                "region_code", "invalid_choice", f"未知的行政区划代码：{data['region_code']}"
            )
        )
    unknown = [t for t in data.get("tags") or [] if t not in v.tags]
    if unknown and "tags" not in bad:
        errors.append(FieldError("tags", "invalid_choice", "不在统一标签中：" + "、".join(unknown)))
    if data.get("borrowed_from") and "borrowed_from" not in bad:
        with lib.db.session() as s:
            if find_borrowed(s, data["borrowed_from"]) is None:
                errors.append(
                    FieldError(
                        "borrowed_from", "not_found", f"找不到借鉴的案例：{data['borrowed_from']}"
                    )
                )
    return errors


# -- the worker side ------------------------------------------------------------------------

_EXTRACT_OPTS: dict[str, Any] = {}


def _init_worker(opts: dict[str, Any]) -> None:
    _EXTRACT_OPTS.clear()
    _EXTRACT_OPTS.update(opts)


def _work(job: _Job) -> _Done:
    try:
        ex = extract(job.data, job.filename, **_EXTRACT_OPTS)
    except ExtractionError as e:
        return _Done(job.seq, error=(e.code, e.message))
    except Exception as e:  # noqa: BLE001 - one bad file must not stop the run
        log.exception("extracting %s", job.path)
        return _Done(job.seq, error=("internal_error", f"处理文件时出错：{type(e).__name__}"))
    template = _template_fields(job, ex)
    # A filled-in 申报表: its fields are the case's metadata, where the manifest or the
    # command line do not say otherwise (the main process checks them: _take_template).
    meta = {**template, **job.meta} if template else job.meta
    doc = IndexDoc(
        case_no="",
        name=_name(meta, ex, job.filename),
        text=index_text(ex.text),
        summary=_summary(meta, ex),
        file_name=job.filename,
    )
    try:
        analyzed = analyze_doc(doc)
    except Exception as e:  # noqa: BLE001
        log.exception("analysing %s", job.path)
        return _Done(job.seq, error=("internal_error", f"分词时出错：{type(e).__name__}"))
    # The text travels once, inside the analysed document.
    ex.blocks = []
    return _Done(job.seq, extracted=ex, analyzed=analyzed, template=template)


def _template_fields(job: _Job, ex: ExtractedDocument) -> dict[str, Any] | None:
    if ex.format != "docx" or validation.load_schema("case_form")["title"] not in ex.text:
        return None
    from .template import parse_template

    try:
        return parse_template(job.data, filename=job.filename) or None
    except ExtractionError:
        return None


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _name(meta: dict[str, Any], ex: ExtractedDocument, filename: str) -> str:
    if meta.get("name"):
        return _clip(meta["name"], NAME_MAX)
    title = (ex.title or "").strip().lstrip("#").strip()
    return _clip(title or Path(filename).stem, NAME_MAX)


def _summary(meta: dict[str, Any], ex: ExtractedDocument) -> str:
    if meta.get("summary"):
        return _clip(meta["summary"], SUMMARY_MAX)
    title = (ex.title or "").strip()
    for line in ex.text.splitlines():
        line = line.strip().lstrip("#").strip()
        if len(line) >= 10 and line != title:
            return _clip(line, SUMMARY_MAX)
    return ""


def _date_from_name(filename: str) -> date | None:
    m = _DATE_IN_NAME.search(filename)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# -- the main side --------------------------------------------------------------------------


class _Vocab:
    def __init__(self, lib: Library):
        with lib.db.session() as s:
            self.themes = {
                t.name: t.id for t in s.scalars(select(Theme).where(Theme.parent_id.is_not(None)))
            }
            self.tags = {t.name: t.id for t in s.scalars(select(Tag))}
            self.regions = set(s.scalars(select(Region.code)))


def ingest(
    lib: Library,
    paths: list[str | os.PathLike],
    *,
    manifest: str | os.PathLike | None = None,
    defaults: dict[str, Any] | None = None,
    actor: Actor | None = None,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    source: str = "ingest",
) -> IngestReport:
    actor = actor or Actor.cli()
    defaults = {k: v for k, v in (defaults or {}).items() if v}
    check_defaults(lib, defaults)
    per_file = read_manifest(manifest) if manifest else {}
    files, failures = collect_files(
        list(paths) + [p for p in per_file if not any(_inside(p, Path(x)) for x in paths)]
    )
    report = IngestReport(failed=failures)
    if not files:
        return report
    with lib.db.session() as s:
        known = dict(
            s.execute(
                select(Document.sha256, Case.case_no).join(Case, Case.id == Document.case_id)
            ).all()
        )
    vocab_ids = _Vocab(lib)
    n_workers = workers or lib.settings.ingest_workers or os.cpu_count() or 1
    total = len(files)
    done_count = 0

    # Files read ahead of the main loop: enough that the workers keep segmenting while the
    # main process stores a batch or commits an index segment, few enough to bound memory.
    in_flight = threading.BoundedSemaphore(IN_FLIGHT)
    jobs_meta: dict[int, _Job] = {}
    copies: list[tuple[str, str]] = []  # (path, the earlier file of this run with the same bytes)

    def jobs() -> Iterator[_Job]:
        nonlocal done_count
        seen: dict[str, str] = {}
        for seq, f in enumerate(files):
            try:
                data = f.read_bytes()
            except OSError as e:
                report.failed.append(Failure(str(f), "unreadable", f"无法读取文件：{e.strerror}"))
                done_count += 1
                continue
            sha = sha256_bytes(data)
            if sha in known:
                report.skipped.append((str(f), known[sha]))
                done_count += 1
                continue
            if sha in seen:
                copies.append((str(f), seen[sha]))
                done_count += 1
                continue
            seen[sha] = str(f)
            meta = dict(defaults)
            meta.update(per_file.get(f.resolve(), {}))
            bad = check_meta(lib, meta, vocab_ids)
            if bad:
                report.failed.append(
                    Failure(str(f), bad[0].code, "；".join(e.message for e in bad))
                )
                done_count += 1
                continue
            job = _Job(seq, str(f), safe_name(f.name), data, sha, meta)
            in_flight.acquire()
            jobs_meta[seq] = job
            yield job

    opts = lib.extract_options
    pending: list[tuple[_Job, _Done]] = []
    # The case numbers of each stored batch and the time its rows were written: marked as
    # indexed once the index writer has committed them.
    stored: list[tuple[list[str], datetime]] = []

    with lib.index.writing(timeout=max(lib.index.lock_timeout, 600), bulk=True) as writer:

        def flush() -> None:
            if not pending:
                return
            now = utcnow()
            try:
                rows = _store_batch(lib, pending, vocab_ids, actor, source, now)
            except IntegrityError:
                # The same file stored meanwhile by another process (documents.sha256 is
                # unique): those files are skipped, the rest of the batch stored.
                shas = [job.sha256 for job, _ in pending]
                with lib.db.session() as s:
                    taken = dict(
                        s.execute(
                            select(Document.sha256, Case.case_no)
                            .join(Case, Case.id == Document.case_id)
                            .where(Document.sha256.in_(shas))
                        ).all()
                    )
                if not taken:
                    raise
                report.skipped.extend(
                    (job.path, taken[job.sha256]) for job, _ in pending if job.sha256 in taken
                )
                pending[:] = [(job, done) for job, done in pending if job.sha256 not in taken]
                if not pending:
                    return
                rows = _store_batch(lib, pending, vocab_ids, actor, source, now)
            for (job, done), (case_no, doc) in zip(pending, rows, strict=True):
                a = done.analyzed
                a.doc = doc
                writer.add(a, update=False)
                report.added.append((case_no, job.path))
                report.characters += len(doc.text)
            stored.append(([c for c, _ in rows], now))
            pending.clear()

        if n_workers > 1 and total > 1:
            pool = worker_pool(n_workers, initializer=_init_worker, initargs=(opts,))
            # In input order, so case numbers follow the order of the files; the read-ahead
            # keeps the workers busy behind a long document.
            results = pool.imap(_work, jobs(), chunksize=1)
        else:
            pool = None
            _init_worker(opts)
            results = map(_work, jobs())
        try:
            for done in results:
                job = jobs_meta.pop(done.seq)
                in_flight.release()
                done_count += 1
                if done.error:
                    report.failed.append(Failure(job.path, *done.error))
                else:
                    if done.template:
                        _take_template(lib, job, done.template, vocab_ids)
                    pending.append((job, done))
                    if len(pending) >= BATCH:
                        flush()
                if progress:
                    progress(done_count, total)
            flush()
        finally:
            if pool is not None:
                pool.terminate()
                pool.join()
    for case_nos, at in stored:
        _mark_indexed(lib, case_nos, at)
    changes.taken(lib, {c: at for case_nos, at in stored for c in case_nos})
    # A copy of a file of this run is skipped as that file's case, or fails as it did.
    added = {path: case_no for case_no, path in report.added}
    failed = {f.path: f for f in report.failed}
    for path, first in copies:
        if first in added:
            report.skipped.append((path, added[first]))
        elif first in failed:
            report.failed.append(Failure(path, failed[first].code, failed[first].message))
    if progress:
        progress(total, total)
    return report


def _inside(p: Path, root: Path) -> bool:
    try:
        p.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def _store_batch(
    lib: Library,
    batch: list[tuple[_Job, _Done]],
    v: _Vocab,
    actor: Actor,
    source: str,
    now: datetime,
) -> list[tuple[str, IndexDoc]]:
    """Store the files and rows of one batch in one transaction (bulk inserts); returns the
    case numbers and the documents as the index must see them."""
    for job, _ in batch:
        lib.files.put(job.data, job.sha256)
    rows: list[dict[str, Any]] = []
    for job, done in batch:
        meta, a = job.meta, done.analyzed
        published = None
        if meta.get("published_at"):
            try:
                published = date.fromisoformat(meta["published_at"])
            except ValueError:
                published = None
        rows.append(
            {
                "name": a.doc.name,
                "summary": a.doc.summary,
                "problem": meta.get("problem"),
                "solution": meta.get("solution"),
                "traditional_practice": meta.get("traditional_practice"),
                "innovative_practice": meta.get("innovative_practice"),
                "application_scenario": meta.get("application_scenario"),
                "theme_id": v.themes.get(meta.get("theme") or ""),
                "case_type": meta.get("case_type") if meta.get("case_type") in CASE_TYPES else None,
                "region_code": meta.get("region_code")
                if meta.get("region_code") in v.regions
                else None,
                "unit_name": meta.get("unit"),
                "contact_name": meta.get("contact_name") or None,
                "contact_phone": meta.get("contact_phone") or None,
                "published_at": published or _date_from_name(job.filename),
                "status": "published",
                "status_changed_at": now,
                "source": source,
                "created_by_id": actor.user_id,
                "created_at": now,
                "updated_at": now,
                "rating_count": 0,
            }
        )
    out: list[tuple[str, IndexDoc]] = []
    try:
        with lib.db.transaction() as session:
            by_year: dict[int, list[int]] = {}
            for i, row in enumerate(rows):
                by_year.setdefault((row["published_at"] or now.date()).year, []).append(i)
            for year, idx in by_year.items():
                for i, case_no in zip(idx, reserve_case_nos(session, year, len(idx)), strict=True):
                    rows[i]["case_no"] = case_no
            for (job, _), row in zip(batch, rows, strict=True):
                ref = job.meta.get("borrowed_from")
                borrowed = find_borrowed(session, ref) if ref else None
                row["borrowed_from_id"] = borrowed.id if borrowed else None
            ids = session.scalars(
                insert(Case).returning(Case.id, sort_by_parameter_order=True), rows
            ).all()
            session.execute(
                insert(Document),
                [
                    {
                        "case_id": cid,
                        "original_name": job.filename[:255],
                        "sha256": job.sha256,
                        "size": len(job.data),
                        "media_type": done.extracted.media_type,
                        "format": done.extracted.format,
                        "text": done.extracted.text,
                        "pages": done.extracted.pages,
                        "converter": done.extracted.converter,
                        "created_at": now,
                    }
                    for cid, (job, done) in zip(ids, batch, strict=True)
                ],
            )
            session.execute(
                insert(DocumentVersion),
                [
                    {
                        "case_id": cid,
                        "version": 1,
                        "original_name": job.filename[:255],
                        "sha256": job.sha256,
                        "size": len(job.data),
                        "media_type": done.extracted.media_type,
                        "format": done.extracted.format,
                        "created_at": now,
                        "created_by_id": actor.user_id,
                    }
                    for cid, (job, done) in zip(ids, batch, strict=True)
                ],
            )
            # Ingested cases enter the library published (an administrator's bulk load).
            session.execute(
                insert(CaseHistory),
                [
                    {
                        "case_id": cid,
                        "at": now,
                        "user_id": actor.user_id,
                        "actor": actor.name,
                        "action": "ingest",
                        "from_status": None,
                        "to_status": "published",
                        "reason": None,
                    }
                    for cid in ids
                ],
            )
            tag_rows = [
                {"case_id": cid, "tag_id": tid}
                for cid, (job, _) in zip(ids, batch, strict=True)
                for tid in dict.fromkeys(
                    v.tags[t] for t in job.meta.get("tags") or [] if t in v.tags
                )
            ]
            if tag_rows:
                session.execute(insert(CaseTag), tag_rows)
            session.execute(
                insert(AuditEvent),
                [
                    {
                        "at": now,
                        "user_id": actor.user_id,
                        "actor": actor.name,
                        "action": "case.ingest",
                        "object_type": "case",
                        "object_id": row["case_no"],
                        "detail": {"name": row["name"], "file": job.path, "source": source},
                    }
                    for (job, _), row in zip(batch, rows, strict=True)
                ],
            )
    except BaseException:
        for job, _ in batch:
            drop_unreferenced_file(lib, job.sha256)
        raise
    themes_by_id = {tid: name for name, tid in v.themes.items()}
    for (job, done), row in zip(batch, rows, strict=True):
        out.append(
            (
                row["case_no"],
                IndexDoc(
                    case_no=row["case_no"],
                    name=row["name"],
                    text=done.analyzed.doc.text,
                    summary=row["summary"],
                    file_name=job.filename,
                    theme=themes_by_id.get(row["theme_id"]),
                    tags=tuple(t for t in job.meta.get("tags") or [] if t in v.tags),
                    case_type=row["case_type"],
                    region=row["region_code"],
                    unit=row["unit_name"],
                    published=row["published_at"],
                ),
            )
        )
        job.data = b""
    return out
