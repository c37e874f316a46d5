"""A value given back alone to a question back (segmentation.nlq.answer_value): the value
without what is said around it, least taken off first, in every language form."""

from __future__ import annotations

import pytest

from segmentation.nlq.answer_value import answer_values
from segmentation.nlq.period_reply import period_words


@pytest.mark.parametrize(
    ("said", "value"),
    [
        # zh-Hans: fillers, 就/只要/要/是, closing particles and the customers named
        ("唇釉", "唇釉"),
        ("就唇釉吧", "唇釉"),
        ("好吧 就上海", "上海"),
        ("那就北京的吧", "北京"),
        ("嗯 上海", "上海"),
        ("只要金卡的客户", "金卡"),
        ("是上海", "上海"),
        ("好啦 就 VIP 的", "vip"),
        # zh-Hant, Taiwan and Hong Kong Cantonese
        ("就係上海", "上海"),
        ("淨係北京", "北京"),
        ("上海啦", "上海"),
        ("上海嘅客", "上海"),
        ("好啦 金卡囉", "金卡"),
        ("北京先啱", "北京"),
        ("就金卡吧", "金卡"),
        # English and mixed
        ("Shanghai", "shanghai"),
        ("ok just Shanghai then", "shanghai"),
        ("fine, Beijing", "beijing"),
        ("the Shanghai ones", "shanghai"),
        ("just VIP please", "vip"),
        ("唇釉 please", "唇釉"),
        ("ok 就上海", "上海"),
    ],
)
def test_the_value_is_among_the_readings(said: str, value: str) -> None:
    assert value in answer_values(said)


@pytest.mark.parametrize(
    "said",
    [
        "好评客户",  # a name whose first character is also a filler: read whole first
        "唇釉",
        "Shanghai",
    ],
)
def test_the_words_as_said_come_first(said: str) -> None:
    values = answer_values(said)
    assert values and values[0] == said.lower()


@pytest.mark.parametrize(
    "said",
    [
        "",
        "上海的客户有几个？",  # a question of its own
        "how many in Beijing?",
        "近30天在上海下过单且咨询过唇釉和玻尿酸面霜的女性VIP客户",  # too long for a value
    ],
)
def test_a_question_or_a_long_message_is_no_value(said: str) -> None:
    assert answer_values(said) == ()


def test_a_filler_alone_stays_itself() -> None:
    """ "要" alone is never emptied into no value: what is left is the word itself."""
    assert answer_values("要") == ("要",)


@pytest.mark.parametrize(
    ("said", "period"),
    [
        ("好啦 就兩個禮拜", "兩個禮拜"),
        ("好咯，30日", "30日"),
        ("得啦 14日", "14日"),
        ("就係近7日", "近7日"),
        ("淨係上個月啦", "上個月"),
        ("應該係兩週", "兩週"),
        ("是近30天", "近30天"),
        ("sorry, last 2 weeks", "last 2 weeks"),
        ("ok just 14 days then", "14 days"),
    ],
)
def test_a_period_given_back_without_the_words_around_it(said: str, period: str) -> None:
    assert period_words(said) == period
