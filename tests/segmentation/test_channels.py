"""Channel conditions (how a customer was added: WeCom's add_way, the 渠道活码 code): the SQL
agrees with the reference evaluator, the JSON form is checked, explanations carry the facts,
and the breakdown names each channel."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from segmentation.breakdown import breakdown
from segmentation.channels import ADD_WAYS
from segmentation.engine import default_context, segment_members
from segmentation.explain import explain_customer
from segmentation.nodes import (
    AddedVia,
    And,
    ChannelCode,
    HasTag,
    Node,
    Not,
    Or,
    RollingWindow,
    SegmentFormatError,
    canonical,
    from_json,
    node_to_dict,
    to_json,
)
from segmentation.scope import Requester
from tests.segmentation.factory import NOW, TZ, Dataset, load, random_dataset
from tests.segmentation.reference import Reference
from tests.segmentation.trees import REQUESTERS, contacts, windows

CTX = default_context(TZ)
ADMIN = Requester.all_access()

channel_leaves = st.one_of(
    st.builds(
        AddedVia,
        st.lists(st.sampled_from((0, 1, 2, 4, 201, 16)), min_size=1, max_size=3).map(tuple),
        st.none() | windows,  # added that way inside the window (the follow's added_at)
    ),
    st.builds(
        ChannelCode,
        st.lists(
            st.sampled_from(("展会2026", "expo-a", "EXPO-A", "Expo-A", "官网", "nope")),
            min_size=1,
            max_size=2,
        ).map(tuple),
        st.none() | windows,
    ),
    st.builds(HasTag, st.sampled_from(("VIP", "金卡"))),
)


def _trees(leaves: st.SearchStrategy[Node], max_leaves: int) -> st.SearchStrategy[Node]:
    """Random AND/OR/NOT trees of `leaves`."""
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, min_size=2, max_size=3).map(lambda c: And(tuple(c))),
            st.lists(children, min_size=2, max_size=3).map(lambda c: Or(tuple(c))),
            children.map(Not),
        ),
        max_leaves=max_leaves,
    )


def _agrees_with_reference(session: Session, seed: int, trees: st.SearchStrategy[Node]) -> None:
    """On a random company, every tree's members are the reference evaluator's, for every
    role."""
    data = random_dataset(seed)
    load(session, data)
    reference = Reference(data, NOW, CTX.named)

    @settings(
        max_examples=80,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(tree=trees, who=st.sampled_from(REQUESTERS))
    def check(tree: Node, who: Requester) -> None:
        got = segment_members(session, tree, requester=who, now=NOW, ctx=CTX)
        assert got == reference.members(tree, who), tree

    check()


channel_trees = _trees(channel_leaves, max_leaves=5)


@pytest.mark.parametrize("seed", [21, 22])
def test_channel_conditions_agree_with_the_reference(session: Session, seed: int) -> None:
    _agrees_with_reference(session, seed, channel_trees)


def _company() -> Dataset:
    data = Dataset()
    data.staff = [("s1", "张三", "sales", True), ("s2", "李四", "sales", True)]
    data.customers = [(f"c{i}", f"客户{i}", 0, None, False) for i in range(1, 6)]
    data.follows = [
        ("c1", "s1", NOW, False),
        ("c2", "s1", NOW, False),
        ("c2", "s2", NOW, False),
        ("c3", "s2", NOW, True),  # ended: its channel no longer counts
        ("c4", "s2", NOW, False),
        ("c5", "s1", NOW, False),
    ]
    data.channels = {
        ("c1", "s1"): (1, "展会2026"),
        ("c2", "s1"): (2, None),
        ("c2", "s2"): (1, "EXPO-A"),
        ("c3", "s2"): (1, "展会2026"),
        ("c4", "s2"): (None, None),
        ("c5", "s1"): (4, "Expo-A"),
    }
    return data


def test_codes_match_in_any_case_and_only_on_live_follows(session: Session) -> None:
    load(session, _company())

    def members(node: Node) -> list[str]:
        return segment_members(session, node, requester=ADMIN, now=NOW, ctx=CTX)

    assert members(ChannelCode(("expo-a",))) == ["c2", "c5"]
    assert members(ChannelCode(("展会2026",))) == ["c1"]  # c3's follow has ended
    assert members(AddedVia((1,))) == ["c1", "c2"]
    assert members(AddedVia((0,))) == ["c4"]  # no add_way recorded reads as 0 (unknown)
    assert members(Not(AddedVia((1, 4)))) == ["c3", "c4"]


def test_json_form_round_trips_and_rejects_bad_values() -> None:
    week = RollingWindow(7, "days")
    for node in (
        AddedVia((1, 4)),
        ChannelCode(("展会2026", "Expo-A")),
        AddedVia((1,), week),
        ChannelCode(("Expo-A",), week),
    ):
        assert from_json(to_json(node)) == node
    assert canonical(AddedVia((4, 1, 4))) == AddedVia((1, 4))
    assert canonical(AddedVia((4, 1), week)) == AddedVia((1, 4), week)
    # without a window the JSON is what it was before channels took one (saved definitions)
    assert node_to_dict(AddedVia((1,))) == {"type": "added_via", "codes": [1]}
    assert node_to_dict(ChannelCode(("x",))) == {"type": "channel_code", "names": ["x"]}
    bad = (
        {"type": "added_via", "codes": []},
        {"type": "added_via", "codes": ["1"]},
        {"type": "added_via", "codes": [-1]},
        {"type": "channel_code", "names": []},
        {"type": "channel_code", "names": [" "]},
    )
    for tree in bad:
        with pytest.raises(SegmentFormatError):
            from_json(tree)


def test_explanation_says_how_each_live_follow_began(session: Session) -> None:
    load(session, _company())
    got = explain_customer(session, AddedVia((1,)), "c2", requester=ADMIN, now=NOW, ctx=CTX)
    assert got.member and got.condition is not None
    assert got.condition.facts == {
        "channels": [
            {"userid": "s1", "add_way": 2, "state": None},
            {"userid": "s2", "add_way": 1, "state": "EXPO-A"},
        ]
    }


def test_breakdown_by_channel_counts_codes_then_add_ways(session: Session) -> None:
    load(session, _company())
    result = breakdown(session, AddedVia((1, 2, 4)), "channel", requester=ADMIN, now=NOW, ctx=CTX)
    assert {(g.key, g.label, g.count) for g in result.groups} == {
        ("展会2026", "展会2026", 1),
        ("add_way:2", "add_way:2", 1),
        ("expo-a", "EXPO-A", 2),  # one code in two spellings: one group
    }
    assert result.overlapping


# ---------------------------------------------------------------- campaign contacts

contact_trees = _trees(
    st.one_of(contacts(), st.builds(HasTag, st.sampled_from(("VIP", "金卡")))), max_leaves=4
)


@pytest.mark.parametrize("seed", [31, 32])
def test_campaign_contact_conditions_agree_with_the_reference(session: Session, seed: int) -> None:
    _agrees_with_reference(session, seed, contact_trees)


def test_contact_tables_match_the_campaign_models() -> None:
    from bot.models.campaigns import Campaign, Coupon, Delivery
    from segmentation import contacts as c

    for light, model in ((c.deliveries, Delivery), (c.coupons, Coupon), (c.campaigns, Campaign)):
        assert light.name == model.__tablename__
        assert {col.name for col in light.columns} <= set(model.__table__.columns.keys())
    from bot.models import campaigns as m

    assert (c.DELIVERED, c.MASS_MESSAGE) == (m.DELIVERED, m.MASS_MESSAGE)


def test_contact_nodes_check_their_campaign() -> None:
    from segmentation.nodes import CampaignCoupon, CampaignMessaged

    assert from_json(to_json(CampaignCoupon("unredeemed", None, True))) == CampaignCoupon(
        "unredeemed", None, True
    )
    for tree in (
        {"type": "campaign_message", "campaign_id": 0},
        {"type": "campaign_message", "campaign_id": 3, "latest": True},
        {"type": "campaign_coupon", "state": "lost"},
        {"type": "campaign_coupon", "latest": "yes"},
    ):
        with pytest.raises(SegmentFormatError):
            from_json(tree)
    assert CampaignMessaged() == from_json({"type": "campaign_message"})


@pytest.mark.parametrize("code", [way.code for way in ADD_WAYS])
def test_every_add_way_is_restated_without_its_frame_words_twice(code: int) -> None:
    """WeCom names some ways "通过获客链接添加" / "视频号添加"; inside "是通过…添加" they read
    once ("是通过通过获客链接添加添加的客户" was what the chat said)."""
    from segmentation.nlq import Vocabulary
    from segmentation.nlq.restate import describe

    said = describe(AddedVia((code,)), "zh", NOW, TZ, Vocabulary())
    assert "通过通过" not in said and "添加添加" not in said, said
    assert said.startswith("是通过") and "添加" in said, said
