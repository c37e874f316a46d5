"""Persona, typical values and scorecard against hand-worked figures (tests/insights/fixture.py)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import inspect, literal, select
from sqlalchemy.orm import Session

from segmentation.engine import default_context
from segmentation.insights import (
    MassMessageBudget,
    describe_segment,
    insight_markdown,
    insight_to_json,
)
from segmentation.models import Customer, CustomerScore, FittedModel, SegmentMembershipChange
from segmentation.nodes import City, HasTag
from segmentation.saved import get_saved_segment, save_segment
from segmentation.snapshots import take_snapshots
from tests.insights.fixture import BASE, DAY, SEGMENT, company
from tests.segmentation.factory import NOW, TZ, load

CTX = default_context(TZ)


def describe(session: Session, members: list[str], **kwargs: object):  # type: ignore[no-untyped-def]
    return describe_segment(session, members=members, base=BASE, now=NOW, ctx=CTX, **kwargs)  # type: ignore[arg-type]


def test_persona_shares_and_lifts_match_hand_computed_values(session: Session) -> None:
    load(session, company())
    insight = describe(session, SEGMENT)
    got = [(e.attribute, e.code, e.count, e.base_count) for e in insight.persona]
    # Ranked by share × ln(lift): owner .75·ln2.5 > VIP .75·ln1.875 > city = gender .75·ln1.5
    assert got == [
        ("owner", "s1", 3, 3),
        ("tag", "VIP", 3, 4),
        ("city", "上海", 3, 5),
        ("gender", "2", 3, 5),
    ]
    owner, vip, city, _ = insight.persona
    assert (owner.share, owner.base_share, owner.lift) == pytest.approx((0.75, 0.3, 2.5))
    assert (vip.share, vip.base_share, vip.lift) == pytest.approx((0.75, 0.4, 1.875))
    assert (city.share, city.base_share, city.lift) == pytest.approx((0.75, 0.5, 1.5))
    assert owner.label_zh == "张三的客户"


def test_values_held_by_too_few_members_are_left_out(session: Session) -> None:
    """c1 alone is 500–2000 spend and 重要价值 (lift 2.5 and 4.0), but one member is no persona."""
    load(session, company())
    attributes = {e.attribute for e in describe(session, SEGMENT).persona}
    assert not attributes & {"spend_band", "order_band", "rfm"}


def test_typical_values_and_spend(session: Session) -> None:
    load(session, company())
    insight = describe(session, SEGMENT)
    typical, card = insight.typical, insight.scorecard
    assert typical.median_spend == Decimal("600.00")  # median of 0, 200, 1000, 3000
    assert typical.median_days_since_order == pytest.approx(40)  # 10, 40, 100
    assert typical.median_days_since_inquiry == pytest.approx(9)  # 5, 9, 20
    assert (card.size, card.base_size, card.share_of_base) == (4, 10, 0.4)
    assert (card.total_spend, card.avg_spend) == (Decimal("4200.00"), Decimal("1050.00"))
    assert card.latest_event_at == NOW - 5 * DAY  # c3's order tomorrow is not data yet
    assert card.reachable == 3  # c4's only follow has ended
    assert card.reachable_with_budget is None


def test_sketch_in_chinese_and_english(session: Session) -> None:
    load(session, company())
    zh = describe(session, SEGMENT).sketch
    assert zh == "典型画像：张三的客户、VIP、上海，平均消费 ¥1050，最近一次咨询在 9 天前。"
    en = describe(session, SEGMENT, language="en").sketch
    assert en == (
        "Typical profile: 张三's customers, VIP, 上海; "
        "average spend ¥1,050; last inquiry 9 days ago."
    )


def test_rfm_class_follows_company_wide_means(session: Session) -> None:
    """Means over c1,c2,c4,c5,c6 (c11 is deleted, c3's order is tomorrow): F 8/5, M ¥910,
    R 70.4 days. One-customer segments show each customer's own class."""
    load(session, company())
    expected = {"c1": "high_value", "c2": "general_develop", "c4": "to_win_back",
                "c5": "general_value", "c6": "general_win_back"}  # fmt: skip
    for eid, key in expected.items():
        rfm = [(e.code, e.count, e.base_count) for e in describe(session, [eid]).persona
               if e.attribute == "rfm"]  # fmt: skip
        assert rfm == [(key, 1, 1)], eid
    assert not [e for e in describe(session, ["c3"]).persona if e.attribute == "rfm"]


def test_overlaps_with_saved_segments_use_jaccard_and_containment(session: Session) -> None:
    load(session, company())
    saved = [
        ("上海客户", City(("上海",))),
        ("VIP客户", HasTag("VIP")),
        ("北京客户", City(("北京",))),
        ("广州客户", City(("广州",))),
    ]
    for name, node in saved:
        save_segment(session, name, node, owner_userid="boss", now=NOW - 60 * DAY)
    take_snapshots(session, NOW - 60 * DAY, CTX)
    overlaps = describe(session, SEGMENT).scorecard.overlaps
    # |S| = 4; VIP客户 has 4 (3 shared), 上海客户 5 (3 shared), 北京客户 3 (c3 shared), 广州 none.
    assert [(o.segment, o.intersection) for o in overlaps] == [
        ("VIP客户", 3),
        ("上海客户", 3),
        ("北京客户", 1),
    ]
    assert [o.jaccard for o in overlaps] == pytest.approx([3 / 5, 3 / 6, 1 / 6])
    assert [o.containment for o in overlaps] == pytest.approx([0.75, 0.75, 0.25])


def test_a_saved_segment_reports_entries_and_exits_and_skips_itself(session: Session) -> None:
    load(session, company())
    save_segment(session, "上海客户", City(("上海",)), owner_userid="boss", now=NOW - 60 * DAY)
    take_snapshots(session, NOW - 60 * DAY, CTX)
    segment_id = get_saved_segment(session, "上海客户").id  # type: ignore[union-attr]
    changes = [
        ("c1", "entered", 3),
        ("c2", "entered", 10),
        ("c9", "exited", 5),
        ("c6", "exited", 40),
        ("c11", "entered", 1),
    ]
    for eid, change, days in changes:
        session.add(
            SegmentMembershipChange(
                segment_id=segment_id, external_userid=eid, change=change, at=NOW - days * DAY
            )
        )
    session.flush()
    members = ["c1", "c2", "c4", "c6", "c9"]
    card = describe(session, members, saved_name="上海客户").scorecard
    assert card.overlaps == ()
    stability = card.stability
    assert stability is not None
    # c11 is deleted, so outside every base.
    assert (stability.entered_7d, stability.exited_7d) == (1, 1)
    assert (stability.entered_30d, stability.exited_30d) == (2, 1)
    assert stability.last_snapshot_at == NOW - 60 * DAY


def test_mass_message_budget_leaves_out_customers_who_used_this_months_quota(
    session: Session,
) -> None:
    load(session, company())
    asked = []

    def exhausted(month_start, now):  # type: ignore[no-untyped-def]
        asked.append((month_start, now))
        return select(literal("c1")).union_all(select(literal("c4")))

    card = describe(session, SEGMENT, budget=MassMessageBudget(exhausted)).scorecard
    # c1 is out of budget; c4 is too, but has no live follow anyway.
    assert (card.reachable, card.reachable_with_budget) == (3, 2)
    assert asked == [(datetime(2026, 11, 1, tzinfo=TZ), NOW)]  # the natural month, local time


def test_expected_value_sums_the_members_clv_when_scores_exist(session: Session) -> None:
    load(session, company())
    assert describe(session, SEGMENT).scorecard.expected_value is None
    session.add(FittedModel(id=1, fitted_at=NOW, status="ok"))
    session.flush()
    for eid, clv in [("c1", Decimal("500.50")), ("c2", None), ("c5", Decimal("300"))]:
        session.add(
            CustomerScore(
                external_userid=eid, p_alive=0.5, expected_purchases_30d=0.1,
                expected_purchases_90d=0.3, clv_365d=clv, scored_at=NOW, model_id=1,
            )
        )  # fmt: skip
    session.flush()
    assert describe(session, SEGMENT).scorecard.expected_value == Decimal("500.50")


def test_empty_segment_has_a_clear_sketch_and_no_division_by_zero(session: Session) -> None:
    load(session, company())
    for language, sketch in [("zh", "该分群没有客户。"), ("en", "This segment has no customers.")]:
        insight = describe(session, [], language=language)
        assert insight.sketch == sketch
        assert insight.persona == ()
        assert insight.scorecard.size == 0
        assert insight.scorecard.avg_spend is None
        assert insight.typical.median_spend is None
        assert insight_markdown(insight) == f"**{sketch}**"
        assert insight_to_json(insight)["scorecard"]["share_of_base"] == 0.0


def test_empty_base_describes_nothing(session: Session) -> None:
    load(session, company())
    insight = describe_segment(session, members=[], base=[], now=NOW, ctx=CTX)
    assert (insight.scorecard.size, insight.scorecard.base_size) == (0, 0)
    assert insight.scorecard.share_of_base == 0.0


def test_one_customer_segment_describes_that_customer(session: Session) -> None:
    load(session, company())
    insight = describe(session, ["c2"])
    codes = {(e.attribute, e.code) for e in insight.persona}
    assert {("city", "上海"), ("tag", "VIP"), ("owner", "s1")} <= codes
    assert all(e.share == 1.0 for e in insight.persona)
    assert insight.typical.median_spend == Decimal("200.00")
    assert insight.typical.median_days_since_order == pytest.approx(40)
    assert "最近一次咨询在 9 天前" in insight.sketch


def test_deleted_and_unknown_members_are_ignored_and_members_join_the_base(
    session: Session,
) -> None:
    load(session, company())
    insight = describe_segment(
        session, members=["c1", "c11", "nobody", "c1"], base=["c2"], now=NOW, ctx=CTX
    )
    assert (insight.scorecard.size, insight.scorecard.base_size) == (1, 2)


def test_members_and_base_may_be_selects(session: Session) -> None:
    load(session, company())
    cust = Customer.__table__
    members = select(cust.c.external_userid).where(cust.c.external_userid.in_(SEGMENT))
    insight = describe_segment(
        session, members=members, base=select(cust.c.external_userid), now=NOW, ctx=CTX
    )
    assert insight_to_json(insight) == insight_to_json(describe(session, SEGMENT))


def test_json_shape_rounds_shares_and_turns_money_into_numbers(session: Session) -> None:
    load(session, company())
    data = insight_to_json(describe(session, SEGMENT))
    assert data["persona"][0] == {
        "attribute": "owner",
        "value": "张三的客户",
        "code": "s1",
        "count": 3,
        "base_count": 3,
        "share": 0.75,
        "base_share": 0.3,
        "lift": 2.5,
    }
    card = data["scorecard"]
    assert {k: card[k] for k in ("size", "base_size", "reachable", "total_spend", "avg_spend")} == {
        "size": 4,
        "base_size": 10,
        "reachable": 3,
        "total_spend": 4200,
        "avg_spend": 1050,
    }
    assert card["overlaps"] == [] and card["entered_7d"] is None
    assert data["typical"]["median_spend"] == 600


def test_markdown_lists_the_scorecard_after_the_sketch(session: Session) -> None:
    load(session, company())
    text = insight_markdown(describe(session, SEGMENT))
    lines = text.splitlines()
    assert lines[0].startswith("**典型画像：")
    assert lines[1] == "- 规模：4 人，占您客户的 40%（共 10 人）"
    assert "- 可触达：3 人有在跟进的企微好友关系（本月群发额度未知）" in lines
    assert "- 消费：合计 ¥4200，人均 ¥1050" in lines


def test_temporary_tables_are_dropped(session: Session) -> None:
    load(session, company())
    describe(session, SEGMENT)
    left = inspect(session.connection()).get_temp_table_names()
    assert not [name for name in left if name.startswith("insight_")]


@pytest.mark.parametrize("days_later", [0, 3])
def test_rollups_and_events_give_the_same_description(
    session: Session, monkeypatch: pytest.MonkeyPatch, days_later: int
) -> None:
    """Three days on, no event lies after `now` and the facts come from the customers'
    rollup columns; read from the events instead, every figure is the same."""
    import segmentation.insights.workspace as workspace_module
    from segmentation.rollups import Coverage

    load(session, company())
    now = NOW + days_later * DAY

    def run() -> dict[str, object]:
        insight = describe_segment(session, members=SEGMENT, base=BASE, now=now, ctx=CTX)
        return insight_to_json(insight)

    from_rollups = run()
    monkeypatch.setattr(workspace_module, "read_coverage", lambda *_: Coverage())
    assert run() == from_rollups
