"""A message said unquoted after the message word and a verb of saying, by family:
发个消息说…, 发条信息讲…, 發個訊息話…, a message saying …, a text that says …; the words are
kept as typed (case and script). 说明 (explaining) is no saying."""

from __future__ import annotations

import pytest

from segmentation.nlq.actions import find_action
from segmentation.text import normalize

SAID = [
    ("给VIP客户发个消息说新品到了", "新品到了"),
    ("给VIP客户发个message 说新品到了", "新品到了"),
    ("给上海的客户发条信息讲周末有新品", "周末有新品"),
    ("給VIP客戶發個訊息話新貨到咗", "新貨到咗"),
    ("send VIP customers a message saying New arrivals are in", "New arrivals are in"),
    ("send VIP customers a text that says See you Sunday", "See you Sunday"),
]


@pytest.mark.parametrize(("text", "message"), SAID)
def test_a_message_said_after_its_word(text: str, message: str) -> None:
    action = find_action(normalize(text), {}, text)
    assert action is not None
    assert action.details.get("message") == message
