"""The JSON schemas of schemas/ are valid JSON Schema (draft 2020-12): checked here once, not
by every process that validates a form with them."""

from __future__ import annotations

from importlib import resources

import pytest
from jsonschema import Draft202012Validator

from library.validation import load_schema

NAMES = sorted(
    p.name.removesuffix(".json")
    for p in resources.files("schemas").iterdir()
    if p.name.endswith(".json")
)


def test_every_schema_is_found():
    assert {"case_form", "search_request", "review", "compilation"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_schema_is_valid_json_schema(name):
    Draft202012Validator.check_schema(load_schema(name))
