"""A Chinese tag verb first with nobody named, then only the tag's name — said with 标签/tag,
quoted, or a tag the company has — tags the answer just given ("打上待跟进标签", "那就打金卡",
"打上 待跟进 tag"); 打电话 / 打个招呼 / 打折 name no tag. 这仨/他们仨 are the three just shown."""

from __future__ import annotations

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Command, build_vocabulary
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.text import normalize
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡", "待跟进"],
    staff=[StaffInfo("zhangsan", "张三", (1,))],
    departments=[(1, "销售一部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
)


_READER = Reader(VOCAB)
_parse = _READER.parse


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("打上待跟进标签", "待跟进"),
        ("打上待跟進標籤", "待跟进"),
        ("打上 待跟进 tag", "待跟进"),
        ("那就打金卡", "金卡"),
        ("打个金卡", "金卡"),
        ("贴个VIP", "vip"),
        ("打上“回访”", "回访"),
        ("给这仨打个VIP标签", "vip"),
        ("给他们仨打上金卡", "金卡"),
    ],
)
def test_a_tag_verb_first_tags_the_answer_just_given(text: str, tag: str) -> None:
    result = _parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result}"
    assert (result.intent, result.segment) == ("tag", None), text
    assert normalize(result.details["tag"]) == tag, text


@pytest.mark.parametrize("text", ["打个电话", "打电话", "打个招呼", "打折"])
def test_other_da_words_name_no_tag(text: str) -> None:
    result = _parse(text)
    assert not (isinstance(result, Command) and result.intent == "tag"), text
