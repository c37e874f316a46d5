"""Coupon wording → one exact coupon, or a question back: 满减 (threshold X, value Y),
折扣 (pay a share of the price, optionally from a threshold) and 无门槛 (a plain value).

Money is never guessed. Every number in the coupon words must be explained by the one
reading found; a form that reads two ways (每满X减Y, 满X送Y, "20 off" without a unit, two
coupons in one sentence, a number left over) is asked back, and a coupon that would cost more
than it sells (value not below its threshold, deeper than 1折) is refused with the reason.
The canonical words (满100减20, 8.5折, 满200打9折, 20元券) are what the card shows and what
`parse_coupon_words` reads back into a coupon template.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from segmentation.nlq.ask import Ask
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.numbers import parse_chinese_numeral

# The largest coupon amount read from chat; beyond it the number is asked back.
MAX_AMOUNT = Decimal(1_000_000)
# 折扣 bounds in tenths of the price paid: deeper than 1折 is refused, 10折 is no discount.
MIN_PAY_PERCENT = 11
MAX_PAY_PERCENT = 99

_CN = "零一二两三四五六七八九十百千万"
# A Chinese numeral is an amount when it starts a word, or follows a word that leads to one
# (发张五十, 满一百, 打八折, 改成九折); glued to any other character it is part of a name:
# 赵六的券, 王五嘅券 (a colleague's), 双十一 — never a ¥6 coupon.
_CN_LEADS = (
    "发發张張个個只隻满滿减減打享送给給畀俾的嘅是成为為值额額抵省少宜到共买買返现現立即直折券卷"
    "要用换換改来來搞整再再多加上下咗了过過价價面门門槛檻每"
)
_NUM = (
    rf"(\d+(?:\.\d+)?(?:\s*(?:万|千|[wk](?![a-z])))?|"
    rf"(?:(?<![\u3400-\u9fff])|(?<=[{_CN_LEADS}]))[{_CN}]+)"
)
_CUR = r"(?:¥|\$|rmb\s*|cny\s*|usd\s*)?"
# 蚊 is Cantonese for a dollar (100蚊 coupon): money, as 元 and 块 are.
_UNIT = r"(?:\s*(?:元|块钱|块|蚊|yuan|rmb|dollars?|bucks))?"
_MONEY = _CUR + r"\s*" + _NUM + _UNIT
# A whole coupon: what the amounts are for.
# 折价券 (Taiwan), 抵扣券 and 抵价券 are coupons by other names; 卷 a common slip for 券.
_TICKET = (
    r"(?:优惠券|代金券|现金券|抵用券|满减券|折扣券|折价券|抵扣券|抵价券|优惠卷|券|红包|"
    r"coupons?|vouchers?)"
)
# A number in the words (Arabic or Chinese), to check that the reading explains them all.
_ANY_NUMBER = lazy_pattern(rf"\d|[{_CN}]")
# Ignored words with digits or numerals in them: the count of coupons, a validity hint.
_QUANTITY = lazy_pattern(rf"(?<![\d.{_CN}])(?:一|1|两|二)\s*(?:张|份|个|枚)")
_CN_WORDS_WITH_NUMERALS = lazy_pattern(r"万元|千万|一下|一起|一点|统一|唯一|十分")


@dataclass(frozen=True)
class CouponWords:
    """One coupon as understood: kind threshold | discount | no_threshold."""

    kind: str
    value: Decimal | None = None
    threshold: Decimal | None = None
    pay_percent: int | None = None  # 85 = 8.5折: the share of the price the customer pays

    @property
    def words(self) -> str:
        if self.kind == "threshold":
            return f"满{_plain(self.threshold)}减{_plain(self.value)}"
        if self.kind == "discount":
            zhe = f"{_plain(Decimal(self.pay_percent or 0) / 10)}折"
            return f"满{_plain(self.threshold)}打{zhe}" if self.threshold else zhe
        return f"{_plain(self.value)}元券"

    def reading(self, lang: str) -> str:
        """The coupon as a customer reads it in `lang`: 满200减30, 85折 (a half 折 in the two
        digits shops print; 8.5折 is the same coupon), 满200打9折, 无门槛30元; ¥30 off orders
        over ¥200, 20% off, ¥30 off (no minimum)."""
        if lang != "en":
            if self.kind == "discount":
                zhe = _shop_zhe(self.pay_percent or 0)
                return f"满{_plain(self.threshold)}打{zhe}" if self.threshold else zhe
            if self.kind == "no_threshold":
                return f"无门槛{_plain(self.value)}元"
            return self.words
        if self.kind == "threshold":
            return f"¥{_plain(self.value)} off orders over ¥{_plain(self.threshold)}"
        if self.kind == "discount":
            off = f"{100 - (self.pay_percent or 0)}% off"
            return f"{off} orders over ¥{_plain(self.threshold)}" if self.threshold else off
        return f"¥{_plain(self.value)} off (no minimum)"

    def template(self) -> dict[str, Any]:
        """The campaign coupon template (bot.services.coupons.CouponTemplate.from_dict)."""
        out: dict[str, Any] = {"kind": self.kind}
        if self.value is not None:
            out["value"] = str(self.value)
        if self.threshold is not None:
            out["threshold"] = str(self.threshold)
        if self.pay_percent is not None:
            out["percent"] = self.pay_percent
        return out


def _plain(value: Decimal | None) -> str:
    return format((value or Decimal(0)).normalize(), "f")


def _shop_zhe(pay_percent: int) -> str:
    """A discount in 折 as shops print it: 8折 for 80%, 85折 for 85% (8.5折)."""
    return f"{pay_percent // 10}折" if pay_percent % 10 == 0 else f"{pay_percent}折"


# ---- reading -------------------------------------------------------------------------------


def _amount(raw: str) -> Decimal:
    raw = raw.strip().replace(" ", "")
    factor = Decimal(1)
    for suffix, times in (("万", 10_000), ("w", 10_000), ("k", 1000), ("千", 1000)):
        if raw.endswith(suffix) and raw[:-1] and raw[0].isdigit():
            raw, factor = raw[:-1], Decimal(times)
            break
    if raw and raw[0].isdigit():
        try:
            value = Decimal(raw) * factor
        except InvalidOperation:
            raise _not_understood() from None
    else:
        number = parse_chinese_numeral(raw)
        if number is None:
            raise _not_understood()
        value = Decimal(number)
    if value > MAX_AMOUNT:
        raise Ask(
            f"金额 {_plain(value)} 太大了，请确认券的面额和门槛。",
            f"{_plain(value)} is too large for a coupon; please check its value and threshold.",
        )
    return value


def _zhe(raw: str) -> int:
    """8 → 80, 8.5 → 85, 85 → 85, 八 → 80, 八五 / 八点五 → 85: percent of the price paid."""
    raw = raw.replace("点", ".")
    if raw[0].isdigit():
        if "." not in raw and len(raw) == 2:
            return int(raw)
        tenths = Decimal(raw) * 10
    else:
        digits = [parse_chinese_numeral(ch) for ch in raw if ch != "."]
        if any(d is None for d in digits) or not digits or len(digits) > 2:
            raise _not_understood()
        tenths = Decimal(digits[0] or 0) * 10 + (Decimal(digits[1] or 0) if len(digits) > 1 else 0)
    if tenths != tenths.to_integral_value():
        raise _not_understood()
    return int(tenths)


_CN_DIGIT = "一二三四五六七八九"
_ZHE = rf"(?<![\d.])(\d(?:\.\d)?|\d{{2}}|[{_CN_DIGIT}](?:点?[{_CN_DIGIT}])?)\s*折"
_PCT = r"(\d{1,2}(?:\.\d)?)\s*(?:%|percent|per\s*cent)"
_EN_LINK = r"[a-z\s,'-]{0,40}?"  # words between two amounts ("orders over", "when you spend")
# A number that is a percentage is no money ("worth 20% off").
_NOT_PERCENT = r"(?![\d.]|\s*(?:%|percent|per\s*cent|折))"

# (name, pattern): the forms a coupon is written in. Each explains the numbers it matched.
_ASK_BACK = (
    ("each", lazy_pattern(rf"每满\s*{_MONEY}")),
    ("each", lazy_pattern(rf"\bfor\s+every\s+{_MONEY}")),
    ("gift", lazy_pattern(rf"满\s*{_MONEY}\s*(?:送|返|赠|返现)\s*{_MONEY}")),
)
_THRESHOLD = (
    # 现减/直减/立省/折抵 (Taiwan, HK): money taken off at the till, as 减 is
    lazy_pattern(rf"满\s*{_MONEY}\s*(?:可|即|立|就|再|现|直)?\s*(?:减|折抵|抵|优惠|省)\s*{_MONEY}"),
    # 满 says which amount is the threshold, so a hyphen or slash is 减 ("满200-30", "满300/50")
    lazy_pattern(rf"满\s*{_MONEY}\s*[-/]\s*{_MONEY}"),
    lazy_pattern(rf"满\s*{_MONEY}\s*(?:可用|使用|可使用|才能用|能用)\s*的?\s*{_MONEY}"),
    lazy_pattern(rf"{_MONEY}\s*(?:可用|使用)\s*的?\s*{_MONEY}\s*的?\s*{_TICKET}"),
    lazy_pattern(
        rf"(?:spend|buy|orders?\s+over|purchases?\s+over)\s+{_MONEY}\s*,?\s*(?:and\s+)?"
        rf"(?:get|save|take)\s+{_MONEY}(?:\s*off)?"
    ),
)
# Value first: "20 off 100", "¥20 off orders over ¥100", "a 20 yuan coupon for orders over 100".
_VALUE_FIRST = (
    # "30 off 200", "¥30-off-¥200": a hyphen is a space here.
    lazy_pattern(rf"{_MONEY}[\s-]*off\b{_EN_LINK}{_MONEY}"),
    lazy_pattern(rf"save\s+{_MONEY}\s+(?:on|off)\b{_EN_LINK}{_MONEY}"),
    lazy_pattern(
        rf"{_MONEY}\s*{_TICKET}\s+(?:for|on|with|when)\b{_EN_LINK}"
        rf"(?:over|above|from|of|at\s+least|spend(?:ing)?|minimum)\s+{_MONEY}"
    ),
    # "a coupon worth ¥30 on orders above ¥200", "worth 30, min spend 200": the value is what
    # the coupon is worth, the threshold what the order must reach.
    lazy_pattern(
        rf"worth\s+{_MONEY}{_NOT_PERCENT}(?:[\s-]*off)?\s*,?\s*(?:on|for|with|when|if|off|min)\b"
        rf"{_EN_LINK}{_MONEY}"
    ),
    # The minimum said after the coupon: "a ¥30 coupon, min spend ¥200", "a ¥30 voucher with
    # a minimum order of ¥200", "a ¥30 coupon with a ¥200 minimum spend".
    lazy_pattern(
        rf"{_MONEY}\s*{_TICKET}{_EN_LINK}\bmin(?:imum)?\.?(?:\s+(?:spend|order|purchase))?"
        rf"(?:\s+(?:of|is))?\s*{_MONEY}"
    ),
    lazy_pattern(rf"{_MONEY}\s*{_TICKET}{_EN_LINK}{_MONEY}\s*min(?:imum)?\b"),
)
_THRESHOLD_BARE = (
    lazy_pattern(rf"{_MONEY}\s*减\s*{_MONEY}"),
    lazy_pattern(rf"{_MONEY}\s*(?:minus|less)\s*{_MONEY}"),
    lazy_pattern(rf"{_MONEY}\s*[-/]\s*{_MONEY}\s*的?\s*{_TICKET}"),
    # the coupon word first: "coupon 300-50", "券：200-30"
    lazy_pattern(rf"{_TICKET}\s*[:：]?\s*{_MONEY}\s*[-/]\s*{_MONEY}(?![\d.])"),
)
_DISCOUNT = (
    (True, lazy_pattern(rf"满\s*{_MONEY}\s*(?:可|即|就)?\s*(?:打|享)?\s*{_ZHE}")),
    (False, lazy_pattern(rf"(?:打|享)?\s*{_ZHE}")),
)
_PERCENT_OFF = (
    lazy_pattern(
        rf"{_PCT}[\s-]*(?:off|discount)\b(?:{_EN_LINK}(?:over|above|from|of)\s+{_MONEY})?"
    ),
)
_PERCENT_PAY = (
    lazy_pattern(rf"(?:pay\s+(?:only\s+)?{_PCT}|{_PCT}\s+of\s+(?:the\s+)?(?:original\s+)?price)"),
)
_NO_THRESHOLD = (
    lazy_pattern(rf"无门槛\s*的?\s*{_MONEY}"),
    lazy_pattern(
        # "a ¥50 cash coupon", "a $20 flat voucher": cash/flat say there is no threshold
        rf"{_MONEY}\s*的?\s*(?:无门槛|no[\s-]?threshold|no[\s-]?minimum|cash|flat|straight)?\s*的?"
        rf"\s*{_TICKET}"
    ),
    lazy_pattern(rf"(?:no[\s-]?threshold|no[\s-]?minimum)\s+{_MONEY}"),
    # "发个券，20元无门槛": the value, then that it needs no minimum, the coupon said before
    lazy_pattern(rf"{_MONEY}\s*的?\s*(?:无门槛|no[\s-]?threshold|no[\s-]?minimum)"),
    # "20 off, no minimum", "50 off with no threshold": a bare "N off" is ¥ or % (asked), but
    # a coupon said to need no minimum is a cash one (无门槛 is never a percentage).
    lazy_pattern(
        rf"(?<![¥$\d.]){_NUM}[\s-]*off\b(?:\s*{_TICKET})?\s*[,，]?\s*(?:with\s+)?"
        rf"(?:no|without\s+(?:a\s+|any\s+)?)[\s-]*(?:threshold|minimum|min\b)"
    ),
    lazy_pattern(rf"(?:¥|\$|rmb\s*)\s*{_NUM}{_UNIT}[\s-]*off\b"),
    lazy_pattern(rf"{_NUM}\s*(?:元|块|蚊|yuan|rmb|dollars?|bucks)[\s-]*off\b"),
    lazy_pattern(rf"worth\s+{_MONEY}{_NOT_PERCENT}"),
)
_BARE_OFF = lazy_pattern(rf"(?<![¥$\d.]){_NUM}[\s-]*off\b")


# Taiwan/HK 满X折Y ("滿1000折100", "满千折百", "滿1000現折100"): Y is money off (a 折 rate is
# below 10), so it is 满X减Y; "满200打9折" and "满200享8.5折" stay discounts.
_ZHE_MONEY = lazy_pattern(
    rf"(满\s*{_MONEY}\s*)(?:现|立|即|直)?折\s*(?=(?:\d{{2,}}|[一二三四五六七八九十百千两]*[十百千])(?![\d.]*\s*折))"
)


def read_coupon(what: str) -> CouponWords:
    """The one coupon `what` describes (normalised text, quoted message removed), or Ask."""
    # Cantonese 嘅 is 的 ("100蚊嘅券", "滿300減50嘅coupon").
    what = _A_BIT.sub(" ", what.replace("嘅", "的"))
    # A campaign named in the words ("the 双11预热 coupon", written 活动#2 / campaign #2 by
    # contact_words.name_campaigns) names no amount: its number was read as a ¥2 coupon.
    what = _CAMPAIGN_REF.sub(" ", what)
    text = _ZHE_MONEY.sub(lambda m: f"{m.group(1)}减", _QUANTITY.sub(" ", what))
    for reason, pattern in _ASK_BACK:
        if pattern.search(text):
            raise _two_readings(reason)
    readings = list(_readings(text))
    if not readings:
        if _BARE_OFF.search(text):
            raise _two_readings("unit")
        raise _not_understood()
    coupon, span = readings[0]
    if coupon is None:
        raise _two_readings("order")
    rest = text[: span[0]] + " " + text[span[1] :]
    other = [c for c, s in readings[1:] if s[1] <= span[0] or s[0] >= span[1]]
    if other or _has_number(rest):
        raise _two_readings("several")
    if coupon.kind == "no_threshold" and _THRESHOLD_SAID.search(_SAYS_NO_THRESHOLD.sub(" ", text)):
        raise _not_understood()  # "满400的券", "门槛300": no value said, never a ¥400 coupon
    _check(coupon)
    return coupon


_CAMPAIGN_REF = lazy_pattern(r"(?i:活动\s*#\s*\d+|campaign\s*#\s*\d+)")
# "a bit" (低一点, 再少一点, 便宜啲): never the 1 of a rate or an amount ("低一点九折" is 9折).
_A_BIT = lazy_pattern(r"(?<=[低高少多大小深浅狠宜])(?:一点|一些|点|啲)")
# A threshold said while the only reading is a plain coupon: its value is missing.
_THRESHOLD_SAID = lazy_pattern(r"满(?!意|足)|门槛|门坎|(?<![a-z])min(?:imum)?(?![a-z])")


def _has_number(text: str) -> bool:
    return bool(_ANY_NUMBER.search(_CN_WORDS_WITH_NUMERALS.sub(" ", text)))


def _readings(text: str):
    """(coupon, span) for every form found, the most specific forms first."""
    for pattern in _THRESHOLD:
        for m in pattern.finditer(text):
            yield CouponWords("threshold", _amount(m[2]), _amount(m[1])), m.span()
    for pattern in _VALUE_FIRST:
        for m in pattern.finditer(text):
            yield CouponWords("threshold", _amount(m[1]), _amount(m[2])), m.span()
    for has_threshold, pattern in _DISCOUNT:
        for m in pattern.finditer(text):
            if has_threshold:
                yield CouponWords("discount", None, _amount(m[1]), _zhe(m[2])), m.span()
            else:
                yield CouponWords("discount", pay_percent=_zhe(m[1])), m.span()
    for pattern in _PERCENT_OFF:
        for m in pattern.finditer(text):
            off = _percent(m[1])
            threshold = _amount(m[2]) if m[2] else None
            yield CouponWords("discount", None, threshold, 100 - off), m.span()
    for pattern in _PERCENT_PAY:
        for m in pattern.finditer(text):
            yield CouponWords("discount", pay_percent=_percent(m[1] or m[2])), m.span()
    for pattern in _THRESHOLD_BARE:
        for m in pattern.finditer(text):
            first, second = _amount(m[1]), _amount(m[2])
            # "20减100": which number is the threshold? Asked back unless a fuller form wins.
            yield (CouponWords("threshold", second, first) if first > second else None), m.span()
    for pattern in _NO_THRESHOLD:
        for m in pattern.finditer(text):
            yield CouponWords("no_threshold", _amount(m[1])), m.span()


def _percent(raw: str) -> int:
    value = Decimal(raw)
    if value != value.to_integral_value():
        raise _not_understood()
    return int(value)


def _check(coupon: CouponWords) -> None:
    if coupon.kind == "discount":
        pay = coupon.pay_percent or 0
        if not MIN_PAY_PERCENT <= pay <= MAX_PAY_PERCENT:
            raise Ask(
                f"折扣必须在1折到9.9折之间（不含1折），“{_plain(Decimal(pay) / 10)}折”不能发放。",
                f"A discount must be between 1 and 9.9折 (10%–99% of the price, 1折 excluded); "
                f"paying {pay}% of the price cannot be issued.",
            )
        return
    value = coupon.value or Decimal(0)
    if value <= 0:
        raise Ask("券的面额必须大于0。", "A coupon's value must be above 0.")
    if coupon.kind == "threshold" and value >= (coupon.threshold or Decimal(0)):
        raise Ask(
            f"券的面额必须小于门槛：满{_plain(coupon.threshold)}减{_plain(value)}会让订单免费或倒贴。"
            "请确认金额。",
            f"A coupon's value must be below its threshold: ¥{_plain(value)} off orders over "
            f"¥{_plain(coupon.threshold)} would make orders free. Please check the amounts.",
        )


def coupon_question() -> Ask:
    """The question back about a coupon with no value said (the chat completes the send with
    the next message's value: bot/commands/content_reply.py)."""
    return _not_understood()


def _not_understood() -> Ask:
    return Ask(
        "发什么券？请说明门槛和面额，例如“满100减20的券”“9折券”或“20元无门槛券”。",
        "Which coupon? Give its value and threshold, e.g. '¥20 off orders over ¥100', "
        "'a 10% off coupon' or 'a ¥20 coupon'.",
    )


_TWO_READINGS = {
    "each": (
        "暂不支持“每满X减Y”（可叠加）的券。请改成“满X减Y”（每单减一次）。",
        "Stacking coupons (Y off for every X) are not supported; say '¥Y off orders over ¥X' "
        "(once per order).",
    ),
    "gift": (
        "“满X送/返Y”可以理解为赠品、返现或下次使用的券，请说清楚，例如“满100减20的券”。",
        "'Spend X, get Y back' can mean a gift, cash back or a coupon for next time; please "
        "say e.g. '¥20 off orders over ¥100'.",
    ),
    "unit": (
        "是减多少元，还是打折？请说“20元券”或“8折券”。",
        "Is that ¥ off or % off? Say e.g. '¥20 off' or '20% off'.",
    ),
    "order": (
        "哪个是门槛、哪个是面额？请说“满100减20”（满100元减20元）。",
        "Which is the threshold and which the value? Say e.g. '¥20 off orders over ¥100'.",
    ),
    "several": (
        "没能确定是哪一张券（看到了多个金额或多种券）。请只说一张，例如“满100减20的券”。",
        "I could not tell which coupon you mean (several amounts or coupons). Please name one, "
        "e.g. '¥20 off orders over ¥100'.",
    ),
}


def _two_readings(reason: str) -> Ask:
    zh, en = _TWO_READINGS[reason]
    return Ask(zh, en)


# ---- a card's coupon changed -----------------------------------------------------------------

# Words that only finish the new value: a particle, "instead", the coupon's noun.
_CHANGE_END = (
    rf"\s*(?:的|嘅)?\s*(?:{_TICKET})?\s*(?:instead|then|please|pls)?\s*"
    r"(?:就好|就行|就得|得啦|好了|吧|啦|喇|啊|呀|la)*[\s.。!！]*$"
)
# The value alone, said as money off: "减80", "減80蚊", "立减80", "25 off", "¥25 off", "only 25
# off", "面额80" — the card's threshold stays (减 says which amount this is).
_VALUE_ONLY = (
    lazy_pattern(
        rf"^(?:面额|面值|金额|只|就|改)?\s*(?:(?:立|即|直|现)?减|抵|省)\s*{_MONEY}{_CHANGE_END}"
    ),
    lazy_pattern(rf"^(?:only\s+|just\s+)?{_MONEY}[\s-]*off{_CHANGE_END}"),
    lazy_pattern(rf"^(?:面额|面值|金额)\s*(?:改成|改为|为|是)?\s*{_MONEY}{_CHANGE_END}"),
)
# The threshold alone: "满400就好", "门槛300", "門檻改做350", "minimum 250", "orders over 300" —
# the card's value (or discount) stays.
_THRESHOLD_ONLY = (
    lazy_pattern(
        rf"^(?:使用)?(?:满|门槛|门坎)\s*(?:改成|改为|改做|为|是)?\s*{_MONEY}\s*(?:才能用|可用|才可用|起)?"
        rf"{_CHANGE_END}"
    ),
    lazy_pattern(
        rf"^(?:(?:a|the|with\s+a)\s+)?(?:min(?:imum)?\.?(?:\s+(?:spend|order|purchase))?"
        rf"(?:\s+(?:of|to|is))?|(?:for\s+|on\s+)?(?:orders?|purchases?|spend(?:ing)?)\s+(?:over|above|of|from)"
        rf"|over|above)\s*{_MONEY}(?:\s+min(?:imum)?)?{_CHANGE_END}"
    ),
)
# Money alone ("80元", "80元券", "a ¥80 coupon", "80"): the value with the card's threshold, or a
# plain coupon of that value? Asked back when the card has a threshold.
_PLAIN_MONEY = lazy_pattern(rf"^(?:an?\s+|one\s+)?{_MONEY}{_CHANGE_END}")
# Said with no threshold at all: the new coupon is a plain one, whatever the card had.
_SAYS_NO_THRESHOLD = lazy_pattern(
    r"无门槛|no[\s-]?(?:threshold|minimum|min)\b|without\s+(?:a\s+|any\s+)?(?:threshold|minimum)|"
    r"\b(?:cash|flat)\b|现金"
)


def read_coupon_change(words: str, old: CouponWords) -> CouponWords | None:
    """The card's coupon `old` with the value `words` (normalised) gives, keeping its
    threshold ("减80" on 满500减100 is 满500减80; "25 off" on "¥20 off orders over ¥200" is ¥25
    off it), or with the threshold they give, keeping its value ("满400就好" is 满400减100);
    None when `words` say neither alone (a whole coupon is read as any coupon is).
    Ask when the value's kind is unclear: money alone on a card with a threshold (满500减80,
    or a plain ¥80 coupon?), "25 off" on a discount card (¥ or %?)."""
    words = words.strip().replace("嘅", "的")
    if _SAYS_NO_THRESHOLD.search(words):
        return None
    for pattern in _VALUE_ONLY:
        found = pattern.match(words)
        if found is not None:
            return _with_value(old, _amount(found[1]), words)
    for pattern in _THRESHOLD_ONLY:
        found = pattern.match(words)
        if found is not None:
            return _with_threshold(old, _amount(found[1]))
    found = _PLAIN_MONEY.match(words)
    if found is None or not old.threshold:
        return None
    value = _plain(_amount(found[1]))
    raise Ask(
        f"是改成“满{_plain(old.threshold)}减{value}”（保留门槛），还是无门槛的{value}元券？"
        f"请说“改成减{value}”或“改成无门槛{value}元”。",
        f"¥{value} off orders over ¥{_plain(old.threshold)} (the threshold kept), or a plain "
        f"¥{value} coupon with no minimum? Say 'make it {value} off' or 'a ¥{value} coupon "
        "with no minimum'.",
    )


# Words that make a value money: "减80", "¥25 off", "25 dollars off", "面额80".
_MONEY_SAID = lazy_pattern(r"减|抵|省|元|块|蚊|¥|\$|rmb|yuan|dollar|buck|面额|面值|金额")


def _with_value(old: CouponWords, value: Decimal, words: str) -> CouponWords:
    unit_said = bool(_MONEY_SAID.search(words))
    if old.kind == "discount" and not old.threshold and not unit_said:
        raise _two_readings("unit")  # "25 off" on a 9折 card: ¥25 or 25%?
    coupon = (
        CouponWords("threshold", value, old.threshold)
        if old.threshold
        else CouponWords("no_threshold", value)
    )
    _check(coupon)
    return coupon


def _with_threshold(old: CouponWords, threshold: Decimal) -> CouponWords:
    if old.kind == "discount":
        coupon = CouponWords("discount", None, threshold, old.pay_percent)
    else:
        coupon = CouponWords("threshold", old.value, threshold)
    _check(coupon)
    return coupon


# ---- the canonical words, read back ---------------------------------------------------------

_CANONICAL = (
    (lazy_pattern(r"满(\d+(?:\.\d+)?)减(\d+(?:\.\d+)?)"), "threshold"),
    (lazy_pattern(r"满(\d+(?:\.\d+)?)打(\d(?:\.\d)?)折"), "discount_from"),
    (lazy_pattern(r"(\d(?:\.\d)?)折"), "discount"),
    (lazy_pattern(r"(\d+(?:\.\d+)?)元券"), "no_threshold"),
)


def parse_coupon_words(words: str) -> CouponWords | None:
    """The coupon for canonical words (CouponWords.words), or None for anything else."""
    for pattern, kind in _CANONICAL:
        m = pattern.fullmatch(words)
        if m is None:
            continue
        if kind == "threshold":
            return CouponWords("threshold", Decimal(m[2]), Decimal(m[1]))
        if kind == "discount_from":
            return CouponWords("discount", None, Decimal(m[1]), int(Decimal(m[2]) * 10))
        if kind == "discount":
            return CouponWords("discount", pay_percent=int(Decimal(m[1]) * 10))
        return CouponWords("no_threshold", Decimal(m[1]))
    return None


# ---- the message around the coupon ---------------------------------------------------------

# The variables a message may use (bot.services.campaigns.content fills them in).
# WeCom's limit on a mass message's text (externalcontact/add_msg_template text.content:
# "最多4000个字节", UTF-8 bytes).
MAX_MESSAGE_BYTES = 4000
MESSAGE_VARIABLES = ("name", "coupon_code", "coupon_desc", "coupon_expires")
# One brace on each side: "{{name}}" (another tool's placeholder) is the member's own text, sent
# as typed and shown so on the card, never filled in (bot/services/campaigns/content.py).
_VARIABLE = lazy_pattern(r"(?<!\{)\{([A-Za-z_]+)\}(?!\})")


def message_too_long(size: int) -> Ask:
    """The question back about a message WeCom would refuse: the limit, said plainly."""
    return Ask(
        f"这条消息太长了（{size}字节）：企业微信群发的文字最多{MAX_MESSAGE_BYTES}字节"
        f"（约{MAX_MESSAGE_BYTES // 3}个汉字）。请缩短后再发。",
        f"That message is too long ({size} bytes): a WeCom mass message holds at most "
        f"{MAX_MESSAGE_BYTES} bytes of text (about {MAX_MESSAGE_BYTES} English letters or "
        f"{MAX_MESSAGE_BYTES // 3} Chinese characters). Please shorten it.",
    )


def check_message(details: dict[str, Any]) -> None:
    """Ask back, before any card, for a message the campaign could not send as written: a
    coupon variable without a coupon, or a misspelt variable ({coupon} for {coupon_code})."""
    message = str(details.get("message") or "")
    size = len(message.encode("utf-8"))
    if size > MAX_MESSAGE_BYTES:
        raise message_too_long(size)
    names = _VARIABLE.findall(message)
    unknown = [n for n in names if n not in MESSAGE_VARIABLES]
    if unknown:
        listed = "、".join("{" + n + "}" for n in unknown)
        raise Ask(
            f"消息里的 {listed} 不是可用的变量。可用：{{name}}（客户称呼）、"
            "{coupon_code}（券码）、{coupon_desc}（券的说明）、{coupon_expires}（有效期）。",
            f"{', '.join('{' + n + '}' for n in unknown)} is not a variable; use {{name}}, "
            "{coupon_code}, {coupon_desc} or {coupon_expires}.",
        )
    if "name" in names and not details.get("per_customer"):
        raise Ask(
            "消息里的 {name} 要给每位客户单独建一条企业微信群发任务，每位销售要逐条确认。"
            "去掉 {name} 即可每位销售只确认一次；确实要逐个称呼，请在句中加上“逐个发送”。",
            "{name} needs one WeCom task per customer, each confirmed separately by its "
            "salesperson. Leave {name} out to need one confirmation per salesperson, or add "
            "'one by one' to the sentence if each customer must be named.",
        )
    if not details.get("coupon") and any(n.startswith("coupon_") for n in names):
        raise Ask(
            "消息里用了券码 {coupon_code}/{coupon_desc}，但没有说要发哪张券。请一起说明，例如："
            "发一张满100减20的券，消息“您的券码 {coupon_code}”。",
            "The message uses {coupon_code}/{coupon_desc} but no coupon was named. Name it too, "
            "e.g. send … a coupon ¥20 off orders over ¥100 with the message “Your code: "
            "{coupon_code}”.",
        )
