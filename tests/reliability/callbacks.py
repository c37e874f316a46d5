"""Fault scenario: callback bursts while the web server and the inbox worker are killed with
SIGKILL at random moments and restarted; then what was acknowledged is checked against the
inbox, the audit log, the customer relations and the replies the simulator received."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select

from bot.bootstrap import build_deps
from bot.inbox.worker import RetryPolicy, drain
from bot.models.inbox import DONE, AuditEntry, InboxMessage
from bot.services.sync import run_full_sync
from bot.settings import load_settings
from integrations.wecom.events import CallbackMessage, ContactChange, TextMessage
from segmentation.models import Follow
from tests.reliability.harness import Rig, utcnow

# WeCom re-sends an unanswered callback (3 retries); the rig keeps re-sending until answered
# (a restart of `segbot serve` takes seconds), so every message ends up acknowledged.
ANSWER_WITHIN_SECONDS = 180.0


@dataclass
class CallbackFigures:
    messages: int = 0
    texts: int = 0
    contacts: int = 0
    pushes: int = 0
    unanswered_pushes: int = 0
    kills: dict[str, int] = field(default_factory=dict)
    lost: list[str] = field(default_factory=list)
    processed_twice: list[str] = field(default_factory=list)
    not_done: list[str] = field(default_factory=list)
    relations_missing: list[str] = field(default_factory=list)
    replies_expected: int = 0
    replies_received: int = 0
    replies_missing: int = 0
    replies_doubled: int = 0
    seconds: float = 0.0

    def ok(self) -> bool:
        return not (
            self.lost
            or self.processed_twice
            or self.not_done
            or self.relations_missing
            or self.replies_missing
        )


def seed_database(rig: Rig) -> None:
    """Staff, tags and customers from the simulated WeCom (one full sync, in this process)."""
    run_full_sync(rig.factory, rig.gateway(), utcnow())


def _next_message(rig: Rig, rng: random.Random, n: int) -> CallbackMessage:
    company = rig.company
    sellers = company.follow_user_list()
    user = rng.choice(sellers)
    if rng.random() < 0.7:
        text = rng.choice(["帮助", "help", "上海的客户有多少", "我的客户", "高意向客户"])
        msg_id = str(9_000_000_000 + n)
        return TextMessage(user, text, msg_id, rig.sim.config.agent_id, int(time.time()))
    ext = f"wmFAULT{n:06d}"
    from integrations.wecom.simulator.company import SimCustomer

    company.add_follow(SimCustomer(ext, f"新客户{n}"), user, int(time.time()), remark=f"新客户{n}")
    return ContactChange("add_external_contact", user, ext, int(time.time()))


def _push_until_answered(rig: Rig, message: CallbackMessage, figures: CallbackFigures) -> None:
    deadline = time.monotonic() + ANSWER_WITHIN_SECONDS
    while time.monotonic() < deadline:
        figures.pushes += 1
        if rig.sim.scenario.push(message, rig.callback_url) == 200:
            return
        figures.unanswered_pushes += 1
        time.sleep(0.25)
    raise AssertionError(f"callback {message.idempotency_key} was never answered")


def _killer(
    rig: Rig, rng: random.Random, kills: int, gap: tuple[float, float], stop: threading.Event
) -> None:
    """Kill the web server or the worker at random moments; each comes back after a pause."""
    done, first = 0, rng.randrange(2)
    while done < kills and not stop.wait(rng.uniform(*gap)):
        # Alternate, so both processes are hit whatever the random stream does.
        name = ("serve", "worker")[(done + first) % 2]
        if rig.kill9(name):
            done += 1
        time.sleep(rng.uniform(0.0, 0.4))
        if name == "serve":
            rig.start_serve(worker=False)
        else:
            rig.start("worker", "worker", "--poll", "0.1")


def run_callback_faults(
    rig: Rig,
    *,
    messages: int,
    kills: int,
    seed: int,
    gap: tuple[float, float] = (0.3, 1.2),
    senders: int = 2,
) -> CallbackFigures:
    """Push `messages` callbacks from `senders` threads while `kills` SIGKILLs land, restart,
    let everything drain, and compare what was acknowledged with what was processed."""
    rng = random.Random(seed)
    figures = CallbackFigures()
    started = time.monotonic()
    rig.start_serve(worker=False)
    rig.start("worker", "worker", "--poll", "0.1")
    pending = [_next_message(rig, rng, n) for n in range(messages)]
    sent: list[CallbackMessage] = []
    lock = threading.Lock()

    # Spread the messages over the time the kills take, so kills land mid-burst.
    pace = kills * sum(gap) / 2 / max(1, messages / senders)

    def sender() -> None:
        while True:
            time.sleep(pace * rng.uniform(0.5, 1.5))
            with lock:
                if not pending:
                    return
                message = pending.pop(0)
            _push_until_answered(rig, message, figures)
            with lock:
                sent.append(message)

    stop = threading.Event()
    killer = threading.Thread(target=_killer, args=(rig, random.Random(seed + 1), kills, gap, stop))
    killer.start()
    threads = [threading.Thread(target=sender) for _ in range(senders)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # Every planned kill happens, even when the burst ended first (a fast machine).
    killer.join()
    _settle(rig)
    figures.kills = dict(rig.kills)
    _check(rig, sent, figures)
    figures.seconds = time.monotonic() - started
    return figures


def _settle(rig: Rig, timeout: float = 60.0) -> None:
    """Restart what is down, wait for the worker to empty the inbox, then do what a worker
    does once the leases of killed workers have run out (a drain with the clock moved past
    the lease), so messages a killed worker held are retried rather than waited for."""
    if rig.procs.get("worker") is None or rig.procs["worker"].poll() is not None:
        rig.start("worker", "worker", "--poll", "0.1")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(m.status == DONE for m in rig.inbox() if m.status != "processing"):  # noqa: SIM102
            if not [m for m in rig.inbox() if m.status in ("received", "failed")]:
                break
        time.sleep(0.3)
    rig.stop("worker")
    later = utcnow() + RetryPolicy().lease + timedelta(seconds=1)
    settings = load_settings(rig.env(), env_file=None)
    deps = build_deps(settings, engine=rig.engine, gateway=rig.gateway(), clock=lambda: later)
    drain(deps)


def _check(rig: Rig, sent: list[CallbackMessage], figures: CallbackFigures) -> None:
    figures.messages = len(sent)
    rows = {m.idempotency_key: m for m in rig.inbox()}
    with rig.factory() as s:
        audits = Counter(s.scalars(select(AuditEntry.inbox_id)))
        live = {(r[0], r[1]) for r in s.execute(select(Follow.userid, Follow.external_userid))}
    replies: Counter[str] = Counter()
    for record in rig.sim.state.sent:
        for user in record["touser"]:
            replies[user] += 1
    expected: Counter[str] = Counter()
    for message in sent:
        row = rows.get(message.idempotency_key)
        if row is None:
            figures.lost.append(message.idempotency_key)
            continue
        if row.status != DONE:
            figures.not_done.append(f"{message.idempotency_key}:{row.status}")
        if isinstance(message, TextMessage):
            figures.texts += 1
            expected[message.from_user] += 1
            if audits[row.id] != 1:
                figures.processed_twice.append(f"{message.idempotency_key}:{audits[row.id]}")
        elif isinstance(message, ContactChange):
            figures.contacts += 1
            if (message.userid, message.external_userid) not in live:
                figures.relations_missing.append(message.external_userid)
    stray = set(rows) - {m.idempotency_key for m in sent}
    figures.lost += [f"unexpected row {k}" for k in stray]
    figures.replies_expected = sum(expected.values())
    figures.replies_received = sum(replies.values())
    for user, n in expected.items():
        figures.replies_missing += max(0, n - replies[user])
        figures.replies_doubled += max(0, replies[user] - n)


def inbox_statuses(rig: Rig) -> Counter[str]:
    return Counter(m.status for m in rig.inbox())


__all__ = ["CallbackFigures", "InboxMessage", "run_callback_faults", "seed_database"]
