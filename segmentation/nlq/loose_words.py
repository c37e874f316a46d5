"""Words said loosely around what the grammar reads (issue 19, session 27, loose27), rewritten
before it reads them, each a closed, tested list in every register (zh-Hans, Taiwan, HK, English):

- request wrappers: an address term opening or closing the request (老师，/宝，/亲，/亲爱的/
  dear/hun), an apology before one (唔好意思，帮我…), "appreciate it if you could …", an English
  modal before a Chinese request (could u 帮我 save …), 协助 as 帮 (请协助去掉…), 帮我 said
  between a breakdown's 按X and its verb (按城市帮我分一下), the profile said as 人群特征/
  群体特征/样貌 (特征);
- comparisons: 没超/冇超/未超 (没超过), 或者以上/或者以下 (或以上/或以下), 不止一笔 (不止一次);
- negation with measure words: 一通询问都没有 (一次), 半步都冇踏入过铺头 (一次都冇来过铺头),
  "didn't make one purchase" (a single), "zero returns" said of refunds;
- dates: 打从X起 (从X起), 呢个礼拜三 (这个礼拜三), 9月15到9月30 (the days said without 号);
- a visit said with the shop first: 喺铺头行过 / 在店里逛过 (行过铺头 / 逛过店).

The verb "tops" before an amount (spend tops 5k) is "more than"; after one (5k tops) it stays
"at most" (the lexicon's); said before a number with no measure to be its subject it is asked.

Runs on normalised text; quoted text (a message, a name) is never rewritten.
"""

from __future__ import annotations

import re

from segmentation.nlq.ask import Ask
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.plain_words import outside_quotes

_NUM = r"(?:\d{1,4}|[一二两三四五六七八九十百千万几]{1,5})"
_REQUEST = (
    r"(?:能不能|能否|能唔能|可以|可不可以|可唔可以|可否|帮|帮忙|帮手|请|麻烦|劳烦|唔该|给我|同我|"
    r"想问|想请|help|pls|please|plz|could|can|would|kindly|send|list|show|export|count|tag)"
)

# ---- request wrappers -------------------------------------------------------------------
# An address term: before a comma (or a request word) opening the message, after a comma at its
# end. Never 老板 (老板要一份… is someone else's request; a colleague may be called so).
_ADDRESS = (
    r"(?:老师|宝|宝宝|宝贝|宝子|亲|亲爱的|亲们|大佬|小可爱|靓仔|靓女|美女|帅哥|哥|姐|姐姐|"
    r"哥哥|小哥|同学|dear|hun|hon|babe|bro|buddy|mate)"
)
# A greeting or thanks may come with it: 老师好，/ 辛苦了老师，/ hi dear, / 早啊宝，
_GREETING = (
    r"(?:辛苦了?|辛苦晒|谢谢|多谢|唔该晒|早|早啊|早安|你好|您好|嗨|哈喽|hi|hello|hey|morning)?\s*"
)
_ADDRESS_FIRST = lazy_pattern(
    rf"^\s*{_GREETING}{_ADDRESS}(?:好|早|早啊|早安|早上好|下午好|晚上好|们|們)?"
    rf"(?:\s*[,，!！~～、]+\s*|\s*(?={_REQUEST}))(?=\S)"
)
# Said inside a plea, before the helping verb: 麻烦老师帮我…, 唔该靓仔同我…, 拜托亲帮我…
_ADDRESS_INSIDE = lazy_pattern(
    r"(?:(?<=麻烦)|(?<=劳烦)|(?<=拜托)|(?<=请)|(?<=唔该))\s*"
    r"(?:老师|宝|宝宝|宝贝|亲|亲爱的|大佬|靓仔|靓女|美女|帅哥|哥|姐|姐姐|小哥)\s*"
    r"(?=帮|同我|替我|给我)"
)
_ADDRESS_LAST = lazy_pattern(rf"[,，]\s*{_ADDRESS}\s*[!！~～。.]*\s*$")
# An apology before a request: 唔好意思，帮我… / 不好意思，请… / sorry, could you …
_APOLOGY_FIRST = lazy_pattern(
    rf"^\s*(?:唔好意思|不好意思|抱歉|打扰一下|打扰了|sorry|sry)\s*[,，!！~～]*\s*(?={_REQUEST})"
)
# "appreciate it if you could …", "i'd appreciate it if u could …", "if you could …": the verb
_APPRECIATE = lazy_pattern(
    r"^\s*(?:(?:i'd|i would|we'd|we would|would)\s+)?(?:really\s+)?(?:appreciate it|appreciate)?\s*"
    r"(?:if\s+(?:you|u)\s+(?:could|can|would)(?:\s+please)?)\s+(?=[a-z\u4e00-\u9fff])"
)
# An English modal before a Chinese request word: "could u 帮我 save …", "pls 帮我 …"
_MODAL_BEFORE_ZH = lazy_pattern(
    r"^\s*(?:could|can|would|will)\s+(?:you|u)\s*(?:please|pls|plz|kindly)?\s*"
    r"(?=帮我|帮忙|请|麻烦|给我|同我|唔该)"
)
# 协助 (assist) as 帮: 请协助去掉… / 协助我导出… / 协助一下
_ASSIST = lazy_pattern(
    r"(?:(?<=请|求)|(?<=烦请|麻烦|能否|可否|可以|帮忙)|(?<=能不能))\s*协助(?:我|一下|下)?(?=\S)"
)
# 按城市帮我分一下: the helping words between a breakdown's 按X and its verb
_BY_THEN_HELP = lazy_pattern(
    r"(?P<by>(?:按|按照|依照|依|根据)\s*[^\s,，。按]{1,8}?)\s*(?:帮我|帮忙|替我|同我|帮手)\s*"
    r"(?=分|拆|统计|数|算|看|睇|排)"
)
# The profile said as the group's features or looks: 人群特征, 群体特征, 客群特征, 样貌, 长相
_PROFILE_NOUN = lazy_pattern(r"(?:人群|群体|客群)(?=特征|特点|画像)|样貌|面貌(?=[\s?？。!！]*$)")

# ---- comparisons ------------------------------------------------------------------------
_NOT_OVER = lazy_pattern(r"(?<=[没冇未])超(?![过出越])(?=\s*" + _NUM + ")")
_OR_MORE = lazy_pattern(r"或者(?=以上|以下|更多|更少)")
_MORE_THAN_STROKES = lazy_pattern(rf"(?P<cmp>不止|不只|唔止|超过|多过|多于)\s*(?P<n>{_NUM})\s*笔")

# ---- negation with measure words --------------------------------------------------------
_NEG = r"(?:都|也|亦)\s*(?:没|冇|未|无|唔)"
_ONE_CALL = lazy_pattern(rf"一通(?=\s*[^\s,，]{{0,4}}?{_NEG})")
_NOT_ONE_STEP = lazy_pattern(
    rf"(?:半步|一步|一脚)\s*(?P<neg>{_NEG})(?:有)?\s*(?:踏入|踏进|踏足|踏入过|迈进|迈入|走进|踏|进|入)"
    r"(?:过|了)?"
)
_SET_FOOT = lazy_pattern(
    r"(?:踏足|踏入|踏进|迈进|迈入)(?:过|了)?(?=\s*(?:铺头|铺|店|门店|门市|店铺))"
)
_EN_NOT_ONE = lazy_pattern(
    r"(?<![a-z])(?P<neg>didn't|did not|didnt|haven't|have not|havent|hasn't|has not|hasnt|never)"
    r"\s+(?P<verb>make|made|place|placed|put in|do|done|had|have)\s+one"
    r"(?=\s+(?:purchase|purchases|order|orders|inquiry|inquiries|visit|visits|refund|refunds)(?![a-z]))"
)
# "returns" said of goods sent back: refunds (the spec's refund is 退款/退货)
_RETURNS = lazy_pattern(
    r"(?<![a-z])(?P<lead>zero|no|any|a|one|\d{1,3}|more|fewer|without)\s+return(?P<s>s?)(?![a-z])"
    r"(?!\s+(?:visits?|customers?|clients?|trips?|policy|rate|window|label|address))"
)

# ---- dates ------------------------------------------------------------------------------
_EVER_SINCE = lazy_pattern(r"打从|打由")
_THIS_WEEKDAY = lazy_pattern(r"呢个?(?=\s*(?:礼拜|星期|周)[一二三四五六日天])")
_DAY = r"(?:[1-9]|[12]\d|3[01])"
_MONTH_DAY_RANGE = lazy_pattern(
    rf"(?<!\d)(?P<m1>1[0-2]|[1-9])月(?P<d1>{_DAY})(?P<mark1>号|日)?\s*"
    rf"(?P<to>到|至|~|～|-|—)\s*(?P<m2>1[0-2]|[1-9])月(?P<d2>{_DAY})(?P<mark2>号|日)?(?!\d)"
)

# ---- a visit said with the shop first -----------------------------------------------
_AT_SHOP_WALKED = lazy_pattern(
    r"(?:喺|在)(?P<shop>铺头|铺|店|门店|门市|店铺)(?:度|里|里面|入面)?\s*(?P<verb>行|逛|晃)(?P<asp>过|了)"
)

# ---- "tops" ------------------------------------------------------------------------------
_MEASURE = (
    r"(?:spend|spending|spent|total|total spend|totals|refunds|refund|refund amount|refunded|"
    r"order value|average order|average order value|avg order|aov|amount|purchases)"
)
_TOPS_VERB = lazy_pattern(
    rf"(?<![a-z])(?P<m>{_MEASURE})\s+(?:tops|topped|topping)(?!\s+out)\s+(?=[¥$]?\s*\d[\d.,]*\s*[kw万千]?(?![\d.,%]))"
)
_TOPS_BEFORE = lazy_pattern(r"(?<![a-z])(?:tops|topped|topping)\s+(?=[¥$]?\s*\d)")


def loose_words_read(norm: str) -> str:
    """`norm` (normalised) with the loose words above read as the grammar reads them."""
    return outside_quotes(norm, _rewrite)


def _rewrite(part: str) -> str:
    part = _wrappers(part)
    part = _NOT_OVER.sub("超过", part)
    part = _OR_MORE.sub("或", part)
    part = _MORE_THAN_STROKES.sub(lambda m: f"{m['cmp']}{m['n']}次", part)
    part = _ONE_CALL.sub("一次", part)
    part = _NOT_ONE_STEP.sub(lambda m: f"一次{m['neg']}来过", part)
    part = _SET_FOOT.sub("来过", part)
    part = _EN_NOT_ONE.sub(lambda m: f"{m['neg']} {m['verb']} a single", part)
    part = _RETURNS.sub(lambda m: f"{m['lead']} refund{m['s']}", part)
    part = dates_read(part)
    part = _ADDED_WHEN.sub(lambda m: f"{m['when']}新加", part)
    part = _AT_SHOP_WALKED.sub(lambda m: f"{m['verb']}{m['asp']}{m['shop']}", part)
    return _tops(part)


# "add" right after a time word and before 的 (上礼拜六 add 的新客, 昨天add的客户, 10月1日add嘅):
# added then, as 新加的 says — after a person (张三add的) it stays whose, asked as ever.
_ADDED_WHEN = lazy_pattern(
    r"(?P<when>天|日|月|年|号|周|(?:礼拜|星期|周)[一二三四五六日天])\s*(?:add|added)\s*(?=的|嘅)"
)


def dates_read(part: str) -> str:
    """`part` with the dates said loosely (打从, 呢个礼拜三, 9月15到9月30) as the time phrases
    read them — also what the chat reads a period said alone with ("10月8到10月20呢")."""
    part = _EVER_SINCE.sub("从", part)
    part = _THIS_WEEKDAY.sub("这个", part)
    return _MONTH_DAY_RANGE.sub(_day_range, part)


def _wrappers(part: str) -> str:
    part = _ADDRESS_FIRST.sub("", part)
    part = _ADDRESS_INSIDE.sub("", part)
    part = _ADDRESS_LAST.sub("", part)
    part = _APOLOGY_FIRST.sub("", part)
    part = _APPRECIATE.sub("", part)
    part = _MODAL_BEFORE_ZH.sub("", part)
    part = _ASSIST.sub("帮我", part)
    part = _BY_THEN_HELP.sub(lambda m: m["by"], part)
    return _PROFILE_NOUN.sub(lambda m: "特征" if m.group().startswith(("样", "面")) else "", part)


def _day_range(m: re.Match[str]) -> str:
    mark = m["mark1"] or m["mark2"] or "号"
    return f"{m['m1']}月{m['d1']}{mark}{m['to']}{m['m2']}月{m['d2']}{mark}"


def _tops(part: str) -> str:
    """ "spend tops 5k" = more than 5000; "tops 5k" with no measure before it is asked."""
    part = _TOPS_VERB.sub(lambda m: f"{m['m']} over ", part)
    found = _TOPS_BEFORE.search(part)
    if found is not None:
        said = part[found.start() :].split(",")[0].strip()
        raise Ask(
            f"“{said}”是指超过这个数，还是最多这个数？请说“超过”或“最多”。",
            f"Does “{said}” mean more than that, or at most that? Please say 'over' or 'at most'.",
        )
    return part
