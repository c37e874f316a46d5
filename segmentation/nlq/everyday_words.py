"""Everyday words the blind set s21-1 exposed (issue 19): closed lists the lexicon adds with
`_more` (a surface already meaning something else fails at import, so none shadows a word),
each a category in every register — zh-Hans, Taiwan and HK forms (Cantonese 嚟/咗 arrive as
来/了), English.

- Events, only spec §2's five kinds: the verbs of putting goods in the cart (丢进/扔进/塞进/
  摆入 购物车, "carted items"), of a refund (办过退款, 办理退货, 退回来, 退返), of a visit
  (来门市晃过, 行过铺头, 行店), of an inquiry (问过几钱, 问多少钱, "asked how much").
- Comparisons: 逾 (exceeds: 逾1000, 逾万), "is in excess of" (the copula said before it).
- The noun of being added ("among Oct adds", "new joiners") and of an event's doer
  ("today's carters", "refunders", "purchasers").
- Request lead-ins said as a condition on the helper, not on the customers: 有时间的话,
  有時間嘅話, 方便帮我…吗, 方唔方便, "if you have time", "when you're free".
"""

from __future__ import annotations

from typing import Any

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.token_kinds import K


def joined(*parts: tuple[str, ...]) -> str:
    """Every combination of the parts, in order, as "|"-separated surfaces (the word lists
    of own_words and slang_words build theirs with it too)."""
    out = [""]
    for options in parts:
        out = [a + b for a in out for b in options]
    return "|".join(dict.fromkeys(w for w in out if w))


_ASPECT = ("", "了", "过", "咗")
_CART = ("购物车", "购物篮", "购物袋")
_PUT = ("丢", "扔", "塞", "摆", "装", "放", "加")
# 行 (Cantonese: walk) and 晃 (Taiwan: wander) only with the shop after them: 行 alone is "OK".
_TOWARDS = ("来", "过来", "进", "进来", "入来")
_SHOP = ("铺头", "铺", "店", "门店", "门市", "店铺", "店里", "铺头度")

# (kind, value, "|"-separated surfaces)
WORDS: list[tuple[K, Any, str]] = [
    # ---- cart: any putting verb into the cart (把东西丢进购物车, 擺咗嘢入購物車 — the goods
    # between are read by plain_words)
    (
        K.EVENT,
        "cart",
        joined(("丢", "扔", "塞", "摆", "装", "放", "加"), _ASPECT, ("进", "入", "到", "落"), _CART)
        + "|carted items|carted stuff|carted things|carted something|carted products|"
        "carted goods|carted anything|carted an item|carted it|carted them",
    ),
    # ---- refund: 办(理)过退款, 退回来 (sent back), Cantonese 退返/退翻 (back)
    (
        K.EVENT,
        "refund",
        joined(("办", "办理", "办了", "办过", "办咗", "办理过", "办理了"), ("退款", "退货"))
        + "|"
        + joined(("退回", "退返", "退翻", "退了回", "退过回"), ("", "来", "去"), ("", "过", "了"))
        + "|退返货|退返钱|退翻货|退翻钱|退返嘢|退翻嘢",
    ),
    # ---- visit: 晃 (wander in), 行 (Cantonese walk) with the shop
    (
        K.EVENT,
        "visit",
        joined(("来", "到", "去", ""), _SHOP, ("晃过", "晃了", "晃晃", "晃一晃", "晃一下", "晃"))
        + "|"
        + joined(("来晃", "来晃过", "来晃晃", "过来晃", "过来晃过", "来晃了"))
        + "|"
        + joined(("行", "行过", "行了", "行入", "行入过", "行进", "行进过", "行埋"), _SHOP)
        + "|"
        # walked over to the shop (行过嚟舖头, 行过来店里): the way there said before it
        + joined(
            ("行", "行过", "行了", "走", "走过", "走了"),
            ("来", "过来", "进", "进来", "入来"),
            _SHOP,
        )
        + "|swung by the store|swung by the shop|swung by our store|swung in|swing by",
    ),
    # after the shop word already read (来门市 晃过): the verb alone says the same visit
    (K.EVENT, "visit:weak", "晃过|晃了|晃晃|晃一晃|晃了一圈|晃过一圈|逛了一圈|逛过一圈"),
    # ---- inquiry: asking what it costs
    (
        K.EVENT,
        "inquiry",
        joined(
            ("问", "问过", "问了", "问咗", "来问", "有问", "有问过", "打听", "打听过"),
            ("几钱", "几多钱", "多少钱", "下几钱", "下价", "下价钱", "价钱", "几银"),
        )
        + "|asked how much|asked how much it costs|asked how much it is|asked how much it was|"
        "asked how much things cost|asked the price|asked prices|asked for the price|"
        "inquired how much|enquired how much|asked what it costs|asked what things cost",
    ),
    # ---- comparisons: 逾 (exceeds), and the copula before "in excess of"
    (
        K.CMP,
        (">", "pre"),
        "逾|超逾|is in excess of|are in excess of|was in excess of|"
        "were in excess of|be in excess of|is north of|are north of|is upwards of|are upwards of",
    ),
    # 1000起跳 (from 1000 up), as 起步 / 打底
    (K.CMP, (">=", "post"), "起跳|往上跳"),
    # ---- the added customers as a noun (Oct adds = added in October); "signups" stays asked
    # as "signed up" is (joining a list is not being added by staff)
    (
        K.NEW,
        True,
        "adds|new adds|recent adds|latest adds|joiners|new joiners|joins|new joins|newcomers",
    ),
    # ---- the doers of an event ("of today's carters"): as visitors / inquirers are
    (K.EVENT, "cart", "carters|cart adders|cart-adders|basket adders"),
    (K.EVENT, "refund", "refunders|refundees"),
    (K.EVENT, "order", "purchasers|orderers"),
    # ---- request lead-ins: a condition on the helper's time, not on the customers
    (
        K.FILLER,
        "wrapper",
        joined(
            ("", "如果", "要是", "若"),
            ("有时间", "有空", "得闲", "方便", "唔忙", "不忙", "有时间帮我", "有空帮我"),
            ("的话", "嘅话", "的时候", "嘅时候", "时"),
        )
        + "|方便帮我|方便帮忙|方便帮手|方便同我|方便给我|方便你帮我|方便您帮我|方便请你|"
        "方不方便|方唔方便|方不方便帮我|方唔方便帮我|方唔方便同我|得唔得闲|得唔得闲帮我|"
        "有没有时间|有冇时间|有没有空|有冇空|有时间吗|有空吗|有空嘛|得闲吗|得闲唔得闲|"
        "if you have time|if you've got time|if you got time|if you have the time|"
        "if u have time|if you have a moment|if you have a minute|if you have a sec|"
        "if you get a chance|if you get the chance|if you're free|if you are free|"
        "when you're free|when you are free|when you have time|when you've got time|"
        "if time permits|time permitting|whenever you're free",
    ),
]


# 不下N (written: no fewer than N, 下过不下三次单): at least, only before a number — 不下单 and
# 一单都不下 stay "does not order".
_NOT_BELOW = lazy_pattern(r"不下(?:于|於)?(?=\s*(?:\d|[一二两三四五六七八九十百千万]))")
# Not over (消费唔过一千, 落单不过两次, 冇过五百蚊): 唔/不/冇/没/未 + 过 before an amount or a
# count is at most, as 不超过 says — only before a number that no time unit follows: 不过 is
# "but" before anything else (VIP，不过30天内没下单 / 不过近30天没下单 keep the clause word).
_NOT_OVER = lazy_pattern(
    # 一 in a word is no number (不过一定要是 = "but it must be"; 不过一直没下单 = "but never")
    r"(?:唔|不|冇|没有|没|未)过(?!\s*一(?:定|直|起|样|些|下|般|切|向|律|共|齐))"
    r"(?=\s*(?:[¥￥$＄]|rmb|cny)?\s*"
    r"(?>\d[\d.]*|[零一二两三四五六七八九十百][零一二两三四五六七八九十百千万]*)\s*(?:[kw万千]\s*)?"
    r"(?!\s*(?:个|個)?\s*(?:天|日|号|月|周|星期|礼拜|年|小时|钟头|点|分钟|季|[.\-/]\d|days?\b|"
    r"weeks?\b|months?\b|years?\b|hours?\b)))"
)
# Cantonese 埋 after a request verb with what it acts on ("export埋上個月嚟過舖頭嘅客", "導出埋
# VIP"): the particle adds nothing. Only after export / save / send verbs and before more words
# (a bare "匯出埋" is the also-request on the last answer, also_words.py); 睇埋 / 加埋 (also
# look at / add) widen a follow-up and are never dropped. 埋单 / 埋数 are words of their own.
_PARTICLE_MAI = lazy_pattern(
    r"(?:(?<=export)|(?<=download)|(?<=导出)|(?<=汇出)|(?<=下载)|(?<=save)|(?<=保存)|"
    r"(?<=send)|(?<=push)|(?<=推送)|(?<=群发))埋(?=\s*[^\s单数位便吧啦喇吖呀啊])"
)


# A send counted by the wave or the round (那波讯息, 上一波群发, 这轮券, 呢轮推送): one time it
# ran, as 那次 / 上次 say — only before what a campaign sends, never of customers (那波客户).
_SEND_MEASURE = lazy_pattern(
    r"(那|这|呢|嗰|上|上一|最近一|前一)(?:波|轮)(?=\s*(?:的|嘅)?\s*(?:群发|推送|消息|讯息|信息|短信|"
    r"活动|优惠券|券|message|msg))"
)


# Added with a direction after it (群聊加入嚟嘅, 新加返嚟嘅客, 经抖音个码加入进来的; Cantonese 嚟
# arrives as 来): added, as 加入的 / 加的 say.
# (加进来 / 加过来 are words of their own already)
_ADDED_COMING = lazy_pattern(r"加(入|返|番)(?:进来|过来|来)(?=\s*(?:的|嘅|$|[,，;；]))")


# Someone's own (王五自己嘅, 张三自己的): whose, as 王五的 says — never 我自己 (my own: the
# lexicon's) nor 自己 alone.
_OWN_OF = lazy_pattern(r"(?<=[\u4e00-\u9fffa-z])(?<![我咱俺们們哋])自己(?=的|嘅)")


def everyday_rewrites(norm: str) -> str:
    """`norm` (normalised) with 不下N read as 不少于N, a Cantonese 埋 after a request verb
    dropped, and a send counted by the wave (那波讯息) by the time (那次讯息)."""
    norm = _NOT_BELOW.sub("不少于", norm)
    norm = _NOT_OVER.sub("不超过", norm)
    norm = _SEND_MEASURE.sub(lambda m: m.group(1) + "次", norm)
    norm = _OWN_OF.sub("", norm)
    norm = _ADDED_COMING.sub(lambda m: "加入" if m.group(1) == "入" else "加", norm)
    return _PARTICLE_MAI.sub("", norm)
