"""The ones picked out of the ranking just shown (issue 19): after "消费最多的3个客户",
"最多的那1个" / "最少的那个" / "使錢最多嗰一個" / "the top one" / "the bottom two" are those
of that ranking — its base, its measure, its window — listed; the words are read by
segmentation.nlq.rank_pick. A bare "那一个 / 嗰一個 / that one" names no end: after a
ranking of one it is that one, else which one is asked back (the top one offered).

Any other message, or these words after an answer that is no ranking, are read as usual.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.context import ask_again, previous_segment
from bot.commands.texts import say
from bot.services.answer import Answer, ClarifyAnswer
from segmentation.nlq import load_vocabulary
from segmentation.nlq.rank_pick import RankedPick, read_ranked_pick
from segmentation.nlq.restate import describe
from segmentation.nodes import Ranked, to_json
from segmentation.scope import Requester


def ranked_pick_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The customers `text` picks out of the previous ranking, a question back about which,
    or None when `text` is no such pick or the previous answer no ranking."""
    pick = read_ranked_pick(text)
    if pick is None:
        return None
    found = previous_segment(session, ctx, requester.userid)
    if found is None or not isinstance(found[0], Ranked):
        return None
    ranking, previous = found
    if pick.end is None:
        if pick.count != 1:
            return None  # "那两个": a list by its size (going_back), not a pick
        if ranking.count == 1:
            return ask_again(session, ctx, requester, ranking, previous, lang, intent="list")
        top = replace(ranking, count=1, percent=None)
        vocab = load_vocabulary(session, ctx.engine.named)
        label = describe(top, lang, ctx.now, ctx.settings.timezone, vocab)
        message = say("ranked_which", lang, description=previous.description)
        return ClarifyAnswer(message, (label,), (to_json(top),), asked_intent="list")
    picked = picked_out(ranking, pick)
    return ask_again(session, ctx, requester, picked, previous, lang, intent="list")


def picked_out(ranking: Ranked, pick: RankedPick) -> Ranked:
    """The ranking's first `pick.count` from its own end: the same ranking, shorter; from
    the other end ("最少的那个" after the top 3): ranked among those it listed; as many or
    more from the other end ("the bottom 3" after the top 3): the other end of its base."""
    end = pick.end or ranking.direction
    if end == ranking.direction and ranking.count is not None and pick.count <= ranking.count:
        return replace(ranking, count=pick.count, percent=None)
    if end != ranking.direction and ranking.count is not None and pick.count >= ranking.count:
        # "what about the bottom 3" after the top 3: all of those listed is no pick, it is
        # the other end of the same customers
        return replace(ranking, direction=end, count=pick.count, percent=None)
    return Ranked(
        base=ranking,
        direction="top" if end == "top" else "bottom",
        count=pick.count,
        window=ranking.window,
        by=ranking.by,
    )
