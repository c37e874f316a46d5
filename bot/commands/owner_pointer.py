"""The colleague who looks after the customer just shown, pointed at (issue 19): after a
customer's card ("她是谁在跟" → 赵六), "他手上还有哪些VIP", "佢跟開嘅VIP", "list that rep's
customers in Beijing", "her owner's VIPs" — that customer's owner, by name.

He or she after a card is the customer; only words that make the pronoun a colleague's (手上,
名下, 负责的; "that rep", "the owner") name the owner, and only when the customer has exactly
one — two owners are asked about as they are typed (the pronoun is then not understood).
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from segmentation.models import Follow, Staff
from segmentation.nlq.lazy_re import lazy_pattern

# 他手上 / 她名下 / 佢跟開嘅 / 他负责的 / 他跟进的: a colleague's book, said by a pronoun.
_HIS_BOOK_ZH = lazy_pattern(
    r"(?:他|她|佢|ta)(?=\s*(?:手上|手头|手頭|名下|负责|負責|跟进|跟進|跟开|跟開|跟嘅|跟的|手度))"
)
# "that rep's", "the owner's", "his owner's", "that salesperson's": the colleague's own.
_THAT_REP_EN = lazy_pattern(
    r"(?<![a-z])(?:that|this|the\s+same|the|his|her)\s+(?:sales\s*rep|rep|salesperson|sales\s+guy|"
    r"sales\s+person|saleswoman|salesman|owner|account\s+manager|colleague)(?=(?:'s|’s)\s)",
    re.I,
)


def with_owner_named(session: Session, ctx: CommandContext, userid: str, text: str) -> str:
    """`text` with the pronoun for the shown customer's one owner replaced by the owner's
    name; `text` as it is otherwise."""
    zh, en = _HIS_BOOK_ZH.search(text), _THAT_REP_EN.search(text)
    if zh is None and en is None:
        return text
    previous = conv.load(session, userid, ctx.now).previous
    if previous is None or previous.kind != conv.CUSTOMER or not previous.customer:
        return text
    owners = session.scalars(
        select(Staff.name)
        .join(Follow, Follow.userid == Staff.userid)
        .where(Follow.external_userid == previous.customer, Follow.deleted.is_(False))
    ).all()
    if len(set(owners)) != 1 or not owners[0]:
        return text
    found = zh or en
    assert found is not None
    return text[: found.start()] + owners[0] + text[found.end() :]
