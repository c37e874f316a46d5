"""The words that change a card before it is confirmed (bot.commands.card_amend): each
category in zh-Hans, zh-Hant, Cantonese and English. The whole flows — a new card, the old
one void, 确认 running only the new one — are in conversations.txt."""

from __future__ import annotations

import pytest

from bot.commands.card_amend import _CANCEL, _CHANGE_EN, _CHANGE_ZH, _NEAR_CONFIRM, _as_follow_up
from bot.commands.confirm import typed_decision
from segmentation.nlq.followup import ALSO, AND, WITHOUT, read_follow_up
from segmentation.text import normalize


@pytest.mark.parametrize(
    "text",
    ["算了", "算了吧", "那算了", "不发了", "先别发", "还是不要了吧", "不用了，谢谢", "唔使喇",
     "唔該，唔使了", "別發了", "作廢", "never mind", "Nevermind.", "forget it", "scrap that",
     "don't send it", "actually, cancel that", "hold off", "no thanks"],
)  # fmt: skip
def test_cancel_words(text: str) -> None:
    assert _CANCEL.match(normalize(text))


@pytest.mark.parametrize(
    "text",
    ["算了下有多少人", "不发给北京的", "changed my mind about Beijing", "don't send to Beijing",
     "never ordered", "取消的订单", "forget the VIPs"],
)  # fmt: skip
def test_not_cancel_words(text: str) -> None:
    assert not _CANCEL.match(normalize(text))


@pytest.mark.parametrize(
    ("text", "mode", "rest"),
    [
        ("只给上海的发", AND, "上海的"),
        ("只發給上海的客戶吧", AND, "上海的"),
        ("就给VIP发就行", AND, "vip的"),
        ("上海的就行", AND, "上海的"),
        ("那就只给女性发吧", AND, "女性的"),
        ("不要发给北京的", WITHOUT, "北京的"),
        ("北京的就别发了", WITHOUT, "北京的"),
        ("北京嗰啲唔好發", WITHOUT, "北京的"),
        ("金卡的也发", ALSO, "金卡的"),
        ("也给北京的发一份", ALSO, "北京的"),
        ("only send it to Shanghai", AND, "shanghai"),
        ("actually, only the Shanghai ones", AND, "the shanghai ones"),
        ("send only to women", AND, "women"),
        ("Shanghai only", AND, "shanghai"),
        ("don't send it to Beijing", WITHOUT, "beijing"),
        ("skip the VIPs", WITHOUT, "the vips"),
        ("also send it to Beijing", ALSO, "beijing"),
        ("只发给上海的", AND, "上海的"),
        ("不要发给Dan", WITHOUT, "dan的"),
        ("唔好發畀Dan", WITHOUT, "dan的"),
        ("only the one in Shanghai", AND, "in shanghai"),
        ("only the two in Beijing", AND, "in beijing"),
        ("只幫Bob打就好", AND, "bob的"),
        ("淨係畀上海嘅發", AND, "上海嘅的"),
    ],
)
def test_card_words_read_as_follow_ups(text: str, mode: str, rest: str) -> None:
    follow = read_follow_up(_as_follow_up(text))
    assert follow is not None and follow.mode == mode
    assert follow.rest.removesuffix(" too").lower() == rest


@pytest.mark.parametrize(
    ("text", "new"),
    [("改成满300减30", "满300减30"), ("券换成9折", "9折"),
     ("哦不对，改为满500减50的券", "满500减50的券"), ("消息改成“周五见”", "“周五见”"),
     ("把標籤改成高意向", "高意向")],
)  # fmt: skip
def test_content_changes_zh(text: str, new: str) -> None:
    found = _CHANGE_ZH.match(normalize(text))
    assert found is not None and found.group("new") == normalize(new)


@pytest.mark.parametrize(
    ("text", "new"),
    [("change it to 30 off 300", "30 off 300"), ("make the coupon 20% off", "20% off"),
     ("actually, change the message to “see you”", "“see you”"),
     ("change to 满300减60", "满300减60"), ("switch to 9折", "9折"),
     ("actually make it 100 off 500", "100 off 500"), ("change it to Fridays", "fridays")],
)  # fmt: skip
def test_content_changes_en(text: str, new: str) -> None:
    found = _CHANGE_EN.match(normalize(text))
    assert found is not None and found.group("new") == new


@pytest.mark.parametrize(
    ("text", "key"),
    [("确认", "confirm"), ("確認。", "confirm"), ("确认发送", "confirm"), ("好的，确认", "confirm"),
     ("ok confirm", "confirm"), ("Yes, confirm it", "confirm"), ("确认执行吧", "confirm"),
     ("取消", "cancel"), ("确定", None), ("确认一下这些客户", None), ("confirmed customers", None),
     # a comma before the words that add nothing (mgr28): still only the word itself
     ("confirm, send it", "confirm"), ("确认，发吧", "confirm"), ("確認，發送", "confirm"),
     ("确认，不发了", None), ("confirm, then tag VIP", None)],
)  # fmt: skip
def test_typed_decisions(text: str, key: str | None) -> None:
    assert typed_decision(text) == key


@pytest.mark.parametrize("text", ["确定", "發吧", "可以", "好的", "go ahead", "send it", "OK"])
def test_near_confirmations_are_not_confirmations(text: str) -> None:
    assert typed_decision(text) is None and _NEAR_CONFIRM.match(normalize(text))


@pytest.mark.parametrize(
    ("text", "said"),
    [("drop Heidi from it", "without heidi"), ("skip Bob from this send", "without bob"),
     ("excluding Pia from the list", "without pia"), ("remove Bob from the list", "without bob"),
     ("don't include Omar from it", "without omar")],
)  # fmt: skip
def test_dropped_from_the_card_names_only_whom(text: str, said: str) -> None:
    # mgr28: what they are dropped from (it, the list, this send) is no part of whom
    assert _as_follow_up(text) == said
