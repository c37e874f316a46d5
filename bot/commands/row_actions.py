"""Rows of the list just shown, picked by their numbers for an action or a card (issue 19):
"第一個跟第三個幫我加高意向", "给第二个打上VIP", "tag the first and third 待跟进" after a list;
"第1个跟第3个打就行", "第一同第三個就得", "actually only the second one" while the card for
that list waits.

A row number means the row as the list showed it, so it is read only against the stored list
(paging.last_list) — and on a card only when that list is the card's own segment. Rows past
the end are said so, never guessed. The customers picked are re-checked for the asker's scope
like any page, and nothing runs before the card is confirmed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.paging import expired, last_list, still_visible
from bot.commands.parse_alone import parse_alone
from bot.commands.texts import say
from bot.commands.texts_cards import say_card
from bot.models.confirmations import PendingAction
from bot.services.answer import Action as ActionDetails
from bot.services.answer import Answer, SegmentAnswer
from bot.services.query import clarify, scope_note
from segmentation.models import Customer, Tag
from segmentation.nlq import Command
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.numbers import parse_chinese_numeral
from segmentation.nodes import All, SegmentFormatError, canonical, from_json, to_json
from segmentation.scope import Requester
from segmentation.text import normalize

_ORDINALS_EN = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_ROW_ZH = r"第\s*(?:\d{1,2}|[一二两兩三四五六七八九十]{1,2})\s*(?:个|個|位|名|号|號|条|條)?"
_ROW_EN = (
    r"(?<![a-z])(?:the\s+)?(?:" + "|".join(_ORDINALS_EN) + r"|\d{1,2}(?:st|nd|rd|th)|"
    r"(?:number|no\.?|#)\s*\d{1,2})(?![a-z])(?:\s*(?:one|ones|customer|customers|person|row)(?![a-z]))?"
)
_ROW = rf"(?:{_ROW_ZH}|{_ROW_EN})"
_JOIN = r"\s*(?:跟|和|同|与|與|及|以及|还有|還有|加|、|,|，|&|\+|and|plus)\s*"
# A later row said by its number alone, 第 said once for all: 第一、三个, 第1和3个, 第一同三個,
# "number 1 and 3" — only where a row word, a verb or the end follows, never a count ("三天").
_BARE = (
    r"(?:\d{1,2}|[一二两兩三四五六七八九十]{1,2})(?=\s*(?:个|個|位|名|号|號|条|條|打|加|发|發|给|給|"
    r"系|係|是|在|买|買|去|贴|貼|标|標|的|嘅|,|，|、|$)|\s+[a-z])(?:\s*(?:个|個|位|名|号|號|条|條))?"
)
# One row, or several joined: 第一個跟第三個, "the first and the third one", 第1、第3个, 第一第三个
_ROWS = lazy_pattern(
    rf"{_ROW}(?:(?:{_JOIN}|(?=第)){_ROW}|{_JOIN}{_BARE})*(?:\s*(?:的|嘅)?\s*(?:客户|客戶|客人|客))?",
    re.I,
)
_ONE = lazy_pattern(rf"{_ROW}|{_BARE}", re.I)
_NUMBER = lazy_pattern(r"\d{1,2}|[一二两兩三四五六七八九十]{1,2}|" + "|".join(_ORDINALS_EN), re.I)
# What may stand around the rows when they are all a card's change says: "只要…", "…打就行",
# "actually only …", "just … please".
_KEEP_ONLY = lazy_pattern(
    r"^(?:(?:actually|sorry|no|ok|okay|hmm|嗯|噢|哦|咁|那|那就|不如|其实|其實)[\s,，]*)*"
    r"(?:只要|只给|只給|只发|只發|只打|只|淨係|净系|淨系|净係|得|just|only|keep)?\s*"
    r"(?:(?:给|給|畀|俾|帮|幫|to)\s*)?□\s*"
    r"(?:就|才|先)?\s*(?:打|发|發|加|tag|send)?\s*"
    r"(?:就行|就好|就得|就可以|就够了?|就夠了?|得喇|得啦|得了|就ok|ok|吧|啦|喇|囉|then|please|pls|"
    r"only|just|is enough|will do|is fine)?[\s。.!！]*$",
    re.I,
)
_PLACE = "□"

# What may stand around the rows when they are all a card's change says and it takes them off
# ("第1和第3个不要", "第二個唔要", "把第二个去掉", "除咗第一個", "drop #1 and #4", "第1和第2个
# remove 掉", "leave the 2nd out", "everyone but the first"): the other customers stay.
_PARTICLES = r"(?:了|吧|啦|喇|咯|嘞|la|喔|哦|啊|呀|吖|嘛|先|哈|就好|就得|就行|得喇|得啦)*"
_OFF_ZH = (
    r"(?:不要|不用|不需要|不必|唔要|唔使|唔需要|唔好|别|別|免了|省了|除外|剔走|剔除|踢走|踢掉|拿走|拿掉|"
    r"去掉|去除|删掉|删走|删除|移除|排除|划掉|扣掉|扣除|跳过|略过|唔计|不算|走|"
    r"(?:remove|drop|delete|skip|cut|kick|exclude)\s*(?:掉|咗|走|佢|了)?)"
)
_DROP_ROWS = lazy_pattern(
    r"^(?:(?:actually|sorry|ok|okay|hmm|嗯|噢|哦|咁|那|那就|不如|其实|其實|还有|仲有|再)[\s,，]*)*"
    # 把□去掉 / 将□剔除 / □不要 / □就唔使喇 / □唔好加 / □也不要打
    rf"(?:(?:把|将|將|幫我|帮我)\s*)?□\s*(?:(?:的|嘅)?(?:客户|客戶|客人|客))?\s*(?:就|也|都|先|亦)?\s*"
    rf"(?:{_OFF_ZH}(?:再)?(?:打|发|發|加|贴|貼|标|標|tag|send)?|(?:不|唔)(?:要|用|使|好)?(?:打|加|发|發|贴|貼|标|標))"
    rf"(?:佢|他|她)?{_PARTICLES}[\s。.!！]*$|"
    # 不要□ / 去掉□ / 除咗□ / 除了□(其他)都打 / 唔要□
    rf"^(?:(?:那|那就|咁|不如|再)[\s,，]*)?(?:不要|唔要|去掉|去除|拿掉|删掉|删除|移除|剔除|排除|扣掉|跳过|除咗|除了|除开|"
    rf"除開|唔计|不计|唔好(?:打|加|发|發|贴|貼)?|不用(?:打|加|发|發|贴|貼)?|别(?:打|加|发|發|贴|貼)?)\s*□"
    rf"(?:\s*(?:的|嘅)?(?:客户|客戶|客人|客))?\s*(?:(?:以外|之外)?(?:其他|其余|其餘|其他人)?(?:的|嘅)?(?:都|就|全部)?"
    rf"(?:打|发|發|加|贴|貼|要|得|ok|可以)?)?{_PARTICLES}[\s。.!！]*$|"
    # English: drop □ / remove □ / take out □ / leave □ out / □ can go / everyone but □
    r"^(?:(?:actually|sorry|ok|okay|hmm|and|then|also|so|please|pls)[\s,]*)*"
    r"(?:(?:drop|remove|skip|exclude|cut|lose|delete|strike|untick|uncheck|take\s+(?:out|off)|"
    r"leave\s+out|cross\s+(?:out|off)|knock\s+off|without|minus|not|no|everyone\s+(?:but|except)|"
    r"all\s+but|all\s+except|everybody\s+(?:but|except)|except(?:\s+for)?)\s+□|"
    r"(?:take|leave|cross|cut|knock|strike)\s+□\s+(?:out|off)|"
    r"□\s*(?:(?:can|could|should)\s+go|(?:is|are)\s+out|out|(?:can|could|should)\s+be\s+"
    r"(?:dropped|removed|skipped|left\s+out)|not\s+needed|(?:remove|drop|skip)(?:\s*掉)?))"
    r"(?:\s+(?:from\s+(?:it|the\s+card|the\s+list|this|that)|too|as\s+well|please|pls|thanks))*"
    r"[\s.!。！]*$",
    re.I,
)


@dataclass(frozen=True)
class RowsSaid:
    numbers: tuple[int, ...]
    rest: str  # the message with the rows as one placeholder


def drops_said_rows(said: RowsSaid) -> bool:
    """Whether all the rest of the message takes the rows said off ("□不要", "除了□", "drop □")."""
    return _DROP_ROWS.match(said.rest.strip()) is not None


def rows_said(text: str) -> RowsSaid | None:
    """The row numbers `text` picks, in order, and the rest of it; None when it names none
    or names them more than once."""
    plain = normalize(text)
    found = list(_ROWS.finditer(plain))
    if len(found) != 1:
        return None
    numbers = tuple(_number(m.group()) for m in _ONE.finditer(found[0].group()))
    if not numbers or any(n < 1 for n in numbers) or len(set(numbers)) != len(numbers):
        return None
    rest = plain[: found[0].start()] + _PLACE + plain[found[0].end() :]
    return RowsSaid(numbers, rest)


def _number(row: str) -> int:
    said = _NUMBER.search(row)
    if said is None:
        return 0
    word = said.group().lower()
    if word.isdigit():
        return int(word)
    return _ORDINALS_EN.get(word) or parse_chinese_numeral(word) or 0


def rows_kept_on_card(
    session: Session, ctx: CommandContext, requester: Requester, action: PendingAction, text: str
) -> list[str] | Answer | None:
    """The customers of the rows `text` keeps on the card for the list just shown ("第1个跟
    第3个打就行"); a question back when a row is past the list; None when it keeps no rows."""
    said = rows_said(text)
    if said is None or not _KEEP_ONLY.match(said.rest):
        return None
    shown = shown_rows(session, ctx, requester.userid, action.segment)
    if shown is None:
        return None
    return _picked(session, requester, shown, said.numbers, action.language)


@dataclass(frozen=True)
class RowsDropped:
    """Rows a card's change takes off: their customers, and the rows of the list they were
    numbered in (the rest of the card keeps that list's order)."""

    customers: tuple[str, ...]
    shown: tuple[str, ...]


def rows_dropped_from_card(
    session: Session, ctx: CommandContext, requester: Requester, action: PendingAction, text: str
) -> RowsDropped | Answer | None:
    """The customers of the rows `text` takes off the card ("第1和第3个不要", "drop #2") for
    the list just shown; a question back when a row is past the list, or when the card has
    no numbered list behind it; None when `text` takes no rows off."""
    said = rows_said(text)
    if said is None or not _DROP_ROWS.match(said.rest.strip()):
        return None
    shown = card_list_rows(session, ctx, requester.userid, action)
    if not shown:
        return clarify(say_card("card_rows_unnumbered", action.language))
    lang = action.language
    past = [n for n in said.numbers if n > len(shown)]
    if past:  # never a guess which one was meant
        return clarify(say_card("card_rows_past", lang, count=len(shown), number=past[0]))
    return RowsDropped(tuple(shown[n - 1] for n in said.numbers), tuple(shown))


def card_list_rows(
    session: Session, ctx: CommandContext, userid: str, action: PendingAction
) -> list[str] | None:
    """The rows of the list just shown that a card's numbers count in: the list of the card's
    own segment, or — for a card already changed to customers named one by one — the list
    they were all picked from."""
    named = action.details.get("customers")
    if not isinstance(named, list):
        return shown_rows(session, ctx, userid, action.segment)
    state = last_list(session, userid)
    if state is None or expired(state, ctx.now):
        return None
    rows = [str(c) for c in (state.customers or [])[: state.shown]]
    return rows if named and set(map(str, named)) <= set(rows) else None


def row_action_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """An action on rows of the list just shown ("给第二个打上VIP", "tag the first and third
    待跟进"): its card for those customers; None when `text` is no action on rows."""
    said = rows_said(text)
    if said is None:
        return None
    previous = conv.load(session, requester.userid, ctx.now).previous
    if previous is not None:  # a row's card just shown ("第二个是哪个城市的"): its list
        previous = previous.with_list()
    if previous is None or previous.kind != conv.LIST or previous.intent != "list":
        return None
    command = _action_on(session, ctx, requester.userid, said.rest, lang)
    if command is None:
        return None
    if command.segment is not None or not command.details.get("segment_from_context"):
        return None
    shown = shown_rows(session, ctx, requester.userid, previous.segment)
    if shown is None:
        return None
    picked = _picked(session, requester, shown, said.numbers, lang)
    if not isinstance(picked, list):
        return picked
    details = {k: v for k, v in command.details.items() if k != "segment_from_context"}
    if isinstance(details.get("tag"), str):  # read lower case: the tag as the company has it
        details["tag"] = _stored_tag(session, details["tag"])
    names = row_names(session, picked, lang)
    description = say("only_named", lang, description=previous.description, names=names)
    return SegmentAnswer(
        intent=command.intent,
        segment=All(),
        description=description,
        customers=tuple(picked),
        action=ActionDetails.of(details | {"customers": picked}),
        needs_confirmation=True,
        scope_note=scope_note(All(), requester, lang),
        named=tuple(picked),
    )


# The actions a card is made for; an export or a save of two rows is no card.
_ON_ROWS = ("tag", "untag", "push")


def _action_on(
    session: Session, ctx: CommandContext, userid: str, rest: str, lang: str
) -> Command | None:
    """The action `rest` asks for the rows in its placeholder, said as "them"; rows said
    first and then a verb ("第一個跟第三個加上高意向") are who gets it ("给他们加上高意向"):
    customers picked by number are no segment that a tag's customers could be added to."""
    pronouns = ["them"] if lang == "en" else ["他们"]
    if lang != "en" and rest.startswith(_PLACE):
        pronouns.append("给他们")
    for pronoun in pronouns:
        command = parse_alone(session, ctx, userid, rest.replace(_PLACE, pronoun))
        if isinstance(command, Command) and command.intent in _ON_ROWS:
            return command
    return None


def shown_rows(
    session: Session, ctx: CommandContext, userid: str, segment: object
) -> list[str] | None:
    """The rows of the stored list, when it is the list of `segment` and not too old."""
    state = last_list(session, userid)
    if state is None or expired(state, ctx.now) or not state.segment or not segment:
        return None
    try:
        same = _canonical(state.segment) == _canonical(segment)
    except SegmentFormatError:
        return None
    return [str(c) for c in (state.customers or [])[: state.shown]] if same else None


def _canonical(data: object) -> str:
    node = from_json(data if isinstance(data, dict) else {})
    return str(to_json(canonical(node)))


def _picked(
    session: Session, requester: Requester, shown: list[str], numbers: tuple[int, ...], lang: str
) -> list[str] | Answer:
    if max(numbers) > len(shown):
        return clarify(say_card("pick_out_of_range", lang, count=len(shown)))
    return picked_rows(session, requester, shown, numbers)


def picked_rows(
    session: Session, requester: Requester, shown: list[str], numbers: tuple[int, ...]
) -> list[str]:
    """The customers of rows `numbers` (all within `shown`) the asker may still see."""
    return still_visible(session, requester, [shown[n - 1] for n in numbers])


def with_rows_as(said: RowsSaid, word: str) -> str:
    """The message with `word` where its rows were said ("她系咩标签")."""
    return said.rest.replace(_PLACE, word)


def _stored_tag(session: Session, said: str) -> str:
    """The company's tag `said` names, as stored ("vip" → "VIP"); `said` when none is."""
    wanted = normalize(said)
    names = session.scalars(select(Tag.name)).all()
    return next((name for name in names if normalize(name) == wanted), said)


def row_names(session: Session, ids: list[str], lang: str) -> str:
    """The customers' names, joined as the language lists them."""
    rows = session.execute(
        select(Customer.external_userid, Customer.name).where(Customer.external_userid.in_(ids))
    ).all()
    names = {eid: name for eid, name in rows}
    return ("、" if lang == "zh" else ", ").join(names.get(eid) or eid for eid in ids)
