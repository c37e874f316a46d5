"""How many of an event, said as a noun inside a condition (issue 19, blind s20-2): "customers
whose order count is below 2", "with over 3 cart adds", "number of visits at least 2". The noun
is the event's count, as 订单数 / 下单次数 / 加购次数 are in Chinese — never the count intent
("how many", "count" and "number of" alone still ask how many customers).

Said with no comparison ("customers by order count", "number of orders last month") it names a
measure and no condition: asked back with the two things it can be (a condition on it, or a
ranking by it), never read as "customers who ordered" nor as a count of them.
"""

from __future__ import annotations

from typing import Any

from segmentation.nlq.token_kinds import K

# (event kind, "|"-separated English surfaces), normalised (lower case)
_NOUNS: tuple[tuple[str, str], ...] = (
    (
        "order",
        "order count|order counts|orders count|number of orders|no. of orders|purchase count|"
        "number of purchases|purchases count",
    ),
    ("inquiry", "inquiry count|inquiries count|number of inquiries|enquiry count"),
    ("visit", "visit count|visits count|number of visits|store visit count"),
    (
        "cart",
        "cart count|cart adds|cart add|cart additions|add-to-carts|add to carts|add-to-cart count|"
        "cart add count|number of cart adds|number of cart additions",
    ),
    ("refund", "refund count|refunds count|number of refunds"),
)

# "with an inquiry" is an event phrase of its own: the noun after it is kept whole
_WITH = ("with an ", "with a ", "with ")
_SAID = tuple(
    (kind, "|".join([*surfaces.split("|"), *(w + s for w in _WITH for s in surfaces.split("|"))]))
    for kind, surfaces in _NOUNS
)
# For the lexicon: (kind, value, surfaces)
WORDS: list[tuple[K, Any, str]] = [(K.EVENT, kind, surfaces) for kind, surfaces in _SAID]
MEASURE_NOUNS = frozenset(s for _, surfaces in _SAID for s in surfaces.split("|"))
# The count itself named ("refund count over 2"): a number of refunds, never an amount
COUNTING = frozenset(s for s in MEASURE_NOUNS if "count" in s or "number" in s)
