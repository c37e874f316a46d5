"""The campaign just discussed, named again by a reference: "最高嗰個有邊個未核銷" after a
ranking, "那个活动没核销的", "這個活動有誰沒用券", "who from the top one never redeemed",
"customers of that campaign who got a coupon".

The segment parser knows campaigns by name or number only, so a reference is written as the
campaign's number (活动#N / campaign #N) before the sentence is read — only when a campaign
was discussed in this conversation (a report, a ranking, a pick) and the asker may still see
it. Without one the sentence is left as it is (and a reference it cannot place is asked).
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.models.campaigns import Campaign
from bot.services.answer import Answer, CountAnswer, SegmentAnswer
from segmentation.nlq.campaign_pointer import (
    latest_pointer_dropped,
    one_campaign,
    pointed_campaign,
    says_pointer,
)
from segmentation.nlq.contact_words import name_campaigns
from segmentation.nlq.holdout_words import says_holdout, with_holdout_campaign
from segmentation.nlq.vocabulary import read_latest_campaigns
from segmentation.scope import Requester
from segmentation.text import normalize

# Both scripts as typed (the rewrite is on the raw text; a quoted message keeps its words).
_THAT = (
    r"(?:那个|那個|嗰个|嗰個|這個|这个|呢个|呢個|那一个|那一個|嗰一个|嗰一個|那次|嗰次|這次|这次|"
    r"那场|那場|嗰场|嗰場|那档|那檔|嗰档|嗰檔)"
)
_CAMPAIGN = r"(?:营销|營銷)?(?:活动|活動)"
_RANK_WORD = (
    r"(?:最高|最好|最佳|最多|最低|最差|最少|最成功|最有效|排第一|排名第一|第一名|第一|冠军|冠軍|"
    r"top\s*1)"
)
# 最好的那个活动 / 排第一的活动: the top of the ranking just shown; 最高嗰個 said first
# (消费最多的那个 inside a sentence is a customer ranking, not this). Pointers (这个活动,
# 該活動, that campaign, 这次推送): segmentation/nlq/campaign_pointer.py.
_ZH = re.compile(rf"{_RANK_WORD}(?:的|嘅)?{_THAT}?{_CAMPAIGN}|^\s*{_RANK_WORD}(?:的|嘅)?{_THAT}")
_EN = re.compile(
    r"\b(?:the\s+)?(?:top|best|winning|highest|first|lowest|worst|bottom)\s+campaign\b",
    re.IGNORECASE,
)
# "who from it never redeemed", "who from the top one did not use theirs": "it" and "the top
# one" are the campaign only next to a campaign's contact words (a coupon, a redemption, its
# message); "the top one" alone after a list is a customer.
_IT_EN = re.compile(
    r"(?<=\bfrom )(?:it|the (?:top|best|winning|first) one|the winner)\b"
    r"|(?<=\bof )(?:it|the (?:top|best|winning|first) one|the winner)\b"
    r"|(?<=\bin )(?:it|the (?:top|best|winning|first) one)\b",
    re.IGNORECASE,
)
# "which of its coupons", "its control group", "its message": a campaign's, said of what it
# sent (a customer's is "their")
_ITS_EN = re.compile(
    r"\bits(?= (?:unused |unredeemed |own )?(?:coupons?|vouchers?|(?:mass )?messages?|broadcasts?|"
    r"blasts?|control group|holdouts?(?: group)?)\b)",
    re.IGNORECASE,
)
_CONTACT_EN = re.compile(
    r"\b(?:coupons?|vouchers?|redeem\w*|used|use|messaged|messages?|received|theirs)\b",
    re.IGNORECASE,
)


def with_campaign_named(
    session: Session, ctx: CommandContext, requester: Requester, text: str
) -> str:
    """`text` with a reference to the campaign discussed written as its number (上次那个活动
    is the last campaign, whatever was discussed)."""
    text = latest_pointer_dropped(text)
    holdout = says_holdout(text)
    its = _ITS_EN.search(text) is not None
    if not (
        _ZH.search(text) or _EN.search(text) or _IT_EN.search(text) or says_pointer(text)
    ) and not (holdout or its):
        return text
    last = conv.load(session, requester.userid, ctx.now).campaign
    if last is None:
        return text
    # Any campaign the asker's own answer was about: a campaign's customers are asked of
    # anyone's (a leader's part of another team's campaign), each answer within their scope
    visible = list(session.scalars(select(Campaign)))
    if not any(c.id == last.campaign_id for c in visible):
        return text
    number = last.campaign_id
    text = _ZH.sub(f"活动#{number}", text)
    text = _EN.sub(f"campaign #{number}", text)
    text = pointed_campaign(text, number, (c.name for c in visible))
    if _CONTACT_EN.search(text):
        text = _IT_EN.sub(f"campaign #{number}", text)
    text = _ITS_EN.sub(f"campaign #{number}'s", text)
    if holdout:  # 给对照组的人打标签: the control group of the campaign discussed
        names = {c.id: c.name for c in visible}
        named = name_campaigns(normalize(text), names, lambda _name: False)
        text = with_holdout_campaign(text, number, named) or text
    return text


def remember_answered_campaign(
    session: Session, ctx: CommandContext, userid: str, answer: Answer
) -> None:
    """After an answer about one campaign's customers ("上次活动群发谁收到了", "双11预热的券
    谁没用"), that campaign is the one discussed: "这个活动的对照组有谁" next asks of it."""
    segment = answer.segment if isinstance(answer, CountAnswer | SegmentAnswer) else None
    if segment is None:
        return
    number = one_campaign(segment, dict(read_latest_campaigns(session)))
    if number is not None:
        conv.remember_campaign(session, userid, number, ctx.now)
