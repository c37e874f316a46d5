"""A campaign named by a name no campaign has ("参加过春季大促活动的", "joined the Spring Gala
campaign"): asked back naming that name, with the company's campaigns to pick from — never
read as a holiday or a period because one of its words is one (七夕活动, the Summer Sale promo)."""

from __future__ import annotations

from segmentation.nlq.ask import Ask, did_you_mean
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

# Words that frame a campaign's name: joining, receiving, getting its coupon, being in it.
_FRAME_ZH = (
    r"参加过|参加了|参加|参与过|参与了|参与|报名过|报名了|报名|收到过|收到了|收到|收过|接到过|"
    r"接到|领过|领了|领到过|领到|领取过|领取|拿过|拿到|在|从|通过|来自|參加過|參加"
)
_NAME_ZH = (
    r"[^\s的,，。;；:：!！?？“”\"「」『』#＃、](?:[^的,，。;；:：!！?？“”\"「」『』#＃、]){1,19}?"
)
_CAMPAIGN_ZH = lazy_pattern(
    rf"(?:{_FRAME_ZH}|^|(?<=[\s,，。;；、]))[“\"「『]?(?P<name>{_NAME_ZH})[”\"」』]?\s*"
    r"(?:营销|促销|推广)?活动(?!\s*[#＃])"  # 活动#2: a campaign already named, no name before it
)
_FRAME_EN = (
    "joined|join|joining|attended|attend|participated in|took part in|part of|received|got|"
    "get|from|in|during|for|through|via|of|the|our"
)
_CAMPAIGN_EN = lazy_pattern(
    rf"\b(?:{_FRAME_EN})\s+(?:the\s+|our\s+)?[“\"']?(?P<name>[a-z0-9\u4e00-\u9fff'&-]+"
    r"(?:\s+[a-z0-9\u4e00-\u9fff'&-]+){0,3}?)[”\"']?\s+(?:campaign|promo|promotion)\b"
)


# What the contact phrases already read as "which campaign" (上次活动, the last campaign,
# 群发活动, any campaign): no name.
def _words(text: str) -> set[str]:
    return set(text.split())


_NOT_A_NAME = _words(
    "上次 上一次 上一个 上个 最近一次 最近一个 最近 最新 最新的 前一次 这次 本次 那次 这个 那个 "
    "哪个 哪次 某个 某次 一次 一个 每个 每次 各个 任何 任意 所有 全部 该 此 营销 群发 发券 "
    "我们的 公司的 我们 公司 线上 线下 上一档 上档 上一期 上期 上一轮 上轮 "
    "last latest previous recent most any a an this that every each all our the mass "
    "marketing coupon message same one "
    # whose coupons: "any of my 国庆回馈 coupons" (the asker's customers), never a name
    "my mine your 我的 我这边的"
)
# 上次发券活动 / 最近一次群发活动: which campaign by what it did last, no name
_KIND_OF_LAST = lazy_pattern(
    r"(?:上次|上一次|最近一次|最近的|最新的?|前一次|上一档|上档|上一期|上期|上一轮|上轮)?(?:的)?"
    r"(?:营销|群发|发券|派券|送券|推送)(?:的|那次|那一次|那回)?$"
)
_VERB_INSIDE = lazy_pattern(rf"(?:{_FRAME_ZH})|\b(?:{_FRAME_EN})\s+")
_TIME_LIKE = lazy_pattern(r"\d.*[天月年周日号]|last \d|past \d")
# "我们部门上次活动", "俾上次活動", "给最近一次活动": a name never ends with the word that picks
# the campaign by when it was; what comes before it is the rest of the sentence (whose
# customers, to whom), and the campaign is the one that word picks.
_PICKED_BY_WHEN = lazy_pattern(
    r"(?:上次|上一次|上一个|上个|最近一次|最近一个|最近的|最新的?|前一次|这次|本次|那次|"
    r"上一档|上档|上一期|上期|上一轮|上轮)(?:的)?$"
)


# A quoted text not followed by a campaign word or 的 is a message ("发消息“欢迎参加春季大促”",
# "“双11有活动哦”，发给…"): its words name no campaign. “春季大促”活动 / “春季大促”的 name one.
_MESSAGE = lazy_pattern(r"“[^”]*”(?!\s*(?:活动|活動|campaign|的|嘅|那次|那期|这次))")


def _messages_blanked(text: str) -> str:
    return _MESSAGE.sub(lambda m: "“" + "□" * (len(m.group()) - 2) + "”", text)


def check_campaign_names(text: str, original: str, campaigns: dict[int, str]) -> None:
    """Ask back the first campaign name in `text` (normalised; known names already written as
    活动#N / campaign #N) that no campaign has."""
    text = _messages_blanked(text)
    check_joined(text, original, campaigns)
    for pattern in (_CAMPAIGN_ZH, _CAMPAIGN_EN):
        for match in pattern.finditer(text):
            name = _last_words(match.group("name"))
            if _no_name(name):
                continue  # "got a coupon from campaign 3": what came, then which campaign
            if (
                name
                and name not in _NOT_A_NAME
                and not _only_determiners(name)
                and not _KIND_OF_LAST.match(name)
            ):
                raise _unknown_name(_as_written(name, original), campaigns)
    _joined_by_name(text, original, campaigns)


# Joining said of a name with no campaign word (参加了春季大促的, participated in the Spring
# Gala): joining is said only of campaigns, so the name is one — known or asked back. English
# "joined" alone is a customer added ("joined last month"): only with a campaign word.
_JOIN_NAME_ZH = lazy_pattern(
    r"(?:参加过|参加了|参加|参与过|参与了|参与|報名過|报名过|报名了|參加過|參加)"
    r"[“\"「『]?(?P<name>[^的,，。;；:：!！?？“”\"「」『』#＃、\s]{2,12}?)[”\"」』]?(?=的|$|[,，。;；!！?？\s])"
)
_JOIN_NAME_EN = lazy_pattern(
    r"\b(?:attended|participated in|took part in)\s+(?:(?:the|our)(?:\s+|(?=[^\x00-\x7f])))?"
    r"(?!\d|(?:us|me|we|wecom|wechat|recently|today|yesterday|this|last|past|in|on|after|since|"
    r"before|from|via|through|by|within|during|at|a|an|any|it|them|as|who|that|and|or|but)\b)"
    r"(?P<name>[a-z0-9\u4e00-\u9fff'&-]+(?:\s+(?!who\b|that\b|and\b|or\b|but\b|in\b|on\b|"
    r"during\b|last\b|this\b)[a-z0-9\u4e00-\u9fff'&-]+){0,3})(?=$|[\s,.;!?])"
)


def _joined_by_name(text: str, original: str, campaigns: dict[int, str]) -> None:
    for pattern in (_JOIN_NAME_ZH, _JOIN_NAME_EN):
        match = pattern.search(text)
        if match is None:
            continue
        name = match.group("name").strip()
        if "活动" in name or "campaign" in name or name in _NOT_A_NAME or "#" in name:
            continue
        known = {normalize(n): i for i, n in campaigns.items()}
        if normalize(name) in known:
            number = known[normalize(name)]
            verb = text[match.start() : match.start("name")].strip()
            raise _which_contact(verb, campaigns[number], original)
        raise _unknown_name(_as_written(name, original), campaigns)


# Words a campaign's name around "campaign" never ends with or holds: a preposition before
# the campaign's number, or what the campaign sent ("a coupon from campaign 3").
_NO_NAME = lazy_pattern(
    r"(?:^|\s)(?:from|of|in|by|for|during|to|at)$|\b(?:coupons?|vouchers?|messages?|msgs?)\b"
    # a clause about whose coupon it is ("of my customers have unused campaign #1 coupons"):
    # a verb or a coupon's state is never inside a campaign's name said before "campaign"
    r"|\b(?:have|has|had|still|unused|used|redeemed|unredeemed)\b"
)


def _no_name(name: str) -> bool:
    return bool(name) and _NO_NAME.search(name) is not None


def _last_words(name: str) -> str:
    """The name after the last framing word inside it (上海收到过春季大促 → 春季大促)."""
    cut = 0
    for verb in _VERB_INSIDE.finditer(name):
        cut = verb.end()
    name = name[cut:].strip(" “”\"'「」『』")
    if _TIME_LIKE.search(name) or name.isdigit() or _PICKED_BY_WHEN.search(name):
        return ""
    return name


def _only_determiners(name: str) -> bool:
    words = name.split()
    return len(words) > 1 and all(w in _NOT_A_NAME for w in words)


def _as_written(name: str, original: str) -> str:
    """The name as the user wrote it (case, script), when the message holds it so."""
    plain = normalize(original)
    at = plain.find(name)
    if at >= 0 and len(plain) == len(original):
        return original[at : at + len(name)]
    return name


def close_campaigns_ask(name: str, close: list[str], *, said_as_campaign: bool = False) -> Ask:
    """No campaign is called `name`; these are close to it. `said_as_campaign`: the reply names
    them as campaigns (the name was quoted, so nothing said it was a campaign's)."""
    listed = "、".join(f"“{n}”" for n in close)
    listed_en = ", ".join(f"“{n}”" for n in close)
    kind, kind_en = ("活动", "the campaign ") if said_as_campaign else ("", "")
    return Ask(
        f"没有找到名为“{name}”的活动。您是指{kind}{listed}吗？",
        f"There is no campaign named “{name}”. Did you mean {kind_en}{listed_en}?",
        close,
    )


def _unknown_name(name: str, campaigns: dict[int, str]) -> Ask:
    if not campaigns:
        return Ask(
            f"没有找到名为“{name}”的活动：还没有任何活动。",
            f"There is no campaign named “{name}”: there are no campaigns yet.",
        )
    names = {normalize(n): n for n in campaigns.values()}
    close = did_you_mean(normalize(name), names)
    if close:
        return close_campaigns_ask(name, close)
    newest = [campaigns[i] for i in sorted(campaigns, reverse=True)[:3]]
    listed = "、".join(f"“{n}”" for n in newest)
    listed_en = ", ".join(f"“{n}”" for n in newest)
    return Ask(
        f"没有找到名为“{name}”的活动，也没有相近的。最近的活动：{listed}。您是指哪一个？",
        f"There is no campaign named “{name}”, nor one close to it. The latest campaigns: "
        f"{listed_en}. Which one do you mean?",
        newest,
    )


# Joining a campaign (参加过活动#2, joined campaign #2) is no contact the data records: the
# data knows a message received, a coupon got, a coupon used. Asked which one is meant.
_JOINED = lazy_pattern(
    r"(?P<verb>参加过|参加了|参加|参与过|参与了|参与|报名过|报名了|報名過|參加過|參加|"
    r"joined|attended|participated in|took part in|were part of|was part of)\s*(?:the\s+)?"
    r"(?:活动|campaign )#(?P<id>\d{1,9})"
)


def check_joined(text: str, original: str, campaigns: dict[int, str]) -> None:
    """参加过双11预热活动的 / joined the 双11预热 campaign: asked whether the message received
    or the coupon got is meant, each offered as the phrase to put in its place."""
    match = _JOINED.search(text)
    if match is None or int(match.group("id")) not in campaigns:
        return
    raise _which_contact(match.group("verb"), campaigns[int(match.group("id"))], original)


def _which_contact(verb: str, name: str, original: str) -> Ask:
    plain = normalize(original)
    if verb.isascii():
        forms = (f"{verb} the {name} campaign", f"{verb} {name} campaign", f"{verb} the {name}")
        said = next((normalize(p) for p in forms if normalize(p) in plain), f"{verb} {name}")
        return Ask(
            f"“{said}”是指收到过它的群发消息、领过它的券，还是核销过它的券？",
            f"“{said}”: do you mean received its message, got its coupon, or used its coupon?",
            (
                f"received the {name} campaign",
                f"got a coupon from the {name} campaign",
                f"redeemed a coupon from the {name} campaign",
            ),
        )
    said = next((p for p in (f"{verb}{name}活动", f"{verb}{name}") if p in plain), verb + name)
    return Ask(
        f"“{said}”是指收到过它的群发消息、领过它的券，还是核销过它的券？",
        f"“{said}”: do you mean received its message, got its coupon, or used its coupon?",
        (f"收到过{name}活动", f"{name}活动领过券", f"{name}活动核销过券"),
    )
