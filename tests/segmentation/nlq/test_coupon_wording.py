"""Coupon wording by category: every way a threshold coupon, a discount or a plain coupon is
written reads as exactly one coupon (threshold X, value Y); forms with two readings are asked
back; coupons that cost more than they sell are refused. The sentences are generated from the
forms × amounts × push frames, so a form is tested in every frame, not once."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Clarification, Command, build_vocabulary
from segmentation.nlq.coupons import parse_coupon_words
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nodes import to_json
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡", "高意向"],
    staff=[StaffInfo("zhangsan", "张三", (1,)), StaffInfo("lisi", "李四", (1,))],
    departments=[(1, "销售一部")],
    saved=["跟进名单"],
    catalog=NamedSegmentCatalog.load(),
)

AMOUNTS = [(100, 20), (299, 50), (1000, 150), (88, 8)]
ZH_FRAMES = [
    "给近30天有咨询的客户发一张{c}的券",
    "给VIP客户发{c}的优惠券",
    "把{c}的券发给上海的客户",
    "給近30天有咨詢的客戶發一張{c}的券",
    # The coupon before its recipients, one each, give without a send verb (blind s9-2)
    "发一张{c}的券给上海的客户",
    "流失风险客户每人发一张{c}的券",
    "俾啲金卡客一張{c}嘅券",
    "給高意向客戶每位送一張{c}的優惠券",
]
EN_FRAMES = [
    "send customers who inquired in the last 30 days a coupon for {c}",
    "send VIP customers a {c} coupon",
    "send a coupon {c} to customers in Shanghai",
    "give customers who ordered in the last 90 days a voucher for {c}",
    "send out a coupon for {c} to customers in Shanghai",
    "each VIP customer gets a voucher for {c}",
]
ZH_THRESHOLD = [
    "满{x}减{y}",
    "满{x}元减{y}元",
    "满{x}减{y}元",
    "满{x}块减{y}块",
    "满{x}立减{y}",
    "{x}减{y}",
    "{x}元减{y}元",
    "滿{x}減{y}",
    "满{x}可用{y}元",
]
EN_THRESHOLD = [
    "{y} off {x}",
    "¥{y} off ¥{x}",
    "${y} off ${x}",
    "{y} yuan off {x}",
    "{y} off orders over {x}",
    "¥{y} off orders over ¥{x}",
    "{y} rmb off purchases above {x}",
    "{x} minus {y}",
    "spend {x} get {y} off",
    "save {y} on orders over {x}",
    "{y} off when you spend {x}",
    # Hyphens for spaces, a plus for "or more" (blind s9-2)
    "{y}-off-{x}",
    "¥{y}-off-¥{x}",
    "{y} off orders of {x}+",
]


_READER = Reader(VOCAB)
parse = _READER.parse


def coupon_of(text: str) -> str:
    result = parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    assert result.intent == "push", text
    return str(result.details.get("coupon"))


# English frames with no article before the coupon: it starts at its amount. Only the
# forms that are a noun ("20 off 100", not "spend 100 get 20 off") can stand there.
BARE_EN_FRAMES = [
    "send VIP customers {c} coupons",
    "send customers who ordered more than 3 times {c} coupons",
]
EN_NOUN_THRESHOLD = [f for f in EN_THRESHOLD if not f.startswith(("spend", "save"))]
THRESHOLD_CASES = [
    (frame.format(c=form.format(x=x, y=y)), f"满{x}减{y}")
    for frames, forms in (
        (ZH_FRAMES, ZH_THRESHOLD),
        (EN_FRAMES, EN_THRESHOLD),
        # Mixed: a Chinese coupon in an English sentence ("send them a 满100减20 coupon").
        (EN_FRAMES + BARE_EN_FRAMES, ZH_THRESHOLD),
        (BARE_EN_FRAMES, EN_NOUN_THRESHOLD),
    )
    for frame, form, (x, y) in itertools.product(frames, forms, AMOUNTS)
]


@pytest.mark.parametrize(("text", "expected"), THRESHOLD_CASES)
def test_every_threshold_form_reads_as_threshold_x_value_y(text: str, expected: str) -> None:
    assert coupon_of(text) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("满一百减二十", "满100减20"),
        ("满两百减三十", "满200减30"),
        ("满1千减100", "满1000减100"),
        ("满1.5k减200", "满1500减200"),
        ("满99.9减9.9", "满99.9减9.9"),
        ("满100.00减20.00", "满100减20"),
        ("满１００减２０", "满100减20"),
        ("满￥100减￥20", "满100减20"),
    ],
)
def test_numbers_are_read_however_written(form: str, expected: str) -> None:
    assert coupon_of(f"给近30天有咨询的客户发一张{form}的券") == expected


DISCOUNTS = [
    ("9折", "9折"),
    ("8.5折", "8.5折"),
    ("85折", "8.5折"),
    ("95折", "9.5折"),
    ("九折", "9折"),
    ("八五折", "8.5折"),
    ("七点五折", "7.5折"),
    ("打8折", "8折"),
    ("9 折", "9折"),
    ("满200打9折", "满200打9折"),
    ("满200享8折", "满200打8折"),
]
EN_DISCOUNTS = [
    ("20% off", "8折"),
    ("15% off", "8.5折"),
    ("15 percent off", "8.5折"),
    ("10% discount", "9折"),
    ("20% off orders over 200", "满200打8折"),
    ("20%-off", "8折"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [(f.format(c=d), e) for f, (d, e) in itertools.product(ZH_FRAMES, DISCOUNTS)]
    + [(f.format(c=d), e) for f, (d, e) in itertools.product(EN_FRAMES, EN_DISCOUNTS)],
)
def test_every_discount_form_reads_as_the_share_paid(text: str, expected: str) -> None:
    assert coupon_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("给近30天有咨询的客户发一张20元券", "20元券"),
        ("给近30天有咨询的客户发一张20元无门槛券", "20元券"),
        ("给近30天有咨询的客户发一张无门槛20元的券", "20元券"),
        ("给近30天有咨询的客户发20元红包", "20元券"),
        ("给近30天有咨询的客户发一张二十元的代金券", "20元券"),
        ("send customers who inquired in the last 30 days a ¥20 coupon", "20元券"),
        ("send customers who inquired in the last 30 days a 20 yuan voucher", "20元券"),
        ("send customers who inquired in the last 30 days a coupon for ¥20 off", "20元券"),
        ("send customers who inquired in the last 30 days a coupon worth ¥20", "20元券"),
        ("send customers who inquired in the last 30 days a voucher worth 20 yuan", "20元券"),
        ("send customers who inquired in the last 30 days a coupon worth 20% off", "8折"),
    ],
)
def test_a_plain_coupon_has_only_a_value(text: str, expected: str) -> None:
    assert coupon_of(text) == expected


# A whole coupon said as a noun phrase, its value by "worth" or its threshold as a minimum
# after it (blind s9-2): read in every English frame.
EN_COUPON_NOUNS = [
    "a coupon worth ¥{y} on orders above ¥{x}",
    "a voucher worth {y} for orders over {x}",
    "a coupon worth {y} yuan when they spend {x}",
    "a ¥{y} coupon, min spend ¥{x}",
    "a ¥{y} coupon with a ¥{x} minimum spend",
    "a {y} yuan voucher with a minimum order of {x}",
]
EN_NOUN_FRAMES = [
    "send VIP customers {c}",
    "send {c} to customers in Shanghai",
    "give customers who ordered in the last 90 days {c}",
    "every day at 9am send at-risk customers {c}",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (frame.format(c=form.format(x=x, y=y)), f"满{x}减{y}")
        for frame, form, (x, y) in itertools.product(EN_NOUN_FRAMES, EN_COUPON_NOUNS, AMOUNTS)
    ],
)
def test_a_coupon_worth_y_with_a_minimum_x_is_threshold_x_value_y(text: str, expected: str) -> None:
    result = parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    assert result.details.get("coupon") == expected, text


# "N off" alone is ¥ or % (asked back), but said with no minimum it is a cash coupon: a
# no-threshold coupon is never a percentage (blind s12-conv2).
NO_MINIMUM = [
    "a {y} off coupon, no minimum",
    "a {y} off coupon with no threshold",
    "a {y} off voucher without a minimum",
    "a {y} off, no-min voucher",
    "a {y} off coupon with no minimum",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (frame.format(c=form.format(y=y)), f"{y}元券")
        for frame, form, (_, y) in itertools.product(EN_NOUN_FRAMES, NO_MINIMUM, AMOUNTS)
    ],
)
def test_n_off_with_no_minimum_is_a_cash_coupon(text: str, expected: str) -> None:
    result = parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result.message}"
    assert result.details.get("coupon") == expected, text


@pytest.mark.parametrize(
    "text",
    [
        "给VIP发 coupon",
        "给VIP客户发个coupon吧",
        "send VIP customers a coupon",
        "每周三 10am 给金卡客户发 coupon",
        "發張 coupon 俾啲VIP客",
    ],
)
def test_a_coupon_without_amounts_is_asked_which(text: str) -> None:
    result = parse(text)
    assert isinstance(result, Clarification), f"{text!r} read as {result}"
    assert "券" in result.message or "coupon" in result.message.lower()


# Forms that can be read two ways, or cost more than they sell: asked back, never guessed.
ASK_BACK = {
    "stacking": ["每满{x}减{y}", "for every {x} spent {y} off"],
    "gift or cash back": ["满{x}送{y}", "满{x}返{y}"],
    "order unclear": ["{y}减{x}", "{y} minus {x}"],
    "no unit": ["{y} off"],
    "two coupons": ["满{x}减{y}和9折", "满{x}减{y}或满{x}减{y}0"],
    "leftover number": ["满{x}减{y}送{y}", "{x}元{y}元"],
}


@pytest.mark.parametrize(
    "text",
    [
        frame.format(c=form.format(x=x, y=y))
        for forms in ASK_BACK.values()
        for form in forms
        for frame in (ZH_FRAMES[0], EN_FRAMES[0])
        for x, y in AMOUNTS[:2]
    ],
)
def test_a_form_with_two_readings_is_asked_back(text: str) -> None:
    result = parse(text)
    assert isinstance(result, Clarification), f"{text!r} read as {result.details}"


@pytest.mark.parametrize(
    ("zh_form", "en_form", "reason_zh", "reason_en"),
    [
        ("满1减99999", "99999 off 1", "面额必须小于门槛", "below its threshold"),
        ("满100减100", "¥100 off orders over ¥100", "面额必须小于门槛", "below its threshold"),
        ("满100减0", "0 off 100", "必须大于0", "above 0"),
        ("1折", "90% off", "1折到9.9折", "between 1 and 9.9"),
        ("0.5折", "95% off", "1折到9.9折", "between 1 and 9.9"),
        ("一折", "pay 5%", "1折到9.9折", "between 1 and 9.9"),
        ("满99999999减20", "20 off 99999999", "太大", "too large"),
    ],
)
def test_a_coupon_that_costs_more_than_it_sells_is_refused_with_the_reason(
    zh_form: str, en_form: str, reason_zh: str, reason_en: str
) -> None:
    zh = parse(f"给近30天有咨询的客户发一张{zh_form}的券")
    en = parse(f"send customers who inquired in the last 30 days a coupon for {en_form}")
    assert isinstance(zh, Clarification) and reason_zh in zh.message
    assert isinstance(en, Clarification) and reason_en in en.message


@pytest.mark.parametrize(
    "words", ["满100减20", "满99.9减9.9", "8.5折", "9折", "满200打9折", "20元券", "1500元券"]
)
def test_canonical_words_read_back_to_the_same_coupon(words: str) -> None:
    coupon = parse_coupon_words(words)
    assert coupon is not None and coupon.words == words


def test_the_template_carries_threshold_value_and_share_paid() -> None:
    assert parse_coupon_words("满100减20").template() == {  # type: ignore[union-attr]
        "kind": "threshold",
        "threshold": "100",
        "value": "20",
    }
    discount = parse_coupon_words("满200打8.5折")
    assert discount is not None and discount.template()["percent"] == 85
    assert discount.threshold == Decimal(200)


# ---- a coupon and a message in one sentence --------------------------------------------------

BOTH = [
    ("给近30天有咨询的客户发一张满200减30的券，消息“欢迎到店”", "满200减30", "欢迎到店"),
    ("给近30天有咨询的客户发一张满200减30的券，并发消息“欢迎到店”", "满200减30", "欢迎到店"),
    ("给近30天有咨询的客户发消息“到店 {coupon_code}”和一张9折券", "9折", "到店 {coupon_code}"),
    ("給近30天有咨詢的客戶發一張滿200減30的券，訊息「歡迎到店」", "满200减30", "歡迎到店"),
    (
        "send customers who inquired in the last 30 days a coupon for 30 off 200 with the "
        'message "Welcome back"',
        "满200减30",
        "Welcome back",
    ),
    (
        "send customers who inquired in the last 30 days a 20% off coupon and the message "
        '"See you soon, {name}" one by one',
        "8折",
        "See you soon, {name}",
    ),
]


@pytest.mark.parametrize(("text", "coupon", "message"), BOTH)
def test_a_coupon_and_a_message_in_one_sentence_keep_both(
    text: str, coupon: str, message: str
) -> None:
    result = parse(text)
    assert isinstance(result, Command), getattr(result, "message", "")
    assert result.details.get("coupon") == coupon
    assert result.details.get("message") == message


@pytest.mark.parametrize(
    "text",
    [
        "给近30天有咨询的客户发消息：老朋友回馈，本周下单享9折",
        "给近30天有咨询的客户发消息“满100减20，欢迎到店”",
        'send customers who inquired in the last 30 days the message "20% off this week"',
    ],
)
def test_a_discount_inside_the_message_is_no_coupon(text: str) -> None:
    result = parse(text)
    assert isinstance(result, Command) and "coupon" not in result.details


@pytest.mark.parametrize(
    ("text", "language", "words"),
    [
        ("给近30天有咨询的客户发消息“您的券码 {coupon_code}”", "zh", "没有说要发哪张券"),
        ("给近30天有咨询的客户发消息“送您{coupon_desc}”", "zh", "没有说要发哪张券"),
        ('send customers in Shanghai the message "Your code: {coupon_code}"', "en", "no coupon"),
        ("给近30天有咨询的客户发一张9折券，消息“券码 {coupon}”", "zh", "不是可用的变量"),
    ],
)
def test_a_coupon_variable_without_a_coupon_is_asked_back_in_the_users_language(
    text: str, language: str, words: str
) -> None:
    result = parse(text)
    assert isinstance(result, Clarification)
    assert result.language == language and words in result.message


# ---- a push's segment is the segment the same words list -------------------------------------

ZH_CONDITIONS = [
    "近30天有咨询但未下单的客户",
    "张三的近30天有咨询但没下单的客户",
    "上海的VIP客户",
    "消费超过1000元的女性客户",
    "90天没下单的金卡客户",
    "销售一部的高意向客户",
    "近7天到过店或加购过的客户",
    "不在上海的VIP客户",
]
EN_CONDITIONS = [
    "customers who inquired in the last 30 days but did not order",
    "Zhang San's customers who inquired in the last 30 days but did not order",
    "VIP customers in Shanghai",
    "female customers who spent more than 1000",
    "customers tagged 金卡 who have not ordered in the last 90 days",
    "customers who visited the store in the last 7 days",
    "customers who inquired at least 2 times in the last 30 days",
    "customers who bought in the last 90 days and are not tagged VIP",
]
ZH_PUSHES = [
    "给{s}发一张满100减20的券",
    "给{s}发消息“欢迎回来”",
    "给{s}发一张满200减30的券，消息“欢迎到店”",
    "把满100减20的券发给{s}",
    "向{s}推送9折券",
]
EN_PUSHES = [
    'send {s} the message "welcome back"',
    "send {s} a coupon for 20 off orders over 100",
    "send {s} a ¥20 off ¥100 coupon",
    'send a message "welcome to the store" to {s}',
    "give {s} one 10% off voucher",
    'message {s}: "see you soon"',
]


@pytest.mark.parametrize(
    ("conditions", "push"),
    [(c, p) for c in ZH_CONDITIONS for p in ZH_PUSHES]
    + [(c, p) for c in EN_CONDITIONS for p in EN_PUSHES],
)
def test_a_push_reaches_exactly_the_segment_the_same_words_list(conditions: str, push: str) -> None:
    listed = parse(conditions)
    pushed = parse(push.format(s=conditions))
    assert isinstance(listed, Command), getattr(listed, "message", "")
    assert isinstance(pushed, Command), getattr(pushed, "message", "")
    assert pushed.intent == "push"
    assert listed.segment is not None and pushed.segment is not None
    assert to_json(pushed.segment) == to_json(listed.segment)
