"""Two app nodes on one database and one file store, each with its own index: each node's
index takes the cases the other changed (library/cases/changes.py), and only those."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, update

from library.accounts.audit import Actor
from library.accounts.users import create_user, find_user
from library.cases import changes, indexing, reviews, search
from library.cases.submit import Upload
from library.config import Settings
from library.context import Library
from library.models import Case
from tests.conftest import SAMPLE_TEXT, docx_bytes, submit, valid_form


@pytest.fixture
def nodes(tmp_path, initialised_home):
    """Node A and node B: one SQLite database and one file store, two indexes."""
    import shutil

    shutil.copytree(initialised_home, tmp_path / "a")
    db = tmp_path / "a" / "caselib.sqlite3"
    made = []
    for name in ("a", "b"):
        settings = Settings(
            {
                "home": str(tmp_path / name),
                "database_url": f"sqlite:///{db}",
                "files_dir": str(tmp_path / "a" / "files"),
                "index_dir": str(tmp_path / f"index-{name}"),
                "ingest_workers": 1,
            },
            env={},
        )
        lib = Library(settings)
        lib.init()
        made.append(lib)
    changes._last.clear()
    yield made
    for lib in made:
        lib.close()


def _publish(lib, n: int, **form):
    return submit(
        lib,
        valid_form(name=f"两节点案例{n}", **form),
        Upload(f"两节点{n}.docx", docx_bytes(SAMPLE_TEXT + [f"第{n}号两节点样例，证照分离。"])),
        Actor.cli(),
        confirm_near_duplicate=True,
    ).case_no


def _state(lib) -> dict:
    return json.loads(changes.state_path(lib).read_text(encoding="utf-8"))


def _found(lib, q: str = "证照分离") -> dict[str, float | None]:
    changes._last.clear()  # no waiting for FOLLOW_SECONDS in a test
    return {h.case_no: h.score for h in search.search(lib, {"q": q, "per_page": 50}).hits}


def test_a_case_published_on_one_node_is_found_on_the_other(nodes):
    """A's publication is in A's index at once and in B's at B's next search; so is B's
    in A's."""
    a, b = nodes
    first = _publish(a, 1)
    assert first in _found(a) and first in _found(b)
    second = _publish(b, 2)
    assert set(_found(a)) == set(_found(b)) == {first, second}


def test_a_node_takes_only_what_others_changed(nodes):
    """A node does not index its own changes a second time (they would skew the scores
    until segments merge); the other node takes each change once."""
    a, b = nodes
    case_no = _publish(a, 3)
    assert changes.follow(a, indexing.index_cases) == []
    assert changes.follow(b, indexing.index_cases) == [case_no]
    assert changes.follow(b, indexing.index_cases) == []
    assert _found(a) == _found(b)


def test_a_review_on_one_node_changes_the_rating_on_the_other(nodes):
    """Sorting by rating on B knows A's review."""
    a, b = nodes
    low, high = _publish(a, 4), _publish(a, 5)
    _found(b)
    create_user(a, "pingshen", "correct-horse", "reviewer", region="330000")
    with a.db.session() as s:
        actor = Actor.of(find_user(s, "pingshen"))
    reviews.save_review(a, high, {"recommend": "1", "rating": "5"}, actor)
    changes._last.clear()
    hits = search.search(b, {"sort": "rating"}).hits
    assert [h.case_no for h in hits][:2] == [high, low]


def test_a_commit_later_than_a_newer_one_is_still_taken(nodes):
    """A transaction that commits after one with a later updated_at (or on a node whose
    clock is a little behind) is taken: the look-back covers it."""
    a, b = nodes
    late = _publish(a, 6)
    _publish(a, 7)
    assert set(_found(b)) >= {late}
    # B has followed up to now; a change of `late` now stamped a minute in the past:
    with a.db.transaction() as s:
        stamped = s.scalar(select(Case.updated_at).where(Case.case_no == late))
        s.execute(
            update(Case)
            .where(Case.case_no == late)
            .values(name="两节点案例6（修改）", updated_at=stamped + timedelta(microseconds=1))
        )
    assert stamped < datetime.fromisoformat(_state(b)["watermark"])
    assert changes.follow(b, indexing.index_cases) == [late]
    assert b.index.stored(late)["name"] == "两节点案例6（修改）"


def test_a_busy_index_keeps_the_cases_for_the_next_look(nodes):
    """While B's index is being written by someone else, B's look queues A's case for
    that writer and loses nothing: once applied the case is in B's index, and the next
    look takes nothing twice."""
    a, b = nodes
    case_no = _publish(a, 8)
    with b.index.writing(timeout=1):
        assert changes.follow(b, indexing.index_cases, wait=0.1) == [case_no]
    b.index.drain()
    assert case_no in b.index.case_nos()
    assert changes.follow(b, indexing.index_cases) == []


def test_a_rebuild_restarts_the_state_without_taking_anything_twice(nodes):
    """After B's index is rebuilt, B's next look takes nothing the rebuild already had."""
    a, b = nodes
    _publish(a, 9)
    indexing.rebuild(b)
    assert changes.follow(b, indexing.index_cases) == []
    later = _publish(a, 10)
    assert changes.follow(b, indexing.index_cases) == [later]
