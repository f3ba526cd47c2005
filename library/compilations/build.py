"""Making a compilation and making it again.

``create`` validates the request, selects the cases, writes the .docx, stores it, and saves
the compilation (who, when, which cases in which order, which options) with its audit row
in one transaction; ``regenerate`` writes it again from the same cases and options with the
cases' current text. Either queues the PDF when LibreOffice is installed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete

from ..accounts import audit
from ..accounts.audit import Actor
from ..errors import FieldError, NotFound, ValidationFailed
from ..permissions import can, require
from ..storage.base import utcnow
from . import pdf, selection, writer
from .models import Compilation, CompilationCase

if TYPE_CHECKING:
    from ..context import Library

DEFAULT_TITLE = "营商环境改革创新典型案例汇编"
DEFAULT_ISSUER = "省营商办"
BEIJING = timedelta(hours=8)


def today_in_beijing() -> date:
    return (datetime.now(UTC) + BEIJING).date()


@dataclass(frozen=True)
class Generated:
    compilation_id: int
    case_count: int
    chapters: int
    data: bytes  # the .docx


def default_issuer(actor: Actor) -> str:
    return actor.unit_name or DEFAULT_ISSUER


def create(
    lib: Library, data: dict[str, Any], actor: Actor, *, explicit: bool = False
) -> Generated:
    """Make and save a compilation. Raises ``ValidationFailed`` (bad fields),
    ``NothingToCompile`` (no published case matches), ``too_many_cases``, ``Forbidden``.
    ``explicit``: the cases must be given one by one (the builder page), never "all"."""
    require(actor, "compilation.create")
    spec, options = selection.parse(data)
    if explicit and not spec.case_nos:
        raise ValidationFailed([FieldError("case_nos", "required", "请至少选择一个案例")])
    ids = selection.chosen_ids(lib, spec)
    title = options.get("title") or DEFAULT_TITLE
    issuer = options.get("issuer") or default_issuer(actor)
    issued_on = (
        date.fromisoformat(options["issued_on"]) if options.get("issued_on") else today_in_beijing()
    )
    show_region = bool(options.get("show_region", False))
    ordered, booklet = _prepare(lib, ids, spec.order, title, issuer, issued_on, show_region)
    docx = writer.render(booklet)
    sha = lib.files.put(docx)
    now = utcnow()
    with lib.db.transaction() as session:
        comp = Compilation(
            title=title,
            issuer=issuer,
            issued_on=issued_on,
            case_order=spec.order,
            show_region=show_region,
            selection=spec.as_record(),
            region_code=actor.region_code,
            created_by_id=actor.user_id,
            created_by=actor.name,
            created_at=now,
            generated_by=actor.name,
            generated_at=now,
            revision=1,
            case_count=len(ordered),
            file_sha256=sha,
            file_size=len(docx),
        )
        comp.entries = [
            CompilationCase(case_id=case_id, position=i) for i, case_id in enumerate(ordered, 1)
        ]
        session.add(comp)
        session.flush()
        audit.record(
            session,
            actor,
            "compilation.create",
            "compilation",
            str(comp.id),
            title=title,
            cases=len(ordered),
            order=spec.order,
            show_region=show_region,
            selection=spec.as_record(),
        )
        if pdf.available(lib):
            pdf.queue(session, sha)
        comp_id = comp.id
    return Generated(comp_id, len(ordered), len(booklet.chapters), docx)


def regenerate(lib: Library, compilation_id: int, actor: Actor) -> Generated:
    """Write the compilation again: the same cases (those still published) and options,
    the cases' current text; the file, the time and the revision change."""
    require(actor, "compilation.create")
    with lib.db.session() as session:
        comp = session.get(Compilation, compilation_id)
        if comp is None or not can(actor, "compilation.read", comp):
            raise NotFound("该案例汇编不存在", code="compilation_not_found")
        require(actor, "compilation.create", comp)
        ids = [e.case_id for e in comp.entries]
        title, issuer, issued_on = comp.title, comp.issuer, comp.issued_on
        order, show_region = comp.case_order, comp.show_region
    ordered, booklet = _prepare(lib, ids, order, title, issuer, issued_on, show_region)
    docx = writer.render(booklet)
    sha = lib.files.put(docx)
    with lib.db.transaction() as session:
        comp = session.get(Compilation, compilation_id)
        if comp is None:
            raise NotFound("该案例汇编不存在", code="compilation_not_found")
        session.execute(
            delete(CompilationCase).where(CompilationCase.compilation_id == compilation_id)
        )
        session.flush()
        session.expire(comp, ["entries"])
        for i, case_id in enumerate(ordered, 1):
            session.add(CompilationCase(compilation_id=comp.id, case_id=case_id, position=i))
        comp.file_sha256, comp.file_size = sha, len(docx)
        comp.generated_by, comp.generated_at = actor.name, utcnow()
        comp.revision = (comp.revision or 1) + 1
        comp.case_count = len(ordered)
        audit.record(
            session,
            actor,
            "compilation.regenerate",
            "compilation",
            str(comp.id),
            revision=comp.revision,
            cases=len(ordered),
            dropped=len(ids) - len(ordered),
        )
        if pdf.available(lib):
            pdf.queue(session, sha)
    return Generated(compilation_id, len(ordered), len(booklet.chapters), docx)


def _prepare(lib, ids, order, title, issuer, issued_on, show_region):
    """(case ids in document order, the writer's booklet), from the cases as they are now."""
    with lib.db.session() as session:
        cases = selection.arrange(session, selection.load(session, ids), order)
        booklet = selection.booklet(
            session,
            cases,
            title=title,
            issuer=issuer,
            issued_on=issued_on,
            show_region=show_region,
        )
        if not cases:
            raise selection.NothingToCompile("汇编中的案例都已不在库中")
        return [c.id for c in cases], booklet
