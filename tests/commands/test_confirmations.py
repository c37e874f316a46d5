"""Tag / push / schedule: a card first, then exactly one execution by an allowed confirmer."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.models.campaigns import CRON, ONCE, Campaign
from bot.models.confirmations import CANCELLED, EXECUTED, EXPIRED, PENDING, PendingAction
from segmentation.models import CustomerTag, Tag
from tests.commands.chatworld import LI, NO_ORDER_ZHANG, TAG_TEXT, ZHANG
from tests.commands.conftest import ChatRig


def actions(rig: ChatRig) -> list[PendingAction]:
    with rig.factory() as session:
        return list(session.scalars(select(PendingAction).order_by(PendingAction.id)))


def tagged(rig: ChatRig, name: str = "待跟进") -> set[tuple[str, str]]:
    with rig.factory() as session:
        stmt = (
            select(CustomerTag.external_userid, CustomerTag.userid)
            .join(Tag, Tag.tag_id == CustomerTag.tag_id)
            .where(Tag.name == name)
        )
        return {(e, u) for e, u in session.execute(stmt)}


def wecom_tagged(rig: ChatRig, name: str = "待跟进") -> set[tuple[str, str]]:
    company = rig.gateway.company
    ids = {t.id for g in company.tag_groups.values() for t in g.tags if t.name == name}
    return {(e, u) for (u, e), f in company.follows.items() if ids & set(f.tag_ids)}


def test_a_tag_request_sends_a_card_and_changes_nothing(rig: ChatRig) -> None:
    [reply] = rig.tell("zhangsan", TAG_TEXT)
    [card] = rig.cards()
    assert card["card_type"] == "button_interaction"
    assert [b["key"] for b in card["button_list"]] == ["confirm", "cancel"]
    rows = {r["keyname"]: r["value"] for r in card["horizontal_content_list"]}
    assert rows["目标人数"] == f"{len(NO_ORDER_ZHANG)} 人"
    assert "张客户01" in rows["例如"] and "13800" not in str(card)
    # lisi's customer matches too, but how many lie outside the scope is never told
    assert rows["已排除"] == "已删除客户及您权限范围外的客户"
    assert rows["内容"] == "待跟进（新标签：确认后在企业微信中创建）"  # no such tag yet
    assert "近30天" in card["sub_title_text"]
    [action] = actions(rig)
    assert (action.status, action.task_id, action.intent) == (PENDING, card["task_id"], "tag")
    assert action.response_code is not None  # kept from message/send for a typed 确认
    assert tagged(rig) == set() and wecom_tagged(rig) == set()
    assert rig.api_calls("externalcontact/mark_tag") == 0
    assert "确认" in reply.text


def test_a_click_tags_in_wecom_and_the_database_once(rig: ChatRig) -> None:
    rig.tell("zhangsan", TAG_TEXT)
    [card] = rig.cards()
    [reply, update] = rig.click("zhangsan", card["task_id"])
    expected = {(eid, "zhangsan") for eid in NO_ORDER_ZHANG}
    assert wecom_tagged(rig) == expected
    assert tagged(rig) == expected
    # The click answers at once; the worker sends the writes and reports when they are done.
    assert f"正在为 {len(NO_ORDER_ZHANG)} 位客户打上标签“待跟进”" in reply.text
    assert rig.texts_to("zhangsan")[-1] == f"已为 {len(NO_ORDER_ZHANG)} 位客户打上标签“待跟进”。"
    [recorded] = rig.gateway.state.card_updates
    assert recorded["template_card"]["replace_text"] == "已确认"
    assert update.update_code == recorded["response_code"]
    calls = rig.api_calls("externalcontact/mark_tag")
    again = rig.click("zhangsan", card["task_id"])
    assert [r.text for r in again] == ["已执行，不会重复执行。"]
    assert rig.api_calls("externalcontact/mark_tag") == calls
    [action] = actions(rig)
    assert action.status == EXECUTED and action.result["ok"] == len(NO_ORDER_ZHANG)


def test_typed_confirm_runs_the_latest_pending_action_and_updates_its_card(rig: ChatRig) -> None:
    rig.tell("zhangsan", TAG_TEXT)
    [reply, _update] = rig.tell("zhangsan", "确认")
    assert "正在为" in reply.text and "已为" in rig.texts_to("zhangsan")[-1]
    assert wecom_tagged(rig) == {(eid, "zhangsan") for eid in NO_ORDER_ZHANG}
    assert len(rig.gateway.state.card_updates) == 1
    assert rig.tell("zhangsan", "确认")[0].text == "已执行，不会重复执行。"  # told, not run twice


def test_cancel_runs_nothing(rig: ChatRig) -> None:
    rig.tell("zhangsan", TAG_TEXT)
    [card] = rig.cards()
    [reply, _] = rig.click("zhangsan", card["task_id"], "cancel")
    assert reply.text == "已取消，没有执行。"
    assert rig.click("zhangsan", card["task_id"])[0].text == "这个操作已取消。"
    assert actions(rig)[0].status == CANCELLED
    assert wecom_tagged(rig) == set() and tagged(rig) == set()


def test_a_sales_member_cannot_confirm_an_action_over_customers_outside_their_scope(
    rig: ChatRig,
) -> None:
    rig.tell("boss", TAG_TEXT)  # the admin's segment holds zhangsan's and lisi's customers
    [card] = rig.cards()
    [refusal, _] = rig.click("lisi", card["task_id"])
    assert "不在您的权限范围内" in refusal.text
    assert actions(rig)[0].status == PENDING
    assert wecom_tagged(rig) == set() and tagged(rig) == set()
    rig.click("boss", card["task_id"])
    # The admin follows nobody: each customer is tagged through its own follower.
    expected = {(e, "zhangsan") for e in NO_ORDER_ZHANG} | {(e, "lisi") for e in LI}
    assert wecom_tagged(rig) == expected == tagged(rig)


def test_an_expired_card_says_so_and_runs_nothing(rig: ChatRig) -> None:
    rig.tell("zhangsan", TAG_TEXT)
    [card] = rig.cards()
    late = rig.later(timedelta(minutes=31))
    [reply, update] = late.click("zhangsan", card["task_id"])
    assert "已过期" in reply.text and update.card["replace_text"] == "已过期"
    assert actions(rig)[0].status == EXPIRED
    assert late.tell("zhangsan", "确认")[0].text == "这个操作已过期，请重新发起。"
    assert wecom_tagged(rig) == set()


def test_untag_removes_the_tag_through_the_follower_that_has_it(rig: ChatRig) -> None:
    rig.tell("zhangsan", TAG_TEXT)
    rig.tell("zhangsan", "确认")
    rig.tell("zhangsan", "去掉近30天咨询未下单的客户的待跟进标签")
    [reply, _] = rig.tell("zhangsan", "确认")
    assert "去掉标签" in reply.text and "已为" in rig.texts_to("zhangsan")[-1]
    assert wecom_tagged(rig) == set() and tagged(rig) == set()


def test_a_push_becomes_a_campaign_only_after_confirmation(rig: ChatRig) -> None:
    rig.tell("zhangsan", "给近30天咨询未下单的客户发一张满100减20的券")
    card = rig.cards()[-1]
    rows = {r["keyname"]: r["value"] for r in card["horizontal_content_list"]}
    sent = int(str(rows["目标人数"]).split("发送 ")[1])
    holdout = int(str(rows["对照组"]).split()[0])
    assert sent + holdout == len(NO_ORDER_ZHANG)
    assert rows["最高成本"] == f"¥{20 * sent}（{sent}人×¥20）"
    with rig.factory() as session:
        assert session.scalars(select(Campaign)).all() == []
    [reply, _] = rig.click("zhangsan", card["task_id"])
    with rig.factory() as session:
        [campaign] = session.scalars(select(Campaign)).all()
        assert campaign.schedule_kind == ONCE and campaign.run_at == rig.now
        assert campaign.coupon["kind"] == "threshold" and campaign.creator_userid == "zhangsan"
    assert f"#{campaign.id}" in reply.text
    assert rig.gateway.calls and rig.api_calls("externalcontact/add_msg_template") == 0


def test_a_schedule_needs_a_manager_or_an_admin(rig: ChatRig) -> None:
    text = "每周一上午10点给近30天咨询未下单的客户发消息“新品到店”"
    rig.tell("zhangsan", text)
    [refusal, _] = rig.click("zhangsan", rig.cards()[-1]["task_id"])
    assert "经理或管理员" in refusal.text
    rig.tell("boss", text)
    rig.click("boss", rig.cards()[-1]["task_id"])
    with rig.factory() as session:
        [campaign] = session.scalars(select(Campaign)).all()
        assert (campaign.schedule_kind, campaign.cron) == (CRON, "0 10 * * 1")
        assert campaign.content == "新品到店"


def test_nothing_matching_needs_no_card(rig: ChatRig) -> None:
    [reply] = rig.tell("lisi", "给张三的客户打上待跟进标签")
    assert rig.cards() == [] and actions(rig) == []
    assert "0" in reply.text


def test_every_customer_named_in_replies_is_visible_to_the_asker(rig: ChatRig) -> None:
    rig.tell("lisi", TAG_TEXT)
    [card] = rig.cards()
    assert all(name not in str(card) for name in ZHANG.values())


def test_an_action_on_this_segment_uses_the_previous_answer(rig: ChatRig) -> None:
    rig.tell("zhangsan", "近30天咨询未下单的客户")
    rig.tell("zhangsan", "给这个分群打上待跟进标签")
    [card] = rig.cards()
    rows = {r["keyname"]: r["value"] for r in card["horizontal_content_list"]}
    assert rows["目标人数"] == f"{len(NO_ORDER_ZHANG)} 人"
    assert card["sub_title_text"].startswith("近30天")


def test_a_tag_typed_in_another_script_is_the_same_tag(rig: ChatRig) -> None:
    """A new tag keeps the asker's spelling; the same name in Traditional script (or another
    case) later is that tag, not a near-twin."""
    rig.tell("zhangsan", "给近30天咨询未下单的客户打上FollowUp标签")
    rig.tell("zhangsan", "确认")
    assert tagged(rig, "FollowUp") == {(eid, "zhangsan") for eid in NO_ORDER_ZHANG}
    rig.tell("zhangsan", TAG_TEXT)
    rig.tell("zhangsan", "确认")
    before = rig.api_calls("externalcontact/add_corp_tag")
    rig.tell("zhangsan", "給近30天諮詢未下單的客戶打上待跟進標籤")
    rig.tell("zhangsan", "确认")
    assert rig.api_calls("externalcontact/add_corp_tag") == before  # no new tag
    with rig.factory() as session:
        names = set(session.scalars(select(Tag.name).where(Tag.deleted.is_(False))))
    assert {"FollowUp", "待跟进"} <= names and "待跟進" not in names


def test_a_card_changed_before_confirmation_is_void_and_greyed_out(rig: ChatRig) -> None:
    """ "只给近7天咨询过的打" after a tag card: a new card; the old action is cancelled and
    its card's buttons greyed out (已作废), so neither a click on it nor 确认 can run it."""
    rig.tell("zhangsan", TAG_TEXT)
    [old] = rig.cards()
    replies = rig.tell("zhangsan", "哦不对，只给近7天咨询过的打")
    assert "上一张卡片已作废" in replies[0].text
    [greyed] = rig.gateway.state.card_updates
    assert greyed["template_card"]["replace_text"] == "已作废"
    first, second = actions(rig)
    assert (first.status, second.status) == (CANCELLED, PENDING)
    assert rig.click("zhangsan", old["task_id"])[0].text == "这个操作已取消。"
    assert wecom_tagged(rig) == set()
