"""Picking from a question back: "您是指 1.高意向 2.高雄 吗？" answered with "1", "第一个",
"高意向", "the first one", "#2", or "是/yes" when there was one suggestion.

The pick answers the original question with the chosen suggestion in place of the phrase
that was asked about; so does a value given alone ("唇釉" after "没有找到商品“口红”",
"Shanghai" after "Did you mean 上海?": value_answer.py). Anything else is a new question, and
the question back is forgotten either way (it is only ever about the message just before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.orm import Session

from bot.commands import CommandContext, Reply
from bot.commands import conversation as conv
from bot.commands.content_reply import completed, customer_words, missing_part
from bot.commands.drop_asked import without_asked
from bot.commands.paging import expired, last_list
from bot.commands.parse_alone import parse_alone
from bot.commands.period_picks import (
    answers_period,
    drops_the_window,
    given_period,
    is_window_word,
    with_period,
    without_window,
)
from bot.commands.replies import clarify
from bot.commands.row_actions import rows_said
from bot.commands.said_tokens import readable_tokens
from bot.commands.texts import say
from bot.commands.value_answer import value_answer
from bot.services.answer import Answer, CardAnswer, ClarifyAnswer
from bot.services.query import look_up_name
from segmentation.nlq import Clarification, Command
from segmentation.nlq.backref import STEP, read_back_reference
from segmentation.nlq.correction import read_correction
from segmentation.nlq.followup import NO, YES, read_follow_up, read_pick
from segmentation.nlq.one_customer import asks_about_customer, asks_card_fact
from segmentation.nlq.period_reply import is_time_question
from segmentation.nlq.rank_pick import read_ranked_pick
from segmentation.nlq.token_kinds import K
from segmentation.nodes import Ranked, SegmentFormatError, from_json, walk
from segmentation.text import language_of, normalize

_QUOTE_MARKS = (("“", "”"), ('"', '"'), ("「", "」"), ("『", "』"))
_QUOTED = re.compile(r"[“「『\"]([^”」』\"]+)[”」』\"]")


@dataclass(frozen=True)
class Picked:
    """The original question with the choice substituted, to be answered as if typed."""

    text: str
    lang: str
    pending: conv.PendingQuestion
    index: int


def question_for(
    text: str, answer: Answer, lang: str, now: datetime
) -> conv.PendingQuestion | None:
    """The question back an answer asks, when it offers suggestions to pick from: numbered
    suggestions, or the customers of a card query that several match."""
    if isinstance(answer, CardAnswer):
        ids = tuple(m.external_userid for m in answer.matches)
        if answer.card is not None or len(ids) < 2:
            return None
        return conv.PendingQuestion(text, (), None, lang, now, conv.CARD, customers=ids)
    if not isinstance(answer, ClarifyAnswer):
        return None
    asked = answer
    suggestions = asked.suggestions[:3]
    part = None if suggestions else missing_part(text, asked.message, lang)
    if part is not None:  # "which coupon?": the coupon given next completes the action
        return conv.PendingQuestion(text, (), part, lang, now, conv.CONTENT)
    if not suggestions:  # "国庆 … which period?": a period given back answers it
        word = _asked_word(text, asked.message)
        # "上个月的流失风险客户" asked back about its window: "不限时间" answers it too.
        if is_time_question(word) or is_window_word(word, now):
            return conv.PendingQuestion(text, (), word, lang, now, conv.PERIOD)
        # "没有找到部门“业务三部”": no pick, but a correction ("我是说我们部门") answers it
        return None if word is None else conv.PendingQuestion(text, (), word, lang, now)
    if asked.earlier:  # "which earlier list?": picked as it is, then `then` asked of it
        offered = asked.earlier[: len(suggestions)]
        return conv.PendingQuestion(
            asked.then, suggestions, None, lang, now, conv.EARLIER, answers=offered
        )
    if asked.choices is not None and len(asked.choices) >= len(suggestions):
        # Each suggestion stands for a segment of its own ("which window?"): picked as it is.
        segments = asked.choices[: len(suggestions)]
        # `action`: the intent the question was asked with ("" repeats the previous one).
        return conv.PendingQuestion(
            text, suggestions, None, lang, now, conv.SWAP, asked.asked_intent, (), segments
        )
    word = _asked_word(text, asked.message)
    return conv.PendingQuestion(text, suggestions, word, lang, now)


def _corrected(pending: conv.PendingQuestion, text: str) -> str | None:
    """The original question with the correction `text` gives ("不对，是唇釉", "sorry I meant
    our department") in place of the word the question back was about — the question back
    is the question corrected; a pick said as a correction ("不对，是第二个") is a pick."""
    said = read_correction(text)
    if said is None or not pending.word or pending.kind not in (conv.SEGMENT, conv.PERIOD):
        return None
    choice = read_pick(said.value, pending.suggestions) if pending.suggestions else None
    if isinstance(choice, int):
        return substituted(pending, choice)
    if choice is not None:  # "不对，是的": no value
        return None
    return substituted(replace(pending, suggestions=(said.value,)), 0)


def _new_ranking_step(
    session: Session, ctx: CommandContext, userid: str, corrected: str, text: str
) -> bool:
    """Whether `text`, read as a correction of the word asked about, makes no question (the
    word put back gives nothing understood) while it says a step of a ranking on its own
    ("make it top 5", "change it to the bottom 3"): a new request about the answer shown."""
    if read_ranked_pick(text) is None:
        return False
    return isinstance(parse_alone(session, ctx, userid, corrected), Clarification)


def _asked_word(text: str, message: str) -> str | None:
    """The phrase of `text` the question back is about: the first one it quotes."""
    plain, norm = text, normalize(text)
    for quoted in _QUOTED.findall(message):
        if quoted in plain or normalize(quoted) in norm:
            return quoted
    # Empty quotes were asked about (tagged ""): the value given back goes inside them.
    empty = _EMPTY_QUOTES.search(text)
    return empty.group(0) if empty is not None else None


_EMPTY_QUOTES = re.compile(r"“\s*”|\"\s*\"|「\s*」|『\s*』")


def substituted(pending: conv.PendingQuestion, index: int) -> str:
    """`pending.original` with suggestion `index` in place of the phrase asked about (or the
    suggestion itself when the question back was about the whole message)."""
    choice = pending.suggestions[index]
    word = pending.word
    if not word:
        return choice
    quoted = _quoted_in(pending.original, word, choice)
    if quoted is not None:
        return quoted
    marked = _in_markup(pending.original, word, choice)
    if marked is not None:
        return marked
    if word in pending.original:
        return pending.original.replace(word, choice, 1)
    # "shanghia" as the question back quotes it, "Shanghia" as typed: the rest kept as typed
    # (a quoted message's case, its script)
    typed = re.search(re.escape(word), pending.original, re.I)
    if typed is not None:
        return pending.original[: typed.start()] + choice + pending.original[typed.end() :]
    norm = normalize(pending.original)
    return norm.replace(normalize(word), choice, 1) if normalize(word) in norm else choice


def _in_markup(original: str, word: str, choice: str) -> str | None:
    """ "<script>标签的客户" asked about “script”: the value takes the whole tag's place, its
    brackets too (and a closing tag of that name goes), so no "<" is left to ask about; an
    element ("打了<script>alert(1)</script>标签") is one name, so what it holds goes with it
    ("那就金卡": 打了金卡标签, never 金卡alert(1) asked about next)."""
    tag = re.compile(rf"<\s*/?\s*{re.escape(word)}\b[^<>]*>", re.I)
    found = tag.search(original)
    if found is None:  # "tagged <i>gold</i>" asked about “gold”: the element it is inside
        held = re.compile(rf"<\s*(\w+)\b[^<>]*>[^<>]*?{re.escape(word)}[^<>]*?<\s*/\s*\1\s*>", re.I)
        inside = held.search(original)
        if inside is None:
            return None
        return f"{original[: inside.start()]}{choice}{original[inside.end() :]}"
    closing = re.compile(rf"<\s*/\s*{re.escape(word)}\s*>", re.I)
    closed = closing.search(original, found.end())
    end = closed.end() if closed is not None else found.end()
    rest = tag.sub("", original[end:])
    return f"{original[: found.start()]}{choice}{rest}"


def _quoted_in(original: str, word: str, choice: str) -> str | None:
    """“跟进名单”的客户 → “跟进名单”分群的客户: a choice that quotes the word takes the quoted
    word's place with its quote marks, never inside them (““跟进名单”分群”); as typed, or in
    normal form (導出“跟進名單”)."""
    if f"“{word}”" not in choice and f"“{normalize(word)}”" not in choice:
        return None
    for text, said in ((original, word), (normalize(original), normalize(word))):
        for left, right in _QUOTE_MARKS:
            if f"{left}{said}{right}" in text:
                return text.replace(f"{left}{said}{right}", choice, 1)
    return None


_ORDINALS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "top": 1,  # "what did the top one buy": the first row
}
_PICK = re.compile(
    r"^(?:选|选择|要|是|就是|pick|choose|number|no\.?|#)?\s*(?:第)?\s*(?P<n>\d{1,2}|[一二两三四五六七八九十])"
    r"\s*(?:个|位|号|项)?(?:吧|的)?$|^(?:the )?(?:(?P<w>first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth)|(?P<d>\d{1,2})(?:st|nd|rd|th))(?: one)?$"
)


def card_number(text: str) -> int | None:
    """The number `text` picks from a numbered list of customers ("2", "第二个", "the
    first one", up to 10), or None."""
    match = _PICK.match(normalize(text).strip(" 。.!！?？"))
    if match is None:
        return None
    raw = match.group("n") or match.group("d") or match.group("w")
    return int(raw) if raw.isdigit() else _ORDINALS.get(raw)


# A row of the list just shown, by its number: "第2个客户的情况", "看看第一个", "3号", "2",
# "show me the second one", "number 3's profile" (normalised: simplified, lower case). The
# number is the row's number in the list, over all its pages.
_CARD_WORDS = (
    r"(?:情况|状况|状态|资料|档案|信息|详情|近况|订单|消费情况|消费记录|购买记录|画像|卡片|明细|"
    r"profile|info|details)"
)
# A Chinese ending after a row said in English, and a polite word after any row ("no. 2
# please", "第二个 pls"): they ask for the same card.
_ZH_CARD_TAIL = (
    r"(?:\s*(?:的|嘅)?\s*(?:客户|顾客|客人|客|人)?(?:的|嘅)?" + _CARD_WORDS + r"?(?:呢|吧|吗|呀)?)?"
)
_POLITE_TAIL = r"(?:\s*,?\s*(?:please|pls|plz|thanks|thx|唔该|谢谢|吧))?"
_ROW = re.compile(
    r"^(?:那|还有|然后|接着)?(?:请|帮我|麻烦)?(?:把|将)?(?:再)?(?:看看|看一下|看下|睇睇|睇下|查一下|查查|查下|打开|"
    r"点开|说说|介绍一下)?"
    # 排第二的那位: the row by its place in a ranking
    r"(?:(?:排(?:名)?(?:在)?)?第\s*(?P<a>\d{1,3}|[一二两三四五六七八九十])\s*(?:个|位|号|条|行|名)?"
    r"(?:(?:的|嘅)?(?:那|嗰)(?:个|位|名)?)?|"
    r"(?P<b>\d{1,3})\s*(?:个|位|号|条|行)?|"
    # the last row: 最后一个 / 最后那位 / 最尾嗰个 (HK) / 倒数第一个
    r"(?P<last>(?:最后|最尾|最底|倒数第一)(?:一|那|嗰|呢)?\s*(?:个|位|条|行))|"
    # counted from the end: 倒数第二个 / 倒數第3位 / 尾二嗰个 (HK: the second last)
    r"(?:倒数第|尾)\s*(?P<back>\d|[二两三四五六七八九十])\s*(?:嗰|那)?\s*(?:个|位|条|行))"
    # 第2位的客户资料: the people word after 的 as well as before it
    # (HK and Taiwan say 客 / 客人 for the customer: 第二個客嘅資料, 第二位客人的資料)
    r"(?:的|嘅)?(?:客户|顾客|客人|客|人)?(?:的|嘅)?"
    + _CARD_WORDS
    # the card fetched: 情况调出来, 资料拿出来, 档案发我
    + r"?(?:调出来|调出|拿出来|拉出来|给我看看|给我看|发给我|发我)?(?:呢|吧|吗|呀)?"
    + _POLITE_TAIL
    + "$|"
    r"^(?:(?:and|then|now|ok|okay|also|next)(?:,)? )?(?:(?:and|then|now) )?"
    r"(?:show me |open |tell me about |what about |how about |details (?:on|of|for) |"
    r"more (?:on|about) )?"
    r"(?:the )?(?:(?P<w>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"(?:last|final|bottom)(?= (?:one|customer|person|row)))|"
    r"(?:number |no\.? ?|#)(?P<c>\d{1,3})|(?P<d>\d{1,2})(?:st|nd|rd|th))"
    r"(?: one| customer| person| row)?(?:'s)?"
    r"(?: (?:profile|card|details|info|orders|history))?"
    # said in a Chinese frame: "the second one 的情况", "no.2 嘅資料", "2nd 客户的详情"
     + _ZH_CARD_TAIL + _POLITE_TAIL + "$"
)


# A row said first, then what about it: "第一位的资料给我看一下", "第一个 最近买了啥",
# "第2个是谁跟的" — the row stands where a pronoun would ("她最近买了啥"), so what follows
# is read as a question about one customer, which the card answers.
_ROW_FIRST = re.compile(
    r"^(?:那|还有|然后|接着)?(?:请|帮我|麻烦)?(?:把)?"
    # 排第二那位 / 排第一嘅嗰个: the row by its place, pointed at (排 only where that is said)
    r"(?:(?P<ranked>排(?:名)?(?:在)?)?第\s*(?P<a>\d{1,3}|[一二两三四五六七八九十])\s*"
    r"(?:(?:个|位|号|条|行|名)|(?=(?:的|嘅)?(?:那|嗰)\s*(?:个|位|名)))"
    r"(?:(?:的|嘅)?(?:那|嗰)\s*(?:个|位|名))?|"
    r"(?P<last>(?:最后|最尾|最底|倒数第一)(?:一|那|嗰|呢)?\s*(?:个|位|条|行)))(?:客户|顾客|客人|客|人)?"
    r"(?:的|嘅|个)?\s*(?P<rest>.+)$"
)
_SHOW_ME = re.compile(
    r"^(?:给我|俾我|畀我)?(?:看一下|看看|看下|睇下|睇睇|瞧瞧|show)?(?:吧|呢|啦|pls|please)?$"
)


# The row number that says "the last row shown" (最后一个, the last one), whatever its number.
LAST_ROW = -1


# Where the row is, said with it: "列表里3号", "名单上第二位", "上面第二个", "头先个list第二个"
# (HK), "the second one on the list", "number 2 from the list above". A row can only be of the
# list just shown, so the place says nothing more and goes; the row is then read as usual.
_LIST_PLACE = re.compile(
    r"(?:在|喺)?(?:(?:刚才|刚刚|头先|啱啱|上面|上边|上头|前面)(?:的|嘅|那个|那份|嗰个|嗰份|个|份)?)?"
    r"(?:列表|名单|清单|结果|list|表)(?:里面|里头|里|中|上|入面|度|内)?(?:的|嘅)?"
    r"(?=\s*(?:第|\d|最后|最尾|倒数))|"
    r"(?:上面|上边|刚才|刚刚|头先|啱啱)(?:的|嘅|个|嗰个)?(?=\s*(?:第|最后|最尾|倒数))|"
    r"\s+(?:on|in|from|of)\s+(?:the|that|this|your|my)\s+(?:list|results?|table)"
    r"(?:\s+(?:above|(?:you\s+)?(?:just\s+)?(?:showed|sent|gave)(?:\s+me)?))?(?=\s*(?:'s|$|\s))|"
    r"\s+(?:above|up\s+there)$"
)
# A row numbered in words or by its line: "number two", "no. three", "row 2", "line 3",
# "item #2", "entry 4" — said as "number 2", which the row pattern reads.
_EN_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_NUMBER_SAID = re.compile(
    r"\b(?:number|no\.?|row|line|item|entry)\s*#?\s*(?P<n>\d{1,3}|" + "|".join(_EN_NUMBERS) + r")\b"
)


def _row_said_plainly(said: str) -> str:
    """`said` with the list's place taken off and its row number in digits after "number"."""
    said = _LIST_PLACE.sub("", said).strip()
    return _NUMBER_SAID.sub(lambda m: "number " + str(_EN_NUMBERS.get(m["n"], m["n"])), said)


def row_number(text: str, *, ranking: bool = True) -> int | None:
    """The row `text` asks to see of the list just shown (1-based; below 0 from the end:
    LAST_ROW is the last, -2 the one before it), or None — also when it names several rows
    ("who owns the 2nd and the 4th": each row is answered, row_questions.py)."""
    several = rows_said(text)
    if several is not None and len(several.numbers) > 1:
        return None
    said = _row_said_plainly(normalize(text).strip(" 。.!！?？"))
    if ranking and re.match(r"^(?:把|将)?排", said) and not re.search(_CARD_WORDS, said):
        return None  # "排第一嘅嗰位" after a ranking: that one of it (ranked_pick), not a card
    match = _ROW.match(said) or _row_then_question(said)
    if match is None:
        return None
    said_as = match.groupdict()
    if said_as.get("last") or said_as.get("w") in ("last", "final", "bottom"):
        return LAST_ROW
    back = said_as.get("back")
    if back:  # 倒数第二个: -2, counted from the end of the rows shown
        return -(int(back) if back.isdigit() else (_ORDINALS.get(back) or 1))
    raw = said_as.get("a") or said_as.get("b") or said_as.get("c") or said_as.get("d") or ""
    raw = raw or said_as.get("d2") or said_as.get("w") or said_as.get("w2") or ""
    raw = raw or said_as.get("w3") or ""
    return int(raw) if raw.isdigit() else _ORDINALS.get(raw)


# In English: "the third one's tags", "what about the 2nd one's owner", "the first one's phone?"
_ROW_FIRST_EN = re.compile(
    r"^(?:(?:and|then|now|ok|okay|so)[, ]+)*(?:what about |how about |and )?(?:the )?"
    r"(?:(?P<w>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)|"
    r"(?P<d>\d{1,2})(?:st|nd|rd|th))(?: one| customer| person| guy)?'s\s+(?P<rest>.+)$"
)


# In English, the row where a pronoun would stand in a question: "what did the second one
# buy", "who owns the first one", "which city is the 3rd customer in", "when did number 2 last
# order", "is the last one a VIP" — read as that question about her.
_ROW_INSIDE_EN = re.compile(
    r"\b(?:the\s+)?(?:(?P<w>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"last|final|bottom)|(?P<d>\d{1,2})(?:st|nd|rd|th))(?:\s+(?:one|customer|client|person|guy|"
    r"girl|lady|row|entry))(?=\s|[?.!,:;]|$)|"
    # the top one: the first row ("the top customer" is left to the rankings)
    r"\b(?:the\s+)?(?P<w3>top)\s+one(?=\s|[?.!,:;]|$)|"
    r"\bthe\s+(?:(?P<w2>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)|"
    r"(?P<d2>\d{1,2})(?:st|nd|rd|th))(?=\s*[?.!]*$)|"
    r"\b(?:number\s+|no\.?\s*|#)(?P<c>\d{1,3})\b"
)
_ROW_AS_PRONOUN = re.compile(r"^(?:(?:and|then|now|ok|okay|so)[, ]+)*(?P<q>.+)$")


def _row_inside_question(said: str) -> re.Match[str] | None:
    """ "what did the second one buy": the row, when what is said around it, the row as
    "she", is a question about one customer ("what did she buy")."""
    found = _ROW_INSIDE_EN.search(said)
    if found is None or _ROW_INSIDE_EN.search(said, found.end()) is not None:
        return None  # no row, or two rows said: never a guess which
    before, after = said[: found.start()], said[found.end() :]
    question = _ROW_AS_PRONOUN.match(before + "she" + after)
    if question is not None and asks_about_customer(question["q"].strip()):
        return found
    # "the 2nd one, what did she buy?": the row said first, then the question with a pronoun
    alone = _ROW_AS_PRONOUN.match(before + "x")
    # (a dash too: "the second one — what did he buy?")
    said_first = alone is not None and alone["q"] == "x" and re.match(r"^\s*[,:;\-—–]", after)
    if said_first and asks_about_customer(after.lstrip(" ,:;-—–")):
        return found
    return None


def _row_then_question(said: str) -> re.Match[str] | None:
    english = _ROW_FIRST_EN.match(said)
    if english is not None:  # "the third one's tags": her tags
        rest = english["rest"].strip(" ?.!")
        asked = asks_card_fact(f"her {rest}") or asks_about_customer(f"what is her {rest}")
        return english if asked else None
    inside = _row_inside_question(said)
    if inside is not None:
        return inside
    match = _ROW_FIRST.match(said)
    if match is None:
        return None
    rest = re.sub(r"^(?:的|嘅)?" + _CARD_WORDS, "", match["rest"]).strip(" ,，")
    if _SHOW_ME.match(rest) or asks_about_customer("她" + rest):
        return match
    # the pronoun said again after the row: "第一个佢问咗咩", "第二位她买了什么"
    if re.match(r"^(?:他|她|佢|ta)(?!们|哋)", rest) and asks_about_customer(rest):
        return match
    return None


def _no_choice_numbered(pending: conv.PendingQuestion, text: str) -> bool:
    """Whether no choice of the question back is the one `text` numbers (it has none, or
    fewer than that number)."""
    if not pending.suggestions:
        return True
    number = row_number(text)
    return number is not None and number > len(pending.suggestions)


def _row_of_list(
    session: Session,
    ctx: CommandContext,
    userid: str,
    text: str,
    previous: conv.PreviousAnswer | None,
) -> Picked | list[Reply] | None:
    """ "第2个客户的情况" right after a list: that row's customer, picked like a card pick
    (the same re-check of the asker's scope, the same question when out of range). Only the
    rows already shown can be meant; after a count or a table there are none, and after a
    list of nobody that is said ("第一个" then: no row to pick)."""
    if previous is None or previous.kind not in (conv.LIST, conv.CHANGES):
        return None
    if previous.kind == conv.LIST and previous.intent != "list":
        return None
    # 排第二那位 after a list that ranks nobody: its second row
    number = row_number(text, ranking=_ranks(previous))
    if number is None:
        return None
    if previous.kind == conv.LIST and previous.count == 0:
        lang = language_of(text)
        return [Reply(userid, say("pick_from_nobody", lang, description=previous.description))]
    state = last_list(session, userid)
    if state is None or expired(state, ctx.now):
        return None
    shown = tuple(str(c) for c in (state.customers or [])[: state.shown])
    if not shown:
        return None
    # "2" is answered in the list's language; the router answers "第二个" in Chinese.
    lang = previous.language
    pending = conv.PendingQuestion(text, (), None, lang, ctx.now, conv.CARD, customers=shown)
    # LAST_ROW is -1: a number below 0 counts from the end of the rows shown
    index = len(shown) + number if number < 0 else number - 1
    return Picked(text, lang, pending, index if index >= 0 else len(shown))


def _ranks(previous: conv.PreviousAnswer) -> bool:
    """Whether the answer shown is (or may be) a ranking, where 排第N is the ranking's own."""
    if previous.kind != conv.LIST or not isinstance(previous.segment, dict):
        return True
    try:
        node = from_json(previous.segment)
    except SegmentFormatError:
        return True
    return any(isinstance(part, Ranked) for part in walk(node))


_NUMBER = re.compile(r"^\s*[#＃]?\s*(\d{1,9})\s*$")


def _campaign_number(text: str, pending: conv.PendingQuestion) -> int | None:
    """ "#5" to a campaign question that listed #5: that campaign (its id, as listed)."""
    match = _NUMBER.match(text)
    if pending.kind != conv.CAMPAIGN or match is None:
        return None
    wanted = int(match[1])
    return pending.options.index(wanted) if wanted in pending.options else None


def read_reply(
    session: Session, ctx: CommandContext, userid: str, text: str
) -> Picked | list[Reply] | None:
    """A pick from the member's pending question back (then forgotten), a question asking
    which one when "是" answers several suggestions, or None: `text` is a new question."""
    state = conv.load(session, userid, ctx.now)
    pending = state.pending
    if pending is None:  # after a row's card, "第2个" is still a row of its list
        previous = state.previous.with_list() if state.previous is not None else None
        return _row_of_list(session, ctx, userid, text, previous)
    if pending.kind == conv.CARD:  # "1", "第二个", "the first one": a customer by number
        conv.forget_pending(session, userid, ctx.now)
        number = card_number(text)
        if number is None:
            return None
        return Picked(pending.original, pending.language, pending, number - 1)
    # "删掉的不用管" / "年龄先不管" / "forget the deleted ones": the question without that part
    dropped = without_asked(session, ctx, userid, pending, text)
    if dropped is not None:
        conv.forget_pending(session, userid, ctx.now)
        return Picked(dropped, pending.language, pending, 0)
    if (
        _looks_someone_up(session, ctx, text)
        or _asks_for_a_card(session, ctx, userid, text)
        or _steps_back(text, pending)
        or _LEAVES_IT.match(text.strip())  # "算了 看本周的": the question back is dropped
    ):
        # "搵Frank", "look up Frank", "Carol的情况": a customer asked for, a new request;
        # "回上一步", "undo": the question back is left unanswered and the answer before it
        # shown again (going_back.py)
        conv.forget_pending(session, userid, ctx.now)
        return None
    if answers_period(pending):  # "近3天" to "which period is 这两天?": the original with it
        period = given_period(session, ctx, text)
        if period is not None:
            conv.forget_pending(session, userid, ctx.now)
            asked = substituted(with_period(pending, period), 0)
            if _still_not_understood(session, ctx, userid, asked, pending.original):
                return None  # "看本周的" to "周末那两天呢?": a swap of its own, read as one
            return Picked(asked, pending.language, pending, 0)
    if pending.kind == conv.PERIOD and drops_the_window(text, pending):  # "不限时间吧"
        asked_without = without_window(pending)
        if asked_without is not None:
            conv.forget_pending(session, userid, ctx.now)
            return Picked(asked_without, pending.language, pending, 0)
    if pending.kind == conv.CONTENT:  # "50蚊" to "which coupon?": the action, completed
        conv.forget_pending(session, userid, ctx.now)
        whom = customer_words(session, ctx, userid)
        whole = completed(pending.original, str(pending.word), text, whom)
        return None if whole is None else Picked(whole, pending.language, pending, 0)
    corrected = _corrected(pending, text)
    if corrected is not None and _new_ranking_step(session, ctx, userid, corrected, text):
        corrected = None  # "make it top 5": a step of the ranking shown, not the word again
    if corrected is not None:  # "sorry 是唇釉", "我是说我们部门": the word asked about, said again
        conv.forget_pending(session, userid, ctx.now)
        return Picked(corrected, pending.language, pending, 0)
    if pending.kind == conv.SEGMENT and _no_choice_numbered(pending, text):
        # "第二個嘅情況" after a question back about a word of the last message: the row of
        # the list still shown above it, never a value put in place of that word (a question
        # back with choices of its own — campaigns, windows — is answered by its number,
        # unless the number is past its choices: "第二個" to one suggestion is the row)
        previous = state.previous.with_list() if state.previous is not None else None
        row = _row_of_list(session, ctx, userid, text, previous)
        if row is not None:
            conv.forget_pending(session, userid, ctx.now)
            return row
    if pending.kind == conv.PERIOD or not pending.suggestions:
        # no suggestions to pick: a value alone answers it, anything else is a new question
        conv.forget_pending(session, userid, ctx.now)
        return _given_value(session, ctx, userid, pending, text)
    choice: int | str | None = _campaign_number(text, pending)
    if choice is None:
        choice = read_pick(text, pending.suggestions)
    if choice == YES and len(pending.suggestions) > 1:
        # "是" to "1.高意向 2.高雄": which one is still open, so ask it and keep waiting.
        message = say("pick_which", pending.language)
        return [Reply(userid, clarify(message, pending.suggestions, pending.language))]
    conv.forget_pending(session, userid, ctx.now)
    if choice == NO:  # "都不是": none of the suggestions, so ask for the question again
        return [Reply(userid, say("pick_none", pending.language))]
    if choice is None:  # "唇釉" to "口红? 1.护肤 2.彩妆": a value of its own in its place
        return _given_value(session, ctx, userid, pending, text)
    index = 0 if choice == YES else int(choice)
    return Picked(substituted(pending, index), pending.language, pending, index)


# Never mind the question back, and ask something else: "算了 看本周的", "唔使喇，睇返上個月",
# "forget it, show me this week".
_LEAVES_IT = re.compile(
    r"^(?:算了|算啦|算吧|唔使喇|唔使啦|唔使|不用了|不管了|never\s*mind|forget\s+(?:it|that))"
    r"[\s,，。.!！]+(?=\S)",
    re.I,
)


def _still_not_understood(
    session: Session, ctx: CommandContext, userid: str, asked: str, original: str
) -> bool:
    """Whether the question asked back was a follow-up ("周末那两天呢") that is still not
    understood with the period given in its place: the period is then a swap of its own."""
    if not isinstance(parse_alone(session, ctx, userid, asked), Clarification):
        return False
    follow = read_follow_up(asked)
    # "佢哋近一個月有冇落單": a question about the answer shown, understood with it
    if (
        follow is not None
        and follow.pointed
        and not follow.echo
        and not isinstance(parse_alone(session, ctx, userid, follow.rest), Clarification)
    ):
        return False
    said = original.strip().rstrip("?？。.!！ ")
    return (
        read_follow_up(original) is not None
        or said.endswith(("呢", "嘅呢"))
        or bool(re.match(r"^(?:and|what about|how about)\b", said, re.I))
    )


def _steps_back(text: str, pending: conv.PendingQuestion) -> bool:
    """Whether `text` goes a step back ("回上一步", "返去上一步", "退一步", "undo", "go back")
    rather than answering the question back: never a value put in place of the word asked
    about ("There is no tag “undo”"). A question about which earlier list keeps its own
    reading of "上一个" (the list before)."""
    if pending.kind == conv.EARLIER:
        return False
    reference = read_back_reference(text)
    return reference is not None and reference.position == STEP


def _looks_someone_up(session: Session, ctx: CommandContext, text: str) -> bool:
    """Whether `text` looks a customer up ("搵Frank", "咁睇下Ivan", "look up Frank") rather
    than answering the question back: a look-up word, then a name no tag, city, colleague
    or other known name is ("睇下上海" to "which place?" still gives 上海)."""
    name = look_up_name(text)
    if name is None:
        return False
    tokens = readable_tokens(session, ctx, name)
    if tokens is None:
        return False
    return not any(t.kind in (K.NAME, K.QUOTE) for t in tokens)


def _asks_for_a_card(session: Session, ctx: CommandContext, userid: str, text: str) -> bool:
    """Whether `text`, read alone, asks for one customer's card by name ("Carol的情况",
    "客户王静的资料", "tell me about Mike"): never a value for the word asked about."""
    parsed = parse_alone(session, ctx, userid, text)
    return isinstance(parsed, Command) and parsed.intent == "customer"


def _given_value(
    session: Session, ctx: CommandContext, userid: str, pending: conv.PendingQuestion, text: str
) -> Picked | None:
    """The original question with the value `text` gives in place of the word asked about
    ("唇釉" after "没有找到商品“口红”"), or None: `text` is a new question."""

    def put(value: str) -> str:
        return substituted(replace(pending, suggestions=(value,)), 0)

    asked = value_answer(session, ctx, userid, pending, text, put)
    return None if asked is None else Picked(asked, pending.language, pending, 0)
