"""Yes/no question tails (issue 19): "上个月下过单没", "近3小时有人问价没有？", "落咗單未",
"有VIP标签冇", "下过单还是没有", "买过还是没买过", "did anyone order last week or not?".
A negation that ends the message right after what happened asks whether it happened; it
negates nothing. The list reply starts with the count, which answers yes or no.

A negation after a window, 都/也, a conjunction or a comma is no tail: it refers back ("咨询过
但近两个月没有", "一单都没有") and keeps its meaning. A clause with no event or tag word before
the negation ("买过唇釉但精华液没有") is left as it is, to be read (or asked) as before."""

from __future__ import annotations

from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token

# What a yes/no question ends with: 没/没有/未/冇/不 (沒/沒有 are normalised to 没/没有);
# "not" only after 'or' ("…or not?").
_TAIL_WORDS = frozenset({"没", "没有", "未", "冇", "不", "否", "not"})
_OR_ONLY = frozenset({"not"})
# What may follow the tail: a question mark, a sentence-final particle (吗/呢/啊 are fillers).
_AFTER = frozenset({K.SEP, K.FILLER})
# Words between the event and the tail that carry nothing: 了/过/东西 ("买过东西没有").
_BETWEEN = frozenset({K.FILLER})
# The verb of an event said before it (单…没下, 单…冇落): left as a filler word, it shows the
# negation is the verb's, not a question tail.
_VERB_LEFT = frozenset({"下", "下过", "下了", "落", "落过", "开", "开过"})
# What the question asks about: something that happened, or a tag.
_ASKED = frozenset({K.EVENT, K.TAGWORD})
# Where a clause of its own begins: a bare tail refers to nothing before it.
_CLAUSE_BREAKS = frozenset({K.AND, K.OR, K.SEP, K.CLAUSE, K.BOTH, K.WINDOW, K.NEG, K.YET})


def yes_no_tail(tokens: list[Token]) -> list[Token]:
    """`tokens` without a final negation that only asks yes or no."""
    end = len(tokens)
    while end > 0 and tokens[end - 1].kind in _AFTER and tokens[end - 1].value != "question":
        if tokens[end - 1].text in _VERB_LEFT:
            return tokens  # "这个季度一单没下": 没 negates the verb after it, no question
        end -= 1
    tail = _tail_start(tokens, end)
    if tail is None:
        return tokens
    first, with_or = tail
    # "…或者没有", "…or not": the alternative is the question form, whatever came before
    # it (a window too: "ordered in the last 3 hours or not"); a bare 没 must follow the
    # event itself, or it refers back.
    breaks = _CLAUSE_BREAKS - {K.WINDOW} if with_or else _CLAUSE_BREAKS
    before = first - 1
    while before >= 0 and _skipped(tokens[before], with_or):
        before -= 1
    if before < 0 or tokens[before].kind in breaks:
        return tokens  # "近两个月没有", "一单都没有", "但没有": it refers back
    start = before
    while start > 0 and tokens[start - 1].kind not in breaks:
        start -= 1
    if not any(t.kind in _ASKED for t in tokens[start : before + 1]):
        return tokens  # "精华液没有": no event or tag asked about
    return tokens[:first] + tokens[end:]


def _skipped(tok: Token, with_or: bool) -> bool:
    """Between the event and the tail: 了/过, and after an 'or' tail also a window."""
    return tok.kind in _BETWEEN or (with_or and tok.kind == K.WINDOW)


def _tail_start(tokens: list[Token], end: int) -> tuple[int, bool] | None:
    """Where the question tail ending at `end` begins, and whether it starts with 'or'."""
    pos = end - 1
    if pos < 0:
        return None
    repeated: Token | None = None
    if tokens[pos].kind == K.EVENT:  # 买过还是没买(过): the event said again after 没
        repeated = tokens[pos]
        pos -= 1
        while pos >= 0 and tokens[pos].kind in _BETWEEN:
            pos -= 1
    if pos < 0 or tokens[pos].kind != K.NEG or tokens[pos].text not in _TAIL_WORDS:
        return None
    with_or = pos > 0 and tokens[pos - 1].kind == K.OR
    if (repeated is not None or tokens[pos].text in _OR_ONLY) and not with_or:
        return None  # "没下单" is a negation; a bare final "not" is no question form
    if repeated is not None and not _said_before(tokens[: pos - 1], repeated):
        return None  # "下过单还是没咨询": two different things, no yes/no
    return (pos - 1, True) if with_or else (pos, False)


def _said_before(tokens: list[Token], event: Token) -> bool:
    return any(t.kind == K.EVENT and t.value == event.value for t in tokens)
