"""Indicator groups (一级指标) and indicators (二级指标): the default vocabulary seeded from
``library/data/indicators.json`` (made by ``scripts/build_indicators.py`` from the corpus),
and creating or changing an indicator (unit, direction, global best, warning rules), which
recomputes its warnings in the same transaction."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..accounts import audit
from ..accounts.audit import Actor
from ..errors import FieldError, NotFound, ValidationFailed
from ..permissions import require
from ..storage.base import utcnow
from .figures import Rules
from .models import BETTER, Indicator, IndicatorGroup

if TYPE_CHECKING:
    from ..context import Library

BETTER_TITLES = {"lower": "越低越好", "higher": "越高越好"}
# The fields of an indicator that `set_indicator` takes.
FIELDS = (
    "group",
    "unit",
    "better",
    "decimals",
    "global_best_economy",
    "global_best_value",
    "warning_line",
    "warning_bottom",
    "warning_above_average",
)


@cache
def default_data() -> dict[str, Any]:
    text = (resources.files("library") / "data" / "indicators.json").read_text(encoding="utf-8")
    return json.loads(text)


def seed(session: Session) -> None:
    """Load the default groups and indicators into a library that has none (idempotent)."""
    if session.scalar(select(func.count()).select_from(IndicatorGroup)):
        return
    data = default_data()
    rule = data.get("default_warning") or {}
    position = 0
    for g_pos, g in enumerate(data["groups"]):
        group = IndicatorGroup(name=g["name"], category=g.get("category"), position=g_pos)
        session.add(group)
        session.flush()
        for item in g["indicators"]:
            best = item.get("global_best") or {}
            wb = item.get("world_bank") or {}
            session.add(
                Indicator(
                    group_id=group.id,
                    name=item["name"],
                    aliases=item.get("aliases") or [],
                    unit=item["unit"],
                    better=item["better"],
                    decimals=item["decimals"],
                    global_best_economy=best.get("economy"),
                    global_best_value=best.get("value"),
                    global_best_source=(
                        f"世界银行营商环境数据（Doing Business）{best['year']} 年，"
                        "160 个经济体中的最佳值"
                        if best
                        else None
                    ),
                    warning_above_average=rule.get("above_average_pct"),
                    source=f"国家营商环境评价指标：{g['name']} › {item['corpus_name']}",
                    definition=(f"{wb['code']} {wb['name']}: {wb['definition']}" if wb else None),
                    position=position,
                )
            )
            position += 1
    session.flush()


def rules_of(ind: Indicator) -> Rules:
    return Rules(
        better=ind.better,
        line=ind.warning_line,
        above_average=ind.warning_above_average,
        bottom=ind.warning_bottom,
    )


def indicator_dict(ind: Indicator) -> dict[str, Any]:
    rules = rules_of(ind)
    return {
        "id": ind.id,
        "name": ind.name,
        "group": ind.group.name,
        "aliases": list(ind.aliases or []),
        "unit": ind.unit,
        "better": ind.better,
        "better_title": BETTER_TITLES[ind.better],
        "decimals": ind.decimals,
        "global_best": None
        if ind.global_best_value is None
        else {
            "economy": ind.global_best_economy,
            "value": ind.global_best_value,
            "source": ind.global_best_source,
        },
        "warning_line": ind.warning_line,
        "warning_bottom": ind.warning_bottom,
        "warning_above_average": ind.warning_above_average,
        "rules": rules.describe(),
        "source": ind.source,
        "definition": ind.definition,
    }


def all_indicators(session: Session) -> list[Indicator]:
    return list(
        session.scalars(
            select(Indicator)
            .join(IndicatorGroup)
            .options(selectinload(Indicator.group))
            .order_by(IndicatorGroup.position, Indicator.position, Indicator.id)
        )
    )


def by_name(session: Session) -> dict[str, Indicator]:
    """Every indicator by its name and by each of its aliases."""
    out: dict[str, Indicator] = {}
    for ind in all_indicators(session):
        for alias in ind.aliases or []:
            out.setdefault(alias, ind)
    for ind in all_indicators(session):
        out[ind.name] = ind
    return out


def find_indicator(session: Session, name: str | None) -> Indicator | None:
    name = (name or "").strip()
    if not name:
        return None
    ind = session.scalar(
        select(Indicator).where(Indicator.name == name).options(selectinload(Indicator.group))
    )
    return ind if ind is not None else by_name(session).get(name)


def find_group(session: Session, name: str | None) -> IndicatorGroup | None:
    return session.scalar(select(IndicatorGroup).where(IndicatorGroup.name == (name or "").strip()))


@dataclass(frozen=True)
class GroupInfo:
    name: str
    category: str | None
    indicators: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "category": self.category, "indicators": self.indicators}


def indicator_tree(lib: Library, actor: Actor) -> list[GroupInfo]:
    """Every group in order with its indicators (the 预警指标 picker: group › indicator)."""
    require(actor, "monitoring.read")
    with lib.db.session() as session:
        groups = list(
            session.scalars(
                select(IndicatorGroup)
                .options(selectinload(IndicatorGroup.indicators).selectinload(Indicator.group))
                .order_by(IndicatorGroup.position, IndicatorGroup.id)
            )
        )
        return [
            GroupInfo(g.name, g.category, [indicator_dict(i) for i in g.indicators]) for g in groups
        ]


def get_indicator(lib: Library, name: str, actor: Actor) -> dict[str, Any]:
    require(actor, "monitoring.read")
    with lib.db.session() as session:
        ind = find_indicator(session, name)
        if ind is None:
            raise NotFound(f"未知的指标：{name}", code="indicator_not_found")
        return indicator_dict(ind)


# -- creating and changing ------------------------------------------------------------------


def _number(errors: list[FieldError], field: str, value: Any, title: str) -> float | None:
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return None
    if isinstance(value, bool):
        errors.append(FieldError(field, "not_a_number", f"{title}应为数字"))
        return None
    try:
        number = float(str(value).strip()) if not isinstance(value, (int, float)) else float(value)
    except ValueError:
        errors.append(FieldError(field, "not_a_number", f"{title}应为数字：{value}"))
        return None
    if not math.isfinite(number):
        errors.append(FieldError(field, "not_a_number", f"{title}应为有限的数字"))
        return None
    return number


def _checked(fields: dict[str, Any], current: Indicator | None) -> dict[str, Any]:
    """The fields to store, checked: every bad field at once."""
    errors: list[FieldError] = []
    out: dict[str, Any] = {}
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        errors.append(FieldError("_", "unknown_field", "不认识的字段：" + ", ".join(unknown)))
    for key, title in (
        ("group", "一级指标"),
        ("unit", "计量单位"),
        ("global_best_economy", "全球最佳经济体"),
    ):
        if key in fields:
            value = fields[key]
            if value is not None and not isinstance(value, str):  # JSON: a number, a boolean
                errors.append(FieldError(key, "not_text", f"{title}应为文字"))
                continue
            out[key] = value.strip() if isinstance(value, str) else value
    if current is None:
        for key, title in (("group", "一级指标"), ("unit", "计量单位"), ("better", "方向")):
            if fields.get(key) in (None, ""):
                errors.append(FieldError(key, "required", f"新建指标须指定{title}（{key}）"))
    if "group" in out and out["group"] is not None and len(out["group"]) > 40:
        errors.append(FieldError("group", "too_long", "一级指标名称不能超过 40 字"))
    if "unit" in out and out["unit"] is not None and len(out["unit"]) > 20:
        errors.append(FieldError("unit", "too_long", "计量单位不能超过 20 字"))
    if "better" in fields and fields["better"] not in (None, ""):
        better = str(fields["better"]).strip()
        if better not in BETTER:
            errors.append(
                FieldError(
                    "better", "invalid_choice", "方向应为 lower（越低越好）或 higher（越高越好）"
                )
            )
        out["better"] = better
    if "decimals" in fields and fields["decimals"] not in (None, ""):
        try:
            decimals = int(fields["decimals"])
        except (TypeError, ValueError):
            decimals = -1
        if not 0 <= decimals <= 6:
            errors.append(FieldError("decimals", "out_of_range", "小数位数应为 0–6 的整数"))
        out["decimals"] = decimals
    for key, title in (
        ("global_best_value", "全球最佳值"),
        ("warning_line", "预警线"),
        ("warning_above_average", "劣于平均值的百分比"),
    ):
        if key in fields:
            out[key] = _number(errors, key, fields[key], title)
    if out.get("warning_above_average") is not None and out["warning_above_average"] <= 0:
        errors.append(
            FieldError("warning_above_average", "out_of_range", "劣于平均值的百分比应大于 0")
        )
    if "warning_bottom" in fields:
        value = fields["warning_bottom"]
        if value in (None, ""):
            out["warning_bottom"] = None
        else:
            try:
                n = int(str(value).strip())
            except ValueError:
                n = 0
            if n < 1:
                errors.append(FieldError("warning_bottom", "out_of_range", "末位数应为正整数"))
            out["warning_bottom"] = n
    economy = out.get("global_best_economy", current.global_best_economy if current else None)
    best = out.get("global_best_value", current.global_best_value if current else None)
    if (economy in (None, "")) != (best is None):
        errors.append(
            FieldError(
                "global_best_economy",
                "incomplete",
                "全球最佳须同时给出经济体和数值（清除时两者都清除）",
            )
        )
    if economy and len(economy) > 60:
        errors.append(FieldError("global_best_economy", "too_long", "经济体名称不能超过 60 字"))
    if errors:
        raise ValidationFailed(errors)
    return out


def set_indicator(
    lib: Library, name: str, fields: dict[str, Any], actor: Actor | None = None
) -> dict[str, Any]:
    """Create the indicator ``name`` or change the fields given (a field given as None is
    cleared); its group is created when new. The indicator's warnings are recomputed in
    the same transaction (the rules may have changed). Returns the indicator."""
    from .warnings import recompute

    actor = actor or Actor.cli()
    require(actor, "monitoring.manage")
    name = (name or "").strip()
    if not name:
        raise ValidationFailed([FieldError("name", "required", "请填写指标名称")])
    if len(name) > 60:
        raise ValidationFailed([FieldError("name", "too_long", "指标名称不能超过 60 字")])
    with lib.db.transaction() as session:
        ind = find_indicator(session, name)
        values = _checked(fields, ind)
        created = ind is None
        if created:
            ind = Indicator(name=name, aliases=[], decimals=2, unit="")
            position = session.scalar(select(func.max(Indicator.position))) or 0
            ind.position = position + 1
        before = {} if created else indicator_dict(ind)
        group_name = values.pop("group", None)
        if group_name:
            group = find_group(session, group_name)
            if group is None:
                last = session.scalar(select(func.max(IndicatorGroup.position))) or 0
                group = IndicatorGroup(name=group_name, position=last + 1)
                session.add(group)
                session.flush()
            ind.group = group
        for key, value in values.items():
            if key == "global_best_economy" and value == "":
                value = None
            setattr(ind, key, value)
        if "global_best_value" in values or "global_best_economy" in values:
            ind.global_best_source = (
                f"管理员设置（{actor.name}）" if ind.global_best_value is not None else None
            )
        ind.updated_at = utcnow()
        if created:
            session.add(ind)
        session.flush()
        after = indicator_dict(ind)
        changed = sorted(k for k in after if k != "rules" and after[k] != before.get(k))
        audit.record(
            session,
            actor,
            "indicator.create" if created else "indicator.update",
            "indicator",
            str(ind.id),
            name=name,
            changed=changed,
        )
        report = recompute(session, [ind.id], actor)
        after = indicator_dict(ind)
    report.deliver(lib)
    return after
