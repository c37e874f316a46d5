"""The ones picked out of the ranking just shown (issue 19): after "消费最多的3个客户",
"最多的那1个" / "最少的那个" / "使錢最多嗰一個" / "the top one" / "the bottom two" are those
of that ranking — its base, its measure, its window — listed; the words are read by
segmentation.nlq.rank_pick. A bare "那一个 / 嗰一個 / that one" names no end: after a
ranking of one it is that one, else which one is asked back (the top one offered).

Any other message, or these words after an answer that is no ranking, are read as usual.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.context import ask_again, previous_segment
from bot.commands.texts import say
from bot.commands.texts_cards import say_card
from bot.services.answer import Answer, ClarifyAnswer
from bot.services.query import answer_command
from segmentation.nlq import Command, load_vocabulary
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.rank_pick import BOTTOM, OTHER, TOP, RankedPick, read_ranked_pick
from segmentation.nlq.restate import describe
from segmentation.nodes import All, And, Node, Ranked, to_json
from segmentation.scope import Requester

# A customer's measure said with the pick: spend ranks the customers, never a table's groups.
_SPEND_SAID = lazy_pattern(r"消费|消費|花|使钱|使錢|使得|\bspen[dt]|spender", re.I)


def ranked_pick_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The customers `text` picks out of the previous ranking, a question back about which,
    or None when `text` is no such pick or the previous answer no ranking."""
    pick = read_ranked_pick(text)
    if pick is None:
        return None
    found = previous_segment(session, ctx, requester.userid)
    at_table = found is not None and found[1].kind == conv.BREAKDOWN and pick.end is not None
    if found is not None and at_table and not _SPEND_SAID.search(text):
        # (消费最多的那个 after a table: the customers' top spender, not the largest group)
        return _table_end(session, ctx, requester, found[0], found[1], pick, lang)
    narrowed = _narrowed_pick(found[0], pick) if found is not None else None
    if found is not None and narrowed is not None:  # "其中上海的" then "改成前2名"
        return ask_again(session, ctx, requester, narrowed, found[1], lang, intent="list")
    if found is not None and _by_what(found[0], found[1], pick):
        return _which_measure(pick, lang)  # "最后两名" after a list: ranked by what?
    if found is not None and _one_of_a_list(found[0], found[1], pick):
        # "其中消费最多的" / "of these, the biggest spender" after a list: its top spender
        one = Ranked(found[0], "top" if pick.end == TOP else "bottom", pick.count)
        return ask_again(session, ctx, requester, one, found[1], lang, intent="list")
    if found is None:
        return None
    ranking, previous = found
    if not isinstance(ranking, Ranked):
        return None
    if pick.end is None and not pick.first_rows:  # (改成3个: the first rows, its own end)
        if pick.count != 1:  # (an end is always said with no count)
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


def ranking_narrowed(node: Node) -> tuple[Ranked, tuple[Node, ...]] | None:
    """The one ranking a narrowed answer is made of ("消费最多的5个客户" then "其中上海的": the
    rows of that ranking in Shanghai), and the conditions that narrowed it; None for any
    other node."""
    if not isinstance(node, And):
        return None
    rankings = [child for child in node.children if isinstance(child, Ranked)]
    if len(rankings) != 1:
        return None
    return rankings[0], tuple(child for child in node.children if child is not rankings[0])


def _narrowed_pick(node: Node, pick: RankedPick) -> Node | None:
    """The pick out of a ranking narrowed to some of its rows (docs/rankings.md: "其中上海的"
    keeps the rows shown that are in Shanghai). Said as a new question — a new count or the
    other end (改成前2名, "make it top 2", 反过来) — the ranking itself changes and the
    narrowing stays; said plainly (淨係要頭兩個, 其中最少的两个, "the bottom one") it picks
    among the rows shown, by the same measure. None when `node` is no narrowed ranking, or
    the pick names no end and no rows ("那一个")."""
    found = ranking_narrowed(node)
    if found is None or (pick.end is None and not pick.first_rows and pick.count is not None):
        return None
    ranking, narrowing = found
    if pick.what_about and not _among_shown(ranking, pick):
        return picked_out(ranked_among(ranking, narrowing), pick)
    own_end = pick.first_rows or pick.end not in (TOP, BOTTOM)  # its first rows, "那一个"
    end = ranking.direction if own_end else pick.end
    direction: Literal["top", "bottom"] = "top" if end == TOP else "bottom"
    if pick.count is None and pick.percent is None:  # "那最少的呢": the other end, narrowed
        return And((replace(ranking, direction=direction), *narrowing))
    return Ranked(node, direction, pick.count, pick.percent, ranking.window, ranking.by)


def _among_shown(ranking: Ranked, pick: RankedPick) -> bool:
    """Whether a new count of the ranking's own end is no more than it showed ("改成前2名"
    after the Shanghai rows of a top 5: the first 2 of those rows, not the top 2 then those of
    them in Shanghai, which may be fewer than asked); a longer one lengthens the ranking."""
    same_end = pick.end in (None, ranking.direction) or pick.first_rows
    shorter = pick.count is not None and ranking.count is not None and pick.count <= ranking.count
    return same_end and shorter


def corrected_pick(node: Node, pick: RankedPick) -> Node | None:
    """A ranking said again as a correction ("不对，top 2" / "唔係，前兩個" / "no, the top 2"
    after the bottom 2): the same ranking — measure, base, window, narrowing — from the end
    and as long as said; its first rows said then are the top ones (the rows shown were
    wrong). None when `node` is no ranking."""
    end = TOP if pick.first_rows and pick.end in (None, TOP) else pick.end
    turned = replace(pick, end=end, first_rows=False, what_about=True)
    if isinstance(node, Ranked):
        return picked_out(node, turned)
    found = ranking_narrowed(node)
    if found is None:
        return None
    ranking, narrowing = found
    return picked_out(ranked_among(ranking, narrowing), turned)


def ranked_among(ranking: Ranked, narrowing: tuple[Node, ...]) -> Ranked:
    """The ranking among its customers the narrowing keeps (as 只看上海的 ranks Shanghai's):
    turned round or lengthened, the rows shown that were in Shanghai would be a ranking of
    everyone cut to Shanghai's, often none."""
    kept = tuple(node for node in (ranking.base, *narrowing) if not isinstance(node, All))
    return replace(ranking, base=kept[0] if len(kept) == 1 else And(kept))


def _by_what(node: Node, previous: conv.PreviousAnswer, pick: RankedPick) -> bool:
    """Whether an end said after a list that is no ranking leaves its measure to ask. One
    ("最后一个", "the last one") may be the list's last row: left to be read as usual."""
    unranked = previous.kind == conv.LIST and not isinstance(node, Ranked)
    several = pick.count is None or pick.count > 1 or pick.no_count_said
    return unranked and several and pick.end in (TOP, BOTTOM) and not pick.measured


def _one_of_a_list(node: Node, previous: conv.PreviousAnswer, pick: RankedPick) -> bool:
    """Whether the pick is the one at an end, by spend, among a list that is no ranking
    ("张三那组" then "其中消费最多的"): the rows of that answer ranked, all time (其中 starts a
    clause that inherits no window, spec §2)."""
    unranked = previous.kind == conv.LIST and not isinstance(node, Ranked)
    one = pick.count == 1 and pick.percent is None and pick.among and pick.measured
    return unranked and one and pick.end in (TOP, BOTTOM) and ranking_narrowed(node) is None


def _which_measure(pick: RankedPick, lang: str) -> Answer:
    """ "最后两名" / "the bottom 2" after a list that is no ranking: by what is asked, the
    ranking by spend of those customers offered (the one measure there is)."""
    if lang == "zh":
        end = "最多" if pick.end == TOP else "最少"
    else:
        end = "top" if pick.end == TOP else "bottom"
    offered = say_card("rank_by_spend", lang, end=end, n=pick.count or 1)
    return ClarifyAnswer(say_card("rank_by_what", lang), (offered,))


def _table_end(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    node: Node,
    previous: conv.PreviousAnswer,
    pick: RankedPick,
    lang: str,
) -> Answer | None:
    """ "那最少的呢" / "最后两名" / "the bottom 2" after a breakdown: the same table, naming
    the group(s) at that end (the table lists the largest first: its other end is the
    fewest). None when the table is not at hand."""
    spec = previous.breakdown or {}
    if not spec.get("by"):
        return None
    extreme = "most" if pick.end == TOP else "fewest"
    details = {
        "by": spec.get("by"),
        "group": spec.get("tag_group"),
        "extreme": extreme,
        "extreme_groups": pick.count or 1,
    }
    return answer_command(
        session,
        Command("breakdown", node, lang, previous.description, details),
        requester,
        ctx.now,
        ctx.engine,
        with_members=ctx.count_ids,
    )


def picked_out(ranking: Ranked, pick: RankedPick) -> Ranked:
    """The ranking the pick asks for. Turned round ("now the bottom 2", "反转，最少嘅2个",
    "後20%呢", "the other end"): the other end of the same base, measure and window — a
    ranking is replaced, never nested. Its first rows ("只要前2个", "just the first 2"): the
    same ranking, shorter, in its own order. Among the rows shown ("其中最少的两个", "最少的那个",
    "the lowest one"): those rows ranked again from that end."""
    said = pick.end or ranking.direction
    if said == OTHER:
        said = "bottom" if ranking.direction == "top" else "top"
    end: Literal["top", "bottom"] = "top" if said == TOP else "bottom"
    if pick.percent is not None:  # "後20%呢" after the top 20%
        return replace(ranking, direction=end, count=None, percent=pick.percent)
    if pick.count is None:  # "那最少的呢": as many as shown, from that end of the same base
        return replace(ranking, direction=end)
    if end == ranking.direction or pick.first_rows:  # "最少的两个" after the bottom 3, 前两个
        return replace(ranking, count=pick.count, percent=None)
    # An end said plainly ("the bottom two" after the top 5) stays a pick among the rows shown;
    # said as a new question (呢, 反过来, 改成, now, flip it, instead) it turns the ranking round.
    if not pick.what_about and not _all_shown(ranking, pick.count):
        return Ranked(
            base=ranking,
            direction=end,
            count=pick.count,
            window=ranking.window,
            by=ranking.by,
        )
    # "the bottom 2" after the top 3: the other end of the same customers
    return replace(ranking, direction=end, count=pick.count, percent=None)


def _all_shown(ranking: Ranked, count: int) -> bool:
    """Whether `count` rows are as many as the ranking listed or more ("the bottom 3" after
    the top 3 picks no rows out of them)."""
    return ranking.count is not None and count >= ranking.count
