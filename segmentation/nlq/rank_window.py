"""A ranking asked again over another period (issue 19): right after "消费最多的3个客户",
"换成近30天的消费排名", "按近30天的消费再排一次", "改成近7天的消費排", "用上個月嘅消費再排過",
"改用近30日嘅消費排", "换成按近半年的消费排", "换回累计消费排", "rank by last month's spend
instead", "re-rank by spend over the last 30 days", "use all-time spend instead".

This module only reads the words, on normalised text: the period said (its words, for the
tokenizer to read as one window; none when all time is said) and the measure (spend or the
number of orders). The words must say that the ranking is changed — 换成 / 改成 / 改用 / 用 /
再排 / 重新排 / 排过 / instead / again / re-rank — so a sort said plainly ("按近30天的消费排一
下") stays a sort of the rows shown (segmentation/nlq/sort_words.py). What it is said after —
the previous ranking, its end, count and base kept — is the chat's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from segmentation.nlq.lazy_re import lazy_pattern

SPEND = "spend"
ORDERS = "orders"


@dataclass(frozen=True)
class RankWindow:
    """The period a ranking is asked again over: `window_words` for the tokenizer to read, or
    None for all time ("累计", "all-time"); `by` the measure said (SPEND or ORDERS)."""

    window_words: str | None
    by: str


# ---- Chinese (normalised: simplified characters, 嚟 → 来)

# Words that replace the ranking ("换成…", "改用…") or say it is ranked again ("再排一次").
_CHANGE_ZH = (
    r"(?:换成|换为|换做|改成|改为|改做|改用|换用|转用|转成|转做|变成|用返|返用|换返|改返|换回|改回|"
    r"改睇|改看|转睇|转看|换睇|换看|"
    # counted again: 计返上个月嘅消费再排过 (Cantonese 计返 / 算返: work it out again)
    r"计返|计番|算返|算番|重新计|重新算|重计|重算)"
)
_LEAD_ZH = rf"^(?:那|那么|咁|噉|好|就|不如|帮我|麻烦|请)*\s*(?P<change>{_CHANGE_ZH})?\s*"
_BY_ZH = r"(?:按照|按|照|依照|依|以|根据|用|睇|看)?"
_PERIOD_ZH = r"(?P<period>[^,，。!！?？按照依以用排]{0,16}?)"
_DE_ZH = r"(?:的|嘅)?"
_SPEND_ZH = (
    r"(?P<spend>累计消费金额|累计消费|消费金额|消费额|总消费|消费|花费|花钱|使钱|spending|spend)"
)
_ORDERS_ZH = r"(?P<orders>下单次数|下单数|订单数量|订单数|订单量|购买次数|落单次数|单数)"
_AGAIN_ZH = r"(?P<again>再|重新|重)?"
_SORT_ZH = (
    r"(?:来|去)?(?:排名|排行榜|排行|排序|排一次|排一下|排下|排多次|排多一次|排过|排返|排一排|排|"
    r"rank|sort)?"
)
_DONE_ZH = r"(?P<done>过|一次|多次|多一次|一遍|下|一下)?"
# 呢 at the end asks "what about …": the ranking shown, over that period
_TAIL_ZH = r"(?:看看|看下|睇下|睇吓|看|睇|吧|啦|喇|吖|呀|啊|(?P<what>呢)|先)*[。.!！?？]*$"
_RERANK_ZH = lazy_pattern(
    rf"{_LEAD_ZH}{_BY_ZH}\s*{_PERIOD_ZH}\s*{_DE_ZH}\s*(?:{_SPEND_ZH}|{_ORDERS_ZH})\s*(?:的|嘅)?"
    rf"(?:多少|高低)?\s*{_AGAIN_ZH}\s*(?:(?:来|去)?(?P<sort>{_SORT_ZH}))\s*{_DONE_ZH}\s*{_TAIL_ZH}"
)
# All time said of the spend itself (累计消费, 总消费) or as the period (历史, 全部时间).
_ALL_TIME_ZH = lazy_pattern(r"^(?:累计|历史|全部时间|所有时间|有史以来|至今|一直以来|总)?$")

# ---- English (lower case)

_LEAD_EN = (
    r"^(?:(?:ok|okay|now|then|and|so|please|pls|can\s+you|could\s+you)[\s,]+)*"
    r"(?:(?P<what>what\s+about|how\s+about)\s+)?"
)
# "re-rank", "rank again", "switch to", "use": said as a change of the ranking
_VERB_EN = (
    r"(?P<verb>re[-\s]?rank|re[-\s]?sort|redo|rank|sort|order|switch\s+to|change\s+to|go\s+with|use|"
    r"make\s+it|base\s+it\s+on)?"
)
_OBJECT_EN = r"(?:\s+(?:it|them|that|this|the\s+list|the\s+ranking|these))?"
_AGAIN_EN = r"(?:\s+(?P<again>again))?"
_BY_EN = r"(?:\s*(?:by|on|using|with|based\s+on|according\s+to))?"
_PERIOD_EN = r"(?P<period>[a-z0-9' -]{0,30}?)"
_MEASURE_EN = (
    r"(?:(?P<spend>spend|spending|spent|sales|revenue|amount\s+spent|money\s+spent)|"
    r"(?P<orders>orders|number\s+of\s+orders|order\s+count))"
)
_AFTER_EN = r"(?:\s+(?:in|over|for|during|from)\s+(?P<after>[a-z0-9' -]{1,30}?))?"
_TAIL_EN = r"(?:\s+(?P<instead>instead|again))?(?:\s+(?:only|alone|then|please|pls))*[.!?]*$"
_RERANK_EN = lazy_pattern(
    rf"{_LEAD_EN}{_VERB_EN}{_OBJECT_EN}{_AGAIN_EN}{_BY_EN}\s*(?:the\s+)?{_PERIOD_EN}\s*"
    rf"{_MEASURE_EN}{_AFTER_EN}{_TAIL_EN}",
    re.I,
)
_ALL_TIME_EN = lazy_pattern(
    r"^(?:(?:the\s+)?(?:all[\s-]*time|total|lifetime|overall|cumulative|whole[\s-]+history))?$"
)
# A change said in English: re-rank, again, instead, switch/change to, use, make it.
_CHANGED_EN = (
    "re", "again", "instead", "switch", "change", "use", "go with", "make it", "base it", "redo",
)  # fmt: skip


def read_rank_window(norm: str) -> RankWindow | None:
    """The period (and measure) `norm` (normalised) asks the ranking shown again over, or None
    when it says no such change (a sort said plainly, a ranking of its own, anything else)."""
    text = norm.strip()
    return _read_zh(text) if re.search(r"[\u4e00-\u9fff]", text) else _read_en(text)


def _read_zh(text: str) -> RankWindow | None:
    found = _RERANK_ZH.match(text)
    if found is None:
        return None
    # 排过 / 排多一次 / 再排: ranked again; 换成 / 改用: the ranking changed
    again = re.search(r"过|一次|多次|一遍", (found["sort"] or "") + (found["done"] or ""))
    if not (found["change"] or found["again"] or again or found["what"]):
        return None
    period = found["period"].strip()
    by = ORDERS if found["orders"] else SPEND
    if found["spend"] and found["spend"].startswith(("累计", "总")):
        return RankWindow(None, by) if not period else None  # "近30天的累计消费": two periods
    if _ALL_TIME_ZH.match(period):
        return RankWindow(None, by) if period else None  # a period must be said
    return RankWindow(period, by)


def _read_en(text: str) -> RankWindow | None:
    found = _RERANK_EN.match(text)
    if found is None:
        return None
    said = " ".join(found[g] or "" for g in ("verb", "again", "instead")).lower()
    # "what about …", "and by last week's spend?": the next question, about the ranking shown
    asked = bool(found["what"]) or (text.startswith("and ") and text.endswith("?"))
    if not (any(word in said for word in _CHANGED_EN) or text.startswith("now") or asked):
        return None  # "rank by last month's spend" alone: a sort, read as usual
    if not (found["verb"] or found["instead"] or asked):
        return None  # "last month's spend" with nothing else: not said as a ranking
    before = _possessive(found["period"] or "")
    after = (found["after"] or "").strip()
    if before and after:
        return None  # two periods: read as usual
    period = before or after
    by = ORDERS if found["orders"] else SPEND
    if _ALL_TIME_EN.match(period):
        return RankWindow(None, by) if period else None
    return RankWindow(period, by)


def _possessive(words: str) -> str:
    """ "last month's" → "last month"; "the last 30 days'" → "the last 30 days"."""
    return re.sub(r"'s?$", "", words.strip()).strip()
