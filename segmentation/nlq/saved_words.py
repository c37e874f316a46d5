"""A saved segment named with its segment word in any of the ways people say it (§2: a name is
a saved segment only with 分群/segment): 十月女客这个分群, 「十月女客」呢個分組, 叫十月女客的那个
分群, 名为“十月女客”的分群, the 十月女客 group, group 十月女客, the segment called new buyers.

Each is written as the one form the tokenizer reads (十月女客分群 / the 十月女客 segment /
segment 十月女客) — only for a name a saved segment has, so "the VIP group" of a company with
no such segment keeps its own reading, and "这个分群" alone still points at the answer.
"""

from __future__ import annotations

import re

from segmentation.nlq.lazy_re import lazy_pattern

_OPEN = r"[“\"「『]?"
_CLOSE = r"[”\"」』]?"
# Single quotes around the name ("segment 'hot week'") are dropped: the tokenizer reads a
# saved segment's name as it reads an unquoted one (an apostrophe is no quote to it).
_SINGLE = r"'?"
# 这个/那个/呢个/嗰个 (normalised 那个)/该/此 between the name and its segment word
_THAT = r"(?:这个|那个|呢个|这一个|那一个|该|此)"
_WORD_ZH = r"(?:分群|分组|群组|客群)"
_WORD_EN = r"(?:segment|group)(?![a-z])"
# 叫(做)/名为/名叫/叫作 before a name: "the one called"
_CALLED_ZH = r"(?:叫做|叫作|名叫|名为|名字叫|命名为|名称为|叫)"
_CALLED_EN = r"(?:called|named|titled)"
_EDGE_EN = lazy_pattern(r"[a-z0-9]")


def _said(name: str) -> str:
    """The name as typed: quoted or not, a Latin name never inside a longer word."""
    n = re.escape(name)
    before = r"(?<![a-z0-9])" if _EDGE_EN.match(name[0]) else ""
    after = r"(?![a-z0-9])" if _EDGE_EN.match(name[-1]) else ""
    return rf"{_SINGLE}(?P<said>{_OPEN}{before}{n}{after}{_CLOSE}){_SINGLE}"


def _zh_patterns(name: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, replacement) for the Chinese ways of naming the saved segment `name`."""
    said = _said(name)
    return (
        # 叫十月女客的那个分群 / 名为“十月女客”的分群: the name, then its word
        (re.compile(rf"{_CALLED_ZH}\s*{said}\s*(?:的\s*)?(?:{_THAT}\s*)?{_WORD_ZH}"),
         r"\g<said>分群"),
        # 十月女客这个分群 / 「十月女客」呢个分组 / 十月女客的分群 / 十月女客群组
        (re.compile(rf"{said}\s*(?:的\s*)?(?:{_THAT}\s*)?{_WORD_ZH}"), r"\g<said>分群"),
        # 分群叫十月女客 / 分组名为十月女客
        (re.compile(rf"{_WORD_ZH}\s*{_CALLED_ZH}\s*{said}"), r"分群\g<said>"),
    )  # fmt: skip


def _group_patterns(name: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, replacement) for the saved segment `name` said with "group"/"segment"."""
    said = _said(name)
    return (
        # the 十月女客 group / 十月女客 group (normalising glues Latin to Chinese); "group … by"
        # is a breakdown
        (re.compile(rf"{said}\s*(?:group|segment)(?![a-z])(?!\s*by\b)"), r"\g<said> segment"),
        # "how many VIPs are in segment X": the segment word with its name, not with the VIPs
        (re.compile(rf"(?<![a-z])(?:in|of|from) (?:the |my |our )?(?:saved )?{_WORD_EN}\s*"
                    rf"(?:{_CALLED_EN}\s*)?{said}(?!\s*by\b)"),
         r"in the \g<said> segment "),
        # the segment called new buyers / group 十月女客 / the group named “X”
        (re.compile(rf"(?<![a-z]){_WORD_EN}\s*(?:{_CALLED_EN}\s*)?{said}(?!\s*by\b)"),
         r"segment \g<said>"),
    )  # fmt: skip


# "VIPs in segment “X”" with a quoted name no segment has: the word is the name's all the same,
# so the question back names X (never "there is no segment vips")
_IN_QUOTED_SEGMENT = lazy_pattern(
    r"(?<![a-z])(?P<prep>in|of|from) (?:the |my |our )?(?:saved )?segment\s*"
    r"(?P<said>[“\"「『][^”\"」』]{1,40}[”\"」』])"
)


def saved_named(text: str, saved: dict[str, str]) -> str:
    """`text` (normalised) with each saved segment's name and segment word in the form the
    tokenizer reads; `saved` maps the normalised names to the segments."""
    text = _IN_QUOTED_SEGMENT.sub(r"\g<prep> the \g<said> segment ", text)
    for name in sorted(saved, key=len, reverse=True):
        if len(name) < 2 or name not in text:
            continue  # compiled only for a name the message holds
        for pattern, replacement in (*_zh_patterns(name), *_group_patterns(name)):
            text = pattern.sub(replacement, text)
    return text


def said_as_group(text: str, saved: dict[str, str]) -> bool:
    """Whether `text` (normalised) names a saved segment with the word "group" ("the october
    women group"), which is never one group of a breakdown just shown."""
    for name in saved:
        if len(name) < 2 or name not in text or "group" not in text:
            continue
        if any(p.search(text) for p, _r in _group_patterns(name)):
            return True
    return False
