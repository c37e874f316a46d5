"""Follow-ups after an answer, by family (spec/commands.md §2c, #19 blind s13): "whose are
they", a counted who-question ("张三的是哪两个"), the other end of a ranking said with no
count ("那最少的呢": as many), and dropping the window in Cantonese (唔計時間). Near misses
stay what they were."""

from __future__ import annotations

import pytest

from segmentation.nlq import Clarification, Command, parse_command
from segmentation.nlq.change_sides import ENTERED, LEFT, read_change_side
from segmentation.nlq.followup import read_follow_up
from segmentation.nlq.rank_pick import BOTTOM, OTHER, TOP, read_ranked_pick
from segmentation.nlq.who_counted import who_counted_tail
from segmentation.nlq.whose_words import asks_whose
from segmentation.nlq.widen import WINDOW, read_widening
from segmentation.text import normalize
from tests.segmentation.nlq.fixture import NOW, TZ, small_vocabulary


@pytest.mark.parametrize(
    "text",
    [
        "都是谁的", "他们是谁跟的", "这些客户分别是谁负责的", "是哪个销售的客户", "归谁管",
        "跟进人都是谁", "他们的负责人是谁", "谁在跟他们", "谁负责这些客户", "边个跟的",
        "都是哪些销售的", "在谁名下",
        "佢哋邊個跟緊", "邊個跟緊佢哋", "都係邊個嘅客", "佢哋嘅跟進人係邊個", "邊個跟嘅",
        "他們是誰的客戶", "這些是誰負責的",
        "whose are they", "whose customers are these", "who owns them", "who follows them",
        "who follows them up?", "who's following them", "who are their owners",
        "who do they belong to", "who are they assigned to", "who handles those?",
        "他们归谁", "这些客户属于哪个销售", "佢哋歸邊個管", "which rep has them",
        "which reps own those customers?",
    ],
)  # fmt: skip
def test_whose_are_they(text: str) -> None:
    assert asks_whose(normalize(text))


@pytest.mark.parametrize(
    "text",
    ["是谁", "他们是谁", "哪些", "都有谁", "who are they", "谁", "边个", "张三的是谁",
     "都是谁", "谁下单了", "who ordered", "上海的是谁跟的"],
)  # fmt: skip
def test_not_whose(text: str) -> None:
    assert not asks_whose(normalize(text))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("张三的是哪两个", "张三的是哪几个"),
        ("李四嘅系边三位", "李四嘅是哪几个"),
        ("北京的是哪2个客户", "北京的是哪几个"),
        ("北京的都是哪三个？", "北京的是哪几个？"),
    ],
)
def test_a_counted_who_question_is_which_ones(text: str, said: str) -> None:
    assert who_counted_tail(text) == said


@pytest.mark.parametrize("text", ["边三个", "哪5个客户消费最多", "消费最多的3个客户", "上海的客户"])
def test_a_count_said_first_or_alone_is_left(text: str) -> None:
    assert who_counted_tail(text) == text


@pytest.mark.parametrize(
    ("text", "end", "count"),
    [
        ("那最少的呢", BOTTOM, None),
        ("那最多的呢", TOP, None),
        ("最少嗰啲", BOTTOM, None),
        ("倒数的呢", BOTTOM, None),
        ("最后两名", BOTTOM, 2),
        ("倒数三名呢", BOTTOM, 3),
        ("最少的两个是谁", BOTTOM, 2),
        ("前两名", TOP, 2),
        ("最少嗰個", BOTTOM, 1),
        ("bottom 2", BOTTOM, 2),
        ("and the bottom ones?", BOTTOM, None),
        ("what about the lowest?", BOTTOM, None),
        ("the other end?", OTHER, None),
        ("反过来呢", OTHER, None),
        ("the lowest one", BOTTOM, 1),
    ],
)
def test_the_other_end(text: str, end: str, count: int | None) -> None:
    pick = read_ranked_pick(text)
    assert pick is not None and (pick.end, pick.count) == (end, count)


@pytest.mark.parametrize(
    "text", ["消费最多的3个客户", "top 10 spenders", "最后，帮我导出", "the top spenders"]
)
def test_no_end(text: str) -> None:
    assert read_ranked_pick(text) is None


@pytest.mark.parametrize("text", ["唔計時間", "不计时间", "不限時間", "any time", "all time then"])
def test_the_window_dropped(text: str) -> None:
    widening = read_widening(text)
    assert widening is not None and widening.kind == WINDOW and not widening.rest


@pytest.mark.parametrize(
    ("text", "change", "when"),
    [
        ("那今天掉出去的呢", LEFT, "今天"),
        ("离开的呢", LEFT, ""),
        ("退出咗嘅呢", LEFT, ""),
        ("跌咗出去嘅有邊個", LEFT, ""),
        ("那昨天离开的呢", LEFT, "昨天"),
        ("咁新入嘅呢", ENTERED, ""),
        ("那近7天新进入的有谁", ENTERED, "近7天"),
        ("and who left?", LEFT, ""),
        ("the ones who dropped out", LEFT, ""),
        ("who left yesterday?", LEFT, "yesterday"),
        ("and who came in?", ENTERED, ""),
    ],
)
def test_a_change_lists_other_side(text: str, change: str, when: str) -> None:
    side = read_change_side(normalize(text))
    assert side is not None and (side.change, side.when) == (change, when)


@pytest.mark.parametrize("text", ["上海的呢", "那今天的呢", "VIP客户", "多少", "who ordered"])
def test_no_change_side(text: str) -> None:
    assert read_change_side(normalize(text)) is None


@pytest.mark.parametrize(
    ("text", "mode_rest"),
    [
        ("那北京的捏", "北京的捏"),
        ("那杭州的嘞", "杭州的嘞"),
        ("what about customers to develop", "customers to develop"),
    ],
)
def test_a_swap_said_with_a_chat_particle_or_a_kind_named(text: str, mode_rest: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and follow.echo and follow.rest == mode_rest


def test_top_n_of_those_by_a_measure_points_back() -> None:
    follow = read_follow_up("top 3 of those by spend")
    assert follow is not None and follow.pointed and follow.rest == "top 3 by spend"


def _parse(text: str) -> Command | Clarification:
    return parse_command(text, vocabulary=small_vocabulary(), asker="zhangsan", now=NOW, tz=TZ)


@pytest.mark.parametrize(
    ("text", "by"),
    [
        ("啲客按標籤分佈係點", "tag"),
        ("按标签分布呢", "tag"),
        ("城市分布如何", "city"),
        ("客户的城市分布情况如何", "city"),
        ("佢哋嘅性別分佈點樣", "gender"),
        ("标签分布是怎样的", "tag"),
        ("how are they spread by city", "city"),
        ("how are these customers distributed across cities?", "city"),
    ],
)
def test_a_spread_asked_with_a_how_word_is_a_breakdown(text: str, by: str) -> None:
    command = _parse(text)
    assert isinstance(command, Command) and command.intent == "breakdown"
    assert command.details["by"] == by


@pytest.mark.parametrize("text", ["分布如何", "分布呢", "佢哋分佈係點", "how are they spread?"])
def test_a_spread_with_no_dimension_is_asked(text: str) -> None:
    asked = _parse(text)
    assert isinstance(asked, Clarification) and len(asked.suggestions) == 3
