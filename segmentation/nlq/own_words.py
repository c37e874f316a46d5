"""Event words of the salespeople's own (issue 19, blind s26-1): closed lists the lexicon adds
with `_more` (a surface already meaning something else fails at import, so none shadows a
word), each a category in every register — zh-Hans, Taiwan and HK forms (Cantonese 嚟/咗
arrive as 来/了), English and English verbs with a Chinese aspect.

- Paying is ordering (the spec has no payment event): 掏腰包, 掏钱, 下手 (不下手: never buys),
  扫货 (a shopping spree), 有订 + product (Taiwan 訂), "shelled out", "forked out", "picked up"
  (+ a product), "splashed out".
- Coming to the shop: 打卡 with the shop said (来店里打过卡; 打卡 alone may be any check-in
  and stays asked), 进来店里 (with the shop only: 进来 alone is being added), 晃 at the shop.
- Leaving with nothing is no order: 没带东西走, 空手走, "left empty-handed" (a rewrite).
- The cart said without a preposition (丢购物车里, 放在购物车) or the goods "sitting" there.
- A refund said with an English verb and a Chinese aspect (return 过货, return过).
- Asking the salesperson: "asked me for prices", "DMed me", "texted me" (who was asked is no
  owner, as "hit me up" and "messaged me" are not; "called us" says no question: asked).
  The Chinese channel before an asking verb (私信问过价, 敲我問價錢, pm我問價, 傳訊息來詢問)
  is dropped by `own_words_read`.
"""

from __future__ import annotations

from typing import Any

from segmentation.kinds.event_words import ABOUT_PRICE, FOR_PRICE
from segmentation.nlq.everyday_words import joined
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.plain_words import outside_quotes
from segmentation.nlq.token_kinds import K

_ASPECT = ("", "了", "过")
_CART = ("购物车", "购物篮", "购物袋")
_IN_CART = ("", "里", "里面", "度", "入面", "内")
_GOODS_EN = ("items", "stuff", "things", "something", "products", "goods", "an item", "it")
_CART_EN = ("their cart", "the cart", "cart", "their carts", "their basket", "the basket")

# (kind, value, "|"-separated surfaces)
WORDS: list[tuple[K, Any, str]] = [
    # ---- order: paying, buying colloquially
    (
        K.EVENT,
        "order",
        joined(("掏", "掏了", "掏过"), ("腰包", "荷包", "钱", "钱买", "钱买过", "钱买了"))
        + "|"
        + joined(("", "有", "来"), ("扫货", "扫过货", "扫了货", "扫下货", "扫一波货"))
        + "|下手|下过手|下了手|有下手|出手|出过手|出了手|有出手|有订|订左|"
        "shelled out|shell out|shells out|shelling out|has shelled out|have shelled out|"
        "forked out|fork out|forks out|forked over|splashed out|splashed out on|"
        "picked up|have picked up|has picked up|shelled out for|forked out for|paid for|"
        "snapped up|have snapped up|has snapped up",
    ),
    # ---- visit: checking in at the shop, coming in with the shop said
    (
        K.EVENT,
        "visit",
        joined(
            ("来店里", "来店", "到店", "到店里", "来门市", "到门市", "来铺头", "上铺头", "去店里"),
            ("打卡", "打过卡", "打了卡", "打个卡"),
        )
        + "|"
        + joined(
            ("进来", "走进来", "走进", "行进"),
            ("店里", "店", "门店", "门市", "铺头", "铺"),
            ("", "逛", "逛过", "逛逛", "看", "看过", "看看"),
        )
        + "|来店里晃|来店晃|来门市晃|来店里晃过|来门市晃过|来店里晃晃|到店里晃晃|"
        + joined(
            ("checked in ", "check in ", "checks in ", "checking in "),
            ("at ", "to "),
            ("the store", "the shop", "our store", "our shop", "the showroom"),
        ),
    ),
    # ---- cart: put there without a preposition (丢购物车里, 放在购物车, 扔購物車)
    (
        K.EVENT,
        "cart",
        joined(("丢", "扔", "塞", "放", "摆", "留"), _ASPECT, ("", "在", "喺"), _CART, _IN_CART)
        + "|"
        + joined(
            ("left ", "leave ", "leaves ", "leaving ", "have left ", "has left "),
            tuple(f"{g} " for g in _GOODS_EN),
            ("sitting in ", "in ", "sitting in ", "lying in "),
            _CART_EN,
        )
        + "|"
        + joined(
            (*(f"{g} " for g in _GOODS_EN), ""),
            ("sitting in ", "lying in ", "sat in ", "left in ", "still in "),
            _CART_EN,
        ),
    ),
    # ---- refund: an English verb with a Chinese aspect or object (return 过货, returned过)
    (
        K.EVENT,
        "refund",
        joined(("return", "returned"), ("过", "了", "咗"), ("", "货", "单", "东西")),
    ),
    # ---- inquiry: the salesperson asked (who was asked is no owner)
    (
        K.EVENT,
        "inquiry",
        joined(
            ("asked ", "ask ", "asks ", "asking ", "has asked ", "have asked "),
            ("me ", "us "),
            tuple(FOR_PRICE.split("|")) + tuple(ABOUT_PRICE.split("|")),
        )
        + "|"
        + joined(
            ("dmed ", "dm'd ", "texted ", "whatsapped ", "wechatted "),
            ("me", "us"),
        )
        + "|sent me a message|sent us a message|sent me a dm|sent me a pm",
    ),
]

# What kind of people they are, asked of a segment (金卡客户都是些啥人, 是怎樣的一群人, 係咩人嚟,
# 係乜嘢人): a description, as 都是些什么人 is. Only with the copula before it (是/系/都是), so
# 啥人 alone stays a word to ask about.
_WHAT_PEOPLE = (
    "些啥人", "啥人", "些什么人", "什么样的一群人", "怎样的一群人", "怎么样的一群人",
    "怎样的人", "怎么样的人", "啥样的人", "哪类人", "哪种人", "什么类型的人",
    "咩人", "咩人来", "乜人", "乜嘢人", "乜嘢人来", "咩样的人", "咩样嘅人", "点样的人",
    "点样嘅人", "边类人", "咩类型嘅人", "一班咩人", "一班乜嘢人", "啲咩人", "啲乜嘢人", "啲乜人",
    "一群什么样的人", "一群怎样的人", "一群怎么样的人", "一群啥样的人", "一班点样嘅人",
)  # fmt: skip
DESCRIBE_WORDS = joined(("是", "都是", "系", "都系", "究竟是", "到底是", "究竟系"), _WHAT_PEOPLE)
WORDS.append((K.INTENT, "describe", DESCRIBE_WORDS))
# Whose book customers are in, said before a colleague's name ("accounts that sit with Li Si",
# "customers sitting with wangwu", "on the books of Zhao Liu"): the name is the owner, as
# "handled by" and "with" say; the words are glue.
WORDS.append(
    (
        K.FILLER,
        True,
        joined(("", "that ", "which ", "who "), ("sit with", "sits with", "sat with"))
        + "|sitting with|that are with|which are with|who are with|that belong to|"
        "which belong to|who belong to|belong to|belongs to|on the books of|in the book of|"
        "in the portfolio of|that fall under|falling under|fall under",
    )
)
# The tagging verb said bare before a tag's name (挂VIP的, 貼待跟進的, 标VIP的: TW/HK, loosely):
# tagged, as 挂了 / 贴上 are; 打 alone is too many other verbs (打电话): only 打X标签的 (below).
WORDS.append((K.TAGWORD, True, "挂|贴|标"))
# A heap of people pointed at (嗰堆客 → 那堆客, 呢堆人): those, as 那班 / 那批 are.
WORDS.append((K.THIS, True, "那堆|这堆|呢堆"))

# A channel or a person said before an asking verb (私信问过价, 私聊咨询过, 敲我問價錢, pm我問價,
# 傳訊息來詢問, 打电话来问过, 找我退过钱): how the customer asked, no condition; the verb after it
# is the event. 敲 / 找 / 揾 only with a person after them (找问过价的 is "find …").
_CONTACT_CHANNEL = lazy_pattern(
    r"(?:(?:用|通过|透过|经|在)\s*)?(?:(?:ig|fb|instagram|facebook|messenger)\s*)?"
    r"(?:(?:发|传)?(?:私信|私讯|私聊|短信|消息|信息|讯息|微信|wechat|whatsapp|line)|留言|打电话|"
    r"打过电话|来电|致电|电话|(?<![a-z])(?:pm|dm|inbox|ig))\s*(?:过|了|给)?\s*(?:我们|我哋|我地|我)?"
    r"(?:来|过来)?\s*(?=问|询|咨询|查询|打听)"
    r"|(?:敲|找|揾|(?<![a-z])(?:call|text|ping))\s*(?:过|了)?\s*(?:我们|我哋|我地|我)(?:来|过来)?\s*"
    r"(?=问|询|咨询|查询|打听|退)"
)

# Doing it all along (一直在问价, 一直都在加购, "kept adding to cart", "keeps asking about prices"):
# the event performed (in the window said), as the verb alone. 常常 / 成日 / "often" are vague
# counts and stay asked; 一直没 / 一直都没 (all along not) are "yet" and never reach here.
_KEPT_DOING = lazy_pattern(
    r"一直(?:都)?(?:在|有|喺度|喺)?(?=问|询|咨询|查询|加购|加入购物车|加购物车|逛|来店|到店|来门市|看)"
    r"|(?<![a-z])(?:kept|keeps|keep|has kept|have kept)\s+(?:on\s+)?"
    r"(?=(?:adding|asking|inquiring|enquiring|coming|visiting|dropping|messaging)(?![a-z]))"
)


# Leaving with nothing is no order (沒帶東西走, 冇買嘢走, 空手走, "left empty-handed"): the
# negated order the grammar reads, 没买 / "didn't buy".
_EMPTY_HANDED_ZH = lazy_pattern(
    r"(?:没|冇|未|唔)(?:有)?(?:带|拎|拿|买)(?:走)?(?:任何|啲|些|一些|什么)?(?:东西|嘢|货|野)走"
    r"|空手(?:走|离开|而归|而回|出去|返)(?:了|咗)?"
)
_EMPTY_HANDED_EN = lazy_pattern(
    r"(?<![a-z])(?:left|walked out|went away|went home)\s+(?:empty[- ]handed|with nothing|"
    r"without buying(?:\s+anything)?)(?![a-z])"
)


# 打 + a tag's name + 标签 + 的 (打金卡标签的客户): a condition, tagged, as 打上 says — never the
# tag action (给…打金卡标签, with whom before it and no 的 after).
_TAGGED_BARE = lazy_pattern(
    r"(?<![给为把将帮替同])打(?![上了过个咗])(?=[^,，、的嘅给]{1,12}?(?:标签|tag)(?:的|嘅))"
)

# HK "X有找" (a thousand with change back: 一千蚊有找) after an amount is "at most X", 以下.
_WITH_CHANGE = lazy_pattern(r"(?<=[\d一二两三四五六七八九十百千万kK蚊元块钱])\s*有找")

# 查询 (query) is the list verb; with a count of times after it (查詢超過三次, 查询过3次以上) it is
# the inquiry asked about — unless another event follows the count (查询超过3次下单的: a list of
# who ordered more than 3 times).
_QUERY_COUNTED = lazy_pattern(
    r"查询(?=(?:了|过)?\s*(?:超过|多于|大于|高于|不少于|至少|起码|少于|不到|不足|低于|不止|不超过|"
    r"最多|多过|少过)?\s*[\d一二两三四五六七八九十几]+\s*(?:次|回|趟|遍)"
    r"(?!\s*(?:以上|以下|或以上|或以下)?\s*(?:的|嘅)?\s*(?:下单|下过单|购买|买|到店|来店|退|加购|订单|"
    r"落单|消费)))"
)

# The verb said twice around 了又 (加了又加, 买了又买, 问了又问, 来了又来: again and again): the
# event performed, as the verb with 过 — how many times is not said (a count would be a guess).
_AGAIN_AND_AGAIN = lazy_pattern(r"(?P<v>加购|加|买|问|来|逛|退|订)了又(?P=v)")
_AGAIN_READ = {"加": "加购过", "加购": "加购过", "来": "来过店"}

# An English price word before a Chinese asking verb (price 问了 2 回以上, prices 问过): the
# price asked, as 价 before the verb (价问了…) — the verb and its count read as ever.
_PRICE_BEFORE_ASK = lazy_pattern(r"(?<![a-z])(?:price|prices|pricing)\s*(?=问|询)")

# English "just the once" / "only the once" (bought just the once): exactly once.
_JUST_THE_ONCE = lazy_pattern(r"(?<![a-z])(?:just|only)\s+the\s+once(?![a-z])")


# 标 (mark) after a negation before a tag's name (沒標VIP的): 没打, the negated tag verb the
# lexicon reads — 没标签 (no tag at all) keeps its word.
_NOT_MARKED = lazy_pattern(r"(?<=[没未冇])标(?![签记注为成上过了])")


# "what are my VIPs like", "what're the Shanghai ones like": a description of them.
_WHAT_LIKE = lazy_pattern(
    r"^\s*(?:so\s+|and\s+)?what\s*(?:are|r|'re)\s+(?!(?:they|them|these|those|these\s+ones|"
    r"those\s+ones)\s)(?P<x>.+?)\s+(?:really\s+)?like\s*[?？.!]*$"
)


def _rewrite(part: str) -> str:
    part = _CONTACT_CHANNEL.sub("", part)
    part = _KEPT_DOING.sub("", part)
    part = _TAGGED_BARE.sub("打上", part)
    part = _NOT_MARKED.sub("打", part)
    part = _WITH_CHANGE.sub("以下", part)
    part = _QUERY_COUNTED.sub("咨询", part)
    part = _AGAIN_AND_AGAIN.sub(lambda m: _AGAIN_READ.get(m["v"], m["v"] + "过"), part)
    part = _PRICE_BEFORE_ASK.sub("价", part)
    part = _JUST_THE_ONCE.sub("exactly once", part)
    part = _WHAT_LIKE.sub(lambda m: f"describe {m['x']}", part)
    return _EMPTY_HANDED_EN.sub("didn't buy", _EMPTY_HANDED_ZH.sub("没买", part))


def own_words_read(norm: str) -> str:
    """`norm` without the channel said before an asking verb and with leaving the shop with
    nothing said as not buying; quoted text untouched."""
    return outside_quotes(norm, _rewrite)
