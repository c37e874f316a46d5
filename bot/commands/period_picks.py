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
from segmentation.nlq import load_vocabulary
from segmentation.nlq.followup import bare_days
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.period_reply import TIME_QUESTIONS, is_time_question, period_words
from segmentation.nlq.timephrases import scan_time
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import tokenize
from segmentation.nlq.widen import WINDOW, read_widening
from segmentation.nodes import SegmentFormatError
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
    vocab = load_vocabulary(session, ctx.engine.named)
    try:
        tokens = tokenize(normalize(words), vocab, ctx.now, ctx.settings.timezone)
    except SegmentFormatError:  # a period beyond the bounds: the parser asks it back
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


def drops_the_window(text: str) -> bool:
    """ "不限时间吧" / "唔計時間" / "any time" / "all time then": the window taken off, and
    nothing else asked."""
    widening = read_widening(text)
    return widening is not None and widening.kind == WINDOW and not widening.rest


# What a window leaves behind when taken out of a question: "的"/"嘅" after it, "'s" (last
# month's at-risk customers), "in"/"of" before it.
_LEFT_AROUND = lazy_pattern(r"^\s*(?:的|嘅|之|'s|’s)\s*|\s*\b(?:in|of|during|from|over)\s*$", re.I)


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
