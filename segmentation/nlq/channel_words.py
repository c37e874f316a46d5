"""Channel phrases → a channel condition, or a question back.

Two facts say how a customer came to a staff member (segmentation/channels.py): WeCom's
add_way ("扫码添加的", "群聊里加的", "added via phone search") and the company's own 渠道活码
code on the QR or link ("通过展会活码加的", "from channel 展会2026"). A phrase is read whole,
as a time phrase is: a way word or a code with the words that frame it (通过/从/来自…,
添加/加/来…, "added/came … by/via/from …", "channel …"), so a code is read only where a
channel is meant and never takes a tag's or a city's place. A code is matched like a tag
(case, width, script: the text is normalised, the codes too); a framed code no follow carries
is asked back with the closest known codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from segmentation.channels import ADD_WAYS
from segmentation.nlq.ask import Ask, did_you_mean
from segmentation.nlq.cities import field_cities
from segmentation.nlq.lazy_re import latin_pattern, lazy_pattern
from segmentation.nlq.lexicon_tables import LEXICON, SURFACE_LENGTHS
from segmentation.nlq.token_kinds import K
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nlq.wrapper_phrases import scan_wrapper_phrase
from segmentation.nodes import AddedVia, ChannelCode, Node
from segmentation.text import normalize_name

# A code's own suffix words: "展会活码" and "展会" name the same code when only one fits.
# (the English word in a Chinese sentence too: 抖音直播個code入嚟, 展会2026嘅QR)
_CODE_SUFFIX = (
    r"(?:活码|渠道活码|渠道码|渠道二维码|二维码|渠道|码|\s*(?:qr\s*)?code(?![a-z])|\s*qr(?![a-z]))"
)
_ZH_FRAME = (
    r"(?:是|都是|系|都系)?(?:(?:通过|透过|经由|经过|经|从|由|靠|用|在|喺|来自|来源于)"
    # the kind named before a quoted code (通过渠道活码“展会2026”加的, 活码“Expo-A”的客户)
    r"(?:(?:渠道活码|渠道码|活码|渠道)(?=[“\"「‘']))?|(?:渠道活码|渠道码|活码)(?=[“\"「‘'])|"
    # the source named (来源是X, Cantonese 来源系X, 渠道来源是X)
    r"(?:渠道)?来源(?:渠道)?(?:是|为|系|就是|:)|渠道是|渠道为|渠道系|渠道:)"
)
_ZH_VERB = (
    # 加返来 / 加返 (Cantonese 加返嚟: added, 返 = over to us)
    # 入来 (Cantonese 入嚟: came in)
    r"(?:扫码|扫)?\s*(?:来源|加返来|加返|入来|添加|加入|加进来|加过来|加进|加上|加|进来|过来|来|分享过来|"
    r"共享过来|推过来|"
    # what a code brought in (展会2026这个活码带来的, 抖音直播引过来的, Cantonese 带返来)
    r"带进来|带过来|带返来|带来|引过来|引进来|引来|导过来|导进来|拉过来|拉进来|"
    # an English verb in a Chinese frame ("扫码 add 的客户", "扫码added的"): the same adding
    r"推荐过来|(?<![a-z])add(?:ed)?(?:\s*(?:了|过))?\s*(?![a-z]))(?:了|过)?"
    r"(?:我们|我|企业微信|企微|好友)?"
)
_IN = r"(?:里|中|上|里面|里头|里边|入面|度)?"
# Who passed the card or the group on ("别人推名片加的", "朋友拉群加的"): no condition of its own.
_ZH_REFERRER = r"(?:别人|朋友|熟人|他人|老客户|老客|其他客户)(?:的)?"
_EN_VERB = (
    r"(?:(?:who|that) )?(?:(?:were|was|have been|has been|got|been|are|is) )?"
    r"(?:added|came|come|coming|joined|join|joins|joining|arrived|found us|reached us|"
    r"signed up|sign up|signs up|signing up|registered|register|subscribed|sourced|acquired|"
    r"onboarded|brought in|recruited|converted)(?: in| us)?"
)
_EN_PREP = (
    r"(?:by|via|through|from|with|using|over|after|off)"
    r"(?: (?:a|an|the|our|their|his|her|my|your|someone's|somebody's|a friend's))?"
)
_EN_CODE_WORD = (
    r"(?:the )?(?:channel code|channel|live code|qr code|source code|code|source)(?![a-z])"
)
# Way words strong enough to stand alone ("扫码的客户"); the others need a frame.
_ZH_ALONE = ("扫码", "扫二维码", "扫描二维码", "获客链接", "搜索手机号", "名片分享", "手机通讯录")
_EN_EXTRA = {
    1: ("scanning a qr code", "scanning the qr code", "scanning our qr code", "scanning qr codes",
        "scanning a code", "a qr code scan", "qr code scan", "qr scan", "qr codes",
        "scanning", "scanning in", "a scan", "scanning our code", "scanning the code"),
    2: ("searching a phone number", "searching their phone number", "phone number search",
        "searching by phone", "searching our phone number", "searching my phone number",
        "searching for a phone number", "searching for our phone number", "searching for a number",
        "a phone number search", "phone number lookup", "looking up a phone number",
        "looking up our phone number", "looking up our number", "searching our number",
        "searching by phone number", "searching by mobile number", "searching a mobile number",
        "mobile number search", "a mobile number search"),
    3: ("a shared contact card", "contact cards", "business cards", "card sharing",
        "shared business card", "shared business cards", "business card", "shared contact card",
        "shared card", "contact card", "business card sharing", "name card", "name cards",
        "business card someone shared", "card someone shared", "a referral card",
        "business card a friend shared", "contact card someone shared",
        "a shared business card", "a forwarded business card", "a forwarded contact card",
        "namecard", "namecards", "a namecard", "a shared namecard", "shared namecard",
        "shared namecards",
        "someone sharing a business card", "someone sharing our business card"),
    4: ("group chats", "a group chat", "a wechat group", "wechat groups", "a group", "groups",
        "wechat group", "wechat group chat", "wechat group chats", "group chat on wechat",
        "customer group", "customer groups", "customer group chat", "community group"),
    5: ("their phone contacts", "phone contact", "phone contact list", "contacts on their phone",
        "phone's contacts", "address books", "phone book", "phonebook", "mobile contacts",
        "contact list", "contacts list", "phone address book"),
    6: ("wechat contact list", "wechat friends", "wechat friend list", "wechat friends list",
        "wechat address book"),
    9: ("searching an email", "email search"),
    201: ("sharing by a colleague", "a colleague sharing", "colleague sharing",
          "a colleague's share", "shared by colleagues", "sharing by colleagues"),
}  # fmt: skip
# The phone's own contacts said with the phone named as their owner ("from the phone's
# address book", "from their mobile's contact list", "cellphone contacts"): add way 5.
_EN_EXTRA[5] += tuple(
    f"{phone}{owned} {book}"
    for phone in ("phone", "mobile", "mobile phone", "cell phone", "cellphone", "cell")
    for owned in ("", "'s", "s'")
    for book in ("address book", "address books", "contacts", "contact list", "contacts list",
                 "phonebook", "phone book", "contact book")
)  # fmt: skip


@dataclass(frozen=True)
class ChannelMatch:
    end: int
    node: Node | None = None
    ask: Ask | None = None
    negated: int = 0  # the length of a "not " said before the phrase ("not from Expo-A")
    excepted: int = 0  # the length of an 以外… said after the code (展会2026以外渠道来的)
    # where the asker is named as whom they added or whose code they scanned (扫码加我的,
    # 经Expo-A活码加咗我嘅, 扫我的二维码加的, "scanned my QR code"): the asker's customers
    # too, as 加我的 alone is; the phrase from there on is the asker's word.
    mine: int | None = None


@cache
def _way_words() -> tuple[dict[str, int], dict[str, int]]:
    """(Chinese surface → code, English surface → code), normalised."""
    zh: dict[str, int] = {}
    en: dict[str, int] = {}
    for way in ADD_WAYS:
        for word in (way.zh, way.en, *way.words, *_EN_EXTRA.get(way.code, ())):
            surface = normalize_name(word)
            (en if surface.isascii() else zh).setdefault(surface, way.code)
            if "'" in word:  # the message keeps its apostrophe (phone's), names drop theirs
                en.setdefault(word.lower(), way.code)
    zh.update({"群里": 4, "群中": 4, "群组": 4, "微信群": 4, "社群": 4, "群": 4})
    # English QR words inside a Chinese frame (通过 QR code 加的; spaces around them are gone)
    zh.update(
        {"qr code": 1, "qrcode": 1, "qr码": 1, "qr": 1, "扫qr code": 1, "扫qr码": 1, "扫qr": 1}
    )
    return zh, en


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    zh, en = _way_words()
    # an English way inside a Chinese frame: 通过 WeChat contacts 加的 (the spaces are gone)
    zh_ways = _alternation([w for w in zh if w != "群"] + list(en) + ["群"])
    alone = _alternation(list(_ZH_ALONE))
    en_ways = _alternation(list(en))
    return (
        lazy_pattern(rf"(?:{_ZH_FRAME})?(?:{_ZH_REFERRER})?(?P<way>{zh_ways}){_IN}{_ZH_VERB}"),
        lazy_pattern(rf"{_ZH_FRAME}(?P<way>{zh_ways}){_IN}"),
        lazy_pattern(rf"(?P<way>{alone})"),
        latin_pattern(rf"{_EN_VERB} {_EN_PREP} (?P<way>{en_ways})(?![a-z0-9])"),
        # 扫我的码加的 / 扫我二维码进来的: the asker's own code (see _with_asker)
        lazy_pattern(rf"(?:扫描|扫)我的?(?P<way>二维码|qr code|qr码|qr|码){_IN}(?:{_ZH_VERB})?"),
        latin_pattern(
            r"(?:(?:who|that) )?(?:scanned|scan|scanning) (?:a |the |our |my )?"
            rf"(?P<way>qr code|qr)s?(?![a-z0-9])(?:{_ZH_VERB})?"
            # "scanned a QR to add us", "scanned our code and added me": why they scanned it
            r"(?:,? (?:to add|and added|and add|to follow) (?:us|me|the company|our account))?"
        ),
        latin_pattern(
            rf"(?:from|via|through) (?:a |an |the |our |their )?(?P<way>{en_ways})(?![a-z0-9])"
        ),
    )


def scan_channel(text: str, pos: int, vocab: Vocabulary) -> ChannelMatch | None:
    """The longest channel phrase starting at `pos` (a way word before a code on a tie)."""
    if pos > 0 and text[pos - 1].isascii() and text[pos - 1].isalnum() and text[pos].isascii():
        return None  # inside a Latin word
    found = [m for m in (_way_phrase(text, pos), _code_phrase(text, pos, vocab)) if m]
    if not found and (both := _BOTH_READINGS.match(text, pos)) is not None:
        return ChannelMatch(both.end(), ask=_ASK_BOTH_READINGS)
    if not found and (negation := _EN_NOT.match(text, pos)) is not None:
        return _negated(text, negation.end(), vocab)
    if (other := _EN_OTHER_THAN.match(text, pos)) is not None:  # longer than "from channels"
        found += [m for m in (_other_than(text, other.end(), pos, vocab),) if m]
    return _with_asker(text, pos, max(found, key=lambda m: m.end)) if found else None


# The asker as the one added (加我, 加了我, 添加我: 我们 is the company, no owner) at the end of
# the phrase, or as the owner of the code scanned (扫我的码, 扫我二维码, "scanned my QR code").
# (同事分享畀我 is a colleague's share, add way 201 alone.)
_ADDED_ME = lazy_pattern(r"(?:加|添加|加入|加上|加进|加返|add|added)(?:了|过)?\s*我$")
_MY_CODE = lazy_pattern(r"(?:扫描|扫)(我的?)|(?:scanned|scan|scanning) (my )")


def _with_asker(text: str, pos: int, found: ChannelMatch) -> ChannelMatch:
    if found.node is None or found.negated or found.excepted:
        return found
    said = text[pos : found.end]
    added_me = _ADDED_ME.search(said)
    if added_me is not None:
        return replace(found, mine=pos + added_me.end() - 1)
    my_code = _MY_CODE.search(said)
    if my_code is not None:
        return replace(found, mine=pos + my_code.start(my_code.lastindex or 0))
    return found


# "not from Expo-A", "not via a group chat": the lexicon's "not from" (not located in) would
# take the frame's preposition, so the phrase carries its own negation. Only a known code or
# a way word: "not from Shanghai" stays a place.
_EN_NOT = latin_pattern(r"not (?=(?:from|via|through|thru|by)(?![a-z]))")


# "from channels other than Expo-A", "any channel except 展会2026": every code but the ones
# named (known codes only; an unknown one is left to be asked).
_EN_OTHER_THAN = latin_pattern(
    r"(?:(?:who |that )?(?:came in|came|were added|was added|joined|signed up) )?"
    r"(?:from |via |through )?(?:any |all |the )?(?:other )?"
    r"(?:channels?|channel codes?|live codes?|codes?|sources?) "
    r"(?:other than|except for|except|besides|apart from|but) ?(?:the ?)?"
)


def _other_than(text: str, end: int, pos: int, vocab: Vocabulary) -> ChannelMatch | None:
    code = _known_code(text, end, vocab)
    if code is None:
        return None
    names, after = _code_list(text, *code, vocab)
    english = _EN_AFTER.match(text, after)
    after = english.end() if english else after
    return ChannelMatch(after, ChannelCode(names), negated=end - pos)


def _negated(text: str, pos: int, vocab: Vocabulary) -> ChannelMatch | None:
    found = scan_channel(text, pos, vocab)
    if found is None or found.node is None or found.negated:
        return None
    return ChannelMatch(found.end, found.node, negated=len("not "))


# "微信联系人" / "WeChat contacts" said without how they were added is WeCom's name of add way 6
# and also a plain word for a WeChat user (contact type 1): asked, never guessed. Framed by an
# add verb or 通过/from it is the add way; "微信用户" / "WeChat users" is the contact type.
_BOTH_READINGS = lazy_pattern(r"(?:微信联系人|微信联络人|wechat contacts?)(?![a-z0-9])")
_ASK_BOTH_READINGS = Ask(
    "“微信联系人”是指客户类型（微信用户，而不是企业微信用户），还是添加方式（通过微信联系人添加的）？"
    "请说“微信用户”或“通过微信联系人添加的”。",
    "By “WeChat contacts”, do you mean the contact type (WeChat users, not WeCom users) or how "
    "they were added (added from their WeChat contacts)? Please say “WeChat users” or “added "
    "from their WeChat contacts”.",
)


# Add way 201 (内部成员共享) said with the colleague as the one who shared: "customers a
# colleague shared with us internally", "that a coworker passed on to me", "shared with me by
# a teammate", "internally shared", and Chinese 同事共享给我的 / 其他同事分享过来嘅.
_COLLEAGUE = r"(?:colleague|coworker|co-worker|teammate|team member|workmate)s?"
_SHARED = r"(?:shared|passed on|passed along|passed over|forwarded|referred)"
_TO_US = r"(?: (?:with|to) (?:us|me|the team|our team|them|him|her))?(?: internally)?"
_COLLEAGUE_SHARE = latin_pattern(
    r"(?:(?:who|that|which|whom) )?(?:(?:a|another|other|our|some|my) )?"
    rf"{_COLLEAGUE} (?:(?:has|have|had) )?{_SHARED}(?: them| it)?{_TO_US}"
    rf"|(?:(?:who|that) )?(?:(?:were|was|have been|has been|got|been) )?(?:internally )?{_SHARED}"
    rf"{_TO_US} (?:internally )?by (?:a |another |other |our |some |my )?{_COLLEAGUE}"
    r"(?: internally)?"
    r"|(?:(?:who|that) )?(?:(?:were|was|have been|has been|got|been) )?(?:internally shared|"
    r"shared internally|shared in-house|shared in house)(?: (?:with|to) (?:us|me))?"
)
_ZH_COLLEAGUE_SHARE = lazy_pattern(
    r"(?:由|被|是)?(?:其他|别的|另一个|第二个|其它)?(?:同事|内部同事|组员|同组同事)"
    r"(?:共享|分享|share|推荐)(?:过来|返来|给我|给我们|畀我|俾我)?(?:了|过)?"
)


# Assigned to the staff member by an admin (WeCom add way 202), said with its own verb, so
# no frame is needed: "customers assigned by an admin", "admin-assigned", 管理员分配的,
# 负责人分过来的, 主管指派给我的.
_ADMIN_ASSIGN = latin_pattern(
    r"(?:(?:who|that|which) )?(?:(?:were|was|have been|has been|got|been|are|is) )?"
    r"(?:assigned|allocated|reassigned|handed over|transferred)(?: (?:to (?:us|me|them)))? "
    r"(?:by|from) (?:an |the |our |a |my )?(?:admin|administrator|manager|supervisor)s?"
    r"|(?:admin|administrator)[- ](?:assigned|allocated)"
)
_ZH_ADMIN_ASSIGN = lazy_pattern(
    r"(?:由|被|是)?(?:管理员|管理者|负责人|主管|上级|后台)"
    r"(?:分配|分派|指派|指定|分过来|分给我|派过来|转过来)(?:过来|给我|给我们|畀我|俾我)?(?:了|过)?"
)


def _way_phrase(text: str, pos: int) -> ChannelMatch | None:
    zh, en = _way_words()
    best: ChannelMatch | None = None
    shared = _COLLEAGUE_SHARE.match(text, pos) or _ZH_COLLEAGUE_SHARE.match(text, pos)
    if shared is not None and not _latin_cut(text, shared.end()):
        best = ChannelMatch(shared.end(), AddedVia((201,)))
    assigned = _ADMIN_ASSIGN.match(text, pos) or _ZH_ADMIN_ASSIGN.match(text, pos)
    if (
        assigned is not None
        and (best is None or assigned.end() > best.end)
        and not _latin_cut(text, assigned.end())
    ):
        best = ChannelMatch(assigned.end(), AddedVia((202,)))
    for pattern in _patterns():
        match = pattern.match(text, pos)
        if match is None or (best is not None and match.end() <= best.end):
            continue
        if _latin_cut(text, match.end()):
            continue
        word = match["way"]
        code = zh.get(word, en.get(word))
        if code is None and word in ("qr", "qr code", "码"):
            code = 1
        if code is not None:
            best = ChannelMatch(match.end(), AddedVia((code,)))
    adjective = _EN_WAY_ADJECTIVE.match(text, pos)
    if adjective is not None and (best is None or adjective.end("way") > best.end):
        best = ChannelMatch(adjective.end("way"), AddedVia((_EN_WAY_ADJECTIVES[adjective["way"]],)))
    if best is None:
        return _listed_ways(text, pos)
    return _way_list(text, best)


# An add way said in English as a word before the people ("QR-code-scan customers", "phone
# search clients", "group-chat people"; hyphens arrive as spaces): a closed list, read only
# right before a people word, which stays the grammar's.
_EN_WAY_ADJECTIVES = {
    "qr code scan": 1, "qr code scanning": 1, "qr scan": 1, "qr code": 1, "code scan": 1,
    "scan": 1, "scanned": 1,
    "phone number search": 2, "phone search": 2, "mobile number search": 2, "number search": 2,
    "business card": 3, "name card": 3, "contact card": 3, "card share": 3,
    "group chat": 4, "wechat group": 4,
}  # fmt: skip
_EN_WAY_ADJECTIVE = latin_pattern(
    r"(?P<way>"
    + "|".join(re.escape(w) for w in sorted(_EN_WAY_ADJECTIVES, key=len, reverse=True))
    + r") (?=(?:customers?|clients?|people|users|contacts|leads|ones|adds|buyers|folks)(?![a-z]))"
)


@cache
def _list_head() -> re.Pattern[str]:
    zh, en = _way_words()
    return lazy_pattern(rf"(?P<way>{_alternation(list(zh) + list(en))})(?![a-z0-9])")


def _listed_ways(text: str, pos: int) -> ChannelMatch | None:
    """群聊或名片分享加的, 群组、扫码加的: a way word that needs its verb after it (群聊加的) with
    the verb after the list it begins instead — the list, read as any of them."""
    zh, en = _way_words()
    head = _list_head().match(text, pos)
    code = zh.get(head["way"], en.get(head["way"])) if head is not None else None
    if head is None or code is None:
        return None
    first = ChannelMatch(head.end(), AddedVia((code,)))
    listed = _way_list(text, first)
    if listed is first or _ZH_TAIL.search(text, pos, listed.end) is None:
        return None  # one word alone, or no add verb after the list: not said as a way
    return listed


# "by group chat or QR code", "via a card, a group or a scan": ways listed after the first
# are any of them (one node), as codes listed are.
_WAY_SEP = (
    r"(?:,? ?(?:or|and|or by|and by|or via|or from|or through|and from|and via)|或者|或是|或|和|同|"
    r"及|与|、|/|,|，) ?(?:(?:by|via|from|through|using) )?(?:(?:a|an|the|our|their) )?"
)


@cache
def _way_list_pattern() -> re.Pattern[str]:
    zh, en = _way_words()
    ways = _alternation([w for w in (*zh, *en) if w != "群"] + ["群"])
    return lazy_pattern(rf"{_WAY_SEP}(?P<way>{ways})(?![a-z0-9])")


def _way_list(text: str, first: ChannelMatch) -> ChannelMatch:
    zh, en = _way_words()
    if not isinstance(first.node, AddedVia):
        return first
    codes, end = list(first.node.codes), first.end
    while (more := _way_list_pattern().match(text, end)) is not None:
        code = zh.get(more["way"], en.get(more["way"]))
        if code is None:
            break
        codes.append(code)
        end = more.end()
    if end == first.end:
        return first
    tail = _ZH_TAIL.match(text, end)  # 扫码或群聊加的: the verb after the list
    return ChannelMatch(tail.end() if tail else end, AddedVia(tuple(dict.fromkeys(codes))))


def _latin_cut(text: str, end: int) -> bool:
    """Whether a match ending at `end` cuts a Latin word in two ("qr" in "qrcode")."""
    return (
        end < len(text)
        and text[end - 1].isascii()
        and text[end - 1].isalnum()
        and text[end].isascii()
        and text[end].isalnum()
    )


# -- 渠道活码 codes ------------------------------------------------------------------------


_ZH_CODE_BEFORE = lazy_pattern(_ZH_FRAME)
_EN_CODE_BEFORE = lazy_pattern(
    rf"(?:(?:{_EN_VERB} )?{_EN_PREP} {_EN_CODE_WORD}|(?:whose )?{_EN_CODE_WORD}(?: is| =|是|为)?)"
    r" ?[:“\"]?"
)
# The code pointed at before its code word (展会2026这个活码, Cantonese 抖音直播个码 / 呢个码):
# the demonstrative only with the code word after it.
_THIS = r"(?:这个|那个|呢个|嗰个|这条|那条|这一个|个|条|该)"
_ZH_AFTER = lazy_pattern(rf"(?:{_THIS}?{_CODE_SUFFIX})?{_IN}(?:{_ZH_VERB})?")
# An English article the normaliser glued to the Chinese after it ("the 官网活码").
_GLUED_ARTICLE = lazy_pattern(r"(?:the|our|a|an|this|that)(?=[^\x00-\x7f])")
# "from the 官网活码 channel", "the Expo-A code": the English code word after a known code.
_EN_AFTER = lazy_pattern(
    r" ?(?:channel codes|channel code|channels|channel|live codes|live code|qr codes|qr code|"
    r"codes|code|qrs|qr|"
    # "the 展会2026 adds", "展会2026 sign-ups": the customers it added, a known code only
    r"adds|add-ons|sign-?ups|leads)(?![a-z0-9])"
)
# An unknown code is read only inside a full frame: 活码/渠道 after it, or 通过/来自… before it
# and 活码/渠道 after it ("通过展会活码加的", "线上渠道的客户"), never from a bare word.
# A negation before the frame is no part of the code (不是从展会2026活码加的 = NOT the code
# 展会2026), nor is a frame inside it (VIP客户通过X活码: the code is X).
_NEGATION = r"(?:并|都|也)?(?:不是|不系|唔系|唔是|并非|非|不|没有|没|冇|未|除了|除咗|除去|除开|除)"
_IN_CODE = r"(?:(?!通过|透过|经由|经过|从|由|来自)[^\s的,，。;；“”])"
# The kind word before a quoted code is no code of its own (渠道活码“火星”: the code is 火星).
_KIND_BEFORE_QUOTE = r"(?:渠道活码|渠道码|活码|渠道)[“\"「‘']"
_KIND_SAID = lazy_pattern(r"渠道活码|渠道码|活码|渠道")
_ZH_UNKNOWN = lazy_pattern(
    rf"(?:{_ZH_FRAME})?(?!{_NEGATION})(?!{_KIND_BEFORE_QUOTE})(?P<code>{_IN_CODE}{{1,20}}?)"
    rf"(?:{_THIS})?"
    r"(?:活码|渠道活码|渠道码|渠道)"
)
# A code is one word, with a one-letter or one-digit word after it ("expo-b" reads "expo b").
_ZH_TAIL = lazy_pattern(_IN + _ZH_VERB)
# (an unknown code ends where Chinese begins: "channel xyz的客户")
_EN_UNKNOWN = lazy_pattern(r"(?P<code>[^\s,.;“”\"\u3400-\u9fff]+(?: [a-z0-9](?![a-z0-9]))*)")


# Words that follow "added by QR code" as the rest of the sentence, never as a code's name.
_NOT_A_CODE = frozenset(
    [
        "in",
        "at",
        "from",
        "of",
        "and",
        "or",
        "who",
        "that",
        "which",
        "this",
        "last",
        "with",
        "on",
        "by",
        "for",
        "to",
        "but",
        "not",
        "since",
        "during",
        "within",
        "over",
        "under",
        "than",
        "are",
        "is",
        "were",
        "was",
        "have",
        "has",
        "did",
        "do",
    ]
)


_OPENING = "“\"「‘'"
_CLOSING = "”\"」’'"


def _after_code(text: str, end: int) -> int:
    """Where the code word and verb after a code end ("展会2026活码加", and with the space a
    mixed sentence leaves: "from 展会2026 活码加的"), or `end` when none follow."""
    tail = _ZH_AFTER.match(text, end)
    if tail is not None and tail.end() > end:
        return tail.end()
    if text[end : end + 1] == " ":
        spaced = _ZH_AFTER.match(text, end + 1)
        if spaced is not None and spaced.end() > end + 1:
            return spaced.end()
    return end


def _code_phrase(text: str, pos: int, vocab: Vocabulary) -> ChannelMatch | None:
    """A 渠道活码 code with its frame: 通过/来自/渠道是/"from channel"… before it, or
    活码/渠道/添加/加… after it, or a code that is itself called …活码 (a bare word that is
    only a code's name stays what else it may be: a tag, a city)."""
    if _GLUED_ARTICLE.match(text, pos):
        return None  # "from the官网活码 channel": the article is no part of the code
    before = _ZH_CODE_BEFORE.match(text, pos) or _EN_CODE_BEFORE.match(text, pos)
    start = before.end() if before else pos
    # 从“展会2026”活码进来的: the code quoted inside its frame
    quoted = before is not None and start < len(text) and text[start] in _OPENING
    code = _known_code(text, start + 1 if quoted else start, vocab)
    if code is not None:
        names, end = _code_list(text, *code, vocab)
        if quoted and end < len(text) and text[end] in _CLOSING:
            end += 1
        counted = _LIST_COUNT.match(text, end) if len(names) > 1 else None
        if counted is not None and _said_after_count(text, counted.end()):
            end = counted.end()
        after = _after_code(text, end)
        english = _EN_AFTER.match(text, after)
        if english is not None:  # 抖音直播 channel 来的: the Chinese verb after the English word
            verb = _ZH_TAIL.match(text, english.end())
            after = verb.end() if verb else english.end()
        excepted = _excepted(text, after)
        if excepted:  # 展会2026以外渠道来的, 除了展会2026活码以外加的: NOT the code
            return ChannelMatch(after + excepted, ChannelCode(names), excepted=excepted)
        framed = before is not None or after > end or bool(_SUFFIX_RE.search(text[start:end]))
        if framed:
            closing = (
                after < len(text)
                and text[after] in '”"'
                and start > 0
                and (text[start - 1] in '“"')
            )
            return ChannelMatch(after + (1 if closing else 0), ChannelCode(names))
    known = _from_known_code(text, pos, vocab)
    if known is not None:
        return known
    if quoted and _KIND_SAID.search(text, pos, start):  # 渠道活码“火星”: the quoted name is asked
        close = next((i for i in range(start + 1, len(text)) if text[i] in _CLOSING), None)
        if close is not None and close > start + 1:
            tail = _ZH_TAIL.match(text, close + 1)
            end = tail.end() if tail else close + 1
            return ChannelMatch(end, ask=unknown_code(text[start + 1 : close], vocab))
    if before is not None and text[pos].isascii():
        unknown = _EN_UNKNOWN.match(text, start)
        if (
            unknown is not None
            and not _is_way(unknown["code"])
            and unknown["code"] not in _NOT_A_CODE
        ):
            return ChannelMatch(unknown.end(), ask=unknown_code(unknown["code"], vocab))
        return None
    unknown = _ZH_UNKNOWN.match(text, pos)
    if unknown is not None and _request_or_code_inside(text, pos, unknown, vocab):
        return None  # 帮我统计下展会2026活码…: the wrapper is read first, then the code
    if unknown is not None and not _is_way(unknown["code"]):
        tail = _ZH_TAIL.match(text, unknown.end())
        end = tail.end() if tail else unknown.end()
        end += _excepted(text, end)  # 除了火星活码以外加的: the code is what is asked
        return ChannelMatch(end, ask=unknown_code(unknown["code"], vocab))
    return None


# "from 展会2026", "came via Expo-A": a preposition frames a code only when the code is known
# and names nothing else (a city, a tag); an unknown word there may be a place, never asked
# as a code. "came in through the Expo-A channel" is how they were added, not a store visit.
_EN_FROM = lazy_pattern(
    r"(?:(?:who |that )?(?:came in|come in|coming in|came over|came|come|were added|was added|"
    r"got added|added|joined|join|joins|joining|signed up|sign up|signs up|registered|"
    r"subscribed|sourced|acquired|onboarded|brought in|recruited|converted|found us) )?"
    r"(?:from|via|through|by) ?(?:the ?)?"
)


def _from_known_code(text: str, pos: int, vocab: Vocabulary) -> ChannelMatch | None:
    frame = _EN_FROM.match(text, pos)
    if frame is None:
        return None
    quoted = _opening_quote(text, frame.end())
    if quoted:
        return _quoted_after_frame(text, pos, frame, vocab)
    code = _known_code(text, frame.end(), vocab)
    if code is None:
        return None
    name, end = code
    if text[frame.end() : end] in vocab.surfaces:
        return None
    names, end = _code_list(text, name, end, vocab)  # "from the 展会2026 and Expo-A channels"
    english = _EN_AFTER.match(text, end)
    if english is not None:
        return ChannelMatch(english.end(), ChannelCode(names))
    return ChannelMatch(_after_code(text, end), ChannelCode(names))  # from 展会2026 活码加的


# Word kinds a code never starts with: a request or its politeness (帮我统计下, 查一下, 麻烦).
_REQUEST_KINDS = frozenset({K.INTENT, K.FILLER})


def _request_or_code_inside(text: str, pos: int, unknown: re.Match[str], vocab: Vocabulary) -> bool:
    """Whether what reads as an unknown code starts with a request wrapper or holds a known
    code ("帮我看看展会2026活码来的", "统计下火星活码加的"): the code is asked (or read) from
    where it begins, never with the words before it glued on."""
    if scan_wrapper_phrase(text, pos) or _lexicon_kind(text, pos) in _REQUEST_KINDS:
        return True
    start, end = unknown.start("code"), unknown.end("code")
    return any(_known_code(text, i, vocab) for i in range(start + 1, end))


def _lexicon_kind(text: str, pos: int) -> K | None:
    """The kind of the longest lexicon word at `pos` (Chinese text only), or None."""
    for length in SURFACE_LENGTHS.get(text[pos], ()):
        entry = LEXICON.get(text[pos : pos + length])
        if entry is not None and pos + length <= len(text):
            return entry[0]
    return None


def _is_way(word: str) -> bool:
    zh, en = _way_words()
    return normalize_name(word) in zh or normalize_name(word) in en


def _known_code(text: str, pos: int, vocab: Vocabulary) -> tuple[str, int] | None:
    """The longest known code at `pos` (a code said without its 活码/渠道 suffix counts)."""
    surfaces = _code_surfaces(vocab)
    for length in range(min(len(text) - pos, _MAX_CODE), 0, -1):
        name = surfaces.get(text[pos : pos + length])
        if name is not None:
            end = pos + length
            if _latin_cut(text, end):
                continue
            return name, end
    return None


_MAX_CODE = 64


# "X以外/之外" after a code, then a channel word or an adding verb (展会2026以外渠道来的,
# 除了展会2026活码以外加的, 除咗Expo-A之外嘅渠道嚟嘅): every code but X. The 以外 is kept as the
# closing negation it is (除了…以外 is one negation, as for a city).
_EXCEPT = lazy_pattern(r"(?:以外|之外|除外)(?:的|嘅)?(?:其他|其它|别的|其余|第二啲)?(?:的|嘅)?")
_EXCEPT_FRAME = lazy_pattern(rf"(?:{_CODE_SUFFIX})?{_IN}(?:{_ZH_VERB})?")


def _excepted(text: str, end: int) -> int:
    """The length of an 以外 and its channel frame at `end`, or 0."""
    word = _EXCEPT.match(text, end)
    frame = _EXCEPT_FRAME.match(text, word.end()) if word else None
    if word is None or frame is None or frame.end() == word.end():
        return 0
    return frame.end() - end


def _said_after_count(text: str, end: int) -> bool:
    """A count after a list of codes is theirs only with a code word or verb after it."""
    tail = _ZH_AFTER.match(text, end)
    return (tail is not None and tail.end() > end) or _EN_AFTER.match(text, end) is not None


# The size of a list of codes said before their suffix (展会2026和Expo-A两个活码, 这两个渠道,
# "both"): it adds nothing to the list, which means any of them.
_LIST_COUNT = lazy_pattern(
    r"(?:这|那)?(?:两|二|三|四|五|六|七|八|九|十|几|[2-9])(?:个|条)|这些|那些|(?:这|那)几个| both"
)
# Between two known codes of one list: "展会2026 or 官网活码", "展会2026、抖音直播和官网活码".
# (跟/同: "and" in Taiwan and Cantonese speech, 展會2026跟Expo-A兩個活碼)
_CODE_LIST_SEP = lazy_pattern(r" ?(?:or|and|或者|或是|或|和|以及|及|与|跟|同|、|/|,|，) ?")


def _code_list(text: str, name: str, end: int, vocab: Vocabulary) -> tuple[tuple[str, ...], int]:
    """The known code at hand and the known codes listed after it (any of them)."""
    names = [name]
    while (sep := _CODE_LIST_SEP.match(text, end)) is not None:
        following = _known_code(text, sep.end(), vocab)
        if following is None:
            break
        names.append(following[0])
        end = following[1]
    return tuple(dict.fromkeys(names)), end


_SUFFIX_RE = lazy_pattern(rf"{_CODE_SUFFIX}$")


def _code_surfaces(vocab: Vocabulary) -> dict[str, str]:
    """Normalised surface → stored code: each code, and each without its suffix when that
    names no other code."""
    cached = vocab.__dict__.get("_channel_surfaces")
    if cached is not None:
        return cached
    out = dict(vocab.channels)
    short: dict[str, set[str]] = {}
    for surface, name in vocab.channels.items():
        bare = _SUFFIX_RE.sub("", surface)
        if bare and bare != surface:
            short.setdefault(bare, set()).add(name)
    for bare, names in short.items():
        if len(names) == 1 and bare not in out:
            out[bare] = next(iter(names))
    vocab.__dict__["_channel_surfaces"] = out
    return out


def unknown_code(word: str, vocab: Vocabulary) -> Ask:
    """No follow carries the code `word`: asked back with the closest known codes."""
    choices = {surface: name for surface, name in vocab.channels.items()}
    hints = did_you_mean(normalize_name(word), choices) or sorted(vocab.channels.values())[:5]
    if not vocab.channels:
        return Ask(
            f"没有客户带渠道活码“{word}”：目前没有任何渠道活码数据。可以按添加方式筛选，"
            "例如“扫码添加的客户”。",
            f"No customer carries the channel code “{word}”: there are no channel codes yet. "
            "You can filter by how customers were added, e.g. “customers added by scanning a "
            "QR code”.",
        )
    listed_zh = "、".join(f"“{h}”" for h in hints)
    listed_en = ", ".join(f"“{h}”" for h in hints)
    return Ask(
        f"没有客户带渠道活码“{word}”。您是指{listed_zh}吗？",
        f"No customer carries the channel code “{word}”. Did you mean {listed_en}?",
        hints,  # a pick puts the code in place of the word asked about
    )


# -- a quoted code as the subject of its verb --------------------------------------------
# "「官网活码」來的是誰", "“展会2026”加的有哪些", "『Expo-A』嚟嘅有邊個", "《官网活码》扫码进来的":
# the quotes say it is a name, the adding verb after them says which kind — a channel code
# (only a code is what someone "came" or "was added" through). A quoted name no follow
# carries is asked back with the codes closest to it, never read as a tag or a segment.
_QUOTE_CLOSE = {"“": "”", '"': '"', "'": "'"}
# What may follow the verb: the rest of a question, never more of a request (“待跟进”来一份:
# 来 there is "give me", no arriving).
_VERB_END = lazy_pattern(r"(?:的|嘅|之|是|系|有|谁|边|哪|客|人|呢|吗|多|几|\s|[,，?？。]|$)")
# A bare 来 (came) also says where from (“上海”来的 is from Shanghai): a place keeps its reading.
_ADDING = lazy_pattern(r"加|添|扫|码|渠道|进来|入来|带|引|导|拉|推|分享|共享|add")
_SAYS_CHANNEL = lazy_pattern(r"来|加|添|扫|码|渠道|进|入|带|引|导|拉|推|分享|共享|add")


def scan_quoted_code(text: str, pos: int, vocab: Vocabulary) -> ChannelMatch | None:
    """A quoted name at `pos` (or several, joined by 或/和/or: any of them) followed by a
    channel verb (来的, 加的, 扫码进来的, 嚟嘅) or a code word (活码, 渠道): those codes, or
    the question back about the first name that is none; None otherwise."""
    inners, close = _quoted_list(text, pos)
    if not inners:
        return None
    end = _after_code(text, close + 1)
    said = text[close + 1 : end]
    if _SAYS_CHANNEL.search(said) is None or _VERB_END.match(text, end) is None:
        # “展会2026”的有哪些, 那「Expo-A」的呢: a code no other name is spelled as, alone
        return _only_a_code(inners, close, vocab)  # (“跟进名单”里的: a name, asked as one)
    names: list[str] = []
    for inner in inners:
        code = _known_code(inner, 0, vocab)
        if code is None or code[1] != len(inner):
            if _ADDING.search(said) is None and _is_place(inner, vocab):
                return None  # “上海”来的: from Shanghai
            if _is_colleague(inner, vocab):
                return None  # “张三”加的: the customers 张三 added, his own
            return ChannelMatch(end, ask=unknown_code(inner, vocab))
        names.append(code[0])
    return ChannelMatch(end, ChannelCode(tuple(dict.fromkeys(names))))


def _only_a_code(inners: list[str], close: int, vocab: Vocabulary) -> ChannelMatch | None:
    """The quoted names as codes, when each is a whole known code and no tag, colleague,
    place or segment is spelled so; None otherwise."""
    names: list[str] = []
    for inner in inners:
        code = _known_code(inner, 0, vocab)
        if code is None or code[1] != len(inner) or normalize_name(inner) in vocab.surfaces:
            return None
        names.append(code[0])
    return ChannelMatch(close + 1, ChannelCode(tuple(dict.fromkeys(names))))


def _quoted_list(text: str, pos: int) -> tuple[list[str], int]:
    """The names quoted from `pos` on, several when joined by a list word (“A”或者“B”),
    and where the last quote closes; ([], -1) when no quote opens at `pos`."""
    inners: list[str] = []
    close = -1
    while True:
        closing = _QUOTE_CLOSE.get(text[pos : pos + 1])
        found = text.find(closing, pos + 1) if closing else -1
        inner = text[pos + 1 : found].strip() if found > pos + 1 else ""
        if not inner:
            return (inners, close) if inners else ([], -1)
        inners.append(inner)
        close = found
        sep = _CODE_LIST_SEP.match(text, close + 1)
        if sep is None or text[sep.end() : sep.end() + 1] not in _QUOTE_CLOSE:
            return inners, close
        pos = sep.end()


def _is_place(name: str, vocab: Vocabulary) -> bool:
    surface = normalize_name(name)
    meanings = vocab.surfaces.get(surface, ())
    return any(m.kind in ("city", "province") for m in meanings) or bool(field_cities(surface))


def _is_colleague(name: str, vocab: Vocabulary) -> bool:
    """Whether `name` is a colleague's or a department's (who adds customers, no channel)."""
    meanings = vocab.surfaces.get(normalize_name(name), ())
    return any(m.kind in ("staff", "dept") for m in meanings)


def _opening_quote(text: str, pos: int) -> str | None:
    """The closing mark of a quote opening at `pos` ("“", or an apostrophe pair), or None."""
    closing = _QUOTE_CLOSE.get(text[pos : pos + 1])
    return closing if closing and text.find(closing, pos + 1) > pos + 1 else None


# Verbs that say a channel whatever follows ("joined via", "came in through", "added by"):
# "came from" alone may be a place, so an unknown quoted name after it is not asked as a code.
_EN_CHANNEL_ONLY = lazy_pattern(r".*(?:came in|come in|coming in|added|joined|join|signed up|via)")


def _quoted_after_frame(
    text: str, pos: int, frame: re.Match[str], vocab: Vocabulary
) -> ChannelMatch | None:
    """came from “Expo-A”, joined via 'Expo-A', added through “官网活码”: the quoted code; a
    quoted name no follow carries after a channel-only verb is asked back as a code."""
    start = frame.end()
    closing = _QUOTE_CLOSE[text[start]]
    close = text.find(closing, start + 1)
    inner = text[start + 1 : close].strip()
    code = _known_code(inner, 0, vocab)
    end = close + 1
    english = _EN_AFTER.match(text, end)
    end = english.end() if english else end
    if code is not None and code[1] == len(inner):
        return ChannelMatch(end, ChannelCode((code[0],)))
    if _EN_CHANNEL_ONLY.match(text[pos:start]) is None or _is_place(inner, vocab):
        return None
    if _is_colleague(inner, vocab):
        return None  # added by “Zhang San”: whom they were added by
    return ChannelMatch(end, ask=unknown_code(inner, vocab))
