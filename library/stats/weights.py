"""The scoring weights (计分权重) of each assessment year, kept by the admin (省营商办).

A year without weights of its own uses :data:`DEFAULTS` (the issue's example: 首创 3 分,
借鉴 1 分, each time borrowed +1, an average rating ≥ 4 +1, late −0.5). Setting a year's
weights adds a version (earlier versions stay, with who set them and when); a year that is
over (Beijing time) is frozen and cannot be set any more, so its score never changes when
this year's weights do. Values are exact decimals (scores are sums of counts × weights).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..accounts import audit
from ..accounts.audit import Actor
from ..errors import Conflict, FieldError, ValidationFailed
from ..permissions import require
from ..storage.base import utcnow
from .models import ScoreWeights

if TYPE_CHECKING:
    from ..context import Library


@dataclass(frozen=True)
class WeightKey:
    key: str
    title: str  # as in the score's explanation
    default: Decimal
    help: str
    low: Decimal = Decimal(-100)
    high: Decimal = Decimal(100)


KEYS: tuple[WeightKey, ...] = (
    WeightKey("original", "首创", Decimal(3), "每个入库的本地首创案例"),
    WeightKey("innovation_borrowed", "创新借鉴", Decimal(1), "每个入库的创新借鉴案例"),
    WeightKey("rectification_borrowed", "整改借鉴", Decimal(1), "每个入库的整改借鉴案例"),
    WeightKey("times_borrowed", "被借鉴", Decimal(1), "本地入库案例每被其他地区的入库案例借鉴一次"),
    WeightKey(
        "rating_bonus",
        "均分加分",
        Decimal(1),
        "入库案例的点评平均推荐指数达到门槛时加分（一次）",
        low=Decimal(0),
    ),
    WeightKey(
        "rating_threshold",
        "均分门槛",
        Decimal(4),
        "平均推荐指数不低于该值时加分（1–5）",
        low=Decimal(1),
        high=Decimal(5),
    ),
    WeightKey("late", "逾期", Decimal("-0.5"), "每个征集通知逾期报送（负数为扣分）"),
    WeightKey("not_submitted", "未报送", Decimal(0), "每个征集通知未报送（负数为扣分）"),
    WeightKey("rectifications", "整改举措", Decimal(0), "每条针对监测预警记录的整改举措"),
)
BY_KEY = {k.key: k for k in KEYS}
DEFAULTS: dict[str, Decimal] = {k.key: k.default for k in KEYS}
# Keys that are not "count × weight" terms.
NOT_TERMS = ("rating_bonus", "rating_threshold")


@dataclass(frozen=True)
class Weights:
    year: int
    version: int  # 0: the defaults (the year has no weights of its own)
    values: dict[str, Decimal]
    set_at: datetime | None = None
    set_by: str | None = None
    note: str | None = None

    @property
    def frozen(self) -> bool:
        return self.year < beijing_year()

    def as_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "version": self.version,
            "default": self.version == 0,
            "frozen": self.frozen,
            "values": {k: number(v) for k, v in self.values.items()},
            "set_at": self.set_at.isoformat(timespec="seconds") + "Z" if self.set_at else None,
            "set_by": self.set_by,
            "note": self.note,
        }


def number(d: Decimal) -> int | float:
    """A decimal for JSON: an int when whole, else a float (weights have ≤ 2 decimals)."""
    return int(d) if d == d.to_integral_value() else float(d)


def fmt(d: Decimal) -> str:
    """3, 0.5, 8.25 (no trailing zeros, no exponent)."""
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def beijing_year(now: datetime | None = None) -> int:
    return ((now or utcnow()) + timedelta(hours=8)).year


def _row_weights(row: ScoreWeights) -> Weights:
    values = dict(DEFAULTS)
    values.update({k: Decimal(str(v)) for k, v in (row.weights or {}).items() if k in BY_KEY})
    return Weights(row.year, row.version, values, row.set_at, row.set_by, row.note)


def weights_for(session: Session, year: int) -> Weights:
    """The weights a year's score uses: its newest version, or the defaults."""
    row = session.scalar(
        select(ScoreWeights)
        .where(ScoreWeights.year == year)
        .order_by(ScoreWeights.version.desc())
        .limit(1)
    )
    return _row_weights(row) if row is not None else Weights(year, 0, dict(DEFAULTS))


def get_weights(lib: Library, year: int | None = None) -> Weights:
    with lib.db.session() as session:
        return weights_for(session, year or beijing_year())


def history(lib: Library, year: int | None = None) -> list[Weights]:
    """Every version set, newest first (of one year, or of all years)."""
    with lib.db.session() as session:
        stmt = select(ScoreWeights).order_by(ScoreWeights.year.desc(), ScoreWeights.version.desc())
        if year is not None:
            stmt = stmt.where(ScoreWeights.year == year)
        return [_row_weights(r) for r in session.scalars(stmt)]


class WeightsFrozen(Conflict):
    code = "weights_frozen"
    message = "该年度已结束，计分权重已冻结，不能修改"


def _decimal(key: str, raw: Any, errors: list[FieldError]) -> Decimal | None:
    spec = BY_KEY[key]
    if isinstance(raw, bool) or raw is None:
        errors.append(FieldError(key, "invalid_type", f"{spec.title}的分值应为数字"))
        return None
    try:
        value = Decimal(str(raw).strip().replace("−", "-"))
    except InvalidOperation:
        errors.append(FieldError(key, "invalid_type", f"{spec.title}的分值应为数字"))
        return None
    if not value.is_finite():
        errors.append(FieldError(key, "invalid_type", f"{spec.title}的分值应为数字"))
        return None
    # The range first: quantizing a number far out of it (1e169) overflows the context.
    if not spec.low <= value <= spec.high:
        errors.append(
            FieldError(
                key,
                "out_of_range",
                f"{spec.title}的分值应在 {fmt(spec.low)} 到 {fmt(spec.high)} 之间",
            )
        )
        return None
    if value != value.quantize(Decimal("0.01")):
        errors.append(FieldError(key, "too_precise", f"{spec.title}的分值最多两位小数"))
        return None
    return value


def parse_year(raw: Any, field: str = "year") -> int:
    try:
        year = int(str(raw).strip())
    except (TypeError, ValueError):
        raise ValidationFailed([FieldError(field, "invalid_type", "年度应为四位数字")]) from None
    if not 2000 <= year <= 2100:
        raise ValidationFailed([FieldError(field, "out_of_range", "年度应在 2000 到 2100 之间")])
    return year


def set_weights(
    lib: Library,
    year: Any,
    values: dict[str, Any],
    actor: Actor,
    *,
    note: str | None = None,
    now: datetime | None = None,
) -> Weights:
    """Set some or all of a year's weights (the others keep their current values): a new
    version, audited. Refused for a year that is over (``weights_frozen``, 409)."""
    require(actor, "stats.weights")
    year = parse_year(year)
    if not isinstance(values, dict):
        raise ValidationFailed([FieldError("values", "invalid_type", "权重应为 {键: 分值}")])
    errors: list[FieldError] = []
    changes: dict[str, Decimal] = {}
    for key, raw in values.items():
        if key not in BY_KEY:
            errors.append(
                FieldError(key, "unknown", f"未知的权重：{key}（可用：{'、'.join(BY_KEY)}）")
            )
            continue
        value = _decimal(key, raw, errors)
        if value is not None:
            changes[key] = value
    if note is not None and (not isinstance(note, str) or len(note) > 200):
        errors.append(FieldError("note", "too_long", "说明不能超过 200 字"))
    if not values and not errors:
        errors.append(FieldError("values", "required", "请至少设置一项权重"))
    if errors:
        raise ValidationFailed(errors)
    if year < beijing_year(now):
        raise WeightsFrozen(f"{year} 年度已结束，计分权重已冻结，不能修改")
    with lib.db.transaction() as session:
        current = weights_for(session, year)
        merged = {**current.values, **changes}
        version = (
            session.scalar(select(func.max(ScoreWeights.version)).where(ScoreWeights.year == year))
            or 0
        ) + 1
        row = ScoreWeights(
            year=year,
            version=version,
            weights={k: fmt(v) for k, v in merged.items()},
            note=(note or "").strip() or None,
            set_at=now or utcnow(),
            set_by_id=actor.user_id,
            set_by=actor.name,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "stats.weights",
            "stats_weights",
            f"{year}#{version}",
            year=year,
            version=version,
            changes={k: fmt(v) for k, v in changes.items()},
        )
        return _row_weights(row)
