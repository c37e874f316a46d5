"""Rows of the list just shown kept or dropped by their numbers, as a narrowing of that list
(spec/commands.md §2c, issue 19): "2号和3号不要", "除了第一个", "除了最后一个", "只要第1跟第4个",
"第2位不要", "第3同第5個唔要", "淨係要第二個", "only #2 and #5", "drop the first one", "keep
the last one only".

A row number means the row as the list showed it, so it is read only against the stored list
(paging.last_list) of the answer just shown — never after a table or a card of its own. The
narrowed list is the list's conditions AND (NOT) those customers (segmentation/kinds/
customer_ids.py), so a count, an export, a card or "the rest" (the_rest.py) made from it keeps
the edit, and its rows keep the list's order. A row past the end is asked back, never guessed;
keeping no row or dropping every row is asked back too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.context import ask_again, previous_segment
from bot.commands.row_actions import RowsSaid, drops_said_rows, rows_said, shown_rows
from bot.commands.texts_cards import say_card
from bot.services.answer import Answer, CountAnswer, Refinement, SegmentAnswer
from bot.services.query import clarify
from segmentation.kinds.customer_ids import NamedCustomers
from segmentation.models import Customer
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nodes import And, Node, Not
from segmentation.scope import Requester

# Kept only: a keep word before the rows ("只要□", "淨係要□", "only □", "keep □") or after them
# ("□就行", "□ only"). The rows alone ("第二个") open that row's card elsewhere: no keep.
_KEEP_ROWS = lazy_pattern(
    r"^(?:(?:actually|sorry|ok|okay|so|then|hmm|嗯|噢|哦|咁|那|那就|不如|其实)[\s,，]*)*"
    r"(?:(?:只要|只看|只留|只留下|只保留|只剩|只选|就要|就看|净系要|净系睇|净系|净係|得返|留下|保留|"
    r"(?:keep|show)(?:\s+(?:me|only|just))*|just|only)\s*□(?:\s*(?:的|嘅)?(?:客户|客人|客))?"
    r"(?:\s*(?:就行|就好|就得|就可以|好了|就够了|吧|啦|喇|了|only|please|pls))*|"
    r"□(?:\s*(?:的|嘅)?(?:客户|客人|客))?\s*(?:就行|就好|就得|就可以|就够了|留下|留低|"
    r"only|(?:is|are)\s+enough)(?:\s*(?:吧|啦|喇|了|please|pls))*)"
    r"[\s。.!！]*$",
    re.I,
)
# "2号和3号" said after a list with nothing else is rows, not two days of a month (a date
# needs an event to belong to); never after a month ("10月1号").
_DAY_AS_ROW = lazy_pattern(r"(?<![\d月/-])(\d{1,2})\s*[号號](?![码碼])")
# The last row said as such: 最后一个, 最後一位, 尾嗰個, 倒数第一个, the last one.
_LAST_ROW_ZH = lazy_pattern(r"(?:最后|最後|倒数第一|倒數第一|尾)\s*(?:那|嗰|一)?\s*(?:个|個|位|名)")
_LAST_ROW_EN = lazy_pattern(r"\bthe\s+last(?:\s+(?:one|customer|person|row))?\b", re.I)


def rows_narrowed_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The list just shown with rows `text` keeps or drops; a question back when a row is past
    it; None when `text` keeps or drops no rows of a list just shown."""
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    node, previous = found
    if previous.kind != conv.LIST or previous.intent != "list":
        return None
    shown = shown_rows(session, ctx, requester.userid, previous.segment)
    if not shown:
        return None
    said = said_rows(text, len(shown))
    if said is None:
        return None
    keep = keeps_said_rows(said)
    if not keep and not drops_said_rows(said):
        return None
    past = [n for n in said.numbers if n > len(shown)]
    if past:  # never a guess which one was meant
        return clarify(say_card("card_rows_past", lang, count=len(shown), number=past[0]))
    picked = [shown[n - 1] for n in said.numbers]
    if not keep and len(set(picked)) == len(shown):
        return clarify(say_card("card_rows_all", lang))
    names = dict(
        session.execute(
            select(Customer.external_userid, Customer.name).where(
                Customer.external_userid.in_(picked)
            )
        ).all()
    )
    chosen = NamedCustomers(tuple(picked), tuple(names.get(eid) or eid for eid in picked))
    narrowed = _with(node, chosen if keep else Not(chosen))
    answer = ask_again(session, ctx, requester, narrowed, previous, lang, intent="list")
    if isinstance(answer, (CountAnswer, SegmentAnswer)):
        # "剩下的呢" next: the list without the rows kept
        answer = replace(answer, refined=Refinement(node, ("customers",)))
    return answer


def _as_row_numbers(text: str, shown: int) -> str:
    """`text` with days said alone as rows ("2号" → 第2个) and the last row by its number."""
    text = _DAY_AS_ROW.sub(r"第\1个", text)
    text = _LAST_ROW_ZH.sub(f"第{shown}个", text)
    return _LAST_ROW_EN.sub(f"#{shown}", text)


def _with(node: Node, narrowing: Node) -> Node:
    parts = node.children if isinstance(node, And) else (node,)
    return And((*parts, narrowing))


def keeps_said_rows(said: RowsSaid) -> bool:
    """Whether all the rest of the message keeps only the rows said ("只要□", "□ only")."""
    return _KEEP_ROWS.match(said.rest.strip()) is not None


def said_rows(text: str, shown: int) -> RowsSaid | None:
    """The rows `text` names in a list of `shown` rows."""
    return rows_said(_as_row_numbers(text, shown))
