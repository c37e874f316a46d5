"""A send that names nobody (segmentation/nlq/actions.py _NOBODY_NAMED), issue 19 blind
s11-conv2: the verb first and what is sent next is a push to the answer just given, as
"给他们…" is; words that only begin like a send verb stay what they are."""

from __future__ import annotations

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import build_vocabulary
from segmentation.nlq.parser import Command
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP"], staff=[], departments=[], saved=[], catalog=NamedSegmentCatalog.load()
)
parse = Reader(VOCAB).parse


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("发一条消息“周末到店送小样”", "message", "周末到店送小样"),
        ("push 一条消息“周末到店送小样”", "message", "周末到店送小样"),
        ("群发“周末到店送小样”", "message", "周末到店送小样"),
        ("發消息「週末到店送小樣」", "message", "週末到店送小樣"),
        ("send 一张满100减10的券", "coupon", "满100减10"),
        ("再发一张满200减20的券", "coupon", "满200减20"),
    ],
)
def test_a_send_naming_nobody_is_to_the_answer_just_given(text: str, key: str, value: str) -> None:
    result = parse(text)
    assert isinstance(result, Command) and result.intent == "push", result
    assert result.details[key] == value
    assert result.details["segment_from_context"] is True


@pytest.mark.parametrize("text", ["发过消息的客户", "发展中的客户"])
def test_words_that_begin_like_a_send_are_no_send(text: str) -> None:
    result = parse(text)
    assert not (isinstance(result, Command) and result.intent == "push")
