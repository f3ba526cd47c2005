"""Periods of monitoring values: a year (``2024``) or a quarter of a year (``2024Q1``).

Written forms accepted on input: 2024, 2024Q1, 2024-Q1, 2024q1, 2024年, 2024年第1季度,
2024年一季度. Years and quarters are two kinds of series: a quarter is compared with the
quarter before, a year with the year before.
"""

from __future__ import annotations

import re

_YEAR = r"(20[0-9]{2}|19[5-9][0-9])"
_FORMS = [
    (re.compile(rf"^{_YEAR}(?:年|\.0)?$"), None),
    (re.compile(rf"^{_YEAR}\s*[-_/ ]?\s*[Qq]([1-4])$"), 2),
    (re.compile(rf"^{_YEAR}年?\s*第?([1-4一二三四])季度?$"), 2),
]
_CN = {"一": "1", "二": "2", "三": "3", "四": "4"}


def normalize_period(text: str | None) -> str | None:
    """The canonical form of a period (``2024`` or ``2024Q1``), or None when it is none."""
    if text is None:
        return None
    text = str(text).strip()
    for pattern, quarter_group in _FORMS:
        m = pattern.match(text)
        if m:
            year = m.group(1)
            if quarter_group is None:
                return year
            return f"{year}Q{_CN.get(m.group(2), m.group(2))}"
    return None


def is_quarter(period: str) -> bool:
    return "Q" in period


def sort_key(period: str) -> tuple[int, int]:
    """Years and quarters in time order (a year after its quarters)."""
    if is_quarter(period):
        return int(period[:4]), int(period[5])
    return int(period), 5


def same_kind(a: str, b: str) -> bool:
    return is_quarter(a) == is_quarter(b)


def period_title(period: str | None) -> str:
    """2024 → 2024年; 2024Q1 → 2024年第1季度."""
    if not period:
        return ""
    if is_quarter(period):
        return f"{period[:4]}年第{period[5]}季度"
    return f"{period}年"
