"""Who spent more, asked of a few customers (issue 19): "哪一位花得比較多", "谁消费比较高",
"边个使得多啲", "花得比较多的是谁", "which of them spent more" — the one who spent most, the
top 1 by spend (a comparative between the customers asked about is their superlative). And
the top one's owner asked with it ("其中消费最高的那个归谁管", "消費最高嗰個係邊個跟緊"): the
ranking's row, which shows its owner.

Text in, text out, before the grammar reads it; anything else is returned as it was.
"""

from __future__ import annotations

import re

from segmentation.nlq.lazy_re import lazy_pattern

_WHICH = (
    r"(?:哪一位|哪一個|哪一个|哪位|哪個|哪个|谁|誰|边个|邊個|边位|邊位|边一个|邊一個|哪个人|哪個人)"
)
_SPEND = r"(?:花得|花钱|花錢|消费|消費|使得|使钱|使錢|买得|買得|花)"
_MORE_HIGH = r"(?:比较高|比較高|更高|高啲|高一些|高一点|高一點|较高|較高)"
_MORE = r"(?:比较多|比較多|更多|多啲|多一些|多一点|多一點|较多|較多|多些)"
_ZH_BEFORE = lazy_pattern(
    rf"(?P<w>{_WHICH})(?P<v>(?:是|係)?{_SPEND})(?:(?P<h>{_MORE_HIGH})|{_MORE})"
)
_ZH_AFTER = lazy_pattern(
    rf"(?P<v>{_SPEND})(?:(?P<h>{_MORE_HIGH})|{_MORE})(?P<t>(?:的|嘅)?(?:是|係)?{_WHICH})"
)
_EN = lazy_pattern(
    r"\b(?P<w>who|which one|which of (?:them|these|those|the two)) (?:has )?spent more"
    r"(?: (?:among|of) (?:them|these|those))?\s*[?.!]*$",
    re.I,
)
# The top one's owner asked after it: 归谁管 / 是谁在跟 / 谁负责 / 边个跟紧 / 归哪个销售.
_RANKED = lazy_pattern(r"最多|最高|最少|最低|花得最|消费最|消費最|使得最")
_OWNER_TAIL = lazy_pattern(
    r"(?P<pick>.*?(?:最多|最高|最少|最低)[^，,。?？]{0,8}?)(?:的|嘅)?[，,\s]*(?:那个|那個|那位|嗰个|嗰個|嗰位|那一位|那一個|那一个)?"
    r"(?:又|是|係|系)?(?:归谁管|归谁|歸誰管|歸誰|谁在跟进?|誰在跟進?|是谁在跟进?|是誰在跟進?|谁负责|誰負責|"
    r"是谁负责的?|是誰負責的?|由谁跟进?|由誰跟進?|边个跟紧?|邊個跟緊?|归哪个销售|歸哪個銷售|"
    r"是哪个销售的|是哪個銷售的)(?:的|嘅)?(?:呢|啊|呀|㗎)?[?？。!！]*$"
)


def which_spent_more(text: str) -> str:
    """`text` with "who spent more" said as "who spent most", and a top one's owner asked
    with it read as the top one (whose row shows the owner)."""
    said = _ZH_BEFORE.sub(lambda m: _most_before(m, False), text)
    said = _ZH_AFTER.sub(_most_after, said)
    said = _EN.sub(lambda m: _most_en(m, False), said)
    tail = _OWNER_TAIL.match(said) if _RANKED.search(said) else None
    if tail is not None and tail["pick"].strip() and not _SEVERAL.search(tail["pick"]):
        said = tail["pick"].rstrip("的嘅，, ") + "的那个"
    return said


# A pick of several ("前3位", "几个", "分别"): each one's owner is a question of its own.
_SEVERAL = lazy_pattern(r"\d|前|几|幾|些|们|們|分别|分別|各|啲|top", re.I)


# Who the comparison is among, said: 其中 / 这些 / 他们 / …里 (else the answer just shown).
_AMONG_ZH = lazy_pattern(
    r"其中|当中|當中|之中|入面|这些|這些|呢啲|他们|她们|他們|她們|佢哋|佢们|里|裡|中"
)


def among_them(text: str) -> str | None:
    """ "Who spent more" said with no others to compare with ("哪一位花得比較多", "who spent
    more?"): asked among the customers just talked about ("其中消费最多的那个", "who spent the
    most among them"); None when `text` is no such question or says among whom."""
    if _ZH_BEFORE.search(text) and not _AMONG_ZH.search(text):
        return _ZH_BEFORE.sub(lambda m: _most_before(m, True), text, count=1)
    if _ZH_AFTER.search(text) and not _AMONG_ZH.search(text):
        return "其中" + _ZH_AFTER.sub(_most_after, text, count=1)
    found = _EN.search(text)
    if found is not None and not found["w"].lower().startswith("which of"):
        return _EN.sub(lambda m: _most_en(m, True), text, count=1)
    return None


def _most_en(found: re.Match[str], among: bool) -> str:
    among_them = " among them" if among else ""
    return f"{found['w']} spent the most{among_them}"


def _most_before(found: re.Match[str], among: bool) -> str:
    most = "最高" if found["h"] else "最多"
    verb = found["v"].lstrip("是係")
    verb = verb if verb in ("买得", "買得") else "消费"  # 花得最多 reads only after 谁
    if among:  # 其中消费最多的那个: the one of them (其中哪一位… reads as a new question)
        return f"其中{verb}{most}的那个"
    return f"{verb}{most}的是{found['w']}"  # 消费最高的是谁: the ranking, then who


def _most_after(found: re.Match[str]) -> str:
    return f"{found['v']}{'最高' if found['h'] else '最多'}{found['t']}"
