"""The digest as WeCom markdown (Chinese by default, English on request), within WeCom's size
limit: long lists are cut with "…" and a note of how many more there are."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from bot.services.digest.model import CampaignLine, Digest, Mover, SegmentLine
from segmentation.markup import escape_markdown

Language = Literal["zh", "en"]
# message/send markdown content: at most 4096 bytes of UTF-8.
MAX_MARKDOWN_BYTES = 4096
TOP_MOVERS = 5
WEEKDAYS_ZH = "一二三四五六日"

# key: (Chinese, English)
TEXT: dict[str, tuple[str, str]] = {
    "title": ("# 每日客户简报 · {date} 周{weekday}", "# Daily customer digest · {date}"),
    "who": (
        "> {name}（{role}）· 范围内客户 **{total}**",
        "> {name} ({role}) · customers in scope **{total}**",
    ),
    "sales": ("销售", "sales"),
    "manager": ("经理", "manager"),
    "admin": ("管理员，全公司", "admin, whole company"),
    "segments": (
        "**重点分群**（较昨日 / 较7天前）",
        "**Key segments** (vs yesterday / vs 7 days ago)",
    ),
    "flow": ("**客户增减**", "**Customers gained and lost**"),
    "new": (
        "> 新增客户：昨日 **{day}** · 近7天 **{week}**",
        "> New customers: yesterday **{day}** · last 7 days **{week}**",
    ),
    "lost": (
        "> 流失客户：昨日 **{day}** · 近7天 **{week}**（不含在职转接）",
        "> Lost customers: yesterday **{day}** · last 7 days **{week}** (transfers excluded)",
    ),
    "campaigns": ("**营销活动**", "**Campaigns**"),
    "campaign": (
        "> 「{name}」触达 {reached} · 核销 {redeemed} · 下单 {ordered}/{treated}",
        "> “{name}” reached {reached} · redeemed {redeemed} · ordered {ordered}/{treated}",
    ),
    "uplift": (
        "，转化提升 {diff}（95%置信区间 {low} ~ {high}）",
        ", uplift {diff} (95% CI {low} to {high})",
    ),
    "no_holdout": ("，无对照组", ", no holdout"),
    "movers": (
        "**变化最大的销售**（近7天 / 订单较前7天）",
        "**Top movers** (last 7 days / orders vs the 7 days before)",
    ),
    "mover": (
        "> {name}：客户 {net}（+{new}/−{lost}）· 订单 {orders}（{change}）",
        "> {name}: customers {net} (+{new}/−{lost}) · orders {orders} ({change})",
    ),
    "none": ("> 暂无", "> none"),
    "more": ("> …还有 {n} 项", "> … and {n} more"),
}


def say(key: str, language: Language, **values: object) -> str:
    zh, en = TEXT[key]
    return (zh if language == "zh" else en).format(**values)


@dataclass
class Section:
    """A header, fixed lines, and a list that may be shortened to fit."""

    lines: list[str]
    items: list[str] = field(default_factory=list)
    # At most this many items even when everything fits (None: all).
    cap: int | None = None
    shown: int = -1

    def render(self, language: Language) -> list[str]:
        shown = len(self.items) if self.shown < 0 else self.shown
        out = [*self.lines, *self.items[:shown]]
        if shown < len(self.items):
            out.append(say("more", language, n=len(self.items) - shown))
        return out


def render_markdown(
    digest: Digest, language: Language = "zh", limit: int = MAX_MARKDOWN_BYTES
) -> str:
    flow = digest.flow
    sections = [
        _header(digest, language),
        Section([say("segments", language)], [_segment(s, language) for s in digest.segments]),
        Section(
            [
                say("flow", language),
                say("new", language, day=f"{flow.new_yesterday:,}", week=f"{flow.new_week:,}"),
                say("lost", language, day=f"{flow.lost_yesterday:,}", week=f"{flow.lost_week:,}"),
            ]
        ),
        Section([say("campaigns", language)], [_campaign(c, language) for c in digest.campaigns]),
        Section(
            [say("movers", language)],
            [_mover(m, language) for m in top_movers(digest.movers)],
            cap=TOP_MOVERS,
        ),
    ]
    for section in sections[1:]:
        if not section.items and len(section.lines) == 1:
            section.lines.append(say("none", language))
    return fit(sections, language, limit)


def fit(sections: list[Section], language: Language, limit: int) -> str:
    """Join the sections; while too long, drop the last item of the longest list."""

    def text() -> str:
        return "\n\n".join("\n".join(s.render(language)) for s in sections)

    for section in sections:
        section.shown = min(len(section.items), section.cap or len(section.items))
    result = text()
    while len(result.encode()) > limit:
        longest = max(sections, key=lambda s: s.shown)
        if longest.shown == 0:
            # Only fixed lines left (never with real data): cut at a character boundary.
            cut = result.encode()[: limit - len("…".encode())].decode(errors="ignore")
            return cut + "…"
        longest.shown -= 1
        result = text()
    return result


def top_movers(movers: tuple[Mover, ...]) -> list[Mover]:
    """Salespeople with any change, biggest first: customers, then orders; ties by userid."""
    changed = [m for m in movers if m.customers_net or m.customers_lost or m.orders_change]
    return sorted(changed, key=lambda m: (-abs(m.customers_net), -abs(m.orders_change), m.userid))


def _header(digest: Digest, language: Language) -> Section:
    day = digest.digest_date
    date = f"{day.month}月{day.day}日" if language == "zh" else day.isoformat()
    # Every role said in the digest's language (a salesperson's was left as "sales" in zh).
    role = (
        say(digest.role, language) if digest.role in ("sales", "manager", "admin") else digest.role
    )
    return Section([
        say("title", language, date=date, weekday=WEEKDAYS_ZH[day.weekday()]),
        say("who", language, name=escape_markdown(digest.name), role=role,
            total=f"{digest.customers_in_scope:,}"),
    ])  # fmt: skip


def _signed(value: int | None, bad_when_growing: bool) -> str:
    if value is None:
        return "—"
    if value == 0:
        return "±0"
    good = (value > 0) != bad_when_growing
    return f'<font color="{"info" if good else "warning"}">{value:+,}</font>'


def _segment(line: SegmentLine, language: Language) -> str:
    name = escape_markdown(line.name_zh if language == "zh" else line.name_en)
    day = _signed(line.day_change, line.bad_when_growing)
    week = _signed(line.week_change, line.bad_when_growing)
    return (
        f"> {name}：**{line.now:,}**  {day} / {week}"
        if language == "zh"
        else (f"> {name}: **{line.now:,}**  {day} / {week}")
    )


def _points(value: float) -> str:
    return f"{value * 100:+.1f}pp"


def _campaign(line: CampaignLine, language: Language) -> str:
    text = say("campaign", language, name=escape_markdown(line.name), reached=line.reached,
               redeemed=line.redeemed, ordered=line.ordered, treated=line.treated)  # fmt: skip
    if line.uplift is None:
        return text + say("no_holdout", language)
    diff, low, high = line.uplift
    return text + say("uplift", language, diff=_points(diff), low=_points(low), high=_points(high))


def _mover(mover: Mover, language: Language) -> str:
    return say("mover", language, name=escape_markdown(mover.name), net=f"{mover.customers_net:+}",
               new=mover.customers_new, lost=mover.customers_lost,
               orders=f"{mover.orders_week:,}", change=f"{mover.orders_change:+,}")  # fmt: skip
