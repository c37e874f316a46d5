"""What an action carries besides its segment, by category (issue 19, blind s9-2): the name
a segment is saved under however the saving is worded, and the schedule a repeated send runs
on however its frequency and time of day are said — in zh-Hans, zh-Hant/Cantonese, English
and mixed. The corpus checks the segments; these check the details the card shows and the
scheduler runs."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from bot.commands.actions import schedule_words
from bot.services.campaigns.cron import CronSchedule
from bot.services.campaigns.push_preview import schedule_cron
from segmentation.nlq import Clarification, Command
from tests.segmentation.nlq.fixture import NOW, TZ, Reader, small_vocabulary

VOCAB = small_vocabulary()


_READER = Reader(VOCAB)
parse = _READER.parse
command = _READER.command


# ---- save: verb × container × where the name is said --------------------------------------

SAVE_ZH = [
    "把VIP客户{v}{n}",
    "將VIP客戶{v}{n}",
    "VIP客户{v}{n}",
]
SAVE_VERBS_ZH = [
    "存为",
    "存成",
    "存做",
    "保存为",
    "保存做",
    "另存为",
    "储存为",
    "存低做",
    "save 成",
    "save as",
]
SAVE_NAMES_ZH = [
    "“重点跟进”",
    "分群“重点跟进”",
    "一个新分群叫“重点跟进”",
    "名单 重点跟进",
    "“重点跟进”名单",
    "“重点跟进”分群",
    " segment “重点跟进”",
    "list：重点跟进",
]
SAVE_EN = [
    "save VIP customers as {n}",
    "save these as {n}",
    "keep VIP customers as {n}",
    "上海的VIP save as {n}",
]
SAVE_NAMES_EN = [
    'a segment "重点跟进"',
    'segment "重点跟进"',
    'a list called "重点跟进"',
    'a new segment named "重点跟进"',
]


@pytest.mark.parametrize(
    "text",
    [
        frame.format(v=verb, n=name)
        for frame, verb, name in itertools.product(SAVE_ZH, SAVE_VERBS_ZH, SAVE_NAMES_ZH)
    ]
    + [frame.format(n=name) for frame, name in itertools.product(SAVE_EN, SAVE_NAMES_EN)],
)
def test_a_save_keeps_only_the_name_whatever_the_wording(text: str) -> None:
    result = command(text)
    assert result.intent == "save", text
    assert result.details["name"] == "重点跟进", text


@pytest.mark.parametrize(
    "text",
    ["把VIP客户存成分群", "save VIPs as a segment", "把VIP客户存做名单", "keep these as a list"],
)
def test_a_save_without_a_name_asks_for_it(text: str) -> None:
    assert isinstance(parse(text), Clarification), text


@pytest.mark.parametrize("text", ["买过保存液的客户", "keep only the ones in 北京"])
def test_save_words_inside_a_condition_save_nothing(text: str) -> None:
    result = parse(text)
    assert not (isinstance(result, Command) and result.intent == "save"), result


# ---- schedules: frequency × time of day × push frame --------------------------------------

FREQUENCIES: list[tuple[str, dict[str, Any]]] = [
    ("每天", {"every": "day", "weekday": None}),
    ("天天", {"every": "day", "weekday": None}),
    ("每日", {"every": "day", "weekday": None}),
    ("每周三", {"every": "week", "weekday": 3}),
    ("每个星期五", {"every": "week", "weekday": 5}),
    ("每礼拜天", {"every": "week", "weekday": 7}),
    ("逢星期一", {"every": "week", "weekday": 1}),
    ("每逢周五", {"every": "week", "weekday": 5}),
    ("逢禮拜二", {"every": "week", "weekday": 2}),
    ("每个工作日", {"every": "weekdays", "weekday": None}),
    ("周一到周五", {"every": "weekdays", "weekday": None}),
    ("每個月1號", {"every": "month", "day": 1}),
    ("每月15日", {"every": "month", "day": 15}),
    ("每个月二十号", {"every": "month", "day": 20}),
]
TIMES_ZH = [
    ("上午10点", "10:00"),
    ("早上九点半", "09:30"),
    ("朝早十點", "10:00"),
    ("下午3点", "15:00"),
    ("晚上8点", "20:00"),
    ("中午12点", "12:00"),
    ("晏晝兩點", "14:00"),
    ("10点30分", "10:30"),
    ("十点一刻", "10:15"),
    ("10:00", "10:00"),
]
PUSH_ZH = [
    "给高意向客户发消息“你好”",
    "俾高意向嘅客發個message「你好」",
    "给高意向客户发一张满200减30的券",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{freq}{time}{push}", {**schedule, "time": at})
        for (freq, schedule), (time, at), push in itertools.product(FREQUENCIES, TIMES_ZH, PUSH_ZH)
    ],
)
def test_every_chinese_frequency_and_time_is_one_schedule(
    text: str, expected: dict[str, Any]
) -> None:
    result = command(text)
    assert result.intent == "schedule", text
    assert result.details["schedule"] == expected, text


EN_SCHEDULES = [
    ("every day at 9am", {"every": "day", "weekday": None, "time": "09:00"}),
    ("daily at 9:30 am", {"every": "day", "weekday": None, "time": "09:30"}),
    ("every evening at 8", {"every": "day", "weekday": None, "time": "20:00"}),
    ("every day at 8 in the evening", {"every": "day", "weekday": None, "time": "20:00"}),
    ("every day at noon", {"every": "day", "weekday": None, "time": "12:00"}),
    ("every Monday at 10", {"every": "week", "weekday": 1, "time": "10:00"}),
    ("every Friday at 6pm", {"every": "week", "weekday": 5, "time": "18:00"}),
    ("on Mondays at 10am", {"every": "week", "weekday": 1, "time": "10:00"}),
    ("Wednesdays at 18:00", {"every": "week", "weekday": 3, "time": "18:00"}),
    ("weekly on Tuesday at 9am", {"every": "week", "weekday": 2, "time": "09:00"}),
    ("weekdays at 9", {"every": "weekdays", "weekday": None, "time": "09:00"}),
    ("every weekday at 9am", {"every": "weekdays", "weekday": None, "time": "09:00"}),
    ("Monday to Friday at 9am", {"every": "weekdays", "weekday": None, "time": "09:00"}),
    ("on the 1st of every month at 10am", {"every": "month", "day": 1, "time": "10:00"}),
    ("every month on the 15th at 9:30am", {"every": "month", "day": 15, "time": "09:30"}),
    ("monthly on day 5 at 8pm", {"every": "month", "day": 5, "time": "20:00"}),
    ("每周三 10am", {"every": "week", "weekday": 3, "time": "10:00"}),
]
PUSH_EN = [
    'send VIP customers a message "hi"',
    "send at-risk customers a 30-off-200 coupon",
    "给金卡客户发满200减30的券",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{when}, {push}" if push.isascii() else f"{when} {push}", schedule)
        for (when, schedule), push in itertools.product(EN_SCHEDULES, PUSH_EN)
    ],
)
def test_every_english_frequency_and_time_is_one_schedule(
    text: str, expected: dict[str, Any]
) -> None:
    result = command(text)
    assert result.intent == "schedule", text
    assert result.details["schedule"] == expected, text


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("每周给VIP发消息“你好”", "哪一天"),
        ("every week at 10am send VIP customers a message “hi”", "which day"),
        ("每月给VIP发消息“你好”", "几号"),
        ("每月31号上午10点给VIP发消息“你好”", "31"),
        ("每月底上午10点给VIP发消息“你好”", "月底"),
        ("every weekend at 10am send VIP customers a message “hi”", "weekend"),
        ("每个周末上午10点给VIP发消息“你好”", "周末"),
        ("每周五下午给VIP发消息“你好”", "下午"),
        ("每晚给VIP发消息“你好”", "每晚"),
        ("每周三 10am 给金卡客户发 coupon", "券"),
    ],
)
def test_a_schedule_the_scheduler_cannot_run_is_asked_back(text: str, says: str) -> None:
    result = parse(text)
    assert isinstance(result, Clarification), f"{text!r} read as {result}"
    assert says.lower() in result.message.lower()


@pytest.mark.parametrize("text", ["每个月都下单的客户", "每天都来的客户", "工作日下单的客户"])
def test_how_often_customers_did_something_is_no_schedule(text: str) -> None:
    result = parse(text)
    assert not (isinstance(result, Command) and result.intent == "schedule"), result


@pytest.mark.parametrize(
    ("schedule", "cron", "first", "zh", "en"),
    [
        (
            {"every": "weekdays", "time": "09:00"},
            "0 9 * * 1-5",
            "2026-11-02 09:00",
            "工作日",
            "weekday",
        ),
        (
            {"every": "month", "day": 1, "time": "10:00"},
            "0 10 1 * *",
            "2026-12-01 10:00",
            "每月1日",
            "day 1",
        ),
        (
            {"every": "week", "weekday": 7, "time": "08:30"},
            "30 8 * * 0",
            "2026-11-08 08:30",
            "每周日",
            "Sunday",
        ),
    ],
)
def test_a_parsed_schedule_runs_and_reads_as_said(
    schedule: dict[str, Any], cron: str, first: str, zh: str, en: str
) -> None:
    """NOW is Sunday 2026-11-01 10:00 in Shanghai: the next slot of each schedule."""
    assert schedule_cron(schedule) == cron
    due = CronSchedule.parse(cron).next_after(NOW, TZ)
    assert due is not None and due.astimezone(TZ).strftime("%Y-%m-%d %H:%M") == first
    assert zh in schedule_words(schedule, "zh") and en in schedule_words(schedule, "en")
