"""A breakdown's bar chart (PNG, like the describe charts) and its table as .xlsx."""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from openpyxl import Workbook
from pypinyin import lazy_pinyin

from bot.services.cells import keep_worksheet_text
from bot.services.insight_chart import cjk_font_family

BAR_COLOUR = "#2b7bba"
OTHER_COLOUR = "#9aa5b1"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def _ascii(text: str) -> str:
    spelt = _HAN.sub(lambda m: " ".join(lazy_pinyin(m.group())).title(), text)
    return spelt.encode("ascii", "ignore").decode() or "?"


def render_breakdown_chart(
    title: str, rows: Sequence[tuple[str, int]], other: int, language: str
) -> bytes:
    """Horizontal bars, largest on top, "其他/other" last in grey. Chinese labels only when a
    CJK font exists (otherwise pinyin, never empty boxes)."""
    family = cjk_font_family()
    text = (lambda s: s) if family else _ascii
    labels = [text(label) for label, _ in rows]
    counts = [count for _, count in rows]
    colours = [BAR_COLOUR] * len(rows)
    if other:
        labels.append(text("其他") if language == "zh" else "other")
        counts.append(other)
        colours.append(OTHER_COLOUR)
    fonts = {"fontfamily": family} if family else {}
    figure = Figure(figsize=(7, 1.2 + 0.45 * max(len(labels), 2)), dpi=100)
    FigureCanvasAgg(figure)
    figure.set_layout_engine("tight")
    ax = figure.add_subplot()
    ax.set_title(text(title)[:60], loc="left", **fonts)
    positions = list(range(len(labels)))[::-1]
    ax.barh(positions, counts, color=colours)
    ax.set_yticks(positions, labels=[label[:18] for label in labels], **fonts)
    peak = max(counts) if counts else 0
    for position, count in zip(positions, counts, strict=True):
        ax.text(count + peak * 0.01, position, f"{count:,}", va="center")
    ax.set_xlim(0, peak * 1.15 if peak else 1)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a glyph missing from the font is no reason to fail
        figure.savefig(buffer, format="png")
    return buffer.getvalue()


def breakdown_workbook(
    headers: tuple[str, str, str], rows: Sequence[tuple[str, int]], total: int
) -> bytes:
    """Every group (not only the top ones) with its count and share of the segment. Labels
    (tag, city, staff names) that could start a formula stay text (bot.services.cells)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "breakdown"
    sheet.append(list(headers))
    for label, count in rows:
        sheet.append([label, count, round(count / total, 4) if total else 0.0])
    keep_worksheet_text(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
