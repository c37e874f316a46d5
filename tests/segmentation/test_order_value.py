"""Average order value and refund amount (#21 Part 2 item 3): the SQL agrees with the
reference evaluator on random companies, from the events and from the rollups, negated and
combined; the edges of an average (no orders, amounts missing, a third of a fen) exactly."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from segmentation.engine import default_context, segment_members
from segmentation.explain import explain_customer
from segmentation.nodes import (
    AvgOrderValue,
    EventCount,
    Node,
    Not,
    Or,
    RefundAmount,
    RollingWindow,
    SegmentFormatError,
    Spend,
    from_json,
    to_json,
)
from segmentation.scope import Requester
from tests.segmentation.factory import NOW, TZ, Dataset, load, random_dataset
from tests.segmentation.reference import Reference
from tests.segmentation.trees import KIND_LEAVES, REQUESTERS

CTX = default_context(TZ)
ADMIN = Requester.all_access()
CHECK = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
new_leaves = st.one_of(KIND_LEAVES[AvgOrderValue](), KIND_LEAVES[RefundAmount]())
trees = st.one_of(
    new_leaves,
    new_leaves.map(Not),
    st.tuples(new_leaves, KIND_LEAVES[EventCount]()).map(lambda p: Or(p)),
)


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_average_and_refund_amount_agree_with_the_reference(session: Session, seed: int):
    # odd seeds read the events, even seeds may answer from the rollups
    data = random_dataset(seed, history_only=seed % 2 == 0)
    load(session, data)
    reference = Reference(data, NOW, CTX.named)

    @CHECK
    @given(tree=trees, who=st.sampled_from(REQUESTERS))
    def check(tree: Node, who: Requester) -> None:
        got = segment_members(session, tree, requester=who, now=NOW, ctx=CTX)
        assert got == reference.members(tree, who), tree

    check()


def _company(session: Session) -> None:
    at = NOW - timedelta(days=3)
    data = Dataset()
    data.customers = [(e, e, 0, None, False) for e in ("none", "one", "two", "thirds", "r")]
    data.events = [
        ("o1", "one", "order", at, Decimal("500")),
        ("o2", "two", "order", at, Decimal("100")),
        ("o3", "two", "order", at, None),  # no amount: counts as 0 in the average
        ("t1", "thirds", "order", at, Decimal("100")),
        ("t2", "thirds", "order", at, Decimal("100")),
        ("t3", "thirds", "order", at, Decimal("100.01")),  # average 100.00333…
        ("r1", "r", "refund", at, Decimal("150")),
        ("r2", "r", "refund", at - timedelta(days=100), Decimal("100")),
    ]
    load(session, data)


def _ids(session: Session, node: Node) -> list[str]:
    return segment_members(session, node, requester=ADMIN, now=NOW, ctx=CTX)


def test_the_edges_of_an_average(session: Session):
    _company(session)
    assert _ids(session, AvgOrderValue(">", Decimal("300"))) == ["one"]
    assert _ids(session, AvgOrderValue("=", Decimal("50"))) == ["two"]
    assert _ids(session, AvgOrderValue(">", Decimal("100.003"))) == ["one", "thirds"]
    assert _ids(session, AvgOrderValue(">", Decimal("100.004"))) == ["one"]
    # without orders there is no average: never a member, and NOT includes them
    assert "none" not in _ids(session, AvgOrderValue("<", Decimal("1000")))
    assert "none" in _ids(session, Not(AvgOrderValue(">=", Decimal("0"))))
    # spend is the total, the average is per order
    assert _ids(session, Spend(">=", Decimal("300"))) == ["one", "thirds"]


def test_refund_amounts_sum_in_the_window(session: Session):
    _company(session)
    assert _ids(session, RefundAmount(">", Decimal("200"))) == ["r"]
    assert _ids(session, RefundAmount(">", Decimal("200"), RollingWindow(90, "days"))) == []
    assert "none" in _ids(session, RefundAmount("<", Decimal("100")))  # no refunds: 0
    facts = explain_customer(
        session, RefundAmount(">", Decimal("200")), "r", requester=ADMIN, now=NOW, ctx=CTX
    )
    assert facts.member and facts.condition is not None
    assert facts.condition.facts["amount"] == Decimal("250.00")
    assert facts.condition.facts["count"] == 2


def test_explain_shows_the_average(session: Session):
    _company(session)
    node = AvgOrderValue(">", Decimal("40"))
    found = explain_customer(session, node, "two", requester=ADMIN, now=NOW, ctx=CTX)
    assert found.member and found.condition is not None
    assert found.condition.facts["average"] == Decimal("50.00")
    assert found.condition.facts["count"] == 2


@pytest.mark.parametrize("cls", [AvgOrderValue, RefundAmount])
def test_json_form_round_trips_and_is_checked(cls):
    node = cls(">=", Decimal("99.5"), RollingWindow(90, "days"))
    assert from_json(to_json(node)) == node
    tree = to_json(node)["tree"]
    for bad in ({"op": "~"}, {"value": "-1"}, {"value": "1e20"}):
        with pytest.raises(SegmentFormatError):
            from_json({**tree, **bad})
