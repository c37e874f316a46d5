"""A period given back as the answer to a question about a time (spec/commands.md §2c): "这两天
下过单的有哪些" is asked "which period?" and "近3天" / "就近3天吧" / "ok just last week then" /
"咁就近14日啦" answers it. This module reads only the words around the period and says
whether a word asked about was a time; the chat puts the period in the original question.
"""

from __future__ import annotations

import re

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.lexicon import LEXICON
from segmentation.nlq.token_kinds import K
from segmentation.text import normalize

# The reasons a time is asked back that a period with a number answers: a named period
# (国庆, 周末, last weekend) and a vague one (最近, 这两天, 呢排, recently). A future time is
# no such question: another period would answer a different question.
TIME_QUESTIONS = frozenset({"period", "vague"})

_EDGES = " \t,，、:：;；.。!！?？~～"
# The words that only hand the period over: an acknowledgement, "then", "use", "make it".
_LEAD = lazy_pattern(
    r"^(?:(?:ok(?:ay)?|alright|all\s+right|fine|sure|yes|yeah|yep|well|hmm+|um+|so|then|just|only|"
    r"make\s+it|let'?s\s+(?:say|do|use|go\s+with|make\s+it)|say|use|go\s+with|try|how\s+about|"
    r"what\s+about|"
    r"sorry|i\s+meant?|好的|好吧|好啊|好啦|好咯|好嘞|好呀|好|行吧|行啦|行|得啦|得|可以|嗯+|哦|噢|喔|唔|"
    r"那么|那麼|那就|那|就用|就按|就看|就要|就係|就系|就是|就|淨係|净系|只要|"
    r"应该是|應該是|应该系|應該係|我是说|我是說|是|係|系|"
    r"用|按照|按|以|改成|改为|改為|换成|換成|改用|咁就|噉就|咁|噉|要|看|查|睇|"
    r"转做|轉做|改做|换做|換做|转成|轉成|改返|转返|轉返|"
    # counted as / looked at instead: "就算近三天好了", "那改看十月份", "改睇上個月"
    r"就算|算|当作|當作|改看|换看|換看|改查|改睇|换睇|換睇)"
    r"(?![a-z])[\s,，、:：]*)+",  # English words whole: "so" is never the start of "sorry"
    re.I,
)
_TAIL = lazy_pattern(
    r"(?:[\s,，、]*(?:then|instead|please|pls|is\s+fine|will\s+do|works|is\s+ok(?:ay)?|thanks|thank\s+you|"
    r"吧|呢|啦|啰|囉|咯|喇|嘞|呀|啊|喔|先|就行|就好|就可以|好了|可以|算|来算|來算|計|计|为准|為準|"
    r"的|嘅|谢谢|謝謝|唔该|唔該|吧谢谢)[.。!！?？~～]*)+$",
    re.I,
)


def period_words(text: str) -> str | None:
    """`text` without the words around a period given back ("那就近3天吧" → "近3天"), as
    typed, for the chat to check that it is one period and nothing else; None when empty."""
    rest = text.strip(_EDGES)
    for _ in range(2):  # "ok, then just …", "好吧那就…"
        rest = _LEAD.sub("", rest).strip(_EDGES)
        rest = _TAIL.sub("", rest).strip(_EDGES)
    return rest or None


def is_time_question(word: str | None) -> bool:
    """Whether the word a question back was about is a time the asker must say otherwise
    (国庆期间, 最近, last weekend): then a period alone answers that question."""
    if not word:
        return False
    meaning = LEXICON.get(normalize(word).strip())
    return meaning is not None and meaning[0] == K.UNSUPPORTED and meaning[1] in TIME_QUESTIONS
