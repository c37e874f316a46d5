"""Whom a follow-up is for, said relative to the last answer or the waiting card (spec/commands.md
§2c, #19): a group of the last answer said with "ones"/那些/嗰啲 (so an action on it acts on that
part of the answer), a whole group added to a card ("北京的女客户也加上": either group), 就 before
whom, a department by its short name, and a reason said before a card's change. Near misses stay
what they were."""

from __future__ import annotations

import pytest

from bot.commands.card_amend_loose import without_reason
from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Command, parse_command
from segmentation.nlq.followup import ALSO, AND, read_follow_up
from segmentation.nlq.swap import Ambiguous, add_alternatives
from segmentation.nlq.vocabulary import StaffInfo, Vocabulary, build_vocabulary
from segmentation.nodes import And, City, Gender, HasTag, InDepartment, Or, Owner
from tests.segmentation.nlq.fixture import NOW, TZ, small_vocabulary

SHANGHAI = City(("上海",))
BEIJING = City(("北京",))
WOMEN = Gender(2)


# ---------------------------------------------------------------- a group of the last answer


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("上海那些打上待跟进", "上海的打上待跟进"),
        ("上海的那些打上待跟进", "上海的打上待跟进"),
        ("上海那些幫我打上待跟進", "上海的幫我打上待跟進"),
        ("上海嗰啲同我打個待跟進tag", "上海的同我打個待跟進tag"),
        ("VIP嘅嗰啲", "VIP的"),
        ("二部那些存成分群「X」", "二部的存成分群「X」"),
        ("tag the Shanghai ones 待跟进", "tag the Shanghai ones 待跟进"),
        ("tag those in Shanghai 待跟进", "tag the ones in Shanghai 待跟进"),
        ("send those from Beijing a 9折 coupon", "send the ones in Beijing a 9折 coupon"),
        ("the VIP ones?", "the VIP ones?"),
        ("save the Beijing ones as segment X", "save the Beijing ones as segment X"),
    ],
)
def test_a_group_of_the_answer_points_back(text: str, rest: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and follow.mode == AND and follow.grouped
    assert follow.rest == rest
    # "the Shanghai ones" with nothing shown before is read as it stands; 上海那些 is asked
    assert follow.pointed == (not text.startswith(("tag", "send", "the", "save")))


@pytest.mark.parametrize("text", ["最多的那些", "之前那批", "上次那批"])
def test_going_back_or_a_ranking_is_no_group(text: str) -> None:
    assert read_follow_up(text) is None


@pytest.mark.parametrize(
    "text",
    ["给那些VIP发券", "不要那些VIP", "去掉那些下过单的", "把那些VIP导出", "只要那些VIP",
     "帮那些上海的打上待跟进", "除了那些VIP", "同嗰啲VIP打tag", "其中那些上海的"],
)  # fmt: skip
def test_those_after_a_verb_point_at_the_answer_no_group(text: str) -> None:
    follow = read_follow_up(text)
    assert follow is None or (not follow.grouped and "的VIP" not in follow.rest[:3])


def test_what_about_the_ones_in_a_place_stays_a_swap() -> None:
    follow = read_follow_up("what about the ones in Beijing?")
    assert follow is not None and follow.loose and not follow.pointed


# ---------------------------------------------------------------- a whole group added


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("北京的女客户也加上", "北京的女客户"),
        ("北京的女生也一起加進來", "北京的女生"),
        ("北京啲女客都加埋", "北京啲女客"),
        ("北京的女客户 also 加上", "北京的女客户"),
        ("add the Beijing women too", "the Beijing women"),
    ],
)
def test_a_group_added(text: str, rest: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and follow.mode == ALSO and follow.rest == rest


def test_a_group_differing_in_one_value_adds_that_value() -> None:
    widened = add_alternatives(And((SHANGHAI, WOMEN)), And((BEIJING, WOMEN)))
    assert widened == And((Or((SHANGHAI, BEIJING)), WOMEN))


def test_a_group_saying_every_kind_is_either_group() -> None:
    card = And((SHANGHAI, WOMEN))
    group = And((BEIJING, Gender(1)))
    assert add_alternatives(card, group) == Or((card, group))


def test_a_group_leaving_a_condition_unsaid_is_asked() -> None:
    with pytest.raises(Ambiguous):
        add_alternatives(And((SHANGHAI, HasTag("VIP"), WOMEN)), And((BEIJING, HasTag("VIP"))))


# ---------------------------------------------------------------- 就 before whom


def _parse(text: str) -> Command:
    parsed = parse_command(text, vocabulary=small_vocabulary(), asker="zhangsan", now=NOW, tz=TZ)
    assert isinstance(parsed, Command), parsed
    return parsed


@pytest.mark.parametrize(
    "text",
    ["就VIP里北京的", "ok 就 VIP 里 北京 的", "就要VIP里北京的", "就VIP裡北京的", "就北京的VIP吧"],
)
def test_just_before_whom(text: str) -> None:
    segment = _parse(text).segment
    assert isinstance(segment, And) and set(segment.children) == {HasTag("VIP"), BEIJING}


@pytest.mark.parametrize(
    ("text", "rest"), [("就北京的", "北京的"), ("咁淨係我自己啲VIP啦", "我自己啲VIP啦")]
)
def test_just_narrows_the_answer(text: str, rest: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and follow.mode == AND and not follow.pointed and follow.rest == rest


@pytest.mark.parametrize("text", ["就3个", "就是", "就这样吧"])
def test_just_as_exactly_or_thats_it_is_no_narrowing(text: str) -> None:
    assert read_follow_up(text) is None


# ---------------------------------------------------------------- a department by its short name


def _departments(*names: str) -> Vocabulary:
    return build_vocabulary(
        tags=["VIP"],
        staff=[StaffInfo("zhangsan", "张三", (1,))],
        departments=list(enumerate(names, 1)),
        saved=[],
        catalog=NamedSegmentCatalog.load(),
    )


def test_a_department_by_its_short_name() -> None:
    vocab = _departments("销售一部", "销售二部")
    parsed = parse_command("二部的客户", vocabulary=vocab, asker="zhangsan", now=NOW, tz=TZ)
    assert isinstance(parsed, Command) and parsed.segment == InDepartment((2,))


def test_a_short_name_two_departments_share_is_no_name() -> None:
    vocab = _departments("销售一部", "市场一部")
    parsed = parse_command("一部的客户", vocabulary=vocab, asker="zhangsan", now=NOW, tz=TZ)
    assert not isinstance(parsed, Command) or parsed.segment != InDepartment((1,))


# ---------------------------------------------------------------- a reason before a card's change


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("omar已经有啦 净系frank得", "净系frank得"),
        ("omar已经有啦净系frank得", "净系frank得"),
        ("Omar已經有咗，淨係Frank", "淨係Frank"),
        ("omar有了只要frank就行", "只要frank就行"),
        ("omar already has it, just frank", "just frank"),
        ("omar has it already - only frank", "only frank"),
        ("omar already tagged, only frank", "only frank"),
        ("omar唔使打喇,frank得", "frank得"),
        ("omar不用了，只要frank", "只要frank"),
    ],
)
def test_a_reason_said_first(text: str, change: str) -> None:
    assert without_reason(text) == change


@pytest.mark.parametrize("text", ["vip有几个", "只要frank", "omar已经有了"])
def test_no_reason(text: str) -> None:
    assert without_reason(text) == text


def test_owner_kept_apart() -> None:
    # "just my own VIPs then" reads as my VIPs (the chat swaps the owner it names)
    segment = _parse("my own VIPs").segment
    assert isinstance(segment, And) and Owner(("zhangsan",)) in segment.children
