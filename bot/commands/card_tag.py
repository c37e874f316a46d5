"""A tag pointed at instead of named, right after a customer's card (issue 19): "remove that
tag from her", "把她这个标签去掉", "將佢嗰個tag剷咗佢", "untag him from that label" is the
card's customer's tag — her only one. With several, which one is asked (her tags listed);
with none, that she has none is said. Never a guess, and never another customer's tag.

The sentence with the tag named ("remove the “高意向” tag from her") is then read as any
tagging of the card's customer by a pronoun is (named_actions), so the card it brings is
the same as if the tag had been said.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.named_actions import named_tag_answer
from bot.commands.paging import still_visible
from bot.commands.parse_alone import parse_alone
from bot.commands.pointed_tag import pointed_tag_word
from bot.commands.texts_cards import say_card
from bot.services.answer import Answer, ClarifyAnswer
from segmentation.models import Customer, CustomerTag, Tag
from segmentation.nlq import Clarification
from segmentation.scope import Requester

# Several customers said: the previous list's, which pointed_tag reads.
_ONE_ZH = re.compile(r"[他她佢](?![们們哋地])")
_ONE_EN = re.compile(r"\b(?:her|him)\b", re.I)
# Adding or removing, said: only a removal takes "that tag" off her.
_ADDS = re.compile(r"加|打|贴|貼|标上|標上|挂|掛|\b(?:add|put|give|tag)\b", re.I)
_REMOVES = re.compile(
    r"去掉|去除|删|刪|撤|拿掉|拿走|摘|撕|除|剷|铲|攞走|移除|取消|\b(?:remove|untag|take|drop|delete)\b",
    re.I,
)
_MANY = re.compile(r"他们|她们|他們|她們|佢哋|佢地|\b(?:them|these|those|they|everyone)\b", re.I)


def card_tag_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The untagging `text` asks of the card's customer with her one tag pointed at, the
    question back when she has several or none, or None when `text` is no such request."""
    pointer = pointed_tag_word(text)
    if pointer is None or _MANY.search(text):
        return None  # "remove that tag from them": the list's tag (pointed_tag), not hers
    if _ADDS.search(text) and not _REMOVES.search(text):
        return None  # "幫佢加個標籤": a tag to add (which one is asked), nothing taken off
    previous = conv.load(session, requester.userid, ctx.now).previous
    if previous is None or previous.kind != conv.CUSTOMER or not previous.customer:
        return None
    if not isinstance(parse_alone(session, ctx, requester.userid, text), Clarification):
        return None  # the sentence stands on its own: not ours to reread
    eid = str(previous.customer)
    if not still_visible(session, requester, [eid]):
        return None  # out of sight now: the ordinary path says so
    tags = tags_of(session, eid)
    asked = (previous.details or {}).get("asked_tag")
    if len(tags) > 1 and asked in tags:  # "她是VIP吗" just asked: that tag of hers
        tags = [asked]
    if len(tags) != 1:
        key = "card_tag_which" if tags else "card_tag_none"
        name = session.scalar(select(Customer.name).where(Customer.external_userid == eid))
        listed = ("、" if lang == "zh" else ", ").join(tags)
        asked = say_card(key, lang, name=name or eid, tags=listed, first=tags[0] if tags else "")
        return ClarifyAnswer(asked, ())
    rewritten = with_tag_named(text, pointer, tags[0])
    return named_tag_answer(session, ctx, requester, rewritten, lang)


def tags_of(session: Session, eid: str) -> list[str]:
    """The names of the tags on customer `eid`, in name order."""
    return list(
        session.scalars(
            select(Tag.name)
            .join(CustomerTag, CustomerTag.tag_id == Tag.tag_id)
            .where(CustomerTag.external_userid == eid)
            .order_by(Tag.name)
        ).all()
    )


def with_tag_named(text: str, pointer: str, tag: str) -> str:
    """`text` with the pointing words ("that tag", "这个标签") made the tag's own name, said
    the way the sentence's language says a named tag."""
    if pointer.isascii():
        named = text.replace(pointer, f"the “{tag}” tag", 1)
        # "remove that tag" right after her card: from her, said as the card's pronoun is
        return named if _ONE_EN.search(named) else f"{named.rstrip(' .!?')} from him"
    at = text.find(pointer)
    # "將佢嗰個tag剷咗佢": the pronoun is whose tag; with the pointer gone, 的 says so
    whose = "的" if at > 0 and text[at - 1] in "他她佢" else ""
    if not _ONE_ZH.search(text):  # "把这个标签去掉" right after her card: hers
        whose = "他的"
    return text.replace(pointer, f"{whose}“{tag}”标签", 1)
