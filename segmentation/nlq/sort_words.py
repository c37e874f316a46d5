"""A ranking asked for with no count (issue 19): "帮我把我的客户按消费金额排一下",
"按消費由高到低排序", "照使錢多少排下", "rank my customers by spend", "my VIPs sorted by how
much they spent, lowest first". Every customer the ranking may hold is in it: those in scope
who match the rest and ordered in the window (spec §2 top/bottom share), in rank order — the
top 100 %.

The sort words are said as the ranking the grammar reads ("消费前100%", "top 100% by spend"), in
place, so a window, a base and an intent said around them stay where they were. A sort by the
number of orders (按下单次数排, "by how many orders") is read the same way and then ranks by
orders (sort_measure, ranked_by); by how often of another event (按咨询次数排), or by nothing
said ("排一下", "sort them"), is asked back with the rankings there are offered.
"""

from __future__ import annotations

import re
from dataclasses import replace

from segmentation.nlq.ask import Ask
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nodes import And, Node, Not, Or, Ranked

_BY_ZH = r"(?:按照|按|依照|依|根据|照|以|跟|用)"
_SPEND_ZH = (
    r"(?:累计消费金额|累计消费|消费总额|消费金额|消费额|总消费|消费|花费|花的钱|花钱|使钱|使咗几多钱|"
    r"使几多钱|买了多少钱|买咗几多钱|购买金额|下单金额|订单金额|成交金额|金额|spend|spending)"
)
_HOW_MUCH_ZH = r"(?:的)?(?:多少|多寡|高低|大小|几多|多少钱)?"
_TOP_ZH = (
    r"由高到低|从高到低|由多到少|从多到少|由大到小|从大到小|由大到细|从大到细|高到低|多到少|大到小|"
    r"降序|倒序"
)
_BOTTOM_ZH = (
    r"由低到高|从低到高|由少到多|从少到多|由小到大|从小到大|由细到大|从细到大|低到高|少到多|小到大|"
    r"升序|正序"
)
_DIRECTION_ZH = rf"(?P<dir>{_TOP_ZH}|{_BOTTOM_ZH})"
_DIRECTION2_ZH = rf"(?P<dir2>{_TOP_ZH}|{_BOTTOM_ZH})"
_SORT_ZH = (
    r"(?:排一个序|排个序|排下序|排一下序|排排序|排序|排名|排列|排行榜|排行|排一排|排一下|排下|排个名|"
    r"排吓|排返|排排|排|sort一下|sort下|sort|rank一下|rank下|rank)"
)
_WINDOW_ZH = r"(?P<window>[^按依照以根跟用排,，。!！?？]{0,16}?)"
_ZH_FORMS = (
    # 按(近30天的)消费金额(由高到低)排(一下)(由高到低)
    lazy_pattern(
        rf"{_BY_ZH}{_WINDOW_ZH}(?:的)?{_SPEND_ZH}{_HOW_MUCH_ZH}(?:来|去)?{_DIRECTION_ZH}?"
        rf"(?:来|去)?{_SORT_ZH}(?:一下|下)?(?:先)?(?:[,，]?{_DIRECTION2_ZH})?"
    ),
    # 排(一下)序，按消费(由高到低)
    lazy_pattern(
        rf"{_SORT_ZH}(?:一下|下)?[,，]?{_BY_ZH}{_WINDOW_ZH}(?:的)?{_SPEND_ZH}{_HOW_MUCH_ZH}"
        rf"{_DIRECTION_ZH}?"
    ),
    # 消费金额由高到低(排一下) / 消费排名 / 消费排行榜
    lazy_pattern(rf"{_SPEND_ZH}(?:的)?{_DIRECTION_ZH}(?:来|去)?(?:{_SORT_ZH})?(?:一下|下)?"),
    lazy_pattern(rf"{_SPEND_ZH}(?:的)?(?:排名|排行榜|排行)"),
)

_SPEND_EN = (
    r"(?:(?:total|overall|lifetime)\s+)?(?:spend|spending|spent|amount\s+spent|money\s+spent|revenue|"
    r"purchase\s+amount|order\s+amount|sales|how\s+much\s+(?:they(?:'ve|\s+have)?|they'?d|each\s+"
    r"(?:one|customer)\s+(?:has|have))?\s*(?:spent|spend|paid|bought))"
)
_TOP_EN = (
    r"highest\s+first|biggest\s+first|most\s+first|descending|high(?:est)?\s+to\s+low(?:est)?|"
    r"from\s+(?:the\s+)?(?:highest|most|biggest)(?:\s+to\s+(?:the\s+)?(?:lowest|least|smallest))?|"
    r"top\s+down|desc"
)
_BOTTOM_EN = (
    r"lowest\s+first|smallest\s+first|least\s+first|ascending|low(?:est)?\s+to\s+high(?:est)?|"
    r"from\s+(?:the\s+)?(?:lowest|least|smallest)(?:\s+to\s+(?:the\s+)?(?:highest|most|biggest))?|"
    r"bottom\s+up|asc"
)
_VERB_EN = r"(?:rank|sort|order|arrange|line\s+up|list|show|give\s+me)"
_EN_FORMS = (
    # "rank my customers by spend", "sort them by how much they spent, lowest first"
    lazy_pattern(
        # (a Chinese word may touch the English ones: "rank二部的客户by spend" once normalised)
        rf"(?<![a-z])(?:{_VERB_EN})(?:ed)?(?![a-z])(?P<base>.*?)\s*(?<![a-z])"
        rf"(?:by|according\s+to|in\s+order\s+of)\s+{_SPEND_EN}"
        rf"(?:[\s,]+(?:\(|,)?\s*(?P<dir>{_TOP_EN}|{_BOTTOM_EN})\)?)?(?![a-z])",
        re.I,
    ),
    # "my customers ranked by spend", "VIPs by spend, highest first" (a direction said)
    lazy_pattern(
        r"\s*\b(?:ranked|sorted|ordered|arranged|ranking|sorting|ordering)\s+"
        rf"(?:by|according\s+to)\s+{_SPEND_EN}"
        rf"(?:[\s,]+(?P<dir>{_TOP_EN}|{_BOTTOM_EN}))?(?![a-z])",
        re.I,
    ),
    lazy_pattern(
        rf"\s*\bby\s+{_SPEND_EN}[\s,]+(?:\(|,)?\s*(?P<dir>{_TOP_EN}|{_BOTTOM_EN})\)?(?![a-z])",
        re.I,
    ),
)
# A count said elsewhere ("按消费排一下 前5名", "rank by spend, top 10"): the ranking is counted,
# and said as the superlative the grammar reads a count after. Never a window (前30天, 3个月).
_NUMBER = r"(?:\d+(?![\d.])|[一二两三四五六七八九十]+(?![一二两三四五六七八九十]))"
_COUNT_SAID = lazy_pattern(
    rf"(?:(?:前|后|倒数|top|bottom)\s*{_NUMBER}|{_NUMBER}\s*%|百分之|{_NUMBER}\s*(?:个|位|名)(?!月))"
    r"(?!\s*(?:天|日|周|週|个月|月|年|小时|days?\b|weeks?\b|months?\b|years?\b|hours?\b))",
    re.I,
)

# The measure said as a number of orders: 按下单次数排 / "by how many orders" ranks by orders
# (Ranked by "orders"); by how often of another event (咨询次数, 到店次数, a bare 次数) is no
# ranking the spec defines, and asked back with the spend ranking offered.
_ORDERS_ZH = (
    r"(?:下单次数|下单数|订单数量|订单数|订单量|下单量|单数|购买次数|买的次数|买过几次|落单次数|落单数|"
    r"几多单|几多张单|几多次单)"
)
_OTHER_TIMES_ZH = r"(?:咨询次数|询价次数|问价次数|到店次数|来店次数|次数)"
_ORDERS_EN = (
    r"(?:how\s+many\s+(?:orders|purchases)(?:\s+(?:they(?:'ve|\s+have)?|each\s+(?:one|"
    r"customer)\s+(?:has|have))\s+(?:placed|made|ordered|bought|done))?|number\s+of\s+(?:orders|"
    r"purchases)|order\s+counts?|orders?\s+placed|purchase\s+counts?|how\s+often\s+they\s+"
    r"(?:order(?:ed)?|buy|bought)|how\s+many\s+times\s+they(?:'ve|\s+have)?\s+(?:ordered|bought))"
)
_OTHER_TIMES_EN = (
    r"(?:how\s+many\s+(?:inquiries|visits|times)|number\s+of\s+(?:inquiries|visits)|"
    r"inquiry\s+counts?|visit\s+counts?)"
)
_WINDOW_BY_ZH = r"(?P<window>[^按依照以根跟用排]{0,16}?)"
_ORDERS_FORM_ZH = lazy_pattern(rf"{_BY_ZH}{_WINDOW_BY_ZH}(?:的)?{_ORDERS_ZH}(?:的)?(?:多少)?")
_OTHER_FORM_ZH = lazy_pattern(rf"{_BY_ZH}{_WINDOW_BY_ZH}(?:的)?{_OTHER_TIMES_ZH}(?:的)?(?:多少)?")
_BY_EN = r"(?:by|according\s+to|in\s+order\s+of)"
_ORDERS_FORM_EN = lazy_pattern(
    rf"(?<![a-z])(?:{_VERB_EN})(?:ed)?\b.*?\b(?P<said>{_BY_EN}\s+{_ORDERS_EN})", re.I
)
_OTHER_FORM_EN = lazy_pattern(
    rf"(?<![a-z])(?:{_VERB_EN})(?:ed)?\b.*?\b(?P<said>{_BY_EN}\s+{_OTHER_TIMES_EN})", re.I
)
_TIMES_SORTED_ZH = lazy_pattern(rf"{_SORT_ZH}|{_TOP_ZH}|{_BOTTOM_ZH}")


def sort_measure(norm: str) -> str:
    """What a sort in `norm` (normalised) ranks by: "orders" for a number of orders
    (按下单次数排, "by how many orders"), else "spend"."""
    zh = _ORDERS_FORM_ZH.search(norm)
    if zh is not None and _TIMES_SORTED_ZH.search(norm, zh.end()):
        return "orders"
    found = _ORDERS_SORTED_ZH.search(norm) or _ORDERS_FORM_EN.search(norm)
    return "spend" if found is None else "orders"


# The number of orders with the order or the sort right after it, no 按 before it:
# 下单次数从多到少排一下, 訂單數由高到低, 下单次数排名.
_ORDERS_SORTED_ZH = lazy_pattern(
    rf"(?<![按依照以根跟用]){_ORDERS_ZH}(?:的)?(?=(?:{_TOP_ZH}|{_BOTTOM_ZH}|排名|排行|排序|排一下))"
)


def _orders_said_as_spend(norm: str) -> str:
    """A sort by the number of orders said as the sort by spend the ranking reads, for the
    parser to rank by orders instead (sort_measure)."""
    zh = _ORDERS_FORM_ZH.search(norm)
    if zh is not None and _TIMES_SORTED_ZH.search(norm, zh.end()):
        window = zh.group("window") or ""
        return f"{norm[: zh.start()]}按{window}消费{norm[zh.end() :]}"
    bare = _ORDERS_SORTED_ZH.search(norm)
    if bare is not None:
        return f"{norm[: bare.start()]}消费{norm[bare.end() :]}"
    en = _ORDERS_FORM_EN.search(norm)
    if en is not None:
        return f"{norm[: en.start('said')]}by spend{norm[en.end('said') :]}"
    return norm


def sorted_as_ranking(norm: str) -> str:
    """`norm` (normalised) with a ranking said with no count written as the grammar's top or
    bottom 100 % (by spend: a sort by orders is said as one, see sort_measure); unchanged
    when there is none, or a count is said with it."""
    refuse_times_ranking(norm)
    refuse_sort_without_measure(norm)
    norm = _orders_said_as_spend(norm)
    for pattern in _ZH_FORMS:
        found = pattern.search(norm)
        if found is None:
            continue
        counted = _counted(norm, found)
        if counted and pattern is _ZH_FORMS[-1]:
            return norm  # 消费排名前3的: the grammar's own ranking with its count
        return _replaced(norm, found, _zh_ranking(found, counted))
    for pattern in _EN_FORMS:
        found = pattern.search(norm)
        if found is not None:
            return _replaced(norm, found, _en_ranking(found, _counted(norm, found)))
    return norm


def _replaced(norm: str, found: re.Match[str], ranking: str) -> str:
    return f"{norm[: found.start()]} {ranking} {norm[found.end() :]}".strip()


def _counted(norm: str, found: re.Match[str]) -> bool:
    return _COUNT_SAID.search(norm[: found.start()] + " " + norm[found.end() :]) is not None


def _direction(found: re.Match[str]) -> str:
    said = " ".join(
        found.group(g) or "" for g in ("dir", "dir2") if g in found.re.groupindex
    ).strip()
    return "bottom" if said and _says_bottom(said) else "top"


def _says_bottom(said: str) -> bool:
    """Whether an order word says lowest first (由低到高, ascending)."""
    return bool(_BOTTOM_EN_RE.search(said) or _BOTTOM_ZH_RE.search(said))


_BOTTOM_EN_RE = lazy_pattern(rf"^(?:{_BOTTOM_EN})$", re.I)
_BOTTOM_ZH_RE = lazy_pattern(rf"^(?:{_BOTTOM_ZH})$")


def _zh_ranking(found: re.Match[str], counted: bool) -> str:
    window = (found.groupdict().get("window") or "").strip()
    top = _direction(found) == "top"
    if counted:  # "按消费排一下 前5名": the count said after the superlative
        return f"{window}消费{'最多' if top else '最少'}的"
    return f"{window}消费{'前' if top else '后'}100%"


def _en_ranking(found: re.Match[str], counted: bool) -> str:
    base = (found.groupdict().get("base") or "").strip()
    side = "top" if _direction(found) == "top" else "bottom"
    return f"{base} {side}{'' if counted else ' 100%'} by spend".strip()


def refuse_times_ranking(norm: str) -> None:
    """Ask back when `norm` sorts customers by how often they did something other than
    order (no ranking the spec defines), offering the ranking by spend in its place."""
    norm = _orders_said_as_spend(norm)  # 按下单次数 is a ranking: only the rest is asked
    zh = _OTHER_FORM_ZH.search(norm)
    if zh is not None and _TIMES_SORTED_ZH.search(norm, zh.end()):
        said = zh.group(0)
        raise Ask(
            f"“{said}”排名暂不支持：目前只支持按消费金额或下单次数排名。要按消费金额排吗？"
            "按次数也可以作条件，例如“咨询2次以上的客户”。",
            f"“{said}” is not a ranking I can do: only rankings by spend or by number of orders "
            "are supported. Rank by spend instead? A count works as a condition, e.g. "
            "'customers who inquired 2+ times'.",
            ("按消费金额",),
        )
    en = _OTHER_FORM_EN.search(norm)
    if en is not None:
        said = en.group("said")
        raise Ask(
            f"“{said}”排名暂不支持：目前只支持按消费金额或下单次数排名。要按消费金额排吗？",
            f"Ranking “{said}” is not supported: only rankings by spend or by number of orders "
            "are. Rank by spend instead? A count works as a condition, e.g. 'customers who "
            "inquired 2+ times'.",
            ("by spend",),
        )


# A sort said with its order only ("排个序 从低到高", "由高到低排", "sort them lowest first",
# "reverse the order"): the measure is the one of the ranking just shown, for the chat to use.
_ONLY_ORDER_ZH = lazy_pattern(
    r"^(?:那|咁|再|帮我|麻烦|请)*(?:(?:把|将)?(?:这些|呢啲|他们|佢哋|它们)?(?:人|客户)?)?"
    rf"(?:{_SORT_ZH})?(?:一下|下)?[,，\s]*(?:改成|换成|变成|转成)?(?P<dir>{_TOP_ZH}|{_BOTTOM_ZH})"
    rf"(?:来|去)?(?:{_SORT_ZH})?(?:一下|下)?(?:吧|啦|喇|呀|啊|呢)?[。.!！?？]*$"
)
_ONLY_ORDER_EN = lazy_pattern(
    r"^(?:(?:ok|okay|now|then|and|please|pls|can you|could you)[\s,]+)*"
    r"(?:(?:sort|order|rank|list|show|arrange)(?:\s+(?:them|it|these|those|the\s+list|this))?"
    rf"[\s,]+)?(?:(?:by\s+)?(?P<dir>{_TOP_EN}|{_BOTTOM_EN}))(?:\s+(?:please|instead|then))?[.!?]*$",
    re.I,
)
_REVERSED = lazy_pattern(
    r"^(?:(?:ok|okay|now|then|and|please|pls)[\s,]+)*(?:reverse|flip|invert)\s+(?:the\s+)?"
    r"(?:order|it|them|the\s+list|the\s+ranking)(?:\s+please)?[.!?]*$|"
    r"^(?:那|咁|再)?(?:倒过来|反过来|倒转|调转|調轉|倒序|反序)(?:排|一下|下|看看|看|睇下|睇|吧|啦)*[。.!！?？]*$",
    re.I,
)


def order_said_alone(norm: str) -> str | None:
    """ "top" / "bottom" when `norm` (normalised) only says in which order to sort — "reverse"
    when it turns the order round — else None."""
    if _REVERSED.match(norm):
        return "reverse"
    found = _ONLY_ORDER_ZH.match(norm) or _ONLY_ORDER_EN.match(norm)
    if found is None:
        return None
    return "bottom" if _says_bottom(found["dir"]) else "top"


def ranked_by(segment: Node, measure: str) -> Node:
    """`segment` with its spend rankings ranking by `measure` instead (a sort by orders)."""
    if isinstance(segment, Ranked):
        by = measure if segment.by == "spend" else segment.by
        return replace(segment, base=ranked_by(segment.base, measure), by=by)  # type: ignore[arg-type]
    if isinstance(segment, And | Or):
        return type(segment)(tuple(ranked_by(c, measure) for c in segment.children))
    if isinstance(segment, Not):
        return Not(ranked_by(segment.child, measure))
    return segment


# A sort with nothing to sort by ("排一下", "帮我排个序", "我的客户排一下", "rank my customers",
# "sort them"): which measure is unsaid, so it is asked, offering the two rankings there are.
_SORT_ALONE_ZH = lazy_pattern(
    r"(?P<said>(?:排一个序|排个序|排下序|排一下序|排排序|排序|排名|排列|排一排|排一下|排下|排个名|排吓|"
    r"排排))(?:一下|下)?(?:先|吧|啦|喇|吖|呀|啊)*[。.!！?？~～]*$"
)
_SORT_ALONE_EN = lazy_pattern(
    r"^(?:(?:please|pls|can you|could you|ok|okay|now|then|and)[\s,]+)*(?P<said>(?:rank|sort|order)"
    r"(?:\s+(?:them|it|these|those|this|the\s+list|my\s+customers|my\s+clients|everyone))?)"
    r"(?:\s+please)?[.!?]*$",
    re.I,
)
_MEASURE_SAID = lazy_pattern(
    rf"{_SPEND_ZH}|{_ORDERS_ZH}|{_OTHER_TIMES_ZH}|{_TOP_ZH}|{_BOTTOM_ZH}|城市|性别|标签|跟进人|部门|"
    r"\bby\b|highest|lowest|ascending|descending"
)


def refuse_sort_without_measure(norm: str) -> None:
    """Ask by what when `norm` asks for a sort and says no measure and no order."""
    found = _SORT_ALONE_ZH.search(norm) or _SORT_ALONE_EN.match(norm)
    if found is None or _MEASURE_SAID.search(norm):
        return
    said = found.group("said")
    if said.isascii():
        raise Ask(
            f"“{said}” by what? I can rank by spend or by number of orders.",
            f"“{said}” by what? I can rank by spend or by number of orders.",
            (f"{said} by spend", f"{said} by number of orders"),
        )
    raise Ask(
        f"“{said}”按什么排？可以按消费金额或下单次数排。",
        f"“{said}”: sorted by what? Spend or number of orders.",
        (f"按消费金额{said}", f"按下单次数{said}"),
    )
