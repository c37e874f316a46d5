"""Two families that had only one row each (session 12): the split verbs 分类/分组 with 一下/下/个
inside them ("按城市分一下类"), in every breakdown dimension and frame; and "export what was just
shown" said with 刚才那个 / 这N个 / Cantonese 呢個 / English, with an English verb among Chinese
words ("刚才那个 export 一下"), while a sentence with conditions of its own is no such export."""

from __future__ import annotations

import itertools

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Command, build_vocabulary, parse_command
from segmentation.nlq.followup import is_export_this
from segmentation.nlq.vocabulary import StaffInfo
from tests.segmentation.nlq.fixture import NOW, TZ

VOCAB = build_vocabulary(
    tags=["VIP", "金卡"],
    staff=[StaffInfo("zhangsan", "张三", (1,)), StaffInfo("lisi", "李四", (1,))],
    departments=[(1, "销售一部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
)

SPLIT_VERBS = ["分一下类", "分个类", "分下类", "分一下组", "分个组", "分下组", "分一下"]
DIMENSIONS = {"城市": "city", "跟进人": "owner", "销售": "owner", "RFM": "rfm"}
FRAMES = ["近90天下过单的客户按{d}{v}", "VIP客户按{d}{v}", "帮我把上海的客户按{d}{v}吧"]


@pytest.mark.parametrize(
    ("text", "by"),
    [
        (frame.format(d=dimension, v=verb), by)
        for frame, (dimension, by), verb in itertools.product(
            FRAMES, DIMENSIONS.items(), SPLIT_VERBS
        )
        # "上海的客户按城市分": one group, still a breakdown; kept out only to keep frames plain
        if not (frame.startswith("帮我把上海") and by == "city")
    ],
)
def test_a_split_verb_with_words_inside_is_a_breakdown(text: str, by: str) -> None:
    result = parse_command(text, vocabulary=VOCAB, asker="zhangsan", now=NOW, tz=TZ)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    assert (result.intent, result.details.get("by")) == ("breakdown", by), text


EXPORT_THIS = [
    "导出这个",
    "把这个导出来",
    "刚才那个 export 一下",
    "刚才那个export一下",
    "剛才那個匯出一下",
    "把这4个导出来",
    "那两位导出一下",
    "呢個 export 吖",
    "匯出先",
    "导出",  # after an answer, the bare verb exports it
    "幫我把呢份匯出",
    "下载一下这个表",
    "export this",
    "export that table as excel",
    "please download the list",
    "can you export it",
]
NOT_EXPORT_THIS = [
    "导出上海的客户",
    "把VIP客户导出来",
    "export customers in Shanghai",
    "刚才那个",
    "导出上个月的",
]


@pytest.mark.parametrize("text", EXPORT_THIS)
def test_an_export_of_what_was_just_shown(text: str) -> None:
    assert is_export_this(text), text


@pytest.mark.parametrize("text", NOT_EXPORT_THIS)
def test_an_export_with_customers_of_its_own_is_not_of_the_last_answer(text: str) -> None:
    assert not is_export_this(text), text
