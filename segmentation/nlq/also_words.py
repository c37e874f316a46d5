"""Also-words around a bare request on the answer just given: "export it too", "也导出一下",
"and export it", "匯出埋", "一起导出", "export them as well". They add nothing: the request
is the bare one, about the answer just given. Read that way only where what is left is a bare
request ("Beijing too" after a Shanghai answer is no bare request and keeps its "too"), so an
also-word is never dropped from a condition."""

from __future__ import annotations

from collections.abc import Callable

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

_REQUEST = (
    r"(?:导出|导成|汇出|下载|导|export|download|分析|describe|summari[sz]e|统计|数|列|睇|看|"
    r"count|list|show)"
)
_ALSO = lazy_pattern(
    # leading: "and export it", "also export them", "也导出一下", "一起导出", "顺便也导出"
    r"^(?:(?:and|also|plus|then)\s+)+|"
    r"(?:顺便|同时|另外|然后|再|一起|一并|一齐|也|也要|还要|都要|仲要|都|重新)+"
    r"(?=" + _REQUEST + r"|把|将)|"
    # trailing or before a particle: "export it too", "export them as well please"
    r"\s*(?<![a-z])(?:too|as\s+well|also|again|one\s+more\s+time)(?![a-z])|"
    # "再导出一次", "重新汇出一遍": once more
    r"(?:一次|一遍|多一次|多次)(?=[吧啦喇吖呢啊]*$)|"
    # Cantonese 埋 right after the verb ("匯出埋", "匯出埋佢哋"), 一齐/一起 after it
    r"(?:(?<=导出)|(?<=汇出)|(?<=下载)|(?<=导)|(?<=export))(?:埋|一齐|一起|一并)"
)


def without_also(text: str, is_bare: Callable[[str], bool]) -> str:
    """`text` with its also-words dropped when that leaves a bare request (`is_bare`), else
    `text` as it is."""
    norm = normalize(text)
    dropped = _ALSO.sub(" ", norm).strip()
    if dropped == norm.strip() or not dropped or not is_bare(dropped):
        return text
    return dropped
