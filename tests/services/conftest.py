"""Fixtures for the service tests: LibreOffice, the shared corpus, and libraries copied from
one initialised once (a fresh one per test, or one shared by the tests of a module)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


@pytest.fixture
def soffice() -> str:
    """The LibreOffice executable; the test is skipped when it is not installed."""
    path = shutil.which("soffice")
    if path is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return path


@pytest.fixture
def fixtures_dir() -> Path:
    """``corpus/02_fixtures``; skipped when the shared corpus is absent."""
    path = CORPUS / "02_fixtures"
    if not path.is_dir():
        pytest.skip("shared corpus not available (../shared/corpus)")
    return path
