"""Issue 19 (fix-ime-slips): IME slips on function words read as meant (and only those), Taiwan
下訂 and HK 淨係…一次, request verbs around whom, coupon wordings, an event's count said as a noun,
"not both", and refund amounts. The sentences are corpus rows (rounds/fix-ime-slips.tsv): every
one must be exactly right; the unit tests below check the slip table itself, the tags that
actions carry and that messages keep the user's own words."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from segmentation.nlq import Clarification
from segmentation.nlq.ime_slips import slips, without_ime_slips
from segmentation.text import normalize
from tests.segmentation.nlq import test_corpus
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

ROWS = Path(__file__).parent / "rounds" / "fix-ime-slips.tsv"
CASES = test_corpus.read_cases(ROWS)
READ = Reader(small_vocabulary())
TAGS = ("vip", "金卡", "高意向", "待跟进")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize("slip", slips(TAGS), ids=lambda s: s.name)
def test_each_slip_fixes_its_example_and_leaves_its_near_miss(slip) -> None:  # type: ignore[no-untyped-def]
    example = normalize(slip.example)
    assert slip.pattern.search(example) is not None, slip.example
    assert without_ime_slips(example, TAGS) != example
    near = normalize(slip.near_miss)
    assert without_ime_slips(near, TAGS) == near, slip.near_miss


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("上海得VIP客户有多少各", "上海的vip客户有多少个"),
        ("再北京的客户都有那些", "在北京的客户都有哪些"),
        ("近30填问过价没下单的", "近30天问过价没下单的"),
        ("7填内有到店的", "7天内有到店的"),
        ("北京的VIP是那几个？", "北京的vip是哪几个?"),
        ("消费1000已上的客户", "消费1000以上的客户"),
        ("我得金卡", "我的金卡"),  # a tag as the head, at the end
        ("下过单得高意向客户", "下过单的高意向客户"),
    ],
)
def test_slips_read_as_meant(typed: str, read: str) -> None:
    assert without_ime_slips(normalize(typed), TAGS) == read


@pytest.mark.parametrize(
    "text",
    [
        "觉得客户太多",  # 觉得 is a word
        "值得VIP客户信赖",  # 值得
        "再查北京的客户",  # 再 before a verb: again
        "有那些标签的客户",  # 那些 not closing a question
        "那些VIP客户",
        "每个城市各有多少",  # 各 = each
        "填30个表",  # 填 = fill
        "近7添加的客户",  # 添加 = added
        "已上传的客户",  # 已 = already
        "高意想的客户",  # a slip on a content word: never guessed here
        "“上海得VIP”",  # quoted text is the user's own
        "上海得vipxyz",  # not the tag vip: the start of a longer latin word
        "上海得金",  # part of a tag is not the tag
    ],
)
def test_near_misses_are_untouched(text: str) -> None:
    norm = normalize(text)
    assert without_ime_slips(norm, TAGS) == norm


def test_restatement_shows_the_corrected_reading() -> None:
    command = READ.command("上海得VIP客户有多少各")
    assert command.intent == "count"
    assert "上海" in command.description and "VIP" in command.description
    assert "得" not in command.description


def test_a_message_keeps_its_own_words() -> None:
    command = READ.command("給上海得金卡客人發消息 說再北京的店開幕了")
    assert command.intent == "push"
    assert command.details["message"] == "再北京的店開幕了"
    colon = READ.command("给上海得VIP客户发消息：近30填有活动")
    assert colon.details["message"] == "近30填有活动"


@pytest.mark.parametrize(
    ("text", "intent", "tag"),
    [
        ("麻煩你囉 幫上海的VIP客人貼上待跟進", "tag", "待跟進"),
        ("tag一下北京客户 待跟进", "tag", "待跟进"),
        ("tag一下这周来店的客人：待跟进", "tag", "待跟进"),  # was tagged "一下这周来店的客人"
        ("把苏州那几个客户的高意向标签撤了", "untag", "高意向"),
    ],
)
def test_request_verbs_carry_the_tag(text: str, intent: str, tag: str) -> None:
    command = READ.command(text)
    assert command.intent == intent
    assert command.details["tag"] == tag
    assert command.segment is not None


@pytest.mark.parametrize(
    "text", ["customers by order count", "number of orders last month", "order count"]
)
def test_a_measure_without_comparison_is_asked(text: str) -> None:
    result = READ.parse(text)
    assert isinstance(result, Clarification)
    assert "ranking" in result.message and "condition" in result.message


def test_not_both_restates_both_halves() -> None:
    command = READ.command("VIP or 金卡 but not both")
    assert "or" in command.description and "not" in command.description


def test_not_both_without_an_or_is_not_read_as_exclusive() -> None:
    result = READ.parse("VIP和金卡 not both")
    assert isinstance(result, Clarification)
