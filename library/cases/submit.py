"""Creating and editing a case through the form (申报表 + 上传案例).

Every bad field is reported at once and nothing is stored when anything is wrong. A new
case is a draft of the actor's unit (the workflow moves it on); an edit changes a case the
unit may still change (:data:`~library.cases.lifecycle.EDITABLE`), and a new file becomes
the next version of the document (every earlier file is kept). Callers that must do more
in the same transaction (the workflow: submit at once, answer a call) pass ``hook``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from indexer import (
    ExtractedDocument,
    ExtractionError,
    Finding,
    SimilarHit,
    anonymize,
    anonymize_docx,
    extract,
    find_in_document,
    find_in_fields,
    in_context,
    ocr_available,
)

from .. import validation
from ..accounts import audit
from ..accounts.audit import Actor
from ..errors import DuplicateDocument, FieldError, InvalidTransition, ValidationFailed
from ..permissions import require
from ..storage.files import safe_name, sha256_bytes
from ..vocab import catalogue
from ..vocab.models import Region, Tag, Theme
from ..vocab.regions import region_by_name, region_label, within
from .lifecycle import EDITABLE, record_history
from .links import LINK_CHECKS
from .models import BORROWED_TYPES, STATUS_TITLES, Case, Document, DocumentVersion
from .numbering import next_case_no
from .read import find_borrowed, get_case, visible_case
from .renditions import queue_for, scan_placeholder

if TYPE_CHECKING:
    from ..context import Library

log = logging.getLogger(__name__)

# What a caller may do in the transaction that stores the case: (session, case) -> None.
Hook = Callable[[Session, Case], None]


@dataclass
class Upload:
    """An uploaded file: its name (reduced to a safe base name: no folders of any
    platform, see :func:`~library.storage.files.safe_name`) and its bytes."""

    filename: str
    data: bytes

    def __post_init__(self) -> None:
        self.filename = safe_name(self.filename)

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
    # Place and person names the submitter chose to replace, per field (for the audit log),
    # and the 疑似 (possible) ones the submitter chose to keep.
    anonymized: dict[str, list[Finding]] = field(default_factory=dict)
    kept: dict[str, list[Finding]] = field(default_factory=dict)
    # The document: the anonymized copy of a .docx (readers get it; ``upload`` stays the
    # original, kept for admins), or the names left in a file that cannot be rewritten
    # (a PDF), for the approver to confirm.
    anonymized_upload: Upload | None = None
    document_findings: list[Finding] = field(default_factory=list)

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


FORM_FIELDS = validation.form_fields("case_form")
# What a submission may say besides the form's fields: how to deal with names found.
OPTION_KEYS = ("apply_anonymization", "anonymize_document", "keep_possible")
# The fields the 申报表 says must carry no place or person names.
ANONYMOUS_FIELDS = tuple(
    f for f, p in validation.load_schema("case_form")["properties"].items() if p.get("x-anonymous")
)


def extract_upload(lib: Library, upload: Upload) -> ExtractedDocument:
    return extract(upload.data, upload.filename, **lib.extract_options)


def _form(raw: dict[str, Any]) -> dict[str, Any]:
    form = validation.clean_form("case_form", {k: v for k, v in raw.items() if k in FORM_FIELDS})
    if isinstance(form.get("tags"), str):
        form["tags"] = [
            t for t in (x.strip() for x in form["tags"].replace("，", ",").split(",")) if t
        ]
    warning = form.get("warning_id")
    if isinstance(warning, str) and warning.strip().isdigit():
        form["warning_id"] = int(warning.strip())  # a form's text, an API's number
    region = form.get("region_code")
    if isinstance(region, str) and region and not region.isdigit():
        # 填报地区 written by name (台州市椒江区), as clerks fill in the 申报表.
        form["region_code"] = region_by_name(region) or region
    return form


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
    vocabularies, the borrowed-from case, the anonymity rule, the file). Raises
    :class:`ValidationFailed`."""
    form = _form(raw)
    user = actor.user
    if not form.get("region_code") and user is not None and user.region_code:
        form["region_code"] = user.region_code
    if not form.get("unit") and user is not None and user.unit is not None:
        form["unit"] = user.unit.name
    errors = validation.validate("case_form", form)
    bad = {e.field for e in errors}

    theme = None
    if form.get("theme") and "theme" not in bad:
        theme = catalogue.theme_by_name(session, form["theme"])
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
        elif (
            actor.role != "admin"
            and actor.region_code
            and not within(form["region_code"], actor.region_code)
        ):
            # The region decides which coordinator sees and publishes the case.
            errors.append(
                FieldError(
                    "region_code",
                    "out_of_scope",
                    f"填报地区应在本单位所在地区（{region_label(actor.region_code)}）之内",
                )
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

    if form.get("warning_id") is not None and "warning_id" not in bad:
        if form.get("case_type") != "rectification_borrowed":
            errors.append(
                FieldError(
                    "warning_id", "not_allowed", "只有“整改借鉴”类案例可以关联所整改的监测预警"
                )
            )
        else:
            check = LINK_CHECKS.get("warning_id")
            problem = check(session, form["warning_id"]) if check else "无法核对监测预警"
            if problem:
                errors.append(FieldError("warning_id", "not_found", problem))

    keep = _truthy(raw.get("keep_possible"))
    anonymized, kept = _check_fields(
        form, bad, errors, apply=_truthy(raw.get("apply_anonymization")), keep=keep
    )

    extracted = None
    anonymized_upload = None
    document_findings: list[Finding] = []
    if upload is None:  # an empty file is empty_file, a macro-enabled one macro_enabled
        if require_file:
            errors.append(FieldError("file", "required", "请上传案例文档（Word 或 PDF）"))
    else:
        try:
            extracted = extract_upload(lib, upload)
        except ExtractionError as e:
            if e.code == "no_text_layer" and ocr_available():
                # A scan: accepted, read by OCR in the background (its names are checked
                # on the OCR'd text, for the approver to confirm).
                extracted = scan_placeholder(upload.filename)
            else:
                errors.append(FieldError("file", e.code, e.message))
        else:
            extracted, anonymized_upload, document_findings, doc_kept = _check_document(
                lib,
                upload,
                extracted,
                errors,
                rewrite=_truthy(raw.get("anonymize_document")),
                keep=keep,
            )
            if doc_kept:
                kept["file"] = doc_kept
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
        kept=kept,
        anonymized_upload=anonymized_upload,
        document_findings=document_findings,
    )


def _split(findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    certain = [f for f in findings if f.certainty == "certain"]
    return certain, [f for f in findings if f.certainty != "certain"]


def _check_fields(
    form: dict[str, Any], bad: set[str], errors: list[FieldError], *, apply: bool, keep: bool
) -> tuple[dict[str, list[Finding]], dict[str, list[Finding]]]:
    """The anonymity rule on 传统做法 / 创新做法 / 应用场景: 确定 names block until replaced
    (``apply``: every one, and the 疑似 ones unless ``keep``); 疑似 ones block until the
    submitter keeps them (``keep``, recorded) or replaces them."""
    anonymized: dict[str, list[Finding]] = {}
    kept: dict[str, list[Finding]] = {}
    found = find_in_fields({f: form.get(f) for f in ANONYMOUS_FIELDS if f not in bad})
    for f, findings in found.items():
        certain, possible = _split(findings)
        if apply:
            replace = certain + ([] if keep else possible)
            form[f] = anonymize(form[f], replace)
            anonymized[f] = replace
            if keep and possible:
                kept[f] = possible
        elif certain:
            errors.append(identifying_error(f, form[f], findings))
        elif not keep:
            errors.append(possible_error(f, form[f], possible))
        else:
            kept[f] = possible
    return anonymized, kept


def _check_document(
    lib: Library,
    upload: Upload,
    extracted: ExtractedDocument,
    errors: list[FieldError],
    *,
    rewrite: bool,
    keep: bool,
) -> tuple[ExtractedDocument, Upload | None, list[Finding], list[Finding]]:
    """The anonymity rule on the document's body (the 申报表's header block is metadata,
    not content). A .docx with names is refused until the submitter has them replaced in
    the file itself (``rewrite``: an anonymized copy becomes the document readers get) or,
    for 疑似 ones, keeps them. Names in a file that cannot be rewritten (a PDF) are kept
    with the document for the approver to confirm. Returns (the document as readers get
    it, the anonymized copy or None, the names left in a non-Word file, the 疑似 ones
    kept)."""
    findings = find_in_document(extracted)
    if not findings:
        return extracted, None, [], []
    certain, possible = _split(findings)
    if extracted.format != "docx":
        return extracted, None, findings, []
    if rewrite:
        replace = certain + ([] if keep else possible)
        try:
            data = anonymize_docx(upload.data, replace, limits=lib.extract_limits)
            copy = Upload(_anonymized_name(upload.filename), data)
            cleaned = extract_upload(lib, copy)
        except ExtractionError as e:
            errors.append(FieldError("file", e.code, e.message))
            return extracted, None, [], []
        return cleaned, copy, [], possible if keep else []
    if certain:
        errors.append(document_error("identifying_info", extracted.text, findings))
    elif not keep:
        errors.append(document_error("possible_identifying_info", extracted.text, possible))
    else:
        return extracted, None, [], possible
    return extracted, None, [], []


def _anonymized_name(filename: str) -> str:
    name = _safe_name(filename)
    stem, dot, ext = name.rpartition(".")
    return f"{stem}（匿名化）.{ext}" if dot else f"{name}（匿名化）"


def _safe_name(filename: str) -> str:
    return safe_name(filename or "", "案例文档")


def document_error(code: str, text: str, findings: list[Finding]) -> FieldError:
    listed = "、".join(f"{f.text}→{f.replacement}" for f in findings[:8])
    more = f" 等 {len(findings)} 处" if len(findings) > 8 else ""
    if code == "identifying_info":
        message = (
            f"案例文档中有地名、人名等信息：{listed}{more}。可勾选“生成匿名化文档”，"
            "系统将在 Word 文件中替换为中性表述后保存（原文件仅管理员可见）"
        )
    else:
        message = (
            f"案例文档中有疑似地名、人名：{listed}{more}。请核对：可替换为中性表述，或确认保留"
        )
    return FieldError(
        "file", code, message, detail={"findings": in_context(text, findings), "document": True}
    )


def _truthy(value: Any) -> bool:
    return value is True or (
        isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "on")
    )


def possible_error(field_name: str, text: str, findings: list[Finding]) -> FieldError:
    listed = "、".join(f"{f.text}→{f.replacement}" for f in findings[:8])
    title = validation.field_title("case_form", field_name)
    return FieldError(
        field_name,
        "possible_identifying_info",
        f"{title}中有疑似地名、人名：{listed}。请核对：可替换为中性表述，或确认保留",
        detail={"findings": in_context(text, findings)},
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


# -- creating -------------------------------------------------------------------------------


def create_case(
    lib: Library,
    raw: dict[str, Any],
    upload: Upload | None,
    actor: Actor,
    *,
    confirm_near_duplicate: bool = False,
    status: str = "draft",
    source: str = "form",
    hook: Hook | None = None,
) -> Case:
    """Check and store a new case with its document: a draft of the actor's unit, or (for
    those who may publish: an administrator's load, the demo) a published case, indexed
    at once. Nothing is stored when anything is wrong."""
    require(actor, "case.create")
    if status == "published":
        require(actor, "case.publish")
    with lib.db.session() as session:
        draft = check_submission(lib, session, raw, upload, actor)
    _refuse_duplicate_file(lib, upload)
    if draft.extracted is not None and draft.extracted.text and not confirm_near_duplicate:
        _refuse_near_duplicate(lib, draft)
    case_no = store(lib, draft, actor, status=status, source=source, hook=hook)
    if status == "published":
        from .indexing import index_cases

        index_cases(lib, [case_no])
    with lib.db.session() as session:
        return get_case(session, case_no)


def _refuse_duplicate_file(lib: Library, upload: Upload | None, *, own: int | None = None) -> None:
    if upload is None:
        return
    existing = existing_document(lib, upload.sha256)
    if existing is not None and existing[2] != own:
        raise DuplicateDocument(
            f"该文件已在案例库中：{existing[0]}《{existing[1]}》",
            details={"case_no": existing[0]},
        )


def _refuse_near_duplicate(lib: Library, draft: Draft, *, own: str | None = None) -> None:
    from .similar import similar_to_text

    exclude = (own,) if own else ()
    draft.similar = similar_to_text(lib, draft.extracted.text, limit=5, exclude=exclude)
    if draft.near_duplicates:
        raise NearDuplicate(draft.near_duplicates)


def existing_document(lib: Library, sha256: str) -> tuple[str, str, int] | None:
    """(case number, name, case id) of the case whose current document has these bytes, or
    whose document was made from them (the original of an anonymized copy)."""
    with lib.db.session() as session:
        row = session.execute(
            select(Case.case_no, Case.name, Case.id)
            .join(Document, Document.case_id == Case.id)
            .where(Document.sha256 == sha256)
            .limit(1)
        ).first()
        if row is None:
            row = session.execute(
                select(Case.case_no, Case.name, Case.id)
                .join(DocumentVersion, DocumentVersion.case_id == Case.id)
                .join(Document, Document.case_id == Case.id)
                .where(DocumentVersion.sha256 == sha256, DocumentVersion.kind == "upload")
                .where(Document.sha256 != sha256)
                .order_by(DocumentVersion.version.desc())
                .limit(1)
            ).first()
    return (row[0], row[1], row[2]) if row else None


def store(
    lib: Library,
    draft: Draft,
    actor: Actor,
    *,
    status: str = "draft",
    source: str = "form",
    hook: Hook | None = None,
) -> str:
    """Write a checked draft: the file into the store, the rows in one transaction (the
    case, its document and version 1, the history row, the audit row, and the hook's)."""
    sha = None
    if draft.upload is not None:
        sha = draft.upload.sha256
        for upload, _ in _files(draft):
            lib.files.put(upload.data, upload.sha256)
    try:
        return _store_rows(lib, draft, actor, status=status, source=source, hook=hook)
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
        for upload, _ in _files(draft) if draft.upload is not None else []:
            drop_unreferenced_file(lib, upload.sha256)  # leave nothing half-stored
        raise


def drop_unreferenced_file(lib: Library, sha: str | None) -> None:
    """Remove a stored file that no document or version refers to (after a failed write).
    A file another case refers to (the same bytes stored twice) stays."""
    if not sha:
        return
    with lib.db.session() as session:
        used = session.scalar(
            select(func.count()).select_from(DocumentVersion).where(DocumentVersion.sha256 == sha)
        ) or session.scalar(
            select(func.count()).select_from(Document).where(Document.sha256 == sha)
        )
    if not used:
        lib.files.delete(sha)


def _fields(draft: Draft) -> dict[str, Any]:
    """The case's columns from a checked form."""
    form = draft.form
    return {
        "name": form["name"],
        "summary": form.get("summary") or "",
        "problem": form.get("problem"),
        "solution": form.get("solution"),
        "traditional_practice": form.get("traditional_practice"),
        "innovative_practice": form.get("innovative_practice"),
        "application_scenario": form.get("application_scenario"),
        "theme_id": draft.theme.id if draft.theme else None,
        "case_type": form.get("case_type"),
        "borrowed_from_id": draft.borrowed.id
        if draft.borrowed and form.get("case_type") in BORROWED_TYPES
        else None,
        "region_code": form.get("region_code"),
        "unit_name": form.get("unit"),
        "contact_name": form.get("contact_name"),
        "contact_phone": form.get("contact_phone"),
        "warning_id": form.get("warning_id")
        if form.get("case_type") == "rectification_borrowed"
        else None,
    }


def _files(draft: Draft) -> list[tuple[Upload, str]]:
    """The files a checked draft stores, in version order: the unit's upload, then its
    anonymized copy when there is one (the last is the case's document)."""
    out = [(draft.upload, "upload")]
    if draft.anonymized_upload is not None:
        out.append((draft.anonymized_upload, "anonymized"))
    return out


def _add_document(session: Session, case: Case, draft: Draft, actor: Actor, version: int) -> None:
    """The draft's file(s) as the next version(s) of the case's document; the last one is
    the document readers get (its text is what the index holds)."""
    ex = draft.extracted
    current = case.documents[0] if case.documents else None
    values: dict[str, Any] = {}
    for i, (upload, kind) in enumerate(_files(draft)):
        values = {
            "original_name": _safe_name(upload.filename),
            "sha256": upload.sha256,
            "size": len(upload.data),
            "media_type": ex.media_type,
            "format": ex.format,
        }
        session.add(
            DocumentVersion(
                case_id=case.id,
                version=version + i,
                kind=kind,
                created_by_id=actor.user_id,
                **values,
            )
        )
    findings = [f.as_dict() for f in draft.document_findings] or None
    doc_values = {
        **values,
        "text": ex.text,
        "pages": ex.pages,
        "converter": ex.converter,
        "findings": findings,
        "names_confirmed_by": None,
        "names_confirmed_at": None,
    }
    if current is None:
        current = Document(**doc_values)
        case.documents.append(current)
    else:
        for k, v in doc_values.items():
            setattr(current, k, v)
    session.flush()
    queue_for(session, current, scanned_pages=bool(ex.scanned_pages))


def _anonymity_audit(draft: Draft) -> dict[str, Any]:
    """What the audit row says about names: replaced in the fields, replaced in the file,
    kept as 疑似 (and by whom: the audit row's actor), left in the file for the approver."""
    out: dict[str, Any] = {}
    if draft.anonymized:
        out["anonymized"] = {f: [x.as_dict() for x in v] for f, v in draft.anonymized.items()}
    if draft.anonymized_upload is not None:
        out["anonymized_file"] = draft.anonymized_upload.filename
    if draft.kept:
        out["kept_possible"] = {f: [x.as_dict() for x in v] for f, v in draft.kept.items()}
    if draft.document_findings:
        out["names_in_file"] = [x.as_dict() for x in draft.document_findings]
    return out


def _store_rows(
    lib: Library,
    draft: Draft,
    actor: Actor,
    *,
    status: str,
    source: str,
    hook: Hook | None,
) -> str:
    form = draft.form
    published = date.fromisoformat(form["published_at"]) if form.get("published_at") else None
    if published is None and status == "published":
        published = date.today()
    with lib.db.transaction() as session:
        case_no = next_case_no(session, (published or date.today()).year)
        case = Case(
            case_no=case_no,
            unit_id=actor.unit_id,
            published_at=published,
            status=status,
            source=source,
            created_by_id=actor.user_id,
            **_fields(draft),
        )
        case.tags = [session.merge(t) for t in draft.tags]
        session.add(case)
        session.flush()
        case.status_changed_at = case.created_at
        if draft.upload is not None and draft.extracted is not None:
            _add_document(session, case, draft, actor, 1)
        record_history(session, case.id, actor, "create", None, status)
        audit.record(
            session,
            actor,
            "case.create",
            "case",
            case_no,
            name=case.name,
            source=source,
            status=status,
            file=draft.upload.filename if draft.upload else None,
            **_anonymity_audit(draft),
        )
        if hook is not None:
            session.flush()
            hook(session, case)
    return case_no


# -- editing --------------------------------------------------------------------------------


def edit_case(
    lib: Library,
    case_no: str,
    raw: dict[str, Any],
    upload: Upload | None,
    actor: Actor,
    *,
    confirm_near_duplicate: bool = False,
    hook: Hook | None = None,
) -> Case:
    """Change a draft, returned or withdrawn case: the fields given replace the stored
    ones (the same rules as a new case, checked on the whole form); a file becomes the
    document's next version. Raises :class:`InvalidTransition` in any other state."""
    with lib.db.session() as session:
        case = visible_case(session, case_no, actor)
        require(actor, "case.edit", case)
        _require_editable(case)
        merged = {**stored_form(case), **{k: v for k, v in raw.items() if k in FORM_FIELDS}}
        for k in OPTION_KEYS:
            if k in raw:
                merged[k] = raw[k]
        case_id, own_no = case.id, case.case_no
        draft = check_submission(lib, session, merged, upload, actor, require_file=False)
    _refuse_duplicate_file(lib, upload, own=case_id)
    if draft.extracted is not None and draft.extracted.text and not confirm_near_duplicate:
        _refuse_near_duplicate(lib, draft, own=own_no)
    stored = _files(draft) if upload is not None else []
    for u, _ in stored:
        lib.files.put(u.data, u.sha256)
    try:
        with lib.db.transaction() as session:
            case = get_case(session, case_no)
            _require_editable(case)  # checked again inside the writing transaction
            before = stored_form(case)
            for k, v in _fields(draft).items():
                setattr(case, k, v)
            if form_published := draft.form.get("published_at"):
                case.published_at = date.fromisoformat(form_published)
            case.tags = [session.merge(t) for t in draft.tags]
            if upload is not None and draft.extracted is not None:
                last = session.scalar(
                    select(func.max(DocumentVersion.version)).where(
                        DocumentVersion.case_id == case.id
                    )
                )
                _add_document(session, case, draft, actor, (last or 0) + 1)
            session.flush()
            after = stored_form(case)
            changed = sorted(k for k in after if after[k] != before.get(k))
            audit.record(
                session,
                actor,
                "case.update",
                "case",
                case_no,
                changed=changed,
                file=upload.filename if upload is not None else None,
                **_anonymity_audit(draft),
            )
            if hook is not None:
                hook(session, case)
    except IntegrityError as e:
        for u, _ in stored:
            drop_unreferenced_file(lib, u.sha256)
        raise DuplicateDocument("该文件已在案例库中") from e
    except BaseException:
        for u, _ in stored:
            drop_unreferenced_file(lib, u.sha256)
        raise
    with lib.db.session() as session:
        return get_case(session, case_no)


def _require_editable(case: Case) -> None:
    if case.status not in EDITABLE:
        raise InvalidTransition(
            f"案例当前为“{STATUS_TITLES.get(case.status, case.status)}”，不能修改；"
            "只有草稿、已退回或已撤回的案例可以修改",
            details={"status": case.status},
        )


def stored_form(case: Case) -> dict[str, Any]:
    """A stored case as the form's fields (what an edit starts from)."""
    return {
        "name": case.name,
        "theme": case.theme.name if case.theme else None,
        "case_type": case.case_type,
        "borrowed_from": case.borrowed_from.case_no if case.borrowed_from else None,
        "summary": case.summary,
        "problem": case.problem,
        "solution": case.solution,
        "traditional_practice": case.traditional_practice,
        "innovative_practice": case.innovative_practice,
        "application_scenario": case.application_scenario,
        "tags": [t.name for t in case.tags],
        "region_code": case.region_code,
        "unit": case.unit_name,
        "contact_name": case.contact_name,
        "contact_phone": case.contact_phone,
        "published_at": case.published_at.isoformat() if case.published_at else None,
        "warning_id": case.warning_id,
    }
