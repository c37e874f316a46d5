"""A campaign said first as the topic, what reached its customers said after the question:
"国庆回馈这个活动有哪些客户收到讯息", "活动#2的客户谁还没用券", "上次活動有幾個客核銷咗張券",
"which of campaign #2's coupons haven't been redeemed yet", "上次活動邊個係對照組".

The campaign alone would be asked back (its message, its coupon, or its coupon used?), and the
contact alone would be every campaign's: said in one sentence, the contact is the campaign's
(spec/commands.md §2b, contacted). Only when the sentence names one campaign and says nothing
of another; two campaigns, or a coupon said of a campaign named by its coupons only for a
message, stay as they are (asked back).
"""

from __future__ import annotations

import re
from dataclasses import replace

from segmentation.nlq.contact_words import ContactMatch, _ref_zh
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token

_TOPIC = ("which", "which_coupon")
_COUPON = ("issued", "redeemed", "unredeemed")


def topic_contact_joined(tokens: list[Token]) -> list[Token]:
    """`tokens` with a campaign said alone (活动#1, 上次活动, campaign #2's) put on the one
    contact of no campaign said after or before it in the same sentence."""
    topics = [t for t in tokens if t.kind == K.CONTACT and t.value.what in _TOPIC]
    contacts = [t for t in tokens if t.kind == K.CONTACT and t.value.what not in _TOPIC]
    if len(topics) != 1 or not contacts:
        return tokens
    if any(_bound(t.value) for t in contacts):
        return tokens  # a campaign named twice (活动#1 … 收到过活动#2消息): which one is asked
    topic: ContactMatch = topics[0].value
    if topic.what == "which_coupon" and any(t.value.what not in _COUPON for t in contacts):
        return tokens  # the last coupon campaign's message: asked back, as said alone
    joined = []
    for token in tokens:
        if token is topics[0]:
            continue
        if token in contacts:
            value = replace(token.value, campaign_id=topic.campaign_id, latest=topic.latest)
            token = replace(token, value=value)
        joined.append(token)
    return joined


def _bound(found: ContactMatch) -> bool:
    return found.campaign_id is not None or found.latest


# 上次活动边个系对照组 / 活动#2谁是对照组 / 上次活动哪些客户被留作对照组 / 上次活动有几个人在控制组:
# the campaign said first, who asked, then the control group with no campaign of its own.
_GROUP = r"(?:对照组|控制组|对照群|留出组|\s*(?:control ?group|holdout ?group|holdouts?)\s*)"
_WHO = (
    r"(?:有谁|谁|有边个|边个|有边啲人?|边啲人?|有哪些(?:人|客户|客人|顾客|客)?|"
    r"哪些(?:人|客户|客人|顾客|客)?|哪几个人?|哪位|有几个人?|几个人?|有多少人?|多少人?|"
    r"有几多人?|几多人?|有几位|几位)"
)
_BE_IN = (
    r"(?:是|系|係|在|喺|属于|属|被留作|被留为|留作|被分到|分到|分在|被划入|划入|被列入|列入|"
    r"被选入|选入|入咗|入了)?"
)
_HOLDOUT_TOPIC = lazy_pattern(
    rf"(?P<ref>{_ref_zh(70, 'message')}|活动#\d{{1,9}}(?:号)?)"
    r"(?:的|嘅)?(?:客户|客人|顾客|客)?\s*[,，]?\s*"
    rf"(?P<q>{_WHO})(?:客户|客人|顾客|客)?(?:是|系|係)?{_BE_IN}(?:了)?(?:的|嘅)?"
    rf"(?P<group>{_GROUP})(?:里面|里|中|当中|入面|内)?(?:的|嘅)?(?:客户|客人|顾客|客|人)?"
)


def holdout_topic_joined(text: str) -> str:
    """`text` (normalised) with "CAMPAIGN who is in the control group" said as "CAMPAIGN's
    control group: who" (活动#3的对照组有谁), the order the control group's phrases read."""

    return _HOLDOUT_TOPIC.sub(_holdout_first, text)


def _holdout_first(found: re.Match[str]) -> str:
    asked = found["q"] if found["q"].startswith("有") else f"有{found['q']}"
    return f"{found['ref']}的{found['group'].strip()}{asked}"
