"""Asking back: the one exception type the parser raises when it will not guess."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.lexicon_tables import UNSUPPORTED_REASONS
from segmentation.nlq.table_index import table_index


class Ask(Exception):
    """Stop parsing and ask the user: a message in both languages and suggestions."""

    def __init__(self, zh: str, en: str, suggestions: tuple[str, ...] | list[str] = ()) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en
        self.suggestions = tuple(dict.fromkeys(suggestions))[:3]

    def message(self, language: str) -> str:
        return self.zh if language == "zh" else self.en


def did_you_mean(
    word: str, choices: Mapping[str, str], limit: int = 3, cutoff: int = 60
) -> list[str]:
    """Display names close to `word` (rapidfuzz), best first."""
    # Imported here: only a question back looks for near names, never an understood one.
    from rapidfuzz import fuzz, process

    if not word or not choices:
        return []
    surfaces = _sharing_a_character(word, choices)
    if not surfaces:
        return []
    # WRatio is ten times dearer than partial_ratio, which bounds it from above for these
    # short names: shortlist cheaply, then rank — 10,000 tags stay within a few ms.
    shortlist = process.extract(
        word, surfaces, scorer=fuzz.partial_ratio, limit=50, score_cutoff=cutoff
    )
    found = process.extract(
        word, [s for s, _, _ in shortlist], scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=cutoff
    )
    # A homophone typed for a name ("金咔" for 金卡, "高义向" for 高意向) shares few characters
    # but every sound: the strongest hint, offered first.
    out: list[str] = [choices[s] for s in _homophones(word, surfaces)]
    latin = not any(_is_cjk(c) for c in word)
    for surface, score, _ in found:
        if latin and not latin_alike(word, surface):
            continue  # "off" is no slip of "at risk of churn": none rather than an absurd one
        if score >= cutoff and choices[surface] not in out:
            out.append(choices[surface])
    return out[:limit]


# English words that name nothing by their spelling: articles, pronouns, prepositions,
# particles, the verbs of a request, and the customers a name is of. A question back never
# offers a name for them ("go back" is no "customers to win back", "off" no "at risk of").
_FUNCTION_WORDS = """
a an the this that these those it its them they their me my i you your we our us he she his her
him one ones some any all each every of off on in out up down over under to from for with without
by at as and or but not no yes so then now just only also too again instead please pls is are was
were be been am do does did have has had can could will would should shall may might must make
made go goes going back get got give show list let see want wanted need take put set turn change
switch keep drop add more less than who which what how many much customer customers client
clients people person folks guys
"""
_FUNCTION_EN = frozenset(_FUNCTION_WORDS.split())
_LATIN_WORDS = lazy_pattern(r"[a-z0-9]+")


def names_nothing(word: str) -> bool:
    """Whether a Latin `word` is made of function words only ("off", "go back", "the ones"):
    it stands for no name, and no name is offered for it."""
    if any(_is_cjk(c) for c in word):
        return False
    said = _LATIN_WORDS.findall(word.lower())
    return bool(said) and all(w in _FUNCTION_EN or w.isdigit() for w in said)


def latin_alike(word: str, surface: str) -> bool:
    """Whether a Latin `word` could stand for `surface` by its spelling: a slip of it or of
    one of its words, or their start ("dorm" for dormant). A word made of function words only
    stands for nothing."""
    from segmentation.nlq.close_names import closeness

    said = [w for w in _LATIN_WORDS.findall(word.lower()) if w not in _FUNCTION_EN]
    said = [w for w in said if not w.isdigit()]
    names = _LATIN_WORDS.findall(surface.lower())
    if not said or not names:
        return False
    whole, name = "".join(said), "".join(names)
    if whole == name or closeness(whole, name) is not None:
        return True
    if len(whole) >= 3 and name.startswith(whole):
        return True
    return all(
        any(
            n == w or (len(w) >= 3 and n.startswith(w)) or closeness(w, n) is not None
            for n in names
        )
        for w in said
    )


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _homophones(word: str, surfaces: list[str]) -> list[str]:
    """The Chinese names of `surfaces` that sound exactly like `word` (toneless pinyin)."""
    if len(word) < 2 or all(c.isascii() for c in word):
        return []
    from segmentation.nlq.pinyin import syllables

    sound = syllables(word)
    same = [s for s in surfaces if len(s) == len(word) and s != word]
    return [s for s in same if syllables(s) == sound][:3]


def _sharing_a_character(word: str, choices: Mapping[str, str]) -> list[str]:
    """For a Chinese word, only the names that share a character with it (no other name can
    be close): 10,000 tags are never all scored for a two-character word."""
    cjk = {c for c in word if not c.isascii()}
    if not cjk:
        return list(choices)
    index = table_index(choices, "by character", _by_character)
    return list(dict.fromkeys(s for c in cjk for s in index.get(c, ())))


def _by_character(choices: Mapping[str, str]) -> dict[str, list[str]]:
    """Chinese character → the surfaces that have it."""
    index: dict[str, list[str]] = {}
    for surface in choices:
        for c in set(surface):
            if not c.isascii():
                index.setdefault(c, []).append(surface)
    return index


# The "vague" words that are counts, not times (好几次, 经常, a few times).
_NOT_A_TIME = lazy_pattern(
    r"次|回|遍|多|少|常|频|成日|老是|时不时|大量|一些|often|frequently|many|several|few|lot"
)
# Approximate words that are counts (两三次, 好多回): the example is a count, not an amount.
_A_COUNT = lazy_pattern(r"次|回|遍|times")

# What to suggest instead: a window with a number for the time phrases, else the
# conditions the language has.
_TIME_REASONS = {"period", "vague", "future", "ago"}
# The periods offered for a vague one, each (zh, en).
_VAGUE_PERIODS = (("近7天", "last 7 days"), ("近30天", "last 30 days"), ("本月", "this month"))


def unsupported(reason_key: str, word: str) -> Ask:
    zh_reason, en_reason = UNSUPPORTED_REASONS[reason_key]
    zh_reason = zh_reason.removesuffix("筛选")  # "按商品/品类筛选筛选" reads twice
    if reason_key == "vague" and _NOT_A_TIME.search(word):  # 好几次, 经常: a count, not a time
        return Ask(
            f"“{word}”没有具体数字，请给出次数，例如“下单3次以上”。",
            f"“{word}” has no number in it; please give a count, e.g. 'ordered 3 or more times'.",
        )
    if reason_key == "approx" and _A_COUNT.search(word):
        return Ask(
            f"“{word}”不是确切的次数，请说“至少”“不到”或一个范围，例如“下单3次以上”。",
            f"“{word}” is not an exact count; please say 'at least', 'fewer than' or a range, "
            "e.g. 'ordered 3 or more times'.",
        )
    if reason_key == "approx":
        return Ask(
            f"“{word}”不是确切的界限，请说“超过”“不到”或一个范围，例如“消费5000到10000元”。",
            f"“{word}” is not an exact bound; please say 'over', 'under' or a range, e.g. "
            "'spent between 5000 and 10000'.",
        )
    if reason_key == "foreign_currency":  # US$300, 500港币: the company counts in yuan
        return Ask(
            f"金额按人民币（元）计算，“{word}”是外币。请换算成元再说，例如“消费超过2000元”。",
            f"Amounts are in yuan (RMB); “{word}” is another currency. Please give the amount "
            "in yuan, e.g. 'spent over 2000 yuan'.",
        )
    if reason_key == "aov":  # 平均 / average alone: of what?
        return Ask(
            f"“{word}”指哪个平均值？可以按客单价（平均每单金额）筛选，例如“客单价超过500的客户”。",
            f"Which average is “{word}”? You can filter by average order value, e.g. "
            "'customers with an average order value over 500'.",
        )
    if reason_key == "price":  # 价格超过300: no customer has a price
        return Ask(
            f"“{word}”是商品的价格，不是客户的条件。可以按客单价（平均每单金额）或累计消费筛选，"
            "例如“客单价超过300的客户”“累计消费超过300的客户”。",
            f"“{word}” is a product's price, not something a customer has. You can filter by "
            "average order value or total spend, e.g. 'average order value over 300'.",
        )
    if reason_key == "refund_amount":
        return Ask(
            f"“{word}”是在问金额；要按退款金额筛选，请给出界限，例如“近90天退款金额超过200元”。",
            f"“{word}” asks for an amount; to filter by refunds, give a bound, e.g. "
            "'refund amount over 200 in the last 90 days'.",
        )
    if reason_key == "vague_number":
        return Ask(
            f"“{word}”没有具体数字，请给出金额，例如“消费超过5000元”。",
            f"“{word}” has no number in it; please give an amount, e.g. 'spent over 5000'.",
        )
    if reason_key == "holdout":
        # said where no one campaign's control group was read (holdout_words)
        return Ask(
            f"“{word}”是活动里不发送、用来衡量效果的客户，要说是哪个活动的，例如“上次活动的对照组"
            "有谁”；对照组人数和对比结果在活动效果里，例如“上次活动效果怎么样”。",
            f"“{word}” is the part of a campaign that is not sent to, kept to measure it; say "
            "which campaign's, e.g. 'the control group of the last campaign'. Its size and the "
            "comparison are in the campaign's results, e.g. 'how did the last campaign do'.",
        )
    if reason_key in _BUYER_CLASSES:
        return buyer_class_question(reason_key, word)
    if reason_key == "fuzzy":
        zh_hint, en_hint = (
            "例如“下单至少2次”或“消费超过1000”",
            "e.g. 'at least 2 orders' or 'spent over 1000'",
        )
    elif reason_key in _TIME_REASONS:
        zh_hint, en_hint = "例如“近30天”或具体日期", "e.g. 'last 30 days' or a specific date"
        if reason_key == "vague":  # 最近 / recently: offered as periods to pick ("1", "近7天")
            return Ask(
                f"暂不支持按{zh_reason}筛选（“{word}”）。请换一种条件，{zh_hint}。",
                f"Filtering by {en_reason} (“{word}”) is not supported yet. Please use another "
                f"condition, {en_hint}.",
                [en if word.isascii() else zh for zh, en in _VAGUE_PERIODS],
            )
    else:
        zh_hint = "例如咨询、下单、消费金额、标签、城市、性别或跟进人"
        en_hint = "e.g. inquiries, orders, spend, tags, city, gender or owner"
    return Ask(
        f"暂不支持按{zh_reason}筛选（“{word}”）。请换一种条件，{zh_hint}。",
        f"Filtering by {en_reason} (“{word}”) is not supported yet. Please use another "
        f"condition, {en_hint}.",
    )


# The order count each undefined buyer class is offered as: (zh, en) of what to say instead.
_COUNT_HINT = (
    "也可以说别的次数，例如“下单3次以上”。",
    "You can also give another count, e.g. 'ordered 3 or more times'.",
)
_BUYER_CLASSES = {
    "repeat": ("下单2次及以上的客户", "customers who ordered at least twice", *_COUNT_HINT),
    "first_order": ("只下过1次单的客户", "customers who ordered exactly once", *_COUNT_HINT),
    # 老客户 / existing customers: those who have bought before
    "old": ("下过单的客户", "customers who have ordered",
            "也可以加上时间或次数，例如“下单2次以上”。",
            "You can also add a period or a count, e.g. 'ordered at least twice'."),
    # 大客户 / key accounts: the built-in high-value class, or a spend bound
    "big": ("重要价值客户", "high-value customers", "也可以给出金额，例如“累计消费超过10000元”。",
            "You can also give an amount, e.g. 'spent over 10000 in total'."),
    # 沉默客户 / inactive customers: the built-in dormant class
    "quiet": ("沉睡客户", "dormant customers", "也可以给出时间，例如“近90天没下过单”。",
              "You can also give a period, e.g. 'no order in the last 90 days'."),
    # 潜在客户 / prospects: asked but never bought
    "prospect": ("有咨询但从未下单的客户", "customers who inquired but never ordered",
                 "也可以加上时间，例如“近30天有咨询但未下单”。",
                 "You can also add a period, e.g. 'inquired in the last 30 days but did not "
                 "order'."),
    # 活跃客户 / active customers: ordered lately (the period is theirs to say)
    "active": ("近30天下过单的客户", "customers who ordered in the last 30 days",
               "也可以换成别的行为或时间，例如“近7天到过店”。",
               "You can also name another action or period, e.g. 'visited in the last 7 days'."),
}  # fmt: skip


def buyer_class_question(reason_key: str, word: str) -> Ask:
    """回头客 / 老客户 / 大客户 / repeat buyers / key accounts: no definition in the spec, so the
    word is named and the condition that would say it is offered (a pick answers with it)."""
    zh, en, zh_hint, en_hint = _BUYER_CLASSES[reason_key]
    return Ask(
        f"“{word}”没有固定的定义，我不会猜。您是指{zh}吗？{zh_hint}",
        f"“{word}” has no fixed definition, so I will not guess. Do you mean {en}? {en_hint}",
        (en if word.isascii() else zh,),
    )


def period_question(problem: str) -> None:
    """The questions back for periods the time grammar read but will not guess (issue 19):
    a vague part of a month (9月初 → the days to say instead), two periods with a gap
    between them (9月或11月 → ask them one at a time, or as one range)."""
    parts = problem.split("|")
    if parts[0] == "vague" and len(parts) == 4:
        _, written, zh, en = parts
        raise Ask(
            f"“{written}”没有确切的起止日期，请说具体的日期，例如“{zh}”。",
            f"“{written}” has no exact dates; please give them, e.g. '{en}'.",
            (zh,),
        )
    if parts[0] == "weekday" and len(parts) == 4:
        # "last Friday" on a Sunday: this week's Friday, or the one of the week before?
        _, written, recent, earlier = parts
        days = [date.fromisoformat(d) for d in (recent, earlier)]
        zh_days = [f"{d.month}月{d.day}日" for d in days]
        en_days = [f"{d:%b} {d.day}" for d in days]
        raise Ask(
            f"“{written}”是指{zh_days[0]}还是{zh_days[1]}？请说具体的日期。",
            f"Does “{written}” mean {en_days[0]} or {en_days[1]}? Please give the date.",
            tuple(en_days if written.isascii() else zh_days),
        )
    if parts[0] == "gap" and len(parts) == 2:
        raise Ask(
            f"“{parts[1]}”是两段不相连的时间，一个条件只能用一段连续的时间：请分开问，"
            "或说一段从头到尾的时间（例如“9月1日到11月30日”）。",
            f"“{parts[1]}” are two periods with a gap between them, and a condition takes one "
            "unbroken period: please ask one at a time, or give one range (e.g. 'from Sep 1 "
            "to Nov 30').",
        )
