"""Issue 19 (session 27, week27): one customer's last time said any way (上回, 上一单, 上一張單,
上趟), how she was added asked of back then (当初, 一開始), her tags asked with the verb that
put them (贴了哪些标签, 打咗咩tag) or as X的tag有哪些 — never a tag named “有哪些” —, a telling
before an act on her (told_first), untagging said of a pointer or whose tag first (去掉她的高意向,
幫佢除咗高意向, remove her VIP, take 高意向 off her). The sentences are corpus rows
(rounds/fix-week27.tsv); the unit tests check the words on their own."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from segmentation.nlq.actions import find_action
from segmentation.nlq.told_first import read_told, with_her
from segmentation.text import normalize
from tests.segmentation.nlq import test_corpus

ROWS = Path(__file__).parent / "rounds" / "fix-week27.tsv"
CASES = test_corpus.read_cases(ROWS)
TAGS = {"vip": "VIP", "金卡": "金卡", "高意向": "高意向", "待跟进": "待跟进"}


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize(
    ("said", "intent", "whom", "tag"),
    [
        ("去掉她的高意向", "untag", "她", "高意向"),
        ("幫佢除咗高意向", "untag", "佢", "高意向"),
        ("给她除掉待跟进", "untag", "她", "待跟进"),
        ("remove her VIP", "untag", "her", "VIP"),
        ("remove his 高意向 tag", "untag", "him", "高意向"),
        ("strip Alice's 金卡 tag", "untag", "alice", "金卡"),
        ("take 高意向 off her", "untag", "her", "高意向"),
        ("remove 她的 VIP", "untag", "她", "VIP"),
    ],
)
def test_untag_said_of_one(said: str, intent: str, whom: str, tag: str) -> None:
    action = find_action(normalize(said), {}, said, TAGS)
    assert action is not None and action.intent == intent
    assert normalize(action.segment_text or "").strip() == whom
    assert str(action.details["tag"]).lower() == tag.lower()


@pytest.mark.parametrize(
    "said",
    [
        "Ivan的tag有哪些",  # her tags asked: never a tag called 有哪些
        "她的 tag 系咩",
        "帮她除了VIP以外都打上金卡",  # 除了 as "except" stays no untag of VIP
        "去掉北京的VIP",  # a narrowing, untagging nobody
        "remove her from the list",
    ],
)
def test_no_tagging_read(said: str) -> None:
    action = find_action(normalize(said), {}, said, TAGS)
    assert action is None or action.intent not in ("untag",) or action.details["tag"] != "VIP"
    if action is not None and action.intent == "tag":
        assert action.details["tag"] not in ("有哪些", "系咩")


@pytest.mark.parametrize(
    ("said", "act", "pronoun", "name"),
    [
        ("刚给她回了电话，把她的VIP标签去掉", "把她的VIP标签去掉", "她", None),
        ("她已经下过单了，把高意向去掉", "把高意向去掉", "她", None),
        ("他說年底前會再下單，幫他加上高意向", "幫他加上高意向", "他", None),
        ("頭先打咗俾Alice，幫佢加待跟進", "幫佢加待跟進", "", "Alice"),
        ("Ivan刚回电话说下周来店，给他打上待跟进", "给他打上待跟进", "", "Ivan"),
        ("佢已經落咗單，幫佢除咗高意向", "幫佢除咗高意向", "佢", None),
        ("Alice還沒買過，拿掉她", "拿掉她", "", "Alice"),
        ("just got off the phone with Alice, tag her 待跟进", "tag her 待跟进", "", "Alice"),
        ("she already ordered, take VIP off", "take VIP off", "she", None),
    ],
)
def test_a_telling_before_an_act(said: str, act: str, pronoun: str, name: str | None) -> None:
    told = read_told(said)
    assert told is not None and told.act == act and told.pronoun == pronoun
    if name is not None:
        assert name in told.names


@pytest.mark.parametrize(
    "said",
    [
        "上海的客户，给他们打上VIP",  # people said: a condition, never a telling
        "她们里面北京的那个，给她打VIP",
        "她买过什么，给她打个VIP",  # a question first: both asked, nothing dropped
        "如果她下过单，就去掉高意向",  # a condition on her
        "给她发消息：你好，给你打个折",  # a message's words
        "她已经下过单了，其中北京的",  # no act after it
        "近30天咨询过的，打上待跟进",
    ],
)
def test_no_telling_dropped(said: str) -> None:
    assert read_told(said) is None


@pytest.mark.parametrize(
    ("act", "who", "said"),
    [
        ("把高意向去掉", "她", "把她的高意向去掉"),
        ("去掉高意向", "她", "去掉她的高意向"),
        ("加高意向", "她", "给她加高意向"),
        ("remove VIP", "her", "remove VIP from her"),
        ("take VIP off", "her", "take VIP off from her"),
    ],
)
def test_an_act_said_of_her(act: str, who: str, said: str) -> None:
    assert with_her(act, who, lambda wording: wording == said) == said
