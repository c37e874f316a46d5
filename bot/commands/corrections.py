"""A correction of the last question ("不对 我是说金卡", "唔係，係上個月", "sorry I meant
Beijing", spec/commands.md §2c): the last question asked again with the corrected value in
place of the value of the same kind — a tag for a tag, a city for a city, a period for a
period — everything else kept, and the reply restating it. A correction that yields nobody
answers 0. When the last question says nothing of that kind, or the value reads as several
things, it is asked back; never a silent guess.

The words are read by segmentation.nlq.correction; the swap itself is segmentation.nlq.swap's.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.bound_swap import swapped_bound_answer
from bot.commands.context import (
    ask_again,
    previous_segment,
    refined_answer,
    swapped_window_answer,
)
from bot.commands.ranked_pick import corrected_pick, ranking_narrowed
from bot.commands.said_tokens import readable_tokens
from bot.commands.texts_corrections import say_correction
from bot.services.answer import Answer, ClarifyAnswer
from bot.services.query import clarify
from segmentation.nlq import Command, load_vocabulary, parse_command
from segmentation.nlq.correction import Correction, read_correction
from segmentation.nlq.followup import AND, WITHOUT, read_follow_up
from segmentation.nlq.intents_extra import EXTRA_INTENTS, weak_card
from segmentation.nlq.parser import Clarification
from segmentation.nlq.rank_pick import read_ranked_pick
from segmentation.nlq.restate import describe
from segmentation.nlq.swap import (
    Ambiguous,
    item_renamed,
    kinds,
    re_evented_items,
    swap_conditions,
)
from segmentation.nlq.token_kinds import K
from segmentation.nodes import All, And, InDepartment, Node, Owner, Ranked, canonical, to_json
from segmentation.scope import Requester


def corrected_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The last question asked again with `text`'s correction, a question back about it, or
    None when `text` is no correction (or corrects what is no segment, as a customer's card)."""
    said = read_correction(text)
    if said is None:
        return None
    state = conv.load(session, requester.userid, ctx.now)
    found = previous_segment(session, ctx, requester.userid)
    ranking = found is not None and (
        isinstance(found[0], Ranked) or ranking_narrowed(found[0]) is not None
    )
    if ranking and read_ranked_pick(text):
        return None  # "make it top 2" after a ranking: that ranking cut or turned (ranked_pick)
    pick = read_ranked_pick(said.value) if ranking and found is not None else None
    if found is not None and pick is not None:  # "不对，top 2" after the bottom 2
        corrected = corrected_pick(found[0], pick)
        if corrected is not None:
            return ask_again(session, ctx, requester, corrected, found[1], lang, intent="list")
    if found is None:
        if state.previous is not None:
            return None  # after a card or a digest: the other readers know what it showed
        if _own_question(session, ctx, requester, said.value):
            return ctx.ask(session, said.value, requester.userid)  # "抱歉手滑 查一下VIP有几位"
        return clarify(say_correction("correction_nothing", lang))
    after_table = found[1].kind == conv.BREAKDOWN
    narrowed = _narrowed(session, ctx, requester, said.value, lang, after_table)
    if narrowed is not None:  # "actually, only the ones who never ordered": AND, no swap
        return narrowed
    if _own_question(session, ctx, requester, said.value):
        # "sorry, how many VIPs are there?": the whole question again, answered as it stands
        return ctx.ask(session, said.value, requester.userid)
    alone = swapped_window_answer(session, ctx, requester, said.value, lang) or (
        swapped_bound_answer(session, ctx, requester, said.value, lang)
    )
    if alone is not None:  # "唔係，係上個月", "不对，是500以上": the period, the amount
        return alone
    node, previous = found
    items = load_vocabulary(session, ctx.engine.named).items
    renamed = item_renamed(node, said.value, items)
    if renamed is not None:  # "不对，是精华液" after 谁买过唇釉: the item, its event kept
        return ask_again(session, ctx, requester, renamed, previous, lang)
    new = _new_conditions(session, ctx, requester, said, lang)
    if not isinstance(new, Node):
        return new
    swapped = _swapped(node, new) or _topic_replaced(node, new)
    if swapped is None:
        return _which_way(session, ctx, node, new, previous, said.value, lang)
    return ask_again(session, ctx, requester, swapped, previous, lang)


# Whose customers a question is about: kept when a correction names another kind of customer.
_WHOSE = (Owner, InDepartment)


def _topic_replaced(node: Node, new: Node) -> Node | None:
    """ "我啲客有邊個係VIP" → "唔係，我講緊冇落過單嗰啲": the one condition the last question
    had besides whose customers they are, replaced by what the correction names; None when it
    had none or several (then which way is asked)."""
    parts = node.children if isinstance(node, And) else (node,)
    topics = [p for p in parts if not isinstance(p, _WHOSE)]
    if len(topics) != 1 or len(parts) < 2:
        return None
    kept = tuple(p for p in parts if p is not topics[0])
    added = new.children if isinstance(new, And) else (new,)
    if any(isinstance(a, _WHOSE) for a in added):
        return None
    return And((*kept, *added))


def _narrowed(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    value: str,
    lang: str,
    after_table: bool,
) -> Answer | None:
    """A correction that narrows instead ("actually, only the ones who never ordered", "不对，
    只要男的", "唔好意思，淨係要VIP嘅", "no wait, without the VIPs", "不是，是其中上海的"): the
    refinement of the last answer its words say (only/只要/只看/淨係/其中 …: AND; without/去掉:
    AND NOT), as said without the correction; None when the words say no refinement (a
    value alone, "那上海的呢": the swap reads it)."""
    follow = read_follow_up(value)
    if follow is None or follow.loose or follow.mode not in (AND, WITHOUT):
        return None
    if follow.group_alone and not after_table:
        # "唔係，我想要待跟進嗰啲", "no, I meant the 金卡 ones": the group meant instead (a swap);
        # after a table, "不对，我要北京那组" is that row of it
        return None
    return refined_answer(session, ctx, requester, value, lang)


def _swapped(node: Node, new: Node) -> Node | None:
    """`node` with `new` in place of its condition of the same kind; an event for its one
    event of another kind ("不对，是咨询过的" after 近30天下过单的: inquired, in those 30 days).
    None when it has nothing to replace, or that is unclear."""
    moved = re_evented_items(node, new)
    if moved is not None:  # "不对，是咨询过的" after 买过玻尿酸面霜的: who asked about it
        return moved
    wanted = kinds(new)
    events_only = all(kind.startswith("event:") for kind in wanted)
    if not wanted <= kinds(node) and not events_only:
        return None
    try:  # an event for the event said the same way (a NOT for the NOT)
        return swap_conditions(node, new, other_event=events_only, alike=True)
    except Ambiguous:
        return None


def as_card_change(session: Session, ctx: CommandContext, requester: Requester, text: str) -> str:
    """A correction said while a confirmation card waits, as the change of that card it asks
    for ("不对，我是说北京" → "换成北京": the card again for Beijing, never a list); any other
    text — and a correction with a verb of its own ("no, take off 金卡 instead") — as it is."""
    said = read_correction(text)
    if said is None or not _bare_value(session, ctx, requester, said.value):
        return text
    return f"换成{said.value}"


def _bare_value(session: Session, ctx: CommandContext, requester: Requester, words: str) -> bool:
    """Whether `words` are conditions only: no action, no question of their own."""
    vocab = load_vocabulary(session, ctx.engine.named)
    command = parse_command(
        words, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    return isinstance(command, Command) and command.intent == "list" and not command.details


def _own_question(session: Session, ctx: CommandContext, requester: Requester, words: str) -> bool:
    """Whether the corrected words ask a question of their own (a count, a list, a
    breakdown, a card…), not only a value for the last one."""
    vocab = load_vocabulary(session, ctx.engine.named)
    tokens = readable_tokens(session, ctx, words, vocab)
    if tokens is None:
        return False
    if any(t.kind == K.INTENT for t in tokens):
        return True
    command = parse_command(
        words, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    if isinstance(command, Command):
        return command.intent in EXTRA_INTENTS
    # "唔係，搵Frank", "no, look up Frank": a look-up of one customer, which the grammar leaves
    # to the card reader after it fails
    return weak_card(words, vocab, ctx.now, ctx.settings.timezone) is not None


def _new_conditions(
    session: Session, ctx: CommandContext, requester: Requester, said: Correction, lang: str
) -> Node | Answer:
    """The corrected value's conditions, or the question back about words not understood.
    "VIP not 金卡": the old value must read as the same kind as the new one, else the "not"
    was part of the condition ("I meant the ones who are not VIP")."""
    vocab = load_vocabulary(session, ctx.engine.named)

    def read(words: str) -> Command | Clarification:
        return parse_command(
            words,
            vocabulary=vocab,
            asker=requester.userid,
            now=ctx.now,
            tz=ctx.settings.timezone,
            reply_language=lang,
        )

    command = read(said.value)
    if said.old:
        old = read(said.old)
        same = (
            isinstance(command, Command)
            and isinstance(old, Command)
            and command.segment is not None
            and old.segment is not None
            and kinds(command.segment) == kinds(old.segment)
        )
        if not same:
            command = read(said.said)
    if isinstance(command, Clarification):
        command = _in_a_frame(said.value, command, read, lang)
    if isinstance(command, Clarification):
        return clarify(command.message, list(command.suggestions))
    if command.segment is None or isinstance(command.segment, All):
        return clarify(say_correction("correction_what", lang, value=said.value))
    return command.segment


def _in_a_frame(
    value: str,
    alone: Clarification,
    read: Callable[[str], Command | Clarification],
    lang: str,
) -> Command | Clarification:
    """A value not understood alone, read as the customers it names ("金咭的客户", "Beijng
    customers"): a word the parser suggests names for only in a sentence gets its suggestions
    (金卡, Beijing) there. The question back with suggestions wins; else the one alone."""
    framed = read(f"{value} customers" if lang == "en" else f"{value}的客户")
    if isinstance(framed, Command):
        return framed
    return framed if len(framed.suggestions) > len(alone.suggestions) else alone


def _which_way(
    session: Session,
    ctx: CommandContext,
    node: Node,
    new: Node,
    previous: conv.PreviousAnswer,
    value: str,
    lang: str,
) -> Answer:
    """The last question has nothing of the corrected value's kind: the last question with it
    added, or the value alone — asked back, each choice standing for its segment."""
    vocab = load_vocabulary(session, ctx.engine.named)
    tz = ctx.settings.timezone
    both = And((*(node.children if isinstance(node, And) else (node,)), new))
    options = (both, new) if canonical(both) != canonical(new) else (new,)
    labels = tuple(describe(option, lang, ctx.now, tz, vocab) for option in options)
    message = say_correction(
        "correction_which", lang, description=previous.description, value=value
    )
    choices = tuple(to_json(option) for option in options)
    asked = previous.intent if previous.intent in ("list", "count") else ""
    return ClarifyAnswer(message, labels, choices, asked_intent=asked)
