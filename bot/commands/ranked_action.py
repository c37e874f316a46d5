"""An action on the first rows of the ranking just shown (issue 19): after "消费最多的5个客户",
"前三个发8折券" / "给前3名打上VIP" / "頭三個派張券" / "top 3 get a coupon" / "tag the first two
as 金卡" / "send the bottom 2 a coupon" act on those rows — the ranking, shorter (the same
base, measure and window) — through the usual confirmation card.

The rows are said where whom would be; the rest is read as the same action on "them", so
every way of saying the action works here as it does after a plain list. After an answer
that is no ranking, the words are read as usual (which asks what to rank by).
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.context import previous_segment
from bot.commands.ranked_pick import picked_out
from bot.services.answer import Answer
from bot.services.query import answer_command
from segmentation.nlq import Command, load_vocabulary, parse_command
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.rank_pick import BOTTOM, RankedPick
from segmentation.nlq.restate import describe
from segmentation.nodes import Ranked
from segmentation.scope import Requester

_ACTIONS = ("push", "schedule", "tag", "untag", "export", "save")
_NUM_ZH = {"一": 1, "两": 2, "兩": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9, "十": 10}  # fmt: skip
_NUM_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}  # fmt: skip

# 前三个 / 头3名 / 頭三位 / 排前两个的 / 后两个 / 最后2个 (the rows as listed, from either end).
_ROWS_ZH = lazy_pattern(
    r"(?:排名?|排行)?(?:(?P<top>前|头|頭|排头|排頭)|(?P<bottom>后|後|最后|最後|尾|包尾))\s*"
    r"(?P<n>\d{1,2}|[一两兩二三四五六七八九十])\s*(?:个|個|名|位)(?:的|嘅)?"
    r"(?:客户|客戶|顾客|顧客|客人|客|人)?"
)
# top 3 / the top three / the first 2 / the bottom two (customers|ones|people).
_ROWS_EN = lazy_pattern(
    r"(?:\bthe\s+)?\b(?:(?P<top>top|first)|(?P<bottom>bottom|last))\s*"
    r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"(?:\s+(?:customers|clients|ones|people|spenders|guys|of\s+them|on\s+the\s+list))?",
    re.I,
)
# "top 3 get a coupon", "前三个都得一张券": the rows receive what follows.
_GET_EN = lazy_pattern(r"^(?P<who>them)\s+(?:all\s+)?(?:get|gets|receive|receives)\s+", re.I)
_GET_ZH = lazy_pattern(r"^(?P<who>他们)(?:都|各)?(?:得|拿|收到|领)(?:到)?")


def ranked_rows_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The card (or the answer) for an action on the first or last rows of the previous
    ranking; None when `text` names no such rows, is no action, or no ranking was shown."""
    said = _rows_said(text)  # as typed: a message in it reaches customers as written
    if said is None:
        return None
    pick, rest = said
    found = previous_segment(session, ctx, requester.userid)
    if found is None or not isinstance(found[0], Ranked):
        return None
    vocab = load_vocabulary(session, ctx.engine.named)
    command = parse_command(
        rest, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    if not isinstance(command, Command) or command.intent not in _ACTIONS:
        return None
    if command.segment is not None or not command.details.get("segment_from_context"):
        return None  # the action names customers of its own
    rows = picked_out(found[0], pick)
    description = describe(rows, lang, ctx.now, ctx.settings.timezone, vocab)
    details = {k: v for k, v in command.details.items() if k != "segment_from_context"}
    return answer_command(
        session,
        Command(command.intent, rows, lang, description, details, command.notes),
        requester,
        ctx.now,
        ctx.engine,
        with_members=ctx.count_ids,
    )


def _rows_said(text: str) -> tuple[RankedPick, str] | None:
    """The rows `text` names and the text with "them" in their place, or None."""
    found = _ROWS_ZH.search(text)
    english = found is None
    if found is None:
        found = _ROWS_EN.search(text)
    if found is None:
        return None
    raw = found["n"].lower()
    count = int(raw) if raw.isdigit() else (_NUM_EN if english else _NUM_ZH)[raw]
    if count < 1:
        return None
    end = BOTTOM if found["bottom"] else None  # 前三个: the ranking's own end, as listed
    them = "them" if english else "他们"
    rest = f"{text[: found.start()]}{them}{text[found.end() :]}".strip()
    rest = _GET_EN.sub("send them ", rest, count=1) if english else _give_zh(rest)
    if not english and not re.match(r"^(?:给|給|帮|幫|為|为|同|俾|畀|把|將|将)", rest):
        rest = f"给{rest}"  # 他们发8折券: to them
    # 后两个 / "the bottom 2" acting on a ranking just shown: its last rows as listed
    return RankedPick(end, count, among=end == BOTTOM), rest


def _give_zh(rest: str) -> str:
    """他们都得一张券 → 他们发一张券 (receiving said as sending)."""
    return _GET_ZH.sub("他们发", rest, count=1)
