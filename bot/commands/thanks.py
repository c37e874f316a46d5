"""Thanks and a nod with nothing asked (issue 19): "谢谢", "多谢晒", "唔該", "thanks!", "👍",
"好的收到" — a short "you're welcome" with what may be asked next, never the help menu nor a
question back about words that say nothing. A nod while a card waits is read before this (the
card says how to run it); a nod followed by a question ("好的，其中上海的") is that question."""

from __future__ import annotations

from bot.commands.texts import say
from bot.services.answer import Answer, MessageAnswer
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

_NOD = (
    r"谢谢|谢啦|谢了|多谢|多谢晒|感谢|感恩|唔该|唔该晒|辛苦了|辛苦啦|辛苦晒|好的|好嘅|好|收到|"
    r"明白|明白了|了解|了解了|知道了|知道|ok|okay|k|kk|thanks|thank\s+you|thx|ty|cheers|"
    r"got\s+it|great|cool|nice|perfect|awesome|noted|👍|👌|🙏|😊|🙂|😄|👏|✅|🆗|❤️|❤"
)
_THANKS_ONLY = lazy_pattern(
    rf"^(?:(?:{_NOD})(?:啊|呀|哈|喔|哦|啦|喇|嘞|哒|哈哈|much|a\s+lot|so\s+much)?[\s,，.。!！~～…]*)+$"
)


def thanks_answer(text: str, lang: str) -> Answer | None:
    """The reply to thanks or a nod alone, or None when `text` says more."""
    said = normalize(text).strip()
    # normalising drops emoji: "👍" alone is a nod when nothing else was said
    if not (_THANKS_ONLY.match(said) or (not said and _THANKS_ONLY.match(text.strip()))):
        return None
    return MessageAnswer("thanks", say("thanks", lang))


def says_no_words(text: str) -> bool:
    """Whether `text` has no letters or Chinese characters at all ("👍", "🙏🙏"): its
    language is the conversation's, not English by default."""
    return not any(ch.isalpha() for ch in text)
