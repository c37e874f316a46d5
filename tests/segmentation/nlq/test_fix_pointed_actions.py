"""Actions on the customers the last answer points at (issue 19): a verb of reminding with the
words after whom it points at is a message to them; a reminder is a message word; a message
said plainly is never a campaign's name; whom pointed at first, then 帮我 and the action; a
Chinese her/him between English words."""

from __future__ import annotations

import pytest

from segmentation.nlq import Command
from segmentation.nlq.actions import find_action
from segmentation.nlq.parser import typed_quotes
from segmentation.text import normalize
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

READ = Reader(small_vocabulary())


def _action(text: str) -> tuple[str, str | None, dict[str, object]]:
    found = find_action(normalize(text), typed_quotes(text), text)
    assert found is not None, f"{text!r}: no action"
    return found.intent, found.segment_text, dict(found.details)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("提醒他們一下 券11/21到期喔", "券11/21到期喔"),
        ("提醒佢哋快啲用 唔係就過期喇", "快啲用 唔係就過期喇"),
        ("提醒一下他们 优惠券快过期了", "优惠券快过期了"),
        ("提醒这些客户 优惠券下周到期", "优惠券下周到期"),
        ("提醒下佢哋 張券就快過期", "張券就快過期"),
        ("提一下他们 券快到期了", "券快到期了"),
        ("通知他们一下 周六店庆", "周六店庆"),
        ("催一下她们 券快过期了", "券快过期了"),
        ("给他们发个提醒 券下个月21号到期 记得用哦", "券下个月21号到期 记得用哦"),
        ("發個提醒俾佢哋 張券月尾到期", "張券月尾到期"),
        ("幫我提醒一下這些客人 週末有活動", "週末有活動"),
        ("send them a reminder that the coupon expires Nov 21", "the coupon expires Nov 21"),
        ("remind them their coupon expires Nov 21", "their coupon expires Nov 21"),
        ("give them a heads-up: the sale ends Sunday", "the sale ends Sunday"),
        ("give them a heads-up that the sale ends Sunday", "the sale ends Sunday"),
        ("remind 他们 券快到期了", "券快到期了"),
        ("remind 佢哋一下 張券就快過期", "張券就快過期"),
        ("给他们发个 reminder 券快到期了", "券快到期了"),
    ],
)
def test_a_reminder_to_them_is_a_message_to_the_answer(text: str, words: str) -> None:
    command = READ.command(text)
    assert command.intent == "push"
    assert command.details["message"] == words  # as typed, Traditional characters kept
    assert command.details.get("segment_from_context") is True
    assert "coupon" not in command.details  # 券 inside the words is no coupon sent


@pytest.mark.parametrize(
    ("text", "whom", "words"),
    [
        ("提醒他一下 券快到期了", "他", "券快到期了"),
        ("提醒她 优惠券11月21号到期", "她", "优惠券11月21号到期"),
        ("提佢一聲 張券11月21號到期", "佢", "張券11月21號到期"),
        ("remind him his coupon expires Nov 21", "him", "his coupon expires Nov 21"),
        ("remind 她一下 券快到期了", "她", "券快到期了"),
        ("give her a quick reminder: your coupon expires soon", "her", "your coupon expires soon"),
        ("send 她 a reminder: your coupon expires soon", "her", "your coupon expires soon"),
        ("给ta发条消息 周末有活动", "ta", "周末有活动"),
    ],
)
def test_a_reminder_to_one_keeps_the_pronoun(text: str, whom: str, words: str) -> None:
    """The pronoun is whom: the chat resolves it to the card's or the one listed customer."""
    assert _action(text) == ("push", whom, {"message": words})


@pytest.mark.parametrize(
    ("text", "intent", "whom"),
    [
        ("這位幫我發張滿200減20的券", "push", "这位"),
        ("這位客人幫我存成分群 重點客", "save", "这位客人"),
        ("呢位客人同我打個VIP標籤", "tag", "呢位客人"),
        ("她帮我打个VIP标签", "tag", "她"),
        ("send 她 a coupon 满500减80", "push", "her"),
        ("send 他 a message “hi”", "push", "him"),
    ],
)
def test_whom_pointed_at_first_or_between_english(text: str, intent: str, whom: str) -> None:
    found_intent, found_whom, _ = _action(text)
    assert (found_intent, found_whom) == (intent, whom)


def test_pointer_first_of_the_answer_is_the_answer() -> None:
    command = READ.command("这些客户帮我打上VIP")
    assert command.intent == "tag"
    assert command.details.get("segment_from_context") is True


@pytest.mark.parametrize(
    ("text", "words"),
    [("提醒她们 周末有活动", "周末有活动"), ("给他们发消息 双11活动下周开始", "双11活动下周开始")],
)
def test_message_words_naming_an_event_are_no_campaign_name(text: str, words: str) -> None:
    assert READ.command(text).details["message"] == words


def test_a_message_to_one_naming_an_event_is_no_campaign_name() -> None:
    """Only the pronoun is left for the chat to resolve; no campaign is asked about."""
    assert "活动" not in READ.asked("给她发条消息 周末有活动")


def test_a_campaign_named_outside_the_words_is_still_checked() -> None:
    message = READ.asked("给参加过春季大促活动的客户发消息 周末见")
    assert "春季大促" in message


@pytest.mark.parametrize(
    "text",
    [
        "提醒他们里面VIP的 券快到期",  # a part of them: not the words sent
        "提醒上海的客户 券快到期",  # whom is a condition: where the words start is unsaid
        "remind them about the sale",  # a topic, not the words
        "remind them to use the coupon",
    ],
)
def test_a_reminder_whose_words_are_unclear_is_not_sent(text: str) -> None:
    found = READ.parse(text)
    sent = isinstance(found, Command) and "message" in found.details
    assert not sent, found


def test_words_beginning_with_ti_are_no_reminder() -> None:
    assert find_action(normalize("提交一下"), {}, "提交一下") is None


@pytest.mark.parametrize(
    ("text", "whom"),
    [
        # the pick of "“她”是指哪一位？" puts the one chosen in the pronoun's place
        ("提醒Dan（c04） 优惠券11月21号到期", "dan(c04)"),
        ("提Carol（c03）一聲 張券11月21號到期", "carol(c03)"),
        ("Carol（c03）幫我發張滿200減20的券", "carol(c03)"),
    ],
)
def test_the_one_picked_stands_where_the_pronoun_stood(text: str, whom: str) -> None:
    assert _action(text)[:2] == ("push", whom)


@pytest.mark.parametrize(
    "text", ["提醒一下她们", "提醒他们", "提醒佢哋一下", "remind 他们", "ping 佢哋一下"]
)
def test_a_reminder_without_words_asks_for_them(text: str) -> None:
    """Never 她 + the words "们": the message is asked for (the next message completes it)."""
    assert "引号" in READ.asked(text)
