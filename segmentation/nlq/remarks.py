"""Trailing remarks (issue 19): a clause after a complete command that says who needs the
answer, when, what for, how urgently, or thanks — "…，老板明天开会要", "…，急", "…，谢谢啦",
"…, need it for the meeting", "…, my boss needs it tomorrow". It carries no condition.

A closed grammar of parts (who / when / what for / need / urgency / thanks), matched against
the WHOLE last clause only: the remark is dropped only after a clause mark, at the end of the
message, with a command before it. A clause holding any other word ("，老板喜欢的", "，明天")
is not a remark: it stays and is read, and asked about, as usual. Never a word of a clause
alone: "老板" or "tomorrow" inside a condition is still asked.
"""

from __future__ import annotations

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.wrapper_phrases import PURPOSE, ZH_PURPOSE, alternatives, parts_pattern


def _words(*lines: str) -> list[str]:
    return [w for line in lines for w in line.split()]


# ---- Chinese (normalised: simplified, 嚟 → 来, 咗 → 了)
_ZH_WHO = alternatives(
    _words(
        "老板 大老板 老细 领导 经理 主管 总监 上面 上头 上级 老大 组长 店长 同事 财务 总部 市场部",
        "boss 我 我们 客户那边 他们 她们 佢 佢们",
    )
)
_ZH_WHEN = alternatives(
    [
        *(w for w in ZH_PURPOSE[0] if w),
        *_words(
            "今天之内 今天下班前 下班前 中午前 中午 今晚之前 明天之前 一会 晚点 稍后 现在 等阵间"
        ),
    ]
)
_ZH_WHY = alternatives(ZH_PURPOSE[1])
# What the need is said with; a bare 用 only after what it is for (开会用: 今天用 is not one).
_ZH_NEED = alternatives(
    _words(
        "要用 需要 要 要看 要睇 用的 要用的 要的 要嘅 想要 想看 等着要 等着用",
        "催着要 在催 催 急用 急需 急着要 急要 急住要 等住要 就要 就要用",
    )
)
_ZH_USE = alternatives(["用", "用嘅", "睇"])
_ZH_URGENT = alternatives(
    _words(
        "急 很急 比较急 有点急 挺急 好急 着急 急急急 加急 急件 急用 急需 尽快",
        "越快越好 赶时间 赶紧 快点 速度 十万火急 急住要 急住 急急 麻烦快点 尽快哈",
        "在线等 不急 唔急 慢慢来",
    )
)
_ZH_THANKS = alternatives(
    _words(
        "谢谢 谢谢啦 谢谢了 谢谢你 谢啦 多谢 多谢晒 感谢 感谢感谢 辛苦 辛苦了 辛苦啦",
        "辛苦你了 麻烦了 麻烦你了 麻烦啦 唔该 唔该晒 拜托了 拜托 劳烦 thx thanks 3q",
    )
)
_ZH_PARTICLES = r"(?:啊|呀|啦|哦|哈|喔|呢|的|嘅|吧|嘞|咯|喇|嘛|哟|~|～|\s)*"
_ZH_REMARK = lazy_pattern(
    r"(?:"
    # 老板明天开会要 / 开会用 / 明天汇报要用的
    rf"(?:{_ZH_WHO})?(?:{_ZH_WHEN})?(?:{_ZH_WHY})(?:{_ZH_NEED}|{_ZH_USE})"
    # 老板要 / 领导明天要看 / 明天要用
    rf"|(?:{_ZH_WHO})(?:{_ZH_WHEN})?(?:{_ZH_NEED})"
    rf"|(?:{_ZH_WHEN})(?:{_ZH_NEED})"
    # 急 / 比较急 / 老板催着要 / 谢谢啦
    rf"|(?:{_ZH_WHO})?(?:{_ZH_URGENT})"
    rf"|(?:{_ZH_THANKS})"
    rf"){_ZH_PARTICLES}"
)

# ---- English (normalised: lower case)
_EN_WHO = (
    r"(?:(?:my|our|the)\s+(?:boss|manager|supervisor|team\s+lead|lead|director|gm|head|team|"
    r"vp|ceo|client)|i|we|she|he|they)"
)
_EN_NEED = (
    r"(?:needs?|wants?|needed|wanted|asked\s+for|is\s+asking\s+for|'s\s+asking\s+for|"
    r"is\s+waiting\s+(?:for|on)|are\s+waiting\s+(?:for|on)|'m\s+waiting\s+(?:for|on))"
    r"(?:\s+(?:it|this|that|them|these|those|the\s+list))?"
)
_EN_WHEN = (
    r"(?:tomorrow(?:\s+morning)?|today|tonight|this\s+afternoon|this\s+morning|later(?:\s+today)?|"
    r"asap|right\s+away|now|soon|in\s+an\s+hour|first\s+thing\s+tomorrow|"
    r"by\s+(?:tomorrow|tonight|today|eod|end\s+of\s+(?:day|today)|noon|lunch|monday|friday|"
    r"\d{1,2}\s*(?:am|pm)?)|for\s+(?:tomorrow|today|tonight))"
)
_EN_WHY = parts_pattern(PURPOSE, r"\s+")
_EN_URGENT = (
    r"(?:(?:it's\s+|its\s+|it\s+is\s+|this\s+is\s+)?(?:kinda\s+|kind\s+of\s+|pretty\s+|very\s+|"
    r"super\s+|a\s+bit\s+|quite\s+)?(?:urgent|a\s+rush|rush)|asap|as\s+soon\s+as\s+possible|"
    r"urgently|no\s+rush|no\s+hurry|whenever\s+you\s+can|when\s+you\s+(?:can|get\s+a\s+(?:sec|chance)))"
)
_EN_THANKS = (
    r"(?:thanks(?:\s+(?:a\s+lot|so\s+much|in\s+advance|again|heaps))?|thank\s+you(?:\s+so\s+much)?|"
    r"thx|ty|tia|cheers|many\s+thanks|much\s+appreciated|appreciate\s+it|please|pls|plz)"
)
_EN_ITEM = (
    rf"(?:{_EN_WHO}\s+{_EN_NEED}(?:\s+{_EN_WHEN})?(?:\s+{_EN_WHY})?"
    rf"|(?:(?:i|we)\s+)?{_EN_NEED}\s+{_EN_WHY}(?:\s+{_EN_WHEN})?"
    rf"|{_EN_WHY}(?:\s+{_EN_WHEN})?|{_EN_URGENT}|{_EN_THANKS})"
)
# Several in one clause ("urgent, thanks" is two clauses; "urgent please" is one).
_EN_REMARK = lazy_pattern(rf"{_EN_ITEM}(?:\s+{_EN_ITEM})*[\s!.~]*")

# Clause marks a remark follows; a quote mark ends the search (a message is sent as typed).
_MARKS = ",，;；。.!！~～…"
_QUOTES = '“”"「」『』'


def drop_remarks(text: str) -> str:
    """`text` (normalised) without the remark clauses that end it, when a command is left
    before them; otherwise unchanged."""
    while True:
        cut = _remark_start(text)
        if cut is None:
            return text
        text = text[:cut].rstrip(_MARKS + " ")


def _remark_start(text: str) -> int | None:
    """Where the last clause starts (its clause mark), when that clause is a remark and
    something that is not punctuation comes before it."""
    body = text.rstrip(" !！。.~～?？…")
    mark = max(body.rfind(m) for m in _MARKS)
    if mark <= 0:
        return None
    clause = body[mark + 1 :].strip()
    if not clause or any(q in clause for q in _QUOTES):
        return None
    before = body[:mark].strip(_MARKS + " ")
    if not before or _in_quote(before):
        return None
    if not (_ZH_REMARK.fullmatch(clause) or _EN_REMARK.fullmatch(clause)):
        return None
    return mark


def _in_quote(text: str) -> bool:
    """Whether `text` ends inside an open quotation (the remark would be a message's words)."""
    opened = sum(text.count(q) for q in "“「『") - sum(text.count(q) for q in "”」』")
    return opened > 0 or text.count('"') % 2 == 1
