"""What a question back offers, so a pick after it answers the question (#19): a colleague's
name one character or syllable off is asked back with every colleague it may be (王六: 王五
and 赵六), a campaign's quoted name with a slip with that campaign; a step back said in any
form is read as one; "tagged “X”" is who has the tag, never the tag verb."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from segmentation.engine import default_context
from segmentation.nlq import Clarification, Command, load_vocabulary, parse_command
from segmentation.nlq.backref import STEP, read_back_reference
from segmentation.nlq.quoted_slips import slipped_campaigns
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nodes import CampaignMessaged
from tests.segmentation.nlq.fixture import NOW, TZ, load_fixture

CAMPAIGNS = {1: "国庆回馈", 2: "双11预热", 3: "老客关怀"}


@pytest.fixture
def vocab(session: Session) -> Vocabulary:
    load_fixture(session)
    return load_vocabulary(session, default_context(TZ).named)


def _parse(text: str, vocab: Vocabulary, asker: str = "boss") -> Command | Clarification:
    return parse_command(text, vocabulary=vocab, asker=asker, now=NOW, tz=TZ)


def _asked(text: str, vocab: Vocabulary) -> Clarification:
    result = _parse(text, vocab)
    assert isinstance(result, Clarification), f"{text!r} was answered: {result}"
    return result


@pytest.mark.parametrize(
    "text",
    ["王六的呢", "那王六的呢", "王六呢", "王六嘅客呢", "王六的女客户", "王六的客户", "and 王六?",
     "what about Wang Liu's?", "what about wang liu"],
)  # fmt: skip
def test_a_colleague_one_character_off_is_asked_back_with_both(
    text: str, vocab: Vocabulary
) -> None:
    asked = _asked(text, vocab)
    # the same surname first: "1" is 王五, "2" is 赵六
    assert asked.suggestions == ("王五", "赵六")


@pytest.mark.parametrize("text", ["金咔的呢", "高意象的", "張山的客戶"])
def test_a_tag_or_colleague_slip_keeps_its_own_question(text: str, vocab: Vocabulary) -> None:
    asked = _asked(text, vocab)
    assert asked.suggestions[:1] in (("金卡",), ("高意向",), ("张三",))


@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        ("“老客关爱”收到消息的客户", "老客关怀"),
        ("收到“老客关爱”消息的客户", "老客关怀"),
        ("“老客关爱”的券谁用了", "老客关怀"),
        ("“老客关爱”的对照组", "老客关怀"),
        ("「国庆回贵」有哪些客戶收到訊息", "国庆回馈"),
        ("收到過「老客關愛」訊息嘅客", "老客关怀"),
        ('Who got the "双11遇热" message?', "双11预热"),
        ('customers who received the "老客关爱" message', "老客关怀"),
        ("收到过 “国庆回愧” message 的客户", "国庆回馈"),
    ],
)
def test_a_campaign_name_with_a_slip_is_asked_back_with_the_campaign(
    text: str, suggested: str, vocab: Vocabulary
) -> None:
    asked = _asked(text, vocab)
    assert asked.suggestions == (suggested,)


@pytest.mark.parametrize(
    "text",
    ["给VIP发消息“老客关爱”", "把“老客关爱”这条消息发给VIP", 'message the VIPs "老客关爱"'],
)
def test_a_message_s_words_are_no_campaign_name(text: str, vocab: Vocabulary) -> None:
    sent = _parse(text, vocab)
    assert isinstance(sent, Command) and sent.intent == "push"


def test_the_campaign_retyped_in_place_of_the_slip_is_understood(vocab: Vocabulary) -> None:
    picked = _parse("“老客关怀”收到消息的客户", vocab)
    assert isinstance(picked, Command) and picked.segment == CampaignMessaged(campaign_id=3)


def test_only_a_slip_of_a_campaign_s_name_is_one() -> None:
    assert slipped_campaigns("老客关爱", CAMPAIGNS) == ["老客关怀"]
    assert slipped_campaigns("老客关怀", CAMPAIGNS) == []  # its own name
    assert slipped_campaigns("春季大促", CAMPAIGNS) == []  # no campaign's at all


@pytest.mark.parametrize(
    "text",
    ['tagged "VIB"', 'Of these, the ones tagged "VIB"', 'labelled "VIB"'],
)
def test_tagged_in_quotes_is_who_has_the_tag(text: str, vocab: Vocabulary) -> None:
    asked = _asked(text.removeprefix("Of these, the ones "), vocab)
    assert "VIP" in asked.suggestions and "ged" not in asked.message


@pytest.mark.parametrize(
    "text",
    ["退返一步", "退番一步", "退後一步", "倒退一步", "后退一步", "返返上一步", "one step back",
     "let's go back", "let's undo that", "back up one step", "undo last step", "go back 1 step"],
)  # fmt: skip
def test_a_step_back_is_read_in_more_forms(text: str) -> None:
    found = read_back_reference(text)
    assert found is not None and (found.position, found.steps, found.rest) == (STEP, 1, "")


@pytest.mark.parametrize("text", ["back up", "backup", "退一步海阔天空的客户"])
def test_words_that_are_no_step_back(text: str) -> None:
    found = read_back_reference(text)
    assert found is None or found.position != STEP
