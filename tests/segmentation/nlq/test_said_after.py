"""The segment said after the request (segmentation/nlq/said_after.py): the readings tried when
the message as said was asked back, and the tag verb with its name said first."""

from __future__ import annotations

import pytest

from segmentation.nlq.said_after import reread, tag_label_first


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("帮我导个表哈，就上海那帮VIP客户", "帮我导个表，上海的VIP客户"),
        ("分析下，就係今年有退過貨嘅女客", "分析下，今年有退過貨嘅女客"),
        ("分析一下吧 那群蘇州的金卡客人", "分析一下，蘇州的金卡客人"),
        ("睇睇先，趙六手上使過三千五以上嘅客", "睇睇，趙六手上使過三千五以上嘅客"),
        (
            "幫我tag做待跟進，係近兩個禮拜加過cart但冇落單嘅",
            "幫我tag做待跟進，近兩個禮拜加過cart但冇落單嘅",
        ),
        ("發張券，給誰呢，給上海的VIP", "發張券，給上海的VIP"),
        ("export 一下 la, 就是 Shenzhen 的客户", "export 一下，Shenzhen 的客户"),
        ('save as segment "x", which is VIPs in Beijing', 'save as segment "x", VIPs in Beijing'),
    ],
)
def test_the_request_then_its_customers_is_tried_first_with_a_comma(
    text: str, expected: str
) -> None:
    assert reread(text)[0] == expected


def test_the_colon_reading_is_tried_after_the_comma() -> None:
    assert reread("存成分群“苏州老客”，就是苏州下过单的") == [
        "存成分群“苏州老客”，苏州下过单的",
        "存成分群“苏州老客”：苏州下过单的",
    ]


def test_a_hesitation_after_a_preposition_is_no_pause() -> None:
    assert reread("send a coupon to, um, my VIPs")[0] == "send a coupon to my VIPs"


@pytest.mark.parametrize(
    "text",
    [
        "上海的VIP，下过单的",  # no request first: conditions only
        "近30天下过单的上海客户",  # no pause
        "上海的客户和北京的客户都有哪些呢，我想知道",  # a long first clause is a condition
        "标签 上海",  # a tag word is no request
        "发个 coupon 给 customers to keep",  # half a request before the space
        "给VIP发一张9折券，消息“券码 {coupon}”",  # a message after the pause
        "券，上海的VIP",  # nor is a coupon
        "list them for me, the ones in Beijing",  # them: the rest may narrow the answer
        "导出这些，就是上海的VIP客户",
    ],
)
def test_no_request_said_first_gives_no_reading(text: str) -> None:
    assert reread(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "导出，就3个",  # 就 before a number: exactly
        "导出，就下过一次单的",  # 就 before a verb: only
    ],
)
def test_just_before_a_number_or_a_verb_is_kept(text: str) -> None:
    assert all("就" in again for again in reread(text))


@pytest.mark.parametrize("text", ["导出一下，那些里上海的客户", "导出一下，那批上海的"])
def test_a_demonstrative_pointing_at_the_answer_is_kept(text: str) -> None:
    # among those (那些里…), or no customers described after it (那批上海的: the answer's?)
    assert all("那" in again for again in reread(text))


TAGS = {"vip": "VIP", "待跟进": "待跟进"}


@pytest.mark.parametrize(
    ("norm", "expected"),
    [
        ("打个标签“待跟进”,给谁呢,给近两周加购没下单的", "打上“待跟进”标签：近两周加购没下单的"),
        ("打上“待跟进”标签,上海的vip", "打上“待跟进”标签：上海的vip"),
        ("打上标签“待跟进”:近两周加购没下单的", "打上“待跟进”标签：近两周加购没下单的"),
        ("打个vip标签,给上海的客户", "打上“VIP”标签：上海的客户"),
        ("帮我打标签待跟进,对象是本月到过店的", "帮我打上“待跟进”标签：本月到过店的"),
    ],
)
def test_the_tag_verb_and_name_first_act_on_whom_follows(norm: str, expected: str) -> None:
    assert tag_label_first(norm, TAGS) == expected


@pytest.mark.parametrize(
    "norm",
    [
        "打了标签“待跟进”的,上海的",  # 的: customers who have the tag (a condition)
        "打上“待跟进”标签,谢谢",  # thanks only: the answer just given is tagged
        "给上海的vip打上“待跟进”标签",  # whom first: read as it stands
    ],
)
def test_the_tag_verb_first_leaves_other_sentences(norm: str) -> None:
    assert tag_label_first(norm, TAGS) == norm
