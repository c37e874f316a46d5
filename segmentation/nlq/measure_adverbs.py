"""An adverb between a measure and its comparison says nothing about the customers:
累计消费却不到2000, 总消费却不到800, 平均每单也在400以上, 客单价都低于300, 退款次数也超过2次,
spend was still under 500. The adverb (却/也/都/还/仍…) is dropped there, so the measure and
its comparison read as if it had not been said. Anywhere else (咨询过也下过单, 都有VIP和金卡)
the word keeps its meaning."""

from __future__ import annotations

from typing import TYPE_CHECKING

from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

# A closed list: contrast / additive / persistence adverbs that take no condition of their own.
_ADVERBS = frozenset(
    {
        "却", "卻", "也", "都", "还", "還", "仍", "仍然", "依然", "还是", "還是", "但", "但是",
        "竟然", "居然", "又", "亦", "都係", "都系", "still", "also", "even", "only just",
    }
)  # fmt: skip
# Persistence adverbs also said before the measure (who still spent over ¥1,000, 仍然消费超过一千):
# they add nothing there either.
_STILL = frozenset({"still", "仍", "仍然", "依然", "仍旧", "照样", "照旧"})
# 次数 / 金额 after an event or refund word: the count or sum of it is the measure.
_MEASURE_NOUNS = frozenset({"次数", "次數", "金额", "金額", "总额", "總額", "amount"})
# Words that may stand between the adverb and the comparison: 也在400以上, spend was still under.
_COPULAS = frozenset({"在", "是", "係", "系", "要"})


def drop_measure_adverbs(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        if (
            tok.text.lower() in _ADVERBS
            and tok.kind in (K.AND, K.BOTH, K.UNKNOWN, K.FILLER, K.YET)
            and _measure_before(out)
            and _comparison_after(tokens, i + 1)
        ):
            continue
        if _still_before_measure(tokens, i):
            continue
        out.append(tok)
    return out


def _still_before_measure(tokens: list[Token], i: int) -> bool:
    """仍然 / still right before a spend word that a comparison follows (still spent over 1k)."""
    tok = tokens[i]
    if tok.text.lower() not in _STILL or tok.kind not in (K.UNKNOWN, K.FILLER):
        return False
    spend_next = i + 1 < len(tokens) and tokens[i + 1].kind == K.SPEND
    return spend_next and _comparison_after(tokens, i + 2)


def _measure_before(out: list[Token]) -> bool:
    j = len(out) - 1
    while j >= 0 and out[j].kind == K.FILLER and out[j].text.lower() in ("was", "is", "are"):
        j -= 1
    if j < 0:
        return False
    last = out[j]
    if last.kind == K.SPEND:
        return True
    return (
        last.kind == K.FILLER
        and last.text in _MEASURE_NOUNS
        and j > 0
        and out[j - 1].kind == K.EVENT
    )


def _comparison_after(tokens: list[Token], i: int) -> bool:
    while i < len(tokens) and tokens[i].text in _COPULAS:
        i += 1
    if i >= len(tokens):
        return False
    nxt = tokens[i]
    if nxt.kind in (K.CMP, K.THRESHOLD):
        return True
    # 也在400以上: a number with its comparison after it
    return (
        nxt.kind == K.NUM
        and i + 1 < len(tokens)
        and tokens[i + 1].kind == K.CMP
        and tokens[i + 1].value[1] == "post"
    )
