"""The rows of a list reply: name, owner and the facts of the question, for one page.

Which facts a question shows is segmentation.facts.facts_of (one mapping from conditions to
facts); here they are read for the page and put in the user's words: "近90天消费 ¥1,280",
"最近咨询 11月2日", "活跃概率 35%", "标签：VIP", "添加于 2023-01-18". Dates of this year show
month and day, older ones the year too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands.texts import kind_word, say
from bot.services.window_words import window_words
from segmentation.compiler import SegmentError
from segmentation.engine import EngineContext
from segmentation.facts import (
    AddedAt,
    CityName,
    EventTally,
    Fact,
    LastActivity,
    LastEvent,
    Latest,
    MatchingTags,
    ScoreValue,
    Tally,
    WindowSpend,
    facts_of,
    read_facts,
)
from segmentation.kinds.city import canonical_cities, city_in_latin
from segmentation.kinds.event_words import EVENT_WORDS
from segmentation.models import Customer, CustomerTag, Department, Follow, Staff, Tag
from segmentation.nlq.vocabulary import read_channel_codes
from segmentation.nodes import City, Node, SegmentFormatError, from_json, walk
from segmentation.saved import expand_saved

PAGE_SIZE = 10
MAX_OWNERS_SHOWN = 2

_QUOTED = re.compile(r"“([^”]+)”")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# "3 inquiries": English counts of an event kind (other kinds: "3 × livestream").
PLURALS_EN = {kind: words.plural_en for kind, words in EVENT_WORDS.items()}
SCORE_LABELS = {
    "p_alive": {"zh": "活跃概率 {v}", "en": "P(alive) {v}"},
    "clv": {"zh": "CLV {v}", "en": "CLV {v}"},
    "expected_avg_value": {"zh": "预计客单 {v}", "en": "expected order {v}"},
    "expected_purchases_30d": {"zh": "预计30天购买 {v} 次", "en": "{v} expected orders/30d"},
    "expected_purchases_90d": {"zh": "预计90天购买 {v} 次", "en": "{v} expected orders/90d"},
}
MONEY_SCORES = frozenset({"clv", "expected_avg_value"})


@dataclass(frozen=True)
class CustomerRow:
    external_userid: str
    name: str
    owners: tuple[str, ...]
    fact: str


def segment_of(data: Any) -> Node | None:
    """The tree of an answer's (or a stored list's) segment JSON, None when it has none."""
    if not isinstance(data, dict):
        return None
    try:
        return from_json(data)
    except SegmentFormatError:
        return None


def row_facts(session: Session, segment: Node | None, ctx: EngineContext) -> list[Fact]:
    """The facts rows show for this question (saved segments by their definition)."""
    if segment is None:
        return [LastActivity()]
    try:
        return facts_of(expand_saved(session, segment), ctx)
    except SegmentError:  # a saved segment deleted since: what the tree itself says
        return facts_of(segment, ctx)


def shown_words(
    session: Session, ids: Sequence[str], description: str, segment: Node | None = None
) -> set[str]:
    """The stored words a page of these customers may show (their names, cities and tags,
    staff and department names, the names quoted in the restated question, the cities it
    names): kept as stored when the reply changes script (bot.commands.script)."""
    words = set(_QUOTED.findall(description))
    parts = walk(segment) if segment is not None else []
    words.update(n for part in parts if isinstance(part, City) for n in part.names)
    words.update(company_names(session))
    for name, city in session.execute(
        select(Customer.name, Customer.city).where(Customer.external_userid.in_(ids))
    ):
        words.update([name or "", city or ""])
    for names in _owners(session, ids).values():
        words.update(names)
    stmt = (
        select(Tag.name)
        .join(CustomerTag, CustomerTag.tag_id == Tag.tag_id)
        .where(CustomerTag.external_userid.in_(ids))
    )
    words.update(session.execute(stmt).scalars())
    return {w for w in words if w}


def company_names(session: Session) -> set[str]:
    """The company's own names any reply may show, whatever it is about: staff, departments
    and 渠道活码 codes ("展会2026" stays 展会2026 in a Traditional reply)."""
    words = set(session.execute(select(Staff.name)).scalars())
    words.update(session.execute(select(Department.name)).scalars())
    words.update(read_channel_codes(session))
    return {w for w in words if w}


def _owners(session: Session, ids: Sequence[str]) -> dict[str, list[str]]:
    stmt = (
        select(Follow.external_userid, Staff.name, Staff.userid)
        .join(Staff, Staff.userid == Follow.userid)
        .where(Follow.external_userid.in_(ids), Follow.deleted.is_(False))
        .order_by(Follow.external_userid, Follow.added_at, Staff.userid)
    )
    owners: dict[str, list[str]] = defaultdict(list)
    for external_userid, name, userid in session.execute(stmt):
        owners[external_userid].append(name or userid)
    return owners


def when(value: datetime, tz: ZoneInfo, lang: str, now: datetime) -> str:
    """11月2日 / Nov 2 this year; 2023-01-18 before it (a 2023 follow is not "01-18")."""
    local = value.astimezone(tz)
    if local.year != now.astimezone(tz).year:
        return f"{local:%Y-%m-%d}"
    if lang == "zh":
        return f"{local.month}月{local.day}日"
    return f"{MONTHS_EN[local.month - 1]} {local.day}"


def money(value: Decimal | float) -> str:
    """¥1,280 for whole yuan, ¥1,234.50 otherwise."""
    amount = Decimal(str(value)).quantize(Decimal("0.01"))
    return f"¥{amount:,.0f}" if amount == amount.to_integral_value() else f"¥{amount:,.2f}"


@dataclass(frozen=True)
class _Words:
    """What the texts need besides the value: the language, the zone and `now`."""

    lang: str
    tz: ZoneInfo
    now: datetime

    def when(self, value: datetime) -> str:
        return when(value, self.tz, self.lang, self.now)

    def window(self, fact: WindowSpend | EventTally) -> str:
        if fact.window is None:
            return ""
        return window_words(fact.window, self.now, self.tz, self.lang)


def fact_text(fact: Fact, value: Any, words: _Words) -> str:
    """One fact in the user's words ("" when there is nothing worth saying)."""
    lang = words.lang
    if isinstance(fact, LastEvent | LastActivity):
        if isinstance(value, Latest):
            kind = kind_word(value.kind, lang)
            text = say("fact_last", lang, kind=kind, when=words.when(value.at))
            return f"{text} {money(value.amount)}" if value.amount else text
        if isinstance(value, datetime):  # LastActivity of a customer without events
            return say("added", lang, when=words.when(value))
        if isinstance(fact, LastEvent) and fact.negated:
            return say("fact_never", lang, kind=kind_word(fact.kind, lang))
        return ""
    if isinstance(fact, EventTally) and isinstance(value, Tally):
        return _tally_text(fact, value, words)
    if isinstance(fact, WindowSpend) and value is not None:
        window = words.window(fact)
        key = "fact_spend" if window else "fact_spend_all"
        return say(key, lang, window=window, amount=money(value))
    if isinstance(fact, ScoreValue) and value is not None:
        return _score_text(fact.metric, value, lang)
    if isinstance(fact, MatchingTags) and value:
        return say("fact_tags", lang, tags=("、" if lang == "zh" else ", ").join(value))
    if isinstance(fact, AddedAt) and isinstance(value, datetime):
        return say("added", lang, when=words.when(value))
    if isinstance(fact, CityName) and value:
        return _city_shown(str(value), lang)
    return ""


def _city_shown(stored: str, lang: str) -> str:
    """A listed city by its one name (shanghai / 上海市 / 上海 are all 上海; Shanghai to an English
    reader), so a list does not look like three places; a city the list lacks, as stored."""
    names = canonical_cities((stored,))
    name = names[0] if len(names) == 1 else stored
    return name if lang == "zh" else city_in_latin(name)


def _tally_text(fact: EventTally, value: Tally, words: _Words) -> str:
    lang = words.lang
    window = words.window(fact)
    kind = kind_word(fact.kind, lang) if lang == "zh" else PLURALS_EN.get(fact.kind, "")
    if not kind:
        kind = f"× {fact.kind}"
    key = "fact_tally" if window else "fact_tally_all"
    text = say(key, lang, window=window, kind=kind, count=value.count)
    if value.last is not None:
        text += say("fact_tally_last", lang, when=words.when(value.last))
    return text


def _score_text(metric: str, value: Any, lang: str) -> str:
    labels = SCORE_LABELS.get(metric)
    if labels is None:
        return ""
    number = float(value)
    if metric in MONEY_SCORES:
        shown = money(value)
    elif metric == "p_alive":
        shown = f"{number:.0%}"
    else:
        shown = f"{number:.1f}"
    return labels["zh" if lang == "zh" else "en"].format(v=shown)


def load_rows(
    session: Session,
    ids: Sequence[str],
    segment: Node | None,
    *,
    ctx: EngineContext,
    lang: str,
    now: datetime,
) -> list[CustomerRow]:
    """Rows for `ids` in that order, with the facts of `segment` (the question) as of `now`."""
    if not ids:
        return []
    names = dict(
        session.execute(
            select(Customer.external_userid, Customer.name).where(Customer.external_userid.in_(ids))
        ).all()
    )
    owners = _owners(session, ids)
    facts = row_facts(session, segment, ctx)
    values = read_facts(session, ids, facts, now, ctx.timezone)
    words = _Words(lang, ctx.timezone, now)
    rows = []
    for uid in ids:
        texts = [fact_text(f, values.get(f, {}).get(uid), words) for f in facts]
        shown = owners.get(uid, [])[:MAX_OWNERS_SHOWN]
        fact = " · ".join(t for t in texts if t)
        rows.append(CustomerRow(uid, names.get(uid) or uid, tuple(shown), fact))
    return rows
