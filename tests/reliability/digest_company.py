"""A random company for the digest leak test, and the digest's numbers worked out from it in
plain Python within one requester's scope (spec/security.md "Roles and visibility").

The company is built to make scoped and global numbers differ: several department trees,
staff in more than one department (some leading one department while a plain member of
another), admins sitting in sales departments, relations gained, lost and transferred around
the digest's day and week boundaries, orders in both weeks, saved segments of several owners
and campaigns of creators inside and outside each manager's team. Names and ids are distinct
tokens (none is a substring of another), so a rendered digest can be searched for them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.models.campaigns import (
    CONTROL,
    DELIVERED,
    FAILED,
    HOLDOUT,
    MASS_MESSAGE,
    ONCE,
    PENDING,
    TREATED,
    Campaign,
    CampaignRun,
    Delivery,
)
from bot.services.campaigns.settings import CampaignSettings
from bot.services.digest.build import DigestConfig
from bot.services.digest.periods import Periods, periods_at
from segmentation.engine import default_context
from segmentation.models import Customer, Department, Event, Follow, Staff, StaffDepartment
from segmentation.nodes import (
    All,
    EventCount,
    NamedSegment,
    NewCustomer,
    Node,
    Performed,
    RollingWindow,
    Spend,
)
from segmentation.saved import save_segment

TZ = ZoneInfo("Asia/Shanghai")
# SEGBOT_ADMINS of the test: "root" is an admin whether or not the staff data knows it.
ADMINS = frozenset({"root"})
TRANSFER = "DELETE_BY_TRANSFER"
REASONS = (None, "del_external_contact", "del_follow_user", TRANSFER)
ORDER = "order"
SAVED_NODES: tuple[Node, ...] = (
    All(),
    Performed("inquiry", RollingWindow(30, "days")),
    EventCount(ORDER, ">=", 2, RollingWindow(14, "days")),
    Spend(">", Decimal("100"), None),
    NewCustomer(RollingWindow(7, "days")),
    NamedSegment("high_intent"),
)


def config() -> DigestConfig:
    return DigestConfig(
        engine=default_context(TZ), campaigns=CampaignSettings(timezone=TZ), admins=ADMINS
    )


@dataclass(frozen=True)
class FollowRow:
    external_userid: str
    userid: str
    added_at: datetime | None
    deleted_at: datetime | None  # None: live
    reason: str | None = None

    @property
    def live(self) -> bool:
        return self.deleted_at is None


@dataclass(frozen=True)
class CampaignRow:
    name: str
    creator: str
    release: datetime
    # (external_userid, arm, status)
    deliveries: tuple[tuple[str, str, str], ...]


@dataclass
class RandomCompany:
    now: datetime
    parents: dict[int, int | None] = field(default_factory=dict)
    # userid: (name, role, active)
    staff: dict[str, tuple[str, str | None, bool]] = field(default_factory=dict)
    # (userid, department, leads)
    memberships: list[tuple[str, int, bool]] = field(default_factory=list)
    # external_userid: (name, deleted)
    customers: dict[str, tuple[str, bool]] = field(default_factory=dict)
    follows: list[FollowRow] = field(default_factory=list)
    # (external_userid, kind, occurred_at, amount)
    events: list[tuple[str, str, datetime, Decimal | None]] = field(default_factory=list)
    # (name, owner, node)
    saved: list[tuple[str, str, Node]] = field(default_factory=list)
    campaigns: list[CampaignRow] = field(default_factory=list)

    @property
    def periods(self) -> Periods:
        return periods_at(self.now, TZ)

    # -- who sees what (the rules of spec/security.md, written out independently) -------------

    def role(self, userid: str) -> str | None:
        """resolve_requester's answer: None for unknown or inactive members."""
        if userid not in self.staff:
            return "admin" if userid in ADMINS else None
        _name, role, active = self.staff[userid]
        if not active:
            return None
        if userid in ADMINS or role == "admin":
            return "admin"
        if role == "manager" or any(u == userid and lead for u, _d, lead in self.memberships):
            return "manager"
        return "sales"

    def team(self, userid: str) -> set[str] | None:
        """The staff whose customers `userid` sees; None = everyone (admin)."""
        role = self.role(userid)
        if role == "admin":
            return None
        if role != "manager":
            return {userid}
        mine = [(d, lead) for u, d, lead in self.memberships if u == userid]
        led = {d for d, lead in mine if lead}
        seeds = led or {d for d, _lead in mine}
        tree = {d for d in self.parents if self._under(d, seeds)}
        return {userid} | {u for u, d, _lead in self.memberships if d in tree}

    def _under(self, dept: int | None, seeds: set[int]) -> bool:
        seen: set[int] = set()
        while dept is not None and dept not in seen:
            if dept in seeds:
                return True
            seen.add(dept)
            dept = self.parents[dept]
        return False

    def visible(self, team: set[str] | None) -> set[str]:
        """Customers (not deleted) with a live relation to someone in `team`; every customer
        (not deleted) when `team` is None."""
        live = {f.external_userid for f in self.follows
                if f.live and (team is None or f.userid in team)}  # fmt: skip
        return {e for e, (_n, deleted) in self.customers.items()
                if not deleted and (team is None or e in live)}  # fmt: skip

    # -- the digest's numbers, by their definitions in bot/services/digest --------------------

    def new_customers(self, team: set[str] | None, start: datetime, end: datetime) -> int:
        """Customers in scope whose first relation with anyone began in [start, end)."""
        first: dict[str, datetime] = {}
        for f in self.follows:
            if f.added_at is not None:
                first[f.external_userid] = min(first.get(f.external_userid, f.added_at),
                                               f.added_at)  # fmt: skip
        return sum(1 for e in self.visible(team) if e in first and start <= first[e] < end)

    def _ended(self, f: FollowRow, start: datetime, end: datetime) -> bool:
        return f.deleted_at is not None and start <= f.deleted_at < end and f.reason != TRANSFER

    def lost_customers(self, team: set[str] | None, start: datetime, end: datetime) -> int:
        """Customers whose relation with the team ended in [start, end) (not by a transfer)
        and who have no live relation with the team left."""
        in_team = [f for f in self.follows if team is None or f.userid in team]
        kept = {f.external_userid for f in in_team if f.live}
        return len({f.external_userid for f in in_team
                    if self._ended(f, start, end) and f.external_userid not in kept})  # fmt: skip

    def movers(self, team: set[str] | None) -> dict[str, tuple[int, int, int, int]]:
        """userid: (relations gained, lost, orders this week, orders the week before) of every
        active salesperson in scope with anything non-zero."""
        p = self.periods
        found: dict[str, tuple[int, int, int, int]] = {}
        for userid, (_name, _role, active) in self.staff.items():
            if not active or (team is not None and userid not in team):
                continue
            mine = [f for f in self.follows if f.userid == userid]
            added = [f.added_at for f in mine if f.added_at is not None]
            gained = sum(1 for t in added if p.week_start <= t < p.today_start)
            lost = sum(1 for f in mine if self._ended(f, p.week_start, p.today_start))
            followed = [f.external_userid for f in mine if f.live]
            orders = [t for e in followed for eid, kind, t, _a in self.events
                      if eid == e and kind == ORDER]  # fmt: skip
            this_week = sum(1 for t in orders if p.week_start <= t < p.today_start)
            before = sum(1 for t in orders if p.prev_week_start <= t < p.week_start)
            if gained or lost or this_week or before:
                found[userid] = (gained, lost, this_week, before)
        return found

    def recent_campaigns(self, team: set[str] | None, attribution_days: int) -> list[CampaignRow]:
        since = self.now - timedelta(days=attribution_days + 7)
        return [c for c in self.campaigns if since <= c.release <= self.now
                and (team is None or c.creator in team)]  # fmt: skip

    # -- loading ------------------------------------------------------------------------------

    def load(self, session: Session) -> None:
        """Insert the company through the ORM (event rollups, where kept, follow the events)."""
        for dept, parent in sorted(self.parents.items()):
            session.add(Department(id=dept, name=f"部门{dept}号", parent_id=parent))
            session.flush()
        for userid, (name, role, active) in self.staff.items():
            session.add(Staff(userid=userid, name=name, role=role, active=active))
        session.flush()
        for userid, dept, lead in self.memberships:
            session.add(StaffDepartment(userid=userid, department_id=dept, is_leader=lead))
        for eid, (name, deleted) in self.customers.items():
            session.add(Customer(external_userid=eid, name=name, deleted=deleted))
        session.flush()
        for f in self.follows:
            session.add(Follow(external_userid=f.external_userid, userid=f.userid,
                               added_at=f.added_at, deleted=not f.live, deleted_at=f.deleted_at,
                               deleted_reason=f.reason))  # fmt: skip
        for n, (eid, kind, at, amount) in enumerate(self.events):
            session.add(Event(event_id=f"ev{n}", external_userid=eid, kind=kind, occurred_at=at,
                              amount=amount, source="api"))  # fmt: skip
        session.flush()
        for name, owner, node in self.saved:
            save_segment(session, name, node, owner_userid=owner, now=self.now - timedelta(days=60))
        for campaign in self.campaigns:
            _load_campaign(session, campaign)
        session.flush()


def _load_campaign(session: Session, c: CampaignRow) -> None:
    row = Campaign(name=c.name, creator_userid=c.creator, segment_definition={},
                   schedule_kind=ONCE, run_at=c.release, channel=MASS_MESSAGE, content="您好",
                   holdout_percent=20, frequency_cap_days=0, status="completed",
                   created_at=c.release, updated_at=c.release)  # fmt: skip
    session.add(row)
    session.flush()
    run = CampaignRun(campaign_id=row.id, slot=c.release, trigger="schedule",
                      planned_at=c.release, release_at=c.release, audience=len(c.deliveries),
                      exclusions={}, finished_at=c.release)  # fmt: skip
    session.add(run)
    session.flush()
    for eid, arm, status in c.deliveries:
        session.add(Delivery(run_id=run.id, campaign_id=row.id, channel=MASS_MESSAGE,
                             external_userid=eid, owner_userid=c.creator, arm=arm, status=status,
                             created_at=c.release, not_before=c.release))  # fmt: skip


# -- generation -----------------------------------------------------------------------------


def random_company(seed: int) -> RandomCompany:
    rng = random.Random(seed)
    # A local time of day at random: the day and week boundaries fall at different distances.
    base = datetime(2026, 3, 10, tzinfo=TZ) + timedelta(minutes=rng.randrange(24 * 60))
    company = RandomCompany(now=base)
    _people(company, rng)
    _customers(company, rng)
    _events(company, rng)
    _saved(company, rng)
    _campaigns(company, rng)
    return company


def _people(c: RandomCompany, rng: random.Random) -> None:
    c.parents = {1: None}
    for dept in range(2, rng.randint(4, 8)):
        c.parents[dept] = rng.choice(sorted(c.parents))
    depts = sorted(c.parents)
    for i in range(rng.randint(6, 11)):
        role = rng.choice((None, None, None, "sales", "manager", "admin" if i % 5 == 4 else None))
        c.staff[f"u{i:02d}"] = (f"员工{i:02d}号", role, rng.random() < 0.9)
    if rng.random() < 0.5:
        c.staff["root"] = ("根管理员", None, True)
    userids = sorted(c.staff)
    for userid in userids:
        for dept in rng.sample(depts, rng.choice((1, 1, 2))):
            c.memberships.append((userid, dept, rng.random() < 0.25))
    # At least two leaders of sub-departments, so most examples have managers with real teams.
    for userid in rng.sample(userids, 2):
        dept = rng.choice(depts[1:])
        if not any(u == userid and d == dept for u, d, _l in c.memberships):
            c.memberships.append((userid, dept, True))


def _near(rng: random.Random, p: Periods) -> datetime:
    """A moment near the digest's boundaries, or anywhere in the last three weeks."""
    if rng.random() < 0.4:
        edge = rng.choice((p.today_start, p.yesterday_start, p.week_start, p.prev_week_start))
        return edge + timedelta(seconds=rng.choice((-90, -1, 0, 1, 90)))
    return p.now - timedelta(seconds=rng.randrange(21 * 86400))


def _customers(c: RandomCompany, rng: random.Random) -> None:
    p, userids = c.periods, sorted(c.staff)
    for i in range(rng.randint(25, 50)):
        eid = f"wmK{i:03d}q"
        c.customers[eid] = (f"客户{i:03d}乙", rng.random() < 0.07)
        for userid in rng.sample(userids, rng.choice((0, 1, 1, 1, 2, 2, 3))):
            added = rng.choice((None, _near(rng, p), _near(rng, p),
                                p.now - timedelta(days=rng.randint(30, 400))))  # fmt: skip
            ended = None
            if rng.random() < 0.3:
                ended = _near(rng, p) if rng.random() < 0.8 else p.now - timedelta(days=40)
            reason = rng.choice(REASONS) if ended is not None else None
            c.follows.append(FollowRow(eid, userid, added, ended, reason))


def _events(c: RandomCompany, rng: random.Random) -> None:
    p = c.periods
    for eid in sorted(c.customers):
        for _ in range(rng.choice((0, 1, 2, 3, 5))):
            kind = rng.choice((ORDER, ORDER, "inquiry", "visit"))
            at = (
                _near(rng, p)
                if rng.random() < 0.7
                else p.now - timedelta(days=rng.randint(60, 400))
            )
            amount = Decimal(rng.randint(5, 600)) if kind == ORDER else None
            c.events.append((eid, kind, min(at, p.now), amount))


def _saved(c: RandomCompany, rng: random.Random) -> None:
    owners = [*sorted(c.staff), "root"]
    for i in range(rng.randint(0, 4)):
        c.saved.append((f"分群{i}号", rng.choice(owners), rng.choice(SAVED_NODES)))


def _campaigns(c: RandomCompany, rng: random.Random) -> None:
    """Campaigns as the planner makes them: the audience is the creator's own scope."""
    creators = [*sorted(c.staff), "root"]  # some of them have left since (inactive)
    for i in range(rng.randint(0, 4)):
        creator = rng.choice(creators)
        audience = sorted(c.visible(c.team(creator)))
        picked = rng.sample(audience, min(len(audience), rng.randint(1, 12)))
        rows = []
        for eid in picked:
            holdout = rng.random() < 0.2
            status = CONTROL if holdout else rng.choice((DELIVERED, DELIVERED, FAILED, PENDING))
            rows.append((eid, HOLDOUT if holdout else TREATED, status))
        release = c.now - timedelta(days=rng.randint(0, 26), minutes=rng.randint(1, 600))
        c.campaigns.append(CampaignRow(f"活动{i}号", creator, release, tuple(rows)))
    # Orders within the attribution window of some treated and holdout customers.
    for camp in c.campaigns:
        for eid, _arm, _status in camp.deliveries:
            if rng.random() < 0.3:
                at = min(camp.release + timedelta(hours=rng.randint(1, 200)), c.now)
                c.events.append((eid, ORDER, at, Decimal("50")))
