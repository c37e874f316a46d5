"""Actions said every way (issue 19, blind s11): push / tag / untag / save / export /
describe with English verbs in Chinese frames (save … as, tag … 做, remove … tag, send …
coupon), Cantonese verb endings (剝咗佢, 剷走晒, save低, tag晒), 群发 as a verb anywhere,
通知…，内容是「…」, 做成表格 / 匯出成表, 轮廓 / 概貌, one each (每人 / 一人一张) and 再 before a
send, whom said apart as the target (…，对象是…). Every tag, untag and push still needs a
card and 确认. Near-misses: a demonstrative is never a tag name, receiving 群发 is a
condition, 成/新 are never cut off a saved name."""

from __future__ import annotations

import pytest

from segmentation.nlq import Clarification, Command
from segmentation.nodes import Node
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

VOCAB = small_vocabulary()


_READER = Reader(VOCAB)
parse = _READER.parse
command = _READER.command


def segment_of(text: str) -> Node | None:
    return command(text).segment


def acts(text: str, intent: str, whom: str | None, **details: str) -> Command:
    """`text` is `intent` on the customers `whom` describes (None: the answer just given),
    with `details`; a tag, untag or push needs the confirm card."""
    found = command(text)
    assert found.intent == intent, f"{text!r}: {found.intent} != {intent}"
    if whom is None:
        assert found.segment is None and found.details.get("segment_from_context"), found
    else:
        assert found.segment == segment_of(whom), f"{text!r}: {found.description}"
    for key, value in details.items():
        assert found.details.get(key) == value, f"{text!r}: {found.details}"
    assert found.needs_confirmation == (intent in ("tag", "untag", "push", "schedule"))
    return found


# ---- untag: Cantonese endings, whom said apart ---------------------------------------------

UNTAG = [
    ("將北京客嘅金卡tag剝咗佢", "北京的客户", "金卡"),
    ("北京客嘅金卡標籤剷咗佢", "北京的客户", "金卡"),
    ("上海客嘅VIP標籤攞走佢", "上海的客户", "VIP"),
    ("將上海客嘅高意向標籤剷走晒", "上海的客户", "高意向"),
    ("北京客户的金卡标签删咗佢", "北京的客户", "金卡"),
    ("把上海客户的VIP标签剥掉", "上海的客户", "VIP"),
    ("把上海客户的VIP标签删了", "上海的客户", "VIP"),
    ("remove VIP tag，对象是上海的客户", "上海的客户", "VIP"),
    ("去掉金卡标签，对象是北京的客户", "北京的客户", "金卡"),
    ("取消高意向標籤，對象係上海嘅客", "上海的客户", "高意向"),
    ("目标客户：上海的客户，去掉VIP标签", "上海的客户", "VIP"),
    ("remove the VIP tag, target: customers in Shanghai", "上海的客户", "VIP"),
    # A demonstrative before a name points at it.
    ("去掉上海客户的那个VIP标签", "上海的客户", "VIP"),
    ("把上海客户的这个VIP标签删了", "上海的客户", "VIP"),
    ("remove that VIP tag from customers in Shanghai", "上海的客户", "VIP"),
]


@pytest.mark.parametrize(("text", "whom", "tag"), UNTAG)
def test_untag(text: str, whom: str, tag: str) -> None:
    acts(text, "untag", whom, tag=tag)


# A demonstrative, a pronoun or a measure word alone is no tag name: which tag is asked.
WHICH_TAG = [
    "把北京客户的那个标签去掉",
    "去掉上海客户的这个标签",
    "把北京客戶嘅嗰個tag剝咗佢",
    "將上海客嘅呢個標籤剷咗佢",
    "去掉北京客户的该标签",
    "remove that tag from customers in Beijing",
    "remove this tag from customers in Shanghai",
    "给上海客户打上那个标签",
    "幫上海嘅客打個嗰個標籤",
    "tag customers in Shanghai as that one",
]


@pytest.mark.parametrize("text", WHICH_TAG)
def test_pointing_word_is_no_tag(text: str) -> None:
    asked = parse(text)
    assert isinstance(asked, Clarification), f"{text!r} was answered: {asked}"
    assert "标签" in asked.message or "tag" in asked.message.lower()


# ---- tag: the English verb in a Chinese frame, Cantonese 晒 ---------------------------------

TAG = [
    (
        "幫我 tag 晒近7日 add to cart 但冇落單嘅客做「待跟進」",
        "近7天加购过但没下单的客户",
        "待跟進",
    ),
    ("帮我tag一下上海的客户为“VIP”", "上海的客户", "VIP"),
    ("tag 上海的客户 as VIP", "上海的客户", "VIP"),
    ("tag上海的客户做“待跟进”", "上海的客户", "待跟进"),
    ("tag 晒上海嘅客 做 金卡", "上海的客户", "金卡"),
    ("幫我將上海客打晒「待跟進」tag", "上海的客户", "待跟進"),
    ("tag 近30天成交的客户 做 VIP", "近30天下过单的客户", "VIP"),
    ("tag 近30天成交客户做VIP", "近30天下过单的客户", "VIP"),
    ("给上海客户打上这个“金卡”标签", "上海的客户", "金卡"),
    ("给上海客户打上那个VIP标签", "上海的客户", "VIP"),
    ("tag customers in Shanghai as VIP", "上海的客户", "VIP"),
    # Cantonese 返 (back), 埋 (as well), 晒 (all) after a one-character verb are no part of
    # the name; after 个 they begin it.
    ("幫我將上海客加返VIP tag", "上海的客户", "VIP"),
    ("同上海啲客打返個金卡標籤", "上海的客户", "金卡"),
    ("幫上海客貼埋VIP標籤", "上海的客户", "VIP"),
    ("给上海客户加个返校标签", "上海的客户", "返校"),
    ("tag as 待跟进, target: customers who ordered this week", "本周下过单的客户", "待跟进"),
]


@pytest.mark.parametrize(("text", "whom", "tag"), TAG)
def test_tag(text: str, whom: str, tag: str) -> None:
    acts(text, "tag", whom, tag=tag)


def test_tag_them_in_cantonese() -> None:
    acts("幫我將呢啲客tag晒做「待跟進」", "tag", None, tag="待跟進")


# ---- save: the verb first in mixed frames, Cantonese 低 -------------------------------------

SAVE = [
    ("save 近7天新加的客户 as “本周新客”", "近7天新加的客户", "本周新客"),
    ("save 跟进名单分群里 的 VIP 为 “跟进VIP”", "跟进名单分群里的VIP", "跟进VIP"),
    ("幫我save低今年落過單嘅客，叫「今年買家」", "今年下过单的客户", "今年買家"),
    ("幫我存低今年落過單嘅客，叫「今年買家」", "今年下过单的客户", "今年買家"),
    ("把近7天新加的客户存低，叫“本周新客”", "近7天新加的客户", "本周新客"),
    ("保存近7天新加的客户为“本周新客”", "近7天新加的客户", "本周新客"),
    ("save 近90日 inquiry 兩次以上嘅客 as「熱線索」", "近90天咨询2次以上的客户", "熱線索"),
    ("save 上海的VIP 为 沪VIP", "上海的VIP客户", "沪VIP"),
    ("save customers in Shanghai as a segment called “沪客”", "上海的客户", "沪客"),
    # 新 and 成 begin names too: never cut off them.
    ("把上海客户保存为新客", "上海的客户", "新客"),
    ("save customers in Shanghai as 新成交", "上海的客户", "新成交"),
    ("save 近30天成交的客户 as 新成交", "近30天下过单的客户", "新成交"),
    ("把上海客户保存为：沪客", "上海的客户", "沪客"),
    ("把上海客户存成一个新的分群叫沪客", "上海的客户", "沪客"),
    # The name first, whom after a colon.
    ("存成分群“北京VIP”：北京的VIP客户", "北京的VIP客户", "北京VIP"),
    ("保存为分群潜客A：近30天加购过的女客户", "近30天加购过的女客户", "潜客A"),
    ("儲存為分群「潛客A」：近30天加購過嘅女客", "近30天加购过的女客户", "潛客A"),
    ("save as segment “Hot”: customers in Shanghai", "上海的客户", "Hot"),
    (
        "save customers who ordered at least 2 times but not in the last 90 days as 'win back'",
        "下单2次以上但近90天没下单的客户",
        "win back",
    ),
]


@pytest.mark.parametrize(("text", "whom", "name"), SAVE)
def test_save(text: str, whom: str, name: str) -> None:
    acts(text, "save", whom, name=name)


# ---- push: 群发 anywhere, content labels, one each, 再 ----------------------------------------

PUSH = [
    ("群发消息给本月新加的客户：“欢迎关注”", "本月新加的客户", {"message": "欢迎关注"}),
    (
        "给 销售一部 的 customers 群发 “周年庆满500送100”",
        "销售一部的客户",
        {"message": "周年庆满500送100"},
    ),
    ("上海的VIP客户群发一条消息“周末有活动”", "上海的VIP客户", {"message": "周末有活动"}),
    ("群发一张满100减20的券给上海的VIP", "上海的VIP客户", {"coupon": "满100减20"}),
    ("群發訊息俾上海嘅VIP：「週末有活動」", "上海的VIP客户", {"message": "週末有活動"}),
    ("send a 群发 message “hi” to VIP customers", "VIP客户", {"message": "hi"}),
    ("send a 发 message “hi” to VIP customers", "VIP客户", {"message": "hi"}),
    (
        "给近30天没收到过群发的VIP发消息“好久不见”",
        "近30天没收到过群发的VIP",
        {"message": "好久不见"},
    ),
    (
        "幫我通知這禮拜來過店的客戶，內容是「感謝您的蒞臨」",
        "本周到过店的客户",
        {"message": "感謝您的蒞臨"},
    ),
    ("通知一下上海的VIP，内容：周末有活动", "上海的VIP客户", {"message": "周末有活动"}),
    ("幫我通知上海嘅VIP，內容係：週末有活動", "上海的VIP客户", {"message": "週末有活動"}),
    ("给上海客户发消息，内容是周末有新品", "上海的客户", {"message": "周末有新品"}),
    (
        "notify customers in Shanghai, content: “sale this weekend”",
        "上海的客户",
        {"message": "sale this weekend"},
    ),
    ("发一张满100减20的券，发送对象：VIP客户", "VIP客户", {"coupon": "满100减20"}),
    ("俾 high-value customers send 張 100蚊 coupon", "高价值客户", {"coupon": "100元券"}),
    ("给VIP发一张100蚊嘅券", "VIP客户", {"coupon": "100元券"}),
    ("俾VIP客send张满300减50嘅coupon", "VIP客户", {"coupon": "满300减50"}),
    ("帮我再给上海的VIP发一张满100减20的券", "上海的VIP客户", {"coupon": "满100减20"}),
    ("再幫我俾上海嘅VIP發張滿100減20嘅券", "上海的VIP客户", {"coupon": "满100减20"}),
]


@pytest.mark.parametrize(("text", "whom", "details"), PUSH)
def test_push(text: str, whom: str, details: dict[str, str]) -> None:
    acts(text, "push", whom, **details)


ENGLISH_SENDS = [
    (
        "send customers who visited this week the message 'Thanks for stopping by'",
        "本周到过店的客户",
        {"message": "Thanks for stopping by"},
    ),
    ("message VIP customers 'See you soon'", "VIP客户", {"message": "See you soon"}),
    (
        'message "New arrivals are in" to the at-risk customers',
        "流失风险客户",
        {"message": "New arrivals are in"},
    ),
    ("傳「新品到貨」給上海嘅客", "上海的客户", {"message": "新品到貨"}),
    ("传送“新品到了”给VIP客户", "VIP客户", {"message": "新品到了"}),
    (
        "send customers who didn't order a 满100减20 coupon",
        "没下过单的客户",
        {"coupon": "满100减20"},
    ),
    ("send VIP customers another 满100减20 coupon", "VIP客户", {"coupon": "满100减20"}),
    ("mass message VIP customers “hi”", "VIP客户", {"message": "hi"}),
    ("mass-message VIP customers: hi there", "VIP客户", {"message": "hi there"}),
    ("blast VIP customers with the message “hi”", "VIP客户", {"message": "hi"}),
    ("broadcast the message “hi” to VIP customers", "VIP客户", {"message": "hi"}),
]


@pytest.mark.parametrize(("text", "whom", "details"), ENGLISH_SENDS)
def test_english_sends(text: str, whom: str, details: dict[str, str]) -> None:
    acts(text, "push", whom, **details)


# One each, or again, to those just answered (the chat resolves them).
PUSH_THEM = [
    ("每人发一张满1000减100的券", {"coupon": "满1000减100"}),
    ("一人一张满100减20的券", {"coupon": "满100减20"}),
    ("每位再送一张满100减20的券", {"coupon": "满100减20"}),
    ("每人發一張滿100減20嘅券", {"coupon": "满100减20"}),
    ("再给他们发一张满100减20的券", {"coupon": "满100减20"}),
    ("给他们每人再发一张满100减20的券", {"coupon": "满100减20"}),
    ("又给他们发消息“hi”", {"message": "hi"}),
    ("send them another coupon, 满100减20", {"coupon": "满100减20"}),
    ("also send them a 满100减20 coupon", {"coupon": "满100减20"}),
    ("再俾佢哋發張滿100減20嘅券", {"coupon": "满100减20"}),
    ("给他们群发消息“VIP专享日本周六开启”", {"message": "VIP专享日本周六开启"}),
]


@pytest.mark.parametrize(("text", "details"), PUSH_THEM)
def test_push_to_the_answer(text: str, details: dict[str, str]) -> None:
    acts(text, "push", None, **details)


# Receiving a mass message is a condition, never a send.
RECEIVED = [
    "近30天没收到过群发的VIP",
    "收到过群发消息的客户",
    "收過群發嘅客",
    "customers who got a mass message",
]


@pytest.mark.parametrize("text", RECEIVED)
def test_received_is_a_condition(text: str) -> None:
    assert command(text).intent == "list"


# ---- export and describe -------------------------------------------------------------------

EXPORT = [
    ("搜手机号添加的客户，做成表格发我", "搜手机号添加的客户"),
    ("可唔可以將銷售一部啲VIP客匯出成表", "销售一部的VIP客户"),
    ("把上海的VIP整成一张表", "上海的VIP客户"),
    ("上海客户导出成表格", "上海的客户"),
    ("export the VIPs in Shanghai to a table", "VIP customers in Shanghai"),
    ("make a spreadsheet of VIP customers", "VIP客户"),
    ("請把上海客戶做成報表", "上海的客户"),
    ("幫我將上海客出張報表", "上海的客户"),
    ("幫我將上海客轉成表格", "上海的客户"),
]


@pytest.mark.parametrize(("text", "whom"), EXPORT)
def test_export(text: str, whom: str) -> None:
    found = acts(text, "export", whom)
    assert found.details.get("format") == "xlsx"


DESCRIBE = [
    ("幫我看一下上海嘅VIP客戶輪廓", "上海的VIP客户"),
    ("上海客户的概貌", "上海的客户"),
    ("give me an overview of VIP customers", "VIP客户"),
    ("VIP客户的轮廓是怎样的", "VIP客户"),
]


@pytest.mark.parametrize(("text", "whom"), DESCRIBE)
def test_describe(text: str, whom: str) -> None:
    acts(text, "describe", whom)


def test_a_lone_sheet_word_is_no_export() -> None:
    asked = parse("买过手表的客户")
    assert isinstance(asked, Clarification)
    assert "手表" in asked.message


# The save verb first with no name: the name is asked, never made up.
SAVE_NO_NAME = [
    "save上海客户",
    "幫我save低呢啲客",
    "save customers in Shanghai",
    "保存一下上海客户",
]


@pytest.mark.parametrize("text", SAVE_NO_NAME)
def test_save_without_a_name_asks_it(text: str) -> None:
    asked = parse(text)
    assert isinstance(asked, Clarification), f"{text!r} was answered: {asked}"
    assert "名字" in asked.message or "name" in asked.message
