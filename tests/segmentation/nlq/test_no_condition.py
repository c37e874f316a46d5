"""A control group of no campaign is asked back (which campaign's), whatever else the sentence
says — one campaign's is read (test_fix_campaign_threads.py); a group of an answer named "the
X group" is still one."""

from __future__ import annotations

import pytest

from segmentation.nlq.followup import read_follow_up
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

READ = Reader(small_vocabulary())


@pytest.mark.parametrize(
    "text",
    [
        "对照组的客户",
        "雙11預熱的對照組有誰",  # no campaign of that name in this vocabulary
        "控制组的VIP",
        "who was in the holdout group",
        "holdout customers",
    ],
)
def test_holdout_is_asked_back(text: str) -> None:
    message = READ.asked(text)
    said = ("对照组", "對照組", "控制组", "holdout", "control group")
    assert any(word in message for word in said)


def test_a_group_of_an_answer_is_still_one() -> None:
    assert read_follow_up("tag the Shanghai group 待跟进") is not None
