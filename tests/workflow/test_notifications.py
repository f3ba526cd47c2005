"""Notifications (the bell), their webhook posts to a real local HTTP server, and the
deadline reminders of ``caselib remind`` (sent once per call, unit and threshold)."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select, update

from library.models import Call, Notification, Reminder
from library.storage.base import utcnow
from library.workflow import notifications
from library.workflow.reminders import send_reminders
from library.workflow.transitions import transition


class Receiver:
    """A messenger robot's endpoint on localhost: records every JSON body it is sent."""

    def __init__(self, status: int = 200):
        self.bodies: list[dict] = []
        self.status = status
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                length = int(self.headers.get("Content-Length", 0))
                receiver.bodies.append(json.loads(self.rfile.read(length).decode("utf-8")))
                self.send_response(receiver.status)
                self.end_headers()
                self.wfile.write(b'{"errcode":0}')

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/robot/send"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def hooked(lib, receiver, monkeypatch):
    """The library with CASELIB_NOTIFY_WEBHOOK pointing at the local receiver."""
    values = dict(lib.settings._values)
    values["NOTIFY_WEBHOOK"] = receiver.url
    values["PUBLIC_URL"] = "https://caselib.example.gov.cn"
    monkeypatch.setattr(lib.settings, "_values", values)
    return lib


def test_the_bell_counts_unread_and_reading_clears_it(lib, actor, new_case):
    """A submission gives the approver one unread notification; marking it read empties
    the count; another user's notifications are not touched."""
    case = new_case("sub_jj", action="submit")
    mine = notifications.list_notifications(lib, actor("appr_jj"))
    assert mine["unread"] == 1 and mine["items"][0]["link"] == f"/cases/{case.case_no}"
    assert mine["items"][0]["kind"] == "approval" and case.case_no in mine["items"][0]["title"]
    assert notifications.mark_read(lib, actor("sub_jj")) == 0
    assert notifications.mark_read(lib, actor("appr_jj")) == 1
    assert notifications.unread_count(lib, actor("appr_jj")) == 0


def test_each_event_is_posted_once_to_the_webhook_with_its_recipients(
    hooked, actor, new_case, receiver
):
    """One post per event (all its recipients listed), in the robots' markdown shape with
    an absolute link; every row records its delivery."""
    lib = hooked
    case = new_case("sub_jj", action="submit")
    transition(lib, case.case_no, "return", actor("appr_jj"), reason="请补充数据")
    notifications.deliver_pending(lib)
    kinds = [b["caselib"]["kind"] for b in receiver.bodies]
    assert kinds == ["approval", "returned"]
    returned = receiver.bodies[1]
    assert returned["msgtype"] == "markdown"
    assert "请补充数据" in returned["markdown"]["text"]
    assert returned["caselib"]["link"] == f"https://caselib.example.gov.cn/cases/{case.case_no}"
    assert sorted(returned["caselib"]["recipients"]) == ["sub2_jj", "sub_jj"]
    with lib.db.session() as s:
        rows = list(s.scalars(select(Notification)))
    assert rows and all(n.delivered_at is not None and n.delivery_error is None for n in rows)
    assert notifications.deliver_pending(lib) == (0, 0)  # nothing is posted twice


def test_a_failing_webhook_is_recorded_and_does_not_stop_the_workflow(
    hooked, actor, new_case, receiver
):
    """The robot answers 500: the case is still submitted, the notification still in the
    app, the failure recorded on it."""
    receiver.status = 500
    case = new_case("sub_jj", action="submit")
    notifications.deliver_pending(hooked)  # (or the post made right after the commit)
    assert case.status == "submitted" and len(receiver.bodies) == 1
    with hooked.db.session() as s:
        row = s.scalar(select(Notification).where(Notification.kind == "approval"))
    assert row.delivered_at is None and row.delivery_error == "HTTP 500"
    assert notifications.unread_count(hooked, actor("appr_jj")) == 1


def test_reminders_go_once_to_units_that_have_not_submitted(
    hooked, actor, new_call, new_case, receiver
):
    """Two days before the deadline: the unit that has not submitted is reminded (its
    submitters and approver), the one that has is not; a second run sends nothing; one
    day before, the next threshold sends again."""
    lib = hooked
    call = new_call(days=10)
    case = new_case("sub_hy", action="submit", call_id=call["id"], region_code="331003")
    assert case.status == "submitted"
    notifications.deliver_pending(lib)
    receiver.bodies.clear()
    with lib.db.transaction() as s:
        s.execute(update(Call).values(deadline=utcnow() + timedelta(days=2)))
    first = send_reminders(lib)
    assert len(first.reminders) == 1 and first.reminders[0][2] == 3
    assert first.notifications == 3 and first.posted == 1
    assert receiver.bodies[0]["caselib"]["kind"] == "reminder"
    assert sorted(receiver.bodies[0]["caselib"]["recipients"]) == ["appr_jj", "sub2_jj", "sub_jj"]
    again = send_reminders(lib)
    assert again.reminders == [] and again.notifications == 0 and len(receiver.bodies) == 1
    later = send_reminders(lib, now=utcnow() + timedelta(days=1, hours=12))
    assert [r[2] for r in later.reminders] == [1]
    with lib.db.session() as s:
        assert s.scalar(select(Reminder).where(Reminder.days_before == 3)) is not None
        assert len(s.scalars(select(Reminder)).all()) == 2


def test_caselib_remind_prints_what_it_sent(lib, new_call, monkeypatch, capsys):
    """The cron command: one line, exit 0; run again it sends nothing new."""
    from web.cli import main

    new_call(days=0.5)
    monkeypatch.setenv("CASELIB_HOME", str(lib.settings.home_path))
    assert main(["remind"]) == 0
    assert "新发送 2 条" in capsys.readouterr().out
    assert main(["remind"]) == 0
    assert "新发送 0 条" in capsys.readouterr().out
