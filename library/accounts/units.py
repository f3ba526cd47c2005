"""Units (填报单位) as records: a county or district government, a municipal department, an
office under one of them; each in a region. Calls are addressed to units, cases belong to
one, statistics count per unit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import FieldError, NotFound, ValidationFailed
from ..permissions import require
from ..vocab.models import Region
from ..vocab.regions import normalize_region, region_by_name, region_label, within
from . import audit
from .audit import Actor
from .models import Unit, User

if TYPE_CHECKING:
    from ..context import Library


@dataclass(frozen=True)
class UnitInfo:
    id: int
    name: str
    region_code: str | None
    region: str
    parent_id: int | None
    parent: str | None
    active: bool

    members: int = 0  # accounts of the unit (admin listing only)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "region_code": self.region_code}

    def admin_dict(self) -> dict[str, Any]:
        return {
            **self.as_dict(),
            "region": self.region,
            "parent_id": self.parent_id,
            "parent": self.parent,
            "active": self.active,
            "members": self.members,
        }


def _info(unit: Unit, names: dict[int, str], members: int = 0) -> UnitInfo:
    return UnitInfo(
        id=unit.id,
        name=unit.name,
        region_code=unit.region_code,
        region=region_label(unit.region_code),
        parent_id=unit.parent_id,
        parent=names.get(unit.parent_id) if unit.parent_id else None,
        active=unit.active,
        members=members,
    )


def add_unit(
    lib: Library,
    name: str,
    region: str | None,
    *,
    parent: str | int | None = None,
    actor: Actor | None = None,
) -> UnitInfo:
    """Create a unit (every bad field reported at once). ``region`` is a code or a name
    (台州市椒江区); ``parent`` a unit id or name."""
    actor = actor or Actor.cli()
    require(actor, "unit.manage")
    name = (name or "").strip()
    errors: list[FieldError] = []
    if not name:
        errors.append(FieldError("name", "required", "单位名称为必填项"))
    elif len(name) > 100:
        errors.append(FieldError("name", "too_long", "单位名称不能超过 100 字"))
    code = region_by_name(region) if region else None
    if region and code is None:
        errors.append(FieldError("region", "invalid_choice", f"未知的地区：{region}"))
    with lib.db.transaction() as session:
        parent_unit = None
        if parent not in (None, ""):
            parent_unit = find_unit(session, parent)
            if parent_unit is None:
                errors.append(FieldError("parent", "not_found", f"上级单位不存在：{parent}"))
        if name and code is not None or (name and not region):
            taken = session.scalar(select(Unit).where(Unit.name == name, Unit.region_code == code))
            if taken is not None:
                errors.append(FieldError("name", "taken", f"该地区已有单位“{name}”"))
        if errors:
            raise ValidationFailed(errors)
        unit = Unit(name=name, region_code=code, parent_id=parent_unit.id if parent_unit else None)
        session.add(unit)
        session.flush()
        audit.record(
            session,
            actor,
            "unit.create",
            "unit",
            str(unit.id),
            name=name,
            region=code,
            parent=parent_unit.name if parent_unit else None,
        )
        names = {parent_unit.id: parent_unit.name} if parent_unit else {}
        return _info(unit, names)


def find_unit(session: Session, ref: str | int) -> Unit | None:
    """A unit by id, or by its name when that name is unique."""
    if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isdigit()):
        return session.get(Unit, int(ref))
    rows = list(session.scalars(select(Unit).where(Unit.name == str(ref).strip()).limit(2)))
    return rows[0] if len(rows) == 1 else None


def list_units(lib: Library, *, region: str | None = None) -> list[UnitInfo]:
    """Every active unit (in a region and below, when given), by region then name."""
    region = normalize_region(region) if region else None
    with lib.db.session() as session:
        units = list(session.scalars(select(Unit).where(Unit.active.is_(True))))
    names = {u.id: u.name for u in units}
    out = [_info(u, names) for u in units if within(u.region_code, region)]
    return sorted(out, key=lambda u: (u.region_code or "", u.parent_id or 0, u.name))


def get_unit(lib: Library, unit_id: int) -> UnitInfo:
    with lib.db.session() as session:
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise NotFound(f"单位不存在：{unit_id}", code="unit_not_found")
        parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
        return _info(unit, {parent.id: parent.name} if parent else {})


def region_units(session: Session, region_code: str) -> list[Unit]:
    """The active units located in exactly this region (not in the divisions inside it):
    for 331000, 台州市's own departments and offices, not its counties' governments."""
    return list(
        session.scalars(select(Unit).where(Unit.region_code == region_code, Unit.active.is_(True)))
    )


def all_units(lib: Library, actor: Actor, *, active: bool | None = None) -> list[UnitInfo]:
    """Every unit, deactivated ones too (or only ``active`` ones), with its number of
    accounts: the admin's list."""
    require(actor, "unit.manage")
    with lib.db.session() as session:
        units = list(session.scalars(select(Unit)))
        counts = dict(
            session.execute(
                select(User.unit_id, func.count())
                .where(User.unit_id.is_not(None))
                .group_by(User.unit_id)
            ).all()
        )
    names = {u.id: u.name for u in units}
    out = [_info(u, names, counts.get(u.id, 0)) for u in units if active in (None, u.active)]
    return sorted(out, key=lambda u: (not u.active, u.region_code or "", u.name))


_KEEP: Any = object()


def update_unit(
    lib: Library,
    unit_id: int,
    *,
    name: str | None = None,
    region: str | None | Any = _KEEP,
    parent: str | int | None | Any = _KEEP,
    actor: Actor | None = None,
) -> UnitInfo:
    """Rename a unit, move it to another region or under another parent (or none: an
    empty ``parent``). Cases keep the unit name their 申报表 was filed with."""
    actor = actor or Actor.cli()
    require(actor, "unit.manage")
    errors: list[FieldError] = []
    with lib.db.transaction() as session:
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise NotFound(f"单位不存在：{unit_id}", code="unit_not_found")
        new_name = unit.name if name is None else name.strip()
        if not new_name:
            errors.append(FieldError("name", "required", "单位名称为必填项"))
        elif len(new_name) > 100:
            errors.append(FieldError("name", "too_long", "单位名称不能超过 100 字"))
        code = unit.region_code
        if region is not _KEEP:
            code = region_by_name(region) if region else None
            if region and code is None:
                errors.append(FieldError("region", "invalid_choice", f"未知的地区：{region}"))
                code = unit.region_code
        parent_id = unit.parent_id
        if parent is not _KEEP:
            parent_id = None
            if parent not in (None, ""):
                p = find_unit(session, parent)
                if p is None:
                    errors.append(FieldError("parent", "not_found", f"上级单位不存在：{parent}"))
                elif _is_within(session, p, unit.id):
                    errors.append(
                        FieldError("parent", "cycle", "上级单位不能是本单位或本单位的下级单位")
                    )
                else:
                    parent_id = p.id
        if new_name and (new_name, code) != (unit.name, unit.region_code):
            taken = session.scalar(
                select(Unit).where(
                    Unit.name == new_name, Unit.region_code == code, Unit.id != unit.id
                )
            )
            if taken is not None:
                errors.append(FieldError("name", "taken", f"该地区已有单位“{new_name}”"))
        if errors:
            raise ValidationFailed(errors)
        names = {u.id: u.name for u in session.scalars(select(Unit))}
        before = {
            "name": unit.name,
            "region": unit.region_code,
            "parent": names.get(unit.parent_id) if unit.parent_id else None,
        }
        unit.name, unit.region_code, unit.parent_id = new_name, code, parent_id
        after = {
            "name": new_name,
            "region": code,
            "parent": names.get(parent_id) if parent_id else None,
        }
        changes = {k: [before[k], after[k]] for k in after if after[k] != before[k]}
        if changes:
            session.flush()
            audit.record(session, actor, "unit.update", "unit", str(unit.id), changes=changes)
        names[unit.id] = unit.name
        return _info(unit, names)


def _is_within(session: Session, unit: Unit, ancestor_id: int) -> bool:
    """Is ``unit`` the unit ``ancestor_id`` or below it?"""
    seen: set[int] = set()
    while unit is not None and unit.id not in seen:
        if unit.id == ancestor_id:
            return True
        seen.add(unit.id)
        unit = session.get(Unit, unit.parent_id) if unit.parent_id else None
    return False


def set_unit_active(
    lib: Library, unit_id: int, active: bool, *, actor: Actor | None = None
) -> UnitInfo:
    """Deactivate a unit (it leaves the unit pickers and calls' target lists; its accounts
    and cases stay as they are) or reactivate it."""
    actor = actor or Actor.cli()
    require(actor, "unit.manage")
    with lib.db.transaction() as session:
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise NotFound(f"单位不存在：{unit_id}", code="unit_not_found")
        if bool(unit.active) != active:
            unit.active = active
            members = session.scalar(
                select(func.count()).select_from(User).where(User.unit_id == unit.id)
            )
            audit.record(
                session,
                actor,
                "unit.reactivate" if active else "unit.deactivate",
                "unit",
                str(unit.id),
                name=unit.name,
                members=int(members or 0),
            )
        parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
        return _info(unit, {parent.id: parent.name} if parent else {})


def unit_members(session: Session, unit_ids: list[int], roles: tuple[str, ...]) -> list[User]:
    """The active accounts of these units with these roles."""
    if not unit_ids:
        return []
    return list(
        session.scalars(
            select(User).where(
                User.unit_id.in_(unit_ids), User.role.in_(roles), User.active.is_(True)
            )
        )
    )


def region_members(session: Session, region_code: str | None, roles: tuple[str, ...]) -> list[User]:
    """The active accounts with these roles whose region holds ``region_code`` (the
    coordinators of a county's city and province, the admins)."""
    users = session.scalars(select(User).where(User.role.in_(roles), User.active.is_(True)))
    return [u for u in users if u.role == "admin" or within(region_code, u.region_code)]


def valid_region(session: Session, code: str | None) -> bool:
    return bool(code) and session.get(Region, code) is not None
