"""Words said another way than the grammar reads them, rewritten before it reads them (issue 19,
session-16 blind set), each a closed, tested list:

- event verbs mistyped in Chinese (资询过 = 咨询过, 够买过 / 构买 = 购买): one character off a
  verb, where the mistyped word means nothing else in a question about customers;
- an adverb that only stresses a negation (完全没标签, 根本没下过单, 压根冇嚟过,
  "totally untagged", "no tags at all" is read already): dropped before the negation;
- a calendar word half in English (这个 week, 上个 month, this 月, 上個 week): the Chinese word;
- a product said inside the cart verb (加咗唇釉落购物车, "added 唇釉 to cart", "put Serum X in
  their cart"): the cart verb, then the product, as 把唇釉加入购物车 / "added to cart 唇釉";
- the spend verb split by its complement (使得最多钱, 花了最少的钱): 使钱最多 / 花钱最少;
- English glue between conditions that points back at the customers ("but not the ones in
  Beijing", "plus they must have visited this month", "and they need to have ordered"): the
  negation or the condition alone.

Text inside quotes is a message or a name, never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from segmentation.nlq.lazy_re import lazy_pattern

# Chinese event verbs one character off. 够买 alone may be "enough to buy" (钱够买吗): only
# with the aspect after it (够买过/够买了) or a negation or 有 before it is it the verb.
_ZH_TYPOS: tuple[tuple[re.Pattern[str], str], ...] = (
    (lazy_pattern(r"(?<![投工物])资询"), "咨询"),  # 资询过 (资 for 咨)
    (lazy_pattern(r"咨洵|谘洵"), "咨询"),
    (lazy_pattern(r"构买"), "购买"),  # 构买 is no word
    (lazy_pattern(r"够买(?=过|了)|(?<=[没有未冇])够买"), "购买"),
    (lazy_pattern(r"(?<![不没])够物车"), "购物车"),
    (lazy_pattern(r"客护"), "客户"),  # 护 for 户: 客护 is no word
    (lazy_pattern(r"消废"), "消费"),  # 消廢 / 消废 (废 for 费) is no word
    # session 26: a pinyin-IME slip on a verb's second character, each one no word of its own:
    # 咨训 / 咨讯 / 资讯过 (训/讯 for 询; 资讯 alone is "news": only with the aspect after it),
    # 销费 (销 for 消), 加够 (够 for 购, only with 过, a count or 的 after it: 加够了 is "enough"),
    # 以经 / 己经 (以/己 for 已)
    (lazy_pattern(r"咨训|咨讯|谘训|谘讯|资讯(?=过|了)"), "咨询"),
    (lazy_pattern(r"(?<![推营促])销费"), "消费"),
    (lazy_pattern(r"加够(?=过|的|物车|\s*\d|[一两二三四五六七八九十几]次)"), "加购"),
    (lazy_pattern(r"(?<![所可难])以经|己经"), "已经"),
    # HK 黎 typed for 嚟 (come; 嚟 arrives as 来) before the aspect or the shop: 黎过铺头, 黎咗,
    # 有黎问价 — never a name (黎明, 黎生), which has no aspect or verb after it
    (
        lazy_pattern(
            r"(?<=[有冇没未都会要])黎(?=过|了|咗|问|买|扫|铺|店|门市)"
            r"|黎(?=过铺|过店|咗铺|咗店|了铺|了店)"
        ),
        "来",
    ),
    # Cantonese 落单 (ordered) with 洛 for 落: 洛咗单 (咗 arrives as 了), 洛单, 洛过单
    (lazy_pattern(r"洛(?=(?:了|过|咗)?单)"), "落"),
    # 倒出 for 导出 only as the order that opens the sentence, before whom ("帮我倒出上个月新加
    # 的客户"); 倒出来 / 倒出了 / 把水倒出 keep their own sense.
    (
        lazy_pattern(
            r"^((?:(?:请|麻烦|帮我|帮忙|给我|同我|唔该|你|可以|能不能)\s*)*)倒出(?![来去了过])"
        ),
        r"\1导出",
    ),
)
# A coupon said to need no threshold in other words than 无门槛 (免门槛 / 免門檻, 零门槛, 冇门槛,
# 唔使门槛, 不设门槛, 无使用门槛): 无门槛, the one word the coupon reader and the send patterns
# know. Each says only that; none is a condition on customers.
_NO_THRESHOLD = lazy_pattern(
    r"(?:免|零|冇|没有|没|唔使|不设|不限|免使用|无使用|无消费|无最低消费)\s*门槛|门槛\s*[:：]?\s*(?:无|冇|没有|0)(?=\s*[\d一二两三四五六七八九十¥])"
)

# Money written with thousands separators (¥1,000, $2,500, 1,000 yuan): the digits alone, so a
# comma inside an amount never splits a command into parts nor a coupon into two amounts.
_GROUPED_MONEY = lazy_pattern(
    r"(?<=[¥$])\s*\d{1,3}(?:,\d{3})+(?![\d,])|"
    r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])(?=\s*(?:元|块|蚊|yuan|rmb|dollars?|bucks)(?![a-z]))"
)

# A currency word run into its amount (RMB500, CNY1000): the word and the number apart, as
# "rmb 500" is read (a word glued to digits is otherwise one unknown word).
_CURRENCY_GLUED = lazy_pattern(r"(?<![a-z])(rmb|cny)(?=\d)")

# English command words one letter off, too short for typos.py's frame words: a closed list.
_EN_TYPOS = lazy_pattern(
    r"(?<![a-z])(?P<typo>shwo|sohw|totla|toatl|oder|oders|oderd|odered|oderred|ordr|ordrs|"
    r"ordred|orderd)(?![a-z])"
)
_EN_TYPO_WORD = {"shwo": "show", "sohw": "show", "totla": "total", "toatl": "total"}
# "order" with its r dropped or moved (oder, oderd, odered): no English word is spelled so
_EN_TYPO_WORD |= {"oder": "order", "oders": "orders", "ordr": "order", "ordrs": "orders"}
_EN_TYPO_WORD |= dict.fromkeys(("oderd", "odered", "oderred", "ordred", "orderd"), "ordered")

# An adverb of degree right before a negation says nothing more than the negation.
_ZH_EMPTY_STRESS = lazy_pattern(
    r"(?:完完全全|完全|根本|压根儿?|全然|绝对)"
    r"(?=(?:都|也|就)?(?:没|冇|未|无|不|唔|(?:never|not|no|without)(?![a-z])))"
)
# "totally untagged", "completely without tags", "absolutely no orders": before a negation.
_EN_EMPTY_STRESS = lazy_pattern(
    r"(?<![a-z])(?:totally|completely|absolutely|entirely|utterly)\s+"
    r"(?=(?:no|not|never|without|untagged|un[a-z]+ed)(?![a-z]))"
)

# A calendar word with its unit in English: 这个 week = 本周 … (spaces next to Chinese are gone
# by now: 这个week). Only a whole English word (this weekend is no week).
_THIS_ZH = {"week": "本周", "month": "本月", "quarter": "本季度", "year": "今年"}
_LAST_ZH = {"week": "上周", "month": "上个月", "quarter": "上季度", "year": "去年"}
_BEFORE_LAST_ZH = {"week": "上上周", "month": "上上个月"}
_MIXED_CALENDAR = lazy_pattern(
    r"(?P<zh>上上个?|上一?个?|这一?个?|本|今个?|呢个?)\s*(?P<unit>weeks?|months?|quarters?|year)"
    r"(?![a-z])"
    r"|(?<![a-z])(?P<en>this|last)\s*(?P<zhunit>周|星期|礼拜|个?月|季度?|年)"
)
_EN_UNIT = {"周": "week", "星期": "week", "礼拜": "week", "月": "month", "个月": "month"}
_EN_UNIT |= {"季": "quarter", "季度": "quarter", "年": "year"}

# 加咗唇釉落购物车 / 放了精华液入购物车 / 把X放进购物车 is read; X said between the verb and
# the cart: the verb (with 把 before the product) the grammar reads. Any putting verb (丢, 扔,
# 塞, 摆, 装: 擺咗嘢入購物車) puts it there as 放 does.
_ZH_CART = lazy_pattern(
    r"(?:加|放|加入|放入|丢|扔|塞|摆|装)(?:了|过)?(?![埋返翻晒](?:落|入|进|到))(?P<item>[^\s，,。；;、的嘅“”]{1,20}?)"
    r"(?:落|入|进|到|喺|在)(?:了|去)?(?:购物车|购物篮|购物袋)(?:度|里|里面|入面)?"
)
# 把商品加入购物车 / 把產品放進購物車 / 加咗啲貨入購物車 / 把商品塞进购物车: a word for any goods as
# the cart's object names no product (as 把东西加入购物车 reads already): the goods word 东西.
_ZH_CART_GOODS = lazy_pattern(
    r"(?<=把)(?:些|啲|一些|一啲)?(?:商品|产品|货品|货物|宝贝|货|嘢)"
    r"(?=(?:加入|加进|加到|放入|放进|放到|[丢扔塞摆装](?:了|过)?[进入到落])"
    r"(?:了|去)?(?:购物车|购物篮|购物袋))"
)
# "added 唇釉 to cart", "put Serum X in their cart", "placed it into the shopping basket".
_EN_CART = lazy_pattern(
    r"(?<![a-z])(?P<verb>added|adds|add|put|puts|placed|places|place|dropped)(?![a-z])\s*"
    # (never a word for anything at all: "added items to their cart" is the cart alone)
    r"(?!(?:(?:a|an|the|some|any|their|another)\s+)?"
    r"(?:items?|things?|stuff|something|anything|products?|goods|it|them)\s+(?:to|into|in)(?![a-z]))"
    r"(?P<item>(?:(?!(?:who|that|but|to|in|into)(?![a-z]))[^\s,;?]+?\s*){1,4}?)"
    r"(?<![a-z])(?:to|in|into)\s+(?:(?:their|the|a|his|her|my|your)\s+)?(?:shopping\s+)?"
    r"(?:cart|basket)s?"
    r"(?![a-z])"
)

# The spend verb split by its complement: 使得最多钱 / 花得最少的钱 / 花了最多钱 / 使咗最多钱
# ("spent the most money") is 使钱最多, the ranking's words the grammar reads.
_SPEND_SPLIT = lazy_pattern(
    r"(?P<verb>使|花)(?:得|了|咗)?(?P<end>最多|最少)(?:的|嘅)?(?:钱|银纸|银两)"
)

# A while said loosely before a negation: 一个多月没 / 两个多星期冇 / 半年几冇 / 半年多没 /
# 成个月冇 (a whole month) is more than that while without it, as 超过一个月没 reads (none in
# that window). Only before the negation: 一个多月前 and 成个月都有嚟 say something else.
_BEFORE_NOT = r"(?=\s*(?:都|也|仲|还|一直|完全)?\s*(?:没|冇|未|无|唔))"
_NUM = r"(?:\d{1,3}|[一二两三四五六七八九十]{1,3}|半)"
_LOOSE_WHILE = lazy_pattern(
    rf"(?P<n>{_NUM})\s*个多\s*(?P<unit>月|星期|礼拜)(?:几)?{_BEFORE_NOT}"
    rf"|(?P<n2>{_NUM})\s*(?P<unit2>个月|年|个星期|个礼拜)(?:几|多)(?!个){_BEFORE_NOT}"
    rf"|成\s*(?P<whole>个月|年|个星期|个礼拜){_BEFORE_NOT}"
)


def _loose_while(m: re.Match[str]) -> str:
    if m["whole"] is not None:
        return f"超过一{m['whole']}"
    if m["n"] is not None:
        return f"超过{m['n']}个{m['unit']}"
    return f"超过{m['n2']}{m['unit2']}"


_QUOTED = lazy_pattern(r"“[^”]*”")


# "not the ones in Beijing" / "except the ones who are tagged VIP": "the ones" only points back
# at the customers the sentence is about; the negation stays.
_EN_NOT_THE_ONES = lazy_pattern(
    r"(?<![a-z])(?P<neg>not|except(?:\s+for)?|excluding|minus|without)\s+(?:the\s+)?ones"
    r"(?:\s+(?:who\s+are|that\s+are|which\s+are|who're|that're))?(?![a-z])"
)
# "plus they must have visited", "and they need to have ordered", "but they should have…": the
# requirement words add nothing to the condition after them ("they" is the customers).
_EN_THEY_MUST = lazy_pattern(
    r"(?<=[a-z,;] )(?:they|and\s+they|but\s+they)?\s*(?:must|need\s+to|have\s+to|should|"
    r"gotta|got\s+to)(?:\s+have)?(?=\s+(?:visited|ordered|bought|purchased|inquired|asked|"
    r"added|refunded|come|came|been|placed|made|not|never)(?![a-z]))"
)


def plain_words(norm: str) -> str:
    """`norm` (normalised) with the words above rewritten, quotes untouched."""
    return outside_quotes(norm, _rewrite)


def _rewrite(part: str) -> str:
    for typo, word in _ZH_TYPOS:
        part = typo.sub(word, part)
    part = _LOOSE_WHILE.sub(_loose_while, part)
    part = _EN_TYPOS.sub(lambda m: _EN_TYPO_WORD[m["typo"]], part)
    part = _NO_THRESHOLD.sub("无门槛", part)
    part = _CURRENCY_GLUED.sub(r"\1 ", part)
    part = _GROUPED_MONEY.sub(lambda m: m.group().replace(",", "").strip(), part)
    part = _ZH_EMPTY_STRESS.sub("", part)
    part = _EN_EMPTY_STRESS.sub("", part)
    part = _MIXED_CALENDAR.sub(_calendar_zh, part)
    part = _ZH_CART.sub(lambda m: f"把{m['item']}加入购物车", part)
    part = _ZH_CART_GOODS.sub("东西", part)
    part = _SPEND_SPLIT.sub(lambda m: f"{m['verb']}钱{m['end']}", part)
    part = _EN_NOT_THE_ONES.sub(lambda m: m["neg"], part)
    part = _EN_THEY_MUST.sub("", part)
    return _EN_CART.sub(lambda m: f"added to cart {m['item'].strip()}", part)


def _calendar_zh(m: re.Match[str]) -> str:
    if m["en"] is not None:
        unit = _EN_UNIT[m["zhunit"]]
        return (_THIS_ZH if m["en"] == "this" else _LAST_ZH)[unit]
    unit = m["unit"].removesuffix("s")
    lead = m["zh"]
    if lead.startswith("上上"):
        return _BEFORE_LAST_ZH.get(unit, m.group())
    if lead.startswith("上"):
        return _LAST_ZH[unit]
    return _THIS_ZH[unit]


def outside_quotes(text: str, rewrite: Callable[[str], str]) -> str:
    """`text` with `rewrite` applied to every part outside “…” (a message's words stay)."""
    out: list[str] = []
    at = 0
    for quote in _QUOTED.finditer(text):
        out += [rewrite(text[at : quote.start()]), quote.group()]
        at = quote.end()
    out.append(rewrite(text[at:]))
    return "".join(out)
