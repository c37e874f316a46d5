"""A send that runs once at a later time (issue 19, blind s11): "明早9点给…发…", "下周三下午3点…",
"11月5号上午10点…只发一次", "聽朝10點同…講「…」", "tomorrow at 9am send …", "next Friday 3pm
message …" — in zh-Hans, zh-Hant/Cantonese, English and mixed. The day is resolved against the
parse's now (fixture: Sunday 2026-11-01 10:00 Asia/Shanghai); a past time, a day that is not one
day (下周, next month) and a part of the day without its hour are asked back."""

from __future__ import annotations

import pytest

from bot.commands.actions import schedule_words
from segmentation.nlq import Clarification, Command
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

VOCAB = small_vocabulary()


_READER = Reader(VOCAB)
parse = _READER.parse


ONCE = [
    # zh-Hans
    ("明早9点给VIP客户发一张满300减50的券", "2026-11-02", "09:00"),
    ("明天上午10点半给VIP客户发“感谢光临”", "2026-11-02", "10:30"),
    ("明天下午两点帮我发给VIP客户：“到货了”", "2026-11-02", "14:00"),
    ("下周三下午3点给VIP客户群发“沙龙报名开始”", "2026-11-04", "15:00"),
    ("下个星期五晚上8点给VIP客户发消息“周末见”", "2026-11-06", "20:00"),
    ("11月5号上午10点给VIP客户发消息“新品”，只发一次", "2026-11-05", "10:00"),
    ("11月5日上午10点给VIP客户发消息“新品”", "2026-11-05", "10:00"),
    ("2027年1月5号上午10点给VIP客户发消息“新年好”", "2027-01-05", "10:00"),
    ("后天晚上8点给VIP客户发消息“周末见”", "2026-11-03", "20:00"),
    ("今晚8点给VIP客户发消息“今晚有直播”", "2026-11-01", "20:00"),
    ("明天给VIP客户发消息“hi”", "2026-11-02", "10:00"),  # no hour: the schedules' default
    ("请明天上午9点给VIP客户推送消息“早安”", "2026-11-02", "09:00"),
    ("给今天下单的客户明天上午10点发消息“谢谢”", "2026-11-02", "10:00"),
    # zh-Hant / Cantonese
    ("聽朝10點同VIP客講「多謝關注」", "2026-11-02", "10:00"),
    ("聽日下晝兩點send佢哋個訊息「新貨到咗」", "2026-11-02", "14:00"),
    ("後日朝早9點同VIP客講「早晨」", "2026-11-03", "09:00"),
    ("明天下午兩點幫我發給VIP客戶：「您詢問的商品已補貨」", "2026-11-02", "14:00"),
    ("下禮拜三下午3點傳「新品到貨」給VIP客戶", "2026-11-04", "15:00"),
    # English
    ("tomorrow at 9am send VIPs a 50-off-300 coupon", "2026-11-02", "09:00"),
    ("next Friday 3pm message VIP customers “hi”", "2026-11-06", "15:00"),
    ("on Nov 5 at 10am send VIP customers the message “new in”", "2026-11-05", "10:00"),
    ("tonight at 8 send VIP customers the message “live now”", "2026-11-01", "20:00"),
    ("the day after tomorrow at 9am send VIP customers the message “hi”", "2026-11-03", "09:00"),
    ("this Friday at 6pm send VIP customers the message “hi”, just once", "2026-11-06", "18:00"),
    # mixed
    ("tomorrow 早上10点 send 满200减20 coupon 给VIP客户", "2026-11-02", "10:00"),
    ("明天 9am send VIP customers the message “hi”", "2026-11-02", "09:00"),
]


@pytest.mark.parametrize(("text", "day", "time"), ONCE)
def test_a_later_send_runs_once_at_the_day_and_time_said(text: str, day: str, time: str) -> None:
    result = parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    assert result.intent == "schedule"
    assert result.details["schedule"] == {"every": "once", "date": day, "time": time}
    assert result.details.get("message") or result.details.get("coupon")


ASKED = [
    ("今天上午9点给VIP客户发消息“hi”", "已经过去"),  # 10:00 now: passed
    ("1月5号给VIP客户发消息“hi”", "2027年1月5号"),  # passed this year: which year?
    ("on Jan 5 at 9am send VIP customers the message “hi”", "2027"),
    ("2月30号上午10点给VIP客户发消息“hi”", "没有"),
    ("明天下午给VIP客户发消息“hi”", "明天下午3点"),  # which hour: as 每天下午 is
    ("明早给VIP客户发消息“hi”", "明早9点"),
    ("tomorrow morning send VIP customers the message “hi”", "9am"),
    ("今天给VIP客户发消息“hi”", "几点"),  # today, no hour: now or later?
    ("下周给VIP客户发消息“hi”", "哪一天"),
    ("下个月给VIP客户发消息“hi”", "哪一天"),
    ("next week send VIP customers the message “hi”", "Which day"),
    ("周五下午3点给VIP客户发消息“hi”", "每周五"),  # this Friday, or every Friday?
    ("禮拜五下晝3點同VIP客講「hi」", "每礼拜五"),
    ("Friday at 3pm send VIP customers the message “hi”", "every Friday"),
    ("明天3点给VIP客户发消息“hi”", "下午3点"),  # 3am or 3pm?
]


@pytest.mark.parametrize(("text", "asked"), ASKED)
def test_a_time_that_is_no_time_to_come_is_asked_back(text: str, asked: str) -> None:
    result = parse(text)
    assert isinstance(result, Clarification), f"{text!r} was read as {result}"
    assert asked in result.message + " ".join(result.suggestions)


NOT_ONCE = [
    ("明天生日的客户", None),  # a day word in a condition, nothing sent
    ("今天下单的客户有几个", "count"),
    ("给今天下单的客户发消息“谢谢”", "push"),  # today is the segment's, the send is now
    ("每天上午10点给VIP客户发消息“早安”", "schedule"),  # recurring stays recurring
]


@pytest.mark.parametrize(("text", "intent"), NOT_ONCE)
def test_a_day_word_of_the_segment_is_no_one_off_time(text: str, intent: str | None) -> None:
    result = parse(text)
    if intent is None:
        assert isinstance(result, Clarification)
        return
    assert isinstance(result, Command) and result.intent == intent
    assert (result.details.get("schedule") or {}).get("every") != "once"


def test_the_card_says_once_and_the_date() -> None:
    schedule = {"every": "once", "date": "2026-11-02", "time": "09:00"}
    assert schedule_words(schedule, "zh") == "仅一次：11月2日（周一） 09:00"
    assert schedule_words(schedule, "en") == "once: Mon Nov 2, 09:00"


@pytest.mark.parametrize(
    "text",
    [
        "明天3点给VIP客户发消息“hi”",
        "每天3点给VIP客户发消息“hi”",
        "每週一兩點同VIP客講「hi」",
        "every day at 3 send VIP customers the message “hi”",
        "tomorrow at 5 send VIP customers the message “hi”",
    ],
)
def test_an_hour_before_dawn_without_am_or_pm_is_asked(text: str) -> None:
    result = parse(text)
    assert isinstance(result, Clarification), f"{text!r} was read as {result}"
    assert "凌晨" in result.message or "am or" in result.message


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("明天凌晨3点给VIP客户发消息“hi”", "03:00"),
        ("明天下午3点给VIP客户发消息“hi”", "15:00"),
        ("明天03:00给VIP客户发消息“hi”", "03:00"),
        ("tomorrow at 3pm send VIP customers the message “hi”", "15:00"),
        ("明晚8点给VIP客户发消息“hi”", "20:00"),
        ("明天8点给VIP客户发消息“hi”", "08:00"),
    ],
)
def test_an_hour_with_its_part_of_the_day_is_read(text: str, time: str) -> None:
    result = parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    assert result.details["schedule"]["time"] == time
