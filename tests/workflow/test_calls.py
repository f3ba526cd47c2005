"""Collection calls (征集通知): creating one (every bad field at once), who sees it, answering
it, the progress of each target unit, late submissions, closing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from library.errors import Forbidden, NotFound, ValidationFailed
from library.models import Call, Case, Notification, User
from library.storage.base import utcnow
from library.workflow import calls
from library.workflow.calls import parse_deadline
from library.workflow.transitions import transition


def test_deadline_is_beijing_time_unless_it_says_otherwise():
    """12月13日下午3:00 Beijing time is 07:00 UTC; an explicit offset is kept; a date alone
    is the end of that day; nonsense is None."""
    assert parse_deadline("2021-12-13T15:00").isoformat() == "2021-12-13T07:00:00"
    assert parse_deadline("2021-12-13T15:00:00+08:00").isoformat() == "2021-12-13T07:00:00"
    assert parse_deadline("2021-12-13T07:00:00Z").isoformat() == "2021-12-13T07:00:00"
    assert parse_deadline("2021-12-13").isoformat() == "2021-12-13T15:59:59"
    assert parse_deadline("12月13日") is None


def test_a_call_with_bad_fields_reports_every_one_and_stores_nothing(lib, actor, unit_id):
    """No title, a past deadline, an unknown case type and an unknown unit: four errors."""
    with pytest.raises(ValidationFailed) as e:
        calls.create_call(
            lib,
            {
                "title": "",
                "deadline": "2020-01-01T10:00",
                "case_types": ["original", "made_up"],
                "target_unit_ids": [unit_id("椒江区人民政府"), 99999],
            },
            actor("coord_tz"),
        )
    assert {(x.field, x.code) for x in e.value.errors} == {
        ("title", "required"),
        ("deadline", "in_past"),
        ("case_types", "invalid_choice"),
        ("target_unit_ids", "not_found"),
    }
    with lib.db.session() as s:
        assert s.scalars(select(Call)).all() == []


def test_a_coordinator_calls_only_units_of_its_region_and_submitters_call_nobody(
    lib, actor, new_call
):
    """Ningbo's office cannot address Taizhou's counties; a submitter cannot create calls."""
    with pytest.raises(ValidationFailed) as e:
        new_call("椒江区人民政府", by="coord_nb")
    assert [(x.field, x.code) for x in e.value.errors] == [("target_unit_ids", "out_of_scope")]
    with pytest.raises(Forbidden):
        new_call("椒江区人民政府", by="sub_jj")


def test_target_units_are_notified_and_see_the_call_others_do_not(lib, actor, new_call):
    """The call is in the target units' notifications and lists; another county and
    another city's coordinator get 404 for it."""
    call = new_call("椒江区人民政府", target_region=None)
    assert call["progress"]["target"] == 1
    with lib.db.session() as s:
        told = {
            u
            for (u,) in s.execute(
                select(User.username)
                .join(Notification, Notification.user_id == User.id)
                .where(Notification.kind == "call")
            )
        }
    assert told == {"sub_jj", "sub2_jj", "appr_jj"}
    assert [c["id"] for c in calls.list_calls(lib, actor("sub_jj"))] == [call["id"]]
    assert calls.list_calls(lib, actor("sub_hy")) == []
    for outsider in ("sub_hy", "coord_nb", "reviewer"):
        with pytest.raises(NotFound):
            calls.get_call(lib, call["id"], actor(outsider))
    assert calls.get_call(lib, call["id"], actor("admin"))["id"] == call["id"]


def test_targets_can_be_chosen_by_region(lib, actor, new_call):
    """target_region takes every unit in that region and below."""
    call = calls.create_call(
        lib,
        {
            "title": "台州市征集",
            "deadline": (utcnow() + timedelta(days=3, hours=8)).isoformat(timespec="minutes"),
            "target_region": "331000",
        },
        actor("coord_tz"),
    )
    names = {u["unit"] for u in call["progress"]["units"]}
    assert names == {"椒江区人民政府", "黄岩区人民政府", "台州市营商办"}


def test_progress_shows_each_units_state_as_its_cases_move(lib, actor, new_call, new_case):
    """未报送 → 草稿 → 已提交 → 已退回 → 已审核 → 已发布, counted per state."""
    call = new_call()

    def states() -> dict[str, str]:
        prog = calls.get_call(lib, call["id"], actor("coord_tz"))["progress"]
        return {u["unit"]: u["state"] for u in prog["units"]}

    assert states() == {"椒江区人民政府": "not_submitted", "黄岩区人民政府": "not_submitted"}
    case = new_case("sub_jj", call_id=call["id"])
    assert states()["椒江区人民政府"] == "draft"
    transition(lib, case.case_no, "submit", actor("sub_jj"))
    assert states()["椒江区人民政府"] == "submitted"
    transition(lib, case.case_no, "return", actor("appr_jj"), reason="请补充数据")
    assert states()["椒江区人民政府"] == "returned"
    transition(lib, case.case_no, "submit", actor("sub_jj"))
    transition(lib, case.case_no, "approve", actor("appr_jj"))
    assert states()["椒江区人民政府"] == "approved"
    transition(lib, case.case_no, "publish", actor("coord_tz"))
    prog = calls.get_call(lib, call["id"], actor("coord_tz"))["progress"]
    assert (prog["target"], prog["submitted"], prog["on_time"], prog["late"]) == (2, 1, 1, 0)
    row = next(u for u in prog["units"] if u["unit"] == "椒江区人民政府")
    assert row["state"] == "published" and row["cases"] == [case.case_no]
    assert prog["counts"]["published"] == 1 and prog["counts"]["not_submitted"] == 1


def test_a_coordinator_sees_a_units_draft_as_a_state_but_not_its_number(
    lib, actor, new_call, new_case
):
    """The call's page says 草稿 for a unit, but a draft is the unit's: its case number is
    listed only to those who may open it."""
    call = new_call()
    case = new_case("sub_jj", call_id=call["id"])
    coord = calls.get_call(lib, call["id"], actor("coord_tz"))["progress"]["units"]
    unit = calls.get_call(lib, call["id"], actor("sub_jj"))["progress"]["units"]
    assert next(u for u in coord if u["unit"] == "椒江区人民政府")["cases"] == []
    assert next(u for u in unit if u["unit"] == "椒江区人民政府")["cases"] == [case.case_no]


def test_after_the_deadline_missing_units_are_overdue_and_late_cases_are_marked(
    lib, actor, new_call, new_case
):
    """A unit with nothing sent after the deadline is 逾期; a case submitted late is
    accepted and marked late."""
    call = new_call()
    with lib.db.transaction() as s:
        s.execute(update(Call).values(deadline=utcnow() - timedelta(hours=1)))
    case = new_case("sub_jj", action="submit", call_id=call["id"])
    assert case.late is True
    prog = calls.get_call(lib, call["id"], actor("coord_tz"))["progress"]
    by_unit = {u["unit"]: (u["state"], u["late"]) for u in prog["units"]}
    assert by_unit == {"椒江区人民政府": ("submitted", True), "黄岩区人民政府": ("overdue", False)}
    assert (prog["submitted"], prog["on_time"], prog["late"]) == (1, 0, 1)


def test_only_target_units_answer_and_only_with_accepted_types(lib, actor, new_call, new_case):
    """A unit not addressed (for which the call does not exist), a case type the call does
    not take, a closed call: refused with the fields' codes, nothing stored."""
    call = new_call("椒江区人民政府", case_types=["original"])
    with pytest.raises(ValidationFailed) as e:
        new_case("sub_hy", call_id=call["id"], region_code="331003")
    assert (e.value.errors[0].field, e.value.errors[0].code) == ("call_id", "not_found")
    with pytest.raises(ValidationFailed) as e:
        new_case(
            "sub_jj",
            call_id=call["id"],
            case_type="innovation_borrowed",
            borrowed_from="YS2019-00001",
        )
    assert e.value.errors[0].code == "not_accepted"
    calls.close_call(lib, call["id"], actor("coord_tz"))
    with pytest.raises(ValidationFailed) as e:
        new_case("sub_jj", call_id=call["id"])
    assert e.value.errors[0].code == "closed"
    with lib.db.session() as s:
        assert s.scalars(select(Case)).all() == []


def test_attachments_are_kept_byte_for_byte_and_served_to_those_who_see_the_call(
    lib, actor, unit_id
):
    """Files attached to a call come back identical, to target units; others get 404."""
    from library.cases.submit import Upload
    from tests.conftest import docx_bytes

    data = docx_bytes(["营商环境改革创新案例申报表"])
    call = calls.create_call(
        lib,
        {
            "title": "附件测试",
            "deadline": (utcnow() + timedelta(days=2, hours=8)).isoformat(timespec="minutes"),
            "target_unit_ids": [unit_id("椒江区人民政府")],
        },
        actor("coord_tz"),
        [Upload("附件1 申报表.docx", data)],
    )
    att = call["attachments"][0]
    assert att["file_name"] == "附件1 申报表.docx" and att["size"] == len(data)
    f = calls.attachment_file(lib, call["id"], att["id"], actor("sub_jj"))
    assert f.data == data and f.name == "附件1 申报表.docx"
    with pytest.raises(NotFound):
        calls.attachment_file(lib, call["id"], att["id"], actor("sub_hy"))
