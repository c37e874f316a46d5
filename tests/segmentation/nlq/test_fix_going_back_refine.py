"""Going back a step and refinements that keep their base, by category and in every
language form (issue 19): the readers alone; the conversations are in
tests/commands/conversations/fix-going-back-refine.txt."""

from __future__ import annotations

import pytest

from segmentation.nlq.backref import STEP, read_back_reference
from segmentation.nlq.followup import AND, read_follow_up
from segmentation.nlq.leadins import without_acknowledgement
from segmentation.nlq.widen import WINDOW, read_widening

STEP_BACK = [
    # zh-Hans
    "回到上一步", "回上一步", "返回", "上一步", "撤销", "撤回", "退一步", "改回去吧", "返回上一个",
    "好，回到上一步", "还原一下",
    # Taiwan
    "返回上一個", "回到上一個", "撤銷", "改回來", "還原",
    # Cantonese
    "退返上一步", "返上一步", "返去", "退返去", "變返之前嗰個",
    # English
    "undo that", "undo", "go back", "back to the previous one", "revert that", "step back",
    "go back one step", "the previous one", "ok, undo the last change",
    # mixed
    "undo 一下", "go back 吧",
]  # fmt: skip


@pytest.mark.parametrize("text", STEP_BACK)
def test_a_step_back_is_read_in_every_form(text: str) -> None:
    found = read_back_reference(text)
    assert found is not None and found.position == STEP and found.rest == ""


def test_a_step_back_keeps_what_is_asked_of_it() -> None:
    found = read_back_reference("回到上一步，其中女的有几个")
    assert found is not None and found.position == STEP and found.rest == "其中女的有几个"


@pytest.mark.parametrize(
    "text",
    ["返回客户列表里的VIP", "上一个月下单的客户", "上一次活动群发谁收到了", "back to VIP customers",
     "undo the VIP tag on them", "回去看VIP客户", "上一步的VIP呢"],
)  # fmt: skip
def test_words_that_run_on_are_no_step_back(text: str) -> None:
    found = read_back_reference(text)
    assert found is None or found.position != STEP


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("列出其中的女性", "女性列出来"),
        ("看看这些人里面男的", "男的列出来"),
        ("睇下呢啲入面男嘅", "男嘅列出来"),
        ("these 里面 male 的", "male 的"),
        ("those 當中 上海嘅", "上海嘅"),
        ("them 入面 VIP", "VIP"),
        ("have any of them ordered", "which have ordered"),
        ("did any of them order", "which did order"),
        ("are any of those in Shanghai", "which are in Shanghai"),
        ("has anyone of these customers bought 唇釉", "which has bought 唇釉"),
    ],
)
def test_narrowings_said_in_other_orders_are_read(text: str, rest: str) -> None:
    found = read_follow_up(text)
    assert found is not None and found.mode == AND and found.pointed and found.rest == rest


@pytest.mark.parametrize("text", ["列出其中", "看看这些人", "列出VIP客户"])
def test_a_list_verb_with_no_condition_narrows_nothing(text: str) -> None:
    assert read_follow_up(text) is None


def test_a_count_after_a_list_verb_stays_a_count() -> None:
    found = read_follow_up("看看其中女的有几个")
    assert found is not None and found.rest == "女的有几个"


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("唔使理時間，淨係要上海嗰啲", "淨係要上海嗰啲"),
        ("不管时间，只要上海的", "只要上海的"),
        ("不理時間，只要上海嘅", "只要上海嘅"),
        ("唔理幾時，淨係要上海嗰啲", "淨係要上海嗰啲"),
        ("不管什么时候", ""),
        ("時間不拘", ""),
        ("ignore the dates, only the Shanghai ones", "only the Shanghai ones"),
        ("regardless of when, just the ones in Shanghai", "just the ones in Shanghai"),
        ("no matter when", ""),
        ("any time, only the Shanghai ones", "only the Shanghai ones"),
    ],
)
def test_dropping_the_time_is_read_in_every_form(text: str, rest: str) -> None:
    found = read_widening(text)
    assert found is not None and found.kind == WINDOW and found.rest == rest


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("算，淨係要男嘅", "淨係要男嘅"),
        ("算了，只要男的", "只要男的"),
        ("罷了，淨係要VIP", "淨係要VIP"),
        ("forget it, only the men", "only the men"),
        ("never mind, just men", "just men"),
        ("算一下北京的客户", "算一下北京的客户"),  # 算 a verb: kept
    ],
)
def test_never_mind_before_only_x_says_nothing(text: str, left: str) -> None:
    assert without_acknowledgement(text) == left
