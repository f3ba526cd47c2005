"""A case as its reader sees it, with what the reader may do with it now: the case record
(``library.cases.read.case_record``) plus ``actions`` (the workflow actions allowed to the
reader in the case's state) and ``can_edit``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..accounts.audit import Actor
from ..cases import read
from ..cases.lifecycle import EDITABLE
from ..permissions import can
from .states import available

if TYPE_CHECKING:
    from ..context import Library


def case_view(lib: Library, case_no: str, actor: Actor) -> dict[str, Any]:
    out = read.case_record(lib, case_no, actor)
    with lib.db.session() as session:
        case = read.visible_case(session, case_no, actor)
        out["actions"] = available(actor, case)
        out["can_edit"] = case.status in EDITABLE and can(actor, "case.edit", case)
    return out
