"""Requests passed on by someone (issue 19): "老板让我查一下…", "经理今天又要…", "帮领导整理…",
"the boss wants …", "my manager needs a list of …", "总部要求统计…" carry no condition.

A closed grammar — a role, an optional when-word, a request verb — read as one wrapper
phrase (K.FILLER "wrapper") by a pattern. Listed as surfaces, its combinations were ~19k of
the lexicon's ~39k words (import time, issue 22). A role alone ("领导的客户", "the boss's
customers") is no wrapper: only with the request verb, so a name is still asked about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from segmentation.nlq.lazy_re import lazy_pattern

THIRD_PARTY_ROLES = (
    "老板|老细|老总|老大|大老板|老板娘|经理|总经理|区域经理|领导|主管|上司|上级|总监|店长|组长|部长|"
    "上面|上头|公司|总部|市场部|财务|同事|我同事|我老板|我们老板|我领导|我们领导|我经理|我们经理|"
    "我主管|我们主管|主任|董事长|董事|副总|老板们|客户经理|销售经理|业务经理|大区经理|销售总监|运营|"
    "运营部|督导|上边|老闆娘|leader"
)
THIRD_PARTY_ASKS = (
    "要|想要|想看|想看看|需要|让我|叫我|要我|让|叫|说要|找我要|想知道|要看|吩咐|交代|安排我|"
    "想知|想睇|想睇下|要睇|话要|叫我哋|让我们|叫我们|"
    # asking and requiring: 老板问…, 总部要求统计…, 经理在问…, 主管想了解…
    "问我|想问|想问问|问说|问说要|说想|说想看|要求|要求我|想了解|要了解|吩咐我|交代我|交待|交待我|让查|让我查|嘱咐|嘱咐我|"
    # in a hurry, pressing, instructing; the list "for him" (让我给他拉一份…)
    "急着要|急要|催着要|催我|指示|指示要|让帮忙|要帮忙|让我给他|让我给她|叫我给他|叫我给她|"
    "要我给他|要我给她|让我帮他|让我帮她"
)
# Said between the role and the request: 老板刚才说要…, 经理今天让我…, 领导又要…, 经理在问…
THIRD_PARTY_WHEN = (
    "刚才|刚刚|刚|今天|今日|又|一直|那边|头先|啱啱|在群里|群里|刚在群里|刚刚在群里|刚才在群里|"
    "在群里面|早上|上午|下午|昨天|在|也"
)
# The same roles in English, said in a Chinese sentence ("boss让我查一下…").
_ROLES_EN = (
    "manager|boss|supervisor|team lead|lead|director|gm|head|ceo|higher-ups|higher ups|"
    "sales director|sales manager|regional manager|store manager|area manager|headquarters|hq|"
    "head office|finance|accounting|marketing|management|leadership|colleague|coworker|"
    "co-worker|teammate|client manager|upper management|senior management|the higher-ups|"
    "the higher ups|leadership team|management team"
)
_LEADS = "帮|给|替|帮我们|给我们"
_ASKED_ON = "问下|问一下|问问|帮她问下|帮他问下"


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first: the longest reading wins, as the
    lexicon's longest match does."""
    unique = sorted({w for w in words if w}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique) + ")"


def _split(words: str) -> list[str]:
    return [w for w in words.split("|") if w]


_ROLE_ZH = _alternatives([*_split(THIRD_PARTY_ROLES), *_split(_ROLES_EN)])
_ZH = lazy_pattern(
    r"(?:(?:my|our|the)\s*)?"
    rf"(?:{_alternatives(_split(_LEADS))}{_alternatives(_split(THIRD_PARTY_ROLES))}"
    rf"|{_ROLE_ZH}\s*(?:{_alternatives(_split(THIRD_PARTY_WHEN))})?"
    # 问 alone asks (老板问上海有多少…), but 经理问过价 / 问了价 is an inquiry: the verb stays
    # and 催 (pressing for the list) is not 催单 / 催货 (pressing an order: an event word)
    rf"(?:{_alternatives(_split(THIRD_PARTY_ASKS))}|问(?![过了价次])|在?催(?![单货款]))"
    rf"(?:{_alternatives(_split(_ASKED_ON))})?)"
)
# English: (my|our|the)? role + a request verb ("the boss wants", "my manager needs me to
# pull", "headquarters would like to see", "老板 wants"). Only where a message or a clause
# opens: "customers whose manager asked for a refund" keeps its words.
_EN_VERB = (
    r"(?:just\s+)?(?:(?:is|was)\s+)?(?:asking|wants|wanted|needs|needed|would\s+like|'d\s+like|"
    r"requested|requests|is\s+requesting|requires|required|asked|is\s+on\s+my\s+back)"
    r"(?:\s+(?:me|us))?(?:\s+(?:to|for))?"
    r"(?:\s+(?:know|see|check|pull|pull\s+up|find|get|send|export|look\s+at|have|count))?"
    r"(?:\s+and)?"
)
_EN = lazy_pattern(
    r"(?:(?:my|our|the|a)\s+)?"
    + _alternatives([*_split(_ROLES_EN), *_split(THIRD_PARTY_ROLES)])
    + r"\s*"
    + _EN_VERB
    + r"(?![a-z'])"
)
_EN_OPENS = lazy_pattern(
    r"(?:^|[,.;:!?，。；：！？]\s*|(?:^|\s)(?:so|ok|okay|hey|hi|hello|well|um|uh)\s+)$"
)


# The characters a passed-on request can start with: every other position is skipped at once.
_FIRST = frozenset(
    w[0]
    for w in (
        *_split(THIRD_PARTY_ROLES),
        *_split(_ROLES_EN),
        *_split(_LEADS),
        "my",
        "our",
        "the",
        "a",
    )
)


def scan_reported(text: str, pos: int) -> int | None:
    """Where a request passed on by someone, starting at `pos`, ends; None if none does."""
    if text[pos] not in _FIRST:
        return None
    if text[pos].isascii():
        if not _EN_OPENS.search(text[max(0, pos - 12) : pos]):
            return None
        found = _EN.match(text, pos) or _ZH.match(text, pos)  # my manager 要一份…
        return found.end() if found else None
    found = _ZH.match(text, pos) or _EN.match(text, pos)  # 老板 wants …
    return found.end() if found else None


def third_party_wrappers() -> list[str]:
    """The role-and-request combinations the pattern reads (each role with each request, and
    each lead word with each role), for tests that name them."""
    roles, asks = _split(THIRD_PARTY_ROLES), _split(THIRD_PARTY_ASKS)
    out = [f"{role}{ask}" for role in roles for ask in asks]
    out += [f"{lead}{role}" for role in roles for lead in _split(_LEADS)]
    return out
