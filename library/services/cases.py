"""Cases: submission through the form (申报表 + 上传案例), reading, the index view of a case."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import PurePath
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from indexer import (
    ExtractedDocument,
    ExtractionError,
    Finding,
    IndexDoc,
    SimilarHit,
    anonymize,
    extract,
    find_in_fields,
    in_context,
)

from ..errors import DuplicateDocument, FieldError, NotFound, ValidationFailed
from ..models import BORROWED_TYPES, CASE_TYPE_TITLES, Case, Counter, Document, Region, Tag, Theme
from ..storage.files import sha256_bytes
from . import audit, validation, vocab
from .audit import Actor
from .context import Library

log = logging.getLogger(__name__)

CASE_NO_PREFIX = "YS"


@dataclass
class Upload:
    """An uploaded file: its original name and bytes."""

    filename: str
    data: bytes

    @property
    def sha256(self) -> str:
        return sha256_bytes(self.data)


@dataclass
class Draft:
    """A checked submission, ready to be stored."""

    form: dict[str, Any]
    upload: Upload | None
    extracted: ExtractedDocument | None
    theme: Theme | None
    tags: list[Tag]
    borrowed: Case | None
    similar: list[SimilarHit] = field(default_factory=list)
    # Place and person names the submitter chose to replace, per field (for the audit log).
    anonymized: dict[str, list[Finding]] = field(default_factory=dict)

    @property
    def near_duplicates(self) -> list[SimilarHit]:
        return [h for h in self.similar if h.near_duplicate]


class NearDuplicate(ValidationFailed):
    """The upload is a near-duplicate of existing cases; the submitter must confirm."""

    code = "near_duplicate"
    status = 409
    message = "上传的案例与库中已有案例高度相似，请确认后再保存"

    def __init__(self, hits: list[SimilarHit]):
        self.hits = hits
        names = "、".join(f"{h.case_no}《{h.name}》" for h in hits[:3])
        super().__init__([FieldError("file", "near_duplicate", f"与已有案例高度相似：{names}")])

    def as_dict(self) -> dict[str, Any]:
        out = super().as_dict()
        out["code"] = self.code
        out["message"] = self.message
        out["similar"] = [h.as_dict() for h in self.hits]
        return out


# -- numbering ------------------------------------------------------------------------------


def reserve_case_nos(session: Session, year: int, count: int = 1) -> list[str]:
    """The next ``count`` case numbers of a year: YS2026-00001, ... Portable (SQLite and
    PostgreSQL): the counter row is updated inside the caller's transaction, which
    serializes writers until it commits."""
    name = f"case_no:{year}"
    for _ in range(5):
        res = session.execute(
            update(Counter).where(Counter.name == name).values(value=Counter.value + count)
        )
        if res.rowcount:
            last = session.scalar(select(Counter.value).where(Counter.name == name))
            break
        try:
            with session.begin_nested():
                session.add(Counter(name=name, value=count))
            last = count
            break
        except IntegrityError:
            continue  # another writer created the row first
    else:
        raise RuntimeError("could not allocate a case number")
    return [f"{CASE_NO_PREFIX}{year}-{n:05d}" for n in range(last - count + 1, last + 1)]


def next_case_no(session: Session, year: int) -> str:
    return reserve_case_nos(session, year, 1)[0]


# -- reading --------------------------------------------------------------------------------


def get_case(session: Session, case_no: str) -> Case:
    case = session.scalar(
        select(Case)
        .where(Case.case_no == case_no.strip())
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


def find_borrowed(session: Session, ref: str) -> Case | None:
    """A case by its number, or by its exact name (the most recent one)."""
    ref = ref.strip()
    case = session.scalar(select(Case).where(Case.case_no == ref))
    if case is None:
        case = session.scalar(
            select(Case).where(Case.name == ref).order_by(Case.id.desc()).limit(1)
        )
    return case


@cache
def _template_boilerplate() -> tuple[str, re.Pattern[str]]:
    """The 申报表's own words, as a filled-in template shows them in its extracted text: the
    title, the field titles heading the table cells (with the required-field star), the
    grey notes left in empty fields, the case-type check boxes."""
    schema = validation.load_schema("case_form")
    props = schema["properties"]
    titles = sorted({p["title"] for p in props.values() if p.get("title")}, key=len, reverse=True)
    notes = sorted(
        {p["x-note"].strip() for p in props.values() if p.get("x-note")}, key=len, reverse=True
    )
    choices = sorted(props["case_type"].get("x-enum-titles", {}).values(), key=len, reverse=True)
    alt = "|".join
    pattern = re.compile(
        rf"(?m)(?:^|(?<=\t))\*?(?:{alt(map(re.escape, titles))})(?=\t)"  # a title heading a cell
        rf"|(?:注[：:])?(?:{alt(map(re.escape, notes))})"  # a note left in an empty field
        rf"|[☐☑■□√✔]\s*(?:{alt(map(re.escape, choices))})"  # a case-type check box
    )
    return schema["title"], pattern


def index_text(text: str) -> str:
    """A document's text as the index should see it. In a filled-in 申报表 the form's own
    words (its title 营商环境改革创新案例申报表, field titles, notes, check boxes) are in
    every case and would match every search; they are left out. Other documents are kept
    as they are."""
    title, pattern = _template_boilerplate()
    if title not in text:
        return text
    return pattern.sub(" ", text.replace(title, " ", 1))


def index_doc(case: Case) -> IndexDoc:
    doc = case.document
    parts = [
        case.name,
        case.summary or "",
        case.problem or "",
        case.solution or "",
        case.traditional_practice or "",
        case.innovative_practice or "",
        case.application_scenario or "",
    ]
    form_text = "\n".join(p for p in parts[2:] if p)
    text = index_text(doc.text) if doc is not None and doc.text else ""
    if form_text and form_text not in text:
        text = (text + "\n" + form_text).strip() if text else form_text
    return IndexDoc(
        case_no=case.case_no,
        name=case.name,
        text=text,
        summary=case.summary or "",
        file_name=doc.original_name if doc is not None else None,
        theme=case.theme.name if case.theme is not None else None,
        tags=tuple(t.name for t in case.tags),
        case_type=case.case_type,
        region=case.region_code,
        unit=case.unit_name,
        published=case.published_at,
        rating=case.rating_avg,
        rating_count=case.rating_count or 0,
    )


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
        "region": vocab.region_label(case.region_code) if case.region_code else None,
        "unit": case.unit_name,
        "contact_name": case.contact_name,
        "contact_phone": case.contact_phone,
        "published_at": case.published_at.isoformat() if case.published_at else None,
        "status": case.status,
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
        },
    }


# -- submission -----------------------------------------------------------------------------

FORM_FIELDS = validation.form_fields("case_form")


def extract_upload(lib: Library, upload: Upload) -> ExtractedDocument:
    return extract(upload.data, upload.filename, **lib.extract_options)


def check_submission(
    lib: Library,
    session: Session,
    raw: dict[str, Any],
    upload: Upload | None,
    actor: Actor,
    *,
    require_file: bool = True,
) -> Draft:
    """Validate a submission completely: every bad field at once (schema rules, the
    vocabularies, the borrowed-from case, the file). Raises :class:`ValidationFailed`."""
    form = validation.clean_form("case_form", {k: v for k, v in raw.items() if k in FORM_FIELDS})
    if isinstance(form.get("tags"), str):
        form["tags"] = [
            t for t in (x.strip() for x in form["tags"].replace("，", ",").split(",")) if t
        ]
    user = actor.user
    if not form.get("region_code") and user is not None and user.region_code:
        form["region_code"] = user.region_code
    if not form.get("unit") and user is not None and user.unit is not None:
        form["unit"] = user.unit.name
    errors = validation.validate("case_form", form)
    bad = {e.field for e in errors}

    theme = None
    if form.get("theme") and "theme" not in bad:
        theme = vocab.theme_by_name(session, form["theme"])
        if theme is None or theme.parent_id is None:
            errors.append(FieldError("theme", "invalid_choice", "请从案例主题目录中选择主题"))
    tags: list[Tag] = []
    if form.get("tags") and "tags" not in bad:
        known = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(form["tags"])))}
        unknown = [t for t in form["tags"] if t not in known]
        if unknown:
            errors.append(
                FieldError("tags", "invalid_choice", "不在统一标签中：" + "、".join(unknown))
            )
        tags = [known[t] for t in form["tags"] if t in known]
    if form.get("region_code") and "region_code" not in bad:
        if session.get(Region, form["region_code"]) is None:
            errors.append(
                FieldError("region_code", "invalid_choice", "填报地区不是有效的行政区划代码")
            )
    borrowed = None
    if (
        form.get("case_type") in BORROWED_TYPES
        and form.get("borrowed_from")
        and "borrowed_from" not in bad
    ):
        borrowed = find_borrowed(session, form["borrowed_from"])
        if borrowed is None:
            errors.append(
                FieldError(
                    "borrowed_from", "not_found", "找不到借鉴的案例，请按编号或名称从案例库中选择"
                )
            )

    anonymized: dict[str, list[Finding]] = {}
    found = find_in_fields({f: form.get(f) for f in ANONYMOUS_FIELDS if f not in bad})
    if found and _truthy(raw.get("apply_anonymization")):
        for f, findings in found.items():
            form[f] = anonymize(form[f], findings)
        anonymized, found = found, {}
    for f, findings in found.items():
        errors.append(identifying_error(f, form[f], findings))

    extracted = None
    if upload is None or not upload.data:
        if require_file:
            errors.append(FieldError("file", "required", "请上传案例文档（Word 或 PDF）"))
    else:
        try:
            extracted = extract_upload(lib, upload)
        except ExtractionError as e:
            errors.append(FieldError("file", e.code, e.message))
    if errors:
        raise ValidationFailed(errors)
    return Draft(
        form=form,
        upload=upload,
        extracted=extracted,
        theme=theme,
        tags=tags,
        borrowed=borrowed,
        anonymized=anonymized,
    )


# The fields the 申报表 says must carry no place or person names.
ANONYMOUS_FIELDS = tuple(
    f for f, p in validation.load_schema("case_form")["properties"].items() if p.get("x-anonymous")
)


def _truthy(value: Any) -> bool:
    return value is True or (
        isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "on")
    )


def identifying_error(field_name: str, text: str, findings: list[Finding]) -> FieldError:
    listed = "、".join(f"{f.text}→{f.replacement}" for f in findings[:8])
    more = f" 等 {len(findings)} 处" if len(findings) > 8 else ""
    title = validation.field_title("case_form", field_name)
    return FieldError(
        field_name,
        "identifying_info",
        f"{title}中不能出现地名、人名等信息：{listed}{more}。请修改，或选择自动替换为中性表述",
        detail={"findings": in_context(text, findings)},
    )


def submit(
    lib: Library,
    raw: dict[str, Any],
    upload: Upload | None,
    actor: Actor,
    *,
    confirm_near_duplicate: bool = False,
    status: str = "published",
) -> Case:
    """Check and store a case from the form and its document; index it. Nothing is stored
    when anything is wrong."""
    with lib.db.session() as session:
        draft = check_submission(lib, session, raw, upload, actor)
    if upload is not None:
        existing = existing_document(lib, upload.sha256)
        if existing is not None:
            raise DuplicateDocument(
                f"该文件已在案例库中：{existing[0]}《{existing[1]}》",
                details={"case_no": existing[0]},
            )
    if draft.extracted is not None and not confirm_near_duplicate:
        from .similar import similar_to_text

        draft.similar = similar_to_text(lib, draft.extracted.text, limit=5)
        if draft.near_duplicates:
            raise NearDuplicate(draft.near_duplicates)
    case_no = store(lib, draft, actor, status=status)
    from .indexing import index_cases

    index_cases(lib, [case_no])
    with lib.db.session() as session:
        return get_case(session, case_no)


def existing_document(lib: Library, sha256: str) -> tuple[str, str] | None:
    with lib.db.session() as session:
        row = session.execute(
            select(Case.case_no, Case.name)
            .join(Document, Document.case_id == Case.id)
            .where(Document.sha256 == sha256)
            .limit(1)
        ).first()
    return (row[0], row[1]) if row else None


def store(
    lib: Library, draft: Draft, actor: Actor, *, status: str = "published", source: str = "form"
) -> str:
    """Write a checked draft: the file into the store, the rows in one transaction."""
    sha = None
    if draft.upload is not None:
        sha = draft.upload.sha256
        lib.files.put(draft.upload.data, sha)
    try:
        return _store_rows(lib, draft, actor, sha, status=status, source=source)
    except IntegrityError as e:
        # documents.sha256 is unique: the same file stored meanwhile by someone else.
        existing = existing_document(lib, sha) if sha else None
        if existing is None:
            drop_unreferenced_file(lib, sha)
            raise
        raise DuplicateDocument(
            f"该文件已在案例库中：{existing[0]}《{existing[1]}》", details={"case_no": existing[0]}
        ) from e
    except BaseException:
        drop_unreferenced_file(lib, sha)  # leave nothing half-stored
        raise


def drop_unreferenced_file(lib: Library, sha: str | None) -> None:
    """Remove a stored file that no document refers to (after a failed write). A file
    another case refers to (the same bytes stored twice) stays."""
    if sha and existing_document(lib, sha) is None:
        lib.files.delete(sha)


def _store_rows(
    lib: Library, draft: Draft, actor: Actor, sha: str | None, *, status: str, source: str
) -> str:
    form = draft.form
    published = date.fromisoformat(form["published_at"]) if form.get("published_at") else None
    if published is None and status == "published":
        published = date.today()
    with lib.db.transaction() as session:
        case_no = next_case_no(session, (published or date.today()).year)
        case = Case(
            case_no=case_no,
            name=form["name"],
            summary=form.get("summary") or "",
            problem=form.get("problem"),
            solution=form.get("solution"),
            traditional_practice=form.get("traditional_practice"),
            innovative_practice=form.get("innovative_practice"),
            application_scenario=form.get("application_scenario"),
            theme_id=draft.theme.id if draft.theme else None,
            case_type=form.get("case_type"),
            borrowed_from_id=draft.borrowed.id if draft.borrowed else None,
            region_code=form.get("region_code"),
            unit_name=form.get("unit"),
            unit_id=actor.user.unit_id if actor.user is not None else None,
            contact_name=form.get("contact_name"),
            contact_phone=form.get("contact_phone"),
            published_at=published,
            status=status,
            source=source,
            created_by_id=actor.user_id,
        )
        case.tags = [session.merge(t) for t in draft.tags]
        session.add(case)
        session.flush()
        if draft.upload is not None and draft.extracted is not None:
            ex = draft.extracted
            session.add(
                Document(
                    case_id=case.id,
                    original_name=PurePath(draft.upload.filename).name[:255],
                    sha256=sha,
                    size=len(draft.upload.data),
                    media_type=ex.media_type,
                    format=ex.format,
                    text=ex.text,
                    pages=ex.pages,
                    converter=ex.converter,
                )
            )
        audit.record(
            session,
            actor,
            "case.create",
            "case",
            case_no,
            name=case.name,
            source=source,
            file=draft.upload.filename if draft.upload else None,
            anonymized={f: [x.as_dict() for x in v] for f, v in draft.anonymized.items()} or None,
        )
    return case_no
