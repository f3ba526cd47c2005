"""The workflow's transitions: who may take which from which state, what each stores (the
state, the history row, the audit row, the notifications), and what the library shows."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from library.cases import search
from library.errors import Forbidden, InvalidTransition, NotFound, ValidationFailed
from library.models import AuditEvent, Case, CaseHistory, Notification, User
from library.workflow.transitions import transition, transition_many


def history(lib, case_no: str) -> list[tuple]:
    with lib.db.session() as s:
        case = s.scalar(select(Case).where(Case.case_no == case_no))
        return [
            (h.action, h.from_status, h.to_status, h.actor, h.reason)
            for h in s.scalars(
                select(CaseHistory).where(CaseHistory.case_id == case.id).order_by(CaseHistory.id)
            )
        ]


def notes(lib, username: str, kind: str | None = None) -> list[Notification]:
    with lib.db.session() as s:
        uid = s.scalar(select(User.id).where(User.username == username))
        stmt = select(Notification).where(Notification.user_id == uid)
        if kind:
            stmt = stmt.where(Notification.kind == kind)
        return list(s.scalars(stmt.order_by(Notification.id)))


def found(lib, case_no: str, q: str = "流程测试") -> bool:
    return case_no in [h.case_no for h in search.search(lib, {"q": q, "per_page": 50}).hits]


def test_a_case_goes_from_draft_to_the_library_with_a_history_row_per_step(lib, actor, new_case):
    """draft → submitted → approved → published: each step by its role, one history row
    and one audit row each; only the published case is in search, with a publish date."""
    case = new_case("sub_jj")
    assert case.status == "draft" and not found(lib, case.case_no)
    transition(lib, case.case_no, "submit", actor("sub_jj"))
    transition(lib, case.case_no, "approve", actor("appr_jj"))
    assert not found(lib, case.case_no)
    done = transition(lib, case.case_no, "publish", actor("coord_tz"))
    assert done.status == "published" and done.published_at is not None
    assert found(lib, case.case_no)
    assert history(lib, case.case_no) == [
        ("create", None, "draft", "sub_jj", None),
        ("submit", "draft", "submitted", "sub_jj", None),
        ("approve", "submitted", "approved", "appr_jj", None),
        ("publish", "approved", "published", "coord_tz", None),
    ]
    with lib.db.session() as s:
        actions = list(
            s.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.object_id == case.case_no)
                .order_by(AuditEvent.id)
            )
        )
    assert actions == ["case.create", "case.submit", "case.approve", "case.publish"]
    # Who was told: the approver (to approve), the city's coordinator (to publish), the
    # submitter (published).
    assert [n.kind for n in notes(lib, "appr_jj")] == ["approval", "published"]
    assert [n.kind for n in notes(lib, "coord_tz")] == ["to_publish"]
    assert [n.kind for n in notes(lib, "sub_jj")] == ["published"]
    assert notes(lib, "coord_nb") == []  # another city's coordinator hears nothing


def test_return_needs_a_reason_and_sends_the_case_back_to_be_fixed_and_resubmitted(
    lib, actor, new_case
):
    """An approver returns with a reason (none: 422, nothing changes); the submitter is
    told the reason, edits the case and resubmits it."""
    from library.workflow import contribute

    case = new_case("sub_jj", action="submit")
    with pytest.raises(ValidationFailed) as e:
        transition(lib, case.case_no, "return", actor("appr_jj"), reason="  ")
    assert e.value.errors[0].field == "reason" and e.value.status == 422
    with lib.db.session() as s:
        assert s.scalar(select(Case.status).where(Case.case_no == case.case_no)) == "submitted"
    transition(lib, case.case_no, "return", actor("appr_jj"), reason="请补充改革成效数据")
    told = notes(lib, "sub_jj", "returned")
    assert len(told) == 1 and "请补充改革成效数据" in told[0].body
    edited = contribute.edit(
        lib,
        case.case_no,
        {"summary": "补充了成效数据：办理时间压缩八成。"},
        None,
        actor("sub_jj"),
        action="submit",
    )
    assert edited.status == "submitted" and edited.summary.startswith("补充了成效数据")
    assert [h[:3] for h in history(lib, case.case_no)][-2:] == [
        ("return", "submitted", "returned"),
        ("submit", "returned", "submitted"),
    ]
    assert history(lib, case.case_no)[-2][4] == "请补充改革成效数据"


def test_withdraw_is_the_submitters_before_approval_only(lib, actor, new_case):
    """A submitted case can be withdrawn by its unit; an approved one cannot (409)."""
    case = new_case("sub_jj", action="submit")
    assert transition(lib, case.case_no, "withdraw", actor("sub2_jj")).status == "withdrawn"
    transition(lib, case.case_no, "submit", actor("sub_jj"))
    transition(lib, case.case_no, "approve", actor("appr_jj"))
    with pytest.raises(InvalidTransition) as e:
        transition(lib, case.case_no, "withdraw", actor("sub_jj"))
    assert e.value.status == 409 and e.value.code == "invalid_transition"


@pytest.mark.parametrize(
    ("who", "action", "error"),
    [
        ("sub_jj", "approve", Forbidden),  # a submitter does not approve
        ("appr_jj", "publish", Forbidden),  # an approver does not publish
        ("appr_hy", "approve", NotFound),  # another unit's approver does not see it
        ("coord_nb", "return", NotFound),  # another city's coordinator does not see it
        ("reviewer", "approve", NotFound),  # reviewers see published cases only
        ("coord_tz", "approve", NotFound),  # a submitted case is still the unit's
    ],
)
def test_roles_and_scopes_that_may_not_act_are_refused(lib, actor, new_case, who, action, error):
    """A role without the right is 403; someone who may not even see the case gets 404,
    as if it did not exist; the case stays as it was."""
    case = new_case("sub_jj", action="submit")
    with pytest.raises(error):
        transition(lib, case.case_no, action, actor(who), reason="理由")
    with lib.db.session() as s:
        assert s.scalar(select(Case.status).where(Case.case_no == case.case_no)) == "submitted"
    assert len(history(lib, case.case_no)) == 2


def test_a_transition_not_allowed_from_the_state_is_a_conflict(lib, actor, new_case):
    """Publishing a draft, approving a published case, an unknown action: 409, 409, 422."""
    case = new_case("sub_jj")
    with pytest.raises(InvalidTransition):
        transition(lib, case.case_no, "publish", actor("admin"))
    with pytest.raises(InvalidTransition):
        transition(lib, case.case_no, "approve", actor("admin"))
    with pytest.raises(ValidationFailed) as e:
        transition(lib, case.case_no, "delete", actor("admin"))
    assert e.value.errors[0].field == "action"


def test_two_approvers_at_once_make_one_transition_and_one_clear_conflict(
    lib, actor, new_case, monkeypatch
):
    """Both read the submitted case before either writes (a real race, made certain): one
    approves, the other gets invalid_transition; one history row, one audit row."""
    from library.accounts import users
    from library.workflow import transitions as tr

    users.create_user(
        lib, "appr2_jj", "workflow-pass", "approver", unit="椒江区人民政府", region="331002"
    )
    case = new_case("sub_jj", action="submit")
    real_check = tr.check
    both_read = threading.Barrier(2, timeout=5)

    def check_then_wait(*args, **kwargs):
        to = real_check(*args, **kwargs)
        try:
            both_read.wait()
        except threading.BrokenBarrierError:  # serialised by the write lock: fine too
            pass
        return to

    monkeypatch.setattr(tr, "check", check_then_wait)
    outcomes: list = []

    def approve(who: str) -> None:
        try:
            transition(lib, case.case_no, "approve", actor(who))
            outcomes.append("ok")
        except InvalidTransition as e:
            outcomes.append(e.code)

    threads = [threading.Thread(target=approve, args=(w,)) for w in ("appr_jj", "appr2_jj")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes) == ["invalid_transition", "ok"]
    assert [h[0] for h in history(lib, case.case_no)].count("approve") == 1
    with lib.db.session() as s:
        audits = s.scalars(
            select(AuditEvent).where(
                AuditEvent.object_id == case.case_no, AuditEvent.action == "case.approve"
            )
        ).all()
    assert len(audits) == 1


def test_bulk_publish_publishes_what_it_may_and_reports_the_rest(lib, actor, new_case):
    """A coordinator publishing several cases at once: approved ones in the region are
    published (and indexed), a draft and another city's case are reported, not published."""
    ok1 = new_case("sub_jj", action="submit")
    ok2 = new_case("sub_hy", action="submit", region_code="331003")
    draft = new_case("sub_jj")
    other = new_case("sub_nb", action="submit", region_code="330212")
    for c, approver in ((ok1, "appr_jj"), (ok2, "appr_hy")):
        transition(lib, c.case_no, "approve", actor(approver))
    transition(lib, other.case_no, "approve", actor("admin"))
    result = transition_many(
        lib, [ok1.case_no, ok2.case_no, draft.case_no, other.case_no], "publish", actor("coord_tz")
    )
    assert result.done == [ok1.case_no, ok2.case_no]
    assert {c: code for c, code, _ in result.failed} == {
        draft.case_no: "case_not_found",
        other.case_no: "case_not_found",
    }
    assert found(lib, ok1.case_no) and found(lib, ok2.case_no) and not found(lib, other.case_no)


def test_a_case_can_only_be_submitted_with_its_document(lib, actor):
    """The form requires a file; a case that somehow has none cannot be submitted."""
    from library.cases.submit import create_case
    from tests.conftest import valid_form

    with pytest.raises(ValidationFailed) as e:
        create_case(lib, valid_form(), None, actor("sub_jj"))
    assert [x.field for x in e.value.errors] == ["file"]


def test_a_unit_cannot_file_its_case_under_another_region(lib, actor, new_case):
    """填报地区 decides which coordinator publishes the case: a county's unit may not name
    another city's county (out_of_scope); a city's department may name its counties."""
    with pytest.raises(ValidationFailed) as e:
        new_case("sub_nb", region_code="331002")
    assert [(x.field, x.code) for x in e.value.errors] == [("region_code", "out_of_scope")]
    assert new_case("coord_tz", region_code="331003").region_code == "331003"
