"""Two follow-ups in one message (issue 19): "回到上个月，看李四那组", "返去十月，睇趙六嗰組",
"back to 30 天, 看李四那组", "换成北京，按销售分" — the first changes the previous answer,
the second is asked of what it gave. Only tried when the whole message was asked back, only at
one clause mark, and only when each half is understood on its own in turn: the first must be a
list, count or breakdown (never an action), the second anything but a question back. Otherwise
the conversation is left as it was and the question back about the whole message stands.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.services.answer import Answer, BreakdownAnswer, ClarifyAnswer, CountAnswer, SegmentAnswer
from segmentation.scope import Requester

Step = Callable[[Session, CommandContext, Requester, str, str], Answer]

_MARK = re.compile(r"\s*[,，;；]\s*")
_SHOWN = ("list", "count", "breakdown")


# A list or an export asked of what the first half gives, joined by "then": 轉做VIP再列出嚟,
# 换成上海然后导出, "go back to the first one and export it", "switch to VIP then list them".
_THEN_SHOW = re.compile(
    r"^(?P<head>.+?)\s*(?:再|然后|然後|跟住|之后|之後|and\s+then|then|and)\s*"
    r"(?P<tail>(?:帮我|幫我|同我)?(?:列出来|列出來|列出嚟|列一下|列下|导出来|導出來|导出|導出|"
    r"export(?:\s+(?:them|it|that))?|list(?:\s+(?:them|it|that))?|show\s+(?:them|it)))"
    r"\s*(?:吧|啦|呀|please)?[。.!！]*$",
    re.I,
)


# A swap then "only …" with no mark between them: 那十月只看女生, 换成上海淨係要VIP, "October, only
# the women" (the comma form is split at its mark).
_THEN_ONLY = re.compile(
    r"^(?P<head>.{2,}?)\s*(?P<tail>(?:只要|只看|只睇|只留|淨係|净系|淨系|净係|only\s|just\s).+)$",
    re.I,
)


# A period's ones, then what to do with them, with no mark: 把这周的按负责人拆开看看, 上個月嘅按城市
# 分, 十月的导出来 — the period swapped in ("这周的呢"), then the rest asked of that answer.
_PERIOD_ZH = (
    r"(?:这|這|本|上上|上|今|去|前|呢)(?:个|個)?(?:周|週|礼拜|禮拜|星期|月|季度|季|年)|"
    r"(?:近|最近|过去|過去)\s*\d{1,3}\s*(?:天|日|周|週|个月|個月)|"
    r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?"
)
_PERIOD_THEN = re.compile(
    rf"^(?:把|将|將|那|咁)?\s*(?P<head>(?:{_PERIOD_ZH})(?:的|嘅))\s*"
    r"(?P<tail>(?:按|照|依|分|逐|每|各|导出|導出|汇出|匯出|export|列出|列一下|拆).+)$",
    re.I,
)


# A half that opens with "or" (或者, 或是, 定係, 抑或, 要么, "or") is the other side of an or with
# the half before it: the two are one condition, and a follow-up would AND them. (定 alone is
# also "set": 定在明天; "either is fine" is no alternative; 或许 is "perhaps".)
_OR_OPENS = re.compile(r"^(?:或者|或是|或(?![许許])|抑或|定系|定係|要么|要麼|or\b)", re.I)


def split_in_two(text: str) -> tuple[str, str] | None:
    """The two halves of `text` around its one clause mark, or before a "then list/export"
    that ends it; None otherwise."""
    period = _PERIOD_THEN.match(text.strip())
    if period is not None:
        return f"{period['head']}呢", period["tail"].strip()
    then = _THEN_SHOW.match(text.strip())
    if then is not None and _MARK.search(then["head"]) is None:
        return then["head"].strip(), then["tail"].strip()
    marks = list(_MARK.finditer(text.strip(" 。.!！?？")))
    only = _THEN_ONLY.match(text.strip()) if not marks else None
    if only is not None:
        return only["head"].strip(), only["tail"].strip()
    if len(marks) != 1:
        return None
    head, tail = text[: marks[0].start()].strip(), text[marks[0].end() :].strip()
    if _OR_OPENS.match(tail):
        return None  # 是问过价，或者落过单又是VIP: the head's alternative, never a step after it
    return (head, tail) if head and tail else None


def two_steps_answer(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    halves: tuple[str, str],
    before: conv.Conversation,
    lang: str,
    step: Step,
) -> Answer | None:
    """The second half's answer, asked after the first half's; None (and the conversation
    as `before`) when either half is not a follow-up understood on its own."""
    head, tail = halves
    first = step(session, ctx, requester, head, lang)
    if not _shown(first):
        conv.save(session, requester.userid, before, ctx.now)
        return None
    conv.remember_answer(session, requester.userid, first, question=None, lang=lang, now=ctx.now)
    second = step(session, ctx, requester, tail, lang)
    if isinstance(second, ClarifyAnswer):
        conv.save(session, requester.userid, before, ctx.now)
        return None
    return second


def _shown(answer: Answer) -> bool:
    if isinstance(answer, BreakdownAnswer):
        return True
    return isinstance(answer, (SegmentAnswer, CountAnswer)) and answer.intent in _SHOWN
