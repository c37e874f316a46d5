"""English grammar that generalises (issue 19): verb idioms in every tense, owner verbs,
serial commas in a list, a second bound on the same amount, and pointing exceptions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from segmentation.kinds.event_words import VERB_IDIOMS as _VERB_IDIOMS
from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Clarification, Command, build_vocabulary, parse_command
from segmentation.nlq.lexicon import _FORMS, _OWNING, LEXICON, K
from segmentation.nlq.vocabulary import StaffInfo
from segmentation.nodes import And, City, HasTag, Node, Not, Owner, Performed, Spend
from tests.segmentation.nlq.fixture import NOW, TZ

VOCAB = build_vocabulary(
    tags=["VIP", "金卡"],
    staff=[StaffInfo("zhangsan", "张三", (1,)), StaffInfo("lisi", "李四", (1,))],
    departments=[(1, "销售一部")],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
)
SH, BJ, GZ = "上海", "北京", "广州"


def segment(text: str) -> Node | None:
    result = parse_command(text, vocabulary=VOCAB, asker="zhangsan", now=NOW, tz=TZ)
    assert isinstance(result, Command), f"{text!r} was asked back: {result}"
    return result.segment


@pytest.mark.parametrize("kind", list(_VERB_IDIOMS))
def test_every_verb_idiom_has_every_form(kind: str) -> None:
    for verb, tails in _VERB_IDIOMS[kind]:
        tail = tails.split("|")[0]
        for form in (verb, *_FORMS[verb]):
            assert LEXICON[f"{form} {tail}"] == (K.EVENT, kind), f"{form} {tail}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("customers who didn't place any orders", Not(Performed("order", None))),
        ("customers who have never come into the store", Not(Performed("visit", None))),
        ("customers who are getting in touch", Performed("inquiry", None)),
        ("customers who added stuff to their cart", Performed("cart", None)),
        ("customers who put items in the cart", Performed("cart", None)),
    ],
)
def test_verb_idioms_in_any_tense(text: str, expected: Node) -> None:
    assert segment(text) == expected


@pytest.mark.parametrize("base", list(_OWNING))
def test_owner_verbs_mean_the_asker_with_i_and_glue_after_a_name(base: str) -> None:
    third, ing, _part = _OWNING[base]
    assert segment(f"customers I {base}") == Owner(("zhangsan",))
    assert segment(f"the clients I'm {ing} in Shanghai") == And((Owner(("zhangsan",)), City((SH,))))
    if base not in ("run", "own", "serve", "cover", "support"):
        assert segment(f"customers Li Si {third}") == Owner(("lisi",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("customers outside Shanghai, Beijing and Guangzhou", Not(City((SH, BJ, GZ)))),
        ("customers in Beijing, Shanghai or Guangzhou", City((BJ, SH, GZ))),
    ],
)
def test_serial_commas_make_one_list(text: str, expected: Node) -> None:
    assert segment(text) == expected


def test_a_comma_after_an_exception_is_still_asked() -> None:
    result = parse_command(
        "except Shanghai, Beijing customers", vocabulary=VOCAB, asker="zhangsan", now=NOW, tz=TZ
    )
    assert isinstance(result, Clarification)


def test_a_second_bound_bounds_the_same_amount() -> None:
    assert segment("customers who spent more than 500 but less than 2000") == And(
        (Spend(">", Decimal(500)), Spend("<", Decimal(2000)))
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("customers other than those in Shanghai", Not(City((SH,)))),
        ("all customers but the Shanghai ones", Not(City((SH,)))),
        ("everyone but VIP customers", Not(HasTag("VIP"))),
        ("VIP customers but not in Shanghai", And((HasTag("VIP"), Not(City((SH,)))))),
    ],
)
def test_pointing_exceptions(text: str, expected: Node) -> None:
    assert segment(text) == expected
