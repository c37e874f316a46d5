"""Several questions about one customer in one message (issue 19): "她买过啥，谁在跟",
"他最近买了啥？归谁管", "她上次詢問的是什麼，身上有什麼標籤", "佢買咗咩，有冇退過款", "what did
he ask about and who follows him". The first names her by a pronoun; the ones after it ask
on about her without one ("谁在跟", "現在誰顧", "有冇退過款", "是不是 VIP"). The card answers
them all together.

Only short questions follow on: a clause that names other customers (他们, 客户, 其他), says
no question word or is long is no question about her, and the message is then read otherwise.
"""

from __future__ import annotations

from collections.abc import Callable

from segmentation.nlq.lazy_re import lazy_pattern

# Where one question ends and the next begins (normalised: simplified, lower case, marks half
# width): a comma or question mark, 然后 / 还有 / 另外 / 同埋 (HK), "and" / "also".
_BETWEEN = lazy_pattern(
    r"\s*(?:[,?;!。]+\s*(?:然后|还有|另外|同埋|仲有|and|also)?|\s(?:and|also|&)\s|同埋|仲有|还有)\s*"
)
# A question on about her, without a pronoun: a question word (who, what, how many, whether)
# in a short clause.
_ASKS_ON = lazy_pattern(
    r"^(?:那|那么|咁|and |also |then )?[^,?]{0,12}?"
    r"(?:谁|边个|边位|哪|什么|甚么|啥|咩|乜|几|多少|吗|嘛|冇|没有|没|未|是不是|有没有|有无|系唔系|"
    r"系咪|是否|who|what|which|when|where|whose|how|is (?:she|he)|does|did|has)"
    r"[^,?]{0,10}?[?？]*$"
)
# Other customers, or anyone but her: never a question on about her ("还有谁是VIP").
_OTHERS = lazy_pattern(
    r"客户|顾客|客人|他们|她们|佢们|佢哋|其他|别的|还有谁|仲有边|others?\b|they|them|customers|"
    r"clients|anyone|everyone|所有|全部|哪些人|边啲人"
)


def joined_questions(said: str, asks_one: Callable[[str], bool]) -> bool:
    """Whether normalised `said` is several questions about one customer: the first asked of
    her by a pronoun (`asks_one`), each after it either so too or a short question on."""
    parts = [p for p in _BETWEEN.split(said.strip()) if p and p.strip()]
    if len(parts) < 2 or not asks_one(parts[0]):
        return False
    return all(asks_one(part) or _asks_on(part) for part in parts[1:])


def _asks_on(part: str) -> bool:
    return _ASKS_ON.match(part.strip()) is not None and not _OTHERS.search(part)
