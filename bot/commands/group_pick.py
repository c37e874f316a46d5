"""One group of the breakdown just shown, by its row (issue 19): "第一组", "頭一組", "打开第二组的
名单", "睇吓第三組嘅客", "the first group", "open group 2", "the last row" after "每个销售各有
多少" list that row's customers — the breakdown's own customers in it, as "张三的" would. A row
the table did not show, or one with no value to pick it by (no city, no owner), is asked back.
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.context import narrowed_to, previous_segment
from bot.commands.texts import say
from bot.services.answer import Answer, ClarifyAnswer
from bot.services.query import answer_command
from segmentation.nlq import Command, load_vocabulary
from segmentation.nlq.restate import describe
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nodes import (
    AddedVia,
    ChannelCode,
    City,
    Gender,
    HasTag,
    InDepartment,
    NamedSegment,
    Node,
    Owner,
)
from segmentation.scope import Requester
from segmentation.text import normalize

_ZH_NUMBERS = {"一": 1, "头": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_ZH_NUMBERS |= {"六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_EN_ORDINALS |= {"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "top": 1}
_EN_ORDINALS |= {"biggest": 1, "largest": 1}
LAST = -1

# The row said in Chinese (normalised: 組 → 组, 個 → 个, 嗰 → 那, 頭 → 头), with the look or
# open word before it and the list word after it: 打开第一组, 睇吓第二组嘅客, 第三行的名单吧.
_ZH_ROW = re.compile(
    r"^(?:那|咁|噉|那么|好|ok)?[\s,，]*(?:请|帮我|麻烦|再)?"
    r"(?:打开|点开|展开|开|看看|看一下|看下|睇下|睇吓|睇睇|查下|查一下|列出|给我看|俾我睇|给我睇)?"
    r"(?:第\s*(?P<n>\d{1,2}|[一二两三四五六七八九十])|头\s*(?P<head>[一1])|(?P<last>最后|最尾|最底)"
    r"(?:一|那|呢)?|"
    # 最多的那个销售 / 人最多嘅嗰组 / 最少的那个城市: the table is largest first
    r"(?:人数?|客户|客)?(?:(?P<most>最多|最大)|(?P<least>最少|最小))(?:的|嘅)?(?:那|呢)?(?:一)?)"
    r"\s*(?:个)?\s*(?:组|行|项|栏|类|个|位|销售|同事|城市|部门|渠道|标签|分类)"
    r"(?:的|嘅|里|里面|入面)?(?:客户|客人|客|人|名单|明细|list)?(?:的|嘅)?(?:名单|明细)?"
    r"(?:有哪些|有边个|有边啲|是谁|系边个)?(?:看看|看下|睇下|睇吓|睇睇)?(?:呢|吧|啦|嘞|吖|先)?$"
)
# In English: "the first group", "open group 2", "show me the 2nd row's customers".
_EN_ROW = re.compile(
    r"^(?:(?:and|then|now|ok|okay|so)[\s,]+)*(?:please )?"
    r"(?:open|open up|show me|show|list|what about|how about|drill into|expand|give me|who's in|"
    r"who is in|who are in)?\s*(?:the )?"
    r"(?:(?P<w>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top|last|"
    r"biggest|largest|smallest)|"
    r"(?P<d>\d{1,2})(?:st|nd|rd|th))\s+(?:group|row|bucket|one|category|line)|"
    r"^(?:(?:and|then|now|ok|okay|so)[\s,]+)*(?:open |show me |show |list )?"
    r"(?:group|row) (?:no\.? ?|#)?(?P<g>\d{1,2})"
)
_EN_TAIL = re.compile(r"^(?:'s)?(?: (?:customers|ones|people|list|members))?(?: please)?$")


def group_row(text: str) -> int | None:
    """The row of a breakdown table `text` opens (1-based, or LAST), or None."""
    said = normalize(text).strip(" 。.!！?？")
    zh = _ZH_ROW.match(said)
    if zh is not None:
        if zh["last"] or zh["least"]:
            return LAST
        if zh["most"]:
            return 1
        raw = zh["n"] or zh["head"]
        return int(raw) if raw.isdigit() else _ZH_NUMBERS.get(raw)
    en = _EN_ROW.match(said)
    if en is None or not _EN_TAIL.match(said[en.end() :]):
        return None
    word = en["w"]
    if word in ("last", "smallest"):
        return LAST
    if word:
        return _EN_ORDINALS[word]
    return int(en["d"] or en["g"])


def group_node(by: str, key: str, label: str, vocab: Vocabulary) -> Node | None:
    """The condition that holds dimension `by` to the group `key`; None when the group has no
    value to hold it to (no city, no owner…) or the dimension has no such condition."""
    if not key:
        return None
    if by == "owner":
        return Owner((key,))
    if by == "department" and key.isdigit():
        return InDepartment((int(key),))
    if by == "city":
        # every stored spelling of the city (上海, 上海市, shanghai), as the parser reads 上海
        return City(vocab.city_spellings.get(key, (key,)))
    if by == "tag":
        return HasTag(label or key)
    if by == "channel":
        if key.startswith("add_way:"):
            code = key.split(":", 1)[1]
            return AddedVia((int(code),)) if code.isdigit() and code != "0" else None
        return ChannelCode((label or key,))
    if by == "gender" and key in ("1", "2"):
        return Gender(1 if key == "1" else 2)
    if by == "rfm":
        return NamedSegment(key)
    return None


# The group the answer named as the most or the fewest ("最多的是：张三"), pointed at: 看看他的,
# 打开她的名单, 睇下佢嘅, show me theirs, open his list
_NAMED_ONE = re.compile(
    r"^(?:那|咁|好|ok)?[\s,，]*(?:看看|看下|看一下|打开|点开|睇下|睇吓|列出|给我看|俾我睇)?"
    r"(?:他|她|佢|ta)(?:的|嘅)(?:名单|客户|客人|客|list)?(?:呢|吧|先)?$"
    r"|^(?:(?:and|then|now|ok|okay|so)[\s,]+)*(?:show me|open|list|give me)?\s*"
    r"(?:theirs|his|hers|their (?:list|customers|ones)|his (?:list|customers)|"
    r"her (?:list|customers)|"
    r"that (?:rep|one|person|colleague|city|channel)'?s? (?:list|customers|ones)|"
    r"that (?:rep|one|person|colleague)'s)"
    r"(?: please)?$"
)


def points_at_named_group(text: str, previous: conv.PreviousAnswer | None) -> bool:
    """Whether `text` points ("看看他的", "show me theirs") at the one group the breakdown just
    shown named as the most or the fewest (a tie names no one group)."""
    if previous is None or previous.kind != conv.BREAKDOWN or not previous.breakdown:
        return False
    if not previous.breakdown.get("extreme") or int(previous.breakdown.get("ties") or 1) > 1:
        return False
    return _NAMED_ONE.match(normalize(text).strip(" 。.!！?？")) is not None


def breakdown_row_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The customers of the row `text` opens in the breakdown just shown, or None when `text`
    opens no row of one."""
    number = group_row(text)
    previous = conv.load(session, requester.userid, ctx.now).previous
    if previous is None or previous.kind != conv.BREAKDOWN or not previous.breakdown:
        return None
    if number is None and points_at_named_group(text, previous):
        extreme = previous.breakdown.get("extreme")
        number = LAST if extreme == "fewest" else 1  # the table is largest first
    if number is None:
        return None
    rows = [tuple(r) for r in previous.breakdown.get("rows") or ()]
    by = str(previous.breakdown.get("by"))
    if not rows or number > len(rows) or number == 0:
        return ClarifyAnswer(say("group_row_missing", lang, rows=len(rows), number=number))
    key, label = (str(part) for part in rows[number - 1 if number != LAST else -1][:2])
    vocab = load_vocabulary(session, ctx.engine.named)
    group = group_node(by, key, label, vocab)
    if group is None:
        return ClarifyAnswer(say("group_row_no_value", lang, label=label))
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    segment = narrowed_to(found[0], group)
    description = describe(segment, lang, ctx.now, ctx.settings.timezone, vocab)
    return answer_command(
        session,
        Command("list", segment, lang, description, {}, ()),
        requester,
        ctx.now,
        ctx.engine,
        with_members=ctx.count_ids,
    )
