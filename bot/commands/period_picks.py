"""A period given back to a question about a time (spec/commands.md §2c): "这两天下过单的有哪些"
→ "which period?" → "近3天" answers the original question with 近3天 in place of 这两天; so do
"ok just last week then" after "last weekend" and "10月1号到10月7号" after 国庆. Anything
else is a new question."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.said_tokens import readable_tokens
from segmentation.nlq.followup import bare_days
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.period_reply import TIME_QUESTIONS, is_time_question, period_words
from segmentation.nlq.timephrases import scan_time
from segmentation.nlq.token_kinds import K
from segmentation.nlq.widen import WINDOW, read_widening
from segmentation.text import normalize

# What may stand beside the period given back ("近3天的", "last week, please"): no condition.
_COMPANIONS = (K.DE, K.FILLER, K.SEP, K.CUSTOMER)


def answers_period(pending: conv.PendingQuestion) -> bool:
    """Whether `pending` asked which period a time word meant (国庆, 最近, last weekend)."""
    return pending.kind in (conv.SEGMENT, conv.PERIOD) and is_time_question(pending.word)


def given_period(session: Session, ctx: CommandContext, text: str) -> str | None:
    """The period `text` gives, as typed ("就近3天吧" → "近3天"), when it is one period and
    nothing else — a window, or another time still to be asked about (then the original is
    asked back again with it) — or None."""
    words = period_words(text)
    if words is None or len(words) > 40:  # a period alone is short; skip the tokenizer
        return None
    days = bare_days(words)
    if days is not None:  # "30日" / "三十日" to "which period?": 30 days (Cantonese), no date
        words = f"近{days}天"
    tokens = readable_tokens(session, ctx, words)
    if tokens is None:  # a period beyond the bounds: the parser asks it back
        return None
    times = [t for t in tokens if _is_time(t.kind, t.value)]
    others = [t for t in tokens if not _is_time(t.kind, t.value)]
    if len(times) != 1 or any(t.kind not in _COMPANIONS for t in others):
        return None
    return words


def _is_time(kind: K, value: object) -> bool:
    return kind == K.WINDOW or (kind == K.UNSUPPORTED and value in TIME_QUESTIONS)


def is_window_word(word: str | None, now: datetime) -> bool:
    """Whether the word a question back was about is a window as a whole ("上个月" in
    "上个月的流失风险客户": a built-in segment takes none): dropping it answers the question."""
    if not word:
        return False
    norm = normalize(word).strip()
    tz = now.tzinfo if isinstance(now.tzinfo, ZoneInfo) else ZoneInfo("UTC")
    found = scan_time(norm, 0, now, tz)
    return found is not None and found.window is not None and found.end == len(norm)


def drops_the_window(text: str, pending: conv.PendingQuestion | None = None) -> bool:
    """ "不限时间吧" / "唔計時間" / "any time" / "all time then": the window taken off, and
    nothing else asked — or only "as it is now" after it ("不限时间，就要现在的"). "现在的就行"
    alone says so too, to a question about a whole window (上个月 with a built-in segment,
    which has no past): the segment as it is now."""
    # "不要时间 just as of now": the English after a space is a clause of its own
    widening = read_widening(text) or read_widening(_MIXED_PAUSE.sub("，", text))
    if widening is not None and widening.kind == WINDOW:
        return not widening.rest or as_of_now(widening.rest)
    return (
        pending is not None
        and not is_time_question(pending.word)
        and pending.word is not None
        and as_of_now(text)
    )


# "as it is now": 现在的 / 目前的 / 而家嘅 / 当前 / current ones / as of now, with a 就/只/要
# or a "just" before and particles after.
_AS_OF_NOW = lazy_pattern(
    r"^(?:那|那就|咁|咁就|好|好吧|ok|okay|fine|so)?[,，\s]*"
    r"(?:就要|就看|就睇|就|只要|只看|只|淨係|净系|净係|要|看|睇|按|用|照|then\s+)?\s*"
    r"(?:现在|現在|目前|当前|當前|而家|依家|宜家|现时|現時|此刻|今时今日|"
    r"(?:just\s+|only\s+)?(?:the\s+)?(?:current(?:ly)?|as\s+(?:of|it\s+is|they\s+are)\s+now|right\s+now|now|"
    r"present|today'?s?)(?:\s+(?:ones?|customers|list|members))?)"
    r"(?:的|嘅|那些|嗰啲|的就好|的就行|的就可以|就好|就行|就得|就可以|算|计|計|吧|啦|喇|呀|啊|"
    r"\s*(?:then|please|is\s+fine|will\s+do|is\s+ok|are\s+fine))*[.。!！~\s]*$",
    re.I,
)


_MIXED_PAUSE = lazy_pattern(r"(?<=[\u4e00-\u9fff])\s+(?=[A-Za-z])")


def as_of_now(text: str) -> bool:
    """Whether `text` says only "as it is now" ("就要现在的", "淨係而家嘅", "just the current
    ones"): no window, nothing else."""
    return bool(_AS_OF_NOW.match(normalize(text).strip()))


# What a window leaves behind when taken out of a question: "的"/"嘅" after it, "'s" (last
# month's at-risk customers), "in"/"of" before it.
# A demonstrative right after it points at the window's customers (上个月那批…, 上個月嗰批…):
# it goes with the window.
_LEFT_AROUND = lazy_pattern(
    r"^\s*(?:的|嘅|之|'s|’s)?\s*(?:那批|那些|那班|这批|這批|那群|嗰批|嗰啲|嗰班|呢批)\s*|"
    r"^\s*(?:的|嘅|之|'s|’s)\s*|\s*\b(?:in|of|during|from|over)\s*$",
    re.I,
)


def without_window(pending: conv.PendingQuestion) -> str | None:
    """The original question with the window it was asked about taken out, or None."""
    word = pending.word or ""
    original = pending.original
    if word not in original:  # asked about in the other script (上个月 of 上個月嘅…)
        original, word = normalize(original), normalize(word)
    at = original.find(word) if word else -1
    if at < 0:
        return None
    before = _LEFT_AROUND.sub("", original[:at]).rstrip()
    after = _LEFT_AROUND.sub("", original[at + len(word) :]).lstrip()
    joined = f"{before} {after}".strip() if before.isascii() or after.isascii() else before + after
    return joined or None


def with_period(pending: conv.PendingQuestion, period: str) -> conv.PendingQuestion:
    """`pending` offering `period` as its one suggestion, so picks.substituted puts it in the
    original question where the word asked about stood."""
    return replace(pending, suggestions=(period,))
