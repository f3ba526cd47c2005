"""The short soak of bench/soak.py: `caselib serve` (4 workers) on the demo library, reading
clients while reviews, uploads and a command-line ingest write. No request fails and the
index is never rebuilt; every uploaded case is searchable afterwards; nothing holds the
port once the server is stopped. Timings are the benchmark's business, not asserted here."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _soak_module():
    import sys

    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("bench_soak", BENCH / "soak.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_soak"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_mixed_load_has_no_errors_and_no_rebuilds(tmp_path, tmp_path_factory):
    """12 s of searches, similar cases and case pages from 3 clients while reviews,
    uploads and a CLI ingest of 12 files write: 0 errors, 0 rebuilds, all cases indexed.
    On a copy of the tests' demo library (what bench/soak.py builds, previews made)."""
    import shutil

    from tests.web.conftest import shared_demo_home

    soak = _soak_module()
    home = tmp_path / "home"
    shutil.copytree(
        shared_demo_home(tmp_path_factory), home, ignore=shutil.ignore_patterns("*.lock")
    )

    r = soak.run_soak(home, seconds=12, workers=4, readers=3, ingest_files=12)

    assert r["errors"] == {}
    assert r["rebuilds"] == 0
    assert r["ingest"]["returncode"] == 0, r["ingest"]
    assert r["uploaded"] > 0 and r["uploads_missing_from_index"] == []
    assert all(r["times"].get(k) for k in ("search", "similar", "case page", "review", "upload"))
    assert r["port_free"]
