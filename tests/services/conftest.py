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


@pytest.fixture(scope="session")
def initialised_home(tmp_path_factory) -> Path:
    """The home of an initialised, empty library (tables, vocabularies, index), made once
    per session; the fixtures below copy it instead of seeding every library again."""
    from library.config import Settings
    from library.services import Library

    home = tmp_path_factory.mktemp("initialised") / "home"
    library = Library(Settings({"home": str(home), "ingest_workers": 2}, env={}))
    library.init()
    library.close()
    return home


def _copied_library(initialised_home: Path, settings):
    from library.services import Library

    shutil.copytree(initialised_home, settings.home_path)
    library = Library(settings)
    library.init()  # idempotent: finds everything in place
    return library


@pytest.fixture
def fresh_lib(settings, initialised_home):
    """The state of the shared ``lib`` fixture (an initialised, empty library in
    tmp_path/home), copied from ``initialised_home``. A module overrides ``lib`` with it
    to save seeding thousands of regions per test."""
    library = _copied_library(initialised_home, settings)
    yield library
    library.close()


@pytest.fixture(scope="module")
def module_lib(tmp_path_factory, initialised_home):
    """One library shared by the tests of a module, for tests whose state allows it."""
    from library.config import Settings

    home = tmp_path_factory.mktemp("library") / "home"
    library = _copied_library(
        initialised_home, Settings({"home": str(home), "ingest_workers": 2}, env={})
    )
    yield library
    library.close()
