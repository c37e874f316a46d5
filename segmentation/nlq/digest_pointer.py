"""The digest named as where a segment was seen ("日报里说的流失风险客户是哪几个", "日報入面講嘅沉睡
客", "今天简报上的高意向客户", "the at-risk customers in today's digest", "digest 里的跟进名单"):
the digest's segments are the named and saved segments as of now, so the words about the
digest say where the asker read the name, not a condition or a time. Dropped only when what
follows names one of them; anything else said of the digest ("日报里的新增客户": the digest's
own periods) is left as written, and asked back as before."""

from __future__ import annotations

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.vocabulary import Vocabulary

_DIGEST_ZH = r"(?:每日简报|日报|简报|早报|digest|daily\s+digest)"
# (normalised text: Simplified, lower case; 咗 arrives as 了)
_IN_DIGEST_ZH = lazy_pattern(
    r"^(?:(?:今天|今日|今早|早上|今天早上|今朝|刚才|头先)(?:的|嘅)?)?"
    + _DIGEST_ZH
    + r"\s*(?:里面|里头|入面|里|上面|上|中|内)\s*"
    r"(?:说|讲|提到|提及|写|显示|列出|列|报|话)?(?:了|咗|过)?"
    r"\s*(?:的|嘅)?\s*(?:那些|嗰啲|那几个|嗰几个|那批|呢啲)?\s*"
)
_IN_DIGEST_EN = lazy_pattern(
    r"\s+(?:that\s+(?:are|were)\s+|listed\s+|mentioned\s+|shown\s+)?(?:from|in|on)\s+"
    r"(?:the\s+|today'?s\s+|this\s+morning'?s\s+|my\s+|your\s+)?(?:daily\s+)?"
    r"(?:digest|briefing|daily\s+report)\b"
)


def drop_digest_pointer(norm: str, vocab: Vocabulary) -> str:
    """`norm` without the words that say the digest showed the segment asked about, when
    what remains names a named or saved segment; otherwise unchanged."""
    zh = _IN_DIGEST_ZH.match(norm)
    if zh is not None and zh.end() < len(norm):
        rest = norm[zh.end() :]
        return rest if _names_a_digest_segment(rest, vocab) else norm
    en = _IN_DIGEST_EN.search(norm)
    if en is not None:
        rest = norm[: en.start()] + norm[en.end() :]
        return rest if _names_a_digest_segment(rest, vocab) else norm
    return norm


def _names_a_digest_segment(text: str, vocab: Vocabulary) -> bool:
    """Whether `text` names a segment a digest shows: a named one (流失风险, at-risk), with or
    without its 客户/customers, or a saved one."""
    for zh, en in vocab.named_names.values():
        stems = (zh.removesuffix("客户"), en.lower().removesuffix(" customers").replace("-", " "))
        if any(stem and stem in text for stem in stems):
            return True
    return any(name and name in text for name in vocab.saved)
