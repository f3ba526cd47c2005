"""简报: the cases published in a month or answering a call, counted by theme and region,
as Word and sent as a notification to the sender's region."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from library.compilations import briefing
from library.errors import Forbidden, NotFound, ValidationFailed

from .conftest import CASES, all_xml, read_docx


def test_a_month_briefing_lists_the_cases_published_that_month(clib, actor):
    """December 2021: a, b, c in order of publication, counted by theme (catalogue order)
    and by city (they span two cities)."""
    b = briefing.make_briefing(clib, actor("sub_jj"), month="2021-12")
    nos = clib.case_nos
    assert [e.case_no for e in b.entries] == [nos["a"], nos["b"], nos["c"]]
    assert b.period == "2021年12月" and b.scope == "全部地区" and b.total == 3
    assert b.by_theme == [("开办企业", 2), ("办理破产", 1)]
    assert b.by_region == [("台州市", 2), ("宁波市", 1)]
    assert b.link == "/briefings?month=2021-12"
    d = b.as_dict()
    assert d["cases"][0]["link"] == f"/cases/{nos['a']}" and d["cases"][0]["summary"]


def test_a_region_briefing_counts_by_county_inside_one_city(clib, actor):
    """Within 台州市 the counts are per county; other cities' cases are left out."""
    b = briefing.make_briefing(clib, actor("coord_tz"), month="2021-12", region="331000")
    assert [e.name for e in b.entries] == [CASES["a"][0], CASES["b"][0]]
    assert b.by_region == [("椒江区", 1), ("黄岩区", 1)] and b.scope == "台州市"
    assert b.link == "/briefings?month=2021-12&region=331000"


def test_a_call_briefing_lists_the_published_cases_answering_it(clib, actor):
    """The cases of a call (published), titled with the call."""
    from library.models import Call, Case
    from library.storage.base import utcnow

    with clib.db.transaction() as s:
        call = Call(title="关于报送第二批改革案例的通知", notice="", deadline=utcnow())
        s.add(call)
        s.flush()
        s.execute(update(Case).where(Case.case_no == clib.case_nos["e"]).values(call_id=call.id))
        call_id = call.id
    b = briefing.make_briefing(clib, actor("reviewer"), call_id=call_id)
    assert [e.case_no for e in b.entries] == [clib.case_nos["e"]]
    assert b.period == "关于报送第二批改革案例的通知" and b.link == f"/briefings?call={call_id}"
    with pytest.raises(NotFound):
        briefing.make_briefing(clib, actor("reviewer"), call_id=999)


def test_the_period_is_checked(clib, actor):
    """A month or a call, one of them, well formed."""
    for kwargs, field in (
        ({}, "period"),
        ({"month": "2021-13"}, "month"),
        ({"month": "2021-12", "call_id": 1}, "period"),
        ({"month": "2021-12", "region": "abc"}, "region"),
    ):
        with pytest.raises(ValidationFailed) as e:
            briefing.make_briefing(clib, actor("admin"), **kwargs)
        assert field in {x.field for x in e.value.errors}, kwargs


def test_the_word_briefing_has_the_masthead_counts_and_linked_entries(clib, actor):
    """Masthead, issuer and date, 本期概况 with the counts, 案例速览 with each case's name,
    summary and a link into the library; no contact name or phone."""
    b = briefing.make_briefing(clib, actor("coord_tz"), month="2021-12")
    data = briefing.briefing_docx(clib, b, issuer="台州市营商办")
    d = read_docx(data)
    texts = [p.text for p in d.paragraphs]
    assert texts[0] == briefing.TITLE and "2021年12月" in texts[1]
    assert texts[2].startswith("台州市营商办\t")
    assert "全部地区2021年12月发布案例 3 个。" in texts
    assert f"1．{CASES['a'][0]}" in texts and f"3．{CASES['c'][0]}" in texts
    tables = [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]
    assert tables[0] == [["主题", "案例数"], ["开办企业", "2"], ["办理破产", "1"]]
    xml = all_xml(data)
    assert f"http://127.0.0.1:5000/cases/{clib.case_nos['a']}" in xml
    for _n, _t, _r, _p, contact, phone in CASES.values():
        assert contact not in xml and phone not in xml


def test_sending_notifies_the_senders_region_once(clib, actor):
    """台州市营商办 sends: the accounts of 台州市 and below get one ``briefing`` notification
    (not the sender, not other cities, not the province); again: nobody new; audited."""
    from library.models import AuditEvent, Notification, User

    out = briefing.send_briefing(clib, actor("coord_tz"), month="2021-12")
    with clib.db.session() as s:
        got = dict(
            s.execute(
                select(User.username, Notification.link)
                .join(Notification, Notification.user_id == User.id)
                .where(Notification.kind == "briefing")
            ).all()
        )
        note = s.scalars(select(Notification).where(Notification.kind == "briefing")).first()
        audit = s.scalars(select(AuditEvent).where(AuditEvent.action == "briefing.send")).all()
    assert set(got) == {"sub_jj", "city_reviewer"} and out["sent"] == 2
    assert got["sub_jj"] == "/briefings?month=2021-12"
    assert note.title == "案例简报：2021年12月（全部地区）" and "开办企业 2 个" in note.body
    assert briefing.send_briefing(clib, actor("coord_tz"), month="2021-12")["sent"] == 0
    assert len(audit) == 1 and audit[0].detail["recipients"] == 2
    admin = briefing.send_briefing(clib, actor("admin"), month="2021-12", roles=["coordinator"])
    assert admin["sent"] == 2  # coord_tz and coord_nb: everyone, for the admin


def test_who_may_send_and_what_cannot_be_sent(clib, actor):
    """Units and reviewers read briefings but do not send them; an empty period is refused."""
    for who in ("sub_jj", "reviewer"):
        assert briefing.make_briefing(clib, actor(who), month="2021-12").total == 3
        with pytest.raises(Forbidden):
            briefing.send_briefing(clib, actor(who), month="2021-12")
    with pytest.raises(briefing.EmptyBriefing):
        briefing.send_briefing(clib, actor("admin"), month="2020-01")
    with pytest.raises(ValidationFailed):
        briefing.send_briefing(clib, actor("admin"), month="2021-12", roles=["nobody"])
