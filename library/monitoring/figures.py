"""The figures of a warning and its explanation, computed from values alone (no database).

For one indicator and period, the regions of one level (cities, or counties) of one
province are compared: the average of their values, the best value and the regions that
have it, each region's rank (1 = best; ties share a rank) and rank from the bottom, and the
warning rules the region's value breaks:

* ``line``: beyond a fixed line value (above it when lower is better, below it otherwise);
* ``above_average``: worse than the average by more than X % of the average;
* ``bottom``: among the last N (rank from the bottom ≤ N), unless it ties the best value.

The explanation is the operating guide's sentence, e.g.
“收回债务所需的时间”属于一级指标“办理破产”，该指标平均值为2年（全球最佳芬兰0.90年），最优的湖州市为0.50年，
宁波市该指标为2.00年，超出预警线，全省地市排名末4位。
Values and the global best are shown with the indicator's decimals (2.00年); the average
with at most two (and at least the indicator's), trailing zeros dropped (2年, 1.86年).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LEVEL_TITLES = {2: "地市", 3: "县（市、区）"}
_EPS = 1e-9


@dataclass(frozen=True)
class Rules:
    better: str  # "lower" | "higher"
    line: float | None = None
    above_average: float | None = None  # per cent
    bottom: int | None = None

    def is_better(self, a: float, b: float) -> bool:
        """Is ``a`` strictly better than ``b``?"""
        return a < b - _EPS if self.better == "lower" else a > b + _EPS

    def describe(self) -> list[str]:
        out = []
        worse = "高于" if self.better == "lower" else "低于"
        if self.line is not None:
            out.append(f"{worse}预警线 {self.line:g}")
        if self.above_average is not None:
            out.append(f"劣于全省平均值 {self.above_average:g}% 以上")
        if self.bottom is not None:
            out.append(f"全省排名末 {self.bottom} 位以内")
        return out


@dataclass
class Figures:
    """A region's value among the regions of its level in its province, for one period."""

    region_code: str
    value: float
    average: float
    best_value: float
    best_regions: list[str]
    rank: int
    rank_from_bottom: int
    of: int
    rules: list[dict[str, Any]] = field(default_factory=list)
    score: float = 100.0  # 0 = the worst of the level, 100 = the best

    @property
    def beyond(self) -> bool:
        return bool(self.rules)


def compare(values: dict[str, float], rules: Rules) -> dict[str, Figures]:
    """The figures of every region of one comparable set (one indicator, period, province
    and level): ``values`` maps region codes to values."""
    if not values:
        return {}
    items = list(values.items())
    n = len(items)
    average = sum(v for _, v in items) / n
    best = items[0][1]
    worst = items[0][1]
    for _, v in items[1:]:
        if rules.is_better(v, best):
            best = v
        if rules.is_better(worst, v):
            worst = v
    best_regions = sorted(c for c, v in items if not rules.is_better(best, v))
    out: dict[str, Figures] = {}
    spread = abs(best - worst)
    for code, v in items:
        better_than_me = sum(1 for _, o in items if rules.is_better(o, v))
        worse_than_me = sum(1 for _, o in items if rules.is_better(v, o))
        fig = Figures(
            region_code=code,
            value=v,
            average=average,
            best_value=best,
            best_regions=best_regions,
            rank=better_than_me + 1,
            rank_from_bottom=worse_than_me + 1,
            of=n,
            score=100.0 if spread < _EPS else round(100 * (1 - abs(best - v) / spread), 1),
        )
        fig.rules = broken_rules(fig, rules)
        out[code] = fig
    return out


def broken_rules(fig: Figures, rules: Rules) -> list[dict[str, Any]]:
    broken: list[dict[str, Any]] = []
    v = fig.value
    if rules.line is not None and rules.is_better(rules.line, v):
        broken.append({"rule": "line", "line": rules.line})
    if rules.above_average is not None:
        pct = rules.above_average / 100
        if rules.better == "lower":
            limit = fig.average + abs(fig.average) * pct
        else:
            limit = fig.average - abs(fig.average) * pct
        if rules.is_better(limit, v):
            broken.append({"rule": "above_average", "pct": rules.above_average, "line": limit})
    if (
        rules.bottom is not None
        and fig.rank_from_bottom <= rules.bottom
        and rules.is_better(fig.best_value, v)
    ):
        broken.append({"rule": "bottom", "n": rules.bottom})
    return broken


def rule_text(rule: dict[str, Any], better: str, unit: str, decimals: int) -> str:
    """One broken rule in words: 高于预警线 1.50年 / 劣于全省平均 20% 以上 / 全省排名末 4 位以内."""
    if rule["rule"] == "line":
        worse = "高于" if better == "lower" else "低于"
        return f"{worse}预警线 {format_value(rule['line'], decimals)}{unit}"
    if rule["rule"] == "above_average":
        return (
            f"劣于全省平均值 {rule['pct']:g}% 以上（{format_value(rule['line'], decimals)}{unit}）"
        )
    return f"全省排名末 {rule['n']} 位以内"


def format_value(value: float, decimals: int) -> str:
    """A value as the guide shows it: the indicator's decimals, kept (2.00)."""
    text = f"{value:.{max(decimals, 0)}f}"
    return "0" + text[2:] if text.startswith("-0") and float(text) == 0 else text


def format_average(value: float, decimals: int) -> str:
    """The average as the guide shows it: at most two decimals (at least the indicator's),
    trailing zeros dropped (2, 1.86)."""
    text = f"{value:.{max(decimals, 2)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def explain(
    *,
    indicator: str,
    group: str,
    unit: str,
    decimals: int,
    global_best_economy: str | None,
    global_best_value: float | None,
    average: float,
    best_names: list[str],
    best_value: float,
    region: str,
    value: float,
    beyond: bool,
    level: int,
    rank: int,
    rank_from_bottom: int,
) -> str:
    """The warning's 预警说明, in the operating guide's words."""
    best_part = ""
    if global_best_economy and global_best_value is not None:
        best_part = (
            f"（全球最佳{global_best_economy}{format_value(global_best_value, decimals)}{unit}）"
        )
    position = f"末{rank_from_bottom}位" if rank_from_bottom <= rank else f"第{rank}位"
    return (
        f"“{indicator}”属于一级指标“{group}”，"
        f"该指标平均值为{format_average(average, decimals)}{unit}{best_part}，"
        f"最优的{'、'.join(best_names)}为{format_value(best_value, decimals)}{unit}，"
        f"{region}该指标为{format_value(value, decimals)}{unit}，"
        f"{'超出预警线' if beyond else '未超出预警线'}，"
        f"全省{LEVEL_TITLES.get(level, '同级地区')}排名{position}。"
    )
