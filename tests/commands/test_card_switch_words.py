"""The words that switch a waiting card to an export, and the words that add a person to it
by name (fix-card-switch), read on their own in every language form."""

from __future__ import annotations

import pytest

from bot.commands.card_people import NotAdded, people_added, people_named
from bot.commands.card_switch import export_instead

_SWITCHES = [
    # zh-Hans
    "改成导出吧", "换成导出", "改为导出吧", "还是导出吧", "不如导出吧", "直接导出给我", "导出就好",
    "就导出吧", "改成导出名单吧", "那还是导出吧",
    # zh-Hant TW / HK
    "改為導出", "轉做匯出啦", "改返做匯出", "都係匯出啦", "不如匯出佢哋啦", "直接匯出呢啲人俾我",
    # English
    "switch to an export instead", "just export them", "export them instead", "export instead",
    "make it an export", "change it to an export", "switch to export",
    "I'd rather just export them", "let's just export the list", "actually, just export them",
    # mixed
    "改做export", "换成 export 吧", "改成export吧",
]  # fmt: skip
_NO_SWITCH = ["导出", "export them", "导出这个", "把这些导出", "export", "改成待跟进",
              "switch to a coupon", "导出给我"]  # fmt: skip


@pytest.mark.parametrize("text", _SWITCHES)
def test_a_switch_to_an_export(text: str) -> None:
    assert export_instead(text)


@pytest.mark.parametrize("text", _NO_SWITCH)
def test_a_bare_export_or_another_change_is_no_switch(text: str) -> None:
    assert not export_instead(text)


_ADDS = {
    # English
    "also tag Bob": ["bob"], "actually also tag Bob": ["bob"], "tag Bob too": ["bob"],
    "Bob too": ["bob"], "and Bob as well": ["bob"], "add Bob too": ["bob"],
    "include Bob": ["bob"], "also Bob": ["bob"], "also send it to Ivan": ["ivan"],
    "send Ivan one too": ["ivan"], "also message Ivan": ["ivan"], "and add Dan": ["dan"],
    "also tag Bob and Ivan": ["bob", "ivan"],
    # zh-Hans
    "加上Bob": ["bob"], "再加上Bob": ["bob"], "连Bob也打上": ["bob"], "Bob也打上": ["bob"],
    "也给Bob打上": ["bob"], "把Bob也加上": ["bob"], "连Ivan也发": ["ivan"],
    "Ivan也发一张": ["ivan"], "加上Bob和Ivan": ["bob", "ivan"], "连同Bob一起": ["bob"],
    # zh-Hant TW / HK
    "還有Bob": ["bob"], "加埋Bob": ["bob"], "Bob都打埋": ["bob"], "加多個Bob": ["bob"],
    "順便幫Bob也打埋": ["bob"],
}  # fmt: skip


@pytest.mark.parametrize(("text", "names"), list(_ADDS.items()))
def test_a_person_added_by_name(text: str, names: list[str]) -> None:
    assert people_named(text) == names


@pytest.mark.parametrize("text", ["also tag them", "tag them too", "只要Bob", "去掉Bob", "改成9折"])
def test_no_person_added(text: str) -> None:
    assert people_named(text) is None


def test_a_name_is_a_person_only_when_a_customer_the_asker_sees() -> None:
    seen = {"bob": "Bob"}
    tags = {"vip", "北京的"}
    assert people_added("also tag Bob", seen.get, tags.__contains__) == ["Bob"]
    # a tag or a group is read as before (None), never refused as a person
    assert people_added("加上VIP", seen.get, tags.__contains__) is None
    assert people_added("加上北京的", seen.get, tags.__contains__) is None
    # a name nobody the asker sees has: refused, as typed (the same words whether or not a
    # customer of that name exists outside their scope)
    assert people_added("加上Frank", seen.get, tags.__contains__) == NotAdded("Frank")
    assert people_added("Bob and Frank too", seen.get, tags.__contains__) == NotAdded("Frank")
