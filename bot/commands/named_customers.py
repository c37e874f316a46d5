"""Customers named one by one after a list: "去掉Bob", "不要Bob和Alice", "唔要Frank",
"除咗佢", "Bob不要了", "without Bob", "drop/remove/exclude Bob", "minus Alice", "不要她" (the
customer whose card is open over the list) → the list just shown without them.

The edited list is a segment like any other (the list's conditions AND NOT those customers,
segmentation/kinds/customer_ids.py), so a count, an export, a card or a saved segment made
from it keeps the edit. The names are read and found as a waiting card's are (card_amend's
_by_names uses `name_words` and `named_matches`): only customers the member may see, by their
exact name or remark. A name that is not on the list, or that two of its rows share, is said
back, never dropped silently or guessed; words that name no customer are conditions, read by
the refinements as before ("去掉上海的").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.card_amend_loose import dropped
from bot.commands.context import ask_again, previous_segment
from bot.commands.texts import say
from bot.services.answer import Answer
from bot.services.customer_card import find_visible
from bot.services.query import clarify
from segmentation.engine import segment_members
from segmentation.kinds.customer_ids import NamedCustomers
from segmentation.nlq import Clarification, load_vocabulary, parse_command
from segmentation.nlq.followup import WITHOUT, read_follow_up
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nodes import And, Node, Not
from segmentation.scope import Requester
from segmentation.text import normalize

_NAME_SEP = re.compile(r"\s*(?:、|,|，|和|跟|同|及|与|與|\band\b|&)\s*", re.I)
_NAME_EDGES = re.compile(
    r"^(?:the\s+)?|(?:\s+(?:pls|please|too))+$|(?:的|嘅|客户|客戶|这位|這位|那位|了|吧|啦|喇|咯|\s)+$",
    re.I,
)
# The customer of the card just shown, said as a pronoun ("不要她", "除咗佢", "drop her").
_FOCUS = lazy_pattern(
    r"^(?:她|他|佢|ta|her|him|this\s+one|this\s+customer|这位|這位|呢位|那位|这个人|這個人)$", re.I
)
# What a customer's name looks like when it is no customer's: one or two Latin words, or two to
# four Chinese characters; anything longer is no name said back as one.
_NAME_LIKE = lazy_pattern(r"^(?:[a-z][a-z.'-]*(?:\s[a-z][a-z.'-]*)?|[\u4e00-\u9fff]{2,4})$", re.I)
# Cantonese "except": "除咗Frank", "除咗佢之外", "除開Bob" (除咗 before a tag is an untag, read
# by the actions before this; here only what follows a list).
_EXCEPT_HK = lazy_pattern(
    r"^(?:除咗|除了|除开|除開)\s*(?P<x>.+?)\s*(?:之外|以外)?\s*"
    # "除了Alice和Dan都要", "除咗佢其他都要", "除了Bob以外全部"
    r"(?:(?:其他|其余|其餘|别的|別的|其他人|其他的)?(?:都要|全要|都可以|都得|全部|都留着|都留低))?"
    r"\s*(?:啦|喇|吧|la)?[。.!！]*$",
    re.I,
)
# "all of them except Alice and Dan", "everyone but Bob", "all except for Ivan", "keep all of
# them apart from Lily": the list, all but those named.
_EXCEPT_EN = lazy_pattern(
    r"^(?:(?:ok|okay|so|and|then|now|just)\s+)*(?:keep\s+|show\s+(?:me\s+)?|i\s+want\s+)?"
    r"(?:all(?:\s+of\s+(?:them|those|these))?|everyone|everybody|them\s+all|the\s+lot|"
    r"the\s+whole\s+list)\s+(?:except(?:\s+for)?|but(?:\s+not)?|minus|apart\s+from|besides|"
    r"other\s+than)\s+(?P<x>.+?)\s*(?:please|pls)?[.!]*$",
    re.I,
)


def name_words(rest: str) -> list[str] | None:
    """The names `rest` lists ("Bob和Alice", "Bob, Alice", "the Bob"), or None when it is
    empty or a part of it is."""
    words = [_NAME_EDGES.sub("", w).strip() for w in _NAME_SEP.split(rest.strip())]
    return words if words and all(words) else None


def named_matches(
    session: Session, ctx: CommandContext, requester: Requester, word: str
) -> list[tuple[str, str]]:
    """(external_userid, name) of the customers the member may see that `word` names exactly
    (their id, their name in any case or script, or a follow's remark)."""
    return find_visible(session, requester, now=ctx.now, ctx=ctx.engine, name=word, exact=True)


@dataclass(frozen=True)
class Drop:
    """Whom a message drops from the list, as said ("Bob和Alice", "佢"). `verb_first`: a drop
    verb came first ("去掉", "without"), so words that name no one get a reply; a loose form
    ("X不要了") counts only when X names customers ("算了不要了" names none)."""

    whom: str
    verb_first: bool


def dropped_words(text: str) -> Drop | None:
    """Whom `text` drops from the list, or None."""
    plain = normalize(text).strip()
    found = _EXCEPT_HK.match(plain) or _EXCEPT_EN.match(plain)
    if found is not None:
        return Drop(str(found["x"]), verb_first=True)
    follow = read_follow_up(text)
    if follow is not None:
        return Drop(follow.rest, verb_first=True) if follow.mode == WITHOUT else None
    # "Bob不要了", "Frank唔使", "leave Bob out", "Bob skip": only names (算了不要了 is none)
    loose = dropped(plain)
    again = read_follow_up(loose) if loose is not None else None
    if again is None or again.mode != WITHOUT:
        return None
    return Drop(again.rest, verb_first=False)


def dropped_by_name(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The list just shown without the customers `text` names; a question back when one is
    not on it or two of its rows have that name. None: `text` names no customer (its words
    are conditions, or it is no drop at all)."""
    drop = dropped_words(text)
    words = name_words(drop.whom) if drop is not None else None
    if drop is None or not words:
        return None
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    node, previous = found
    focus = _focus_customer(session, ctx, requester)
    matches = [
        ([focus] if focus else []) if _FOCUS.match(w) else named_matches(session, ctx, requester, w)
        for w in words
    ]
    if not all(matches):  # not (all) customers: "去掉上海的" is a condition
        if not drop.verb_first:
            return None
        return _neither(session, ctx, requester, drop.whom, words, matches, lang)
    members = set(segment_members(session, node, requester=requester, now=ctx.now, ctx=ctx.engine))
    chosen: list[tuple[str, str]] = []
    for word, candidates in zip(words, matches, strict=True):
        listed = [c for c in candidates if c[0] in members]
        if not listed:
            name = candidates[0][1] if len(candidates) == 1 else word
            return clarify(
                say("drop_not_listed", lang, name=name, description=previous.description)
            )
        if len(listed) > 1:
            return clarify(say("drop_which", lang, name=word, count=len(listed)))
        if listed[0] not in chosen:
            chosen.append(listed[0])
    return ask_again(session, ctx, requester, without_customers(node, chosen), previous, lang)


def _neither(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    rest: str,
    words: list[str],
    matches: list[list[tuple[str, str]]],
    lang: str,
) -> Answer | None:
    """ "去掉Frank" where Frank is no customer the member sees and no condition either: said
    so, in the same words whether such a customer exists out of their scope or not at all.
    None when the words read as conditions, or the parser has suggestions for them."""
    vocab = load_vocabulary(session, ctx.engine.named)
    reading = parse_command(
        rest, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    unknown = [w for w, found in zip(words, matches, strict=True) if not found]
    if not isinstance(reading, Clarification) or reading.suggestions:
        return None
    if not all(_NAME_LIKE.match(w) for w in unknown):
        return None  # "上海这个条件", "VIP标签从…身上": no name, read as it stands
    said = ("、" if lang == "zh" else ", ").join(unknown)
    return clarify(say("drop_unknown", lang, name=said))


def without_customers(node: Node, chosen: list[tuple[str, str]]) -> Node:
    """`node` AND NOT these customers; one more drop joins the ones already dropped ("不是
    Bob、Alice"), so the restatement names each once."""
    parts = list(node.children) if isinstance(node, And) else [node]
    for index, part in enumerate(parts):
        if isinstance(part, Not) and isinstance(part.child, NamedCustomers):
            before = part.child
            chosen = [*zip(before.ids, before.names, strict=True), *chosen]
            del parts[index]
            break
    ids = tuple(dict.fromkeys(eid for eid, _ in chosen))
    names = tuple(dict(chosen)[eid] for eid in ids)
    return And((*parts, Not(NamedCustomers(ids, names))))


def _focus_customer(
    session: Session, ctx: CommandContext, requester: Requester
) -> tuple[str, str] | None:
    """The customer whose card was shown last (over the list), if the member still sees them."""
    shown = conv.load(session, requester.userid, ctx.now).previous
    if shown is None or shown.kind != conv.CUSTOMER or not shown.customer:
        return None
    visible = named_matches(session, ctx, requester, shown.customer)
    return visible[0] if len(visible) == 1 else None
