"""What a rep does with a segment, said every way (blind-s21-2): saving with the name after the
segment (存个分群叫X, 存一下：…，名字叫「X」, 個名叫), scheduling (以后每天…, weekly Friday 5pm,
every Wed noon, midnight), describing (是什么画像, 给我个画像, 輪廓長怎樣, 睇下個構成), pushing
(送张/派张 without 一, 免門檻 coupons, ¥1,000, 群发一句：, msg晒, 发消息to), tagging and untagging
(身上的X标签, 把…的X删了, …，untag X, 全部貼返, 收過…張券), exporting as 试算表, channel and
first-added words in English (QR-code-scan customers, first added in September)."""

from __future__ import annotations

from datetime import date

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import build_vocabulary
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nodes import (
    AddedVia,
    And,
    CampaignCoupon,
    ChannelCode,
    City,
    DateRangeWindow,
    Gender,
    HasTag,
    NamedSegment,
    NewCustomer,
    Node,
    Owner,
    RollingWindow,
    Untagged,
    walk,
)
from segmentation.text import normalize_name
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡", "高意向", "待跟进"],
    staff=[StaffInfo("zhangsan", "张三", (1,)), StaffInfo("zhaoliu", "赵六", (1,))],
    departments=[(1, "销售一部")],
    saved=["跟进名单"],
    catalog=NamedSegmentCatalog.load(),
    channels=["官网活码", "展会2026", "抖音直播"],
    campaigns=[(1, "国庆回馈"), (2, "双11预热")],
)
READ = Reader(VOCAB)


def _kinds(segment: Node | None) -> set[type]:
    return {type(node) for node in walk(segment)} if segment is not None else set()


# ---------------------------------------------------------------- save: the name after whom

SAVES = [
    # zh-Hans
    ("上海的VIP客户，存个分群叫沪VIP", "沪VIP"),
    ("上海的VIP客户，保存成一个名单，名字叫沪VIP", "沪VIP"),
    ("存一下：上海的VIP客户，名字叫“沪VIP”", "沪VIP"),
    ("把上海的VIP客户存一下，名字叫“沪VIP”", "沪VIP"),
    # zh-Hant Taiwan
    ("上海的VIP客人，存個分群叫滬VIP", "滬VIP"),
    ("存一下：上海的VIP客人，名字叫「滬VIP」", "滬VIP"),
    # HK Cantonese
    ("幫我save低 上海嘅VIP客，個名叫「滬VIP」", "滬VIP"),
    ("上海嘅VIP客，save個分群叫「滬VIP」", "滬VIP"),
    # English, the name whole whatever words it holds
    ('save VIP customers in Shanghai as "sh untagged men"', "sh untagged men"),
    ('create a segment called "sh newbies" from customers first added in October', "sh newbies"),
    # mixed
    ("上海VIP客户，save个分群叫沪VIP", "沪VIP"),
]


@pytest.mark.parametrize(("text", "name"), SAVES)
def test_a_save_names_its_segment_whole(text: str, name: str) -> None:
    command = READ.command(text)
    assert command.intent == "save", text
    assert command.details["name"] == name


def test_a_name_with_tag_words_is_no_tag_change() -> None:
    segment = READ.segment('save Zhao Liu\'s male customers with no tags as "zl untagged men"')
    assert segment == And((And((Owner(("zhaoliu",)), Gender(1))), Untagged()))


def test_a_save_verb_ending_is_never_the_name() -> None:
    command = READ.command("存一下“北京VIP”：北京的VIP客户")
    assert command.details["name"] == "北京VIP"


# ---------------------------------------------------------------- schedules

SCHEDULES = [
    # zh-Hans: "from now on" says nothing more than the frequency
    ("以后每天10点给上海的VIP客户发消息“有问题随时问我”", {"every": "day", "time": "10:00"}),
    ("从今天起每周一上午9点给VIP发消息：新品到了", {"every": "week", "weekday": 1}),
    ("每月1号给VIP发一条：会员月礼已到", {"every": "month", "day": 1}),
    # zh-Hant Taiwan
    ("今後每週一早上9點給VIP客人發訊息「新品到貨」", {"every": "week", "weekday": 1}),
    ("每天下午五點，發一張50元折價券給VIP客人", {"every": "day", "time": "17:00"}),
    # HK Cantonese
    ("由而家開始每日朝早10點俾VIP客send個msg：「早晨」", {"every": "day", "time": "10:00"}),
    # English: weekday abbreviations, "weekly Friday" without "on", noon and midnight
    (
        'schedule a weekly Friday 5pm message to VIPs in Guangzhou: "We miss you"',
        {"every": "week", "weekday": 5, "time": "17:00"},
    ),
    ("every Wed noon send a ¥30 coupon to VIPs", {"every": "week", "weekday": 3, "time": "12:00"}),
    ("every Thurs at midnight send VIPs a ¥20 coupon", {"weekday": 4, "time": "00:00"}),
    ("every Sat at 9am message VIPs: hi", {"weekday": 6, "time": "09:00"}),
    ("from now on every Tue at 10am message VIPs: hi", {"weekday": 2}),
    # mixed
    ("以后every Mon 10am给VIP发消息：hi", {"every": "week", "weekday": 1, "time": "10:00"}),
]


@pytest.mark.parametrize(("text", "wanted"), SCHEDULES)
def test_a_schedule_said_every_way(text: str, wanted: dict[str, object]) -> None:
    command = READ.command(text)
    assert command.intent == "schedule", text
    schedule = command.details["schedule"]
    assert {k: schedule.get(k) for k in wanted} == wanted, schedule


# ---------------------------------------------------------------- describe

DESCRIBES = [
    "上海的VIP客户是什么画像",
    "上海的VIP客户都是些什么人，给我个画像",
    "上海的VIP客户，画像如何",
    "上海的VIP客戶輪廓長怎樣",
    "上海的VIP客戶輪廓長什麼樣",
    "上海嘅VIP客，幫我睇下個構成",
    "上海嘅VIP客係咩畫像",
    "break down who they are: VIP customers in Shanghai",
    "上海VIP客户，break down who they are",
]


@pytest.mark.parametrize("text", DESCRIBES)
def test_a_profile_asked_as_a_question_of_its_shape(text: str) -> None:
    command = READ.command(text)
    assert command.intent == "describe", text
    assert {City, HasTag} <= _kinds(command.segment), command.segment


# ---------------------------------------------------------------- push

COUPONS = [
    ("上海的VIP客户，送张满两千减三百的优惠券", "满2000减300"),
    ("上海的VIP客户，发张满千减百的券", "满1000减100"),
    ("給上海的VIP客戶各發一張免門檻100元券", "100元券"),
    ("给上海的VIP客户发一张零门槛50元券", "50元券"),
    ("上海嘅VIP客，派張滿千減百嘅coupon", "满1000减100"),
    ("俾上海嘅VIP客一張唔使門檻嘅50蚊券", "50元券"),
    ("给上海的VIP客户发一张50元抵扣券", "50元券"),
    ("coupon: ¥100 off ¥1,000 for VIP customers in Shanghai", "满1000减100"),
    ("send VIP customers in Shanghai a ¥100 off ¥1,000 coupon", "满1000减100"),
    ("voucher: 1,000 yuan minus 100 for VIP customers in Shanghai", "满1000减100"),
]


@pytest.mark.parametrize(("text", "coupon"), COUPONS)
def test_a_coupon_said_every_way(text: str, coupon: str) -> None:
    command = READ.command(text)
    assert command.intent == "push", text
    assert command.details.get("coupon") == coupon
    assert {City, HasTag} <= _kinds(command.segment), command.segment


MESSAGES = [
    ("给上海的VIP客户群发一句：感谢添加，有问题随时找我", "感谢添加，有问题随时找我"),
    ("上海的VIP客户，群发一句：感谢添加", "感谢添加"),
    ("給上海的VIP客人傳一句：新品到貨", "新品到貨"),
    ("幫我msg晒上海嘅VIP客：「新貨到咗」", "新貨到咗"),
    ("message一下上海VIP：新品到了", "新品到了"),
    ("发消息to 上海的VIP customers：库存不多了", "库存不多了"),
    ("發訊息to上海VIP：「新品到貨」", "新品到貨"),
]


@pytest.mark.parametrize(("text", "message"), MESSAGES)
def test_a_message_said_every_way(text: str, message: str) -> None:
    command = READ.command(text)
    assert command.intent == "push", text
    assert command.details.get("message") == message
    assert {City, HasTag} <= _kinds(command.segment), command.segment


@pytest.mark.parametrize(
    "text",
    ["同上海嘅VIP客講聲「歡迎」，順便發張9折券", "跟上海的VIP客户说一声“欢迎”，顺便发张9折券"],
)
def test_a_bare_measure_word_after_a_message_told_sends_both(text: str) -> None:
    command = READ.command(text)
    assert command.intent == "push", text
    assert command.details.get("message") in ("歡迎", "欢迎")
    assert command.details.get("coupon")
    assert {City, HasTag} <= _kinds(command.segment), command.segment


def test_a_bare_measure_word_before_a_name_is_no_coupon() -> None:
    # 张 without 一 is a coupon's only before a coupon word: 张三 stays a staff member
    assert READ.parse("上海的VIP客户，发张三的消息") is not None  # never raises
    command = READ.parse("给张三的客户发一张满100减20的券")
    assert getattr(command, "intent", None) == "push"
    assert Owner(("zhangsan",)) in list(walk(command.segment))  # type: ignore[union-attr]


# ---------------------------------------------------------------- tag and untag

UNTAGS = [
    "去掉我上海客户身上的高意向标签",
    "移除我上海客戶身上的高意向標籤",
    "把我上海客户的高意向删了",
    "將我上海啲客嘅高意向剷走",
    "我上海的客户，untag高意向",
    "我上海嘅客, untag 高意向",
    "我上海的客户，去掉高意向标签",
]


@pytest.mark.parametrize("text", UNTAGS)
def test_an_untag_said_every_way(text: str) -> None:
    command = READ.command(text)
    assert command.intent == "untag", text
    assert command.details["tag"] == "高意向"
    assert {Owner, City} <= _kinds(command.segment), command.segment


NARROWINGS = ["把上海客户里VIP的去掉", "上海客户的VIP去掉", "上海的客户，去掉VIP"]


@pytest.mark.parametrize("text", NARROWINGS)
def test_taking_away_without_a_tag_noun_is_no_untag(text: str) -> None:
    result = READ.parse(text)
    assert getattr(result, "intent", None) != "untag", result


TAGS = [
    "上海的VIP客户，全部贴上待跟进",
    "上海嘅VIP客，全部貼返待跟進",
    "上海嘅VIP客，都打返個待跟進",
    "上海的VIP客戶，一律貼待跟進",
]


@pytest.mark.parametrize("text", TAGS)
def test_a_tag_ordered_for_all_of_whom_before(text: str) -> None:
    command = READ.command(text)
    assert command.intent == "tag", text
    assert normalize_name(command.details["tag"]) == "待跟进"  # kept as typed, matched so


@pytest.mark.parametrize("text", ["上海客户都加个微信", "上海客户，加VIP"])
def test_a_weak_verb_with_no_company_tag_stays_unread(text: str) -> None:
    assert getattr(READ.parse(text), "intent", None) not in ("tag", "untag")


COUPON_HOLDERS = [
    "收過國慶回饋張券但仲未用嘅客有幾多",
    "收过国庆回馈那张券但还没用的客户",
    "收过国庆回馈的券但还没用的客户",
    "领过国庆回馈张券但还没用的客户",
    "收過國慶回饋張券但仲未用嘅客，tag佢哋高意向",
]


@pytest.mark.parametrize("text", COUPON_HOLDERS)
def test_a_campaign_coupon_with_its_measure_word(text: str) -> None:
    assert READ.segment(text) == CampaignCoupon("unredeemed", 1)


# ---------------------------------------------------------------- export, channels, new

EXPORTS = [
    ("把上海的VIP客户汇成试算表", "xlsx"),
    ("把上海的VIP客戶匯成試算表", "xlsx"),
    ("上海的VIP客户转成Excel", "xlsx"),
    ("上海嘅VIP客整成表格", "xlsx"),
    ("上海VIP轉成CSV", "csv"),
    ("我的VIP客戶匯出成CSV檔", "csv"),
    ("把上海VIP匯出成Excel檔", "xlsx"),
]


@pytest.mark.parametrize(("text", "fmt"), EXPORTS)
def test_an_export_said_as_a_sheet_made(text: str, fmt: str) -> None:
    command = READ.command(text)
    assert command.intent == "export", text
    assert command.details["format"] == fmt


CHANNELS = [
    ("列出官網活碼加進來、有加入購物車過的客人", ChannelCode(("官网活码",))),
    ("export QR-code-scan customers who are new in the last 14 days", AddedVia((1,))),
    ("how many group chat customers in Shanghai", AddedVia((4,))),
    ("business-card clients who ordered this month", AddedVia((3,))),
    ("phone search customers in Beijing", AddedVia((2,))),
]


@pytest.mark.parametrize(("text", "channel"), CHANNELS)
def test_a_channel_said_before_the_people(text: str, channel: Node) -> None:
    assert channel in list(walk(READ.segment(text)))


SEPTEMBER = DateRangeWindow(date(2026, 9, 1), date(2026, 9, 30))
FIRST_ADDED = [
    ("how many customers first added in September", NewCustomer(SEPTEMBER)),
    ("customers who were first added in September", NewCustomer(SEPTEMBER)),
    ("9月首次添加的客户有多少", NewCustomer(SEPTEMBER)),
    ("九月第一次加嘅客有幾多", NewCustomer(SEPTEMBER)),
    ("customers who are new in the last 14 days", NewCustomer(RollingWindow(14, "days"))),
]


@pytest.mark.parametrize(("text", "wanted"), FIRST_ADDED)
def test_first_added_is_new(text: str, wanted: Node) -> None:
    assert READ.segment(text) == wanted


def test_a_named_segment_keeps_its_own_meaning_beside_these_words() -> None:
    segment = READ.segment("重要發展客入面喺深圳嘅有幾多")
    assert NamedSegment("to_develop") in list(walk(segment))
