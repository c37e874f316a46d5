"""Tagging one customer named in the message: "给Alice打上VIP标签", "把王静标记为VIP",
"tag Alice as VIP", "remove the VIP tag from Alice".

The name is resolved as a customer card resolves it (bot.services.customer_card.find_visible:
the external_userid, an exact name or remark, then names and remarks containing it), only
among the customers the asker may see. One match: the same confirmation card as any tag
action, limited to that customer (re-checked when it is confirmed). Several: a numbered
question back, whose pick ("1", "第二个", "the first one") asks again with that customer.
None of them, or words that are a condition ("给上海的客户打上…"): not this path.
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.paging import expired, last_list, still_visible
from bot.commands.texts import say
from bot.commands.texts_cards import say_card
from bot.services.answer import Action, Answer, ClarifyAnswer, SegmentAnswer
from bot.services.customer_card import find_visible
from bot.services.query import scope_note
from segmentation.engine import segment_members
from segmentation.nlq import Command, load_vocabulary, parse_command
from segmentation.nlq.actions import find_action, find_schedule, tag_named_first
from segmentation.nlq.ask import Ask
from segmentation.nlq.one_customer import THAT_CUSTOMER_ZH
from segmentation.nlq.parser import typed_quotes
from segmentation.nodes import All, SegmentFormatError, from_json
from segmentation.scope import Requester
from segmentation.text import normalize

# "客户王静", "customer Alice": the word before the name says what it is.
_CUSTOMER_WORD = re.compile(r"^(?:客户|客戶|顾客|顧客|the customer|customer)\s*", re.IGNORECASE)
# A pick's choice: "王静（wm001）" — the name, then the external_userid it stands for.
_PICKED = re.compile(r"^(?P<name>.*?)[（(](?P<eid>[^()（）]+)[）)]$")
_PICKED_ID = re.compile(r"[（(](?P<eid>[^()（）\s]+)[）)]")
# How many same-named customers a question back lists.
MAX_CHOICES = 5
# The customer of the card just shown, by a pronoun or "this customer" (normalised: simplified,
# lower case): "给她打上VIP标签", "把這位客戶標記為VIP", "tag her as VIP".
_PRONOUN = re.compile(
    THAT_CUSTOMER_ZH + r"|him|her|he|she|this customer|that customer|the customer|"
    r"this client|that client|this one|that one|this person|that person|this guy|that guy"
)


def named_tag_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The tag (untag) action or the message/coupon push on the customer `text` names
    ("给她发一张满100减20的券" after her card), or the question which one; None when `text` is
    no such action on a named customer."""
    vocab = load_vocabulary(session, ctx.engine.named)
    said, quotes = normalize(text), typed_quotes(text)
    try:  # a send at a later time first ("明早9点给他发…"); the company's tags: "给她打个VIP"
        when = (ctx.now, ctx.settings.timezone)
        action = find_schedule(said, quotes, text, when) or find_action(
            said, quotes, text, vocab.tags
        )
    except Ask:  # a push asked back ("{name}" without one by one): not this path
        return None
    if action is None or action.intent not in ("tag", "untag", "push", "schedule"):
        return None
    if not action.segment_text:
        return None
    action = tag_named_first(action, vocab.tags)  # "untag Alice from VIP"
    assert action is not None and action.segment_text is not None
    parsed = parse_command(
        text, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    if isinstance(parsed, Command):
        return None  # a condition ("给上海的客户打上…") or "these": the usual path
    tag = str(action.details.get("tag") or "").strip()  # as typed (find_action keeps it)
    # A push (or a scheduled one: "每周五上午10点给她发消息…") carries its message, coupon and
    # schedule as parsed; a tagging its tag as typed.
    sends = action.intent in ("push", "schedule")
    what = Action.of(action.details) if sends else Action(tag=tag)
    words = _CUSTOMER_WORD.sub("", _as_typed(action.segment_text, text)).strip()
    picked = _PICKED.match(words)
    if picked:  # the id as typed: the normalised text is in lower case
        typed = _PICKED_ID.search(text)
        wanted = (typed["eid"] if typed else picked["eid"]).strip()
    else:
        wanted = words
    if not wanted or not (tag or sends):
        return None
    if is_pronoun(wanted):
        shown = card_shown(session, ctx, requester.userid) or only_one_listed(
            session, ctx, requester
        )
        if shown is None:  # "给她打上VIP标签" with no card just shown: never guess who
            return ClarifyAnswer(say_card("card_which_customer", lang), ())
        wanted = shown
    matches = find_visible(session, requester, now=ctx.now, ctx=ctx.engine, name=wanted)
    if not matches:
        return None  # not a customer either: the parser's own question back stands
    if len(matches) > 1:
        choices = tuple(f"{name}（{eid}）" for eid, name in matches[:MAX_CHOICES])
        question = say("tag_which_customer", lang, count=len(matches), name=words, tag=tag)
        return ClarifyAnswer(question, choices)
    eid, name = matches[0]
    description = say("named_customer", lang, name=name)
    return SegmentAnswer(
        intent=action.intent,
        segment=All(),
        description=description,
        customers=(eid,),
        action=what,
        needs_confirmation=True,
        scope_note=scope_note(All(), requester, lang),
        named=(eid,),
    )


def is_pronoun(words: str) -> bool:
    """Whether `words` name one customer by a pronoun or "this customer" (她, 佢, him, she)."""
    return _PRONOUN.fullmatch(normalize(words).strip()) is not None


def only_one_listed(session: Session, ctx: CommandContext, requester: Requester) -> str | None:
    """The external_userid of the one customer of the list just answered ("only the VIP" →
    1 Alice, then "send her a coupon"), evaluated again now in the asker's scope; None when
    the last answer was no list, or it has more or fewer than one customer."""
    previous = conv.load(session, requester.userid, ctx.now).previous
    if previous is not None and previous.kind == conv.CHANGES:
        return _only_one_changed(session, ctx, requester, previous)
    if previous is None or previous.kind != conv.LIST or not previous.has_segment:
        return None
    if previous.count is not None and previous.count != 1:
        return None
    try:
        node = from_json(previous.segment)
    except SegmentFormatError:
        return None
    members = segment_members(session, node, requester=requester, now=ctx.now, ctx=ctx.engine)
    return members[0] if len(members) == 1 else None


def _only_one_changed(
    session: Session, ctx: CommandContext, requester: Requester, previous: conv.PreviousAnswer
) -> str | None:
    """The one customer of the change list just answered ("今天新进入X的" → 1 Pia, then "给她
    发条消息"), still visible; None for more or fewer, a stale list, or the lost (gone from
    every follow: nobody can reach them)."""
    state = last_list(session, requester.userid)
    if previous.change == "lost" or state is None or expired(state, ctx.now):
        return None
    ids = still_visible(session, requester, [str(c) for c in state.customers or []])
    return ids[0] if len(ids) == 1 else None


def card_shown(session: Session, ctx: CommandContext, userid: str) -> str | None:
    """The external_userid of the customer whose card (or one-customer action) was the
    member's previous answer, or None."""
    previous = conv.load(session, userid, ctx.now).previous
    if previous is None or previous.kind != conv.CUSTOMER:
        return None
    return previous.customer


def _as_typed(words: str, original: str) -> str:
    """`words` (read from the normalised text) as the message spells them: a customer's
    name or id and a tag are looked up as written."""
    plain = words.strip()
    if not plain:
        return plain
    found = re.search(re.escape(plain), original, re.IGNORECASE)
    return found.group(0) if found else plain
