"""Similar cases for a draft (text or file): the most similar first, near-duplicates flagged
(the same file again, a copy with small edits), other cases on the topic listed unflagged."""

from __future__ import annotations

import pytest

from library.accounts.audit import Actor
from library.cases.similar import similar_to_case, similar_to_file, similar_to_text
from library.cases.submit import Upload
from library.errors import DocumentRejected
from tests.conftest import docx_bytes, submit, valid_form
from tests.samples import (
    DIANLI,
    KAIBAN,
    KAIBAN_EDITED,
    KAIBAN_OTHER,
    NASHUI,
    SHENPI,
    TONGGUAN,
    text_of,
    truncated,
)

LIBRARY = {
    "kaiban": ("企业开办一件事集成改革", "开办企业", KAIBAN),
    "shenpi": ("工程建设项目审批改革", "办理建筑许可", SHENPI),
    "nashui": ("非接触式办税", "纳税", NASHUI),
    "tongguan": ("跨境贸易通关便利化", "跨境贸易", TONGGUAN),
    "dianli": ("获得电力一次都不跑", "获得电力", DIANLI),
}


@pytest.fixture(scope="module")
def cases(module_lib):
    """Five cases on different topics, submitted through the form: key -> (case_no, file bytes)."""
    out = {}
    for key, (name, theme, paragraphs) in LIBRARY.items():
        data = docx_bytes(paragraphs, title=name)
        case = submit(
            module_lib, valid_form(name=name, theme=theme), Upload(f"{key}.docx", data), Actor.cli()
        )
        out[key] = (case.case_no, data)
    return out


def test_same_file_is_a_near_duplicate_with_similarity_one(module_lib, cases):
    """The very file of a case, uploaded again under another name: first hit, flagged,
    similarity 1.0, with the stored file's original name."""
    case_no, data = cases["kaiban"]

    hits = similar_to_file(module_lib, data, "草稿.docx")

    assert (hits[0].case_no, hits[0].near_duplicate, hits[0].similarity) == (case_no, True, 1.0)
    assert hits[0].file_name == "kaiban.docx"
    assert hits[0].as_dict() == {
        "case_no": case_no,
        "name": "企业开办一件事集成改革",
        "file_name": "kaiban.docx",
        "similarity": 1.0,
        "near_duplicate": True,
    }
    assert [h.case_no for h in hits if h.near_duplicate] == [case_no]


def test_copy_with_small_edits_is_a_near_duplicate(module_lib, cases):
    """A 1,500-character case with three sentences rewritten is flagged, as text and as a
    file (other bytes, so not the same file)."""
    case_no, _ = cases["kaiban"]
    assert len(text_of(KAIBAN)) > 1400

    by_text = similar_to_text(module_lib, text_of(KAIBAN_EDITED))
    by_file = similar_to_file(module_lib, docx_bytes(KAIBAN_EDITED), "修改稿.docx")

    for hits in (by_text, by_file):
        assert (hits[0].case_no, hits[0].near_duplicate) == (case_no, True)
        assert 0.8 < hits[0].similarity < 1.0
        assert [h.case_no for h in hits if h.near_duplicate] == [case_no]


def test_different_case_on_the_same_topic_is_listed_but_not_a_near_duplicate(module_lib, cases):
    """Another 企业开办 case finds the stored 企业开办 case first, without the flag."""
    case_no, _ = cases["kaiban"]

    hits = similar_to_text(module_lib, text_of(KAIBAN_OTHER))

    assert hits[0].case_no == case_no
    assert hits[0].similarity > 0.1
    assert not any(h.near_duplicate for h in hits)


@pytest.mark.parametrize(
    "draft, first",
    [
        (KAIBAN_EDITED, "kaiban"),
        (["推行电子税务局非接触式办税，留抵退税加快办理，减税降费免申即享。"], "nashui"),
        (
            ["国际贸易单一窗口实现报关报检一次申报，进口货物两步申报、提前申报，压缩通关时间。"],
            "tongguan",
        ),
    ],
)
def test_hits_come_most_similar_first(module_lib, cases, draft, first):
    """The case on the draft's topic comes first, and the similarities never increase
    down the list."""
    hits = similar_to_text(module_lib, text_of(draft))

    assert hits[0].case_no == cases[first][0]
    sims = [h.similarity for h in hits]
    assert sims == sorted(sims, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in sims)


def test_limit_caps_the_number_of_hits(module_lib, cases):
    """``limit`` is the most hits returned."""
    assert len(similar_to_text(module_lib, "改革 企业 审批 办税 通关 电力 营商环境", limit=2)) <= 2


@pytest.mark.parametrize("text", ["", "   ", "\n\t \u3000\n", "，。！？……"])
def test_empty_or_blank_draft_gives_no_hits_and_no_error(module_lib, cases, text):
    """Nothing to compare: an empty list, not an error."""
    assert similar_to_text(module_lib, text) == []


def test_similar_to_a_case_leaves_the_case_itself_out(module_lib, cases):
    """The similar cases of a stored case do not include that case."""
    case_no, _ = cases["kaiban"]

    assert case_no not in [h.case_no for h in similar_to_case(module_lib, case_no)]


def test_unreadable_draft_file_is_refused_with_its_code(module_lib, cases):
    """A damaged draft is a DocumentRejected with the extraction code, not a crash."""
    with pytest.raises(DocumentRejected) as info:
        similar_to_file(module_lib, truncated(cases["kaiban"][1]), "草稿.docx")

    assert info.value.code == "corrupt"
