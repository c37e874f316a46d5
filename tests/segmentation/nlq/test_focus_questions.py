"""Yes/no questions about the one customer in focus, by family: the pronoun and the yes/no
words taken off in zh-Hans, zh-Hant (Taiwan, HK Cantonese), English; questions asking for
something (what, when, who) are no yes/no."""

from __future__ import annotations

import pytest

from segmentation.nlq.focus_questions import yes_no_words

YES_NO = [
    ("他退过款没", "退过款"),
    ("她是VIP吗", "VIP"),
    ("他是不是男的", "男的"),
    ("她有没有咨询过", "咨询过"),
    ("他这个月下单了吗", "这个月下单"),
    ("这位客户在上海吗", "在上海"),
    ("她是否金卡", "金卡"),
    ("這位客戶這個月有來過嗎", "這個月有來過"),
    ("他買過精華液嗎", "買過精華液"),
    ("佢有冇落過單", "落過單"),
    ("佢係咪VIP", "VIP"),
    ("佢上個月有冇落單", "上個月落單"),
    ("佢退咗款未", "退咗款"),
]


@pytest.mark.parametrize(("text", "words"), YES_NO)
def test_chinese_yes_no(text: str, words: str) -> None:
    assert yes_no_words(text)[0] == words


ENGLISH = [
    ("has she ordered this month", "customers who ordered this month"),
    ("did he inquire in the last 30 days?", "customers who inquire in the last 30 days"),
    ("is she a VIP", "VIP customers"),
    ("is this customer in Shanghai?", "in Shanghai customers"),
    ("has he ever bought serum", "customers who bought serum"),
]


@pytest.mark.parametrize(("text", "first"), ENGLISH)
def test_english_yes_no(text: str, first: str) -> None:
    assert yes_no_words(text)[0] == first


NOT_YES_NO = [
    "她买了什么",
    "他最近一次来店是啥时候",
    "她上次order是几号",
    "他是谁的客户",
    "他是VIP",  # said, not asked
    "他们是VIP吗",  # more than one customer
    "佢哋有冇落單",
    "what did she buy",
    "who is he",
]


@pytest.mark.parametrize("text", NOT_YES_NO)
def test_no_yes_no(text: str) -> None:
    assert yes_no_words(text) == ()
