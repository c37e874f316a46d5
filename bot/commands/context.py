"""Answers about the member's previous answer: “这个分群 / this segment / them” (an action or
explanation about it), and refinements of it ("这些客户里上海的有几个", "只要VIP的",
"of these, who is in Beijing", "去掉已经下单的").

The previous segment comes from the member's conversation (bot.commands.conversation) and is
evaluated again now, in their scope; a refinement is the previous segment AND (NOT) the new
conditions, which are parsed as a clause of their own and so inherit no window from it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.texts import say
from bot.services.query import answer_command, clarify
from segmentation.nlq import Command, is_bare_request, load_vocabulary, parse_command
from segmentation.nlq.followup import AND, WITHOUT, FollowUp, read_follow_up
from segmentation.nlq.lexicon import K
from segmentation.nlq.normalize import normalize
from segmentation.nlq.parser import Clarification
from segmentation.nlq.restate import describe
from segmentation.nlq.tokens import tokenize
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nodes import (
    All,
    And,
    Node,
    Not,
    Or,
    Ranked,
    SegmentFormatError,
    from_json,
    to_json,
    walk,
)
from segmentation.scope import Requester

CONTEXT_WORDS = re.compile(
    r"这个分群|这个群|该分群|此分群|这个列表|这个名单|这个结果|上面的结果|这些|那些|这批|这群|上述|"
    r"他们|她们|this segment|that segment|the segment|this list|the list|the results?|"
    r"\bthem\b|\bthey\b|\bthese\b|\bthose\b",
    re.IGNORECASE,
)
# Intents a bare "…呢" may repeat: asking again, never an action nobody typed.
_REPEATABLE = ("list", "count", "describe", "export")
# Whole sentences that are actions of their own even though they start with 去掉/only.
_ACTIONS = ("tag", "untag", "push", "schedule", "save", "explain")


def previous_segment(
    session: Session, ctx: CommandContext, userid: str
) -> tuple[Node, conv.PreviousAnswer] | None:
    """The member's previous answer (unexpired) and its segment tree, or None."""
    previous = conv.load(session, userid, ctx.now).previous
    if previous is None:
        return None
    try:
        return from_json(previous.segment), previous
    except SegmentFormatError:
        return None


def contextual_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> dict[str, Any] | None:
    """The answer for a command about "this segment", or None when the text is not one."""
    # A bare export or describe ("导出", "分析一下") is about the previous answer too.
    bare = is_bare_request(text, now=ctx.now, tz=ctx.settings.timezone)
    if not (CONTEXT_WORDS.search(text) or bare):
        return None
    vocab = load_vocabulary(session, ctx.engine.named)
    command = parse_command(
        text, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    if not isinstance(command, Command) or command.segment is not None:
        return None
    if not command.details.get("segment_from_context"):
        return None
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return clarify(say("no_context", lang))
    node, previous = found
    return answer_command(
        session,
        Command(command.intent, node, command.language, previous.description, command.details),
        requester,
        ctx.now,
        ctx.engine,
    )


def refined_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> dict[str, Any] | None:
    """The answer to a refinement of the previous answer, or None when `text` is not one."""
    follow = read_follow_up(text)
    if follow is None:
        return None
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        # "只要VIP的" with nothing before it is read as it stands; "这些里…" cannot be.
        return clarify(say("refine_no_context", lang)) if follow.pointed else None
    previous_node, previous = found
    vocab = load_vocabulary(session, ctx.engine.named)
    if not follow.pointed and _is_action(text, vocab, requester, ctx):
        return None  # "去掉…的待跟进标签" untags; "只要" / "去掉" alone do not start a refinement
    command = _read_clause(follow, vocab, requester, ctx)
    if isinstance(command, Clarification):
        if follow.lead or (follow.loose and not follow.pointed):
            return None  # "把这些…" acts on the answer itself; "X呢" asked back as it stands
        return clarify(command.message, list(command.suggestions))
    previous_node = _sibling_base(previous_node, previous, command)
    if follow.loose and not _loose_refines(follow, command, previous_node, vocab, ctx):
        if not follow.pointed and _has_own_intent(follow, vocab, ctx):
            return None  # "我的VIP客户有多少呢": a whole question of its own
        return _which_reading(follow, previous, lang)
    if follow.lead and (command.segment is None or is_everyone(command.segment)):
        return None  # "给这些客户打上X标签": the previous answer as it is (contextual_answer)
    combined = _combine(previous_node, command.segment, follow)
    if combined is None:
        return clarify(say("refine_what", lang))
    intent = _intent(command, follow, previous, vocab, ctx)
    # The whole message's language, not the clause's: "去掉VIP" is answered in Chinese.
    description = _restate(combined, command, vocab, ctx, lang)
    answer = answer_command(
        session,
        Command(intent, combined, lang, description, command.details, command.notes),
        requester,
        ctx.now,
        ctx.engine,
    )
    if command.segment is not None and "segment" in answer:
        added = sorted(_kinds(command.segment))
        answer["refined"] = {"parent": to_json(previous_node), "added": added}
    return answer


def _sibling_base(node: Node, previous: conv.PreviousAnswer, command: Command) -> Node:
    """What the new clause narrows: the previous answer, or — when it says something of the
    same kind as the refinement that made that answer ("其中女性有几个", then "男的呢" /
    "北京的呢" after "上海的") — the answer that refinement narrowed, as a sibling question."""
    if previous.parent is None or command.segment is None:
        return node
    if not _kinds(command.segment) & set(previous.added):
        return node
    try:
        return from_json(previous.parent)
    except SegmentFormatError:
        return node


def is_everyone(node: Node | None) -> bool:
    return isinstance(node, All)


def _read_clause(
    follow: FollowUp, vocab: Vocabulary, requester: Requester, ctx: CommandContext
) -> Command | Clarification:
    """The new clause parsed on its own (so it inherits no window): the first reading that
    is understood, else the question back about the first."""
    results = [
        parse_command(
            text, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
        )
        for text in follow.readings()
    ]
    understood = [r for r in results if isinstance(r, Command)]
    return understood[0] if understood else results[0]


def _is_action(text: str, vocab: Vocabulary, requester: Requester, ctx: CommandContext) -> bool:
    whole = parse_command(
        text, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    return isinstance(whole, Command) and whole.intent in _ACTIONS


def _kinds(node: Node) -> set[str]:
    """What a segment says something about: cities, tags, each event kind, owners …"""
    out = set()
    for part in walk(node):
        if isinstance(part, (All, And, Or, Not)):
            continue
        kind = getattr(part, "event_kind", None)
        out.add(f"{type(part).__name__}:{kind}" if kind else type(part).__name__)
    return out


def _has_own_intent(follow: FollowUp, vocab: Vocabulary, ctx: CommandContext) -> bool:
    tokens = tokenize(normalize(follow.rest), vocab, ctx.now, ctx.settings.timezone)
    return any(t.kind == K.INTENT for t in tokens)


def _loose_refines(
    follow: FollowUp, command: Command, previous: Node, vocab: Vocabulary, ctx: CommandContext
) -> bool:
    """ "那上海的呢" adds to the previous answer when it says something new about it, with no
    verb of its own; "北京的呢" after Shanghai customers, or "近90天的呢", would replace a
    condition instead, and which one is meant is asked."""
    if command.segment is None or is_everyone(command.segment):
        return False
    if _has_own_intent(follow, vocab, ctx):
        return False
    return not (_kinds(command.segment) & _kinds(previous))


def _which_reading(follow: FollowUp, previous: conv.PreviousAnswer, lang: str) -> dict[str, Any]:
    fresh = re.sub(r"(?:呢|咧)\s*[?？]*$", "", follow.rest).strip() or follow.rest
    if lang == "zh":
        options = [f"其中{follow.rest}", fresh]
        message = say("refine_or_new", lang, description=previous.description)
    else:
        options = [f"among them, {follow.rest}", fresh]
        message = say("refine_or_new", lang, description=previous.description)
    return clarify(message, options)


def _combine(previous: Node, new: Node | None, follow: FollowUp) -> Node | None:
    if new is None or is_everyone(new):
        # "其中有多少", "这些里导出": the previous segment itself; removing everyone is nothing.
        return None if follow.mode == WITHOUT else previous
    if isinstance(new, Ranked) and follow.mode == AND:
        # "其中消费最多的3个" ranks among these, not everyone: the ranking's own base is
        # the previous answer narrowed by what the ranking said about it.
        return replace(new, base=_both(previous, new.base))
    return _both(previous, Not(new) if follow.mode == WITHOUT else new)


def _both(previous: Node, narrowing: Node) -> Node:
    if is_everyone(narrowing):
        return previous
    if is_everyone(previous):
        return narrowing
    # The previous conditions first, then the new ones: the restatement reads in that order.
    parts = previous.children if isinstance(previous, And) else (previous,)
    added = narrowing.children if isinstance(narrowing, And) else (narrowing,)
    return And((*parts, *(n for n in added if n not in parts)))


def _intent(
    command: Command,
    follow: FollowUp,
    previous: conv.PreviousAnswer,
    vocab: Vocabulary,
    ctx: CommandContext,
) -> str:
    """The follow-up's own intent; "其中女性呢" (no verb of its own) asks the previous one."""
    if not follow.echo or command.intent != "list":
        return command.intent
    tokens = tokenize(normalize(follow.rest), vocab, ctx.now, ctx.settings.timezone)
    if any(t.kind == K.INTENT for t in tokens):
        return command.intent
    return previous.intent if previous.intent in _REPEATABLE else command.intent


def _restate(
    combined: Node, command: Command, vocab: Vocabulary, ctx: CommandContext, lang: str
) -> str:
    """The combined segment in plain words, with the new clause's notes (tag vs named)."""
    text = describe(combined, lang, ctx.now, ctx.settings.timezone, vocab)
    if not command.notes:
        return text
    if lang == "zh":
        return f"{text}（{'；'.join(command.notes)}）"
    return f"{text} ({'; '.join(command.notes)})"
