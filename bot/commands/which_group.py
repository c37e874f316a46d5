"""Which group of the table just shown is largest, asked without naming the groups' kind
(issue 19): after "每个销售各有多少VIP", "哪个最多" / "谁最多" / "哪组最少" / "边个最多" /
"最多的是哪个" / "which one has the most" / "which is the biggest" ask "哪个销售最多" of
the same question — the table's own dimension put in, then read as that question is
(intents_extra reads "which X has the most" off the breakdown). Only right after a table;
anywhere else these words say nothing of what to count and are asked back as before."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.services.answer import Answer
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.scope import Requester
from segmentation.text import normalize

Then = Callable[[Session, CommandContext, Requester, str, str], Answer]

# The table's dimension said as a word the grammar reads after "哪个" / "which".
_DIMENSION_WORDS = {
    "owner": ("销售", "rep"),
    "department": ("部门", "department"),
    "city": ("城市", "city"),
    "gender": ("性别", "gender"),
    "tag": ("标签", "tag"),
    "channel": ("渠道活码", "channel code"),
    "product": ("商品", "product"),
    "category": ("商品类别", "category"),
    "contact_type": ("客户类型", "contact type"),
}
_WHICH_ZH = r"(?:哪个|哪一个|哪组|哪一组|哪项|哪一项|哪类|哪一类|边个|边一个|边组|边一组|谁|边位)"
_END_ZH = r"(?P<end>最多|最少)"
_END_FIRST_ZH = r"(?P<end2>最多|最少)"
_TAIL_ZH = r"(?:人|的|嘅)?(?:呢|啊|呀|吖|㗎|嘞)?[?？。!！]*$"
_ASK_ZH = lazy_pattern(
    rf"^(?:那|那么|咁|噉|所以)?\s*(?:{_WHICH_ZH}(?:的|嘅)?(?:人数|人)?{_END_ZH}{_TAIL_ZH}|"
    # 最多的是哪个 / 最少嘅系边组
    rf"{_END_FIRST_ZH}(?:人)?(?:的|嘅)?(?:是|系){_WHICH_ZH}{_TAIL_ZH})"
)
_ASK_EN = lazy_pattern(
    r"^(?:and |so |ok |then )?(?:which|what|who)(?: one| group| row)?(?:'s| is| was| has| had)?"
    r"(?: got)?(?: the)? (?P<end>most|biggest|largest|highest|fewest|smallest|least|lowest)"
    r"(?: one| group)?[?.!]*$"
)
_FEWEST = ("最少", "fewest", "smallest", "least", "lowest")


def which_group_answer(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    text: str,
    lang: str,
    then: Then,
) -> Answer | None:
    """The table's largest (smallest) group asked without its kind, or None."""
    said = normalize(text).strip()
    found = _ASK_ZH.match(said) or _ASK_EN.match(said)
    if found is None:
        return None
    previous = conv.load(session, requester.userid, ctx.now).previous
    if previous is None or previous.kind != conv.BREAKDOWN or not previous.breakdown:
        return None
    words = _DIMENSION_WORDS.get(str(previous.breakdown.get("by")))
    if words is None:
        return None
    end = found.groupdict().get("end") or found.groupdict().get("end2") or ""
    fewest = end in _FEWEST
    if said.isascii():
        asked = f"which {words[1]} has the {'fewest' if fewest else 'most'}"
    else:
        asked = f"哪个{words[0]}{'最少' if fewest else '最多'}"
    return then(session, ctx, requester, asked, lang)
