"""A loosening said before what is loosened (spec/commands.md §2c, widening): "放寬一點，不限男女",
"放宽一点，不限性别", "放闊啲，近半年", "鬆啲啦，唔使理城市", "loosen it up a bit, drop the
gender", "widen it a little: last 90 days".

The word says only that the previous answer should hold more customers; the clause after it
says how (a condition taken off, a longer window), so that clause is what is read. Said alone
("放宽一点", "loosen it up") it names no condition, so which one is asked back. Text only.
"""

from __future__ import annotations

import re

from segmentation.nlq.lazy_re import lazy_pattern

# 放宽/放寬/放松/放鬆 (Mandarin), 放闊/放阔/鬆啲 (Cantonese), 宽松/寬鬆 (loose), 扩大范围 (widen the
# range); a little said after it (一点/一點/点/些/啲/少少/一下).
_LOOSEN_ZH = (
    r"(?:那|那就|就|咁|噉|好|嗯|再|可以|可唔可以|能不能|能否|请|請|帮我|幫我|麻烦|麻煩)*\s*"
    r"(?:放宽|放寬|放松|放鬆|放阔|放闊|放开|放開|宽松|寬鬆|松|鬆|扩大|擴大|放大|"
    # wider a little, the verb left out: 闊啲 / 阔一点 / 寬一點 (the little-word must follow)
    r"(?:闊|阔|宽|寬)(?=一点|一點|啲|少少|些)|"
    # the window made longer: 拉长点 / 拉長啲 / 时间再往前拉一点 / 延长一下 / 再长一点
    r"(?:时间|時間|日子|范围|範圍)?(?:再)?(?:往前|往回|向前)?(?:拉长|拉長|延长|延長|加长|加長|放长|放長|"
    r"拉远|拉遠|拉|推|长|長))"
    r"(?:条件|條件|范围|範圍|要求|标准|標準)?"
    r"(?:一点|一點|一些|一啲|少少|小小|一下|点|點|些|啲|下)?"
    r"(?:条件|條件|范围|範圍|要求|标准|標準)?"
    r"(?:吧|啦|喇|呀|啊|先|嘞|咯|囉)*"
)
_LOOSEN_EN = (
    r"(?:(?:ok(?:ay)?|so|then|and|please|pls|can\s+you|could\s+you|let'?s)[\s,]+)*"
    r"(?:loosen|widen|broaden|relax|open|expand|ease|lengthen|extend|stretch|go\s+further\s+back|"
    r"go\s+back\s+further|make\s+it\s+longer|longer)"
    r"(?:\s+(?:it|that|this|them|things|the\s+(?:filters?|conditions?|search|criteria|list)))?"
    r"(?:\s+(?:up|out))?(?:\s+(?:a\s+(?:bit|little|touch)|slightly|somewhat|some))?"
    r"(?:\s+(?:please|pls))?"
)
_LOOSEN = f"(?:{_LOOSEN_ZH}|{_LOOSEN_EN})"
# The loosening as the first clause: what follows a clause mark says how.
_LEAD = lazy_pattern(
    rf"^\s*{_LOOSEN}\s*(?:[,，;；:：、。.!！]\s*(?=\S)|\s(?=\s*(?:改|换|換|变|變)))", re.I
)
_ALONE = lazy_pattern(rf"^\s*{_LOOSEN}\s*[?？。.!！~～]*\s*$", re.I)


def without_loosening(text: str) -> str:
    """`text` with a leading loosening clause taken off ("放寬一點，不限男女" → "不限男女");
    `text` itself when it has none or nothing follows it."""
    found = _LEAD.match(text)
    if found is None:
        return text
    rest = text[found.end() :].strip()
    return rest or text


def loosening_alone(text: str) -> bool:
    """Whether `text` only asks to loosen ("放宽一点", "loosen it up a bit"), naming nothing."""
    return _ALONE.match(text) is not None
