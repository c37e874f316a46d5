"""Amounts and the verbs of spending them (issue 19, blind s25-1): closed lists the lexicon adds
with `_more` (a surface already meaning something else fails at import, so none shadows a
word), and the slang spend verbs read only before an amount. Every register: zh-Hans, Taiwan
and HK forms (Cantonese 咗 arrives as 了), English, mixed.

- Slang for "spent" (掏了, 刷了, 碌咗, 砸了, 贡献了, "dropped", "shelled out", "forked out",
  "splashed out", "blew"): the total spent, but only with an amount or a comparison right
  after it (刷了两万以上, dropped 1.5k, forked out over 500). Anywhere else the word stays
  unknown and is asked about: 刷了三次 (swiped three times) and 贡献了3单 count something else.
- A total named by its noun (总额, 总计金额, 合计金额, 金额合计): the total spent, as 总金额 and
  累计金额 already are (退款总额 is the refund's, a longer word).
- Not having broken a round number (未破千, 没破万, 冇破两千): at most, as 不超过 says.
- The average order as 客单 / 平均客单 (客单价 said short), and 落在/落喺/落于 (falls in) before
  the range it falls in: nothing more than the range.
- Money said as "dollars" after a number (500 dollars): the company's yuan, as "$500",
  "500 bucks", 500块 and 五百蚊 are; a country's dollar (US dollars, HK dollars, NT dollars) is
  another currency, asked (lexicon: foreign_currency).
- "total" before its comparison in English ("whose total is between 1k and 3k", "with a total
  over 2k"): the total spent; "total orders" and "in total" keep their meaning.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from segmentation.nlq.contribution_words import RANKED_MEASURES, ranking_at
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

# Not having broken it: 未破 / 没破 / 冇破 … before a number.
_NOT_BROKEN = (
    "未破|没破|没有破|冇破|唔破|不破|未突破|没突破|没有突破|冇突破|未曾破|仲未破|还没破|还未破"
)
# (kind, value, "|"-separated surfaces), normalised (simplified, lower case)
WORDS: list[tuple[K, Any, str]] = [
    (K.SPEND, True, "总额|总计金额|合计金额|金额合计|金额总计|总额合计|累计总额|总消费额|消费合计"),
    (K.CMP, ("<=", "pre"), _NOT_BROKEN),
    # …and with the round number in the same word (未破千, 没破万), as 没过万 is
    *(
        (K.THRESHOLD, ("<=", amount), "|".join(f"{w}{unit}" for w in _NOT_BROKEN.split("|")))
        for unit, amount in (("千", 1000), ("万", 10_000))
    ),
    (K.SPEND, "aov", "客单|平均客单|平均客单价格"),
    (K.FILLER, True, "落在|落喺|落于|落入|落到"),
    (K.UNIT, "money", "dollars|dollar"),
    (
        K.UNSUPPORTED,
        "foreign_currency",
        "nt dollars|nt dollar|taiwan dollars|new taiwan dollars|singapore dollars|"
        "sg dollars|australian dollars|canadian dollars|american dollars|u.s. dollars",
    ),
]

# The slang verbs of paying out money, normalised; with an amount after them they are spent.
_SLANG_SPENT = frozenset(
    {
        "掏", "掏出", "掏出来", "刷", "刷卡", "刷卡刷", "刷掉", "碌", "碌卡", "碌卡碌", "砸",
        "砸下", "贡献", "贡献出", "豪掷", "dropped", "drop", "blew", "blown", "splashed",
        "shelled", "forked", "coughed",
    }
)  # fmt: skip
# The particle an English slang verb takes (shelled out, forked over, coughed up, laid out)
_PARTICLES = frozenset({"out", "over", "up"})
# Aspect after a Chinese verb (掏了, 碌咗 as 碌了, 刷过)
_ASPECTS = frozenset({"了", "过", "咗", "出"})
# What a number counted when it is no amount (刷了3次, 贡献了3单, dropped 2 orders)
_COUNTED = frozenset({K.EVENT, K.CUSTOMER})


def slang_spent(tokens: list[Token]) -> list[Token]:
    """`tokens` with each slang verb of paying (see the module) read as the spend word when an
    amount or a comparison of one follows; its particle (out/up/over) goes with it."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        after = _after_verb(tokens, i + 1)
        if tok.kind == K.UNKNOWN and _spent(tok, tokens, after):
            particle = tokens[i + 1] if after > i + 1 else None
            if particle is not None and particle.kind == K.UNKNOWN:  # "shelled out": one word
                tok = replace(tok, end=particle.end, text=f"{tok.text} {particle.text}")
                i += 1  # (了 / 过 keep their own token: 刷过千 compares as 消费过千)
            out.append(replace(tok, kind=K.SPEND, value=True))
            i += 1
            continue
        out.append(tok)
        i += 1
    return out


def _after_verb(tokens: list[Token], i: int) -> int:
    """Where what the verb pays starts: past its aspect (了) or English particle (out)."""
    if i < len(tokens) and tokens[i].text.lower() in _PARTICLES | _ASPECTS:
        return i + 1
    return i


def _spent(tok: Token, tokens: list[Token], i: int) -> bool:
    """What makes a slang paying verb the spend: an amount after it at `i`, or a ranking word
    (贡献最多, 碌卡最多: ranked by what was paid); the business brought (业绩) only the latter."""
    said = tok.text.lower()
    if said in _SLANG_SPENT:
        return _amount_at(tokens, i) or ranking_at(tokens, i)
    return said in RANKED_MEASURES and ranking_at(tokens, i)


def _amount_at(tokens: list[Token], i: int) -> bool:
    """An amount at `i`: a number (or a comparison, a negation, then one) that counts nothing
    else after it — 两万以上, 超过1w, 不到五百, over 2k; not 3次 nor 3单."""
    while i < len(tokens) and tokens[i].kind in (K.CMP, K.NEG, K.BETWEEN):
        i += 1
    if i >= len(tokens) or tokens[i].kind not in (K.NUM, K.THRESHOLD):
        return False
    if i + 1 < len(tokens):
        nxt = tokens[i + 1]
        if nxt.kind in _COUNTED or (nxt.kind == K.UNIT and nxt.value != "money"):
            return False
    return True


# "total" right before the comparison of an amount (whose total is between 1k and 3k, a total
# of over 2k, total above ¥800): the total spent. A number then a counted noun after it (total
# of 5 orders) is no amount and keeps "total" as it was.
_TOTAL_COMPARED = lazy_pattern(
    r"\btotal(?=\s+(?:(?:is|was|of|comes to|came to|that is)\s+)?(?:still\s+)?"
    r"(?:between|over|under|above|below|more than|less than|at least|at most|upwards of|"
    r"no more than|no less than|[<>≥≤])\s*[¥￥$]?\s*\d[\d,.]*\s*(?:k|w|grand)?\b"
    r"(?!\s*(?:orders?|visits?|times|refunds?|inquiries|purchases|customers|clients|people)\b))"
)


# A refund said just before it (refunded a total of over 300, refunds in total): the refunded
# amount's total, which the refund phrases read as it is.
_REFUND_BEFORE = lazy_pattern(r"\b(?:refund|refunds|refunded|returned|returns)\s+(?:\w+\s+)?$")


def total_as_spend(norm: str) -> str:
    """`norm` with "total" before an amount's comparison said as "total spend" (never the
    total of a refund said just before it)."""

    def spend(m: re.Match[str]) -> str:
        return m.group() if _REFUND_BEFORE.search(norm[: m.start()]) else "total spend"

    return _TOTAL_COMPARED.sub(spend, norm)
