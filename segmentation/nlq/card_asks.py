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
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.one_customer import LAST_TIME_ZH
from segmentation.text import normalize

About = Literal["items", "when", "field"]

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
    LAST_TIME_ZH + r"|最近|最新|最后|近排|" + _EN.format(r"(?:last|latest|recent(?:ly)?)")
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
        if not isinstance(data, dict) or data.get("about") not in ("items", "when", "field"):
            return None
        return cls(str(data.get("kind") or ""), data["about"], bool(data.get("last")))


def card_asks(text: str) -> tuple[CardAsk, ...]:
    """What `text` asks of one customer (their history, then the card's own facts: where
    they live, who follows them…), in the order said; () for nothing."""
    said = _ASKING_US.sub(" ", normalize(text or ""))
    return _history_asks(said) + field_asks(said)


def _history_asks(said: str) -> tuple[CardAsk, ...]:
    about: About | None = "when" if _WHEN.search(said) else "items" if _WHAT.search(said) else None
    if about is None:
        return ()
    last = about == "when" or _LAST.search(said) is not None
    return tuple(CardAsk(kind, about, last) for kind in _kinds_said(said))


# The card's own facts a question may ask, each by its words (normalised: Simplified, lower
# case; Cantonese 喺 / 边 / 几多 / 使咗 → 使了; Taiwan 管道 / 透过). Each needs a question word
# (or "的 + the fact's noun": "她的标签"), so a condition ("上海的客户") is never one.
_FIELD_WORDS: tuple[tuple[str, str], ...] = (
    (
        "channel",
        r"渠道|管道|来源|活码|添加方式|加的方式|(?:怎么|怎样|如何|点样|咋|点么)(?:样)?(?:被)?"
        r"(?:加|添加|加上|认识|来)|(?:通过|透过|经|从|由|走)(?:什么|啥|哪个|哪条|哪里|哪|边个|边度|咩)|"
        r"(?:哪里|哪儿|边度|哪)(?:加|来)的|"
        + _EN.format(
            r"(?:channel|source|how\s+(?:was|were|did|has)\s+(?:he|she|they|this\s+customer)\s+"
            r"(?:get\s+|been\s+)?(?:added|add(?:ed)?\s+(?:us|me)|find\s+us|found\s+us|"
            r"come\s+(?:in|to\s+us)|acquired|join(?:ed)?)|added\s+(?:via|through|how|by\s+what))"
        ),
    ),
    (
        "owner",
        # Taiwan 業務 (a sales rep): 她的跟進業務是誰, 負責業務
        r"跟进人|负责人|对接人|跟进业务|负责业务|业务员|跟进的业务|跟进销售|负责销售|对接销售|"
        r"(?:谁|边个|哪个销售|哪位销售|哪位同事|哪个同事|边位)(?:现在|目前|而家|依家|宜家)?(?:在|系|是)?"
        # the English verb in a Chinese question: "她现在是谁 follow 的", "边个 handle 佢"
        r"\s*(?:跟|负责|对接|管|加|照顾|顾|带|follow|handle|in\s+charge)|"
        r"(?:跟|负责|对接)(?:他|她|佢|ta)(?:的|嘅)?(?:是|系)?(?:谁|边个|哪位)|"
        r"(?:是|系|归|属于)(?:谁|边个|哪个销售|哪位)(?:的|嘅)?(?:客|跟)|归谁|"
        # whose she is, said by 归 / 属于 alone: "归哪个销售", "属于边个同事", "归边位管"
        r"(?:归|属于)(?:边个|边位|哪个|哪位)(?:销售|同事|业务员|业务|sales)?|"
        + _EN.format(
            r"(?:who(?:'s|\s+is)?\s+(?:now\s+|currently\s+)?(?:follows?|following|owns?|handles?|"
            r"handling|looks?\s+after|looking\s+after|takes?\s+care\s+of|taking\s+care\s+of|"
            r"works?\s+with|working\s+with|deals?\s+with|dealing\s+with|covers?|covering|"
            r"in\s+charge\s+of|responsible\s+for|manages?|managing|(?:his|her)\s+owner)|owner|"
            # her rep: "who's her rep now", "which rep has her", "her account manager"
            r"(?:his|her)\s+(?:sales\s*)?(?:rep|salesperson|account\s+manager)|"
            r"which\s+(?:sales\s*)?(?:rep|salesperson|colleague)\s+(?:has|owns|handles|follows|covers|"
            r"is\s+on)|"
            r"whose\s+customer|followed\s+by|assigned\s+to)"
        ),
    ),
    (
        "city",
        r"城市|哪个城|哪座城|哪里人|哪儿人|边度人|(?:是|系)(?:哪里|哪儿|边度)人?|"
        r"(?:在|住|喺|住喺|住在|来自)(?:哪里|哪儿|边度|哪(?![个种些款样])|边(?![个款啲样]))"
        r"(?!加|买|下单|落单|咨询|问)|"
        r"哪个地方|咩地方|乜地方|"
        + _EN.format(
            r"(?:city|where\s+(?:is|does|'s)\s+(?:he|she|this\s+customer)\s*(?:from|based|live|"
            r"located)?|where(?:'s|\s+is)\s+(?:he|she)|which\s+city|what\s+city|based\s+where|"
            r"lives?\s+where)"
        ),
    ),
    ("tags", r"标签|标记|" + _EN.format(r"(?:tags?|tagged|labels?)")),
    (
        "spend",
        r"(?:消费|花|使|用|买|给|俾|帮衬)(?:了|过)?(?:我们|我哋)?(?:多少|几多|几钱)|"
        r"(?:累计|总|一共|总共|合共)(?:消费|花费|金额|买了|消费了)|消费金额|消费总额|多少钱|几多钱|"
        + _EN.format(
            r"(?:how\s+much|spent|spend(?:ing|s)?|lifetime\s+value|total\s+(?:value|orders?))"
        ),
    ),
    (
        "company",
        r"公司|单位|边度返工|哪里上班|在哪上班|"
        + _EN.format(r"(?:company|employer|works?\s+(?:at|for))"),
    ),
    (
        "phone",
        r"电话|手机|联系方式|" + _EN.format(r"(?:phone|mobile|(?:contact\s+)?number)"),
    ),
    ("remark", r"备注|" + _EN.format(r"(?:remarks?|notes?)")),
)
_FIELD_QUESTION = lazy_pattern(
    r"什么|甚么|啥|哪|谁|边|几|多少|咩|乜|点|怎|如何|吗|呢|冇|没|[?？]|"
    + _EN.format(r"(?:what|which|where|who|whose|how|is|does|did|has|any)")
)
# "她的标签", "佢嘅电话", "his tags": the fact's noun after the customer, asked by naming it.
_FIELD_OF_HER = lazy_pattern(
    r"(?:他|她|佢|ta|客户|customer)(?:的|嘅|个|'s)?\s*"
    r"(?:城市|跟进人|负责人|跟进业务|负责业务|业务员|跟进销售|负责销售|渠道|来源|添加方式|标签|公司|"
    r"电话|手机|备注|消费|city|owners?|channel|source|tags|company|phone|remarks?|spend)|"
    r"(?<![a-z])(?:his|her)\s+(?:city|owners?|channel|source|tags|company|phone|remarks?|spend)"
)


def field_asks(said: str) -> tuple[CardAsk, ...]:
    """The card's facts normalised `said` asks (its city, owner, channel, tags, spend,
    company, phone or remark), in the order said; () when it asks none of them."""
    if not (_FIELD_QUESTION.search(said) or _FIELD_OF_HER.search(said)):
        return ()
    return tuple(CardAsk(kind, "field", False) for kind in _said_in_order(said, _FIELD_WORDS))


def _kinds_said(said: str) -> list[str]:
    """The kinds `said` names, in the order said (a kind's words once taken are no other's:
    加购 is no 购)."""
    return _said_in_order(said, _KIND_WORDS)


def _said_in_order(said: str, table: Iterable[tuple[str, str]]) -> list[str]:
    """The kinds of `table` (kind, words pattern) that `said` names, in the order said; the
    words a kind took are blanked, so no later kind reads them again."""
    found: list[tuple[int, str]] = []
    rest = said
    for kind, words in table:
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
