"""Customers who did something before and no longer do (issue 19): "customers who ordered
before but no longer do - nothing in the last 60 days", "who stopped ordering in the last
2 months", 不再下单, 停止下单. No longer doing it is not doing it in a window AND having done it
before — ever, which given the first is before the window. 没再 / 冇再 (not again: 近两个月没再买,
5月以来冇再落單) is only not doing it in the window: that is how the people who type it read it.

The words are said as the plain negation the grammar reads ("did not order", 没下单), and the
kinds said so are remembered (StoppedKinds); after the parse every "not in the window" of
those kinds gets "did it ever" beside it (with_done_before). With no window ("stopped
ordering", 停止下单的客户) since when is unsaid: asked back, never read as "never ordered".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from segmentation.nlq.ask import Ask
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nodes import And, Node, Not, Or, Performed, Ranked

# normalised text: simplified characters, lower case.
_VERBS_ZH = (
    r"下单|下过单|落单|订购|购买|买东西|买嘢|买过?|帮衬|光顾|消费|落(?!单)|咨询|询价|问价|来店|到店|"
    r"嚟店|来"
)
_KIND_ZH = (
    ("order", r"下单|下过单|落单|订购|购买|买东西|买嘢|买|买过|帮衬|光顾|消费|落"),
    ("inquiry", r"咨询|询价|问价"),
    ("visit", r"来店|到店|嚟店|来"),
)
_STOPPED_ZH = lazy_pattern(
    r"(?:都|就|已经|已)?(?:不再|没有再|没再|冇再|唔再|无再|停止了?|停咗|停了)(?:有)?"
    + rf"(?P<v>{_VERBS_ZH})|(?:现在|而家|已经|如今)不(?P<v2>{_VERBS_ZH})(?:了|喇|啦)"
)
# 没再 / 冇再 (not again) is weaker than 不再 / 停止 (no longer): beside another event done
# ("下过单，但近30天没有再咨询") the "again" is after that one, and says nothing of this one
# done before. Marked with _AGAIN after the kind.
_AGAIN_ZH = lazy_pattern(r"没有再|没再|冇再|无再")
_AGAIN = "~"
_VERBS_EN = (
    r"ordering|buying|purchasing|shopping|inquiring|visiting|coming\s+in|order|buy|purchase|shop|"
    r"inquire|visit|come\s+in"
)
_KIND_EN = (
    ("order", r"order|buy|purchas|shop|bought"),
    ("inquiry", r"inquir|ask"),
    ("visit", r"visit|com"),
)
_STOPPED_EN = lazy_pattern(
    rf"(?<![a-z])(?:(?:have|has)\s+)?(?:stopped|quit|ceased)\s+(?P<v>{_VERBS_EN})(?![a-z])"
    rf"|(?<![a-z])no\s+longer\s+(?P<v2>{_VERBS_EN})(?:s|es)?(?![a-z])"
    rf"|(?<![a-z])(?:don't|dont|do\s+not|doesn't|does\s+not)\s+(?P<v3>{_VERBS_EN})\s+"
    r"(?:anymore|any\s+more)(?![a-z])",
    re.I,
)
# "ordered before but no longer do": the verb is the one said before it.
_NO_LONGER_DO_EN = lazy_pattern(r"\bno\s+longer\s+(?:do|does)\b|\bnot\s+any\s*more\b", re.I)
_DONE_BEFORE_EN = lazy_pattern(
    r"\b(?P<v>ordered|bought|purchased|shopped|inquired|asked|visited|came\s+in)\b", re.I
)
# "- nothing in the last 60 days": the window of what is no longer done, said again.
_NOTHING_IN_EN = lazy_pattern(
    r"\s*[-–—,:;(]?\s*(?:nothing|none|no\s+orders?|no\s+purchases?|not\s+once|zero)\s+"
    r"(?=(?:in|for|within|over|during|since)\b)",
    re.I,
)
_DID_NOT = {"order": "did not order", "inquiry": "did not inquire", "visit": "did not visit"}
_NOT_ZH = {"order": "没下单", "inquiry": "没咨询", "visit": "没到店"}


def stopped_said_as_not(norm: str) -> tuple[str, frozenset[str]]:
    """`norm` (normalised) with "no longer / stopped doing" said as not doing, and the event
    kinds it was said of (empty: none)."""
    kinds: set[str] = set()

    def zh(found: re.Match[str]) -> str:
        # 以前帮衬过但半年冇再嚟: coming again to buy, not a store visit
        kind = come_again_kind(norm, found.start()) or _kind(_verb(found), _KIND_ZH)
        kinds.add(kind + _AGAIN if _AGAIN_ZH.search(found.group(0)) else kind)
        return _NOT_ZH[kind]

    def en(found: re.Match[str]) -> str:
        kind = _kind(_verb(found), _KIND_EN)
        kinds.add(kind)
        return _DID_NOT[kind]

    norm = _STOPPED_ZH.sub(zh, norm)
    norm = _STOPPED_EN.sub(en, norm)
    said_before = _DONE_BEFORE_EN.search(norm)
    if said_before is not None and _NO_LONGER_DO_EN.search(norm):
        kind = _kind(said_before["v"], _KIND_EN)
        kinds.add(kind)
        norm = _NO_LONGER_DO_EN.sub(_DID_NOT[kind], norm)
    if kinds and norm.isascii():
        norm = _NOTHING_IN_EN.sub(" ", norm)
    return re.sub(r"\s+", " ", norm).strip(), frozenset(kinds)


def _verb(found: re.Match[str]) -> str:
    return next(v for k, v in found.groupdict().items() if k.startswith("v") and v)


def _kind(verb: str, table: Iterable[tuple[str, str]]) -> str:
    for kind, pattern in table:
        if re.match(pattern, verb, re.I):
            return kind
    return "order"


def ask_since_when(kinds: frozenset[str], said: str) -> None:
    """Ask back: "stopped ordering" with no window (`said`: the words) says no since when."""
    order = any(k.startswith("order") for k in kinds) or not kinds
    zh = "以前下过单、近60天没下单的客户" if order else "以前咨询过、近60天没咨询的客户"
    en = (
        "customers who ordered before but not in the last 60 days"
        if order
        else "customers who inquired before but not in the last 60 days"
    )
    raise Ask(
        f"从什么时候起算“不再”？请说出时间，例如“{zh}”。",
        f"No longer since when? Give a window, e.g. '{en}'.",
        (en,) if said.isascii() else (zh,),
    )


def with_done_before(node: Node, kinds: frozenset[str]) -> Node:
    """`node` with "did it before" beside each "not in the window" of `kinds` not already
    said done: 近60天不再买 is 买过 and 近60天没买; 近60天没再买 is 近60天没买."""
    if not kinds:
        return node
    # 买过两次以上 / 买过serum x / 舊年買過 said beside it: done before is said already
    done = {getattr(n, "event_kind", None) for n in _positive(node)} - {None}
    # 没再 / 冇再 (not again) alone adds nothing: "近60天没再下单的", "5月以来就没再下过单" are read
    # by the people who type them as "no order in the window" (every blind writer of sessions
    # 21-27 who wrote one, five of five); only 不再 / 停止 / no longer say "did it before".
    strong = {k for k in kinds if not k.endswith(_AGAIN)}
    return _added(node, strong - done)


def _added(node: Node, kinds: set[str]) -> Node:
    if isinstance(node, Not) and isinstance(node.child, Performed):
        child = node.child
        if child.event_kind in kinds and child.window is not None:
            return And((Performed(child.event_kind, None), node))
        return node
    if isinstance(node, And):
        return _flat(tuple(_added(c, kinds) for c in node.children))
    if isinstance(node, Or):
        return Or(tuple(_added(c, kinds) for c in node.children))
    if isinstance(node, Ranked):
        return Ranked(
            _added(node.base, kinds), node.direction, node.count, node.percent, node.window, node.by
        )
    return node


def _flat(children: tuple[Node, ...]) -> And:
    flat: list[Node] = []
    for child in children:
        flat.extend(child.children if isinstance(child, And) else (child,))
    return And(tuple(flat))


def _positive(node: Node) -> list[Node]:
    """The nodes of `node` said as done (not under a Not)."""
    if isinstance(node, Not):
        return []
    if isinstance(node, And | Or):
        return [n for c in node.children for n in _positive(c)]
    if isinstance(node, Ranked):
        return _positive(node.base)
    return [node]


# 以前帮衬过 … 冇再嚟 (normalised: 嚟 is 来): the kind said done before 没再来.
_DONE_ZH = (
    ("order", r"下单|下过单|落单|订购|购买|买|帮衬|消费"),  # (光顾 is read as a visit)
    ("inquiry", r"咨询|询价|问价|询问"),
)
_COME_AGAIN_ZH = lazy_pattern(r"(?:没有再|没再|冇再|无再|唔再|不再)(?:过)?(?:来|嚟)(?!店)(?:过)?")


def come_again_kind(norm: str, start: int) -> str | None:
    """The kind 没再来 at `start` refers back to: "order" after an order said done before it
    (以前帮衬过但半年冇再嚟), None when nothing is (a store visit). After an inquiry (咨询过但
    没再来) it could be a visit or the inquiry again: asked."""
    if not _COME_AGAIN_ZH.match(norm, start):
        return None
    before = norm[:start]
    last: tuple[int, str] | None = None
    for kind, pattern in _DONE_ZH:
        for found in re.finditer(pattern, before):
            if last is None or found.start() > last[0]:
                last = (found.start(), kind)
    if last is None or "店" in before[last[0] :]:
        return None
    if last[1] == "inquiry":
        said = _COME_AGAIN_ZH.match(norm, start).group(0)  # type: ignore[union-attr]
        raise Ask(
            f"“{said}”是指没再到店，还是没再咨询？",
            f"Does “{said}” mean no more store visits, or no more inquiries?",
            ("没再到店", "没再咨询"),
        )
    return last[1]
