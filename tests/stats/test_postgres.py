"""The statistics on PostgreSQL: the known library built there gives exactly the figures,
scores, lists and weights it gives on SQLite (no SQLite-only SQL in the statistics)."""

from __future__ import annotations

import pytest

from library.accounts.audit import Actor
from library.config import Settings
from library.context import Library
from library.stats import weights
from library.stats.figures import figure_items, statistics

from .conftest import build_known

pytestmark = pytest.mark.postgres

VIEWS = [
    {"year": 2024},
    {"year": 2024, "region": "331000", "by": "unit"},
    {"by": "year", "from": "2023-01-01", "to": "2025-12-31"},
    {"year": 2024, "by": "call"},
]


def test_the_known_library_has_the_same_statistics_on_postgresql(
    known, postgres_database, tmp_path
):
    """Every view, a list behind a figure and a weights change agree with SQLite."""
    sqlite_lib, _ = known
    url = postgres_database("caselib_stats")
    build_known(tmp_path / "pg-home", url)
    pg = Library(
        Settings(
            {"home": str(tmp_path / "pg-home"), "ingest_workers": 1, "database_url": url}, env={}
        )
    )
    try:
        for params in VIEWS:
            assert statistics(pg, params, Actor.cli()) == statistics(
                sqlite_lib, params, Actor.cli()
            ), params
        query = {"year": 2024, "figure": "times_borrowed", "region": "331000", "key": "331002"}
        assert figure_items(pg, query, Actor.cli()) == figure_items(sqlite_lib, query, Actor.cli())
        year = weights.beijing_year()
        for lib in (pg, sqlite_lib):
            weights.set_weights(lib, year, {"original": "2.5"}, Actor.cli())
        this_year = {"year": year}
        assert statistics(pg, this_year, Actor.cli())["weights"]["values"]["original"] == 2.5
    finally:
        pg.close()
