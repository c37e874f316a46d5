"""Event, spend and owner words of the salespeople's own (issue 19, blind s27-1): closed lists
the lexicon adds with `_more` (a surface already meaning something else fails at import, so
none shadows a word), each a category in every register — zh-Hans, Taiwan and HK forms
(Cantonese 嚟/咗/俾 arrive as 来/了/给), English and English words in a Chinese frame.

- Inquiry: 询单 (an inquiry about an order, the e-commerce word: 询过单 is never "inquired AND
  ordered"), 报价 asked for (要报价, 找我要过报价, 问报价, 索取报价), "quote request(s)",
  "DMed" (a direct message to the salesperson is a question asked, as "DMed us" is).
- Order: 开单 (a deal opened), 结单 (Taiwan: checked out), 败家 (splurged), HK 过数 (paid us),
  "closed a deal" (in every tense).
- Cart: 往购物车里塞 / 放 (the cart said before the verb), 摆入 / 放进 cart (the English noun).
- New: 新加(上)微信 / 刚加好友 (the WeCom friend added), 新add, "fresh adds", "new adds".
- Refund: 走(过)退货流程 (went through the return process), 办(过)退费, "returns" (the noun).
- Spend: 砸 (钱), 贡献(的)业绩, 才花了 (only spent), 平均每张单使 (the average said with 使),
  在我们这 / HK 喺度 (here: no condition), 退费金额 (the money refunded).
- Owner: 盘子 (one's book: lexicon.OWNER_PLACES), 我们 sales team / 销售团队 (the asker's team).

Rewrites before the lexicon (`slang_read`): the channel said before asking for a quote
(私讯来要报价: the asking is the event), a paying verb with an amount after it ("forked out at
least 1500" is spend, not an order), 单均 before an amount (每单平均: the average order).
"""

from __future__ import annotations

from typing import Any

from segmentation.nlq.everyday_words import joined
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.plain_words import outside_quotes
from segmentation.nlq.token_kinds import K

_ASPECT = ("", "了", "过", "咗")
_HAS = ("", "有", "有过")
_QUOTE = ("报价", "报价单", "价", "价格", "价钱")
_CART = ("购物车", "cart", "购物篮", "购物袋")
_PUT = ("塞", "放", "丢", "扔", "加", "摆", "装")
_WECHAT = ("微信", "好友", "微信好友", "企微", "企业微信", "wechat", "wx")
# What a customer is added on (新加上微信的): never a tag put on them (intents_extra)
WECHAT_WORDS = frozenset(_WECHAT) | {f"{w}的" for w in _WECHAT} | {f"{w}嘅" for w in _WECHAT}
_US = ("", "给我们", "给我", "给我哋", "给公司")

# (kind, value, "|"-separated surfaces)
WORDS: list[tuple[K, Any, str]] = [
    # ---- inquiry: 询单, a quote asked for, "quote request", "DMed"
    (
        K.EVENT,
        "inquiry",
        joined(_HAS, ("询",), _ASPECT, ("单", "单子"))
        + "|询单过|"
        + joined(("要", "问", "拿", "索取", "索要", "申请", "讨"), _ASPECT, ("报价", "报价单"))
        + "|"
        + joined(
            ("找", "问", "揾", "敲", "call", "pm", "dm"),
            ("我", "我们", "我哋", "我地"),
            ("要", "拿", "攞", "讨"),
            _ASPECT,
            _QUOTE,
        )
        + "|"
        + joined(("quote", "price", "pricing", "quotation"), (" request", " requests"))
        + "|requested quotes|requested a quotation|asked for quotes|asked for a quotation|"
        "dmed|dm'd|dm-ed|dmed us|dmed me|pmed|pm'd|pmed us|pmed me|inboxed|inboxed us|"
        "inboxed me",
    ),
    # ---- order: 开单, 结单 (Taiwan checkout), 败家, HK 过数, "closed a deal"
    (
        K.EVENT,
        "order",
        joined(_HAS, ("开",), _ASPECT, ("单", "单子"))
        + "|开单过|"
        + joined(_HAS, ("结",), _ASPECT, ("单",))
        + "|"
        + joined(_HAS, ("败家", "败过家", "败了家", "败咗家"))
        + "|"
        + joined(("过数", "过过数", "过了数", "有过数"), ("给我们", "给我", "给我哋", "给公司"))
        + "|过过数|过了数|过咗数|"
        + joined(
            ("closed", "close", "closes", "closing", "sealed", "seal", "signed", "sign"),
            (
                " a deal",
                " deal",
                " deals",
                " the deal",
                " a sale",
                " a deal with us",
                " deals with us",
            ),
        )
        + "|closed with us|deal closed|deals closed",
    ),
    # ---- cart: the cart said before the putting verb, the English noun after it
    (
        K.EVENT,
        "cart",
        joined(
            ("往", "向", "在"),
            _CART,
            ("", "里", "里面", "入面", "度"),
            _PUT,
            _ASPECT,
            ("", "东西", "嘢", "货", "商品"),
        )
        + "|"
        + joined(_PUT, _ASPECT, ("进", "入", "到", "落"), ("cart", "the cart", "basket")),
    ),
    # ---- new: the WeCom friend just added, 新add, "fresh adds"
    (
        K.NEW,
        True,
        joined(
            ("新", "刚", "刚刚", "才", "啱", "啱啱", "新近"),
            ("加", "加了", "加上", "加上了", "添加", "添加了", "加咗", "加咗"),
            _WECHAT,
        )
        + "|"
        + joined(("新",), ("add", "adds", "add了", "add咗", "added", "加入"))
        + "|new add|fresh add|fresh adds|freshly added|brand new adds|recent adds|latest adds",
    ),
    # ---- refund: the return process gone through, 退费 handled, "returns" (the noun)
    (
        K.EVENT,
        "refund",
        joined(
            ("走", "走过", "走了", "走咗", "跑", "跑过", "跑了"),
            ("退货", "退款", "退费", "退换货", "退单"),
            ("", "流程", "手续", "程序"),
        )
        + "|"
        + joined(("办", "办过", "办了", "办咗", "办理", "办理过", "办理了"), ("退费", "退钱"))
        + "|returns|made returns|made a return|had returns|had a return|any returns",
    ),
    # ---- spend: 砸 (钱), 贡献业绩, 才花了, the average said with 使
    (
        K.SPEND,
        True,
        joined(("砸",), ("", "了", "过", "咗", "下"), ("", "钱"))
        + "|"
        + joined(
            ("", "累计", "总共", "一共"), ("贡献",), ("", "了", "过", "咗"), ("", "的"), ("业绩",)
        )
        + "|业绩贡献|带来业绩|带来的业绩|贡献营收|营收贡献|"
        + joined(("总共", "一共", "累计", "合共", ""), ("才",), ("花", "使", "消费"), _ASPECT),
    ),
    (
        K.SPEND,
        "aov",
        joined(
            ("平均每张单", "平均一张单", "平均每笔", "平均每单", "每张单平均"),
            ("使", "使了", "花", "花了"),
        ),
    ),
    (
        K.SPEND,
        "refund",
        joined(("退费", "退钱", "退费的", "退钱的"), ("金额", "总额", "总金额", "额"))
        + "|累计退费|累计退钱|退费累计|退钱累计",
    ),
    # ---- buying again said the HK way (翻头再买, 返嚟再帮衬): the repeat buyers the spec does
    # not define, asked back as 回购 / 复购 are (lexicon "repeat")
    (
        K.UNSUPPORTED,
        "repeat",
        joined(
            ("翻头", "翻头再", "返来再", "再返来", "又返来", "又翻头"),
            ("买", "买嘢", "帮衬", "光顾"),
        )
        + "|came back to buy|come back to buy|came back and bought|bought again|buy again",
    ),
    # ---- here (在我们这砸了…, HK 喺度使咗…): where they spent, no condition
    (
        K.FILLER,
        True,
        joined(("在", "喺"), ("我们", "我哋", "我地"), ("这", "这里", "这儿", "这边", "度", "店里"))
        + "|喺度|在度",
    ),
    # ---- the asker's team said as the sales team (我哋 sales team, 我们销售团队)
    (
        K.MYDEPT,
        True,
        joined(
            ("我们", "我哋", "我地", "咱们", "我们的", "我哋嘅"),
            ("sales team", "销售团队", "销售组", "销售部", "sales组", "销售小组"),
        )
        + "|our sales team|our sales dept|our sales department|my sales dept",
    ),
]

# The channel said before asking for a quote (私讯来要报价, inbox我要报价, DM 过来要价): how the
# customer asked; the asking after it is the event.
_CHANNEL_BEFORE_QUOTE = lazy_pattern(
    r"(?:(?:发|传)?(?:私信|私讯|私聊|短信|消息|信息|讯息|微信|留言)|打电话|打过电话|"
    r"(?<![a-z])(?:pm|dm|inbox|ig|whatsapp|line))\s*(?:过|了)?\s*(?:我们|我哋|我地|我)?"
    r"\s*(?:来|过来)?\s*(?=(?:要|问|拿|索取|索要)(?:过|了)?(?:报价|价))"
)
# "DMed … asking for pricing": the DM and the asking are one inquiry.
_DM_ASKING = lazy_pattern(
    r"(?<![a-z])(?:dmed|dm'd|pmed|pm'd|inboxed|messaged|texted)(?:\s+(?:us|me))?\s+(?=asking\b)"
)
# A paying verb with an amount after it ("forked out at least 1500", "shelled out over 2k"):
# the spend, as "spent" — alone they stay an order.
_PAID_AMOUNT = lazy_pattern(
    r"(?<![a-z])(?:forked out|forked over|shelled out|splashed out|coughed up)"
    r"(?=\s*(?:at least|at most|over|more than|less than|under|above|below|north of|upwards of|"
    r"no more than|no less than|between|a total of|¥|\$|rmb|\d))"
)
# 单均 before an amount (单均500以上, 单均过千): 每单平均, the average order; alone it stays asked.
_PER_ORDER_AVG = lazy_pattern(
    r"单均(?=\s*(?:金额|消费)?\s*(?:在)?\s*(?:超过|过|高于|大于|多于|不到|低于|少于|不足|不超过|"
    r"达|至少|最少|[\d一二两三四五六七八九十百千万]))"
)

# The WeCom friend just added (新加上微信的, 刚加了企微嘅): new, as 新加的 — read before the tag
# phrase (加上X的 is tagged X elsewhere).
_ADDED_ON_WECHAT = lazy_pattern(
    r"(?P<new>新|刚刚|刚|才|啱啱|啱|新近)(?:添加|加)(?:上|了|咗)*"
    r"(?:(?:的|嘅)?(?:企业微信|微信好友|微信|企微|好友|wechat|wx))(?!群)"
)


def _rewrite(part: str) -> str:
    part = _ADDED_ON_WECHAT.sub("新加", part)
    part = _CHANNEL_BEFORE_QUOTE.sub("", part)
    part = _DM_ASKING.sub("", part)
    part = _PAID_AMOUNT.sub("spent", part)
    return _PER_ORDER_AVG.sub("客单价", part)


def slang_read(norm: str) -> str:
    """`norm` with the channel before a quote asked for dropped, a paying verb before an amount
    said as spending and 单均 before an amount as 客单价; quoted text untouched."""
    return outside_quotes(norm, _rewrite)
