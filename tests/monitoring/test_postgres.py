"""监测预警 on PostgreSQL: the same import, warnings (the guide's sentence), evidence search,
rectification and closing run unchanged (no SQLite-only SQL; JSON columns as the driver
gives them)."""

from __future__ import annotations

import pytest

from library.accounts import users
from library.accounts.audit import Actor
from library.config import Settings
from library.context import Library
from library.monitoring import indicators, rectifications, values, warnings

from .conftest import DEBT, SEED_SENTENCE, SEED_VALUES, csv_of, evidence_files

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_lib(postgres_database, tmp_path_factory):
    url = postgres_database("caselib_monitoring")
    home = tmp_path_factory.mktemp("pgmon") / "home"
    lib = Library(Settings({"home": str(home), "database_url": url, "ingest_workers": 1}, env={}))
    assert lib.db.engine.dialect.name == "postgresql"
    lib.init(ensure_index=False)
    users.create_user(
        lib, "nb", "monitoring-pass", "coordinator", unit="宁波市营商办", region="330200"
    )
    yield lib
    lib.close()


def test_the_module_runs_on_postgresql(pg_lib):
    lib = pg_lib
    indicators.set_indicator(
        lib,
        DEBT,
        {
            "global_best_economy": "芬兰",
            "global_best_value": 0.9,
            "warning_bottom": 4,
            "warning_above_average": None,
        },
    )
    report = values.import_file(
        lib, "v.csv", csv_of([("2024", c, DEBT, v) for c, v in SEED_VALUES.items()])
    )
    assert report.warnings_raised == 4 and report.notified == 1
    admin = Actor.cli()
    (w,) = warnings.list_warnings(lib, admin, {"region": "330200"})["warnings"]
    assert w["explanation"] == SEED_SENTENCE
    with lib.db.session() as s:
        nb = Actor.of(users.find_user(s, "nb"))
    out = rectifications.record_rectification(
        lib, w["id"], {"method": "流程再造", "description": "预重整_100%"}, evidence_files(), nb
    )
    assert len(out["files"]) == 3
    assert [x["id"] for x in warnings.list_warnings(lib, admin, {"q": "审理周期"})["warnings"]] == [
        w["id"]
    ]
    assert warnings.list_warnings(lib, admin, {"q": "100%"})["warnings"][0]["id"] == w["id"]
    assert warnings.list_warnings(lib, admin, {"q": "0%_x"})["warnings"] == []
    closed = warnings.close_warning(lib, w["id"], nb, "整改完成")
    assert closed["state"] == "resolved"
    again = values.import_file(
        lib, "v.csv", csv_of([("2024", c, DEBT, v + 0.1) for c, v in SEED_VALUES.items()])
    )
    assert again.changed == 11
    assert warnings.region_profile(lib, admin, "330200")["indicators"][0]["indicator"] == DEBT
