""" "下单3次以上且都买的彩妆" (#21): so many events of a kind, every one about a product or
category (segmentation/kinds/item_only.py). The SQL agrees with the reference on random
data (SQLite and PostgreSQL); an event without the property is not about the names; the
reading where 都 could mean "each customer, at least once" is asked back."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from segmentation.engine import default_context, segment_members
from segmentation.explain import explain_customer
from segmentation.kinds.item_only import ItemOnly
from segmentation.nlq import Clarification, Command, Vocabulary, load_vocabulary, parse_command
from segmentation.nlq.restate import describe_part
from segmentation.nodes import (
    Not,
    Or,
    RollingWindow,
    SegmentFormatError,
    canonical,
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
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
leaves = KIND_LEAVES[ItemOnly]()
trees = st.one_of(leaves, leaves.map(Not), st.tuples(leaves, leaves).map(Or))


@pytest.mark.parametrize("seed", [41, 42])
def test_every_item_agrees_with_the_reference(session: Session, seed: int):
    data = random_dataset(seed, history_only=seed % 2 == 0)
    load(session, data)
    reference = Reference(data, NOW, CTX.named)

    @CHECK
    @given(tree=trees, who=st.sampled_from(REQUESTERS))
    def check(tree, who: Requester) -> None:
        got = segment_members(session, tree, requester=who, now=NOW, ctx=CTX)
        assert got == reference.members(tree, who), tree

    check()


def _orders(session: Session) -> None:
    data = Dataset()
    data.customers = [(e, e, 0, None, False) for e in ("a", "b", "c", "d")]
    at = NOW - timedelta(days=5)
    makeup, skin = {"category": "彩妆"}, {"category": "護膚"}
    orders = {
        "a": [makeup, makeup, {"category": "彩妝"}],  # all makeup, one in Traditional script
        "b": [makeup, makeup, skin],
        "c": [makeup, makeup, {}],  # one order without a category: not known to be makeup
        "d": [makeup, makeup],
    }
    for eid, props in orders.items():
        for n, p in enumerate(props):
            data.events.append((f"{eid}{n}", eid, "order", at, Decimal(100)))
            if p:
                data.properties[f"{eid}{n}"] = p
    load(session, data)


def _ids(session: Session, node) -> list[str]:
    return segment_members(session, node, requester=ADMIN, now=NOW, ctx=CTX)


def test_every_one_of_the_events(session: Session):
    _orders(session)
    every = ItemOnly("order", "category", ("彩妆",), ">=", 3)
    assert _ids(session, every) == ["a"]
    assert _ids(session, ItemOnly("order", "category", ("彩妆",), ">=", 2)) == ["a", "d"]
    assert _ids(session, Not(every)) == ["b", "c", "d"]
    found = explain_customer(session, every, "c", requester=ADMIN, now=NOW, ctx=CTX)
    assert found.condition is not None and not found.member
    assert (found.condition.facts["count"], found.condition.facts["about"]) == (3, 2)


def _parse(session: Session, text: str) -> Command | Clarification:
    vocab = load_vocabulary(session, CTX.named)
    return parse_command(text, vocabulary=vocab, asker=None, now=NOW, tz=TZ)


@pytest.mark.parametrize(
    "text",
    [
        "下单3次以上且都买的彩妆",
        "下過3次以上單，都是彩妝",
        "customers with 3 or more orders, all in 彩妆",
    ],
)
def test_read_in_three_scripts(session: Session, text: str):
    _orders(session)
    got = _parse(session, text)
    assert isinstance(got, Command), got
    assert got.segment == ItemOnly("order", "category", ("彩妆",), ">=", 3)


@pytest.mark.parametrize(
    "text", ["下单3次以上且都买过彩妆", "ordered at least 3 times and all bought 彩妆"]
)
def test_each_or_every_is_asked(session: Session, text: str):
    _orders(session)
    got = _parse(session, text)
    assert isinstance(got, Clarification), got
    assert "彩妆" in got.message and len(got.suggestions) == 2
    every, some = (_parse(session, s) for s in got.suggestions)
    assert isinstance(every, Command) and isinstance(every.segment, ItemOnly)
    assert isinstance(some, Command) and not isinstance(some.segment, ItemOnly)


def test_restated_and_json():
    node = ItemOnly("order", "category", ("彩妆", "彩妆 "), ">=", 3, RollingWindow(90, "days"))
    zh = describe_part(node, "zh", NOW, TZ, Vocabulary())
    assert "至少3次" in zh and "每次都是“彩妆" in zh
    en = describe_part(node, "en", NOW, TZ, Vocabulary())
    assert "at least 3" in en and "every one in" in en
    assert describe_part(Not(node), "en", NOW, TZ, Vocabulary()).startswith("do not match (")
    assert from_json(to_json(node)) == node
    assert canonical(node).names == ("彩妆",)  # type: ignore[attr-defined]
    tree = to_json(node)["tree"]
    for field, bad in (("names", []), ("names", "彩妆"), ("item", "brand"), ("op", "!="),
                       ("value", -1), ("value", 2_000_000)):  # fmt: skip
        with pytest.raises(SegmentFormatError):
            from_json({**tree, field: bad})
