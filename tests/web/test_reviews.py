"""点评 on the case page: recommend, stars, comment; 推荐形式 only for privileged roles;
one review per person per case; averages on the case and in lists."""

from __future__ import annotations

import re

from .conftest import audit_actions, csrf_of


def review(c, case_no: str, **fields):
    return c.post(f"/cases/{case_no}/review", data={**fields, "csrf_token": csrf_of(c)})


def stored_reviews(lib, case_no: str):
    from sqlalchemy import select

    from library.models import Case, Review

    with lib.db.session() as s:
        return list(
            s.scalars(select(Review).join(Case).where(Case.case_no == case_no).order_by(Review.id))
        )


def test_review_is_saved_and_the_average_follows(login_as, lib):
    """A review updates the case's average and count, on the page, in the search list and
    in the database; it is audited."""
    c = login_as("shiju")
    resp = review(c, "YS2019-00002", recommend="1", rating="4", comment="可推广")
    assert resp.status_code == 302 and resp.location.endswith("#review")
    page = c.get("/cases/YS2019-00002").get_data(as_text=True)
    assert "点评已保存" in page and "平均 <b>4.0</b> 星，共 <b>1</b> 条点评" in page
    rows = stored_reviews(lib, "YS2019-00002")
    assert [(r.recommend, r.rating, r.comment) for r in rows] == [(True, 4, "可推广")]
    listing = c.get("/?case_no=YS2019-00002").get_data(as_text=True)
    assert "<b>4.0</b><small>（1）</small>" in listing
    assert audit_actions(lib, "review.create")[-1].object_id == "YS2019-00002"


def test_one_review_per_person_is_edited_in_place(login_as, lib):
    """Reviewing again changes the same review; the count stays."""
    c = login_as("shiju")
    review(c, "YS2019-00002", recommend="1", rating="5")
    resp = review(c, "YS2019-00002", recommend="0", rating="2", comment="再看")
    assert resp.status_code == 302
    rows = stored_reviews(lib, "YS2019-00002")
    assert [(r.recommend, r.rating) for r in rows] == [(False, 2)]
    page = c.get("/cases/YS2019-00002").get_data(as_text=True)
    assert "点评已更新" in page and "修改我的点评" in page
    assert 'id="rating-2" name="rating" value="2" checked' in page
    assert audit_actions(lib, "review.update")[-1].detail["before"] == {
        "recommend": True,
        "rating": 5,
    }


def test_missing_stars_and_choice_are_field_errors(login_as, lib):
    """Without 推荐 and 推荐指数 the form comes back with both errors, nothing stored."""
    c = login_as("shiju")
    resp = review(c, "YS2019-00002", comment="只写了意见")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert 'data-field="recommend"' in html and 'data-field="rating"' in html
    assert "只写了意见" in html
    assert stored_reviews(lib, "YS2019-00002") == []


def test_rating_out_of_range_is_refused(login_as):
    """推荐指数 is 1 to 5 stars."""
    c = login_as("shiju")
    resp = review(c, "YS2019-00002", recommend="1", rating="6")
    assert resp.status_code == 422
    assert "推荐指数应为 1 到 5 星" in resp.get_data(as_text=True)


def test_recommendation_form_is_only_for_privileged_roles(login_as, lib):
    """推荐形式: the admin and the provincial reviewer see and set it; a city reviewer and a
    submitter see neither the field nor the values."""
    admin = login_as("admin")
    page = admin.get("/cases/YS2019-00001").get_data(as_text=True)
    assert 'name="recommendation_form"' in page and "推荐形式：全省复制推广" in page
    prov = login_as("shengting")
    resp = review(prov, "YS2019-00002", recommend="1", rating="5", recommendation_form="经验交流")
    assert resp.status_code == 302
    assert stored_reviews(lib, "YS2019-00002")[0].recommendation_form == "经验交流"
    for username in ("shiju", "tianbao"):
        page = login_as(username).get("/cases/YS2019-00001").get_data(as_text=True)
        assert "推荐形式" not in page, username
        assert "review-form-value" not in page, username


def test_non_privileged_reviewer_cannot_set_recommendation_form(login_as, lib):
    """A city reviewer who sends 推荐形式 anyway gets a field error; nothing is stored."""
    c = login_as("shiju")
    resp = review(c, "YS2019-00002", recommend="1", rating="5", recommendation_form="经验交流")
    assert resp.status_code == 422
    assert stored_reviews(lib, "YS2019-00002") == []


def test_editing_keeps_a_recommendation_form_set_by_privileged_review(login_as, lib):
    """A privileged reviewer's 推荐形式 stays when they edit only the stars."""
    c = login_as("shengting")
    review(c, "YS2019-00002", recommend="1", rating="5", recommendation_form="媒体宣传")
    review(c, "YS2019-00002", recommend="1", rating="3", recommendation_form="媒体宣传")
    assert stored_reviews(lib, "YS2019-00002")[0].recommendation_form == "媒体宣传"


def test_submitters_and_approvers_cannot_review(login_as, lib):
    """点评 is for reviewers, coordinators and admins."""
    for username in ("tianbao", "shenhe"):
        c = login_as(username)
        resp = review(c, "YS2019-00002", recommend="1", rating="5")
        assert resp.status_code == 403, username
        assert "forbidden" in resp.get_data(as_text=True)
    assert stored_reviews(lib, "YS2019-00002") == []


def test_review_of_unknown_case_is_404(login_as):
    """Reviewing a case that does not exist answers 404."""
    resp = review(login_as("admin"), "YS1900-00001", recommend="1", rating="5")
    assert resp.status_code == 404


def test_sort_by_rating_follows_a_new_review(login_as):
    """A new 5-star review moves an unrated case above 4-star cases when sorting by rating."""
    c = login_as("admin")
    review(c, "YS2019-00002", recommend="1", rating="5")
    review(login_as("shengting"), "YS2019-00002", recommend="1", rating="5")
    html = c.get("/?sort=rating").get_data(as_text=True)
    order = re.findall(r'class="hit card" data-case-no="([^"]+)"', html)
    assert order.index("YS2019-00002") < order.index("YS2022-00006")  # 4.0 from one review
