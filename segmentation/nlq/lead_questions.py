"""A question of the day before the real question (issue 19): "早 今天该跟进谁啊 最近问过价的
有哪些", "who should i ring today? my customers who asked about stuff in the past 2 weeks and
haven't ordered", "今日要打俾邊個先？我啲客…". The opening question says why the user asks
(whom to contact); the question after it says which customers, and is answered as written. A
greeting before either ("早", "morning,") says nothing either.

A closed grammar: a time of the day, a modal, a verb of contacting someone, a "who" word — all
in that order — and a question after it that is not empty. Alone ("今天该跟进谁"), the opening
question stays, and is asked back as before: it names no customers.
"""

from __future__ import annotations

from segmentation.nlq.greetings import (
    EN_GREETING,
    ZH_GREETING,
    ZH_GREETINGS_EARLY,
    ZH_GREETINGS_LONG,
)
from segmentation.nlq.lazy_re import lazy_pattern

# Before the English opening question: a greeting, or a word that only opens the turn (ok, so).
_EN_OPENING = rf"(?:{EN_GREETING}|ok|okay|so|right|alright)"
_MARKS = r"[\s,，、。.!！?？~～:：;；…-]"
_MARKS_NO_QUESTION = r"[\s,，、。.!！~～:：;；…-]"  # after a greeting alone: 你好？ asks

_ZH_WHEN = (
    r"(?:今天|今日|今早|今朝|今晚|今天上午|今天下午|今日上昼|今日下昼|上午|下午|等下|等会|待会|"
    r"现在|而家|宜家|一阵|听日|明天|明早|这周|今个礼拜)?"
)
_ZH_MODAL = r"(?:我们|我|要|该|应该|应当|得|需要|可以|最好|好|先|去|再)*"
_ZH_CONTACT = (
    r"(?:跟进|联系|联络|打电话给|打电话|打给|打俾|打畀|致电|回访|拜访|问候|约|找|搵|揾|覆|私聊|私信|"
    r"发消息给|发信息给|call|ring|follow)"
)
_ZH_WHO = (
    r"(?:谁|哪些人|哪些客户|哪些客|哪几个|哪几位|哪个|哪位|边个|边啲人|边啲客|边啲|边几个|边位|"
    r"什么人|啲乜人|咩人)"
)
_ZH_END = r"(?:先|好|呢|啊|呀|吖|啦|喇|咧|哇|嘞|比较好|好呢|好啊)*"
_ZH_LEAD = lazy_pattern(
    rf"^(?:{ZH_GREETING}{_MARKS}*)?{_ZH_WHEN}{_ZH_MODAL}{_ZH_CONTACT}{_ZH_WHO}{_ZH_END}"
    rf"{_MARKS}*(?!的|嘅|是|系)"
)
# A greeting alone before the question: one of several characters anywhere at the start; 早
# alone only before a mark (早于10月 / 早上 are no greetings).
_ZH_GREETING_ALONE = lazy_pattern(
    rf"^{ZH_GREETINGS_LONG}{_MARKS_NO_QUESTION}*|^{ZH_GREETINGS_EARLY}{_MARKS_NO_QUESTION}+"
)

_EN_CONTACT = (
    r"(?:ring|call|phone|contact|follow up with|follow up on|follow up|reach out to|message|text|"
    r"ping|chase up|chase|talk to|visit|hit up|get in touch with|get back to|focus on|"
    r"prioriti[sz]e|call back|ring back)"
)
_EN_LEAD = lazy_pattern(
    rf"^(?:{_EN_OPENING}[,!.]*\s+)*"
    r"(?:who|whom|which (?:customers|clients|ones|people|of my customers))\s+"
    r"(?:should|shall|do|must|can|could|ought to|to|would you have|do you think)\s+"
    r"(?:(?:i|we|me)\s+)?(?:(?:really|actually|probably)\s+)?"
    rf"{_EN_CONTACT}(?:\s+(?:first|today|now|this morning|this afternoon|tonight|tomorrow|next|"
    r"up|back|then))*\s*[?:.!,;-]+\s*"
)
_EN_GREETING_ALONE = lazy_pattern(rf"^(?:{EN_GREETING}[,!.]+\s*)+")


def drop_lead_question(norm: str) -> str:
    """`norm` (normalised) without an opening greeting and question of whom to contact, when
    a question follows; otherwise unchanged."""
    for pattern in (_EN_LEAD, _ZH_LEAD, _EN_GREETING_ALONE, _ZH_GREETING_ALONE):
        found = pattern.match(norm)
        if found is None:
            continue
        rest = norm[found.end() :].strip()
        if rest.strip(" ?？.。!！~～"):
            norm = rest
    return norm
