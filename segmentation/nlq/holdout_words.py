"""One campaign's control group, said every way: "活动#3的对照组" (老客关怀的对照组, 上次活动的
對照組, 上次活動嗰個對照組), "被留作对照组的", "campaign #3's control group", "the holdout of the
last campaign", "who was held out as the control group from campaign #3" (campaign names are
already written as 活动#N / campaign #N; "for the X campaign, who was held out…" is put in that
order by contact_words). Read as a campaign-contact phrase (what: "holdout").

The control group of no campaign ("对照组有谁", "who was in the holdout group") is asked back
with the campaigns to pick from: every campaign holds out its own customers.
"""

from __future__ import annotations

import re

from segmentation.nlq.ask import Ask
from segmentation.nlq.contact_words import _IN, ContactMatch, _ref_en, _ref_zh, longest_contact
from segmentation.nlq.lazy_re import latin_pattern, lazy_pattern
from segmentation.text import normalize

# "control group" / holdout typed in a Chinese sentence (上次campaign的control group有谁) too
_GROUP_ZH = (
    r"(?:对照组|控制组|对照群|留出组|\s*(?:control ?group|control ?组|holdout ?group|holdouts?|"
    r"hold-outs?)(?![a-z])\s*)"
)
_KEPT_ZH = r"(?:被)?(?:留作|留为|留出作为?|作为|当作|当做|分到|分在|划入|放在|在)?"
_GROUP_EN = r"(?:control group|control|holdout group|holdouts?|hold-outs?|held-out group)"
_HELD_EN = r"(?:held out|held-out|kept out|left out|withheld)"

_HOLDOUT_ZH = (
    # 活动#3的对照组 / 上次活动的对照组里 / 活动#3那次被留作对照组的 / 上次活动嘅對照組
    ("holdout", lazy_pattern(
        rf"{_ref_zh(60, 'message')}{_IN}(?:的|嘅)?(?:那次|那个|那一次)?(?:的|嘅)?{_KEPT_ZH}"
        rf"(?:的)?{_GROUP_ZH}(?:客户|的客户|嘅客|里面|里|中|当中|入面)?"
    )),
    # 被留作活动#3对照组的 / 在上次活动的对照组里
    ("holdout", lazy_pattern(
        rf"{_KEPT_ZH}{_ref_zh(61, 'message')}{_IN}(?:的|嘅)?{_GROUP_ZH}(?:里面|里|中|当中|入面)?"
    )),
)  # fmt: skip

_HOLDOUT_EN = (
    # "held out (as the control group) from campaign #3", "kept out of the last campaign"
    ("holdout", latin_pattern(
        rf"(?:(?:was|were|been|got|being|is|are) )?{_HELD_EN}"
        rf"(?: (?:as|in|into) (?:the |a |its |their )?{_GROUP_EN})?{_ref_en(60, 'message')}"
    )),
    # "(in) the control group of campaign #3", "the holdout from the last campaign"
    ("holdout", latin_pattern(
        rf"(?:(?:in|part of|members of|member of|on) )?(?:the |a )?{_GROUP_EN}"
        rf"(?: customers)?{_ref_en(61, 'message')}"
    )),
    # "campaign #3's control group", "the last campaign's holdout"
    ("holdout", latin_pattern(
        r"(?:(?:in|part of) )?(?:the |our )?(?:campaign #(?P<id62>\d{1,9})|"
        r"(?P<last62>last|latest|previous|most recent) campaign)(?: ?'s)? "
        rf"{_GROUP_EN}(?: customers)?"
    )),
)  # fmt: skip

HOLDOUT_PATTERNS = (*_HOLDOUT_ZH, *_HOLDOUT_EN)
_ENGLISH = {pattern for _what, pattern in _HOLDOUT_EN}


def scan_holdout(text: str, pos: int) -> ContactMatch | None:
    """One campaign's control group said at `pos`, or None."""
    return longest_contact(HOLDOUT_PATTERNS, _ENGLISH, text, pos)


def names_a_holdout(text: str) -> bool:
    """Whether `text` says one campaign's control group somewhere."""
    return any(scan_holdout(text, pos) is not None for pos in range(len(text)))


def which_holdout(word: str, campaigns: dict[int, str]) -> Ask:
    """The control group of no campaign: which campaign's, the newest offered."""
    newest = [campaigns[i] for i in sorted(campaigns, reverse=True)[:3]]
    english = word.isascii()
    if english:
        suggestions = tuple(f"the control group of the {name} campaign" for name in newest)
    else:
        suggestions = tuple(f"{name}活动的对照组" for name in newest)
    return Ask(
        f"“{word}”是哪个活动的对照组？每个活动留出的客户不同，请说出活动，例如"
        f"“{newest[0] if newest else '双11预热'}活动的对照组”。",
        f"“{word}”: the control group of which campaign? Each campaign holds out its own "
        f"customers; name it, e.g. 'the control group of the "
        f"{newest[0] if newest else 'Double 11'} campaign'.",
        suggestions,
    )


# The control group said with no campaign, as typed (both scripts; the English words whole).
_GROUP_TYPED = lazy_pattern(
    r"对照组|對照組|控制组|控制組|对照群|對照群|留出组|留出組|"
    # Latin words end at a non-letter (a Chinese 呢 is a word character to \b)
    r"(?<![a-z])(?:the\s+)?(?:control\s+group|hold-?outs?(?:\s+group)?|held-out\s+group)(?![a-z])|"
    r"(?<![a-z])held[- ]out(?:\s+(?:as|in)\s+(?:the\s+)?control\s+group)?(?![a-z])",
    re.I,
)


_QUOTED = lazy_pattern(r"“[^”]*”|「[^」]*」|『[^』]*』|\"[^\"]*\"")


def says_holdout(text: str) -> bool:
    """Whether `text` (as typed) says a control group outside a quoted message."""
    return _GROUP_TYPED.search(_QUOTED.sub("", text)) is not None


def with_holdout_campaign(text: str, campaign_id: int, named: str | None = None) -> str | None:
    """`text` (as typed) with a control group of no campaign ("对照组呢", "對照組入面有邊個",
    "what about the control group", "who was held out") written as campaign `campaign_id`'s
    ("活动#3的对照组", "the control group of campaign #3"), or None when `text` says no such
    group or already names its campaign. For the answer just given about that campaign: its
    control group is the one asked about (spec/commands.md §2c, the campaign last discussed).
    `named`: `text` normalised with campaign names written as their numbers (老客关怀的对照组
    names its campaign)."""
    plain = _QUOTED.sub(lambda m: "□" * len(m.group()), text)  # never a message's words
    found = _GROUP_TYPED.search(plain)
    if found is None or names_a_holdout(normalize(text) if named is None else named):
        return None
    if found.group(0).isascii():
        after = " from" if "held" in found.group(0).lower() else " of"
        rewritten = f"{text[: found.end()]}{after} campaign #{campaign_id}{text[found.end() :]}"
    else:
        rewritten = f"{text[: found.start()]}活动#{campaign_id}的{text[found.start() :]}"
    return rewritten if names_a_holdout(normalize(rewritten)) else None
