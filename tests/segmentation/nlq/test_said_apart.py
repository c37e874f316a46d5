"""Parts of a command said apart after a comma (issue 19, blind s11-5), by family, in zh-Hans,
zh-Hant/Cantonese, English and mixed: the tag's name after the tagging (…打标签，标签用X /
…, use the tag X), whom said first and the action on a pronoun after it (…客户，给他们打上X /
…, send them "…"), and a spend ranking whose count comes after it (消费最少的客户，后10名 /
…, bottom 10)."""

from __future__ import annotations

import pytest

from segmentation.nlq import Clarification, Command
from segmentation.nodes import And, City, HasTag, Performed, Ranked
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

VOCAB = small_vocabulary()


_READER = Reader(VOCAB)
parse = _READER.parse
command = _READER.command


# ---- the tag's name after the tagging ------------------------------------------------------

TAGGINGS = [
    "给上海的客户打标签",
    "给上海的客户打个标签",
    "上海的客户打标签",
    "帮我 tag 一下上海的客户",
    "幫我幫上海嘅客戶打標籤",
]
NAME_CLAUSES = [
    "标签用{n}",
    "标签名：{n}",
    "标签名叫{n}",
    "标签就叫{n}吧",
    "标签是{n}",
    "標籤用{n}",
    "就叫{n}",
    "用{n}这个标签",
    "标签用“{n}”",
]


@pytest.mark.parametrize("act", TAGGINGS)
@pytest.mark.parametrize("clause", NAME_CLAUSES)
def test_tag_name_said_after_the_tagging(act: str, clause: str) -> None:
    result = command(f"{act}，{clause.format(n='待跟进')}")
    assert result.intent == "tag" and result.details["tag"] == "待跟进"
    assert isinstance(result.segment, City)


@pytest.mark.parametrize(
    "text",
    [
        "tag customers in Shanghai, use the tag 待跟进",
        "tag customers in Shanghai, tag name: 待跟进",
        "tag customers in Shanghai, the tag is 待跟进",
        "please tag the customers in Shanghai, with the label 待跟进",
    ],
)
def test_tag_name_said_after_the_tagging_in_english(text: str) -> None:
    result = command(text)
    assert result.intent == "tag" and result.details["tag"] == "待跟进"


def test_the_name_keeps_the_typed_spelling() -> None:
    assert command("给上海的客户打标签，标签名叫FollowUp").details["tag"] == "FollowUp"


def test_a_tagging_without_any_name_is_still_asked() -> None:
    assert isinstance(parse("给上海的客户打个标签"), Clarification)


# ---- whom first, the action on a pronoun after the comma -------------------------------------


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("上海的VIP客户，给他们打上待跟进标签", "tag"),
        ("上海嘅VIP，幫佢哋打上待跟進標籤", "tag"),
        ("上海的VIP，把他们的高意向标签去掉", "untag"),
        ("VIPs in Shanghai, tag them as 待跟进", "tag"),
        ("上海的VIP客户，给他们发一条消息“周末有活动”", "push"),
        ("VIP customers in Shanghai, send them “see you this weekend”", "push"),
        ("上海的VIP，每周一上午9点给他们发“早安”", "schedule"),
        ("VIPs in Shanghai, every Monday at 9am send them “hi”", "schedule"),
        ("上海的VIP给她们发一张9折券", "push"),
        ("上海的VIP给发一张9折券", "push"),
        ("上海嘅VIP幫佢哋打上待跟進標籤", "tag"),
    ],
)
def test_whom_said_first_then_the_action_on_them(text: str, intent: str) -> None:
    result = command(text)
    assert result.intent == intent
    assert isinstance(result.segment, And)
    assert {type(c) for c in result.segment.children} == {City, HasTag}
    assert not result.details.get("segment_from_context")


def test_a_pronoun_alone_still_points_at_the_previous_answer() -> None:
    result = command("好的，给他们打上待跟进标签")
    assert result.segment is None and result.details.get("segment_from_context")


# ---- a spend ranking with its count after it -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "direction", "count"),
    [
        ("近90天消费最少的客户，后10名", "bottom", 10),
        ("消费最多的客户，前10名", "top", 10),
        ("花钱最多的客户前十名", "top", 10),
        ("消费最高的客户，前5", "top", 5),
        ("近90天消费金额最低的客户 倒数5个", "bottom", 5),
        ("近半年消費最多嘅客，頭5位", "top", 5),
        ("customers who spent the least in the last 90 days, bottom 10", "bottom", 10),
        ("customers who spent the most this year - top 3 please", "top", 3),
        ("VIPs in Shanghai who spent the most, top 3", "top", 3),
        ("who were our biggest spenders this quarter? top 3 please", "top", 3),
        ("who spent the most in September? give me 5", "top", 5),
        ("消费最多的客户，给我5个", "top", 5),
        ("消费最少的客户，要5个", "bottom", 5),
        ("bottom 5 的金卡客户 by spend, 今年", "bottom", 5),
    ],
)
def test_a_ranking_with_its_count_after_it(text: str, direction: str, count: int) -> None:
    segment = command(text).segment
    assert isinstance(segment, Ranked)
    assert (segment.direction, segment.count) == (direction, count)


@pytest.mark.parametrize(
    "text",
    [
        "customers who spent the least in the last 90 days",  # how many?
        "消费最多的客户",
        "customers who spent the most, bottom 5",  # the two ends at once
        "消费最多的客户，后5名",
        "top spenders",
    ],
)
def test_a_ranking_without_a_count_or_with_the_other_end_is_asked(text: str) -> None:
    assert isinstance(parse(text), Clarification)


def test_a_share_before_the_rank_word() -> None:
    segment = command("the 5% lowest spenders this year").segment
    assert isinstance(segment, Ranked) and segment.percent == 5 and segment.direction == "bottom"


def test_a_ranking_word_with_its_count_is_unchanged() -> None:
    segment = command("消费排名后10的客户").segment
    assert isinstance(segment, Ranked) and segment.count == 10


def test_an_event_after_the_pronoun_clause_is_not_lost() -> None:
    segment = command("近7天咨询过的客户，给他们打上待跟进标签").segment
    assert isinstance(segment, Performed)


# ---- "both" with nothing to join is asked, never everyone ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "who has both",
        "两个都有的",
        "都有的是谁",
        "who has both tags",
        "两样都买过的",
        "customers who bought both",
    ],
)
def test_both_of_nothing_is_asked(text: str) -> None:
    assert isinstance(parse(text), Clarification)


@pytest.mark.parametrize(
    "text",
    [
        "VIP和金卡都有的客户",
        "customers tagged both VIP and 金卡",
        "近30天下单和咨询都有的",
        "上海的客户都有谁",
        "all customers",
        "全部客户",
    ],
)
def test_both_with_its_two_things_is_read(text: str) -> None:
    assert isinstance(parse(text), Command)


# ---- 立减N said as the whole send -----------------------------------------------------------


@pytest.mark.parametrize("text", ["给VIP立减50", "给上海的VIP每人立减50元", "给VIP发立减50"])
def test_instant_off_is_a_cash_coupon(text: str) -> None:
    result = command(text)
    assert result.intent == "push" and result.details["coupon"] == "50元券"
