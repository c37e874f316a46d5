"""Going back and picking after a question back (#19): a step back right after a question
back shows the last answer (not the one before it), whatever the words of the step back, and
is never taken for a value answering the question; a pick answers the original question."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.commands import conversation as conv
from bot.commands.picks import _steps_back
from bot.models.conversations import ConversationState
from tests.commands.chatworld import NO_ORDER_ZHANG
from tests.commands.conftest import ChatRig

AT = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)
SEGMENT = "近30天咨询未下单的客户"


def _answer(segment: str) -> conv.PreviousAnswer:
    return conv.PreviousAnswer({"tag": segment}, segment, "list", "zh", AT)


def test_a_step_back_after_a_question_back_is_the_last_answer() -> None:
    first, second = _answer("A"), _answer("B")
    asked = conv.Conversation(previous=second, trail=(first, second), asked_back=True)
    assert conv.step_back(asked) == (second, (first, second))


def test_a_step_back_after_an_answer_is_the_answer_before_it() -> None:
    first, second = _answer("A"), _answer("B")
    answered = conv.Conversation(previous=second, trail=(first, second))
    assert conv.step_back(answered) == (first, (first,))


def test_a_step_back_after_a_question_back_on_the_first_answer_shows_it_again() -> None:
    only = _answer("A")
    asked = conv.Conversation(previous=only, trail=(only,), asked_back=True)
    assert conv.step_back(asked) == (only, (only,))


@pytest.mark.parametrize(
    "text",
    ["回上一步", "返去上一步", "退一步", "退返一步", "退後一步", "撤回", "上一步", "返回上一步",
     "Undo", "go back", "go back one step", "one step back", "undo last step", "back please",
     "好，回上一步", "ok undo"],
)  # fmt: skip
def test_a_step_back_is_no_answer_to_a_question_back(text: str) -> None:
    pending = conv.PendingQuestion("其中打了“高意像”标签的", ("高意向",), "高意像", "zh", AT)
    assert _steps_back(text, pending)


@pytest.mark.parametrize("text", ["1", "第二个", "the second", "高意向", "是", "VIP", "上海"])
def test_a_pick_or_a_value_is_not_a_step_back(text: str) -> None:
    pending = conv.PendingQuestion("其中打了“高意像”标签的", ("高意向",), "高意像", "zh", AT)
    assert not _steps_back(text, pending)


def test_which_earlier_list_keeps_its_own_reading_of_the_previous_one() -> None:
    pending = conv.PendingQuestion("", ("a", "b"), None, "zh", AT, conv.EARLIER)
    assert not _steps_back("上一个", pending)


def _asked_back(rig: ChatRig, userid: str) -> bool:
    with rig.factory() as session:
        record = session.get(ConversationState, userid)
        assert record is not None
        return record.state["asked_back"] is True


def test_undo_after_a_question_back_shows_the_answer_before_it(rig: ChatRig) -> None:
    [listed] = rig.tell("zhangsan", SEGMENT)
    assert f"共 {len(NO_ORDER_ZHANG)} 人" in listed.text and not _asked_back(rig, "zhangsan")
    rig.tell("zhangsan", "这些客户里张三的有几个")
    [asked] = rig.tell("zhangsan", "其中xyzzy的")
    assert "共" not in asked.text and _asked_back(rig, "zhangsan")
    [back] = rig.tell("zhangsan", "回上一步")
    # the last answer (the refinement), shown again; a second step goes to the first list
    assert f"共 {len(NO_ORDER_ZHANG)} 人" in back.text and "由张三跟进" in back.text
    assert not _asked_back(rig, "zhangsan")
    [first] = rig.tell("zhangsan", "undo")
    assert f"{len(NO_ORDER_ZHANG)} in total" in first.text and "followed by" not in first.text


def test_a_step_back_is_never_the_value_put_in_the_word_asked_about(rig: ChatRig) -> None:
    rig.tell("zhangsan", SEGMENT)
    rig.tell("zhangsan", "这些客户里标签是“高意像”的")
    [back] = rig.tell("zhangsan", "Undo")
    assert "undo" not in back.text.lower() and str(len(NO_ORDER_ZHANG)) in back.text


def test_a_colleague_typo_is_asked_back_with_both_colleagues_then_picked(rig: ChatRig) -> None:
    rig.tell("boss", SEGMENT)
    [asked] = rig.tell("boss", "李三的呢")
    assert "李四" in asked.text and "张三" in asked.text and "共" not in asked.text
    [picked] = rig.tell("boss", "2")  # 张三: same given name, another surname, listed second
    assert f"共 {len(NO_ORDER_ZHANG)} 人" in picked.text and "张三" in picked.text


def test_undo_after_which_customer_shows_the_answer_before_it(rig: ChatRig) -> None:
    rig.tell("zhangsan", SEGMENT)
    rig.tell("zhangsan", "这些客户里张三的有几个")
    [which] = rig.tell("zhangsan", "客户王芳的情况")  # two customers are called 王芳
    assert "共" not in which.text and _asked_back(rig, "zhangsan")
    [back] = rig.tell("zhangsan", "回上一步")
    assert f"共 {len(NO_ORDER_ZHANG)} 人" in back.text and "由张三跟进" in back.text
