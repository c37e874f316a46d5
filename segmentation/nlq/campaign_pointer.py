"""A campaign pointed at rather than named: "这个活动", "該活動", "嗰個活動", "個活動" (Cantonese,
嗰 left out), "此活动", "同一个活动", "这个campaign", "这次推送", "這個群發任務", "that campaign",
"the same campaign" — and "上次那个活动" / "上次嗰個活動" / "上次個活動", the last campaign with a
pointer word inside it (still the last campaign, never the one discussed).

The chat writes a pointer as the number of the campaign discussed in the conversation
(bot/commands/campaign_refs.py) before the sentence is read. A pointer that reaches the parser
points at nothing (no campaign was discussed, or the asker may no longer see it): it is asked
back which campaign, naming the newest ones — never read as "any campaign", which would answer
a different question (spec/commands.md §2c: the campaign last discussed).

The patterns hold both scripts as typed (the chat rewrites the raw text, so a quoted message
keeps its words) and the normalised forms the parser reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from segmentation.kinds.campaign_holdout import CampaignHeldOut
from segmentation.nlq.ask import Ask
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nodes import CampaignCoupon, CampaignMessaged, Node, walk
from segmentation.text import normalize

# 那个 / 嗰個 / 呢個 / 這次 / 那檔 (Taiwan: a run of a campaign) / 那期 …
_THAT = (
    r"(?:那个|那個|嗰个|嗰個|這個|这个|呢个|呢個|那一个|那一個|嗰一个|嗰一個|那次|嗰次|這次|这次|"
    r"呢次|那场|那場|嗰场|嗰場|那档|那檔|嗰档|嗰檔|這檔|这档|那期|這期|这期|本次)"
)
# 该 / 此 / 本 (written forms), 同一个 (the same one)
_WRITTEN = r"(?:该|該|此|(?<![\u4e00-\u9fff])本|同一个|同一個|同一|同个|同個)"
# 刚才那个 / 上面嘅 / 之前的: said again of the one just discussed
_JUST = r"(?:刚才|剛才|刚刚|剛剛|上面|前面|之前|头先|頭先|啱先|啱啱)?(?:的|嘅)?"
_CAMPAIGN = r"(?:营销|營銷)?(?:活动|活動|\s*campaign(?![a-z]))"
# The last campaign's words: a pointer after one is still the last campaign (上次那个活动)
_LATEST = (
    r"(?:上次|上一次|上个|上個|上一个|上一個|最近一次|最近一个|最近一個|前一次|上一档|上一檔|上期)"
)

# 这个活动 / 該活動 / 嗰個活動 / 呢個campaign / 同一个活动; 個活動 said first (Cantonese)
CAMPAIGN_POINTER_ZH = lazy_pattern(
    rf"(?<!上)(?<!上一)(?<!最近一)(?<!前一)(?<!次)(?<!个)(?<!個)"
    rf"(?P<that>{_JUST}(?:{_THAT}|{_WRITTEN})(?:个|個)?){_CAMPAIGN}"
    rf"|(?:^|(?<=[\s,，。:：]))(?P<that2>個|个)(?:营销|營銷)?(?:活动|活動)",
    re.I,
)
# 这次推送 / 這個群發任務 / 那次群发 / 此推播, asked of whom it reached (who, how many, received,
# its control group): a pointer at a campaign's message. "这次群发给VIP" is a new send.
_MESSAGE_WORD = r"(?:群发任务|群發任務|群发消息|群發消息|群发|群發|推送任务|推送任務|推送|推播)"
MESSAGE_POINTER_ZH = lazy_pattern(
    rf"(?<!上)(?<!上一)(?<!最近一)(?<!前一)"
    rf"(?P<that>{_JUST}(?:{_THAT}|{_WRITTEN})(?:个|個)?)(?P<word>{_MESSAGE_WORD})"
    r"(?=\s*(?:的|嘅)?\s*(?:有|都|仲)?\s*(?:谁|誰|边|邊|哪|几|幾|多少|收|冇收|没收|沒收|未收|"
    r"送达|送達|覆盖|覆蓋|触达|觸達|对照|對照|control|里|裡|入面|中|who|[?？]|$))",
    re.I,
)
# "that campaign", "the same campaign", "this very campaign" (the top one: campaign_refs.py)
CAMPAIGN_POINTER_EN = lazy_pattern(
    r"(?<![a-z])(?P<that>(?:that|this|the\s+same|that\s+same|this\s+same|the\s+said)"
    r"(?:\s+very)?)\s+(?:campaign|promo|promotion)(?![a-z])",
    re.I,
)
# "that broadcast", "this mass message", "the same blast": a pointer at a campaign's message
MESSAGE_POINTER_EN = lazy_pattern(
    r"(?<![a-z])(?P<that>that|this|the\s+same)\s+(?:mass\s+message|broadcast|blast|mass\s+send|"
    r"push(?:\s+notification)?)(?![a-z])",
    re.I,
)
# 上次那个活动 / 上次嗰個活動 / 上次個活動 / 上一个这个 campaign: the pointer word inside is no name
_LATEST_POINTER = lazy_pattern(
    rf"(?P<latest>{_LATEST})(?:的|嘅)?"
    r"(?:那一个|那一個|嗰一个|嗰一個|那个|那個|嗰个|嗰個|这个|這個|呢个|呢個|那次|嗰次|个|個)"
    r"(?=(?:营销|營銷)?(?:活动|活動)|\s*campaign(?![a-z]))",
    re.I,
)


def latest_pointer_dropped(text: str) -> str:
    """`text` with a pointer word inside "the last campaign" left out (上次那个活动 = 上次活动)."""
    return _LATEST_POINTER.sub(r"\g<latest>", text)


_QUOTED = lazy_pattern(r"“[^”]*”|「[^」]*」|『[^』]*』|\"[^\"]*\"")
# Each pointer, and whether it is English and said of the campaign's message
_POINTERS = (
    (MESSAGE_POINTER_ZH, False, True),
    (CAMPAIGN_POINTER_ZH, False, False),
    (MESSAGE_POINTER_EN, True, True),
    (CAMPAIGN_POINTER_EN, True, False),
)


def _pointers(text: str, names: Iterable[str]) -> list[tuple[re.Match[str], bool, bool]]:
    """The pointers in `text`, first to last, with (english, message) each: never inside a
    quoted message ("“这个活动今晚截止”"), nor after a campaign's own name (国庆回馈那次活动 is
    国庆回馈: the name says which)."""
    plain = _QUOTED.sub(lambda m: "□" * len(m.group()), text)
    found: list[tuple[re.Match[str], bool, bool]] = []
    for pattern, english, message in _POINTERS:
        for match in pattern.finditer(plain):
            taken = any(m.start() < match.end() and match.start() < m.end() for m, _, _ in found)
            before = text[: match.start()]
            if not taken and not _after_name(before, names) and not _DESCRIBED.search(before):
                found.append((match, english, message))
    return sorted(found, key=lambda f: f[0].start())


# 上次派券那次活动 / 最近一次發優惠券的那個活動 / 上次群发那个活动: the last campaign described by
# what it did (campaign_described.py), the pointer only its noun's
_DESCRIBED = lazy_pattern(
    rf"(?:{_LATEST}|最近的|最新的?|上一场|上场|上一轮|最后一次)(?:的|嘅)?"
    r"[^\s，,。；;：:？?！!“”\"]{1,8}$"
)
_BEFORE_POINTER = lazy_pattern(r"[\s“”\"「」『』的嘅]*$")


def _after_name(before: str, names: Iterable[str]) -> bool:
    said = normalize(_BEFORE_POINTER.sub("", before))
    return any(len(n) >= 2 and said.endswith(normalize(n)) for n in names)


def pointed_campaign(text: str, number: int, names: Iterable[str] = ()) -> str:
    """`text` with every pointer at a campaign written as campaign `number` (活动#N /
    campaign #N; a message pointer as that campaign's message). `names`: the campaigns'
    names (a pointer after one is that campaign's own word)."""
    text = latest_pointer_dropped(text)
    names = tuple(names)
    for match, english, message in reversed(_pointers(text, names)):
        if english:
            ref = f"campaign #{number}'s message" if message else f"campaign #{number}"
        else:
            ref = f"活动#{number}的群发" if message else f"活动#{number}"
        text = text[: match.start()] + ref + text[match.end() :]
    return text


def says_pointer(text: str, names: Iterable[str] = ()) -> bool:
    """Whether `text` points at a campaign (this campaign, 这次推送, 該活動)."""
    return bool(_pointers(text, tuple(names)))


def ask_pointed_campaign(text: str, campaigns: dict[int, str]) -> None:
    """Ask back which campaign a pointer in `text` (as typed) means, when one is left: no
    campaign was discussed to point at. The pointer word alone is asked about (这个 of 这个活动,
    这次 of 这次推送, "that" of "that campaign"), so a campaign given back or picked takes its
    place before the campaign word: 老客关怀活动的群发谁收到了, "the 老客关怀 campaign's coupon"."""
    found = _pointers(text, campaigns.values())
    if not found:
        return
    match, english, _message = found[0]
    group = "that" if match.group("that") is not None else "that2"
    said = text[match.start(group) : match.end(group)].strip()
    raise _which_campaign(said, text[match.end(group) : match.end()].strip(), campaigns, english)


def _which_campaign(said: str, noun: str, campaigns: dict[int, str], english: bool) -> Ask:
    """`said` (the pointer) before `noun` (活动, 推送, campaign): which campaign is it?"""
    newest = sorted(campaigns, reverse=True)[:3]
    listed_zh = "、".join(f"#{i}“{campaigns[i]}”" for i in newest)
    listed_en = ", ".join(f"#{i} “{campaigns[i]}”" for i in newest)
    if english:
        zh = f"“{said} {noun}”是哪一个活动？"
    else:  # 这次推送: whose message; 这个活动: which one
        zh = f"您说的“{said}”{noun}是" + (
            "哪一个？" if noun.endswith(("活动", "活動")) else "哪一个活动的？"
        )
    en = f"Which campaign do you mean by “{said}” {noun}?"
    if not newest:
        return Ask(f"{zh}还没有任何活动。", f"{en} There are no campaigns yet.")
    return Ask(
        f"{zh}这段对话里还没有说到活动。最近的活动：{listed_zh}。请说活动名或编号，或用“上次活动”。",
        f"{en} None has been discussed in this conversation. The latest: {listed_en}. Say its "
        "name or number, or 'the last campaign'.",
        tuple(campaigns[i] for i in newest),
    )


def one_campaign(segment: Node, latest: dict[str, int]) -> int | None:
    """The one campaign a segment is about ("上次活动群发谁收到了": the last campaign to send
    a mass message; "双11预热的券谁没用": #2), or None when it names none or several. `latest`:
    the newest campaign of each kind of contact (vocabulary.read_latest_campaigns)."""
    found: set[int | None] = set()
    for node in walk(segment):
        if isinstance(node, CampaignMessaged | CampaignHeldOut):
            kind = "message"
        elif isinstance(node, CampaignCoupon):
            kind = "coupon"
        else:
            continue
        if node.campaign_id is not None:
            found.add(node.campaign_id)
        elif node.latest:
            found.add(latest.get(kind))
        # any campaign's message or coupon ("收到过群发的") names none
    return found.pop() if len(found) == 1 else None
