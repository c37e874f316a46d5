"""The period said with a change list's other side ("那昨天离开的呢", "who left yesterday?"):
one window and nothing else, as the change question would have had it — a past day is that
whole day (its end, not now), and the reply names it with its dates."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.said_tokens import readable_tokens
from bot.services.answer import ChangeWindow
from segmentation.nlq import load_vocabulary
from segmentation.nlq.restate import Restater
from segmentation.nlq.token_kinds import K
from segmentation.windows import resolve_window

# What may stand beside the period ("今天的", "yesterday then"): nothing that is a condition.
_COMPANIONS = (K.DE, K.FILLER, K.SEP)


def said_change_window(
    session: Session, ctx: CommandContext, words: str, lang: str
) -> ChangeWindow | None:
    """The change window `words` say, or None when they are not one window alone."""
    vocab = load_vocabulary(session, ctx.engine.named)
    tz = ctx.settings.timezone
    tokens = readable_tokens(session, ctx, words, vocab)
    if tokens is None:
        return None
    windows = [t for t in tokens if t.kind == K.WINDOW]
    others = [t for t in tokens if t.kind != K.WINDOW]
    if len(windows) != 1 or windows[0].problem or any(t.kind not in _COMPANIONS for t in others):
        return None
    window = windows[0].value
    interval = resolve_window(window, ctx.now, tz)
    if interval is None:
        return None
    restater = Restater(lang, ctx.now, tz, vocab)
    text = restater.when(window) if lang == "zh" else restater.when_en(window).strip()
    return ChangeWindow(interval[0], min(interval[1], ctx.now), text, False)
