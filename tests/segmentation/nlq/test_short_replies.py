"""Short replies that complete or correct the turn before (spec §2c), read one sentence at a
time: a period given back (30日, 半个月, past fortnight), a window swapped after a filler
(hmm what about …), a time said before the pointer (这两天她们…), a time of day said before
its day (8pm tonight, for 9am tomorrow, for Monday 9am), cancel words with what to do
instead, and the coupon's value said alone on a card — zh-Hans, zh-Hant (TW, HK), en, mixed.
(The conversations themselves: tests/commands/conversations/fix-replies.txt.)"""

from __future__ import annotations

import pytest

from bot.commands import card_amend
from segmentation.nlq import Clarification, Command, parse_command
from segmentation.nlq.followup import bare_days, read_follow_up, window_swap_words
from segmentation.nlq.leadins import without_acknowledgement
from segmentation.nlq.period_reply import period_words
from segmentation.nlq.timephrases import scan_time
from segmentation.nodes import RollingWindow
from segmentation.text import normalize
from tests.segmentation.nlq.fixture import NOW, TZ, small_vocabulary

VOCAB = small_vocabulary()


def parse(text: str) -> Command | Clarification:
    return parse_command(text, vocabulary=VOCAB, asker="zhangsan", now=NOW, tz=TZ)


# ---- a period given back -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("30日", "30"),
        ("三十日", "三十"),
        ("14日啦", "14"),
        ("咁就7日吧", "7"),
        ("就三十日啦", "三十"),
    ],
)
def test_n_days_alone_given_back_is_a_number_of_days(text: str, days: str) -> None:
    words = period_words(text)
    assert words is not None and bare_days(words) == days


@pytest.mark.parametrize("text", ["半个月", "半個月", "近半个月", "过去半个月", "半个月内"])
def test_half_a_month_is_fifteen_days(text: str) -> None:
    found = scan_time(normalize(text), 0, NOW, TZ)
    assert found is not None and found.window == RollingWindow(15, "days")
    assert found.end == len(normalize(text))


# ---- a window swapped, a filler before it --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("hmm what about the last 2 days", "the last 2 days"),
        ("hmm, what about the last 2 days?", "the last 2 days"),
        ("um how about last week", "last week"),
        ("well what about the last 3 months", "the last 3 months"),
        ("oh, what about the last 7 days", "the last 7 days"),
        ("嗯 那近7天呢", "近7天"),
        ("哦 那近7天呢", "近7天"),
        ("喔，咁近14日呢", "近14日"),
    ],
)
def test_a_filler_before_a_swapped_window_says_nothing(text: str, window: str) -> None:
    assert window_swap_words(text) == window


# ---- a time said before the pointer --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("这两天她们有下单吗", "这两天"),
        ("最近他们有下单吗", "最近"),
        ("最近佢哋有冇落單", "最近"),
        ("這兩天她們有下單嗎", "這兩天"),
        ("近7天这些人里有下单的吗", "近7天"),
        ("上个月这些客户里哪些下过单", "上个月"),
    ],
)
def test_a_time_before_the_pointer_is_the_same_follow_up(text: str, time: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and follow.pointed
    assert follow.rest.startswith(time)


@pytest.mark.parametrize("text", ["这两天下单的客户", "最近有咨询的客户", "上个月的VIP客户"])
def test_a_time_with_no_pointer_after_it_is_no_follow_up(text: str) -> None:
    follow = read_follow_up(text)
    assert follow is None or not follow.pointed


# ---- a time of day said before its day, and one weekday ------------------------------------


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("send VIP customers the message “hi” at 8pm tonight", "2026-11-01", "20:00"),
        ("send VIP customers the message “hi” 8pm tonight", "2026-11-01", "20:00"),
        ("give VIP customers 10% off, scheduled for 9am tomorrow", "2026-11-02", "09:00"),
        ("give VIP customers 10% off at 9am tomorrow", "2026-11-02", "09:00"),
        ("send VIP customers a 10% off coupon at 10am on Friday", "2026-11-06", "10:00"),
        ("schedule a message to VIP customers for Monday 9am: “Thanks”", "2026-11-02", "09:00"),
        ("schedule a message to VIP customers on Monday at 9am: “Thanks”", "2026-11-02", "09:00"),
        ("on Friday at 3pm send VIP customers the message “hi”", "2026-11-06", "15:00"),
        ("send VIP customers the message “hi” at 9 tomorrow morning", "2026-11-02", "09:00"),
        ("send VIP customers the message “hi” at 8 tonight", "2026-11-01", "20:00"),
    ],
)
def test_a_time_said_before_its_day_runs_once(text: str, day: str, time: str) -> None:
    result = parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    assert result.intent == "schedule"
    assert result.details["schedule"] == {"every": "once", "date": day, "time": time}


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Friday at 3pm send VIP customers the message “hi”", "every Friday"),  # once or weekly
        ("周一上午9点给VIP客户发消息“谢谢”", "每周一"),
        ("send VIP customers the message “hi” at 8am today", "passed"),  # 10:00 now
        ("send VIP customers the message “hi” at 3 tomorrow", "3pm"),  # 3am or 3pm?
    ],
)
def test_a_weekday_alone_or_a_past_time_is_still_asked(text: str, asked: str) -> None:
    result = parse(text)
    assert isinstance(result, Clarification), f"{text!r} was read as {result}"
    assert asked in result.message


@pytest.mark.parametrize(
    "text",
    [
        "tell VIP customers: the store opens at 9 tomorrow",
        "tell VIP customers: party at 8pm tonight",
    ],
)
def test_a_time_inside_the_message_after_a_colon_is_the_message(text: str) -> None:
    result = parse(text)
    assert isinstance(result, Command) and result.intent == "push"


def test_mondays_stay_a_condition_never_one_monday() -> None:
    result = parse("customers who ordered on Monday")
    assert not (isinstance(result, Command) and result.intent == "schedule")


# ---- cancel words, then what to do instead -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rest", "cancels"),
    [
        ("算了不發了 直接匯出給我", "直接匯出給我", True),
        ("不用了，直接导出吧", "直接导出吧", True),
        ("不要了 上海的VIP有几个", "上海的VIP有几个", True),
        ("算了，改成“下周见”", "改成“下周见”", True),
        ("唔使喇，淨係導出", "淨係導出", True),
        ("never mind, just export them instead", "export them", True),
        ("forget it - tag them VIP instead", "tag them VIP", True),
        ("no thanks, export them", "export them", True),
        ("唔好 改返做「多謝查詢 有咩可以幫到你」", "改返做「多謝查詢 有咩可以幫到你」", False),
        ("不要，换成9折", "换成9折", False),
        ("no, change the message to “see you”", "change the message to “see you”", False),
    ],
)
def test_cancel_words_then_what_to_do_instead(text: str, rest: str, cancels: bool) -> None:
    assert card_amend._said_instead(text) == (rest, cancels)


@pytest.mark.parametrize(
    "text",
    [
        "先不要 取消",
        "算了 cancel",
        "算啦唔send住",
        "不要发给北京的",
        "不要了",
        "never mind",
        "取消",
    ],
)
def test_cancel_words_alone_or_a_change_of_customers_are_no_instead(text: str) -> None:
    assert card_amend._said_instead(text) is None


@pytest.mark.parametrize(
    "text", ["先不要 取消", "算了 cancel", "不用了 取消吧", "never mind, cancel"]
)
def test_cancel_words_said_with_cancel_cancel(text: str) -> None:
    assert card_amend._CANCEL.match(normalize(text))


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("ok 就 VIP 里 北京 的", "VIP 里 北京 的"),
        ("好，就上海的吧", "上海的吧"),
        ("好的，就是这些吧", "就是这些吧"),
    ],
)
def test_just_after_an_acknowledgement(text: str, rest: str) -> None:
    assert without_acknowledgement(text) == rest


# ---- the coupon's value alone --------------------------------------------------------------


class _Card:
    def __init__(self, coupon: str) -> None:
        self.details = {"coupon": coupon}


@pytest.mark.parametrize(
    ("coupon", "said", "new"),
    [
        ("满500减100", "减80", "满500减80"),
        ("满500减100", "減80啦", "满500减80"),
        ("满200减20", "25 off", "满200减25"),
        ("满200减20", "¥25 off instead", "满200减25"),
        ("满200减20", "80", None),  # a bare number: either amount, asked as before
        ("9折", "减80", None),  # no threshold to keep
    ],
)
def test_the_coupon_value_alone_keeps_its_threshold(
    coupon: str, said: str, new: str | None
) -> None:
    assert card_amend._new_coupon_value(_Card(coupon), said) == new  # type: ignore[arg-type]
