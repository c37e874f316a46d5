"""Follow-up markers by category: every way of pointing at the previous answer, every
"only" / "remove" form, paging requests and picks — and the sentences that are none."""

from __future__ import annotations

import pytest

from segmentation.nlq.followup import (
    AND,
    NO,
    WITHOUT,
    YES,
    read_follow_up,
    read_more,
    read_pick,
)

POINTERS = [
    "这些客户里", "这些人里", "这里面", "其中", "里面", "这些中的", "这批人中", "那些客户当中",
    "他们中", "上面的客户里", "這些裡面", "這批人當中", "其中的", "在这些客户里",
]  # fmt: skip


@pytest.mark.parametrize("pointer", POINTERS)
def test_every_chinese_pointer_narrows_with_what_follows(pointer: str) -> None:
    follow = read_follow_up(f"{pointer}上海的有几个")
    assert follow is not None and follow.mode == AND and follow.pointed
    assert follow.rest == "上海的有几个"


EN_POINTERS = ["of these,", "among them,", "of them", "from these customers,", "among those",
               "out of the list,", "of the above,", "and among these,"]  # fmt: skip


@pytest.mark.parametrize("pointer", EN_POINTERS)
def test_every_english_pointer_narrows_with_what_follows(pointer: str) -> None:
    follow = read_follow_up(f"{pointer} who is in Beijing")
    assert follow is not None and follow.mode == AND
    assert follow.rest == "who is in Beijing"


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("which of them are female", "which are female"),
        ("how many of these ordered", "how many ordered"),
        ("female ones among them", "female ones"),
        ("who in this list is a VIP", "who is a VIP"),
    ],
)
def test_english_question_words_keep_their_place(text: str, rest: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and follow.rest == rest


@pytest.mark.parametrize(
    ("text", "mode", "rest"),
    [
        ("只要VIP的", AND, "VIP的"),
        ("只看女性", AND, "女性"),
        ("仅限上海的", AND, "上海的"),
        ("去掉已经下单的", WITHOUT, "下单的"),
        ("排除VIP", WITHOUT, "VIP"),
        ("不要北京的", WITHOUT, "北京的"),
        ("除去已下單的", WITHOUT, "下單的"),
        ("这些里去掉VIP", WITHOUT, "VIP"),
        ("only VIPs", AND, "VIPs"),
        ("just the female ones", AND, "the female ones"),
        ("exclude the ones who ordered", WITHOUT, "who ordered"),
        ("without those who ordered", WITHOUT, "who ordered"),
        ("except VIP customers", WITHOUT, "VIP customers"),
        ("drop those in Beijing", WITHOUT, "in Beijing"),
    ],
)
def test_only_and_remove_forms(text: str, mode: str, rest: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and (follow.mode, follow.rest) == (mode, rest)


@pytest.mark.parametrize(
    "text",
    [
        "上海的客户",
        "近30天有咨询但未下单的客户",
        "上个月新加的客户中还没下单的",  # 中 inside one sentence is a clause, not a pointer
        "只买过一次的客户",  # 只 before a count is "exactly"
        "这些",
        "其中",
        "export them",
        "only 3 orders",
        "customers in Shanghai",
    ],
)
def test_sentences_that_are_not_refinements(text: str) -> None:
    assert read_follow_up(text) is None


# Mixed-language refine verbs (#19): an English verb in a Chinese frame or with a Chinese
# particle after it, a Chinese verb before an English condition; the verb says the mode.
@pytest.mark.parametrize(
    ("text", "mode", "rest"),
    [
        ("再 narrow 到 male", AND, "male"),
        ("narrow到男的", AND, "男的"),
        ("filter 一下上海的", AND, "上海的"),
        ("再 filter 出 北京的", AND, "北京的"),
        ("只 keep VIP", AND, "VIP"),
        ("帮我 filter 一下 VIP 的", AND, "VIP 的"),
        ("narrow down to 女性", AND, "女性"),
        ("narrow it down to women", AND, "women"),
        ("please narrow it down to 上海", AND, "上海"),
        ("filter to 上海", AND, "上海"),
        ("keep only the ones in 北京", AND, "in 北京"),
        ("keep the ones in Beijing", AND, "in Beijing"),
        ("exclude 掉 金卡 的", WITHOUT, "金卡 的"),
        ("remove 掉上海的", WITHOUT, "上海的"),
        ("drop 掉VIP", WITHOUT, "VIP"),
        ("filter out 金卡的", WITHOUT, "金卡的"),
        ("去掉 the VIPs", WITHOUT, "the VIPs"),
        ("唔要金卡嘅", WITHOUT, "金卡嘅"),
        ("只留 Shanghai 的", AND, "Shanghai 的"),
    ],
)
def test_mixed_language_refine_verbs(text: str, mode: str, rest: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and (follow.mode, follow.rest) == (mode, rest)


@pytest.mark.parametrize("text", ["customers to keep", "keep going", "filter", "narrow 到"])
def test_verbs_alone_or_in_a_question_are_no_refinement(text: str) -> None:
    assert read_follow_up(text) is None


def test_the_action_word_before_a_pointer_is_read_with_the_clause() -> None:
    follow = read_follow_up("给这些客户里上海的发一张券")
    assert follow is not None and follow.readings() == ("给上海的发一张券",)
    follow = read_follow_up("这些里VIP的发一张券")  # 给 left out: read both ways
    assert follow is not None and follow.readings() == ("VIP的发一张券", "给VIP的发一张券")
    follow = read_follow_up("of these, send the VIPs a coupon")
    assert follow is not None and follow.readings() == ("send the VIPs a coupon",)


def test_a_trailing_ne_asks_the_previous_question() -> None:
    follow = read_follow_up("其中女性呢")
    assert follow is not None and follow.echo
    follow = read_follow_up("其中女性有几个")
    assert follow is not None and not follow.echo


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("更多", 0), ("more", 0), ("下一页", 0), ("next page", 0), ("继续", 0), ("再来", 0),
        ("再来10个", 10), ("再來5個", 5), ("再来十个", 10), ("show me 5 more", 5),
        ("10 more", 10), ("next 5 customers", 5), ("再来一批", 0), ("还有吗", 0),
        ("更多客户", 0), ("more please", 0),
    ],
)  # fmt: skip
def test_more_in_its_forms(text: str, rows: int) -> None:
    assert read_more(text) == rows


@pytest.mark.parametrize("text", ["上海的更多客户", "1", "more than 3 orders", "下单的", ""])
def test_not_more(text: str) -> None:
    assert read_more(text) is None


TWO = ("高意向", "高雄")


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("1", 0), ("2.", 1), ("#2", 1), ("＃１", 0), ("第一个", 0), ("第1个", 0), ("第二", 1),
        ("选2", 1), ("选第2个", 1), ("就第一个吧", 0), ("第1個", 0), ("高意向", 0),
        ("我是说高雄", 1), ("the first one", 0), ("the second", 1), ("first", 0),
        ("option 2", 1), ("the last one", 1), ("高意嚮", 0),
    ],
)  # fmt: skip
def test_picks(text: str, index: int) -> None:
    assert read_pick(text, TWO) == index


@pytest.mark.parametrize("text", ["是", "是的", "对", "對", "嗯", "好的", "yes", "yep", "Yeah"])
def test_yes_is_its_own_answer(text: str) -> None:
    assert read_pick(text, TWO) == YES


@pytest.mark.parametrize("text", ["不是", "都不是", "no", "None of them", "neither"])
def test_none_of_them(text: str) -> None:
    assert read_pick(text, TWO) == NO


@pytest.mark.parametrize("text", ["3", "第三个", "VIP", "上海的客户", "the third one"])
def test_not_a_pick(text: str) -> None:
    assert read_pick(text, TWO) is None


@pytest.mark.parametrize(
    ("text", "rest", "pointed"),
    [
        ("那上海的呢", "上海的呢", True),
        ("女性呢", "女性呢", False),
        ("那麼北京的呢？", "北京的呢", True),
        ("what about VIPs?", "VIPs", False),
        ("what about those in Beijing?", "in Beijing", False),
    ],
)
def test_an_echo_without_a_pointer_is_a_loose_follow_up(
    text: str, rest: str, pointed: bool
) -> None:
    follow = read_follow_up(text)
    assert follow is not None and follow.loose and follow.echo
    assert (follow.rest, follow.pointed) == (rest, pointed)


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("其中北京那组", "北京的"),
        ("张三这一组", "张三的"),
        ("淨係要北京嗰組", "北京的"),
        ("list the Beijing group", "list the Beijing ones"),
        ("show me Zhang San's group", "show me Zhang San's"),
        ("北京的，把他们列出来", "北京的列出来"),
        ("just Zhang San's, list them", "list Zhang San's"),
        ("only 张三的, list them", "张三的列出来"),
    ],
)
def test_a_group_of_the_answer_or_list_them_points_back(text: str, rest: str) -> None:
    follow = read_follow_up(text)
    assert follow is not None and follow.mode == AND and follow.pointed
    assert follow.rest == rest


@pytest.mark.parametrize(
    "text",
    ["我们这组的客户有几个", "how many customers per tag group", "list them", "把他们列出来"],
)
def test_no_group_of_the_answer(text: str) -> None:
    follow = read_follow_up(text)
    assert follow is None or "组" not in follow.rest
