"""The theme catalogue and the tags, changed by an admin: merges and renames carry the cases
along and the index with them; the cached vocabularies see each change at once."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from library.accounts import users
from library.accounts.audit import Actor
from library.cases import search, vocabulary
from library.cases.models import Case
from library.cases.submit import Upload
from library.errors import Conflict, Forbidden, ValidationFailed
from library.models import AuditEvent, Tag, Theme
from library.vocab import catalogue
from tests.conftest import docx_bytes, submit, valid_form

PASSWORD = "vocab-test-pass"


@pytest.fixture
def lib(fresh_lib):
    users.create_user(fresh_lib, "boss", PASSWORD, "admin", region="330000")
    users.create_user(fresh_lib, "tian", PASSWORD, "submitter", unit="某单位", region="331002")
    return fresh_lib


def actor_of(lib, username: str) -> Actor:
    with lib.db.session() as s:
        return Actor.of(users.find_user(s, username))


def theme_id(lib, name: str) -> int:
    with lib.db.session() as s:
        return s.scalar(select(Theme.id).where(Theme.name == name))


def tag_id(lib, name: str) -> int:
    with lib.db.session() as s:
        return s.scalar(select(Tag.id).where(Tag.name == name))


def case_of(lib, case_no: str) -> tuple[str | None, list[str]]:
    with lib.db.session() as s:
        case = s.scalar(select(Case).where(Case.case_no == case_no))
        return (case.theme.name if case.theme else None, [t.name for t in case.tags])


def new(make_case, **form) -> str:
    return make_case(**form).case_no


def found(lib, **params) -> set[str]:
    return {h.case_no for h in search.search(lib, {"per_page": 50, **params}).hits}


def last_audit(lib, action: str) -> AuditEvent:
    with lib.db.session() as s:
        return s.scalars(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id.desc())
        ).first()


def test_merging_a_theme_carries_every_case_and_the_index(lib, make_case):
    """Every case of theme A (drafts too) gets B, A is gone from the database, the cached
    vocabularies and the index: a search by B finds the merged cases."""
    a1 = new(make_case, name="开办企业改革甲", theme="开办企业")
    a2 = new(make_case, name="开办企业改革乙", theme="开办企业")
    b1 = new(make_case, name="获得电力改革丙", theme="获得电力")
    draft = submit(
        lib,
        valid_form(name="开办企业草稿丁", theme="开办企业"),
        Upload("草稿丁.docx", docx_bytes(["草稿丁的正文，与其他样例无关的内容。"])),
        Actor.cli(),
        status="draft",
    ).case_no
    assert found(lib, theme="获得电力") == {b1}
    before = catalogue.vocabularies(lib)  # cached now
    assert "开办企业" in before.themes[0][1]
    change = vocabulary.merge_themes(
        lib, actor_of(lib, "boss"), theme_id(lib, "开办企业"), theme_id(lib, "获得电力")
    )
    assert sorted(change.carried) == sorted([a1, a2])  # the published ones, re-indexed
    assert found(lib, theme="获得电力") == {a1, a2, b1}
    assert found(lib, theme="开办企业") == set()
    assert case_of(lib, draft)[0] == "获得电力"
    assert theme_id(lib, "开办企业") is None
    assert all("开办企业" not in leaves for _, leaves in catalogue.vocabularies(lib).themes)
    facets = search.search(lib, {}).facets["theme"]
    assert "开办企业" not in facets and facets["获得电力"] >= 3
    row = last_audit(lib, "theme.merge")
    assert row.actor == "boss" and row.detail["name"] == "开办企业"
    assert row.detail["into"] == "获得电力" and sorted(row.detail["cases"]) == sorted(
        [a1, a2, draft]
    )


def test_merging_a_tag_keeps_one_of_it_per_case_and_the_index_follows(lib, make_case):
    """A case with both tags keeps the target once; the search by the target tag finds
    every merged case; the facet shows the target, never the merged tag."""
    both = new(make_case, name="一网通办全程网办甲", tags=["一网通办", "全程网办"])
    only = new(make_case, name="一网通办改革乙", tags=["一网通办"])
    other = new(make_case, name="全程网办改革丙", tags=["全程网办"])
    change = vocabulary.merge_tags(
        lib, actor_of(lib, "boss"), tag_id(lib, "一网通办"), tag_id(lib, "全程网办")
    )
    assert sorted(change.carried) == sorted([both, only])
    assert case_of(lib, both)[1] == ["全程网办"] and case_of(lib, only)[1] == ["全程网办"]
    assert found(lib, tags=["全程网办"]) == {both, only, other}
    facets = search.search(lib, {}).facets["tags"]
    assert "一网通办" not in facets
    assert search.search(lib, {"tags": ["全程网办"]}).facets["tags"]["全程网办"] == 3
    assert tag_id(lib, "一网通办") is None
    assert "一网通办" not in catalogue.vocabularies(lib).tags


def test_renaming_carries_the_cases_and_the_index_under_the_new_name(lib, make_case):
    """A renamed tag or theme: the cases show the new name, the index finds them by it and
    no longer by the old one; the audit row has before → after."""
    case = new(make_case, name="告知承诺改革", theme="开办企业", tags=["告知承诺制"])
    boss = actor_of(lib, "boss")
    vocabulary.rename_tag(lib, boss, tag_id(lib, "告知承诺制"), "证明事项告知承诺制")
    vocabulary.rename_theme(lib, boss, theme_id(lib, "开办企业"), "企业开办")
    assert case_of(lib, case) == ("企业开办", ["证明事项告知承诺制"])
    assert found(lib, tags=["证明事项告知承诺制"]) == {case}
    assert found(lib, theme="企业开办") == {case} and found(lib, theme="开办企业") == set()
    assert found(lib, tags=["告知承诺制"]) == set()
    assert last_audit(lib, "tag.rename").detail["changes"] == {
        "name": ["告知承诺制", "证明事项告知承诺制"]
    }
    v = catalogue.vocabularies(lib)
    assert "证明事项告知承诺制" in v.tags and "企业开办" in v.themes[0][1]


def test_groups_and_themes_are_added_moved_and_deleted_in_order(lib):
    """A new group goes last, a new theme last in its group; moving a theme changes its
    group or place; the catalogue read by the forms shows the new order at once."""
    boss = actor_of(lib, "boss")
    catalogue.vocabularies(lib)
    group = vocabulary.add_theme(lib, boss, "数字政府")
    leaf = vocabulary.add_theme(lib, boss, "一网协同", parent_id=group.id)
    second = vocabulary.add_theme(lib, boss, "数据共享", parent_id=group.id)
    assert catalogue.vocabularies(lib).themes[-1] == ("数字政府", ["一网协同", "数据共享"])
    vocabulary.move_theme(lib, boss, second.id, 0)
    assert catalogue.vocabularies(lib).themes[-1] == ("数字政府", ["数据共享", "一网协同"])
    first_group = catalogue.vocabularies(lib).themes[0][0]
    vocabulary.move_theme(lib, boss, group.id, 0)
    assert [g for g, _ in catalogue.vocabularies(lib).themes][:2] == ["数字政府", first_group]
    vocabulary.move_theme(lib, boss, leaf.id, parent_id=theme_id(lib, first_group))
    assert catalogue.vocabularies(lib).themes[0] == ("数字政府", ["数据共享"])
    assert catalogue.vocabularies(lib).themes[1][1][-1] == "一网协同"
    moved = last_audit(lib, "theme.move").detail
    assert moved["name"] == "一网协同" and moved["changes"]["group"] == ["数字政府", first_group]
    with pytest.raises(Conflict) as e:
        vocabulary.delete_theme(lib, boss, group.id)
    assert e.value.code == "group_not_empty"
    vocabulary.delete_theme(lib, boss, second.id)
    vocabulary.delete_theme(lib, boss, group.id)
    assert "数字政府" not in [g for g, _ in catalogue.vocabularies(lib).themes]
    with pytest.raises(ValidationFailed) as v:
        vocabulary.move_theme(lib, boss, leaf.id, parent_id=leaf.id)
    assert v.value.errors[0].field == "parent_id"


def test_tags_are_added_reordered_and_only_unused_ones_deleted(lib, make_case):
    """A tag is added last, moved up, deleted when unused; a used tag is refused (merge
    it instead); names are unique, short and without commas."""
    boss = actor_of(lib, "boss")
    new(make_case, name="容缺受理改革", tags=["容缺受理"])
    item = vocabulary.add_tag(lib, boss, "  营商 专员 ")
    assert item.name == "营商 专员" and catalogue.vocabularies(lib).tags[-1] == "营商 专员"
    vocabulary.move_tag(lib, boss, item.id, 0)
    assert catalogue.vocabularies(lib).tags[0] == "营商 专员"
    assert last_audit(lib, "tag.move").detail["changes"]["position"][1] == 1
    with pytest.raises(Conflict) as e:
        vocabulary.delete_tag(lib, boss, tag_id(lib, "容缺受理"))
    assert e.value.code == "tag_in_use" and "合并" in e.value.message
    vocabulary.delete_tag(lib, boss, item.id)
    assert "营商 专员" not in catalogue.vocabularies(lib).tags
    for bad, code in (
        ("一网通办", "taken"),
        ("甲，乙", "invalid_format"),
        ("长" * 21, "too_long"),
        ("", "required"),
    ):
        with pytest.raises(ValidationFailed) as v:
            vocabulary.add_tag(lib, boss, bad)
        assert v.value.errors[0].code == code, bad
    with pytest.raises(ValidationFailed):
        vocabulary.merge_tags(lib, boss, tag_id(lib, "容缺受理"), tag_id(lib, "容缺受理"))


def test_only_admins_may_change_the_vocabularies_and_nothing_changes_otherwise(lib, make_case):
    """Every vocabulary use case refuses a submitter (403); themes, tags and cases stay."""
    case = new(make_case, name="信用监管改革", theme="开办企业", tags=["信用监管"])
    tian = actor_of(lib, "tian")
    t1, t2 = theme_id(lib, "开办企业"), theme_id(lib, "获得电力")
    g1, g2 = tag_id(lib, "信用监管"), tag_id(lib, "智慧监管")
    calls = [
        lambda: vocabulary.theme_items(lib, tian),
        lambda: vocabulary.add_theme(lib, tian, "新分组"),
        lambda: vocabulary.rename_theme(lib, tian, t1, "改名"),
        lambda: vocabulary.move_theme(lib, tian, t1, 3),
        lambda: vocabulary.merge_themes(lib, tian, t1, t2),
        lambda: vocabulary.delete_theme(lib, tian, t2),
        lambda: vocabulary.tag_items(lib, tian),
        lambda: vocabulary.add_tag(lib, tian, "新标签"),
        lambda: vocabulary.rename_tag(lib, tian, g1, "改名"),
        lambda: vocabulary.move_tag(lib, tian, g1, 0),
        lambda: vocabulary.merge_tags(lib, tian, g1, g2),
        lambda: vocabulary.delete_tag(lib, tian, g2),
    ]
    with lib.db.session() as s:
        n_audit = len(list(s.scalars(select(AuditEvent.id))))
    for call in calls:
        with pytest.raises(Forbidden):
            call()
    assert case_of(lib, case) == ("开办企业", ["信用监管"])
    assert theme_id(lib, "新分组") is None and tag_id(lib, "新标签") is None
    assert tag_id(lib, "智慧监管") == g2 and theme_id(lib, "获得电力") == t2
    with lib.db.session() as s:
        assert len(list(s.scalars(select(AuditEvent.id)))) == n_audit


@pytest.mark.parametrize("raw", [2**31, 2**63, "9" * 30, 0])
def test_an_entry_id_beyond_the_database_is_a_field_error(lib, raw):
    """A group or merge target numbered beyond what SQLite holds is refused as a bad
    choice, never looked up (OverflowError, a 500 in the API); nothing changes."""
    boss = actor_of(lib, "boss")
    before = catalogue.vocabularies(lib).themes
    with pytest.raises(ValidationFailed) as e:
        vocabulary.add_theme(lib, boss, "数据共享新", parent_id=raw)
    assert [(x.field, x.code) for x in e.value.errors] == [("parent_id", "invalid_choice")]
    with pytest.raises(ValidationFailed) as e:
        vocabulary.merge_themes(lib, boss, theme_id(lib, before[0][1][0]), raw)
    assert e.value.errors[0].field == "into"
    assert catalogue.vocabularies(lib).themes == before
