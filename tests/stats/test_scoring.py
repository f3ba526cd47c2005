"""The score: its explanation, exact arithmetic, the rank, and weights versioned per year
(a past year's score never changes when this year's weights do)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from library.accounts.audit import Actor
from library.errors import Forbidden, ValidationFailed
from library.models import AuditEvent, ScoreWeights
from library.stats import scoring, weights
from library.stats.figures import statistics
from library.stats.weights import DEFAULTS, WeightsFrozen, beijing_year


def _w(**values) -> weights.Weights:
    return weights.Weights(2024, 1, {**DEFAULTS, **{k: Decimal(str(v)) for k, v in values.items()}})


def test_the_explanation_reads_like_the_issue():
    """Two original cases and three borrowings with the default weights: the issue's
    example, to the character."""
    s = scoring.score({"original": 2, "times_borrowed": 3}, _w())
    assert s.total == 9
    assert s.explanation == "首创 2 × 3 + 被借鉴 3 × 1 = 9 分"


def test_terms_with_zero_count_or_weight_are_left_out_and_deductions_subtract():
    """A zero weight drops its term; a negative one is a deduction written with a minus;
    the arithmetic is exact in decimals (0.1 × 3 is 0.3)."""
    s = scoring.score(
        {"original": 1, "innovation_borrowed": 3, "late": 2, "not_submitted": 1},
        _w(innovation_borrowed="0.1", not_submitted=0),
    )
    assert s.total == Decimal("2.3")
    assert s.explanation == "首创 1 × 3 + 创新借鉴 3 × 0.1 - 逾期 2 × 0.5 = 2.3 分"
    assert scoring.score({}, _w()).explanation == "无计分项 = 0 分"


def test_the_rating_bonus_needs_the_average_at_the_threshold():
    """An average of exactly 4 earns the bonus; 3.99… does not; no reviews, no bonus."""
    at = scoring.score({"reviews": 4, "rating_sum": 16}, _w())
    assert (at.total, at.explanation) == (1, "均分 4 ≥ 4 加 1 = 1 分")
    below = scoring.score({"reviews": 3, "rating_sum": 11}, _w())
    assert below.total == 0
    assert scoring.score({"reviews": 0, "rating_sum": 0}, _w(rating_threshold=1)).total == 0


def test_equal_scores_share_a_rank_and_the_next_rank_skips():
    """Standard competition ranking: 5, 3, 3, 1 rank 1, 2, 2, 4."""
    rows = [{"score": 3}, {"score": 5}, {"score": 1}, {"score": 3}]
    scoring.rank(rows)
    assert [r["rank"] for r in rows] == [2, 1, 4, 2]


def test_changing_this_years_weights_leaves_a_past_years_score_alone(known):
    """Setting this year's weights adds a version for this year only; 2024 keeps its
    score (the defaults it was scored with)."""
    lib, _ = known
    before = statistics(lib, {"year": 2024}, Actor.cli())
    this_year = beijing_year()
    set_ = weights.set_weights(lib, this_year, {"original": 5, "late": "-1"}, Actor.cli())
    assert (set_.year, set_.version, set_.values["original"]) == (this_year, 1, 5)
    after = statistics(lib, {"year": 2024}, Actor.cli())
    assert after["rows"] == before["rows"] and after["totals"] == before["totals"]
    assert after["weights"]["default"] is True
    # The current year is scored with the new weights.
    now = statistics(lib, {"year": this_year}, Actor.cli())
    assert now["weights"]["version"] == 1 and now["weights"]["values"]["original"] == 5


def test_a_years_weights_can_be_set_during_that_year_and_are_frozen_after_it(known):
    """Weights set in 2024 for 2024 score 2024 (each change a version, audited); once
    2024 is over they cannot be changed (409 weights_frozen)."""
    lib, _ = known
    in_2024 = datetime(2024, 6, 1, 2, 0)
    weights.set_weights(lib, 2024, {"original": 2}, Actor.cli(), note="首版", now=in_2024)
    v2 = weights.set_weights(lib, 2024, {"times_borrowed": "0.5"}, Actor.cli(), now=in_2024)
    assert v2.version == 2
    assert (v2.values["original"], v2.values["times_borrowed"]) == (2, Decimal("0.5"))
    result = statistics(lib, {"year": 2024, "region": "331000"}, Actor.cli())
    jj = next(r for r in result["rows"] if r["key"] == "331002")
    assert (
        jj["explanation"] == "首创 3 × 2 + 创新借鉴 1 × 1 + 被借鉴 2 × 0.5 + 均分 4 ≥ 4 加 1 = 9 分"
    )
    assert result["weights"]["version"] == 2 and result["weights"]["frozen"] is True
    with pytest.raises(WeightsFrozen) as e:
        weights.set_weights(lib, 2024, {"original": 9}, Actor.cli())
    assert e.value.status == 409 and e.value.code == "weights_frozen"
    with lib.db.session() as s:
        versions = s.execute(
            select(ScoreWeights.year, ScoreWeights.version, ScoreWeights.note).order_by(
                ScoreWeights.id
            )
        ).all()
        audited = list(
            s.scalars(select(AuditEvent.object_id).where(AuditEvent.action == "stats.weights"))
        )
    assert versions == [(2024, 1, "首版"), (2024, 2, None)]
    assert audited == ["2024#1", "2024#2"]
    assert [w.version for w in weights.history(lib, 2024)] == [2, 1]


def test_bad_weights_are_reported_together_and_only_the_admin_sets_them(known, as_user):
    """Unknown keys, non-numbers, more than two decimals and values out of range are
    reported at once; a coordinator may not set weights."""
    lib, _ = known
    with pytest.raises(ValidationFailed) as e:
        weights.set_weights(
            lib,
            beijing_year(),
            {"bogus": 1, "original": "三", "late": "0.125", "rating_threshold": 6},
            Actor.cli(),
        )
    assert {(x.field, x.code) for x in e.value.errors} == {
        ("bogus", "unknown"),
        ("original", "invalid_type"),
        ("late", "too_precise"),
        ("rating_threshold", "out_of_range"),
    }
    with pytest.raises(ValidationFailed):
        weights.set_weights(lib, "明年", {"original": 1}, Actor.cli())
    with pytest.raises(Forbidden):
        weights.set_weights(lib, beijing_year(), {"original": 1}, as_user("coord_tz"))
