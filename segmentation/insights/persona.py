"""The persona: which attribute values set a segment apart from the asker's base.

Every count is one grouped query over the workspace's facts table; Python only ranks the few
hundred (attribute, value) rows that come back.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.orm import Session

from segmentation.insights.follows import FollowCounts
from segmentation.insights.labels import GENDER, ORDER_BANDS, SPEND_BANDS, say
from segmentation.insights.model import ATTRIBUTES, AttributeCount, PersonaEntry
from segmentation.insights.workspace import Workspace, along_indexes
from segmentation.models import CustomerTag, Staff, Tag
from segmentation.named import NamedSegmentCatalog, RfmMeans, RfmRule

# A value must be held by at least this many members (fewer in a smaller segment) and this
# share of them, so one odd customer cannot make up a persona.
MIN_COUNT = 3
MIN_SHARE = 0.05


def attribute_counts(
    session: Session,
    ws: Workspace,
    rfm: RfmMeans | None,
    catalog: NamedSegmentCatalog,
    follows: FollowCounts,
) -> list[AttributeCount]:
    """Members and base customers per value of every persona attribute (`follows`: the
    workspace's `read_follows`)."""
    out: list[AttributeCount] = []
    out += _city(session, ws)
    out += _gender(session, ws)
    out += _tags(session, ws)
    out += _owners(session, follows)
    out += _bands(session, ws, "spend_band", ws.facts.c.fen, SPEND_BANDS)
    out += _bands(session, ws, "order_band", ws.facts.c.orders, ORDER_BANDS)
    out += _rfm(session, ws, rfm, catalog)
    return out


def _grouped(session: Session, key: Any, source: Any, *where: Any) -> list[tuple[Any, int, int]]:
    """(key, base count, member count) per key; `source` must expose `in_seg`."""
    stmt: Select[Any] = (
        select(key, func.count(), func.coalesce(func.sum(source.c.in_seg), 0))
        .select_from(source)
        .where(*where)
        .group_by(key)
    )
    return [(k, int(n), int(m)) for k, n, m in session.execute(stmt)]


def _city(session: Session, ws: Workspace) -> list[AttributeCount]:
    f = ws.facts
    rows = _grouped(session, f.c.city, f, f.c.city.is_not(None), f.c.city != "")
    return [AttributeCount("city", c, c, c, m, n) for c, n, m in rows]


def _gender(session: Session, ws: Workspace) -> list[AttributeCount]:
    f = ws.facts
    rows = _grouped(session, f.c.gender, f, f.c.gender.in_(tuple(GENDER)))
    return [AttributeCount("gender", str(g), *GENDER[g], m, n) for g, n, m in rows]


def _tags(session: Session, ws: Workspace) -> list[AttributeCount]:
    """Tags by name (any group, as segments match them); WeCom keeps a tag once per follower,
    so (customer, name) pairs are made distinct first."""
    f, ct, tag = ws.facts, CustomerTag.__table__, Tag.__table__
    pairs = (
        select(f.c.external_userid, f.c.in_seg, tag.c.name)
        .distinct()
        .select_from(f.join(ct, ct.c.external_userid == f.c.external_userid))
        .join(tag, and_(tag.c.tag_id == ct.c.tag_id, tag.c.deleted.is_(False)))
        .subquery()
    )
    with along_indexes(session, ws):
        rows = _grouped(session, pairs.c.name, pairs)
    return [AttributeCount("tag", t, t, t, m, n) for t, n, m in rows]


def _owners(session: Session, follows: FollowCounts) -> list[AttributeCount]:
    staff = Staff.__table__
    names = dict(
        session.execute(
            select(staff.c.userid, staff.c.name).where(
                staff.c.userid.in_([u for u, _, _ in follows.owners])
            )
        ).all()
    )
    out = []
    for userid, n, m in follows.owners:
        name = names.get(userid) or userid
        zh, en = (say("owner_value", lang, name=name) for lang in ("zh", "en"))
        out.append(AttributeCount("owner", userid, zh, en, m, n))
    return out


def _bands(
    session: Session,
    ws: Workspace,
    attribute: str,
    column: Any,
    bands: tuple[tuple[str, int, int | None, str, str], ...],
) -> list[AttributeCount]:
    # Bands are contiguous and ordered, so "below the upper bound" picks the first that fits.
    whens = [(column < upper, key) for key, _lower, upper, _zh, _en in bands[:-1]]
    key = case(*whens, else_=bands[-1][0])
    rows = dict((k, (n, m)) for k, n, m in _grouped(session, key, ws.facts))
    return [
        AttributeCount(attribute, k, zh, en, rows[k][1], rows[k][0])
        for k, _lo, _hi, zh, en in bands
        if k in rows
    ]


def _rfm(
    session: Session, ws: Workspace, rfm: RfmMeans | None, catalog: NamedSegmentCatalog
) -> list[AttributeCount]:
    """Each base customer's RFM class against the company-wide means, exactly as the named
    segments compare (integer thresholds; customers without orders have no class)."""
    if rfm is None:
        return []
    f = ws.facts
    r = case((f.c.last_order > rfm.last_order_floor, "high"), else_="low")
    fr = case((f.c.orders > rfm.frequency_floor, "high"), else_="low")
    mo = case((f.c.fen > rfm.amount_floor_fen, "high"), else_="low")
    stmt = (
        select(r, fr, mo, func.count(), func.coalesce(func.sum(f.c.in_seg), 0))
        .where(f.c.orders > 0)
        .group_by(r, fr, mo)
    )
    names = {e.definition: e for e in catalog.all() if isinstance(e.definition, RfmRule)}
    out = []
    for rv, fv, mv, n, m in session.execute(stmt):
        rule = RfmRule(rv, fv, mv)
        entry = names.get(rule)
        code = entry.key if entry else f"R{rv}-F{fv}-M{mv}"
        zh = entry.display_zh if entry else code
        en = entry.display_en if entry else code
        out.append(AttributeCount("rfm", code, zh, en, int(m), int(n)))
    return out


def rank_persona(
    counts: Iterable[AttributeCount], size: int, base_size: int
) -> tuple[PersonaEntry, ...]:
    """Over-represented values (lift > 1) with enough support, most distinctive first.

    The score share × ln(lift) is the value's term in the KL divergence of the segment from
    the base: a big lift on a handful of members scores less than a solid lift on many.
    """
    if size == 0 or base_size == 0:
        return ()
    min_count = min(MIN_COUNT, size)
    entries = []
    for c in counts:
        share, base_share = c.count / size, c.base_count / base_size
        if c.count < min_count or share < MIN_SHARE or base_share == 0:
            continue
        lift = share / base_share
        if lift <= 1.0:
            continue
        entries.append(
            PersonaEntry(
                c.attribute, c.code, c.label_zh, c.label_en, c.count, c.base_count,
                share, base_share, lift, share * math.log(lift),
            )
        )  # fmt: skip
    order = {a: i for i, a in enumerate(ATTRIBUTES)}
    entries.sort(key=lambda e: (-e.score, order[e.attribute], e.code))
    return tuple(entries)
