"""An action's content said apart from its verb (issue 19, blind s12): the message after a colon
at the end, a coupon's amounts after a colon, 寄 with a long coupon before its noun, a colon
after a schedule's time, a campaign word inside a message — in zh-Hans, zh-Hant (Taiwan, HK),
English and mixed. The corpus checks segments; these check what is sent, tagged and when."""

from __future__ import annotations

import pytest

from segmentation.nlq import Clarification, Command
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

VOCAB = small_vocabulary()


_READER = Reader(VOCAB)
parse = _READER.parse
command = _READER.command


def sent(result: Command) -> dict[str, object]:
    """What is sent: the details without the asker's script and the schedule."""
    return {k: v for k, v in result.details.items() if k not in ("script", "schedule")}


# ---- the message after a colon at the end, its message word before 给 -----------------------

MESSAGE_NOUN_FIRST = [
    "发消息给上海的VIP：新品到店，欢迎试用",
    "发一条消息给上海的VIP：新品到店，欢迎试用",
    "推送消息给上海的VIP：新品到店，欢迎试用",
    "傳個訊息俾上海嘅VIP：新品到店，欢迎试用",
    "發訊息給上海的VIP：新品到店，欢迎试用",
    "send message给上海的VIP：新品到店，欢迎试用",
    "发短信给上海的VIP: 新品到店，欢迎试用",
]


@pytest.mark.parametrize("text", MESSAGE_NOUN_FIRST)
def test_the_message_after_a_colon_follows_whom(text: str) -> None:
    result = command(text)
    assert result.intent == "push", text
    assert result.segment is not None and "VIP" in str(result.segment), text
    assert sent(result) == {"message": "新品到店，欢迎试用"}, text


def test_a_message_word_with_no_words_is_still_asked() -> None:
    assert isinstance(parse("发消息给上海的VIP"), Clarification)
    assert isinstance(parse("发消息给上海的VIP："), Clarification)


# ---- a coupon's amounts after a colon; 寄 before a long coupon --------------------------------

COUPON_AFTER_COLON = [
    ("发券给上海的VIP：满300减50", "满300减50"),
    ("发张券给上海的VIP：满千减百", "满1000减100"),
    ("寄折價券給上海的VIP：滿500折50", "满500减50"),
    ("派券俾上海嘅VIP：滿千折百", "满1000减100"),
    ("发一张券给上海的VIP：无门槛10元", "10元券"),
    ("send a coupon to VIP customers in Shanghai: 20% off", "8折"),
    ("寄一張滿千折百的折價券給上海的VIP", "满1000减100"),
    ("寄一张满500折50的折价券给上海的VIP", "满500减50"),
    ("寄滿500折50嘅現金券俾上海嘅VIP", "满500减50"),
]


@pytest.mark.parametrize(("text", "coupon"), COUPON_AFTER_COLON)
def test_a_coupon_said_apart_or_mailed(text: str, coupon: str) -> None:
    result = command(text)
    assert result.intent == "push", text
    assert result.segment is not None and "VIP" in str(result.segment), text
    assert sent(result) == {"coupon": coupon}, text


def test_a_coupon_with_no_amount_is_still_asked() -> None:
    assert isinstance(parse("发券给上海的VIP：尽快"), Clarification)
    assert isinstance(parse("寄一张折价券给上海的VIP"), Clarification)


# ---- schedules: a colon after the time, a campaign word inside the message ------------------

SCHEDULES = [
    ('every Friday 6pm: message VIP customers "Reminder: your trial kit is ready"',
     {"message": "Reminder: your trial kit is ready"}, "18:00"),
    ("每周一10点：给VIP客户发消息“本周活动已上线”", {"message": "本周活动已上线"}, "10:00"),
    ('每周一 10am 给 VIP 客户 send "本周活动已上线"', {"message": "本周活动已上线"}, "10:00"),
    ("每週一早上10點：傳訊息給VIP「本週活動已上線」", {"message": "本週活動已上線"}, "10:00"),
    ("每個月1號早上9點，寄滿500折50的折價券給上個月有下單的VIP", {"coupon": "满500减50"}, "09:00"),
    ("every Monday at 10am: send VIP customers a 满100减20 coupon", {"coupon": "满100减20"},
     "10:00"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "what", "time"), SCHEDULES)
def test_a_schedule_with_its_content_anywhere(text: str, what: dict[str, str], time: str) -> None:
    result = command(text)
    assert result.intent == "schedule", text
    assert sent(result) == what, text
    assert result.details["schedule"]["time"] == time, text


def test_a_campaign_quoted_alone_is_still_a_campaign_name() -> None:
    # the campaign word after the closing quote names a campaign (none is called 春季大促)
    assert isinstance(parse("收到过“春季大促”活动的客户"), Clarification)


# ---- a tag the company has after a weak tag verb, no tag noun -------------------------------

WEAK_VERB_KNOWN_TAG = [
    ("给上个月到过店的人都打个VIP", "VIP"),
    ("给上个月到过店的人打个金卡吧", "金卡"),
    ("幫上個月嚟過舖頭嘅客貼個VIP", "VIP"),
    ("給上個月到過店的人都貼個金卡吧", "金卡"),
    ("给上个月到过店的人都加个高意向", "高意向"),
    ("给上个月到过店的人都打个“新客礼遇”", "新客礼遇"),
]


@pytest.mark.parametrize(("text", "tag"), WEAK_VERB_KNOWN_TAG)
def test_a_weak_tag_verb_tags_with_a_tag_the_company_has(text: str, tag: str) -> None:
    result = command(text)
    assert result.intent == "tag", text
    assert result.details["tag"] == tag, text
    assert "visit" in str(result.segment), text


@pytest.mark.parametrize(
    "text", ["给上个月到过店的人打个电话", "给上个月到过店的人加个微信", "给上个月到过店的人打个折",
             "给上个月到过店的人都打个超级会员"]
)  # fmt: skip
def test_a_weak_verb_before_no_tag_tags_nothing(text: str) -> None:
    result = parse(text)
    assert isinstance(result, Clarification) or result.intent != "tag", text


# ---- the action said in parts: labelled, or the content first and the verb with whom after --

VIP_SH = "上海的VIP"
MESSAGE = "新品到店，欢迎试用"

PARTS_MESSAGE = [
    "消息内容：新品到店，欢迎试用。发给上海的VIP",
    "消息：新品到店，欢迎试用；对象：上海的VIP",
    "文案：新品到店，欢迎试用；发送对象：上海的VIP",
    "目标客户：上海的VIP；消息：新品到店，欢迎试用",
    "内容：“新品到店，欢迎试用”，对象：上海的VIP",
    "“新品到店，欢迎试用”，发给上海的VIP",
    "“新品到店，欢迎试用”这条消息，帮我发给上海的VIP",
    "把“新品到店，欢迎试用”这条消息，推送给上海的VIP",
    "訊息內容：新品到店，欢迎试用。發給上海的VIP",
    "話術：新品到店，欢迎试用；對象：上海嘅VIP",
    "「新品到店，欢迎试用」，發給上海嘅VIP",
    "message: 新品到店，欢迎试用; to: VIP customers in Shanghai",
    "to: VIP customers in Shanghai; message: 新品到店，欢迎试用",
    '"新品到店，欢迎试用" - send it to VIP customers in Shanghai',
    '"新品到店，欢迎试用", send this to VIP customers in Shanghai',
    '"新品到店，欢迎试用" -> VIP customers in Shanghai',
    "text: 新品到店，欢迎试用 -> VIP customers in Shanghai",
    "文案如下：新品到店，欢迎试用。发给上海的VIP",
    "內容係：新品到店，欢迎试用；send俾上海嘅VIP",
    "“新品到店，欢迎试用”，就发给上海的VIP吧",
    "“新品到店，欢迎试用”→上海的VIP",
    "msg: 新品到店，欢迎试用; send to VIP customers in Shanghai",
    "send to VIP customers in Shanghai: 新品到店，欢迎试用",
]


@pytest.mark.parametrize("text", PARTS_MESSAGE)
def test_a_message_said_apart_from_whom(text: str) -> None:
    result = command(text)
    assert result.intent == "push", text
    assert "VIP" in str(result.segment) and "上海" in str(result.segment), text
    assert sent(result) == {"message": MESSAGE}, text


def test_an_unquoted_message_is_sent_as_typed() -> None:
    result = command("訊息內容：新品到貨，歡迎試用。發給上海的VIP")
    assert sent(result) == {"message": "新品到貨，歡迎試用"}
    result = command("message: See You This Weekend; to: VIP customers in Shanghai")
    assert sent(result) == {"message": "See You This Weekend"}


PARTS_COUPON = [
    ("券：满200减30；对象：上海的VIP", "满200减30"),
    ("优惠券：满200减30；发送对象：上海的VIP", "满200减30"),
    ("对象：上海的VIP；券：满200减30", "满200减30"),
    ("券：无门槛10元；对象：上海的VIP", "10元券"),
    ("優惠券：滿千折百；對象：上海嘅VIP", "满1000减100"),
    ("折價券：滿500折50；對象：上海的VIP", "满500减50"),
    ("满300减50，券发给上海的VIP", "满300减50"),
    ("滿千折百，券寄給上海的VIP", "满1000减100"),
    ("一张满300减50的券，发给上海的VIP", "满300减50"),
    ("满300减50的券，帮我发给上海的VIP", "满300减50"),
    ("coupon: 20% off; to: VIP customers in Shanghai", "8折"),
    ("coupon 20% off -> VIP customers in Shanghai", "8折"),
    ("coupon: ¥30 off ¥200 -> VIP customers in Shanghai", "满200减30"),
    ("a 20% off coupon - send it to VIP customers in Shanghai", "8折"),
]


@pytest.mark.parametrize(("text", "coupon"), PARTS_COUPON)
def test_a_coupon_said_apart_from_whom(text: str, coupon: str) -> None:
    result = command(text)
    assert result.intent == "push", text
    assert "VIP" in str(result.segment) and "上海" in str(result.segment), text
    assert sent(result) == {"coupon": coupon}, text


def test_a_coupon_and_a_message_each_labelled() -> None:
    result = command("券：满300减50；文案：新品到店；对象：上海的VIP")
    assert sent(result) == {"coupon": "满300减50", "message": "新品到店"}


PARTS_TAG = [
    "打标签：高意向；对象：上海的VIP",
    "标签：高意向；对象：上海的VIP",
    "打标签：“高意向”；对象：上海的VIP",
    "标签名：高意向，目标：上海的VIP",
    "貼標籤：高意向；對象：上海嘅VIP",
    "“高意向”这个标签，帮我打给上海的VIP",
    "“高意向”標籤，幫我貼到上海嘅VIP身上",
    "高意向这个标签，给上海的VIP打上",
    "标签“高意向”，打给上海的VIP",
    "tag: 高意向; to: VIP customers in Shanghai",
    "tag: 高意向 -> VIP customers in Shanghai",
    "the tag “高意向” - apply it to VIP customers in Shanghai",
    "the tag 高意向 - apply it to VIP customers in Shanghai",
    "tag 高意向, apply to VIP customers in Shanghai",
    '"高意向" tag -> VIP customers in Shanghai',
]


@pytest.mark.parametrize("text", PARTS_TAG)
def test_a_tag_said_apart_from_whom(text: str) -> None:
    result = command(text)
    assert result.intent == "tag", text
    assert "VIP" in str(result.segment) and "上海" in str(result.segment), text
    assert result.details["tag"] == "高意向", text


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("消息：；对象：上海的VIP", "发送什么内容"),
        ("券：；对象：上海的VIP", "发什么券"),
        ("券：尽快；对象：上海的VIP", "发什么券"),
        ("对象：上海的VIP；发消息", "发送什么内容"),
        ("coupon 20 off -> VIP customers in Shanghai", "coupon"),
    ],
)
def test_missing_content_is_asked(text: str, says: str) -> None:
    result = parse(text)
    assert isinstance(result, Clarification), text
    assert says in result.message, result.message


@pytest.mark.parametrize(
    "text",
    [
        "消息内容：新品到店，欢迎试用。",
        "“新品到店”，发给",
        "满300减50，券发给",
        "标签：高意向；对象：",
        '"New arrivals" ->',
    ],
)
def test_whom_missing_sends_to_nobody(text: str) -> None:
    assert isinstance(parse(text), Clarification), text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("近30天咨询过，没下单的", "list"),
        ("上海的VIP，近30天咨询过", "list"),
        ("标签：VIP，城市：上海", "list"),
        ("“高意向”标签，近7天咨询过的", "list"),
        ("remove 高意向 tag，对象是上海的VIP", "untag"),
    ],
)
def test_parts_that_are_no_action_stay_what_they_are(text: str, intent: str) -> None:
    assert command(text).intent == intent, text


@pytest.mark.parametrize(
    "text",
    [
        "send a message to VIP customers in Shanghai: See You This Weekend",
        "push a note to VIP customers in Shanghai: See You This Weekend",
        "send VIP customers in Shanghai a message: See You This Weekend",
    ],
)
def test_an_english_message_after_a_colon_follows_whom(text: str) -> None:
    result = command(text)
    assert result.intent == "push", text
    assert sent(result) == {"message": "See You This Weekend"}, text


PARTS_UNTAG = [
    "去掉标签：高意向；对象：上海的VIP",
    "移除標籤：高意向；對象：上海嘅VIP",
    "remove tag: 高意向; customers: VIP customers in Shanghai",
    "untag: 高意向 -> VIP customers in Shanghai",
]


@pytest.mark.parametrize("text", PARTS_UNTAG)
def test_a_tag_taken_off_said_in_parts(text: str) -> None:
    result = command(text)
    assert result.intent == "untag", text
    assert "VIP" in str(result.segment) and "上海" in str(result.segment), text
    assert result.details["tag"] == "高意向", text


SCHEDULED_PARTS = [
    "每周一10点，消息：本周活动已上线；对象：上海的VIP",
    "每周一10点，“本周活动已上线”，发给上海的VIP",
    "每週一早上10點，內容：本周活动已上线；對象：上海嘅VIP",
    "every Monday 10am, message: 本周活动已上线; to: VIP customers in Shanghai",
]


@pytest.mark.parametrize("text", SCHEDULED_PARTS)
def test_a_schedule_sends_what_is_said_in_parts(text: str) -> None:
    result = command(text)
    assert result.intent == "schedule", text
    assert "VIP" in str(result.segment) and "上海" in str(result.segment), text
    assert sent(result) == {"message": "本周活动已上线"}, text
    assert result.details["schedule"]["weekday"] == 1, text


# ---- Cantonese 個 after a people word is its possessive: the tag comes off them ------------

CANTONESE_POSSESSIVE = [
    ("將上個月落過單嘅客個「高意向」tag剷咗佢", "高意向"),
    ("將上海嘅客個VIP標籤撕咗佢", "VIP"),
    ("將上海嘅客戶個VIP標籤撕咗佢", "VIP"),
    ("上海嘅客個金卡tag攞走佢", "金卡"),
]


@pytest.mark.parametrize(("text", "tag"), CANTONESE_POSSESSIVE)
def test_a_tag_after_a_cantonese_possessive_comes_off(text: str, tag: str) -> None:
    result = command(text)
    assert result.intent == "untag", text
    assert result.details["tag"] == tag, text
