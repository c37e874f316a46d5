"""Session 21 (lead): categories found while scoring, each in the forms it has.

A request verb said before 我的 (给我的客人里…, 幫我嘅客, 帮我的VIP客户导出) leaves 我的 as the
owner: read as the wrapper 给我 ("give me") followed by 的, the owner was dropped without a word
and a leader got the whole department.

"I follow myself", "I personally handle": the adverb says "mine" again, read with the verb."""

from __future__ import annotations

import pytest

from segmentation.nodes import Owner, walk
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

READ = Reader(small_vocabulary())


@pytest.mark.parametrize(
    "text",
    [
        "給我的客人裡 近7天有來店的",
        "给我的客户里上海的有几个",
        "帮我的VIP客户导出",
        "幫我的客人裡面女生有幾位",
        "俾我嘅客入面上海嘅有幾多",
        "替我的客户里VIP的列一下",
        "给我的客户发条消息：周末有活动",
    ],
)
def test_a_request_verb_before_wo_de_keeps_the_owner(text: str) -> None:
    segment = READ.segment(text)
    owners = [n for n in walk(segment) if isinstance(n, Owner)]
    assert [o.userids for o in owners] == [("zhangsan",)], segment


@pytest.mark.parametrize("text", ["把VIP客户发给我", "帮我列一下上海的客户", "给我看看VIP客户"])
def test_the_wrapper_alone_still_carries_no_owner(text: str) -> None:
    segment = READ.segment(text)
    assert not [n for n in walk(segment) if isinstance(n, Owner)], segment


@pytest.mark.parametrize(
    "text",
    [
        "customers I follow myself",
        "customers I handle personally",
        "clients I manage myself",
        "customers I personally look after",
        "my personal customers",
        "VIPs I follow up with myself",
        "the accounts I look after on my own",
    ],
)
def test_english_mine_said_with_a_self_adverb(text: str) -> None:
    owners = [n for n in walk(READ.segment(text)) if isinstance(n, Owner)]
    assert [o.userids for o in owners] == [("zhangsan",)]
