"""A unit's case through the form: saved as a draft, or saved and submitted for approval at
once (``action="submit"``), optionally answering a collection call; and edits of a draft,
returned or withdrawn case (which may also resubmit it). Each is one transaction: the
case's rows, the call link, the transition, the audit and history rows, the
notifications."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from ..accounts.audit import Actor
from ..cases import submit as case_submit
from ..cases.models import Case
from ..cases.submit import Upload
from ..errors import FieldError, ValidationFailed
from .calls import check_answer
from .notifications import deliver_soon
from .transitions import apply

if TYPE_CHECKING:
    from ..context import Library

SAVE_ACTIONS = ("save", "submit")


def _action(action: str | None) -> str:
    action = (action or "save").strip() if isinstance(action, (str, type(None))) else None
    if action not in SAVE_ACTIONS:
        raise ValidationFailed(
            [
                FieldError(
                    "action", "invalid_choice", "action 应为 save（保存草稿）或 submit（提交审核）"
                )
            ]
        )
    return action


def _hook(action: str, actor: Actor, call_id: Any, case_type: str | None, *, edit: bool):
    def hook(session: Session, case: Case) -> None:
        if call_id not in (None, ""):
            call = check_answer(session, call_id, actor, case_type or case.case_type)
            case.call_id = call.id
        elif not edit:
            case.call_id = None
        session.flush()
        if action == "submit":
            apply(session, case, "submit", actor)

    return hook


def create(
    lib: Library,
    raw: dict[str, Any],
    upload: Upload | None,
    actor: Actor,
    *,
    action: str | None = "save",
    call_id: Any = None,
    confirm_near_duplicate: bool = False,
) -> Case:
    """A new case of the actor's unit: a draft, or submitted for approval at once."""
    action = _action(action)
    if call_id not in (None, ""):
        # Checked before the file is read, so a bad call is reported with the fields.
        with lib.db.session() as session:
            check_answer(session, call_id, actor, raw.get("case_type"))
    case = case_submit.create_case(
        lib,
        raw,
        upload,
        actor,
        confirm_near_duplicate=confirm_near_duplicate,
        hook=_hook(action, actor, call_id, raw.get("case_type"), edit=False),
    )
    deliver_soon(lib)
    return case


def edit(
    lib: Library,
    case_no: str,
    raw: dict[str, Any],
    upload: Upload | None,
    actor: Actor,
    *,
    action: str | None = "save",
    call_id: Any = None,
    confirm_near_duplicate: bool = False,
) -> Case:
    """Change a draft, returned or withdrawn case; ``action="submit"`` resubmits it."""
    action = _action(action)
    case = case_submit.edit_case(
        lib,
        case_no,
        raw,
        upload,
        actor,
        confirm_near_duplicate=confirm_near_duplicate,
        hook=_hook(action, actor, call_id, raw.get("case_type"), edit=True),
    )
    deliver_soon(lib)
    return case
