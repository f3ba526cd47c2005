"""A library with units and an account of every role in two counties of one city and one
county of another city, and helpers to act as them."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta

import pytest

from tests.conftest import SAMPLE_TEXT, docx_bytes, valid_form

PASSWORD = "workflow-pass"
# username: (role, unit, region)
PEOPLE = {
    "sub_jj": ("submitter", "椒江区人民政府", "331002"),
    "sub2_jj": ("submitter", "椒江区人民政府", "331002"),
    "appr_jj": ("approver", "椒江区人民政府", "331002"),
    "sub_hy": ("submitter", "黄岩区人民政府", "331003"),
    "appr_hy": ("approver", "黄岩区人民政府", "331003"),
    "coord_tz": ("coordinator", "台州市营商办", "331000"),
    "coord_nb": ("coordinator", "宁波市营商办", "330200"),
    "sub_nb": ("submitter", "鄞州区人民政府", "330212"),
    "reviewer": ("reviewer", "浙江省市场监督管理局", "330000"),
    "admin": ("admin", "浙江省营商办", "330000"),
}


@pytest.fixture
def lib(fresh_lib):
    from library.accounts import users

    for name, (role, unit, region) in PEOPLE.items():
        users.create_user(fresh_lib, name, PASSWORD, role, unit=unit, region=region)
    return fresh_lib


@pytest.fixture
def actor(lib) -> Callable:
    """The Actor of an account, loaded fresh."""
    from library.accounts.audit import Actor
    from library.accounts.users import find_user

    def make(username: str) -> Actor:
        with lib.db.session() as s:
            return Actor.of(find_user(s, username))

    return make


@pytest.fixture
def unit_id(lib) -> Callable[[str], int]:
    from sqlalchemy import select

    from library.models import Unit

    def get(name: str) -> int:
        with lib.db.session() as s:
            return s.scalar(select(Unit.id).where(Unit.name == name))

    return get


@pytest.fixture
def new_case(lib, actor) -> Callable:
    """A case made through the workflow by ``username`` (a draft unless action='submit')."""
    from library.cases.submit import Upload
    from library.workflow import contribute

    counter = {"n": 0}

    def make(username: str = "sub_jj", *, action: str = "save", call_id=None, **overrides):
        counter["n"] += 1
        n = counter["n"]
        data = docx_bytes(
            SAMPLE_TEXT + [f"流程测试第{n}号案例，编号{n * 7919}。"], title=f"流程案例{n}"
        )
        form = valid_form(
            name=overrides.pop("name", f"流程案例{n}"), published_at=None, **overrides
        )
        return contribute.create(
            lib,
            form,
            Upload(f"流程案例{n}.docx", data),
            actor(username),
            action=action,
            call_id=call_id,
            confirm_near_duplicate=True,
        )

    return make


@pytest.fixture
def new_call(lib, actor, unit_id) -> Callable:
    from library.storage.base import utcnow
    from library.workflow import calls

    def make(*units: str, by: str = "coord_tz", days: float = 10, **extra):
        deadline = (utcnow() + timedelta(days=days) + timedelta(hours=8)).isoformat(
            timespec="minutes"
        )
        data = {
            "title": extra.pop("title", "关于报送营商环境改革创新案例的通知"),
            "notice": "请各单位经分管领导审阅后报送。",
            "deadline": deadline,
            "target_unit_ids": [unit_id(u) for u in units or ("椒江区人民政府", "黄岩区人民政府")],
            **extra,
        }
        return calls.create_call(lib, data, actor(by))

    return make


def docx_file(text: str = "附件内容") -> tuple[io.BytesIO, str]:
    return io.BytesIO(docx_bytes([text])), "附件.docx"
