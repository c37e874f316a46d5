"""Answers to a question back (#19): a misspelt word said to be a tag is offered only the
close tags, one left reads "您是指“金卡”吗？" and a yes takes it; a tag's name given alone to
"which tag?"; "no window, as it is now" to a window a built-in segment cannot take; a look-up
said after a question back; in every language form."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from bot.commands.period_picks import as_of_now, drops_the_window
from bot.commands.tag_reply import name_given, tag_given, with_name, with_tag
from bot.services.query import look_up_name
from segmentation.engine import default_context
from segmentation.nlq import Clarification, Command, load_vocabulary, parse_command
from segmentation.nlq.close_names import ONE_OFF, SOUND_ALIKE, closeness, closest_only
from segmentation.nlq.followup import YES, read_pick
from segmentation.nlq.vocabulary import Vocabulary
from tests.segmentation.nlq.fixture import NOW, TZ, load_fixture


@pytest.fixture
def vocab(session: Session) -> Vocabulary:
    load_fixture(session)
    return load_vocabulary(session, default_context(TZ).named)


def parse(text: str, vocab: Vocabulary) -> Command | Clarification:
    return parse_command(text, vocabulary=vocab, asker="zhaoliu", now=NOW, tz=TZ)


# ---------------------------------------------------------------- how close a slip is


@pytest.mark.parametrize(
    ("word", "name", "tier"),
    [
        ("金咔", "金卡", SOUND_ALIKE),  # a homophone
        ("高意象", "高意向", SOUND_ALIKE),
        ("高义向", "高意向", SOUND_ALIKE),
        ("vpi", "vip", SOUND_ALIKE),  # two letters swapped
        ("vipp", "vip", SOUND_ALIKE),  # one letter more
        ("金咔", "金华", ONE_OFF),  # one character changed
        ("上晦", "上海", ONE_OFF),
        ("sleepng", "sleeping", SOUND_ALIKE),
        ("金咔", "高雄", None),
        ("高意象", "高雄", None),  # not as long
        ("vpi", "sleeping", None),
        ("金咔", "全卡", None),  # never the first of two characters
        ("us", "vip", None),  # too short to be a slip
    ],
)
def test_how_close_a_slip_is(word: str, name: str, tier: int | None) -> None:
    assert closeness(word, name) == tier


def test_only_the_closest_kind_of_slip_is_kept() -> None:
    names = {"金卡": "金卡", "金华": "金华", "金昌": "金昌"}
    assert closest_only("金咔", ["金卡", "金华", "金昌"], names) == ["金卡"]


def test_nothing_close_keeps_the_hints() -> None:
    assert closest_only("钻石", ["VIP"], {"vip": "VIP"}) == ["VIP"]


# ---------------------------------------------------------------- the kind the sentence names


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("标签是金咔的客户", "金卡"),
        ("标签为高义向的客户", "高意向"),
        ("金咔客户", "金卡"),
        ("標籤是金咖的客戶", "金卡"),
        ("標籤係高意像嘅客", "高意向"),
        ("我跟緊嗰啲高意象嘅客", "高意向"),
        ("my customers tagged VPI", "VIP"),
        ("customers with tag VPI", "VIP"),
        ("VPI customers", "VIP"),
        ("标签是VPI的 customers", "VIP"),
    ],
)
def test_a_misspelt_tag_is_offered_the_one_close_tag(text: str, tag: str, vocab) -> None:
    asked = parse(text, vocab)
    assert isinstance(asked, Clarification), asked
    assert asked.suggestions == (tag,), asked
    assert f"“{tag}”" in asked.message


@pytest.mark.parametrize(
    "said",
    [
        "是",
        "是的",
        "对",
        "對呀",
        "嗯",
        "好",
        "係",
        "係呀",
        "係喇",
        "yes",
        "yeah",
        "yea",
        "ok",
        "sure",
    ],
)
def test_a_yes_takes_the_one_suggestion(said: str) -> None:
    assert read_pick(said, ("金卡",)) == YES


# ---------------------------------------------------------------- a tag's name given alone


@pytest.mark.parametrize(
    ("reply", "name"),
    [
        ("VIP", "VIP"),
        ("就打“待跟进”吧", "待跟进"),
        ("那就VIP吧", "VIP"),
        ("高意向標籤", "高意向"),
        ("就係金卡", "金卡"),
        ("金卡啦", "金卡"),
        ("好吧 金卡", "金卡"),
        ("just VIP please", "VIP"),
        ("tag them as VIP", "VIP"),
        ("VIP tag", "VIP"),
        ("ok VIP then", "VIP"),
    ],
)
def test_a_tag_given_back_alone(reply: str, name: str) -> None:
    assert tag_given(reply) == name


@pytest.mark.parametrize(
    "reply",
    [
        "确认",
        "確認",
        "是",
        "取消",
        "算了",
        "搵Frank",
        "look up Frank",
        "上海的客户有几个",
        "咁睇下Ivan",
    ],
)
def test_no_tag_in_a_request_or_a_decision(reply: str) -> None:
    assert tag_given(reply) is None


@pytest.mark.parametrize(
    ("original", "completed"),
    [
        ("给她打个标签", "给她打个“VIP”标签"),
        ("幫我把上海的客戶打個標籤", "幫我把上海的客戶打個“VIP”標籤"),
        ("add a tag to the Shanghai customers", "add the “VIP” tag to the Shanghai customers"),
        ("tag them", "tag them as “VIP”"),
    ],
)
def test_the_tag_goes_where_it_was_left_out(original: str, completed: str) -> None:
    assert with_tag(original, "VIP") == completed


# ---------------------------------------------------------------- no window: as it is now


@pytest.mark.parametrize(
    "said",
    [
        "不限时间，就要现在的",
        "唔計時間，要而家嘅",
        "不用时间，现在的就行",
        "no time limit, just as of now",
        "any time, current ones",
        "不限时间吧",
    ],
)
def test_no_window_and_as_it_is_now(said: str) -> None:
    assert drops_the_window(said)


@pytest.mark.parametrize(
    "said",
    ["就要现在的", "現在的就好", "淨係而家嘅", "目前的就好", "just the current ones", "as of now"],
)
def test_as_it_is_now_alone(said: str) -> None:
    assert as_of_now(said)


@pytest.mark.parametrize(
    "said", ["现在的上海客户", "现在下单的", "fine, just the ones in Shanghai"]
)
def test_a_condition_is_no_as_of_now(said: str) -> None:
    assert not as_of_now(said)


# ---------------------------------------------------------------- a look-up


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("搵Frank", "Frank"),
        ("咁睇下Ivan", "Ivan"),
        ("找一下王静", "王静"),
        ("幫我搵下Pia", "Pia"),
        ("查下Frank嘅資料", "Frank"),
        ("look up Frank", "Frank"),
        ("then look up Frank", "Frank"),
        ("那看一下Alice", "Alice"),
    ],
)
def test_a_look_up_names_the_customer(text: str, name: str) -> None:
    assert look_up_name(text) == name


@pytest.mark.parametrize("text", ["VIP", "金卡", "上海的客户有几个", "yes"])
def test_no_look_up_without_its_word(text: str) -> None:
    assert look_up_name(text) is None


# ---------------------------------------------------------------- the whole company


@pytest.mark.parametrize(
    "text",
    ["list every VIP in the company", "all VIPs company-wide", "公司所有VIP客户", "成間公司嘅VIP"],
)
def test_the_whole_company_is_everyone_the_asker_sees(text: str, vocab) -> None:
    command = parse(text, vocab)
    assert isinstance(command, Command) and "VIP" in command.description


@pytest.mark.parametrize("text", ["淨係我嘅", "淨係要我嘅", "净系我自己嘅客"])
def test_only_mine_in_cantonese(text: str, vocab) -> None:
    command = parse(text, vocab)
    assert isinstance(command, Command) and "赵六" in command.description


# ---------------------------------------------------------------- a saved segment's name


@pytest.mark.parametrize(
    ("reply", "name"),
    [
        ("上海客", "上海客"),
        ("就叫“上海客”吧", "上海客"),
        ("名字叫上海客啦", "上海客"),
        ("就叫「北京客」啦", "北京客"),
        ("call it VIPs", "VIPs"),
        ("shanghai folks", "shanghai folks"),
    ],
)
def test_a_name_given_back_alone(reply: str, name: str) -> None:
    assert name_given(reply) == name


@pytest.mark.parametrize(
    "reply", ["上海的客户有几个", "确认", "取消", "搵Frank", "how many in Shanghai"]
)
def test_no_name_in_a_question_or_a_decision(reply: str) -> None:
    assert name_given(reply) is None


@pytest.mark.parametrize(
    ("original", "completed"),
    [
        ("把上海的客户存成分群", "把上海的客户存成分群“上海客”"),
        ("把上海的客户存下来", "把上海的客户存下来，叫“上海客”"),
        (
            "save customers in Shanghai as a segment",
            "save customers in Shanghai as a segment “上海客”",
        ),
        ("save these", "save these as “上海客”"),
    ],
)
def test_the_name_goes_where_it_belongs(original: str, completed: str) -> None:
    assert with_name(original, "上海客") == completed
