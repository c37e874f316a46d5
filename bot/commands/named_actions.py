"""Tagging one customer named in the message: "给Alice打上VIP标签", "把王静标记为VIP",
"tag Alice as VIP", "remove the VIP tag from Alice"; a message or coupon sent to them, or them
saved as a segment of their own ("把她存成分群 超级大客户", "save her as segment vip one").

A pronoun ("她", "佢", "這位", "her", "this customer") is the customer of the card just shown,
or the one customer of the list just answered; after a list of several it is asked back with
their names to pick from ("“她”是指哪一位？"), never guessed.

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
from bot.commands.rows import load_rows, segment_of
from bot.commands.texts import say
from bot.commands.texts_cards import say_card
from bot.services.answer import Action, Answer, ClarifyAnswer, SegmentAnswer
from bot.services.customer_card import find_visible
from bot.services.query import scope_note
from segmentation.engine import segment_members
from segmentation.kinds.customer_ids import NamedCustomers
from segmentation.nlq import Command, load_vocabulary, parse_command
from segmentation.nlq.actions import (
    find_action,
    find_schedule,
    tag_named_first,
    untag_of_a_real_tag,
)
from segmentation.nlq.ask import Ask
from segmentation.nlq.one_customer import THAT_CUSTOMER_ZH
from segmentation.nlq.parser import typed_quotes
from segmentation.nodes import All
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
# Whom it is done for before a 把 ("帮她把高意向拿掉", "同佢將VIP除咗") is that customer too.
_PRONOUN = re.compile(
    r"(?:帮|同|给|替|为|俾|畀)?"
    + THAT_CUSTOMER_ZH
    + r"|him|her|he|she|this customer|that customer|the customer|"
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
    if action is None or action.intent not in (*_ON_ONE, "save"):
        return None
    if not action.segment_text:
        return None
    action = tag_named_first(action, vocab.tags)  # "untag Alice from VIP"
    try:  # "把她的高意象标签去掉": no card for a tag nobody has; the close one is asked
        action = untag_of_a_real_tag(action, vocab.tags)
    except Ask as question:
        return ClarifyAnswer(question.message(lang), tuple(question.suggestions))
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
    saves = action.intent == "save"
    what = Action.of(action.details) if sends or saves else Action(tag=tag)
    words = _CUSTOMER_WORD.sub("", _as_typed(action.segment_text, text)).strip()
    picked = _PICKED.match(words)
    if picked:  # the id as typed: the normalised text is in lower case
        typed = _PICKED_ID.search(text)
        wanted = (typed["eid"] if typed else picked["eid"]).strip()
    else:
        wanted = words
    if not wanted or not (tag or sends or (saves and what.name)):
        return None
    if is_pronoun(wanted):
        shown = card_shown(session, ctx, requester.userid) or only_one_listed(
            session, ctx, requester
        )
        if shown is None:  # "给她打上VIP标签" with no card just shown: never guess who
            return _which_one(session, ctx, requester, words, lang)
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
    if saves:  # a segment of that one customer, by id: it stays them whatever they do next
        return _saved_one(requester, (eid, name), description, what, lang)
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


# The actions on the customers named (or pointed at) that a confirmation card shows first.
_ON_ONE = ("tag", "untag", "push", "schedule")


def _saved_one(
    requester: Requester, customer: tuple[str, str], description: str, what: Action, lang: str
) -> SegmentAnswer:
    """ "把她存成分群 X": a saved segment of exactly that customer (saving.py saves it)."""
    eid, name = customer
    segment = NamedCustomers((eid,), (name,))
    return SegmentAnswer(
        intent="save",
        segment=segment,
        description=description,
        customers=(eid,),
        action=what,
        scope_note=scope_note(segment, requester, lang),
    )


def _which_one(
    session: Session, ctx: CommandContext, requester: Requester, word: str, lang: str
) -> ClarifyAnswer:
    """The question back about a pronoun for one customer said when no one customer is in
    view: after a short list, its customers to pick from (the pick puts the chosen one in
    the pronoun's place, named_tag_answer reads it again); otherwise who, by name."""
    listed = _short_list(session, ctx, requester)
    if not listed:
        return ClarifyAnswer(say_card("card_which_customer", lang), ())
    choices = tuple(f"{name}（{eid}）" for eid, name in listed)
    return ClarifyAnswer(say("pronoun_which", lang, word=word, count=len(listed)), choices)


def _short_list(
    session: Session, ctx: CommandContext, requester: Requester
) -> list[tuple[str, str]]:
    """(external_userid, name) of the customers of the list just answered, in its order,
    when there are two to MAX_CHOICES of them the asker still sees; else none."""
    previous = conv.load(session, requester.userid, ctx.now).previous
    if previous is None or previous.kind != conv.LIST or not previous.has_segment:
        return []
    if previous.count is None or not 2 <= previous.count <= MAX_CHOICES:
        return []
    node = segment_of(previous.segment)
    if node is None:
        return []
    members = segment_members(session, node, requester=requester, now=ctx.now, ctx=ctx.engine)
    if not 2 <= len(members) <= MAX_CHOICES:
        return []
    state = last_list(session, requester.userid)
    stored = [str(c) for c in (state.customers or [])] if state is not None else []
    order = stored if set(stored) == set(members) else sorted(members)
    rows = load_rows(session, order, node, ctx=ctx.engine, lang="zh", now=ctx.now)
    names = {row.external_userid: row.name for row in rows}
    return [(eid, names.get(eid) or eid) for eid in order]


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
    node = segment_of(previous.segment)
    if node is None:
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
