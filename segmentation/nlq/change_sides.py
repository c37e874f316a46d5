"""A change list asked again after one ("今天新进入X的有谁", then): its other side ("那今天掉出去的
呢", "离开的呢", "退出咗嘅呢", "and who left?", "the ones who dropped out"), or a side in
another period ("那昨天离开的呢", "who left yesterday?"), or the same side in another period
said alone ("今天的呢", "今日嘅呢", "只看今天的", "and just today?", "what about this week").
Only the words are read here: the side, and the period words said with it (to be read as one
window by the chat); the segment and the period otherwise are the previous change list's."""

from __future__ import annotations

from dataclasses import dataclass

from segmentation.nlq.lazy_re import lazy_pattern

ENTERED, LEFT = "entered", "left"

# Normalised text (Simplified, lower case; 咗 arrives as 了, 嚟 as 来).
_LEFT_ZH = (
    r"离开了?|走了|走掉了?|退出了?|跌出去?了?|跌了出去|掉出去?了?|掉出来了?|掉了出去|移出了?|被移出了?|"
    r"脱离了?|出去了?|出了去|不再是|唔再系|流走了?|少了"
)
_ENTERED_ZH = (
    r"新进入了?|进入了?|新进来?了?|进来了?|进了|入了|新入了?|加入了?|新加入了?|新晋|落入了?|掉进了?|"
    r"新增了?|多了|新来了?"
)
_LEFT_EN = (
    r"left|dropped out|dropped off|fell out|fell off|exited|went out|were removed|got removed|"
    r"leavers|the leavers|moved out|are gone|went away"
)
_ENTERED_EN = (
    r"entered|came in|joined|got in|new ones|newcomers|new entries|moved in|were added|got added|"
    r"the new ones"
)
_LEAD = r"(?:那|咁|噉|那么|and|so|ok|okay|what about|how about)?\s*"
_ONES = (
    r"(?:the ones who |the ones that |those who |the ones |those |who |people who |"
    r"the customers who |customers who )?"
)
_ZH_TAIL = (
    r"(?:的|嘅)?(?:客户|客|人|那些|嗰啲|那啲)?"
    r"(?:呢|啊|嘞|咧|有谁|是谁|有边个|系边个|有哪些|系边啲|有几个|有多少)?(?:呢)?\s*[?？。]*$"
)
_SIDE_ZH = lazy_pattern(
    rf"^{_LEAD}(?P<when>[^，,。?？]{{0,16}}?)\s*(?:(?P<left>{_LEFT_ZH})|(?P<entered>{_ENTERED_ZH}))"
    rf"{_ZH_TAIL}"
)
_SIDE_EN = lazy_pattern(
    rf"^{_LEAD}{_ONES}(?:(?P<left>{_LEFT_EN})|(?P<entered>{_ENTERED_EN}))"
    r"(?P<when>(?: [a-z0-9 ]{1,30}?)?)(?: then)?\s*[?？.]*$"
)


@dataclass(frozen=True)
class ChangeSide:
    """The side asked (ENTERED / LEFT) and the period words said with it ("" : none)."""

    change: str
    when: str


def read_change_side(said: str) -> ChangeSide | None:
    """The change side a (normalised) message asks after a change list, or None."""
    for pattern in (_SIDE_ZH, _SIDE_EN):
        found = pattern.match(said.strip())
        if found is not None:
            change = LEFT if found.group("left") else ENTERED
            return ChangeSide(change, found.group("when").strip())
    return None


# Before a period said alone: the chaining word, and "only" (今天的呢 = 只看今天的 = just today).
_PERIOD_LEAD = lazy_pattern(
    r"^(?:那么|那|咁|噉|and|so|ok|okay|what about|how about)?[\s,，]*"
    r"(?:只看|只要|就看|仅看|净系|净系要|just|only)?\s*"
)


def period_words(said: str) -> str:
    """The words of a (normalised) message after its chaining word and "only": what must be a
    period alone for the message to ask the same change list in another period."""
    text = said.strip()
    lead = _PERIOD_LEAD.match(text)
    return text[lead.end() :] if lead is not None else text
