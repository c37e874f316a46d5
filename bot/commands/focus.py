"""Yes/no questions about the one customer in focus (the card just shown): "他退过款没",
"佢有冇落過單", "has she ordered this month", "她是VIP吗" — answered yes or no, the condition
restated, with the fact behind it as a list row shows it (spec/commands.md §2c).

The condition is read by the ordinary parser, so it means what it means in any question; the
customer must still be one the asker may see (spec/security.md), else nothing of theirs is said.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands import CommandContext, Reply
from bot.commands import conversation as conv
from bot.commands.paging import still_visible
from bot.commands.rows import load_rows
from bot.commands.texts_corrections import say_correction
from segmentation.engine import segment_query
from segmentation.models import CustomerTag, Tag
from segmentation.nlq import Clarification, Command, load_vocabulary, parse_command
from segmentation.nlq.focus_questions import bare_yes_no_words, yes_no_words
from segmentation.nlq.period_reply import is_time_question
from segmentation.nlq.restate import describe
from segmentation.nodes import All, HasTag, Node, Untagged, walk
from segmentation.scope import Requester
from segmentation.text import normalize

# What a yes/no question may ask: whether the customer is in a segment, nothing else.
_ASKED = ("count", "list")


def focus_yes_no(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    text: str,
    previous: conv.PreviousAnswer,
    lang: str,
) -> list[Reply] | None:
    """The yes/no answer about the card's customer, or None when `text` is no yes/no question
    about them (or its condition cannot be read: the card answers it, as before)."""
    if previous.kind != conv.CUSTOMER or not previous.customer:
        return None
    node = _condition(session, ctx, requester, text)
    if node is None:
        return None
    eid = str(previous.customer)
    userid = requester.userid
    if not still_visible(session, requester, [eid]):
        return [Reply(userid, say_correction("focus_gone", lang))]
    member = _is_member(session, ctx, requester, node, eid)
    rows = load_rows(session, [eid], node, ctx=ctx.engine, lang=lang, now=ctx.now)
    name = rows[0].name if rows else eid
    fact = rows[0].fact if rows else ""
    vocab = load_vocabulary(session, ctx.engine.named)
    description = describe(node, lang, ctx.now, ctx.settings.timezone, vocab)
    key = "focus_yes" if member else "focus_no"
    text = say_correction(key, lang, name=name, description=description)
    if any(isinstance(part, HasTag | Untagged) for part in walk(node)):
        fact = _tags_line(session, eid, lang)  # "does he have any tags": which, not a date
    asked_tags = {part.name for part in walk(node) if isinstance(part, HasTag)}
    if len(asked_tags) == 1:  # "她是VIP吗" then "remove that tag": the tag asked about
        conv.remember_asked_tag(session, userid, asked_tags.pop(), ctx.now)
    if fact:
        text = f"{text}\n{fact}"
    return [Reply(userid, text)]


def _tags_line(session: Session, eid: str, lang: str) -> str:
    names = session.scalars(
        select(Tag.name)
        .join(CustomerTag, CustomerTag.tag_id == Tag.tag_id)
        .where(CustomerTag.external_userid == eid)
        .order_by(Tag.name)
    ).all()
    if lang == "zh":
        return f"标签：{'、'.join(names)}" if names else "标签：无"
    return f"tags: {', '.join(names)}" if names else "tags: none"


def _condition(
    session: Session, ctx: CommandContext, requester: Requester, text: str
) -> Node | None:
    """The segment the question asks the customer to be in: the first reading understood."""
    vocab = load_vocabulary(session, ctx.engine.named)
    for words in yes_no_words(text) or bare_yes_no_words(text):  # "any refunds?": hers
        command = parse_command(
            words, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
        )
        if not isinstance(command, Command) or command.intent not in _ASKED or command.details:
            continue
        if command.segment is not None and not isinstance(command.segment, All):
            return command.segment
    return None


def focus_period_question(
    session: Session, ctx: CommandContext, requester: Requester, text: str
) -> tuple[Clarification, str] | None:
    """The question back about the period of a yes/no about the customer in focus that says
    a time with no number ("佢近排有冇落單", "他最近有没有下单", "has she ordered lately"):
    which period, as for a list ("近排" → 近7天? 近30天?), so that the period given next
    answers the question asked; None when its condition is read, or asks anything else.
    With it, the time word asked about."""
    if _WHAT.search(normalize(text)):  # "佢最近買咗咩": what he bought, which the card shows
        return None
    vocab = load_vocabulary(session, ctx.engine.named)
    for words in yes_no_words(text):
        command = parse_command(
            words, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
        )
        if isinstance(command, Command):
            return None
        for word in _QUOTED.findall(command.message):  # the word of `text`, not an example
            if is_time_question(word) and normalize(word) in normalize(text):
                return command, word
    return None


_QUOTED = re.compile(r"“([^”]+)”")
# 咩 closes a yes/no in Cantonese as well as asking "what": with it, or any other "what",
# the question is what was done, never whether.
_WHAT = re.compile(r"咩|乜|什么|啥|\bwhat\b|\bwhich\b")


def _is_member(
    session: Session, ctx: CommandContext, requester: Requester, node: Node, eid: str
) -> bool:
    members = segment_query(session, node, requester=requester, now=ctx.now, ctx=ctx.engine)
    found = members.subquery()
    column = next(iter(found.c))
    return session.execute(select(column).where(column == eid).limit(1)).first() is not None
