"""Score conditions and rankings by a score: JSON contract, membership of customers without
scores, exact thresholds, ties, explanations (SQLite and PostgreSQL)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from segmentation.engine import default_context, segment_members
from segmentation.explain import explain_customer
from segmentation.nodes import (
    All,
    HasTag,
    Not,
    Or,
    Ranked,
    RollingWindow,
    Score,
    SegmentFormatError,
    canonical,
    from_json,
    node_to_dict,
    to_json,
)
from segmentation.scope import Requester
from tests.segmentation.factory import NOW, TZ, Dataset, load

CTX = default_context(TZ)
ADMIN = Requester.all_access()


def _company() -> Dataset:
    data = Dataset()
    data.tags = [("t1", "VIP", False)]
    for eid in ("a", "b", "c", "d", "e", "x"):
        data.customers.append((eid, eid, 0, None, eid == "x"))
    data.customer_tags = [("a", "t1", ""), ("e", "t1", "")]
    data.scores = [
        ("a", 0.3, 0.5, 1.0, Decimal("100"), Decimal("5000")),
        ("b", 0.2999999999999999, 0.49999, 2.0, Decimal("99.99"), Decimal("5000.01")),
        ("c", 0.9, 1.0, 3.0, None, None),  # no spend model for c
        ("d", 0.9, 0.0, 0.0, Decimal("0"), Decimal("5000")),
        ("x", 0.0, 9.0, 9.0, Decimal("1"), Decimal("99999")),  # deleted
    ]  # e has no score row
    return data


def _members(session: Session, node) -> list[str]:  # type: ignore[no-untyped-def]
    return segment_members(session, node, requester=ADMIN, now=NOW, ctx=CTX)


def test_ranked_json_without_by_is_unchanged_and_by_round_trips() -> None:
    old = {"type": "ranked", "base": {"type": "all"}, "direction": "top", "count": 3}
    parsed = from_json(old)
    assert parsed == Ranked(All(), "top", 3) and parsed.by == "spend"  # type: ignore[union-attr]
    assert "by" not in node_to_dict(parsed)
    by_clv = Ranked(All(), "top", None, Decimal("10"), None, "clv")
    assert node_to_dict(by_clv)["by"] == "clv"
    assert from_json(to_json(by_clv)) == by_clv
    swapped = Ranked(Or((HasTag("b"), HasTag("a"))), "top", 1, None, None, "p_alive")
    assert canonical(swapped) == Ranked(Or((HasTag("a"), HasTag("b"))), "top", 1, by="p_alive")


@pytest.mark.parametrize(
    "bad",
    [
        {"type": "score", "metric": "p_alive", "op": "<", "value": "1.2"},
        {"type": "score", "metric": "p_alive", "op": "!=", "value": "0.2"},
        {"type": "score", "metric": "happiness", "op": "<", "value": "1"},
        {"type": "score", "metric": "clv", "op": ">", "value": "-5"},
        {"type": "score", "metric": "clv", "op": ">", "value": "NaN"},
        {"type": "ranked", "base": {"type": "all"}, "count": 1, "by": "expected_avg_value"},
        {
            "type": "ranked",
            "base": {"type": "all"},
            "count": 1,
            "by": "clv",
            "window": {"kind": "rolling", "amount": 7, "unit": "days"},
        },
    ],
)
def test_invalid_score_definitions_are_refused(bad: dict) -> None:
    with pytest.raises(SegmentFormatError):
        from_json(bad)


def test_score_json_round_trips() -> None:
    node = Score("expected_purchases_90d", ">=", Decimal("2"))
    assert to_json(node)["tree"] == {
        "type": "score",
        "metric": "expected_purchases_90d",
        "op": ">=",
        "value": "2",
    }
    assert from_json(to_json(node)) == node


def test_customers_without_a_score_are_never_members_but_not_includes_them(
    session: Session,
) -> None:
    load(session, _company())
    everyone = Score("p_alive", ">=", Decimal("0"))
    assert _members(session, everyone) == ["a", "b", "c", "d"]
    assert _members(session, Not(everyone)) == ["e"]
    no_value = Score("clv", ">=", Decimal("0"))
    assert _members(session, no_value) == ["a", "b", "d"]
    assert _members(session, Not(no_value)) == ["c", "e"]


def test_thresholds_compare_with_the_nearest_double_and_amounts_exactly(
    session: Session,
) -> None:
    load(session, _company())
    assert _members(session, Score("p_alive", "<", Decimal("0.3"))) == ["b"]
    assert _members(session, Score("p_alive", "<=", Decimal("0.3"))) == ["a", "b"]
    assert _members(session, Score("expected_purchases_30d", ">=", Decimal("0.5"))) == ["a", "c"]
    assert _members(session, Score("clv", ">", Decimal("5000"))) == ["b"]
    assert _members(session, Score("clv", "=", Decimal("5000"))) == ["a", "d"]
    assert _members(session, Score("expected_avg_value", "<", Decimal("99.995"))) == ["b", "d"]


def test_ranking_by_a_score_skips_missing_values_and_breaks_ties_by_id(session: Session) -> None:
    load(session, _company())
    top = Ranked(All(), "top", 2, by="clv")
    assert _members(session, top) == ["a", "b"]  # 5000.01, then a before d at 5000
    bottom = Ranked(All(), "bottom", None, Decimal("50"), by="p_alive")
    assert _members(session, bottom) == ["a", "b"]  # ceil(0.5 × 4) of the 4 scored
    among_vip = Ranked(HasTag("VIP"), "top", 5, by="expected_purchases_30d")
    assert _members(session, among_vip) == ["a"]  # e is VIP but has no score


def test_spend_rankings_still_take_windows() -> None:
    Ranked(All(), "top", 3, window=RollingWindow(30, "days"))
    with pytest.raises(SegmentFormatError):
        Ranked(All(), "top", 3, window=RollingWindow(30, "days"), by="clv")


def test_explanation_shows_the_stored_score(session: Session) -> None:
    load(session, _company())
    node = Score("p_alive", "<", Decimal("0.3"))
    member = explain_customer(session, node, "b", requester=ADMIN, now=NOW, ctx=CTX)
    assert member.member and member.condition is not None
    assert member.condition.facts["value"] == 0.2999999999999999
    assert member.condition.facts["scored_at"] == NOW
    unscored = explain_customer(session, node, "e", requester=ADMIN, now=NOW, ctx=CTX)
    assert not unscored.member and unscored.condition is not None
    assert unscored.condition.facts == {"score": "p_alive", "value": None, "scored_at": None}
