"""Administering accounts and units: each action, its audit row, its rules, and refusals
for everyone but admins (with nothing stored)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from library.accounts import admin, auth, tokens, units, users
from library.accounts.audit import Actor
from library.errors import Conflict, Forbidden, NotFound, Unauthorized, ValidationFailed
from library.models import ApiToken, AuditEvent, Unit, User, utcnow

PASSWORD = "admin-test-pass"


@pytest.fixture
def lib(fresh_lib):
    """Two units, an admin, a second admin and a submitter of the first unit."""
    units.add_unit(fresh_lib, "椒江区人民政府", "331002")
    units.add_unit(fresh_lib, "黄岩区人民政府", "331003")
    users.create_user(fresh_lib, "boss", PASSWORD, "admin", region="330000")
    users.create_user(fresh_lib, "boss2", PASSWORD, "admin", region="330000")
    users.create_user(
        fresh_lib, "tian", PASSWORD, "submitter", unit="椒江区人民政府", region="331002"
    )
    return fresh_lib


def actor_of(lib, username: str) -> Actor:
    with lib.db.session() as s:
        return Actor.of(users.find_user(s, username))


def unit_id(lib, name: str) -> int:
    with lib.db.session() as s:
        return s.scalar(select(Unit.id).where(Unit.name == name))


def audit_rows(lib, action: str | None = None) -> list[AuditEvent]:
    with lib.db.session() as s:
        stmt = select(AuditEvent).order_by(AuditEvent.id)
        if action:
            stmt = stmt.where(AuditEvent.action == action)
        return list(s.scalars(stmt))


def stored(lib, username: str) -> User | None:
    with lib.db.session() as s:
        return users.find_user(s, username)


def test_an_account_is_created_with_unit_region_role_and_a_temporary_password_shown_once(lib):
    """No password given: a random one is returned once, works for logging in, and is
    neither stored nor audited in clear; the unit's region is the account's."""
    boss = actor_of(lib, "boss")
    account, password = admin.create_account(
        lib,
        boss,
        {
            "username": "li",
            "display_name": "黄岩区填报员",
            "role": "submitter",
            "unit_id": unit_id(lib, "黄岩区人民政府"),
        },
    )
    assert password and len(password) >= 12
    assert (account.unit, account.region_code, account.role) == (
        "黄岩区人民政府",
        "331003",
        "submitter",
    )
    assert auth.authenticate(lib, "li", password).username == "li"
    row = audit_rows(lib, "user.create")[-1]
    assert row.actor == "boss" and row.object_id == "li"
    assert row.detail["generated"] is True and row.detail["unit"] == "黄岩区人民政府"
    assert password not in str(row.detail) and stored(lib, "li").password_hash != password


def test_a_given_password_is_used_and_not_returned(lib):
    """A password given by the admin is the account's; nothing is returned to show."""
    account, password = admin.create_account(
        lib,
        actor_of(lib, "boss"),
        {"username": "shi", "role": "coordinator", "region": "台州市", "password": "given-pass-1"},
    )
    assert password is None and account.region_code == "331000"
    assert auth.authenticate(lib, "shi", "given-pass-1").role == "coordinator"


def test_account_fields_are_all_checked_at_once(lib):
    """Bad user name, missing role, a submitter without unit, an unknown region, a short
    password: every one reported, nothing stored."""
    before = len(audit_rows(lib))
    with pytest.raises(ValidationFailed) as e:
        admin.create_account(
            lib,
            actor_of(lib, "boss"),
            {"username": "a b", "role": "", "region": "火星", "password": "short"},
        )
    assert {x.field for x in e.value.errors} == {"username", "role", "region", "password"}
    with pytest.raises(ValidationFailed) as e:
        admin.create_account(lib, actor_of(lib, "boss"), {"username": "tian", "role": "approver"})
    assert {(x.field, x.code) for x in e.value.errors} == {
        ("username", "taken"),
        ("unit_id", "required"),
    }
    with pytest.raises(ValidationFailed) as e:
        admin.create_account(lib, actor_of(lib, "boss"), {"username": "rev", "role": "reviewer"})
    assert [(x.field, x.code) for x in e.value.errors] == [("region", "required")]
    assert len(audit_rows(lib)) == before and stored(lib, "rev") is None


def test_role_unit_and_region_change_with_the_changes_audited(lib):
    """update_account changes what is given and records before → after per field; the
    session cache of the account is forgotten at once."""
    with lib.db.session() as s:
        uid = users.find_user(s, "tian").id
    assert users.load_user(lib, uid).role == "submitter"  # cached now
    account = admin.update_account(
        lib,
        actor_of(lib, "boss"),
        "tian",
        {"role": "approver", "unit_id": unit_id(lib, "黄岩区人民政府"), "region": ""},
    )
    assert (account.role, account.unit, account.region_code) == (
        "approver",
        "黄岩区人民政府",
        "331003",
    )
    assert users.load_user(lib, uid).role == "approver"
    row = audit_rows(lib, "user.update")[-1]
    assert row.detail["changes"] == {
        "role": ["submitter", "approver"],
        "unit": ["椒江区人民政府", "黄岩区人民政府"],
        "region": ["331002", "331003"],
    }


def test_an_admin_may_not_demote_or_deactivate_themselves(lib):
    """Own role and own deactivation are refused with a clear message; another admin may."""
    boss = actor_of(lib, "boss")
    with pytest.raises(ValidationFailed) as e:
        admin.update_account(lib, boss, "boss", {"role": "reviewer"})
    assert e.value.errors[0].field == "role" and "自己的角色" in e.value.errors[0].message
    with pytest.raises(Conflict) as c:
        admin.deactivate(lib, boss, "boss")
    assert c.value.code == "own_account" and "不能停用自己" in c.value.message
    assert stored(lib, "boss").active and stored(lib, "boss").role == "admin"
    admin.deactivate(lib, actor_of(lib, "boss2"), "boss")
    assert not stored(lib, "boss").active


def test_a_reset_password_unlocks_and_ends_the_api_tokens(lib):
    """A random password (returned) or a given one replaces the old; the lock and the
    failures are cleared; the account's API tokens stop working."""
    token, _ = tokens.issue_token(lib, stored(lib, "tian").id)
    now = utcnow()
    for _ in range(5):
        with pytest.raises(Exception):  # noqa: B017 - Unauthorized, then TooManyAttempts
            auth.authenticate(lib, "tian", "wrong", now=now)
    assert admin.get_account(lib, actor_of(lib, "boss"), "tian").locked
    _, password = admin.reset_password(lib, actor_of(lib, "boss"), "tian")
    assert password
    with pytest.raises(Unauthorized):
        tokens.user_for_token(lib, token)
    with pytest.raises(Unauthorized):
        auth.authenticate(lib, "tian", PASSWORD)
    assert auth.authenticate(lib, "tian", password).username == "tian"
    row = audit_rows(lib, "user.password_reset")[-1]
    assert row.detail == {"generated": True, "tokens_revoked": 1}
    _, shown = admin.reset_password(lib, actor_of(lib, "boss"), "tian", "brand-new-pass")
    assert shown is None and auth.authenticate(lib, "tian", "brand-new-pass")
    with pytest.raises(ValidationFailed):
        admin.reset_password(lib, actor_of(lib, "boss"), "tian", "short")


def test_a_deactivated_account_cannot_log_in_or_use_tokens_at_once(lib):
    """Deactivation: the cached session account is gone in this process at once, logins
    are refused (audited as 账号已停用), tokens deleted; reactivation lets it in again."""
    user = stored(lib, "tian")
    token, _ = tokens.issue_token(lib, user.id)
    assert users.load_user(lib, user.id) is not None  # cached
    account = admin.deactivate(lib, actor_of(lib, "boss"), "tian")
    assert not account.active and account.status == "inactive"
    assert users.load_user(lib, user.id) is None
    with pytest.raises(Unauthorized):
        auth.authenticate(lib, "tian", PASSWORD)
    assert audit_rows(lib, "auth.login_failed")[-1].detail["reason"] == "inactive"
    with pytest.raises(Unauthorized):
        tokens.user_for_token(lib, token)
    with lib.db.session() as s:
        assert s.scalar(select(func.count()).select_from(ApiToken)) == 0
    assert audit_rows(lib, "user.deactivate")[-1].detail == {"tokens_revoked": 1}
    admin.reactivate(lib, actor_of(lib, "boss"), "tian")
    assert auth.authenticate(lib, "tian", PASSWORD).username == "tian"
    assert [e.action for e in audit_rows(lib) if e.action.startswith("user.")][-2:] == [
        "user.deactivate",
        "user.reactivate",
    ]


def test_unlock_clears_failed_logins_and_the_lock(lib):
    """A locked account can log in again with its password right after unlock."""
    now = utcnow()
    for _ in range(6):
        with pytest.raises(Exception):  # noqa: B017
            auth.authenticate(lib, "tian", "wrong", now=now)
    assert admin.get_account(lib, actor_of(lib, "boss"), "tian").locked
    account = admin.unlock(lib, actor_of(lib, "boss"), "tian")
    assert not account.locked and account.failed_logins == 0
    assert auth.authenticate(lib, "tian", PASSWORD, now=now + timedelta(seconds=1))
    assert audit_rows(lib, "user.unlock")[-1].detail == {"failures": 5}  # the 6th: refused, locked
    assert admin.list_accounts(lib, actor_of(lib, "boss"), status="locked") == []


def test_accounts_list_filters_by_text_role_unit_and_status(lib):
    """list_accounts finds by a text in the user name or name, role, unit, status."""
    boss = actor_of(lib, "boss")
    assert [a.username for a in admin.list_accounts(lib, boss, role="admin")] == ["boss", "boss2"]
    assert [a.username for a in admin.list_accounts(lib, boss, q="TI")] == ["tian"]
    assert [
        a.username for a in admin.list_accounts(lib, boss, unit_id=unit_id(lib, "椒江区人民政府"))
    ] == ["tian"]
    admin.deactivate(lib, boss, "tian")
    assert [a.username for a in admin.list_accounts(lib, boss, status="inactive")] == ["tian"]


@pytest.mark.parametrize("who", ["tian", "coord"])
def test_only_admins_may_manage_accounts_and_nothing_changes_otherwise(lib, who):
    """Every account and unit service refuses a non-admin with 403; no row changes, no
    audit row is written."""
    users.create_user(lib, "coord", PASSWORD, "coordinator", region="331000")
    actor = actor_of(lib, who)
    jj = unit_id(lib, "椒江区人民政府")
    before = len(audit_rows(lib))
    calls = [
        lambda: admin.list_accounts(lib, actor),
        lambda: admin.create_account(lib, actor, {"username": "x1", "role": "admin"}),
        lambda: admin.update_account(lib, actor, "boss", {"role": "reviewer", "region": "330000"}),
        lambda: admin.reset_password(lib, actor, "boss"),
        lambda: admin.deactivate(lib, actor, "boss"),
        lambda: admin.reactivate(lib, actor, "boss"),
        lambda: admin.unlock(lib, actor, "boss"),
        lambda: units.add_unit(lib, "新单位", "331002", actor=actor),
        lambda: units.update_unit(lib, jj, name="改名", actor=actor),
        lambda: units.set_unit_active(lib, jj, False, actor=actor),
        lambda: units.all_units(lib, actor),
    ]
    for call in calls:
        with pytest.raises(Forbidden) as e:
            call()
        assert e.value.status == 403
    boss = stored(lib, "boss")
    assert boss.active and boss.role == "admin" and stored(lib, "x1") is None
    assert auth.authenticate(lib, "boss", PASSWORD)
    assert units.get_unit(lib, jj).name == "椒江区人民政府" and units.get_unit(lib, jj).active
    assert len(audit_rows(lib)) == before + 1  # the login just above


def test_unknown_accounts_are_404(lib):
    with pytest.raises(NotFound) as e:
        admin.deactivate(lib, actor_of(lib, "boss"), "nobody")
    assert e.value.code == "user_not_found"


def test_units_are_renamed_moved_and_deactivated_each_audited(lib):
    """update_unit renames, moves region and parent (no cycles, no duplicate name in a
    region); a deactivated unit leaves the pickers but stays in the admin's list."""
    boss = actor_of(lib, "boss")
    jj, hy = unit_id(lib, "椒江区人民政府"), unit_id(lib, "黄岩区人民政府")
    office = units.add_unit(lib, "椒江区营商办", "331002", parent=jj, actor=boss)
    info = units.update_unit(lib, office.id, name="椒江区营商环境办", parent=hy, actor=boss)
    assert (info.name, info.parent) == ("椒江区营商环境办", "黄岩区人民政府")
    assert audit_rows(lib, "unit.update")[-1].detail["changes"] == {
        "name": ["椒江区营商办", "椒江区营商环境办"],
        "parent": ["椒江区人民政府", "黄岩区人民政府"],
    }
    with pytest.raises(ValidationFailed) as e:
        units.update_unit(lib, hy, parent=office.id, actor=boss)
    assert e.value.errors[0].code == "cycle"
    with pytest.raises(ValidationFailed) as e:
        units.update_unit(lib, hy, name="椒江区人民政府", region="331002", actor=boss)
    assert e.value.errors[0].code == "taken"
    moved = units.update_unit(lib, office.id, region="台州市黄岩区", parent=None, actor=boss)
    assert (moved.region_code, moved.parent) == ("331003", None)
    units.set_unit_active(lib, jj, False, actor=boss)
    assert jj not in {u.id for u in units.list_units(lib)}
    listed = {u.id: u for u in units.all_units(lib, boss)}
    assert not listed[jj].active and listed[jj].members == 1
    assert audit_rows(lib, "unit.deactivate")[-1].detail == {"name": "椒江区人民政府", "members": 1}
    with pytest.raises(ValidationFailed) as e:
        admin.create_account(lib, boss, {"username": "late", "role": "submitter", "unit_id": jj})
    assert e.value.errors[0].code == "inactive"
    units.set_unit_active(lib, jj, True, actor=boss)
    assert jj in {u.id for u in units.list_units(lib)}


@pytest.mark.parametrize("raw", [2**31, 2**63, 10**30, "9" * 40, 0, -3])
def test_a_unit_id_beyond_the_database_is_a_field_error_and_nothing_is_stored(lib, raw):
    """A number SQLite cannot hold (or no id at all) is refused as a bad unit, never sent
    to the database (where it raised OverflowError, a 500 in the API)."""
    boss = actor_of(lib, "boss")
    before = len(audit_rows(lib))
    with pytest.raises(ValidationFailed) as e:
        admin.create_account(
            lib,
            boss,
            {"username": "big", "display_name": "某人", "role": "submitter", "unit_id": raw},
        )
    assert [(x.field, x.code) for x in e.value.errors] == [("unit_id", "invalid_type")]
    assert stored(lib, "big") is None and len(audit_rows(lib)) == before
