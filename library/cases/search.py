"""Search: the search request form (validated against ``schemas/search_request.json``) to
the index, results with facets and highlights."""

from __future__ import annotations

import gc
from datetime import date
from typing import TYPE_CHECKING, Any

from indexer import SearchQuery, SearchResult

from .. import validation
from . import indexing

if TYPE_CHECKING:
    from ..context import Library

PER_PAGE = 10


def to_query(params: dict[str, Any]) -> SearchQuery:
    """Validate raw parameters (strings from a URL or the command line) and build the query."""
    data: dict[str, Any] = {}
    for key, value in params.items():
        if value is None or value == "" or value == []:
            continue
        if key in ("page", "per_page", "year", "group"):
            try:
                value = int(value)
            except (TypeError, ValueError):
                pass  # the schema reports it
        if key == "tags" and isinstance(value, str):
            value = [t for t in value.replace("，", ",").split(",") if t.strip()]
        data[key] = value
    validation.check("search_request", data)
    return SearchQuery(
        q=data.get("q", ""),
        theme=data.get("theme"),
        tags=tuple(data.get("tags", ())),
        case_type=data.get("case_type"),
        region=data.get("region"),
        unit=data.get("unit"),
        case_no=data.get("case_no"),
        name=data.get("name"),
        year=data.get("year"),
        date_from=date.fromisoformat(data["from"]) if data.get("from") else None,
        date_to=date.fromisoformat(data["to"]) if data.get("to") else None,
        sort=data.get("sort", "relevance"),
        page=data.get("page", 1),
        per_page=data.get("per_page", PER_PAGE),
        group=bool(data.get("group", 0)),
    )


def search(lib: Library, params: dict[str, Any] | SearchQuery) -> SearchResult:
    sq = params if isinstance(params, SearchQuery) else to_query(params)
    indexing.sync_now_and_then(lib)
    return indexing.reading(lib, lambda: lib.index.search(sq))


def suggest(lib: Library, prefix: str, limit: int = 8) -> list[dict[str, str]]:
    prefix = (prefix or "").strip()[:50]
    found = indexing.reading(lib, lambda: lib.index.suggest(prefix, limit))
    return [{"case_no": c, "name": n} for c, n in found]


def warm_up(lib: Library) -> None:
    """Load the Chinese dictionaries and open the index once, in a server's master process
    before it forks its workers (they then share the dictionaries' memory). The library
    then serves: a damaged index is repaired in a process of its own, never in a request."""
    search(lib, {"q": "营商环境", "per_page": 1})
    lib.serving = True
    # What is loaded now (jieba's dictionary above all) stays out of the garbage
    # collector's reach: full collections in the workers neither walk it (pauses of tens of
    # milliseconds inside requests) nor write to it (which would copy the shared pages).
    gc.collect()
    gc.freeze()
