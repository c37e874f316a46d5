"""A breakdown by one tag group, the group named by its own name (issue 19, spec §2c "tag within
a group"): "客户等级这组标签的分布", "按客户等级标签组分", "客戶等級組標籤分佈", "各客戶等級標籤各有
幾多", "breakdown by the 客户等级 tag group", "by 客户等级 tags". The group's words are said as
the dimension word 标签 so the ordinary breakdown shapes read the rest; the caller keeps the
rewrite only when it is a breakdown by tag whose words cover the group (details "group").

Only a real group of the company is read so; an unknown name before 标签 keeps its words (the
"按X标签分" shape asks it back).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from segmentation.nlq.vocabulary import Vocabulary
from segmentation.text import normalize

# After the group's name: a pointer and a measure word (这组, 那一组, 嗰个, 呢类), then the tag
# word; or the tag-group word alone (标签组, 组标签). "客户等级的标签", "客户等级类标签".
_AFTER_ZH = (
    r"(?:这|那|呢|该|此)?(?:一)?(?:个|组|类)?(?:的|嘅)?(?:标签组|组标签|标签类别|标签)(?:组)?"
)
# Inside the group, each tag: "客户等级里每个标签", "客户等级入面各个标签" (the words kept).
_INSIDE_ZH = (
    r"(?:这组|那组|这个组)?(?:里面?|中|当中|入面|之中|内)(?:的|嘅)?(?=(?:每|各)\S{0,2}标签)"
)
_BEFORE_ZH = r"(?:标签组|标签分组)(?:里|中)?(?:的)?[“「\"']?"
_QUOTE_END = r"[”」\"']?"
# In English: "the 客户等级 tag group", "客户等级 tags", "tag group 客户等级", "tags in 客户等级",
# "the tags of the 客户等级 group" (normalising takes the spaces next to Chinese out).
_AFTER_EN = r"\s*(?:'s\s*)?(?:tag groups?|tags? group|tags?|group|labels?)\b"
_BEFORE_EN = (
    r"\b(?:(?:the\s+)?tag\s+group|(?:the\s+)?tags?\s+(?:in|of|from)(?:\s+the)?(?:\s+group)?)\s*"
    r"[“\"']?"
)
_GROUP_WORD_EN = r"(?:\s*group\b)?"


@dataclass(frozen=True)
class GroupSaid:
    text: str  # the message with the group's words said as 标签
    group: str  # the group, as the company spells it
    at: int  # where 标签 now stands in `text`


def tag_group_said(norm: str, vocab: Vocabulary) -> list[GroupSaid]:
    """Each reading of `norm` with a company tag group's words said as the dimension word."""
    found: list[GroupSaid] = []
    for group in sorted(vocab.tag_groups, key=len, reverse=True):
        plain = normalize(group)
        if len(plain) < 2 or plain not in norm:
            continue
        name = re.escape(plain)
        shapes: tuple[str, ...] = (
            rf"{_BEFORE_ZH}{name}{_QUOTE_END}(?:这组|这个组|组)?",
            rf"{_BEFORE_EN}{name}{_QUOTE_END}{_GROUP_WORD_EN}",
            rf"[“「\"']?{name}{_QUOTE_END}(?:{_AFTER_ZH}|{_AFTER_EN})",
        )
        inside = rf"[“「\"']?{name}{_QUOTE_END}{_INSIDE_ZH}"
        for match in re.finditer(inside, norm):  # "…里每个标签": that 标签 stays the word
            said = norm[: match.start()] + norm[match.end() :]
            found.append(GroupSaid(said, group, said.index("标签", match.start())))
        if normalize(group).lower() not in {normalize(t).lower() for t in vocab.tags.values()}:
            # the group alone ("按客户等级分"), unless a tag has its name
            shapes += (rf"[“「\"']?{name}{_QUOTE_END}(?:这组|那组|这一组|这个组|这类|嗰组|呢组)?",)
        for shape in shapes:
            for match in re.finditer(shape, norm):
                found.append(_said(norm, match, group))
    return found


def _said(norm: str, match: re.Match[str], group: str) -> GroupSaid:
    """`norm` with the group's words `match` said as 标签, or, said in English ("the 客户等级 tag
    group breakdown"), as the word tags between spaces."""
    before, after = norm[: match.start()], norm[match.end() :]
    if not re.search(r"[a-z]", match.group()):
        return GroupSaid(before + "标签" + after, group, len(before))
    before = before.rstrip() + " " if before.strip() else ""
    return GroupSaid((before + "tags " + after.lstrip()).strip(), group, len(before))
