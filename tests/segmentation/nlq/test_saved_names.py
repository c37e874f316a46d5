"""A saved segment's name said without 分群/segment (spec §2: read as a tag): a name made of
conditions is those conditions; any other is asked back, offering the segment."""

from __future__ import annotations

from decimal import Decimal

import pytest

from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Clarification, Command, build_vocabulary, parse_command
from segmentation.nodes import City, HasTag, RollingWindow, SavedSegment, Spend
from tests.segmentation.nlq.fixture import NOW, TZ

VOCAB = build_vocabulary(
    tags=["VIP"],
    staff=[],
    departments=[],
    saved=["近90天消费满3000", "跟进名单", "上海VIP", "高价值跟进名单"],
    catalog=NamedSegmentCatalog.load(),
    db_cities=["上海"],
)
SPEND_90 = Spend(">=", Decimal("3000"), RollingWindow(90, "days"))


def parse(text: str) -> Command | Clarification:
    return parse_command(text, vocabulary=VOCAB, asker=None, now=NOW, tz=TZ)


@pytest.mark.parametrize(
    ("text", "segment"),
    [
        ("导出近90天消费满3000的客户", SPEND_90),
        ("近90天消费满3000的客户有多少", SPEND_90),
        ("上海VIP的客户", None),  # City and HasTag, checked below
        ("近90天消费满3000分群的客户", SavedSegment("近90天消费满3000")),
        ("“跟进名单”分群有多少人", SavedSegment("跟进名单")),
    ],
)
def test_a_saved_name_made_of_conditions_is_those_conditions(text: str, segment: object) -> None:
    result = parse(text)
    assert isinstance(result, Command), result
    if segment is None:
        assert set(result.segment.children) == {City(("上海",)), HasTag("VIP")}  # type: ignore[union-attr]
    else:
        assert result.segment == segment


@pytest.mark.parametrize("text", ["跟进名单的客户", "高价值跟进名单的客户"])
def test_a_bare_saved_name_of_other_words_is_asked_offering_the_segment(text: str) -> None:
    result = parse(text)
    assert isinstance(result, Clarification)
    assert "分群" in result.message and result.suggestions and "分群" in result.suggestions[0]
