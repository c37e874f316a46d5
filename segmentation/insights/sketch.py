"""Words for a description: the one-sentence sketch and the compact markdown reply."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from segmentation.insights.labels import say
from segmentation.insights.model import Insight, Language, PersonaEntry, Scorecard, Typical
from segmentation.markup import escape_markdown

SKETCH_VALUES = 3


def compose_sketch(
    persona: tuple[PersonaEntry, ...],
    typical: Typical,
    card: Scorecard,
    language: Language,
    escape: Callable[[str], str] = str,
) -> str:
    """ "典型画像：上海、女性、VIP，平均消费 ¥820，最近一次咨询在 9 天前。" — the most
    distinctive value of up to three attributes, then the typical spend and recency.
    `escape` is applied to the values (tags, cities: customers' and staff's own words)."""
    if card.size == 0:
        return say("empty", language)
    seen: set[str] = set()
    values: list[str] = []
    for entry in persona:
        if entry.attribute not in seen and len(values) < SKETCH_VALUES:
            seen.add(entry.attribute)
            values.append(escape(entry.label(language)))
    clauses = [
        say("profile", language, values=say("list_sep", language).join(values))
        if values
        else say("no_profile", language, size=card.size)
    ]
    if card.avg_spend is not None:
        clauses.append(say("avg_spend", language, amount=money(card.avg_spend, language)))
    if typical.median_days_since_inquiry is not None:
        clauses.append(say("last_inquiry", language, days=_days(typical.median_days_since_inquiry)))
    elif typical.median_days_since_order is not None:
        clauses.append(say("last_order", language, days=_days(typical.median_days_since_order)))
    return say("clause_sep", language).join(clauses) + say("end", language)


def insight_markdown(insight: Insight, language: Language | None = None) -> str:
    """The chat reply: the sketch in bold, then one line per scorecard dimension."""
    lang = language or insight.language
    card = insight.scorecard
    # Recomposed with the values escaped: tag and city names must not become markup.
    sketch = compose_sketch(insight.persona, insight.typical, card, lang, escape_markdown)
    lines = [f"**{sketch}**"]
    if card.size == 0:
        return lines[0]
    lines.append(
        say("size", lang, size=card.size, share=percent(card.share_of_base), base=card.base_size)
    )
    if card.latest_event_at is None:
        lines.append(say("fresh_none", lang))
    else:
        lines.append(say("fresh", lang, at=_local(card.latest_event_at, insight.now)))
    reach = say("reach", lang, reach=card.reachable)
    if card.reachable_with_budget is None:
        reach += say("budget_unknown", lang)
    else:
        reach += say("budget", lang, n=card.reachable_with_budget)
    lines.append(reach)
    spend = say(
        "spend",
        lang,
        total=money(card.total_spend, lang),
        avg=money(card.avg_spend or Decimal(0), lang),
    )
    if card.expected_value is not None:
        spend += say("expected", lang, value=money(card.expected_value, lang))
    lines.append(spend)
    lines.append(_overlap_line(card, lang))
    if card.stability is not None:
        s = card.stability
        lines.append(
            say(
                "stable", lang, e7=s.entered_7d, x7=s.exited_7d, e30=s.entered_30d, x30=s.exited_30d
            )
        )
    return "\n".join([lines[0], *(f"- {line}" for line in lines[1:])])


def _overlap_line(card: Scorecard, lang: Language) -> str:
    if not card.overlaps:
        return say("no_overlaps", lang)
    items = [
        say(
            "overlap_item",
            lang,
            name=escape_markdown(o.segment),
            jaccard=f"{o.jaccard:.2f}",
            containment=percent(o.containment),
        )
        for o in card.overlaps
    ]
    return say("overlaps", lang, items=say("list_sep", lang).join(items))


def money(amount: Decimal, language: Language) -> str:
    """Whole yuan: a sketch is read at a glance."""
    return f"{amount:,.0f}" if language == "en" else f"{amount:.0f}"


def percent(share: float) -> str:
    return f"{share * 100:.1f}%" if share < 0.1 else f"{share * 100:.0f}%"


def _days(days: float) -> int:
    return max(0, round(days))


def _local(at: datetime, now: datetime) -> str:
    return at.astimezone(now.tzinfo).strftime("%Y-%m-%d %H:%M")
