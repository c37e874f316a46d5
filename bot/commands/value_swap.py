"""A swap that names what it replaces: "把北京改为上海", "Shanghai instead of Beijing", "swap
金卡 for VIP", "city 换成 上海", "性别换一下，看女的", "把詢價換成下單", "the other gender" →
the previous question again with that one part changed and everything else kept (spec §2c).

The old part must be in the previous answer: when it is not, or the new value is of another
kind, it is asked back — never answered as another question. Reading the words is
segmentation.nlq.value_swap_words', the tree operations segmentation.nlq.value_swap's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.bound_swap import swapped_bound_answer
from bot.commands.context import ask_again, previous_segment, swapped_window_answer
from bot.commands.said_tokens import readable_tokens
from bot.commands.texts import say
from bot.commands.texts_corrections import say_correction
from bot.services.answer import Answer
from bot.services.query import clarify
from segmentation.nlq import Command, load_vocabulary, parse_command
from segmentation.nlq.bound_swap import read_bound
from segmentation.nlq.parser import Clarification
from segmentation.nlq.swap import kinds, swap_conditions
from segmentation.nlq.token_kinds import K
from segmentation.nlq.value_swap import (
    event_kind_said,
    with_event_kind,
    with_number,
    with_other_gender,
    with_part_replaced,
)
from segmentation.nlq.value_swap_words import ValueSwap, read_value_swap
from segmentation.nlq.widen import WINDOW, kind_named
from segmentation.nodes import All, ItemEvent, Node, Ranked, walk
from segmentation.scope import Requester

# A kind word names the kind of condition the parts of that kind have (跟进人 also a
# department: both say whose customers, as swap.kinds groups them).
_KIND_OF_WORD = {"InDepartment": "Owner"}
# What may stand beside a window or a bound said alone ("近30天的", "1000元以上的").
_ALONE_COMPANIONS = (K.DE, K.FILLER, K.SEP, K.CUSTOMER)


def swapped_value_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The previous question with the part `text` names replaced, a question back about
    it, or None when `text` names no swap (or nothing was asked before, or its old part is
    not something this reads: then the other readers read it)."""
    said = read_value_swap(text)
    if said is None:
        return None
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    node, previous = found
    if said.to_other:  # "换个性别", "the other gender"
        other = with_other_gender(node)
        if other is None:
            what = say("widen_Gender", lang)
            return clarify(say_correction("swap_not_there", lang, description=previous.description,
                                          old=what, new=what))  # fmt: skip
        return ask_again(session, ctx, requester, other, previous, lang)
    number = _number_swapped(session, ctx, node, said)
    if number is not None:  # "raise it to 5000", "把1000改成5000"
        if isinstance(number, str):
            return clarify(say_correction(number, lang, description=previous.description,
                                          old=said.old or said.new, new=said.new))  # fmt: skip
        return ask_again(session, ctx, requester, number, previous, lang)
    kind = kind_named(said.old)
    if kind == WINDOW or (kind is None and _said_alone(session, ctx, said.old, K.WINDOW)):
        return swapped_window_answer(session, ctx, requester, said.new, lang)
    if kind is None and _said_alone(session, ctx, said.old, None):  # "把1000改成5000"
        return swapped_bound_answer(session, ctx, requester, said.new, lang)
    old = None if kind is not None else _conditions(session, ctx, requester, said.old)
    item = _item_named(node, said.old) if kind is None and old is None else None
    if item is not None:  # "swap the product for 精华液": the same activity, another item
        other = _item_said(session, ctx, requester, said.new, lang)
        if isinstance(other, Clarification):  # "swap the product for 面膜": no such product
            return clarify(other.message, list(other.suggestions))
        swapped = with_part_replaced(node, item, replace(item, item=other.item, names=other.names))
        if swapped is None:  # the new item is of another activity: nothing to put in its place
            return clarify(say_correction("correction_what", lang, value=said.new))
        return ask_again(session, ctx, requester, swapped, previous, lang)
    if kind is None and old is None:
        return None  # "把这些人换成…": no part of the answer this reads
    new = _read(session, ctx, requester, said.new, lang)
    if isinstance(new, Clarification):
        return clarify(new.message, list(new.suggestions))
    if new.segment is None or isinstance(new.segment, All):
        return clarify(say_correction("correction_what", lang, value=said.new))
    swapped = _swapped(node, said, kind, old, new.segment)
    if isinstance(swapped, str):
        return clarify(say_correction(swapped, lang, description=previous.description,
                                      old=said.old, new=said.new))  # fmt: skip
    return ask_again(session, ctx, requester, swapped, previous, lang, new.notes)


# A product or category named by its kind: the one item condition of the answer is replaced.
_ITEM_WORDS = re.compile(
    r"^(?:the\s+)?(?:products?|items?|categor(?:y|ies)|goods|产品|產品|商品|品类|品類|货品|貨品|"
    r"东西|東西|嘢)$",
    re.I,
)


def _item_named(node: Node, words: str) -> Node | None:
    """The one product or category condition of `node` when `words` name its kind."""
    if not _ITEM_WORDS.match(words.strip()):
        return None
    items = [part for part in walk(node) if isinstance(part, ItemEvent)]
    return items[0] if len(items) == 1 else None


def _item_said(
    session: Session, ctx: CommandContext, requester: Requester, words: str, lang: str
) -> ItemEvent | Clarification:
    """The product or category `words` name, read as one bought ("买过精华液"), or the
    question back about them."""
    vocab = load_vocabulary(session, ctx.engine.named)
    said = parse_command(
        f"买过{words}的客户",
        vocabulary=vocab,
        asker=requester.userid,
        now=ctx.now,
        tz=ctx.settings.timezone,
        reply_language=lang,  # asked in the language of the swap, not of this frame
    )
    if isinstance(said, Command) and isinstance(said.segment, ItemEvent):
        return said.segment
    if isinstance(said, Clarification):
        return said
    return Clarification(say_correction("correction_what", lang, value=words), (), lang)


def _number_swapped(
    session: Session, ctx: CommandContext, node: Node, said: ValueSwap
) -> Node | str | None:
    """The previous tree with a number said alone in its one amount's or count's place, the
    key of the question back, or None when the swap is no number's."""
    new = _number_alone(session, ctx, said.new)
    old = _number_alone(session, ctx, said.old) if said.old else None
    if new is None or (said.old and old is None):
        return None
    swapped = with_number(node, old, new)
    return swapped if swapped is not None else "swap_not_there"


def _number_alone(session: Session, ctx: CommandContext, words: str) -> Decimal | None:
    """The number `words` say and nothing else ("5000", "1000元", "3次"), else None."""
    tokens = readable_tokens(session, ctx, words)
    if not tokens:
        return None
    nums = [t for t in tokens if t.kind == K.NUM]
    if len(nums) != 1 or any(t.kind not in (K.NUM, *_ALONE_COMPANIONS) for t in tokens):
        return None
    if nums[0].unit not in (None, "times", "money"):
        return None
    return Decimal(str(nums[0].value))


def _swapped(
    node: Node, said: ValueSwap, kind: str | None, old: Node | None, new: Node
) -> Node | str:
    """The previous tree with the swap made, or the key of the question back."""
    if kind is not None:  # "city 换成 上海": whatever city the answer has
        if _KIND_OF_WORD.get(kind, kind) not in kinds(new) or len(kinds(new)) != 1:
            return "swap_other_kind"
        swapped = swap_conditions(node, new, other_event=False)
        return swapped if swapped is not None else "swap_not_there"
    assert old is not None
    old_event, new_event = event_kind_said(old), event_kind_said(new)
    if old_event and new_event:  # "把詢價換成下單": the same window, another activity
        moved = with_event_kind(node, old_event, new_event)
        return moved if moved is not None else "swap_not_there"
    if kinds(old) != kinds(new):
        return "swap_other_kind"
    replaced = with_part_replaced(node, old, new)
    return replaced if replaced is not None else "swap_not_there"


def _read(
    session: Session, ctx: CommandContext, requester: Requester, words: str, lang: str
) -> Command | Clarification:
    """`words` as conditions; an activity said as a bare noun ("查詢", a verb of asking for
    the parser alone) read in a frame ("有查詢的客户") when alone it says no customers."""
    vocab = load_vocabulary(session, ctx.engine.named)

    def parse(text: str) -> Command | Clarification:
        return parse_command(
            text,
            vocabulary=vocab,
            asker=requester.userid,
            now=ctx.now,
            tz=ctx.settings.timezone,
            reply_language=lang,
        )

    alone = parse(words)
    if isinstance(alone, Command) and (alone.segment is None or isinstance(alone.segment, All)):
        framed = parse(f"有{words}的客户")
        if isinstance(framed, Command) and event_kind_said(framed.segment or All()):
            return framed
    return alone


def _conditions(
    session: Session, ctx: CommandContext, requester: Requester, words: str
) -> Node | None:
    """The one condition `words` say alone ("北京", "金卡", "询价"), else None."""
    read = _read(session, ctx, requester, words, "zh")
    if not isinstance(read, Command) or read.intent != "list" or read.details:
        return None
    segment = read.segment
    if segment is None or isinstance(segment, (All, Ranked)) or not kinds(segment):
        return None
    return segment


def _said_alone(session: Session, ctx: CommandContext, words: str, kind: str | None) -> bool:
    """Whether `words` are a window alone (`kind` WINDOW) or a bound alone (None)."""
    tokens = readable_tokens(session, ctx, words)
    if not tokens:
        return False
    if kind is None:
        return read_bound(tokens) is not None
    said = [t for t in tokens if t.kind == kind]
    rest = [t for t in tokens if t.kind != kind]
    return len(said) == 1 and all(t.kind in _ALONE_COMPANIONS for t in rest)
