"""Small inline SVG charts for the dashboard: no JavaScript, no network, no image files."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape

WIDTH, HEIGHT = 360, 140
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 44, 12, 12, 24
LINE = "#07c160"  # WeCom green
GRID = "#e5e5e5"
TEXT = "#888"


def _svg(width: int, height: int, body: str, label: str) -> Markup:
    # No fixed size: the viewBox scales to the column (a phone is 390 px wide); CSS caps it.
    return Markup(
        f'<svg class="chart" role="img" aria-label="{escape(label)}" viewBox="0 0 {width} {height}"'
        f' style="max-width:{width}px" xmlns="http://www.w3.org/2000/svg">{body}</svg>'
    )


def line_chart(points: Sequence[tuple[datetime, int]], tz: ZoneInfo, label: str) -> Markup:
    """Size over time: a line with dots on an axis from zero (a 72→84 change must not look
    like a tenfold rise), the top and middle marked, first/last day below."""
    if not points:
        return _svg(
            WIDTH, HEIGHT, _text(WIDTH / 2, HEIGHT / 2, "no snapshots yet", "middle"), label
        )
    values = [v for _, v in points]
    low, high = 0, max(max(values), 1)
    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    step = plot_w / max(len(points) - 1, 1)

    def xy(i: int, v: int) -> tuple[float, float]:
        return PAD_LEFT + i * step, PAD_TOP + plot_h * (1 - (v - low) / (high - low))

    coords = [xy(i, v) for i, v in enumerate(values)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    base = PAD_TOP + plot_h
    area = f"{coords[0][0]:.1f},{base} {path} {coords[-1][0]:.1f},{base}"
    parts = [
        f'<line x1="{PAD_LEFT}" y1="{PAD_TOP}" x2="{WIDTH - PAD_RIGHT}" y2="{PAD_TOP}" '
        f'stroke="{GRID}"/>',
        f'<line x1="{PAD_LEFT}" y1="{base}" x2="{WIDTH - PAD_RIGHT}" y2="{base}" stroke="{GRID}"/>',
        f'<line x1="{PAD_LEFT}" y1="{PAD_TOP + plot_h / 2:.1f}" x2="{WIDTH - PAD_RIGHT}" '
        f'y2="{PAD_TOP + plot_h / 2:.1f}" stroke="{GRID}" stroke-dasharray="3 3"/>',
        f'<polygon points="{area}" fill="{LINE}" fill-opacity="0.12"/>',
        f'<polyline points="{path}" fill="none" stroke="{LINE}" stroke-width="2"/>',
        *(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{LINE}"/>' for x, y in coords),
        _text(PAD_LEFT - 6, PAD_TOP + 4, str(high), "end"),
        _text(PAD_LEFT - 6, PAD_TOP + plot_h / 2 + 4, f"{high / 2:g}", "end"),
        _text(PAD_LEFT - 6, base + 4, str(low), "end"),
        _text(PAD_LEFT, HEIGHT - 6, _day(points[0][0], tz), "start"),
        _text(WIDTH - PAD_RIGHT, HEIGHT - 6, _day(points[-1][0], tz), "end"),
    ]
    return _svg(WIDTH, HEIGHT, "".join(parts), label)


def bar_chart(items: Sequence[tuple[str, int]], label: str, *, width: int = 460) -> Markup:
    """Horizontal bars, one per (label, value), the value written after each bar."""
    row, label_w, value_w = 24, 120, 56
    height = max(row * len(items) + 8, 40)
    top = max((v for _, v in items), default=0) or 1
    parts = []
    for i, (name, value) in enumerate(items):
        y = 4 + i * row
        bar_w = (width - label_w - value_w) * value / top
        parts.append(_text(label_w - 8, y + 15, name, "end", color="#333"))
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{bar_w:.1f}" height="{row - 8}" rx="3" '
            f'fill="{LINE}"/>'
        )
        parts.append(_text(label_w + bar_w + 6, y + 15, str(value), "start", color="#333"))
    return _svg(width, height, "".join(parts), label)


def _day(moment: datetime, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%m-%d")


def _text(x: float, y: float, content: str, anchor: str, *, color: str = TEXT) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="11" fill="{color}" '
        f'text-anchor="{anchor}">{escape(content)}</text>'
    )
