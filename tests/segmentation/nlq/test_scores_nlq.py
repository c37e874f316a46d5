"""Score phrases in chat: asked back before any scores exist, thresholds restated in plain
words (defaults included), vague phrases asked back."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from segmentation.engine import default_context
from segmentation.nlq import Clarification, Command, build_vocabulary, load_vocabulary
from segmentation.nlq import parse_command as parse
from segmentation.nodes import And, NamedSegment, Score
from tests.segmentation.nlq.fixture import NOW, TZ, load_fixture

CTX = default_context(TZ)


def _vocab(scores_available: bool):  # type: ignore[no-untyped-def]
    return build_vocabulary(
        tags=["VIP"],
        staff=[],
        departments=[],
        saved=[],
        catalog=CTX.named,
        scores_available=scores_available,
    )


def _ask(text: str, scores_available: bool = True) -> Command | Clarification:
    return parse(text, vocabulary=_vocab(scores_available), asker=None, now=NOW, tz=TZ)


@pytest.mark.parametrize(
    "text",
    ["存活概率低于30%", "CLV超过5000", "客户终身价值前10%", "expected to buy in the next 30 days"],
)
def test_score_phrases_before_any_scores_exist_are_asked_back(text: str) -> None:
    result = _ask(text, scores_available=False)
    assert isinstance(result, Clarification)
    assert "还没有计算" in result.message or "not been computed" in result.message


def test_vocabulary_knows_whether_scores_exist(session: Session) -> None:
    assert not load_vocabulary(session, CTX.named).scores_available
    load_fixture(session)
    assert load_vocabulary(session, CTX.named).scores_available


def test_score_on_a_named_segment_is_restated_in_plain_words() -> None:
    result = _ask("P(alive) < 0.3 的高价值客户")
    assert isinstance(result, Command)
    assert result.segment == And(
        (Score("p_alive", "<", Decimal("0.3")), NamedSegment("high_value"))
    )
    assert result.description == "仍活跃概率低于30%的重要价值客户"


def test_a_default_threshold_is_said_out_loud() -> None:
    zh = _ask("预计30天内会购买的客户")
    assert isinstance(zh, Command)
    assert zh.segment == Score("expected_purchases_30d", ">=", Decimal("0.5"))
    assert "至少0.5次" in zh.description and "按预计购买次数至少0.5次计" in zh.description
    en = _ask("customers likely to churn")
    assert isinstance(en, Command) and en.segment == Score("p_alive", "<", Decimal("0.3"))
    assert "below 30%" in en.description and "means P(alive) below 30%" in en.description


def test_churn_probability_is_one_minus_p_alive() -> None:
    result = _ask("流失概率不低于80%的客户")
    assert isinstance(result, Command)
    assert result.segment == Score("p_alive", "<=", Decimal("0.2"))
    assert result.description == "仍活跃概率不高于20%的客户"


@pytest.mark.parametrize(
    "text",
    ["CLV高的客户", "存活概率高", "预计购买次数超过2", "P(alive) < 30", "预计60天内会购买"],
)
def test_vague_or_unclear_score_phrases_are_asked_back(text: str) -> None:
    assert isinstance(_ask(text), Clarification)
