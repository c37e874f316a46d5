"""The insight chart is a valid PNG, with or without a Chinese font on the machine."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy.orm import Session

from bot.services import insight_chart
from bot.services.insight_chart import render_insight_chart
from segmentation.engine import default_context
from segmentation.insights import describe_segment
from tests.insights.fixture import BASE, SEGMENT, company
from tests.segmentation.factory import NOW, TZ, load

CTX = default_context(TZ)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_MAGIC)
    with Image.open(io.BytesIO(data)) as image:
        image.verify()
    with Image.open(io.BytesIO(data)) as image:
        return image.size


@pytest.mark.parametrize("family", [None, "DejaVu Sans"])
def test_chart_renders_a_png_whatever_the_fonts(
    session: Session, monkeypatch: pytest.MonkeyPatch, family: str | None
) -> None:
    """None: no CJK font, labels fall back to pinyin; a named family: labels stay Chinese."""
    monkeypatch.setattr(insight_chart, "cjk_font_family", lambda: family)
    load(session, company())
    insight = describe_segment(session, members=SEGMENT, base=BASE, now=NOW, ctx=CTX)
    width, height = png_size(render_insight_chart(insight))
    assert width == 800 and height > 200


def test_chart_of_an_empty_segment_still_renders(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(insight_chart, "cjk_font_family", lambda: None)
    load(session, company())
    insight = describe_segment(session, members=[], base=BASE, now=NOW, ctx=CTX)
    assert png_size(render_insight_chart(insight))[0] == 800


def test_chart_with_the_machines_own_fonts_renders(session: Session) -> None:
    load(session, company())
    insight = describe_segment(session, members=SEGMENT, base=BASE, now=NOW, ctx=CTX)
    assert png_size(render_insight_chart(insight))[0] == 800


def test_without_a_cjk_font_chinese_is_spelt_in_pinyin() -> None:
    assert insight_chart._ascii("city: 上海") == "city: Shanghai"
    assert insight_chart._ascii("owner: 张三's customers") == "owner: Zhangsan's customers"
    assert insight_chart._ascii("tag: VIP🎉") == "tag: VIP?"
