"""Docs travel with the code: the README's settings table is the settings table."""

from __future__ import annotations

import re

from library.config import SETTINGS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands():
    """The README opens with `make run` and `make test`."""
    head = README[:1500]
    assert "make run" in head and "make test" in head


def test_readme_settings_table_matches_the_settings():
    """Every setting appears in the README with its default, and nothing else does."""
    rows = re.findall(r"^\| `CASELIB_([A-Z_]+)` \| `([^`]*)` \|", README, re.M)
    documented = {name: default for name, default in rows}
    assert documented == {s.name: str(s.default) for s in SETTINGS}


def test_changelog_has_an_unreleased_section():
    """CHANGELOG.md keeps an Unreleased section."""
    assert "## Unreleased" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
