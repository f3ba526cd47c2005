"""Who sees what: only published cases are in search, similar cases and the borrowed-from
picker; a unit sees its cases in every state, its approver the submitted ones, a
coordinator what was approved in its region; to anyone else an unpublished case does not
exist. And each role's 我的案例 and 待办."""

from __future__ import annotations

import pytest

from library.cases import read, search, similar
from library.errors import NotFound, ValidationFailed
from library.workflow import mywork
from library.workflow.transitions import transition

SEES = {
    # state: the accounts (besides admin) who may open a case of 椒江区 in that state
    "draft": {"sub_jj", "sub2_jj"},
    "submitted": {"sub_jj", "sub2_jj", "appr_jj"},
    "approved": {"sub_jj", "sub2_jj", "appr_jj", "coord_tz"},
    "published": {
        "sub_jj",
        "sub2_jj",
        "appr_jj",
        "sub_hy",
        "appr_hy",
        "coord_tz",
        "coord_nb",
        "sub_nb",
        "reviewer",
    },
}


@pytest.mark.parametrize("state", list(SEES))
def test_an_unpublished_case_exists_only_for_those_who_may_see_it(lib, actor, new_case, state):
    """Everyone else gets case_not_found, for the record, the file and the preview alike."""
    case = new_case("sub_jj")
    steps = {"draft": [], "submitted": ["submit"], "approved": ["submit", "approve"]}
    for action in steps.get(state, ["submit", "approve", "publish"]):
        transition(lib, case.case_no, action, actor("admin"))
    from tests.workflow.conftest import PEOPLE

    for who in PEOPLE:
        if who == "admin":
            continue
        if who in SEES[state]:
            assert read.case_record(lib, case.case_no, actor(who))["status"] == state
            assert read.document_file(lib, case.case_no, actor(who)).data
        else:
            for look in (read.case_record, read.document_file, read.preview):
                with pytest.raises(NotFound) as e:
                    look(lib, case.case_no, actor(who))
                assert e.value.code == "case_not_found", (who, state)


def test_only_published_cases_are_searched_suggested_and_offered_to_borrow(lib, actor, new_case):
    """A draft with a unique word: not found by search, similar cases or the borrowed-from
    lookup; once published, found by all three."""
    from library.cases.read import find_borrowed
    from tests.conftest import SAMPLE_TEXT

    word = "独一无二的示范样本"
    case = new_case("sub_jj", name=f"{word}改革")
    text = "\n".join(SAMPLE_TEXT) + word

    def visible() -> tuple[bool, bool, bool]:
        in_search = case.case_no in [h.case_no for h in search.search(lib, {"q": word}).hits]
        in_similar = case.case_no in [h.case_no for h in similar.similar_to_text(lib, text)]
        with lib.db.session() as s:
            pickable = find_borrowed(s, case.case_no) is not None
        return in_search, in_similar, pickable

    assert visible() == (False, False, False)
    with pytest.raises(ValidationFailed) as e:
        new_case(
            "sub_hy",
            case_type="innovation_borrowed",
            borrowed_from=case.case_no,
            region_code="331003",
        )
    assert e.value.errors[0].code == "not_found"
    for action in ("submit", "approve", "publish"):
        transition(lib, case.case_no, action, actor("admin"))
    assert visible() == (True, True, True)


def test_my_cases_lists_the_units_cases_in_every_state_with_their_history(lib, actor, new_case):
    """A submitter sees the unit's draft, submitted and returned cases, each with its
    history and the return reason; another county sees none of them."""
    draft = new_case("sub_jj")
    sent = new_case("sub2_jj", action="submit")
    back = new_case("sub_jj", action="submit")
    transition(lib, back.case_no, "return", actor("appr_jj"), reason="格式不规范")
    mine = {c["case_no"]: c for c in mywork.my_cases(lib, actor("sub_jj"))}
    assert {n: c["status"] for n, c in mine.items()} == {
        draft.case_no: "draft",
        sent.case_no: "submitted",
        back.case_no: "returned",
    }
    assert mine[back.case_no]["return_reason"] == "格式不规范"
    assert [h["action"] for h in mine[back.case_no]["history"]] == ["create", "submit", "return"]
    assert "withdraw" in mine[sent.case_no]["actions"]
    assert mywork.my_cases(lib, actor("sub_hy")) == []


def test_todo_shows_each_role_what_waits_for_it(lib, actor, new_call, new_case):
    """Submitter: the call to answer and the returned case; approver: the submitted case;
    coordinator: the approved case to publish and its own call."""
    call = new_call()
    to_fix = new_case("sub_jj", action="submit")
    transition(lib, to_fix.case_no, "return", actor("appr_jj"), reason="请补充")
    to_approve = new_case("sub_jj", action="submit")
    to_publish = new_case("sub_hy", action="submit", region_code="331003")
    transition(lib, to_publish.case_no, "approve", actor("appr_hy"))

    def kinds(who: str) -> list[tuple[str, str | None]]:
        return [(t.kind, t.case_no or t.call_id) for t in mywork.todo(lib, actor(who))]

    assert kinds("sub_jj") == [("fix_returned", to_fix.case_no), ("answer_call", call["id"])]
    assert kinds("appr_jj") == [("approve", to_approve.case_no)]
    assert kinds("coord_tz") == [("publish", to_publish.case_no), ("follow_call", call["id"])]
    assert kinds("reviewer") == []
