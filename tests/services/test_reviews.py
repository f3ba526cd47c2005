"""Reviews: one per person per case, aggregates on the case, 推荐形式 for privileged roles."""

from __future__ import annotations

import pytest

from library.accounts import users
from library.cases import reviews, search
from library.errors import Forbidden, ValidationFailed


@pytest.fixture
def people(lib):
    users.create_user(lib, "prov", "correct-horse", "reviewer", region="330000")
    users.create_user(lib, "city", "correct-horse", "reviewer", region="331000")
    users.create_user(lib, "clerk", "correct-horse", "submitter", region="331002")
    with lib.db.session() as s:
        return {n: users.find_user(s, n) for n in ("prov", "city", "clerk")}


def test_reviews_update_the_case_aggregates_and_the_index(lib, make_case, people):
    """Average and count are kept on the case and in the index (sort by rating)."""
    case = make_case()
    other = make_case(name="另一个案例")
    reviews.save_review(lib, case.case_no, {"recommend": "1", "rating": "5"}, people["prov"])
    reviews.save_review(lib, case.case_no, {"recommend": "0", "rating": "2"}, people["city"])
    summary = reviews.reviews_of(lib, case.case_no, people["city"])
    assert (summary.rating_avg, summary.rating_count, summary.recommend_count) == (3.5, 2, 1)
    hits = search.search(lib, {"sort": "rating"}).hits
    assert [h.case_no for h in hits][:2] == [case.case_no, other.case_no]
    assert hits[0].rating == 3.5 and hits[0].rating_count == 2


def test_one_review_per_person(lib, make_case, people):
    """Saving again edits the same review."""
    case = make_case()
    _, created = reviews.save_review(
        lib, case.case_no, {"recommend": True, "rating": 4}, people["city"]
    )
    _, again = reviews.save_review(
        lib, case.case_no, {"recommend": False, "rating": 1}, people["city"]
    )
    summary = reviews.reviews_of(lib, case.case_no, people["city"])
    assert (created, again) == (True, False)
    assert summary.rating_count == 1 and summary.mine.rating == 1


def test_recommendation_form_only_for_privileged(lib, make_case, people):
    """A city reviewer cannot set 推荐形式 and does not see it; the provincial one can."""
    case = make_case()
    with pytest.raises(ValidationFailed) as e:
        reviews.save_review(
            lib,
            case.case_no,
            {"recommend": True, "rating": 4, "recommendation_form": "经验交流"},
            people["city"],
        )
    assert [x.code for x in e.value.errors] == ["not_allowed"]
    reviews.save_review(
        lib,
        case.case_no,
        {"recommend": True, "rating": 4, "recommendation_form": "经验交流"},
        people["prov"],
    )
    assert (
        reviews.reviews_of(lib, case.case_no, people["prov"]).reviews[0].recommendation_form
        == "经验交流"
    )
    assert (
        reviews.reviews_of(lib, case.case_no, people["city"]).reviews[0].recommendation_form is None
    )


def test_invalid_reviews_report_every_field(lib, make_case, people):
    """Missing 推荐, a rating out of range and an unknown 推荐形式 at once."""
    case = make_case()
    with pytest.raises(ValidationFailed) as e:
        reviews.save_review(
            lib, case.case_no, {"rating": "7", "recommendation_form": "随便"}, people["prov"]
        )
    assert {x.field: x.code for x in e.value.errors} == {
        "recommend": "required",
        "rating": "out_of_range",
        "recommendation_form": "invalid_choice",
    }


def test_submitters_cannot_review(lib, make_case, people):
    """点评 needs the review permission."""
    case = make_case()
    with pytest.raises(Forbidden):
        reviews.save_review(lib, case.case_no, {"recommend": True, "rating": 5}, people["clerk"])
