"""整改举措: on a warning, a unit of the warned region records what it did: a 整改方式, a
description and one or more evidence files (佐证材料), as many times as it needs. The first
rectification moves the warning from 待整改 to 整改中.

All files are checked before anything is kept; when any is bad, every bad one is reported
(``files[i]``) and nothing is stored: no row, and no file left in the store that was not
there before. The rows (rectification, files, the warning's state and history, the audit
row) commit in one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..accounts import audit
from ..accounts.audit import Actor
from ..errors import FieldError, ValidationFailed
from ..permissions import require
from .evidence import EvidenceUpload, check_files, file_dict
from .methods import find_active
from .models import EvidenceFile, Rectification
from .warnings import _event, _load, bump_version

if TYPE_CHECKING:
    from ..context import Library

MAX_DESCRIPTION = 2000


def rectification_dict(r: Rectification, by_name: str | None = None) -> dict[str, Any]:
    return {
        "id": r.id,
        "method": r.method.name,
        "description": r.description,
        "by": r.actor,
        "by_name": by_name or r.actor,
        "unit": r.unit_name,
        "at": r.created_at.isoformat(timespec="seconds") + "Z",
        "files": [file_dict(f) for f in r.files],
    }


def rectifications_of(session: Session, warning_id: int) -> list[dict[str, Any]]:
    """Every rectification of a warning, oldest first, each with its files."""
    from ..accounts.models import User

    rows = list(
        session.scalars(
            select(Rectification)
            .where(Rectification.warning_id == warning_id)
            .options(selectinload(Rectification.files), selectinload(Rectification.method))
            .order_by(Rectification.id)
        )
    )
    ids = {r.created_by_id for r in rows if r.created_by_id}
    names = (
        dict(session.execute(select(User.id, User.display_name).where(User.id.in_(ids))).all())
        if ids
        else {}
    )
    return [rectification_dict(r, names.get(r.created_by_id) or None) for r in rows]


def record_rectification(
    lib: Library,
    warning_id: int,
    raw: dict[str, Any],
    uploads: list[EvidenceUpload],
    actor: Actor,
) -> dict[str, Any]:
    """Record a rectification with its evidence files (see the module's doc). ``raw``:
    ``method`` (an active 整改方式, by name or id) and ``description``."""
    require(actor, "monitoring.read")
    with lib.db.session() as session:
        w, ind, _group = _load(session, warning_id)
        require(actor, "warning.rectify", w)
        errors: list[FieldError] = []
        method_ref = raw.get("method")
        method = find_active(session, method_ref)
        if method_ref in (None, ""):
            errors.append(FieldError("method", "required", "请选择整改方式"))
        elif method is None:
            errors.append(
                FieldError(
                    "method", "invalid_choice", f"整改方式“{method_ref}”不在可选的整改方式中"
                )
            )
        description = raw.get("description") or ""
        if not isinstance(description, str):
            errors.append(FieldError("description", "invalid_type", "整改说明应为文本"))
            description = ""
        description = description.strip().replace("\r\n", "\n")
        if len(description) > MAX_DESCRIPTION:
            errors.append(
                FieldError(
                    "description",
                    "too_long",
                    f"整改说明不能超过 {MAX_DESCRIPTION} 字（当前 {len(description)} 字）",
                )
            )
        method_id = method.id if method is not None else None
    checked, file_errors = check_files(lib, uploads)
    errors.extend(file_errors)
    if errors:
        raise ValidationFailed(errors)

    written: list[str] = []  # files this call put into the store (removed again on failure)
    try:
        for c in checked:
            if not lib.files.exists(c.sha256):
                lib.files.put(c.upload.data, c.sha256)
                written.append(c.sha256)
        with lib.db.transaction() as session:
            w, ind, _group = _load(session, warning_id)
            require(actor, "warning.rectify", w)  # again, inside the writing transaction
            rect = Rectification(
                warning_id=w.id,
                method_id=method_id,
                description=description,
                created_by_id=actor.user_id,
                actor=actor.name,
                unit_name=actor.unit_name,
            )
            session.add(rect)
            session.flush()
            for c in checked:
                session.add(
                    EvidenceFile(
                        rectification_id=rect.id,
                        file_name=c.upload.name,
                        sha256=c.sha256,
                        size=len(c.upload.data),
                        media_type=c.media_type,
                        format=c.format,
                        text=c.text,
                        pages=c.pages,
                        note=c.note,
                    )
                )
            before = w.state
            if w.state == "open":
                w.state = "rectifying"
            bump_version(session)
            session.flush()
            _event(
                session,
                w,
                actor,
                "rectify",
                before,
                f"{method.name}，{len(checked)} 个佐证材料",
            )
            audit.record(
                session,
                actor,
                "warning.rectify",
                "warning",
                str(w.id),
                rectification=rect.id,
                method=method.name,
                files=[c.upload.name for c in checked],
            )
            session.flush()
            session.refresh(rect)
            out = rectification_dict(rect, actor.user.display_name if actor.user else None)
            out["warning_state"] = w.state
    except BaseException:
        for sha in written:
            _drop_if_unused(lib, sha)
        raise
    return out


def _drop_if_unused(lib: Library, sha: str) -> None:
    with lib.db.session() as session:
        used = session.scalar(select(EvidenceFile.id).where(EvidenceFile.sha256 == sha).limit(1))
    if used is None:
        lib.files.delete(sha)
