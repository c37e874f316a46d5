"""A tree in plain words, in the user's language, with the concrete dates of every window:
"近30天（10月2日–11月1日）有咨询且近30天未下单的客户"."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from segmentation import kinds
from segmentation.nlq.restate_scores import ranked_by_score_phrase, unwrapped
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nodes import (
    ORDER_MEASURES,
    All,
    And,
    CalendarWindow,
    DateRangeWindow,
    NamedSegment,
    Node,
    Not,
    Or,
    Performed,
    Ranked,
    RollingWindow,
    SavedSegment,
    Score,
    Window,
)
from segmentation.windows import resolve_window

_CAL_ZH = {
    ("day", 0): "今天",
    ("day", -1): "昨天",
    ("day", -2): "前天",
    ("day", -3): "大前天",
    ("week", 0): "本周",
    ("week", -1): "上周",
    ("week", -2): "上上周",
    ("month", 0): "本月",
    ("month", -1): "上个月",
    ("month", -2): "上上个月",
    ("quarter", 0): "本季度",
    ("quarter", -1): "上季度",
    ("quarter", -2): "上上季度",
    ("year", 0): "今年",
    ("year", -1): "去年",
    ("year", -2): "前年",
}
_UNIT_ZH = {"hours": "小时", "days": "天", "weeks": "周", "months": "个月"}


class Restater:
    def __init__(self, language: str, now: datetime, tz: ZoneInfo, vocab: Vocabulary) -> None:
        self.zh = language == "zh"
        self.now, self.tz, self.vocab = now, tz, vocab

    def sentence(self, node: Node) -> str:
        if isinstance(node, All):
            return "所有客户" if self.zh else "all customers"
        if isinstance(node, Ranked) and self.zh:
            return self.ranked(node)
        named = _single_named(node)
        if named is not None:  # "仍活跃概率低于30%的重要价值客户"
            names = self.vocab.named_names.get(named[0].key, (named[0].key, named[0].key))
            rest = self.part(named[1])
            return f"{rest}的{names[0]}" if self.zh else f"{names[1]} who {rest}"
        body = self.part(node)
        return f"{body}的客户" if self.zh else f"customers who {body}"

    def part(self, node: Node, nested: bool = False) -> str:
        if isinstance(node, And | Or):
            joiner = (
                (" 且 " if isinstance(node, And) else " 或 ")
                if self.zh
                else (" and " if isinstance(node, And) else " or ")
            )
            text = joiner.join(self.part(c, True) for c in node.children)
            return f"（{text}）" if nested and self.zh else (f"({text})" if nested else text)
        if isinstance(node, Not):
            return self.negative(node.child)
        return self.leaf(node)

    def negative(self, node: Node) -> str:
        if isinstance(node, Or) and all(isinstance(c, Performed) for c in node.children):
            # "didn't order or visit": neither, said as such
            joiner = " 且 " if self.zh else " and "
            return joiner.join(self.negative(c) for c in node.children)
        if isinstance(node, kinds.CORE_TYPES):
            return self.by_leading_verb(node)
        return kinds.kind_of(node).restate_negated(self, node)

    def by_leading_verb(self, node: Node) -> str:
        """The negation of a phrase by its leading verb ("在上海" → "不在上海"), else
        不满足“…” / do not match (…)."""
        inner = self.part(node, True)
        if not isinstance(node, And | Or):
            negated = _negated_phrase(inner, self.zh)
            if negated is not None:
                return negated
        return f"不满足“{inner}”" if self.zh else f"do not match ({inner})"

    def leaf(self, node: Node) -> str:
        zh = self.zh
        if isinstance(node, NamedSegment):
            zh_name, en_name = self.vocab.named_names.get(node.key, (node.key, node.key))
            return f"属于“{zh_name}”" if zh else f"are {en_name}"
        if isinstance(node, SavedSegment):
            return f"在分群“{node.name}”中" if zh else f"are in segment “{node.name}”"
        if isinstance(node, Ranked):
            return self.ranked(node)
        if isinstance(node, All):
            return "所有客户" if zh else "any customer"
        return kinds.kind_of(node).restate(self, node)

    def ranked(self, node: Ranked) -> str:
        base = "" if isinstance(node.base, All) else self.part(node.base, True)
        size = (
            (f"前{node.percent}%" if node.percent is not None else f"{node.count}位")
            if self.zh
            else (f"{node.percent}%" if node.percent is not None else f"{node.count}")
        )
        if node.by not in ORDER_MEASURES:
            return ranked_by_score_phrase(node, base, size, self.zh)
        if node.percent == 100:  # "按消费排一下": everyone who ordered, in rank order
            return self.everyone_ranked(node, base)
        most = "最多" if node.direction == "top" else "最少"
        orders = node.by == "orders"
        if self.zh:
            among = f"{unwrapped(base)}的客户中" if base else ""
            measure = "下单次数" if orders else "消费"
            return f"{among}{self.when(node.window)}{measure}{most}的{size}"
        which = "top" if node.direction == "top" else "bottom"
        among = f" among those who {base}" if base else ""
        measure = "number of orders" if orders else "spend"
        return f"are the {which} {size} by {measure}{self.when_en(node.window)}{among}"

    def everyone_ranked(self, node: Ranked, base: str) -> str:
        """A ranking of all (the top 100 %): who is in it, and in which order."""
        top = node.direction == "top"
        if self.zh:
            among = f"{unwrapped(base)}的客户中" if base else ""
            if node.by == "orders":
                order = f"按下单次数{'从多到少' if top else '从少到多'}"
            else:
                order = f"按消费金额{'从高到低' if top else '从低到高'}"
            return f"{among}{self.when(node.window)}下过单的全部客户（{order}）"
        order = "highest first" if top else "lowest first"
        among = f" among those who {base}" if base else ""
        measure = "number of orders" if node.by == "orders" else "spend"
        return f"ordered{self.when_en(node.window)}{among}, ranked by {measure} ({order})"

    def staff_name(self, userid: str) -> str:
        info = self.vocab.staff.get(userid)
        return info.name if info and info.name else userid

    # ---- windows with concrete dates
    def when(self, window: Window | None) -> str:
        if window is None:
            return ""
        label = self._label_zh(window)
        return f"{label}（{self._dates(window)}）" if label else self._dates(window)

    def when_en(self, window: Window | None, empty: str = "") -> str:
        if window is None:
            return f" {empty}" if empty else ""
        label = self._label_en(window)
        return f" {label} ({self._dates(window)})" if label else f" {self._dates(window)}"

    def _label_zh(self, w: Window) -> str:
        if isinstance(w, RollingWindow):
            return f"近{w.amount}{_UNIT_ZH[w.unit]}"
        if isinstance(w, CalendarWindow):
            return _CAL_ZH[(w.unit, w.offset)]
        return ""

    def _label_en(self, w: Window) -> str:
        if isinstance(w, RollingWindow):
            if w.amount == 1:  # "in the past week": "last week" would be the calendar one
                return f"in the past {w.unit.removesuffix('s')}"
            return f"in the last {w.amount} {w.unit}"
        if isinstance(w, CalendarWindow):
            if w.unit == "day" and w.offset > -4:
                return ("today", "yesterday", "the day before yesterday", "3 days ago")[-w.offset]
            names = {0: "this", -1: "last", -2: "the one before last"}
            return f"{names[w.offset]} {w.unit}" if w.offset > -2 else f"the {w.unit} before last"
        return ""

    def _dates(self, w: Window) -> str:
        interval = resolve_window(w, self.now, self.tz)
        assert interval is not None
        start = interval[0].astimezone(self.tz)
        end = min(interval[1], self.now).astimezone(self.tz)
        if isinstance(w, DateRangeWindow) and w.start is None:
            return f"{self._day(end.date())}及以前" if self.zh else f"up to {self._day(end.date())}"
        same = isinstance(w, RollingWindow) and w.unit == "hours"
        if same:
            return f"{start:%m-%d %H:%M}–{end:%m-%d %H:%M}"
        if start.date() == end.date():
            return self._day(start.date())
        sep = "–" if self.zh else " – "
        # A span across years names the year at both ends ("2025年11月1日–2026年11月1日").
        years = start.year != end.year
        return f"{self._day(start.date(), years)}{sep}{self._day(end.date(), years)}"

    def _day(self, value: date, with_year: bool = False) -> str:
        this_year = value.year == self.now.astimezone(self.tz).year and not with_year
        if self.zh:
            return (
                f"{value.month}月{value.day}日"
                if this_year
                else f"{value.year}年{value.month}月{value.day}日"
            )
        text = f"{value:%b} {value.day}"
        return text if this_year else f"{text}, {value.year}"


# The leading verb of a condition's phrase and its negation ("are tagged “VIP”" → "are not
# tagged “VIP”", "在上海" → "不在上海").
_NEGATED_ZH = (("有", "没有"), ("在", "不在"), ("属于", "不属于"), ("由", "不是由"), ("是", "不是"))
_NEGATED_EN = (("are ", "are not "), ("were ", "were not "), ("have ", "do not have "),
               ("had ", "did not have "), ("spent ", "did not spend "))  # fmt: skip


def _negated_phrase(phrase: str, zh: bool) -> str | None:
    for positive, negative in _NEGATED_ZH if zh else _NEGATED_EN:
        if phrase.startswith(positive):
            return negative + phrase[len(positive) :]
    return None


def _single_named(node: Node) -> tuple[NamedSegment, Node] | None:
    """(the named segment, the rest) for an AND of exactly one named segment and conditions
    that include a score, which then read as adjectives of the named segment."""
    if not isinstance(node, And):
        return None
    named = [c for c in node.children if isinstance(c, NamedSegment)]
    rest = [c for c in node.children if not isinstance(c, NamedSegment)]
    if len(named) != 1 or not any(isinstance(c, Score) for c in rest):
        return None
    return named[0], rest[0] if len(rest) == 1 else And(tuple(rest))


def describe(node: Node, language: str, now: datetime, tz: ZoneInfo, vocab: Vocabulary) -> str:
    return Restater(language, now, tz, vocab).sentence(node)


def describe_part(node: Node, language: str, now: datetime, tz: ZoneInfo, vocab: Vocabulary) -> str:
    """One condition (or combination) in plain words, without the head noun: "近30天有咨询"."""
    return Restater(language, now, tz, vocab).part(node)
