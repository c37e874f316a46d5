"""A quote asked for is an inquiry (issue 19, blind s28-1): closed lists the lexicon adds with
`_more` (a surface already meaning something else fails at import), in every register —
zh-Hans, Taiwan and HK (報價 / 搵 arrive as 报价 / 揾), English, mixed.

- 报价 said of the customer (报价嘅客, 报过价的, 报价 request 过): the customer asked for a
  price, the inquiry (spec §2: 询价 / 问价 are inquiry words); 找我报价 / 搵我報價 / 问我报价
  (came to me for a quote) likewise — the 我 there is whom they asked, never "my customers".
- "got a quote", "were quoted", "requested pricing", "price inquiries": the inquiry.
- A price noun right after the inquiry (and its product): "asked about 唇釉 pricing", 问过 price,
  "asked about the prices" — what was asked about, nothing more (money_words drops it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from segmentation.nlq.everyday_words import joined
from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

_ASPECT = ("", "了", "过", "咗")
_QUOTE = ("报价", "报个价", "报下价", "报价钱")

# (kind, value, "|"-separated surfaces), normalised (simplified, lower case)
WORDS: list[tuple[K, Any, str]] = [
    (
        K.EVENT,
        "inquiry",
        joined(("", "有", "有过"), ("报价",), ("", "过", "了", "单"))
        + "|报过价|报了价|报咗价|报过价单|报价request|报价 request|request报价|request 报价|"
        + joined(("找", "揾", "问", "叫"), ("我", "我们", "我哋", "我地"), _ASPECT, _QUOTE),
    ),
    (
        K.EVENT,
        "inquiry",
        joined(
            (
                "got",
                "get",
                "gets",
                "getting",
                "received",
                "receive",
                "requested",
                "request",
                "requesting",
                "wanted",
                "asked for",
            ),
            (
                " a quote",
                " quotes",
                " a quotation",
                " quotations",
                " a price quote",
                " price quotes",
                " pricing",
                " a price",
                " prices",
            ),
        )
        + "|were quoted|was quoted|been quoted|got quoted|get quoted|price inquiries|"
        "price inquiry|pricing inquiries|pricing inquiry|quote inquiries",
    ),
]

# The quote words that may name the price quoted (报价超过1000 = a quote above 1000): with an
# amount after them they are the price, asked back as 价格超过300 is (price_words).
QUOTED_PRICES = frozenset({"报价", "报过价", "报了价", "报咗价", "有报价", "报价过"})

# What a price is called after the inquiry that asked it (normalised, lower case)
_PRICE_NOUNS = frozenset(
    {"price", "prices", "pricing", "the price", "quote", "quotes", "price list", "价钱", "价格"}
)


def price_noun_said(before: list[Token], tok: Token) -> bool:
    """A price noun right after an inquiry, or after an inquiry and the product asked about
    ("asked about 唇釉 pricing", 问过 price): what was asked, which the inquiry says."""
    if tok.kind != K.UNKNOWN or tok.text.lower() not in _PRICE_NOUNS or not before:
        return False
    if before[-1].kind in (K.NAME, K.QUOTE) and len(before) >= 2:
        return _inquiry(before[-2])
    return _inquiry(before[-1])


def _inquiry(tok: Token) -> bool:
    return tok.kind == K.EVENT and str(tok.value).split(":")[0] == "inquiry"
