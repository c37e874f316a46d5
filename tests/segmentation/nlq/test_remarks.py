"""Trailing remarks (segmentation/nlq/remarks.py): a whole last clause saying who needs the
answer, when, what for, how urgently, or thanks is dropped; nothing else ever is."""

from __future__ import annotations

import pytest

from segmentation.nlq.remarks import drop_remarks
from segmentation.text import normalize

COMMAND = "上海的vip客户"
REMARKS = [
    "老板明天开会要",
    "明天要用",
    "领导要看",
    "经理下午开会用",
    "开会用",
    "老板催着要",
    "今天之内要",
    "急",
    "比较急",
    "越快越好",
    "不急",
    "谢谢啦",
    "辛苦了",
    "唔该晒",
    "老細聽日開會要",
    "急住要",
    "my boss needs it tomorrow",
    "need it for the meeting",
    "we need it for the weekly report",
    "for my boss",
    "urgent",
    "it's kinda urgent",
    "asap please",
    "thanks in advance",
    "the manager is waiting for it",
]


@pytest.mark.parametrize("remark", REMARKS)
def test_a_remark_clause_after_a_command_is_dropped(remark: str) -> None:
    for mark in ("，", ", ", "。", "! "):
        assert drop_remarks(normalize(f"{COMMAND}{mark}{remark}")) == normalize(COMMAND)


def test_several_remark_clauses_are_dropped() -> None:
    assert drop_remarks(normalize(f"{COMMAND}，比较急，谢谢")) == normalize(COMMAND)
    assert drop_remarks("vip customers, urgent, thanks!") == "vip customers"


# Words that say which customers: a clause holding one is no remark, whatever else it says.
CONTENT = ["vip", "上海", "没下单", "头发长", "的客户", "in beijing", "who ordered", "喜欢的"]


@pytest.mark.parametrize("remark", REMARKS)
@pytest.mark.parametrize("word", CONTENT)
def test_a_clause_with_a_content_word_is_kept(remark: str, word: str) -> None:
    for clause in (f"{remark}{word}", f"{word}{remark}", f"{remark} {word}"):
        text = normalize(f"{COMMAND}，{clause}")
        assert drop_remarks(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "老板明天开会要",  # no command before it: nothing to drop it from
        "谢谢",
        "上海的vip客户，明天",  # a time alone may be a condition: asked, not dropped
        "上海的vip客户，老板",  # a role alone
        "上海的vip客户，今天用",  # 今天用 (a coupon used today), not "needed today"
        "上海的vip客户老板明天开会要",  # no clause mark: part of the clause before
        "给vip发消息“明天开会，谢谢”",  # inside a quoted message
    ],
)
def test_never_dropped_elsewhere(text: str) -> None:
    assert drop_remarks(normalize(text)) == normalize(text)
