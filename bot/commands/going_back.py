"""Going back to an earlier list of the conversation (spec/commands.md §2c, issue 19):
"回到刚才那6个人，其中北京的有几个", "前面那个名单", "返返頭嗰6個", "of those four, which are
female?", "those 6 again", "back to the first list".

The conversation keeps the lists it answered (bot.commands.conversation, `history`); the
words name one by its size or its place (segmentation.nlq.backref). The one named becomes
"these" again, and what else the message asks is answered about it as a refinement is;
nothing else asked: it is shown again. Its segment is evaluated again now, in the asker's
scope. When no list has that size, or several do, or there is no such place, which one is
asked back, naming the lists it could mean (a pick answers the message with that list).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.context import ask_again
from bot.commands.rows import segment_of
from bot.commands.texts import say
from bot.models.confirmations import PENDING
from bot.services.answer import Answer, ClarifyAnswer
from bot.services.confirmations import latest_action
from bot.services.query import clarify
from segmentation.nlq import Command
from segmentation.nlq.backref import (
    DESCRIBED,
    FULL,
    JUST,
    PREVIOUS,
    RANKING,
    STEP,
    TABLE,
    BackReference,
    read_back_reference,
)
from segmentation.nodes import And, Node, Not, Or, Ranked, canonical, walk
from segmentation.scope import Requester
from segmentation.text import normalize

# How the rest of the message is answered once the list is "these" again (router.answer_text).
Then = Callable[[Session, CommandContext, Requester, str, str], Answer]
# A question back offers at most this many lists (the newest ones).
_OFFERED = 3


def undoes_a_step(session: Session, userid: str, text: str) -> bool:
    """Whether "撤销" / "undo" / "撤回" is a step back rather than cancelling a card: no card
    of the member's waits for a decision (a card waiting is cancelled, as always)."""
    reference = read_back_reference(text)
    if reference is None or reference.position != STEP or reference.rest:
        return False
    action = latest_action(session, userid)
    return action is None or action.status != PENDING


def earlier_answer(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    text: str,
    lang: str,
    then: Then,
) -> Answer | None:
    """The answer about the earlier list `text` goes back to, a question back about which
    one, or None when `text` names no earlier list."""
    reference = read_back_reference(text)
    if reference is None:
        return None
    conversation = conv.load(session, requester.userid, ctx.now)
    if reference.position == STEP and conversation.trail:
        return _stepped_back(session, ctx, requester, conversation, reference, lang, then)
    if not conversation.history:
        return clarify(say("earlier_nothing", lang))
    chosen = (
        _described(session, ctx, requester.userid, reference, conversation)
        if reference.position == DESCRIBED
        else _named(reference, conversation)
    )
    if isinstance(chosen, conv.PreviousAnswer):
        return answer_about(session, ctx, requester, chosen, reference.rest, lang, then)
    offered, key = chosen
    kept = len(conversation.history)
    said = reference.label or reference.said
    message = say(key, lang, count=reference.count, said=said, kept=kept)
    return _which(offered, message, reference.rest, lang)


def _stepped_back(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    conversation: conv.Conversation,
    reference: BackReference,
    lang: str,
    then: Then,
) -> Answer:
    """The answer before the last change ("回到上一步", "undo that"), or as many changes back
    as said ("回到上两步", "返去兩步之前", "go back two steps", "undo twice"); or saying there is
    none: the conversation has shown one list only, or every step has been gone back already.
    More steps than the conversation has: the question back says which list is the first."""
    earlier, trail = None, conversation.trail
    for _ in range(max(reference.steps, 1)):
        step, trail = conv.step_back(conversation)
        if step is None:
            break
        earlier = step
        conversation = replace(conversation, previous=step, trail=trail)
    if earlier is None or (step is None and reference.steps > 1):
        shown = conversation.trail[-1]
        return clarify(say("step_nothing", lang, description=shown.description))
    return answer_about(session, ctx, requester, earlier, reference.rest, lang, then, trail=trail)


def earlier_pick_answer(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    pending: conv.PendingQuestion,
    index: int,
    then: Then,
) -> Answer:
    """The list picked from "which earlier list?", with what the message asked of it."""
    picked = conv.read_record(pending.answers[index]) if index < len(pending.answers) else None
    if picked is None:
        return clarify(say("earlier_nothing", pending.language))
    return answer_about(session, ctx, requester, picked, pending.original, pending.language, then)


def answer_about(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    earlier: conv.PreviousAnswer,
    rest: str,
    lang: str,
    then: Then,
    trail: tuple[conv.PreviousAnswer, ...] | None = None,
) -> Answer:
    """`earlier` is "these" again; `rest` is asked of it, or it is shown again."""
    conv.recall(session, requester.userid, earlier, ctx.now, trail)
    if rest:
        return then(session, ctx, requester, rest, lang)
    node = segment_of(earlier.segment)
    if node is None:
        return clarify(say("earlier_nothing", lang))
    # A table is shown as a table again; any other answer's customers are listed.
    intent = "" if earlier.kind == conv.BREAKDOWN else "list"
    return ask_again(session, ctx, requester, node, earlier, lang, intent=intent)


def _named(
    reference: BackReference, conversation: conv.Conversation
) -> conv.PreviousAnswer | tuple[tuple[conv.PreviousAnswer, ...], str]:
    """The list `reference` names, or the lists to offer and the question's key."""
    lists = conversation.history
    shown = conversation.previous
    current = shown.with_list() if shown is not None else None
    if current is not None and not current.has_segment:
        current = None
    if reference.count is not None:
        sized = tuple(h for h in lists if h.count == reference.count)
        if current is not None and any(_same(h, current) for h in sized):
            return current  # the list "these" means now: the nearest of that size
        if len(sized) == 1:
            return sized[0]
        if not sized:
            return lists[-_OFFERED:], "earlier_none"
        return sized[-_OFFERED:], "earlier_which"
    if reference.position == RANKING:  # "回到刚才的排名": the latest ranking answered
        ranked = _lists_first(tuple(h for h in lists if _is_ranking(h)))
        if not ranked:
            return lists[-_OFFERED:], "earlier_place"
        if current is not None and any(_same(h, current) for h in ranked):
            if current.parent is not None and shown is current:
                # the ranking shown narrowed one ("当中女的", "just Beijing"): back to that one
                earlier = tuple(h for h in ranked if not _same(h, current))
                return earlier[-1] if earlier else current
            earlier = tuple(h for h in ranked if not _same(h, current))
            if reference.back and shown is current and earlier:
                # "back to the spenders" with another ranking shown: the one before it
                return earlier[-1]
            return current  # the ranking behind the card shown, or the one shown again
        return ranked[-1]
    if reference.position == FULL:  # "back to the full list": before any narrowing
        return _unnarrowed(current, lists) if current is not None else lists[-1]
    if reference.position == TABLE:  # "刚才那个表", "the breakdown again": the latest table
        tables = tuple(h for h in lists if h.kind == conv.BREAKDOWN)
        return tables[-1] if tables else (lists[-_OFFERED:], "earlier_place")
    if reference.position == JUST:  # "刚才那批": the list just shown, as "these" is
        return current or lists[-1]
    if reference.position in (PREVIOUS, STEP):  # a step back in a row kept before the trail
        if current is None or shown is not current:
            # After a card, the digest …: "刚才那批" is the list shown before it.
            return current or lists[-1]
        others = tuple(h for h in lists if not _same(h, current))
        return others[-1] if others else current
    position = reference.position or 1
    if position <= len(lists):
        return lists[position - 1]
    return lists[-_OFFERED:], "earlier_place"


def _described(
    session: Session,
    ctx: CommandContext,
    userid: str,
    reference: BackReference,
    conversation: conv.Conversation,
) -> conv.PreviousAnswer | tuple[tuple[conv.PreviousAnswer, ...], str]:
    """The earlier list the words describe ("回到上海那个名单", "back to the VIP ones"): the one
    whose conditions include every condition the words name; of several, the one with no
    other condition, else which one is asked. Words that name no condition are looked for in
    the lists' restatements."""
    from bot.commands.parse_alone import parse_alone

    lists = _lists_first(tuple(h for h in conversation.history if h.has_segment))
    parsed = parse_alone(session, ctx, userid, reference.label)
    wanted = _parts(parsed.segment) if isinstance(parsed, Command) and parsed.segment else None
    if wanted:
        fits = tuple(h for h in lists if wanted <= _parts(segment_of(h.segment)))
        if not fits and isinstance(parsed, Command) and parsed.segment is not None:
            # "返去問價嗰份" after "近30日有邊個問過價": words with no period of their own
            # describe the list whatever period it had
            loose = _parts(_without_windows(parsed.segment))
            fits = tuple(
                h for h in lists if loose <= _parts(_without_windows(segment_of(h.segment)))
            )
    else:
        # (in either script: "上個月" finds "上个月（10月1日–10月31日）新添加的客户")
        label = normalize(reference.label)
        said = {label, _PERIOD_AS_RESTATED.get(label.rstrip("的嘅"), label)}
        fits = tuple(h for h in lists if label and any(s in normalize(h.description) for s in said))
    exact = tuple(h for h in fits if wanted and _parts(segment_of(h.segment)) == wanted)
    if len(exact) == 1 or (exact and all(_same(h, exact[-1]) for h in exact)):
        return exact[-1]
    if len(fits) == 1 or (fits and all(_same(h, fits[-1]) for h in fits)):
        return fits[-1]
    return (fits or lists)[-_OFFERED:], ("earlier_described" if fits else "earlier_no_such")


def _without_windows(node: Node | None) -> Node | None:
    """`node` with every condition's own time window taken off (the conditions alone)."""
    if node is None:
        return None
    if isinstance(node, (And, Or)):
        return type(node)(tuple(c for c in map(_without_windows, node.children) if c is not None))
    if isinstance(node, Not):
        child = _without_windows(node.child)
        return Not(child) if child is not None else node
    if any(f.name == "window" for f in fields(node)) and getattr(node, "window", None) is not None:
        return replace(node, window=None)
    return node


# A period said with 这 / 呢 as the restatement says it ("回到这周那份" finds "本周（…）下过单的
# 客户", "返去呢個月嗰班" finds "本月…").
_PERIOD_AS_RESTATED = {
    **dict.fromkeys(
        (
            "这周",
            "这个周",
            "这星期",
            "这个星期",
            "这礼拜",
            "这个礼拜",
            "呢周",
            "呢个星期",
            "呢个礼拜",
        ),
        "本周",
    ),
    **dict.fromkeys(("这月", "这个月", "呢个月"), "本月"),
    **dict.fromkeys(("这季", "这季度", "这个季度", "呢个季度"), "本季度"),
    **dict.fromkeys(("这年", "呢年"), "今年"),
}


def _unnarrowed(
    current: conv.PreviousAnswer, lists: tuple[conv.PreviousAnswer, ...]
) -> conv.PreviousAnswer:
    """The answer `current` narrowed, and the one that narrowed, back to the first."""
    found = current
    for _ in range(len(lists)):
        parent = found.parent
        earlier = [h for h in lists if parent is not None and h.segment == parent]
        if not earlier:
            break
        found = earlier[-1]
    return found


def _lists_first(answers: tuple[conv.PreviousAnswer, ...]) -> tuple[conv.PreviousAnswer, ...]:
    """The lists among `answers` when there are any: "那个排名" / "the VIP list" go back to
    the list answered, not to a table of it."""
    lists = tuple(h for h in answers if h.kind == conv.LIST)
    return lists or answers


def _parts(node: Node | None) -> frozenset[str]:
    """The conditions of a segment, each as its canonical text (AND flattened)."""
    if node is None:
        return frozenset()
    return frozenset(repr(part) for part in walk(canonical(node)) if not isinstance(part, And))


def _is_ranking(answer: conv.PreviousAnswer) -> bool:
    node = segment_of(answer.segment)
    return node is not None and any(isinstance(part, Ranked) for part in walk(node))


def _same(one: conv.PreviousAnswer, other: conv.PreviousAnswer) -> bool:
    return one.segment == other.segment and one.kind == other.kind


def _which(
    offered: tuple[conv.PreviousAnswer, ...], message: str, rest: str, lang: str
) -> ClarifyAnswer:
    labels = tuple(
        say("earlier_label", lang, description=h.description, count=h.count) for h in offered
    )
    records = tuple(conv.write_record(h) for h in offered)
    return ClarifyAnswer(message, labels, earlier=records, then=rest)
