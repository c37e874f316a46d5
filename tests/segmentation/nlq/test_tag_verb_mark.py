"""标个 / 標個 (mark with a …) before a tag name tags, with or without 标签 after it, as 标上
and 标成 do; with a whom of its own or on the answer just given."""

from __future__ import annotations

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Command, build_vocabulary, parse_command
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.text import normalize
from tests.segmentation.nlq.fixture import NOW, TZ

VOCAB = build_vocabulary(
    tags=["VIP", "待跟进"],
    staff=[StaffInfo("zhangsan", "张三", (1,))],
    departments=[(1, "销售一部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
)


@pytest.mark.parametrize(
    ("text", "tag", "whom"),
    [
        ("帮他们标个VIP", "vip", False),
        ("給他們標個VIP", "vip", False),
        ("幫佢哋標個待跟進", "待跟进", False),
        ("帮他们标一个待跟进标签", "待跟进", False),
        ("上海的客户标个待跟进", "待跟进", True),
    ],
)
def test_biao_ge_tags(text: str, tag: str, whom: bool) -> None:
    result = parse_command(text, vocabulary=VOCAB, asker="zhangsan", now=NOW, tz=TZ)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    said = normalize(result.details["tag"])  # the name as typed: 待跟進 is the tag 待跟进
    assert (result.intent, said) == ("tag", tag), text
    assert (result.segment is not None) == whom, text
