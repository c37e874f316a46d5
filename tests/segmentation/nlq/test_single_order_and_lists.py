"""One order's amount is asked back offering the average order and the total (never read as
the total); 同时/都/both make a list of products all of them; a request wrapper before a
channel code is no part of the code asked about (issue 19, spec §2b)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from segmentation.engine import default_context
from segmentation.nlq import Clarification, Command, load_vocabulary, parse_command
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nodes import And, ChannelCode, ItemEvent, Not
from tests.segmentation.nlq.fixture import NOW, TZ, load_fixture


@pytest.fixture
def vocab(session: Session) -> Vocabulary:
    load_fixture(session)
    return load_vocabulary(session, default_context(TZ).named)


def parse(text: str, vocab: Vocabulary) -> Command | Clarification:
    return parse_command(text, vocabulary=vocab, asker="zhangsan", now=NOW, tz=TZ)


@pytest.mark.parametrize(
    ("text", "said", "offered"),
    [
        ("有一笔订单超过3000的客户", "一笔订单",
         ("客单价超过3000的客户", "累计消费超过3000的客户")),
        ("單筆消費過千嘅客", "单笔消费", ("客单价超过1000的客户", "累计消费超过1000的客户")),
        ("customers with a single order over ¥5,000", "a single order",
         ("customers with an average order value over 5000",
          "customers who spent over 5000 in total")),
        ("spent at least 800 in one order", "one order",
         ("customers with an average order value at least 800",
          "customers who spent at least 800 in total")),
    ],
)  # fmt: skip
def test_one_orders_amount_is_asked_offering_average_and_total(
    text: str, said: str, offered: tuple[str, str], vocab: Vocabulary
) -> None:
    result = parse(text, vocab)
    assert isinstance(result, Clarification), result
    assert f"“{said}”" in result.message
    assert result.suggestions == offered


@pytest.mark.parametrize("text", ["一单都没下的客户", "customers who never placed a single order"])
def test_a_single_order_without_an_amount_is_still_a_total_negation(
    text: str, vocab: Vocabulary
) -> None:
    result = parse(text, vocab)
    assert isinstance(result, Command) and isinstance(result.segment, Not)


@pytest.mark.parametrize(
    "text",
    ["同时买过唇釉和精华液的", "唇釉和精华液都买过的", "customers who bought both 唇釉 and 精华液"],
)
def test_both_makes_a_product_list_all_of_them(text: str, vocab: Vocabulary) -> None:
    result = parse(text, vocab)
    assert isinstance(result, Command)
    assert result.segment == And(
        (ItemEvent("order", "product", ("唇釉",)), ItemEvent("order", "product", ("精华液",)))
    )


@pytest.mark.parametrize("text", ["买过唇釉和精华液的", "唇釉和精华液都没买过的"])
def test_a_list_without_both_or_under_a_negation_is_any_of_them(
    text: str, vocab: Vocabulary
) -> None:
    result = parse(text, vocab)
    assert isinstance(result, Command)
    node = result.segment.child if isinstance(result.segment, Not) else result.segment
    assert node == ItemEvent("order", "product", ("唇釉", "精华液"))


def test_a_wrapper_before_a_known_code_is_no_part_of_it(vocab: Vocabulary) -> None:
    result = parse("帮我统计下抖音直播活码进来的有几个", vocab)
    assert isinstance(result, Command) and result.segment == ChannelCode(("抖音直播",))


def test_a_wrapper_before_an_unknown_code_is_not_asked_about(vocab: Vocabulary) -> None:
    result = parse("麻烦帮我看看火星这个活码带来的客户", vocab)
    assert isinstance(result, Clarification)
    assert "“火星”" in result.message
