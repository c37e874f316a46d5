"""Segments named in chat (blind-s16-conv2): the name after 分群/segment/为/成 exactly once, in
every save form and quote; a saved name said in single quotes; two events joined by 或/or after
whose customers and a window; English words of an RFM class that could be two classes."""

from __future__ import annotations

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Command, build_vocabulary
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nodes import (
    And,
    City,
    Gender,
    HasTag,
    InDepartment,
    NamedSegment,
    Not,
    Or,
    Owner,
    Performed,
    SavedSegment,
)
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡"],
    staff=[StaffInfo("zhangsan", "张三", (1,)), StaffInfo("lisi", "李四", (1,))],
    departments=[(1, "销售一部")],
    saved=["成交客", "hot week", "Big Spenders", "为先客"],
    catalog=NamedSegmentCatalog.load(),
)
READ = Reader(VOCAB)


def _saved_name(text: str) -> str:
    command = READ.command(text)
    assert command.intent == "save", text
    return str(command.details["name"])


# ---------------------------------------------------------------- the name, exactly once

# Names that begin with a naming word: 成/为/做/叫 are the name's own after a verb that
# already said its result (存成/存为/存做/save as).
NAMES = ["成交客", "为先客", "做过单", "成单VIP", "Q4 leads"]
RESULT_FRAMES = [
    "我的客户里下过单的 存成分群 {n}",
    "我的客户里下过单的存成分群{n}",
    "我的客戶裡下過單的 存為分群 {n}",
    "我的客户里下过单的 存为 {n}",
    "我啲客入面落過單嘅 存做分群 {n}",
    "VIP客户保存为分群 {n}",
    "把VIP客户存成新分群 {n}",
    "将VIP客户储存为分群 {n}",
    "VIP客户存到分群 {n}",
    "VIP客户 save as {n}",
    "VIP客户 save as 分群 {n}",
    "VIP客户 save 成分群 {n}",
    "save VIP customers as {n}",
    "save VIP customers as segment {n}",
    "save VIP customers as a segment called {n}",
]


@pytest.mark.parametrize("frame", RESULT_FRAMES)
@pytest.mark.parametrize("name", NAMES)
def test_the_name_follows_the_naming_word_once(frame: str, name: str) -> None:
    text = frame.format(n=name)
    typed = name.replace("为", "為") if "為" in frame else name
    assert _saved_name(text) in (name, typed), text


QUOTES = ["“{n}”", "「{n}」", "『{n}』", '"{n}"', "'{n}'", "‘{n}’"]


@pytest.mark.parametrize("quote", QUOTES)
@pytest.mark.parametrize("name", ["成交客", "为先客", "hot week"])
def test_a_quoted_name_of_any_kind_is_the_name(quote: str, name: str) -> None:
    for frame in ("VIP客户存成分群 {q}", "VIP客户存为{q}分群", "save VIP customers as {q}"):
        text = frame.format(q=quote.format(n=name))
        assert _saved_name(text) == name, text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a naming word that can be nothing else, after the container or a comma
        ("VIP客户存成分群叫成交客", "成交客"),
        ("VIP客户存成分群叫做成交客", "成交客"),
        ("VIP客户存成分群，名字叫成交客", "成交客"),
        ("VIP客户存成分群，命名为成交客", "成交客"),
        ("把VIP客户保存为分群 叫成交客", "成交客"),
        # after a bare 保存 the container's 为 is the naming word
        ("把VIP客户保存分群为成交客", "成交客"),
        # the naming word before the name, the container after it
        ("VIP客户存成一个叫成交客的分群", "成交客"),
        ("把VIP客户存成名为成交客的分群", "成交客"),
        ("VIP客户存成个叫“成交客”的分群", "成交客"),
        # straight after 存为, 叫 begins the name
        ("VIP客户存为叫花鸡", "叫花鸡"),
        ("VIP客户存为叫花鸡分群", "叫花鸡"),
        # a container word ending the name said after 分群 is the name's own
        ("VIP客户存成分群 成交名单", "成交名单"),
        # a particle after the quoted name, or set off by a space, ends the request
        ("VIP客户存成分群“成交客”吧", "成交客"),
        ("VIP客户存成“成交客”分群吧", "成交客"),
        ("VIP客户存成分群 成交客 吧", "成交客"),
        ("VIP客户存成分群 酒吧", "酒吧"),
        ("VIP客户存成一个成交客分群", "成交客"),
        ("VIP客户存成分群：成交客", "成交客"),
        ("VIP客户存成分群 成交“老”客", "成交“老”客"),
        # naming alone saves
        ("VIP客户 命名为 成交客", "成交客"),
        ("把VIP客户命名为成交客", "成交客"),
        # (a name no segment has yet: 分群叫成交客 with a saved 成交客 is that segment)
        ("VIP客户 分群名字叫 成交新客", "成交新客"),
        ("VIP客户，分群命名为“成交新客”", "成交新客"),
        ("把上海的VIP起名叫 上海大客", "上海大客"),
        # an acknowledgement set off by a space is no part of whom
        ("算了 VIP客户存成分群 成交客", "成交客"),
        # English names with spaces keep their case
        ("save VIP customers as the segment Big Spenders", "Big Spenders"),
        ("save VIP customers as Big Spenders", "Big Spenders"),
        ("save that as segment 'Hot Week'", "Hot Week"),
    ],
)
def test_naming_words_and_containers(text: str, name: str) -> None:
    assert _saved_name(text) == name


def test_a_formula_as_a_name_is_kept_as_typed() -> None:
    """Quotes inside the name do not end it: the name is data, shown and exported as text."""
    text = '近30天下过单的 save as 分群 =HYPERLINK("http://evil.cn","x")'
    command = READ.command(text)
    assert command.intent == "save" and command.segment is not None
    assert command.details["name"] == '=HYPERLINK("http://evil.cn","x")'


def test_the_saved_customers_are_what_was_said_before_the_verb() -> None:
    command = READ.command("我的客户里下过单的 存成分群 成交客")
    assert command.segment == And((Owner(("zhangsan",)), Performed("order")))


# ---------------------------------------------------------------- a saved name used again


@pytest.mark.parametrize(
    "text",
    [
        "how many are in segment 'hot week'",
        "how many are in segment ‘hot week’",
        'how many are in segment "hot week"',
        "how many are in the 'hot week' segment",
        "how many are in the hot week segment",
        "how many in segment hot week",
        "how many are in the 'hot week' group",
    ],
)
def test_a_saved_name_in_single_quotes_is_the_segment(text: str) -> None:
    command = READ.command(text)
    assert (command.intent, command.segment) == ("count", SavedSegment("hot week"))


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("成交客分群有几个", "count"),
        ("「成交客」分群有幾個", "count"),
        ("成交客呢個分組有幾多個", "count"),
        ("成交客这个分群里的人", "list"),
        ("给成交客分群的人发张满100减10的券", "push"),
        ("为先客分群有几个", "count"),
    ],
)
def test_a_saved_name_with_its_segment_word(text: str, intent: str) -> None:
    command = READ.command(text)
    assert command.intent == intent, text
    assert isinstance(command.segment, SavedSegment), text


# ---------------------------------------------------------------- 或 after whose and a window

_VISIT_OR_ORDER = {"visit", "order"}


def _either_events(node: object) -> set[str]:
    assert isinstance(node, Or), node
    kinds = set()
    for child in node.children:
        assert isinstance(child, Performed), child
        kinds.add(child.event_kind)
    return kinds


@pytest.mark.parametrize(
    "text",
    [
        "幫我列一下我們部門這禮拜有來店或下單的客戶",
        "我們部門這禮拜有來店或是下單的客戶",
        "我们部门这周有到店或者下单的客户",
        "我们部门这周到店还是下单的客户",
        "我哋部門呢個禮拜有嚟舖頭定落單嘅客",
        "我哋部門呢個禮拜有冇嚟過舖頭定係落過單嘅客",
        "我哋部門呢個禮拜有嚟舖頭或者落咗單嘅客",
        "我们部门到店或下单的客户",
        "我们部门这周要么到店要么下单的客户",
        "我们部门这周不是到店就是下单的客户",
        "我哋部門呢個禮拜唔係嚟過舖頭就係落過單嘅客",
        "my department this week visited or ordered",
        "customers in my department who either visited or ordered this week",
    ],
)
def test_a_department_before_two_events_holds_for_both(text: str) -> None:
    segment = READ.segment(text)
    assert isinstance(segment, And), text
    scope, either = segment.children
    assert scope == InDepartment((1,)), text
    assert _either_events(either) == _VISIT_OR_ORDER, text


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("张三这周到店或下单的客户", Owner(("zhangsan",))),
        ("我的这周到店或下单的", Owner(("zhangsan",))),
        ("VIP这周到店或下单的", HasTag("VIP")),
        ("上海这周到店或下单的", City(("上海",))),
        ("女客户这周到店或下单的", Gender(2)),
    ],
)
def test_any_scope_before_two_events_holds_for_both(text: str, scope: object) -> None:
    segment = READ.segment(text)
    assert isinstance(segment, And), text
    assert segment.children[0] == scope, text
    assert _either_events(segment.children[1]) == _VISIT_OR_ORDER, text


def test_each_event_keeps_the_window_said_before_the_run() -> None:
    segment = READ.segment("我们部门这周到店或下单的客户")
    assert isinstance(segment, And)
    either = segment.children[1]
    assert isinstance(either, Or)
    windows = {getattr(c, "window", None) for c in either.children}
    assert len(windows) == 1 and None not in windows


def test_negated_events_are_alternatives_too() -> None:
    segment = READ.segment("我们部门这周没到店或没下单的客户")
    assert isinstance(segment, And)
    either = segment.children[1]
    assert isinstance(either, Or) and all(isinstance(c, Not) for c in either.children)


@pytest.mark.parametrize(
    ("text", "either"),
    [
        ("不是VIP就是金卡的客户", Or((HasTag("VIP"), HasTag("金卡")))),
        ("不是上海的就是北京的客户", City(("上海", "北京"))),
    ],
)
def test_not_a_then_b_is_either(text: str, either: object) -> None:
    """不是A就是B was read "not A and B": silently wrong."""
    assert READ.segment(text) == either


def test_not_alone_is_still_a_negation() -> None:
    assert READ.segment("不是VIP的客户") == Not(HasTag("VIP"))


@pytest.mark.parametrize(
    "text",
    [
        "我们部门这周到店且下单或咨询的客户",  # an and-word among the alternatives
        "我们部门这周到店或VIP的客户",  # a class among the alternatives
        "咨询过且下过单或到过店的",  # an event before the or
    ],
)
def test_a_mixed_and_or_is_still_asked(text: str) -> None:
    assert "或/且" in READ.asked(text) or "and/or" in READ.asked(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("上海定北京嘅客", ("上海", "北京")),
        ("VIP定金卡嘅客", ("VIP", "金卡")),
    ],
)
def test_cantonese_ding_between_two_names_is_or(text: str, names: tuple[str, ...]) -> None:
    segment = READ.segment(text)
    assert isinstance(segment, (City, Or)), segment


@pytest.mark.parametrize("text", ["買過定金嘅", "定金客户"])
def test_ding_inside_a_word_is_no_or(text: str) -> None:
    assert "定" in READ.asked(text)


# ---------------------------------------------------------------- RFM classes in English


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("how many customers to keep", "to_keep"),
        ("customers to keep?", "to_keep"),
        ("how many important retention customers", "to_keep"),
        ("how many customers to win back", "to_win_back"),
        ("how many important win-back customers", "to_win_back"),
        ("how many important value customers", "high_value"),
        ("how many general development customers", "general_develop"),
        ("how many 一般发展 customers", "general_develop"),
    ],
)
def test_a_configured_class_name_is_that_class(text: str, key: str) -> None:
    assert READ.segment(text) == NamedSegment(key)


@pytest.mark.parametrize(
    ("text", "offered"),
    [
        ("how many customers to retain", ("customers to keep", "customers to win back")),
        ("retained customers", ("customers to keep", "customers to win back")),
        ("how many retention customers", ("customers to keep", "general retention customers")),
        ("keep customers", ("customers to keep", "general retention customers")),
        ("winback customers", ("customers to win back", "general win-back customers")),
        ("how many development customers", ("customers to develop",)),
        ("show me value customers", ("high-value customers", "general value customers")),
    ],
)
def test_a_class_word_that_could_be_two_classes_is_asked(
    text: str, offered: tuple[str, ...]
) -> None:
    result = READ.parse(text)
    assert not isinstance(result, Command), text
    for name in offered:
        assert name in result.suggestions, (text, result.suggestions)
    assert "“" in result.message  # the words asked about are named


def test_a_class_word_elsewhere_is_no_class_question() -> None:
    message = READ.asked("my customers who kept buying")
    assert "class" not in message


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("算了 VIP有几个", "count"),
        ("好吧 VIP客户存成分群 成交客", "save"),
        ("可以 把VIP客户都打上金卡标签吗", "tag"),  # a polite request keeps its 可以
    ],
)
def test_an_acknowledgement_set_off_by_a_space(text: str, intent: str) -> None:
    assert READ.command(text).intent == intent
