"""Tagging and untagging worded any way (issue 19, blind s10): whom, the verb and the tag in
every order the four language forms use, checked for the tag name the card shows (the corpus
checks the customers). A tag verb with no tag, or a tag word no reading placed, is asked
back: a tag command is never answered as a list."""

from __future__ import annotations

import itertools

import pytest

from segmentation.nlq import Clarification, Command
from segmentation.nlq.ask import Ask
from segmentation.nlq.tag_actions import (
    clean_name,
    leftover,
    name_state,
    read_en,
    read_zh,
    trim_adverbs,
    without_all,
)
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

VOCAB = small_vocabulary()


_READER = Reader(VOCAB)
parse = _READER.parse


def action(text: str) -> tuple[str, str]:
    result = parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    return result.intent, str(result.details.get("tag"))


# ---- tag: whom × adverb × verb × tag ------------------------------------------------------

WHOM_FIRST = ["上海的客户", "上海的客户，", "上海的客戶", "上海啲客", "上海 customers "]
ADVERBS = ["都", "统一", "一律", "全部", ""]
STRONG_VERBS = ["打上", "贴上", "标上", "标记为", "标记成", "标记做", "標記做", "tag上", "mark 成"]
TAGS = [("VIP", "VIP"), ("“金卡”", "金卡"), ("高意向", "高意向")]


@pytest.mark.parametrize(
    ("whom", "adverb", "verb", "tag"),
    list(itertools.product(WHOM_FIRST, ADVERBS, STRONG_VERBS, TAGS[:2])),
)
def test_whom_said_first_then_a_tag_verb_tags(
    whom: str, adverb: str, verb: str, tag: tuple[str, str]
) -> None:
    said, name = tag
    assert action(f"{whom}{adverb}{verb}{said}") == ("tag", name)


WEAK_FORMS = [
    "打个{t}标签",
    "打个{t}的标",
    "加個{t}tag",
    "贴个{t}的标签",
    "加个{t} tag",
    "打一个{t}標籤",
]


@pytest.mark.parametrize(("form", "tag"), list(itertools.product(WEAK_FORMS, TAGS)))
@pytest.mark.parametrize(
    "whom", ["给上海的客户", "同上海啲客", "幫上海嘅客", "上海的客户都", "替上海的客人"]
)
def test_a_weak_verb_with_a_tag_noun_tags(whom: str, form: str, tag: tuple[str, str]) -> None:
    said, name = tag
    assert action(whom + form.format(t=said)) == ("tag", name)


@pytest.mark.parametrize(
    "text",
    [
        "打上VIP标签给上海的客户",
        "贴个VIP的标签给上海的女客户",
        "把VIP标签贴到上海客户身上",
        "把VIP標籤加到上海客戶身上",
        "flag customers in Shanghai as VIP",
        "label all customers in Shanghai as VIP",
        "mark every customer in Shanghai as VIP",
        "give customers in Shanghai the VIP tag",
        "put the VIP tag on customers in Shanghai",
        "please add the VIP label to customers in Shanghai",
        "上海的客户 tag 成 VIP",
        "上海的VIP客户 mark as VIP",
        "tag as VIP the customers in Shanghai",
        "幫手同上海啲客tag上VIP",
        "把上海的客户标注为VIP",
    ],
)
def test_tag_first_and_english_orders(text: str) -> None:
    assert action(text) == ("tag", "VIP")


@pytest.mark.parametrize(
    "text",
    [
        "给上海的客户打个标签",
        "幫上海啲客貼個標籤",
        "给上海客户加个tag",
        "上海的客户都打个标签吧",
        "tag customers in Shanghai",
        "label the customers who ordered last month",
        "pls flag the customers in Shanghai",
        "mark customers in Shanghai",
    ],
)
def test_a_tag_verb_with_no_tag_is_asked_back(text: str) -> None:
    assert isinstance(parse(text), Clarification), text


# ---- untag: the verb before or after, 身上, 把 ---------------------------------------------

UNTAG_FORMS = [
    "去掉上海客户身上的{t}",
    "取消上海客户身上的{t}",
    "撕掉上海客户的{t}标签",
    "移除上海客戶的{t}標籤",
    "去掉上海客户的{t}",
    "给上海的客户去掉{t}标签",
    "給上海的客戶撤掉{t}",
    "给上海的客户 untag {t}",
    "上海的客户，把{t}标签撤了",
    "上海的客户 把{t}撤了",
    "上海嘅客，{t}標籤拎走",
    "上海的客户身上的{t}删掉吧",
    "上海客户的{t}标签都去掉",
    "untag {t} for customers in Shanghai",
    "remove {t} from customers in Shanghai",
    "strip the {t} tag off customers in Shanghai",
    "把{t}从上海客户身上去掉",
    "將{t}標籤由上海啲客身上攞走",
]


@pytest.mark.parametrize(("form", "tag"), list(itertools.product(UNTAG_FORMS, TAGS)))
def test_untag_worded_any_way(form: str, tag: tuple[str, str]) -> None:
    said, name = tag
    assert action(form.format(t=said)) == ("untag", name)


@pytest.mark.parametrize(
    "text",
    [
        "把上海客户的标签去掉",
        "去掉上海客户身上的标签",
        "把上海客戶嘅所有標籤都剔走",
        "untag customers in Shanghai",
    ],
)
def test_untag_with_no_tag_is_asked_back(text: str) -> None:
    assert isinstance(parse(text), Clarification), text


# ---- what stays a condition, a list or something else --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "打上VIP标签的客户",
        "有哪些客户打上了VIP标签",
        "没打标签的上海客户",
        "被打上VIP标签的客户",
        "上海客户都打上VIP标签了吗",
        "上海的客户，VIP的除开",
        "VIP客户加上金卡客户",
        "tagged VIP customers in Shanghai",
        "customers marked as VIP",
    ],
)
def test_conditions_and_questions_are_no_tag_command(text: str) -> None:
    result = parse(text)
    assert not (isinstance(result, Command) and result.intent in ("tag", "untag")), text


@pytest.mark.parametrize("text", ["给张三打个电话", "给上海客户加个微信", "去掉北京的"])
def test_other_verbs_are_no_tag_command(text: str) -> None:
    result = parse(text)
    assert not (isinstance(result, Command) and result.intent in ("tag", "untag")), text


# ---- the parts -----------------------------------------------------------------------------


def test_an_action_word_left_over_is_asked_back() -> None:
    for text in ("tag customers who refunded", "上海客户贴上vip标签然后发券", "untag 上海"):
        with pytest.raises(Ask):
            leftover(text)
    for text in (
        "tagged vip customers",
        "打上了vip标签的客户",
        "有多少客户打上vip标签",
        "给张三打个电话",
    ):
        leftover(text)  # a condition, a question, a call: nothing to ask


def test_name_states() -> None:
    assert name_state("VIP") == "ok"
    assert name_state("“待跟进”") == "ok"
    for missing in ("", "个", "一个", "标签", "tag"):
        assert name_state(missing) == "missing", missing
    for bad in ("客户把vip", "客，vip", "vip标签了吗", "x for customers in y"):
        assert name_state(bad) == "bad", bad


def test_names_and_whom_are_cleaned() -> None:
    assert clean_name("the待跟进 label") == "待跟进"
    assert clean_name("a vip tag") == "vip"
    assert clean_name("“the list”") == "“the list”"
    assert trim_adverbs("上海的客户一律") == "上海的客户"
    assert trim_adverbs("上海的客户，都") == "上海的客户"
    assert without_all("all官网活码 customers") == "官网活码 customers"
    assert without_all("all of them") == "all of them"
    assert without_all("everyone whose aov is under 100") == "everyone whose aov is under 100"


def test_readers_return_the_parts() -> None:
    found = read_zh("近30天下单的，统一贴上高意向", {})
    assert found is not None and (found.intent, found.name) == ("tag", "高意向")
    found = read_zh("近一年没买过的客户把vip标签撤了", {"vip": "VIP"})
    assert found is not None and (found.intent, found.seg, found.name) == (
        "untag",
        "近一年没买过的客户",
        "vip",
    )
    found = read_en("untag vip for everyone whose aov is under 100")
    assert found is not None and (found.intent, found.name) == ("untag", "vip")
    assert read_zh("上海的客户有多少", {}) is None
