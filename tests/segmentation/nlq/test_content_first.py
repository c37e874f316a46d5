"""An action whose content comes first, glued to its verb and whom (issue 19, blind s13): a coupon,
a quoted message or a tag said before 发给/推播給/send俾/to/for/打给/tag落/给…打上, a tag verb and
its name before a colon, whom first and the English verb after — in zh-Hans, zh-Hant (Taiwan,
HK), English and mixed. And the guard: a sentence with an action verb and content is an action
or asked back, never answered as a plain list (segmentation/nlq/action_guard.py)."""

from __future__ import annotations

import pytest

from segmentation.nlq import Clarification, Command
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

VOCAB = small_vocabulary()
ACTIONS = ("push", "tag", "untag", "schedule")


_READER = Reader(VOCAB)
parse = _READER.parse
command = _READER.command


def sent(result: Command) -> dict[str, object]:
    return {k: v for k, v in result.details.items() if k not in ("script", "schedule")}


def is_vip_in_shanghai(result: Command) -> bool:
    return "VIP" in str(result.segment) and "上海" in str(result.segment)


WHOM = {"zh": "上海的VIP", "hant": "上海嘅VIP", "en": "VIP customers in Shanghai"}

# ---- a coupon first: its form × the verb (and 给/to/for alone) that sends it to whom --------

COUPONS = [  # (as said, as read, the language of whom said after it)
    ("20元无门槛券", "20元券", "zh"),
    ("8折券", "8折", "zh"),
    ("一张满200减30的券", "满200减30", "zh"),
    ("滿千折百的折價券", "满1000减100", "zh"),
    ("九折券", "9折", "zh"),
    ("50蚊現金券", "50元券", "hant"),
    ("滿300減50嘅券", "满300减50", "hant"),
    ("¥30 off ¥200 coupon", "满200减30", "en"),
    ("a 20% off coupon", "8折", "en"),
    ("满200减30 coupon", "满200减30", "en"),
]
VERBS = {
    "zh": ["发给", "发送给", "送给", "推给", "推播給", "send給", "给"],
    "hant": ["send俾", "發俾", "發給"],
    "en": [" to ", " for ", " send to "],
}
COUPON_FIRST = [
    (f"{coupon}{verb}{WHOM[lang]}", read) for coupon, read, lang in COUPONS for verb in VERBS[lang]
]


# the coupon's own word before its amounts: "coupon 20% off to …", "券：满200减30发给…"
COUPON_FIRST += [
    ("coupon 20% off to VIP customers in Shanghai", "8折"),
    ("coupon: ¥30 off ¥200 for VIP customers in Shanghai", "满200减30"),
    ("券：满200减30发给上海的VIP", "满200减30"),
    ("优惠券满200减30送给上海的VIP", "满200减30"),
    ("折價券滿千折百推播給上海的VIP", "满1000减100"),
]


@pytest.mark.parametrize(("text", "coupon"), COUPON_FIRST)
def test_a_coupon_said_first_is_sent_to_whom_after_it(text: str, coupon: str) -> None:
    result = command(text)
    assert result.intent == "push", text
    assert is_vip_in_shanghai(result), text
    assert sent(result) == {"coupon": coupon}, text


# ---- a quoted message first ----------------------------------------------------------------

QUOTE_FIRST = [
    "“新品到店”发给上海的VIP",
    "“新品到店”推播給上海的VIP",
    "「新品到店」send俾上海嘅VIP",
    "「新品到店」發俾上海嘅VIP",
    "将“新品到店”发给上海的VIP",
    '"新品到店" to VIP customers in Shanghai',
    '"新品到店" send to VIP customers in Shanghai',
]


@pytest.mark.parametrize("text", QUOTE_FIRST)
def test_a_quoted_message_said_first_is_sent_to_whom_after_it(text: str) -> None:
    result = command(text)
    assert result.intent == "push", text
    assert is_vip_in_shanghai(result), text
    assert sent(result) == {"message": "新品到店"}, text


# ---- a tag first: its form × the clause that puts it on whom -------------------------------

TAGS_ZH = ["“高意向”这个标签", "标签“高意向”", "高意向标签", "「高意向」標籤", "高意向这个标签"]
CLAUSES_ZH = [
    "打给上海的VIP",
    "贴到上海的VIP身上",
    "给上海的VIP打上",
    "幫上海嘅VIP貼上",
    "tag落上海嘅VIP度",
]
TAGS_EN = ["高意向 tag", "the 高意向 tag", "“高意向” tag", "tag “高意向”"]
CLAUSES_EN = ["for VIP customers in Shanghai", "to VIP customers in Shanghai",
              "on VIP customers in Shanghai"]  # fmt: skip
TAG_FIRST = [
    *(f"{tag}{clause}" for tag in TAGS_ZH for clause in CLAUSES_ZH),
    *(f"{tag} {clause}" for tag in TAGS_EN for clause in CLAUSES_EN),
    "將「高意向」tag落上海嘅VIP度",
    "把“高意向”tag落上海嘅VIP身上",
]


@pytest.mark.parametrize("text", TAG_FIRST)
def test_a_tag_said_first_goes_on_whom_after_it(text: str) -> None:
    result = command(text)
    assert result.intent == "tag", text
    assert is_vip_in_shanghai(result), text
    assert result.details["tag"] == "高意向", text


# ---- a tag verb and its name before a colon, whom after it -----------------------------------

TAG_THEN_COLON = [
    f"{verb}{WHOM[lang]}"
    for verb, lang in [
        ("打上高意向：", "zh"),
        ("贴上“高意向”标签：", "zh"),
        ("打高意向标签：", "zh"),
        ("貼上高意向標籤：", "hant"),
        ("tag as 高意向: ", "en"),
        ("tag 高意向: ", "en"),
        ("tag with “高意向”: ", "en"),
        ("請幫我打上高意向：", "zh"),
    ]
]


@pytest.mark.parametrize("text", TAG_THEN_COLON)
def test_a_tag_named_before_a_colon_goes_on_whom_after_it(text: str) -> None:
    result = command(text)
    assert result.intent == "tag", text
    assert is_vip_in_shanghai(result), text
    assert result.details["tag"] == "高意向", text


# ---- whom first, the English verb after them -------------------------------------------------

WHOM_THEN_TAG = [
    "上海的VIP客户tag高意向",
    "上海嘅VIP客tag晒高意向",
    "上海的VIP客户 tag “高意向”",
    "VIP customers in Shanghai tag as 高意向",
    "VIP customers in Shanghai - tag them with “高意向”",
    "VIP customers in Shanghai, tag as 高意向",
]


@pytest.mark.parametrize("text", WHOM_THEN_TAG)
def test_whom_first_then_the_english_tag_verb(text: str) -> None:
    result = command(text)
    assert result.intent == "tag", text
    assert is_vip_in_shanghai(result), text
    assert result.details["tag"] == "高意向", text


# ---- schedules with the content first ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("每周五下午三点，20元无门槛券发给上海的VIP", {"coupon": "20元券"}),
        ("每週五下午三點 滿千折百的券發給上海的VIP", {"coupon": "满1000减100"}),
        ("每週五下午三點推播給上海的VIP：週末限時優惠", {"message": "週末限時優惠"}),
        ("every Friday at 3pm ¥30 off ¥200 coupon to VIP customers in Shanghai",
         {"coupon": "满200减30"}),
    ],
)  # fmt: skip
def test_a_schedule_sends_the_content_said_first(text: str, what: dict[str, str]) -> None:
    result = command(text)
    assert result.intent == "schedule", text
    assert is_vip_in_shanghai(result), text
    assert sent(result) == what, text
    assert result.details["schedule"] == {"every": "week", "weekday": 5, "time": "15:00"}, text


# ---- not actions: a question about a send, words that describe customers --------------------


@pytest.mark.parametrize(
    "text",
    [
        "满200减30的券发给了哪些客户",
        "满200减30的券发给上海的VIP了吗",
        "how many 满200减30 coupons to VIP customers were redeemed",
        "“高意向”给上海的VIP",
    ],
)
def test_a_question_about_a_send_orders_none(text: str) -> None:
    result = parse(text)
    assert isinstance(result, Clarification) or result.intent not in ACTIONS, text


@pytest.mark.parametrize(
    "text",
    [
        "收到过群发消息的VIP",
        "有VIP tag的客户",
        "打上高意向标签的客户",
        "“高意向”标签，近7天咨询过的",
        "customers with the VIP tag in Shanghai",
    ],
)
def test_words_that_describe_customers_stay_a_query(text: str) -> None:
    assert command(text).intent == "list", text


# ---- the guard: an action verb and content is an action or asked back, never a list ---------

UNREADABLE = [
    "20元无门槛券发给",
    "“新品到店”发给",
    "待跟进 tag for",
    "打上高意向：",
    "¥30 off ¥200 coupon to",
    "8折券推播給",
    "「多謝支持」send俾",
    "标签“金卡”给打上",
]


@pytest.mark.parametrize("text", UNREADABLE)
def test_an_action_with_no_whom_is_asked_back(text: str) -> None:
    assert isinstance(parse(text), Clarification), text


ALL_ACTIONS = [
    *(t for t, _ in COUPON_FIRST),
    *QUOTE_FIRST,
    *TAG_FIRST,
    *TAG_THEN_COLON,
    *WHOM_THEN_TAG,
]


@pytest.mark.parametrize("text", ALL_ACTIONS)
def test_an_action_sentence_is_never_a_plain_list(text: str) -> None:
    # whom garbled ("上海的VIP" → "上海的VIP和和"): an action still, or asked — never a list
    for variant in (text, text.replace("上海", "上海和和"), text.replace("VIP", "VIPP")):
        result = parse(variant)
        assert isinstance(result, Clarification) or result.intent in ACTIONS, variant


def test_the_question_back_names_what_was_said() -> None:
    result = parse("20元无门槛券发给")
    assert isinstance(result, Clarification)
    assert "20元无门槛券" in result.message
