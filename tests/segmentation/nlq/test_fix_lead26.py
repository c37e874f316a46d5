"""Issue 19 (session 26, lead): what is left asked as a count, the asker's group with a
measure word, a colleague's name one character off, 各 around a verb, untagging a tag nobody
has. The sentences are corpus rows (rounds/fix-lead26.tsv); the unit tests check the readers
the chat uses to go back to an earlier answer by what it was, to take a value off the answer,
to read a size said after the ones asked about, and a period's ones then a breakdown."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from bot.commands.two_steps import split_in_two
from segmentation.engine import default_context
from segmentation.nlq.backref import DESCRIBED, FULL, RANKING, TABLE, read_back_reference
from segmentation.nlq.close_names import SOUND_ALIKE, closeness
from segmentation.nlq.followup import WITHOUT, read_follow_up
from segmentation.nlq.widen import read_value_dropped
from tests.segmentation.nlq import test_corpus

ROWS = Path(__file__).parent / "rounds" / "fix-lead26.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize(
    ("said", "position", "label", "rest"),
    [
        ("再给我看下刚才那个排名", RANKING, "", ""),
        ("返去排名度", RANKING, "", ""),
        ("show me that top 3 again", RANKING, "", ""),
        ("刚才那个消费排名再发我一遍", RANKING, "", ""),
        ("ok, back to those bottom 3 — tag them 沉睡", RANKING, "", "tag them 沉睡"),
        ("回到剛才那個排行，第二名是誰負責的", RANKING, "", "第二名是誰負責的"),
        ("回到上海那个名单", DESCRIBED, "上海", ""),
        ("返去金卡嗰班人", DESCRIBED, "金卡", ""),
        ("back to the Shanghai list", DESCRIBED, "Shanghai", ""),
        ("the VIP ones again", DESCRIBED, "VIP", ""),
        ("还是上海那份，给我导出来", DESCRIBED, "上海", "这些人给我导出来"),
        ("回到上個月那份，只要女生", DESCRIBED, "上個月", "只要女生"),
        ("刚才那个表", TABLE, "", ""),
        ("the breakdown again", TABLE, "", ""),
        ("回到完整名单", FULL, "", ""),
        ("back to the full list — only the ones who haven't ordered yet", FULL, "", None),
    ],
)
def test_an_earlier_answer_by_what_it_was(
    said: str, position: int, label: str, rest: str | None
) -> None:
    found = read_back_reference(said)
    assert found is not None
    assert (found.position, found.label) == (position, label)
    if rest is not None:
        assert found.rest == rest


@pytest.mark.parametrize(
    "said",
    [
        "show me the VIP customers",  # a question of its own
        "上海那个",  # after a table: that group
        "上海的名单",  # no going back said
        "排名",  # a ranking asked for
        "頭先搵到嗰班人入面有VIP嘅",  # the ones just found, not a list described as 搵到
    ],
)
def test_no_earlier_answer_described(said: str) -> None:
    found = read_back_reference(said)
    assert found is None or found.position != DESCRIBED


@pytest.mark.parametrize(
    ("said", "named", "rest"),
    [
        ("北京也去掉，一共几个", "北京", "一共几个"),
        ("去掉北京", "北京", ""),
        ("女的也不要了", "女", ""),
        ("drop Beijing too", "Beijing", ""),
        ("lose the VIP part", "VIP", ""),
    ],
)
def test_a_value_said_dropped(said: str, named: str, rest: str) -> None:
    found = read_value_dropped(said)
    assert found is not None
    assert (found.named, found.rest) == (named, rest)


def test_the_verb_after_what_it_drops() -> None:
    follow = read_follow_up("广州的去掉，还剩几个")
    assert follow is not None and follow.mode == WITHOUT
    assert follow.rest.startswith("广州的")
    untag = read_follow_up("VIP标签的去掉")
    assert untag is None or untag.mode != WITHOUT or "标签" in untag.rest


@pytest.mark.parametrize(
    ("said", "rest"),
    [("那不是VIP的两个呢", "那不是VIP的呢"), ("女嘅三位呢", "女嘅呢")],
)
def test_a_size_said_after_the_ones_asked_about(said: str, rest: str) -> None:
    assert read_follow_up(said) == read_follow_up(rest)


def test_a_ranking_size_is_no_size_said() -> None:
    assert read_follow_up("消费最多的两个呢") != read_follow_up("消费最多的呢")


@pytest.mark.parametrize(
    ("said", "halves"),
    [
        ("把这周的按负责人拆开看看", ("这周的呢", "按负责人拆开看看")),
        ("上個月嘅按城市分", ("上個月嘅呢", "按城市分")),
        ("十月的导出来", ("十月的呢", "导出来")),
    ],
)
def test_a_periods_ones_then_what_to_do(said: str, halves: tuple[str, str]) -> None:
    assert split_in_two(said) == halves


def test_hong_kong_writes_card_as_kat() -> None:
    assert closeness("金咭", "金卡") == SOUND_ALIKE
    assert closeness("金咭", "金华") != SOUND_ALIKE


@pytest.mark.parametrize(
    "said",
    [
        "你能帮我干嘛",
        "你可以幫我做什麼",
        "點用㗎你",
        "有咩功能",
        "what can I ask you",
        "how does this work",
    ],
)
def test_what_it_can_do_is_the_help(session: Session, said: str) -> None:
    from segmentation.nlq import Command, load_vocabulary, parse_command
    from tests.segmentation.nlq.fixture import NOW, TZ, load_fixture

    load_fixture(session)
    vocab = load_vocabulary(session, default_context(TZ).named)
    parsed = parse_command(said, vocabulary=vocab, asker="zhangsan", now=NOW, tz=TZ)
    assert isinstance(parsed, Command) and parsed.intent == "help"
