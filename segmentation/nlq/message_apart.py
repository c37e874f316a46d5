"""A message said without quotes or a colon, after its send verb and message word:
"给她发消息 上次的精华液用得还好吗", "發個msg畀佢 聽日有新貨", "给她发 msg 面霜到货了",
"给他们发消息说新品上架了", "send them a message saying new stock is in", "schedule 逢星期五
3pm send 佢 msg weekend sale", "给他们发个提醒 券下个月21号到期"; or after a verb of reminding
and a word that points back at the answer just given: "提醒他們一下 券11/21到期喔", "提醒佢哋快啲用
唔係就過期喇", "提佢一聲 張券11月21號到期", "remind them their coupon expires Nov 21". The words
after the message word (or whom) are the message, read as if quoted ("发消息“…”"), so every
push form takes them; the confirmation card shows them before anything is sent.

Read only where nothing else can be meant: no quote and no colon in the sentence, the rest
does not begin with whom it goes to (发消息给上海的客户 names whom), and does not end in a
time (发消息 新品上架 明天上午10点 may be a schedule: asked, never sent now)."""

from __future__ import annotations

import re

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.one_customer import PICKED_CUSTOMER
from segmentation.text import normalize

# The English verbs only as whole words; the Chinese ones after anything ("给ta发消息").
_SEND = r"(?:群发|发送|推送|发|推|(?<![a-z])(?:send|push))"
_COUNT = r"(?:一条|一则|一个|一封|条|则|个|封|a|an)?"
# A reminder is a message too: "发个提醒 …", "send them a reminder that …".
_NOUN = r"(?:讯息|消息|信息|简讯|短信|提醒|通知|message|msg|text|reminder|heads[\s-]?up)"
# whom, said between the message word and the message: 畀佢, 俾佢哋, 给他们, to them
_TO_THEM = (
    r"(?:(?:给|畀|俾|同|to\s+)(?:他们|她们|佢们|佢哋|佢地|佢|他|她|ta|them|him|her|these|those))?"
)
_THEM = r"(?:them|him|her|these|those|他们|她们|佢们|佢哋|佢地|佢|他|她|ta)"
_SAY_WORD = r"(?:saying|that\s+says|to\s+say|reading)"
_SPACE = r"\s+"
_REMINDING_EN = (
    r"(?:(?:to\s+)?(?:remind|tell)|reminding|telling)\s+(?:them|him|her|everyone)(?:\s+that)?|"
    r"(?:to\s+let|letting)\s+(?:them|him|her|everyone)\s+know(?:\s+that)?"
)
_PLAIN = lazy_pattern(
    # 发消息, 发个msg, send 佢 msg, send them a message
    rf"(?:{_SEND}\s*(?:(?:给|畀|俾)?\s*{_THEM}\s*)?{_COUNT}\s*{_NOUN}(?![a-z])|"
    # whom between, in English: "send VIPs in Beijing a message saying …", "give them a
    # heads-up that …"
    rf"(?<![a-z])(?:send|give)\s+(?:\S+\s+){{1,6}}?(?:a|an)\s+(?:quick\s+)?{_NOUN}(?![a-z])|"
    # message as the verb: "message them saying …", "text her that …"
    rf"(?<![a-z])(?:message|msg|text)\s+{_THEM}(?![a-z]))"
    # whom after: 畀佢, to them; "to VIPs in Beijing" only before a saying word
    rf"(?:\s*{_TO_THEM}|\s+to\s+.+?(?=\s+{_SAY_WORD}\s))"
    rf"(?P<say>\s*(?:说|讲|话|话佢知|讲声|讲句|说一声|说一句|,|，)\s*|\s+(?:{_SAY_WORD}|that)\s+|"
    # "a message reminding them their coupon expires", "a text to tell her that …"
    rf"\s+(?:{_REMINDING_EN})\s+|"
    r"\s+|(?<=[a-z])(?=[^\x00-\x7f]))(?P<rest>\S.*)$"
)
# Whom a verb of reminding points at, with no condition of its own: a pronoun or the answer
# just given (normalised: 哋 is 们), or the one picked when it was asked which. Longer words
# first, so 他们 is never 他 + "们…".
_POINTER_ZH = (
    r"(?:他们|她们|佢们|佢地|他俩|她俩|佢俩|(?:这|那|呢)(?:些|啲|班|几位|两位|几个|两个)"
    r"(?:客户|客人|顾客|人|客)?|(?:这|那|呢)(?:位|个)(?:客户|客人|顾客|客)|这位|呢位|那位|该客户|"
    r"他|她|佢|ta|" + PICKED_CUSTOMER + r")"
    # never 她 of 她们 (提醒一下她们 alone has no words: asked for)
    r"(?![们俩])"
)
_SOFT = r"(?:一下|下|一声|声)"
# 提醒/通知/告诉/催 + whom + the words; 提 (Cantonese "remind") only with 一声/下 around whom.
_REMIND_ZH = lazy_pattern(
    r"^(?:请|麻烦|帮我|帮忙|你|再|也)*\s*(?:"
    rf"(?:提醒|通知|告诉|告知|知会|转告|催促|催){_SOFT}?\s*{_POINTER_ZH}\s*{_SOFT}?|"
    rf"提{_SOFT}\s*{_POINTER_ZH}\s*{_SOFT}?|提\s*{_POINTER_ZH}\s*{_SOFT})"
    r"(?P<say>\s*(?:说|讲|,|，)?\s*)(?P<rest>\S.*)$"
)
_POINTER_EN = (
    r"(?:them|him|her|(?:these|those|this|that)\s+(?:customers?|clients?|people|ones?|guys?)|"
    r"these|those)"
)
_REMIND_EN = lazy_pattern(
    # "tell them their coupon expires Sunday", "let them know that …" (let only with know)
    rf"^(?:please\s+)?(?P<verb>remind|nudge|ping|notify|tell|let)(?:{_SPACE}{_POINTER_EN}"
    r"(?P<know>\s+know)?(?P<say>\s+that\s+|\s+)|"
    # mixed: "remind 他们 券快到期了"
    rf"\s*{_POINTER_ZH}\s*{_SOFT}?(?P<say_zh>\s*(?:说|讲|,|，)?\s*))(?P<rest>\S.*)$"
)
# What a reminder's words never begin with: a part of the answer (他们里面的VIP, 其中…), a
# topic (remind them about…: asked, its words are not the message), or whom (to/for).
_NOT_WORDS = lazy_pattern(
    r"^(?:里|里面|入面|中|当中|之中|其中|的|嘅|about\b|of\b|to\b|for\b|customers?\b|clients?\b|"
    # "remind those who have not used their coupon that …": who they are, not the words
    r"who\b|whose\b|which\b|with\b|without\b|in\b|from\b)"
)
# What softens the verb, said after whom, is no words to send.
_ONLY_SOFT = lazy_pattern(
    r"\s*(?:一下|下|一声|声)?\s*(?:吧|啦|喇|呀|啊|哦|喔|la)*\s*[。.!！~～]*\s*", re.I
)
# The rest naming whom ("给上海的客户", "to VIPs in Beijing") or a coupon instead of words.
_WHOM_FIRST = lazy_pattern(r"^(?:给|畀|俾|同|向|to\s|for\s)")
# A time at the end: what may be a schedule is not read as words to send now.
_TIME_AT_END = lazy_pattern(
    r"(?:今天|今日|明天|明日|后天|今晚|明早|明晚|听日|听朝|后日|下周.|下星期.|每天|每日|每周.|"
    r"[0-9一二两三四五六七八九十]+\s*点(?:半|钟|\d+分?)?|\d{1,2}(?::\d{2})?\s*(?:am|pm)|"
    r"tomorrow|tonight|today|next\s+\w+|every\s+\w+)\s*(?:吧|啦|喇|呢)?[。.!！]*$"
)


_CLOSING = " !！。.?？~～"


def message_said_plainly(text: str, original: str) -> tuple[str, dict[str, str]]:
    """`text` (normalised) with a message said plainly after its message word put in quotes,
    and the quoted words as typed (normal form → typed, as the parser's quotes map them);
    `text` unchanged and no words when there is none. The break after the message word is
    looked for in `original`: normalising drops spaces between Chinese."""
    if any(mark in text for mark in "“”:：'\"") or not original:
        return text, {}
    spaced = " ".join(normalize(piece) for piece in original.split())
    found = _PLAIN.search(spaced) or _reminded(spaced)
    if found is None:
        return text, {}
    rest = found.group("rest").strip()
    said, saying = normalize(rest), normalize(spaced[_say_start(found) :])
    if _WHOM_FIRST.match(rest) or _TIME_AT_END.search(said):
        return text, {}
    # the command may reach here without its closing punctuation ("… is in!")
    trimmed = text.rstrip(_CLOSING)
    if not trimmed.endswith(saying.rstrip(_CLOSING)):
        return text, {}
    typed = _typed_start(original, said)
    if typed is None:
        return text, {}
    head = trimmed[: len(trimmed) - len(saying.rstrip(_CLOSING))].rstrip()
    return f"{head} “{said}”", {said: original[typed:].strip()}


def _say_start(found: re.Match[str]) -> int:
    """Where the break before the words begins (the mixed reminder names it say_zh)."""
    if found.group("say") is not None:
        return found.start("say")
    return found.start("say_zh")


def _reminded(spaced: str) -> re.Match[str] | None:
    """A verb of reminding, whom it points at, then the words: "提醒他们一下 券快到期了"."""
    found = _REMIND_ZH.match(spaced) or _REMIND_EN.match(spaced)
    if found is None or _NOT_WORDS.match(found.group("rest")):
        return None
    if "verb" in found.re.groupindex and (found.group("verb") == "let") != bool(found["know"]):
        return None  # "let them …" says nothing sent; "tell them know" is no sentence
    if _ONLY_SOFT.fullmatch(found.group("rest")):  # 提醒她们一下: no words, asked for
        return None
    return found


def _typed_start(original: str, rest: str) -> int | None:
    """Where in `original` the words whose normal form is `rest` begin (the message as typed:
    Traditional characters, capitals and spacing kept)."""
    for start in range(len(original)):
        if not original[start].isspace() and normalize(original[start:]) == rest:
            return start
    return None
