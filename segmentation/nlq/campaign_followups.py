"""Follow-ups that stay on the campaign just asked about.

After "上次活动的券还有谁没核销" or "國慶回饋嗰個活動，有邊個用咗張券", the next question about a
coupon's fate names no campaign: "那谁用了", "冇用嗰啲呢", "還沒核銷的是誰", "who didn't?", "and
the rest?". It is about the same campaign's coupon (spec/commands.md §2c: the campaign last
discussed is part of the context) — never about every campaign's coupons. This module reads
such a follow-up and puts the campaign of the last answer back into it; the bot decides when
a last answer is about one campaign (bot/commands/campaign_followups.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from segmentation.kinds.campaign_holdout import CampaignHeldOut
from segmentation.nlq.lazy_re import latin_pattern, lazy_pattern
from segmentation.nodes import And, CampaignCoupon, CampaignMessaged, Node, Not, Or, walk
from segmentation.text import normalize

# Which campaign a coupon condition is about: (campaign_id, latest).
Campaign = tuple[int | None, bool]
# What a short follow-up asks of that campaign's coupon: used, not used, or the other side of
# the answer just given ("the rest", 其他人呢).
State = Literal["redeemed", "unredeemed", "other"]

_LEAD_ZH = r"(?:那|那么|咁|噉|好|ok|嗯|噢|哦)?[,，\s]*"
# Who / how many, asked before or after the verb (Cantonese 边个 / 边啲 / 几多)
_WHO_ZH = (
    r"(?:有谁|是谁|系边个|係边个|有边个|有边啲人?|有哪些人?|有哪几个|有冇人|有几个人?|有多少人?|"
    r"有多少个|有几多人?|有几多个|有几位|谁|边个|边啲人?|哪些人?|哪几个|哪位|几个人?|几位|多少人?|几多人?|"
    r"几多个|多少个)"
)
_VERB_ZH = r"(?:核销|使用|兑换|用|使|redeem|use)"
_COUPON_ZH = r"(?:(?:张|啲|了)?(?:优惠券|券))?"
_ONES_ZH = r"(?:的|嘅)?(?:人|客户|客)?(?:那些|那啲|啲|那班)?"
_ASK_ZH = rf"(?:呢|{_WHO_ZH}|都有谁|是哪些人?)?(?:呢|啊|呀|吖)?"
_END = r"\s*[?？。.!！~]*\s*$"
_REDEEMED_ZH = lazy_pattern(
    rf"^{_LEAD_ZH}(?:{_WHO_ZH})?(?:已经?|有|都|也)?{_VERB_ZH}(?:了|过|掉|咗)(?:{_COUPON_ZH})"
    rf"{_ONES_ZH}{_ASK_ZH}{_END}"
    # 已核销的呢 / 用券嘅呢: used, said as a state
    rf"|^{_LEAD_ZH}(?:已经?)(?:核销|使用|兑换)(?:了|过)?{_ONES_ZH}{_ASK_ZH}{_END}"
    rf"|^{_LEAD_ZH}(?:{_WHO_ZH})?(?:有)?(?:用|使)(?:优惠券|券){_ONES_ZH}{_ASK_ZH}{_END}"
)
_UNREDEEMED_ZH = lazy_pattern(
    rf"^{_LEAD_ZH}(?:{_WHO_ZH})?(?:还|仲|都|也)?(?:没有|没|未|冇|还没有?|仲未|尚未|从未|未曾)"
    rf"{_VERB_ZH}(?:过|掉)?{_COUPON_ZH}{_ONES_ZH}{_ASK_ZH}{_END}"
)
_OTHER_ZH = lazy_pattern(
    rf"^{_LEAD_ZH}(?:其他|其余|其它|剩下|剩低|剩返|另外)(?:的|嘅)?(?:人|那些|那啲|啲|几个|那几个)?"
    rf"{_ASK_ZH}{_END}"
)
_LEAD_EN = r"^(?:and |so |ok,? |okay,? |then |what about |how about |and what about )?"
_WHO_EN = (
    r"(?:who|which ones|which customers|which of them|the ones who|the ones that|those who|"
    r"those that|people who|customers who|how many(?: of them)?|how many people)"
)
_IT_EN = r"(?: (?:it|them|theirs|their coupons?|the coupons?|a coupon|one))?(?: yet)?"
_REDEEMED_EN = latin_pattern(
    rf"{_LEAD_EN}{_WHO_EN}(?: did| have| has| already)?(?: redeemed| used| cashed in| did)"
    rf"{_IT_EN}{_END}"
)
_UNREDEEMED_EN = latin_pattern(
    rf"{_LEAD_EN}(?:{_WHO_EN} )?(?:still )?(?:didn't|did not|haven't|hasn't|have not|has not|"
    rf"never|not yet|didnt|havent|hasnt)(?: yet)?(?: redeemed| redeem| used| use| cashed in)?"
    rf"{_IT_EN}{_END}"
)
_OTHER_EN = latin_pattern(
    rf"{_LEAD_EN}(?:the )?(?:rest|others|other ones|remaining ones|remaining|everyone else)"
    rf"(?: of them)?{_END}"
)
# The state said as a word, English or mixed: "redeemed 的呢", "the unused ones?", "what about
# not redeemed", "unredeemed 嘅有边个"
_STATE_LEAD = (
    r"^(?:那|那么|咁|噉|and |so |ok,? |okay,? |then |now |what about |how about |and what about |"
    r"switch to |just |only |show me )*(?:the |those )?"
)
_STATE_TAIL = rf"(?: ones| customers| people| coupons?)?\s*{_ONES_ZH}{_ASK_ZH}{_END}"
_REDEEMED_WORD = lazy_pattern(rf"{_STATE_LEAD}(?:redeemed|used|cashed in){_STATE_TAIL}")
_UNREDEEMED_WORD = lazy_pattern(
    rf"{_STATE_LEAD}(?:unredeemed|unused|not redeemed|not used|non-redeemed|not yet redeemed|"
    rf"(?:没有?|未|冇|还没有?|仲未)\s*(?:redeem|use)(?:ed)?){_STATE_TAIL}"
)
_COUNT = lazy_pattern(r"几个|多少|几多|几位|how many")
_WHO = lazy_pattern(r"谁|边个|边啲|哪些|哪几|哪位|\bwho\b|\bwhich\b")


def said_coupon_state(text: str) -> State | None:
    """The coupon state a short follow-up asks for ("那谁用了" → redeemed, "冇用嗰啲呢" →
    unredeemed, "and the rest?" → the other side), or None when `text` is no such follow-up."""
    norm = normalize(text).strip()
    for state, patterns in (
        ("unredeemed", (_UNREDEEMED_ZH, _UNREDEEMED_EN, _UNREDEEMED_WORD)),
        ("redeemed", (_REDEEMED_ZH, _REDEEMED_EN, _REDEEMED_WORD)),
        ("other", (_OTHER_ZH, _OTHER_EN)),
    ):
        if any(p.match(norm) for p in patterns):
            return state  # type: ignore[return-value]
    return None


# "and how many actually received it", "那实际收到的有几个", "邊個收咗", "真正收到訊息的有幾位":
# after an answer about one campaign, whom its message really reached (WeCom reported it
# sent: not the unconfirmed, not the control group).
_REALLY_ZH = r"(?:实际上?|真正|真的|其实)?"
# 改睇 / 换成 / 转看 / 只看: the same campaign, switched to whom its message reached
_SWITCH_ZH = (
    r"(?:(?:改|换|转|變|变)(?:为|成|做|去|到)?(?:看|睇|查|睇下|看下)?|只看|淨係睇|净系睇|净系看|"
    r"睇下|看下|看看|睇吓)?\s*"
)
# 送达 / 已送達 / 发送成功 / delivered: reported sent, as received is
_RECEIVED_WORD_ZH = (
    r"(?:收到了?|收到过|收了|接收到|收过|(?:已经?)?(?:送达|送到|发送成功|成功发送|发到)(?:了)?|"
    r"\s*(?:delivered|received)\s*)"
)
_RECEIVED_ZH = lazy_pattern(
    rf"^{_LEAD_ZH}{_SWITCH_ZH}(?:其中)?{_REALLY_ZH}(?:{_WHO_ZH})?{_REALLY_ZH}(?:有|都)?"
    rf"{_RECEIVED_WORD_ZH}(?:消息|群发|讯息|信息|推送|\s*(?:messages?|msgs?)(?![a-z])\s*)?"
    rf"{_ONES_ZH}{_ASK_ZH}{_END}"
)
_RECEIVED_EN = latin_pattern(
    rf"{_LEAD_EN}{_WHO_EN}(?: of them)?(?: actually| really| in fact)?(?: did| have| has)?"
    # "got it" alone after a coupon answer is the coupon: got only with the message named
    r"(?: actually| really)? (?:(?:received|receive|were sent|was sent)"
    r"(?: it| the message| the mass message| the broadcast| a message| that message| one|"
    # the campaign just discussed, pointed at: "who actually received that campaign?"
    r" that campaign| this campaign| the campaign| that one| its message| campaign #\d{1,9})?|"
    r"(?:got|get) (?:the message|the mass message|the broadcast|a message|that message))"
    rf"(?: actually| really)?{_END}"
)


# "switch to the delivered ones", "now the ones it was delivered to", "just those who got it
# delivered", "what about the delivered?"
_DELIVERED_EN = latin_pattern(
    r"^(?:and |so |ok,? |okay,? |then |now |what about |how about |switch to |change to |"
    r"show me |show |just |only |instead,? )*(?:(?:the |those )?(?:delivered|received|reached)"
    r"(?: ones| customers| people| messages?)?|(?:the ones|those|the customers|customers) "
    r"(?:it|the message) (?:was|got) (?:delivered|sent) to)(?: instead)?(?: then)?" + _END
)


def named_campaign(text: str) -> int | None:
    """The campaign `text` names by its number (活动#3 / campaign #3), or None."""
    found = _NUMBERED.search(normalize(text))
    return int(found.group(1) or found.group(2)) if found else None


_NUMBERED = lazy_pattern(r"活动#(\d{1,9})|campaign #(\d{1,9})")


def said_received(text: str) -> bool:
    """Whether `text` asks, of the campaign just discussed, whom its message reached."""
    norm = normalize(text).strip()
    return bool(_RECEIVED_ZH.match(norm) or _RECEIVED_EN.match(norm) or _DELIVERED_EN.match(norm))


def answer_campaign(node: Node) -> tuple[str, Campaign] | None:
    """The one campaign an answer is about — ("coupon" | "message", its campaign) — or None:
    no campaign condition, any campaign's, or several campaigns."""
    found = {
        ("coupon" if isinstance(p, CampaignCoupon) else "message", p.campaign_id, p.latest)
        for p in _parts(node)
        # a control group is of a send: its "last campaign" is the last to send messages
        if isinstance(p, CampaignCoupon | CampaignMessaged | CampaignHeldOut)
    }
    if len(found) != 1:
        return None
    kind, campaign_id, latest = next(iter(found))
    return (kind, (campaign_id, latest)) if campaign_id is not None or latest else None


def asks_count(text: str) -> bool:
    return bool(_COUNT.search(normalize(text)))


def asks_who(text: str) -> bool:
    return bool(_WHO.search(normalize(text)))


def _parts(node: Node) -> tuple[Node, ...]:
    return node.children if isinstance(node, And) else (node,)


def coupon_campaign(node: Node) -> Campaign | None:
    """The one campaign the coupon conditions of `node` (itself, or the parts of an AND) are
    about, or None: no coupon condition, any campaign's coupon, or several campaigns."""
    found = {(p.campaign_id, p.latest) for p in _parts(node) if isinstance(p, CampaignCoupon)}
    if len(found) != 1:
        return None
    campaign = next(iter(found))
    return campaign if campaign[0] is not None or campaign[1] else None


def coupon_state(node: Node) -> str | None:
    states = {p.state for p in _parts(node) if isinstance(p, CampaignCoupon)}
    return next(iter(states)) if len(states) == 1 else None


def with_coupon_state(node: Node, state: str) -> Node:
    """`node` with its coupon conditions in `state` (the same campaign, the rest kept)."""
    parts = tuple(
        CampaignCoupon(state, p.campaign_id, p.latest, p.window)  # type: ignore[arg-type]
        if isinstance(p, CampaignCoupon)
        else p
        for p in _parts(node)
    )
    return And(parts) if isinstance(node, And) else parts[0]


def other_state(state: str | None) -> str | None:
    """The other side of an answer about a coupon: used ↔ not used (got one has none)."""
    return {"redeemed": "unredeemed", "unredeemed": "redeemed"}.get(state or "")


def unbound_coupon(node: Node) -> CampaignCoupon | None:
    """`node` when it is only a coupon condition of no campaign ("还没核销的是谁")."""
    if isinstance(node, CampaignCoupon) and node.campaign_id is None and not node.latest:
        return node
    return None


def bind_campaign(node: Node, campaign: Campaign) -> Node:
    """`node` with every coupon condition of no campaign put on `campaign`."""
    campaign_id, latest = campaign

    def bound(part: Node) -> Node:
        if isinstance(part, CampaignCoupon) and part.campaign_id is None and not part.latest:
            return replace(part, campaign_id=campaign_id, latest=latest)
        return part

    parts = tuple(bound(p) for p in _parts(node))
    return And(parts) if isinstance(node, And) else parts[0]


def coupon_said_again(previous: Node, added: Node) -> tuple[Node, Node | None] | None:
    """After an answer about one campaign's coupon, a narrowing that says a coupon's fate
    with no campaign ("给没核销的那两个发个提醒" after "那谁用了"): the answer with its coupon in
    that state (the same campaign), and what else the narrowing said (None: nothing). None
    when the answer is about no one campaign or the narrowing says no such coupon."""
    if coupon_campaign(previous) is None:
        return None
    parts = _parts(added)
    unbound = [p for p in parts if isinstance(p, CampaignCoupon) and _is_unbound(p)]
    if not unbound or len({p.state for p in unbound}) != 1:
        return None
    rest = tuple(p for p in parts if p not in unbound)
    others: Node | None = None if not rest else rest[0] if len(rest) == 1 else And(rest)
    return with_coupon_state(previous, unbound[0].state), others


def names_campaign_contact(node: Node) -> bool:
    """Whether `node` says whom a campaign reached of its own: a campaign named (上次活动,
    活动#3, the last campaign's control group) or a period ("近30天没收到过群发的"). After an
    answer about a campaign such a question is about the campaigns as it says, never a
    narrowing of that answer ("who got the last campaign's message" then "which VIPs haven't
    had any mass message in 30 days": narrowed, nobody could match). A coupon's state alone
    ("没核销的", "那谁用了") is the last answer's campaign (read above), not this."""
    return any(_bound(part) for part in walk(node))


def _bound(part: Node) -> bool:
    if isinstance(part, CampaignHeldOut):
        return True
    if isinstance(part, CampaignCoupon | CampaignMessaged):
        return part.campaign_id is not None or part.latest or part.window is not None
    return False


def is_about_campaigns(node: Node) -> bool:
    """Whether any part of `node` is whom a campaign reached (a message, a coupon, a control
    group)."""
    return any(
        isinstance(p, CampaignCoupon | CampaignMessaged | CampaignHeldOut) for p in walk(node)
    )


def _is_unbound(part: CampaignCoupon) -> bool:
    return part.campaign_id is None and not part.latest and part.window is None


# "那国庆回馈呢", "what about the last campaign?", "上次活动的呢" (campaigns already numbered):
# the same question about another campaign; "the one before?", "上上次的呢", "再之前那个呢": about
# the campaign that issued coupons before the one just asked about.
_LATEST_ZH = r"(?:上次|上一次|上一个|上个|最近一次|最近的|上一档|上一期)"
# Said before it: 那 / and / what about, or a swap (换成 / 換做 / 改成 / switch to / same for)
_OTHER_LEAD = (
    r"(?:(?:ok|okay|好|嗯)[,，\s]*)?"
    r"(?:那|那么|咁|噉|and |so |then |now |what about |how about |and what about |and how about |"
    r"换成|换做|换去|换到|改成|改为|改做|换|改|看看|看下|睇下|睇吓|switch to |swap to |change to |"
    r"same for |same thing for |do the same for |and for |for |and in |in |with )?\s*"
    r"(?:in |for |with )?"
)
# Said after it: 的呢 / 嗰个呢 / 睇下 / 怎么样 / the one / instead
_OTHER_TAIL = (
    r"(?:'s)?(?: one| campaign| instead| then)?(?:的|嘅)?\s*"
    r"(?:呢|的呢|嘅呢|那个呢|嗰个呢|那个|嗰个|睇下|睇吓|看看|看下|怎么样|点样|如何|吧|啦|instead)?"
    r"(?:呢|啊|呀)?"
)
_OTHER_CAMPAIGN = lazy_pattern(
    rf"^\s*{_OTHER_LEAD}"
    r"(?:the |our )?(?:活动#(?P<id>\d{1,9})|campaign #(?P<id_en>\d{1,9})|"
    # 上次发券活动 / the last coupon campaign: every description of it (campaign_described)
    rf"(?P<last>{_LATEST_ZH}(?:的)?(?:发券)?活动|(?:last|latest|previous|most recent) "
    r"(?:coupon )?campaign)|"
    r"(?P<before>上上次|上上个|上上一次|再之前|再早|更早|之前)(?:的|嘅)?(?:那个|嗰个|那次)?"
    r"(?:活动|campaign)?|(?P<before_en>the one before(?: that| it)?|the campaign before"
    r"(?: that| it| last)?|the previous one|the one before last|before that))"
    rf"{_OTHER_TAIL}" + _END
)


@dataclass(frozen=True)
class OtherCampaign:
    """Another campaign said alone: by number, the last one, or the one before the last
    answer's (`before`)."""

    campaign_id: int | None = None
    latest: bool = False
    before: bool = False


def said_other_campaign(norm: str) -> OtherCampaign | None:
    found = _OTHER_CAMPAIGN.match(norm)
    if found is None:
        return None
    number = found["id"] or found["id_en"]
    if number:
        return OtherCampaign(int(number))
    if found["last"]:
        return OtherCampaign(latest=True)
    return OtherCampaign(before=True)


def on_campaign(node: Node, campaign: Campaign) -> Node:
    """`node` with its coupon conditions about `campaign` instead (the state kept)."""
    campaign_id, latest = campaign
    parts = tuple(
        replace(p, campaign_id=campaign_id, latest=latest) if isinstance(p, CampaignCoupon) else p
        for p in _parts(node)
    )
    return And(parts) if isinstance(node, And) else parts[0]


def sent_campaign(node: Node) -> Campaign | None:
    """The one campaign whose message (or control group) `node` is about, anywhere in it (没收到
    过活动#3的群发 too), or None: a coupon, any campaign's message, or several campaigns."""
    found = {
        (p.campaign_id, p.latest)
        for p in walk(node)
        if isinstance(p, CampaignMessaged | CampaignHeldOut | CampaignCoupon)
    }
    if len(found) != 1 or any(isinstance(p, CampaignCoupon) for p in walk(node)):
        return None
    campaign = next(iter(found))
    return campaign if campaign[0] is not None or campaign[1] else None


def on_sent_campaign(node: Node, campaign: Campaign) -> Node:
    """`node` with its message and control-group conditions about `campaign` instead."""
    campaign_id, latest = campaign
    if isinstance(node, CampaignMessaged | CampaignHeldOut):
        return replace(node, campaign_id=campaign_id, latest=latest)
    if isinstance(node, And | Or):
        return replace(node, children=tuple(on_sent_campaign(c, campaign) for c in node.children))
    if isinstance(node, Not):
        return replace(node, child=on_sent_campaign(node.child, campaign))
    return node


# "没用的" / "冇用嘅" / "用了的" with no coupon word, after an answer about a campaign's coupon:
# used or not used is the coupon's (给没用的发条消息提醒下券快过期了). Said alone, 没用的 is no
# condition ("useless"): the coupon word is put in only where a coupon was just discussed.
_BARE_USED = lazy_pattern(
    r"(?P<verb>(?:没有|没|沒有|沒|未|冇|还没有?|還沒有?|仲未|尚未|从未|從未)(?:有)?(?:使用|用|使)|"
    r"(?:已经|已經|有)?(?:使用|用)(?:了|咗|过|過))"
    r"(?=(?:的|嘅|嗰啲|那些|那啲|那几个|那幾個|嗰几个|嗰幾個))"
)


def with_coupon_word(text: str) -> str:
    """`text` (as typed) with 券 after a bare used / not used ("给没用的发…" → "给没用券的发…")."""
    return _BARE_USED.sub(lambda m: m.group("verb") + "券", text)


def unbound_coupon_parts(node: Node) -> bool:
    """Whether `node` says a coupon's state of no campaign and no period ("没用券的", "who
    haven't used the coupon") and no coupon of a campaign."""
    coupons = [p for p in walk(node) if isinstance(p, CampaignCoupon)]
    return bool(coupons) and all(_is_unbound(p) for p in coupons)
