"""The ones picked out of a ranking just shown (issue 19): "最多的那1个", "最少的那个",
"排第一的那位", "使錢最多嗰一個", "the top one", "the biggest spender", "the bottom two", and
the bare "那一个 / 嗰一個 / that one" that names no end of it.

This module only reads the words: which end of the ranking (None: not said), and how many
(1 when "that one" is said; None when only the end is — "那最少的呢", "最后的呢", "and the
bottom ones?": as many as the ranking showed, from that end). What they pick from — the
previous ranking, by its own measure and window — is the chat's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.numbers import parse_chinese_numeral

TOP = "top"
BOTTOM = "bottom"
OTHER = "other"  # "the other end", "另一头": the end the ranking did not show

_NUM_EN = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twenty": 20,
}  # fmt: skip
_PLURALS = ("ones", "spenders", "customers", "people", "guys")

# 其中 / 这些里: among the rows shown (a pick of them); the rest are fillers and "only".
_AMONG_ZH = r"其中|这些里|這些裡|这些里面|這些裡面|呢啲入面|佢哋入面|他们里|他們裡"
_LEAD_ZH = (
    rf"(?:那|那么|那麼|咁|噉|就|只要|就要|要|只看|只睇|淨係要|净系要|淨係睇|净系睇|淨係|净系|只|"
    # kept: 只留前两个, 保留前三名, 淨係留頭三個, 留低前兩個
    r"只留下?|只保留|保留|留下|留低|淨係留|净系留|只剩下?|剩返|"
    # made longer or shorter: 扩大到前5个, 擴闊到五個, 增加到5个, 加到前十, 缩小到前2个
    r"(?:扩大|扩展|扩阔|放阔|放宽|拉阔|增加|加|延长|缩小|缩减|减少|减|收窄|改|换|变|扩|擴|缩|縮)"
    r"(?:到|成|为|做)|"
    rf"(?P<among>{_AMONG_ZH})|再|看看|睇下|睇吓|看|睇)*"
)
_MEASURE_ZH = r"(?P<m>消费|消費|花钱|花錢|使钱|使錢|买得|買得|花得|spend|spending)?\s*"
_TOP_ZH = r"最多|最高|最大|排第一|排名第一|第一名|最厉害|最犀利|排头|排頭|排前面?|前面|头|頭|前"
_BOTTOM_ZH = (
    r"最少|最低|最小|排最后|排最後|最后一名|最後一名|排尾|包尾|倒数|倒數|排后面?|排後面?|"
    r"最后|最後|最尾|末尾|垫底|墊底|后面|後面|尾|"
    r"(?:后|後)(?=\s*(?:\d|[一两兩二三四五]))"  # 后三名, 後20%: never 后 alone (以后呢)
)
# Words of place in the list as shown (前两个, 頭三個, "the first 2"): its first rows, in its
# own order — after a bottom 3 listed lowest first, 只要前2个 is the two lowest.
_FIRST_ROWS = ("前", "头", "頭", "前面", "排前", "排前面", "排头", "排頭", "first")
# And its last rows (最后两名, 后两个, 倒数三个, "the last 2"): those rows shown, from the end —
# unless turned round ("反过来看后三名", "后两个呢": the other end of the same base).
_LAST_ROWS = lazy_pattern(
    r"^(?:最后|最後|排最后|排最後|最后一名|最後一名|最尾|末尾|排尾|包尾|倒数|倒數|后|後|尾|last|"
    r"排后|排後|排后面|排後面|后面|後面)$",
    re.I,
)
_THAT_ZH = r"(?:那|这|這|嗰|呢)"
# The plural that-word ("最少的那些", "最少嗰啲"): as many as were shown, from that end.
_THOSE_ZH = r"(?:那些|这些|這些|嗰啲|呢啲|那几个|那幾個|那几位|那幾位)"
# a count of rows: "前2名", "头三个", "改成前10名", "前二十位" (never 0, never a fourth digit)
_COUNT_ZH = r"(?P<n>\d{1,3}|[一两兩二三四五六七八九十]{1,3})"
# A share ("後20%呢", "bottom 20%"): the same ranking by share, from that end.
_PERCENT = r"(?P<pct>\d{1,2}(?:\.\d+)?|100)\s*%"
_UNIT_ZH = r"(?:个|個|位|名)"
_NOUN_ZH = r"(?:客户|客戶|顾客|顧客|客人|客|人)"
_ONE_ZH = rf"{_UNIT_ZH}{_NOUN_ZH}?"
_END_ZH = (
    r"(?:呢|吧|啊|呀|啦|喇|嘅|的)?"
    r"(?:资料|資料|情况|情況|是谁|是誰|係邊個|系边个|是哪个|是哪個|是哪些|係邊啲|有谁|有誰|係乜水)?"
    r"(?:就得|就好|就夠|就够|就行|就可以|得喇|就得喇)?(?:呢|啊|呀|啦|喇)?[?？。.!！]*"
)
_PICK_ZH = lazy_pattern(
    rf"^{_LEAD_ZH}\s*(?:{_MEASURE_ZH}(?:(?P<top>{_TOP_ZH})|(?P<bottom>{_BOTTOM_ZH}))(?:的|嘅)?)?\s*"
    rf"{_THAT_ZH}\s*{_COUNT_ZH}?\s*{_ONE_ZH}\s*{_END_ZH}$"
)
# An end said without "that": "最后两名", "倒数三个是谁", "那最少的呢", "最少嗰啲" — a count
# is said with its unit and without a customer noun ("消费最多的3个客户" asks anew).
_END_ONLY_ZH = lazy_pattern(
    rf"^{_LEAD_ZH}\s*{_MEASURE_ZH}(?:(?P<top>{_TOP_ZH})|(?P<bottom>{_BOTTOM_ZH}))(?:的|嘅)?\s*"
    rf"(?:(?P<those>{_THOSE_ZH})|{_PERCENT}|{_COUNT_ZH}\s*(?P<unit>{_UNIT_ZH}(?:人)?)?)?\s*{_END_ZH}$"
)
# A count said with no unit is a count only right after a word of place (改成前5, 要后3): after
# 最多 / 最少 a bare number is no count of rows ("最多3").
_PLACE_WITHOUT_UNIT = ("前", "后", "後", "头", "頭", "倒数", "倒數", "排前", "排后", "排後")

_NUMBER_EN = (
    r"(?:(?P<n>\d{1,3}(?![\d%])|one|two|three|four|five|six|seven|eight|nine|ten|twenty)\b)"
)
_TOP_EN = r"top|biggest|highest|largest|heaviest|best|number\s+one|no\.?\s*1|#1|first"
_BOTTOM_EN = r"bottom|lowest|smallest|least|last"
# What a flip is said about: it, the list, the ranking; Cantonese 佢 / 佢哋, 它, 个排名.
_IT_ZH = (
    r"(?:佢哋|佢地|佢|它们|它們|它|他们|他們|"
    r"(?:个|個|呢个|呢個|这个|這個)?(?:排名|排行|名单|名單|list))?"
)
# Fillers after a flip: 看看, 睇下, 一下, 啦, 吖, 先, 呢, please.
_FLIP_TAIL_ZH = r"(?:看看|看一下|看下|睇睇|睇下|睇吓|一下|下|再看|再睇|看|睇|先|(?i:please|pls))*"
_FLIP_ZH = (
    r"另一头|另一頭|另一端|反过来|反過來|倒过来|倒過來|调转|調轉|掉转|掉轉|反转|反轉|倒转|倒轉|"
    r"调返转|調返轉|掉返转|掉返轉|翻转|翻轉|颠倒|顛倒|(?i:flip|reverse)"
)
_OTHER = lazy_pattern(
    r"^(?:(?:and|so|ok|okay|then|now|what\s+about|how\s+about)\s+)*(?:the\s+)?other\s+end"
    r"(?:\s+then)?[?.!]*$|"
    # "flip it", "reverse that", "flip it around", "turn it upside down", "the other way round"
    r"^(?:(?:and|so|ok|okay|now|then|just|please|pls|can\s+you|could\s+you)\s+)*(?:flip|reverse|invert)"
    r"(?:\s+(?:it|that|this|them|the\s+(?:order|list|ranking)))?"
    r"(?:\s+(?:around|round|over|upside\s+down))?(?:\s+(?:please|pls|then))?[?.!]*$|"
    r"^(?:(?:and|so|ok|okay|now|then)\s+)*(?:(?:the\s+)?other\s+way\s+(?:round|around)|"
    r"turn\s+(?:it|that|this|them|the\s+(?:list|ranking))\s+(?:round|around|upside\s+down)|"
    r"upside\s+down|vice\s+versa)(?:\s+(?:please|pls|then))?[?.!]*$|"
    rf"^(?:那|咁|噉|再|好|帮我|幫我|(?i:now|then|ok|okay))?\s*(?:把|將|将)?{_IT_ZH}\s*(?:{_FLIP_ZH})\s*"
    rf"(?:(?:过来|過來|返|咗|嚟|黎|来|來)(?![排]))?\s*{_IT_ZH}\s*{_FLIP_TAIL_ZH}\s*(?:的|嘅)?"
    r"(?:呢|啊|呀|啦|喇|吖|吧|嘞)?[?？。.!！]*$",
    re.I,
)
# "from the bottom", "从后面数", "由尾開始", "倒着数": the same ranking counted from that end.
_FROM_END = lazy_pattern(
    r"^(?:(?:and|so|ok|okay|now|then|just|please)\s+)*(?:(?:start|count|rank\s+(?:it|them)|"
    r"go|look)\s+)?from\s+the\s+(?:(?P<top>top|highest|biggest)|(?P<bottom>bottom|lowest|"
    r"end|last|other\s+end))(?:\s+(?:up|instead|then|please))?[?.!]*$|"
    r"^(?:那|咁|噉|再|改|改成|换成|換成)?\s*(?:(?P<ztop>从头|從頭|由头|由頭|从前面|從前面|由前面)|"
    r"(?P<zbottom>从后面|從後面|由后面|由後面|从尾|從尾|由尾|从最后|從最後|由最后|由最後|从后往前|"
    r"從後往前|倒着|倒著|倒住))\s*(?:数|數|排|开始|開始|起|计|計|睇|看)*\s*(?:数|數|排|起)?"
    r"(?:呢|吧|啦|喇|吖|啊)?[?？。.!！]*$",
    re.I,
)
# "of them", "among those": a pick among the rows shown.
_AMONG_EN = r"(?P<among>(?:of|among|out\s+of)\s+(?:them|those|these)[,\s]*)"
_PICK_EN = lazy_pattern(
    r"^(?:(?:and|so|ok|okay|then|now|just|only|show\s+me|who\s+is|who's|what\s+about|keep|leave)\s+|"
    rf"{_AMONG_EN})*"
    rf"(?:the|that|this)\s+(?:(?P<top>{_TOP_EN})|(?P<bottom>{_BOTTOM_EN}))?\s*{_NUMBER_EN}?\s*"
    r"(?P<noun>one|ones|spender|spenders|customer|customers|person|people|guy|guys)?"
    r"(?:\s+(?:please|then|instead))?[?.!]*$",
    re.I,
)
# Without the article the end must be said: "bottom 2", "and lowest 3?", "what about bottom".
_END_ONLY_EN = lazy_pattern(
    r"^(?:(?:and|so|ok|okay|then|now|just|only|show\s+me|what\s+about|how\s+about|keep|leave)\s+|"
    rf"{_AMONG_EN})*"
    rf"(?:(?P<top>top|highest|biggest)|(?P<bottom>bottom|lowest|smallest|least))\s*"
    rf"(?:{_PERCENT}|{_NUMBER_EN})?"
    r"(?:\s+ones)?(?:\s+(?:please|then|instead))?[?.!]*$",
    re.I,
)


@dataclass(frozen=True)
class RankedPick:
    """The `count` at the `end` (TOP / BOTTOM) of the ranking just shown; `end` None: no end
    said ("那一个", "that one")."""

    end: str | None
    count: int | None
    # Whether the measure was said ("消费最少的两个", "the biggest spender"): then, after a
    # list that is no ranking, it is a ranking of that list, never asked by what.
    measured: bool = False
    # Asked as "what about …" ("最少的两个呢", "反过来 最少的三个呢", "what about the bottom 2?"):
    # the same question at the other end, not a pick among the rows shown.
    what_about: bool = False
    # Said of the rows shown: "其中最少的两个", "最少的那个", "the lowest one", "of them, the
    # bottom 2" — those rows ranked again. Any other end said is the ranking turned round.
    among: bool = False
    # Said as the first rows of the list (只要前2个, 頭兩個, "just the first 2"): in its order.
    first_rows: bool = False
    # A share of the customers ranked ("後20%呢"), in place of a count.
    percent: Decimal | None = None
    # The one at that end said among the rows shown with no count (其中最少的): after a list
    # that is no ranking its measure is asked as for several ("最后一个" may be its last row).
    no_count_said: bool = False


# "What about" said around a pick: 呢 / 嘞 at the end, 反过来 before it, "what/how about" first.
# 反过来 / 调转 turn it round; 改成 / 换成 / 轉做 replace it ("改成最少的3个"): either way the
# words after it are the ranking wanted, not a pick among the rows shown.
_TURN_ZH = (
    r"(?:那|咁|噉)?(?:反过来|反過來|倒过来|倒過來|反转|反轉|调转|調轉|倒转|倒轉|掉转|掉轉|改成|改為|"
    r"改为|换成|換成|变成|變成|转做|轉做|改做|改睇|改看)"
)
_TURN_EN = (
    r"(?:(?:ok|okay|now|then|and|so)[\s,]+)*(?:(?:flip|reverse|invert)(?:\s+(?:it|that|this|them|"
    r"the\s+(?:order|list|ranking)))?|(?:the\s+)?other\s+way\s+(?:round|around)|turn\s+it\s+"
    r"(?:round|around)|"
    # "make it top 2", "change it to the top 3", "switch to the bottom 5": the ranking wanted
    r"make\s+(?:it|that|this|them)|(?:change|switch|swap)\s+(?:(?:it|that|this)\s+)?to|"
    # "extend it to the top 5", "cut the list down to the top 2", "expand that to 10"
    r"(?:extend|expand|lengthen|widen|increase|grow|bump|raise|cut|shorten|trim|reduce|narrow)"
    r"(?:\s+(?:it|that|this|them|the\s+(?:list|ranking)))?(?:\s+(?:up|down))?\s+to|"
    r"let'?s\s+(?:do|say|go\s+with)|go\s+with)"
)
_WHAT_ABOUT = lazy_pattern(
    rf"(?:呢|捏|嘞)[?？。.!！]*$|^{_TURN_ZH}|^{_TURN_EN}[\s,，:;-]|\binstead[?.!]*$|"
    r"^(?:(?:and|so|ok|okay|then)\s+)*(?:what|how)\s+about\b|^(?:(?:and|so|ok|okay)[\s,]+)*now\b|"
    # "And the bottom 2?": asked as the next question, as "what about" is
    r"^and\b",
    re.I,
)
# 反过来 / "flip it" before the pick: the words after it are the pick.
_TURNED = lazy_pattern(rf"^(?:{_TURN_ZH}|{_TURN_EN}(?=[\s,，:;-]))[\s,，、:;-]*", re.I)


# A new count said alone as the change ("改成3个", "换成5位就得", "make it 3", "change it to 10"):
# as many rows of the same ranking, from its own end.
_COUNT_CHANGED_ZH = lazy_pattern(
    rf"^(?:那|咁|噉|好|就)?\s*(?:改成|改为|改為|换成|換成|变成|變成|改做|换做|換做|转做|轉做|要|"
    # only looked at: 只看两个就行, 淨係睇三個, 只要两位 (the first rows of the same ranking)
    r"只看|只睇|只要|只留|只显示|只顯示|只列|淨係睇|净系睇|淨係要|净系要|淨係|净系|就看|就睇|"
    # 改 / 换 right before the count: 改三位就好, 换5个
    r"(?:改|换|換)(?=\s*(?:\d|[一二两兩三四五六七八九十]))|"
    # made longer or shorter to a count: 扩大到5个, 擴闊到五個, 缩小到2个, 加到十个
    r"(?:扩大|扩展|扩阔|擴闊|放阔|放闊|放宽|放寬|拉阔|拉闊|增加|加|延长|缩小|縮小|缩减|减少|減少|减|收窄|"
    r"扩|擴|缩|縮)"
    r"(?:到|成|为|為|做))\s*"
    rf"{_COUNT_ZH}\s*{_UNIT_ZH}{_NOUN_ZH}?\s*(?:就得|就好|就够|就夠|就行|就可以)?"
    r"(?:吧|啦|喇|吖|呢|啊)?[?？。.!！]*$"
)
_COUNT_CHANGED_EN = lazy_pattern(
    r"^(?:(?:ok|okay|so|now|then|and)[\s,]+)*(?:make\s+(?:it|that)|(?:change|cut|extend|expand|"
    r"increase|bump|raise|shorten|trim|reduce)\s+(?:it|that|the\s+(?:list|ranking))(?:\s+(?:up|down))?"
    rf"\s+to|let'?s\s+do)\s+{_NUMBER_EN}(?:\s+(?:instead|then|please|rows))?[?.!]*$",
    re.I,
)


def read_ranked_pick(text: str) -> RankedPick | None:
    """The pick out of a ranking `text` is, or None when it is none."""
    plain = re.sub(r"\s+", " ", text.strip())
    if _OTHER.match(plain):  # "反过来呢", "the other end": the end not shown
        return RankedPick(OTHER, None)
    counted = _FROM_END.match(plain)
    if counted is not None:  # "from the bottom", "从后面数": that end, as many as shown
        top = counted["top"] or counted["ztop"]
        return RankedPick(TOP if top else BOTTOM, None, what_about=True)
    changed = _COUNT_CHANGED_ZH.match(plain) or _COUNT_CHANGED_EN.match(plain)
    if changed is not None:  # "改成3个", "make it 3": that many, from the ranking's own end
        count = _count(changed["n"].lower())
        return RankedPick(None, count, what_about=True, first_rows=True) if count else None
    what_about = _WHAT_ABOUT.search(plain) is not None
    turned = _TURNED.sub("", plain)  # "反过来 最少的三个呢": the words after it are the pick
    found = _read(turned if turned else plain)
    return replace(found, what_about=True) if found is not None and what_about else found


def _read(plain: str) -> RankedPick | None:
    if _OTHER.match(plain):
        return RankedPick(OTHER, None)
    zh = _PICK_ZH.match(plain)
    if zh is not None:
        # "那个" alone is a filler ("那个，帮我查…"); a number or an end must be said.
        found = _pick(zh) if zh["n"] or zh["top"] or zh["bottom"] else None
        return replace(found, among=True) if found is not None else None  # "最少的那个"
    zh = _END_ONLY_ZH.match(plain)
    if zh is not None:
        if zh["n"] and not zh["unit"] and (zh["top"] or zh["bottom"]) not in _PLACE_WITHOUT_UNIT:
            return None  # "最多3": no count of rows
        return _pick(zh) if zh["n"] or zh["pct"] else _as_many(zh)
    en = _END_ONLY_EN.match(plain)
    if en is not None:
        return _pick(en) if en["n"] or en["pct"] else _as_many(en)
    en = _PICK_EN.match(plain)
    if en is None or not (en["top"] or en["bottom"] or en["n"] or _says_one(plain)):
        return None
    number = (en["n"] or "").lower()
    if (en["top"] or "").lower() in ("first", "last") and number in ("", "one"):
        # "the first one" is a row of the list (picks.row_number), not a ranking.
        return None
    noun = (en["noun"] or "").lower()
    if not number and noun in ("", "ones") and (en["top"] or en["bottom"]):
        return _as_many(en)  # "and the bottom ones?", "the lowest?": as many, from that end
    if not number and noun in _PLURALS:
        return None  # "the top spenders": the ranking itself, no pick out of it
    found = _pick(en)
    if found is None:
        return None
    # "that one", "the lowest one", "the biggest spender": one of the rows shown
    singular = noun in ("one", "spender", "customer", "person", "guy") or number == "one"
    pointed = singular or _says_one(plain)
    return replace(found, among=True) if pointed else found


def _as_many(match: re.Match[str]) -> RankedPick:
    """An end with no count: as many as the ranking showed, from that end — except among the
    rows shown (其中消费最多的, 呢啲入面使錢最少嘅): the one at that end, as "the biggest
    spender" is; 其中最多的那些 / 嗰啲 stay as many."""
    end = TOP if match["top"] else BOTTOM
    said = match.groupdict()
    if said.get("among") and not said.get("those"):
        return RankedPick(end, 1, _measured(match), among=True, no_count_said=True)
    return RankedPick(end, None, _measured(match), among=_among(match))


def _among(match: re.Match[str]) -> bool:
    said = match.groupdict()
    return bool(said.get("among")) or bool(_LAST_ROWS.match(said.get("bottom") or ""))


def _first_rows(match: re.Match[str]) -> bool:
    return (match["top"] or "").lower() in _FIRST_ROWS


def _measured(match: re.Match[str]) -> bool:
    said = match.groupdict()
    return bool(said.get("m")) or "spender" in (said.get("noun") or "").lower()


def _says_one(text: str) -> bool:
    return bool(re.search(r"\b(?:that|this)\s+one\b", text, re.I))


def _count(raw: str) -> int | None:
    """How many rows `raw` says: 2, 两, 十, twenty; none said is one ("that one")."""
    if not raw:
        return 1
    if raw.isdigit():
        return int(raw)
    return _NUM_EN.get(raw) or parse_chinese_numeral(raw.replace("兩", "两"))


def _pick(match: re.Match[str]) -> RankedPick | None:
    end = TOP if match["top"] else BOTTOM if match["bottom"] else None
    share = match.groupdict().get("pct")
    if share:
        percent = Decimal(share)
        return RankedPick(end, None, _measured(match), among=_among(match), percent=percent)
    count = _count((match["n"] or "").lower())
    if not count:  # "前0名", "前三五个": no number of rows
        return None
    first = _first_rows(match)
    return RankedPick(end, count, _measured(match), among=_among(match), first_rows=first)
