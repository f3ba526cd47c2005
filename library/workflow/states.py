"""The transition table: from which state each action leads where. Who may take it is
``library.permissions`` (``case.<action>`` in the actor's scope); a return needs a reason.

    draft ──submit──▶ submitted ──approve──▶ approved ──publish──▶ published
      ▲                 │   │                   │
      │              withdraw return ◀──────────┘ (return)
      │                 ▼   ▼
      └── (edit) ── withdrawn / returned ──submit──▶ submitted
"""

from __future__ import annotations

from typing import Any

from ..permissions import can

TRANSITIONS: dict[str, dict[str, str]] = {
    "submit": {"draft": "submitted", "returned": "submitted", "withdrawn": "submitted"},
    "withdraw": {"submitted": "withdrawn"},
    "approve": {"submitted": "approved"},
    "return": {"submitted": "returned", "approved": "returned"},
    "publish": {"approved": "published"},
}
ACTIONS = tuple(TRANSITIONS)
ACTION_TITLES = {
    "submit": "提交审核",
    "withdraw": "撤回",
    "approve": "审核通过",
    "return": "退回",
    "publish": "发布入库",
    "create": "创建",
    "ingest": "批量导入",
}
REASON_REQUIRED = frozenset({"return"})


def target(action: str, status: str) -> str | None:
    """The state ``action`` leads to from ``status``, or None when it is not allowed."""
    return TRANSITIONS.get(action, {}).get(status)


def available(actor: Any, case: Any) -> list[str]:
    """The actions the actor may take on the case now (for its buttons)."""
    return [
        a
        for a, moves in TRANSITIONS.items()
        if case.status in moves and can(actor, f"case.{a}", case)
    ]
