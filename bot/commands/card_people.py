"""A person added to a waiting card by name: "also tag Bob", "加上Bob", "连Bob也打上", "加埋Bob",
"Bob too", "and Bob as well", "也给Bob发一张", "還有Bob".

Those words may as well name a tag ("also tag 高意向"), a group ("加上北京的") or a word the
parser knows; a name is read as a person only when it is the name of a customer the asker
may see. A name-like word that is no customer of theirs and means nothing else to the parser
is refused in words that say the same whether or not such a customer exists outside their
scope (spec/security.md: nothing of an out-of-scope customer is told), and the card stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

# One name: a Latin name ("Bob", "Mary-Jane", "o'neil") or 2–4 Chinese characters.
_NAME = r"(?:[a-z][a-z0-9'.\-]{0,30}|[\u4e00-\u9fff]{2,4})"
_NAMES = rf"(?P<x>{_NAME}(?:\s*(?:、|,|和|跟|同|及|与|and|&)\s*{_NAME})*)"
_EN_VERB = r"(?:tag|send|message|text|give|push|label|mail|coupon)"
_EN_IT = r"(?:\s+(?:it|this|that|one|the\s+coupon|the\s+message|the\s+tag|a\s+coupon))?"
_EN_TOO = r"(?:\s+(?:too|as\s+well|also|aswell))"
_EN_FILLER = r"^(?:(?:actually|oh|oops|wait|and|ok(?:ay)?|hmm+|sorry|please|pls)[\s,]+)*"
_EN_END = r"(?:[\s,]+(?:please|pls|thanks|then))*[\s.!]*$"
_ADDED_EN = tuple(
    lazy_pattern(rf"{_EN_FILLER}{body}{_EN_END}", re.I)
    for body in (
        # "also Bob", "plus Bob" (the filler takes the word: said again here)
        rf"(?:also|plus)\s+{_NAMES}",
        # "also tag Bob", "and send it to Bob too", "also message Bob", "give Bob one too"
        rf"(?:also|and|plus)\s+{_EN_VERB}{_EN_IT}\s+(?:to\s+)?{_NAMES}(?:\s+one)?{_EN_TOO}?",
        rf"{_EN_VERB}{_EN_IT}\s+(?:to\s+)?{_NAMES}(?:\s+one)?{_EN_TOO}",
        # "Bob too", "and Bob as well"
        rf"{_NAMES}{_EN_TOO}",
        # "add Bob", "also include Bob", "add Bob to it", "throw in Bob"
        rf"(?:add|include|throw\s+in)\s+{_NAMES}(?:\s+(?:to|in|on)\s+(?:it|this|that|the\s+card|"
        rf"the\s+list))?{_EN_TOO}?",
        # one taken off and put back: "put Omar back in", "bring Omar back", "add Omar back",
        # "let Omar back in", "Omar back in", "re-add Omar", "include Omar again"
        rf"(?:(?:put|bring|add|let|get|take)\s+)?{_NAMES}\s+back(?:\s+(?:in|on|into\s+it|"
        rf"in\s+(?:it|there)|on\s+(?:it|the\s+list|the\s+card)|to\s+the\s+list))?",
        rf"(?:put|bring|add|let|get)\s+back\s+(?:in\s+)?{_NAMES}",
        rf"(?:re-?add|re-?include|restore|reinstate)\s+{_NAMES}",
        rf"(?:add|include|tag|keep)\s+{_NAMES}\s+again",
        # "keep Omar in", "Omar stays", "Omar can stay (on the list)"
        rf"keep\s+{_NAMES}\s+(?:in|on)(?:\s+(?:it|the\s+list|the\s+card))?",
        rf"{_NAMES}\s+(?:stays|can\s+stay|should\s+stay|stays\s+in|is\s+back\s+in)"
        rf"(?:\s+(?:in|on\s+the\s+list|on\s+the\s+card))?",
    )
)
# Chinese (normalised: Simplified, no spaces). The action's verbs after the name.
_ZH_DO = (
    r"(?:加上|加进来|加进去|加埋|加回来|加回去|加返|算上|算进去|算进来|算埋|要|打上|打埋|打|发埋|发一张|"
    r"发一个|发|推|送|给|一起|一齐|一并|一同)"
)
# (put back: 返 / 回来 after it, "Omar都要返", "Omar也加回去吧")
_ZH_END = (
    r"(?:一张|一份|一下|一个|埋|进去|进来|返|回来|回去|返来|返入去)?(?:吧|啦|喇|呀|啊|嘞|咯|了)*$"
)
_ADDED_ZH = tuple(
    lazy_pattern(rf"^{body}{_ZH_END}")
    for body in (
        # 加上Bob, 再加上Bob, 加埋Bob, 加多个Bob, 另外加上Bob, 把Bob加上 (below)
        rf"(?:另外|还要|再|也)?(?:加上|加入|添上|加埋|加多个|加多一个|加多|补上|算上|加)(?:个)?{_NAMES}",
        # Bob也打上, 把Bob也加上, Bob都打埋, Bob也要
        rf"(?:把|将)?{_NAMES}(?:也|都)(?:要)?{_ZH_DO}?",
        rf"(?:把|将){_NAMES}(?:加上|加进来|加进去|加埋|算上)",
        # 连Bob也打上, 还有Bob, 仲有Bob, 同埋Bob, 顺便帮Bob也打埋; HK 連埋Bob一齊 (Bob along
        # with them), Taiwan 連同Bob一起, 连带Bob一并
        rf"(?:连埋|连同|连带|连|同埋|还有|仲有|顺便|顺带|另外)(?:帮|给|同|俾|畀)?{_NAMES}(?:也|都)?"
        rf"(?:一起|一齐|一并|一同)?{_ZH_DO}?",
        # 也给Bob发一张, 也帮Bob打上, 给Bob也发
        rf"(?:也|都|还要|另外|再)(?:帮|给|同|俾|畀){_NAMES}(?:也)?{_ZH_DO}",
        rf"(?:帮|给|同|俾|畀){_NAMES}也{_ZH_DO}",
        # one taken off and put back: 把Omar加回来, Omar加返入去, 把Omar放回去, 加回Omar, 恢复Omar,
        # Omar还是要, Omar仲系要返
        rf"(?:把|将)?{_NAMES}(?:还是|仲系|都系)?(?:加|放|拉|算|补|要|打)(?:回来|回去|回|返来|返入去|"
        rf"返入嚟|返嚟|返)",
        rf"(?:加回|加返|放回|补回|恢复|拉回|算返|算回){_NAMES}",
        rf"{_NAMES}(?:还是|仲系|仲是)(?:要|加)(?:返|回)?",
    )
)
_SEP = re.compile(r"\s*(?:、|,|和|跟|同|及|与|\band\b|&)\s*")
_LATIN = re.compile(r"[a-z]")
# Words that read as a name in the patterns above but say something else.
_NOT_NAMES = frozenset(
    {"them", "it", "this", "that", "everyone", "all", "both", "one", "too", "also", "me", "us",
     "him", "her", "those", "these", "more", "another", "others", "他们", "她们", "佢们", "佢哋",
     "这些", "那些", "所有人", "大家", "全部"}
)  # fmt: skip


def people_named(text: str) -> list[str] | None:
    """The names `text` adds to the card ("also tag Bob" → ["bob"]), normalised; None when it
    says no such addition."""
    plain = normalize(text).strip(" ,，.。!！~～")
    found = next((m for p in _ADDED_EN if (m := p.match(plain))), None)
    if found is None:
        squeezed = plain.replace(" ", "")
        found = next((m for p in _ADDED_ZH if (m := p.match(squeezed))), None)
    if found is None:
        return None
    names = [n.strip() for n in _SEP.split(found.group("x")) if n.strip()]
    if not names or any(n in _NOT_NAMES for n in names):
        return None
    return names


@dataclass(frozen=True)
class NotAdded:
    """A name said as added that is no customer the asker may see."""

    name: str


def people_added(
    text: str,
    visible: Callable[[str], str | None],
    means_something: Callable[[str], bool],
) -> list[str] | NotAdded | None:
    """The names `text` adds, each a customer the asker may see (`visible`: the customer's
    name as stored, else None); NotAdded for a Latin name-like word that is none of them and
    `means_something` does not read (no tag, group or condition); None otherwise."""
    names = people_named(text)
    if names is None:
        return None
    kept: list[str] = []
    for name in names:
        found = visible(name)
        if found is not None:
            kept.append(found)
            continue
        if _LATIN.match(name) and not means_something(name):
            typed = re.search(re.escape(name), text, re.I)  # "Frank" as typed, not "frank"
            return NotAdded(typed.group(0) if typed else name)
        return None
    return kept
