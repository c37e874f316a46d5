"""What a question about one customer asks of their history (spec/commands.md §2c, customer
card): "他买过什么" (the products of their orders), "她上次下单买的什么" (the last order's),
"他最近咨询的是什么", "佢幾時落單", "她上次詢價是什麼時候" (the date), "what did she buy",
"when did he last visit", "Dan 后来 bought 了什么".

Text only, and only read where the card answers anyway (a pronoun for the card just shown, a
name, a row): the card still comes, with the asked fact said first, so a reading here never
answers a different question. A question with no event word or no what/when word asks
nothing of this kind (the card alone answers it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

About = Literal["items", "when"]

# An English word, whatever is next to it: "bought了什么" has no word boundary before 了.
_EN = r"(?<![a-z]){}(?![a-z])"

# The event kinds a question may ask about, each by its words (normalised: Simplified, lower
# case; HK 落单 / 帮衬 / 嚟, Taiwan 询价 after conversion). Cart first: 加购 holds 购.
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("cart", r"加购物车|加购|购物车|" + _EN.format(r"(?:cart|basket)")),
    (
        "refund",
        r"退款|退货|退过|退了|退咗|退的|退单|" + _EN.format(r"(?:refund\w*|returned|returns?)"),
    ),
    (
        "visit",
        r"到店|来店|进店|到访|来访|来过|嚟过|嚟店|探店|逛店|"
        + _EN.format(
            r"(?:visit\w*|came\s+(?:in|by)|come\s+(?:in|by)|drop(?:ped)?\s+(?:by|in)|"
            r"stopped\s+by)"
        ),
    ),
    (
        "inquiry",
        r"咨询|谘询|询价|询问|问价|问过|问了|问咗|问的|问啲|问些|打听|"
        + _EN.format(r"(?:inquir\w*|enquir\w*|ask(?:ed|s)?)"),
    ),
    (
        "order",
        r"买|购|下单|下的单|下了单|下过单|下咗单|订购|订了|订过|订的|落单|落咗单|落过单|帮衬|成交|消费|"
        + _EN.format(r"(?:bought|buy(?:s|ing)?|purchas\w*|order(?:ed|s)?)"),
    ),
)
# "请问 / 想问下 / 问一下" only ask; they are no inquiry of the customer's.
_ASKING_US = lazy_pattern(r"请问|想问下|想问一下|想问|问一下|问下|我问你|i\s+asked\s+you")
# When: the date of the last such event.
_WHEN = lazy_pattern(
    r"什么时候|啥时候|甚么时候|几时|哪天|哪一天|几号|何时|日期|几月几号|"
    + _EN.format(r"(?:when|what\s+(?:date|day|time)|how\s+long\s+ago)")
)
# What: the products.
_WHAT = lazy_pattern(
    r"什么|甚么|啥|哪些|哪个|哪款|哪种|哪样|咩|乜|边款|边啲|边样|" + _EN.format(r"(?:what|which)")
)
# The last one (or the latest ones): 上次, 最近, last, latest, recently.
_LAST = lazy_pattern(
    r"上次|上一次|上回|上一单|最近|最新|最后|近排|" + _EN.format(r"(?:last|latest|recent(?:ly)?)")
)


@dataclass(frozen=True)
class CardAsk:
    """One thing asked: of events of `kind`, the products ("items") or the date ("when");
    `last`: the last one said (上次 / last), else all of them."""

    kind: str
    about: About
    last: bool

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "about": self.about, "last": self.last}

    @classmethod
    def from_json(cls, data: Any) -> CardAsk | None:
        if not isinstance(data, dict) or data.get("about") not in ("items", "when"):
            return None
        return cls(str(data.get("kind") or ""), data["about"], bool(data.get("last")))


def card_asks(text: str) -> tuple[CardAsk, ...]:
    """What `text` asks of one customer's history, in the order said; () for nothing."""
    said = _ASKING_US.sub(" ", normalize(text or ""))
    about: About | None = "when" if _WHEN.search(said) else "items" if _WHAT.search(said) else None
    if about is None:
        return ()
    last = about == "when" or _LAST.search(said) is not None
    return tuple(CardAsk(kind, about, last) for kind in _kinds_said(said))


def _kinds_said(said: str) -> list[str]:
    """The kinds `said` names, in the order said (a kind's words once taken are no other's:
    加购 is no 购)."""
    found: list[tuple[int, str]] = []
    rest = said
    for kind, words in _KIND_WORDS:
        match = re.search(words, rest)
        if match is None:
            continue
        found.append((match.start(), kind))
        rest = re.sub(words, lambda m: " " * len(m.group()), rest)
    return [kind for _, kind in sorted(found)]


def asks_to_json(asks: tuple[CardAsk, ...]) -> list[dict[str, Any]]:
    return [a.to_json() for a in asks]


def asks_from_json(data: Any) -> tuple[CardAsk, ...]:
    if not isinstance(data, list):
        return ()
    return tuple(a for a in map(CardAsk.from_json, data) if a is not None)
