"""Pushes and schedules however the sending is worded (issue 19, blind s10): a message said
with a verb of telling, a coupon with a message added by a verb of saying, 帮/同我/寄 around a
send, and schedules with no hour (the default hour, shown on the card) or only a part of the
day (asked, offering hours of that part) — in zh-Hans, zh-Hant/Cantonese, English and mixed.
The corpus checks the segments; these check what is sent and when."""

from __future__ import annotations

import itertools

import pytest

from segmentation.nlq import Clarification, Command
from segmentation.nlq.actions import DEFAULT_TIME
from segmentation.nlq.say_words import find_said
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

VOCAB = small_vocabulary()


_READER = Reader(VOCAB)
parse = _READER.parse
command = _READER.command


def sent(result: Command) -> dict[str, object]:
    """What is sent: the details without the asker's script."""
    return {k: v for k, v in result.details.items() if k not in ("script", "schedule")}


# ---- telling verbs: frame × how the words are given ---------------------------------------

TELL_ZH = [
    "跟金卡客户说{w}",
    "跟金卡客户说一声{w}",
    "和金卡客户讲一句{w}",
    "对金卡客户说{w}",
    "同金卡嘅客讲声{w}",
    "同金卡啲客講{w}",
    "跟金卡客戶說{w}",
    "話俾金卡啲客知{w}",
    "讲畀金卡客户听{w}",
    "通知一下金卡客户{w}",
    "通知金卡客戶{w}",
    "告诉金卡客户{w}",
    "提醒一下金卡客户{w}",
    "麻烦帮我跟金卡客户说一声{w}",
]
WORDS_ZH = ["：周六到店有礼", "“周六到店有礼”", "：「周六到店有礼」", " 「周六到店有礼」"]


@pytest.mark.parametrize("text", [f.format(w=w) for f, w in itertools.product(TELL_ZH, WORDS_ZH)])
def test_a_chinese_telling_verb_sends_the_words(text: str) -> None:
    result = command(text)
    assert result.intent == "push", text
    assert sent(result) == {"message": "周六到店有礼"}, text
    assert result.segment is not None and "金卡" in result.description, text


TELL_EN = [
    "tell 金卡 customers{w}",
    "remind 金卡 customers{w}",
    "notify 金卡 customers{w}",
    "let 金卡 customers know{w}",
    "ping 金卡 customers{w}",
    "please tell everyone tagged 金卡{w}",
    "send word to 金卡 customers{w}",
]
WORDS_EN = [
    ": Sale ends Sunday",
    ' "Sale ends Sunday"',
    ": “Sale ends Sunday”",
    " that Sale ends Sunday",
]


@pytest.mark.parametrize("text", [f.format(w=w) for f, w in itertools.product(TELL_EN, WORDS_EN)])
def test_an_english_telling_verb_sends_the_words_as_typed(text: str) -> None:
    result = command(text)
    assert result.intent == "push", text
    assert sent(result) == {"message": "Sale ends Sunday"}, text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("告诉VIP客户说周末有惊喜", "周末有惊喜"),
        ("告诉VIP客户说明天休息", "明天休息"),
        ("tell customers that ordered last month that the New menu is out", "the New menu is out"),
        ("tell customers who visited this week that Doors open at 9", "Doors open at 9"),
        ("跟他们说一声“明天见”", "明天见"),
    ],
)
def test_unquoted_words_after_say_or_that_are_kept_as_typed(text: str, message: str) -> None:
    result = command(text)
    assert result.intent == "push" and result.details["message"] == message, text


@pytest.mark.parametrize(
    "text",
    [
        "跟我说说上海有多少客户",
        "同我讲下上海有几多客",
        "告诉我：上海有多少客户",
        "通知过的客户有哪些",
        "remind VIPs to use their coupons",
        "给VIP客户说明一下优惠规则",
        "跟VIP客户讲解一下新品",
    ],
)
def test_telling_the_asker_or_a_condition_is_no_send(text: str) -> None:
    result = parse(text)
    assert not (isinstance(result, Command) and result.intent in ("push", "schedule")), result


def test_a_that_right_after_the_people_and_before_a_verb_is_the_segment_s() -> None:
    said = find_said("tell customers that visited this week that we open late")
    assert said is not None
    text = "tell customers that visited this week that we open late"
    assert text[slice(*said.seg)] == "customers that visited this week"
    assert text[slice(*said.what)] == "we open late"


# ---- a coupon and a message together ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "coupon"),
    [
        ("给VIP客户发85折券，顺便说一句“感谢支持”", "8.5折"),
        ("给VIP客户发满300减50的券，另外说一句“感谢支持”", "满300减50"),
        ("給VIP客戶發滿300減50的券，再講句：感谢支持", "满300减50"),
        ("俾VIP客發張9折券，順便講聲「感谢支持」", "9折"),
        ("send VIP customers a 10% off coupon and say “感谢支持”", "9折"),
        ("send VIP customers a ¥20 coupon, with the note “感谢支持”", "20元券"),
    ],
)
def test_a_message_said_beside_a_coupon_goes_with_it(text: str, coupon: str) -> None:
    result = command(text)
    assert result.intent == "push", text
    assert sent(result) == {"coupon": coupon, "message": "感谢支持"}, text


# ---- other send wordings -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "coupon"),
    [
        ("帮近30天下过单的客户发一张满200减20的券", "满200减20"),
        ("幫上週到過店的客戶發一張滿300折30的券", "满300减30"),
        ("同我send張滿500減50嘅券畀金卡啲客", "满500减50"),
        ("同我發張9折券俾VIP客", "9折"),
        ("give VIP customers a ¥30 cash coupon", "30元券"),
        ("send 金卡 customers a $15 flat voucher", "15元券"),
    ],
)
def test_send_wordings_read_their_coupon(text: str, coupon: str) -> None:
    result = command(text)
    assert result.intent == "push" and sent(result) == {"coupon": coupon}, text


@pytest.mark.parametrize(
    "text",
    [
        "给VIP客户寄感谢讯息：谢谢支持",
        "給VIP客戶寄感謝訊息「谢谢支持」",
        "发给VIP客户：谢谢支持",
        "send给VIP客户：谢谢支持",
        "推送給VIP客戶「谢谢支持」",
    ],
)
def test_mailed_and_sent_to_messages(text: str) -> None:
    result = command(text)
    assert result.intent == "push" and sent(result) == {"message": "谢谢支持"}, text


# ---- schedules: no hour, a part of the day, the day said after "weekly" --------------------


@pytest.mark.parametrize(
    ("text", "schedule"),
    [
        ("每天给VIP客户发消息“早”", {"every": "day", "weekday": None}),
        ("每周三给VIP客户发一张满200减20的券", {"every": "week", "weekday": 3}),
        ("每個禮拜六俾VIP客發訊息「早」", {"every": "week", "weekday": 6}),
        ("逢星期日同VIP客讲声：早", {"every": "week", "weekday": 7}),
        ("每月5号给VIP客户发消息“早”", {"every": "month", "day": 5}),
        ("every Tuesday send VIP customers a 10% off coupon", {"every": "week", "weekday": 2}),
        ("every day remind VIP customers: drink water", {"every": "day", "weekday": None}),
        ("每天 tell VIP customers “早”", {"every": "day", "weekday": None}),
    ],
)
def test_a_schedule_without_an_hour_runs_at_the_default_hour(
    text: str, schedule: dict[str, object]
) -> None:
    result = command(text)
    assert result.intent == "schedule", text
    assert result.details["schedule"] == {**schedule, "time": DEFAULT_TIME}, text


@pytest.mark.parametrize(
    ("text", "word", "first"),
    [
        ("每周五下午给VIP客户发消息“早”", "下午", "下午2点"),
        ("每週一早上給VIP客戶寄訊息「早」", "早上", "早上8点"),
        ("逢星期三晏晝俾VIP客發訊息「早」", "晏昼", "晏昼12点"),
        ("每晚给VIP客户发消息“早”", "每晚", "每晚7点"),
        ("每天晚上给VIP客户发消息“早”", "晚上", "晚上7点"),
        ("every Monday morning send VIP customers a message “hi”", "morning", "morning at 8am"),
        ("every evening remind VIP customers: “hi”", "every evening", "every evening at 6pm"),
    ],
)
def test_a_part_of_the_day_without_its_hour_is_asked_offering_hours(
    text: str, word: str, first: str
) -> None:
    result = parse(text)
    assert isinstance(result, Clarification), f"{text!r} read as {result}"
    assert f"“{word}”" in result.message and result.suggestions[0] == first, result


@pytest.mark.parametrize(
    ("text", "schedule"),
    [
        ("每周五下午3点给VIP客户发消息“早”", {"every": "week", "weekday": 5, "time": "15:00"}),
        ("每個禮拜五下晝三點 send「早」畀VIP客", {"every": "week", "weekday": 5, "time": "15:00"}),
        ("每日夜晚九點同VIP客講：「早」", {"every": "day", "weekday": None, "time": "21:00"}),
        (
            "every Monday evening at 8 send VIP customers a message “hi”",
            {"every": "week", "weekday": 1, "time": "20:00"},
        ),
        (
            "schedule a weekly message every Friday at 6pm to VIP customers: “hi”",
            {"every": "week", "weekday": 5, "time": "18:00"},
        ),
        (
            "every morning at 9 remind VIP customers: “hi”",
            {"every": "day", "weekday": None, "time": "09:00"},
        ),
        ("每周一定时给VIP客户发消息“早”", {"every": "week", "weekday": 1, "time": DEFAULT_TIME}),
    ],
)
def test_scheduled_telling_and_parts_with_their_hour(
    text: str, schedule: dict[str, object]
) -> None:
    result = command(text)
    assert result.intent == "schedule", text
    assert result.details["schedule"] == schedule, text


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("給VIP客戶發一張滿200減30的券", "hant"),
        ("每個禮拜五下晝三點 send「週末優惠」畀高意向嘅客", "hant"),
        ("给VIP客户发一张满200减30的券", None),
        ("给VIP客户发消息“多謝支持”", None),  # the message's script is the customers' words
        ("send VIP customers a ¥20 coupon", None),
    ],
)
def test_a_push_asked_in_traditional_characters_says_so(text: str, script: str | None) -> None:
    assert command(text).details.get("script") == script
