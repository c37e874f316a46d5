"""A PNG chart of a segment description: share in the segment against share in the base.

Uses matplotlib's object API with the Agg canvas (no pyplot global state, safe in threads).
Chinese labels need a CJK font; when the machine has none the chart falls back to the English
labels with Chinese names spelt in pinyin, instead of drawing empty boxes.
"""

from __future__ import annotations

import io
import logging
import re
import shutil
import subprocess
import warnings
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from pypinyin import lazy_pinyin

from segmentation.insights.labels import attribute_name, say
from segmentation.insights.model import Insight, Language, PersonaEntry

log = logging.getLogger(__name__)

BARS = 8
# Families that cover Simplified Chinese, in order of preference, when fontconfig is absent.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "AR PL UMing CN",
)
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
SEGMENT_COLOUR, BASE_COLOUR = "#2b7bba", "#c7c7c7"


@lru_cache(maxsize=1)
def cjk_font_family() -> str | None:
    """A font family able to draw Chinese, or None. Asks fontconfig (`fc-list :lang=zh`) first,
    registering what it finds with matplotlib, then matplotlib's own font list."""
    for path in _fontconfig_cjk_files():
        try:
            font_manager.fontManager.addfont(path)
            return font_manager.FontProperties(fname=path).get_name()
        except (OSError, RuntimeError, ValueError):
            log.debug("font %s could not be loaded", path, exc_info=True)
    known = {f.name for f in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FAMILIES if family in known), None)


def _fontconfig_cjk_files() -> list[str]:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        done = subprocess.run(
            [fc_list, ":lang=zh", "file"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    files = [line.split(":")[0].strip() for line in done.stdout.splitlines() if line.strip()]
    return sorted(f for f in files if f.lower().endswith((".ttf", ".otf", ".ttc")))


def render_insight_chart(insight: Insight) -> bytes:
    """The PNG bytes: one pair of bars (segment, base) per top persona value, lift written
    beside each pair; a short note instead of bars when nothing sets the segment apart."""
    return render_persona_chart(
        insight.persona, insight.scorecard.size, insight.sketch, insight.language
    )


def render_persona_chart(
    persona: Sequence[PersonaEntry], size: int, sketch: str, language: Language
) -> bytes:
    """`render_insight_chart` from the parts it draws (e.g. a describe answer's JSON)."""
    family = cjk_font_family()
    language = language if family else "en"
    text = _plain if family else _ascii
    entries = list(persona[:BARS])
    fonts = {"fontfamily": family} if family else {}
    figure = Figure(figsize=(8, 1.2 + 0.55 * max(len(entries), 2)), dpi=100)
    FigureCanvasAgg(figure)
    figure.set_layout_engine("tight")
    ax = figure.add_subplot()
    ax.set_title(text(f"{say('chart_title', language)} (n={size})"), loc="left", **fonts)
    if entries:
        _draw_bars(ax, entries, language, text, family)
    else:
        ax.axis("off")
        ax.text(0.5, 0.5, text(sketch), ha="center", va="center", wrap=True, **fonts)
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        # A glyph missing even from the CJK font (an emoji in a tag name) draws as a box;
        # that is no reason to fail the whole reply.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing")
        figure.savefig(buffer, format="png")
    return buffer.getvalue()


def persona_from_json(entries: Sequence[dict[str, Any]]) -> list[PersonaEntry]:
    """Persona entries back from `insight_to_json` (one label, in the language asked)."""
    return [
        PersonaEntry(
            attribute=str(e["attribute"]),
            code=str(e.get("code") or e["value"]),
            label_zh=str(e["value"]),
            label_en=str(e["value"]),
            count=int(e["count"]),
            base_count=int(e["base_count"]),
            share=float(e["share"]),
            base_share=float(e["base_share"]),
            lift=float(e["lift"]),
            score=float(e["lift"]),
        )
        for e in entries
    ]


def _draw_bars(ax, entries: list[PersonaEntry], language: Language, text, family) -> None:
    fonts = {"fontfamily": family} if family else {}
    rows = list(range(len(entries)))[::-1]  # the most distinctive on top
    height = 0.38
    segment = [e.share * 100 for e in entries]
    base = [e.base_share * 100 for e in entries]
    ax.barh([r + height / 2 for r in rows], segment, height, color=SEGMENT_COLOUR,
            label=text(say("chart_segment", language)))  # fmt: skip
    ax.barh([r - height / 2 for r in rows], base, height, color=BASE_COLOUR,
            label=text(say("chart_base", language)))  # fmt: skip
    labels = [
        text(f"{attribute_name(e.attribute, language)}: {e.label(language)}") for e in entries
    ]
    ax.set_yticks(rows, labels, **fonts)
    for r, e in zip(rows, entries, strict=True):
        ax.text(e.share * 100 + 1, r + height / 2, f"×{e.lift:.1f}", va="center", fontsize=8)
    ax.set_xlim(0, max(max(segment), max(base)) * 1.15 + 5)
    ax.set_xlabel("%")
    ax.legend(
        loc="lower right",
        bbox_to_anchor=(1.0, 1.0),
        ncol=2,
        frameon=False,
        prop=fonts and {"family": family},
    )
    ax.spines[["top", "right"]].set_visible(False)


def _plain(value: str) -> str:
    return value


def _ascii(value: str) -> str:
    """Chinese runs in pinyin ("上海" → "Shanghai"); other characters DejaVu may lack → "?"."""

    def spell(match: re.Match[str]) -> str:
        follows = value[match.end() : match.end() + 1]
        return "".join(lazy_pinyin(match.group())).capitalize() + (" " if follows.isalnum() else "")

    spelt = HAN.sub(spell, value)
    spelt = spelt.replace("：", ": ").replace("，", ", ").replace("。", ". ")
    return "".join(c if ord(c) < 0x2100 or c in "×¥" else "?" for c in spelt).strip()
