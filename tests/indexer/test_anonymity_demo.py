"""The anonymity check over the demo library's own texts: they hold no person names (the
contact person of the 申报表's header is metadata, not checked) and no place names (they say
我市, 我区), so any name found in them is a false alarm — a 确定 place blocks the demo's
submission (``library.demo``) and every other finding is one a user would have to dismiss.

Every text field of every demo case, its write-up, and the whole document as the loader
uploads it (rendered and extracted, the header skipped as the submission does) are
checked; so are the sample texts of the service tests (``tests/samples.py``)."""

from __future__ import annotations

import pytest

from indexer.anonymity import find_identifying, find_in_document
from library.demo.render import body_text, load_demo_cases, render_case

# Fields that are no case prose: identifiers, codes, dates and the header's contact.
NOT_PROSE = frozenset(
    {
        "key",
        "format",
        "file_name",
        "case_type",
        "borrowed_from_key",
        "region_code",
        "contact_name",
        "contact_phone",
        "published_at",
        "body",
    }
)
CASES = load_demo_cases()


def _persons(findings) -> list[tuple[str, str, int]]:
    return [(f.text, f.kind, f.certainty, f.start) for f in findings]


def _fields(case: dict) -> dict[str, str]:
    out = {}
    for k, v in case.items():
        if k in NOT_PROSE or v is None:
            continue
        out[k] = "、".join(v) if isinstance(v, list) else str(v)
    return out


def test_the_demo_library_has_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c["key"] for c in CASES])
def test_no_person_in_a_demo_case_s_fields_and_write_up(case):
    found = {k: _persons(find_identifying(t)) for k, t in _fields(case).items()}
    found["body"] = _persons(find_identifying(body_text(case)))
    assert {k: v for k, v in found.items() if v} == {}


@pytest.mark.parametrize("case", CASES, ids=[c["key"] for c in CASES])
def test_no_person_in_a_demo_case_s_document(case):
    from indexer.extract import extract

    document = extract(render_case(case), case["file_name"])
    assert _persons(find_in_document(document)) == []


def test_no_person_in_the_sample_texts_of_the_tests():
    import tests.samples as samples

    texts = {
        name: value
        for name, value in vars(samples).items()
        if isinstance(value, list) and value and all(isinstance(x, str) for x in value)
    }
    assert len(texts) >= 5
    found = {}
    for name, paragraphs in texts.items():
        hits = _persons(find_identifying("\n".join(paragraphs)))
        hits += [h for p in paragraphs for h in _persons(find_identifying(p))]
        if hits:
            found[name] = hits
    assert found == {}
