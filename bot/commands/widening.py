"""Widening the previous answer: "不要上海这个条件了", "去掉 VIP 这个条件", "不限城市",
"ok drop the city filter", "without the date range" → the previous question again without
that condition (spec/commands.md §2c; reading the words is segmentation.nlq.widen's).

When the condition is not in the previous answer, which one to take off is asked back; a
widening followed by a whole question of its own ("那就不要时间了，流失风险客户有哪些") is
answered as that question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.context import ask_again, not_a_list, previous_segment
from bot.commands.texts import say
from bot.services.answer import Answer
from bot.services.query import clarify
from segmentation.nlq import Command, load_vocabulary, parse_command
from segmentation.nlq.followup import read_follow_up
from segmentation.nlq.loosen_words import loosening_alone
from segmentation.nlq.parser import Clarification
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nlq.widen import (
    WINDOW,
    Widening,
    read_value_dropped,
    read_widening,
    without_kind,
    without_parts,
)
from segmentation.nodes import All, And, Node, Not, to_json, walk
from segmentation.scope import Requester

# How a narrowing after the widening is answered once the widened answer is "these"
# (router.answer_text).
Then = Callable[[Session, CommandContext, Requester, str, str], Answer]

# What the words after a widening may ask of the widened answer ("，有几个", ", list them").
_ASKS = ("list", "count", "export", "describe", "breakdown")


# "所有/全部/all" after the widening asks about every customer of what it names, no narrowing.
_ALL_OF = re.compile(r"所有|全部|全體|全体|\ball\b|\bevery(?:one|body)?\b", re.I)


def widens_then_narrows(text: str) -> bool:
    """Whether `text` takes a condition off and then narrows what is left ("ignore the
    dates, only the Shanghai ones"): its first clause is no acknowledgement to drop."""
    widening = read_widening(text)
    if widening is None or not widening.rest or _ALL_OF.search(widening.rest):
        return False  # "不要时间，就看所有流失风险客户": a whole question of its own
    return read_follow_up(widening.rest) is not None


def widens_then_asks(session: Session, ctx: CommandContext, userid: str, text: str) -> bool:
    """Whether `text` takes a condition off and then only asks how to answer ("forget the
    time limit, how many altogether?", "唔使理時間，總共有幾多個"): the widening is the request
    itself, never a lead-in to drop (as "forget it, …" is)."""
    widening = read_widening(text)
    if widening is None or not widening.rest:
        return False
    vocab = load_vocabulary(session, ctx.engine.named)
    after = parse_command(
        widening.rest, vocabulary=vocab, asker=userid, now=ctx.now, tz=ctx.settings.timezone
    )
    return (
        isinstance(after, Command)
        and after.intent in _ASKS
        and (after.segment is None or isinstance(after.segment, All))
    )


def widened_answer(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    text: str,
    lang: str,
    then: Then | None = None,
) -> Answer | None:
    """The previous answer without the condition `text` takes off, or None when `text`
    takes nothing off (then it is read as usual: "去掉上海的" excludes)."""
    if loosening_alone(text):
        return _which_to_loosen(session, ctx, requester, lang)
    widening = read_widening(text) or _value_dropped(session, ctx, requester, text)
    if widening is None:
        return None
    if (
        then is not None
        and widens_then_narrows(text)
        and previous_segment(session, ctx, requester.userid) is not None
    ):
        return _widened_then_narrowed(session, ctx, requester, widening, lang, then)
    vocab = load_vocabulary(session, ctx.engine.named)
    after = _parse(widening.rest, vocab, requester, ctx) if widening.rest else None
    if (
        isinstance(after, Command)
        and after.segment is not None
        and not isinstance(after.segment, All)
    ):
        # "不要时间了，流失风险客户有哪些": the question that follows says it all.
        return ctx.ask(session, widening.rest, requester.userid)
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return clarify(not_a_list(session, ctx, requester.userid, lang))
    node, previous = found
    widened = _widened(node, widening, vocab, requester, ctx)
    if widened is None:
        what = widening.named or say(f"widen_{widening.kind}", lang)
        message = say("widen_nothing", lang, what=what, description=previous.description)
        return clarify(message)
    intent = after.intent if isinstance(after, Command) and after.intent in _ASKS else None
    if intent is not None and intent != previous.intent:
        previous = replace(previous, intent=intent)
    return ask_again(session, ctx, requester, widened, previous, lang)


def _value_dropped(
    session: Session, ctx: CommandContext, requester: Requester, text: str
) -> Widening | None:
    """ "北京也去掉", "drop Beijing too": a widening when the previous answer has that value as a
    condition of its own (not under a NOT); else None, and the words exclude as usual."""
    widening = read_value_dropped(text)
    found = previous_segment(session, ctx, requester.userid) if widening else None
    if widening is None or found is None:
        return None
    vocab = load_vocabulary(session, ctx.engine.named)
    named = _parse(widening.named, vocab, requester, ctx)
    if not isinstance(named, Command) or named.segment is None or isinstance(named.segment, All):
        return None
    parts = named.segment.children if isinstance(named.segment, And) else (named.segment,)
    if any(isinstance(part, Not) for part in parts):
        return None
    negated = {id(n.child) for n in walk(found[0]) if isinstance(n, Not)}
    held = [n for n in walk(found[0]) if id(n) not in negated]
    return widening if all(part in held for part in parts) else None


def _which_to_loosen(
    session: Session, ctx: CommandContext, requester: Requester, lang: str
) -> Answer | None:
    """ "放宽一点", "loosen it up": loosen which condition is not said, so it is asked (after
    no answer there is nothing to loosen, and the words are read as usual)."""
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    return clarify(say("widen_what", lang, description=found[1].description))


def _widened_then_narrowed(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    widening: Widening,
    lang: str,
    then: Then,
) -> Answer:
    """ "唔使理時間，淨係要上海嗰啲", "不管时间，只要上海的", "ignore the dates, only the
    Shanghai ones": the previous answer without the condition is "these", and what follows
    narrows it (the rest of the previous answer is kept, never read as a question alone)."""
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return clarify(not_a_list(session, ctx, requester.userid, lang))
    node, previous = found
    vocab = load_vocabulary(session, ctx.engine.named)
    widened = _widened(node, widening, vocab, requester, ctx)
    if widened is None and widening.kind == WINDOW:
        # "唔使理時間" after a question back about a window the answer never had (上個月嘅流失
        # 風險客呢 → ?): there is no time to drop, so what follows narrows the answer as it is
        widened = node
    if widened is None:
        what = widening.named or say(f"widen_{widening.kind}", lang)
        return clarify(say("widen_nothing", lang, what=what, description=previous.description))
    these = replace(previous, segment=to_json(widened), parent=None, added=())
    conv.recall(session, requester.userid, these, ctx.now)
    return then(session, ctx, requester, widening.rest, lang)


def _parse(
    text: str, vocab: Vocabulary, requester: Requester, ctx: CommandContext
) -> Command | Clarification:
    return parse_command(
        text, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )


def _widened(
    node: Node, widening: Widening, vocab: Vocabulary, requester: Requester, ctx: CommandContext
) -> Node | None:
    """The previous segment without the condition: of its kind, or equal to what is named
    ("上海" is the city condition 在上海; "VIP" the tag condition 有VIP标签)."""
    if widening.kind is not None:
        return without_kind(node, widening.kind)
    named = _parse(widening.named, vocab, requester, ctx)
    if not isinstance(named, Command) or named.segment is None:
        return None
    parts = named.segment.children if isinstance(named.segment, And) else (named.segment,)
    leaves = [p.child if isinstance(p, Not) else p for p in parts]
    if not any(leaf in list(walk(node)) for leaf in leaves):
        return None
    return without_parts(node, leaves)
