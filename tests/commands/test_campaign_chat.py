"""Campaigns and coupons in chat: results, the list, pause/resume, and redemption ("核销")."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from bot.models.campaigns import PAUSED, Campaign, Coupon
from bot.services.campaigns.planning import PlanContext
from bot.services.campaigns.runner import run_campaign_now
from segmentation.engine import default_context
from segmentation.models import Event
from tests.commands.chatworld import ADMINS, SETTINGS
from tests.commands.conftest import ChatRig


def _campaign_with_coupons(rig: ChatRig) -> Campaign:
    """zhangsan pushes a coupon to his customers (confirmed), and the run is planned."""
    rig.tell("zhangsan", "给近30天咨询未下单的客户发一张满100减20的券")
    rig.click("zhangsan", rig.cards()[-1]["task_id"])
    with rig.factory() as session:
        [campaign] = session.scalars(select(Campaign)).all()
    pctx = PlanContext(SETTINGS.campaigns, default_context(SETTINGS.timezone), ADMINS)
    run_campaign_now(rig.factory, None, campaign.id, rig.now, pctx)
    return campaign


def _order(rig: ChatRig, eid: str, event_id: str, at: datetime, amount: str) -> None:
    with rig.factory() as session:
        session.add(Event(event_id=event_id, external_userid=eid, kind="order", occurred_at=at,
                          amount=Decimal(amount), source="api"))  # fmt: skip
        session.commit()


def _a_coupon(rig: ChatRig, campaign: Campaign) -> Coupon:
    with rig.factory() as session:
        return session.scalars(select(Coupon).where(Coupon.campaign_id == campaign.id)).first()


def test_results_in_chat_for_the_creator_not_for_others(rig: ChatRig) -> None:
    campaign = _campaign_with_coupons(rig)
    [reply] = rig.tell("zhangsan", f"活动“{campaign.name}”效果怎么样？")
    assert reply.text.startswith(f"活动 #{campaign.id}“{campaign.name}”")
    assert "目标" in reply.text and "对照组" in reply.text
    [by_number] = rig.tell("zhangsan", f"how is campaign #{campaign.id} doing?")
    assert by_number.text.startswith(f"Campaign #{campaign.id}")
    [other] = rig.tell("lisi", f"活动“{campaign.name}”效果怎么样")
    assert "没有找到" in other.text  # lisi answers for none of zhangsan's campaigns
    [boss] = rig.tell("boss", f"活动{campaign.id}的效果")
    assert boss.text.startswith(f"活动 #{campaign.id}")


def test_the_list_and_pausing_need_the_right_role(rig: ChatRig) -> None:
    campaign = _campaign_with_coupons(rig)
    [listed] = rig.tell("zhangsan", "我的活动")
    assert f"#{campaign.id}“{campaign.name}”" in listed.text
    # its creator may stop it (never lost: paused, not deleted); sending again is approved
    [own] = rig.tell("zhangsan", f"暂停活动{campaign.id}")
    assert "已暂停" in own.text
    [refused] = rig.tell("zhangsan", f"恢复活动{campaign.id}")
    assert "经理或管理员" in refused.text
    with rig.factory() as session:
        assert session.get(Campaign, campaign.id).status == PAUSED
    [resumed] = rig.tell("boss", f"resume campaign #{campaign.id}")
    assert "is now active" in resumed.text
    [paused] = rig.tell("boss", f"暂停活动“{campaign.name}”")
    assert "已暂停" in paused.text
    with rig.factory() as session:
        assert session.get(Campaign, campaign.id).status == PAUSED


def test_a_coupon_is_redeemed_once_and_only_by_someone_who_sees_its_customer(
    rig: ChatRig,
) -> None:
    campaign = _campaign_with_coupons(rig)
    coupon = _a_coupon(rig, campaign)
    assert coupon is not None
    [stranger] = rig.tell("lisi", f"核销 {coupon.code}")
    assert stranger.text == "没有这张券。"  # not lisi's customer: as if it did not exist
    [no_order] = rig.tell("zhangsan", f"核销 {coupon.code}")
    assert "需要对应的订单" in no_order.text
    [missing] = rig.tell("zhangsan", f"核销 {coupon.code} 订单 E-1001")
    assert "没有找到订单 E-1001" in missing.text
    at = rig.now + timedelta(hours=1)
    _order(rig, coupon.external_userid, "E-1000", at, "80")
    [small] = rig.tell("zhangsan", f"核销 {coupon.code} 订单 E-1000")
    assert "80 元未达到满100减20的门槛 100 元" in small.text
    [small_en] = rig.tell("zhangsan", f"redeem {coupon.code} order E-1000")
    assert "below the 100 threshold" in small_en.text
    _order(rig, coupon.external_userid, "E-1001", at, "120")
    [done] = rig.tell("zhangsan", f"核销 {coupon.code.lower()} 订单 E-1001")
    assert done.text.startswith("已核销券") and "E-1001" in done.text
    [again] = rig.tell("zhangsan", f"核销{coupon.code}")
    assert "已经核销过" in again.text
    [typo] = rig.tell("zhangsan", "核销 ABCD-EFGH-JKX")
    assert "不是有效的券码" in typo.text
    with rig.factory() as session:
        redeemed = session.get(Coupon, coupon.id)
        assert redeemed.redeemed_at is not None and redeemed.order_event_id == "E-1001"


def test_segment_commands_are_not_taken_for_campaign_commands(rig: ChatRig) -> None:
    [reply] = rig.tell("zhangsan", "近30天咨询未下单的客户有多少")
    assert "共" in reply.text or "人" in reply.text


def test_without_a_name_the_only_campaign_is_meant(rig: ChatRig) -> None:
    [none_yet] = rig.tell("zhangsan", "活动效果怎么样")
    assert "没有找到" in none_yet.text
    campaign = _campaign_with_coupons(rig)
    [reply] = rig.tell("zhangsan", "活动效果怎么样")
    assert reply.text.startswith(f"活动 #{campaign.id}")


def test_results_count_only_customers_the_asker_still_sees(rig: ChatRig) -> None:
    """A customer moved away from zhangsan after the campaign leaves his numbers, not the
    admin's."""
    import re

    from segmentation.models import Follow

    campaign = _campaign_with_coupons(rig)
    coupon = _a_coupon(rig, campaign)

    def targeted(userid: str) -> int:
        [reply] = rig.tell(userid, f"活动{campaign.id}效果怎么样")
        found = re.search(r"目标 (\d+) 人", reply.text)
        assert found is not None, reply.text
        return int(found[1])

    before = targeted("zhangsan")
    assert targeted("boss") == before
    with rig.factory() as session:
        for follow in session.scalars(
            select(Follow).where(Follow.external_userid == coupon.external_userid)
        ):
            follow.deleted = True
        session.commit()
    assert targeted("zhangsan") == before - 1
    assert targeted("boss") == before


def test_a_scheduled_send_is_listed_and_stopped_by_what_it_is(rig: ChatRig) -> None:
    """我有哪些定时群发 lists the repeating campaigns; 停掉每周一的定时群发 pauses the one made,
    even after another campaign was discussed (a one-off is never taken for it); stopped,
    nothing repeating is left to stop."""
    once = _campaign_with_coupons(rig)
    [none] = rig.tell("boss", "我有哪些定时群发")
    assert "没有定时群发" in none.text
    rig.tell("boss", "近30天咨询过的客户")
    rig.tell("boss", "每周一上午10点给他们发消息“本周新品到店”")
    made = rig.click("boss", rig.cards()[-1]["task_id"])
    assert any("已创建定时群发" in reply.text for reply in made)
    with rig.factory() as session:
        weekly = session.scalars(select(Campaign).where(Campaign.id != once.id)).one()
    rig.tell("boss", f"活动{once.id}的效果")  # another campaign discussed in between
    [stopped] = rig.tell("boss", "停掉每周一的定时群发")
    assert f"#{weekly.id}" in stopped.text and "已暂停" in stopped.text
    with rig.factory() as session:
        assert session.get(Campaign, weekly.id).status == PAUSED
        assert session.get(Campaign, once.id).status != PAUSED
    [listed] = rig.tell("boss", "list my scheduled sends")
    assert f"#{weekly.id}" in listed.text and f"#{once.id}" not in listed.text
    [nothing] = rig.tell("boss", "停止定時推送")
    assert "沒有進行中的定時群發" in nothing.text or "没有进行中的定时群发" in nothing.text
