"""The lexicon itself: no word silently shadows another meaning, declared second meanings
are read where they apply, and request wrappers are ignored only as whole words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Clarification, Command, build_vocabulary, lexicon
from segmentation.nlq.lexicon import ALSO, LEXICON, K, LexiconError
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nodes import And, City, HasTag, Node, Or, Spend
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP", "金卡", "高意向"],
    staff=[StaffInfo("zhangsan", "张三", (1,)), StaffInfo("lisi", "李四", (1,))],
    departments=[(1, "销售一部")],
    saved=["跟进名单"],
    catalog=NamedSegmentCatalog.load(),
)
SHANGHAI = City(("上海",))


_READER = Reader(VOCAB)
parse = _READER.parse


def segment(text: str) -> Node | None:
    result = parse(text)
    assert isinstance(result, Command), f"{text!r} was asked back: {result}"
    return result.segment


def test_a_second_meaning_fails_at_import_unless_declared() -> None:
    before = dict(LEXICON)
    with pytest.raises(LexiconError):
        lexicon._ADD({"and": (K.OR, True)})
    with pytest.raises(LexiconError):  # _also() is only for words the lexicon has
        lexicon._also(K.OR, True, "no-such-word-here")
    with pytest.raises(LexiconError):  # nor for the meaning the word has already
        lexicon._also(K.AND, "list", "and")
    assert before == LEXICON


def test_every_declared_second_meaning_differs_from_the_first() -> None:
    for surface, meanings in ALSO.items():
        assert surface in LEXICON
        assert LEXICON[surface] not in meanings
    # the words issue 19 found shadowed all keep both meanings
    for word in ("and", "plus", "在", "which", "customers", "people", "人"):
        assert word in ALSO, word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("spent 1000 plus", Spend(">=", Decimal(1000))),
        ("消费在500到1000之间", And((Spend(">=", Decimal(500)), Spend("<=", Decimal(1000))))),
        (
            "spent between 500 and 1000",
            And((Spend(">=", Decimal(500)), Spend("<=", Decimal(1000)))),
        ),
        ("VIP plus 金卡 customers", Or((HasTag("VIP"), HasTag("金卡")))),
        ("customers in Shanghai and Beijing", City(("上海", "北京"))),
    ],
)
def test_declared_meanings_are_read_in_their_place(text: str, expected: Node) -> None:
    assert segment(text) == expected


def _wrappers() -> list[str]:
    # The closed lists written out (the generated third-party requests: test_zh_grammar.py)
    words = f"{lexicon.WRAPPERS}|{lexicon.ZH_WRAPPERS}".split("|")
    return list(dict.fromkeys(w.strip() for w in words if w.strip()))


@pytest.mark.parametrize("word", _wrappers())
def test_a_wrapper_adds_no_condition(word: str) -> None:
    if word.isascii():
        assert segment(f"{word} customers in Shanghai") == SHANGHAI
    else:
        assert segment(f"{word}上海的客户") == SHANGHAI


def test_wrappers_are_a_closed_list_of_fillers() -> None:
    for word in _wrappers():
        assert LEXICON[word] == (K.FILLER, "wrapper"), word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("拉萨的客户", City(("拉萨",))),  # 拉 is a wrapper, 拉萨 a city
        ("哈尔滨的客户", City(("哈尔滨",))),  # 哈 is a particle
        ("帮我拉一下哈密的客户", City(("哈密",))),
    ],
)
def test_a_wrapper_never_eats_a_content_word(text: str, expected: Node) -> None:
    assert segment(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "帮我捞一下钻石客户",  # the wrapper goes, the unknown word is still asked about
        "pls pull up platinum customers",
        "customers who checked in",  # "check" is a wrapper only as a whole word
        "帮我 check 一下 diamond 客户",
    ],
)
def test_a_wrapper_never_hides_an_unknown_word(text: str) -> None:
    assert isinstance(parse(text), Clarification)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("customers who haven't ordered once", "none"),  # once after a negation: at all
        ("没下过一次单的客户", "none"),
        ("customers who didn't order more than once", "count"),  # a comparison keeps it
    ],
)
def test_once_after_a_negation(text: str, expected: str) -> None:
    from segmentation.nodes import EventCount, Not, Performed

    node = segment(text)
    if expected == "none":
        assert node == Not(Performed("order", None))
    else:
        assert isinstance(node, Not) and isinstance(node.child, EventCount)


@pytest.mark.parametrize(
    "text", ["除了上海，北京的客户", "except Shanghai, Beijing customers", "除了VIP，金卡客户"]
)
def test_except_then_the_same_kind_is_asked(text: str) -> None:
    assert isinstance(parse(text), Clarification)
