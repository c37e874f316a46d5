"""Explanations agree with membership, carry the facts, and respect scope."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from segmentation.engine import default_context, segment_members
from segmentation.explain import explain_customer
from segmentation.nodes import And, City, HasTag, Node, Not, Performed, RollingWindow, Spend
from segmentation.scope import Requester
from tests.segmentation.factory import NOW, TZ, Dataset, load, random_dataset
from tests.segmentation.trees import REQUESTERS, trees

CTX = default_context(TZ)
ADMIN = Requester.all_access()


@pytest.mark.parametrize("seed", [11])
def test_explanation_agrees_with_membership(session: Session, seed: int) -> None:
    data = random_dataset(seed)
    load(session, data)
    ids = [c[0] for c in data.customers]

    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(tree=trees(), who=st.sampled_from(REQUESTERS), eid=st.sampled_from(ids))
    def check(tree: Node, who: Requester, eid: str) -> None:
        members = segment_members(session, tree, requester=who, now=NOW, ctx=CTX)
        visible = segment_members(session, _all(), requester=who, now=NOW, ctx=CTX)
        got = explain_customer(session, tree, eid, requester=who, now=NOW, ctx=CTX)
        assert got.visible == (eid in visible)
        assert got.member == (eid in members)
        if got.visible:
            assert got.condition is not None and got.condition.held == got.member
        else:
            assert got.condition is None

    check()


def _all() -> Node:
    from segmentation.nodes import All

    return All()


def small() -> Dataset:
    data = Dataset(staff=[("s1", "张三", None, True)])
    data.customers = [("a", "甲", 2, "上海", False), ("b", "乙", 1, None, False)]
    data.follows = [("a", "s1", NOW - timedelta(days=400), False)]
    data.tags = [("t1", "VIP", False)]
    data.customer_tags = [("a", "t1", "")]
    data.events = [
        ("e1", "a", "inquiry", NOW - timedelta(days=3), None),
        ("e2", "a", "order", NOW - timedelta(days=2), Decimal("120.50")),
        ("e3", "a", "order", NOW - timedelta(days=50), Decimal("99")),
    ]
    return data


def test_explanation_lists_each_condition_with_its_facts(session: Session) -> None:
    load(session, small())
    tree = And(
        (
            Performed("inquiry", RollingWindow(30, "days")),
            Spend(">", Decimal("200"), RollingWindow(30, "days")),
            HasTag("vip"),
            Not(City(("北京",))),
        )
    )
    got = explain_customer(session, tree, "a", requester=ADMIN, now=NOW, ctx=CTX)
    assert got.visible and not got.member
    inquiry, spend, tag, not_city = got.condition.children
    assert inquiry.held and inquiry.facts["count"] == 1
    assert inquiry.facts["last_at"] == NOW - timedelta(days=3)
    assert (
        not spend.held and spend.facts["amount"] == Decimal("120.50") and spend.facts["count"] == 1
    )
    assert tag.held and tag.facts["tags"] == ["VIP"]
    assert not_city.held and not_city.children[0].facts["city"] == "上海"


def test_customer_outside_scope_is_not_visible_and_gets_no_facts(session: Session) -> None:
    load(session, small())
    tree = Performed("order")
    got = explain_customer(session, tree, "b", requester=Requester("s1", "sales"), now=NOW, ctx=CTX)
    assert not got.visible and not got.member and got.condition is None
    unknown = explain_customer(session, tree, "zz", requester=ADMIN, now=NOW, ctx=CTX)
    assert not unknown.visible and unknown.condition is None
