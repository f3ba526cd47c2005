"""The bridge between warnings and the case library: published cases that address a
warning's indicator (a city warned on 办理破产 sees the best 办理破产 cases of other
regions), the cases of type 整改借鉴 that name the warning, and the check of a case's
``warning_id`` (registered with the cases' form, which never imports this package)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from ..accounts.audit import Actor
from ..cases import read as case_read
from ..cases import search as case_search
from ..errors import CaselibError, ValidationFailed
from ..vocab.regions import region_label, within
from .models import MonitoringWarning

if TYPE_CHECKING:
    from ..context import Library

SUGGESTIONS = 5


def suggested_cases(
    lib: Library, warning_id: int, actor: Actor, limit: int = SUGGESTIONS
) -> list[dict[str, Any]]:
    """Published cases of other regions that address the warning's indicator: first those
    of the group's theme that mention the indicator, then the theme's best rated, then
    cases elsewhere that mention the group. The warned region's own cases are left out."""
    from .warnings import get_warning

    w = get_warning(lib, warning_id, actor)  # permission and existence
    code, indicator, group = w["region_code"], w["indicator"], w["group"]
    searches = [
        {"theme": group, "q": indicator},
        {"theme": group, "sort": "rating"},
        {"q": group},
    ]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for params in searches:
        try:
            result = case_search.search(lib, {**params, "per_page": 20})
        except (ValidationFailed, CaselibError):
            continue  # e.g. a group that is no theme of the catalogue
        for hit in result.hits:
            if hit.case_no in seen or (hit.region and within(hit.region, code)):
                continue
            seen.add(hit.case_no)
            out.append(
                {
                    "case_no": hit.case_no,
                    "name": hit.name,
                    "region": region_label(hit.region) if hit.region else None,
                    "theme": hit.theme,
                    "rating": hit.rating,
                    "rating_count": hit.rating_count,
                    "summary": hit.summary,
                }
            )
            if len(out) >= limit:
                return out
    return out


def answering_cases(lib: Library, warning_id: int, actor: Actor) -> list[dict[str, Any]]:
    """The 整改借鉴 cases naming this warning that the reader may see."""
    return case_read.cases_answering_warning(lib, warning_id, actor)


def check_case_link(session: Session, warning_id: int) -> str | None:
    """The cases' form check of ``warning_id``: None when the warning exists, else why."""
    if session.get(MonitoringWarning, warning_id) is None:
        return f"编号为 {warning_id} 的监测预警不存在"
    return None
