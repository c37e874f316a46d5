"""The chat side of a telling before an act (segmentation/nlq/told_first.py):
"頭先打咗俾Alice，幫佢加待跟進" is "幫Alice加待跟進"; "她已经下过单了，把高意向去掉" after
Lily's card is "把她的高意向去掉"; "Alice還沒買過，拿掉她" on a coupon card is "拿掉Alice".

A name told is put in the act only when it is exactly one customer the asker sees (an exact
name or id); a telling naming nobody of theirs leaves the message as typed, so its own question
back stands. A pronoun told stays a pronoun: the chat reads it as it reads any (the card just
shown, or the one customer listed — else which one is asked).

Also, with nothing told: a tag taken off or put on with nobody said, right after one customer's
card ("把高意向去掉", "加高意向", "remove 高意向") is of that customer — the card shows one
customer, so "her" is all the act can mean; it is read as "把她的高意向去掉".
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.parse_alone import parse_alone
from bot.models.confirmations import PENDING
from bot.services.confirmations import latest_action
from bot.services.customer_card import find_visible
from segmentation.nlq import Clarification, load_vocabulary
from segmentation.nlq.actions import find_action, tag_named_first
from segmentation.nlq.ask import Ask
from segmentation.nlq.parser import typed_quotes
from segmentation.nlq.told_first import object_pronoun, read_told, with_her
from segmentation.scope import Requester
from segmentation.text import normalize


def told_dropped(session: Session, ctx: CommandContext, requester: Requester, text: str) -> str:
    """`text` as the act it asks for, without the telling before it; `text` itself when it
    tells nothing first (or an act with nobody said right after a card, said of her)."""
    told = read_told(text)
    if told is None:
        return _of_card_shown(session, ctx, requester, text)
    name = _one_customer(session, ctx, requester, told.names)
    if name is None and not told.pronoun:
        return text  # a telling naming nobody of theirs: asked as typed
    act = told.act
    if told.act_pronoun is not None:
        if name is None:
            return act  # 她已经下过单了，把她的高意向去掉: the pronoun the chat reads
        start, end = told.act_pronoun
        named = act[:start] + name + act[end:]
        tagging = _tagging(session, ctx, act)
        if tagging is None or _acts_on(session, ctx, named, name):
            return named  # 頭先打咗俾Alice，幫佢加待跟進 → 幫Alice加待跟進
        # "去掉她的VIP" reads of her, "去掉Alice的VIP" may narrow: said the plain way
        return _said_plainly(tagging, name, act.isascii())
    english = act.isascii()
    who = name or object_pronoun(told.pronoun, english)
    if _acts_on(session, ctx, act, None):
        return act  # the act names whom itself: "Alice還沒買過，拿掉Bob"
    said = with_her(act, who, lambda s: _acts_on(session, ctx, s, who))
    return said if said is not None else text


def _of_card_shown(session: Session, ctx: CommandContext, requester: Requester, text: str) -> str:
    """An act on nobody said right after one customer's card, said of her; else `text`."""
    previous = conv.load(session, requester.userid, ctx.now).previous
    if previous is None or previous.kind != conv.CUSTOMER or not previous.customer:
        return text
    waiting = latest_action(session, requester.userid)
    if waiting is not None and waiting.status == PENDING:
        return text  # a card waits: "加上Bob" adds to it (card_amend), never a tag “Bob”
    if _acts_on(session, ctx, text, None):
        return text
    if not isinstance(parse_alone(session, ctx, requester.userid, text), Clarification):
        return text  # understood on its own
    who = object_pronoun("her", text.isascii())
    said = with_her(text, who, lambda s: _acts_on(session, ctx, s, who))
    return said if said is not None else text


def _tagging(session: Session, ctx: CommandContext, said: str) -> tuple[str, str] | None:
    """(intent, tag) of the tagging or untagging `said` asks, or None."""
    vocab = load_vocabulary(session, ctx.engine.named)
    try:
        action = find_action(normalize(said), typed_quotes(said), said, vocab.tags)
    except Ask:
        return None
    if action is None or action.intent not in ("tag", "untag"):
        return None
    tag = str(action.details.get("tag") or "").strip().strip("“”")
    return (action.intent, tag) if tag else None


def _said_plainly(tagging: tuple[str, str], name: str, english: bool) -> str:
    """The tagging said the one way every reader reads of a customer named."""
    intent, tag = tagging
    if english:
        if intent == "tag":
            return f"tag {name} as “{tag}”"
        return f"remove the “{tag}” tag from {name}"
    if intent == "tag":
        return f"给{name}打上“{tag}”标签"
    return f"去掉{name}的“{tag}”标签"


def _one_customer(
    session: Session, ctx: CommandContext, requester: Requester, names: tuple[str, ...]
) -> str | None:
    """The first of `names` that is exactly one customer the asker sees, as typed."""
    for name in names:
        found = find_visible(session, requester, now=ctx.now, ctx=ctx.engine, name=name, exact=True)
        if len(found) == 1:
            return name
    return None


def _acts_on(session: Session, ctx: CommandContext, said: str, who: str | None) -> bool:
    """Whether `said` is a tag or untag of someone: of `who` alone when given, of anyone
    said (not nobody) when None."""
    vocab = load_vocabulary(session, ctx.engine.named)
    try:
        action = find_action(normalize(said), typed_quotes(said), said, vocab.tags)
        if action is not None:
            action = tag_named_first(action, vocab.tags)
    except Ask:
        return False
    if action is None or action.intent not in ("tag", "untag") or not action.segment_text:
        return False
    if who is None:
        return bool(action.segment_text.strip())
    # said of her by us: only a tag the company has ("加上Bob" names no tag)
    tag = normalize(str(action.details.get("tag") or "").strip("“”"))
    if tag not in vocab.tags:
        return False
    return normalize(action.segment_text).strip() == normalize(who).strip()
