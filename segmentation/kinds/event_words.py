"""Event-kind words, in one table: what the parser reads (zh-Hans, zh-Hant after conversion,
English; English verb idioms in every tense), how restate says a condition on the kind
(positive, negated, counted; about a product), and the kind's name in the chat and on cards.

The lexicon (segmentation/nlq/lexicon.py), restate (segmentation/nlq/restate.py,
restate_items.py) and the bot's texts derive their tables from EVENT_WORDS; a deployment's
own kind (not in the table) reads as "有过X" / "had a X event".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Surfaces:
    """Words naming the kind, "|"-separated: `strong` and `weak` (a weak word names the kind
    only next to a count or a negation: 单, 价, 店) are the kind's meaning whatever else the
    lexicon has; `regional` ones (HK/TW, Cantonese) only where the lexicon has no other."""

    strong: str
    weak: str = ""
    regional: str = ""
    regional_weak: str = ""


@dataclass(frozen=True)
class EventWords:
    zh: tuple[str, str, str]  # 有咨询 / 未咨询 / 咨询 (counted: 咨询超过3次)
    en: tuple[str, str, str]  # inquired / did not inquire / inquiries (had more than 3 …)
    # about a product: zh did, did not, counted; en did, did not (+ object), counted
    item: tuple[str, str, str, str, str, str]
    label: tuple[str, str]  # the kind's name (zh, en): 咨询 / inquiry
    plural_en: str  # "3 inquiries" on a list row
    surfaces: Surfaces


A_ORDER = "an order|orders|any order|any orders|an order with us|orders with us|a new order"
A_PURCHASE = "a purchase|purchases|any purchase|any purchases|a purchase from us|purchases from us"
# What a price question asks about ("asked about a price", "enquired about our prices"):
# any article before any price word is the same inquiry.
PRICE = "|".join(
    f"{article}{word}"
    for article in ("", "a ", "the ", "our ", "your ", "some ")
    for word in ("price", "prices", "pricing", "cost", "costs", "quote", "quotes", "quotation")
)
ABOUT_PRICE = "|".join(f"about {p}" for p in PRICE.split("|"))
FOR_PRICE = "|".join(f"for {p}" for p in PRICE.split("|"))
STORE = "the store|the shop|our store|our shop|the showroom|our showroom|a store|the boutique"
STUFF = "|stuff|something|items|things|products|anything|goods|an item|a product|it|them"
CART = (
    "cart|the cart|their cart|their carts|a cart|the shopping cart|their shopping cart|"
    "basket|their basket"
)
# English verb idioms per kind: a verb and the tails it takes, generated in every tense by
# the lexicon ("place an order" → placed / placing / places an order).
VERB_IDIOMS: dict[str, list[tuple[str, str]]] = {
    "order": [
        ("place", A_ORDER),
        ("put", "in an order|in orders|in any orders"),
        ("make", A_PURCHASE + "|" + A_ORDER),
        ("buy", "something|anything|stuff|things|from us"),
        ("shop", "with us|at our store|at the store|here"),
        ("purchase", "something|anything"),
        ("order", "something|anything|from us"),
    ],
    "visit": [
        (
            "come",
            "in|by|into "
            + STORE.replace("|", "|into ")
            + "|to "
            + STORE.replace("|", "|to ")
            + "|by "
            + STORE.replace("|", "|by ")
            + "|in to the store",
        ),
        (
            "drop",
            "by|in|by "
            + STORE.replace("|", "|by ")
            + "|into "
            + STORE.replace("|", "|into ")
            + "|in at the store|in at our store",
        ),
        ("stop", "by|in|by " + STORE.replace("|", "|by ") + "|in at the store"),
        ("pop", "in|by|into " + STORE.replace("|", "|into ")),
        ("swing", "by|by " + STORE.replace("|", "|by ")),
        ("walk", "in|into " + STORE.replace("|", "|into ")),
        ("go", "to " + STORE.replace("|", "|to ")),
        ("visit", STORE + "|in person"),
        ("show", "up|up at the store|up at our store"),
        ("pay", "us a visit|a visit|a visit to the store|the store a visit"),
    ],
    "inquiry": [
        ("reach", "out|out to us"),
        ("get", "in touch|in touch with us"),
        ("contact", "us"),
        ("ask", f"{ABOUT_PRICE}|{FOR_PRICE}|the price|the prices|a question|questions"),
        ("request", f"{PRICE}"),
        ("make", "an inquiry|inquiries|an enquiry|enquiries|contact"),
        ("send", "an inquiry|inquiries|an enquiry|us an inquiry"),
        ("inquire", f"{ABOUT_PRICE}|{FOR_PRICE}"),
        ("enquire", f"{ABOUT_PRICE}|{FOR_PRICE}"),
    ],
    "refund": [
        ("get", "a refund|refunds|refunded|their money back|any refund|any refunds"),
        ("receive", "a refund|refunds|any refund|any refunds"),
        ("request", "a refund|refunds"),
        ("ask", "for a refund|for refunds|for their money back"),
        (
            "return",
            "items|an item|something|products|an order|stuff|things|goods|a product|"
            "purchases|anything",
        ),
        (
            "have",
            "a refund|refunds|any refunds|any refund|their money refunded|an order refunded|"
            "orders refunded|their order refunded|something refunded|it refunded",
        ),
        ("get", "their money refunded|an order refunded|their order refunded|something refunded"),
    ],
    "cart": [
        (
            "add",
            "|".join(f"{obj} to {c}".strip() for obj in STUFF.split("|") for c in CART.split("|")),
        ),
        (
            "put",
            "|".join(
                f"{obj} in {c}".strip() for obj in STUFF.split("|")[1:] for c in CART.split("|")
            ),
        ),
    ],
}

_SURFACES: dict[str, Surfaces] = {
    "inquiry": Surfaces(
        strong=(
            "咨询|咨询过|询价|询过价|问价|问过价|问过|咨询了|有咨询|inquiry|inquiries|"
            "inquired|enquiry|enquiries|enquired|asked|made an inquiry|made inquiries|inquire|"
            "enquire|consulted|asked about prices|asked about the price|asked about price|"
            "asked for a quote|asked for prices|requested a quote|asked for a price|"
            "asked about|inquired about|enquired about|asking about|inquiring about|"
            "enquiring about|consulted about|made an inquiry about|made inquiries about|"
            "咨询了解过|了解过|询问|询问过|询问了|询过|询盘|有询盘|问过价钱|问过价格|"
            "reached out|reach out|reaches out|got in touch|get in touch|contacted us|"
            "made contact|asked a question|asked questions|asked for pricing|"
            "asked about pricing|price inquiry|price inquiries"
        ),
        weak=("问了|价|价钱|价格|about prices|about the price|about pricing|about price"),
        regional=(
            "查询过|有查询|有查询过|查询咗|问询|问询过|有问询|问过价格|问价格|问过价格的|"
            "打听过|打听过价格|询过价格"
        ),
        regional_weak="",
    ),
    "order": Surfaces(
        strong=(
            "下单|下过单|下了单|下过|订单|购买|购买过|买|买过|买了|成交|成交过|下单过|order|"
            "orders|ordered|purchase|purchases|purchased|bought|buy|buys|placed an order|"
            "placed orders|made a purchase|made purchases|placed|shopped|shopped with us|"
            "shopped at|shopped here|shop with us|落单|落过单|落了单|落咗单|落单过|落订|帮衬|"
            "帮衬过|订货|订过货|订了货|下订|下订过|下订单|付款|付过款|付了款|made an order|"
            "made orders|bought something|bought anything|bought stuff|placed any order|"
            "placed any orders"
        ),
        weak="单|笔|次单|下了|落过|落咗|单子",
        regional=(
            "订购|订购过|订购了|有订购|结账|结帐|结过账|结过帐|买单|买过单|埋单|埋过单|付钱|"
            "付过钱|付了钱|买嘢|买过嘢|买咗嘢|有买|有买过|帮衬咗|光顾过并下单|提交订单|"
            "提交过订单|提交了订单|提交过订单的|"
            # Taiwan 下過訂 / 下了訂 / 訂過 (訂 alone is the order: 還沒下過訂的)
            "下过订|下了订|下订了|有下订|有下过订|订过|订了"
        ),
        regional_weak="",
    ),
    "visit": Surfaces(
        strong=(
            "到店|到过店|来店|来过店|访问|访问过|到访|到访过|进店|去过店|去过门店|来过门店|"
            "到过门店|门店到访|逛过店|到门店|来门店|visit|visits|visited|came to the store|"
            "store visit|store visits|visited the store|visited our store|visited a store|"
            "visited the shop|visited our shop|came to the shop|went to the store|"
            "been to the store|in-store visit|in-store visits|walked in|门市|到过门市|"
            "来过门市|到门市|来门市|去过门市|来店里|到店里|进店里|来过店里|到过店里|进过店|"
            "进过门店|came into the store|came into the shop|came into store|came in|came by|"
            "came by the store|came by the shop|dropped by|dropped in|dropped by the store|"
            "dropped by the shop|stopped by|stopped in|stopped by the store|"
            "stopped by the shop|popped in|popped by|walked into the store|"
            "walked into the shop|came to our store|visited in person|showed up at the store|"
            "showed up|paid us a visit|paid a visit|paid a visit to the store|"
            "paid the store a visit|set foot in the store|set foot in our store|"
            "set foot in the shop|set foot in our shop|set foot in a store|stepped into the store|"
            "stepped into our store|stepped into the shop|been in the store|been into the store|"
            "been to our store|been to the shop|been to our shop|been in store|"
            # 来过store / 去过 showroom: the English noun in a Chinese frame (spaces are gone)
            + "|".join(
                f"{verb}{noun}"
                for verb in ("来过", "到过", "去过", "来", "到", "去", "进过", "逛过")
                for noun in ("store", "shop", "showroom", "the store", "the shop")
            )
        ),
        weak=("到了|来过|来了|到过|店|门店|the store|the shop|our store|our shop|in store"),
        regional=(
            "光临|光临过|来逛过店|逛过门店|逛过门市|逛店|来逛|来逛过|入过铺|入铺|入过店|入店|"
            "进过铺|来过铺头|到过铺头|上门|来过门市|"
            # HK / Taiwan: 上過門市 / 上門市 (went to the store), 去过门市
            "上过门市|上门市|去过门市|去门市|到过门市|到门市"
        ),
        regional_weak="铺|铺头|店铺|门口|逛过|逛",
    ),
    "cart": Surfaces(
        strong=(
            "加购|加购过|加购物车|加入购物车|加过购物车|加购了|cart|added to cart|add to cart|"
            "added to the cart|carted|added items to cart|加入过购物车|放进购物车|放入购物车|"
            "放到购物车|加进购物车|加到购物车|放进过购物车|加过购物车的|"
            "put something in their cart|put something in the cart|put things in their cart|"
            "put items in their cart|put in their cart|put in the cart|added to their cart|"
            "add to their cart|added to their carts|added something to their cart|"
            "added items to their cart|"
            # 加了购物车 / 加咗购物车 / 放进了购物车: the verb with its aspect, every way round
            + "|".join(
                f"{verb}{aspect}购物车"
                for verb in ("加", "加入", "放进", "放入", "放到", "加进", "加到")
                for aspect in ("了", "咗", "过")
            )
            + "|加过购|加了购|加咗购"
        ),
        weak="购物车",
        regional="",
        regional_weak="",
    ),
    "refund": Surfaces(
        strong=(
            "退款|退过款|退货|退过货|退了款|refund|refunds|refunded|returned|"
            "requested a refund|asked for a refund|returned items|returned an item|"
            "returned products|requested refunds|asked for refunds|got refunds|"
            "received refunds|gotten a refund|got a refund|received a refund|got refunded|"
            "were refunded|was refunded|got their money back|returned something|"
            "asked for their money back|退款过|退货过|退钱|退过钱"
        ),
        weak="退过|退了|退|款",
        regional=(
            "申请退款|申请了退款|申请过退款|申请退货|申请过退货|申请了退货|退过单|退单|退咗款|"
            "退咗货"
        ),
        regional_weak="",
    ),
}

EVENT_WORDS: dict[str, EventWords] = {
    "inquiry": EventWords(
        ("有咨询", "未咨询", "咨询"),
        ("inquired", "did not inquire", "inquiries"),
        (
            "咨询过",
            "没咨询过",
            "咨询",
            "inquired about",
            "did not inquire about",
            "inquiries about",
        ),
        ("咨询", "inquiry"),
        "inquiries",
        _SURFACES["inquiry"],
    ),
    "order": EventWords(
        ("下过单", "未下单", "下单"),
        ("ordered", "did not order", "orders"),
        ("买过", "没买过", "购买", "bought", "did not buy", "purchases"),
        ("下单", "order"),
        "orders",
        _SURFACES["order"],
    ),
    "visit": EventWords(
        ("到过店", "未到店", "到店"),
        ("visited", "did not visit", "visits"),
        ("到店看过", "没到店看过", "到店看", "visited for", "did not visit for", "visits for"),
        ("到店", "visit"),
        "visits",
        _SURFACES["visit"],
    ),
    "cart": EventWords(
        ("加购过", "未加购", "加购"),
        ("added to cart", "did not add to cart", "add-to-carts"),
        ("加购过", "没加购过", "加购", "added to cart", "did not add to cart", "add-to-carts of"),
        ("加购", "add to cart"),
        "cart adds",
        _SURFACES["cart"],
    ),
    "refund": EventWords(
        ("退过款", "未退款", "退款"),
        ("refunded", "did not refund", "refunds"),
        ("退过", "没退过", "退", "refunded", "did not refund", "refunds of"),
        ("退款", "refund"),
        "refunds",
        _SURFACES["refund"],
    ),
}


def event_words(kind: str) -> EventWords:
    """The table's words for `kind`; for a deployment's own kind, words built from its name."""
    found = EVENT_WORDS.get(kind)
    if found is not None:
        return found
    return EventWords(
        (f"有过{kind}", f"没有过{kind}", kind),
        (f"had a {kind} event", f"had no {kind} event", f"{kind} events"),
        (f"有过{kind}", f"没有过{kind}", kind, f"had a {kind} event about",
         f"had no {kind} event about", f"{kind} events about"),
        (kind, kind),
        f"× {kind}",
        Surfaces(""),
    )  # fmt: skip
