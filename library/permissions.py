"""Who may do what: one table of role × action × scope, and :func:`require`.

Scopes: ``unit`` (the actor's own unit, or something the actor made), ``region`` (the
actor's region and every division inside it), ``all``. The use cases call :func:`require`
(or :func:`visible`) before they act, so the web pages, the API and the command line
cannot disagree. The command line acts as an administrator.

Seeing a case depends on its state: the action is ``case.view:<state>``. Someone who may
not see a case is told it does not exist (404), not that it is forbidden.
"""

from __future__ import annotations

from typing import Any, Protocol

from .errors import Forbidden, NotFound, Unauthorized
from .vocab.regions import regions, within

UNIT, REGION, ALL = "unit", "region", "all"
EVERYONE = ("submitter", "approver", "coordinator", "reviewer", "admin")


def _everyone(scope: str = ALL) -> dict[str, str]:
    return {role: scope for role in EVERYONE}


# action -> {role: scope}. A role absent from an action may not do it at all.
RULES: dict[str, dict[str, str]] = {
    # The library: search, read and download published cases, the vocabularies.
    "library.read": _everyone(),
    "case.view:published": _everyone(),
    "case.view:draft": {"submitter": UNIT, "coordinator": UNIT, "admin": ALL},
    "case.view:withdrawn": {"submitter": UNIT, "coordinator": UNIT, "admin": ALL},
    "case.view:submitted": {"submitter": UNIT, "approver": UNIT, "coordinator": UNIT, "admin": ALL},
    "case.view:returned": {"submitter": UNIT, "approver": UNIT, "coordinator": UNIT, "admin": ALL},
    "case.view:approved": {
        "submitter": UNIT,
        "approver": UNIT,
        "coordinator": REGION,
        "admin": ALL,
    },
    # The workflow (transitions: library.workflow.states).
    "case.create": {"submitter": UNIT, "coordinator": UNIT, "admin": ALL},
    "case.edit": {"submitter": UNIT, "coordinator": UNIT, "admin": ALL},
    "case.submit": {"submitter": UNIT, "coordinator": UNIT, "admin": ALL},
    "case.withdraw": {"submitter": UNIT, "coordinator": UNIT, "admin": ALL},
    "case.approve": {"approver": UNIT, "coordinator": UNIT, "admin": ALL},
    "case.return": {"approver": UNIT, "coordinator": REGION, "admin": ALL},
    "case.publish": {"coordinator": REGION, "admin": ALL},
    "case.view_original": {"admin": ALL},
    # 点评
    "review.save": {"reviewer": ALL, "coordinator": ALL, "admin": ALL},
    # 征集通知
    "call.create": {"coordinator": REGION, "admin": ALL},
    "call.manage": {"coordinator": REGION, "admin": ALL},
    "call.view": {"submitter": UNIT, "approver": UNIT, "coordinator": REGION, "admin": ALL},
    # Accounts, units, the audit log, statistics.
    "unit.list": _everyone(),
    "unit.manage": {"admin": ALL},
    "user.manage": {"admin": ALL},
    "audit.read": {"admin": ALL},
    # The vocabularies: the theme catalogue, the unified tags (and 整改方式).
    "vocab.manage": {"admin": ALL},
    "stats.read": {"coordinator": REGION, "admin": ALL},
    # 监测预警 and 整改举措: every government account reads the province's warnings; the
    # admin imports values and keeps the indicators and 整改方式; the warned region's units
    # (and those of the regions above it) record rectifications; its 营商办 closes them.
    "monitoring.read": _everyone(),
    "monitoring.import": {"admin": ALL},
    "monitoring.manage": {"admin": ALL},
    "warning.rectify": {
        "submitter": REGION,
        "approver": REGION,
        "coordinator": REGION,
        "admin": ALL,
    },
    "warning.close": {"coordinator": REGION, "admin": ALL},
    "stats.weights": {"admin": ALL},
}

ACTION_TITLES = {
    "library.read": "查询、查看、下载",
    "case.create": "上传案例",
    "case.edit": "修改案例",
    "case.submit": "提交案例",
    "case.withdraw": "撤回案例",
    "case.approve": "审核案例",
    "case.return": "退回案例",
    "case.publish": "发布案例",
    "case.view_original": "查看原始文件",
    "review.save": "点评",
    "call.create": "发布征集通知",
    "call.manage": "管理征集通知",
    "call.view": "查看征集通知",
    "unit.list": "查看单位",
    "unit.manage": "管理单位",
    "user.manage": "管理账号",
    "audit.read": "查看操作日志",
    "vocab.manage": "管理主题和标签",
    "stats.read": "查看入库考核统计",
    "monitoring.read": "查看监测预警",
    "monitoring.import": "导入监测数据",
    "monitoring.manage": "维护监测指标和整改方式",
    "warning.rectify": "登记整改举措",
    "warning.close": "整改销号",
    "stats.weights": "设置考核计分权重",
}
# An out-of-scope refusal, by the kind of object acted on ({what}: the action's title).
OUT_OF_SCOPE = {"warning": "只能对本地区的监测预警{what}"}

ROLE_TITLES = {
    "submitter": "填报单位",
    "approver": "单位审核人",
    "coordinator": "营商办",
    "reviewer": "业务主管部门",
    "admin": "省营商办管理员",
}


class Subject(Protocol):
    """Who acts: a role, a unit and a region (see :class:`library.accounts.audit.Actor`)."""

    @property
    def role(self) -> str | None: ...
    @property
    def unit_id(self) -> int | None: ...
    @property
    def region_code(self) -> str | None: ...
    @property
    def user_id(self) -> int | None: ...
    @property
    def active(self) -> bool: ...


def _attr(obj: Any, name: str) -> Any:
    return getattr(obj, name, None) if obj is not None else None


def in_scope(actor: Subject, scope: str, obj: Any = None) -> bool:
    """Is ``obj`` (anything with ``unit_id``/``region_code``/``created_by_id``, or unit ids
    in ``unit_ids``) inside the actor's ``scope``?"""
    if scope == ALL or obj is None:
        return True
    if scope == UNIT:
        if actor.user_id is not None and _attr(obj, "created_by_id") == actor.user_id:
            return True
        unit_ids = _attr(obj, "unit_ids")
        if unit_ids is not None:
            return actor.unit_id is not None and actor.unit_id in unit_ids
        return actor.unit_id is not None and _attr(obj, "unit_id") == actor.unit_id
    if scope == REGION:
        if actor.region_code is None:
            return False
        return within(_attr(obj, "region_code"), actor.region_code)
    return False


def can(actor: Subject | None, action: str, obj: Any = None) -> bool:
    if actor is None or not actor.active or actor.role is None:
        return False
    scope = RULES.get(action, {}).get(actor.role)
    return scope is not None and in_scope(actor, scope, obj)


def require(actor: Subject | None, action: str, obj: Any = None) -> None:
    """Raise :class:`Unauthorized` without an actor, :class:`Forbidden` when the actor's
    role may not do ``action`` or ``obj`` is outside the actor's scope."""
    if actor is None:
        raise Unauthorized()
    if can(actor, action, obj):
        return
    role = ROLE_TITLES.get(actor.role or "", actor.role or "")
    what = ACTION_TITLES.get(action.split(":")[0], action)
    if actor.role in RULES.get(action, {}):
        scope = OUT_OF_SCOPE.get(action.split(".")[0], "只能{what}本单位或本地区的案例")
        raise Forbidden(f"当前账号（{role}）{scope.format(what=what)}", code="out_of_scope")
    raise Forbidden(f"当前角色（{role}）不能{what}")


def can_view_case(actor: Subject | None, case: Any) -> bool:
    return can(actor, f"case.view:{case.status}", case)


def require_view_case(actor: Subject | None, case: Any) -> None:
    """A case the actor may not see is, for the actor, a case that does not exist."""
    if actor is None:
        raise Unauthorized()
    if not can_view_case(actor, case):
        raise NotFound(f"编号为 {case.case_no} 的案例不存在", code="case_not_found")


def allowed_actions(role: str | None) -> list[str]:
    return sorted(a for a, roles in RULES.items() if role in roles)


def is_privileged(actor: Subject | None) -> bool:
    """Who sees and sets 推荐形式: the admin (省营商办) and reviewers of the provincial
    office (a reviewer whose region is a province-level division)."""
    if actor is None or not actor.active:
        return False
    if actor.role == "admin":
        return True
    if actor.role == "reviewer" and actor.region_code:
        info = regions().get(actor.region_code)
        return info is not None and info.level == 1
    return False
