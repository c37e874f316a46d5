"""A message said without quotes or a colon, after its send verb and message word:
"给她发消息 上次的精华液用得还好吗", "發個msg畀佢 聽日有新貨", "给她发 msg 面霜到货了",
"给他们发消息说新品上架了", "send them a message saying new stock is in", "schedule 逢星期五
3pm send 佢 msg weekend sale". The words after the message word are the message, read as if
quoted ("发消息“…”"), so every push form takes them; the confirmation card shows them before
anything is sent.

Read only where nothing else can be meant: no quote and no colon in the sentence, the rest
does not begin with whom it goes to (发消息给上海的客户 names whom), and does not end in a
time (发消息 新品上架 明天上午10点 may be a schedule: asked, never sent now)."""

from __future__ import annotations

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

_SEND = r"(?:群发|发送|推送|发|推|send|push)"
_COUNT = r"(?:一条|一则|一个|一封|条|则|个|封|a|an)?"
_NOUN = r"(?:讯息|消息|信息|简讯|短信|message|msg|text)"
# whom, said between the message word and the message: 畀佢, 俾佢哋, 给他们, to them
_TO_THEM = (
    r"(?:(?:给|畀|俾|同|to\s+)(?:他们|她们|佢们|佢哋|佢地|佢|他|她|ta|them|him|her|these|those))?"
)
_THEM = r"(?:them|him|her|these|those|他们|她们|佢们|佢哋|佢地|佢|他|她|ta)"
_SAY_WORD = r"(?:saying|that\s+says|to\s+say|reading)"
_PLAIN = lazy_pattern(
    # 发消息, 发个msg, send 佢 msg, send them a message
    rf"(?:(?<![a-z]){_SEND}\s*(?:(?:给|畀|俾)?\s*{_THEM}\s*)?{_COUNT}\s*{_NOUN}(?![a-z])|"
    # whom between, in English: "send VIPs in Beijing a message saying …"
    rf"(?<![a-z])send\s+(?:\S+\s+){{1,6}}?(?:a|an)\s+{_NOUN}(?![a-z])|"
    # message as the verb: "message them saying …", "text her that …"
    rf"(?<![a-z])(?:message|msg|text)\s+{_THEM}(?![a-z]))"
    # whom after: 畀佢, to them; "to VIPs in Beijing" only before a saying word
    rf"(?:\s*{_TO_THEM}|\s+to\s+.+?(?=\s+{_SAY_WORD}\s))"
    rf"(?P<say>\s*(?:说|讲|话|话佢知|讲声|讲句|说一声|说一句|,|，)\s*|\s+(?:{_SAY_WORD}|that)\s+|"
    r"\s+|(?<=[a-z])(?=[^\x00-\x7f]))(?P<rest>\S.*)$"
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
    found = _PLAIN.search(spaced)
    if found is None:
        return text, {}
    rest = found.group("rest").strip()
    said, saying = normalize(rest), normalize(spaced[found.start("say") :])
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


def _typed_start(original: str, rest: str) -> int | None:
    """Where in `original` the words whose normal form is `rest` begin (the message as typed:
    Traditional characters, capitals and spacing kept)."""
    for start in range(len(original)):
        if not original[start].isspace() and normalize(original[start:]) == rest:
            return start
    return None
