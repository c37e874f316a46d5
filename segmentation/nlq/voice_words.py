"""Words of long voice-input sentences and questions (issue 19, blind s28-3): closed lists the
lexicon adds with `_more` (a surface already meaning something else fails at import, so none
shadows a word), each a category in every register — zh-Hans, Taiwan and HK forms (Cantonese
係 arrives as 系), English and English words in a Chinese frame.

- One more condition said as one: 还有一个条件(：) / 再加一个条件 / 另外一个条件 / HK 仲有一个条件,
  and "and then also" 然后还 / 然后又 / 然后也 (never a bare 然后): the next condition is ANDed,
  as 而且 is.
- The yes/no question put before the customers: HK 係咪(有) / 係唔係(有) as 是不是(有) — a
  question, never a condition.
- The question's own closing, that it is only a question: 问下啫 / 问下咋 / 随便问下 /
  只是问问 / "just asking", "quick q" — no condition.
- "still" in a mixed sentence before a Chinese negation (上个月 new 的客户里 still 没 order 的):
  还没 — up to now.
"""

from __future__ import annotations

from typing import Any

from segmentation.nlq.token_kinds import K

# 一个 / 个 / 一條 before 条件: the counted condition, with or without 是 / a colon after it (the
# colon is a pause the grammar reads; 是 and 要是 would be unknown before the condition).
_ONE_MORE = (
    "还有一个条件|还有个条件|还有一个条件是|还有个条件是|再加一个条件|再加个条件|再加一个条件是|"
    "另外一个条件|另外一个条件是|另外还有一个条件|加一个条件|加个条件|仲有一个条件|仲有个条件|"
    "仲有一个条件系|仲有个条件系|还有一条|还有一个要求|还有个要求|仲有一个要求|另外一个要求"
)
# Only with 还/又/也/仲 after it: a bare 然后 may order two questions (列出…然后导出) or two
# values of one attribute (上海的然后北京的) — asked, never joined.
_AND_THEN = "然后还|然后又|然后也|然后仲|然后再加上"
_YES_NO = "系咪|系唔系|是咪|系咪有|系唔系有|是咪有"
_ONLY_ASKING = (
    "问下啫|问下咋|问下而已|问问而已|随便问下|随便问问|就问问|只是问问|只是问下|纯粹问下|纯粹问问|"
    "想问问|just asking|just curious|quick q|quick qn|quick ques|quick question|q:"
)
_STILL_NOT = "still没|still没有|still未|still冇|still未有|still仲未"

VOICE_WORDS: tuple[tuple[K, Any, str], ...] = (
    (K.AND, "clause", _ONE_MORE),
    (K.AND, "clause", _AND_THEN),
    (K.FILLER, "question", _YES_NO),
    (K.FILLER, "wrapper", _ONLY_ASKING),
    (K.YET, True, _STILL_NOT),
)
