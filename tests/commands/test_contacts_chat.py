"""Campaign-contact conditions through chat: who received a mass message (WeCom reported it
sent), who got a coupon and did not redeem it, in three languages, restated and explained."""

from __future__ import annotations

from datetime import timedelta

from bot.models.campaigns import Campaign, CampaignRun, Coupon, Delivery
from tests.commands.chatworld import NOW
from tests.commands.conftest import ChatRig

DAY = timedelta(days=1)


def _campaigns(rig: ChatRig) -> None:
    """#1 messaged wmA01 40 days ago and gave wmA01, wmA02 coupons (wmA01 redeemed);
    #2 messaged wmA02, wmA03 5 days ago (wmA03's still waiting for the salesperson)."""
    with rig.factory() as session:
        for cid, days in ((1, 40), (2, 5)):
            at = NOW - days * DAY
            session.add(Campaign(id=cid, name=f"活动{cid}", creator_userid="zhangsan",
                                 schedule_kind="once", channel="mass_message", content="hi",
                                 created_at=at, updated_at=at))  # fmt: skip
            session.flush()
            session.add(CampaignRun(id=cid, campaign_id=cid, slot=at, trigger="schedule",
                                    planned_at=at, release_at=at, exclusions={}))  # fmt: skip
        session.flush()
        rows = ((1, "wmA01", "delivered", 40), (2, "wmA02", "delivered", 5),
                (2, "wmA03", "unconfirmed", 5))  # fmt: skip
        for n, (cid, eid, status, days) in enumerate(rows):
            at = NOW - days * DAY
            session.add(Delivery(id=n + 1, run_id=cid, campaign_id=cid, channel="mass_message",
                                 external_userid=eid, owner_userid="zhangsan", arm="treated",
                                 status=status, created_at=at, not_before=at,
                                 status_at=at))  # fmt: skip
        for n, (eid, used) in enumerate((("wmA01", NOW - 30 * DAY), ("wmA02", None))):
            session.add(Coupon(id=n + 1, code=f"C{n}", campaign_id=1, run_id=1,
                               external_userid=eid, kind="no_threshold",
                               issued_at=NOW - 40 * DAY, expires_at=NOW,
                               redeemed_at=used))  # fmt: skip
            session.flush()
        session.commit()


def test_not_messaged_lately_in_simplified_chinese(rig: ChatRig) -> None:
    _campaigns(rig)
    [reply] = rig.tell("zhangsan", "近30天没收到过群发的客户")
    print(reply.text)
    said = "近30天（10月2日–11月1日）没收到过群发消息（企业微信回报已发送）的客户"
    assert reply.text.startswith(said)
    assert "张客户01" in reply.text and "张客户03" in reply.text  # 03's was never sent
    assert "张客户02" not in reply.text


def test_last_campaign_unredeemed_in_traditional_chinese(rig: ChatRig) -> None:
    _campaigns(rig)
    [reply] = rig.tell("zhangsan", "上次活動沒核銷的客戶")
    print(reply.text)
    # answered in Traditional characters, as asked, naming the campaign "上次活動" is
    assert "領到過上次活動（最近一次發券的活動：活動#1“活动1”）的優惠券但未核銷" in reply.text
    assert "张客户02" in reply.text and "张客户01" not in reply.text


def test_coupon_not_redeemed_and_campaign_message_in_english(rig: ChatRig) -> None:
    _campaigns(rig)
    [reply] = rig.tell("zhangsan", "customers who got a coupon but didn't redeem it")
    print(reply.text)
    assert reply.text.startswith("customers who got a coupon but never redeemed it")
    assert "张客户02" in reply.text and "张客户01" not in reply.text
    [reply] = rig.tell("zhangsan", "how many customers received campaign #2")
    print(reply.text)
    assert "1" in reply.text and "campaign #2 “活动2”" in reply.text


def test_an_unknown_campaign_is_asked_back_with_the_real_ones(rig: ChatRig) -> None:
    _campaigns(rig)
    [reply] = rig.tell("zhangsan", "收到过活动#7消息的客户")
    print(reply.text)
    assert "没有活动#7" in reply.text and "#2“活动2”" in reply.text


def test_explain_lists_the_coupons(rig: ChatRig) -> None:
    _campaigns(rig)
    [reply] = rig.tell("zhangsan", "为什么张客户01不在领了券没用的客户里")
    print(reply.text)
    assert reply.text.startswith("张客户01 不在")
    assert "优惠券：#1" in reply.text and "核销" in reply.text
