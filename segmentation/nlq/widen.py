"""Widening: a message that takes a condition off the previous answer (spec/commands.md §2c).

"不要上海这个条件了", "那去掉 VIP 这个条件呢", "不限城市", "时间不限", "那就不要时间了",
"ok drop the city filter", "forget the time limit", "without the date range", "any city":
the previous segment without the named condition, asked again. The condition is named by
its kind (城市/时间/性别/跟进人/标签/部门, city/time/gender/owner/tag/department) or by its
value ("上海", "VIP") before a condition word (条件/筛选/限制, filter/condition/limit).

Only these shapes widen: "去掉上海的" / "without Shanghai" exclude (followup.py), and
"去掉VIP标签" untags. This module only reads the words; removing the parts is a tree
operation here too (`without_kinds`, `without_parts`); deciding what to answer is the chat's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.loosen_words import without_loosening
from segmentation.nlq.swap import kind_of
from segmentation.nodes import (
    All,
    And,
    EventCount,
    ItemCount,
    ItemEvent,
    NewCustomer,
    Node,
    Not,
    Or,
    Performed,
    Ranked,
)

WINDOW = "window"  # not a node kind: every condition's own time window

# The kinds a word names, each with its zh-Hans, zh-Hant and English words.
_KIND_WORDS: dict[str, tuple[str, ...]] = {
    "City": ("城市", "地区", "地區", "地域", "地点", "地點", "city", "cities", "location",
             "place", "area", "region"),
    WINDOW: ("时间段", "時間段", "时间范围", "時間範圍", "时间限制", "時間限制", "日期限制",
             "时间条件", "時間條件", "时间", "時間", "日期", "期限", "时段",
             "時段", "date range", "date", "dates", "time range", "time frame", "timeframe",
             "time window", "time limit", "time", "period", "window"),
    "Gender": ("性别", "性別", "男女", "gender", "genders", "sex", "sexes"),
    "Owner": ("跟进人", "跟進人", "负责人", "負責人", "销售", "銷售", "owner", "sales rep",
              "rep", "salesperson"),
    "InDepartment": ("部门", "部門", "department", "dept"),
    "HasTag": ("标签", "標籤", "標簽", "tag", "tags"),
}  # fmt: skip
# Kinds a widening may take off though no value is swapped for them ("金额那个条件拿掉",
# "forget the product"): an amount is whichever amount condition the answer has (spend, order
# value, refunded amount); a product or category is taken off its activity, which stays.
AMOUNT, ITEM = "amount", "item"
_DROP_KIND_WORDS: dict[str, tuple[str, ...]] = {
    AMOUNT: ("金额", "金額", "消费金额", "消費金額", "消费额", "消費額", "累计消费", "累計消費",
             "消费", "消費", "花费", "花費", "客单价", "客單價", "单价", "單價", "退款金额",
             "退款金額", "amount", "spend", "spending", "spent", "total spend", "money",
             "order value", "average order value", "refund amount"),
    ITEM: ("产品", "產品", "商品", "品类", "品類", "类目", "類目", "货品", "貨品", "product",
           "products", "item", "items", "category", "categories", "sku"),
}  # fmt: skip
_KINDS_NAMED = {**_KIND_WORDS, **_DROP_KIND_WORDS}
_AMOUNT_KINDS = frozenset({"Spend", "AvgOrderValue", "RefundAmount"})
# A kind word that names its kind only with a condition word after it: "去掉VIP标签" untags.
_ONLY_WITH_CONDITION = frozenset({"HasTag"})


def _alternatives(words: list[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_ALL_KIND_WORDS = _alternatives([w for ws in _KINDS_NAMED.values() for w in ws])
_FREE_KIND_WORDS = _alternatives(
    [w for k, ws in _KINDS_NAMED.items() if k not in _ONLY_WITH_CONDITION for w in ws]
)

_PUNCT = r"\s,，、:：;；.。!！?？~～"
_LEAD_ZH = (
    r"(?:(?:好吧|好的|好|嗯|ok|okay|行|那么|那麼|那就|那|就|咁|噉|再|还是|還是|先|帮我|幫我|麻烦|"
    r"麻煩|请|請)[\s,，]*)*"
)
_DROP_ZH = (
    r"(?:去掉|去除|拿掉|删掉|刪掉|删除|刪除|移除|取消|撤掉|撤销|撤銷|不要|唔要|不用|唔使|别管|別管|"
    r"忽略|去了|拿走|放开|放開|"
    # The English verbs said in a Chinese frame ("drop 掉上海这个条件", "remove 城市筛选"):
    r"(?i:drop|remove|forget|ignore|clear|cancel|skip|lose|take\s+off|get\s+rid\s+of))"
)
_THIS_ZH = r"(?:这个|這個|那个|那個|呢个|呢個|嗰个|嗰個|这|這|的)?"
_CONDITION_ZH = (
    r"(?:条件|條件|筛选|篩選|过滤|過濾|限制|限定|范围|範圍|"
    # "不要 VIP 这个 filter 了": the English condition word in a Chinese frame.
    r"(?i:filters?|conditions?|limits?|criteri(?:on|a)))"
)
_END_ZH = (
    r"(?:了|吧|呢|啦|喇|咯|囉|先|看看|试试|試試|一下|再看|再查|"
    # "时间去掉就行", "城市唔要就得": that is all that is asked
    r"就行|就好|就可以|就ok|就得|即可|得了)*"
)
# 唔计/不计/不算 (not counting): "唔計時間", "不计时间".
_NO_LIMIT_ZH = (
    r"(?:不限|不管|不论|不論|不分|无论|無論|唔理|不理|别理|別理|唔限|任何|所有|唔计|唔計|不计|不計|"
    r"不算|唔算|不设|不設|唔设|唔設|不加|唔加)"
)
_ANY_ZH = r"(?:不限|不拘|都行|都可以|无所谓|無所謂|随便|隨便|唔紧要|唔緊要|都得)"

# 去掉 X 这个条件 / 不要上海这个条件了 / 取消城市筛选 / 把时间限制去掉
_ZH_DROP_NAMED = lazy_pattern(
    rf"^{_LEAD_ZH}(?:{_DROP_ZH})\s*(?:掉)?\s*(?P<named>.+?)\s*{_THIS_ZH}\s*{_CONDITION_ZH}"
    rf"\s*{_END_ZH}$",
    re.S | re.I,
)
_ZH_PUT_NAMED = lazy_pattern(
    rf"^{_LEAD_ZH}(?:把|将|將)\s*(?P<named>.+?)\s*{_THIS_ZH}\s*{_CONDITION_ZH}\s*"
    rf"(?:也|都|给|給)?\s*(?:{_DROP_ZH}|去|拿|删|刪)(?:掉)?\s*{_END_ZH}$",
    re.S | re.I,
)
# 城市这个条件不要了 / 上海那个条件去掉 / 时间限制也取消吧 (the verb after the condition)
_ZH_NAMED_DROPPED = lazy_pattern(
    rf"^{_LEAD_ZH}(?P<named>.+?)\s*{_THIS_ZH}\s*{_CONDITION_ZH}\s*(?:也|都|就|给|給)?\s*"
    rf"(?:{_DROP_ZH}|去|拿|删|刪)(?:掉)?\s*{_END_ZH}$",
    re.S | re.I,
)
# 不要限制城市了 / 不用管时间 / 唔使理城市 / 不必区分性别
_ZH_NO_NEED = lazy_pattern(
    rf"^{_LEAD_ZH}(?:不要|不用|唔使|唔好|无需|無需|不需要|不必|别|別|毋须|毋須)(?:再)?"
    rf"(?:限制|限定|管|理|看|区分|區分|分)\s*(?P<kind>{_FREE_KIND_WORDS})\s*{_END_ZH}$",
    re.S | re.I,
)
# 不要时间了 / 去掉城市 / 不限城市 / 城市不限 / 时间无所谓
_ZH_DROP_KIND = lazy_pattern(
    rf"^{_LEAD_ZH}(?:{_DROP_ZH}|{_NO_LIMIT_ZH})\s*(?:掉)?\s*(?P<kind>{_FREE_KIND_WORDS})\s*"
    rf"{_END_ZH}$",
    re.S | re.I,
)
# 城市也去掉 / 时间都不要了 / 性别就不限 / 时间不要了 / 城市去掉: the kind named first, then dropped
_ZH_KIND_DROPPED = lazy_pattern(
    rf"^{_LEAD_ZH}(?P<kind>{_FREE_KIND_WORDS})\s*(?:也|都|就|亦)?\s*(?:{_DROP_ZH}|{_NO_LIMIT_ZH}|去|拿|删|刪)"
    rf"(?:掉)?\s*{_END_ZH}$",
    re.S | re.I,
)
_ZH_KIND_ANY = lazy_pattern(
    rf"^{_LEAD_ZH}(?P<kind>{_FREE_KIND_WORDS})\s*(?:就|都|也)?\s*{_ANY_ZH}\s*{_END_ZH}$",
    re.S | re.I,
)

_LEAD_EN = r"(?:(?:ok(?:ay)?|and|then|now|so|alright|well|right|fine|actually|please|pls)[\s,]+)*"
_DROP_EN = (
    r"(?:drop|remove|forget(?:\s+about)?|ignore|lose|clear|take\s+off|take\s+away|"
    r"get\s+rid\s+of|no\s+more|skip|undo|lift|without|never\s+mind|cancel|"
    # The Chinese verbs before an English condition ("去掉 the city filter").
    r"去掉|去除|拿掉|删掉|刪掉|删除|刪除|移除|取消|不要|唔要|不用|唔使|忽略)(?:\s*掉)?"
)
_THE_EN = r"(?:(?:the|that|this|my|your|any|a)\s+)?"
_CONDITION_EN = (
    r"(?:filters?|conditions?|limits?|limitations?|restrictions?|criteri(?:on|a)|requirements?|"
    r"constraints?|parts?|bits?|条件|條件|筛选|篩選|限制)"
)
_END_EN = (
    r"(?:\s*(?:please|pls|now|then|too|instead|and\s+show\s+(?:me\s+)?again|"
    # Chinese endings after an English widening ("drop the city filter 吧").
    r"了|吧|啦|喇|先|一下))*"
)
# drop the city filter / remove the VIP condition / forget the time limit / without the date range
_EN_DROP_NAMED = lazy_pattern(
    rf"^{_LEAD_EN}{_DROP_EN}\s+{_THE_EN}(?P<named>.+?)\s+{_CONDITION_EN}{_END_EN}$",
    re.S | re.I,
)
# drop the city / forget the time / without the date range
_EN_DROP_KIND = lazy_pattern(
    rf"^{_LEAD_EN}{_DROP_EN}\s+(?:the|that|any)\s+(?P<kind>{_FREE_KIND_WORDS})"
    rf"(?:\s+(?:part|bit|thing))?{_END_EN}$",
    re.S | re.I,
)
# any city / all cities / regardless of city / no matter the time / city doesn't matter
_EN_ANY = lazy_pattern(
    rf"^{_LEAD_EN}(?:(?:in\s+|from\s+)?(?:any|all|every|both|either)|regardless\s+of(?:\s+the)?|"
    rf"no\s+matter\s+(?:the|which|what)|whatever(?:\s+the)?|for\s+all|across\s+all|"
    rf"irrespective\s+of(?:\s+the)?)\s+(?P<kind>{_FREE_KIND_WORDS})"
    rf"(?:\s+(?:at\s+all|whatsoever))?{_END_EN}$",
    re.S | re.I,
)
_EN_KIND_ANY = lazy_pattern(
    rf"^{_LEAD_EN}{_THE_EN}(?P<kind>{_FREE_KIND_WORDS})\s+(?:doesn'?t|does\s+not|don'?t)\s+"
    rf"matter{_END_EN}$",
    re.S | re.I,
)

# Both values of a two-valued condition said as wanted: 男女都要 / 男的女的都要 / 男仔女仔都得 /
# 男定女都得 / "both men and women" / "men and women alike": the gender taken off.
_BOTH_GENDERS_ZH = (
    r"(?:男女|男的女的|男的和女的|男的同女的|男生女生|男仔女仔|男人女人|男性女性|男性和女性|男士女士|"
    r"男客女客|男定女|男或女|男还是女|男還是女|先生小姐|先生女士)"
)
_ZH_BOTH = lazy_pattern(
    rf"^{_LEAD_ZH}(?:不论|不論|无论|無論|不管|唔理|不分)?\s*{_BOTH_GENDERS_ZH}\s*"
    r"(?:都|也|全部|一起|一齐|一齊|统统|統統|通通)\s*"
    r"(?:要|得|行|可以|算|计|計|睇|看|包括|包含|算上|算埋|要埋|计埋|計埋|查|列|ok)?\s*"
    rf"{_END_ZH}$",
    re.S | re.I,
)
_MEN_EN = r"(?:men|males?|guys|gentlemen|boys|male\s+customers|male\s+ones)"
_WOMEN_EN = r"(?:women|females?|ladies|girls|female\s+customers|female\s+ones)"
_EN_BOTH = lazy_pattern(
    rf"^{_LEAD_EN}(?:(?:include|show(?:\s+me)?|count|list|want|take|keep|give\s+me)\s+)?"
    rf"(?:(?:both\s+)?(?:{_MEN_EN}\s+(?:and|&|\+|or)\s+{_WOMEN_EN}|{_WOMEN_EN}\s+(?:and|&|\+|or)\s+"
    rf"{_MEN_EN})(?:\s+(?:both|alike|too|as\s+well))?|both\s+(?:genders|sexes))"
    rf"{_END_EN}$",
    re.S | re.I,
)

# no city filter / no more time limit / without any date restriction
_EN_NO_NAMED = lazy_pattern(
    rf"^{_LEAD_EN}(?:no(?:\s+more)?|without\s+(?:a|any|the))\s+(?P<named>.+?)\s+{_CONDITION_EN}"
    rf"{_END_EN}$",
    re.S | re.I,
)

# The whole time said instead of a window ("全部时间的呢", "历史上的呢", "and over all time?",
# "what about ever?"): the previous question with no window, as "不限时间" is.
_ALL_TIME_ZH = (
    r"(?:全部|所有|任何|整个|整個|全)(?:的)?(?:时间|時間|时段|時段|时间段|時間段|日期|历史|歷史)|"
    r"不限(?:时段|時段|日期|时间段|時間段)|历史上|歷史上|历史以来|歷史以來|历来|歷來|有史以来|有史以來|"
    r"一直以来|一直以來|从以前到现在|從以前到現在|由以前到而家|由以前到依家|开业以来|開業以來|"
    # whenever it was: 不管什么时候 / 無論何時 / 唔理幾時 / 唔使理幾時
    r"(?:不管|不论|不論|无论|無論|唔理|不理|唔使理|不用管|别管|別管)\s*(?:是)?\s*"
    r"(?:什么时候|什麼時候|甚么时候|甚麼時候|几时|幾時|何时|何時|哪天|边日|邊日)|"
    r"(?i:all[\s-]+time|ever)"
)
_ZH_ALL_TIME = lazy_pattern(
    rf"^{_LEAD_ZH}(?:换成|換成|改成|改为|改為|看看|看|按|算)?\s*(?:{_ALL_TIME_ZH})\s*"
    rf"(?:的|嘅|来看|來看|来算|來算|嚟计|嚟計|计|計)?\s*{_END_ZH}$",
    re.S,
)
_ALL_TIME_EN = (
    r"(?:(?:over|of|for|across|in|during|through)\s+)?(?:all[\s-]+time|the\s+whole\s+time|"
    r"(?:the\s+)?(?:whole|entire|full)\s+history|all\s+(?:of\s+)?history)|ever|at\s+any\s+time|"
    r"any\s*time|since\s+(?:the\s+(?:beginning|start)|forever|day\s+one)|from\s+the\s+(?:beginning|start)|"
    r"(?:over\s+(?:their|the)\s+)?lifetime|all[\s-]+time\s+(?:figures?|numbers?|totals?)|"
    # whenever it was: "regardless of when", "no matter when", "whenever"
    r"(?:regardless|irrespective)\s+of\s+when|no\s+matter\s+when|whenever|"
    r"(?:it\s+)?doesn'?t\s+matter\s+when"
)
_EN_ALL_TIME = lazy_pattern(
    rf"^{_LEAD_EN}(?:(?:and\s+)?(?:what|how)\s+about\s+|same\s+(?:for|with)\s+|(?:and\s+)?if\s+"
    rf"(?:we\s+)?(?:look\s+at|use|take)\s+|make\s+it\s+|switch\s+to\s+|(?:let'?s\s+)?(?:look|go)\s+"
    rf"(?:at|with)\s+)?(?:{_ALL_TIME_EN}){_END_EN}$",
    re.S | re.I,
)

_ZH_SHAPES = (
    _ZH_ALL_TIME,
    _ZH_DROP_NAMED,
    _ZH_PUT_NAMED,
    _ZH_NAMED_DROPPED,
    _ZH_NO_NEED,
    _ZH_DROP_KIND,
    _ZH_KIND_DROPPED,
    _ZH_KIND_ANY,
    _ZH_BOTH,
)
_EN_SHAPES = (
    _EN_BOTH,
    _EN_ALL_TIME,
    _EN_DROP_NAMED,
    _EN_NO_NAMED,
    _EN_DROP_KIND,
    _EN_ANY,
    _EN_KIND_ANY,
)
# "那就不要时间了，流失风险客户有哪些": the widening, then what to ask (after a clause mark).
_CLAUSES = lazy_pattern(r"[,，;；。.!！]\s*")


@dataclass(frozen=True)
class Widening:
    """Take a condition off the previous answer: every condition of `kind`, or the ones
    `named` says (a value to read with the parser: "上海", "VIP"), then ask `rest` (what
    followed the widening, e.g. "有几个"; empty: the previous question again)."""

    kind: str | None
    named: str
    rest: str = ""


def read_widening(text: str) -> Widening | None:
    """The widening `text` starts with, or None when it says no such thing."""
    # "放寬一點，不限男女": the loosening word says only that; the clause after it says how
    plain = without_loosening(text.strip()).strip(_PUNCT.replace("\\s", "") + " ")
    if not plain:
        return None
    found = _whole(plain)
    if found is not None:
        return found
    # The widening as the first clause: "不要时间了，流失风险客户有哪些", "drop the city
    # filter, how many are there".
    for mark in _CLAUSES.finditer(plain):
        head, rest = plain[: mark.start()], plain[mark.end() :].strip()
        found = _whole(head)
        if found is not None and rest:
            return replace(found, rest=rest)
    return None


def _whole(text: str) -> Widening | None:
    squeezed = text.strip(" ?？。.!！")
    for shape in (*_ZH_SHAPES, *_EN_SHAPES):
        match = shape.match(squeezed)
        if match is None:
            continue
        if shape in (_ZH_ALL_TIME, _EN_ALL_TIME):  # the whole time: no window
            return Widening(WINDOW, "")
        if shape in (_ZH_BOTH, _EN_BOTH):  # both genders: no gender
            return Widening("Gender", "")
        if "kind" in match.groupdict() and match["kind"]:
            return Widening(_dropped_kind_named(match["kind"]), "")
        named = match["named"].strip(_PUNCT.replace("\\s", "") + " ").strip("“”\"'‘’「」")
        named = re.sub(r"^(?:掉|the\s+|that\s+|this\s+)", "", named, flags=re.I).strip()
        if not named or re.search(r"(?:这|這|那|呢|嗰)$", named):
            continue
        kind = _dropped_kind_named(named)
        return Widening(kind, "" if kind else named)
    return None


# A value said dropped with no word for "condition": "北京也去掉", "去掉北京", "女的也不要了",
# "drop Beijing too", "lose the VIP part". Read alone this excludes those customers (去掉上海的);
# the chat takes it as a widening only when the previous answer has that value as a condition
# (excluding the customers it is made of would leave nobody).
_ZH_VALUE_DROPPED = (
    lazy_pattern(
        rf"^{_LEAD_ZH}(?:把|将|將)?\s*(?P<named>[^,，。;；]+?)\s*(?:的|嘅)?\s*(?:也|都|亦|就)\s*"
        rf"(?:{_DROP_ZH}|去|拿|删|刪)(?:掉)?\s*{_END_ZH}$",
        re.S | re.I,
    ),
    lazy_pattern(
        rf"^{_LEAD_ZH}(?:{_DROP_ZH})\s*(?:掉)?\s*(?P<named>[^,，。;；]+?)\s*{_END_ZH}$", re.S | re.I
    ),
)
_EN_VALUE_DROPPED = lazy_pattern(
    rf"^{_LEAD_EN}(?:drop|remove|lose|forget|take\s+out|take\s+off|get\s+rid\s+of)\s+"
    r"(?:the\s+)?(?P<named>[^,;.?!]+?)(?:\s+(?:part|bit|one|ones))?(?:\s+(?:too|as\s+well|also))?"
    r"\s*[.!]*$",
    re.S | re.I,
)


# "drop the VIP part too": the words around the value in English.
_EN_AROUND_VALUE = lazy_pattern(
    r"^(?:the|that|this)\s+|(?:\s+(?:part|bit|ones?|filter))?(?:\s+(?:too|as\s+well|also))?$",
    re.I,
)


def read_value_dropped(text: str) -> Widening | None:
    """A value said dropped ("北京也去掉，一共几个", "drop Beijing too"): the value to take off
    if the previous answer has it, with what follows; None when `text` says no such thing."""
    plain = text.strip().strip(_PUNCT.replace("\\s", "") + " ")
    clauses = [(plain, "")]
    for mark in _CLAUSES.finditer(plain):
        clauses.append((plain[: mark.start()], plain[mark.end() :].strip()))
    for head, rest in clauses:
        squeezed = head.strip(" ?？。.!！")
        for shape in (*_ZH_VALUE_DROPPED, _EN_VALUE_DROPPED):
            match = shape.match(squeezed)
            if match is None:
                continue
            named = match["named"].strip(_PUNCT.replace("\\s", "") + " ").strip("“”\"'‘’「」")
            named = _EN_AROUND_VALUE.sub("", named)
            if named and not re.search(r"(?:这|這|那|呢|嗰|these|those|them)", named, re.I):
                return Widening(None, named, rest)
    return None


def kind_named(word: str) -> str | None:
    """The kind `word` names ("城市" → City, "date range" → window), or None."""
    key = re.sub(r"\s+", " ", word.strip().lower())
    for kind, words in _KIND_WORDS.items():
        if key in words:
            return kind
    return None


def _dropped_kind_named(word: str) -> str | None:
    """The kind `word` names when a condition of it is taken off: kind_named's, an amount or
    a product ("金额", "the product")."""
    key = re.sub(r"\s+", " ", word.strip().lower())
    for kind, words in _KINDS_NAMED.items():
        if key in words:
            return kind
    return None


# ---------------------------------------------------------------- the tree


def without_kind(node: Node, kind: str) -> Node | None:
    """`node` without its conditions of `kind` (WINDOW: with no time window on any of its
    conditions, so each holds over all time); None when it has none to take off."""
    if kind == WINDOW:
        return _without_windows(node)
    if kind == "Owner":
        return _without(node, lambda part: kind_of(part) in ("Owner", "InDepartment"))
    if kind == AMOUNT:
        return _without(node, lambda part: kind_of(part) in _AMOUNT_KINDS)
    if kind == ITEM:
        return _without_items(node)
    return _without(node, lambda part: kind_of(part) == kind)


def without_parts(node: Node, parts: list[Node]) -> Node | None:
    """`node` without the conditions equal to one of `parts`; None when it has none."""
    return _without(node, lambda part: part in parts)


def _without(node: Node, drops: Callable[[Node], bool]) -> Node | None:
    removed = False

    def strip(part: Node) -> Node | None:
        nonlocal removed
        if isinstance(part, And):
            kept = [c for c in (strip(c) for c in part.children) if c is not None]
            if not kept:
                return None
            return kept[0] if len(kept) == 1 else And(tuple(kept))
        if isinstance(part, Not) and drops(part.child):
            removed = True
            return None
        if isinstance(part, Ranked):
            base = strip(part.base)
            return replace(part, base=base if base is not None else All())
        if not isinstance(part, Or) and drops(part):
            removed = True
            return None
        return part

    result = strip(node)
    if not removed:
        return None
    return result if result is not None else All()


def _without_items(node: Node) -> Node | None:
    """`node` with every product or category taken off its activity: 买过唇釉 → 买过,
    买唇釉超过2次 → 买过超过2次 (the window kept)."""
    removed = False

    def strip(part: Node) -> Node:
        nonlocal removed
        if isinstance(part, (And, Or)):
            return type(part)(tuple(strip(c) for c in part.children))
        if isinstance(part, Not):
            return Not(strip(part.child))
        if isinstance(part, Ranked):
            return replace(part, base=strip(part.base))
        if isinstance(part, ItemEvent):
            removed = True
            return Performed(part.event_kind, part.window)
        if isinstance(part, ItemCount):
            removed = True
            return EventCount(part.event_kind, part.op, part.value, part.window)
        return part

    result = strip(node)
    return result if removed else None


def _without_windows(node: Node) -> Node | None:
    removed = False

    def strip(part: Node) -> Node:
        nonlocal removed
        if isinstance(part, And):
            return And(tuple(strip(c) for c in part.children))
        if isinstance(part, Or):
            return Or(tuple(strip(c) for c in part.children))
        if isinstance(part, Not):
            return Not(strip(part.child))
        if isinstance(part, Ranked):  # "top 3 spenders this month" → over all time too
            ranked = replace(part, base=strip(part.base))
            if ranked.window is None:
                return ranked
            removed = True
            return replace(ranked, window=None)
        # A new customer is new within some window: without it the condition says nothing.
        if isinstance(part, NewCustomer) or getattr(part, "window", None) is None:
            return part
        removed = True
        return replace(part, window=None)  # type: ignore[arg-type]

    result = strip(node)
    return result if removed else None
