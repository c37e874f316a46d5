"""Issue 19 (drop27): facts asked of the customers just described (他们都买过些什么,
佢哋喺邊個渠道加返嚟, which channels did they come in through), describe said as a whole
(整体是什么样的, 係點樣), who
spent more among a few (哪一位花得比較多) and the top one's owner asked with it; the deleted said
with 连 asked back; the replies that drop an asked-back part and "the rest" after a narrowing.
The sentences are corpus rows (rounds/fix-drop27.tsv): every one must be exactly right."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from segmentation.nlq.drop_asked import dropped_part, same_part
from segmentation.nlq.rest_words import read_rest
from segmentation.nlq.which_spent import among_them
from tests.segmentation.nlq import test_corpus

ROWS = Path(__file__).parent / "rounds" / "fix-drop27.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize(
    ("reply", "part"),
    [
        ("算了，删掉的不用管，就看现在还在的", "删掉"),
        ("年龄那个先不管了", "年龄"),
        ("號碼那段拿掉就好", "号码"),
        ("年齡唔使理喇", "年龄"),
        ("刪掉的就別算了", "删掉"),
        ("先不管年龄了", "年龄"),
        ("那个先不管", ""),
        ("ok forget the deleted ones", "deleted"),
        ("skip the phone part", "phone"),
        ("不管 age 了", "age"),
    ],
)
def test_a_reply_drops_a_part(reply: str, part: str) -> None:
    assert dropped_part(reply) == part


@pytest.mark.parametrize(
    "reply",
    ["删掉的也算上", "算了", "forget it", "VIP的呢", "年龄不管，只要上海的", "上海的呢"],
)
def test_no_drop(reply: str) -> None:
    assert dropped_part(reply) is None


def test_the_part_named_is_the_part_asked() -> None:
    assert same_part("年龄", "30岁以下的")
    assert same_part("删掉", "连已经删除的也算上")
    assert same_part("号码", "手機139開頭")
    assert not same_part("上海", "30岁以下的")


@pytest.mark.parametrize(
    ("said", "count"),
    [
        ("剩下的那几个呢", False),
        ("其他的是谁", False),
        ("剩下的那些是誰", False),
        ("其餘嗰啲呢", False),
        ("剩低嗰啲係邊個", False),
        ("剩下的有几个", True),
        ("其它的有多少", True),
        ("and the rest?", False),
        ("what about the others?", False),
        ("how many are left?", True),
        ("the rest 呢", False),
    ],
)
def test_the_rest_is_asked(said: str, count: bool) -> None:
    asked = read_rest(said)
    assert asked is not None and asked.count == count


@pytest.mark.parametrize(
    "said", ["其他城市的呢", "另外VIP幾多", "剩下的钱", "the rest of the list"]
)
def test_no_rest(said: str) -> None:
    assert read_rest(said) is None


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("哪一位花得比較多", "其中消费最多的那个"),
        ("谁消费比较高", "其中消费最高的那个"),
        ("who spent more?", "who spent the most among them"),
        ("他们里谁花得比较多", None),
        ("which of them spent more", None),
        ("消费比较多的客户", None),
    ],
)
def test_who_spent_more_is_among_them(said: str, asked: str | None) -> None:
    assert among_them(said) == asked
