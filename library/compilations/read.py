"""Reading compilations: the history, one compilation with its chapters and cases, its
files (.docx, PDF), the first cases for an HTML preview, and the compilations a case is in
(已收录于《…》)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..accounts.audit import Actor
from ..cases.models import Case
from ..errors import NotFound
from ..permissions import ALL, RULES, can, require
from ..vocab.regions import normalize_region, region_label, scope_prefix
from . import pdf, selection, writer
from .models import ORDER_TITLES, Compilation, CompilationCase

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..context import Library

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\r\n\t]+')


@dataclass(frozen=True)
class CompilationFile:
    name: str
    media_type: str
    data: bytes
    sha256: str


def _iso(dt) -> str | None:
    return dt.isoformat(timespec="seconds") + "Z" if dt is not None else None


def file_name(title: str, suffix: str) -> str:
    return (_UNSAFE_NAME.sub("", title).strip() or "案例汇编") + suffix


def summary(comp: Compilation, *, pdf_state: dict[str, Any] | None = None) -> dict[str, Any]:
    out = {
        "id": comp.id,
        "title": comp.title,
        "issuer": comp.issuer,
        "issued_on": comp.issued_on.isoformat(),
        "order": comp.case_order,
        "order_title": ORDER_TITLES.get(comp.case_order, comp.case_order),
        "show_region": comp.show_region,
        "selection": comp.selection or {},
        "region_code": comp.region_code,
        "region": region_label(comp.region_code) if comp.region_code else None,
        "created_by": comp.created_by,
        "created_at": _iso(comp.created_at),
        "generated_by": comp.generated_by,
        "generated_at": _iso(comp.generated_at),
        "revision": comp.revision,
        "case_count": comp.case_count,
        "file": {
            "name": file_name(comp.title, ".docx"),
            "size": comp.file_size,
            "sha256": comp.file_sha256,
        },
    }
    if pdf_state is not None:
        out["pdf"] = {k: v for k, v in pdf_state.items() if k != "sha256"}
    return out


def _visible(session: Session, actor: Actor):
    """The compilations the actor may read (region scope: made in the actor's region)."""
    require(actor, "compilation.read")
    stmt = select(Compilation)
    if RULES["compilation.read"].get(actor.role) != ALL:
        prefix = scope_prefix(normalize_region(actor.region_code) or "")
        stmt = stmt.where(Compilation.region_code.like(prefix + "%"))
    return stmt


def list_compilations(lib: Library, actor: Actor, *, limit: int = 200) -> list[dict[str, Any]]:
    """The history of compilations the actor may see, newest first."""
    with lib.db.session() as session:
        rows = session.scalars(
            _visible(session, actor).order_by(Compilation.id.desc()).limit(limit)
        )
        return [summary(c) for c in rows if can(actor, "compilation.read", c)]


def _get(session: Session, compilation_id: int, actor: Actor) -> Compilation:
    require(actor, "compilation.read")
    comp = session.get(Compilation, compilation_id)
    if comp is None or not can(actor, "compilation.read", comp):
        raise NotFound("该案例汇编不存在", code="compilation_not_found")
    return comp


def get_compilation(lib: Library, compilation_id: int, actor: Actor) -> dict[str, Any]:
    """A compilation with its PDF state, its chapters (theme group › theme, with counts)
    and its cases in document order."""
    with lib.db.session() as session:
        comp = _get(session, compilation_id, actor)
        out = summary(
            comp, pdf_state=pdf.state(session, comp.file_sha256, can_convert=pdf.available(lib))
        )
        ids = [e.case_id for e in comp.entries]
        cases = selection.load(session, ids)
        keys = selection._theme_keys(session)
        chapters: list[dict[str, Any]] = []
        listed = []
        for position, case in enumerate(cases, 1):
            info = keys.get(case.theme_id)
            group = info[1] if info else writer.OTHER_THEME
            theme = info[3] if info else None
            if not chapters or chapters[-1]["title"] != group:
                chapters.append({"title": group, "count": 0, "sections": []})
            chapter = chapters[-1]
            chapter["count"] += 1
            if not chapter["sections"] or chapter["sections"][-1]["theme"] != theme:
                chapter["sections"].append({"theme": theme, "count": 0})
            chapter["sections"][-1]["count"] += 1
            listed.append(
                {
                    "position": position,
                    "case_no": case.case_no,
                    "name": case.name,
                    "chapter": group,
                    "theme": case.theme.name if case.theme else None,
                    "region": selection.region_text(case.region_code) or None,
                    "rating_avg": round(case.rating_avg, 2)
                    if case.rating_avg is not None
                    else None,
                    "published_at": case.published_at.isoformat() if case.published_at else None,
                }
            )
        out["chapters"] = chapters
        out["cases"] = listed
        out["missing"] = len(ids) - len(cases)  # cases no longer published since
        return out


def compilation_file(
    lib: Library, compilation_id: int, actor: Actor, fmt: str = "docx"
) -> CompilationFile:
    """The compilation's .docx (as last generated) or its PDF (404 ``no_pdf`` until made)."""
    with lib.db.session() as session:
        comp = _get(session, compilation_id, actor)
        title, sha = comp.title, comp.file_sha256
        if fmt == "pdf":
            st = pdf.state(session, sha, can_convert=pdf.available(lib))
            if st["state"] != "ready":
                raise NotFound(_pdf_missing(st), code="no_pdf")
            sha = st["sha256"]
    if not lib.files.exists(sha):
        raise NotFound("汇编文件已丢失，请重新生成", code="file_missing")
    if fmt == "pdf":
        return CompilationFile(file_name(title, ".pdf"), "application/pdf", lib.files.get(sha), sha)
    return CompilationFile(file_name(title, ".docx"), DOCX_TYPE, lib.files.get(sha), sha)


def _pdf_missing(st: dict[str, Any]) -> str:
    return {
        "unavailable": "服务器未安装 LibreOffice，没有 PDF 版",
        "failed": f"PDF 生成失败：{st.get('error') or ''}",
    }.get(st["state"], "PDF 正在生成，请稍后再试")


def preview_booklet(
    lib: Library, compilation_id: int, actor: Actor, *, cases: int = 3
) -> writer.Booklet:
    """The compilation's first ``cases`` cases as the document prints them (for the page's
    preview when there is no PDF)."""
    with lib.db.session() as session:
        comp = _get(session, compilation_id, actor)
        ids = [e.case_id for e in comp.entries][:cases]
        return selection.booklet(
            session,
            selection.load(session, ids),
            title=comp.title,
            issuer=comp.issuer,
            issued_on=comp.issued_on,
            show_region=comp.show_region,
        )


def containing(lib: Library, case_no: str, actor: Actor | None) -> list[dict[str, Any]]:
    """The compilations a case is in (已收录于《…》), newest first; ``id`` only for those the
    reader may open."""
    with lib.db.session() as session:
        rows = session.scalars(
            select(Compilation)
            .join(CompilationCase, CompilationCase.compilation_id == Compilation.id)
            .join(Case, Case.id == CompilationCase.case_id)
            .where(Case.case_no == case_no)
            .order_by(Compilation.issued_on.desc(), Compilation.id.desc())
        )
        return [
            {
                "id": c.id if can(actor, "compilation.read", c) else None,
                "title": c.title,
                "issuer": c.issuer,
                "issued_on": c.issued_on.isoformat(),
            }
            for c in rows
        ]
