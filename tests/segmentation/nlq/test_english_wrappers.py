"""English request wrappers as a grammar rule, and phone shorthand (issue 19).

The rule (segmentation/nlq/wrappers_en.py) ignores the words before a command's head only
when they open with a request cue and carry no condition. These tests build wrappers no
list holds (cue × unknown words × head × condition), and prove the other half: every
content word of the closed list, put in a wrapper's place, is asked back, never dropped."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Clarification, Command, build_vocabulary, parse_command
from segmentation.nlq.abbrev_en import ABBREVIATIONS, expand
from segmentation.nlq.lexicon import LEXICON
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nlq.wrappers_en import CONTENT_WORDS, REQUEST_CUES
from segmentation.nodes import (
    AddedVia,
    And,
    CalendarWindow,
    CampaignCoupon,
    CampaignMessaged,
    City,
    EventCount,
    HasTag,
    InDepartment,
    ItemEvent,
    NewCustomer,
    Node,
    Not,
    Or,
    Owner,
    Performed,
    RollingWindow,
    Spend,
    Untagged,
)
from tests.segmentation.nlq.fixture import NOW, TZ, Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡", "MO"],
    staff=[StaffInfo("zhangsan", "张三", (1,)), StaffInfo("lisi", "李四", (1,))],
    departments=[(1, "销售一部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
)


_READER = Reader(VOCAB)
parse = _READER.parse


def segment(text: str) -> Node | None:
    result = parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result}"
    return result.segment


# Openers no closed list holds: a cue, then words the lexicon does not know.
OPENERS = [
    "I was hoping you could",
    "hoping you might",
    "wondering whether you'd",
    "quick q:",
    "hey, would you be so good as to",
    "you reckon you could",
    "we were hoping to",
    "if you've got a sec could you",
    "sorry, I've been asked to",
]
HEADS = ["show", "list", "pull up", "find"]
CONDITIONS = [
    ("the VIPs in Shanghai", And((HasTag("VIP"), City(("上海",))))),
    ("customers who ordered in the last 30 days", Performed("order", RollingWindow(30, "days"))),
    ("my customers who never visited", And((Owner(("zhangsan",)), Not(Performed("visit"))))),
]


@pytest.mark.parametrize(
    ("opener", "head", "condition"),
    list(itertools.product(OPENERS, HEADS, range(len(CONDITIONS)))),
)
def test_an_open_class_wrapper_adds_no_condition(opener: str, head: str, condition: int) -> None:
    text, expected = CONDITIONS[condition]
    assert segment(f"{opener} {head} {text}") == expected


def test_the_openers_really_hold_words_the_lexicon_lacks() -> None:
    # The tests above would prove nothing if every word were a known wrapper already.
    for opener in OPENERS:
        words = opener.replace(",", " ").replace(":", " ").split()
        assert any(w not in LEXICON for w in words), opener


def test_cues_and_content_words_are_disjoint() -> None:
    assert not REQUEST_CUES & CONTENT_WORDS


@pytest.mark.parametrize("word", sorted(w for w in CONTENT_WORDS if w not in LEXICON))
def test_a_content_word_in_a_wrapper_is_asked_back(word: str) -> None:
    # "could you gold show me the VIPs": never the VIPs without the word that may narrow them.
    result = parse(f"hoping you could {word} show me the VIPs")
    assert isinstance(result, Clarification) or result.segment != HasTag("VIP"), word


@pytest.mark.parametrize(
    "text",
    [
        "platinum, could you show me the VIPs",  # no cue before the unknown word
        "Diamond tier: could you pull up the VIPs",
        "for the downtown store could you show me the VIPs",  # a restricting preposition
        "hoping you could, in the north, show me the VIPs",
        "I was hoping you could show me",  # nothing after the head: the words may be the ask
        "hoping you could gizmo",
        "could you show the customers who collect stamps",  # after the head: not a wrapper
        "I'd like to see customers who hate spam",
    ],
)
def test_unknown_words_outside_a_wrapper_are_asked_back(text: str) -> None:
    assert isinstance(parse(text), Clarification), text


def test_a_wrapper_keeps_the_intent_of_its_head() -> None:
    result = parse("quick q: how many customers are VIP")
    assert isinstance(result, Command) and result.intent == "count"
    result = parse("when you get a sec, export the VIPs")
    assert isinstance(result, Command) and result.intent == "export"


@pytest.mark.parametrize("short", sorted(ABBREVIATIONS))
def test_every_abbreviation_is_spelled_out_as_a_whole_word(short: str) -> None:
    assert expand(f"x {short} y") == f"x {ABBREVIATIONS[short]} y"
    assert expand(f"x {short}z y") == f"x {short}z y"  # part of a longer word: kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last 30d", "last 30 days"),
        ("past 2 wks", "past 2 weeks"),
        ("in the last 24h", "in the last 24 hours"),
        ("within 3mos", "within 3 months"),
        ("last 1yr", "last 1 years"),
        ("近30天的cust", "近30天的customers"),  # Chinese around a word is no part of it
        ("2k", "2k"),
        ("spent over 1w", "spent over 1w"),  # 万 in mixed text, never one week
        ("over 2 grand", "over 2k"),
        ("over 1.5 thousand", "over 1.5k"),
        ("q3", "q3"),
    ],
)
def test_numbers_glued_to_a_unit(text: str, expected: str) -> None:
    assert expand(text) == expected


def test_a_name_in_the_data_is_never_spelled_out() -> None:
    assert segment("customers tagged mo") == HasTag("MO")
    assert segment("my cust who ordered in the last 30d") == And(
        (Owner(("zhangsan",)), Performed("order", RollingWindow(30, "days")))
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("those who refunded", Performed("refund")),
        ("show me those that are VIP", HasTag("VIP")),
        ("customers added by scanning", AddedVia((1,))),
        ("customers who got a coupon but never redeemed it", CampaignCoupon("unredeemed")),
        ("customers who got a voucher and haven't used it yet", CampaignCoupon("unredeemed")),
    ],
)
def test_pronouns_channels_and_coupons(text: str, expected: Node) -> None:
    assert segment(text) == expected


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("customers in Vice City", "vice city"),
        ("customers in New Tokyo who ordered", "new tokyo"),
        ("check 一下 Vice City 的 客户", "vice city"),
        ("customers who bought those", "these"),
    ],
)
def test_a_question_back_names_the_whole_unknown_place(text: str, named: str) -> None:
    result = parse(text)
    assert isinstance(result, Clarification)
    assert named in result.message.lower(), result.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # city initials; shared initials are asked (below)
        ("vips in sh", And((HasTag("VIP"), City(("上海",))))),
        ("customers not in bj", Not(City(("北京",)))),
        # "only"/"just" before a verb and its count is "exactly"
        ("customers who only ordered once", EventCount("order", "=", 1)),
        ("customers who just visited twice", EventCount("visit", "=", 2)),
        # a count of refunds is not a refund amount
        ("customers who refunded more than once", EventCount("refund", ">", 1)),
        ("customers who visited 3x or more", EventCount("visit", ">=", 3)),
        ("customers who spent over rmb 500", Spend(">", Decimal(500))),
        ("customers with lifetime spend above 10000", Spend(">", Decimal(10000))),
        (
            "customers with no orders for 90+ days",
            Not(Performed("order", RollingWindow(90, "days"))),
        ),
        ("customers who joined in the last 7d", NewCustomer(RollingWindow(7, "days"))),
        # each side negated, as said: the same customers as NOT(VIP or 金卡)
        ("neither vip nor 金卡", And((Not(HasTag("VIP")), Not(HasTag("金卡"))))),
        (
            "neither in shanghai nor tagged vip",
            And((Not(City(("上海",))), Not(HasTag("VIP")))),
        ),
        (
            "customers who have not inquired nor ordered",
            Not(Or((Performed("inquiry"), Performed("order")))),
        ),
        ("vips minus the ones who refunded", And((HasTag("VIP"), Not(Performed("refund"))))),
        ("vips, but only those in shanghai", And((HasTag("VIP"), City(("上海",))))),
    ],
)
def test_shorthand_counts_and_lists_by_category(text: str, expected: Node) -> None:
    assert segment(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "customers in sz",  # 深圳 or 苏州
        "hz customers",
        "customers who refunded more than 200",  # an amount, not a count
        "vips and those in shanghai",  # one group narrowed, or both groups?
        "vips and those who refunded",
        "customers who bought those",
    ],
)
def test_shared_initials_amounts_and_pointing_are_asked(text: str) -> None:
    assert isinstance(parse(text), Clarification), text


@pytest.mark.parametrize(
    ("text", "intent", "tag"),
    [
        ("tag everyone who refunded last month as 待跟进", "tag", "待跟进"),
        ("pls tag the vips in shanghai with 金卡", "tag", "金卡"),
        ("label the vips as 金卡", "tag", "金卡"),
        ("remove 金卡 from customers in beijing", "untag", "金卡"),
    ],
)
def test_english_tag_actions_next_to_chinese_names(text: str, intent: str, tag: str) -> None:
    result = parse(text)
    assert isinstance(result, Command) and result.intent == intent, result
    assert result.details["tag"] == tag


def test_a_profile_of_many_customers_describes_them() -> None:
    result = parse("profile of customers who refunded")
    assert isinstance(result, Command) and result.intent == "describe"
    assert result.segment == Performed("refund")


def test_show_me_in_chinese_after_an_english_verb_is_not_my_customers() -> None:
    assert segment("show 我 上海 的 vip") == And((City(("上海",)), HasTag("VIP")))
    assert segment("list 我 的 客户") == Owner(("zhangsan",))


ITEMS = build_vocabulary(
    tags=["VIP"],
    staff=[StaffInfo("zhangsan", "张三", (1,))],
    departments=[(1, "销售一部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
    items=[("product", "唇釉"), ("product", "精华液"), ("category", "Skincare")],
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "customers who bought 唇釉 but not 精华液",
            And((ItemEvent("order", "product", ("唇釉",)),
                 Not(ItemEvent("order", "product", ("精华液",))))),
        ),
        (
            "customers who asked about 唇釉, not 精华液",
            And((ItemEvent("inquiry", "product", ("唇釉",)),
                 Not(ItemEvent("inquiry", "product", ("精华液",))))),
        ),
        ("customers who bought skincare products", ItemEvent("order", "category", ("Skincare",))),
    ],
)  # fmt: skip
def test_a_negated_product_takes_the_verb_before_it(text: str, expected: Node) -> None:
    result = parse_command(text, vocabulary=ITEMS, asker="zhangsan", now=NOW, tz=TZ)
    assert isinstance(result, Command), result
    assert result.segment == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "customers who ordered in the past fortnight",
            Performed("order", RollingWindow(2, "weeks")),
        ),
        (
            "customers who ordered since the start of the month",
            Performed("order", CalendarWindow("month", 0)),
        ),
        ("customers who ordered year to date", Performed("order", CalendarWindow("year", 0))),
        ("customers who ordered so far this week", Performed("order", CalendarWindow("week", 0))),
        (
            "customers we haven't messaged in 30 days",
            Not(CampaignMessaged(None, False, RollingWindow(30, "days"))),
        ),
        (
            "customers who were sent a message in the last 7 days",
            CampaignMessaged(None, False, RollingWindow(7, "days")),
        ),
        ("customers who got the last campaign's message", CampaignMessaged(None, True, None)),
        ("customers holding unredeemed vouchers", CampaignCoupon("unredeemed")),
        (
            "customers who added me through a group chat",
            And((Owner(("zhangsan",)), AddedVia((4,)))),
        ),
        ("cust added via colleague sharing", AddedVia((201,))),
    ],
)
def test_time_to_date_messages_and_channels(text: str, expected: Node) -> None:
    assert segment(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "customers who ordered more than 2k this year",
            Spend(">", Decimal(2000), CalendarWindow("year", 0)),
        ),
        ("customers who bought over 1k", Spend(">", Decimal(1000))),
        ("customers marked as vip", HasTag("VIP")),
        ("customers flagged 金卡", HasTag("金卡")),
        ("customers missing the vip tag", Not(HasTag("VIP"))),
        ("customers not yet tagged", Untagged()),
        ("whats the count of vips", HasTag("VIP")),
    ],
)
def test_thousands_after_a_verb_and_tags_said_other_ways(text: str, expected: Node) -> None:
    assert segment(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("扫码 added 的 客户", AddedVia((1,))),  # was also "new in the last 30 days"
        ("我 team 的 客户", InDepartment((1,))),
        ("领了 coupon 没用 的", CampaignCoupon("unredeemed")),
        ("收到过 msg 的 客户", CampaignMessaged()),
        ("帮我 double check 一下 VIP 有几个", HasTag("VIP")),
    ],
)
def test_english_words_inside_chinese_phrases(text: str, expected: Node) -> None:
    assert segment(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "right, now show me the vips in shanghai",
        "alright, pull the vips in shanghai",
        "great thanks, now the vips in shanghai",
        "ok so um the vips in shanghai",
        "she needs the vips in shanghai",
        "the team wants the vips in shanghai".replace("the team", "someone"),
        "the boss wants the vips in shanghai",  # a request passed on (reported.py)
        "headquarters would like to see the vips in shanghai",
    ],
)
def test_discourse_openers_and_passed_on_requests(text: str) -> None:
    assert segment(text) == And((HasTag("VIP"), City(("上海",))))


@pytest.mark.parametrize(
    "text",
    [
        "great customers in shanghai",  # praise before the people is a description: asked
        "nice vips in shanghai",
        "the boss's vips",  # the boss's customers: a possessive names whose, asked
        "she needs",  # nothing asked for
    ],
)
def test_praise_before_people_and_bare_requests_are_asked(text: str) -> None:
    assert isinstance(parse(text), Clarification), text


def test_discourse_words_are_no_content_words() -> None:
    from segmentation.nlq.wrappers_en import DISCOURSE, PASSED_ON_VERBS, PRAISE

    assert not (DISCOURSE | PRAISE | PASSED_ON_VERBS) & CONTENT_WORDS


@pytest.mark.parametrize(
    "text",
    [
        "customers li si and i both follow",  # was Li Si's customers alone
        "customers i share with li si",
        # "only" that excludes what no condition says: asked (was dropped)
        "customers who only ordered",
        "customers who bought only 金卡",
        "customers that only li si follows",
        "customers who just ordered",
    ],
)
def test_the_asker_said_beside_a_colleague_is_asked(text: str) -> None:
    assert isinstance(parse(text), Clarification), text


@pytest.mark.parametrize(
    "text",
    ["Morning! show me the vips in shanghai", "good morning, pull the vips in shanghai"],
)
def test_a_greeting_closed_by_a_mark_is_a_wrapper(text: str) -> None:
    assert segment(text) == And((HasTag("VIP"), City(("上海",))))


@pytest.mark.parametrize("text", ["morning customers", "evening vips in shanghai"])
def test_a_greeting_word_not_closed_keeps_its_meaning(text: str) -> None:
    assert isinstance(parse(text), Clarification), text
