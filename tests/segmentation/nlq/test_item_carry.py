"""Which negated verb after a product takes the product (segmentation/nlq/items_grammar.py,
issue 19 blind s11): only one whose object points back ("咨询过X但没买过它", "…but hasn't
bought it", "…但没买这款"); "…但没买", "…但没下单", "…但啥都没买", "…but didn't buy anything"
are no order at all (spec §2: 未购买 is "event not performed") and "…却从没来过店" is a visit."""

from __future__ import annotations

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import build_vocabulary
from segmentation.nodes import And, ItemEvent, Not, Performed
from tests.segmentation.nlq.fixture import Reader

VOCAB = build_vocabulary(
    tags=["VIP"],
    staff=[],
    departments=[],
    saved=[],
    catalog=NamedSegmentCatalog.load(),
    items=[("product", "精华液")],
)
segment = Reader(VOCAB).segment
ASKED_ABOUT = ItemEvent("inquiry", "product", ("精华液",), None)


@pytest.mark.parametrize(
    "text",
    [
        "咨询过精华液但没买过它",
        "问过精华液却还没买过这款",
        "asked about 精华液 but hasn't bought it",
    ],
)
def test_an_object_pointing_back_is_the_product(text: str) -> None:
    assert segment(text) == And(
        (ASKED_ABOUT, Not(ItemEvent("order", "product", ("精华液",), None)))
    )


@pytest.mark.parametrize(
    "text",
    [
        "咨询过精华液但没买",
        "问过精华液却还没买过",
        "asked about 精华液 but didn't buy",
        "詢問過精華液但還沒購買的客戶",
        "咨询过精华液但没下单",
        "咨询过精华液却一直没下过单的客户",
        "詢問過精華液但未落單",
        "inquired about 精华液 but hasn't ordered",
        "询问过精华液但没买过任何东西的客户",
        "咨询过精华液但啥都没买",
        "咨询过精华液但什么东西都没买过",
        "问过精华液但一样都没买",
        "inquired about 精华液 but never bought anything",
        "inquired about 精华液 but didn't buy any product",
    ],
)
def test_orders_or_anything_are_any_order(text: str) -> None:
    assert segment(text) == And((ASKED_ABOUT, Not(Performed("order", None))))


def test_a_visit_is_about_no_product() -> None:
    assert segment("买过精华液却从没来过店") == And(
        (ItemEvent("order", "product", ("精华液",), None), Not(Performed("visit", None)))
    )
