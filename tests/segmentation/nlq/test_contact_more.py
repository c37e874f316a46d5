"""Coupon use said every way (issue 19, blind s13): the campaign between the verb and the
coupon (没用双11预热的券), the English verb in a Chinese sentence (redeemed 过券), 有 before the
use (上一檔活動有核銷優惠券), 劵 typed for 券, the campaign as the sender (“老客关怀”发过的), and
English with the campaign before its coupon's fate (who from 国庆回馈 never used theirs) — in
zh-Hans, Taiwan, Cantonese, English and mixed."""

from __future__ import annotations

import pytest

from segmentation.nodes import And, HasTag, Node
from tests.segmentation.nlq.test_contact_family import cpn, msg, segment

VIP = HasTag("VIP")

UNREDEEMED_OF_A_CAMPAIGN = [
    "有谁没用双11预热的券",
    "没用过双11预热的券的客户",
    "没有使用双11预热的优惠券的客户",
    "双11预热的券有谁没用",
    "雙11預熱的券有邊個仲未用",
    "沒用過雙11預熱的券的客戶",
    "双11预热的券没redeem的客户",
    "who hasn't used their 双11预热 coupon yet?",
    "customers who never redeemed the 双11预热 coupon",
    "who from 双11预热 never used theirs?",
    "customers from 双11预热 who haven't redeemed yet",
    "customers who got a 双11预热 coupon but never used it",
    "customers of 双11预热 who haven't redeemed yet",
]


@pytest.mark.parametrize("text", UNREDEEMED_OF_A_CAMPAIGN)
def test_a_campaigns_coupon_not_used(text: str) -> None:
    assert segment(text) == cpn("unredeemed", 2)


REDEEMED = [
    ("用过双11预热的券的客户", cpn("redeemed", 2)),
    ("核销了双11预热的券的", cpn("redeemed", 2)),
    ("customers from 双11预热 who used theirs", cpn("redeemed", 2)),
    ("redeemed 过券的客户", cpn("redeemed")),
    ("redeemed 过券的VIP", And((cpn("redeemed"), VIP))),
    ("used过优惠券的客户", cpn("redeemed")),
    ("上一檔活動有核銷優惠券的客人", cpn("redeemed", latest=True)),
    ("上次活动有用券的客户", cpn("redeemed", latest=True)),
    ("上次活动有核销的客户", cpn("redeemed", latest=True)),
    ("customers from the last campaign who used theirs", cpn("redeemed", latest=True)),
]


@pytest.mark.parametrize(
    "text",
    [
        "which customers from the last campaign didn't redeem",
        "customers of the last campaign who never used theirs",
        "上次活动谁没用券",
        "上次活動有邊個未用券",
    ],
)
def test_the_last_campaigns_coupon_not_used(text: str) -> None:
    assert segment(text) == cpn("unredeemed", latest=True)


@pytest.mark.parametrize(("text", "expected"), REDEEMED)
def test_a_coupon_used(text: str, expected: Node) -> None:
    assert segment(text) == expected


UNREDEEMED_ANY = [
    "领过劵没核销的",
    "领了优惠劵没用的客户",
    "没redeem过券的客户",
    "領咗劵未用嘅客",
]


@pytest.mark.parametrize("text", UNREDEEMED_ANY)
def test_a_coupon_got_not_used_with_typos_and_english_verbs(text: str) -> None:
    assert segment(text) == cpn("unredeemed")


SENT_BY_A_CAMPAIGN = [
    "“老客关怀”发过的客户",
    "老客关怀发过的客户",
    "老客关怀推送过的客户",
    "「老客關懷」發過的客戶",
]


@pytest.mark.parametrize("text", SENT_BY_A_CAMPAIGN)
def test_a_campaign_as_the_sender_is_its_message(text: str) -> None:
    assert segment(text) == msg(3)


def test_a_campaigns_coupon_sent_is_its_coupon() -> None:
    assert segment("双11预热发过券的客户") == cpn("issued", 2)
