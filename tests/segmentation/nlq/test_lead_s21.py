"""Session 21 (lead): categories found while scoring, each in the forms it has.

A request verb said before 我的 (给我的客人里…, 幫我嘅客, 帮我的VIP客户导出) leaves 我的 as the
owner: read as the wrapper 给我 ("give me") followed by 的, the owner was dropped without a word
and a leader got the whole department.

"I follow myself", "I personally handle": the adverb says "mine" again, read with the verb."""

from __future__ import annotations

import pytest

from segmentation.nodes import HasTag, InDepartment, Not, Owner, Performed, walk
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

READ = Reader(small_vocabulary())


@pytest.mark.parametrize(
    "text",
    [
        "給我的客人裡 近7天有來店的",
        "给我的客户里上海的有几个",
        "帮我的VIP客户导出",
        "幫我的客人裡面女生有幾位",
        "俾我嘅客入面上海嘅有幾多",
        "替我的客户里VIP的列一下",
        "给我的客户发条消息：周末有活动",
    ],
)
def test_a_request_verb_before_wo_de_keeps_the_owner(text: str) -> None:
    segment = READ.segment(text)
    owners = [n for n in walk(segment) if isinstance(n, Owner)]
    assert [o.userids for o in owners] == [("zhangsan",)], segment


@pytest.mark.parametrize("text", ["把VIP客户发给我", "帮我列一下上海的客户", "给我看看VIP客户"])
def test_the_wrapper_alone_still_carries_no_owner(text: str) -> None:
    segment = READ.segment(text)
    assert not [n for n in walk(segment) if isinstance(n, Owner)], segment


@pytest.mark.parametrize(
    "text",
    [
        "customers I follow myself",
        "customers I handle personally",
        "clients I manage myself",
        "customers I personally look after",
        "my personal customers",
        "VIPs I follow up with myself",
        "the accounts I look after on my own",
    ],
)
def test_english_mine_said_with_a_self_adverb(text: str) -> None:
    owners = [n for n in walk(READ.segment(text)) if isinstance(n, Owner)]
    assert [o.userids for o in owners] == [("zhangsan",)]


# "not even once" said before or after the verb is the NOT of the verb; as a filler it had
# dropped the negation and answered "who ordered".
@pytest.mark.parametrize(
    "text",
    [
        "who ordered not even once this year",
        "who not even once ordered this year",
        "customers who inquired not a single time this year",
        "VIPs who visited not once this year",
        "customers who have not ordered even one time this year",
    ],
)
def test_english_total_negation_before_or_after_the_verb(text: str) -> None:
    negated = [n for n in walk(READ.segment(text)) if isinstance(n, Not)]
    assert len(negated) == 1 and isinstance(negated[0].child, Performed), text


# "give me/us …" asks the bot for something: never a send (it had become a push of a ¥2 coupon,
# the 2 of 活动#2 — a campaign's number is no amount either).
def test_give_me_a_count_is_a_count_not_a_push() -> None:
    for text in (
        "give me a count of male customers who got a coupon and haven't redeemed it",
        "give us the list of VIPs who got a coupon",
    ):
        assert READ.command(text).intent in ("count", "list"), text
    assert READ.command("give VIPs a 20 off 100 coupon").intent == "push"


def test_a_campaign_number_is_no_coupon_amount() -> None:
    from segmentation.nlq.ask import Ask
    from segmentation.nlq.coupons import read_coupon

    with pytest.raises(Ask):
        read_coupon("the campaign #2 coupon another one")
    with pytest.raises(Ask):
        read_coupon("活动#1的券")


# 总共/一共 before an event a comparison bounds is "in total", not "how many".
@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("哪些VIP总共退款超过300", "list"),
        ("睇下邊啲VIP總共退咗超過300蚊", "list"),
        ("一共下单超过3次的客户", "list"),
        ("VIP总共有几个", "count"),
        ("总共下单超过3次的有几个", "count"),
    ],
)
def test_in_total_of_an_amount_is_no_count(text: str, intent: str) -> None:
    assert READ.command(text).intent == intent


# The tag word said before the tag's name, with or without a mark between them.
@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("给他们打个标签 待跟进", "待跟进"),
        ("给他们打个标签：待跟进", "待跟进"),
        ("给他们打一个标签叫待跟进", "待跟进"),
        ("给这些人贴个标签“待回访”", "待回访"),
        ("帮上海客户打上标签：高意向", "高意向"),
        ("給佢哋加個標籤 金卡", "金卡"),
        ("给这些人加个标签为VIP", "VIP"),
    ],
)
def test_the_tag_word_before_the_tag_name(text: str, tag: str) -> None:
    command = READ.command(text)
    assert (command.intent, command.details["tag"]) == ("tag", tag)


@pytest.mark.parametrize("text", ["给他们打个标签吧", "给他们打个标签"])
def test_a_tag_word_with_no_name_asks_which_tag(text: str) -> None:
    assert "标签" in READ.asked(text)


# Each person of the asker's team, said as people ("each of my reps", 我手下每个销售, 团队成员各自):
# a split by person over the team. As a count of the team (or a split of the asker's own
# customers) it answered a different question.
@pytest.mark.parametrize(
    "text",
    [
        "how many customers does each of my reps have",
        "how many customers does each of my team members have",
        "how many customers does everybody in my department have",
        "how many does everyone on my team have",
        "how many VIPs does each of my reps have",
        "我手下每个销售有多少客户",
        "我底下的同事各自有几个客户",
        "团队成员各自跟进多少客户",
        "我的团队每个成员有多少客户",
        "部門裡每個人各有幾個客人",
    ],
)
def test_each_person_of_my_team_is_a_split_by_owner_over_the_team(text: str) -> None:
    command = READ.command(text)
    assert (command.intent, command.details.get("by")) == ("breakdown", "owner"), command
    depts = [n for n in walk(command.segment) if isinstance(n, InDepartment)]
    assert [d.department_ids for d in depts] == [(1,)], command.segment
    assert not [n for n in walk(command.segment) if isinstance(n, Owner)]


# A customer named first, then a question about one of the card's facts, "now" or not.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Alice現在有哪些標籤", "Alice"),
        ("Alice有哪些标签", "Alice"),
        ("Alice的标签", "Alice"),
        ("Dan目前谁在跟", "Dan"),
        ("Frank而家喺邊", "Frank"),
        ("Alice住邊", "Alice"),
        ("what tags does Alice have", "Alice"),
        ("which city is Bob in", "Bob"),
        ("Alice's tags", "Alice"),
    ],
)
def test_a_customer_named_first_with_a_question_about_the_card(text: str, name: str) -> None:
    command = READ.command(text)
    assert (command.intent, command.details["customer"]) == ("customer", name)


@pytest.mark.parametrize("text", ["VIP的标签", "VIP有哪些", "现在有哪些VIP客户"])
def test_known_words_before_the_question_stay_a_segment(text: str) -> None:
    assert READ.command(text).intent == "list"


@pytest.mark.parametrize(
    "text",
    [
        "Could you pull up everyone in my book who inquired in the past 30 days?",
        "everyone in my portfolio who ordered this month",
        "how many customers does each of them have",
    ],
)
def test_everyone_in_my_book_is_no_split_by_person(text: str) -> None:
    result = READ.parse(text)
    assert getattr(result, "intent", None) != "breakdown", result


# A sum of money asked ("how much did … spend", 多少钱, a total said as a noun with no bound):
# asked back — answering with how many customers ordered is a different question.
@pytest.mark.parametrize(
    "text",
    [
        "这个月VIP一共消费了多少钱",
        "VIP一共消费多少",
        "上个月的订单总额",
        "how much did my customers spend last month",
        "how much have the VIPs spent",
        "total revenue from VIPs this year",
        "花了多少钱的客户",
    ],
)
def test_a_sum_of_money_is_asked_back(text: str) -> None:
    message = READ.asked(text)
    assert "金额合计" in message or "sum of money" in message


@pytest.mark.parametrize(
    "text",
    ["订单总额超过5000的客户", "消费最多的前10个客户", "VIPs with revenue over 5000", "消费过的"],
)
def test_spend_with_a_bound_or_a_ranking_stays_a_condition(text: str) -> None:
    assert READ.segment(text) is not None


# "Give X to me to look at" said around the question (Cantonese 俾…我睇, 拿…给我看看).
@pytest.mark.parametrize(
    "text",
    ["俾晒啲VIP我睇", "俾啲VIP我睇下", "拿VIP客户给我看看", "我係經理，俾晒全公司啲VIP我睇"],
)
def test_shown_to_me_around_the_question(text: str) -> None:
    assert READ.segment(text) == HasTag("VIP")


# A Chinese split verb after an English "by X" (mixed): the breakdown, nothing left unread.
@pytest.mark.parametrize(
    ("text", "by"),
    [
        ("全公司 by RFM class 分一下", "rfm"),
        ("VIP by city 拆开看", "city"),
        ("my customers by city分下", "city"),
    ],
)
def test_a_chinese_split_verb_after_english_by(text: str, by: str) -> None:
    command = READ.command(text)
    assert (command.intent, command.details["by"]) == ("breakdown", by)
