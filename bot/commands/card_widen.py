"""A card widened back to the whole list it was made from, before it is confirmed: "改成两个
都去掉", "还是全部都发吧", "佢哋兩個都要", "both of them", "send it to all of them".

The list is the one the member was shown last before the card (the conversation's newest
list that is no action). Widening reaches more customers than the card did, so it is done only
when the words leave no doubt which customers: the card's customers are all in that list, and
a number said ("两个都", "both", "all three") is that list's size now. Otherwise it is asked
back, never guessed (spec/commands.md: ask back rather than guess).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.paging import still_visible
from bot.commands.preview import ACTION_DETAILS
from bot.commands.rows import segment_of
from bot.commands.texts import say
from bot.models.confirmations import PendingAction
from bot.services.answer import Answer
from bot.services.query import answer_command, clarify
from segmentation.engine import segment_members
from segmentation.nlq import Command
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nodes import SegmentFormatError, canonical, from_json, to_json
from segmentation.scope import Requester
from segmentation.text import normalize

_LEAD = (
    r"(?:(?:那就|那|还是|都系|都是|其实|哦|嗯|不对|不如|actually|wait|hmm|oh|ok(?:ay)?|no|well|then)"
    r"[\s,，]*)*"
)
_COUNT_ZH = r"(?P<n>两|俩|二|三|四|五|六|七|八|九|十|\d{1,3})(?:个人|个|位|名)?(?:人|客户|客)?"
_THEM_ZH = r"(?:给|帮|畀|对|同)?(?:他们|她们|佢们|这些人|这些|呢啲人|呢啲|大家)?"
# The card's verb after "all" (normalised: 除咗 is 除了), or 要 (want): "都去掉", "全部都發".
_VERB_ZH = (
    r"(?:要)?(?:去掉|去除|删掉|删除|移除|拿掉|撤掉|除了|剔走|攞走|发送|发|推送|推|送|打上|打|"
    r"加上|贴上|tag|send|push)?(?:上|掉|走)?"
)
_ALL_ZH = lazy_pattern(
    rf"^{_LEAD}(?:改成|改为|换成|变成|改做|就)?{_THEM_ZH}"
    # 一起 (together) says "all" only after a number: "两个一起去掉", never "一起发" alone
    rf"(?:{_COUNT_ZH})?(?:(?P<all>全部人|全部|全都|所有人|所有|都|晒|哂)+|"
    rf"(?<=[人个位名客两俩二三四五六七八九十\d])(?:一起|一齐)(?:都)?)"
    rf"{_THEM_ZH}{_VERB_ZH}"
    r"(?:吧|啦|喇|了|啊|呀|好了|算了)*$"
)
_COUNT_EN = r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,3})"
_ALL_EN = lazy_pattern(
    rf"^{_LEAD}(?:(?:make|change|switch)\s+it\s+(?:to\s+)?|(?:send|tag|untag|remove|push|give|"
    r"do|message)\s+(?:it\s+|the\s+tag\s+|them\s+|the\s+coupon\s+|the\s+message\s+)?"
    r"(?:to\s+|from\s+|for\s+)?)?"
    rf"(?P<all>both(?:\s+of\s+them)?|all\s+(?:{_COUNT_EN}\s+)?(?:of\s+)?(?:them|those|these)|"
    r"everyone|everybody|the\s+whole\s+list|all(?:\s+customers)?)"
    r"(?:\s+(?:instead|then|after\s+all|please|again))*[\s.!]*$",
    re.I,
)
_NUMBERS = {"两": 2, "俩": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
            "九": 9, "十": 10, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip


def said_all(plain: str) -> int | None:
    """The number of customers "all" is said with (0: none said), or None when `plain`
    (normalised) does not ask for all of them."""
    found = _ALL_ZH.match(plain) or _ALL_EN.match(plain)
    if found is None:
        return None
    number = found.group("n")
    if number:
        return int(number) if number.isdigit() else _NUMBERS[number.lower()]
    return 2 if (found.group("all") or "").lower().startswith("both") else 0


def widened_card(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    action: PendingAction,
    text: str,
    lang: str,
) -> Answer | None:
    """The card's action for the whole list it was made from, a question back when which
    customers is not certain, or None when `text` asks for no widening."""
    number = said_all(normalize(text).strip())
    if number is None:
        return None
    listed = _list_before(session, requester.userid, ctx, action)
    if listed is None:
        return clarify(say("widen_no_list", lang))
    node = segment_of(listed.segment)
    if node is None:
        return clarify(say("widen_no_list", lang))
    members = segment_members(session, node, requester=requester, now=ctx.now, ctx=ctx.engine)
    current = _card_customers(session, ctx, requester, action)
    if not members or not set(current) <= set(members) or number not in (0, len(members)):
        # "两个都" of a list of three, or a card not made from that list: which ones is a guess
        return clarify(say("widen_which", lang, count=len(members), description=listed.description))
    details = {k: v for k, v in action.details.items() if k in ACTION_DETAILS}
    command = Command(action.intent, node, lang, listed.description, details)
    return answer_command(session, command, requester, ctx.now, ctx.engine)


def _list_before(
    session: Session, userid: str, ctx: CommandContext, action: PendingAction
) -> conv.PreviousAnswer | None:
    """The newest list the member was shown before the card: a list, or the card a narrowed
    card was made from ("给他们发…" after a list keeps the list's place in the history)."""
    history = conv.load(session, userid, ctx.now).history
    card = _canonical(action.segment)
    for kept in reversed(history):
        if kept.kind == conv.LIST and kept.has_segment and _canonical(kept.segment) != card:
            return kept
    return None


def _canonical(segment: dict[str, Any]) -> dict[str, Any] | None:
    try:
        return to_json(canonical(from_json(segment)))
    except SegmentFormatError:
        return None


def _card_customers(
    session: Session, ctx: CommandContext, requester: Requester, action: PendingAction
) -> list[str]:
    named: Any = action.details.get("customers")
    if isinstance(named, list):
        return still_visible(session, requester, [str(n) for n in named])
    node = segment_of(action.segment)
    if node is None:
        return []
    return segment_members(session, node, requester=requester, now=ctx.now, ctx=ctx.engine)
