"""fix-s21-turns (issue #19): the words of conversation turns, by category and language —
a correction naming a group alone, a step back chained to what follows, a coupon changed
with no card, the suggestions a Latin word may get, a tag group's heading, a ranking picked
after it was narrowed or corrected. The whole turns are in
tests/commands/conversations/fix-s21-turns.txt."""

from __future__ import annotations

import pytest

from bot.commands.card_amend import coupon_change_said
from bot.commands.ranked_pick import corrected_pick, ranking_narrowed
from bot.services.conversation import dimension_label
from segmentation.nlq.ask import did_you_mean, latin_alike, names_nothing
from segmentation.nlq.backref import STEP, read_back_reference
from segmentation.nlq.correction import read_correction
from segmentation.nlq.followup import read_follow_up
from segmentation.nlq.rank_pick import read_ranked_pick
from segmentation.nodes import All, And, City, HasTag, Ranked
from segmentation.text import normalize

# ---------------------------------------------------------------- 1. a group said alone


@pytest.mark.parametrize(
    "text",
    [
        "唔係，我想要待跟進嗰啲",  # HK
        "唔係呀，係高意向嗰班",  # HK
        "不對，我要的是高意向那些",  # zh-Hant TW
        "不对，我想要的是待跟进那几个",  # zh-Hans
        "no, I meant the 金卡 ones",  # en
        "sorry, I wanted the VIP ones",  # en
        "唔係呀，係 the 待跟进 ones",  # mixed
    ],
)
def test_a_correction_naming_a_group_alone_is_no_narrowing(text: str) -> None:
    said = read_correction(text)
    assert said is not None
    follow = read_follow_up(said.value)
    assert follow is None or follow.group_alone


@pytest.mark.parametrize(
    "text",
    [
        "不对，只要男的",
        "不是，是其中上海的",
        "唔好意思，淨係要VIP嘅",
        "actually, only the ones who never ordered",
        "no wait, without the VIPs",
    ],
)
def test_a_correction_that_says_only_still_narrows(text: str) -> None:
    said = read_correction(text)
    assert said is not None
    follow = read_follow_up(said.value)
    assert follow is not None and not follow.group_alone


# ---------------------------------------------------------------- 1. a ranking corrected

_BOTTOM_2 = Ranked(All(), "bottom", 2)


@pytest.mark.parametrize(
    ("text", "direction", "count"),
    [
        ("不对，top 2", "top", 2),  # zh-Hans, mixed
        ("不对，是最多的3个", "top", 3),  # zh-Hans
        ("不對，是最多的兩個", "top", 2),  # zh-Hant TW
        ("唔係，前兩個", "top", 2),  # HK: the rows shown were wrong, so the top ones
        ("no, the top 2", "top", 2),  # en
        ("no, the bottom 3", "bottom", 3),  # en
        ("sorry, I meant the top 5", "top", 5),  # en
    ],
)
def test_a_ranking_corrected_keeps_its_measure(text: str, direction: str, count: int) -> None:
    said = read_correction(text)
    assert said is not None
    pick = read_ranked_pick(said.value)
    assert pick is not None
    orders = Ranked(All(), "bottom", 2, by="orders")
    corrected = corrected_pick(orders, pick)
    assert corrected == Ranked(All(), direction, count, by="orders")  # type: ignore[arg-type]


def test_a_narrowed_ranking_corrected_ranks_the_narrowed_customers() -> None:
    narrowed = And((Ranked(All(), "top", 5), City(("上海",))))
    pick = read_ranked_pick("最少的两个")
    assert pick is not None and ranking_narrowed(narrowed) is not None
    assert corrected_pick(narrowed, pick) == Ranked(City(("上海",)), "bottom", 2)


def test_no_ranking_no_corrected_pick() -> None:
    pick = read_ranked_pick("top 2")
    assert pick is not None
    assert corrected_pick(HasTag("VIP"), pick) is None
    assert ranking_narrowed(And((HasTag("VIP"), City(("上海",))))) is None


# ---------------------------------------------------------------- 2. a step back chained


@pytest.mark.parametrize(
    ("text", "steps", "rest"),
    [
        ("go back two steps and show only women", 2, "show only women"),  # en
        ("back 2 steps then only women", 2, "only women"),  # en
        ("undo twice and show only women", 2, "show only women"),  # en
        ("退后两步再只看女的", 2, "只看女的"),  # zh-Hans
        ("往回两步 只要女的", 2, "只要女的"),  # zh-Hans, a space
        ("退後兩步 只看女生", 2, "只看女生"),  # zh-Hant TW
        ("返去前兩步跟住淨係睇女嘅", 2, "淨係睇女嘅"),  # HK
        ("回到上一步 然后只看男的", 1, "只看男的"),  # one step
        ("退回两步，只看女的", 2, "只看女的"),  # the comma, as before
    ],
)
def test_a_step_back_chained_by_a_word(text: str, steps: int, rest: str) -> None:
    found = read_back_reference(text)
    assert found is not None
    assert (found.steps, found.rest) == (steps, rest)


@pytest.mark.parametrize(
    "text", ["返回客户列表里的VIP", "返回 客户列表", "go back to the VIP list"]
)
def test_other_words_after_going_back_are_no_step(text: str) -> None:
    # "go back to the VIP list" names a list by what it was (session 26), never a step back
    found = read_back_reference(text)
    assert found is None or found.position != STEP


# ---------------------------------------------------------------- 3/4. a coupon changed, no card


@pytest.mark.parametrize(
    "text",
    [
        "改成减30",  # zh-Hans
        "券改成满200减30",  # zh-Hans
        "改成9折",  # zh-Hans / TW
        "張券改做50蚊",  # HK
        "make it 30 off",  # en
        "改成50元券",  # zh-Hans: a coupon of an amount
        "change the coupon to 20 off",  # en
        "make the minimum 250",  # en: the coupon's amount
    ],
)
def test_a_coupon_change_is_seen(text: str) -> None:
    assert coupon_change_said(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        "改成近7天",
        "换成上海的",
        "改成用了券的",
        "换成领了双11券的",
        "make it 30 days",
        "change it to Beijing",
        "VIP客户",
    ],
)
def test_other_changes_are_no_coupon_change(text: str) -> None:
    assert not coupon_change_said(normalize(text))


# ---------------------------------------------------------------- 4. suggestions by spelling

_SEGMENTS = {
    "at risk of churn": "流失风险客户",
    "customers to win back": "重要挽留客户",
    "dormant customers": "沉睡客户",
    "high value customers": "重要价值客户",
    "beijing": "北京",
}


@pytest.mark.parametrize("word", ["off", "go back", "back", "make it", "the ones", "of them"])
def test_function_words_get_no_suggestion(word: str) -> None:
    assert names_nothing(word)
    assert did_you_mean(word, _SEGMENTS) == []


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("beijng", "北京"),  # one letter off
        ("dormnt", "沉睡客户"),  # one letter off a word of the name
        ("dorm", "沉睡客户"),  # its start
        ("high valu", "重要价值客户"),
        ("win back", "重要挽留客户"),
    ],
)
def test_latin_slips_still_get_their_name(word: str, name: str) -> None:
    assert not names_nothing(word)
    assert name in did_you_mean(word, _SEGMENTS)


@pytest.mark.parametrize(
    ("word", "surface"),
    [("off", "at risk of churn"), ("back", "customers to win back"), ("rsk", "beijing")],
)
def test_latin_words_not_alike(word: str, surface: str) -> None:
    assert not latin_alike(word, surface)


@pytest.mark.parametrize("word", ["金咔", "高意象", "vpi"])
def test_names_nothing_is_only_for_function_words(word: str) -> None:
    assert not names_nothing(word)


# ---------------------------------------------------------------- 5. a tag group's heading


@pytest.mark.parametrize(
    ("lang", "group", "label"),
    [
        ("zh", "客户等级", "“客户等级”标签"),
        ("en", "客户等级", "客户等级 tag"),
        ("zh", None, "标签"),
    ],
)
def test_a_tag_groups_heading_names_the_group(lang: str, group: str | None, label: str) -> None:
    assert dimension_label("tag", lang, group) == label
