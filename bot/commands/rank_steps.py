"""The ranking just shown, asked again over another period (issue 19): "消费最多的3个客户" then
"换成近30天的消费排名" / "用上個月嘅消費再排過" / "rank by last month's spend instead" is the
same ranking — its end, its count (or share), its customers — by the spend of that period
(segmentation/nlq/rank_window.py reads the words). The period must be one the tokenizer reads
as a window; anything else said there is no such change and is read as usual.

After an answer that is no ranking the words are left to the other readings (a sort of that
list, or a ranking of its own).
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.context import ask_again, previous_segment
from bot.commands.ranked_pick import ranked_among, ranking_narrowed
from bot.commands.said_tokens import readable_tokens
from bot.services.answer import Answer
from segmentation.nlq.rank_window import ORDERS, RankWindow, read_rank_window
from segmentation.nlq.tokens import K
from segmentation.nodes import Node, RankBy, Ranked, Window
from segmentation.scope import Requester
from segmentation.text import normalize

# What may stand beside the period: nothing that is a condition ("近30天的", "last month's").
_COMPANIONS = (K.DE, K.FILLER, K.SEP)
_UNREADABLE = object()  # a period that is no one window: not this change


def reranked_window_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The previous ranking over the period `text` asks for, or None when `text` asks no such
    change or the previous answer is no ranking."""
    said = read_rank_window(normalize(text))
    if said is None:
        return None
    window = _window(session, ctx, said)
    if window is _UNREADABLE:
        return None
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    node, previous = found
    reranked = rewindowed(node, window, said.by)  # type: ignore[arg-type]
    if reranked is None:
        return None
    return ask_again(session, ctx, requester, reranked, previous, lang, intent="list")


def _window(session: Session, ctx: CommandContext, said: RankWindow) -> Window | object | None:
    """The one window the period's words say (None: all time), or _UNREADABLE."""
    if said.window_words is None:
        return None
    tokens = readable_tokens(session, ctx, said.window_words)
    if tokens is None:
        return _UNREADABLE
    windows = [token.value for token in tokens if token.kind == K.WINDOW]
    rest = [token for token in tokens if token.kind != K.WINDOW]
    if len(windows) != 1 or any(token.kind not in _COMPANIONS for token in rest):
        return _UNREADABLE
    return windows[0]


def rewindowed(node: Node, window: Window | None, by: str) -> Node | None:
    """`node`'s ranking over `window`, by `by` — its end, count and base kept. A ranking of
    the rows of another (the top 3 sorted lowest first, the bottom 2 of a top 5) is changed
    all the way down, so both are of the same period. A ranking narrowed to some of its rows
    (其中上海的) ranks the customers that narrowing keeps, as turning it round does
    (docs/rankings.md). None for an answer that is no ranking."""
    if isinstance(node, Ranked):
        return _rewindowed_chain(node, window, by)
    found = ranking_narrowed(node)
    if found is None:
        return None
    ranking, narrowing = found
    return _rewindowed_chain(ranked_among(ranking, narrowing), window, by)


def _rewindowed_chain(ranking: Ranked, window: Window | None, by: str) -> Ranked:
    base = ranking.base
    if isinstance(base, Ranked):
        base = _rewindowed_chain(base, window, by)
    measure: RankBy = "orders" if by == ORDERS else "spend"
    return replace(ranking, base=base, window=window, by=measure)
