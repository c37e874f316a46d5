"""Fault scenario: a campaign run (outbox + coupons) killed with SIGKILL at random points while
WeCom answers -1, 45009 or nothing, then resumed the way the scheduler would; afterwards every
treated customer is in exactly one WeCom task and holds exactly one coupon."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from bot.database import unit_of_work
from bot.models.campaigns import HOLDOUT, OPEN_STATUSES, TREATED, Coupon, Delivery
from bot.services.campaigns.definition import CampaignSpec, create_campaign
from bot.services.campaigns.settings import CampaignSettings
from bot.services.coupons import redeem_coupon
from segmentation.models import Event
from segmentation.nodes import All, to_json
from tests.reliability.harness import Rig, repeated

SEND_API = "externalcontact/add_msg_template"


@dataclass
class CampaignFigures:
    treated: int = 0
    holdout: int = 0
    wecom_calls: int = 0
    faults: dict[str, int] = field(default_factory=dict)
    kills: int = 0
    rounds: int = 0
    open_rows: int = 0
    missing: list[str] = field(default_factory=list)
    doubled: dict[str, int] = field(default_factory=dict)
    doubled_unexplained: list[str] = field(default_factory=list)
    coupons: int = 0
    coupon_problems: list[str] = field(default_factory=list)
    redeemed_twice: int = 0
    seconds: float = 0.0


def make_mass_campaign(rig: Rig, now: datetime) -> int:
    settings = CampaignSettings(timezone=now.tzinfo)  # type: ignore[arg-type]
    spec = CampaignSpec(
        name="故障注入",
        creator_userid="admin",
        content="{name}您好，送您一张券 {coupon_code}",
        segment_definition=to_json(All()),
        run_at=now,
        coupon={"kind": "no_threshold", "value": "10", "validity_days": 14},
        holdout_percent=10,
        frequency_cap_days=0,
    )
    with unit_of_work(rig.factory) as session:
        return create_campaign(
            session, spec, now=now, settings=settings, admins=frozenset({"admin"})
        ).id


def _sends(rig: Rig) -> int:
    return rig.sim.calls_to(SEND_API)


def _dispatcher(rig: Rig, now: datetime) -> subprocess.Popen[bytes]:
    rig.starts["dispatcher"] = rig.starts.get("dispatcher", 0) + 1
    log = rig.log_path("dispatcher").open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.dispatcher", now.isoformat()],
        cwd=rig.workdir.parent,
        env={**rig.env(), "PYTHONPATH": str(_project_root())},
        stdout=log,
        stderr=log,
    )
    log.close()
    rig.procs["dispatcher"] = proc
    return proc


def _project_root() -> str:
    from pathlib import Path

    return str(Path(__file__).resolve().parents[2])


def _maybe_kill(rig: Rig, name: str, rng: random.Random, chance: float, budget: float) -> bool:
    """Once the process has made its first WeCom send, kill it after a random pause (if the
    dice say so and it is still running)."""
    proc = rig.procs[name]
    before = _sends(rig)
    deadline = time.monotonic() + 120
    while proc.poll() is None and _sends(rig) == before and time.monotonic() < deadline:
        time.sleep(0.02)
    if rng.random() >= chance:
        proc.wait(timeout=300)
        return False
    time.sleep(rng.uniform(0, budget))
    return rig.kill9(name)


def run_campaign_faults(
    rig: Rig, *, now: datetime, kills: int, seed: int, wecom_faults: bool = True
) -> CampaignFigures:
    """Run one campaign through `segbot campaign run` and resume it with dispatcher processes,
    killing them at random, until its outbox is empty; then check WeCom's records."""
    rng = random.Random(seed)
    figures = CampaignFigures()
    started = time.monotonic()
    campaign_id = make_mass_campaign(rig, now)
    if wecom_faults:
        _inject(rig, figures)
    _tokens_outlive_clock_jumps(rig)
    rig.start("campaign", "campaign", "run", str(campaign_id), "--now", now.isoformat())
    figures.kills += _maybe_kill(rig, "campaign", rng, 1.0 if kills else 0.0, 1.5)
    lease = timedelta(seconds=CampaignSettings().lease_seconds + 1)
    # Each pass happens "after" the previous leases and backoffs ran out (the scheduler's tick).
    # WeCom's clock moves with ours, as in production: the reconciler looks for a task in the
    # claim's time window.
    clock = now
    while _open_rows(rig) and figures.rounds < 40:
        figures.rounds += 1
        # A killed sender's last call still runs in WeCom: at the time it was made, not
        # stamped with the next pass's clock (a jump no real WeCom makes mid-call).
        rig.wait_wecom_idle()
        clock += lease + timedelta(minutes=2**6)
        offset = (clock - now).total_seconds()
        rig.sim.state.clock = lambda offset=offset: time.time() + offset
        _dispatcher(rig, clock)
        chance = 0.7 if figures.kills < kills else 0.0
        figures.kills += _maybe_kill(rig, "dispatcher", rng, chance, 0.8)
    figures.open_rows = _open_rows(rig)
    figures.faults = {**figures.faults, **{k: v for k, v in rig.slow.injected.items() if v}}
    _check(rig, figures)
    figures.seconds = time.monotonic() - started
    return figures


def _tokens_outlive_clock_jumps(rig: Rig) -> None:
    """The passes move WeCom's clock by hours; tokens must not expire under it, or 42001s
    would mix into the injected faults."""
    state = rig.sim.state
    with state.lock:
        state.config.token_ttl = 30 * 86400
        state.tokens = {t: (s, e + 30 * 86400) for t, (s, e) in state.tokens.items()}


def _inject(rig: Rig, figures: CampaignFigures) -> None:
    """WeCom busy (-1) and over its rate limit (45009) on the first sends, and two requests
    that never reach WeCom (504): the transport retries them with backoff."""
    rig.sim.fail_next(SEND_API, -1, 1)
    rig.sim.fail_next(SEND_API, 45009, 2)
    rig.slow.drops[SEND_API] = 2
    rig.slow.delay = 0.02  # a slow WeCom widens the windows the kills can land in
    figures.faults = {"errcode -1": 1, "errcode 45009": 2}


def _open_rows(rig: Rig) -> int:
    return rig.count(Delivery, Delivery.status.in_(OPEN_STATUSES))


def _check(rig: Rig, figures: CampaignFigures) -> None:
    with rig.factory() as s:
        rows = list(s.scalars(select(Delivery)))
        coupons = list(s.scalars(select(Coupon)))
    treated = [r for r in rows if r.arm == TREATED]
    figures.treated = len(treated)
    figures.holdout = sum(1 for r in rows if r.arm == HOLDOUT)
    figures.wecom_calls = _sends(rig)
    tasks = rig.company.mass_tasks.values()
    in_wecom = [eid for t in tasks for per_owner in t.recipients.values() for eid in per_owner]
    counts = Counter(in_wecom)
    accepted = {r.external_userid for r in treated if r.status == "unconfirmed"}
    figures.missing = sorted(accepted - set(counts))
    figures.missing += sorted(
        f"{r.external_userid}:{r.status}" for r in treated if r.status in ("failed",)
    )
    figures.doubled = repeated(in_wecom)
    resent = {r.external_userid for r in treated if r.attempts > 1}
    figures.doubled_unexplained = sorted(set(figures.doubled) - resent)
    holdout_sent = {r.external_userid for r in rows if r.arm == HOLDOUT} & set(counts)
    figures.missing += [f"holdout sent: {e}" for e in sorted(holdout_sent)]
    _check_coupons(rig, treated, coupons, figures)


def _check_coupons(
    rig: Rig, treated: list[Delivery], coupons: list[Coupon], figures: CampaignFigures
) -> None:
    figures.coupons = len(coupons)
    by_customer = Counter(c.external_userid for c in coupons)
    codes = Counter(c.code for c in coupons)
    problems = [f"two coupons for {e}" for e, n in by_customer.items() if n > 1]
    problems += [f"code {c} issued {n} times" for c, n in codes.items() if n > 1]
    owned = {c.external_userid: c.code for c in coupons}
    for row in treated:
        if owned.get(row.external_userid) != row.coupon_code:
            problems.append(f"{row.external_userid}: delivery and coupon disagree")
    figures.coupon_problems = problems
    now = max((c.issued_at for c in coupons), default=None)
    for coupon in coupons[:20]:
        assert now is not None
        orders = _two_orders(rig, coupon, now)
        outcomes = []
        for order in orders:
            with unit_of_work(rig.factory) as session:
                outcomes.append(redeem_coupon(session, coupon.code, order, now).ok)
        figures.redeemed_twice += outcomes == [True, True]


def _two_orders(rig: Rig, coupon: Coupon, now: datetime) -> list[str]:
    """Two qualifying orders of the coupon's customer: the second must still be refused."""
    ids = [f"order-{coupon.id}-{attempt}" for attempt in range(2)]
    with unit_of_work(rig.factory) as session:
        for event_id in ids:
            session.add(Event(event_id=event_id, external_userid=coupon.external_userid,
                              kind="order", occurred_at=now, amount=Decimal("100"),
                              source="api"))  # fmt: skip
    return ids


@dataclass
class RerunFigures:
    """Repeated `segbot campaign run`s of one once-only campaign (frequency cap 0), then its
    report against what the outbox and WeCom hold."""

    plain_reruns: int = 0
    rerun_new_rows: int = 0
    rerun_wecom_calls: int = 0
    rerun_said_already_ran: bool = False
    runs: int = 0
    rows: int = 0
    treated_customers: int = 0
    holdout_customers: int = 0
    ordered_customers: int = 0
    orders: int = 0
    report: dict[str, Any] = field(default_factory=dict)


def rerun_and_report(rig: Rig, now: datetime, *, plain_reruns: int = 2) -> RerunFigures:
    """After `run_campaign_faults`: run the campaign again as a user would ("it failed, run
    it again") — nothing new may be planned — then once with --force (a real second run over
    everyone, the cap being 0), with orders after both runs; the report must count each
    customer once."""
    figures = RerunFigures(plain_reruns=plain_reruns)
    with rig.factory() as s:
        campaign_id = s.scalars(select(Delivery.campaign_id)).first()
    rows_before, calls_before = rig.count(Delivery), _sends(rig)
    later = now + timedelta(hours=1)
    for n in range(plain_reruns):
        done = rig.run("campaign", "run", str(campaign_id), "--now",
                       (later + timedelta(minutes=n)).isoformat())  # fmt: skip
        figures.rerun_said_already_ran = "already ran" in done.stdout and "--force" in done.stdout
    figures.rerun_new_rows = rig.count(Delivery) - rows_before
    figures.rerun_wecom_calls = _sends(rig) - calls_before
    forced_at = now + timedelta(hours=2)
    forced = rig.run("campaign", "run", str(campaign_id), "--force", "--now", forced_at.isoformat())
    assert forced.returncode == 0, forced.stdout + forced.stderr
    with rig.factory() as s:
        rows = s.execute(select(Delivery.external_userid, Delivery.arm, Delivery.run_id)).all()
    figures.runs = len({run for _, _, run in rows})
    figures.rows = len(rows)
    arms = {eid: arm for eid, arm, _ in rows}
    figures.treated_customers = sum(1 for a in arms.values() if a == TREATED)
    figures.holdout_customers = sum(1 for a in arms.values() if a == HOLDOUT)
    buyers = sorted(arms)[:12]  # some of each arm, each ordering after both runs
    with unit_of_work(rig.factory) as session:
        for eid in buyers:
            for k, at in enumerate((now, forced_at)):
                session.add(Event(event_id=f"rerun-{eid}-{k}", external_userid=eid, kind="order",
                                  occurred_at=at + timedelta(hours=3), amount=Decimal("50"),
                                  source="api"))  # fmt: skip
    with rig.factory() as s:
        # Everyone with an order (the coupon check above added some too), each after a run
        # and inside the attribution window: each counts once, whatever their order count.
        orders = s.scalars(select(Event.external_userid).where(Event.kind == "order")).all()
    figures.ordered_customers = len(set(orders) & set(arms))
    figures.orders = len(orders)
    report = rig.run("campaign", "report", str(campaign_id), "--json")
    assert report.returncode == 0, report.stdout + report.stderr
    figures.report = json.loads(report.stdout)
    return figures
