"""The assessment score (得分) of a region, a unit or a year, from its figures and the
year's weights, with the explanation people read ("首创 2 × 3 + 被借鉴 3 × 1 = 9 分"),
and the rank.

score = 首创 × w + 创新借鉴 × w + 整改借鉴 × w + 被借鉴 × w
        + (均分加分 when the average rating of its reviews ≥ 均分门槛)
        + 逾期 × w + 未报送 × w + 整改举措 × w      (w < 0 is a deduction, shown as "- 逾期 1 × 0.5")

Terms whose count or weight is 0 are left out of the explanation. Arithmetic is exact
(decimals). Rank: by score, highest first; equal scores share a rank and the next rank
skips (standard competition ranking: 1, 2, 2, 4).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .weights import BY_KEY, Weights, fmt, number

# (figure, weight key) of the count × weight terms, in the explanation's order.
TERMS = (
    ("original", "original"),
    ("innovation_borrowed", "innovation_borrowed"),
    ("rectification_borrowed", "rectification_borrowed"),
    ("times_borrowed", "times_borrowed"),
    ("late", "late"),
    ("not_submitted", "not_submitted"),
    ("rectifications", "rectifications"),
)


@dataclass(frozen=True)
class Score:
    total: Decimal
    explanation: str
    terms: tuple[tuple[str, str, Decimal], ...]  # (label, text, points)


def score(figures: Mapping[str, Any], weights: Weights) -> Score:
    w = weights.values
    terms: list[tuple[str, str, Decimal]] = []

    def term(label: str, count: int, weight: Decimal) -> None:
        if count and weight:
            terms.append((label, f"{label} {count} × {fmt(abs(weight))}", count * weight))

    for figure, key in TERMS[:4]:
        term(BY_KEY[key].title, int(figures.get(figure) or 0), w[key])
    reviews = int(figures.get("reviews") or 0)
    if reviews and w["rating_bonus"]:
        rating_sum = Decimal(int(figures.get("rating_sum") or 0))
        if rating_sum >= w["rating_threshold"] * reviews:
            avg = (rating_sum / reviews).quantize(Decimal("0.01"))
            terms.append(
                (
                    "均分",
                    f"均分 {fmt(avg)} ≥ {fmt(w['rating_threshold'])} 加 {fmt(w['rating_bonus'])}",
                    w["rating_bonus"],
                )
            )
    for figure, key in TERMS[4:]:
        value = figures.get(figure)
        if value is not None:
            term(BY_KEY[key].title, int(value), w[key])
    total = sum((points for _, _, points in terms), Decimal(0))
    text = ""
    for i, (_, part, points) in enumerate(terms):
        if i == 0:
            text = ("-" if points < 0 else "") + part
        else:
            text += (" - " if points < 0 else " + ") + part
    explanation = f"{text} = {fmt(total)} 分" if terms else "无计分项 = 0 分"
    return Score(total, explanation, tuple(terms))


def rank(rows: list[dict[str, Any]]) -> None:
    """Set ``rank`` on rows with a ``score``: competition ranking, highest score first."""
    scores = sorted((Decimal(str(r["score"])) for r in rows), reverse=True)
    first: dict[Decimal, int] = {}
    for i, s in enumerate(scores, 1):
        first.setdefault(s, i)
    for r in rows:
        r["rank"] = first[Decimal(str(r["score"]))]


__all__ = ["Score", "score", "rank", "number"]
