"""A swap that names what it replaces (spec/commands.md §2c, issue 19): "把北京改为上海",
"北京换成上海", "將北京改做上海", "唔要北京，要上海", "city 换成 上海", "性别换一下，看女的",
"把詢價換成下單", "Shanghai instead of Beijing", "swap 金卡 for VIP", "change the city to
Shanghai", "the other gender".

The old part is said by its value ("北京", "金卡", "询价": a condition of the previous answer)
or by its kind ("城市", "city", "性别": whatever value that answer has). Only the words are
read here: what the two parts mean is the parser's, the tree operation value_swap.py's, and
what to answer the chat's. Text only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from segmentation.nlq.lazy_re import lazy_pattern

_PUNCT = "\\s,，、:：;；.。!！?？~～"
_LEAD_ZH = (
    r"(?:(?:那|那么|那麼|那就|就|好|好的|嗯|咁|噉|咁就|再|不如|帮我|幫我|麻烦|麻煩|请|請|OK|ok)"
    rf"[{_PUNCT}]*)*"
)
# The verbs that put one value in another's place: 换成/改为/改做/转做/变成/替换成/调成 …
_INTO_ZH = (
    r"(?:替换成|替換成|替换为|替換為|换成|換成|改成|改为|改為|换为|換為|换做|換做|改做|转做|轉做|"
    r"转成|轉成|转为|轉為|变成|變成|变为|變為|调成|調成|换到|換到|改到|换去|換去|改去|转去|轉去|"
    r"改咗做|换咗做|換咗做|转咗做|轉咗做)"
)
_TAIL_ZH = (
    r"(?:吧|啦|喇|呢|先|嘞|咯|囉|啰|看看|看一下|看下|睇下|睇吓|睇睇|再看|再查|再睇|试试|試試|一下)*"
)
# 把北京改为上海 / 将城市换成上海 / 北京换成上海 / city 换成 上海
_ZH_INTO = lazy_pattern(
    rf"^{_LEAD_ZH}(?:把|将|將)?\s*(?P<old>[^{_PUNCT}]+?)\s*(?:这个|這個|呢个|呢個|的|嘅)?\s*"
    rf"(?:条件|條件)?\s*{_INTO_ZH}\s*(?P<new>.+?)\s*{_TAIL_ZH}[{_PUNCT}]*$",
    re.S | re.I,
)
# 用上海代替北京 / 上海代替北京 / 拿VIP替换金卡
_ZH_INSTEAD = lazy_pattern(
    rf"^{_LEAD_ZH}(?:用|拿|以)?\s*(?P<new>[^{_PUNCT}]+?)\s*(?:代替|取代|替换|替換|换掉|換掉|顶替|頂替)"
    rf"\s*(?P<old>[^{_PUNCT}]+?)\s*{_TAIL_ZH}[{_PUNCT}]*$",
    re.S,
)
# 不要北京，要上海 / 唔要北京，要上海 / 不看北京了，看上海
_ZH_NOT_BUT = lazy_pattern(
    rf"^{_LEAD_ZH}(?:不要|唔要|不看|唔睇|不是|唔係|唔系)\s*(?P<old>[^{_PUNCT}]+?)\s*(?:了|喇|啦)?"
    rf"[{_PUNCT}]+\s*(?:而是|改为|改為|换|換|改)?\s*(?:要|看|睇|查)\s*(?P<new>[^{_PUNCT}].*?)\s*"
    rf"{_TAIL_ZH}[{_PUNCT}]*$",
    re.S,
)
# 性别换一下，看女的 / 城市改一改，睇上海 (the kind, then the new value in its own clause)
_ZH_KIND_THEN = lazy_pattern(
    rf"^{_LEAD_ZH}(?:把)?\s*(?P<old>[^{_PUNCT}]{{1,8}}?)\s*(?:换|換|改|转|轉|调|調)\s*"
    rf"(?:一下|下|一换|一換|一改|个|個)?\s*[{_PUNCT}]+\s*(?:改|换|換|转|轉)?\s*"
    rf"(?:看|睇|要|查|改成|换成|換成)\s*(?P<new>[^{_PUNCT}].*?)\s*{_TAIL_ZH}[{_PUNCT}]*$",
    re.S,
)

_LEAD_EN = r"(?:(?:ok(?:ay)?|and|then|now|so|well|alright|actually|hmm+|please|pls|no)[\s,]+)*"
# Shanghai instead of Beijing / Shanghai rather than Beijing / Shanghai in place of Beijing
_EN_INSTEAD_OF = lazy_pattern(
    rf"^{_LEAD_EN}(?:(?:what\s+about|how\s+about|try|use|make\s+it|show\s+me)\s+)?"
    r"(?P<new>.+?)\s+(?:instead\s+of|rather\s+than|in\s+place\s+of|in\s+lieu\s+of)\s+"
    r"(?P<old>.+?)(?:\s+(?:please|pls))?\s*[?.!]*$",
    re.S | re.I,
)
# instead of Beijing, Shanghai / instead of Beijing, what about Shanghai
_EN_INSTEAD_FIRST = lazy_pattern(
    rf"^{_LEAD_EN}(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+(?P<old>[^,;:]+?)\s*[,;:]\s*"
    r"(?:(?:what|how)\s+about\s+|try\s+|use\s+|show\s+me\s+)?(?P<new>.+?)\s*[?.!]*$",
    re.S | re.I,
)
# swap 金卡 for VIP / replace Beijing with Shanghai / change the city to Shanghai / switch
# inquiries to orders / turn women into men
_EN_SWAP = lazy_pattern(
    rf"^{_LEAD_EN}(?:(?:can|could|would)\s+you\s+)?(?:let'?s\s+)?"
    r"(?:swap|switch|change|replace|turn|trade|exchange|flip|substitute)\s+(?:out\s+)?"
    r"(?P<old>.+?)\s+(?:for|to|with|into|over\s+to|by)\s+(?P<new>.+?)"
    r"(?:\s+(?:instead|please|pls))?\s*[?.!]*$",
    re.S | re.I,
)
# make the city Shanghai / set the gender to female
_EN_SET_KIND = lazy_pattern(
    rf"^{_LEAD_EN}(?:make|set|put)\s+(?:the\s+)?(?P<old>city|location|gender|sex|owner|rep|"
    r"salesperson|tag|department|period|time\s+range|date\s+range|window)\s+(?:to\s+|as\s+)?"
    r"(?P<new>.+?)\s*[?.!]*$",
    re.S | re.I,
)
# The words that stand for the answer itself, not one part of it ("change it to Beijing"):
# what "the question with X instead" readers read (followup.py).
_NOT_A_PART = lazy_pattern(
    r"^(?:it|that|this|them|those|these|the\s+(?:question|list|query|search|segment|results?)|"
    r"(?:这|這|那|呢|嗰)(?:个|個|些|啲)?|他们|她们|他們|她們|佢哋|这些人|這些人)$",
    re.I,
)

# The other value of a two-valued condition: 换个性别 / 性别反过来 / 性別調返轉 / the other
# gender / flip the gender / opposite sex.
_OTHER_GENDER = lazy_pattern(
    rf"^{_LEAD_ZH}(?:(?:换|換|改|转|轉)(?:个|個|一个|一個|一下|下)?(?:性别|性別)|"
    r"(?:性别|性別)(?:换|換|改|转|轉|调|調|反)(?:一下|下|过来|過來|转|轉|返转|返轉|番转|番轉|个|個)?|"
    r"(?:另外|另一个|另一個|相反|反过来|反過來)(?:的)?(?:性别|性別))"
    rf"\s*(?:呢|吧|啦|喇|看看|睇下)*[{_PUNCT}]*$|"
    rf"^{_LEAD_EN}(?:(?:what\s+about|how\s+about|and)\s+)?(?:(?:flip|switch|swap|reverse|change)\s+"
    r"(?:the\s+)?(?:gender|sex)s?|(?:the\s+)?(?:other|opposite)\s+(?:gender|sex))"
    r"(?:\s+(?:then|instead|please))?\s*[?.!]*$",
    re.S | re.I,
)
# A number alone made higher or lower: "raise it to 5000", "lower the amount to 500", "提高到
# 5000", "門檻降到3次", "调到2000" (the old number is the question's one amount or count).
_NUMBER = r"(?P<new>\d[\d,.]*\s*(?:k|K|千|万|萬|元|块|塊|蚊|次)?)"
_ZH_NUMBER_TO = lazy_pattern(
    rf"^{_LEAD_ZH}(?:把|将|將)?\s*(?:金额|金額|门槛|門檻|次数|次數|数字|數字|数|數|它|佢|标准|標準)?\s*"
    r"(?:提高|调高|調高|提升|升|加|降低|降|调低|調低|减少|減少|减|減|改|调|調|设|設)\s*(?:返|番)?\s*"
    rf"(?:到|至|成|为|為)\s*{_NUMBER}\s*{_TAIL_ZH}[{_PUNCT}]*$",
    re.S,
)
_EN_NUMBER_TO = lazy_pattern(
    rf"^{_LEAD_EN}(?:(?:can|could)\s+you\s+)?(?:raise|lower|increase|decrease|bump|drop|change|set|"
    r"make|move|put|up|lift|reduce)\s+(?:it|that|this|the\s+(?:amount|threshold|number|bar|"
    r"limit|count|minimum|maximum|cutoff|cut-off))\s+(?:up\s+|down\s+)?(?:to\s+)?"
    rf"{_NUMBER}(?:\s+(?:instead|please))?\s*[?.!]*$",
    re.S | re.I,
)
_OTHER = "other"  # `new` of a swap to the other value of a two-valued kind


@dataclass(frozen=True)
class ValueSwap:
    """Put `new` in the place of `old` in the previous answer: both as said, to be read by
    the parser (`old` may be a value or a kind word, or empty for the question's one number;
    `new` is OTHER for the other gender)."""

    old: str
    new: str

    @property
    def to_other(self) -> bool:
        return self.new == _OTHER


def read_value_swap(text: str) -> ValueSwap | None:
    """The swap `text` says, naming what it replaces, or None."""
    plain = re.sub(r"\s+", " ", text.strip())
    if _OTHER_GENDER.match(plain):
        return ValueSwap("性别", _OTHER)
    number = _ZH_NUMBER_TO.match(plain) or _EN_NUMBER_TO.match(plain)
    if number is not None:  # the old number is the question's one: said as ""
        return ValueSwap("", number["new"].strip())
    for shape in (_ZH_KIND_THEN, _ZH_NOT_BUT, _ZH_INSTEAD, _ZH_INTO, _EN_INSTEAD_FIRST,
                  _EN_INSTEAD_OF, _EN_SET_KIND, _EN_SWAP):  # fmt: skip
        found = shape.match(plain)
        if found is None:
            continue
        old, new = _part(found["old"]), _part(found["new"])
        if old and new and not _NOT_A_PART.match(old) and not _NOT_A_PART.match(new):
            return ValueSwap(old, new)
    return None


def _part(words: str) -> str:
    """One side of the swap without the edges that say nothing ("the", quotes, 的)."""
    said = words.strip(_PUNCT.replace("\\s", "") + " ").strip("“”\"'‘’「」")
    said = re.sub(r"^(?:the|a|an)\s+", "", said, flags=re.I)
    return said.strip()
