"""A campaign's name in quotes with a slip in it ("“老客关爱”收到消息的客户", "「国庆回贵」有哪些
客戶收到訊息", "who got the “老客关爱” message"): asked back with the campaigns it is a slip of,
so "1" / "第一个" / the name retyped answers the question about that campaign (issue 19).

Quotes say a name is meant; a name no tag, product, city or colleague has, one character (or
a letter or two) off a campaign's, in a question about messages, coupons or a control group, is
that campaign misspelt — never a tag to look for, nor a city that shares a character with it
(国庆回贵 is no 贵阳). A quote that is a message's words ("发消息“老客关怀”") is left alone.
"""

from __future__ import annotations

from collections.abc import Callable

from segmentation.nlq.campaign_names import _as_written, close_campaigns_ask
from segmentation.nlq.close_names import closeness
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

_QUOTED = lazy_pattern(r"“(?P<name>[^“”]{2,20})”")
# What a campaign did to customers, said anywhere in the question (normalised: simplified,
# lower case): its message, its coupons, its control group, the campaign itself.
_CONTACT = lazy_pattern(
    r"消息|讯息|信息|群发|推送|券|对照组|控制组|留出|活动|"
    # (a Chinese character may touch an English word: "message的")
    r"(?<![a-z])(?:messages?|coupons?|vouchers?|control group|holdout|campaign|promo)(?![a-z])"
)
# A message being sent ("把“老客关怀”这条消息发给VIP"): its quoted words are what it says.
_SENDING = lazy_pattern(
    r"发给|发送给|推送给|推给|群发给|\bsend\b|"
    r"\b(?:text|message|dm) (?:them|her|him|the|these|those|all|every|my|our)\b"
)
# A quote right after a send or say word is what a message says, not a name.
_SAID_BEFORE = lazy_pattern(
    r"(?:发|发送|群发|推送|说|写|内容|内容是|话术|文案|消息|讯息|信息|短信|私信|"
    r"send|sending|say|saying|text|"
    r"reading|message|msg)\s*[:：,，]?\s*$"
)


def check_quoted_campaign_slips(
    text: str, original: str, campaigns: dict[int, str], other_name: Callable[[str], bool]
) -> None:
    """Ask back the first quoted name in `text` (normalised) that is a slip of a campaign's
    name in a question about a campaign's contacts; nothing when there is none."""
    if not campaigns or _CONTACT.search(text) is None or _SENDING.search(text):
        return
    for found in _QUOTED.finditer(text):
        name = found.group("name").strip()
        if not name or other_name(name) or _SAID_BEFORE.search(text[: found.start()]):
            continue
        close = slipped_campaigns(name, campaigns)
        if close:
            raise close_campaigns_ask(_as_written(name, original), close, said_as_campaign=True)


def slipped_campaigns(name: str, campaigns: dict[int, str]) -> list[str]:
    """The campaigns (newest first) whose name `name` is one slip away from; none when it is
    a campaign's own name."""
    said = normalize(name)
    if any(normalize(n) == said for n in campaigns.values()):
        return []
    newest = [campaigns[i] for i in sorted(campaigns, reverse=True)]
    return [n for n in newest if closeness(said, normalize(n)) is not None][:3]
