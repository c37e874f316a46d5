"""Breakdowns, customer cards, membership changes, the digest on demand and "my segments",
through the chat router (the path a WeCom callback takes), in zh-Hans, zh-Hant and English."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import delete, select

from bot.commands import Reply
from bot.models.inbox import AuditEntry
from bot.services.answer import CardAnswer, answer_json
from integrations.wecom.simulator.company import SimMember
from segmentation.models import Customer
from tests.commands.cardsworld import enrich
from tests.commands.chatworld import NO_ORDER_ZHANG, TAG_TEXT
from tests.commands.conftest import ChatRig


@pytest.fixture
def crig(rig: ChatRig) -> ChatRig:
    enrich(rig.factory)
    rig.gateway.state.company.members["wangjl"] = SimMember("wangjl", "王经理", [2], [])
    return rig


def text_of(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies if r.text)


def images(replies: list[Reply]) -> list[bytes]:
    return [r.attachment.content for r in replies if r.attachment and r.attachment.kind == "image"]


def files(replies: list[Reply]) -> list[bytes]:
    return [r.attachment.content for r in replies if r.attachment and r.attachment.kind == "file"]


# ---------------------------------------------------------------- breakdowns


def test_a_breakdown_by_city_counts_my_customers_with_a_chart(crig: ChatRig) -> None:
    replies = crig.tell("zhangsan", "按城市看看我的客户分布")
    text = text_of(replies)
    assert "共 7 人" in text
    assert "1. 上海：4 人（57%）" in text and "2. 杭州：2 人（29%）" in text
    assert "3. 北京：1 人（14%）" in text and "可属于多个" not in text
    [png] = images(replies)
    assert png.startswith(b"\x89PNG")


def test_a_breakdown_in_traditional_and_english(crig: ChatRig) -> None:
    hant = text_of(crig.tell("zhangsan", "我的客戶按城市分"))
    assert "上海：4 人" in hant and "共 7 人" in hant and "客戶" in hant
    english = text_of(crig.tell("zhangsan", "how many of my customers per city"))
    assert "by city: 7 in total" in english and "1. Shanghai (上海): 4 (57%)" in english


def test_a_city_is_one_group_however_its_customers_spell_it(crig: ChatRig) -> None:
    with crig.factory() as session:
        shanghai = session.execute(
            select(Customer).where(Customer.city == "上海").order_by(Customer.external_userid)
        ).scalars()
        for customer, spelling in zip(shanghai, ("Shanghai", "上海市", " shanghai"), strict=False):
            customer.city = spelling
        session.commit()
    text = text_of(crig.tell("zhangsan", "按城市看看我的客户分布"))
    assert "1. 上海：4 人（57%）" in text and "上海市" not in text and "shanghai" not in text
    [content] = files(crig.tell("zhangsan", "导出这个"))
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    assert sorted(rows[1:]) == [("上海", 4, 0.5714), ("北京", 1, 0.1429), ("杭州", 2, 0.2857)]
    hant = text_of(crig.tell("zhangsan", "我的客戶按城市分"))
    assert "1. 上海：4 人" in hant and "2. 杭州：2 人" in hant
    english = text_of(crig.tell("zhangsan", "break down my customers by city"))
    assert "1. Shanghai (上海): 4 (57%)" in english and "2. Hangzhou (杭州): 2 (29%)" in english


def test_a_breakdown_by_owner_is_in_the_askers_scope(crig: ChatRig) -> None:
    boss = text_of(crig.tell("boss", "每个销售各有多少客户"))
    # lisi's only follow ended: his customer has no owner now (the admin still sees it)
    assert "共 8 人" in boss and "1. 张三：7 人" in boss and "2. 无跟进人：1 人" in boss
    assert "李四" not in boss
    mine = text_of(crig.tell("lisi", "每个销售各有多少客户"))
    assert "共 0 人" in mine and "张三" not in mine


def test_gender_breakdown_answers_more_men_or_women(crig: ChatRig) -> None:
    text = text_of(crig.tell("zhangsan", "我的客户里男的多还是女的多"))
    assert "未知：4 人" in text and "女：2 人" in text and "男：1 人" in text
    english = text_of(crig.tell("zhangsan", "are there more men or women among my customers"))
    assert "female: 2" in english and "male: 1" in english


def test_a_breakdown_by_a_tag_group_and_its_export(crig: ChatRig) -> None:
    text = text_of(crig.tell("zhangsan", "按客户等级标签分"))
    assert "VIP：1 人" in text and "普通：1 人" in text and "未打标签：5 人" in text
    [content] = files(crig.tell("zhangsan", "导出这个"))
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    assert rows[0] == ("标签", "人数", "占比")
    assert sorted(rows[1:]) == [("VIP", 1, 0.1429), ("普通", 1, 0.1429), ("未打标签", 5, 0.7143)]


def test_an_unknown_tag_group_is_asked_back_with_the_real_ones(crig: ChatRig) -> None:
    text = text_of(crig.tell("zhangsan", "按会员等级标签分"))
    assert "没有叫“会员等级”的标签组" in text and "客户等级" in text


def test_a_breakdown_of_a_condition_agrees_with_its_list(crig: ChatRig) -> None:
    listed = text_of(crig.tell("zhangsan", "近30天咨询未下单的客户"))
    grouped = text_of(crig.tell("zhangsan", "近30天咨询未下单的客户按跟进人分"))
    total = listed.split("：共 ")[1].split(" 人")[0]
    assert total == "5" and f"共 {total} 人" in grouped and f"张三：{total} 人" in grouped


def test_at_risk_customers_by_rfm_class_and_by_month(crig: ChatRig) -> None:
    text = text_of(crig.tell("zhangsan", "break down my customers by RFM class"))
    assert "no orders: 4" in text
    months = text_of(crig.tell("zhangsan", "按首次添加月份看我的客户"))
    assert "2026-09：7 人" in months


# ---------------------------------------------------------------- customer cards


def test_a_customer_card_by_name(crig: ChatRig) -> None:
    text = text_of(crig.tell("zhangsan", "客户张客户05的情况"))
    assert "客户：张客户05" in text
    assert "跟进人：张三（添加于 2026-09-02" in text
    assert "累计 ¥88.00（1 单）" in text and "近30天 ¥88.00" in text
    assert "仍活跃概率 83%" in text and "¥320.50" in text
    assert "优惠券：已发 1 张，已核销 1 张" in text
    assert "城市：上海 · 公司：无 · 性别：未知" in text
    assert "手机：138****0004" in text and "13800000004" not in text


def test_a_card_lists_products_tags_and_segments(crig: ChatRig) -> None:
    text = text_of(crig.tell("zhangsan", "张客户03最近买了什么"))
    assert "玻尿酸面霜" in text and "¥50.00" in text
    assert "RFM 分类：" in text
    vip = text_of(crig.tell("zhangsan", "客户张客户01的情况"))
    assert "标签：VIP" in vip and "所在分群：待跟进客户" in vip and "城市：北京" in vip


def test_a_card_by_remark_phone_tail_and_external_userid(crig: ChatRig) -> None:
    assert "客户：张客户02" in text_of(crig.tell("zhangsan", "客户陈姐的情况"))
    assert "客户：张客户03" in text_of(crig.tell("zhangsan", "尾号0002的客户"))
    assert "客户：张客户04" in text_of(crig.tell("zhangsan", "查一下wmA04"))


def test_a_card_in_traditional_and_english(crig: ChatRig) -> None:
    hant = text_of(crig.tell("zhangsan", "客戶張客戶05的資料"))
    # the bot's words in Traditional characters, the customer's name as stored
    assert "客戶：张客户05" in hant and "優惠券" in hant and "跟進人：张三" in hant
    english = text_of(crig.tell("zhangsan", "show me wmA05's profile"))
    assert "Customer: 张客户05" in english and "Coupons: 1 issued, 1 redeemed" in english
    # a count of one takes the singular
    assert "Spend: ¥88.00 in total (1 order)" in english and "1 orders" not in english


def test_several_matches_ask_which_and_a_number_picks(crig: ChatRig) -> None:
    ask = text_of(crig.tell("zhangsan", "查一下王芳"))
    assert "找到 2 位" in ask and "1. 王芳" in ask and "2. 王芳" in ask
    picked = text_of(crig.tell("zhangsan", "第二个"))
    assert "客户：王芳" in picked and "跟进人：张三" in picked
    crig.tell("zhangsan", "look up customer 王芳")
    assert "Customer: 王芳" in text_of(crig.tell("zhangsan", "the first one"))


def test_same_named_customers_are_told_apart_by_owner_city_and_a_short_id(crig: ChatRig) -> None:
    ask = text_of(crig.tell("zhangsan", "查一下王芳"))
    assert (
        "1. 王芳（跟进人：张三 · 杭州 · …mW01）" in ask
        and "2. 王芳（跟进人：张三 · 杭州 · …mW02）" in ask
    )
    assert "wmW01" not in ask  # the whole external_userid reads as noise
    english = text_of(crig.tell("zhangsan", "look up customer 王芳"))
    assert "1. 王芳 (owner: 张三 · 杭州 · …mW01)" in english


def test_a_card_pick_is_read_from_the_conversation_state(crig: ChatRig) -> None:
    crig.tell("zhangsan", "查一下王芳")
    with crig.factory() as session:  # the audit log is a record, not what a pick reads
        session.execute(delete(AuditEntry))
        session.commit()
    assert "请回复 1 到 2 之间的序号" in text_of(crig.tell("zhangsan", "3"))
    # a number out of range keeps the question waiting
    assert "客户：王芳" in text_of(crig.tell("zhangsan", "2"))
    # a pick is only ever about the question just asked: the next "1" is no pick
    assert "客户：王芳" not in text_of(crig.tell("zhangsan", "1"))


def test_a_card_pick_expires_and_a_new_question_forgets_it(crig: ChatRig) -> None:
    crig.tell("zhangsan", "查一下王芳")
    assert "客户：王芳" not in text_of(crig.later(timedelta(hours=25)).tell("zhangsan", "1"))
    crig.tell("zhangsan", "查一下王芳")
    crig.tell("zhangsan", "上海的客户")
    assert "客户：王芳" not in text_of(crig.tell("zhangsan", "1"))


def test_a_card_pick_in_traditional_and_english(crig: ChatRig) -> None:
    crig.tell("zhangsan", "客戶王芳的資料")
    hant = text_of(crig.tell("zhangsan", "第二個"))
    assert "客戶：王芳" in hant and "跟進人：张三" in hant
    crig.tell("zhangsan", "show me 王芳's profile")
    english = text_of(crig.tell("zhangsan", "2"))
    assert "Customer: 王芳" in english and "Owners: 张三" in english


def test_a_pronoun_after_a_card_is_that_customer_in_chat_and_query_after(crig: ChatRig) -> None:
    from bot.commands.router import conversation_answer

    crig.tell("zhangsan", "客户张客户05的情况")
    assert "客户：张客户05" in text_of(crig.tell("zhangsan", "他最近买了什么"))
    with crig.factory() as session:
        card = conversation_answer(session, crig.ctx(), "zhangsan", "what did he buy recently")
    assert isinstance(card, CardAnswer) and card.card is not None
    assert card.card.name == "张客户05"
    # once the customer is out of the asker's scope, the pronoun shows nothing of them
    crig.tell("lisi", "客户张客户05的情况")
    assert "88" not in text_of(crig.tell("lisi", "他最近买了什么"))


def test_a_customer_outside_the_scope_is_never_shown(crig: ChatRig) -> None:
    text = text_of(crig.tell("lisi", "客户张客户05的情况"))
    assert "没有找到客户“张客户05”" in text and "88" not in text
    manager = text_of(crig.tell("wangjl", "客户张客户05的情况"))
    assert "客户：张客户05" in manager


# ---------------------------------------------------------------- membership changes


def test_who_entered_a_named_segment_today(crig: ChatRig) -> None:
    text = text_of(crig.tell("zhangsan", "今天新进入“高意向”的客户"))
    assert "今天" in text and "新进入“高意向客户”的客户：共 1 人" in text
    assert "张客户01" in text


def test_who_left_and_who_entered_at_risk(crig: ChatRig) -> None:
    left = text_of(crig.tell("zhangsan", "近7天离开流失风险的客户"))
    assert "离开“流失风险客户”的客户：共 1 人" in left and "张客户02" in left
    entered = text_of(crig.tell("zhangsan", "new in at-risk this week"))
    assert "1 in total" in entered and "张客户03" in entered
    hant = text_of(crig.tell("zhangsan", "近7天離開流失風險的客戶"))
    assert "离開“流失風險客戶”" not in hant and "張客戶02" not in hant and "张客户02" in hant


def test_lost_customers_come_from_ended_follows(crig: ChatRig) -> None:
    text = text_of(crig.tell("lisi", "近7天流失的客户"))
    assert "流失的客户：共 1 人" in text and "李客户01" in text
    assert "共 0 人" in text_of(crig.tell("zhangsan", "近7天流失的客户"))
    english = text_of(crig.tell("boss", "customers lost this week"))
    assert "1 in total" in english
    exported = files(crig.tell("lisi", "导出这些"))
    assert len(exported) == 1


# ---------------------------------------------------------------- digest on demand


def test_the_digest_on_demand_for_a_manager_and_a_salesperson(crig: ChatRig) -> None:
    replies = crig.tell("wangjl", "今天的日报")
    assert replies[0].markdown and "流失风险" in replies[0].text
    assert images(replies)
    sales = text_of(crig.tell("zhangsan", "发我一下日报"))
    assert "以下是您自己客户范围内的日报" in sales
    english = crig.tell("boss", "show me today's digest")
    assert "at-risk" in english[0].text.lower()
    hant = text_of(crig.tell("wangjl", "今日日報"))
    assert "風險" in hant


# ---------------------------------------------------------------- my segments


def test_my_segments_lists_mine_first_with_sizes_and_changes(crig: ChatRig) -> None:
    text = text_of(crig.tell("zhangsan", "我的分群"))
    mine, shared = text.index("我的分群："), text.index("其他同事共享的分群：")
    assert mine < text.index("待跟进客户") < shared < text.index("ordered ever")
    assert "待跟进客户（张三）：5 人，较7天前 +5" in text
    # lisi's English description is restated in Chinese for a Chinese asker
    assert "customers who ordered" not in text and "下过单的客户" in text
    english = text_of(crig.tell("lisi", "my segments"))
    assert "customers who ordered" in english and "近30天有咨询且未下单" not in english


def test_my_segments_in_traditional(crig: ChatRig) -> None:
    text = text_of(crig.tell("zhangsan", "顯示我的分群"))
    assert "我的分群：" in text and "待跟进客户（张三）：5 人，較7天前 +5；近30天有諮詢" in text


def test_follow_ups_for_segbot_query_after(crig: ChatRig) -> None:
    from bot.commands.router import conversation_answer

    crig.tell("zhangsan", "查一下王芳")
    with crig.factory() as session:
        picked = answer_json(conversation_answer(session, crig.ctx(), "zhangsan", "第一个"))
    assert picked["intent"] == "customer" and picked["card"]["external_userid"] == "wmW01"
    crig.tell("zhangsan", "按城市看看我的客户分布")
    with crig.factory() as session:
        table = answer_json(conversation_answer(session, crig.ctx(), "zhangsan", "导出这个"))
    assert table["intent"] == "export" and table["of"] == "breakdown"
    assert {g["label"]: g["count"] for g in table["groups"]} == {"上海": 4, "杭州": 2, "北京": 1}


def test_a_change_list_is_not_refined_as_the_segment_before_it(crig: ChatRig) -> None:
    crig.tell("zhangsan", "我的客户")
    crig.tell("zhangsan", "近7天离开流失风险的客户")
    text = text_of(crig.tell("zhangsan", "其中上海的有几个"))
    # the change list is no segment, and "我的客户" is not what "其中" points at any more
    assert "共 4 人" not in text and "由张三跟进" not in text


def test_a_change_in_tag_membership_says_tags_have_no_history(crig: ChatRig) -> None:
    text = text_of(crig.tell("zhangsan", "近7天新进入VIP的客户"))
    assert "共 0 人" in text and "标签、跟进人、城市、性别和预测分数没有历史记录" in text
    plain = text_of(crig.tell("zhangsan", "今天新进入“高意向”的客户"))
    assert "没有历史记录" not in plain


# ---------------------------------------------------------------- tag history


def test_tags_put_on_through_segbot_are_who_got_the_tag_today(rig: ChatRig) -> None:
    """Tagging confirmed in chat writes the tag history; "今天新打上…" answers from it, in
    the asker's scope, and says from when tag changes are recorded."""
    rig.tell("zhangsan", TAG_TEXT)
    rig.click("zhangsan", rig.cards()[-1]["task_id"])
    later = rig.later(timedelta(hours=1))
    text = text_of(later.tell("zhangsan", "今天新打上待跟进的客户"))
    assert f"新打上“待跟进”标签的客户：共 {len(NO_ORDER_ZHANG)} 人" in text
    assert "起才有记录" in text  # recording began with this tagging, after today's start
    english = text_of(later.tell("zhangsan", "who got the 待跟进 tag today"))
    assert "customers who got the tag “待跟进” today" in english
    assert f": {len(NO_ORDER_ZHANG)} in total" in english
    assert "共 0 人" in text_of(later.tell("lisi", "今天新打上待跟进的客户"))


def test_a_stranger_is_refused_in_the_script_they_wrote(rig: ChatRig) -> None:
    from bot.commands.router import handle_text

    with rig.factory() as session:  # (WeCom would not deliver to a stranger: not sent)
        [hant] = handle_text(session, rig.ctx(), "stranger", "我的客戶有多少")
        [hans] = handle_text(session, rig.ctx(), "stranger", "我的客户有多少")
    assert "本企業的成員" in hant.text and "企业" not in hant.text
    assert "本企业的成员" in hans.text
