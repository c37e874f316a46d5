"""A statement about lost customers before a question (issue 19) is dropped only as a whole
statement with a question after it; the lost customers asked for stay the question."""

from __future__ import annotations

import pytest

from segmentation.nlq.leadins import drop_lead_in


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("we lost some customers, show me who refunded", "show me who refunded"),
        ("ugh, we've been losing clients lately. who refunded?", "who refunded?"),
        ("a lot of customers left, who refunded?", "who refunded?"),
        ("最近流失了不少客户,帮我看看哪些退过款", "帮我看看哪些退过款"),
        ("客户流失有点严重,查一下近30天退过款的", "查一下近30天退过款的"),
    ],
)
def test_a_statement_before_a_question_is_dropped(text: str, rest: str) -> None:
    assert drop_lead_in(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "we lost some customers",  # the membership question itself
        "we lost some customers?",
        "lost customers in shanghai",
        "流失的客户里退过款的",
        "近30天流失的客户有哪些",
        "customers we lost last month, which refunded",  # not a statement: the lost are the set
    ],
)
def test_anything_else_is_kept(text: str) -> None:
    assert drop_lead_in(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "我们流失了一些客户,哪些是VIP",  # which of them: about the lost customers
        "we lost some customers, which of them are vip?",
        "we lost a few clients. of those, who refunded?",
    ],
)
def test_a_question_pointing_back_keeps_the_statement(text: str) -> None:
    assert drop_lead_in(text) == text
