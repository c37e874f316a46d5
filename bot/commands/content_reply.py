"""The part an action lacked, given in the next message (issue 19): an action asked back for
its content completes when the member answers the question —

- a message: 给流失风险客户发消息“” → "要发送什么内容？" → 内容就写“好久不见…” / “好久不见…”
  / text: "See you soon";
- a coupon: 幫北京啲客派現金券 → "发什么券？" → 50蚊 / 满300减50 / 20% off;
- whom: 群发一条“今晚直播间见” (no answer before it to be "them") → "指的是哪些客户？" →
  发给我所有客户 / VIP客户 / to VIP customers.

The answer is put into the original sentence where the missing part belongs, and the whole
sentence is read again: the card comes from the same reading as if it had been said at once,
and an answer that still cannot be read is asked back as before. A message that is no such
answer is a new question.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.tag_reply import (
    SAVE_NAME,
    TAG,
    asks_for_name,
    asks_for_tag,
    name_given,
    tag_given,
    with_name,
    with_tag,
)
from bot.commands.texts import say
from segmentation.nlq import Command, load_vocabulary, parse_command
from segmentation.nlq.actions import SOMETHING_SENT, message_question, send_what_question
from segmentation.nlq.ask import Ask
from segmentation.nlq.coupons import coupon_question, read_coupon
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

MESSAGE = "message"
COUPON = "coupon"
WHOM = "whom"
SOMETHING = "something"  # a send of "something": a message or a coupon given next

# An action verb in the original sentence: only an action's question is completed this way.
_ACTION = lazy_pattern(
    r"发|發|推|送|派|出(?=\s*(?:[一两兩1]\s*)?[张張份个個]|券)|群发|群發|打上|打|贴|貼|标|標|"
    r"提醒|通知|催|(?<![a-z])(?:send|push|message|tag|give|text|remind|nudge|ping|notify)"
    r"(?![a-z])",
    re.I,
)


def missing_part(text: str, question: str, lang: str) -> str | None:
    """What the question back `question` to `text` asked for (MESSAGE, COUPON, WHOM), or
    None when it asked something else."""
    if asks_for_name(question):  # "保存成什么名字？": the segment's name given next
        return SAVE_NAME
    if not _ACTION.search(text):
        return None
    asked = {
        MESSAGE: message_question(),
        COUPON: coupon_question(),
        SOMETHING: send_what_question(),
    }
    for part, ask in asked.items():
        if question in (ask.zh, ask.en):
            return part
    if question in (say("refine_no_context", "zh"), say("refine_no_context", "en")):
        return WHOM
    if asks_for_tag(question):  # "要打上哪个标签？": the tag's name given next
        return TAG
    return None


def completed(
    original: str, part: str, reply: str, names_customers: Callable[[str], bool]
) -> str | None:
    """`original` with `reply` in the place of the missing `part`, or None when `reply` does
    not give that part. `names_customers(words)`: whether `words` alone name customers and
    ask nothing else ("VIP客户", not "上海的客户有多少")."""
    reply = reply.strip()
    if not reply:
        return None
    if part == MESSAGE:
        return _with_message(original, reply)
    if part == SOMETHING:
        return _with_something(original, reply)
    if part == COUPON:
        return _with_coupon(original, reply)
    if part == WHOM:
        return _with_whom(original, reply, names_customers)
    if part == TAG:
        name = tag_given(reply)
        return None if name is None else with_tag(original, name)
    if part == SAVE_NAME:
        name = name_given(reply)
        return None if name is None else with_name(original, name)
    return None


def customer_words(session: Session, ctx: CommandContext, userid: str) -> Callable[[str], bool]:
    """Whether words read alone name customers and nothing else: a list with conditions."""

    def names_customers(words: str) -> bool:
        vocab = load_vocabulary(session, ctx.engine.named)
        parsed = parse_command(
            words, vocabulary=vocab, asker=userid, now=ctx.now, tz=ctx.settings.timezone
        )
        return (
            isinstance(parsed, Command)
            and parsed.intent == "list"
            and parsed.segment is not None
            and not parsed.details
        )

    return names_customers


# ---- a message ------------------------------------------------------------------------------

_QUOTE = lazy_pattern(r"[“「『\"](?P<m>[^”」』\"]+)[”」』\"]")
_EMPTY_QUOTE = lazy_pattern(r"[“「『\"]\s*[”」』\"]")
# The words before a message given alone: 内容就写 / 就发 / 文案是 / 写 / text: / say …
_MESSAGE_LEAD = (
    lazy_pattern(
        r"^(?:(?:the\s+)?(?:text|message|content|wording)(?:\s+is)?\s*[:：]?|say|write|send)\s+",
        re.I,
    ),
    lazy_pattern(
        r"^(?:那|那就|就|内容|內容|消息|訊息|信息|文案|话术|話術|正文)*\s*"
        r"(?:就写|就寫|写|寫|就发|就發|发|發|是|为|為|系|係|改成|用)?\s*[:：]?\s*"
    ),
)


def _without_lead(leads: tuple[re.Pattern[str], ...], text: str) -> str | None:
    """`text` after the first of `leads` that says something there, or None if none does."""
    for lead in leads:
        found = lead.match(text)
        if found is not None and found.end() > 0:
            return text[found.end() :]
    return None


def _with_message(original: str, reply: str) -> str | None:
    quoted = _QUOTE.search(reply)
    if quoted is not None:
        message = quoted["m"].strip()
    else:
        after = _without_lead(_MESSAGE_LEAD, reply)
        if after is None:
            return None  # words with nothing saying they are the message: a new question
        message = after.strip(" ：:")
    if not message:
        return None
    if _EMPTY_QUOTE.search(original):
        return _EMPTY_QUOTE.sub(lambda _: f"“{message}”", original, count=1)
    return f"{original}“{message}”"


# Whom said in the reply itself: "… for my VIPs", "… to the Shanghai ones", "给VIP…", "俾佢哋".
_WHOM_OF_ITS_OWN = lazy_pattern(
    r"(?<![a-z])(?:for|to)\s+(?:my|the|all|every|our|these|those|them|customers|clients|vips?)"
    r"(?![a-z])|给|給|俾|畀|发给|發給",
    re.I,
)


def _with_something(original: str, reply: str) -> str | None:
    """`original` with "something" made the coupon or the message `reply` gives."""
    found = SOMETHING_SENT.search(normalize(original))
    if found is None or _WHOM_OF_ITS_OWN.search(reply):
        return None  # "a 50 off 300 coupon for my VIPs": a send of its own, to its own whom
    english = bool(re.match(r"[a-z]", found.group().strip(), re.I))
    said = normalize(original)
    if _COUPON_NOUN.search(reply):
        try:
            words = read_coupon(normalize(reply)).words
        except Ask:
            return None  # "a coupon" with no value: asked again as a new message
        before, after = said[: found.start()], said[found.end() :]
        return (
            f"{before} a {words} coupon {after}" if english else f"{before}一张{words}的券{after}"
        )
    return _with_message(
        f"{said[: found.start()]} a message {said[found.end() :]}"
        if english
        else f"{said[: found.start()]}消息{said[found.end() :]}",
        reply,
    )


# ---- a coupon -------------------------------------------------------------------------------

_COUPON_NOUN = lazy_pattern(
    r"(?:现金券|現金券|无门槛券|無門檻券|优惠券|優惠券|代金券|折扣券|券|(?<![a-z])(?:coupon|voucher)s?(?![a-z])|"
    # an offer said loosely ("送点优惠给他们", "送啲優惠俾佢哋", "give them a discount")
    r"(?:一?点|一?點|啲|些|个|個)?(?:优惠|優惠|折扣|福利)|(?<![a-z])(?:a\s+)?(?:discount|deal|offer)(?![a-z]))",
    re.I,
)
_LOOSE_OFFER = lazy_pattern(
    r"(?:一?点|一?點|啲|些|个|個)?(?:优惠|優惠|折扣|福利)|(?:a\s+)?(?:discount|deal|offer)", re.I
)
_REPLY_NOUN = lazy_pattern(r"(?:的|嘅)?(?:券|优惠券|優惠券|coupons?|vouchers?)$", re.I)
_REPLY_LEAD = lazy_pattern(r"^(?:那|那就|就|要|发|發|派|用|改成)\s*|^(?:make\s+it|use)\s+", re.I)
_REPLY_END = lazy_pattern(r"(?:吧|啦|喇|啊|呀|的|嘅|[\s.。!！])+$")


def _is_coupon(value: str) -> bool:
    """Whether `value` says one coupon ("50蚊", "满300减50", "20% off"), its noun unsaid."""
    for said in (f"{value}券", f"{value} coupon"):
        try:
            read_coupon(normalize(said))
        except Ask:
            continue
        return True
    return False


# Whom said in the reply: it is a whole send of its own ("俾佢哋send張無門檻30蚊嘅券"), read as a
# new question, never put inside the one asked back.
_OWN_WHOM = lazy_pattern(
    r"给|給|俾|畀|他|她|佢|(?<![a-z])(?:them|him|her|send|give|push)(?![a-z])", re.I
)


def _with_coupon(original: str, reply: str) -> str | None:
    value = _REPLY_END.sub("", _REPLY_LEAD.sub("", reply, count=1)).strip()
    if not value or len(value) > 30 or _OWN_WHOM.search(value):
        return None
    if not _is_coupon(_REPLY_NOUN.sub("", value).strip()):
        return None
    nouns = list(_COUPON_NOUN.finditer(original))
    if not nouns:
        return None
    last = nouns[-1]
    bare = _REPLY_NOUN.sub("", value).strip()
    if _LOOSE_OFFER.fullmatch(last.group()):  # "送点优惠给他们", "give them a discount"
        latin = bool(re.match(r"[a-z]", last.group().strip(), re.I))
        coupon = f"a {bare} coupon" if latin else f"{bare}的券"
        return f"{original[: last.start()]}{coupon}{original[last.end() :]}"
    if _REPLY_NOUN.search(value):  # "满300减50的券": the reply's coupon in the noun's place
        return f"{original[: last.start()]}{bare}的券{original[last.end() :]}"
    space = " " if re.match(r"[a-z]", last.group(), re.I) else ""
    return f"{original[: last.start()]}{bare}{space}{original[last.start() :]}"


# ---- whom -----------------------------------------------------------------------------------

_WHOM_LEAD = (
    lazy_pattern(r"^(?:send\s+(?:it\s+)?to|to|for|target:?)\s+", re.I),
    lazy_pattern(
        r"^(?:就|那就|那)?(?:发给|發給|发送给|發送給|推给|推給|送给|送給|给|給|对象是|對象是|目标是|"
        r"目標是|发|發)\s*"
    ),
)
_WHOM_END = lazy_pattern(r"(?:吧|啦|喇|啊|呀|就好|就行|[\s.。!！])+$")
_POINTER_ZH = lazy_pattern(r"(?:他们|她们|佢哋|這些人|这些人|這些|这些|他們|她們)")
_POINTER_EN = lazy_pattern(r"(?<![a-z])(?:them|these|those)(?![a-z])", re.I)
_GIVE_ZH = lazy_pattern(r"^(?:请|請|帮我|幫我)?(?:给|給|帮|幫|为|為|向)")


def _with_whom(original: str, reply: str, names_customers: Callable[[str], bool]) -> str | None:
    whom = _WHOM_END.sub("", _without_lead(_WHOM_LEAD, reply) or reply).strip()
    if not whom or _ACTION.search(whom) or _COUPON_NOUN.search(whom) or _QUOTE.search(whom):
        return None  # an action or content of its own ("tag 金卡"): a new question
    if not names_customers(whom):
        return None  # "上海的客户有多少": a question of its own
    if _POINTER_ZH.search(original):
        return _POINTER_ZH.sub(whom, original, count=1)
    if _POINTER_EN.search(original):
        return _POINTER_EN.sub(whom, original, count=1)
    if re.search(r"[\u4e00-\u9fff]", original[:2]) and not _GIVE_ZH.match(original):
        return f"给{whom}{original}"  # 群发一条“…” → 给我所有客户群发一条“…”
    return f"{original} to {whom}"
