"""Issue 19 (fix-quoted-and-groups): a quoted name read as the subject of the verb after it
— a channel code with 来的 / 加的 / 扫码进来的 / 嚟嘅 after it, or after "came from" /
"joined via" — in zh-Hans, Taiwan, Hong Kong, English and mixed forms; a quoted name no
follow carries is asked back with codes only; the words that keep another reading (a place
with 来, 来一份, 里) keep it. Also the row of a breakdown said by its number (第一组, the
first group) and the open words (打开, open) that wrap a request."""

from __future__ import annotations

from functools import cache

import pytest

from bot.commands.group_pick import LAST, group_row
from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Clarification, Command, build_vocabulary, parse_command
from segmentation.nlq.vocabulary import StaffInfo, Vocabulary
from segmentation.nodes import And, ChannelCode, City, HasTag, ItemEvent, Node, Owner
from tests.segmentation.nlq.fixture import NOW, TZ


@cache
def _vocab() -> Vocabulary:
    return build_vocabulary(
        tags=["VIP", "金卡", "待跟进"],
        staff=[StaffInfo("zhangsan", "张三", (1,))],
        departments=[(1, "销售一部")],
        saved=["跟进名单"],
        catalog=NamedSegmentCatalog.load(),
        db_cities=["上海"],
        items=[("product", "唇釉")],
        channels=["展会2026", "官网活码", "Expo-A"],
    )


def _parse(text: str) -> Command | Clarification:
    return parse_command(text, vocabulary=_vocab(), asker="zhangsan", now=NOW, tz=TZ)


def _segment(text: str) -> Node | None:
    result = _parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result}"
    return result.segment


def _asked(text: str) -> str:
    result = _parse(text)
    assert isinstance(result, Clarification), f"{text!r} was answered: {result}"
    return result.message


EXPO = ChannelCode(("Expo-A",))
FAIR = ChannelCode(("展会2026",))
SITE = ChannelCode(("官网活码",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“展会2026”来的有哪些", FAIR),
        ("「官网活码」來的是誰", SITE),
        ("「官網活碼」來的是誰", SITE),
        ("『展会2026』嚟嘅有邊個", FAIR),
        ('"Expo-A" 加嘅有幾多', EXPO),
        ("《官网活码》扫码进来的是谁", SITE),
        ("“展会2026”加的客户", FAIR),
        ("“展会2026”活码的", FAIR),
        ("“展会2026”渠道里有几个", FAIR),
        ("“官网”来的是谁", SITE),  # the code said without its suffix word
        ("“官网活码”或者“展会2026”来的", ChannelCode(("官网活码", "展会2026"))),
        ('who came from "Expo-A"', EXPO),
        ("which customers joined via 'Expo-A'", EXPO),
        ("customers who came in through “官网活码”", SITE),
        ("展会2026嗰個活碼加嘅客", FAIR),
        ("customers who came in through Expo-A", EXPO),
        ("“展会2026”的有哪些", FAIR),  # no verb: a name only a code is spelled as
        ('what about "Expo-A"', EXPO),
    ],
)
def test_a_quoted_code_before_or_after_its_verb_is_the_channel(text: str, expected: Node) -> None:
    assert _segment(text) == expected


def test_a_quoted_code_keeps_the_conditions_around_it() -> None:
    segment = _segment("「展会2026」来的买过唇釉的")
    assert isinstance(segment, And)
    assert FAIR in segment.children
    assert any(isinstance(c, ItemEvent) for c in segment.children)


@pytest.mark.parametrize(
    "text",
    ["“展会2025”来的是谁", "「展會2025」嚟嘅有邊個", "“VIP”加的是谁", 'who joined via "Expo-B"'],
)
def test_a_quoted_name_no_follow_carries_is_asked_as_a_code(text: str) -> None:
    message = _asked(text)
    assert "渠道活码" in message or "channel code" in message
    assert "标签" not in message and " tag " not in message


def test_the_question_back_suggests_the_closest_code() -> None:
    assert "展会2026" in _asked("“展会2025”来的是谁")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('customers who came from "上海"', City(("上海",))),  # a place keeps its reading
        ("“待跟进”来一份", HasTag("待跟进")),  # 来一份: give me, no arriving
    ],
)
def test_a_quoted_name_without_an_adding_verb_keeps_its_reading(text: str, expected: Node) -> None:
    segment = _segment(text)
    assert segment == expected or (
        isinstance(segment, City) and isinstance(expected, City) and "上海" in segment.names
    )


def test_a_quoted_name_with_only_a_place_word_after_it_is_no_code() -> None:
    assert "渠道活码" not in _asked("「跟进名单」里的是谁")


def test_a_quoted_tag_without_a_verb_stays_a_tag() -> None:
    assert _segment("“VIP”的客户") == HasTag("VIP")


@pytest.mark.parametrize(
    "text", ["打开张三的", "点开张三的", "展開張三嘅", "open Zhang San's", "drill into Zhang San's"]
)
def test_open_words_wrap_a_request(text: str) -> None:
    assert _segment(text) == Owner(("zhangsan",))


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("第一组", 1),
        ("第二組的名單", 2),
        ("打开第三组", 3),
        ("睇吓第二組嘅客", 2),
        ("頭一組", 1),
        ("最后一组", LAST),
        ("第1行", 1),
        ("the first group", 1),
        ("the second one", 2),
        ("open group 2", 2),
        ("show me the 3rd row's customers", 3),
        ("ok, the last group", LAST),
    ],
)
def test_a_row_of_a_table_is_read_by_its_number(text: str, row: int) -> None:
    assert group_row(text) == row


@pytest.mark.parametrize("text", ["第一次下单的", "the first order", "上海的", "前两组"])
def test_other_words_are_no_row(text: str) -> None:
    assert group_row(text) is None


@pytest.mark.parametrize(
    "text",
    ["「口红」买过的是谁", "「口紅」買過嘅有邊個", "“口红”近30天咨询过的", "『口紅』退過貨的"],
)
def test_an_unknown_quoted_name_before_a_product_verb_is_asked_as_a_product(text: str) -> None:
    message = _asked(text)
    assert "商品或品类" in message
    assert "唇釉" in message


def test_a_known_quoted_product_before_its_verb_is_read() -> None:
    assert _segment("「唇釉」买过的是谁") == ItemEvent("order", "product", ("唇釉",))


@pytest.mark.parametrize("text", ["“张三”加的客户", 'customers added by "zhangsan"'])
def test_a_quoted_colleague_before_an_adding_verb_is_never_asked_as_a_code(text: str) -> None:
    result = _parse(text)
    message = result.message if isinstance(result, Clarification) else ""
    assert "渠道活码" not in message and "channel code" not in message
