"""Ranking words of the business a customer brings (issue 19, blind s28-1): closed lists the
lexicon adds with `_more` (a surface already meaning something else fails at import), each a
category in every register — zh-Hans, Taiwan and HK forms (業績 arrives as 业绩), English and
English words in a Chinese frame.

- Spend said as the business brought: 业绩 (业绩前10, 業績最差), 贡献度 / 贡献额, "revenue
  contributors", "contribution": the total order amount, as 消费 is (spec §2 ranks by it) —
  before a ranking word only (`RANKED_MEASURES`): 张三的业绩超过10万 is a colleague's own
  performance, which no condition says, and stays asked.
- The ends of a ranking said as best / worst: 最差 / 最烂 / 最弱 (the bottom), 最好的 / 最强
  (the top) — after a measure they rank by it; alone they still ask "by what?".
- A ranking said as a chart: 排行前 / 排行榜前 (= 排名前), 排行后 / 排行榜后 (= 排名后).

The slang paying verbs (贡献, 碌卡, 刷卡…) are spend before a ranking word as well as before an
amount (amount_words.slang_spent, `ranking_at` here): 贡献最多的3个, 碌卡最多嘅頭五個.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from segmentation.nlq.everyday_words import joined
from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

_DE = ("", "的")

# (kind, value, "|"-separated surfaces), normalised (simplified, lower case)
WORDS: list[tuple[K, Any, str]] = [
    # the measure said as "by" it, or as the customers who bring it: no one else's performance
    (
        K.SPEND,
        True,
        joined(("按", "按照", "依", "根据"), ("业绩", "贡献", "贡献度", "业绩贡献"))
        + "|by contribution|by revenue contribution|revenue contributors|revenue contributor|"
        "contributors|contributor",
    ),
    (K.RANK, "bottom", joined(("最差", "最烂", "最弱", "最衰"), _DE)),
    # (最大 / 最小 are size words rank_singular reads before the customers: not here)
    (K.RANK, "top", joined(("最强", "最棒", "最犀利"), _DE) + "|最好的"),
    (K.RANK, "top", joined(("排行", "排行榜", "排行榜上"), ("前", "头", "靠前"))),
    (K.RANK, "bottom", joined(("排行", "排行榜", "排行榜上"), ("后", "尾", "靠后", "倒数"))),
]

# The business brought, as a word (normalised): the spend only right before a ranking word
# (业绩前10, 贡献度最高的, contribution top 5). Anywhere else it may be a colleague's own
# performance (张三的业绩超过10万, 我们部门的业绩), which no condition says: it stays asked.
RANKED_MEASURES = frozenset(
    {"业绩", "业绩额", "累计业绩", "总业绩", "业绩金额", "业绩总额", "贡献度", "贡献值", "贡献额",
     "贡献金额", "contribution", "contributions", "revenue contribution"}
)  # fmt: skip

# What a slang paying verb may stand before to be the measure of a ranking
_RANKING_KINDS = frozenset({K.MOST, K.RANK})


def ranking_at(tokens: list[Token], i: int) -> bool:
    """A ranking word at `i` (最多, 最少, 前, 最差…): a slang verb of paying before it is the
    measure ranked — 贡献最多的3个 is 消费最多的3个."""
    return i < len(tokens) and tokens[i].kind in _RANKING_KINDS
