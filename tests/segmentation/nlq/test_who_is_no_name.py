"""A question word where a customer card expects a name asks who and names nobody: "谁买过东西"
is customers who ordered, never the card of a customer called 谁."""

from __future__ import annotations

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Command, build_vocabulary, parse_command
from segmentation.nlq.vocabulary import StaffInfo
from tests.segmentation.nlq.fixture import NOW, TZ

VOCAB = build_vocabulary(
    tags=["VIP"],
    staff=[StaffInfo("zhangsan", "张三", (1,))],
    departments=[(1, "销售一部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
)


WHO_ASKED = [
    "谁买过东西",
    "誰買過東西",
    "边个买过嘢",
    "邊個買過嘢",
    "哪些人问过价",
    "哪个买过东西",
    "啥人买过",
]


@pytest.mark.parametrize("text", WHO_ASKED)
def test_a_question_word_is_no_customer_name(text: str) -> None:
    result = parse_command(text, vocabulary=VOCAB, asker="zhangsan", now=NOW, tz=TZ)
    assert not (isinstance(result, Command) and result.intent == "customer"), text


def test_a_name_before_the_same_words_is_a_card() -> None:
    result = parse_command("王静买过什么", vocabulary=VOCAB, asker="zhangsan", now=NOW, tz=TZ)
    assert isinstance(result, Command) and result.intent == "customer"
