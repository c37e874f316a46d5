"""Corrections and going back (issue 19, blind s20-conv): a correction swaps the condition of
its value's kind (a NOT for the NOT), a corrected customer's name, the whole department said
as a whole, and going back several steps — by category, in every language."""

from __future__ import annotations

import pytest

from segmentation.nlq.backref import STEP, read_back_reference
from segmentation.nlq.correction import read_correction
from segmentation.nlq.intents_extra import corrected_customer
from segmentation.nlq.swap import swap_conditions
from segmentation.nodes import (
    And,
    City,
    HasTag,
    InDepartment,
    Not,
    Owner,
    Performed,
    RollingWindow,
)
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

READ = Reader(small_vocabulary())
D30 = RollingWindow(30, "days")
MINE = Owner(("zhaoliu",))


# ---------------------------------------------------------------- an event for an event


def test_a_negated_event_replaces_the_negated_event_of_another_kind() -> None:
    # 我的客户里近30天没咨询过的 → 不是，我要的是近30天没下单的
    previous = And((MINE, Not(Performed("inquiry", D30))))
    new = Not(Performed("order", D30))
    assert swap_conditions(previous, new, alike=True) == And((MINE, new))
    # no window said: the one of the event it replaces
    assert swap_conditions(previous, Not(Performed("order")), alike=True) == And((MINE, new))


def test_a_positive_event_replaces_the_positive_one_beside_a_negated_one() -> None:
    # 近30天咨询过但没下单的 → 不对，我是说到过店的: visited in those 30 days, still no order
    previous = And((Performed("inquiry", D30), Not(Performed("order", D30))))
    swapped = swap_conditions(previous, Performed("visit"), alike=True)
    assert swapped == And((Performed("visit", D30), Not(Performed("order", D30))))


def test_an_event_said_the_other_way_has_nothing_to_replace() -> None:
    # 近30天咨询过的 → 不是，是近30天没下单的: a NOT for no NOT — added, so asked back
    assert swap_conditions(Performed("inquiry", D30), Not(Performed("order", D30)), alike=True) is (
        None
    )
    # two negated events of other kinds: which one is not known
    two = And((Not(Performed("inquiry", D30)), Not(Performed("visit", D30))))
    assert swap_conditions(two, Not(Performed("order", D30)), alike=True) is None


def test_without_alike_a_follow_up_keeps_adding_a_negated_event() -> None:
    # "那没下单的呢" after inquirers stays the funnel (the follow-ups' reading is unchanged)
    previous = And((MINE, Not(Performed("inquiry", D30))))
    assert swap_conditions(previous, Not(Performed("order", D30))) is None


# ---------------------------------------------------------------- the words of a correction


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("不好意思打错了，是Ivan", "Ivan"),
        ("不对是Ivan", "Ivan"),
        ("不對，係Ivan先啱", "Ivan"),
        ("不是Frank，是Ivan", "Ivan"),
        ("no, it's Ivan", "Ivan"),
        ("不是，我要的是近30天没下单的", "近30天没下单的"),
        ("唔好意思，我想睇成個部門嘅", "我想睇成個部門嘅"),
        ("actually, only the ones who never ordered", "only the ones who never ordered"),
    ],
)
def test_the_corrected_value(text: str, value: str) -> None:
    said = read_correction(text)
    assert said is not None and said.value == value


@pytest.mark.parametrize("text", ["不是要VIP的", "不是VIP的客户", "no orders in 30 days", "是Ivan"])
def test_no_correction(text: str) -> None:
    assert read_correction(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("不好意思打错了，是Ivan", "Ivan"),
        ("抱歉打錯，是Eve", "Eve"),
        ("唔係呀，我係話Carol", "Carol"),
        ("sorry, I meant Ivan", "Ivan"),
        ("no wait, I meant customer Mary Ann", "Mary Ann"),
        ("不是Bob，是Judy", "Judy"),
        ("不对，是王静", "王静"),
    ],
)
def test_a_corrected_customer_name(text: str, name: str) -> None:
    assert corrected_customer(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "Ivan",  # no correction said
        "那Ivan呢",
        "sorry, I meant the ones in Shanghai last month",  # no name's shape
        "不对，是他们",  # a pronoun
        "不对，是上海的客户",
    ],
)
def test_no_corrected_customer_name(text: str) -> None:
    assert corrected_customer(text) is None


# ---------------------------------------------------------------- the whole department


@pytest.mark.parametrize(
    "text",
    [
        "成个部门的客户",
        "成個部門嘅客",
        "整个部门的客户",
        "整個團隊的客戶",
        "全部门的客户",
        "全組嘅客",
        "我全组的客户",
        "我哋成個部門嘅客",
        "my whole team's customers",
        "the whole team",
        "my entire department",
        "everyone on my team",
    ],
)
def test_the_whole_department_is_the_askers(text: str) -> None:
    assert READ.segment(text) == InDepartment((1,))


def test_the_whole_department_with_other_conditions() -> None:
    assert READ.segment("全组VIP") == And((InDepartment((1,)), HasTag("VIP")))
    assert READ.segment("整个部门上海的客户") == And((InDepartment((1,)), City(("上海",))))


# ---------------------------------------------------------------- going back several steps


@pytest.mark.parametrize(
    ("text", "steps"),
    [
        ("回到上两步", 2),
        ("回到上兩步", 2),
        ("回到上上一步", 2),
        ("上两步的结果", 2),
        ("往回退两步", 2),
        ("后退三步", 3),
        ("撤销两次", 2),
        ("撤銷兩次", 2),
        ("退兩步", 2),
        ("返兩步", 2),
        ("退返兩步", 2),
        ("返去兩步之前", 2),
        ("返去上兩步", 2),
        ("回到兩步前嘅名單", 2),
        ("go back two steps", 2),
        ("go back 2 steps", 2),
        ("back 3 steps", 3),
        ("two steps back please", 2),
        ("undo twice", 2),
        ("step back twice", 2),
        ("undo the last two changes", 2),
        ("回到上一步", 1),
        ("go back", 1),
        ("undo that", 1),
    ],
)
def test_steps_back(text: str, steps: int) -> None:
    found = read_back_reference(text)
    assert found is not None and found.position == STEP and found.steps == steps
    assert found.rest == ""


def test_steps_back_then_a_refinement() -> None:
    found = read_back_reference("退后两步，其中女的")
    assert found is not None and found.steps == 2 and found.rest == "其中女的"


@pytest.mark.parametrize("text", ["两步之前下过单的", "上2次下单的客户", "近两步"])
def test_no_steps_back(text: str) -> None:
    found = read_back_reference(text)
    assert found is None or found.position != STEP
