"""The rows of a list reply: name, owner and the fact that matched, for one page of customers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.commands.texts import kind_word, say
from segmentation.models import Customer, Event, Follow, Staff

PAGE_SIZE = 10
MAX_OWNERS_SHOWN = 2


@dataclass(frozen=True)
class CustomerRow:
    external_userid: str
    name: str
    owners: tuple[str, ...]
    fact: str


def event_kinds(segment: Any) -> list[str]:
    """Event kinds a segment (its JSON form) mentions, in order of appearance."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            kind = node.get("event_kind")
            if isinstance(kind, str) and kind not in found:
                found.append(kind)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(segment)
    return found


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


def _last_events(session: Session, ids: Sequence[str], kind: str) -> dict[str, datetime]:
    stmt = (
        select(Event.external_userid, func.max(Event.occurred_at))
        .where(Event.external_userid.in_(ids), Event.kind == kind)
        .group_by(Event.external_userid)
    )
    return {uid: when for uid, when in session.execute(stmt) if when is not None}


def _first_added(session: Session, ids: Sequence[str]) -> dict[str, datetime]:
    stmt = (
        select(Follow.external_userid, func.min(Follow.added_at))
        .where(Follow.external_userid.in_(ids))
        .group_by(Follow.external_userid)
    )
    return {uid: when for uid, when in session.execute(stmt) if when is not None}


def _when(value: datetime, tz: ZoneInfo, lang: str, now: datetime | None = None) -> str:
    """This year's dates without the year; older ones with it (a 2023 follow is not "01-18")."""
    local = value.astimezone(tz)
    this_year = now is None or local.year == now.astimezone(tz).year
    if lang == "en":
        return local.strftime("%Y-%m-%d %H:%M" if this_year else "%Y-%m-%d")
    return local.strftime("%m月%d日 %H:%M" if this_year else "%Y年%m月%d日")


def load_rows(
    session: Session,
    ids: Sequence[str],
    kinds: Sequence[str],
    *,
    tz: ZoneInfo,
    lang: str,
    now: datetime | None = None,
    facts_given: dict[str, str] | None = None,
) -> list[CustomerRow]:
    """Rows for `ids` in that order; the fact is `facts_given`'s (a ranked answer's value),
    else the last event of the first kind asked about, else when the customer was first added."""
    if not ids:
        return []
    names = dict(
        session.execute(
            select(Customer.external_userid, Customer.name).where(Customer.external_userid.in_(ids))
        ).all()
    )
    owners = _owners(session, ids)
    kind = kinds[0] if kinds else None
    facts = _last_events(session, ids, kind) if kind else _first_added(session, ids)
    rows = []
    for uid in ids:
        when = facts.get(uid)
        if facts_given and uid in facts_given:
            fact = facts_given[uid]
        elif when is None:
            fact = ""
        elif kind:
            fact = say(
                "last_event", lang, kind=kind_word(kind, lang), when=_when(when, tz, lang, now)
            )
        else:
            fact = say("added", lang, when=_when(when, tz, lang, now))
        shown = owners.get(uid, [])[:MAX_OWNERS_SHOWN]
        rows.append(CustomerRow(uid, names.get(uid) or uid, tuple(shown), fact))
    return rows
