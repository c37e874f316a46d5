"""Conversation gaps of issue #18: one customer tagged by name (a card limited to them, a
numbered pick when several match, re-checked at confirmation), and a card's update after a
click in the clicker's script."""

from __future__ import annotations

from sqlalchemy import select

from bot.models.confirmations import EXECUTED, PendingAction
from segmentation.models import CustomerTag, Tag
from tests.commands.conftest import ChatRig


def tagged(rig: ChatRig, name: str) -> set[str]:
    with rig.factory() as session:
        stmt = (
            select(CustomerTag.external_userid)
            .join(Tag, Tag.tag_id == CustomerTag.tag_id)
            .where(Tag.name == name)
        )
        return set(session.scalars(stmt))


def test_a_named_customer_is_tagged_alone_after_the_card(rig: ChatRig) -> None:
    [reply] = rig.tell("zhangsan", "给张客户03打上“重点跟进”标签")
    [card] = rig.cards()
    rows = {r["keyname"]: r["value"] for r in card["horizontal_content_list"]}
    assert rows["目标人数"] == "1 人" and "张客户03" in rows["例如"]
    assert "张客户03" in reply.text and tagged(rig, "重点跟进") == set()
    rig.click("zhangsan", card["task_id"])
    assert tagged(rig, "重点跟进") == {"wmA03"}
    with rig.factory() as session:
        [action] = session.scalars(select(PendingAction))
        assert action.status == EXECUTED and action.details["customers"] == ["wmA03"]


def test_several_matches_are_asked_back_and_the_pick_tags_that_one(rig: ChatRig) -> None:
    [asked] = rig.tell("zhangsan", "把王芳标记为VIP")  # two customers are called 王芳
    assert "2 位客户" in asked.text and "1. 王芳（wmW01）" in asked.text
    assert rig.cards() == []
    rig.tell("zhangsan", "第二个")
    [card] = rig.cards()
    rows = {r["keyname"]: r["value"] for r in card["horizontal_content_list"]}
    assert rows["目标人数"] == "1 人" and "王芳" in rows["例如"]
    rig.click("zhangsan", card["task_id"])
    assert tagged(rig, "VIP") == {"wmW02"}


def test_a_customer_outside_the_scope_is_not_found_by_name(rig: ChatRig) -> None:
    rig.tell("zhangsan", "tag 李客户01 as VIP")
    assert rig.cards() == []


def test_a_scope_lost_before_the_click_tags_nobody(rig: ChatRig) -> None:
    """The named customer is re-checked when the card is confirmed, like a segment."""
    from segmentation.models import Follow

    rig.tell("zhangsan", "给张客户05打上VIP标签")
    [card] = rig.cards()
    with rig.factory() as session:
        for follow in session.scalars(select(Follow).where(Follow.external_userid == "wmA05")):
            follow.deleted = True
        session.commit()
    rig.click("zhangsan", card["task_id"])
    assert tagged(rig, "VIP") == set()


def test_a_click_updates_the_card_in_traditional_characters(rig: ChatRig) -> None:
    rig.tell("zhangsan", "給張客戶03打上“重點跟進”標籤")
    [card] = rig.cards()
    assert "確認" in str(card)
    [reply, update] = rig.click("zhangsan", card["task_id"])
    assert update.card is not None
    assert update.card["replace_text"] == "已確認" and "确认" not in str(update.card)
    assert "为" not in reply.text and "為" in reply.text
    # the report once the tag is written, in Traditional characters too, the tag as named
    report = rig.texts_to("zhangsan")[-1]
    assert report == "已為 1 位客戶打上標籤“重點跟進”。", report
