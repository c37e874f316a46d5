"""A widening that names the wider question itself (issue 19): "widen 到 我们部门 全部 VIP",
"放宽到我们部门全部VIP", "扩大到整个公司的金卡客户", "widen it to all VIPs in my department" —
the question after 到 / to, asked on its own (never narrowed by the answer shown: it is wider
than that). A window alone after it ("放宽到30天") is the window swap's; words that are no
question of their own are left to the other readers.
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.parse_alone import parse_alone
from bot.services.answer import Answer
from segmentation.nlq import Command
from segmentation.nodes import All
from segmentation.scope import Requester

_WIDEN_TO = re.compile(
    r"^(?:(?:ok|okay|那|那就|好|再)[\s,，]*)?(?:把)?(?:范围|範圍|scope|search)?\s*"
    r"(?:放宽|放寬|扩大|擴大|扩展|擴展|放阔|放闊|拉阔|拉闊|widen|expand|broaden|extend|open\s+up)"
    r"(?:\s+(?:it|this|that|the\s+(?:search|scope|list|question)))?\s*(?:到|至|成|为|為|to)\s*"
    r"(?P<rest>.+)$",
    re.I | re.S,
)
_ASKED = ("list", "count", "export", "breakdown")
# The wider scope said in the question after it: all / the whole team or company. Without one
# ("放宽到上海和北京" after Shanghai's VIPs) the words widen a part of the answer shown instead,
# which the widening and swap readers read.
_WIDER = re.compile(
    r"全部|所有|整个|整個|全公司|全部门|全部門|我们部门|我們部門|我部门|我部門|我们组|我們組|成个|全组|"
    r"\b(?:all|whole|entire|every|everyone|company|team|department)\b",
    re.I,
)


def widened_to_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str
) -> Answer | None:
    """The question a widening names after 到 / to, asked on its own; None when `text` is no
    such widening or what follows is a window alone or no question."""
    found = _WIDEN_TO.match(text.strip())
    if found is None:
        return None
    rest = found["rest"].strip()
    if not _WIDER.search(rest):
        return None
    parsed = parse_alone(session, ctx, requester.userid, rest)
    if not isinstance(parsed, Command) or parsed.intent not in _ASKED:
        return None
    if parsed.segment is None or isinstance(parsed.segment, All):
        return None  # "放宽到30天" reads no question alone: the window swap's reader takes it
    return ctx.ask(session, rest, requester.userid)
