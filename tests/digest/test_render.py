"""Markdown within WeCom's limit, in Chinese or English; the chart without tofu boxes."""

from __future__ import annotations

import re
from datetime import date

import pytest

import bot.services.digest.chart as chart_module
from bot.services.digest.chart import ascii_text, render_chart
from bot.services.digest.model import CampaignLine, CustomerFlow, Digest, Mover, SegmentLine
from bot.services.digest.render import MAX_MARKDOWN_BYTES, TOP_MOVERS, render_markdown
from tests.digest.company import NOW

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _digest(segments: int = 4, movers: int = 2, campaigns: int = 1) -> Digest:
    return Digest(
        userid="m1",
        name="王经理",
        role="manager",
        digest_date=date(2026, 3, 10),
        now=NOW,
        customers_in_scope=1234,
        segments=tuple(
            SegmentLine(f"saved:分群{i}", f"分群{i}号", f"segment {i}", "saved", 100 + i, 90, 120)
            for i in range(segments)
        ),
        flow=CustomerFlow(3, 21, 1, 4),
        campaigns=tuple(
            CampaignLine(i, f"活动{i}", 100, 90, 10, 12, 10, 1, (0.02, -0.01, 0.05))
            for i in range(campaigns)
        ),
        movers=tuple(Mover(f"s{i:03d}", f"销售{i}", i + 1, 0, 3, 1) for i in range(movers)),
    )


def test_markdown_shows_sizes_changes_and_flows_in_chinese() -> None:
    text = render_markdown(_digest())
    assert text.startswith("# 每日客户简报 · 3月10日 周二")
    assert "范围内客户 **1,234**" in text
    assert (
        '> 分群0号：**100**  <font color="info">+10</font> / <font color="warning">-20</font>'
        in text
    )
    assert "新增客户：昨日 **3** · 近7天 **21**" in text
    assert "转化提升 +2.0pp（95%置信区间 -1.0pp ~ +5.0pp）" in text


def test_english_markdown_on_request() -> None:
    text = render_markdown(_digest(), "en")
    assert "customers in scope **1,234**" in text and "segment 0: **100**" in text
    labels_only = re.sub(r"王经理|活动\d+|销售\d+", "", text)  # names stay as they are
    assert re.search(r"[\u4e00-\u9fff]", labels_only) is None


def test_long_lists_are_cut_to_the_byte_limit_and_say_how_many_more() -> None:
    digest = _digest(segments=150, movers=40, campaigns=30)
    text = render_markdown(digest)
    assert len(text.encode()) <= MAX_MARKDOWN_BYTES
    shown_segments = len(re.findall(r"^> 分群\d+号", text, re.M))
    more = [int(n) for n in re.findall(r"…还有 (\d+) 项", text)]
    assert shown_segments < 150 and shown_segments + more[0] == 150
    shown_movers = len(re.findall(r"^> 销售\d+：", text, re.M))
    assert shown_movers <= TOP_MOVERS and shown_movers + more[-1] == 40


def test_movers_are_capped_even_when_everything_fits() -> None:
    text = render_markdown(_digest(movers=8))
    assert len(re.findall(r"^> 销售\d+：", text, re.M)) == TOP_MOVERS
    assert f"…还有 {8 - TOP_MOVERS} 项" in text
    # The biggest change first.
    assert text.index("> 销售7：") < text.index("> 销售6：")


def test_empty_sections_say_so() -> None:
    text = render_markdown(_digest(segments=0, movers=0, campaigns=0))
    assert text.count("> 暂无") == 3


def test_chart_is_a_png_with_ascii_labels_when_no_chinese_font(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(chart_module, "cjk_font_family", lambda: None)
    assert render_chart(_digest()).startswith(PNG_SIGNATURE)
    assert render_chart(_digest(segments=0)).startswith(PNG_SIGNATURE)
    assert ascii_text("意向客户 VIP") == "Yi Xiang Ke Hu VIP"
    assert ascii_text("★") == "?"
