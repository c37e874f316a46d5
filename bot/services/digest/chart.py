"""The digest's chart: day and week changes of the key segments as horizontal bars (PNG).

matplotlib's object API on the Agg canvas (no pyplot global state). Chinese labels only when
a CJK font exists (`fc-list :lang=zh`); otherwise English names, and saved-segment names in
pinyin, never empty boxes.
"""

from __future__ import annotations

import io
import re
import warnings
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from pypinyin import lazy_pinyin

from bot.services.digest.model import Digest, SegmentLine
from bot.services.digest.render import Language
from bot.services.insight_chart import cjk_font_family

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
DAY_COLOUR, WEEK_COLOUR = "#2b7bba", "#f28e2b"
LABELS = {
    "title": ("重点分群变化", "Key segment changes"),
    "day": ("较昨日", "vs yesterday"),
    "week": ("较7天前", "vs 7 days ago"),
    "empty": ("暂无重点分群", "No key segments"),
}


def ascii_text(text: str) -> str:
    """Chinese runs spelt in pinyin; anything else non-ASCII dropped (no tofu boxes)."""
    spelt = HAN.sub(lambda m: " ".join(lazy_pinyin(m.group())).title(), text)
    return spelt.encode("ascii", "ignore").decode() or "?"


def render_chart(digest: Digest, language: Language = "zh") -> bytes:
    family = cjk_font_family()
    if family is None:
        language = "en"

    def label(key: str) -> str:
        zh, en = LABELS[key]
        return zh if language == "zh" else en

    def name(line: SegmentLine) -> str:
        text = line.name_zh if language == "zh" else line.name_en
        return text if family else ascii_text(text)

    lines = list(digest.segments)
    fig = Figure(figsize=(7, 1.6 + 0.55 * max(len(lines), 1)), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    fonts: dict[str, Any] = {"fontfamily": family} if family else {}
    date = digest.digest_date.isoformat()
    ax.set_title(f"{label('title')} {date}", loc="left", **fonts)
    if not lines:
        ax.text(0.5, 0.5, label("empty"), ha="center", va="center", **fonts)
        ax.set_axis_off()
    else:
        names = [f"{name(line)} ({line.now:,})" for line in lines]
        _bars(ax, lines, names, label("day"), label("week"), fonts)
    fig.tight_layout()
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        # A glyph missing from the chosen font is a warning; never let it fail a digest.
        warnings.simplefilter("ignore")
        fig.savefig(buffer, format="png")
    return buffer.getvalue()


def _bars(ax, lines: list[SegmentLine], names: list[str], day: str, week: str, fonts) -> None:
    positions = list(range(len(lines)))
    height = 0.38
    days = [line.day_change or 0 for line in lines]
    weeks = [line.week_change or 0 for line in lines]
    ax.barh([p - height / 2 for p in positions], days, height, color=DAY_COLOUR, label=day)
    ax.barh([p + height / 2 for p in positions], weeks, height, color=WEEK_COLOUR, label=week)
    for p, d, w in zip(positions, days, weeks, strict=True):
        ax.annotate(f"{d:+,}", (d, p - height / 2), va="center", fontsize=8,
                    xytext=(3 if d >= 0 else -3, 0), textcoords="offset points",
                    ha="left" if d >= 0 else "right")  # fmt: skip
        ax.annotate(f"{w:+,}", (w, p + height / 2), va="center", fontsize=8,
                    xytext=(3 if w >= 0 else -3, 0), textcoords="offset points",
                    ha="left" if w >= 0 else "right")  # fmt: skip
    ax.set_yticks(positions)
    ax.set_yticklabels(names, **fonts)
    ax.invert_yaxis()
    ax.axvline(0, color="#555555", linewidth=0.8)
    ax.margins(x=0.2)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    legend_font = {"size": 8, **({"family": fonts["fontfamily"]} if fonts else {})}
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=2, frameon=False,
              prop=legend_font)  # fmt: skip
