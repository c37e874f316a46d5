"""One of two, not both (issue 19, blind s20-1): "VIP or 待跟进 but not both", "either VIP or
金卡, not both", "exactly one of VIP and 金卡", "VIP或待跟进 但不能两个都有",
"VIP或者金卡 不要同时有", "VIP或者金卡但唔係兩個都有", "VIP和金卡只有其中一个的".

The words that say "not both" are taken off and the rest read as it stands (A or B); the one
OR of two conditions it gives is then made exclusive: (A or B) and not (A and B). The
restatement says both halves, so the reading is seen. Said where the rest holds no OR of two
(or more than one), "not both" points at nothing sure: asked back.

Read on normalised text (Traditional as Simplified, lower case), outside quotes.
"""

from __future__ import annotations

from segmentation.nlq.ask import Ask
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nodes import And, Node, Not, Or

# "not both" after the alternatives, in every register (唔係 arrives as 唔系)
_NOT_BOTH_ZH = (
    r"(?:[,，、]\s*)?(?:但是?|可是|不过|而且?|并且|且|又)?\s*"
    r"(?:"
    # 不是两个都有 / 不能两个都有 / 唔系两个都有 / 不要两样都是 / 冇两个都有
    r"(?:不是|不能|不要|不可以|不可|没有|别|唔系|唔好|唔可以|唔能|冇)\s*"
    r"(?:两个|两样|两者|二者|两种|两个标签|两个都|两样都)?\s*(?:都|同时|一齐|一起)?\s*"
    r"(?:有|是|系|兼有|都有)"
    # 两个不能都有 / 两个唔可以都有
    r"|(?:两个|两样|两者|二者)\s*(?:不能|不可以|不要|唔可以|唔好|不)\s*(?:都|同时)\s*(?:有|是|系)"
    r")(?:的|嘅)?(?=\s*(?:的|嘅)?\s*(?:客户|客人|顾客|客|人)?\s*(?:有哪些|有谁|有几个|有多少)?\s*[?？。.!！]*\s*$)"
)
_NOT_BOTH_EN = (
    r"(?:[,;]\s*)?(?:\s+(?:but|and))?\s+not\s+(?:tagged\s+|with\s+)?(?:both|the\s+two)"
    r"(?:\s+of\s+them|\s+tags)?(?=\s*[?.!]*\s*$)"
)
_NOT_BOTH = lazy_pattern(rf"{_NOT_BOTH_ZH}|{_NOT_BOTH_EN}")
# "exactly one of VIP and 金卡" / "only one of VIP or 金卡": the two said after
_ONE_OF_EN = lazy_pattern(
    r"(?<![a-z])(?:exactly|only|just)\s+one\s+of\s+(?:the\s+(?:tags|two)\s+)?"
    r"(?P<a>[^,;]+?)\s*(?<![a-z])(?:and|or)(?![a-z])\s*(?P<b>[^,;]+?)(?:\s+tags?)?"
    r"(?=\s*[?.!]*\s*$|\s+(?:who|that|in|from)\s)"
)
# VIP和金卡只有其中一个的 / VIP同金卡净系有其中一个: the two said before
_ONE_OF_ZH = lazy_pattern(
    r"(?P<a>(?:[^，,。；;“”\s和跟与同及]|跟进){1,16}?)(?:和|跟(?!进)|与|同|及)(?P<b>[^，,。；;“”\s]{1,16}?)"
    # 只 is what says "not both": 其中一个 / 任意一个 alone is any of them (a list)
    r"(?:标签)?(?:里|中|之中|当中)?(?:只有|只得|净系有|仅有|只)(?:其中)?(?:一个|一样|一种)(?:标签)?"
    r"(?=(?:的|嘅)|$)"
)
_OR_WORD = lazy_pattern(r"或|(?<![a-z])(?:or|either)(?![a-z])")
_EITHER_EN = lazy_pattern(r"(?<![a-z])either\s+")


def not_both_said(norm: str) -> tuple[str, bool]:
    """`norm` without the words that say "not both", and whether they were said. The rest
    keeps its OR ("VIP or 待跟进"); "exactly one of A and B" is said as "A or B"."""
    one = _ONE_OF_EN.search(norm)
    if one is not None:
        return f"{norm[: one.start()]}{one['a']} or {one['b']}{norm[one.end() :]}", True
    one_zh = _ONE_OF_ZH.search(norm)
    if one_zh is not None:
        said = f"{one_zh['a']}或{one_zh['b']}"
        return f"{norm[: one_zh.start()]}{said}{norm[one_zh.end() :]}", True
    found = _NOT_BOTH.search(norm)
    if found is None or not _OR_WORD.search(norm[: found.start()]):
        return norm, False
    rest = norm[: found.start()] + norm[found.end() :]
    return _EITHER_EN.sub("", rest).strip(" ,，;；"), True


def exclusive(segment: Node) -> Node:
    """`segment` with its one OR of two conditions made exclusive; asked back when there is
    not exactly one."""
    ors = [n for n in _walk(segment) if isinstance(n, Or) and len(n.children) == 2]
    if len(ors) != 1:
        raise Ask(
            "“不能两个都有”指的是哪两个条件？请说成：有VIP或待跟进标签、但不同时有两个的客户。",
            "Which two does 'not both' refer to? Say e.g. 'tagged VIP or 待跟进 but not both'.",
        )
    either = ors[0]
    made = And((either, Not(And(either.children))))
    return _replaced(segment, either, made)


def _walk(node: Node) -> list[Node]:
    out: list[Node] = [node]
    for child in getattr(node, "children", ()) or ():
        out += _walk(child)
    child = getattr(node, "child", None)
    if child is not None:
        out += _walk(child)
    return out


def _replaced(node: Node, old: Node, new: Node) -> Node:
    if node is old:
        return new
    if isinstance(node, And):
        kids: list[Node] = []
        for c in node.children:
            r = _replaced(c, old, new)
            kids.extend(r.children if isinstance(r, And) and c is old else (r,))
        return And(tuple(kids))
    if isinstance(node, Or):
        return Or(tuple(_replaced(c, old, new) for c in node.children))
    if isinstance(node, Not):
        return Not(_replaced(node.child, old, new))
    return node
