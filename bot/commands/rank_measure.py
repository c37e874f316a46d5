"""A ranking said without its measure, in a thread whose last answer was ranked by spend:
"看上个月最少的三个", "那 bottom 20% 呢", "最少嗰三個呢", "and the lowest 5?". Alone the
parser asks "ranked by what?" (最少的三个 could be the fewest orders); after a spend ranking
nothing else is meant, so the message is read with 消费 (spend) before its rank word (in
English, "spending" after it: "the lowest spending 5")."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.commands import conversation as conv
from segmentation.nlq.interpret import RANKED_BY_WHAT
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.rank_pick import read_ranked_pick
from segmentation.text import normalize

# A rank word whose measure is unsaid (normalised text).
_RANK_WORD = lazy_pattern(
    r"(?<![a-z])(?:top|bottom|lowest|highest)(?![a-z])|最少|最多|最高|最低|倒数|排名前|排名后|"
    r"前\d+名|后\d+名|前[一二两三四五六七八九十]+名|后[一二两三四五六七八九十]+名"
)
# Any measure word said: the message is read as it stands.
_MEASURE = lazy_pattern(
    r"消费|花钱|使钱|买得|花得|客单价|订单|下单|咨询|问价|到店|退款|金额|单数|次数|"
    r"(?<![a-z])(?:spend|spends|spent|spender|spenders|spending|orders?|ordered|revenue|"
    r"inquir\w*|visits?|refunds?)(?![a-z])"
)
# The count said right after an English rank word ("bottom 3", "top 20%", "top five")
_EN_COUNT = lazy_pattern(
    r"\s*(?:\d+(?:\.\d+)?\s*%|\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty)"
    r"(?![a-z0-9%])"
)


def with_measure(
    text: str,
    previous: Callable[[], conv.PreviousAnswer | None],
    asks: Callable[[str], str | None],
) -> str:
    """`text` with 消费 before its rank word when the last answer (`previous`, loaded only
    for a message with a rank word) was ranked by spend and `text` alone would be asked
    "ranked by what?" (`asks`: the question a text alone is asked, None when understood);
    else `text` as it is — a pick from the ranking shown ("最后两名", "the bottom two") and a
    measure said anew are read as they are."""
    norm = normalize(text)
    found = _RANK_WORD.search(norm)
    if found is None or _MEASURE.search(norm) or read_ranked_pick(text) is not None:
        return text  # (a pick from the ranking shown: bot/commands/ranked_pick.py)
    shown = previous()
    if shown is None or not _ranked_by_spend(shown.segment) or asks(text) not in RANKED_BY_WHAT:
        return text
    if not re.search(r"[\u4e00-\u9fff]", norm):
        count = _EN_COUNT.match(norm, found.end())
        if count is not None:  # "bottom 3 of all time": "bottom 3 spenders of all time"
            return f"{norm[: count.end()]} spenders{norm[count.end() :]}"
        return f"{norm[: found.end()]} spending{norm[found.end() :]}"  # "the lowest spending 5"
    return norm[: found.start()] + "消费" + norm[found.start() :]


def _ranked_by_spend(node: Any) -> bool:
    if isinstance(node, dict):
        if node.get("type") == "ranked" and node.get("by", "spend") == "spend":
            return True
        return any(_ranked_by_spend(value) for value in node.values())
    if isinstance(node, list):
        return any(_ranked_by_spend(value) for value in node)
    return False
