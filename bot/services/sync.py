"""WeCom → database sync: resumable full sync, callback events, tag write-back.

`run_full_sync` owns its transactions (one per page, so an interrupted run resumes from its
checkpoint) and ends with a sweep of the relations it did not see — the reconciliation that
catches missed callbacks; `apply_callback_event` and `mark_tags` are
services that take the caller's session and never commit.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session, sessionmaker

from bot.database import unit_of_work
from bot.models.tokens import SyncCheckpoint
from bot.services.sync_upsert import (
    FULL_SYNC,
    apply_org,
    apply_tags,
    end_follow,
    fetch_org,
    retire_orphans,
    sweep_unseen,
    upsert_customer_detail,
    upsert_follow_rows,
    upsert_tag_groups,
)
from bot.services.tag_history import ADDED, REMOVED, record_tag_changes
from integrations.wecom.dto import CustomerDetail
from integrations.wecom.errors import NoCustomerRelation
from integrations.wecom.events import CallbackMessage, ContactChange, TagChange
from integrations.wecom.gateway import MAX_BATCH_LIMIT, MAX_BATCH_USERIDS, WeComGateway, chunks
from segmentation.models import Customer, CustomerTag, Follow
from segmentation.models import Tag as TagRow
from segmentation.models import TagGroup as TagGroupRow

log = logging.getLogger(__name__)

CHECKPOINT = FULL_SYNC
# progress(stage, rows_done_in_this_step)
Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class SyncReport:
    departments: int
    staff: int
    tags: int
    follow_rows: int
    pages: int
    follows_deleted: int
    customers_deleted: int
    resumed: bool


def run_full_sync(
    factory: sessionmaker[Session],
    gateway: WeComGateway,
    now: datetime,
    *,
    progress: Progress | None = None,
    page_limit: int = MAX_BATCH_LIMIT,
) -> SyncReport:
    """Everything from WeCom; resumes an unfinished run from its checkpoint."""
    notify = progress or (lambda _stage, _n: None)
    with unit_of_work(factory) as session:
        cp = session.get(SyncCheckpoint, CHECKPOINT)
        resumed = cp is not None and cp.finished_at is None
        if cp is None or not resumed:
            session.merge(
                SyncCheckpoint(
                    name=CHECKPOINT,
                    stage="org",
                    chunk_index=0,
                    cursor=None,
                    pages=0,
                    rows=0,
                    started_at=now,
                    run_id=uuid.uuid4().hex,
                    finished_at=None,
                )
            )
    depts = staff = tags = 0
    with factory() as session:
        stage = _checkpoint(session).stage
    if stage == "org":
        # WeCom calls happen outside write transactions (token refreshes may write too).
        dept_list, members = fetch_org(gateway)
        groups = gateway.get_corp_tag_list()
        with unit_of_work(factory) as session:
            depts, staff = apply_org(session, dept_list, members, now)
            tags = apply_tags(session, groups)
            cp = _checkpoint(session)
            cp.stage, cp.updated_at = "customers", now
        notify("org", depts + staff + tags)
    _sync_customers(factory, gateway, now, notify, page_limit)
    with unit_of_work(factory) as session:
        cp = _checkpoint(session)
        ended, retired = sweep_unseen(session, cp.run_id or "", now)
        cp.stage, cp.finished_at, cp.updated_at = "done", now, now
        pages, rows = cp.pages, cp.rows
    return SyncReport(depts, staff, tags, rows, pages, ended, retired, resumed)


def _checkpoint(session: Session) -> SyncCheckpoint:
    cp = session.get(SyncCheckpoint, CHECKPOINT)
    if cp is None:
        raise RuntimeError("sync checkpoint vanished during the run")
    return cp


def _sync_customers(
    factory: sessionmaker[Session],
    gateway: WeComGateway,
    now: datetime,
    notify: Progress,
    page_limit: int,
) -> None:
    # Sorted, so a resumed run sees the same chunks in the same order.
    userids = sorted(gateway.get_follow_user_list())
    batches = list(chunks(userids, MAX_BATCH_USERIDS))
    with factory() as session:
        cp = _checkpoint(session)
        if cp.stage != "customers":
            return
        start, cursor = cp.chunk_index, cp.cursor
    statistics = PlannerStatistics()
    buffered = PageBuffer()
    for index in range(start, len(batches)):
        while True:
            page = gateway.batch_get_by_user_page(batches[index], cursor=cursor, limit=page_limit)
            cursor = page.next_cursor
            buffered.add([(r.contact, r.follow) for r in page.items])
            done = not cursor and index + 1 == len(batches)
            if done or buffered.full():
                # The pages read since the last write, in one transaction with the checkpoint
                # of where to read next: a crash re-reads at most those pages.
                with unit_of_work(factory) as session:
                    upsert_follow_rows(session, buffered.rows, now, _checkpoint(session).run_id)
                    statistics.refresh_as_tables_grow(session, len(buffered.rows))
                    cp = _checkpoint(session)
                    cp.pages, cp.rows = cp.pages + buffered.pages, cp.rows + len(buffered.rows)
                    cp.chunk_index, cp.cursor = (index, cursor) if cursor else (index + 1, None)
                    cp.updated_at = now
                    if done:
                        cp.stage = "reconcile"
                notify("customers", len(buffered.rows))
                buffered = PageBuffer()
            if not cursor:
                break
    if not batches:
        with unit_of_work(factory) as session:
            _checkpoint(session).stage = "reconcile"


class PageBuffer:
    """Pages of relations read from WeCom, written together once about WRITE_ROWS are in.

    One transaction per API page (100 relations) cost PostgreSQL ~25 round trips and a commit
    for every 100 rows; ten pages per transaction divide that by ten and keep the memory and
    the re-read after a crash small."""

    WRITE_ROWS = 1_000

    def __init__(self) -> None:
        self.rows: list[tuple[Any, Any]] = []
        self.pages = 0

    def add(self, rows: list[tuple[Any, Any]]) -> None:
        self.rows += rows
        self.pages += 1

    def full(self) -> bool:
        return len(self.rows) >= self.WRITE_ROWS


class PlannerStatistics:
    """ANALYZE the synced tables each time a run has doubled what it wrote (PostgreSQL only).

    A first sync fills empty tables. Without statistics PostgreSQL guesses that each value of
    a page's `IN (…100 ids…)` lookups matches 0.5% of the table, so half the table, and scans
    it whole: every page cost more than the last, and 100k customers took 750 s. Fresh
    statistics after 1k, 2k, 4k… rows keep the lookups on their indexes; the ANALYZEs sample
    a bounded number of rows, so their total cost grows with log(rows).
    """

    TABLES = ("customers", "follows", "customer_tags")

    def __init__(self, first_at: int = 1_000) -> None:
        self.written = 0
        self.next_at = first_at

    def refresh_as_tables_grow(self, session: Session, rows: int) -> None:
        self.written += rows
        if self.written < self.next_at or session.get_bind().dialect.name != "postgresql":
            return
        self.next_at = self.written * 2
        for table in self.TABLES:
            session.execute(text(f"ANALYZE {table}"))


# -- incremental updates ---------------------------------------------------------------------


def apply_callback_event(
    session: Session, gateway: WeComGateway, event: CallbackMessage, now: datetime
) -> str:
    """Bring the database up to date after one callback; returns what was done (for the log).

    Safe to repeat: every branch sets state rather than adding to it.
    """
    if isinstance(event, ContactChange):
        return _apply_contact_change(session, gateway, event, now)
    if isinstance(event, TagChange):
        return _apply_tag_change(session, gateway, event, now)
    return "ignored"


def _apply_contact_change(
    session: Session, gateway: WeComGateway, event: ContactChange, now: datetime
) -> str:
    kind = event.change_type
    if kind in ("add_external_contact", "add_half_external_contact", "edit_external_contact"):
        try:
            detail = gateway.get_external_contact(event.external_userid)
        except NoCustomerRelation:
            kind = "del_follow_user"  # gone again before we looked
        else:
            upsert_customer_detail(session, _with_event_state(detail, event), now)
            return f"refreshed {event.external_userid}"
    if kind in ("del_external_contact", "del_follow_user"):
        follow = session.scalar(
            select(Follow).where(
                Follow.external_userid == event.external_userid, Follow.userid == event.userid
            )
        )
        if follow is not None and not follow.deleted:
            end_follow(session, follow, now, event.source or kind)
            session.flush()
        # A transfer moves the customer to someone else: not churn, keep the customer alive.
        if event.source != "DELETE_BY_TRANSFER":
            retire_orphans(session, [event.external_userid], now)
        return f"ended follow {event.userid}→{event.external_userid}"
    return "ignored"


def _with_event_state(detail: CustomerDetail, event: ContactChange) -> CustomerDetail:
    """The detail, with the callback's State on the new relation when the detail lacks one.

    Both carry the 渠道活码 code the customer scanned; the callback's is the one WeCom fixed
    at the moment of adding, so it fills a detail that came back without it (never the other
    way: a later edit in WeCom is the newer truth)."""
    if not event.state:
        return detail
    follows = tuple(
        replace(f, state=event.state) if f.userid == event.userid and not f.state else f
        for f in detail.follow_users
    )
    return replace(detail, follow_users=follows)


def _apply_tag_change(
    session: Session, gateway: WeComGateway, event: TagChange, now: datetime
) -> str:
    if event.change_type == "delete":
        rows = session.scalars(
            select(TagRow).where(
                TagRow.group_id == event.tag_id
                if event.tag_type == "tag_group"
                else TagRow.tag_id == event.tag_id
            )
        ).all()
        for row in rows:
            row.deleted = True
        if event.tag_type == "tag_group" and (group := session.get(TagGroupRow, event.tag_id)):
            group.deleted = True
        # WeCom removes a deleted tag from every customer; the tag row itself stays for history.
        ids = [r.tag_id for r in rows] or [event.tag_id]
        on = session.execute(
            select(CustomerTag.external_userid, CustomerTag.userid, CustomerTag.tag_id).where(
                CustomerTag.tag_id.in_(ids)
            )
        ).all()
        record_tag_changes(session, REMOVED, [tuple(r) for r in on], now, "tag_deleted")
        session.execute(delete(CustomerTag).where(CustomerTag.tag_id.in_(ids)))
        return f"deleted {event.tag_type} {event.tag_id}"
    if event.tag_type == "tag_group" or event.change_type == "shuffle":
        groups = gateway.get_corp_tag_list(group_ids=[event.tag_id])
    else:
        groups = gateway.get_corp_tag_list(tag_ids=[event.tag_id])
    upsert_tag_groups(session, groups)
    return f"refreshed {event.tag_type} {event.tag_id}"


def mark_tags(
    session: Session,
    gateway: WeComGateway,
    userid: str,
    external_userid: str,
    add: Sequence[str],
    remove: Sequence[str],
    now: datetime,
) -> None:
    """Tag a customer in WeCom, then write the same change through to the database.

    WeCom does not (reliably) send a callback for changes made through the API.
    """
    gateway.mark_tag(userid, external_userid, add=add, remove=remove)
    write_tags_through(session, userid, external_userid, add, remove, now)


def write_tags_through(
    session: Session,
    userid: str,
    external_userid: str,
    add: Sequence[str],
    remove: Sequence[str],
    now: datetime,
) -> None:
    """The database side of a mark_tag WeCom has accepted (and the changes it made, in the
    tag history)."""
    had = set(
        session.scalars(
            select(CustomerTag.tag_id).where(
                CustomerTag.external_userid == external_userid, CustomerTag.userid == userid
            )
        )
    )
    if remove:
        session.execute(
            delete(CustomerTag).where(
                CustomerTag.external_userid == external_userid,
                CustomerTag.userid == userid,
                CustomerTag.tag_id.in_(list(remove)),
            )
        )
    removed = [(external_userid, userid, t) for t in dict.fromkeys(remove) if t in had]
    record_tag_changes(session, REMOVED, removed, now, "segbot")
    have = had - set(remove)
    added = []
    for tag_id in dict.fromkeys(add):
        if tag_id not in have:
            session.add(CustomerTag(external_userid=external_userid, tag_id=tag_id, userid=userid))
            added.append((external_userid, userid, tag_id))
    record_tag_changes(session, ADDED, added, now, "segbot")
    customer = session.get(Customer, external_userid)
    if customer is not None:
        customer.updated_at = now
    session.flush()
