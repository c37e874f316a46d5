"""Issue 19 (helper cardamend): a card changed again after correction words, a tag card's tag
swapped by its kind, going back one step. The sentences are corpus rows
(rounds/fix-cardamend.tsv): every one must be exactly right; the unit tests below check the
readers the chat uses on them (the words before a change, one step back said twice, a tag that
refuses the card's own)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from segmentation.nlq.backref import STEP, read_back_reference
from segmentation.nlq.correction import without_correction_lead
from segmentation.nlq.tag_actions import tag_refusing_another
from tests.segmentation.nlq import test_corpus
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

ROWS = Path(__file__).parent / "rounds" / "fix-cardamend.tsv"
CASES = test_corpus.read_cases(ROWS)
READ = Reader(small_vocabulary())
TAGS = {"vip": "VIP", "金卡": "金卡", "高意向": "高意向"}


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize(
    ("typed", "change"),
    [
        ("再改一下，只给Grace打", "只给Grace打"),
        ("再改一次，淨係俾Pia", "淨係俾Pia"),
        ("改多次，淨係Ken得", "淨係Ken得"),
        ("再改下只要Pia", "只要Pia"),
        ("标签改一下，改成高意向", "改成高意向"),
        ("sorry, I mean only Pia", "only Pia"),
        ("no wait, only Grace", "only Grace"),
        ("不是啦，只要Carol", "只要Carol"),
        ("唔係呀，淨係Ken", "淨係Ken"),
        ("唔好意思，我講錯咗，淨係Pia", "淨係Pia"),
        ("let me rephrase: only Pia", "only Pia"),
        ("change it again: only Pia", "only Pia"),
        ("我是说只要Carol", "只要Carol"),
    ],
)
def test_the_change_after_correction_words(typed: str, change: str) -> None:
    assert without_correction_lead(typed) == change


@pytest.mark.parametrize(
    "typed",
    [
        "再改成金卡",
        "改返做只tag Grace",
        "不是VIP的客户",
        "no Mike",
        "make it 金卡",
        "唔係呀",
        "sorry",
    ],
)
def test_no_correction_words_or_nothing_after_them(typed: str) -> None:
    assert without_correction_lead(typed) is None


@pytest.mark.parametrize(
    ("typed", "rest"),
    [
        ("撤銷，返上一步", ""),
        ("undo, go back one step", ""),
        ("撤回，回到之前的", ""),
        ("可以返上一步嗎", ""),
        ("唔該返上一步", ""),
        ("我想返上一步", ""),
        ("上一步吖", ""),
        ("撤销刚才的筛选", ""),
        ("去掉最后一个条件", ""),
        ("undo the last filter", ""),
        ("please undo", ""),
        ("撤銷，返上一步，佢哋有幾多個落過單", "佢哋有幾多個落過單"),
    ],
)
def test_one_step_back(typed: str, rest: str) -> None:
    found = read_back_reference(typed)
    assert found is not None and found.position == STEP and found.steps == 1, found
    assert found.rest == rest


@pytest.mark.parametrize("typed", ["回到之前的客户", "想要上海的", "不要这个", "之前的"])
def test_no_step_back(typed: str) -> None:
    found = read_back_reference(typed)
    assert found is None or found.position != STEP


@pytest.mark.parametrize(
    ("name", "kept"),
    [("金卡不要打VIP", "金卡"), ("金卡唔好打vip", "金卡"), ("金卡 not vip", "金卡")],
)
def test_a_tag_refusing_the_other_is_that_tag(name: str, kept: str) -> None:
    assert tag_refusing_another(name, TAGS) == kept


@pytest.mark.parametrize("name", ["不要打电话", "金卡不要打扰", "金卡", "VIP不要VIP"])
def test_a_new_tags_name_is_kept(name: str) -> None:
    assert tag_refusing_another(name, TAGS) is None


def test_the_tag_of_a_whole_command_is_the_one_kept() -> None:
    command = READ.command("给上海的客户打上金卡不要打VIP")
    assert command.intent == "tag" and command.details["tag"] == "金卡"
